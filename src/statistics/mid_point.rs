use core::fmt;

use crate::float::lit;
use crate::statistics::{RollingMax, RollingMin};
use crate::{Error, Indicator, Real};

/// Midpoint: halfway between the highest and the lowest of the last `n` inputs.
///
/// # Formula
///
/// `MIDPOINT_t = (max(x_{t−n+1}, …, x_t) + min(x_{t−n+1}, …, x_t)) / 2`, first output after
/// `n` inputs. Written `max/2 + min/2`, so it stays finite for any usable inputs and lies
/// between the window's minimum and maximum.
///
/// The extremes are a [`RollingMax`] and a [`RollingMin`]: O(1) amortized per update, whatever
/// the period; the window is never scanned.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 14 and it accepts `2..=100000`; a period
/// of 1 is the input itself).
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::MidPoint, Indicator};
///
/// let mut mid = MidPoint::new(3)?;
/// let out = mid.batch(&[1.0, 5.0, 2.0, 3.0, 8.0]);
/// // windows (1, 5, 2), (5, 2, 3), (2, 3, 8)
/// assert_eq!(out, [None, None, Some(3.0), Some(3.5), Some(5.0)]);
/// assert_eq!(mid.to_string(), "MIDPOINT(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MIDPOINT`; matches it at every index. For the highs and lows of bars, see
/// [`MidPrice`](super::MidPrice).
#[doc(alias = "MIDPOINT")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MidPointState<T>")
)]
pub struct MidPoint<T: Real = f64> {
    max: RollingMax<T>,
    min: RollingMin<T>,
}

impl MidPoint {
    /// The midpoint of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> MidPoint<T> {
    /// [`MidPoint::new`] in any precision `T` (`f32`, or generic code): `MidPoint::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            max: RollingMax::new_generic(period)?,
            min: RollingMin::new_generic(period)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.max.period()
    }
}

/// Halfway between `high` and `low`, without overflow.
#[inline]
pub(crate) fn midpoint<T: Real>(high: T, low: T) -> T {
    let half: T = lit(0.5);
    high * half + low * half
}

impl<T: Real> Indicator for MidPoint<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let (high, low) = (self.max.update(x), self.min.update(x));
        Some(midpoint(high?, low?))
    }

    crate::slice::batch_by_slices!();

    /// The two extremes' own slice paths over a chunk (the highest values into `out`, the
    /// lowest into a buffer on the stack), then the midpoints: the same outputs and final
    /// state as `update` in a loop, bit for bit (both extremes ignore an unusable input and
    /// repeat their last values, both warm up together).
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        use crate::slice::{check_lengths, VALUE_CHUNK};
        check_lengths("out", inputs.len(), out.len())?;
        let mut lowest = [T::zero(); VALUE_CHUNK];
        for (inputs, out) in inputs.chunks(VALUE_CHUNK).zip(out.chunks_mut(VALUE_CHUNK)) {
            let lowest = lowest.get_mut(..inputs.len()).unwrap_or_default();
            self.max.update_slice(inputs, out)?;
            self.min.update_slice(inputs, lowest)?;
            for (slot, &low) in out.iter_mut().zip(lowest.iter()) {
                *slot = midpoint(*slot, low);
            }
        }
        Ok(())
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        Some(midpoint(self.max.peek(x)?, self.min.peek(x)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(midpoint(self.max.value()?, self.min.value()?))
    }

    fn reset(&mut self) {
        self.max.reset();
        self.min.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for MidPoint<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MIDPOINT({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MidPointState<T: Real> {
    max: RollingMax<T>,
    min: RollingMin<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MidPointState<T>> for MidPoint<T> {
    type Error = Error;

    fn try_from(state: MidPointState<T>) -> Result<Self, Error> {
        check_pair(&state.max, &state.min, "MIDPOINT")?;
        Ok(Self {
            max: state.max,
            min: state.min,
        })
    }
}

/// Checks that a rolling maximum and minimum fed the same inputs agree: the same period and
/// the same number of inputs taken (the windows' values are checked by their own
/// deserialization). A pair that disagrees could never have come from one indicator, and one
/// half would have a value while the other has none.
#[cfg(feature = "serde")]
pub(crate) fn check_pair<T: Real>(
    max: &RollingMax<T>,
    min: &RollingMin<T>,
    name: &str,
) -> Result<(), Error> {
    if max.period() != min.period() {
        return Err(crate::error::invalid_state(format!(
            "{name}: its maximum and minimum windows differ in length"
        )));
    }
    if max.pushed() != min.pushed() {
        return Err(crate::error::invalid_state(format!(
            "{name}: its maximum and minimum windows took different numbers of inputs ({} and {})",
            max.pushed(),
            min.pushed()
        )));
    }
    Ok(())
}
