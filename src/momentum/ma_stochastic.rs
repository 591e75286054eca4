use core::fmt;

use super::flush_tiny;
use super::stochastic::Range;
#[cfg(feature = "serde")]
use super::stochastic::RangeState;
use super::StochasticOutput;
use crate::average::Sma;
use crate::bar::Candle;
use crate::{CheckedInput, Error, Indicator, Real};

/// Slow stochastic oscillator with any moving averages: TA-Lib's `STOCH` with its
/// `slowk_matype` and `slowd_matype`.
///
/// # Formula
///
/// `fastK` as in [`Stochastic`](super::Stochastic) (0 for a flat window, by TA-Lib's test),
/// then `k = K(fastK)` and `d = D(k)`, with `K` and `D` two moving averages of any kind, each
/// fed from the first value of its input on. The first output comes after
/// `fast_k − 1 + warm-up K + warm-up D − 1` candles. For two SMAs prefer
/// [`Stochastic`](super::Stochastic), the same numbers with a steady-state fast path.
///
/// # Range
///
/// `fastK` is in `0..=100` (clamped, as [`Stochastic`](super::Stochastic)'s). `k` and `d`
/// stay in `0..=100` when both averages are means with non-negative weights (SMA, EMA, WMA,
/// TRIMA, KAMA, MAMA, Wilder's, none); DEMA, TEMA, T3, HMA and ZLEMA extrapolate and can
/// leave the band (as in TA-Lib), by a bounded factor: every output is finite. A value below `1e-150` passed between the averages counts as 0.
/// No candle is refused beyond the usable range.
///
/// # Parameters
///
/// `fast_k`: `1..=100000` (TA-Lib `fastk_period`, default 5); the averages `k` and `d`
/// (TA-Lib `slowk_period` 3, `slowd_period` 3, SMA by default).
///
/// # Example
///
/// ```
/// use ta_stream::average::{Ema, Wma};
/// use ta_stream::{bar::Candle, momentum::MaStochastic, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut stochastic = MaStochastic::new(2, Ema::new(2)?, Wma::new(1)?)?;
/// assert_eq!(stochastic.update(candle(10.0, 8.0, 9.0)?), None);
/// assert_eq!(stochastic.update(candle(11.0, 9.0, 11.0)?), None); // fastK = 100
/// let out = stochastic.update(candle(11.0, 10.0, 10.0)?).unwrap(); // fastK = 50
/// assert_eq!((out.k, out.d), (75.0, 75.0)); // the EMA's seed: the mean
/// assert_eq!(stochastic.to_string(), "STOCH(2,EMA(2),WMA(1))");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// George Lane's stochastics; TA-Lib `STOCH` (every `matype`), matched at every index.
#[doc(alias = "STOCH")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "MaStochasticState<K, D, T>",
        bound(
            serialize = "K: serde::Serialize, D: serde::Serialize, T: serde::Serialize",
            deserialize = "K: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                           D: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                           T: serde::Deserialize<'de>"
        )
    )
)]
pub struct MaStochastic<K = Sma<f64>, D = K, T: Real = f64> {
    range: Range<T>,
    slow_k: K,
    slow_d: D,
}

impl<K, D, T> MaStochastic<K, D, T>
where
    K: Indicator<Input = T, Output = T>,
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// The slow stochastic over `fast_k` candles, `%K` smoothed by `slow_k` and `%D` by
    /// `slow_d`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast_k` unless it is in `1..=100000`.
    pub fn new(fast_k: usize, slow_k: K, slow_d: D) -> Result<Self, Error> {
        Ok(Self {
            range: Range::new(fast_k)?,
            slow_k,
            slow_d,
        })
    }

    /// For a `fast_k` known to be valid (defaults).
    pub(super) fn with_valid_period(fast_k: usize, slow_k: K, slow_d: D) -> Self {
        Self {
            range: Range::with_valid_period(fast_k),
            slow_k,
            slow_d,
        }
    }

    /// The `%K` window length in candles.
    pub fn fast_k_period(&self) -> usize {
        self.range.period()
    }
}

impl<T: Real> Default for MaStochastic<Sma<T>, Sma<T>, T> {
    /// STOCH(5, 3, 3) with SMAs, TA-Lib's defaults.
    fn default() -> Self {
        Self {
            range: Range::with_valid_period(5),
            slow_k: Sma::with_valid_period(3),
            slow_d: Sma::with_valid_period(3),
        }
    }
}

impl<K, D, T> Indicator for MaStochastic<K, D, T>
where
    K: Indicator<Input = T, Output = T>,
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
        let fast_k = self.range.update(&candle)?;
        let k = flush_tiny(self.slow_k.update(flush_tiny(fast_k))?);
        let d = self.slow_d.update(k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let fast_k = self.range.peek(&candle)?;
        let k = flush_tiny(self.slow_k.peek(flush_tiny(fast_k))?);
        let d = self.slow_d.peek(k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn value(&self) -> Option<StochasticOutput<T>> {
        Some(StochasticOutput {
            k: flush_tiny(self.slow_k.value()?),
            d: self.slow_d.value()?,
        })
    }

    fn reset(&mut self) {
        self.range.clear();
        self.slow_k.reset();
        self.slow_d.reset();
    }

    fn warmup_period(&self) -> usize {
        self.range.period() + self.slow_k.warmup_period() + self.slow_d.warmup_period() - 2
    }
}

impl<K: fmt::Display, D: fmt::Display, T: Real> fmt::Display for MaStochastic<K, D, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "STOCH({},{},{})",
            self.range.period(),
            self.slow_k,
            self.slow_d
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MaStochasticState<K, D, T: Real> {
    range: RangeState<T>,
    slow_k: K,
    slow_d: D,
}

#[cfg(feature = "serde")]
impl<K, D, T> TryFrom<MaStochasticState<K, D, T>> for MaStochastic<K, D, T>
where
    K: Indicator<Input = T, Output = T>,
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Error = Error;

    /// The window and the averages validate themselves; here: no average ready before its
    /// input has produced a value.
    fn try_from(state: MaStochasticState<K, D, T>) -> Result<Self, Error> {
        let range = Range::try_from(state.range)?;
        check_chain(range.produced(), &state.slow_k, &state.slow_d)?;
        Ok(Self {
            range,
            slow_k: state.slow_k,
            slow_d: state.slow_d,
        })
    }
}

/// Checks two averages chained after a source that produced `produced` values: `%D` not
/// ready before `%K`'s average, and that one not ready before any `%K`. Only conditions that
/// stay true as updates come are checked, so every checkpoint of a loaded state loads again;
/// the exact counts inside the averages are theirs to validate (a generic average does not
/// expose them).
#[cfg(feature = "serde")]
pub(super) fn check_chain<T, K, D>(produced: u64, slow_k: &K, slow_d: &D) -> Result<(), Error>
where
    K: Indicator<Input = T, Output = T>,
    D: Indicator<Input = T, Output = T>,
{
    let consistent =
        (!slow_d.is_ready() || slow_k.is_ready()) && (!slow_k.is_ready() || produced > 0);
    if consistent {
        Ok(())
    } else {
        Err(crate::error::invalid_state(
            "stochastic averages are out of step with the candles seen",
        ))
    }
}
