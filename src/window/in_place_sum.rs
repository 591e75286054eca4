use crate::float::from_usize;
use crate::Real;

/// The sum of the last `period` values, drift-free like [`RollingSum`], in one array of
/// `period` values.
///
/// # How
///
/// Every `n` pushes the window is one block `v_0 … v_{n−1}` (oldest first), and a rebuild
/// replaces its values in place by their suffix sums `S[i] = Σ_{j≥i} v_j`, added newest
/// first: all the sum needs of them from then on. The `k` values pushed since (sum `R`)
/// overwrite slots `0..k`, whose `S` is never read again, and the window sum is
/// `S[k] + R` (`S[n] = 0`): the additions of [`RollingSum`], so the same sums bit for bit.
/// The window's older values are not kept one by one: only their suffix sums, and the newest
/// value (`S[n−1] = v_{n−1}` exactly).
///
/// [`RollingSum`]: super::RollingSum
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(crate) struct InPlaceSum<T: Real> {
    /// `slots[..next]`: the values pushed since the last rebuild, oldest first;
    /// `slots[next..]`: `S` of the old block (zeros before the first rebuild).
    slots: Box<[T]>,
    /// The slot the next push writes (`k`); `u32`, as a period is at most 100000.
    next: u32,
    /// `true` once `period` values have been pushed.
    full: bool,
    /// The window sum after the last push.
    sum: T,
    /// `R`.
    #[cfg_attr(feature = "serde", serde(skip))]
    recent: T,
}

