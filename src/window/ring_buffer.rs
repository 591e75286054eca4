use crate::error::check_period;
use crate::Error;

/// The last `capacity` values pushed, oldest first. Fixed memory: the storage is allocated
/// once at construction, and a push onto a full buffer overwrites the oldest value.
///
/// ```
/// use ta_stream::window::RingBuffer;
///
/// let mut window = RingBuffer::new(3)?;
/// assert_eq!(window.push(1), None);
/// window.push(2);
/// window.push(3);
/// assert_eq!(window.push(4), Some(1)); // full: the oldest value is evicted
/// assert_eq!(window.iter().collect::<Vec<_>>(), [2, 3, 4]);
/// assert_eq!((window.oldest(), window.newest()), (Some(2), Some(4)));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RingBufferState<T>")
)]
pub struct RingBuffer<T: Copy> {
    /// Stored values; once full, `values[next]` is the oldest.
    values: Vec<T>,
    capacity: usize,
    /// Index the next push writes to (equals `values.len()` while filling).
    next: usize,
}

/// A clone reserves the full capacity too, so that it never allocates while filling.
impl<T: Copy> Clone for RingBuffer<T> {
    fn clone(&self) -> Self {
        let mut values = Vec::with_capacity(self.capacity);
        values.extend_from_slice(&self.values);
        Self {
            values,
            capacity: self.capacity,
            next: self.next,
        }
    }
}

impl<T: Copy> RingBuffer<T> {
    /// An empty buffer holding at most `capacity` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `capacity` is in `1..=100000`.
    pub fn new(capacity: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_capacity(check_period(
            "capacity", capacity,
        )?))
    }

    /// For capacities known to be valid (constants); anything else is clamped into range.
    pub(crate) fn with_valid_capacity(capacity: usize) -> Self {
        let capacity = crate::error::clamp_period(capacity);
        Self {
            values: Vec::with_capacity(capacity),
            capacity,
            next: 0,
        }
    }

    /// Maximum number of values held.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Number of values held.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// `true` when nothing has been pushed since construction or [`clear`](Self::clear).
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `true` when the buffer holds `capacity` values (the next push evicts one).
    pub fn is_full(&self) -> bool {
        self.values.len() == self.capacity
    }

    /// Appends `value`; returns the evicted oldest value when the buffer was full.
    #[inline]
    pub fn push(&mut self, value: T) -> Option<T> {
        let evicted = if self.is_full() {
            self.values
                .get_mut(self.next)
                .map(|slot| core::mem::replace(slot, value))
        } else {
            self.values.push(value);
            None
        };
        self.next += 1;
        if self.next == self.capacity {
            self.next = 0;
        }
        evicted
    }

    /// For a full buffer, what a loop of [`push`](Self::push) over `values` does, and
    /// `f(value, evicted)` of each push into the matching slot of `out` (as many as both
    /// hold); `false`, doing nothing, unless the buffer is full.
    ///
    /// Without a push per value: the first `capacity` values evict the buffer's, oldest
    /// first, and each later value the value `capacity` before it in `values`, so that
    /// `out` is two plain loops over slices, which the compiler runs two or four values at
    /// a time; then the last `capacity` values are stored.
    pub(crate) fn push_run_with_evicted(
        &mut self,
        values: &[T],
        out: &mut [T],
        f: impl Fn(T, T) -> T,
    ) -> bool {
        if !self.is_full() {
            return false;
        }
        let run = values.len().min(out.len());
        let values = values.get(..run).unwrap_or_default();
        let out = out.get_mut(..run).unwrap_or_default();
        let capacity = self.capacity;
        let (newer, oldest_first) = self.values.split_at(self.next);
        let evicted_from_buffer = oldest_first.iter().chain(newer);
        let (head, tail) = out.split_at_mut(run.min(capacity));
        for ((slot, &value), &evicted) in head.iter_mut().zip(values).zip(evicted_from_buffer) {
            *slot = f(value, evicted);
        }
        let later = values.get(capacity..).unwrap_or_default();
        for ((slot, &value), &evicted) in tail.iter_mut().zip(later).zip(values) {
            *slot = f(value, evicted);
        }
        // The pushes before the last `capacity` values only move the write position.
        let kept = run.min(capacity);
        let mut next = (self.next + (run - kept)) % capacity;
        for &value in values.get(run - kept..).unwrap_or_default() {
            if let Some(slot) = self.values.get_mut(next) {
                *slot = value;
            }
            next += 1;
            if next == capacity {
                next = 0;
            }
        }
        self.next = next;
        true
    }

    /// The value the next push would evict, if the buffer is full; otherwise `None`.
    #[inline]
    pub fn next_evicted(&self) -> Option<T> {
        if self.is_full() {
            self.values.get(self.next).copied()
        } else {
            None
        }
    }

    /// The storage slot the next push writes to: `len()` while filling, then the slot of the
    /// oldest value. The storage is in chronological order while filling, and once full
    /// exactly when this is 0.
    pub fn write_index(&self) -> usize {
        self.next
    }

    /// The values in storage order (chronological while filling, or when
    /// [`write_index`](Self::write_index) is 0; [`iter`](Self::iter) is always chronological).
    pub fn as_slice(&self) -> &[T] {
        &self.values
    }

    /// The oldest value held.
    pub fn oldest(&self) -> Option<T> {
        if self.is_full() {
            self.values.get(self.next).copied()
        } else {
            self.values.first().copied()
        }
    }

    /// The most recently pushed value.
    pub fn newest(&self) -> Option<T> {
        let index = if self.next == 0 {
            self.values.len().checked_sub(1)?
        } else {
            self.next - 1
        };
        self.values.get(index).copied()
    }

    /// The values held, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        let split = if self.is_full() { self.next } else { 0 };
        let (newer, older) = self.values.split_at(split.min(self.values.len()));
        older.iter().chain(newer.iter()).copied()
    }

    /// Empties the buffer, keeping its storage.
    pub fn clear(&mut self) {
        self.values.clear();
        self.next = 0;
    }
}

/// The serialized form of a [`RingBuffer`], validated on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RingBufferState<T> {
    values: Vec<T>,
    capacity: usize,
    next: usize,
}

#[cfg(feature = "serde")]
impl<T: Copy> TryFrom<RingBufferState<T>> for RingBuffer<T> {
    type Error = Error;

    fn try_from(state: RingBufferState<T>) -> Result<Self, Error> {
        let mut buffer = Self::new(state.capacity)?;
        let len = state.values.len();
        if len > state.capacity {
            return Err(crate::error::invalid_state(format!(
                "ring buffer holds {len} values but its capacity is {}",
                state.capacity
            )));
        }
        let expected_next = if len == state.capacity {
            state.next
        } else {
            len
        };
        if state.next != expected_next || state.next >= state.capacity {
            return Err(crate::error::invalid_state(format!(
                "ring buffer write position {} is invalid for {len} values of capacity {}",
                state.next, state.capacity
            )));
        }
        buffer.values.extend_from_slice(&state.values);
        buffer.next = state.next;
        Ok(buffer)
    }
}
