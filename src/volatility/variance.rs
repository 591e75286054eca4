use core::fmt;

use crate::float::{from_usize, larger};
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// Rolling variance of the last `n` inputs: population (`ddof = 0`, TA-Lib's `VAR`) by
/// default, sample (`ddof = 1`) or any `ddof < n` on request.
///
/// # Formula
///
/// With `m` the window mean and `M2 = Σ (x_i − m)²` over the window,
/// `VAR = M2 / (n − ddof)`; first output after `n` inputs. The window's values are kept in
/// a [`RollingSum`] whose own sums are left stale (synchronised only to be saved): the
/// variance needs only `M2`, and the mean, where a composite reads it (Bollinger's middle
/// band), comes from the same shifted sums as `M2`, `m = a + Σ d / n` (below).
///
/// `M2 = Σ d² − (Σ d)²/n` with `d = x − a`, where the shift `a` is a value *inside the
/// window*; nothing is ever subtracted from a running total. The window is split like
/// [`RollingSum`]'s: an *old block* whose suffix sums are rebuilt exactly every `n` updates,
/// and the values pushed since.
/// - the shift `a` is the old block's newest value, which stays in the window as long as any
///   old value does; on the update that completes a block, the newest value;
/// - old block: at each rebuild, for every suffix, `Σ d` and `Σ d²` (added newest first);
/// - recent values: `Σ d` and `Σ d²` since the rebuild;
/// - per update: the two groups' sums added, `M2` from them with `1/n` computed once, and
///   the mean, where it is read, as `a + Σ d · (1/n)`: no division.
///
/// Since `a` is in the window, `Σ d² = M2 + n·(m − a)² ≤ (n + 1)·M2`: the subtraction
/// cancels at most a factor `n + 1`, and rounding errors are bounded by a few `n` ulps of
/// `Σ d²`, whatever the price level (1e12 or 1e-8) and whatever left the window before (a
/// spike of 1e15 leaves no trace). A flat window gives exactly 0. (A shift that is not in
/// the window, such as 0 for raw prices, is what makes `E[x²] − E[x]²` lose every digit.)
///
/// # Range
///
/// No input is refused beyond the usable range (see [`Real`](crate::Real)), which bounds
/// every intermediate: a deviation is at most `2e150`, its square `4e300`, a sum of 100000
/// squares `4e305` (for `f32`: `2e15`, `4e30`, `4e35`), so the variance is finite and at most
/// `n/(n − ddof)·1e300` (`1e30`). A spread below the rounding of the values themselves
/// (values a few ulps apart, whose squared deviations underflow) reads 0.
///
/// # Loading a state
///
/// The stored moments are checked against a recomputation from the window, then recomputed
/// from it with exactly the operations the updates performed: a saved state loads back bit
/// for bit, and no stored rounding error can outlive the values it came from. A window
/// value outside the usable range is refused.
///
/// # Parameters
///
/// - `period` (`n`): `1..=100000` (`2..` for the sample variance);
/// - `ddof`: `0` ([`new`](Variance::new), population), `1` ([`sample`](Variance::sample)),
///   or any value below `period` ([`with_ddof`](Variance::with_ddof)).
///
/// # Example
///
/// ```
/// use ta_stream::{volatility::Variance, Indicator};
///
/// let mut variance = Variance::new(4)?;
/// let out = variance.batch(&[2.0, 4.0, 4.0, 4.0, 5.0]);
/// // window [2, 4, 4, 4]: mean 3.5, M2 = 2.25 + 3·0.25 = 3
/// assert_eq!(out, [None, None, None, Some(0.75), Some(0.1875)]);
/// assert_eq!(Variance::sample(4)?.batch(&[2.0, 4.0, 4.0, 4.0])[3], Some(1.0));
/// assert_eq!(variance.to_string(), "VAR(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `VAR` (population); matched at every index by `tests/talib_volatility.rs`.
/// Chan, Golub and LeVeque (1983), *Algorithms for computing the sample variance: analysis
/// and recommendations* (the shifted sums and their error bound).
#[doc(alias = "VAR")]
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VarianceState<T>", into = "VarianceState<T>")
)]
pub struct Variance<T: Real = f64> {
    /// The window (only the values are stored: it holds no partial sums, and its sums are
    /// stale, resynchronised before saving).
    sum: RollingSum<T>,
    /// At the last rebuild: `old[i]` = `[Σ (slot_j − anchor), Σ (slot_j − anchor)²]` over
    /// `j ≥ i`, added newest first, where the anchor is the last slot (the newest value of
    /// the block). Zeros before the first rebuild; entries of overwritten slots are never
    /// read again. The two sums side by side: a push reads both with one load.
    old: Vec<[T; 2]>,
    /// The anchor of `old`: the last slot, kept here so that a push reads it without
    /// reaching into the window (0 before the first rebuild).
    anchor: T,
    /// `Σ (x − anchor)` over the values pushed since the last rebuild.
    recent_sum: T,
    /// `Σ (x − anchor)²` over the values pushed since the last rebuild.
    recent_square: T,
    /// `M2` of the values in the window after the last update.
    m2: T,
    /// Delta degrees of freedom: the divisor is `n − ddof`.
    ddof: usize,
    /// `1 / (n − ddof)`, computed once.
    #[cfg_attr(feature = "serde", serde(skip))]
    inverse_divisor: T,
}

