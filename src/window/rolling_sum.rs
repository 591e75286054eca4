use crate::Real;

use crate::error::check_period;
use crate::Error;

/// The sum of the last `period` values in O(1) amortized, without drift: no value is ever
/// subtracted, so nothing that has left the window (not even 1e15) leaves a trace in the sum.
///
/// # How
///
/// The window is split into an *old block* and the values pushed since the last rebuild.
/// Every `period` pushes the window is exactly one block, and the suffix sums of that block
/// (`suffix[i]` = sum of its slots `i..`) are computed once, O(`period`). Between rebuilds,
/// the new values overwrite the old block from its oldest slot on, so
///
/// `sum = suffix[k] + recent`
///
/// where `k` is the oldest old-block slot still in the window and `recent` the plain sum of
/// the values pushed since the rebuild. Both terms only ever *add* values that are in the
/// window, so the rounding error is bounded by the window's own contents (about `period`
/// roundings of `Σ|x|`), whatever happened before.
///
/// Memory: the window itself plus about `2·√period` partial sums. The suffix sums are not
/// all stored: the rebuild keeps one every `c ≈ √period` slots (at the start of each *chunk*
/// of `c` slots), and the suffix sums of the chunk in use are recomputed from the next
/// chunk's stored one and the old values still in their slots, with exactly the additions of
/// the rebuild, once every `c` pushes. So each `suffix[k]` is bit for bit the one a full
/// array would hold, for about one extra addition per push.
///
/// A window of at most 8 values stores no partial sums: each push adds up the old block's
/// remaining values itself (at most 7 additions, newest first, exactly as the rebuild would),
/// so that a short window, such as a stochastic's 3-bar smoothing, does not refresh stored
/// sums every push or two.
///
/// Values are expected to be finite (the indicators check their inputs before pushing); a NaN
/// would stay in the sum until the next rebuild after it leaves the window.
///
/// # Loading a state
///
/// The stored sums are checked against the window within a rounding tolerance (so a format
/// that moves a float by an ulp still loads), then recomputed from the window with exactly
/// the operations the pushes performed: a saved state loads back bit for bit, and a stored
/// sum can never disagree with its window later, after the large values that set the
/// tolerance have left. Partial sums of slots overwritten since the last rebuild are never
/// read again and are kept as they are (finite). A window whose sum overflows is refused.
///
/// ```
/// use ta_stream::window::RollingSum;
///
/// let mut sum = RollingSum::new(3)?;
/// for x in [1.0, 1e15, 2.0, 3.0, 4.0] {
///     sum.push(x);
/// }
/// assert_eq!(sum.sum(), 9.0); // 1e15 has left the window and left no trace
/// assert_eq!(sum.peek_sum(10.0), 17.0); // 2.0 would be evicted
/// assert_eq!(sum.iter().collect::<Vec<_>>(), [2.0, 3.0, 4.0]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Deserialize),
    serde(try_from = "RollingSumState<T>")
)]
pub struct RollingSum<T: Real> {
    /// The window in storage order: `slots[next]` is the oldest value once full. Zeros
    /// stand for the values not pushed yet, so filling up needs no special case.
    slots: Vec<T>,
    /// The slot the next push writes.
    next: usize,
    /// 0 until the window first fills, then the period (the length is `max(len, next)`,
    /// so that a push does not count).
    len: usize,
    /// Slots per chunk (about `√period`, at least 2).
    chunk: usize,
    /// `boundaries[c]` = `suffix[c·chunk]` at the last rebuild (zeros before the first one),
    /// where `suffix[i]` is the sum of `slots[i..]` added newest first, and `suffix[period]`
    /// is 0. Only the chunks not yet overwritten are read.
    boundaries: Vec<T>,
    /// `suffix[cached_start + j]` for `j < chunk`: the chunk that holds `next + 1`. Empty for
    /// a window of at most [`DIRECT_UP_TO`] values, whose pushes add the suffix up.
    cached: Vec<T>,
    /// The first slot of the cached chunk (a multiple of `chunk`).
    cached_start: usize,
    /// The value of `next` at which a push refreshes the cache or rebuilds (one comparison
    /// per push).
    refresh_at: usize,
    /// Sum of the values pushed since the last rebuild (`slots[..next]`).
    recent: T,
    /// The current window sum.
    sum: T,
    /// `1 / period`, computed once.
    inverse_period: T,
    /// The period as a float.
    period_real: T,
}

