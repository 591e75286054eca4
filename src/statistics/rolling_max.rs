use core::fmt;

use crate::window::{Extremum, MonotonicDeque};
use crate::{Error, Indicator, Real};

/// Rolling maximum: the highest of the last `n` inputs.
///
/// # Formula
///
/// `MAX_t = max(x_{t−n+1}, …, x_t)`, first output after `n` inputs.
///
/// Kept by a [`MonotonicDeque`]: each input enters and leaves it once, so an update costs
/// O(1) amortized for any period, and the window is never scanned.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib accepts `2..=100000`; a period of 1 is the input
/// itself).
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RollingMax, Indicator};
///
/// let mut max = RollingMax::new(3)?;
/// let out = max.batch(&[1.0, 5.0, 2.0, 3.0, 4.0, 1.0]);
/// assert_eq!(out, [None, None, Some(5.0), Some(5.0), Some(4.0), Some(4.0)]);
/// assert_eq!(max.peek(0.5), Some(4.0));
/// assert_eq!(max.to_string(), "MAX(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MAX`; matches it at every index (see `tests/talib_momentum.rs`). The minimum is
/// [`RollingMin`](super::RollingMin).
#[doc(alias = "MAX")]
#[doc(alias = "HHV")]
#[doc(alias = "highest")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RollingMaxState<T>")
)]
pub struct RollingMax<T: Real = f64> {
    deque: MonotonicDeque<T>,
}

impl<T: Real> RollingMax<T> {
    /// The maximum of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Ok(Self {
            deque: MonotonicDeque::new(period, Extremum::Max)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.deque.period()
    }

    /// How many updates ago the current maximum arrived (0 = the latest input; the most
    /// recent one when several inputs tie). `None` while warming up.
    pub fn age(&self) -> Option<u64> {
        self.is_full().then(|| self.deque.extreme_age()).flatten()
    }

    #[inline]
    fn is_full(&self) -> bool {
        self.deque.pushed() >= self.deque.period() as u64
    }
}

impl<T: Real> Indicator for RollingMax<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.deque.push(x);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let full_after = self.deque.pushed() + 1 >= self.deque.period() as u64;
        full_after.then(|| self.deque.peek(x)).flatten()
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.is_full().then(|| self.deque.extreme()).flatten()
    }

    fn reset(&mut self) {
        self.deque.clear();
    }

    fn warmup_period(&self) -> usize {
        self.deque.period()
    }
}

impl<T: Real> fmt::Display for RollingMax<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MAX({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct RollingMaxState<T: Real> {
    deque: MonotonicDeque<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RollingMaxState<T>> for RollingMax<T> {
    type Error = Error;

    fn try_from(state: RollingMaxState<T>) -> Result<Self, Error> {
        if state.deque.extremum() != Extremum::Max {
            return Err(crate::error::invalid_state(
                "a rolling maximum holds a deque that tracks the minimum",
            ));
        }
        Ok(Self { deque: state.deque })
    }
}
