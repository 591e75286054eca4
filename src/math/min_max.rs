//! [`MinMax`]: the lowest and highest of the last `n` inputs (TA-Lib `MINMAX`).

use core::fmt;

use crate::statistics::{RollingMax, RollingMin};
use crate::{Error, Indicator, Real};

/// The lowest and highest input of the window, [`MinMax`]'s output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MinMaxOutput<T> {
    /// The lowest input (TA-Lib's `min`).
    pub min: T,
    /// The highest input (TA-Lib's `max`).
    pub max: T,
}

/// The lowest and the highest of the last `n` inputs, from one update:
/// `min_t = min(x_{t−n+1}, …, x_t)`, `max_t = max(…)`.
///
/// A [`RollingMin`] and a [`RollingMax`] side by side (each a block scheme, O(1) amortized,
/// the window never scanned).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000` (TA-Lib: `2..=100000`), TA-Lib's
/// default 30. First output after `n` inputs.
///
/// # Example
///
/// ```
/// use ta_stream::math::{MinMax, MinMaxOutput};
/// use ta_stream::Indicator;
///
/// let mut range = MinMax::new(3)?;
/// let out = range.batch(&[4.0, 1.0, 3.0, 5.0]);
/// assert_eq!(out[2], Some(MinMaxOutput { min: 1.0, max: 4.0 }));
/// assert_eq!(out[3], Some(MinMaxOutput { min: 1.0, max: 5.0 }));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "MINMAX")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MinMaxState<T>")
)]
pub struct MinMax<T: Real = f64> {
    min: RollingMin<T>,
    max: RollingMax<T>,
}

impl MinMax {
    /// The lowest and highest of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> MinMax<T> {
    /// [`MinMax::new`] in any precision `T` (`f32`, or generic code): `MinMax::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            min: RollingMin::new_generic(period)?,
            max: RollingMax::new_generic(period)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.max.period()
    }
}

impl<T: Real> Default for MinMax<T> {
    /// MINMAX(30), TA-Lib's default.
    fn default() -> Self {
        Self {
            min: RollingMin::with_valid_period(30),
            max: RollingMax::with_valid_period(30),
        }
    }
}

impl<T: Real> Indicator for MinMax<T> {
    type Input = T;
    type Output = MinMaxOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MinMaxOutput<T>> {
        let (min, max) = (self.min.update(x), self.max.update(x));
        Some(MinMaxOutput {
            min: min?,
            max: max?,
        })
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MinMaxOutput<T>> {
        Some(MinMaxOutput {
            min: self.min.peek(x)?,
            max: self.max.peek(x)?,
        })
    }

    #[inline]
    fn value(&self) -> Option<MinMaxOutput<T>> {
        Some(MinMaxOutput {
            min: self.min.value()?,
            max: self.max.value()?,
        })
    }

    fn reset(&mut self) {
        self.min.reset();
        self.max.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for MinMax<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MINMAX({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MinMaxState<T: Real> {
    min: RollingMin<T>,
    max: RollingMax<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MinMaxState<T>> for MinMax<T> {
    type Error = Error;

    /// Both halves valid (their own checks), over the same period and the same number of
    /// inputs (so both have a value or neither), the minimum not above the maximum.
    fn try_from(state: MinMaxState<T>) -> Result<Self, Error> {
        crate::statistics::check_pair(&state.max, &state.min, "MINMAX")?;
        if let (Some(min), Some(max)) = (state.min.value(), state.max.value()) {
            if min > max {
                return Err(crate::error::invalid_state(
                    "MINMAX: its minimum is above its maximum",
                ));
            }
        }
        Ok(Self {
            min: state.min,
            max: state.max,
        })
    }
}
