use core::fmt;

use super::flush_tiny;
use super::stochastic::Range;
#[cfg(feature = "serde")]
use super::stochastic::RangeState;
use super::StochasticOutput;
use crate::average::Sma;
use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::float::lit;
use crate::{CheckedInput, Error, Indicator, Real};

/// Fast stochastic oscillator with any moving average: TA-Lib's `STOCHF` with its
/// `fastd_matype`.
///
/// # Formula
///
/// `k = fastK` as in [`FastStochastic`](super::FastStochastic) (0 for a flat window, by
/// TA-Lib's test) and `d = D(k)`, a moving average of any kind. Both lines start together,
/// when `d` has its first value (as TA-Lib aligns them): after `fast_k + warm-up D − 1`
/// candles. For the SMA prefer [`FastStochastic`](super::FastStochastic), the same numbers
/// with a steady-state fast path.
///
/// # Range
///
/// `k` is in `0..=100` (clamped, as [`FastStochastic`](super::FastStochastic)'s); `d` too
/// when `D` is a mean with non-negative weights (SMA, EMA, WMA, TRIMA, KAMA, MAMA, Wilder's,
/// none). DEMA, TEMA, T3, HMA and ZLEMA extrapolate and can
/// leave the band (as in TA-Lib): every output is still finite. No candle is refused beyond
/// the usable range.
///
/// # Parameters
///
/// `fast_k`: `1..=100000` (TA-Lib `fastk_period`, default 5); the average `d` (TA-Lib
/// `fastd_period` 3, SMA by default).
///
/// # Example
///
/// ```
/// use ta_stream::average::Ema;
/// use ta_stream::{bar::Candle, momentum::MaFastStochastic, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut stochastic = MaFastStochastic::new(2, Ema::new(2)?)?;
/// assert_eq!(stochastic.update(candle(10.0, 8.0, 9.0)?), None);
/// assert_eq!(stochastic.update(candle(11.0, 9.0, 11.0)?), None); // fastK = 100
/// let out = stochastic.update(candle(11.0, 10.0, 10.0)?).unwrap(); // fastK = 50
/// assert_eq!((out.k, out.d), (50.0, 75.0));
/// assert_eq!(stochastic.to_string(), "STOCHF(2,EMA(2))");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// George Lane's stochastics; TA-Lib `STOCHF` (every `matype`), matched at every index.
#[doc(alias = "STOCHF")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "MaFastStochasticState<D, T>",
        bound(
            serialize = "D: serde::Serialize, T: serde::Serialize",
            deserialize = "D: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                           T: serde::Deserialize<'de>"
        )
    )
)]
pub struct MaFastStochastic<D = Sma<f64>, T: Real = f64> {
    range: Range<T>,
    fast_d: D,
    /// The last `%K`.
    k: Option<T>,
}

impl<D, T> MaFastStochastic<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// The fast stochastic over `fast_k` candles, `%D` the average `fast_d` of `%K`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast_k` unless it is in `1..=100000`.
    pub fn new(fast_k: usize, fast_d: D) -> Result<Self, Error> {
        Ok(Self {
            range: Range::new(fast_k)?,
            fast_d,
            k: None,
        })
    }

    /// The `%K` window length in candles.
    pub fn fast_k_period(&self) -> usize {
        self.range.period()
    }
}

impl<T: Real> Default for MaFastStochastic<Sma<T>, T> {
    /// STOCHF(5, 3) with the SMA, TA-Lib's defaults.
    fn default() -> Self {
        Self {
            range: Range::with_valid_period(5),
            fast_d: Sma::with_valid_period(3),
            k: None,
        }
    }
}

impl<D, T> Indicator for MaFastStochastic<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = Candle<T>;
    type Output = StochasticOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let k = flush_tiny(self.range.update(&candle)?);
        self.k = Some(k);
        let d = self.fast_d.update(k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let k = flush_tiny(self.range.peek(&candle)?);
        let d = self.fast_d.peek(k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn value(&self) -> Option<StochasticOutput<T>> {
        Some(StochasticOutput {
            k: self.k?,
            d: self.fast_d.value()?,
        })
    }

    fn reset(&mut self) {
        self.range.clear();
        self.fast_d.reset();
        self.k = None;
    }

    fn warmup_period(&self) -> usize {
        self.range.period() + self.fast_d.warmup_period() - 1
    }
}

impl<D: fmt::Display, T: Real> fmt::Display for MaFastStochastic<D, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "STOCHF({},{})", self.range.period(), self.fast_d)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MaFastStochasticState<D, T: Real> {
    range: RangeState<T>,
    fast_d: D,
    k: Option<T>,
}

#[cfg(feature = "serde")]
impl<D, T> TryFrom<MaFastStochasticState<D, T>> for MaFastStochastic<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Error = Error;

    /// The window and the average validate themselves; here: `%K` in `0..=100` and stored
    /// once the window has produced one.
    fn try_from(state: MaFastStochasticState<D, T>) -> Result<Self, Error> {
        let range = Range::try_from(state.range)?;
        let produced = range.produced();
        let k_ok = match state.k {
            Some(k) => {
                produced > 0
                    && k >= T::zero()
                    && k <= lit::<T>(100.0) * (T::one() + lit::<T>(4.0) * T::epsilon())
            }
            None => produced == 0,
        };
        if !k_ok {
            return Err(crate::error::invalid_state(
                "fast stochastic %K or %D out of step with the candles seen, or %K outside 0..=100",
            ));
        }
        Ok(Self {
            range,
            fast_d: state.fast_d,
            k: state.k,
        })
    }
}
