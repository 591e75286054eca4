use crate::float::larger;
use crate::Real;

use crate::error::check_period;
use crate::Error;

/// Which extreme a [`MonotonicDeque`] tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Extremum {
    /// The largest value in the window.
    Max,
    /// The smallest value in the window.
    Min,
}

/// Rolling maximum or minimum of the last `period` values in O(1) amortized per push, without
/// a data-dependent branch.
///
/// # How
///
/// A block scheme (van Herk, Gil and Werman): the stream is cut into blocks of `period`
/// values. When a block ends, one backward pass replaces its values by their *suffix
/// extremes* (the extreme of the block from each slot to its end) and remembers where each
/// was reached. The next block's values then overwrite those slots from the oldest on, while
/// the extreme of the values pushed since the block ended (the *prefix extreme*) is kept in a
/// register, so the window's extreme is
///
/// `extreme = best(suffix[k], prefix)`
///
/// where `k` is the oldest slot of the previous block still in the window. A push is a
/// store, one comparison and two selects; the backward pass costs one comparison per value.
/// When equal values tie, the newest one is taken everywhere, so
/// [`extreme_age`](Self::extreme_age) reports the most recent occurrence. A minimum is kept
/// as the maximum of the negated values (negation is exact).
///
/// Memory: one value and one 32-bit position per slot (no position without ages, below),
/// plus one slot.
///
/// # Without ages
///
/// `AGES` (default `true`) decides whether the positions are kept. A deque that only needs
/// its extreme, `MonotonicDeque<T, false>`, skips them: no position per slot, one select
/// less per push and one store less per slot of the backward pass (about 20% of a push
/// over a window of 20). It has neither [`extreme_age`](Self::extreme_age) nor
/// [`peek_age`](Self::peek_age); everything else, its outputs and its saved form are the
/// same, and a state saved by one loads into the other.
///
/// Values must not be NaN (comparisons with NaN are false, so the extreme would be
/// unspecified, though never a panic); the crate's indicators filter NaN before pushing.
///
/// # State
///
/// Two deques are equal when they track the same extreme over the same period, have seen
/// the same number of values and hold the same *candidates*: the values that can still
/// become the extreme (each one beaten by no newer value), with their ages. That is
/// everything the future outputs depend on, and what the `serde` feature saves: the
/// candidates, oldest first, as `(sequence number, value)` pairs, in the layout of a
/// monotonic deque. A loaded state is checked (a valid, strictly monotone window that ends
/// with the newest value) and the blocks are rebuilt from it.
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
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(try_from = "MonotonicDequeState<T>")
)]
pub struct MonotonicDeque<T: Real, const AGES: bool = true> {
    extremum: Extremum,
    /// `1` for a maximum, `−1` for a minimum: values are stored multiplied by it, so that the
    /// largest stored value is always the extreme.
    sign: T,
    period: usize,
    /// `period + 1` slots. `[..next]`: the (signed) values pushed since the last block
    /// ended; `[next..period]`: the suffix maxima of the previous block (`−∞` before the
    /// first block ends); `[period]`: `−∞`, the empty suffix.
    slots: Vec<T>,
    /// `positions[i]`, for `i` in `next..period`: the slot of the previous block where
    /// `slots[i]` was reached (the newest on ties). Empty without `AGES`.
    positions: Vec<u32>,
    /// The slot the next push writes (values pushed since the last block ended).
    next: usize,
    /// Maximum of `slots[..next]` (`−∞` when `next == 0`).
    prefix: T,
    /// The slot where `prefix` was reached (the newest on ties; 0 without `AGES`).
    prefix_position: u32,
    /// Number of values pushed so far, saturating.
    pushed: u64,
}

impl MonotonicDeque<f64> {
    /// An empty deque over the last `period` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize, extremum: Extremum) -> Result<Self, Error> {
        Self::new_generic(period, extremum)
    }
}

impl<T: Real> MonotonicDeque<T> {
    /// [`MonotonicDeque::new`] in any precision `T` (`f32`, or generic code): `MonotonicDeque::<f32>::new_generic(3, Extremum::Max)`.
    pub fn new_generic(period: usize, extremum: Extremum) -> Result<Self, Error> {
        Self::checked(period, extremum)
    }

