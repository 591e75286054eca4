//! Suffix statistics of a window's old block in `O(√n)` memory: the drift-free windows
//! (variance, weighted sum) read, at each push, a statistic of the old-block values still in
//! the window, a *suffix* `slots[i..]` of the block. Instead of `n` stored suffixes, the
//! scan's state is kept at each chunk start (every `c ≈ √n` slots) and the suffixes of the
//! chunk being read are recomputed from the next chunk's state, with exactly the operations
//! of the full scan, once every `c` pushes: each value is bit for bit the one a full array
//! would hold.
//!
//! [`RollingSum`](super::RollingSum) applies the same scheme to its plain sums with its own
//! fields: its push copies the counters into registers for a whole slice loop and places the
//! refresh per indicator, which its measured speed depends on.

use crate::float::from_usize;
use crate::Real;

/// A statistic of every suffix `slots[i..]` of a window, from running sums added newest
/// first, one slot at a time: `state(n) = empty()`,
/// `state(i) = step(state(i + 1), i, slots[i])`, and the statistic of `slots[i..]` is
/// `value(state(i), i)`.
pub(crate) trait SuffixScan<T> {
    /// The running sums of one suffix.
    type State: Copy;
    /// The statistic of one suffix, derived from its sums.
    type Value: Copy;
    /// The sums of the empty suffix, past the newest slot.
    fn empty(&self) -> Self::State;
    /// The sums of `slots[index..]` from those of `slots[index + 1..]`.
    fn step(&self, state: Self::State, index: usize, x: T) -> Self::State;
    /// The statistic of `slots[index..]` from its sums (`index` in the window).
    fn value(&self, state: Self::State, index: usize) -> Self::Value;
    /// The statistic held for a slot past the end of the window (never merged).
    fn empty_value(&self) -> Self::Value;
}

/// The smallest chunk length `c ≥ 2` with `c² ≥ period`: `2·√period` stored values in all,
/// and a chunk of at least 2 slots, so that right after a rebuild the first chunk holds slot 1
/// (what the next push reads).
pub(crate) fn chunk_length(period: usize) -> usize {
    (2..=period.max(2)).find(|c| c * c >= period).unwrap_or(2)
}

/// The longest window whose suffix statistics are all cached, as a full array (at most 33
/// values, refreshed once every `period` pushes): for a short window the memory is small
/// anyway, and a refill every `√period` pushes measured 8–17% slower per update at 20 values
/// (STDDEV, Bollinger, WMA), for one more step of the scan per push and a call.
const STORE_ALL_UP_TO: usize = 32;

/// The suffix statistics of an old block: the scan's states at the chunk starts, and the
/// values of the chunk that the next push reads.
///
/// After each push, the owner calls [`refresh`](Self::refresh) when
/// [`needs_refresh`](Self::needs_refresh) says so: when the block is complete (the write index
/// is back at 0), and when the next push reads past the cached chunk. Between those, the
/// slots read are not overwritten: writes go below the cached chunk.
#[derive(Debug, Clone)]
pub(crate) struct ChunkedSuffixes<S, V> {
    /// Slots per chunk.
    chunk: usize,
    /// `boundaries[c − 1]` = the scan's state at slot `c·chunk`, at the last rebuild, for
    /// every chunk `c` but the first (whose state no fill starts from).
    boundaries: Vec<S>,
    /// `cached[j]` = the statistic of `slots[cached_start + j..]`.
    cached: Vec<V>,
    /// The first slot of the cached chunk (a multiple of `chunk`).
    cached_start: usize,
    /// The write index after which the next push reads the following chunk.
    refill_at: usize,
}

impl<S: Copy, V: Copy> ChunkedSuffixes<S, V> {
    /// Empty statistics for a window of `period` slots (the empty scan's state and value).
    pub(crate) fn new<T, Scan: SuffixScan<T, State = S, Value = V>>(
        period: usize,
        scan: &Scan,
    ) -> Self {
        // A short window is one chunk (its slots and the one past the end): every statistic
        // cached, no refill (see `STORE_ALL_UP_TO`).
        let chunk = if period <= STORE_ALL_UP_TO {
            period + 1
        } else {
            chunk_length(period)
        };
        Self {
            chunk,
            boundaries: vec![scan.empty(); period.div_ceil(chunk) - 1],
            cached: vec![scan.empty_value(); chunk],
            cached_start: 0,
            refill_at: chunk - 1,
        }
    }

    /// The statistic of `slots[slot..]` if `slot` is in the cached chunk: always so for the
    /// slot after the write index, the one a push reads.
    #[inline]
    pub(crate) fn cached(&self, slot: usize) -> Option<V> {
        self.cached
            .get(slot.wrapping_sub(self.cached_start))
            .copied()
    }

    /// `true` if a push that left the write index at `written` completed a block or moves
    /// the next read past the cached chunk: call [`refresh`](Self::refresh).
    #[inline]
    pub(crate) fn needs_refresh(&self, written: usize) -> bool {
        written == 0 || written == self.refill_at
    }