impl Variance {
    /// The population variance (`ddof = 0`, TA-Lib `VAR`) of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// The sample variance (`ddof = 1`, divisor `n − 1`) of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn sample(period: usize) -> Result<Self, Error> {
        Self::sample_generic(period)
    }

    /// The variance with divisor `period − ddof`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000` and `ddof < period`.
    pub fn with_ddof(period: usize, ddof: usize) -> Result<Self, Error> {
        Self::with_ddof_generic(period, ddof)
    }
}

impl<T: Real> Variance<T> {
    /// [`Variance::new`] in any precision `T` (`f32`, or generic code): `Variance::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Self::with_ddof_generic(period, 0)
    }

    /// [`Variance::sample`] in any precision `T` (`f32`, or generic code): `Variance::<f32>::sample_generic(4)`.
    pub fn sample_generic(period: usize) -> Result<Self, Error> {
        if period == 1 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000 for a sample variance",
            });
        }
        Self::with_ddof_generic(period, 1)
    }

    /// [`Variance::with_ddof`] in any precision `T` (`f32`, or generic code): `Variance::<f32>::with_ddof_generic(14, 1)`.
    pub fn with_ddof_generic(period: usize, ddof: usize) -> Result<Self, Error> {
        let period = crate::error::check_period("period", period)?;
        if ddof >= period {
            return Err(Error::InvalidParameter {
                name: "ddof",
                value: ddof.to_string(),
                expected: "less than `period`",
            });
        }
        Ok(Self::with_valid_parameters(period, ddof))
    }

    /// For parameters known to be valid: `period` is clamped into range, `ddof` below it.
    fn with_valid_parameters(period: usize, ddof: usize) -> Self {
        let sum = RollingSum::for_storing(period);
        let period = sum.period();
        Self {
            sum,
            old: vec![[T::zero(); 2]; period],
            anchor: T::zero(),
            recent_sum: T::zero(),
            recent_square: T::zero(),
            m2: T::zero(),
            ddof: ddof.min(period - 1),
            inverse_divisor: T::one() / from_usize(period - ddof.min(period - 1)),
        }
    }

    /// The population variance for a period known to be valid (a constant such as
    /// Bollinger's 20), without a `Result`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self::with_valid_parameters(period, 0)
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.sum.period()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.sum.heap_bytes() + self.old.capacity() * size_of::<[T; 2]>()
    }

    /// The values in the window (for composite indicators that validate a loaded state;
    /// its sums are up to date only right after loading).
    #[cfg(feature = "serde")]
    pub(crate) fn window(&self) -> &RollingSum<T> {
        &self.sum
    }

    /// Number of values in the window (at most `period`).
    #[cfg(feature = "serde")]
    pub(crate) fn len(&self) -> usize {
        self.sum.len()
    }

    /// The newest value in the window (`None` before the first push).
    #[cfg(feature = "serde")]
    pub(crate) fn newest(&self) -> Option<T> {
        self.sum.iter().last()
    }

    /// Delta degrees of freedom: 0 for the population variance, 1 for the sample variance.
    pub fn ddof(&self) -> usize {
        self.ddof
    }

    /// The shift of every deviation: the last slot, the old block's newest value (0 before
    /// the window first fills: the `M2` of those updates is not the window's, and no output
    /// reads it). Read from the window; pushes read its copy in `anchor`.
    fn last_slot(&self) -> T {
        self.sum.slots().last().copied().unwrap_or_else(T::zero)
    }

    /// `M2` of the window whose old-block values are the storage slots `from..` and whose
    /// recent values have the sums `(recent_sum, recent_square)`.
    #[inline]
    fn merged_m2(&self, from: usize, recent: (T, T)) -> T {
        let (sum, square) = self.merged_sums(from, recent);
        m2_of(sum, square, self.sum.inverse_period())
    }

    /// `(Σ d, Σ d²)` of the window whose old-block values are the storage slots `from..` and
    /// whose recent values have the sums `(recent_sum, recent_square)`.
    #[inline]
    fn merged_sums(&self, from: usize, (recent_sum, recent_square): (T, T)) -> (T, T) {
        let [old_sum, old_square] = self.old.get(from).copied().unwrap_or([T::zero(); 2]);
        (old_sum + recent_sum, old_square + recent_square)
    }

    /// `(anchor, Σ d, Σ d²)` of the window after pushing `x`, without committing: the
    /// update's arithmetic, bit for bit.
    #[inline]
    fn next_sums(&self, x: T) -> (T, T, T) {
        let pushed = self.sum.write_index() + 1;
        if pushed < self.sum.period() {
            let recent = accumulate((self.recent_sum, self.recent_square), x, self.anchor);
            let (sum, square) = self.merged_sums(pushed, recent);
            return (self.anchor, sum, square);
        }
        // `x` completes the block: the rebuild's sums of the whole window about `x`, newest
        // first (O(n), once every `n` peeks).
        let older = self.sum.slots().get(..pushed - 1).unwrap_or_default();
        let whole = older.iter().rev().fold(
            accumulate((T::zero(), T::zero()), x, x),
            |moments, &value| accumulate(moments, value, x),
        );
        (x, whole.0, whole.1)
    }

    /// `M2` after pushing `x`, without committing: the update's arithmetic, bit for bit.
    #[inline]
    fn next_m2(&self, x: T) -> T {
        let (_, sum, square) = self.next_sums(x);
        m2_of(sum, square, self.sum.inverse_period())
    }

    /// Pushes a usable `x`.
    #[inline(always)]
    pub(crate) fn push(&mut self, x: T) {
        self.sum.store(x);
        let written = self.sum.write_index();
        if written == 0 {
            self.rebuild();
        } else {
            let recent = accumulate((self.recent_sum, self.recent_square), x, self.anchor);
            (self.recent_sum, self.recent_square) = recent;
            self.m2 = self.merged_m2(written, recent);
        }
    }

    /// Pushes `inputs` into a full window and writes `output` of the variance after each
    /// into `out`: [`push`](Self::push)'s steps a block at a time, without their per-push
    /// bookkeeping (the slots are known for the whole run, and the values are stored with
    /// one copy per run), so the outputs and the state are `push`'s bit for bit. Every input
    /// must be usable; the window must be full.
    pub(crate) fn push_usable_into(
        &mut self,
        inputs: &[T],
        out: &mut [T],
        output: impl Fn(T) -> T,
    ) {
        let period = self.sum.period();
        let (inverse_period, inverse_divisor) = (self.sum.inverse_period(), self.inverse_divisor);
        let len = inputs.len().min(out.len());
        let mut done = 0;
        while done < len {
            let next = self.sum.write_index();
            let run = (len - done).min(period - next);
            let inputs = inputs.get(done..done + run).unwrap_or_default();
            let out = out.get_mut(done..done + run).unwrap_or_default();
            if next == 0 && run == period {
                self.push_block_into::<false>(inputs, out, &mut [], &output);
                done += run;
                continue;
            }
            // The pushes before the block's last read the suffix sums of the slot after
            // their own.
            let completes = next + run == period;
            let steady = run - usize::from(completes);
            let (anchor, mut recent, mut m2) =
                (self.anchor, (self.recent_sum, self.recent_square), self.m2);
            let suffixes = self
                .old
                .get(next + 1..next + 1 + steady)
                .unwrap_or_default();
            for ((&x, &[old_sum, old_square]), slot) in inputs.iter().zip(suffixes).zip(&mut *out) {
                recent = accumulate(recent, x, anchor);
                m2 = m2_of(old_sum + recent.0, old_square + recent.1, inverse_period);
                *slot = output(m2 * inverse_divisor);
            }
            self.sum.store_run(inputs);
            if completes {
                self.rebuild();
                if let Some(last) = out.last_mut() {
                    *last = output(self.m2 * inverse_divisor);
                }
            } else {
                (self.recent_sum, self.recent_square) = recent;
                self.m2 = m2;
            }
            done += run;
        }
    }

    /// [`push_usable_into`](Self::push_usable_into) of a whole block of usable inputs on a
    /// full window whose last push completed a block: the same operations as the pushes and
    /// the rebuild after them, so the same bits, in another order. The new suffix sums are
    /// added from `block` (newest first, about its newest value) in the loop that adds the
    /// pushes' recent sums (oldest first), so that the chains of additions run side by side
    /// instead of one after the other. The old suffix sums the pushes read (slot `j + 1`'s
    /// for push `j`) are first copied out, as the new ones overwrite them: `Σ d` into
    /// `out`, `Σ d²` into the window's slots, which the block's values then overwrite.
    ///
    /// With `MEANS`, the window's mean after each push also goes into `means` (as
    /// [`moments`](Self::moments) gives it).
    fn push_block_into<const MEANS: bool>(
        &mut self,
        block: &[T],
        out: &mut [T],
        means: &mut [T],
        output: &impl Fn(T) -> T,
    ) {
        let (inverse_period, inverse_divisor) = (self.sum.inverse_period(), self.inverse_divisor);
        let (anchor, new_anchor) = (self.anchor, block.last().copied().unwrap_or(self.anchor));
        let squares = self.sum.slots_as_scratch();
        let (old, later_suffixes) = self.old.split_at_mut(1.min(block.len()));
        for ((sum, square), &[old_sum, old_square]) in
            out.iter_mut().zip(&mut *squares).zip(&*later_suffixes)
        {
            (*sum, *square) = (old_sum, old_square);
        }
        // Every push but the block's last (whose M2 is the rebuild's), two a step so that
        // their outputs are computed as one pair; alongside, newest first, the suffix sums
        // of every slot but the oldest.
        let pushes = block.len().saturating_sub(1);
        let mut recent = (T::zero(), T::zero());
        let mut push = |index: usize, sum: &mut T, old_square: T, x: T| {
            recent = accumulate(recent, x, anchor);
            let deviations = *sum + recent.0;
            if MEANS {
                if let Some(mean) = means.get_mut(index) {
                    *mean = anchor + deviations * inverse_period;
                }
            }
            m2_of(deviations, old_square + recent.1, inverse_period) * inverse_divisor
        };
        let mut moments = (T::zero(), T::zero());
        let mut suffix = |suffix: &mut [T; 2], y: T| {
            moments = accumulate(moments, y, new_anchor);
            *suffix = [moments.0, moments.1];
        };
        let older = block.get(..pushes).unwrap_or_default();
        let newer = block.get(1..).unwrap_or_default();
        let sums = out.get_mut(..pushes).unwrap_or_default();
        let squares = squares.get(..pushes).unwrap_or_default();
        let oldest_first = sums
            .chunks_exact_mut(2)
            .zip(squares.chunks_exact(2))
            .zip(older.chunks_exact(2));
        let newest_first = later_suffixes
            .rchunks_exact_mut(2)
            .zip(newer.rchunks_exact(2));
        for (pair, (((sum, square), x), (slot, y))) in oldest_first.zip(newest_first).enumerate() {
            if let (
                [sum_a, sum_b],
                [square_a, square_b],
                [x_a, x_b],
                [slot_a, slot_b],
                [y_a, y_b],
            ) = (sum, square, x, slot, y)
            {
                let variance_a = push(2 * pair, sum_a, *square_a, *x_a);
                let variance_b = push(2 * pair + 1, sum_b, *square_b, *x_b);
                [*sum_a, *sum_b] = [output(variance_a), output(variance_b)];
                suffix(slot_b, *y_b);
                suffix(slot_a, *y_a);
            }
        }
        // An odd number of pushes: the last of them, and the suffix sums of the second slot.
        if pushes % 2 == 1 {
            if let (Some(sum), Some(&square), Some(&x)) =
                (sums.last_mut(), squares.last(), older.last())
            {
                *sum = output(push(pushes - 1, sum, square, x));
            }
            if let (Some(slot), Some(&y)) = (later_suffixes.first_mut(), newer.first()) {
                suffix(slot, y);
            }
        }
        // The oldest slot's suffix sums, which no push of the block read.
        if let (Some(slot), Some(&y)) = (old.first_mut(), block.first()) {
            suffix(slot, y);
        }
        self.sum.store_run(block);
        self.anchor = new_anchor;
        (self.recent_sum, self.recent_square) = (T::zero(), T::zero());
        self.m2 = self.whole_block_m2();
        if let Some(last) = out.last_mut() {
            *last = output(self.m2 * inverse_divisor);
        }
        if let (true, Some(mean), Some((last, _))) = (MEANS, means.last_mut(), self.moments()) {
            *mean = last;
        }
    }

    /// Whole blocks of usable `inputs` (a multiple of the period) pushed onto a full window
    /// whose last push completed a block, the window's mean after each into `means` and its
    /// variance into `variances`, bit for bit [`moments`](Self::moments) after each
    /// [`push`](Self::push); `false`, nothing done, when the window is not so placed or the
    /// length is not a multiple of the period.
    pub(crate) fn push_blocks_moments(
        &mut self,
        inputs: &[T],
        means: &mut [T],
        variances: &mut [T],
    ) -> bool {
        let period = self.sum.period();
        let whole = inputs.len() % period == 0 && means.len() == inputs.len();
        if !(whole && variances.len() == inputs.len() && self.sum.is_full())
            || self.sum.write_index() != 0
        {
            return false;
        }
        let blocks = inputs.chunks_exact(period);
        let columns = means
            .chunks_exact_mut(period)
            .zip(variances.chunks_exact_mut(period));
        for (block, (means, variances)) in blocks.zip(columns) {
            self.push_block_into::<true>(block, variances, means, &|variance| variance);
        }
        true
    }

    /// The slice path of the variance and of what is computed from it alone (`output`):
    /// in chunks of usable inputs through [`push_usable_into`](Self::push_usable_into) once
    /// the window is full, others through `update` (see
    /// [`value_chunks`](crate::slice::value_chunks)).
    pub(crate) fn outputs_into<I>(
        indicator: &mut I,
        inputs: &[T],
        out: &mut [T],
        variance: impl Fn(&mut I) -> &mut Self,
        output: impl Fn(T) -> T + Copy,
    ) -> Result<(), Error>
    where
        I: Indicator<Input = T, Output = T>,
    {
        let chunk = crate::slice::block_chunk(variance(indicator).period());
        crate::slice::value_chunks_of(chunk, indicator, inputs, out, |indicator, inputs, out| {
            let variance = variance(indicator);
            let full = variance.sum.is_full();
            if full {
                variance.push_usable_into(inputs, out, output);
            }
            full
        })
    }

    /// The window is exactly one block, in chronological order: rebuild the suffix sums
    /// about its newest value, O(n) once every `n` pushes; the window's `M2` is the first.
    fn rebuild(&mut self) {
        self.rebuild_suffixes(0);
        self.recent_sum = T::zero();
        self.recent_square = T::zero();
        self.m2 = self.whole_block_m2();
    }

    /// `M2` of the whole old block, from its first suffix sums: the window's right after a
    /// rebuild.
    fn whole_block_m2(&self) -> T {
        let [sum, square] = self.old.first().copied().unwrap_or([T::zero(); 2]);
        m2_of(sum, square, self.sum.inverse_period())
    }

    /// Recomputes the suffix sums of storage slots `from..` about the last slot (the new
    /// anchor), newest first (the rebuild's loop, also used on load for the suffixes still
    /// in use).
    fn rebuild_suffixes(&mut self, from: usize) {
        self.anchor = self.last_slot();
        let anchor = self.anchor;
        let mut moments = (T::zero(), T::zero());
        for (suffix, &x) in self.old.iter_mut().zip(self.sum.slots()).skip(from).rev() {
            moments = accumulate(moments, x, anchor);
            *suffix = [moments.0, moments.1];
        }
    }

    /// Sets every derived sum still in use from the window, with exactly the operations of
    /// the pushes that produced them (see `RollingSum`'s load): a state reached by pushes is
    /// left as it was (see `PartialEq`), and no stored sum can disagree with the window.
    #[cfg(feature = "serde")]
    fn resync(&mut self) {
        let written = self.sum.write_index();
        let full = self.sum.is_full();
        self.old.fill([T::zero(); 2]);
        if full {
            self.rebuild_suffixes(written);
        }
        self.anchor = self.last_slot();
        let anchor = self.anchor;
        let recent = self
            .sum
            .slots()
            .get(..written)
            .unwrap_or_default()
            .iter()
            .fold((T::zero(), T::zero()), |moments, &x| {
                accumulate(moments, x, anchor)
            });
        (self.recent_sum, self.recent_square) = recent;
        self.m2 = if written > 0 {
            self.merged_m2(written, recent)
        } else if full {
            self.whole_block_m2()
        } else {
            T::zero()
        };
    }

    /// The mean `a + Σ d / n` of a window whose deviations from `anchor` sum to `sum`: the
    /// anchor is in the window, so `Σ d / n` is the mean's distance from one of its values,
    /// and the mean is exact to about an ulp of the values, as a plain sum's `Σ x / n`.
    #[inline]
    fn mean_of(&self, anchor: T, sum: T) -> T {
        anchor + sum * self.sum.inverse_period()
    }

    /// `(mean, variance)` that pushing `x` would give, `None` if still warming up after it.
    #[inline]
    pub(crate) fn peek_moments(&self, x: T) -> Option<(T, T)> {
        if self.sum.len() + 1 < self.sum.period() {
            return None;
        }
        let (anchor, sum, square) = self.next_sums(x);
        let m2 = m2_of(sum, square, self.sum.inverse_period());
        Some((self.mean_of(anchor, sum), m2 * self.inverse_divisor))
    }

    /// `(mean, variance)` of the window, `None` while warming up.
    #[inline]
    pub(crate) fn moments(&self) -> Option<(T, T)> {
        let variance = self.variance()?;
        let written = self.sum.write_index();
        let (sum, _) = self.merged_sums(written, (self.recent_sum, T::zero()));
        Some((self.mean_of(self.anchor, sum), variance))
    }

    /// The variance that pushing `x` would give (`M2` times `1 / (n − ddof)` computed
    /// once), `None` if still warming up after it.
    #[inline]
    pub(crate) fn peek_variance(&self, x: T) -> Option<T> {
        (self.sum.len() + 1 >= self.sum.period()).then(|| self.next_m2(x) * self.inverse_divisor)
    }

    /// The variance of the window, `None` while warming up.
    #[inline]
    pub(crate) fn variance(&self) -> Option<T> {
        self.sum.is_full().then(|| self.m2 * self.inverse_divisor)
    }

    /// The suffix sums a later push may read: those of the old block's slots still in the
    /// window (none before the first rebuild).
    fn suffixes_in_use(&self) -> &[[T; 2]] {
        let from = if self.sum.is_full() {
            self.sum.write_index()
        } else {
            self.sum.period()
        };
        self.old.get(from..).unwrap_or_default()
    }

    /// Back to the freshly constructed state.
    pub(crate) fn clear(&mut self) {
        self.sum.clear();
        self.old.fill([T::zero(); 2]);
        self.anchor = T::zero();
        self.recent_sum = T::zero();
        self.recent_square = T::zero();
        self.m2 = T::zero();
    }
}

