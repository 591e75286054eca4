use core::fmt;

use crate::error::check_period;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// Linearly weighted moving average: the newest input weighs `n`, the oldest `1`.
///
/// # Formula
///
/// `WMA_t = (n·x_t + (n−1)·x_{t−1} + … + 1·x_{t−n+1}) / (n(n+1)/2)`, first output after `n`
/// inputs.
///
/// Updated in O(1) without drift, by the block scheme of [`RollingSum`]: every `n` updates the
/// window's suffix sums `S[k] = Σ_{i≥k} v_i` and `WS[k] = Σ_{i≥k} (i+1)·v_i` are rebuilt;
/// in between, with `k` values pushed since (plain sum `R`, weighted `RW`),
///
/// `n(n+1)/2 · WMA = WS[k] − k·S[k] + RW + (n−k)·R`.
///
/// Every term holds only values still in the window, so nothing that left it (a spike of
/// 1e15 included) leaves a trace.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Wma, Indicator};
///
/// let mut wma = Wma::new(3)?;
/// // (1·1 + 2·2 + 3·3) / 6
/// assert_eq!(wma.batch(&[1.0, 2.0, 3.0]), [None, None, Some(14.0 / 6.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `WMA`; matches it at every index.
#[doc(alias = "WMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "WmaState<T>")
)]
pub struct Wma<T: Real = f64> {
    /// The window, its suffix sums `S` and the recent plain sum `R`.
    sum: RollingSum<T>,
    /// `weighted_suffix[k] = Σ_{i≥k} (i+1)·slot_i` at the last rebuild; 0 past the end.
    weighted_suffix: Vec<T>,
    /// `RW`: the weighted sum of the values pushed since the last rebuild.
    recent_weighted: T,
    /// The current average (meaningful once the window is full).
    average: T,
    /// The current weighted sum `Σ (i+1)·x_i` (newest weight `n`), of which `average` is
    /// the quotient: read by the linear regression. Derived, so not saved.
    #[cfg_attr(feature = "serde", serde(skip))]
    weighted: T,
    /// `n(n+1)/2`, computed once.
    #[cfg_attr(feature = "serde", serde(skip))]
    divisor: T,
}