    /// The rare step after a push that left the write index at `written`: at 0 the block
    /// `slots` is complete and is rebuilt (O(n), once every `n` pushes), otherwise the next
    /// chunk is cached (O(√n), every `√n` pushes). Out of line, and given only the arrays, so
    /// that the owner's running sums stay in registers across the updates around it.
    #[cold]
    #[inline(never)]
    pub(crate) fn refresh<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &mut self,
        slots: &[T],
        scan: &Scan,
        written: usize,
    ) {
        if written == 0 {
            self.rebuild(slots, scan);
        } else {
            self.fill(slots, scan, written + 1);
        }
    }

    /// The block `slots` is complete: stores the scan's state at every chunk start, newest
    /// first, then caches the first chunk. O(n), once every `n` pushes.
    fn rebuild<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &mut self,
        slots: &[T],
        scan: &Scan,
    ) {
        self.store_boundaries(slots, scan, 0);
        self.fill(slots, scan, 0);
    }

    /// The scan's states at the starts of the chunks after the one holding slot `from` (the
    /// first chunk's is never read: a fill starts from the next chunk's).
    fn store_boundaries<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &mut self,
        slots: &[T],
        scan: &Scan,
        from: usize,
    ) {
        let mut state = scan.empty();
        let first_stored = from / self.chunk + 1;
        let chunks = slots.chunks(self.chunk).enumerate().skip(1);
        let newest_first = chunks.zip(self.boundaries.iter_mut()).rev();
        for ((number, values), boundary) in
            newest_first.take_while(|((n, _), _)| *n >= first_stored)
        {
            let first = number * self.chunk;
            for (offset, &x) in values.iter().enumerate().rev() {
                state = scan.step(state, first + offset, x);
            }
            *boundary = state;
        }
    }

    /// Caches the statistics of the chunk starting at `start` (a multiple of the chunk
    /// length), from the next chunk's stored state and the old values still in the chunk's
    /// slots; empty values past the end of the window.
    fn fill<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &mut self,
        slots: &[T],
        scan: &Scan,
        start: usize,
    ) {
        self.cached_start = start;
        self.refill_at = start + self.chunk - 1;
        let mut state = self.state_after_chunk_of(start, scan);
        let values = slots.get(start..).unwrap_or_default();
        if let Some(past_the_end) = self.cached.get_mut(values.len()..) {
            past_the_end.fill(scan.empty_value());
        }
        let pairs = self.cached.iter_mut().zip(values).enumerate().rev();
        for (offset, (cached, &x)) in pairs {
            state = scan.step(state, start + offset, x);
            *cached = scan.value(state, start + offset);
        }
    }

    /// The scan's state at the start of the chunk after the one holding `slot` (the empty
    /// state past the end).
    fn state_after_chunk_of<T, Scan: SuffixScan<T, State = S, Value = V>>(
        &self,
        slot: usize,
        scan: &Scan,
    ) -> S {
        self.boundaries
            .get(slot / self.chunk)
            .copied()
            .unwrap_or_else(|| scan.empty())
    }

    /// The statistic of `slots[slot..]` for any slot not overwritten since the last rebuild,
    /// cached or not: O(√n). For saving a state and for checks, not for pushes.
    #[cfg(feature = "serde")]
    pub(crate) fn value_at<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &self,
        slots: &[T],
        scan: &Scan,
        slot: usize,
    ) -> V {
        if slot >= slots.len() {
            return scan.empty_value();
        }
        let end = ((slot / self.chunk + 1) * self.chunk).min(slots.len());
        let mut state = self.state_after_chunk_of(slot, scan);
        for (index, &x) in slots.iter().enumerate().take(end).skip(slot).rev() {
            state = scan.step(state, index, x);
        }
        scan.value(state, slot)
    }

    /// Sets the stored statistics from the window as the pushes left them: the block `slots`
    /// rebuilt if the window is `full` (only the slots from `written` on are still the old
    /// block's, and only their statistics are read), empty otherwise, and the chunk holding
    /// `written + 1` cached.
    #[cfg(feature = "serde")]
    pub(crate) fn resync<T: Copy, Scan: SuffixScan<T, State = S, Value = V>>(
        &mut self,
        slots: &[T],
        scan: &Scan,
        written: usize,
        full: bool,
    ) {
        self.boundaries.fill(scan.empty());
        self.cached.fill(scan.empty_value());
        let start = (written + 1) / self.chunk * self.chunk;
        if full {
            // A rebuild's states, for the chunks after the one holding `written` (a chunk
            // overwritten since is never read, nor is the boundary of the chunk read).
            self.store_boundaries(slots, scan, written);
            self.fill(slots, scan, start);
        } else {
            self.cached_start = start;
            self.refill_at = start + self.chunk - 1;
        }
    }

    /// Back to the empty statistics of construction.
    pub(crate) fn clear<T, Scan: SuffixScan<T, State = S, Value = V>>(&mut self, scan: &Scan) {
        self.boundaries.fill(scan.empty());
        self.cached.fill(scan.empty_value());
        self.cached_start = 0;
        self.refill_at = self.chunk - 1;
    }

    /// Heap memory held, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.boundaries.capacity() * size_of::<S>() + self.cached.capacity() * size_of::<V>()
    }
}

