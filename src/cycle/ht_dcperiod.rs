use core::fmt;

use super::hilbert::{Hilbert, Lookback};
use crate::{Indicator, Real};

/// Dominant cycle period (Ehlers' Hilbert transform): how many bars the market's current
/// cycle lasts, `6..=50` once settled.
///
/// # Formula
///
/// The smoothed period `SP` of the [Hilbert transform](crate::cycle#the-hilbert-transform):
/// the price is smoothed by a 4-bar WMA, detrended, split into in-phase and quadrature
/// components; the homodyne discriminator measures the phase advance per bar, so the period
/// is `360° / atan(Im/Re)`, held within `0.67..=1.5` times the previous period and within
/// `6..=50` bars, then smoothed twice: `P = 0.2·period + 0.8·P_{t−1}`,
/// `SP = 0.33·P + 0.67·SP_{t−1}`.
///
/// No parameters. First output on the 33rd input (TA-Lib's lookback of 32), computed from the
/// 13th input on. O(1) per update.
///
/// # Bounds
///
/// `0..=50` (the period starts at 0 and needs a few bars to reach 6: about 5.7 or more at the
/// first output).
///
/// # Example
///
/// ```
/// use ta_stream::{cycle::HtDcPeriod, Indicator};
///
/// // A sine wave with a 20-bar cycle.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut period = HtDcPeriod::new();
/// let out = period.batch(&closes);
/// assert!(out[..32].iter().all(Option::is_none));
/// // TA-Lib's HT_DCPERIOD on the same closes: 20.026143799872067.
/// assert!((out[99].unwrap() - 20.026143799872067).abs() < 1e-9);
/// assert_eq!(period.to_string(), "HT_DCPERIOD");
/// ```
///
/// # Links
///
/// TA-Lib `HT_DCPERIOD`; matches it at every index.
#[doc(alias = "HT_DCPERIOD")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtDcPeriodState<T>")
)]
pub struct HtDcPeriod<T: Real = f64> {
    hilbert: Hilbert<T>,
}

impl HtDcPeriod {
    /// The dominant cycle period, as TA-Lib computes it.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtDcPeriod<T> {
    /// [`HtDcPeriod::new`] in any precision `T` (`f32`, or generic code): `HtDcPeriod::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Short),
        }
    }
}

impl<T: Real> Default for HtDcPeriod<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtDcPeriod<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x);
        self.hilbert.commit(x, step);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x)?;
        self.hilbert.next_is_ready().then_some(step.smooth_period)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.hilbert
            .is_ready()
            .then(|| self.hilbert.smooth_period())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Short.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtDcPeriod<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_DCPERIOD")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtDcPeriodState<T: Real> {
    hilbert: Hilbert<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtDcPeriodState<T>> for HtDcPeriod<T> {
    type Error = crate::Error;

    fn try_from(state: HtDcPeriodState<T>) -> Result<Self, crate::Error> {
        super::hilbert::check_lookback(&state.hilbert, Lookback::Short)?;
        Ok(Self {
            hilbert: state.hilbert,
        })
    }
}