impl<T: Real> InPlaceSum<T> {
    /// For a period known to be in `1..=100000`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        let period = crate::error::clamp_period(period);
        Self {
            slots: vec![T::zero(); period].into_boxed_slice(),
            next: 0,
            full: false,
            sum: T::zero(),
            recent: T::zero(),
        }
    }

    /// The window length `n`.
    #[inline]
    pub(crate) fn period(&self) -> usize {
        self.slots.len()
    }

    /// Heap memory held, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * size_of::<T>()
    }

    /// The window sum after the last push.
    #[inline]
    pub(crate) fn sum(&self) -> T {
        self.sum
    }

    /// `true` once `period` values have been pushed.
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// `true` once the next push fills the window (or it is full).
    #[inline]
    pub(crate) fn fills_with_next(&self) -> bool {
        self.full || self.next as usize + 1 == self.slots.len()
    }

    /// `true` before the first push (and after [`clear`](Self::clear)).
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        !self.full && self.next == 0
    }

    /// `true` when both have had as many pushes since they were empty, modulo the period
    /// (the same write slot, both full or neither).
    #[cfg(feature = "serde")]
    pub(crate) fn same_position(&self, other: &Self) -> bool {
        self.slots.len() == other.slots.len() && self.next == other.next && self.full == other.full
    }

    /// `true` when `ok` holds for every stored number: the values since the last block,
    /// the old block's suffix sums (zeros before the first) and the window sum.
    #[cfg(feature = "serde")]
    pub(crate) fn all_stored(&self, ok: impl Fn(T) -> bool) -> bool {
        self.slots.iter().all(|&x| ok(x)) && ok(self.sum)
    }

    /// `(R, sum)` after pushing `x`, without committing.
    #[inline]
    fn next_sums(&self, x: T) -> (T, T) {
        let recent = self.recent + x;
        let old = self
            .slots
            .get(self.next as usize + 1)
            .copied()
            .unwrap_or_else(T::zero);
        (recent, old + recent)
    }

    /// What [`sum`](Self::sum) would be after pushing `x`.
    #[inline]
    pub(crate) fn peek_sum(&self, x: T) -> T {
        self.next_sums(x).1
    }

    /// Adds `x`, evicting the oldest value once `period` values are held.
    #[inline(always)]
    pub(crate) fn push(&mut self, x: T) {
        let mut hot = self.hot();
        self.push_hot::<false>(&mut hot, x);
        self.set_hot(hot);
    }

    /// [`push`](Self::push) with the rebuild inlined. Out of line, the call makes the
    /// compiler keep the scalars of a loop of updates in memory (no float register survives
    /// a call); inlined, the loop is larger. The MFI's update, two sums and a candle's check,
    /// gained (its streaming row in the peers bench 7.8 → 5.3 ns per update, A/B); the SMA's
    /// did not (1.61 → 1.66) and keeps the call.
    #[inline(always)]
    pub(crate) fn push_inlined(&mut self, x: T) {
        let mut hot = self.hot();
        self.push_hot::<true>(&mut hot, x);
        self.set_hot(hot);
    }

    /// [`push`](Self::push) of each of `ours` into `self` and, in the same step, of each of
    /// `theirs` into `other` (two windows of one period pushed together, such as an MFI's
    /// positive and negative money flows), each value replaced by its window's sum after
    /// its push: the pushes of a streaming loop, with both windows' scalars in registers
    /// for the whole run. Pairs past the shorter slice are left as they are.
    pub(crate) fn push_both_in_place(
        &mut self,
        other: &mut Self,
        ours: &mut [T],
        theirs: &mut [T],
    ) {
        let (mut hot, mut other_hot) = (self.hot(), other.hot());
        for (x, y) in ours.iter_mut().zip(theirs) {
            let completed = self.push_before_rebuild(&mut hot, *x);
            let other_completed = other.push_before_rebuild(&mut other_hot, *y);
            (*x, *y) = (hot.sum, other_hot.sum);
            if completed && other_completed && self.slots.len() == other.slots.len() {
                // Both blocks at once: their two chains of additions side by side.
                rebuild_both(&mut self.slots, &mut other.slots);
                hot.start_block();
                other_hot.start_block();
            } else {
                if completed {
                    rebuild(&mut self.slots, 0);
                    hot.start_block();
                }
                if other_completed {
                    rebuild(&mut other.slots, 0);
                    other_hot.start_block();
                }
            }
        }
        self.set_hot(hot);
        other.set_hot(other_hot);
    }

    /// The scalars a push updates, copied out so that a loop of pushes (the slice path)
    /// keeps them in registers.
    #[inline(always)]
    fn hot(&self) -> Hot<T> {
        Hot {
            next: self.next as usize,
            full: self.full,
            recent: self.recent,
            sum: self.sum,
        }
    }

    #[inline(always)]
    fn set_hot(&mut self, hot: Hot<T>) {
        // `next < period <= 100000`.
        self.next = u32::try_from(hot.next).unwrap_or(0);
        self.full = hot.full;
        self.recent = hot.recent;
        self.sum = hot.sum;
    }

    /// One push on `hot`; the rebuild inlined if `INLINE_REBUILD` (see
    /// [`push_inlined`](Self::push_inlined)).
    #[inline(always)]
    fn push_hot<const INLINE_REBUILD: bool>(&mut self, hot: &mut Hot<T>, x: T) {
        if self.push_before_rebuild(hot, x) {
            if INLINE_REBUILD {
                suffix_sums(&mut self.slots, 0);
            } else {
                // Only the array crosses the call, so the sums stay in registers.
                rebuild(&mut self.slots, 0);
            }
            hot.start_block();
        }
    }

    /// [`push_hot`](Self::push_hot) up to its rebuild: `true` when the push completed a
    /// block, which the caller then rebuilds (and calls [`Hot::start_block`]).
    #[inline(always)]
    fn push_before_rebuild(&mut self, hot: &mut Hot<T>, x: T) -> bool {
        let pushed = hot.next + 1;
        hot.recent = hot.recent + x;
        let old = self.slots.get(pushed).copied().unwrap_or_else(T::zero);
        hot.sum = old + hot.recent;
        if let Some(slot) = self.slots.get_mut(hot.next) {
            *slot = x;
        }
        hot.next = pushed;
        pushed == self.slots.len()
    }

    /// The slice path of a moving average: pushes each usable value of `inputs` (others are
    /// skipped, as the streaming indicators skip them) and writes the window mean after it
    /// into `out`, NaN until the window is full; bit for bit the streaming means.
    ///
    /// Where a block starts on a full window, the whole blocks of a run of about
    /// [`RUN`] inputs go at once ([`block_means`]) when every input of the run is usable
    /// (checked in one pass); a run holding an unusable input, and what is left over, go
    /// value by value.
    pub(crate) fn means_into(&mut self, inputs: &[T], out: &mut [T]) {
        let mut hot = self.hot();
        let n = self.slots.len();
        let period: T = from_usize(n);
        let len = inputs.len().min(out.len());
        let (mut done, mut one_by_one_until) = (0, 0);
        while done < len {
            if hot.full && hot.next == 0 && done >= one_by_one_until {
                let blocks = ((len - done) / n).min((RUN / n).max(1));
                let end = done + blocks * n;
                if let (Some(run), Some(means)) = (inputs.get(done..end), out.get_mut(done..end)) {
                    if blocks > 0 && crate::slice::all_usable(run) {
                        for (block, means) in run.chunks_exact(n).zip(means.chunks_exact_mut(n)) {
                            hot.sum = block_means(&mut self.slots, block, means, period);
                        }
                        done = end;
                        continue;
                    }
                }
                one_by_one_until = end;
            }
            if let (Some(&x), Some(slot)) = (inputs.get(done), out.get_mut(done)) {
                if x.is_usable() {
                    self.push_hot::<false>(&mut hot, x);
                }
                *slot = if hot.full { hot.sum / period } else { T::nan() };
            }
            done += 1;
        }
        self.set_hot(hot);
    }

    /// Empties the window.
    pub(crate) fn clear(&mut self) {
        self.slots.fill(T::zero());
        self.next = 0;
        self.full = false;
        self.sum = T::zero();
        self.recent = T::zero();
    }
}

