use core::fmt;

use super::percentile::percent_of;
use super::sorted_window::SortedWindow;
use crate::error::check_period;
use crate::float::from_usize;
use crate::{Error, Indicator, Real};

/// Percent rank: the share, in percent, of the previous `n` inputs that are strictly below
/// the current one.
///
/// # Formula
///
/// `PERCENTRANK_t = 100 · #{j ∈ 1..=n : y_{t−j} < y_t} / n`: the current input against the
/// `n` inputs before it (not including itself); ties do not count, so an input equal to all
/// of them ranks 0 (as TA-Lib). First output after `n + 1` inputs.
///
/// # Cost
///
/// The previous `n` inputs are kept sorted (see [`Percentile`](super::Percentile)): the
/// rank is a binary search, O(log n); keeping the window sorted is O(log n) comparisons plus
/// one `memmove` of the values between the evicted value's place and the new one's (O(n) in
/// the worst case, a tiny constant). No allocation after construction.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 100.
///
/// # Range
///
/// `0..=100`, in steps of `100/n`.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::PercentRank, Indicator};
///
/// let mut rank = PercentRank::new(4)?;
/// let out = rank.batch(&[1.0, 5.0, 2.0, 3.0, 8.0, 8.0, 4.0]);
/// // 8 beats 1, 5, 2, 3; the next 8 beats 5, 2, 3 but not 8; 4 beats 2, 3
/// assert_eq!(out[4..], [Some(100.0), Some(75.0), Some(50.0)]);
/// assert_eq!(rank.to_string(), "PERCENTRANK(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `PERCENTRANK`; matches it at every index.
#[doc(alias = "PERCENTRANK")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PercentRankState<T>")
)]
pub struct PercentRank<T: Real = f64> {
    /// The `n` inputs before the newest, sorted.
    window: SortedWindow<T>,
    /// The newest input, ranked against the window.
    newest: Option<T>,
    /// `n`, computed once.
    #[cfg_attr(feature = "serde", serde(skip))]
    n: T,
}

impl PercentRank {
    /// The rank of each input among the `period` inputs before it.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> PercentRank<T> {
    /// [`PercentRank::new`] in any precision `T` (`f32`, or generic code): `PercentRank::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self::with_valid_period(period))
    }

    fn with_valid_period(period: usize) -> Self {
        Self {
            window: SortedWindow::with_valid_capacity(period),
            newest: None,
            n: from_usize(period),
        }
    }

    /// The number `n` of earlier inputs each one is ranked against.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.window.heap_bytes()
    }
}

impl<T: Real> Default for PercentRank<T> {
    /// PERCENTRANK(100), TA-Lib's default.
    fn default() -> Self {
        Self::with_valid_period(100)
    }
}

impl<T: Real> Indicator for PercentRank<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, y: T) -> Option<T> {
        if y.is_usable() {
            if let Some(previous) = self.newest.replace(y) {
                self.window.push(previous);
            }
        }
        self.value()
    }

    #[inline]
    fn peek(&self, y: T) -> Option<T> {
        if !y.is_usable() {
            return self.value();
        }
        let previous = self.newest?;
        if self.window.len() + 1 < self.period() {
            return None;
        }
        Some(percent_of(
            self.window.peek_count_below(previous, y),
            self.n,
        ))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let newest = self.newest?;
        if !self.window.is_full() {
            return None;
        }
        Some(percent_of(self.window.count_below(newest), self.n))
    }

    fn reset(&mut self) {
        self.window.clear();
        self.newest = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for PercentRank<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PERCENTRANK({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PercentRankState<T: Real> {
    window: SortedWindow<T>,
    newest: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<PercentRankState<T>> for PercentRank<T> {
    type Error = Error;

    /// The period in range; the newest input usable, and present whenever the window holds
    /// earlier ones (the window is checked by itself).
    fn try_from(state: PercentRankState<T>) -> Result<Self, Error> {
        let fresh = Self::new_generic(state.window.capacity())?;
        let consistent = match state.newest {
            Some(newest) => crate::CheckedInput::is_usable(&newest),
            None => state.window.len() == 0,
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "PERCENTRANK newest input unusable, or missing after earlier ones",
            ));
        }
        Ok(Self {
            window: state.window,
            newest: state.newest,
            ..fresh
        })
    }
}
