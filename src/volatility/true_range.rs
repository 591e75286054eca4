use core::fmt;

use crate::bar::Candle;
use crate::float::larger;
use crate::{CheckedInput, Error, Indicator, Real};

/// True range: the bar's range, extended to the previous close when the bar gapped away
/// from it.
///
/// # Formula
///
/// `TR_t = max(H_t − L_t, |H_t − C_{t−1}|, |L_t − C_{t−1}|)`. Like TA-Lib, the first bar has
/// no previous close and gives no output: the first output comes with the **second** bar.
///
/// The candle is not validated (see [`Candle::new`]); only its numbers must be usable (a
/// candle with a NaN or an infinity is ignored like any unusable input).
///
/// # Parameters
///
/// None; [`TrueRange::new`] and [`Default`] are the same.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::TrueRange, Indicator};
///
/// let mut tr = TrueRange::new();
/// assert_eq!(tr.update(Candle::new(10.0, 11.0, 9.0, 10.0, 0.0)?), None);
/// // gap up: the range 13 − 12 = 1 is extended down to the previous close, 10
/// assert_eq!(tr.update(Candle::new(12.5, 13.0, 12.0, 12.5, 0.0)?), Some(3.0));
/// assert_eq!(tr.to_string(), "TR");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `TRANGE`, matched at
/// every index by `tests/talib_volatility.rs`.
#[doc(alias = "TRANGE")]
#[doc(alias = "TR")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TrueRangeState<T>")
)]
pub struct TrueRange<T: Real = f64> {
    /// The last committed bar's close.
    previous_close: Option<T>,
    /// The last committed output.
    range: Option<T>,
}

impl TrueRange {
    /// A true range that has seen no bar.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> TrueRange<T> {
    /// [`TrueRange::new`] in any precision `T` (`f32`, or generic code): `TrueRange::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            previous_close: None,
            range: None,
        }
    }

    /// The slice path in TA-Lib's `TRANGE` shape: `high`, `low` and `close` columns in, the
    /// true range of each row into `out`, NaN for the first; bit for bit
    /// [`update`](Indicator::update) over the candles `(open: close, high, low, close,
    /// volume: 0)` (a row with an unusable number is ignored, its output repeats the
    /// previous one). Once a close is known, a chunk of rows proven usable runs without
    /// checking each row.
    ///
    /// ```
    /// use ta_stream::volatility::TrueRange;
    ///
    /// let (high, low, close) = ([11.0, 12.0, 15.0], [9.0, 10.0, 13.0], [10.0, 11.0, 14.0]);
    /// let mut range = [0.0_f64; 3];
    /// TrueRange::new().hlc_into(&high, &low, &close, &mut range)?;
    /// assert!(range[0].is_nan());
    /// assert_eq!(range[1..], [2.0, 4.0]); // the second gaps up from the close of 11
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close` or `out` differs
    /// in length from `high`; nothing is consumed then.
    pub fn hlc_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        crate::slice::hlc_values(self, [high, low, close], out, |true_range, columns, out| {
            if true_range.previous_close.is_none() {
                return false;
            }
            let [high, low, close] = columns;
            for (((&high, &low), &close), slot) in high.iter().zip(low).zip(close).zip(out) {
                *slot = true_range.push_after_first(Candle::from_hlc(high, low, close));
            }
            true
        })
    }

    /// The close of the last committed bar.
    pub(crate) fn last_close(&self) -> Option<T> {
        self.previous_close
    }

    /// Commits a candle already checked by the caller.
    #[inline]
    pub(crate) fn push(&mut self, candle: Candle<T>) -> Option<T> {
        self.range = self.next(candle);
        self.previous_close = Some(candle.close);
        self.range
    }

    /// Commits a candle already checked by the caller, once a previous close is known (the
    /// steady state of [`Atr`](crate::volatility::Atr)): what [`push`](Self::push) returns
    /// then, without the `Option`.
    #[inline]
    pub(crate) fn push_after_first(&mut self, candle: Candle<T>) -> T {
        let range = Self::range(self.previous_close.unwrap_or(candle.close), candle);
        self.range = Some(range);
        self.previous_close = Some(candle.close);
        range
    }

    /// `max(H − L, |C_prev − H|, |L − C_prev|)`.
    #[inline]
    fn range(previous: T, candle: Candle<T>) -> T {
        let range = candle.high - candle.low;
        let above = (previous - candle.high).abs();
        let below = (candle.low - previous).abs();
        // Never NaN (usable inputs): comparisons, without `max`'s NaN handling.
        larger(larger(range, above), below)
    }

    /// The true range `candle` would give (`None` for the first bar).
    #[inline]
    pub(crate) fn next(&self, candle: Candle<T>) -> Option<T> {
        Some(Self::range(self.previous_close?, candle))
    }
}

impl<T: Real> Indicator for TrueRange<T> {
    type Input = Candle<T>;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        self.push(candle)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        self.next(candle)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.range
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        2
    }
}

impl<T: Real> fmt::Display for TrueRange<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TR")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TrueRangeState<T> {
    previous_close: Option<T>,
    range: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<TrueRangeState<T>> for TrueRange<T> {
    type Error = crate::Error;

    fn try_from(state: TrueRangeState<T>) -> Result<Self, crate::Error> {
        let consistent = state.previous_close.is_none_or(|c| c.is_usable())
            && state
                .range
                // At most the distance between two usable prices.
                .is_none_or(|r| {
                    r >= T::zero()
                        && r <= T::max_input() + T::max_input()
                        && state.previous_close.is_some()
                });
        if !consistent {
            return Err(crate::error::invalid_state(
                "true range without a previous close, negative or not finite",
            ));
        }
        Ok(Self {
            previous_close: state.previous_close,
            range: state.range,
        })
    }
}