/// `(Σ d, Σ d²)` with `d = x − shift` added.
#[inline]
fn accumulate<T: Real>((deviation, square): (T, T), x: T, shift: T) -> (T, T) {
    let d = x - shift;
    (deviation + d, square + d * d)
}

/// `M2 = Σ d² − (Σ d)²/n` from `sum = Σ d` and `square = Σ d²` over `n` values, floored at
/// 0 (rounding may leave a flat window's `M2` a hair below). `(Σ d)·(Σ d / n)`, not
/// `(Σ d)²/n`: the square of a sum of 100000 deviations of `2e150` would overflow.
#[inline]
fn m2_of<T: Real>(sum: T, square: T, inverse_period: T) -> T {
    larger(square - sum * (sum * inverse_period), T::zero())
}

/// Equal windows with equal moments: every suffix sum still in use is a function of the
/// window (the old block's values still in their slots), so the others are not compared,
/// and neither is the window's plain sum (also a function of it, and stale unless the mean
/// is tracked).
impl<T: Real> PartialEq for Variance<T> {
    fn eq(&self, other: &Self) -> bool {
        self.sum.same_window(&other.sum)
            && self.ddof == other.ddof
            && self.recent_sum == other.recent_sum
            && self.recent_square == other.recent_square
            && self.m2 == other.m2
            && self.suffixes_in_use() == other.suffixes_in_use()
    }
}