/// The fields of an [`InPlaceSum`] that every push updates.
#[derive(Clone, Copy)]
struct Hot<T> {
    next: usize,
    full: bool,
    recent: T,
    sum: T,
}

impl<T: Real> Hot<T> {
    /// After the rebuild of a completed block: the window is full, the next push writes
    /// slot 0, and no value has been pushed since.
    #[inline(always)]
    fn start_block(&mut self) {
        self.next = 0;
        self.full = true;
        self.recent = T::zero();
    }
}

/// How many inputs [`InPlaceSum::means_into`] checks at once before taking whole blocks
/// (at least one block).
const RUN: usize = 1024;

/// `n` pushes of the usable values `block` (`n` the period) onto a full window whose block
/// has just completed (`slots` holding the old block's suffix sums `S`), each mean into
/// `means`, and the rebuild after them; returns the window sum after the last push. The
/// same additions as the pushes and [`rebuild`], so the same bits, in another order: the
/// new block's suffix sums are added from `block` (newest first) in the loop that adds its
/// running sum `R` (oldest first), so the two chains of additions run side by side instead
/// of one after the other. `S[j + 1]` is first copied into `means[j]`, since the new suffix
/// sums overwrite the slots as the loop goes.
fn block_means<T: Real>(slots: &mut [T], block: &[T], means: &mut [T], period: T) -> T {
    let n = block.len();
    let (shifted, last) = means.split_at_mut(means.len().saturating_sub(1));
    if let Some(old) = slots.get(1..) {
        for (to, &from) in shifted.iter_mut().zip(old) {
            *to = from;
        }
    }
    if let Some(last) = last.first_mut() {
        *last = T::zero();
    }
    let (mut recent, mut suffix, mut sum) = (T::zero(), T::zero(), T::zero());
    // Two values a step, so that the two means are divided as one pair.
    let oldest_first = means.chunks_exact_mut(2).zip(block.chunks_exact(2));
    let newest_first = slots.rchunks_exact_mut(2).zip(block.rchunks_exact(2));
    for ((mean, x), (slot, y)) in oldest_first.zip(newest_first) {
        if let ([mean_a, mean_b], [x_a, x_b], [slot_a, slot_b], [y_a, y_b]) = (mean, x, slot, y) {
            recent = recent + *x_a;
            let sum_a = *mean_a + recent;
            recent = recent + *x_b;
            sum = *mean_b + recent;
            [*mean_a, *mean_b] = [sum_a / period, sum / period];
            suffix = suffix + *y_b;
            *slot_b = suffix;
            suffix = suffix + *y_a;
            *slot_a = suffix;
        }
    }
    // An odd `n`: the last value of the running sum, the first of the suffix sums.
    if n % 2 == 1 {
        if let (Some(mean), Some(&x)) = (means.last_mut(), block.last()) {
            recent = recent + x;
            sum = *mean + recent;
            *mean = sum / period;
        }
        if let (Some(slot), Some(&y)) = (slots.first_mut(), block.first()) {
            *slot = suffix + y;
        }
    }
    sum
}

