use core::fmt;

use super::hilbert::{Hilbert, Lookback};
use crate::{Indicator, Real};

/// The phasor components of [`HtPhasor`]: in-phase and quadrature.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Phasor<T = f64> {
    /// `I1`: the detrended price three bars ago (TA-Lib's `inphase`).
    pub in_phase: T,
    /// `Q1`: the Hilbert transform of the detrended price (TA-Lib's `quadrature`).
    pub quadrature: T,
}

/// Phasor components of the Hilbert transform: the in-phase and quadrature parts of the
/// detrended price, from which the cycle's phase and period are measured.
///
/// # Formula
///
/// With the [Hilbert transform](crate::cycle#the-hilbert-transform) `H` and `D` the detrended
/// smoothed price: `inphase = I1_t = D_{t−3}` and `quadrature = Q1_t = H(D)_t`.
///
/// No parameters. First output on the 33rd input (TA-Lib's lookback of 32), computed from the
/// 13th input on. O(1) per update.
///
/// # Bounds
///
/// Oscillators around 0 in price units: `|inphase| < 6·M` and `|quadrature| < 34·M` for
/// inputs up to `M` in magnitude (in practice a few times the bar-to-bar moves).
///
/// # Example
///
/// ```
/// use ta_stream::{cycle::HtPhasor, Indicator};
///
/// // A sine wave with a 20-bar cycle.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut phasor = HtPhasor::new();
/// let last = phasor.batch(&closes)[99].unwrap();
/// // TA-Lib's HT_PHASOR on the same closes: -8.031862169760064 and 6.125539235848303.
/// assert!((last.in_phase + 8.031862169760064).abs() < 1e-9);
/// assert!((last.quadrature - 6.125539235848303).abs() < 1e-9);
/// assert_eq!(phasor.to_string(), "HT_PHASOR");
/// ```
///
/// # Links
///
/// TA-Lib `HT_PHASOR` (outputs `inphase`, `quadrature`); matches it at every index.
#[doc(alias = "HT_PHASOR")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtPhasorState<T>")
)]
pub struct HtPhasor<T: Real = f64> {
    hilbert: Hilbert<T>,
}

impl HtPhasor {
    /// The phasor components, as TA-Lib computes them.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtPhasor<T> {
    /// [`HtPhasor::new`] in any precision `T` (`f32`, or generic code): `HtPhasor::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Short),
        }
    }
}

impl<T: Real> Default for HtPhasor<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtPhasor<T> {
    type Input = T;
    type Output = Phasor<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<Phasor<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x);
        self.hilbert.commit(x, step);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<Phasor<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x)?;
        self.hilbert.next_is_ready().then_some(Phasor {
            in_phase: step.in_phase,
            quadrature: step.quadrature,
        })
    }

    #[inline]
    fn value(&self) -> Option<Phasor<T>> {
        self.hilbert.is_ready().then(|| {
            let (in_phase, quadrature) = self.hilbert.phasor();
            Phasor {
                in_phase,
                quadrature,
            }
        })
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Short.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtPhasor<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_PHASOR")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtPhasorState<T: Real> {
    hilbert: Hilbert<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtPhasorState<T>> for HtPhasor<T> {
    type Error = crate::Error;

    fn try_from(state: HtPhasorState<T>) -> Result<Self, crate::Error> {
        super::hilbert::check_lookback(&state.hilbert, Lookback::Short)?;
        Ok(Self {
            hilbert: state.hilbert,
        })
    }
}
