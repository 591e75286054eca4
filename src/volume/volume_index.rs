use core::fmt;

#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::{Error, Indicator, Real};

use super::is_positive_close_volume;

/// Which volume changes move a [`VolumeIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum VolumeSide {
    /// Days of lower volume than the day before: the negative volume index (NVI), where
    /// Fosback saw the "smart money".
    Falling,
    /// Days of higher volume than the day before: the positive volume index (PVI), the crowd.
    Rising,
}

/// The negative or positive volume index: an index, from 1000, that follows the close's
/// percentage change only on days when the volume falls (NVI) or rises (PVI).
///
/// # Formula
///
/// `I_0 = 1000`; then `I_t = I_{t−1} · C_t / C_{t−1}` when `V_t < V_{t−1}` (NVI) or
/// `V_t > V_{t−1}` (PVI), else `I_t = I_{t−1}` (TA-Lib's start value and rule). Each move
/// adds one rounding of relative error, nothing more: after `m` moves the index is within
/// about `m·2⁻⁵³` (relative) of the exact product.
///
/// # Inputs and range
///
/// `(close, volume)`: a positive close and a volume `≥ 0`; anything else is refused like a
/// NaN (a zero close has no percentage change). An input that would carry the index beyond
/// the float range is refused too. Every output is `≥ 0` and finite.
///
/// # Example
///
/// ```
/// use ta_stream::{volume::VolumeIndex, Indicator};
///
/// let mut nvi = VolumeIndex::negative();
/// let out = nvi.batch(&[(100.0, 500.0), (125.0, 400.0), (150.0, 900.0), (75.0, 800.0)]);
/// // volume falls on bars 1 and 3: +25 %, then −50 %
/// assert_eq!(out, [Some(1000.0), Some(1250.0), Some(1250.0), Some(625.0)]);
/// assert_eq!(nvi.to_string(), "NVI");
/// let mut pvi = VolumeIndex::positive();
/// assert_eq!(pvi.batch(&[(100.0, 500.0), (125.0, 600.0)]), [Some(1000.0), Some(1250.0)]);
/// ```
///
/// # Links
///
/// Paul Dysart's indices as popularized by Norman Fosback; as TA-Lib `NVI` and `PVI`,
/// matching them at every index.
#[doc(alias = "NVI")]
#[doc(alias = "PVI")]
#[doc(alias = "negative volume index")]
#[doc(alias = "positive volume index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VolumeIndexState<T>")
)]
pub struct VolumeIndex<T: Real = f64> {
    side: VolumeSide,
    /// The last accepted (close, volume).
    previous: Option<(T, T)>,
    /// The index.
    index: T,
}

impl VolumeIndex {
    /// The index that moves on `side`'s days.
    pub fn new(side: VolumeSide) -> Self {
        Self::new_generic(side)
    }

    /// The negative volume index, TA-Lib `NVI`.
    pub fn negative() -> Self {
        Self::negative_generic()
    }

    /// The positive volume index, TA-Lib `PVI`.
    pub fn positive() -> Self {
        Self::positive_generic()
    }
}

impl<T: Real> VolumeIndex<T> {
    /// [`VolumeIndex::new`] in any precision `T` (`f32`, or generic code): `VolumeIndex::<f32>::new_generic(VolumeSide::Falling)`.
    pub fn new_generic(side: VolumeSide) -> Self {
        Self {
            side,
            previous: None,
            index: Self::start(),
        }
    }

    /// [`VolumeIndex::negative`] in any precision `T` (`f32`, or generic code): `VolumeIndex::<f32>::negative_generic()`.
    pub fn negative_generic() -> Self {
        Self::new_generic(VolumeSide::Falling)
    }

    /// [`VolumeIndex::positive`] in any precision `T` (`f32`, or generic code): `VolumeIndex::<f32>::positive_generic()`.
    pub fn positive_generic() -> Self {
        Self::new_generic(VolumeSide::Rising)
    }

    /// Which volume changes move the index.
    pub fn side(&self) -> VolumeSide {
        self.side
    }

    fn start() -> T {
        lit(1000.0)
    }

    /// The index after `input`, or `None` if it is refused.
    #[inline]
    fn step(&self, input: (T, T)) -> Option<T> {
        if !is_positive_close_volume(input) {
            return None;
        }
        let (close, volume) = input;
        let Some((previous_close, previous_volume)) = self.previous else {
            return Some(self.index);
        };
        let moves = match self.side {
            VolumeSide::Falling => volume < previous_volume,
            VolumeSide::Rising => volume > previous_volume,
        };
        if !moves {
            return Some(self.index);
        }
        let index = self.index * (close / previous_close);
        index.is_finite().then_some(index)
    }
}

impl<T: Real> Indicator for VolumeIndex<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if let Some(index) = self.step(input) {
            self.index = index;
            self.previous = Some(input);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        self.step(input).or_else(|| self.value())
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.previous.map(|_| self.index)
    }

    fn reset(&mut self) {
        *self = Self::new_generic(self.side);
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an unusable number, a close `≤ 0`, a negative volume, or an index beyond the
    /// float range.
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        match self.step(input) {
            Some(_) => Ok(self.update(input)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for VolumeIndex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.side {
            VolumeSide::Falling => "NVI",
            VolumeSide::Rising => "PVI",
        })
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VolumeIndexState<T: Real> {
    side: VolumeSide,
    previous: Option<(T, T)>,
    index: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VolumeIndexState<T>> for VolumeIndex<T> {
    type Error = Error;

    /// A finite index `≥ 0`, 1000 before the first input, and a previous pair the index
    /// accepts.
    fn try_from(state: VolumeIndexState<T>) -> Result<Self, Error> {
        let consistent = state.index.is_finite()
            && state.index >= T::zero()
            && match state.previous {
                Some(pair) => is_positive_close_volume(pair),
                None => state.index == Self::start(),
            };
        if !consistent {
            return Err(invalid_state(
                "volume index not finite, negative, not 1000 before the first input, or a \
                 previous close or volume it refuses",
            ));
        }
        Ok(Self {
            side: state.side,
            previous: state.previous,
            index: state.index,
        })
    }
}
