//! The dominant cycle phase: a discrete Fourier sum of the smoothed prices over the last
//! dominant cycle, shared by [`HtDcPhase`](super::HtDcPhase), [`HtSine`](super::HtSine) and
//! [`HtTrendMode`](super::HtTrendMode).

use core::f64::consts::TAU;

use super::hilbert::{count_as, degrees, history, newest_first, whole_period};
use crate::float::lit;
use crate::window::RingBuffer;
use crate::Real;

/// Past smoothed prices and the last phase, in degrees.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct DominantPhase<T: Real> {
    /// Smoothed prices before the current one (49 at most).
    smoothed: RingBuffer<T>,
    /// The phase of the last step (0 before the first).
    phase: T,
}

impl<T: Real> DominantPhase<T> {
    pub(crate) fn new() -> Self {
        Self {
            smoothed: history(),
            phase: T::zero(),
        }
    }

    /// The phase of the last step, in degrees.
    pub(crate) fn phase(&self) -> T {
        self.phase
    }

    /// The phase of a step whose smoothed price is `smoothed` and smoothed period
    /// `smooth_period` (never below 0.396 after a step of the transform).
    ///
    /// With `n = ⌊SP + 0.5⌋` and `s_0` the current smoothed price,
    /// `real = Σ_{i<n} sin(2πi/n)·s_i`, `imag = Σ_{i<n} cos(2πi/n)·s_i`; the phase is
    /// `atan(real/imag)` in degrees when `imag ≠ 0`, else the previous phase moved by 90°
    /// towards the sign of `real`; then `+ 90°`, `+ 360°/SP` (the WMA's one-bar lag),
    /// `+ 180°` when `imag < 0`, and `− 360°` when above 315°.
    #[inline]
    pub(crate) fn next(&self, smoothed: T, smooth_period: T) -> T {
        let zero = T::zero();
        let n = whole_period(smooth_period);
        let count = count_as::<T>(n);
        let full_turn = lit::<T>(TAU);
        let (mut real, mut imag) = (zero, zero);
        let values = core::iter::once(smoothed).chain(newest_first(&self.smoothed));
        for (i, value) in values.take(n).enumerate() {
            let angle = count_as::<T>(i) * full_turn / count;
            real = real + angle.sin() * value;
            imag = imag + angle.cos() * value;
        }
        let right = lit::<T>(90.0);
        let mut phase = self.phase;
        if imag.abs() > zero {
            phase = degrees((real / imag).atan());
        } else if real < zero {
            phase = phase - right;
        } else if real > zero {
            phase = phase + right;
        }
        phase = phase + right;
        phase = phase + lit::<T>(360.0) / smooth_period;
        if imag < zero {
            phase = phase + lit::<T>(180.0);
        }
        if phase > lit::<T>(315.0) {
            phase = phase - lit::<T>(360.0);
        }
        phase
    }

    /// Commits a step: its smoothed price and its phase from [`next`](Self::next).
    #[inline]
    pub(crate) fn commit(&mut self, smoothed: T, phase: T) {
        self.smoothed.push(smoothed);
        self.phase = phase;
    }

    /// Checks a loaded state after `steps` steps of the transform: as many smoothed prices
    /// (within the usable range, as WMAs of usable inputs are), and a phase within
    /// `-45..=315` once outputs are due (`ready`), within `-45..=1140` during warm-up (the
    /// first steps' smoothed period is small and `360°/SP` large).
    #[cfg(feature = "serde")]
    pub(crate) fn validate(&self, steps: usize, ready: bool) -> Result<(), crate::Error> {
        use crate::error::invalid_state;
        super::hilbert::check_history(&self.smoothed, steps, "dominant cycle phase")?;
        if self
            .smoothed
            .iter()
            .any(|s| s.abs() > super::hilbert::mean_bound::<T>())
        {
            return Err(invalid_state(
                "dominant cycle phase: a smoothed price beyond the usable range",
            ));
        }
        let top = if ready { 315.0 } else { 1140.0 };
        let phase = self.phase;
        if !(lit::<T>(-45.0)..=lit::<T>(top)).contains(&phase) || (steps == 0 && phase != T::zero())
        {
            return Err(invalid_state(
                "dominant cycle phase: a phase no input sequence produces",
            ));
        }
        Ok(())
    }
}