    /// How many pushes ago the extreme was pushed (0 = the latest value).
    pub fn extreme_age(&self) -> Option<u64> {
        if self.pushed == 0 {
            return None;
        }
        let age = if self.prefix >= self.suffix(self.next) {
            self.next
                .saturating_sub(1)
                .saturating_sub(self.prefix_position as usize)
        } else {
            let position = self.positions.get(self.next).copied().unwrap_or(0);
            (self.next + self.period - 1).saturating_sub(position as usize)
        };
        Some(age as u64)
    }

    /// How many pushes ago the extreme would have been pushed after pushing `x`, without
    /// pushing it (0 = `x` itself, which wins ties like every newer value): the age
    /// [`extreme_age`](Self::extreme_age) would report, in O(1).
    #[inline]
    pub fn peek_age(&self, x: T) -> u64 {
        // After the push the window keeps the previous block from slot `next + 1` on.
        let kept = self.suffix(self.next + 1);
        let best = newest_best(kept, self.prefix);
        let age = if x * self.sign >= best {
            0
        } else if self.prefix >= kept {
            self.next.saturating_sub(self.prefix_position as usize)
        } else {
            let position = self.positions.get(self.next + 1).copied().unwrap_or(0);
            (self.next + self.period).saturating_sub(position as usize)
        };
        age as u64
    }
}

impl<T: Real> MonotonicDeque<T, false> {
    /// A deque without ages (see the type docs) over the last `period` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn without_ages(period: usize, extremum: Extremum) -> Result<Self, Error> {
        Self::checked(period, extremum)
    }

    /// How many pushes ago the extreme was pushed: what
    /// [`extreme_age`](MonotonicDeque::extreme_age) reports with ages, found from the
    /// stored values instead. An extreme of the previous block is the newest slot of its run
    /// of equal suffix extremes (a binary search: they never increase); one pushed since is
    /// the newest of those values equal to their extreme (a scan back over at most
    /// `period − 1` values).
    pub(crate) fn searched_extreme_age(&self) -> Option<u64> {
        if self.pushed == 0 {
            return None;
        }
        let head = self.suffix(self.next);
        let age = if self.prefix >= head {
            let recent = self.slots.get(..self.next).unwrap_or_default();
            let newest = recent.iter().rposition(|&v| v == self.prefix);
            self.next
                .saturating_sub(1)
                .saturating_sub(newest.unwrap_or(0))
        } else {
            let kept = self.slots.get(self.next..self.period).unwrap_or_default();
            let run = kept.partition_point(|&v| v >= head);
            let position = self.next + run.saturating_sub(1);
            (self.next + self.period - 1).saturating_sub(position)
        };
        Some(age as u64)
    }
}

