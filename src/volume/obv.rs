use core::fmt;

#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::window::CompensatedSum;
use crate::{Error, Indicator, Real};

#[cfg(feature = "serde")]
use super::is_finite_sum;
use super::{finite_plus, is_close_volume};

/// On-balance volume: a running total that adds the volume of each up close and subtracts
/// the volume of each down close.
///
/// # Formula
///
/// `OBV_0 = V_0`, then `OBV_t = OBV_{t−1} + V_t` if `C_t > C_{t−1}`, `− V_t` if
/// `C_t < C_{t−1}`, unchanged if equal (TA-Lib's start: the first bar's volume). A
/// compensated sum ([`CompensatedSum`]): no drift however long the stream.
///
/// # Inputs and range
///
/// `(close, volume)`, the volume not negative (a negative one is refused like a NaN; see
/// [the module docs](super)). Any sign; `|OBV|` at most the sum of the volumes. An input that
/// would carry the total beyond the float range is refused, so every output is finite.
///
/// # Example
///
/// ```
/// use ta_stream::{volume::Obv, Indicator};
///
/// let mut obv = Obv::new();
/// let out = obv.batch(&[(10.0, 100.0), (11.0, 200.0), (10.5, 50.0), (10.5, 70.0)]);
/// assert_eq!(out, [Some(100.0), Some(300.0), Some(250.0), Some(250.0)]);
/// assert!(obv.try_update((10.0, -1.0)).is_err()); // negative volume
/// assert_eq!(obv.to_string(), "OBV");
/// ```
///
/// # Links
///
/// Granville's on-balance volume, as TA-Lib `OBV` (close and volume); matches it at every
/// index.
#[doc(alias = "OBV")]
#[doc(alias = "on-balance volume")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ObvState<T>")
)]
pub struct Obv<T: Real = f64> {
    /// The last accepted close (`None` before the first input).
    previous: Option<T>,
    /// The running total.
    total: CompensatedSum<T>,
}

impl Obv {
    /// On-balance volume (no parameters).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Obv<T> {
    /// [`Obv::new`] in any precision `T` (`f32`, or generic code): `Obv::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            previous: None,
            total: CompensatedSum::new_generic(),
        }
    }

    /// The state after `(close, volume)`, or `None` if it is refused.
    #[inline]
    fn step(&self, input: (T, T)) -> Option<CompensatedSum<T>> {
        if !is_close_volume(input) {
            return None;
        }
        let (close, volume) = input;
        let signed = match self.previous {
            None => volume,
            Some(previous) => {
                // Two selects, not a branch: whether a close rises or falls is a coin toss
                // that a branch predictor loses half the time.
                let rising = if close > previous { volume } else { T::zero() };
                let falling = if close < previous { volume } else { T::zero() };
                rising - falling
            }
        };
        finite_plus(self.total, signed)
    }
}

impl<T: Real> Indicator for Obv<T> {
    type Input = (T, T);
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if let Some(total) = self.step(input) {
            self.total = total;
            self.previous = Some(input.0);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        match self.step(input) {
            Some(total) => Some(total.total()),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.previous.map(|_| self.total.total())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an unusable number, a negative volume, or a total beyond the float range.
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        match self.step(input) {
            Some(_) => Ok(self.update(input)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for Obv<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OBV")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ObvState<T: Real> {
    previous: Option<T>,
    total: CompensatedSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ObvState<T>> for Obv<T> {
    type Error = Error;

    /// A usable previous close, a finite total, and no total before the first input.
    fn try_from(state: ObvState<T>) -> Result<Self, Error> {
        let consistent = match state.previous {
            Some(close) => close.is_usable() && is_finite_sum(state.total),
            None => state.total == CompensatedSum::new_generic(),
        };
        if !consistent {
            return Err(invalid_state(
                "OBV previous close unusable, total not finite, or a total before any input",
            ));
        }
        Ok(Self {
            previous: state.previous,
            total: state.total,
        })
    }
}