/// [`suffix_sums`] out of line, and given only the array.
#[cold]
#[inline(never)]
fn rebuild<T: Real>(slots: &mut [T], from: usize) {
    suffix_sums(slots, from);
}

/// Replaces the values of `slots[from..]` by their suffix sums, newest first.
#[inline(always)]
fn suffix_sums<T: Real>(slots: &mut [T], from: usize) {
    let mut running = T::zero();
    for slot in slots.iter_mut().skip(from).rev() {
        running = running + *slot;
        *slot = running;
    }
}

/// [`rebuild`] of two whole blocks of one length at once, in one loop (the same additions
/// for each, so the same bits).
#[cold]
#[inline(never)]
fn rebuild_both<T: Real>(a: &mut [T], b: &mut [T]) {
    let (mut running_a, mut running_b) = (T::zero(), T::zero());
    for (slot_a, slot_b) in a.iter_mut().zip(b.iter_mut()).rev() {
        running_a = running_a + *slot_a;
        *slot_a = running_a;
        running_b = running_b + *slot_b;
        *slot_b = running_b;
    }
}

/// The saved form: the slots as stored, the write slot, whether the window has filled, and
/// the window sum (which, right after a block completes, the suffix sums alone cannot give
/// bit for bit).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InPlaceSumState<T: Real> {
    slots: Box<[T]>,
    next: u32,
    full: bool,
    sum: T,
}

