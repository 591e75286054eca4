#[cfg(feature = "serde")]
use crate::error::check_period;
use crate::float::from_usize;
#[cfg(feature = "serde")]
use crate::Error;
use crate::Real;

/// The linearly weighted sum of the last `period` values, `W = Σ (j+1)·x_j` (`j = 0` the
/// oldest, the newest weighing `n`), in O(1) amortized, without drift, in one array of
/// `period` values.
///
/// # How
///
/// Every `n` pushes the window is one block `v_0 … v_{n−1}` (oldest first), and a rebuild
/// replaces its values in place by
///
/// `U[i] = Σ_{j≥i} (j−i+1)·v_j`,
///
/// the weighted sum of the block's slots `i..`, weighted `1, 2, …` from slot `i`: newest
/// first, `S += v_i; U += S`, `2n` additions. The `k` values pushed since the rebuild
/// (plain sum `R`, weighted sum `RW = Σ (j+1)·r_j`) overwrite slots `0..k`, whose `U` is
/// never read again, and
///
/// `W = U[k] + (RW + (n−k)·R)`,
///
/// with `U[n] = 0`. Every term holds only values still in the window: a value that left it
/// (a spike of 1e15 included) leaves no trace. Values are expected to be finite.
///
/// # Loading a state
///
/// Saved as the slots as stored (values since the rebuild, then the `U`), the write slot,
/// whether the window has filled, and `W`. `R`, `RW` and, unless the last push completed
/// a block, `W` are recomputed from the stored values with the operations of the pushes, so
/// a saved state loads back bit for bit. The values are checked by the owner's predicate,
/// each `U[i]` against the largest sum `m(m+1)/2 · limit` of the `m = n − i` values it holds,
/// and a stored `W` against what the stored values give, within a rounding tolerance.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(crate) struct RollingWeightedSum<T: Real> {
    /// `slots[..next]`: the values pushed since the last rebuild, oldest first;
    /// `slots[next..]`: `U` of the old block (zeros before the first rebuild).
    slots: Box<[T]>,
    /// The slot the next push writes: `k`, the count of values since the rebuild.
    next: usize,
    /// `true` once `period` values have been pushed.
    full: bool,
    /// `W` after the last push.
    weighted: T,
    /// `R`.
    #[cfg_attr(feature = "serde", serde(skip))]
    recent: T,
    /// `RW`.
    #[cfg_attr(feature = "serde", serde(skip))]
    recent_weighted: T,
}

