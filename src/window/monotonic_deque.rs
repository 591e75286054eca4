use crate::Real;

use crate::error::check_period;
use crate::Error;

/// Which extreme a [`MonotonicDeque`] tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Extremum {
    /// The largest value in the window.
    Max,
    /// The smallest value in the window.
    Min,
}

/// Rolling maximum or minimum of the last `period` values in O(1) amortized per push.
///
/// It keeps only the values that can still become the extreme: each new value removes the
/// older values it beats (they can never be the extreme again, since it outlives them), so the
/// front is always the extreme of the window. Each value enters and leaves once. When equal
/// values tie, the newest is kept, so [`extreme_age`](Self::extreme_age) reports the most
/// recent occurrence.
///
/// Values must not be NaN (comparisons with NaN are false, so the extreme would be
/// unspecified, though never a panic); the crate's indicators filter NaN before pushing.
///
/// ```
/// use ta_stream::window::{Extremum, MonotonicDeque};
///
/// let mut max = MonotonicDeque::new(3, Extremum::Max)?;
/// for x in [5.0, 1.0, 3.0] {
///     max.push(x);
/// }
/// assert_eq!(max.extreme(), Some(5.0));
/// assert_eq!(max.peek(2.0), Some(3.0)); // 5.0 would leave the window
/// max.push(2.0);
/// assert_eq!(max.extreme(), Some(3.0));
/// assert_eq!(max.extreme_age(), Some(1)); // pushed one update ago
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MonotonicDequeState<T>")
)]
pub struct MonotonicDeque<T: Real> {
    extremum: Extremum,
    period: usize,
    /// Circular storage of `(sequence number, value)` candidates, `period` slots.
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
    /// Number of values pushed so far (the sequence number of the next one).
    pushed: u64,
}

impl<T: Real> MonotonicDeque<T> {
    /// An empty deque over the last `period` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize, extremum: Extremum) -> Result<Self, Error> {
        Ok(Self::with_valid_period(
            check_period("period", period)?,
            extremum,
        ))
    }

    /// For periods known to be valid (constants); anything else is clamped into range.
    pub(crate) fn with_valid_period(period: usize, extremum: Extremum) -> Self {
        let period = crate::error::clamp_period(period);
        Self {
            extremum,
            period,
            slots: vec![(0, T::zero()); period],
            head: 0,
            len: 0,
            pushed: 0,
        }
    }

    /// `true` when `candidate` makes `incumbent` irrelevant (ties: the newer one wins).
    #[inline]
    fn dominates(&self, candidate: T, incumbent: T) -> bool {
        match self.extremum {
            Extremum::Max => candidate >= incumbent,
            Extremum::Min => candidate <= incumbent,
        }
    }

    #[inline]
    fn slot(&self, offset: usize) -> Option<(u64, T)> {
        let mut index = self.head + offset;
        if index >= self.period {
            index -= self.period;
        }
        self.slots.get(index).copied()
    }

    /// Sequence number of the oldest value still in the window after the next push.
    #[inline]
    fn first_kept_after_push(&self) -> u64 {
        self.pushed
            .saturating_add(1)
            .saturating_sub(self.period as u64)
    }

    /// Adds `x`; values older than `period` pushes leave the window.
    #[inline]
    pub fn push(&mut self, x: T) {
        let first_kept = self.first_kept_after_push();
        while let Some((sequence, _)) = self.slot(0).filter(|_| self.len > 0) {
            if sequence >= first_kept {
                break;
            }
            self.head = if self.head + 1 == self.period {
                0
            } else {
                self.head + 1
            };
            self.len -= 1;
        }
        while let Some((_, back)) = self.len.checked_sub(1).and_then(|last| self.slot(last)) {
            if !self.dominates(x, back) {
                break;
            }
            self.len -= 1;
        }
        let mut tail = self.head + self.len;
        if tail >= self.period {
            tail -= self.period;
        }
        if let Some(slot) = self.slots.get_mut(tail) {
            *slot = (self.pushed, x);
            self.len += 1;
        }
        self.pushed = self.pushed.saturating_add(1);
    }

    /// The extreme of the window after pushing `x`, without pushing it.
    #[inline]
    pub fn peek(&self, x: T) -> Option<T> {
        let first_kept = self.first_kept_after_push();
        let surviving = (0..self.len.min(2))
            .filter_map(|offset| self.slot(offset))
            .find(|&(sequence, _)| sequence >= first_kept);
        match surviving {
            Some((_, value)) if !self.dominates(x, value) => Some(value),
            _ => Some(x),
        }
    }

    /// The extreme of the values in the window (`None` before the first push).
    #[inline]
    pub fn extreme(&self) -> Option<T> {
        self.slot(0)
            .filter(|_| self.len > 0)
            .map(|(_, value)| value)
    }

    /// How many pushes ago the extreme was pushed (0 = the latest value).
    pub fn extreme_age(&self) -> Option<u64> {
        self.slot(0)
            .filter(|_| self.len > 0)
            .map(|(sequence, _)| self.pushed - 1 - sequence)
    }

    /// The values still candidates for the extreme, oldest first (used to validate the
    /// values of a loaded state).
    #[cfg(feature = "serde")]
    pub(crate) fn candidates(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len).filter_map(|offset| self.slot(offset).map(|(_, value)| value))
    }

    /// Number of values pushed since construction or [`clear`](Self::clear): the window is
    /// full once it reaches `period`.
    pub fn pushed(&self) -> u64 {
        self.pushed
    }

    /// The window length.
    pub fn period(&self) -> usize {
        self.period
    }

    /// Which extreme is tracked.
    pub fn extremum(&self) -> Extremum {
        self.extremum
    }

    /// Empties the window.
    pub fn clear(&mut self) {
        self.slots.fill((0, T::zero()));
        self.head = 0;
        self.len = 0;
        self.pushed = 0;
    }
}