impl Wma {
    /// A weighted moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Wma<T> {
    /// [`Wma::new`] in any precision `T` (`f32`, or generic code): `Wma::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("period", period)?))
    }

    /// For a period known to be in `1..=100000`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            sum: RollingSum::with_valid_period(period),
            weighted_suffix: vec![T::zero(); period + 1],
            recent_weighted: T::zero(),
            average: T::zero(),
            weighted: T::zero(),
            divisor: Self::divisor(period),
        }
    }

    /// The values in the window, oldest first.
    #[cfg(feature = "serde")]
    pub(crate) fn window(&self) -> impl Iterator<Item = T> + '_ {
        self.sum.iter()
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.sum.period()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.sum.heap_bytes() + self.weighted_suffix.capacity() * size_of::<T>()
    }

    /// `(RW, n(n+1)/2 · WMA)` after pushing `x`; shared by `update` and `peek`.
    #[inline]
    fn next(&self, x: T) -> (T, T) {
        let pushed = self.sum.write_index() + 1; // k after this push
                                                 // k and n − k as floats, from counts kept as floats (no conversion).
        let k = self.sum.written() + T::one();
        let recent_weighted = self.recent_weighted + k * x;
        let recent = self.sum.recent() + x;
        let old_weighted = self
            .weighted_suffix
            .get(pushed)
            .copied()
            .unwrap_or_else(T::zero);
        let old = self.sum.next_old_block_sum();
        let weighted =
            (old_weighted - k * old) + (recent_weighted + (self.sum.period_real() - k) * recent);
        (recent_weighted, weighted)
    }

    #[inline]
    fn divisor(period: usize) -> T {
        let n: T = from_usize(period);
        n * (n + T::one()) / (T::one() + T::one())
    }

    /// Updates with a value computed from usable inputs (inside a HMA: `2·WMA − WMA`, which
    /// may exceed `max_input` or fall below `min_input`): no usability check.
    #[inline(always)]
    pub(crate) fn feed(&mut self, x: T) -> Option<T> {
        (self.recent_weighted, self.weighted) = self.next(x);
        // A division, not a product with `1/divisor`: the average is the correctly rounded
        // quotient (e.g. exactly 14/6 for 1, 2, 3), as TA-Lib's.
        self.average = self.weighted / self.divisor;
        self.sum.push_inlined(x);
        if self.sum.write_index() == 0 {
            // Only the arrays cross the call, never `self` (see `RollingSum::push`).
            rebuild_weighted_suffixes(&mut self.weighted_suffix, self.sum.slots(), 0);
            self.recent_weighted = T::zero();
        }
        self.value()
    }

    /// `true` before the first value.
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        self.sum.is_empty()
    }

    /// What [`feed`](Self::feed) would return, without committing.
    #[inline]
    pub(crate) fn peek_fed(&self, x: T) -> Option<T> {
        (self.sum.len() + 1 >= self.period()).then(|| self.next(x).1 / self.divisor)
    }

    /// The plain and weighted sums of the window, `(Σ x_i, Σ (i+1)·x_i)` with the newest
    /// weighing `n`, once it is full: the sums a linear regression needs, drift-free.
    #[inline]
    pub(crate) fn sums(&self) -> Option<(T, T)> {
        self.sum
            .is_full()
            .then_some((self.sum.sum(), self.weighted))
    }

    /// What [`sums`](Self::sums) would be after [`feed`](Self::feed)`(x)`, without
    /// committing.
    #[inline]
    pub(crate) fn peek_sums(&self, x: T) -> Option<(T, T)> {
        (self.sum.len() + 1 >= self.period()).then(|| (self.sum.peek_sum(x), self.next(x).1))
    }

    /// Sets every derived sum still in use from the window (already resynchronised by
    /// [`RollingSum`]), with exactly the operations of the pushes that produced them: a
    /// state reached by pushes is left bit for bit as it was.
    #[cfg(feature = "serde")]
    fn resync(&mut self) {
        let period = self.period();
        let written = self.sum.write_index();
        let full = self.sum.is_full();
        if full {
            rebuild_weighted_suffixes(&mut self.weighted_suffix, self.sum.slots(), written);
        } else {
            // Never rebuilt: the zeros of construction.
            self.weighted_suffix.fill(T::zero());
        }
        if let Some(last) = self.weighted_suffix.last_mut() {
            *last = T::zero();
        }
        // The values the last push saw as recent: all of them right after a rebuild.
        let count = if full && written == 0 {
            period
        } else {
            written
        };
        let recent_values = self.sum.slots().get(..count).unwrap_or_default();
        let (recent_weighted, recent) = recent_values
            .iter()
            .enumerate()
            .fold((T::zero(), T::zero()), |(weighted, plain), (index, &x)| {
                (weighted + from_usize::<T>(index + 1) * x, plain + x)
            });
        self.weighted = if count == 0 {
            T::zero()
        } else {
            let k: T = from_usize(count);
            let old_weighted = self
                .weighted_suffix
                .get(count)
                .copied()
                .unwrap_or_else(T::zero);
            let old = if count == period {
                T::zero()
            } else {
                self.sum.old_block_sum(count)
            };
            (old_weighted - k * old) + (recent_weighted + from_usize::<T>(period - count) * recent)
        };
        self.average = self.weighted / self.divisor;
        self.recent_weighted = if written == 0 {
            T::zero()
        } else {
            recent_weighted
        };
    }
}

/// Recomputes the weighted suffix sums `Σ_{i≥k} (i+1)·slot_i` of storage slots `from..`,
/// newest first: after a rebuild of the plain sums (from slot 0), and on load for the sums
/// still in use. Out of line, and given only the arrays.
#[cold]
#[inline(never)]
fn rebuild_weighted_suffixes<T: Real>(weighted_suffix: &mut [T], slots: &[T], from: usize) {
    let mut running = T::zero();
    // The weight `index + 1`, counted down from `n` (no conversion per value).
    let mut weight: T = from_usize(slots.len());
    let pairs = weighted_suffix.iter_mut().zip(slots).enumerate().rev();
    for (_, (suffix, &x)) in pairs.take_while(|&(index, _)| index >= from) {
        running = running + weight * x;
        *suffix = running;
        weight = weight - T::one();
    }
}