#[cfg(feature = "serde")]
impl<'de, T: Real + serde::Deserialize<'de>> serde::Deserialize<'de> for InPlaceSum<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let state = InPlaceSumState::deserialize(deserializer)?;
        Self::load(state, |x| x.is_usable(), T::max_input()).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl<T: Real> InPlaceSum<T> {
    /// Checks a saved state: a period in range, values since the rebuild that `value_ok`
    /// accepts (usable inputs, for a moving average), suffix sums that such values could
    /// make (finite, at most their count times `largest`), zeros before the first rebuild,
    /// and a window sum within rounding of the stored values; then recomputes `R` and the
    /// window sum with the pushes' additions.
    pub(crate) fn load(
        state: InPlaceSumState<T>,
        value_ok: impl Fn(T) -> bool,
        largest: T,
    ) -> Result<Self, crate::Error> {
        let period = state.slots.len();
        crate::error::check_period("period", period)?;
        let next = state.next as usize;
        if next >= period {
            return Err(crate::error::invalid_state(format!(
                "rolling sum of period {period} has write slot {next}"
            )));
        }
        let slots = &state.slots;
        let slack = T::one() + crate::float::sum_rounding(T::one(), period);
        let values_ok = slots.iter().enumerate().all(|(slot, &x)| {
            if slot < next {
                value_ok(x)
            } else if !state.full {
                x == T::zero()
            } else {
                let held: T = from_usize(period - slot);
                x.is_finite() && x.abs() <= held * largest * slack
            }
        });
        if !values_ok
            || !state.sum.is_finite()
            || (!state.full && next == 0 && state.sum != T::zero())
        {
            return Err(crate::error::invalid_state(
                "rolling sum holds a value, suffix sum or sum no update could have produced",
            ));
        }
        let mut loaded = Self::with_valid_period(period);
        loaded.slots = state.slots;
        loaded.next = state.next;
        loaded.full = state.full;
        loaded.recent = loaded
            .slots
            .iter()
            .take(next)
            .fold(T::zero(), |sum, &x| sum + x);
        let expected = if next == 0 {
            // Right after a block completed: its sum, which its first suffix sum gives
            // within rounding (0 for an empty window).
            loaded.slots.first().copied().unwrap_or_else(T::zero)
        } else {
            let old = loaded.slots.get(next).copied().unwrap_or_else(T::zero);
            old + loaded.recent
        };
        let magnitude = loaded
            .window_values()
            .iter()
            .fold(T::zero(), |sum, &(x, error)| sum + x.abs() + error);
        if (state.sum - expected).abs() > crate::float::sum_rounding(magnitude, period) {
            return Err(crate::error::invalid_state(
                "rolling sum does not match the values in its window",
            ));
        }
        loaded.sum = if next == 0 { state.sum } else { expected };
        Ok(loaded)
    }

    /// The values in the window, oldest first, each with a bound on its error: the values
    /// pushed since the last rebuild as they are (error 0), the older ones recovered from
    /// the suffix sums as `S[i] − S[i+1]`, within the rounding of those sums (the newest,
    /// `S[n−1]`, exactly). For composite indicators that check a loaded state against
    /// values they hold themselves.
    pub(crate) fn window_values(&self) -> Vec<(T, T)> {
        let period = self.slots.len();
        let next = self.next as usize;
        let at = |i: usize| self.slots.get(i).copied().unwrap_or_else(T::zero);
        let mut old = Vec::new();
        if self.full {
            // Newest first, so that each error bound can use the magnitudes after it.
            let mut magnitude = T::zero();
            for slot in (next..period).rev() {
                let value = if slot + 1 == period {
                    at(slot)
                } else {
                    at(slot) - at(slot + 1)
                };
                magnitude = magnitude + value.abs() + at(slot).abs();
                let error = if slot + 1 == period {
                    T::zero()
                } else {
                    crate::float::sum_rounding(magnitude, period)
                };
                old.push((value, error));
            }
            old.reverse();
        }
        old.extend(self.slots.iter().take(next).map(|&x| (x, T::zero())));
        old
    }

    /// The newest value (`None` before the first push): always exact.
    pub(crate) fn newest(&self) -> Option<T> {
        match (self.next as usize).checked_sub(1) {
            Some(slot) => self.slots.get(slot).copied(),
            None if self.full => self.slots.last().copied(),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::InPlaceSum;

    /// Two windows pushed together by `push_both_in_place` hold and give what each pushed
    /// alone gives, bit for bit: of one period (their blocks complete together and are
    /// rebuilt in one loop) and of two (one completes without the other, or both at once
    /// with other lengths), over runs that start anywhere in a block.
    #[test]
    fn pushed_together_as_pushed_alone() {
        let value = |i: usize| ((i * 7919) % 1000) as f64 * 0.37 - 100.0;
        for (period, other_period) in [(5, 5), (3, 5), (4, 6), (1, 2), (7, 7)] {
            for start in 0..12 {
                let (mut ours, mut theirs) = (
                    InPlaceSum::with_valid_period(period),
                    InPlaceSum::with_valid_period(other_period),
                );
                let (mut our_alone, mut their_alone) = (ours.clone(), theirs.clone());
                for i in 0..start {
                    for sum in [&mut ours, &mut our_alone] {
                        sum.push(value(i));
                    }
                    for sum in [&mut theirs, &mut their_alone] {
                        sum.push(-value(i + 1));
                    }
                }
                let mut x: Vec<f64> = (100..160).map(value).collect();
                let mut y: Vec<f64> = (200..260).map(|i| -value(i)).collect();
                let (x_in, y_in) = (x.clone(), y.clone());
                ours.push_both_in_place(&mut theirs, &mut x, &mut y);
                for ((&a, &b), (&sum_a, &sum_b)) in x_in.iter().zip(&y_in).zip(x.iter().zip(&y)) {
                    our_alone.push(a);
                    their_alone.push(b);
                    assert_eq!(sum_a.to_bits(), our_alone.sum().to_bits());
                    assert_eq!(sum_b.to_bits(), their_alone.sum().to_bits());
                }
                assert_eq!(ours, our_alone, "periods {period}, {other_period}");
                assert_eq!(theirs, their_alone, "periods {period}, {other_period}");
            }
        }
    }
}
