use core::fmt;

use crate::average::Wma;
use crate::float::lit;
use crate::{Error, Indicator, Real};

use super::Roc;

/// Coppock curve: a weighted moving average of the sum of two rates of change, a long-term
/// momentum reading (monthly closes, in Coppock's use) whose turns up from below zero are
/// its buy signals.
///
/// # Formula
///
/// `COPPOCK_t = WMA_w(ROC_{r1}(t) + ROC_{r2}(t))`, where `ROC_r = 100·(x_t/x_{t−r} − 1)`
/// (0 over a zero base, as [`Roc`] and TA-Lib) and `WMA_w` the linearly weighted average of
/// [`Wma`]. The first output comes after `max(r1, r2) + w` inputs.
///
/// # Range
///
/// A rate of change of usable inputs is at most `100·(1 + max_input/min_input)` in
/// magnitude (see [`Roc`]); the curve is a weighted mean of sums of two, so every output is
/// finite (`|COPPOCK| ≤ 2e302` for `f64`, `2e32` for `f32`). Nothing beyond the crate's
/// usable range is refused. Its crossings of zero are
/// [`signal::CrossLevel`](crate::signal::CrossLevel) events.
///
/// # Parameters
///
/// - `wma_period` (`w`, TA-Lib `wmaperiod`): `1..=100000`, default 10;
/// - `roc1_period` (`r1`, TA-Lib `roc1period`): `1..=100000`, default 11;
/// - `roc2_period` (`r2`, TA-Lib `roc2period`): `1..=100000`, default 14.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Coppock, Indicator};
///
/// let mut coppock = Coppock::new(2, 1, 2)?;
/// let out = coppock.batch(&[100.0, 100.0, 110.0, 121.0]);
/// // ROC1 + ROC2: at 110, 10 + 10 = 20; at 121, 10 + 21 = 31; WMA(2) = (20 + 2·31)/3
/// assert_eq!(out[..3], [None, None, None]);
/// assert!((out[3].unwrap() - 82.0 / 3.0).abs() < 1e-12);
/// assert_eq!(Coppock::<f64>::default().to_string(), "COPPOCK(10,11,14)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Edwin Coppock, *Barron's* (1962); TA-Lib `COPPOCK`, matched at every index.
#[doc(alias = "COPPOCK")]
#[doc(alias = "Coppock curve")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CoppockState<T>")
)]
pub struct Coppock<T: Real = f64> {
    roc1: Roc<T>,
    roc2: Roc<T>,
    /// The WMA of the sums scaled by `2⁻²⁰` (fed without the input check: a sum may exceed
    /// `max_input`).
    smooth: Wma<T>,
}

impl Coppock {
    /// The Coppock curve: a `wma_period` WMA of the `roc1_period` and `roc2_period` rates of
    /// change.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the parameter unless each is in `1..=100000`.
    pub fn new(wma_period: usize, roc1_period: usize, roc2_period: usize) -> Result<Self, Error> {
        Self::new_generic(wma_period, roc1_period, roc2_period)
    }
}

impl<T: Real> Coppock<T> {
    /// [`Coppock::new`] in any precision `T` (`f32`, or generic code): `Coppock::<f32>::new_generic(14, 14, 14)`.
    pub fn new_generic(
        wma_period: usize,
        roc1_period: usize,
        roc2_period: usize,
    ) -> Result<Self, Error> {
        let renamed = |name: &'static str| {
            move |error: Error| match error {
                Error::InvalidParameter {
                    value, expected, ..
                } => Error::InvalidParameter {
                    name,
                    value,
                    expected,
                },
                other => other,
            }
        };
        Ok(Self {
            smooth: Wma::new_generic(wma_period).map_err(renamed("wma_period"))?,
            roc1: Roc::new_generic(roc1_period).map_err(renamed("roc1_period"))?,
            roc2: Roc::new_generic(roc2_period).map_err(renamed("roc2_period"))?,
        })
    }

    /// The WMA period `w`.
    pub fn wma_period(&self) -> usize {
        self.smooth.period()
    }

    /// The first rate-of-change period `r1`.
    pub fn roc1_period(&self) -> usize {
        self.roc1.period()
    }

    /// The second rate-of-change period `r2`.
    pub fn roc2_period(&self) -> usize {
        self.roc2.period()
    }

    /// The largest `|ROC1 + ROC2|·2⁻²⁰` of usable inputs, with room for rounding.
    #[cfg(feature = "serde")]
    fn largest_fed() -> T {
        (T::one() + T::max_input() / T::min_input()) * lit(400.0) * Self::down()
    }

    /// `2⁻²⁰`: the sums enter the WMA scaled down by this power of two, and its average is
    /// scaled back up by `2²⁰`. Scaling by a power of two is exact, and the WMA is linear, so
    /// the output is bit for bit the unscaled one; but the WMA's weighted sums (up to
    /// `n(n + 1)/2` times a value) can no longer overflow, even for `n = 100000` and rates
    /// of change near their `1e302` bound.
    #[inline]
    fn down() -> T {
        lit(1.0 / 1_048_576.0)
    }

    #[inline]
    fn up() -> T {
        lit(1_048_576.0)
    }
}

impl<T: Real> Default for Coppock<T> {
    /// COPPOCK(10, 11, 14), TA-Lib's defaults.
    fn default() -> Self {
        Self {
            roc1: Roc::new_generic(11).unwrap_or_default(),
            roc2: Roc::new_generic(14).unwrap_or_default(),
            smooth: Wma::with_valid_period(10),
        }
    }
}

impl<T: Real> Indicator for Coppock<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let first = self.roc1.update(x);
        let second = self.roc2.update(x);
        self.smooth
            .feed((first? + second?) * Self::down())
            .map(|average| average * Self::up())
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let sum = self.roc1.peek(x)? + self.roc2.peek(x)?;
        self.smooth
            .peek_fed(sum * Self::down())
            .map(|average| average * Self::up())
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.smooth.value().map(|average| average * Self::up())
    }

    fn reset(&mut self) {
        self.roc1.reset();
        self.roc2.reset();
        self.smooth.reset();
    }

    fn warmup_period(&self) -> usize {
        self.roc1_period().max(self.roc2_period()) + self.wma_period()
    }
}

impl<T: Real> fmt::Display for Coppock<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "COPPOCK({},{},{})",
            self.wma_period(),
            self.roc1_period(),
            self.roc2_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CoppockState<T: Real> {
    roc1: Roc<T>,
    roc2: Roc<T>,
    smooth: crate::average::wma::WmaState<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CoppockState<T>> for Coppock<T> {
    type Error = Error;

    /// The two rates of change fed the same inputs (the newer ones of the longer lag are the
    /// shorter lag's), the WMA of sums within what usable inputs give, and nothing in it
    /// before both rates of change exist.
    fn try_from(state: CoppockState<T>) -> Result<Self, Error> {
        let smooth = Wma::load(state.smooth, Some(Self::largest_fed()))?;
        let (short, long) = if state.roc1.period() <= state.roc2.period() {
            (&state.roc1, &state.roc2)
        } else {
            (&state.roc2, &state.roc1)
        };
        let started = long.is_ready();
        let consistent = (started || smooth.is_empty())
            && (!long.is_ready() || short.is_ready())
            && short.newest_inputs_agree(long);
        if !consistent {
            return Err(crate::error::invalid_state(
                "COPPOCK rates of change disagree, or its WMA started before them",
            ));
        }
        Ok(Self {
            roc1: state.roc1,
            roc2: state.roc2,
            smooth,
        })
    }
}