impl<T: Real> Indicator for Wma<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.feed(x)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.peek_fed(x)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.sum.is_full().then_some(self.average)
    }

    fn reset(&mut self) {
        self.sum.clear();
        self.weighted_suffix.fill(T::zero());
        self.recent_weighted = T::zero();
        self.average = T::zero();
        self.weighted = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Wma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WmaState<T: Real> {
    sum: RollingSum<T>,
    weighted_suffix: Vec<T>,
    recent_weighted: T,
    average: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<WmaState<T>> for Wma<T> {
    type Error = Error;

    /// The plain sums are checked by [`RollingSum`]; the weighted ones here, the same way.
    fn try_from(state: WmaState<T>) -> Result<Self, Error> {
        Self::load(state, None)
    }
}

#[cfg(feature = "serde")]
impl<T: Real> Wma<T> {
    /// Loads a saved state whose window holds usable inputs (`fed_limit` `None`), or, for a
    /// WMA updated through [`feed`](Self::feed), finite values of magnitude at most
    /// `fed_limit`.
    pub(crate) fn load(state: WmaState<T>, fed_limit: Option<T>) -> Result<Self, Error> {
        let acceptable = |x: T| match fed_limit {
            None => x.is_usable(),
            Some(limit) => x.is_finite() && x.abs() <= limit,
        };
        let period = state.sum.period();
        let slots = state.sum.slots();
        let pushed = state.sum.write_index();
        let weighted = |from: usize, to: usize| {
            (from..to).fold(T::zero(), |sum, i| {
                sum + from_usize::<T>(i + 1) * slots.get(i).copied().unwrap_or_else(T::zero)
            })
        };
        let magnitude = slots.iter().fold(T::zero(), |m, x| m + x.abs()) * from_usize(period);
        let tolerance = magnitude * T::epsilon() * from_usize::<T>(4 * (period + 1));
        let near = |stored: T, exact: T| stored.is_finite() && (stored - exact).abs() <= tolerance;
        let filled = state.sum.is_full();
        // The stored average is only an output once the window is full.
        let exact_average = state
            .sum
            .iter()
            .enumerate()
            .fold(T::zero(), |sum, (i, x)| sum + from_usize::<T>(i + 1) * x)
            / Self::divisor(period);
        let average_ok = state.average.is_finite()
            && (!filled
                || (state.average - exact_average).abs()
                    <= tolerance / Self::divisor(period) + T::epsilon() * exact_average.abs());
        // Only usable inputs are ever pushed: they bound every weighted sum.
        let mut consistent = state.sum.iter().all(acceptable)
            && state.weighted_suffix.len() == period + 1
            && near(state.recent_weighted, weighted(0, pushed))
            && average_ok;
        for (slot, &stored) in state.weighted_suffix.iter().enumerate().skip(pushed) {
            let exact = if filled {
                weighted(slot, period)
            } else {
                T::zero()
            };
            consistent &= near(stored, exact);
        }
        if !consistent {
            return Err(crate::error::invalid_state(
                "WMA weighted sums do not match the values in its window",
            ));
        }
        let mut loaded = Self {
            sum: state.sum,
            weighted_suffix: state.weighted_suffix,
            recent_weighted: state.recent_weighted,
            average: state.average,
            weighted: T::zero(),
            divisor: Self::divisor(period),
        };
        loaded.resync();
        let finite = loaded.average.is_finite()
            && loaded.weighted.is_finite()
            && loaded.recent_weighted.is_finite()
            && loaded.weighted_suffix.iter().all(|x| x.is_finite());
        if !finite {
            return Err(crate::error::invalid_state(
                "WMA weighted sums of its window overflow",
            ));
        }
        Ok(loaded)
    }
}