/// The fields of a [`RollingSum`] that every push updates.
#[derive(Debug, Clone, Copy)]
struct Hot<T> {
    next: usize,
    len: usize,
    cached_start: usize,
    refresh_at: usize,
    recent: T,
    sum: T,
}

/// Equal windows with equal sums: every partial sum still in use is a function of the window
/// (the old block's values still in their slots), so the stored ones are not compared.
impl<T: Real> PartialEq for RollingSum<T> {
    fn eq(&self, other: &Self) -> bool {
        self.slots == other.slots
            && self.next == other.next
            && self.len == other.len
            && self.recent == other.recent
            && self.sum == other.sum
    }
}

impl RollingSum<f64> {
    /// An empty rolling sum over the last `period` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> RollingSum<T> {
    /// [`RollingSum::new`] in any precision `T` (`f32`, or generic code): `RollingSum::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("period", period)?))
    }

    /// For periods known to be valid (constants); anything else is clamped into range.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        let mut sum = Self::for_storing(period);
        sum.allocate_partial_sums();
        sum
    }

    /// A window for an owner that only [`store`](Self::store)s into it (the variance,
    /// which keeps its own sums): it holds no partial sums; [`resync`](Self::resync)
    /// allocates them when the state is saved. The period is clamped into range.
    pub(crate) fn for_storing(period: usize) -> Self {
        let period = crate::error::clamp_period(period);
        // The smallest chunk with chunk² ≥ period (at least 2, so that right after a rebuild
        // the first chunk holds slot 1).
        let chunk = (2..=period.max(2)).find(|c| c * c >= period).unwrap_or(2);
        Self {
            slots: vec![T::zero(); period],
            next: 0,
            len: 0,
            chunk,
            boundaries: Vec::new(),
            cached: Vec::new(),
            cached_start: 0,
            refresh_at: (chunk - 1).min(period),
            recent: T::zero(),
            sum: T::zero(),
            inverse_period: T::one() / crate::float::from_usize(period),
            period_real: crate::float::from_usize(period),
        }
    }

    /// Allocates the partial sums (zeros) if the window has none: none for a short window
    /// (see [`DIRECT_UP_TO`]), which adds them up in each push.
    fn allocate_partial_sums(&mut self) {
        let period = self.slots.len();
        if period > DIRECT_UP_TO && self.cached.is_empty() {
            self.boundaries = vec![T::zero(); period.div_ceil(self.chunk)];
            self.cached = vec![T::zero(); self.chunk];
        }
    }

    /// `(recent, sum)` after pushing `x`; shared by `push` and `peek_sum`.
    #[inline]
    fn next_sums(&self, x: T) -> (T, T) {
        let recent = self.recent + x;
        (recent, self.next_old_block_sum() + recent)
    }

    /// `old_block_sum(write_index() + 1)`, what the next push reads: always in the cached
    /// chunk, which holds zeros past the end of the window and before the first rebuild.
    #[inline]
    pub(crate) fn next_old_block_sum(&self) -> T {
        let slot = self.next + 1;
        match self.cached.get(slot.wrapping_sub(self.cached_start)) {
            Some(&cached) => cached,
            None => self.old_block_sum(slot),
        }
    }

    /// Adds `x`, evicting the oldest value once `period` values are held.
    #[inline]
    pub fn push(&mut self, x: T) {
        let mut hot = self.hot();
        self.push_hot::<false>(&mut hot, x);
        self.set_hot(hot);
    }

    /// Stores `x` in the window without updating any sum: for an owner that reads only the
    /// window's values (the variance without its mean). The sums, the partial sums and their
    /// cache go stale; [`resync`](Self::resync) restores them, bit for bit what the pushes
    /// would have left, before the state is saved. An owner never mixes `store` and `push`.
    #[inline(always)]
    pub(crate) fn store(&mut self, x: T) {
        if let Some(slot) = self.slots.get_mut(self.next) {
            *slot = x;
        }
        self.next += 1;
        if self.next == self.slots.len() {
            // The block is complete: the window is the old block now.
            self.len = self.next;
            self.next = 0;
        }
    }

    /// [`store`](Self::store) of each of `values`, which must not go past the end of the
    /// current block (at most `period − write_index()` of them): one copy.
    pub(crate) fn store_run(&mut self, values: &[T]) {
        let next = self.next;
        let run = values.len().min(self.slots.len() - next);
        if let Some(slots) = self.slots.get_mut(next..next + run) {
            slots.copy_from_slice(values.get(..run).unwrap_or_default());
        }
        self.next += run;
        if self.next == self.slots.len() {
            self.len = self.next;
            self.next = 0;
        }
    }

    /// Frees the partial sums of a window that is only [`store`](Self::store)d into (see
    /// [`for_storing`](Self::for_storing)), such as one just loaded.
    #[cfg(feature = "serde")]
    pub(crate) fn release_partial_sums(&mut self) {
        self.boundaries = Vec::new();
        self.cached = Vec::new();
    }

    /// `true` when both hold the same values in the same slots: the same window, whatever
    /// their sums (stale after [`store`](Self::store)).
    pub(crate) fn same_window(&self, other: &Self) -> bool {
        self.slots == other.slots && self.next == other.next && self.len == other.len
    }

    /// [`push`](Self::push) with its rare step inlined: what the crate's indicators call in
    /// their updates (the stochastics' warm-up keeps `push`; see
    /// [`push_hot`](Self::push_hot)).
    #[inline(always)]
    pub(crate) fn push_inlined(&mut self, x: T) {
        let mut hot = self.hot();
        self.push_hot::<true>(&mut hot, x);
        self.set_hot(hot);
    }

    /// The scalars a push updates, copied out so that a loop of pushes (the slice path)
    /// keeps them in registers and writes them back once.
    #[inline]
    fn hot(&self) -> Hot<T> {
        Hot {
            next: self.next,
            len: self.len,
            cached_start: self.cached_start,
            refresh_at: self.refresh_at,
            recent: self.recent,
            sum: self.sum,
        }
    }

    #[inline]
    fn set_hot(&mut self, hot: Hot<T>) {
        self.next = hot.next;
        self.len = hot.len;
        self.cached_start = hot.cached_start;
        self.refresh_at = hot.refresh_at;
        self.recent = hot.recent;
        self.sum = hot.sum;
    }

    /// One push on `hot` (the only push there is): `self` provides the arrays, and only
    /// their contents and plain values cross the rare step, never `hot`.
    ///
    /// `INLINE_REFRESH` places the rare step. Out of line (a call), the compiler may keep
    /// `recent` in memory for a whole loop of updates, since no float register survives a
    /// call: each push's addition then waits for a store and a reload. Inlined, the step's
    /// loops enlarge the code around it: the SMA's slice loop was slower with it (SMA(50)
    /// 2.8 → 5.2 ns per update, when the SMA was built on this sum), and so was the slice
    /// loop of some indicators whose update the compiler then stopped inlining (MFI(14) 4.8
    /// → 6.0). So the updates inline it where the peers bench measured a gain, A/B best of 3
    /// in ns per update: the SMA then (SMA(50) 3.9 → 3.0), the WMA then (WMA(20) 7.7 → 5.4),
    /// [`Variance`](crate::volatility::Variance) (STDDEV(20) 9.6 → 7.9, Bollinger(20,2) 14.7
    /// → 13.5), [`AverageDeviation`](crate::price::AverageDeviation) (CCI(20) 21.7 → 17.9)
    /// and the linear regressions.
    ///
    /// Always inlined, and so are those updates down to it: with a mere hint, a program
    /// that instantiates it twice (say WMA and STDDEV) got it as a call, and so a state in
    /// memory: a plain loop of `Wma::update` ran at 18.7 ns per update, 6.6 inlined (STDDEV
    /// 12.6 → 5.1), and the peers bench's WMA(20) slice at 19.2, 6.0 inlined. Always inlined
    /// down to it, the two sums of [`Mfi`](crate::momentum::Mfi),
    /// [`Cmou`](crate::momentum::Cmou) and [`Imi`](crate::momentum::Imi) inline the step too
    /// (MFI(14) slice 10.4 → 6.4 ns in the peers bench; in a plain loop CMOU(14) 10.1 → 8.0,
    /// IMI(14) 11.3 → 9.5). Every other update in the crate now inlines it too (plain loops,
    /// A/B best of 3: STOCH(14,3,3) 17.0 → 14.1, SUM(20) 4.45 → 3.03, VWMA(20) 11.8 → 10.3,
    /// none slower; their slice loops SUM 3.33 → 2.64, VWMA 10.2 → 9.0, CMF(20) 10.4 → 10.8).
    #[inline(always)]
    fn push_hot<const INLINE_REFRESH: bool>(&mut self, hot: &mut Hot<T>, x: T) {
        if self.cached.is_empty() {
            self.push_short(hot, x);
            return;
        }
        hot.recent = hot.recent + x;
        let old = self
            .cached
            .get((hot.next + 1).wrapping_sub(hot.cached_start))
            .copied()
            .unwrap_or_else(T::zero);
        hot.sum = old + hot.recent;
        if let Some(slot) = self.slots.get_mut(hot.next) {
            *slot = x;
        }
        hot.next += 1;
        if hot.next == hot.refresh_at {
            let period = self.slots.len();
            let step = if INLINE_REFRESH {
                refresh
            } else {
                refresh_out_of_line
            };
            let start = step(
                &self.slots,
                &mut self.boundaries,
                &mut self.cached,
                self.chunk,
                hot.next,
            );
            if start == 0 {
                // Rebuilt: the window is the old block now.
                hot.len = period;
                hot.recent = T::zero();
                hot.next = 0;
            }
            hot.cached_start = start;
            hot.refresh_at = (start + self.chunk - 1).min(period);
        }
    }

    /// [`push_hot`](Self::push_hot) for a window of at most [`DIRECT_UP_TO`] values, which
    /// stores no partial sums: the old block's remaining values are added up here.
    #[inline]
    fn push_short(&mut self, hot: &mut Hot<T>, x: T) {
        hot.recent = hot.recent + x;
        hot.sum = direct_suffix(&self.slots, hot.next + 1) + hot.recent;
        if let Some(slot) = self.slots.get_mut(hot.next) {
            *slot = x;
        }
        hot.next += 1;
        if hot.next == self.slots.len() {
            // The block is complete.
            hot.len = hot.next;
            hot.recent = T::zero();
            hot.next = 0;
        }
    }

    /// Moves the cache to the chunk starting at `start`, and the next refresh to its end.
    fn set_cached_start(&mut self, start: usize) {
        self.cached_start = start;
        self.refresh_at = (start + self.chunk - 1).min(self.slots.len());
    }

    /// Caches the suffix sums of the chunk starting at `start` (a multiple of `chunk`).
    #[cfg(feature = "serde")]
    fn cache_chunk(&mut self, start: usize) {
        self.set_cached_start(start);
        fill_cache(
            &self.slots,
            &self.boundaries,
            &mut self.cached,
            self.chunk,
            start,
        );
    }

    /// `suffix[j]` for the first chunk start `j` after `slot` (0 past the end).
    #[inline]
    fn boundary_after(&self, slot: usize) -> T {
        self.boundaries
            .get(slot / self.chunk + 1)
            .copied()
            .unwrap_or_else(T::zero)
    }

    /// `suffix[slot]` recomputed from the next chunk's stored one (for slots outside the
    /// cached chunk, on load and in composite indicators' checks).
    fn suffix_from_boundary(&self, slot: usize) -> T {
        let end = (slot / self.chunk + 1) * self.chunk;
        let values = self.slots.get(slot..end.min(self.slots.len()));
        values
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(self.boundary_after(slot), |running, &x| running + x)
    }

    /// Sets every derived sum still in use from the slots, `next` and `len`, with exactly the
    /// operations the pushes that produced them performed: a state reached by pushes is left
    /// bit for bit as it was (every sum that is read or saved). Partial sums of chunks
    /// overwritten since the last rebuild are never read again: they are set to zero.
    #[cfg(feature = "serde")]
    pub(crate) fn resync(&mut self) {
        let period = self.slots.len();
        // A window that was only stored into has none (see `for_storing`).
        self.allocate_partial_sums();
        self.boundaries.fill(T::zero());
        self.cached.fill(T::zero());
        if self.len == period {
            // The chunks not overwritten yet, newest first, as the rebuild added them.
            let mut running = T::zero();
            let chunks = self
                .slots
                .chunks(self.chunk)
                .zip(self.boundaries.iter_mut());
            for (index, (values, boundary)) in chunks.enumerate().rev() {
                if (index + 1) * self.chunk <= self.next {
                    break;
                }
                for &x in values.iter().rev() {
                    running = running + x;
                }
                *boundary = running;
            }
        }
        // The chunk that holds `next + 1`, as the pushes left it.
        let start = (self.next + 1) / self.chunk * self.chunk;
        if self.len == period && start < period {
            self.cache_chunk(start);
        } else {
            self.set_cached_start(start);
        }
        let add = |sum: T, &x: &T| sum + x;
        self.recent = self
            .slots
            .get(..self.next)
            .unwrap_or_default()
            .iter()
            .fold(T::zero(), add);
        self.sum = if self.next == 0 {
            // Right after a rebuild (or before any push): the last push added the whole
            // window to an empty old block.
            T::zero() + self.slots.iter().fold(T::zero(), add)
        } else {
            self.old_block_sum(self.next) + self.recent
        };
    }

    /// The sum that [`push`](Self::push)`(x)` would produce, without pushing.
    #[inline]
    pub fn peek_sum(&self, x: T) -> T {
        self.next_sums(x).1
    }

    /// Sum of the values in the window.
    #[inline]
    pub fn sum(&self) -> T {
        self.sum
    }

    /// The value the next push evicts, once the window is full.
    #[inline]
    pub fn next_evicted(&self) -> Option<T> {
        if self.is_full() {
            self.slots.get(self.next).copied()
        } else {
            None
        }
    }

    /// The storage slot the next push writes (the number of pushes since the last rebuild).
    #[inline]
    pub(crate) fn write_index(&self) -> usize {
        self.next
    }

    /// The storage slots: chronological right after a rebuild (`write_index() == 0`).
    pub(crate) fn slots(&self) -> &[T] {
        &self.slots
    }

    /// The storage slots, to write: scratch space for an owner that keeps only the values
    /// here (no sums tracked) and is about to overwrite every slot with
    /// [`store_run`](Self::store_run) of a whole block.
    pub(crate) fn slots_as_scratch(&mut self) -> &mut [T] {
        &mut self.slots
    }

    /// Sum of storage slots `slot..` at the last rebuild (0 for `slot >= period`, and
    /// before the first rebuild), for slots not overwritten since: O(1) for `write_index()
    /// + 1` (what a push reads), O(√period) otherwise.
    #[inline]
    pub(crate) fn old_block_sum(&self, slot: usize) -> T {
        if slot >= self.slots.len() || !self.is_full() {
            return T::zero();
        }
        if self.cached.is_empty() {
            return direct_suffix(&self.slots, slot);
        }
        match self.cached.get(slot.wrapping_sub(self.cached_start)) {
            Some(&cached) => cached,
            None => self.suffix_from_boundary(slot),
        }
    }

    /// The mean of the window: its sum divided by the period (kept as a float, so no
    /// conversion per update). A division, not a product with `1 / period`: the mean is the
    /// correctly rounded quotient of the sum (`(4 + 11 + 5 + 12 + 6 + 0 + 7) / 7` is
    /// `6.428571428571429`, the product `6.428571428571428`), and the universe path computes the
    /// same quotient.
    #[inline]
    pub(crate) fn mean(&self) -> T {
        self.sum / self.period_real
    }

    /// The mean that [`push`](Self::push)`(x)` would produce.
    #[inline]
    pub(crate) fn peek_mean(&self, x: T) -> T {
        self.peek_sum(x) / self.period_real
    }

    /// `1 / period`.
    #[inline]
    pub(crate) fn inverse_period(&self) -> T {
        self.inverse_period
    }

    /// Heap memory held, in bytes.
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        (self.slots.capacity() + self.boundaries.capacity() + self.cached.capacity())
            * core::mem::size_of::<T>()
    }

    /// The values in the window, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        let (newer, older) = self.slots.split_at_checked(self.next).unwrap_or_default();
        let older = if self.is_full() { older } else { &[] };
        older.iter().chain(newer).copied()
    }

    /// Number of values in the window (at most `period`).
    pub fn len(&self) -> usize {
        self.len.max(self.next)
    }

    /// `true` before the first push.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `true` once `period` values have been pushed.
    #[inline]
    pub fn is_full(&self) -> bool {
        self.len == self.slots.len()
    }

    /// The window length.
    pub fn period(&self) -> usize {
        self.slots.len()
    }

    /// Empties the window.
    pub fn clear(&mut self) {
        self.slots.fill(T::zero());
        self.boundaries.fill(T::zero());
        self.cached.fill(T::zero());
        self.set_cached_start(0);
        self.next = 0;
        self.len = 0;
        self.recent = T::zero();
        self.sum = T::zero();
    }
}

