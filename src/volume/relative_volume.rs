use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

use super::is_volume;

/// Relative volume: this bar's volume against the mean volume of the `n` bars before it.
///
/// # Formula
///
/// `RVOL_t = V_t / mean(V_{t−n} .. V_{t−1})`, the mean of the previous `n` volumes (the
/// current bar is not in it), as TA-Lib; a drift-free [`RollingSum`], O(1) per update.
/// First output after `n + 1` volumes.
///
/// When the previous `n` volumes are all 0, TA-Lib divides by zero (∞, or NaN for a zero
/// volume); here the answer stays finite: `0` for a zero volume, and `T::MAX`
/// (`f64::MAX`), "infinitely more than usual", for a positive one.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 20.
///
/// # Inputs and range
///
/// A volume: usable and not negative (a negative one is refused like a NaN). Every output
/// is `≥ 0` and finite; `2` reads "twice the usual volume".
///
/// # Example
///
/// ```
/// use ta_stream::{volume::RelativeVolume, Indicator};
///
/// let mut rvol = RelativeVolume::new(3)?;
/// let out = rvol.batch(&[100.0, 200.0, 300.0, 400.0, 100.0]);
/// // 400 against the mean of 100, 200, 300; then 100 against that of 200, 300, 400
/// assert_eq!(out, [None, None, None, Some(2.0), Some(1.0 / 3.0)]);
/// assert_eq!(rvol.to_string(), "RVOL(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// As TA-Lib `RVOL`; matches it at every index where the previous volumes are not all 0.
#[doc(alias = "RVOL")]
#[doc(alias = "relative volume")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RelativeVolumeState<T>")
)]
pub struct RelativeVolume<T: Real = f64> {
    /// The `n` volumes before the last one.
    volumes: RollingSum<T>,
    /// The last accepted volume.
    last: Option<T>,
}

impl RelativeVolume {
    /// Relative volume against the mean of the previous `period` volumes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> RelativeVolume<T> {
    /// [`RelativeVolume::new`] in any precision `T` (`f32`, or generic code): `RelativeVolume::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            volumes: RollingSum::new_generic(period)?,
            last: None,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.volumes.period()
    }

    /// `volume / (sum / n)`, finite (see the type's docs for a zero mean).
    #[inline]
    fn ratio(&self, volume: T, sum: T) -> T {
        let mean = sum / crate::float::from_usize::<T>(self.period());
        if mean > T::zero() {
            (volume / mean).min(T::max_value())
        } else if volume > T::zero() {
            T::max_value()
        } else {
            T::zero()
        }
    }
}

impl<T: Real> Default for RelativeVolume<T> {
    /// RVOL(20), TA-Lib's default.
    fn default() -> Self {
        Self {
            volumes: RollingSum::with_valid_period(20),
            last: None,
        }
    }
}

impl<T: Real> Indicator for RelativeVolume<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, volume: T) -> Option<T> {
        if is_volume(volume) {
            if let Some(last) = self.last {
                self.volumes.push_inlined(last);
            }
            self.last = Some(volume);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, volume: T) -> Option<T> {
        if !is_volume(volume) {
            return self.value();
        }
        let last = self.last?;
        (self.volumes.len() + 1 >= self.period())
            .then(|| self.ratio(volume, self.volumes.peek_sum(last)))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let last = self.last?;
        self.volumes
            .is_full()
            .then(|| self.ratio(last, self.volumes.sum()))
    }

    fn reset(&mut self) {
        self.volumes.clear();
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects an unusable or negative volume.
    fn try_update(&mut self, volume: T) -> Result<Option<T>, Error> {
        if is_volume(volume) {
            Ok(self.update(volume))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for RelativeVolume<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RVOL({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RelativeVolumeState<T: Real> {
    volumes: RollingSum<T>,
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RelativeVolumeState<T>> for RelativeVolume<T> {
    type Error = Error;

    /// A period in range, usable volumes `≥ 0`, and no window before a last volume.
    fn try_from(state: RelativeVolumeState<T>) -> Result<Self, Error> {
        Self::new_generic(state.volumes.period())?;
        let consistent = state.volumes.iter().all(is_volume)
            && match state.last {
                Some(last) => is_volume(last),
                None => state.volumes.is_empty(),
            };
        if !consistent {
            return Err(invalid_state(
                "RVOL volume unusable or negative, or a window before any volume",
            ));
        }
        Ok(Self {
            volumes: state.volumes,
            last: state.last,
        })
    }
}
