//! Rolling second moments of a window of pairs, for [`Beta`](super::Beta) and
//! [`Correlation`](super::Correlation): the same drift-free block scheme as
//! [`Variance`](crate::volatility::Variance), extended to the cross term.

use crate::error::check_period;
use crate::float::from_usize;
use crate::{Error, Real};

/// Centred second moments of the window: `Σ(x − x̄)²`, `Σ(y − ȳ)²`, `Σ(x − x̄)(y − ȳ)`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Moments<T> {
    /// `Σ (x − x̄)²`.
    pub(crate) xx: T,
    /// `Σ (y − ȳ)²`.
    pub(crate) yy: T,
    /// `Σ (x − x̄)(y − ȳ)`.
    pub(crate) xy: T,
}

/// Plain sums of deviations `dx = x − ax`, `dy = y − ay` from a shift `(ax, ay)`:
/// `Σdx`, `Σdy`, `Σdx²`, `Σdy²`, `Σdx·dy`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Sums<T> {
    x: T,
    y: T,
    xx: T,
    yy: T,
    xy: T,
}

impl<T: Real> Sums<T> {
    /// The sums with the pair `(x, y)` added, as deviations from `(ax, ay)`.
    #[inline]
    fn with(self, (x, y): (T, T), (ax, ay): (T, T)) -> Self {
        let (dx, dy) = (x - ax, y - ay);
        Self {
            x: self.x + dx,
            y: self.y + dy,
            xx: self.xx + dx * dx,
            yy: self.yy + dy * dy,
            xy: self.xy + dx * dy,
        }
    }

    /// Field by field `self + other`.
    #[inline]
    fn plus(self, other: Self) -> Self {
        Self {
            x: self.x + other.x,
            y: self.y + other.y,
            xx: self.xx + other.xx,
            yy: self.yy + other.yy,
            xy: self.xy + other.xy,
        }
    }

    /// The centred moments of the `n` pairs summed, `1/n` given: `Σdx² − Σdx·(Σdx/n)`, ...
    /// (the squares floored at 0 against rounding).
    #[inline]
    fn moments(self, inverse_count: T) -> Moments<T> {
        let (mean_x, mean_y) = (self.x * inverse_count, self.y * inverse_count);
        Moments {
            xx: (self.xx - self.x * mean_x).max(T::zero()),
            yy: (self.yy - self.y * mean_y).max(T::zero()),
            xy: self.xy - self.x * mean_y,
        }
    }
}

/// The co-moments of the last `period` pairs in O(1) amortized, without drift.
///
/// The window is split into an old block, whose suffix sums are rebuilt exactly every
/// `period` pushes, and the pairs pushed since. Both groups are summed as deviations from
/// one shift inside the window, the old block's newest pair (on the push that completes a
/// block, the newest pair), and the moments are `Σdx² − Σdx·Σdx/n` and so on, with `1/n`
/// computed once: no division per push. Since the shift is in the window,
/// `Σdx² ≤ (n + 1)·Σ(x − x̄)²` bounds the cancellation (see
/// [`Variance`](crate::volatility::Variance)); nothing is ever subtracted from a running
/// total, and `E[xy] − E[x]E[y]` of raw prices never appears.
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CoMomentsState<T>", into = "CoMomentsState<T>")
)]
pub(crate) struct CoMoments<T: Real> {
    /// `x` values in storage order (zeros for slots not written yet).
    xs: Vec<T>,
    /// `y` values, same slots.
    ys: Vec<T>,
    /// The slot the next push writes (pushes since the last rebuild).
    next: usize,
    /// Pairs in the window, saturating at the period.
    len: usize,
    /// `old[i]`: sums over slots `i..` at the last rebuild, as deviations from the anchor
    /// (the last slot), added newest first. Zeros before the first rebuild; entries of
    /// overwritten slots are never read again.
    old: Vec<Sums<T>>,
    /// Sums over the pairs pushed since the last rebuild, from the anchor.
    recent: Sums<T>,
    /// Co-moments of the window after the last push (not the window's before it first
    /// fills, when the anchor is not in it yet and nothing reads them).
    current: Moments<T>,
    /// `1 / period`, computed once.
    inverse_period: T,
}