/// Bound on the push counter of a deserialized deque: far beyond any real stream (2^62), and
/// far from overflow.
#[cfg(feature = "serde")]
const MAX_PUSHED: u64 = 1 << 62;

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct MonotonicDequeState<T: Real> {
    extremum: Extremum,
    period: usize,
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
    pushed: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MonotonicDequeState<T>> for MonotonicDeque<T> {
    type Error = Error;

    fn try_from(state: MonotonicDequeState<T>) -> Result<Self, Error> {
        let mut deque = Self::new(state.period, state.extremum)?;
        if state.slots.len() != state.period || state.head >= state.period {
            return Err(crate::error::invalid_state(format!(
                "monotonic deque has {} slots and head {} for period {}",
                state.slots.len(),
                state.head,
                state.period
            )));
        }
        // Once anything was pushed, the newest value is always a candidate (nothing can
        // dominate it yet), so the deque is empty exactly when nothing was pushed.
        if state.len > state.period
            || state.len as u64 > state.pushed
            || (state.len == 0) != (state.pushed == 0)
            || state.pushed > MAX_PUSHED
        {
            return Err(crate::error::invalid_state(format!(
                "monotonic deque holds {} candidates after {} pushes with period {}",
                state.len, state.pushed, state.period
            )));
        }
        deque.slots = state.slots;
        deque.head = state.head;
        deque.len = state.len;
        deque.pushed = state.pushed;
        let oldest_allowed = state.pushed.saturating_sub(state.period as u64);
        let mut previous: Option<(u64, T)> = None;
        for offset in 0..deque.len {
            let Some((sequence, value)) = deque.slot(offset) else {
                return Err(crate::error::invalid_state(
                    "monotonic deque slot out of range",
                ));
            };
            let in_window = sequence >= oldest_allowed && sequence < state.pushed;
            let ordered = previous.is_none_or(|(previous_sequence, previous_value)| {
                sequence > previous_sequence && !deque.dominates(value, previous_value)
            });
            if !value.is_finite() || !in_window || !ordered {
                return Err(crate::error::invalid_state(
                    "monotonic deque candidates are not a valid monotone window",
                ));
            }
            previous = Some((sequence, value));
        }
        if previous.is_some_and(|(sequence, _)| sequence + 1 != state.pushed) {
            return Err(crate::error::invalid_state(
                "monotonic deque is missing its newest value",
            ));
        }
        Ok(deque)
    }
}