impl<T: Real> RollingWeightedSum<T> {
    /// For a period known to be in `1..=100000`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        let period = crate::error::clamp_period(period);
        Self {
            slots: vec![T::zero(); period].into_boxed_slice(),
            next: 0,
            full: false,
            weighted: T::zero(),
            recent: T::zero(),
            recent_weighted: T::zero(),
        }
    }

    /// The window length `n`.
    pub(crate) fn period(&self) -> usize {
        self.slots.len()
    }

    /// Heap memory held, in bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.len() * size_of::<T>()
    }

    /// `W` after the last push (0 before the first).
    #[inline]
    pub(crate) fn weighted(&self) -> T {
        self.weighted
    }

    /// `true` once `period` values have been pushed.
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// `true` once the next push fills the window (or it is full).
    #[inline]
    pub(crate) fn fills_with_next(&self) -> bool {
        self.full || self.next + 1 == self.slots.len()
    }

    /// `true` before the first push.
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        !self.full && self.next == 0
    }

    /// `(RW, W)` after pushing `x`, without committing.
    #[inline]
    fn next_sums(&self, x: T) -> (T, T, T) {
        // k and n − k after this push, converted from the counts (no float kept for n).
        let pushed = self.next + 1;
        let k = from_usize::<T>(pushed);
        let remaining = from_usize::<T>(self.slots.len().saturating_sub(pushed));
        let recent = self.recent + x;
        let recent_weighted = self.recent_weighted + k * x;
        let old = self.slots.get(pushed).copied().unwrap_or_else(T::zero);
        let weighted = combine(old, recent_weighted, recent, remaining);
        (recent, recent_weighted, weighted)
    }

    /// What [`weighted`](Self::weighted) would be after pushing `x`.
    #[inline]
    pub(crate) fn peek_weighted(&self, x: T) -> T {
        self.next_sums(x).2
    }

    /// Adds `x`, evicting the oldest value once `period` values are held.
    #[inline(always)]
    pub(crate) fn push(&mut self, x: T) {
        (self.recent, self.recent_weighted, self.weighted) = self.next_sums(x);
        if let Some(slot) = self.slots.get_mut(self.next) {
            *slot = x;
        }
        self.next += 1;
        if self.next == self.slots.len() {
            // Only the array crosses the call, so the sums stay in registers.
            rebuild(&mut self.slots, 0);
            self.next = 0;
            self.full = true;
            self.recent = T::zero();
            self.recent_weighted = T::zero();
        }
    }

    /// Pushes `inputs` into a full window and writes `W / divisor` after each into `out`:
    /// [`push`](Self::push)'s steps a block at a time, without their per-push bookkeeping
    /// (the slot, the weight `k` and `n − k` are known for the whole run; `k` is counted up
    /// in `T`, exact for every period), so the outputs and the state are `push`'s bit for
    /// bit. Every input must be usable; the window must be full.
    pub(crate) fn push_usable_quotients(&mut self, inputs: &[T], out: &mut [T], divisor: T) {
        let period = self.slots.len();
        let n = from_usize::<T>(period);
        let len = inputs.len().min(out.len());
        let mut done = 0;
        while done < len {
            let next = self.next;
            let run = (len - done).min(period - next);
            let inputs = inputs.get(done..done + run).unwrap_or_default();
            let out = out.get_mut(done..done + run).unwrap_or_default();
            if next == 0 && run == period {
                self.weighted = block_quotients(&mut self.slots, inputs, out, divisor);
                done += run;
                continue;
            }
            let (mut recent, mut recent_weighted) = (self.recent, self.recent_weighted);
            let (mut k, mut weighted) = (from_usize::<T>(next), self.weighted);
            // Push `j` of the run reads `U` of the slot after its own (0 past the last).
            let kept = self.slots.get(next + 1..).unwrap_or_default();
            let kept = kept.iter().copied().chain(core::iter::once(T::zero()));
            for ((&x, old), slot) in inputs.iter().zip(kept).zip(out) {
                k = k + T::one();
                recent = recent + x;
                recent_weighted = recent_weighted + k * x;
                weighted = combine(old, recent_weighted, recent, n - k);
                *slot = weighted / divisor;
            }
            self.weighted = weighted;
            let stored = self.slots.get_mut(next..next + run).unwrap_or_default();
            stored.copy_from_slice(inputs);
            done += run;
            if next + run == period {
                rebuild(&mut self.slots, 0);
                self.next = 0;
                self.full = true;
                self.recent = T::zero();
                self.recent_weighted = T::zero();
            } else {
                self.next = next + run;
                self.recent = recent;
                self.recent_weighted = recent_weighted;
            }
        }
    }

    /// Empties the window.
    pub(crate) fn clear(&mut self) {
        self.slots.fill(T::zero());
        self.next = 0;
        self.full = false;
        self.weighted = T::zero();
        self.recent = T::zero();
        self.recent_weighted = T::zero();
    }

    /// The sums the pushes of `window` (storage order, as a [`RollingSum`] of the same
    /// period holds it: write slot `next`, `full` once it has filled) have produced, bit for
    /// bit: for an owner that also keeps the plain window and saves only that.
    ///
    /// [`RollingSum`]: super::RollingSum
    #[cfg(feature = "serde")]
    pub(crate) fn from_window(window: &[T], next: usize, full: bool) -> Self {
        let mut sums = Self::with_valid_period(window.len());
        let period = sums.slots.len();
        sums.slots
            .copy_from_slice(window.get(..period).unwrap_or_default());
        sums.next = next.min(period - 1);
        sums.full = full;
        if full {
            rebuild(&mut sums.slots, sums.next);
            if sums.next == 0 {
                // The last push completed the block: its `W` was `RW` of all of it.
                let block = window.get(..period).unwrap_or_default();
                let (recent, recent_weighted) = recent_sums(block);
                sums.weighted = combine(T::zero(), recent_weighted, recent, T::zero());
            }
        } else {
            sums.slots
                .iter_mut()
                .skip(sums.next)
                .for_each(|x| *x = T::zero());
        }
        sums.resync();
        sums
    }

    /// Recomputes `R`, `RW` and (unless the last push completed a block) `W` from the
    /// stored values, with the operations of the pushes.
    #[cfg(feature = "serde")]
    fn resync(&mut self) {
        let recent_values = self.slots.get(..self.next).unwrap_or_default();
        (self.recent, self.recent_weighted) = recent_sums(recent_values);
        if self.next > 0 {
            let old = self.slots.get(self.next).copied().unwrap_or_else(T::zero);
            let remaining: T = from_usize(self.slots.len() - self.next);
            self.weighted = combine(old, self.recent_weighted, self.recent, remaining);
        } else if !self.full {
            self.weighted = T::zero();
        }
    }
}

