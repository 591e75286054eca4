//! The last `n` inputs kept in chronological and in sorted order, for order statistics.

use crate::window::RingBuffer;
#[cfg(feature = "serde")]
use crate::Error;
use crate::Real;

/// The last `n` usable inputs, in arrival order (a [`RingBuffer`]) and sorted (an array
/// of capacity `n`, reserved at construction).
///
/// An update finds the evicted value and the new one's place by binary search,
/// O(log n) comparisons, then shifts the values between the two places by one slot: a single
/// `memmove` of at most `n` values (O(n) in the worst case, though only the values between
/// the two places move, and a move of 1000 `f64`s is a few tens of nanoseconds). Order
/// statistics and ranks are then O(log n) or O(1) reads. No allocation after construction.
#[derive(Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SortedWindowState<T>")
)]
pub(crate) struct SortedWindow<T: Real> {
    /// The window, oldest first.
    window: RingBuffer<T>,
    /// The same values in ascending order (derived: rebuilt on load).
    #[cfg_attr(feature = "serde", serde(skip))]
    sorted: Vec<T>,
}

impl<T: Real> Clone for SortedWindow<T> {
    /// A copy with the full capacity reserved (a derived clone would reserve only the
    /// values held, and a copy taken while warming up would then allocate on a later push).
    fn clone(&self) -> Self {
        let mut sorted = Vec::with_capacity(self.window.capacity());
        sorted.extend_from_slice(&self.sorted);
        Self {
            window: self.window.clone(),
            sorted,
        }
    }
}

/// How many of `sorted` are below `x` (the index where `x` goes, before its equals).
#[inline]
fn below<T: Real>(sorted: &[T], x: T) -> usize {
    sorted.partition_point(|&v| v < x)
}

impl<T: Real> SortedWindow<T> {
    /// For a capacity known to be in `1..=100000`.
    pub(crate) fn with_valid_capacity(capacity: usize) -> Self {
        Self {
            window: RingBuffer::with_valid_capacity(capacity),
            sorted: Vec::with_capacity(capacity),
        }
    }

    /// The window length.
    pub(crate) fn capacity(&self) -> usize {
        self.window.capacity()
    }

    /// `true` once `capacity` values have been pushed.
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.window.is_full()
    }

    /// Number of values held.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.window.len()
    }

    /// Pushes `x`, evicting the oldest value once full.
    #[inline]
    pub(crate) fn push(&mut self, x: T) {
        let place = below(&self.sorted, x);
        match self.window.push(x) {
            Some(evicted) => {
                // Equal values are interchangeable: the first one at or above `evicted` is it.
                let gone = below(&self.sorted, evicted);
                if place <= gone {
                    // The values in `place..gone` move up one slot over the evicted one.
                    if gone < self.sorted.len() {
                        self.sorted.copy_within(place..gone, place + 1);
                    }
                    if let Some(slot) = self.sorted.get_mut(place) {
                        *slot = x;
                    }
                } else {
                    // The values in `gone + 1..place` move down one slot over the evicted one.
                    self.sorted.copy_within(gone + 1..place, gone);
                    if let Some(slot) = self.sorted.get_mut(place - 1) {
                        *slot = x;
                    }
                }
            }
            // Within the capacity reserved at construction: no allocation.
            None => self.sorted.insert(place, x),
        }
    }

    /// The `k`-th smallest value (`k` from 0).
    #[inline]
    pub(crate) fn select(&self, k: usize) -> Option<T> {
        self.sorted.get(k).copied()
    }

    /// The `k`-th smallest value (from 0) after [`push`](Self::push)`(x)`, without pushing:
    /// O(log n).
    #[inline]
    pub(crate) fn peek_select(&self, x: T, k: usize) -> Option<T> {
        let sorted = &self.sorted;
        let place = below(sorted, x);
        let gone = self
            .window
            .next_evicted()
            .map(|evicted| below(sorted, evicted));
        // The sorted values once the evicted one is gone, and where `x` goes among them.
        let after = |j: usize| {
            let j = match gone {
                Some(gone) if j >= gone => j + 1,
                _ => j,
            };
            sorted.get(j).copied()
        };
        let at = match gone {
            Some(gone) if gone < place => place - 1,
            _ => place,
        };
        match k.cmp(&at) {
            core::cmp::Ordering::Less => after(k),
            core::cmp::Ordering::Equal => Some(x),
            core::cmp::Ordering::Greater => after(k - 1),
        }
    }

    /// How many values are below `x`: O(log n).
    #[inline]
    pub(crate) fn count_below(&self, x: T) -> usize {
        below(&self.sorted, x)
    }

    /// How many values would be below `y` after [`push`](Self::push)`(x)`: O(log n).
    #[inline]
    pub(crate) fn peek_count_below(&self, x: T, y: T) -> usize {
        let evicted_below = self.window.next_evicted().is_some_and(|e| e < y);
        below(&self.sorted, y) + usize::from(x < y) - usize::from(evicted_below)
    }

    /// Empties the window.
    pub(crate) fn clear(&mut self) {
        self.window.clear();
        self.sorted.clear();
    }

    /// Heap memory held, in bytes.
    #[doc(hidden)]
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.window.capacity() + self.sorted.capacity()) * size_of::<T>()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SortedWindowState<T: Real> {
    window: RingBuffer<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SortedWindowState<T>> for SortedWindow<T> {
    type Error = Error;

    /// Every value a usable input; the sorted copy is rebuilt from the window.
    fn try_from(state: SortedWindowState<T>) -> Result<Self, Error> {
        if !state
            .window
            .iter()
            .all(|x| crate::CheckedInput::is_usable(&x))
        {
            return Err(crate::error::invalid_state(
                "a sorted window holds a value outside the usable input range",
            ));
        }
        let mut sorted = Vec::with_capacity(state.window.capacity());
        sorted.extend(state.window.iter());
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(core::cmp::Ordering::Equal));
        Ok(Self {
            window: state.window,
            sorted,
        })
    }
}