impl<T: Real, const AGES: bool> MonotonicDeque<T, AGES> {
    /// An empty deque, `period` checked (the constructors of both kinds).
    fn checked(period: usize, extremum: Extremum) -> Result<Self, Error> {
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
            sign: match extremum {
                Extremum::Max => T::one(),
                Extremum::Min => -T::one(),
            },
            period,
            slots: vec![T::neg_infinity(); period + 1],
            positions: if AGES { vec![0; period] } else { Vec::new() },
            next: 0,
            prefix: T::neg_infinity(),
            prefix_position: 0,
            pushed: 0,
        }
    }

    /// The stored suffix maximum of the previous block from `slot` on (`−∞` past its end).
    #[inline]
    fn suffix(&self, slot: usize) -> T {
        self.slots
            .get(slot)
            .copied()
            .unwrap_or_else(T::neg_infinity)
    }

    /// Adds `x`; values older than `period` pushes leave the window.
    #[inline]
    pub fn push(&mut self, x: T) {
        let mut hot = self.hot();
        self.push_hot(&mut hot, x);
        self.set_hot(hot);
    }

    /// [`push`](Self::push) then [`extreme`](Self::extreme), for a caller that knows which
    /// extreme this deque tracks (`NEGATED`: the minimum): the value stored and the extreme
    /// read are negated rather than multiplied by the deque's sign (the same bits), and no
    /// `Option` is built, since a push always leaves an extreme.
    #[inline]
    pub(crate) fn push_then_extreme<const NEGATED: bool>(&mut self, x: T) -> T {
        debug_assert_eq!(NEGATED, self.extremum == Extremum::Min);
        let signed = |x: T| if NEGATED { -x } else { x };
        let mut hot = self.hot();
        self.push_signed(&mut hot, signed(x));
        self.set_hot(hot);
        signed(newest_best(self.suffix(hot.next), hot.prefix))
    }

    /// The scalars a push updates, copied out so that a loop of pushes (the slice path)
    /// keeps them in registers and writes them back once.
    #[inline]
    fn hot(&self) -> Hot<T> {
        Hot {
            next: self.next,
            prefix: self.prefix,
            prefix_position: self.prefix_position,
            pushed: self.pushed,
        }
    }

    #[inline]
    fn set_hot(&mut self, hot: Hot<T>) {
        self.next = hot.next;
        self.prefix = hot.prefix;
        self.prefix_position = hot.prefix_position;
        self.pushed = hot.pushed;
    }

    /// One push on `hot` (the only push there is); `self` provides the arrays.
    #[inline]
    fn push_hot(&mut self, hot: &mut Hot<T>, x: T) {
        self.push_signed(hot, x * self.sign);
    }

    /// [`push_hot`](Self::push_hot) of a value already multiplied by the sign.
    #[inline]
    fn push_signed(&mut self, hot: &mut Hot<T>, value: T) {
        let slot = hot.next;
        if let Some(stored) = self.slots.get_mut(slot) {
            *stored = value;
        }
        // Ties: the newer value wins.
        let newer = value >= hot.prefix;
        hot.prefix = if newer { value } else { hot.prefix };
        if AGES {
            hot.prefix_position = if newer {
                slot as u32
            } else {
                hot.prefix_position
            };
        }
        hot.next = slot + 1;
        hot.pushed = hot.pushed.saturating_add(1);
        if hot.next == self.period {
            end_block::<T, AGES>(&mut self.slots, &mut self.positions, self.period);
            hot.next = 0;
            hot.prefix = T::neg_infinity();
            hot.prefix_position = 0;
        }
    }

    /// The slice path of a rolling extreme over inputs the caller has proven usable (a
    /// chunk of [`value_chunks`](crate::slice::value_chunks) or of the column paths): pushes
    /// each and writes the extreme of the window after it into `out` (NaN until `period`
    /// values have been pushed), bit for bit the streaming outputs, and the same state. Extra
    /// slots of the longer slice are left alone. While the window warms up, one input at a
    /// time through [`push`](Self::push)'s steps (the callers only pass full windows; this
    /// keeps any other call right); then the rest through
    /// [`push_usable`](Self::push_usable), which keeps no ages: with `AGES`, the positions
    /// its block ends skipped are rebuilt at the end
    /// ([`rebuild_positions`](Self::rebuild_positions)).
    pub(crate) fn usable_extremes_into(&mut self, inputs: &[T], out: &mut [T]) {
        let len = inputs.len().min(out.len());
        let mut warming = 0;
        let mut hot = self.hot();
        for (&x, slot) in inputs.iter().zip(out.iter_mut()).take(len) {
            if hot.pushed >= self.period as u64 {
                break;
            }
            if x.is_usable() {
                self.push_hot(&mut hot, x);
            }
            *slot = if hot.pushed >= self.period as u64 {
                newest_best(self.suffix(hot.next), hot.prefix) * self.sign
            } else {
                T::nan()
            };
            warming += 1;
        }
        self.set_hot(hot);
        let inputs = inputs.get(warming..len).unwrap_or_default();
        let out = out.get_mut(warming..len).unwrap_or_default();
        if self.push_usable(inputs, out) && AGES {
            self.rebuild_positions();
        }
    }

    /// Pushes `inputs`, every one usable, into a full window and writes the extreme after
    /// each into `out`; returns `true` if a block ended. [`push`](Self::push)'s steps, a
    /// block at a time, without their per-push bookkeeping (the slots, the count and the
    /// block's end are known for the whole run) and without ages: with `AGES`, the prefix's
    /// position is found at the end (the newest slot of the last run holding the prefix, if
    /// any), and the ended blocks' positions are left to
    /// [`rebuild_positions`](Self::rebuild_positions).
    fn push_usable(&mut self, inputs: &[T], out: &mut [T]) -> bool {
        match self.extremum {
            Extremum::Max => self.push_usable_signed::<false>(inputs, out),
            Extremum::Min => self.push_usable_signed::<true>(inputs, out),
        }
    }

    /// [`push_usable`](Self::push_usable) with the sign known at compile time: a value is
    /// stored as itself (`NEGATED` false, a maximum) or negated (a minimum), which is what
    /// multiplying by `sign` gives, bit for bit, without the multiplications.
    #[inline]
    fn push_usable_signed<const NEGATED: bool>(&mut self, inputs: &[T], out: &mut [T]) -> bool {
        let period = self.period;
        let sign = |x: T| if NEGATED { -x } else { x };
        let len = inputs.len().min(out.len());
        let (mut next, mut prefix, mut ended) = (self.next, self.prefix, false);
        let mut done = 0;
        while done < len {
            // Up to the end of the block: input `k` goes to slot `next + k`, and the slot
            // after it still holds the suffix extreme of the previous block that the
            // window keeps (`−∞` in the last slot).
            let run = (len - done).min(period - next);
            let inputs = inputs.get(done..done + run).unwrap_or_default();
            let out = out.get_mut(done..done + run).unwrap_or_default();
            let kept = self.slots.get(next + 1..=next + run).unwrap_or_default();
            for ((&x, &suffix), slot) in inputs.iter().zip(kept).zip(out) {
                // Ties: the newer value wins.
                prefix = larger(prefix, sign(x));
                *slot = sign(newest_best(suffix, prefix));
            }
            let stored = self.slots.get_mut(next..next + run).unwrap_or_default();
            done += run;
            let ends = next + run == period;
            if ends && next == 0 {
                // A whole block: its suffix extremes straight from the inputs.
                let mut best = T::neg_infinity();
                for (slot, &x) in stored.iter_mut().zip(inputs).rev() {
                    best = larger(sign(x), best);
                    *slot = best;
                }
            } else {
                for (slot, &x) in stored.iter_mut().zip(inputs) {
                    *slot = sign(x);
                }
                if ends {
                    end_block::<T, false>(&mut self.slots, &mut self.positions, period);
                }
            }
            if ends {
                (next, prefix, ended) = (0, T::neg_infinity(), true);
                self.prefix_position = 0;
            } else {
                if AGES {
                    let stored = self.slots.get(next..next + run).unwrap_or_default();
                    if let Some(at) = stored.iter().rposition(|&value| value == prefix) {
                        self.prefix_position = (next + at) as u32;
                    }
                }
                next += run;
            }
        }
        self.next = next;
        self.prefix = prefix;
        self.pushed = self.pushed.saturating_add(len as u64);
        ended
    }

    /// The positions of the previous block's suffix extremes still in the window (slots
    /// `next..period`), from the extremes alone: the newest slot holding a suffix extreme
    /// is the last of its run of equal suffix extremes (the one after differs, so the value
    /// there is the extreme itself). What [`end_block`] records with ages, in one pass.
    fn rebuild_positions(&mut self) {
        let slots = self.slots.get(self.next..=self.period).unwrap_or_default();
        let positions = self
            .positions
            .get_mut(self.next..self.period)
            .unwrap_or_default();
        let mut at = self.period;
        for (offset, (pair, position)) in slots.windows(2).zip(positions).enumerate().rev() {
            if let [value, after] = pair {
                at = if value == after {
                    at
                } else {
                    self.next + offset
                };
            }
            *position = at as u32;
        }
    }

    /// The extreme of the values in the window after pushing `x`, without pushing it.
    #[inline]
    pub fn peek(&self, x: T) -> Option<T> {
        let kept = newest_best(self.suffix(self.next + 1), self.prefix);
        Some(newest_best(kept, x * self.sign) * self.sign)
    }

    /// The extreme of the values in the window (`None` before the first push).
    #[inline]
    pub fn extreme(&self) -> Option<T> {
        (self.pushed > 0).then(|| newest_best(self.suffix(self.next), self.prefix) * self.sign)
    }

    /// The values that can still become the extreme (beaten by no newer value), newest
    /// first, with their ages; the signed stored value is returned.
    fn candidates_newest_first(&self) -> impl Iterator<Item = (usize, T)> + '_ {
        let next = self.next;
        let period = self.period;
        let recent = self
            .slots
            .get(..next)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .rev()
            .map(move |(slot, &value)| (next - 1 - slot, value));
        // Suffix maxima of the previous block: a slot whose suffix maximum beats every newer
        // value holds a candidate, its own value (`−∞` before the first block ended).
        let old = self
            .slots
            .get(next..period)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .rev()
            .map(move |(offset, &value)| (period - 1 - offset, value));
        let mut best = T::neg_infinity();
        recent.chain(old).filter(move |&(_, value)| {
            let beats = value > best;
            best = if beats { value } else { best };
            beats
        })
    }

    /// The values still candidates for the extreme, newest first (used to validate the
    /// values of a loaded state).
    #[cfg(feature = "serde")]
    pub(crate) fn candidates(&self) -> impl Iterator<Item = T> + '_ {
        self.candidates_newest_first()
            .map(|(_, value)| value * self.sign)
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
        self.slots.fill(T::neg_infinity());
        self.positions.fill(0);
        self.next = 0;
        self.prefix = T::neg_infinity();
        self.prefix_position = 0;
        self.pushed = 0;
    }

    /// Heap memory held, in bytes.
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * core::mem::size_of::<T>()
            + self.positions.capacity() * core::mem::size_of::<u32>()
    }
}

