use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::bar::Candle;
use crate::volatility::TrueRange;
use crate::{CheckedInput, Error, Indicator, Real};

/// Average True Range: Wilder's smoothing of the [`TrueRange`], at TA-Lib parity.
///
/// # Formula
///
/// `TR_t` as in [`TrueRange`] (none for the first bar). The first ATR is the mean of the first
/// `n` true ranges (`TR_1..TR_n`, so it comes with bar index `n`, the `n + 1`-th bar); then
/// `ATR_t = (ATR_{t−1}·(n − 1) + TR_t)/n` (see [`Rma`](crate::average::Rma)).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 14 by [`Default`].
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::Atr, Indicator};
///
/// let bar = |h: f64, l: f64, c: f64| Candle::new(c, h, l, c, 0.0);
/// let mut atr = Atr::new(2)?;
/// assert_eq!(atr.update(bar(11.0, 9.0, 10.0)?), None); // no previous close yet
/// assert_eq!(atr.update(bar(12.0, 10.0, 11.0)?), None); // TR 2
/// assert_eq!(atr.update(bar(15.0, 13.0, 14.0)?), Some(3.0)); // TR 4: mean of 2 and 4
/// assert_eq!(atr.update(bar(15.0, 14.0, 14.5)?), Some(2.0)); // (3·1 + 1)/2
/// assert_eq!(Atr::<f64>::default().to_string(), "ATR(14)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `ATR`, matched at every
/// index by `tests/talib_volatility.rs`.
#[doc(alias = "ATR")]
#[doc(alias = "average true range")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AtrState<T>")
)]
pub struct Atr<T: Real = f64> {
    true_range: TrueRange<T>,
    smoother: Smoother<T>,
    /// `true` once the average is seeded: updates then take the steady-state path (a true
    /// range and a Wilder step, no bookkeeping). Derived from the average.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: bool,
}

impl Atr {
    /// Wilder's ATR over `period` true ranges.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Atr<T> {
    /// [`Atr::new`] in any precision `T` (`f32`, or generic code): `Atr::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            true_range: TrueRange::new_generic(),
            smoother: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            warm: false,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.smoother.period()
    }

    /// The slice path in TA-Lib's `ATR` shape: `high`, `low` and `close` columns in, the
    /// ATR of each row into `out`, NaN while warming up. Each row is the candle
    /// `(open: close, high, low, close, volume: 0)`: the outputs and the final state are bit
    /// for bit those of [`update`](Indicator::update) over those candles (a row with an
    /// unusable number is ignored, its output repeats the previous one). Reads 24 bytes a
    /// row where a [`Candle`] holds 40; once warm, a chunk of rows proven usable runs the
    /// steady updates without checking each row.
    ///
    /// ```
    /// use ta_stream::volatility::Atr;
    ///
    /// let (high, low, close) = ([11.0, 12.0, 15.0, 15.0], [9.0, 10.0, 13.0, 14.0], [10.0, 11.0, 14.0, 14.5]);
    /// let mut atr = [0.0_f64; 4];
    /// Atr::new(2)?.hlc_into(&high, &low, &close, &mut atr)?;
    /// assert!(atr[0].is_nan() && atr[1].is_nan());
    /// assert_eq!(atr[2..], [3.0, 2.0]); // true ranges 2, 4, 1: (2 + 4)/2, then (3·1 + 1)/2
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
        crate::slice::hlc_values(self, [high, low, close], out, Self::steady_chunk)
    }

    /// Once warm, the steady updates over a chunk of usable rows (`false`, nothing done,
    /// before): the ATR of each into `out`, bit for bit [`update`](Indicator::update)'s.
    #[inline]
    pub(crate) fn steady_chunk(&mut self, [high, low, close]: [&[T]; 3], out: &mut [T]) -> bool {
        if !self.warm {
            return false;
        }
        for (((&high, &low), &close), slot) in high.iter().zip(low).zip(close).zip(out) {
            let candle = Candle::from_hlc(high, low, close);
            let range = self.true_range.push_after_first(candle);
            *slot = self.smoother.wilder_step(range);
        }
        true
    }

    /// The close of the last committed bar (for [`Natr`](crate::volatility::Natr)).
    pub(crate) fn last_close(&self) -> Option<T> {
        self.true_range.last_close()
    }
}

impl<T: Real> Default for Atr<T> {
    /// ATR(14), Wilder's period.
    fn default() -> Self {
        Self {
            true_range: TrueRange::new_generic(),
            smoother: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
            warm: false,
        }
    }
}

impl<T: Real> Indicator for Atr<T> {
    type Input = Candle<T>;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline(always)]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        if self.warm {
            // The steady state: exactly the steps below, without their `Option`s.
            let range = self.true_range.push_after_first(candle);
            return Some(self.smoother.wilder_step(range));
        }
        let range = self.true_range.push(candle)?;
        let atr = self.smoother.update(range);
        self.warm = self.smoother.is_warm();
        atr
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        self.smoother.peek(self.true_range.next(candle)?)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.smoother.value()
    }

    fn reset(&mut self) {
        self.true_range.reset();
        self.smoother.reset();
        self.warm = false;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Atr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ATR({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AtrState<T: Real> {
    true_range: TrueRange<T>,
    smoother: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AtrState<T>> for Atr<T> {
    type Error = Error;

    fn try_from(state: AtrState<T>) -> Result<Self, Error> {
        let smoother = &state.smoother;
        let consistent = smoother.is_wilder()
            && smoother.seed() == Seed::Sma
            && smoother.state() >= T::zero()
            // Every true range consumed came with a bar that had a previous close.
            && (smoother.count() == 0 || state.true_range.value().is_some());
        if !consistent {
            return Err(crate::error::invalid_state(
                "ATR smoothing is not Wilder's, negative, or ahead of its true range",
            ));
        }
        Ok(Self {
            true_range: state.true_range,
            warm: state.smoother.is_warm(),
            smoother: state.smoother,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::average::smoother::test_candles;

    /// Each update on the steady-state path gives what the general path gives from the
    /// same state, bit for bit, and leaves the same state (`peek` too).
    #[test]
    fn the_steady_path_is_the_general_path_bit_for_bit() {
        let mut indicator = Atr::<f64>::new(5).unwrap();
        let mut steady = 0;
        for x in test_candles(600) {
            let mut general = indicator.clone();
            general.warm = false;
            steady += usize::from(indicator.warm);
            assert_eq!(indicator.peek(x), general.peek(x));
            assert_eq!(indicator.update(x), general.update(x));
            // An ignored input leaves the general path's `warm` as the test set it.
            if x.close.is_finite() {
                assert_eq!(indicator, general);
            }
        }
        assert!(steady > 500, "only {steady} steady updates");
    }
}
