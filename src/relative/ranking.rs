//! Cross-sectional ranking of relative-strength values (IBD-style RS ratings).

use crate::float::{from_usize, lit};
use crate::Real;

/// IBD-style raw relative-strength score of one asset from its daily closes, oldest first:
/// `0.4·C/C₆₃ + 0.2·C/C₁₂₆ + 0.2·C/C₁₈₉ + 0.2·C/C₂₅₂`, where `C` is the last close and
/// `C_k` the close `k` bars before it.
///
/// Rank the scores of a universe with [`percentile_ranks`] to get ratings 1–99. IBD's exact
/// formula is proprietary; this is the common reconstruction (TC2000 / StockFetcher), the
/// latest quarter weighted double.
///
/// Returns `None` with fewer than 253 closes, or when a close used is not positive and
/// usable (`1e-150..=1e150` for `f64`, see [`Real`](crate::Real)); each term is then a
/// ratio of two usable closes, so the score is finite.
///
/// ```
/// use ta_stream::relative::ibd_score;
///
/// let flat = vec![50.0; 253];
/// assert_eq!(ibd_score(&flat), Some(1.0));
/// let doubled: Vec<f64> = (0..253).map(|i| if i == 252 { 100.0 } else { 50.0 }).collect();
/// assert_eq!(ibd_score(&doubled), Some(2.0));
/// assert_eq!(ibd_score(&flat[..252]), None);
/// ```
pub fn ibd_score<T: Real>(closes: &[T]) -> Option<T> {
    let last_index = closes.len().checked_sub(1)?;
    let close_at = |lag: usize| -> Option<T> {
        let close = *closes.get(last_index.checked_sub(lag)?)?;
        (close.is_usable() && close > T::zero()).then_some(close)
    };
    let c = close_at(0)?;
    let weighted =
        |lag: usize, weight: f64| -> Option<T> { Some(lit::<T>(weight) * c / close_at(lag)?) };
    Some(weighted(63, 0.4)? + weighted(126, 0.2)? + weighted(189, 0.2)? + weighted(252, 0.2)?)
}

/// Cross-sectional percentile ratings 1–99 of a universe's relative-strength values (IBD
/// style: 99 = stronger than 99 % of the universe).
///
/// # Formula
///
/// Among the `N` usable values (NaN and infinities are skipped and rated `None`), a value
/// with `b` values strictly below it and `e` other values equal to it has the rank
/// `q = (b + e/2)/(N − 1)` in `[0, 1]` and the rating `round(1 + 98·q)`: the weakest gets 1,
/// the strongest 99, ties share the average rating, and a universe of one value gets 50.
///
/// The input can be any relative-strength measure where higher is stronger: [`ibd_score`],
/// a [`PerformanceSpread`](super::PerformanceSpread), [`Mansfield`](super::Mansfield) RS.
/// O(N log N); the output has one entry per input, in the input's order. For indicator
/// outputs held as `Option`s, use [`percentile_ranks_of`].
///
/// # Example
///
/// ```
/// use ta_stream::relative::percentile_ranks;
///
/// let spreads = [4.0, -1.0, f64::NAN, 2.5, 2.5, 0.0];
/// assert_eq!(
///     percentile_ranks(&spreads),
///     [Some(99), Some(1), None, Some(62), Some(62), Some(26)],
/// );
/// assert_eq!(percentile_ranks(&[3.0]), [Some(50)]);
/// ```
///
/// # Links
///
/// Investor's Business Daily, "Relative Strength Rating".
#[doc(alias = "RS rating")]
#[doc(alias = "IBD")]
pub fn percentile_ranks<T: Real>(values: &[T]) -> Vec<Option<u8>> {
    rank(values.len(), |i| values.get(i).copied())
}

/// [`percentile_ranks`] of indicator outputs as you hold them, `Option`s: a `None` (an
/// asset still warming up) is skipped and rated `None`, like a NaN. Same formula, same
/// ratings as [`percentile_ranks`] of the `Some` values, one entry per input, in order.
///
/// ```
/// use ta_stream::relative::{percentile_ranks, percentile_ranks_of};
///
/// // The latest PerformanceSpread of five assets, one of them too new to have one.
/// let spreads = [Some(4.0), None, Some(-1.0), Some(2.5), Some(0.0)];
/// assert_eq!(
///     percentile_ranks_of(&spreads),
///     [Some(99), None, Some(1), Some(66), Some(34)],
/// );
/// assert_eq!(percentile_ranks_of(&spreads[2..]), percentile_ranks(&[-1.0, 2.5, 0.0]));
/// ```
pub fn percentile_ranks_of<T: Real>(values: &[Option<T>]) -> Vec<Option<u8>> {
    rank(values.len(), |i| values.get(i).copied().flatten())
}

/// The ratings of `len` values read by `value_at` (`None`, NaN and infinities rated `None`).
fn rank<T: Real>(len: usize, value_at: impl Fn(usize) -> Option<T>) -> Vec<Option<u8>> {
    let mut order: Vec<usize> = (0..len)
        .filter(|&i| value_at(i).is_some_and(|v| v.is_finite()))
        .collect();
    let value = |i: usize| value_at(i).unwrap_or_else(T::zero);
    order.sort_by(|&a, &b| value(a).total_cmp_real(value(b)));
    let mut ratings = vec![None; len];
    let usable = order.len();
    let mut start = 0;
    while start < usable {
        let tied = order.get(start).map_or(T::zero(), |&i| value(i));
        let end = start
            + order
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&i| value(i) == tied)
                .count();
        // `start` values below, `end − start − 1` others equal.
        let rating = if usable < 2 {
            50
        } else {
            let below: T = from_usize(start);
            let equal: T = from_usize(end - start - 1);
            let q = (below + equal * lit(0.5)) / from_usize(usable - 1);
            let score = (T::one() + lit::<T>(98.0) * q).round();
            score.to_u8().unwrap_or(50).clamp(1, 99)
        };
        for &i in order.get(start..end).unwrap_or_default() {
            if let Some(slot) = ratings.get_mut(i) {
                *slot = Some(rating);
            }
        }
        start = end.max(start + 1);
    }
    ratings
}

/// A total order on finite floats (the only ones sorted here).
trait TotalCmp {
    fn total_cmp_real(self, other: Self) -> core::cmp::Ordering;
}

impl<T: Real> TotalCmp for T {
    fn total_cmp_real(self, other: Self) -> core::cmp::Ordering {
        self.partial_cmp(&other)
            .unwrap_or(core::cmp::Ordering::Equal)
    }
}
