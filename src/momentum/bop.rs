use core::fmt;

use crate::bar::Candle;
use crate::levels::is_valid_bar;
use crate::{Error, Indicator, Real};

/// Balance of power: where the candle's body sits in its range, from −1 (opened at the high,
/// closed at the low) to +1 (opened at the low, closed at the high).
///
/// # Formula
///
/// `BOP = (C − O)/(H − L)`, and **0** when `H = L` (TA-Lib's answer, an exact test at every
/// scale). One candle in, one value out: no warm-up, no parameter. Smooth it with any average
/// of [`average`](crate::average) (a 14-candle SMA is common).
///
/// # Inputs and range
///
/// Only valid candles are accepted: usable numbers, the open and the close within
/// `[low, high]`, a volume `≥ 0` (see [`Candle::validate`]). Any other candle is refused
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it and return the last value). Then `|C − O| ≤ H − L`, so every output
/// lies in `−1..=1`.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Bop, Indicator};
///
/// let mut bop = Bop::new();
/// assert_eq!(bop.update(Candle::new(10.0, 14.0, 9.0, 13.0, 0.0)?), Some(0.6)); // 3 / 5
/// assert_eq!(bop.update(Candle::new(12.0, 12.0, 12.0, 12.0, 0.0)?), Some(0.0)); // H = L
/// let open_above_high = Candle { open: 20.0, high: 14.0, low: 9.0, close: 10.0, volume: 0.0 };
/// assert!(bop.try_update(open_above_high).is_err());
/// assert_eq!(bop.to_string(), "BOP");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Igor Livshin, "Balance of Power", *Technical Analysis of Stocks & Commodities* (2001);
/// TA-Lib `BOP`, matched at every index.
#[doc(alias = "BOP")]
#[doc(alias = "balance of power")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "BopState<T>")
)]
pub struct Bop<T: Real = f64> {
    value: Option<T>,
}

impl Bop {
    /// The balance of power (no parameter).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Bop<T> {
    /// [`Bop::new`] in any precision `T` (`f32`, or generic code): `Bop::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self { value: None }
    }

    /// `(C − O)/(H − L)`, 0 for a flat candle.
    #[inline]
    fn balance(candle: &Candle<T>) -> T {
        let range = candle.high - candle.low;
        if range == T::zero() {
            T::zero()
        } else {
            (candle.close - candle.open) / range
        }
    }

    /// The slice path in TA-Lib's `BOP` shape: `open`, `high`, `low` and `close` columns in,
    /// the balance of power of each row into `out`. Each row is the candle
    /// `(open, high, low, close, volume: 0)`, so the outputs and the final state are bit for
    /// bit those of [`update`](Indicator::update) over those candles: a row that is not a
    /// valid bar is ignored (its output repeats the previous one, NaN before the first
    /// valid row). Reads 32 bytes a row where a [`Candle`] holds 40; a chunk of valid rows
    /// is checked at once, and its balances computed without a dependency from one row to
    /// the next.
    ///
    /// ```
    /// use ta_stream::momentum::Bop;
    ///
    /// let (open, high, low, close) = ([10.0, 12.0], [14.0, 12.0], [9.0, 12.0], [13.0, 12.0]);
    /// let mut bop = [0.0_f64; 2];
    /// Bop::new().ohlc_into(&open, &high, &low, &close, &mut bop)?;
    /// assert_eq!(bop, [0.6, 0.0]); // 3 / 5, then a flat candle
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `high`, `low`, `close` or `out`
    /// differs in length from `open`; nothing is consumed then.
    pub fn ohlc_into(
        &mut self,
        open: &[T],
        high: &[T],
        low: &[T],
        close: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        let inputs = [
            ("open", open),
            ("high", high),
            ("low", low),
            ("close", close),
        ];
        crate::slice::column_rows(
            self,
            inputs,
            [("out", out)],
            |bop, [open, high, low, close], [out]| {
                let rows = || open.iter().zip(high).zip(low).zip(close);
                // Usable numbers (proven for the chunk) and a valid bar's order, every row.
                let valid = rows().fold(true, |valid, (((&o, &h), &l), &c)| {
                    valid & (l <= o) & (o <= h) & (l <= c) & (c <= h)
                });
                if !valid {
                    return false;
                }
                for ((((&open, &high), &low), &close), slot) in rows().zip(out.iter_mut()) {
                    *slot = Self::balance(&Candle::from_ohlc(open, high, low, close));
                }
                if let Some(&last) = out.last() {
                    bop.value = Some(last);
                }
                true
            },
            |bop, [open, high, low, close]| {
                let candle = Candle::from_ohlc(open, high, low, close);
                [bop.update(candle).unwrap_or_else(T::nan)]
            },
        )
    }
}

impl<T: Real> Indicator for Bop<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if is_valid_bar(&candle) {
            self.value = Some(Self::balance(&candle));
        }
        self.value
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if is_valid_bar(&candle) {
            Some(Self::balance(&candle))
        } else {
            self.value
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.value
    }

    fn reset(&mut self) {
        self.value = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects candles that are not valid bars.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        if is_valid_bar(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Bop<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BOP")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BopState<T> {
    value: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<BopState<T>> for Bop<T> {
    type Error = Error;

    /// The last value within `−1..=1`.
    fn try_from(state: BopState<T>) -> Result<Self, Error> {
        if state
            .value
            .is_some_and(|v| !(v >= -T::one() && v <= T::one()))
        {
            return Err(crate::error::invalid_state("BOP value outside -1..=1"));
        }
        Ok(Self { value: state.value })
    }
}
