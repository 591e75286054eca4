use core::fmt;

use super::average_pair::AveragePair;
use crate::average::Ema;
use crate::{Error, Indicator, Real};

/// Absolute price oscillator: the fast moving average minus the slow one, for any average.
///
/// # Formula
///
/// `APO_t = M_fast(x)_t − M_slow(x)_t`, with `M` the same kind of moving average (EMA by
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
/// use ta_stream::{average::Sma, momentum::Apo, Indicator};
///
/// let mut apo = Apo::new(2, 3, Sma::<f64>::new)?;
/// let out = apo.batch(&[1.0, 2.0, 3.0, 5.0]);
/// // SMA(2) − SMA(3): 2.5 − 2 at the third input, 4 − 10/3 at the fourth
/// assert_eq!(out[..2], [None, None]);
/// assert_eq!(out[2], Some(0.5));
/// assert!((out[3].unwrap() - 2.0 / 3.0).abs() < 1e-12);
/// assert_eq!(apo.to_string(), "APO(2,3,SMA)");
/// let default: Apo = Apo::default(); // EMAs of 12 and 26
/// assert_eq!(default.to_string(), "APO(12,26,EMA)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `APO` (every `matype`); matches it at every index.
#[doc(alias = "APO")]
#[doc(alias = "absolute price oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "ApoState<M>",
        bound(
            serialize = "M: serde::Serialize",
            deserialize = "M: serde::Deserialize<'de> + Clone + Indicator<Output = <M as Indicator>::Input>, \
                           <M as Indicator>::Input: Real"
        )
    )
)]
pub struct Apo<M = Ema<f64>> {
    pair: AveragePair<M>,
}

impl<M, T> Apo<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// `build(fast) − build(slow)`.
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

impl<T: Real> Default for Apo<Ema<T>> {
    /// APO(12, 26) of EMAs, TA-Lib's defaults.
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

#[inline]
fn difference<T: Real>((fast, slow): (T, T)) -> T {
    fast - slow
}

impl<M, T> Indicator for Apo<M>
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
        self.pair.update(x).map(difference)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.pair.peek(x).map(difference)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.pair.value().map(difference)
    }

    fn reset(&mut self) {
        self.pair.reset();
    }

    fn warmup_period(&self) -> usize {
        self.pair.warmup_period()
    }
}

impl<M, T> fmt::Display for Apo<M>
where
    M: Indicator<Input = T, Output = T> + fmt::Display,
    T: Real,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (fast, slow) = self.pair.periods();
        write!(f, "APO({fast},{slow},{})", self.pair.kind())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ApoState<M> {
    pair: AveragePair<M>,
}

#[cfg(feature = "serde")]
impl<M> TryFrom<ApoState<M>> for Apo<M>
where
    M: Indicator<Output = <M as Indicator>::Input> + Clone,
    M::Input: Real,
{
    type Error = Error;

    /// The averages validate themselves; the periods and their order are checked here.
    fn try_from(state: ApoState<M>) -> Result<Self, Error> {
        Ok(Self {
            pair: state.pair.check("APO")?,
        })
    }
}
