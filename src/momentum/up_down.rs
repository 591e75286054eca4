//! The shared core of [`Cmou`](super::Cmou), [`Imi`](super::Imi) and [`Mfi`](super::Mfi):
//! the window sums of the "up" and the "down" parts of the last `n` updates (gains and
//! losses, white and black candle bodies, positive and negative money flow).

use crate::window::RollingSum;
use crate::{Error, Real};

/// Two drift-free [`RollingSum`]s over the same `n` updates: `U = Σ up`, `D = Σ down`.
/// Each update pushes one value into each (one of them usually 0), so both always hold the
/// same number of values.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct UpDown<T: Real> {
    ups: RollingSum<T>,
    downs: RollingSum<T>,
}

impl<T: Real> UpDown<T> {
    pub(crate) fn new(period: usize) -> Result<Self, Error> {
        Ok(Self {
            ups: RollingSum::new_generic(period)?,
            downs: RollingSum::new_generic(period)?,
        })
    }

    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            ups: RollingSum::with_valid_period(period),
            downs: RollingSum::with_valid_period(period),
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.ups.period()
    }

    /// Pushes one update's parts; `(U, D)` once `n` updates are in the window.
    #[inline(always)]
    pub(crate) fn push(&mut self, up: T, down: T) -> Option<(T, T)> {
        self.ups.push_inlined(up);
        self.downs.push_inlined(down);
        self.sums()
    }

    /// `(U, D)` as [`push`](Self::push) would return them, without committing.
    #[inline]
    pub(crate) fn peek(&self, up: T, down: T) -> Option<(T, T)> {
        (self.ups.len() + 1 >= self.ups.period())
            .then(|| (self.ups.peek_sum(up), self.downs.peek_sum(down)))
    }

    /// `(U, D)` once the window is full.
    #[inline]
    pub(crate) fn sums(&self) -> Option<(T, T)> {
        self.ups
            .is_full()
            .then(|| (self.ups.sum(), self.downs.sum()))
    }

    /// Updates in the window (at most `n`).
    #[cfg(feature = "serde")]
    pub(crate) fn len(&self) -> usize {
        self.ups.len()
    }

    pub(crate) fn clear(&mut self) {
        self.ups.clear();
        self.downs.clear();
    }

    /// A loaded state is one that pushes can make: both windows of one period and length,
    /// every part in `0..=largest`, and at most one non-zero part per update when `exclusive`
    /// (a change is a gain or a loss, not both).
    #[cfg(feature = "serde")]
    pub(crate) fn is_consistent(&self, largest: T, exclusive: bool) -> bool {
        let part_ok = |x: T| x >= T::zero() && x <= largest;
        self.ups.period() == self.downs.period()
            && self.ups.len() == self.downs.len()
            && self.ups.iter().all(part_ok)
            && self.downs.iter().all(part_ok)
            && (!exclusive
                || self
                    .ups
                    .iter()
                    .zip(self.downs.iter())
                    .all(|(u, d)| u == T::zero() || d == T::zero()))
    }
}

/// `100·(U − D)/(U + D)` in `−100..=100`, and 0 when `U + D = 0` (TA-Lib's answer, an exact
/// test as TA-Lib's): the Chande momentum oscillator of [`Cmo`](super::Cmo) and
/// [`Cmou`](super::Cmou).
#[inline]
pub(crate) fn chande<T: Real>(up: T, down: T) -> T {
    let total = up + down;
    if total == T::zero() {
        T::zero()
    } else {
        // |U − D| ≤ U + D, and rounding is monotonic: the ratio is within −1..=1.
        crate::float::lit::<T>(100.0) * ((up - down) / total)
    }
}

/// `100·U/(U + D)` in `0..=100`, or `flat` when `U + D = 0`.
#[inline]
pub(crate) fn share<T: Real>(up: T, down: T, flat: T) -> T {
    let total = up + down;
    if total == T::zero() {
        flat
    } else {
        crate::float::lit::<T>(100.0) * (up / total)
    }
}