/// The longest window whose old-block sums are added up by each push (at most 7 additions,
/// none of them waited for by the next push) instead of being stored: a short window would
/// otherwise refresh its stored sums every push or two, at the cost of a call each time.
const DIRECT_UP_TO: usize = 8;

/// `suffix[slot]` added up directly, newest first from 0, as the rebuild adds it (so bit for
/// bit the stored one); 0 past the end of the window, and before the first rebuild (the
/// slots not pushed yet are zeros).
#[inline(always)]
fn direct_suffix<T: Real>(slots: &[T], slot: usize) -> T {
    slots
        .get(slot..)
        .unwrap_or_default()
        .iter()
        .rev()
        .fold(T::zero(), |sum, &x| sum + x)
}

/// The push's rare step, out of its hot path: once the block is complete (`next` is the
/// period), the chunk boundaries' suffix sums are rebuilt; then the suffix sums of the chunk
/// the next push reads are cached. Returns that chunk's first slot (0 after a rebuild).
#[inline(always)]
fn refresh<T: Real>(
    slots: &[T],
    boundaries: &mut [T],
    cached: &mut [T],
    chunk: usize,
    next: usize,
) -> usize {
    let start = if next == slots.len() {
        rebuild_boundaries(slots, boundaries, chunk);
        0
    } else {
        next + 1
    };
    fill_cache(slots, boundaries, cached, chunk, start);
    start
}

