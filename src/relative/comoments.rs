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

/// Statistics of one suffix of the old block, as deviations from the block's newest pair.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Suffix<T> {
    mean_x: T,
    mean_y: T,
    xx: T,
    yy: T,
    xy: T,
}

/// Plain sums of the deviations of the pairs pushed since the last rebuild from the first of
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Recent<T> {
    x: T,
    y: T,
    xx: T,
    yy: T,
    xy: T,
}

/// The co-moments of the last `period` pairs in O(1) amortized, without drift.
///
/// The window is split into an old block, whose suffix statistics are rebuilt exactly every
/// `period` pushes, and the pairs pushed since; the two groups are merged with Chan et al.'s
/// pairwise formula `C = C_a + C_b + δx·δy·n_a·n_b/n`. Every deviation is taken from a value
/// inside its own group, so nothing is ever subtracted from a running total and
/// `E[xy] − E[x]E[y]` of raw prices never appears.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CoMomentsState<T>")
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
    /// `old[i]`: statistics of slots `i..` at the last rebuild (zeros before the first).
    old: Vec<Suffix<T>>,
    /// Sums over the pairs pushed since the last rebuild.
    recent: Recent<T>,
    /// Co-moments of the window after the last push.
    current: Moments<T>,
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
            old: vec![Suffix::default(); period],
            recent: Recent::default(),
            current: Moments::default(),
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

    /// `(recent sums, co-moments)` after pushing `(x, y)`; shared by `push` and `peek`.
    #[inline]
    fn next(&self, x: T, y: T) -> (Recent<T>, Moments<T>) {
        let period = self.xs.len();
        let pushed = self.next + 1;
        let (shift_x, shift_y) = if self.next == 0 {
            (x, y)
        } else {
            (
                self.xs.first().copied().unwrap_or(x),
                self.ys.first().copied().unwrap_or(y),
            )
        };
        let (dx, dy) = (x - shift_x, y - shift_y);
        let r = self.recent;
        let recent = Recent {
            x: r.x + dx,
            y: r.y + dy,
            xx: r.xx + dx * dx,
            yy: r.yy + dy * dy,
            xy: r.xy + dx * dy,
        };
        let count: T = from_usize(pushed);
        let (mean_x, mean_y) = (recent.x / count, recent.y / count);
        let own = Moments {
            xx: (recent.xx - recent.x * mean_x).max(T::zero()),
            yy: (recent.yy - recent.y * mean_y).max(T::zero()),
            xy: recent.xy - recent.x * mean_y,
        };
        let old = if self.is_full() { period - pushed } else { 0 };
        if old == 0 {
            return (recent, own);
        }
        let anchor_x = self.xs.last().copied().unwrap_or(shift_x);
        let anchor_y = self.ys.last().copied().unwrap_or(shift_y);
        let suffix = self.old.get(pushed).copied().unwrap_or_default();
        let delta_x = (shift_x - anchor_x) + (mean_x - suffix.mean_x);
        let delta_y = (shift_y - anchor_y) + (mean_y - suffix.mean_y);
        let weight = from_usize::<T>(old) * (count / from_usize(period));
        let moments = Moments {
            xx: suffix.xx + own.xx + delta_x * delta_x * weight,
            yy: suffix.yy + own.yy + delta_y * delta_y * weight,
            xy: suffix.xy + own.xy + delta_x * delta_y * weight,
        };
        (recent, moments)
    }

    /// Pushes a usable pair, evicting the oldest once full.
    #[inline]
    pub(crate) fn push(&mut self, x: T, y: T) {
        (self.recent, self.current) = self.next(x, y);
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
        }
    }

    /// The window is exactly one block in chronological order: rebuild its suffix
    /// statistics as deviations from its newest pair. O(n), once every `n` pushes.
    fn rebuild(&mut self) {
        let anchor_x = self.xs.last().copied().unwrap_or_else(T::zero);
        let anchor_y = self.ys.last().copied().unwrap_or_else(T::zero);
        let mut sums = Recent::<T>::default();
        let pairs = self.xs.iter().zip(&self.ys);
        for (count, (suffix, (&x, &y))) in self.old.iter_mut().zip(pairs).rev().enumerate() {
            let (dx, dy) = (x - anchor_x, y - anchor_y);
            sums.x = sums.x + dx;
            sums.y = sums.y + dy;
            sums.xx = sums.xx + dx * dx;
            sums.yy = sums.yy + dy * dy;
            sums.xy = sums.xy + dx * dy;
            let k: T = from_usize(count + 1);
            let (mean_x, mean_y) = (sums.x / k, sums.y / k);
            *suffix = Suffix {
                mean_x,
                mean_y,
                xx: (sums.xx - sums.x * mean_x).max(T::zero()),
                yy: (sums.yy - sums.y * mean_y).max(T::zero()),
                xy: sums.xy - sums.x * mean_y,
            };
        }
        self.recent = Recent::default();
        self.next = 0;
    }

    /// The co-moments after pushing `(x, y)`, `None` if the window would not be full.
    #[inline]
    pub(crate) fn peek(&self, x: T, y: T) -> Option<Moments<T>> {
        (self.len + 1 >= self.xs.len()).then(|| self.next(x, y).1)
    }

    /// The co-moments of the window, `None` until it is full.
    #[inline]
    pub(crate) fn moments(&self) -> Option<Moments<T>> {
        self.is_full().then_some(self.current)
    }

    /// Empties the window.
    pub(crate) fn clear(&mut self) {
        self.xs.fill(T::zero());
        self.ys.fill(T::zero());
        self.old.fill(Suffix::default());
        self.next = 0;
        self.len = 0;
        self.recent = Recent::default();
        self.current = Moments::default();
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CoMomentsState<T: Real> {
    xs: Vec<T>,
    ys: Vec<T>,
    next: usize,
    len: usize,
    old: Vec<Suffix<T>>,
    recent: Recent<T>,
    current: Moments<T>,
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
        let mut sums = Recent::<T>::default();
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
        Ok(Self {
            xs: state.xs,
            ys: state.ys,
            next: state.next,
            len: state.len,
            old: state.old,
            recent: state.recent,
            current: state.current,
        })
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