/// The fields of a [`MonotonicDeque`] that every push updates.
#[derive(Debug, Clone, Copy)]
struct Hot<T> {
    next: usize,
    prefix: T,
    prefix_position: u32,
    pushed: u64,
}

/// The larger of an older and a newer (signed) value; the newer one on a tie, as in a push
/// ([`larger`] returns its second argument on a tie). Ties matter for their bits:
/// `0.0 == -0.0`, and `max` may return either.
#[inline]
fn newest_best<T: Real>(older: T, newer: T) -> T {
    larger(older, newer)
}

/// The block just ended fills every slot, in chronological order: replace its values by
/// their suffix maxima, newest first, and with `AGES` record where each was reached (ties
/// keep the newer position). O(`period`), once every `period` pushes. Plain slice loops:
/// the backward pass is a chain of comparisons, and the compiler keeps it tight only over
/// slices it knows the length of.
fn end_block<T: Real, const AGES: bool>(slots: &mut [T], positions: &mut [u32], period: usize) {
    let slots = slots.get_mut(..period).unwrap_or_default();
    let mut best = T::neg_infinity();
    if !AGES {
        for slot in slots.iter_mut().rev() {
            best = larger(*slot, best);
            *slot = best;
        }
        return;
    }
    let positions = positions.get_mut(..slots.len()).unwrap_or_default();
    let mut at = 0_u32;
    for (index, (slot, position)) in slots.iter_mut().zip(positions).enumerate().rev() {
        let better = *slot > best;
        best = if better { *slot } else { best };
        at = if better { index as u32 } else { at };
        *slot = best;
        *position = at;
    }
}