/// [`refresh`], out of line (see `RollingSum::push_hot`).
#[cold]
#[inline(never)]
fn refresh_out_of_line<T: Real>(
    slots: &[T],
    boundaries: &mut [T],
    cached: &mut [T],
    chunk: usize,
    next: usize,
) -> usize {
    refresh(slots, boundaries, cached, chunk, next)
}

/// `boundaries[c]` = sum of `slots[c·chunk..]`, added newest first (one running sum).
fn rebuild_boundaries<T: Real>(slots: &[T], boundaries: &mut [T], chunk: usize) {
    let mut running = T::zero();
    for (values, boundary) in slots.chunks(chunk).zip(boundaries.iter_mut()).rev() {
        for &x in values.iter().rev() {
            running = running + x;
        }
        *boundary = running;
    }
}

/// `cached[j]` = sum of `slots[start + j..]` for the chunk starting at `start` (a multiple
/// of `chunk`), from the next chunk's boundary and the old values of the chunk's slots, with
/// the additions of the rebuild; zeros past the end of the window.
fn fill_cache<T: Real>(
    slots: &[T],
    boundaries: &[T],
    cached: &mut [T],
    chunk: usize,
    start: usize,
) {
    let mut running = boundaries
        .get(start / chunk + 1)
        .copied()
        .unwrap_or_else(T::zero);
    let values = slots.get(start..).unwrap_or_default();
    if values.len() < chunk {
        if let Some(past_the_end) = cached.get_mut(values.len()..) {
            past_the_end.fill(T::zero());
        }
    }
    for (cached, &x) in cached.iter_mut().zip(values).rev() {
        running = running + x;
        *cached = running;
    }
}