/// `n` pushes of the usable values `block` (`n` the period) onto a full window whose block
/// has just completed (`slots` holding the old block's `U`), each `W / divisor` into `out`,
/// and the rebuild after them; returns `W` after the last push. The same operations as the
/// pushes and [`rebuild`], so the same bits, in another order: the new block's `U` is added
/// from `block` (newest first) in the loop that adds its `R` and `RW` (oldest first), so
/// that the chains of additions run side by side instead of one after the other. `U[j + 1]`
/// is first copied into `out[j]`, since the new `U` overwrites the slots as the loop goes.
fn block_quotients<T: Real>(slots: &mut [T], block: &[T], out: &mut [T], divisor: T) -> T {
    let n = from_usize::<T>(block.len());
    let (shifted, last) = out.split_at_mut(out.len().saturating_sub(1));
    if let Some(old) = slots.get(1..) {
        shifted.copy_from_slice(old.get(..shifted.len()).unwrap_or_default());
    }
    if let Some(last) = last.first_mut() {
        *last = T::zero();
    }
    let (mut k, mut recent, mut recent_weighted, mut weighted) =
        (T::zero(), T::zero(), T::zero(), T::zero());
    let (mut plain, mut suffix_weighted) = (T::zero(), T::zero());
    let mut push = |quotient: &mut T, x: T| {
        k = k + T::one();
        recent = recent + x;
        recent_weighted = recent_weighted + k * x;
        weighted = combine(*quotient, recent_weighted, recent, n - k);
        weighted
    };
    let mut suffix = |slot: &mut T, y: T| {
        plain = plain + y;
        suffix_weighted = suffix_weighted + plain;
        *slot = suffix_weighted;
    };
    // Two values a step, so that the two quotients are divided as one pair.
    let oldest_first = out.chunks_exact_mut(2).zip(block.chunks_exact(2));
    let newest_first = slots.rchunks_exact_mut(2).zip(block.rchunks_exact(2));
    for ((quotient, x), (slot, y)) in oldest_first.zip(newest_first) {
        if let ([q_a, q_b], [x_a, x_b], [slot_a, slot_b], [y_a, y_b]) = (quotient, x, slot, y) {
            let w_a = push(q_a, *x_a);
            let w_b = push(q_b, *x_b);
            [*q_a, *q_b] = [w_a / divisor, w_b / divisor];
            suffix(slot_b, *y_b);
            suffix(slot_a, *y_a);
        }
    }
    // An odd `n`: the last push, the first slot's `U`.
    if block.len() % 2 == 1 {
        if let (Some(quotient), Some(&x)) = (out.last_mut(), block.last()) {
            *quotient = push(quotient, x) / divisor;
        }
        if let (Some(slot), Some(&y)) = (slots.first_mut(), block.first()) {
            suffix(slot, y);
        }
    }
    weighted
}

/// `W = U[k] + (RW + (n−k)·R)`, the one formula of every push.
#[inline(always)]
fn combine<T: Real>(old: T, recent_weighted: T, recent: T, remaining: T) -> T {
    old + (recent_weighted + remaining * recent)
}

