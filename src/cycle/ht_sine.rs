use core::fmt;

use super::hilbert::{radians, Hilbert, Lookback};
use super::phase::DominantPhase;
use crate::float::lit;
use crate::{Indicator, Real};

/// The sine wave of [`HtSine`]: the sine of the dominant cycle phase and of the phase
/// advanced by 45°. Both in `-1..=1`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SineWave<T = f64> {
    /// `sin(phase)` (TA-Lib's `sine`).
    pub sine: T,
    /// `sin(phase + 45°)` (TA-Lib's `leadsine`).
    pub lead_sine: T,
}

impl<T: Real> SineWave<T> {
    /// The sine wave of a phase in degrees.
    fn of(phase: T) -> Self {
        Self {
            sine: radians(phase).sin(),
            lead_sine: radians(phase + lit::<T>(45.0)).sin(),
        }
    }
}

/// Ehlers' sine wave indicator (Hilbert transform): the sine of the dominant cycle phase and
/// a lead sine 45° ahead; their crossings anticipate the turns of a cycling market.
///
/// # Formula
///
/// With `φ` the phase of [`HtDcPhase`](super::HtDcPhase) (degrees):
/// `sine = sin(φ)`, `leadsine = sin(φ + 45°)`.
///
/// No parameters. First output on the 64th input (TA-Lib's lookback of 63). O(`SP`) per
/// update (at most 50 terms), like the phase.
///
/// # Bounds
///
/// Both outputs in `-1..=1`.
///
/// # Example
///
/// ```
/// use ta_stream::{cycle::HtSine, Indicator};
///
/// // A sine wave with a 20-bar cycle.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut sine = HtSine::new();
/// let last = sine.batch(&closes)[99].unwrap();
/// // TA-Lib's HT_SINE on the same closes: -0.30610548555842054 and 0.4567146945213153.
/// assert!((last.sine + 0.30610548555842054).abs() < 1e-9);
/// assert!((last.lead_sine - 0.4567146945213153).abs() < 1e-9);
/// assert_eq!(sine.to_string(), "HT_SINE");
/// ```
///
/// # Links
///
/// TA-Lib `HT_SINE` (outputs `sine`, `leadsine`); matches it at every index.
#[doc(alias = "HT_SINE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtSineState<T>")
)]
pub struct HtSine<T: Real = f64> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
}

impl HtSine {
    /// The sine wave indicator, as TA-Lib computes it.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtSine<T> {
    /// [`HtSine::new`] in any precision `T` (`f32`, or generic code): `HtSine::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Long),
            phase: DominantPhase::new(),
        }
    }
}

impl<T: Real> Default for HtSine<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtSine<T> {
    type Input = T;
    type Output = SineWave<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<SineWave<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x);
        if let Some(step) = step {
            let phase = self.phase.next(step.smoothed, step.smooth_period);
            self.phase.commit(step.smoothed, phase);
        }
        self.hilbert.commit(x, step);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<SineWave<T>> {
        if !x.is_usable() {
            return self.value();
        }
        if !self.hilbert.next_is_ready() {
            return None;
        }
        let step = self.hilbert.next(x)?;
        Some(SineWave::of(
            self.phase.next(step.smoothed, step.smooth_period),
        ))
    }

    #[inline]
    fn value(&self) -> Option<SineWave<T>> {
        self.hilbert
            .is_ready()
            .then(|| SineWave::of(self.phase.phase()))
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Long.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtSine<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_SINE")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtSineState<T: Real> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtSineState<T>> for HtSine<T> {
    type Error = crate::Error;

    fn try_from(state: HtSineState<T>) -> Result<Self, crate::Error> {
        super::hilbert::check_lookback(&state.hilbert, Lookback::Long)?;
        state
            .phase
            .validate(state.hilbert.steps(), state.hilbert.is_ready())?;
        Ok(Self {
            hilbert: state.hilbert,
            phase: state.phase,
        })
    }
}