impl<T: Real> CoMoments<T> {
    /// An empty window of `period` pairs.
    pub(crate) fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            xs: vec![T::zero(); period],
            ys: vec![T::zero(); period],
            next: 0,
            len: 0,
            old: vec![Sums::default(); period],
            recent: Sums::default(),
            current: Moments::default(),
            inverse_period: T::one() / from_usize(period),
        })
    }

    /// The window length.
    pub(crate) fn period(&self) -> usize {
        self.xs.len()
    }

    /// Pairs in the window.
    #[cfg(feature = "serde")]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn is_full(&self) -> bool {
        self.len == self.xs.len()
    }

    /// The shift of every deviation: the last slot (zeros before the window first fills).
    #[inline]
    fn anchor(&self) -> (T, T) {
        (
            self.xs.last().copied().unwrap_or_else(T::zero),
            self.ys.last().copied().unwrap_or_else(T::zero),
        )
    }

    /// The moments of the old block's slots `from..` and the recent pairs summed in `recent`.
    #[inline]
    fn merged(&self, from: usize, recent: Sums<T>) -> Moments<T> {
        let old = self.old.get(from).copied().unwrap_or_default();
        old.plus(recent).moments(self.inverse_period)
    }

    /// The co-moments after pushing `(x, y)`, without committing: the push's arithmetic.
    #[inline]
    fn next_moments(&self, x: T, y: T) -> Moments<T> {
        let pushed = self.next + 1;
        if pushed < self.xs.len() {
            return self.merged(pushed, self.recent.with((x, y), self.anchor()));
        }
        // `(x, y)` completes the block: the rebuild's sums of the whole window about it,
        // newest first (O(n), once every `n` peeks).
        let older = self.xs.iter().zip(&self.ys).take(pushed - 1).rev();
        let first = Sums::default().with((x, y), (x, y));
        older
            .fold(first, |sums, (&ox, &oy)| sums.with((ox, oy), (x, y)))
            .moments(self.inverse_period)
    }

    /// Pushes a usable pair, evicting the oldest once full.
    #[inline]
    pub(crate) fn push(&mut self, x: T, y: T) {
        if let Some(slot) = self.xs.get_mut(self.next) {
            *slot = x;
        }
        if let Some(slot) = self.ys.get_mut(self.next) {
            *slot = y;
        }
        self.next += 1;
        if self.len < self.xs.len() {
            self.len += 1;
        }
        if self.next == self.xs.len() {
            self.rebuild();
        } else {
            self.recent = self.recent.with((x, y), self.anchor());
            self.current = self.merged(self.next, self.recent);
        }
    }

    /// The window is exactly one block in chronological order: rebuild its suffix sums as
    /// deviations from its newest pair, O(n) once every `n` pushes; the window's moments
    /// are the first suffix's. Out of line: inlined, its loop made the push too large for
    /// `Beta`'s update to inline it.
    #[inline(never)]
    fn rebuild(&mut self) {
        self.rebuild_suffixes(0);
        self.recent = Sums::default();
        self.next = 0;
        self.current = self.whole_block_moments();
    }

    /// The moments of the whole old block, from its first suffix sums: the window's right
    /// after a rebuild.
    fn whole_block_moments(&self) -> Moments<T> {
        let whole = self.old.first().copied().unwrap_or_default();
        whole.moments(self.inverse_period)
    }

    /// Recomputes the suffix sums of slots `from..`, newest first (the rebuild's loop, also
    /// used on load for the suffixes still in use).
    fn rebuild_suffixes(&mut self, from: usize) {
        let anchor = self.anchor();
        let pairs = self.xs.iter().zip(&self.ys);
        let mut sums = Sums::default();
        for (suffix, (&x, &y)) in self.old.iter_mut().zip(pairs).skip(from).rev() {
            sums = sums.with((x, y), anchor);
            *suffix = sums;
        }
    }

    /// The co-moments after pushing `(x, y)`, `None` if the window would not be full.
    #[inline]
    pub(crate) fn peek(&self, x: T, y: T) -> Option<Moments<T>> {
        (self.len + 1 >= self.xs.len()).then(|| self.next_moments(x, y))
    }

    /// The co-moments of the window, `None` until it is full.
    #[inline]
    pub(crate) fn moments(&self) -> Option<Moments<T>> {
        self.is_full().then_some(self.current)
    }

    /// The suffix sums a later push may read: those of the old block's slots still in the
    /// window (none before the first rebuild).
    fn suffixes_in_use(&self) -> &[Sums<T>] {
        let from = if self.is_full() {
            self.next
        } else {
            self.xs.len()
        };
        self.old.get(from..).unwrap_or_default()
    }

    /// Sets every sum still in use and the moments from the window, with exactly the
    /// operations of the pushes that produced them: a state reached by pushes is left as it
    /// was (see `PartialEq`).
    #[cfg(feature = "serde")]
    fn resync(&mut self) {
        let full = self.is_full();
        self.old.fill(Sums::default());
        if full {
            self.rebuild_suffixes(self.next);
        }
        let anchor = self.anchor();
        let pairs = self.xs.iter().copied().zip(self.ys.iter().copied());
        self.recent = pairs
            .take(self.next)
            .fold(Sums::default(), |sums, pair| sums.with(pair, anchor));
        self.current = if self.next > 0 {
            self.merged(self.next, self.recent)
        } else if full {
            self.whole_block_moments()
        } else {
            Moments::default()
        };
    }

    /// Empties the window.
    pub(crate) fn clear(&mut self) {
        self.xs.fill(T::zero());
        self.ys.fill(T::zero());
        self.old.fill(Sums::default());
        self.next = 0;
        self.len = 0;
        self.recent = Sums::default();
        self.current = Moments::default();
    }
}