/// The weighted suffix sums `Σ_{i ≥ k} (i + 1)·slot_i` (the slot's position as its weight).
pub(crate) struct WeightedSuffix;

impl<T: Real> SuffixScan<T> for WeightedSuffix {
    type State = T;
    type Value = T;

    fn empty(&self) -> T {
        T::zero()
    }

    #[inline]
    fn step(&self, running: T, index: usize, x: T) -> T {
        running + from_usize::<T>(index + 1) * x
    }

    #[inline]
    fn value(&self, running: T, _: usize) -> T {
        running
    }

    fn empty_value(&self) -> T {
        T::zero()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain suffix sums, as a scan: the simplest statistic to check the chunking with.
    struct PlainSuffix;

    impl SuffixScan<f64> for PlainSuffix {
        type State = f64;
        type Value = f64;
        fn empty(&self) -> f64 {
            0.0
        }
        fn step(&self, running: f64, _: usize, x: f64) -> f64 {
            running + x
        }
        fn value(&self, running: f64, _: usize) -> f64 {
            running
        }
        fn empty_value(&self) -> f64 {
            -1.0
        }
    }

    /// `Σ slots[i..]` added newest first, the naive way.
    fn naive(slots: &[f64], slot: usize) -> f64 {
        slots[slot..].iter().rev().fold(0.0, |s, &x| s + x)
    }

    #[test]
    fn chunks_are_the_smallest_square_root_at_least_two() {
        let expected = [
            (1, 2),
            (2, 2),
            (4, 2),
            (5, 3),
            (9, 3),
            (10, 4),
            (50, 8),
            (200, 15),
        ];
        for (period, chunk) in expected {
            assert_eq!(chunk_length(period), chunk, "period {period}");
        }
    }

    #[test]
    fn every_cached_value_is_the_full_scans_bit_for_bit() {
        for period in 1..=80 {
            // Values of mixed magnitudes, so that the order of the additions shows.
            let slots: Vec<f64> = (0..period)
                .map(|i| ((i * 7919) % 13) as f64 * 10f64.powi((i % 5) as i32 * 4) + 0.1)
                .collect();
            let mut suffixes = ChunkedSuffixes::new(period, &PlainSuffix);
            suffixes.refresh(&slots, &PlainSuffix, 0);
            assert_eq!(
                suffixes.cached(1),
                Some(if period > 1 { naive(&slots, 1) } else { -1.0 })
            );
            // Walk the write index through the block as the pushes do: a push leaves it at
            // `written`, refills if told to, and the next push reads `written + 1`.
            for written in 1..period {
                if suffixes.needs_refresh(written) {
                    suffixes.refresh(&slots, &PlainSuffix, written);
                }
                let read = written + 1;
                let expected = if read < period {
                    naive(&slots, read)
                } else {
                    -1.0
                };
                assert_eq!(suffixes.cached(read), Some(expected), "{period} {read}");
            }
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn values_outside_the_cache_and_a_resync_agree_with_the_full_scan() {
        for period in [1, 2, 3, 7, 9, 10, 26, 32, 33, 40, 49, 64, 100] {
            let slots: Vec<f64> = (0..period).map(|i| 1.0 / (i as f64 + 3.0)).collect();
            let mut suffixes = ChunkedSuffixes::new(period, &PlainSuffix);
            suffixes.refresh(&slots, &PlainSuffix, 0);
            for slot in 0..period {
                assert_eq!(
                    suffixes.value_at(&slots, &PlainSuffix, slot),
                    naive(&slots, slot)
                );
            }
            for written in 0..period {
                let mut loaded = ChunkedSuffixes::new(period, &PlainSuffix);
                loaded.resync(&slots, &PlainSuffix, written, true);
                if written + 1 < period {
                    assert_eq!(loaded.cached(written + 1), Some(naive(&slots, written + 1)));
                }
                for slot in written..period {
                    assert_eq!(
                        loaded.value_at(&slots, &PlainSuffix, slot),
                        naive(&slots, slot)
                    );
                }
            }
        }
    }

    #[test]
    fn weighted_suffixes_weigh_by_position() {
        let slots = [1.0, 2.0, 3.0];
        let mut suffixes = ChunkedSuffixes::new(3, &WeightedSuffix);
        suffixes.refresh(&slots, &WeightedSuffix, 0);
        // slot 1 on: 2·2 + 3·3
        assert_eq!(suffixes.cached(1), Some(13.0));
        assert_eq!(suffixes.cached(0), Some(14.0));
    }
}