/// Equal when the future outputs are: same extreme, period, count and candidates (see the
/// type docs), whatever the values that can no longer matter.
impl<T: Real, const AGES: bool> PartialEq for MonotonicDeque<T, AGES> {
    fn eq(&self, other: &Self) -> bool {
        self.extremum == other.extremum
            && self.period == other.period
            && self.pushed == other.pushed
            && self.next == other.next
            && self
                .candidates_newest_first()
                .eq(other.candidates_newest_first())
    }
}

/// Bound on the push counter of a deserialized deque: far beyond any real stream (2^62), and
/// far from overflow.
#[cfg(feature = "serde")]
const MAX_PUSHED: u64 = 1 << 62;

/// The saved form: the candidates as a monotonic deque of `(sequence number, value)` pairs in
/// circular storage of `period` slots, from `head`, `len` of them.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MonotonicDequeState<T: Real> {
    extremum: Extremum,
    period: usize,
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
    pushed: u64,
}

#[cfg(feature = "serde")]
impl<T: Real + serde::Serialize, const AGES: bool> serde::Serialize for MonotonicDeque<T, AGES> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let newest = self.pushed.saturating_sub(1);
        let mut slots: Vec<(u64, T)> = self
            .candidates_newest_first()
            .map(|(age, value)| (newest.saturating_sub(age as u64), value * self.sign))
            .collect();
        slots.reverse();
        let len = slots.len();
        slots.resize(self.period, (0, T::zero()));
        MonotonicDequeState {
            extremum: self.extremum,
            period: self.period,
            slots,
            head: 0,
            len,
            pushed: self.pushed,
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<T: Real, const AGES: bool> TryFrom<MonotonicDequeState<T>> for MonotonicDeque<T, AGES> {
    type Error = Error;

    fn try_from(state: MonotonicDequeState<T>) -> Result<Self, Error> {
        let mut deque = Self::checked(state.period, state.extremum)?;
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
        let (newer, older) = state.slots.split_at(state.head);
        let candidates: Vec<(u64, T)> = older
            .iter()
            .chain(newer)
            .take(state.len)
            .map(|&(sequence, value)| (sequence, value * deque.sign))
            .collect();
        let oldest_allowed = state.pushed.saturating_sub(state.period as u64);
        let mut previous: Option<(u64, T)> = None;
        for &(sequence, value) in &candidates {
            let in_window = sequence >= oldest_allowed && sequence < state.pushed;
            // Strictly decreasing (signed) values: a newer value at least as good would
            // have removed the older one.
            let ordered = previous.is_none_or(|(previous_sequence, previous_value)| {
                sequence > previous_sequence && value < previous_value
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
        deque.load(state.pushed, &candidates);
        Ok(deque)
    }
}

#[cfg(feature = "serde")]
impl<T: Real, const AGES: bool> MonotonicDeque<T, AGES> {
    /// Rebuilds the blocks of a fresh deque from validated candidates (signed values, oldest
    /// first, the newest one last): each slot gets the value of the first candidate at or
    /// after it, which has the same suffix maxima, at the same positions, as the values that
    /// were pushed.
    fn load(&mut self, pushed: u64, candidates: &[(u64, T)]) {
        let period = self.period as u64;
        let next = pushed % period;
        let block_start = pushed - next;
        let mut remaining = candidates.iter().copied().peekable();
        // The first candidate at or after `sequence` (asked for in increasing order).
        let mut covering = |sequence: u64| {
            while remaining.next_if(|&(s, _)| s < sequence).is_some() {}
            remaining.peek().copied()
        };
        if pushed >= period {
            let previous_start = block_start - period;
            let old = self.slots.iter_mut().enumerate().take(self.period);
            for (slot, value) in old.skip(next as usize) {
                let sequence = previous_start + slot as u64;
                // Beaten by a newer value: no longer a candidate, never the extreme again.
                let (stored, at) = match covering(sequence) {
                    Some((s, v)) if s < block_start => (v, s - previous_start),
                    _ => (T::neg_infinity(), slot as u64),
                };
                *value = stored;
                // Without ages there are no positions.
                if let Some(position) = self.positions.get_mut(slot) {
                    *position = at as u32;
                }
            }
        }
        for slot in 0..next {
            let value = covering(block_start + slot).map_or_else(T::neg_infinity, |(_, v)| v);
            self.next = slot as usize;
            self.push(value * self.sign);
        }
        self.next = next as usize;
        self.pushed = pushed;
    }
}