/// Equal windows with equal sums and moments: every suffix sum still in use is a function of
/// the window, so the others are not compared.
impl<T: Real> PartialEq for CoMoments<T> {
    fn eq(&self, other: &Self) -> bool {
        self.xs == other.xs
            && self.ys == other.ys
            && self.next == other.next
            && self.len == other.len
            && self.recent == other.recent
            && self.current == other.current
            && self.suffixes_in_use() == other.suffixes_in_use()
    }
}

/// Statistics of one suffix of the old block in the saved form: means and centred moments
/// of its deviations from the block's newest pair.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Suffix<T> {
    mean_x: T,
    mean_y: T,
    xx: T,
    yy: T,
    xy: T,
}

/// The saved form (the first release's, kept so that saved states load in either
/// direction): the old block's suffix means and moments about its newest pair, the recent
/// pairs' sums about the first of them, and the window's moments. They are derived from the
/// window on saving and checked against it on loading; the sums in use are then recomputed
/// from the window.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CoMomentsState<T: Real> {
    xs: Vec<T>,
    ys: Vec<T>,
    next: usize,
    len: usize,
    /// `old[i]` for the slots still in use (zeros elsewhere).
    old: Vec<Suffix<T>>,
    /// Sums over `slots[..next]`, as deviations from `slots[0]`.
    recent: Sums<T>,
    current: Moments<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> From<CoMoments<T>> for CoMomentsState<T> {
    fn from(moments: CoMoments<T>) -> Self {
        let period = moments.period();
        let mut old = vec![Suffix::default(); period];
        if moments.is_full() {
            let in_use = old
                .iter_mut()
                .zip(&moments.old)
                .enumerate()
                .skip(moments.next);
            for (index, (suffix, sums)) in in_use {
                let count: T = from_usize(period - index);
                let (mean_x, mean_y) = (sums.x / count, sums.y / count);
                *suffix = Suffix {
                    mean_x,
                    mean_y,
                    xx: (sums.xx - sums.x * mean_x).max(T::zero()),
                    yy: (sums.yy - sums.y * mean_y).max(T::zero()),
                    xy: sums.xy - sums.x * mean_y,
                };
            }
        }
        let pairs = moments.xs.iter().copied().zip(moments.ys.iter().copied());
        let first = pairs.clone().next().unwrap_or_default();
        let recent = pairs
            .take(moments.next)
            .fold(Sums::default(), |sums, pair| sums.with(pair, first));
        // Before the window first fills, the pushes' moments are not the window's (nothing
        // reads them); the saved ones are, from the recent sums.
        let current = if moments.is_full() || moments.next == 0 {
            moments.current
        } else {
            recent.moments(T::one() / from_usize(moments.next))
        };
        Self {
            xs: moments.xs,
            ys: moments.ys,
            next: moments.next,
            len: moments.len,
            old,
            recent,
            current,
        }
    }
}