/// `(R, RW)` of values pushed in order since a rebuild, as the pushes add them.
#[cfg(feature = "serde")]
fn recent_sums<T: Real>(values: &[T]) -> (T, T) {
    values
        .iter()
        .enumerate()
        .fold((T::zero(), T::zero()), |(plain, weighted), (index, &x)| {
            (plain + x, weighted + from_usize::<T>(index + 1) * x)
        })
}

/// Replaces the values of `slots[from..]` by their `U`, newest first (`S += v; U += S`).
/// Out of line, and given only the array.
#[cold]
#[inline(never)]
fn rebuild<T: Real>(slots: &mut [T], from: usize) {
    let (mut plain, mut weighted) = (T::zero(), T::zero());
    for slot in slots.iter_mut().skip(from).rev() {
        plain = plain + *slot;
        weighted = weighted + plain;
        *slot = weighted;
    }
}

/// The saved form (see [`RollingWeightedSum`]).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RollingWeightedSumState<T: Real> {
    slots: Box<[T]>,
    next: usize,
    full: bool,
    weighted: T,
}

#[cfg(feature = "serde")]
impl<T: Real> RollingWeightedSum<T> {
    /// Loads a saved state whose pushed values pass `acceptable` and are at most `limit` in
    /// magnitude; `what` names the owner in the error.
    pub(crate) fn load(
        state: RollingWeightedSumState<T>,
        acceptable: impl Fn(T) -> bool,
        limit: T,
        what: &str,
    ) -> Result<Self, Error> {
        let period = state.slots.len();
        check_period("period", period)?;
        if state.next >= period {
            return Err(crate::error::invalid_state(format!(
                "{what} of period {period} has write slot {}",
                state.next
            )));
        }
        let slots = &state.slots;
        let recent_ok = slots.iter().take(state.next).all(|&x| acceptable(x));
        let slack = T::one() + T::epsilon() * from_usize::<T>(4 * (period + 1));
        let sums_ok = slots.iter().enumerate().skip(state.next).all(|(slot, &u)| {
            if !state.full {
                return u == T::zero();
            }
            let held: T = from_usize(period - slot);
            // At most m(m+1)/2 · limit, written so that it cannot overflow.
            let bound = held * limit * ((held + T::one()) / (T::one() + T::one())) * slack;
            u.is_finite() && u.abs() <= bound
        });
        let weighted_ok = state.weighted.is_finite()
            && (state.full || state.next > 0 || state.weighted == T::zero());
        if !(recent_ok && sums_ok && weighted_ok) {
            return Err(crate::error::invalid_state(format!(
                "{what} window holds a value or weighted sum no update could have produced"
            )));
        }
        let mut loaded = Self::with_valid_period(period);
        loaded.slots = state.slots;
        loaded.next = state.next;
        loaded.full = state.full;
        loaded.weighted = state.weighted;
        loaded.resync();
        let expected = if loaded.next == 0 && loaded.full {
            loaded.slots.first().copied().unwrap_or_else(T::zero)
        } else {
            loaded.weighted
        };
        let tolerance = crate::float::sum_rounding(magnitude(&loaded.slots, loaded.next), period);
        let consistent = (state.weighted - expected).abs() <= tolerance
            && loaded.weighted.is_finite()
            && loaded.recent.is_finite()
            && loaded.recent_weighted.is_finite();
        if !consistent {
            return Err(crate::error::invalid_state(format!(
                "{what} weighted sum does not match the values in its window"
            )));
        }
        Ok(loaded)
    }
}

/// `Σ (j+1)·|x_j|` over the window, the scale of `W`'s rounding: the recent values as they
/// are, the old block's recovered from its `U` (`v_i = U[i] − 2·U[i+1] + U[i+2]`).
#[cfg(feature = "serde")]
fn magnitude<T: Real>(slots: &[T], next: usize) -> T {
    let at = |i: usize| slots.get(i).copied().unwrap_or_else(T::zero);
    let n = slots.len();
    (0..n).fold(T::zero(), |sum, j| {
        let x = if j < next {
            at(j)
        } else {
            at(j) - (at(j + 1) + at(j + 1)) + at(j + 2)
        };
        let weight = if j < next {
            n - next + j + 1
        } else {
            j - next + 1
        };
        sum + from_usize::<T>(weight) * x.abs() + at(j).abs()
    })
}