/// The saved form: the window and every partial sum as a full array (`suffix[i]` for the
/// slots still in use, zeros for the others).
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RollingSumState<T: Real> {
    slots: Vec<T>,
    next: usize,
    len: usize,
    suffix: Vec<T>,
    recent: T,
    sum: T,
}

#[cfg(feature = "serde")]
impl<T: Real + serde::Serialize> serde::Serialize for RollingSum<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let period = self.slots.len();
        let suffix = (0..=period)
            .map(|slot| {
                if slot < self.next {
                    T::zero()
                } else {
                    self.old_block_sum(slot)
                }
            })
            .collect();
        RollingSumState {
            slots: self.slots.clone(),
            next: self.next,
            len: self.len(),
            suffix,
            recent: self.recent,
            sum: self.sum,
        }
        .serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RollingSumState<T>> for RollingSum<T> {
    type Error = Error;

    /// Checks the shape, then every stored partial sum against the slots it summarises.
    fn try_from(state: RollingSumState<T>) -> Result<Self, Error> {
        let period = state.slots.len();
        check_period("period", period)?;
        let shape_ok = state.suffix.len() == period + 1
            && state.next < period
            && state.len <= period
            && (state.len == period || state.next == state.len);
        if !shape_ok {
            return Err(crate::error::invalid_state(format!(
                "rolling sum of period {period} has {} partial sums, write slot {} and length {}",
                state.suffix.len(),
                state.next,
                state.len
            )));
        }
        let slots = &state.slots;
        let magnitude = slots.iter().fold(T::zero(), |m, x| m + x.abs());
        let tolerance = crate::float::sum_rounding(magnitude, period);
        let near = |stored: T, exact: T| stored.is_finite() && (stored - exact).abs() <= tolerance;
        let sum_of = |part: &[T]| part.iter().fold(T::zero(), |sum, &x| sum + x);

        let unpushed_are_zero = slots.iter().skip(state.len).all(|&x| x == T::zero());
        let mut consistent = unpushed_are_zero
            && slots.iter().all(|x| x.is_finite())
            && {
                // `recent` carries its rounding until the next rebuild, while older slots
                // leave: bounded by the recent slots alone.
                let recent_slots = slots.get(..state.next).unwrap_or_default();
                let own = crate::float::sum_rounding(
                    recent_slots.iter().fold(T::zero(), |m, x| m + x.abs()),
                    period,
                );
                state.recent.is_finite() && (state.recent - sum_of(recent_slots)).abs() <= own
            }
            && near(state.sum, sum_of(slots));
        // The partial sums still in use are those of the old block's remaining slots; before
        // the first rebuild the old block is all zeros.
        for (slot, &stored) in state.suffix.iter().enumerate().skip(state.next) {
            let exact = if state.len == period {
                sum_of(slots.get(slot..).unwrap_or_default())
            } else {
                T::zero()
            };
            // A partial sum stays in use after the other slots are overwritten: its
            // rounding is bounded by its own slots, not by the whole window.
            let own = crate::float::sum_rounding(
                slots
                    .get(slot..)
                    .unwrap_or_default()
                    .iter()
                    .fold(T::zero(), |m, x| m + x.abs()),
                period,
            );
            consistent &= stored.is_finite() && (stored - exact).abs() <= own;
        }
        if !consistent {
            return Err(crate::error::invalid_state(
                "rolling sum does not match the values in its window",
            ));
        }
        // The stored sums passed a tolerance check (a lossy format may move them by an ulp);
        // the loaded ones are recomputed from the window, so that no stored rounding error
        // can outlive the values it came with and later fail that check.
        let mut loaded = Self::with_valid_period(period);
        loaded.slots = state.slots;
        // A deserialized `Vec` may hold more than it needs (growth by doubling).
        loaded.slots.shrink_to_fit();
        loaded.next = state.next;
        loaded.len = if state.len == period { period } else { 0 };
        loaded.resync();
        let finite = loaded.sum.is_finite()
            && loaded.recent.is_finite()
            && loaded.boundaries.iter().all(|x| x.is_finite())
            && loaded.cached.iter().all(|x| x.is_finite());
        if !finite {
            return Err(crate::error::invalid_state(
                "rolling sum of its window overflows",
            ));
        }
        Ok(loaded)
    }
}
