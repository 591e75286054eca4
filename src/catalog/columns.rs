//! [`Columns`]: whole input columns for [`DynIndicator::run_columns`](super::DynIndicator::run_columns).

use chrono::{DateTime, Utc};

use super::{CatalogError, DynInput, FunctionInfo, InputKind, Price};
use crate::bar::Candle;

/// Input columns, TA-Lib style: the ones a function reads must be present and of equal
/// length; the others may be `None` (they are then filled with a placeholder the function
/// does not read: the close for open, high and low, 0 for the volume).
///
/// ```
/// use ta_stream::catalog::{Columns, DynIndicator};
///
/// let (high, low, close) = ([11.0, 12.0, 13.0], [9.0, 10.0, 11.0], [10.0, 11.0, 12.0]);
/// let mut tr = [0.0; 3];
/// DynIndicator::parse("TRANGE")?.run_columns(&Columns::hlc(&high, &low, &close), &mut [&mut tr])?;
/// assert!(tr[0].is_nan());
/// assert_eq!(tr[1..], [2.0, 2.0]);
/// # Ok::<(), ta_stream::catalog::CatalogError>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns<'a> {
    /// Opens.
    pub open: Option<&'a [f64]>,
    /// Highs.
    pub high: Option<&'a [f64]>,
    /// Lows.
    pub low: Option<&'a [f64]>,
    /// Closes, and the `real` series.
    pub close: Option<&'a [f64]>,
    /// Volumes.
    pub volume: Option<&'a [f64]>,
    /// The second series of pair functions (`real1`).
    pub second: Option<&'a [f64]>,
    /// Bar times, for timestamped-bar functions.
    pub timestamps: Option<&'a [DateTime<Utc>]>,
}

impl<'a> Columns<'a> {
    /// One series (TA-Lib's `real`).
    pub fn real(values: &'a [f64]) -> Self {
        Self {
            close: Some(values),
            ..Self::default()
        }
    }

    /// Two series (TA-Lib's `real0`, `real1`).
    pub fn pair(first: &'a [f64], second: &'a [f64]) -> Self {
        Self {
            close: Some(first),
            second: Some(second),
            ..Self::default()
        }
    }

    /// High, low and close.
    pub fn hlc(high: &'a [f64], low: &'a [f64], close: &'a [f64]) -> Self {
        Self {
            high: Some(high),
            low: Some(low),
            close: Some(close),
            ..Self::default()
        }
    }

    /// All five prices.
    pub fn ohlcv(
        open: &'a [f64],
        high: &'a [f64],
        low: &'a [f64],
        close: &'a [f64],
        volume: &'a [f64],
    ) -> Self {
        Self {
            open: Some(open),
            volume: Some(volume),
            ..Self::hlc(high, low, close)
        }
    }

    /// The same columns with bar times.
    #[must_use]
    pub fn with_timestamps(mut self, timestamps: &'a [DateTime<Utc>]) -> Self {
        self.timestamps = Some(timestamps);
        self
    }

    fn price(&self, price: Price) -> Option<&'a [f64]> {
        match price {
            Price::Open => self.open,
            Price::High => self.high,
            Price::Low => self.low,
            Price::Close => self.close,
            Price::Volume => self.volume,
        }
    }

    /// Checks that `info`'s columns are present and all columns have one length; returns it.
    pub(crate) fn check(&self, info: &FunctionInfo) -> Result<usize, CatalogError> {
        let fail = |message: String| CatalogError::Columns {
            function: info.name,
            message,
        };
        let needed: &[(&str, bool)] = &match info.inputs {
            InputKind::Real => [
                ("close (real)", self.close.is_some()),
                ("", true),
                ("", true),
                ("", true),
                ("", true),
            ],
            InputKind::Pair(..) => [
                ("close (real0)", self.close.is_some()),
                ("second (real1)", self.second.is_some()),
                ("", true),
                ("", true),
                ("", true),
            ],
            InputKind::Prices(prices) => {
                let mut needed = [("", true); 5];
                for (slot, &price) in needed.iter_mut().zip(prices) {
                    *slot = (price.name(), self.price(price).is_some());
                }
                needed
            }
            InputKind::TimestampedBar => [
                ("timestamps", self.timestamps.is_some()),
                ("open", self.open.is_some()),
                ("high", self.high.is_some()),
                ("low", self.low.is_some()),
                ("close", self.close.is_some()),
            ],
        };
        if let Some((missing, _)) = needed.iter().find(|(_, present)| !present) {
            return Err(fail(format!("needs the {missing} column")));
        }
        let lengths = [
            self.open,
            self.high,
            self.low,
            self.close,
            self.volume,
            self.second,
        ]
        .into_iter()
        .flatten()
        .map(<[f64]>::len)
        .chain(self.timestamps.map(<[DateTime<Utc>]>::len));
        let mut rows = None;
        for length in lengths {
            match rows {
                None => rows = Some(length),
                Some(rows) if rows != length => {
                    return Err(fail(format!(
                        "columns of different lengths ({rows} and {length})"
                    )))
                }
                Some(_) => {}
            }
        }
        Ok(rows.unwrap_or(0))
    }

    /// The close of `row`: [`row`](Self::row)'s, without the other columns.
    #[inline]
    pub(crate) fn close_at(&self, row: usize) -> f64 {
        self.close
            .and_then(|values| values.get(row).copied())
            .unwrap_or(0.0)
    }

    /// The candle of `row`: [`row`](Self::row)'s, without the second series and the time.
    #[inline]
    pub(crate) fn candle_at(&self, row: usize) -> Candle<f64> {
        let at = |column: Option<&[f64]>| column.and_then(|values| values.get(row).copied());
        let close = self.close_at(row);
        Candle {
            open: at(self.open).unwrap_or(close),
            high: at(self.high).unwrap_or(close),
            low: at(self.low).unwrap_or(close),
            close,
            volume: at(self.volume).unwrap_or(0.0),
        }
    }

    /// Row `row` as one input (placeholders for absent columns).
    #[inline]
    pub(crate) fn row(&self, row: usize) -> DynInput {
        let at = |column: Option<&[f64]>| column.and_then(|values| values.get(row).copied());
        let close = at(self.close).unwrap_or(0.0);
        DynInput {
            open: at(self.open).unwrap_or(close),
            high: at(self.high).unwrap_or(close),
            low: at(self.low).unwrap_or(close),
            close,
            volume: at(self.volume).unwrap_or(0.0),
            second: at(self.second).unwrap_or(close),
            timestamp: self.timestamps.and_then(|times| times.get(row).copied()),
        }
    }
}