impl<T: Real> Indicator for Variance<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.push(x);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.peek_variance(x)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.variance()
    }

    crate::slice::batch_by_slices!();

    /// The steady state a block at a time, in chunks of usable inputs: the same outputs and
    /// state as `update`, bit for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        Self::outputs_into(self, inputs, out, |variance| variance, |variance| variance)
    }

    fn reset(&mut self) {
        self.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Variance<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ddof {
            0 => write!(f, "VAR({})", self.period()),
            ddof => write!(f, "VAR({},ddof={ddof})", self.period()),
        }
    }
}

/// The saved form (the first release's, kept so that saved states load in either
/// direction): the old block's suffix means and `M2`s about its newest value, and the recent
/// values' sums about the first of them. They are derived from the window on saving and
/// checked against it on loading; the sums in use are then recomputed from the window.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VarianceState<T: Real> {
    sum: RollingSum<T>,
    /// `old_mean[i]`: mean of `slot_j − anchor` over `j ≥ i` (0 where not in use).
    old_mean: Vec<T>,
    /// `old_m2[i]`: `M2` of `slots[i..]` (0 where not in use).
    old_m2: Vec<T>,
    /// `Σ (x − slots[0])` over the values pushed since the last rebuild.
    recent_deviation: T,
    /// `Σ (x − slots[0])²` over the values pushed since the last rebuild.
    recent_square: T,
    m2: T,
    ddof: usize,
}

