//! The shared core of [`Cmou`](super::Cmou), [`Imi`](super::Imi) and [`Mfi`](super::Mfi):
//! the window sums of the "up" and the "down" parts of the last `n` updates (gains and
//! losses, white and black candle bodies, positive and negative money flow).

use crate::window::InPlaceSum;
use crate::{Error, Real};

/// Two drift-free window sums over the same `n` updates: `U = Σ up`, `D = Σ down`. Each
/// update pushes one value into each (one of them usually 0), so both always hold the same
/// number of values. Each is an [`InPlaceSum`] (one array of `n`: the values since the last
/// block and the old block's suffix sums), whose sums are those of
/// [`RollingSum`](crate::window::RollingSum) bit for bit.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "UpDownState<T>"))]
pub(crate) struct UpDown<T: Real> {
    ups: InPlaceSum<T>,
    downs: InPlaceSum<T>,
}

impl<T: Real> UpDown<T> {
    pub(crate) fn new(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(crate::error::check_period(
            "period", period,
        )?))
    }

    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            ups: InPlaceSum::with_valid_period(period),
            downs: InPlaceSum::with_valid_period(period),
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

    /// [`push`](Self::push) of each pair `(ups[i], downs[i])` in order, each replaced by
    /// the sums `(U, D)` after its push (for a window already full, where every push gives
    /// its sums).
    #[inline]
    pub(crate) fn push_in_place(&mut self, ups: &mut [T], downs: &mut [T]) {
        self.ups.push_both_in_place(&mut self.downs, ups, downs);
    }

    /// `(U, D)` as [`push`](Self::push) would return them, without committing.
    #[inline]
    pub(crate) fn peek(&self, up: T, down: T) -> Option<(T, T)> {
        self.ups
            .fills_with_next()
            .then(|| (self.ups.peek_sum(up), self.downs.peek_sum(down)))
    }

    /// `(U, D)` once the window is full.
    #[inline]
    pub(crate) fn sums(&self) -> Option<(T, T)> {
        self.ups
            .is_full()
            .then(|| (self.ups.sum(), self.downs.sum()))
    }

    /// `true` once `n` updates are in the window.
    #[inline]
    pub(crate) fn is_full(&self) -> bool {
        self.ups.is_full()
    }

    /// `true` before the first update.
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        self.ups.is_empty()
    }

    pub(crate) fn clear(&mut self) {
        self.ups.clear();
        self.downs.clear();
    }

    /// A loaded state is one that pushes can make, within rounding where only suffix sums
    /// remain: both windows of one period and position; every stored number (part, suffix
    /// sum, sum) non-negative, so that every later sum is too; every part recovered in
    /// `0..=largest`; and at most one non-zero part per update when `exclusive` (a change is
    /// a gain or a loss, not both).
    #[cfg(feature = "serde")]
    pub(crate) fn is_consistent(&self, largest: T, exclusive: bool) -> bool {
        let (ups, downs) = (self.ups.window_values(), self.downs.window_values());
        let part_ok = |&(x, error): &(T, T)| x >= -error && x <= largest + error;
        let non_negative = |x: T| x >= T::zero();
        self.ups.same_position(&self.downs)
            && self.ups.all_stored(non_negative)
            && self.downs.all_stored(non_negative)
            && ups.iter().all(part_ok)
            && downs.iter().all(part_ok)
            && (!exclusive
                || ups
                    .iter()
                    .zip(&downs)
                    .all(|(&(u, u_error), &(d, d_error))| u.abs() <= u_error || d.abs() <= d_error))
    }
}

/// The saved form: the two sums' own (see [`InPlaceSum`]).
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UpDownState<T: Real> {
    ups: crate::window::InPlaceSumState<T>,
    downs: crate::window::InPlaceSumState<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<UpDownState<T>> for UpDown<T> {
    type Error = Error;

    /// Each sum's own checks, with parts finite and non-negative (their owners bound them
    /// further through [`is_consistent`](UpDown::is_consistent)).
    fn try_from(state: UpDownState<T>) -> Result<Self, Error> {
        let part = |x: T| x.is_finite() && x >= T::zero();
        Ok(Self {
            ups: InPlaceSum::load(state.ups, part, T::infinity())?,
            downs: InPlaceSum::load(state.downs, part, T::infinity())?,
        })
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
