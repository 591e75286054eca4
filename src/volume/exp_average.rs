//! The exponential average inside ADOSC and EFI: TA-Lib's `k = 2/(n + 1)`, seeded with the
//! first input (ADOSC) or the mean of the first `n` (EFI). Unlike [`Ema`](crate::average::Ema)
//! it takes any finite input (running totals and forces exceed the usable input range).

use crate::float::{from_usize, lit};
use crate::Real;

/// How the average starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) enum Start {
    /// The first input is the first average.
    First,
    /// The mean of the first `n` inputs is the first average.
    Mean,
}

/// An exponential average of finite inputs. While the `Mean` seed forms, `state` is the
/// running sum of the inputs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(from = "ExpAverageState<T>")
)]
pub(crate) struct ExpAverage<T: Real> {
    period: usize,
    start: Start,
    count: usize,
    state: T,
    /// `k = 2/(n + 1)`, derived from `period` once (a division a step otherwise).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    weight: T,
    /// `1 − k`.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    keep: T,
}

/// The saved form: the fields without the derived weights.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpAverageState<T> {
    period: usize,
    start: Start,
    count: usize,
    state: T,
}

#[cfg(feature = "serde")]
impl<T: Real> From<ExpAverageState<T>> for ExpAverage<T> {
    /// The weights derived from the period again (the owners check the rest).
    fn from(saved: ExpAverageState<T>) -> Self {
        Self {
            count: saved.count,
            state: saved.state,
            ..Self::new(saved.period, saved.start)
        }
    }
}

impl<T: Real> ExpAverage<T> {
    /// An average over `period` (checked by the caller).
    pub(crate) fn new(period: usize, start: Start) -> Self {
        let weight = lit::<T>(2.0) / from_usize::<T>(period.saturating_add(1));
        Self {
            period,
            start,
            count: 0,
            state: T::zero(),
            weight,
            keep: T::one() - weight,
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.period
    }

    /// Inputs up to the first average.
    pub(crate) fn warmup_period(&self) -> usize {
        match self.start {
            Start::First => 1,
            Start::Mean => self.period,
        }
    }

    /// The average after `x`, or `None` if it would not be finite.
    #[inline]
    pub(crate) fn next(&self, x: T) -> Option<Self> {
        let warm = self.warmup_period();
        let state = if self.count >= warm {
            // k·x + (1 − k)·e: exactly x for k = 1 (EFI(1) is the raw force), as TA-Lib.
            x * self.weight + self.state * self.keep
        } else if self.count + 1 == warm && self.start == Start::Mean {
            (self.state + x) / from_usize::<T>(self.period)
        } else if self.start == Start::First {
            x
        } else {
            self.state + x
        };
        state.is_finite().then_some(Self {
            count: (self.count + 1).min(warm),
            state,
            ..*self
        })
    }

    /// The step of a seeded average (its count at the warm-up), `k·x + (1 − k)·e`, without
    /// the finiteness check of [`next`](Self::next) (for a caller that checks its outputs):
    /// the same bits.
    #[inline]
    pub(crate) fn steady_next(&mut self, x: T) -> T {
        self.state = x * self.weight + self.state * self.keep;
        self.state
    }

    /// The average, once seeded.
    #[inline]
    pub(crate) fn value(&self) -> Option<T> {
        (self.count >= self.warmup_period()).then_some(self.state)
    }

    /// `true` when the state is what inputs of magnitude at most `bound` can make: the
    /// average within `bound`, and while seeding the sum of `count` of them (0 before any).
    #[cfg(feature = "serde")]
    pub(crate) fn within(&self, bound: T) -> bool {
        let most = if self.count >= self.warmup_period() {
            bound
        } else {
            bound * from_usize::<T>(self.count)
        };
        self.state.is_finite() && self.state.abs() <= most
    }

    pub(crate) fn reset(&mut self) {
        *self = Self::new(self.period, self.start);
    }

    /// `true` for a state some finite inputs give: the expected period and start, a count
    /// up to the warm-up, a finite state, zero before the first input.
    #[cfg(feature = "serde")]
    pub(crate) fn is_consistent(&self, period: usize, start: Start) -> bool {
        self.period == period
            && self.start == start
            && self.count <= self.warmup_period()
            && self.state.is_finite()
            && (self.count > 0 || self.state == T::zero())
    }

    #[cfg(feature = "serde")]
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}