#[cfg(feature = "serde")]
impl<T: Real> From<Variance<T>> for VarianceState<T> {
    fn from(mut variance: Variance<T>) -> Self {
        // The window's sums as pushes that kept them would have left them (the saved form
        // of a `RollingSum`).
        variance.sum.resync();
        let period = variance.sum.period();
        let written = variance.sum.write_index();
        let (mut old_mean, mut old_m2) = (vec![T::zero(); period], vec![T::zero(); period]);
        if variance.sum.is_full() {
            let in_use = old_mean
                .iter_mut()
                .zip(old_m2.iter_mut())
                .enumerate()
                .skip(written);
            for (index, (mean, m2)) in in_use {
                let [sum, square] = variance.old.get(index).copied().unwrap_or([T::zero(); 2]);
                *mean = sum / from_usize(period - index);
                *m2 = larger(square - sum * *mean, T::zero());
            }
        }
        let slots = variance.sum.slots();
        let shift = slots.first().copied().unwrap_or_else(T::zero);
        let (recent_deviation, recent_square) = slots
            .get(..written)
            .unwrap_or_default()
            .iter()
            .fold((T::zero(), T::zero()), |moments, &x| {
                accumulate(moments, x, shift)
            });
        // Before the window first fills, the updates' `M2` is not the window's (no output
        // reads it, and the anchor is not in the window yet): the saved one is, from the
        // recent sums.
        let m2 = if variance.sum.is_full() || written == 0 {
            variance.m2
        } else {
            let mean = recent_deviation / from_usize(written);
            larger(recent_square - recent_deviation * mean, T::zero())
        };
        Self {
            old_mean,
            old_m2,
            recent_deviation,
            recent_square,
            m2,
            ddof: variance.ddof,
            sum: variance.sum,
        }
    }
}

