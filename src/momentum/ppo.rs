use core::fmt;

use super::average_pair::AveragePair;
use crate::average::Ema;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Percentage price oscillator: the fast moving average minus the slow one, in percent of
/// the slow one, for any average.
///
/// # Formula
///
/// `PPO_t = 100 · (M_fast(x)_t − M_slow(x)_t) / M_slow(x)_t`, and **0 when
/// `|M_slow| < 1e-8`** (TA-Lib's zero test, an absolute threshold, kept as TA-Lib's), with `M` the same kind of moving average (EMA by
/// default, as TA-Lib's `matype` 1; any [`average`](crate::average) built by a function of
/// the period). Both averages take every input from the first one on (TA-Lib's `APO`; unlike
/// [`Macd`](super::Macd), whose fast EMA starts late). When `slow < fast` the periods are
/// swapped, as TA-Lib swaps them.
///
/// # Warm-up and range
///
/// The first output comes when both averages have one: after `slow` inputs for the EMA
/// (TA-Lib's lookback `slow − 1`, plus one). The output is a price difference, negative
/// when the fast average is below the slow one; it is finite for every usable input (an
/// average of inputs stays within a few times the largest, see
/// [`average`](crate::average)). No input is refused beyond the usable range.
///
/// # Parameters
///
/// - `fast`, `slow`: `2..=100000` (TA-Lib `fastperiod` 12, `slowperiod` 26);
/// - the average: `build(period)`, e.g. `Ema::new` (TA-Lib's default `matype` 1),
///   `Sma::new`, `Kama::new`.
///
/// # Example
///
/// ```
/// use ta_stream::signal::{Cross, CrossLevel};
/// use ta_stream::{average::Sma, momentum::Ppo, Indicator};
///
/// let mut ppo = Ppo::new(2, 3, Sma::<f64>::new)?;
/// let out = ppo.batch(&[1.0, 2.0, 3.0, 5.0]);
/// // 100 · (SMA(2) − SMA(3)) / SMA(3): 100 · 0.5 / 2 at the third input
/// assert_eq!(out[..2], [None, None]);
/// assert_eq!(out[2], Some(25.0));
/// assert!((out[3].unwrap() - 20.0).abs() < 1e-12); // 100 · (4 − 10/3) / (10/3)
/// assert_eq!(ppo.to_string(), "PPO(2,3,SMA)");
/// let default: Ppo = Ppo::default(); // EMAs of 12 and 26
/// assert_eq!(default.to_string(), "PPO(12,26,EMA)");
///
/// // The event an analyst reads: the PPO crossing its zero line (fast above slow).
/// let mut ppo = Ppo::new(2, 3, Sma::<f64>::new)?;
/// let mut zero_line = CrossLevel::new(0.0)?;
/// let crosses: Vec<_> = [5.0, 4.0, 3.0, 4.0, 6.0]
///     .iter()
///     .filter_map(|&x| ppo.update(x)) // −12.5, −4.5, +15.4
///     .map(|p| zero_line.update(p).flatten())
///     .collect();
/// assert_eq!(crosses, [None, None, Some(Cross::Above)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Gerald Appel's oscillator in percent; TA-Lib `PPO` (every `matype`), and `PVO` over
/// volumes; matches them at every index.
#[doc(alias = "PPO")]
#[doc(alias = "PVO")]
#[doc(alias = "percentage price oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "PpoState<M>",
        bound(
            serialize = "M: serde::Serialize",
            deserialize = "M: serde::Deserialize<'de> + Clone + Indicator<Output = <M as Indicator>::Input>, \
                           <M as Indicator>::Input: Real"
        )
    )
)]
pub struct Ppo<M = Ema<f64>> {
    pair: AveragePair<M>,
}

impl<M, T> Ppo<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// `100 · (build(fast) − build(slow)) / build(slow)`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast` or `slow` unless it is in `2..=100000`;
    /// any error of `build`.
    pub fn new(
        fast: usize,
        slow: usize,
        build: impl Fn(usize) -> Result<M, Error>,
    ) -> Result<Self, Error> {
        Ok(Self {
            pair: AveragePair::new(fast, slow, build)?,
        })
    }

    /// The fast (shorter) period.
    pub fn fast_period(&self) -> usize {
        self.pair.periods().0
    }

    /// The slow (longer) period.
    pub fn slow_period(&self) -> usize {
        self.pair.periods().1
    }
}

impl<T: Real> Default for Ppo<Ema<T>> {
    /// PPO(12, 26) of EMAs, TA-Lib's defaults.
    fn default() -> Self {
        Self {
            pair: AveragePair::from_parts(
                Ema::with_valid_period(12),
                Ema::with_valid_period(26),
                12,
                26,
            ),
        }
    }
}

/// TA-Lib's zero test for the divisor: `|slow| < 1e-8`.
const ZERO_DIVISOR: f64 = 1e-8;

/// `100 · (fast − slow) / slow`, evaluated as TA-Lib does; 0 for a divisor TA-Lib calls zero.
#[inline]
fn percent<T: Real>((fast, slow): (T, T)) -> T {
    if slow.abs() < lit::<T>(ZERO_DIVISOR) {
        T::zero()
    } else {
        (fast - slow) / slow * lit::<T>(100.0)
    }
}

impl<M, T> Indicator for Ppo<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.pair.update(x).map(percent)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.pair.peek(x).map(percent)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.pair.value().map(percent)
    }

    fn reset(&mut self) {
        self.pair.reset();
    }

    fn warmup_period(&self) -> usize {
        self.pair.warmup_period()
    }
}

impl<M, T> fmt::Display for Ppo<M>
where
    M: Indicator<Input = T, Output = T> + fmt::Display,
    T: Real,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fast, slow) = self.pair.periods();
        write!(f, "PPO({fast},{slow},{})", self.pair.kind())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PpoState<M> {
    pair: AveragePair<M>,
}

#[cfg(feature = "serde")]
impl<M> TryFrom<PpoState<M>> for Ppo<M>
where
    M: Indicator<Output = <M as Indicator>::Input> + Clone,
    M::Input: Real,
{
    type Error = Error;

    /// The averages validate themselves; the periods and their order are checked here.
    fn try_from(state: PpoState<M>) -> Result<Self, Error> {
        Ok(Self {
            pair: state.pair.check("PPO")?,
        })
    }
}
