use core::fmt;

use super::hilbert::{Hilbert, Lookback};
use super::phase::DominantPhase;
use crate::{Indicator, Real};

/// Dominant cycle phase (Ehlers' Hilbert transform), in degrees: where the market is in its
/// current cycle.
///
/// # Formula
///
/// With `SP` the dominant cycle period of the
/// [Hilbert transform](crate::cycle#the-hilbert-transform), `n = ⌊SP + 0.5⌋` and `s_i` the
/// WMA-smoothed price `i` bars ago (0 before the first):
///
/// `real = Σ_{i<n} sin(2πi/n)·s_i`, `imag = Σ_{i<n} cos(2πi/n)·s_i`, and the phase is
/// `atan(real/imag)` in degrees (when `imag = 0`: the previous phase, moved by ±90° when
/// `real` is positive or negative), then `+ 90°`, `+ 360°/SP` to compensate the smoothing's
/// one-bar lag, `+ 180°` when `imag < 0`, and `− 360°` when the result is above 315°.
///
/// No parameters. First output on the 64th input (TA-Lib's lookback of 63), computed from the
/// 38th input on. O(`SP`) per update: a sum of at most 50 sines and cosines, as in TA-Lib.
///
/// # Bounds
///
/// `-45..=315` degrees.
///
/// # Example
///
/// ```
/// use ta_stream::{cycle::HtDcPhase, Indicator};
///
/// // A sine wave with a 20-bar cycle.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut phase = HtDcPhase::new();
/// let out = phase.batch(&closes);
/// assert!(out[..63].iter().all(Option::is_none));
/// // TA-Lib's HT_DCPHASE on the same closes: -17.824684925603492.
/// assert!((out[99].unwrap() + 17.824684925603492).abs() < 1e-9);
/// assert_eq!(phase.to_string(), "HT_DCPHASE");
/// ```
///
/// # Links
///
/// TA-Lib `HT_DCPHASE`; matches it at every index.
#[doc(alias = "HT_DCPHASE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtDcPhaseState<T>")
)]
pub struct HtDcPhase<T: Real = f64> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
}

impl HtDcPhase {
    /// The dominant cycle phase, as TA-Lib computes it.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtDcPhase<T> {
    /// [`HtDcPhase::new`] in any precision `T` (`f32`, or generic code): `HtDcPhase::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Long),
            phase: DominantPhase::new(),
        }
    }
}

impl<T: Real> Default for HtDcPhase<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtDcPhase<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
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
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if !self.hilbert.next_is_ready() {
            return None;
        }
        let step = self.hilbert.next(x)?;
        Some(self.phase.next(step.smoothed, step.smooth_period))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.hilbert.is_ready().then(|| self.phase.phase())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Long.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtDcPhase<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_DCPHASE")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtDcPhaseState<T: Real> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtDcPhaseState<T>> for HtDcPhase<T> {
    type Error = crate::Error;

    fn try_from(state: HtDcPhaseState<T>) -> Result<Self, crate::Error> {
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