/// Exact-as-possible mean and `M2` of `values` (two passes).
#[cfg(feature = "serde")]
fn two_pass<T: Real>(values: &[T]) -> (T, T) {
    if values.is_empty() {
        return (T::zero(), T::zero());
    }
    let mean = values.iter().fold(T::zero(), |s, &x| s + x) / from_usize(values.len());
    let m2 = values
        .iter()
        .fold(T::zero(), |s, &x| s + (x - mean) * (x - mean));
    (mean, m2)
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VarianceState<T>> for Variance<T> {
    type Error = Error;

    /// The window is checked by [`RollingSum`]; the moments here, against a two-pass
    /// recomputation from the window's values.
    fn try_from(state: VarianceState<T>) -> Result<Self, Error> {
        let period = state.sum.period();
        let mut variance = Self::with_ddof_generic(period, state.ddof)?;
        let slots = state.sum.slots();
        let written = state.sum.write_index();
        let full = state.sum.is_full();
        let window: Vec<T> = state.sum.iter().collect();
        // Every stored moment is a sum of at most `n` squared deviations from a value in
        // the window: its rounding error is a few `n` ulps of Σ (x − a)² for any a in it.
        // A flat window has no spread, but rounding in the merged moments is relative to the
        // values themselves: floor the scale at n ulps of the largest square.
        let reference = window.first().copied().unwrap_or_else(T::zero);
        let largest = window.iter().fold(T::zero(), |m, &x| m.max(x.abs()));
        let spread = window
            .iter()
            .fold(T::zero(), |s, &x| s + (x - reference) * (x - reference))
            .max(largest * largest * T::epsilon() * from_usize::<T>(period));
        let length: T = from_usize(period + 2);
        let tolerance = T::epsilon() * length * length * crate::float::lit(16.0);
        let near = |stored: T, exact: T, scale: T| {
            stored.is_finite() && (stored - exact).abs() <= tolerance * scale
        };
        let shift = slots.first().copied().unwrap_or_else(T::zero);
        let recent: Vec<T> = slots
            .get(..written)
            .unwrap_or_default()
            .iter()
            .map(|&x| x - shift)
            .collect();
        let recent_sum = recent.iter().fold(T::zero(), |s, &d| s + d);
        let recent_abs = recent.iter().fold(T::zero(), |s, &d| s + d.abs());
        let recent_square = recent.iter().fold(T::zero(), |s, &d| s + d * d);
        // Only usable inputs, or averages of them (composite indicators push those, and an
        // average may round below the smallest usable magnitude), are ever pushed: at most
        // `max_input` in magnitude, they bound every moment (see the type docs).
        let mut consistent = window
            .iter()
            .all(|x| x.is_finite() && x.abs() <= T::max_input())
            && state.old_mean.len() == period
            && state.old_m2.len() == period
            && near(state.recent_deviation, recent_sum, recent_abs)
            && near(state.recent_square, recent_square, recent_square)
            && state.m2 >= T::zero()
            && near(state.m2, two_pass(&window).1, spread);
        let anchor = slots.last().copied().unwrap_or_else(T::zero);
        for (index, (&mean, &m2)) in state.old_mean.iter().zip(&state.old_m2).enumerate() {
            if !full {
                // Never rebuilt: still the zeros of construction.
                consistent &= mean == T::zero() && m2 == T::zero();
            } else if index >= written {
                let suffix = slots.get(index..).unwrap_or_default();
                let deviations: Vec<T> = suffix.iter().map(|&x| x - anchor).collect();
                let (exact_mean, exact_m2) = two_pass(&deviations);
                let scale = deviations.iter().fold(T::zero(), |s, &d| s.max(d.abs()));
                // The suffix was summed from its own deviations and stays in use after the
                // other slots are overwritten: its rounding is relative to those alone.
                let own = deviations.iter().fold(T::zero(), |s, &d| s + d * d);
                consistent &=
                    near(mean, exact_mean, scale) && m2 >= T::zero() && near(m2, exact_m2, own);
            }
        }
        if !consistent {
            return Err(crate::error::invalid_state(
                "variance moments do not match the values in its window",
            ));
        }
        variance.sum = state.sum;
        variance.sum.release_partial_sums();
        variance.resync();
        let finite = variance.m2.is_finite()
            && variance.recent_square.is_finite()
            && variance.old.iter().flatten().all(|x| x.is_finite());
        if !finite {
            return Err(crate::error::invalid_state(
                "variance moments of its window overflow",
            ));
        }
        Ok(variance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Noise around 100 with spikes of 1e12 and repeats of 42.
    fn spiky_inputs() -> Vec<f64> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        (0..400)
            .map(|index| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let noise = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
                match index % 37 {
                    0 => 1e12,
                    5..=8 => 42.0,
                    _ => 100.0 + noise,
                }
            })
            .collect()
    }

    /// Windows of every layout: short ones without partial sums, chunked ones.
    const PERIODS: [usize; 8] = [1, 2, 3, 7, 8, 9, 20, 64];

    /// The mean read from the shifted sums (`a + Σ d / n`) is the window's mean within the
    /// rounding of a sum of `n` terms of the values' magnitude, whatever left the window
    /// before, and `peek_moments` gives exactly what the update then gives, at every point.
    #[test]
    fn the_mean_from_the_shifted_sums_is_the_window_mean_and_peeks_exactly() {
        let inputs = spiky_inputs();
        for period in PERIODS {
            let mut variance = Variance::<f64>::new_generic(period).unwrap();
            for (index, &x) in inputs.iter().enumerate() {
                let peeked = variance.peek_moments(x);
                variance.update(x);
                let moments = variance.moments();
                assert_eq!(peeked, moments, "period {period}, input {index}");
                let Some((mean, _)) = moments else {
                    assert!(index + 1 < period, "period {period}, input {index}");
                    continue;
                };
                let window = &inputs[index + 1 - period..=index];
                let naive = window.iter().sum::<f64>() / period as f64;
                let scale = window.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
                assert!(
                    (mean - naive).abs() <= 4.0 * period as f64 * f64::EPSILON * scale,
                    "period {period}, input {index}: {mean} against {naive}"
                );
            }
        }
    }

    /// The window holds only its values (the variance keeps its own sums): `n` values and
    /// `n` pairs of suffix sums, before and after a save and load.
    #[test]
    fn the_window_holds_no_partial_sums() {
        for period in [1, 8, 9, 20, 200] {
            let mut variance = Variance::<f64>::new_generic(period).unwrap();
            let expected = period * size_of::<f64>() + period * size_of::<[f64; 2]>();
            assert_eq!(variance.heap_bytes(), expected, "period {period}");
            variance.warm_up(spiky_inputs().into_iter().take(period * 3 / 2 + 1));
            #[cfg(feature = "serde")]
            {
                let saved = serde_json::to_string(&variance).unwrap();
                let loaded: Variance<f64> = serde_json::from_str(&saved).unwrap();
                assert_eq!(loaded.heap_bytes(), expected, "period {period}");
                assert_eq!(loaded, variance, "period {period}");
            }
        }
    }

    /// A state saved at any point loads back equal, with the same mean and variance to the
    /// bit, and a stream resumed from loaded states goes on as the original would.
    #[cfg(feature = "serde")]
    #[test]
    fn a_saved_variance_loads_as_it_was_and_resumes() {
        let inputs = spiky_inputs();
        for period in PERIODS {
            let mut variance = Variance::<f64>::new_generic(period).unwrap();
            let mut resumed = variance.clone();
            for (index, &x) in inputs.iter().enumerate() {
                assert_eq!(
                    variance.update(x),
                    resumed.update(x),
                    "period {period}, input {index}"
                );
                let saved = serde_json::to_string(&variance).unwrap();
                let loaded: Variance<f64> = serde_json::from_str(&saved).unwrap();
                assert_eq!(loaded, variance, "period {period}, input {index}");
                assert_eq!(
                    loaded.moments(),
                    variance.moments(),
                    "period {period}, input {index}"
                );
                if index % 50 == 0 {
                    resumed = loaded;
                }
            }
        }
    }
}