/// Two-pass means and centred moments of `pairs`, as deviations from `(ax, ay)`.
#[cfg(feature = "serde")]
fn two_pass<T: Real>(pairs: &[(T, T)], ax: T, ay: T) -> Suffix<T> {
    if pairs.is_empty() {
        return Suffix::default();
    }
    let n: T = from_usize(pairs.len());
    let (sx, sy) = pairs
        .iter()
        .fold((T::zero(), T::zero()), |(sx, sy), &(x, y)| {
            (sx + (x - ax), sy + (y - ay))
        });
    let (mean_x, mean_y) = (sx / n, sy / n);
    let mut out = Suffix {
        mean_x,
        mean_y,
        ..Suffix::default()
    };
    for &(x, y) in pairs {
        let (dx, dy) = ((x - ax) - mean_x, (y - ay) - mean_y);
        out.xx = out.xx + dx * dx;
        out.yy = out.yy + dy * dy;
        out.xy = out.xy + dx * dy;
    }
    out
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CoMomentsState<T>> for CoMoments<T> {
    type Error = Error;

    /// Checks the shape, then every stored statistic against a two-pass recomputation from
    /// the stored pairs.
    fn try_from(state: CoMomentsState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.xs.len())?;
        let shape_ok = state.ys.len() == period
            && state.old.len() == period
            && state.next < period
            && state.len <= period
            && (state.len == period || state.next == state.len);
        if !shape_ok {
            return Err(crate::error::invalid_state(format!(
                "co-moments of period {period} have {} y slots, {} suffixes, write slot {} and \
                 length {}",
                state.ys.len(),
                state.old.len(),
                state.next,
                state.len
            )));
        }
        let pairs: Vec<(T, T)> = state
            .xs
            .iter()
            .copied()
            .zip(state.ys.iter().copied())
            .collect();
        let full = state.len == period;
        let window: Vec<(T, T)> = if full {
            pairs.clone()
        } else {
            pairs.get(..state.len).unwrap_or_default().to_vec()
        };
        let (rx, ry) = window.first().copied().unwrap_or_default();
        let (spread_x, spread_y) = window
            .iter()
            .fold((T::zero(), T::zero()), |(a, b), &(x, y)| {
                (a + (x - rx) * (x - rx), b + (y - ry) * (y - ry))
            });
        let length: T = from_usize(period + 2);
        let tolerance = T::epsilon() * length * length * crate::float::lit(16.0);
        let near = |stored: T, exact: T, scale: T| {
            stored.is_finite() && (stored - exact).abs() <= tolerance * scale
        };
        let cross_scale = spread_x + spread_y;
        let exact = two_pass(&window, rx, ry);
        let current = state.current;
        // Every value pushed is usable (inputs or returns in the usable range), so every
        // statistic below is finite; a value outside it is refused before any arithmetic.
        if !pairs.iter().all(|&(x, y)| x.is_usable() && y.is_usable()) {
            return Err(crate::error::invalid_state(
                "co-moments hold a value outside the usable range",
            ));
        }
        let mut consistent = pairs
            .iter()
            .skip(state.len)
            .all(|&(x, y)| x == T::zero() && y == T::zero())
            && current.xx >= T::zero()
            && current.yy >= T::zero()
            && near(current.xx, exact.xx, spread_x)
            && near(current.yy, exact.yy, spread_y)
            && near(current.xy, exact.xy, cross_scale);
        // The sums of the values pushed since the rebuild, from the first of them.
        let (fx, fy) = pairs.first().copied().unwrap_or_default();
        let recent_pairs = pairs.get(..state.next).unwrap_or_default();
        let mut sums = Sums::<T>::default();
        let mut magnitude = (T::zero(), T::zero());
        for &(x, y) in recent_pairs {
            let (dx, dy) = (x - fx, y - fy);
            sums.x = sums.x + dx;
            sums.y = sums.y + dy;
            sums.xx = sums.xx + dx * dx;
            sums.yy = sums.yy + dy * dy;
            sums.xy = sums.xy + dx * dy;
            magnitude = (magnitude.0 + dx.abs(), magnitude.1 + dy.abs());
        }
        let r = state.recent;
        consistent &= near(r.x, sums.x, magnitude.0)
            && near(r.y, sums.y, magnitude.1)
            && near(r.xx, sums.xx, sums.xx)
            && near(r.yy, sums.yy, sums.yy)
            && near(r.xy, sums.xy, sums.xx + sums.yy);
        let (ax, ay) = pairs.last().copied().unwrap_or_default();
        for (index, suffix) in state.old.iter().enumerate() {
            if !full {
                consistent &= *suffix == Suffix::default();
            } else if index >= state.next {
                let tail = pairs.get(index..).unwrap_or_default();
                let exact = two_pass(tail, ax, ay);
                let (scale_x, scale_y) =
                    tail.iter().fold((T::zero(), T::zero()), |(a, b), &(x, y)| {
                        (a.max((x - ax).abs()), b.max((y - ay).abs()))
                    });
                // The suffix was summed as deviations from the anchor over its own slots:
                // its rounding is relative to those, not to the whole window, whose other
                // slots will be overwritten while the suffix is still in use.
                let (square_x, square_y) =
                    tail.iter().fold((T::zero(), T::zero()), |(a, b), &(x, y)| {
                        (a + (x - ax) * (x - ax), b + (y - ay) * (y - ay))
                    });
                consistent &= near(suffix.mean_x, exact.mean_x, scale_x)
                    && near(suffix.mean_y, exact.mean_y, scale_y)
                    && suffix.xx >= T::zero()
                    && suffix.yy >= T::zero()
                    && near(suffix.xx, exact.xx, square_x)
                    && near(suffix.yy, exact.yy, square_y)
                    && near(suffix.xy, exact.xy, square_x + square_y);
            }
        }
        if !consistent {
            return Err(crate::error::invalid_state(
                "co-moments do not match the pairs in their window",
            ));
        }
        let mut moments = Self::new(period)?;
        moments.xs = state.xs;
        moments.ys = state.ys;
        moments.next = state.next;
        moments.len = state.len;
        moments.resync();
        Ok(moments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(pairs: &[(f64, f64)]) -> (f64, f64, f64) {
        let n = pairs.len() as f64;
        let mx = pairs.iter().map(|p| p.0).sum::<f64>() / n;
        let my = pairs.iter().map(|p| p.1).sum::<f64>() / n;
        pairs.iter().fold((0.0, 0.0, 0.0), |(a, b, c), &(x, y)| {
            (
                a + (x - mx) * (x - mx),
                b + (y - my) * (y - my),
                c + (x - mx) * (y - my),
            )
        })
    }

    #[test]
    fn every_window_matches_a_two_pass_recomputation() {
        for period in 1..12 {
            let mut moments = CoMoments::new(period).unwrap();
            let pairs: Vec<(f64, f64)> = (0..80)
                .map(|i| {
                    let i = f64::from(i);
                    (
                        1e6 + (i * 0.7).sin() * 3.0,
                        50.0 + (i * 1.3).cos() + 0.01 * i,
                    )
                })
                .collect();
            for (index, &(x, y)) in pairs.iter().enumerate() {
                let peeked = moments.peek(x, y);
                moments.push(x, y);
                assert_eq!(peeked, moments.moments());
                if index + 1 >= period {
                    let window = &pairs[index + 1 - period..=index];
                    let (xx, yy, xy) = naive(window);
                    let got = moments.moments().unwrap();
                    let scale = xx.max(yy).max(1e-300);
                    assert!((got.xx - xx).abs() <= 1e-9 * scale, "{period} {index}");
                    assert!((got.yy - yy).abs() <= 1e-9 * scale, "{period} {index}");
                    assert!((got.xy - xy).abs() <= 1e-9 * scale, "{period} {index}");
                } else {
                    assert!(moments.moments().is_none());
                }
            }
        }
    }

    /// `(n·Σab − Σa·Σb)/n`, exactly in `i128`, rounded once.
    fn exact_comoment(a: &[i64], b: &[i64]) -> f64 {
        let n = a.len() as i128;
        let (sa, sb): (i128, i128) = (
            a.iter().map(|&v| i128::from(v)).sum(),
            b.iter().map(|&v| i128::from(v)).sum(),
        );
        let sab: i128 = a
            .iter()
            .zip(b)
            .map(|(&u, &v)| i128::from(u) * i128::from(v))
            .sum();
        (n * sab - sa * sb) as f64 / n as f64
    }

    /// The shift is the old block's newest pair: the worst case is an outlier there (1e12
    /// among values of 1e8 ± 500, a window of 500). Every window's moments against exact
    /// integer arithmetic, while the outlier is the shift and after it has left.
    #[test]
    fn an_outlier_as_the_shift_keeps_the_digits() {
        let period = 500;
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            100_000_000 + (state % 1001) as i64 - 500
        };
        let pairs: Vec<(i64, i64)> = (0..4 * period)
            .map(|i| {
                let y = next();
                let x = if i == 2 * period - 1 {
                    1_000_000_000_000
                } else {
                    (next() + y) / 2
                };
                (x, y)
            })
            .collect();
        let mut moments = CoMoments::new(period).unwrap();
        for (index, &(x, y)) in pairs.iter().enumerate() {
            moments.push(x as f64, y as f64);
            let Some(got) = moments.moments() else {
                continue;
            };
            let window = &pairs[index + 1 - period..=index];
            let xs: Vec<i64> = window.iter().map(|p| p.0).collect();
            let ys: Vec<i64> = window.iter().map(|p| p.1).collect();
            let (xx, yy, xy) = (
                exact_comoment(&xs, &xs),
                exact_comoment(&ys, &ys),
                exact_comoment(&xs, &ys),
            );
            assert!(
                (got.xx - xx).abs() <= 1e-11 * xx,
                "xx at {index}: {} vs {xx}",
                got.xx
            );
            assert!(
                (got.yy - yy).abs() <= 1e-11 * yy,
                "yy at {index}: {} vs {yy}",
                got.yy
            );
            assert!(
                (got.xy - xy).abs() <= 1e-11 * (xx * yy).sqrt(),
                "xy at {index}: {} vs {xy}",
                got.xy
            );
        }
    }

    #[test]
    fn a_spike_leaves_no_trace() {
        let mut moments = CoMoments::new(5).unwrap();
        for i in 0..40 {
            let x = if i == 7 { 1e15 } else { f64::from(i % 3) };
            moments.push(x, f64::from(i % 2));
        }
        let window: Vec<(f64, f64)> = (35..40)
            .map(|i| (f64::from(i % 3), f64::from(i % 2)))
            .collect();
        let (xx, yy, xy) = naive(&window);
        let got = moments.moments().unwrap();
        assert!((got.xx - xx).abs() < 1e-12);
        assert!((got.yy - yy).abs() < 1e-12);
        assert!((got.xy - xy).abs() < 1e-12);
    }
}
