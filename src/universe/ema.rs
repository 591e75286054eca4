use core::fmt;

use super::{check_series, chunk_ranges};
use crate::average::smoother::{ema_step, ema_weights};
use crate::error::check_period;
use crate::float::from_usize;
use crate::slice::all_usable;
use crate::slice::check_lengths;
use crate::{Error, Real};

/// [`Ema`](crate::average::Ema) over many series at once: one input per series per tick,
/// stored as structure of arrays.
///
/// Each series is exactly an `Ema` of the same period (TA-Lib's seed, the mean of the first
/// `n` inputs) fed that series' inputs: bit for bit the same outputs, the same refusal of
/// unusable inputs (a NaN in one series leaves that series' state untouched and writes its
/// last value; the other series update). Once a block of 64 series is warmed up, a tick
/// whose inputs are all usable updates it without a branch, so the loop over the series
/// vectorises.
///
/// # Example
///
/// ```
/// use ta_stream::universe::EmaUniverse;
///
/// let mut ema = EmaUniverse::new(2, 3)?; // k = 2/(3+1) = 0.5
/// let mut out = [0.0; 2];
/// for tick in [[2.0, 1.0], [4.0, 1.0], [6.0, 1.0], [10.0, f64::NAN]] {
///     ema.update(&tick, &mut out)?;
/// }
/// assert_eq!(out, [7.0, 1.0]); // seeded at 4, then (10 − 4)·0.5 + 4; the NaN is ignored
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "EMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "EmaUniverseState<T>")
)]
pub struct EmaUniverse<T: Real = f64> {
    period: usize,
    /// Accepted inputs per series, saturating at `period` (warmed up).
    count: Vec<usize>,
    /// Each series' sum of inputs while warming up, its average after.
    state: Vec<T>,
    /// Per block of series: every series warmed up (derived, not saved).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: Vec<bool>,
}

impl EmaUniverse {
    /// `series` EMAs over `period` inputs each.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `series` is at least 1 and `period` is in
    /// `1..=100000`.
    pub fn new(series: usize, period: usize) -> Result<Self, Error> {
        Self::new_generic(series, period)
    }
}

impl<T: Real> EmaUniverse<T> {
    /// [`EmaUniverse::new`] in any precision `T` (`f32`, or generic code): `EmaUniverse::<f32>::new_generic(2, 3)`.
    pub fn new_generic(series: usize, period: usize) -> Result<Self, Error> {
        let series = check_series(series)?;
        Ok(Self {
            period: check_period("period", period)?,
            count: vec![0; series],
            state: vec![T::zero(); series],
            warm: vec![false; series.div_ceil(super::CHUNK)],
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The number of series.
    pub fn series(&self) -> usize {
        self.count.len()
    }

    /// Series `series`' current average (`None` while it warms up or past the last series).
    #[must_use]
    pub fn value(&self, series: usize) -> Option<T> {
        let warm = *self.count.get(series)? >= self.period;
        warm.then(|| self.state.get(series).copied()).flatten()
    }

    /// Writes every series' current average into `out` (NaN while warming up).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `out`) unless `out` has one slot per series.
    pub fn values(&self, out: &mut [T]) -> Result<(), Error> {
        check_lengths("out", self.series(), out.len())?;
        for (series, slot) in out.iter_mut().enumerate() {
            *slot = self.value(series).unwrap_or_else(T::nan);
        }
        Ok(())
    }

    /// Back to the freshly constructed state; period and number of series are kept.
    pub fn reset(&mut self) {
        self.count.fill(0);
        self.state.fill(T::zero());
        self.warm.fill(false);
    }

    /// Feeds one tick, `inputs[s]` to series `s`, and writes each series' average into
    /// `out[s]`: NaN while it warms up, its last value when its input is unusable (ignored,
    /// as [`Indicator::update`](crate::Indicator::update) ignores it). Allocates nothing.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series; nothing is consumed then.
    pub fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        check_lengths("inputs", self.series(), inputs.len())?;
        check_lengths("out", self.series(), out.len())?;
        let (keep, take) = self.weights();
        for (block, range) in chunk_ranges(self.series()).enumerate() {
            let warm = self.warm.get(block).copied().unwrap_or(false);
            let (Some(inputs), Some(out)) = (inputs.get(range.clone()), out.get_mut(range.clone()))
            else {
                continue;
            };
            let steady = warm && all_usable(inputs);
            if let (true, Some(state)) = (steady, self.state.get_mut(range.clone())) {
                for ((&x, state), out) in inputs.iter().zip(state).zip(out.iter_mut()) {
                    // `ema_step` without its branch, which would stop the compiler from
                    // running series side by side: the same value (`s` when `x = s`).
                    *state = if x == *state {
                        *state
                    } else {
                        *state * keep + x * take
                    };
                    *out = *state;
                }
            } else {
                for (offset, (&x, slot)) in inputs.iter().zip(out.iter_mut()).enumerate() {
                    let series = range.start + offset;
                    if let Some((count, state)) = self.next(series, x) {
                        if let Some(stored) = self.count.get_mut(series) {
                            *stored = count;
                        }
                        if let Some(stored) = self.state.get_mut(series) {
                            *stored = state;
                        }
                    }
                    *slot = self.value(series).unwrap_or_else(T::nan);
                }
                let all_warm = self
                    .count
                    .get(range)
                    .is_some_and(|count| count.iter().all(|&c| c >= self.period));
                if let Some(flag) = self.warm.get_mut(block) {
                    *flag = all_warm;
                }
            }
        }
        Ok(())
    }

    /// Writes into `out` what [`update`](Self::update) would, without committing anything.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series.
    pub fn peek(&self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        check_lengths("inputs", self.series(), inputs.len())?;
        check_lengths("out", self.series(), out.len())?;
        for (series, (&x, slot)) in inputs.iter().zip(out.iter_mut()).enumerate() {
            *slot = match self.next(series, x) {
                Some((count, state)) if count >= self.period => state,
                Some(_) => T::nan(),
                None => self.value(series).unwrap_or_else(T::nan),
            };
        }
        Ok(())
    }

    /// `(1 − k, k)` with `k = 2/(n+1)`, as the single EMA computes them.
    #[inline]
    fn weights(&self) -> (T, T) {
        ema_weights((T::one() + T::one()) / (from_usize::<T>(self.period) + T::one()))
    }

    /// `(count, state)` of series `series` after accepting `x` (`None` when `x` is
    /// unusable): the single EMA's step, shared by `update` and `peek`.
    fn next(&self, series: usize, x: T) -> Option<(usize, T)> {
        if !x.is_usable() {
            return None;
        }
        let count = *self.count.get(series)?;
        let state = *self.state.get(series)?;
        Some(if count >= self.period {
            let (keep, take) = self.weights();
            (count, ema_step(state, x, keep, take))
        } else if count + 1 == self.period {
            (self.period, (state + x) / from_usize(self.period))
        } else {
            (count + 1, state + x)
        })
    }
}

impl<T: Real> fmt::Display for EmaUniverse<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EMA({}) x {}", self.period, self.series())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EmaUniverseState<T> {
    period: usize,
    count: Vec<usize>,
    state: Vec<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<EmaUniverseState<T>> for EmaUniverse<T> {
    type Error = Error;

    /// Checks the shape and, series by series, what the single EMA checks: a count within
    /// the warm-up and a state no larger than usable inputs can make it.
    fn try_from(state: EmaUniverseState<T>) -> Result<Self, Error> {
        let series = state.count.len();
        let mut loaded = Self::new_generic(series, state.period)?;
        let period = loaded.period;
        let n: T = from_usize(period);
        let bound = T::max_input() * (T::one() + crate::float::lit::<T>(4.0) * n * T::epsilon());
        let consistent = state.state.len() == series
            && state.count.iter().zip(&state.state).all(|(&count, &x)| {
                let limit = if count >= period {
                    bound
                } else {
                    from_usize::<T>(count) * bound
                };
                count <= period && x.abs() <= limit
            });
        if !consistent {
            return Err(crate::error::invalid_state(
                "EMA universe needs one count within the warm-up and one average no larger \
                 than usable inputs can make it per series",
            ));
        }
        loaded.count = state.count;
        loaded.state = state.state;
        for (block, range) in chunk_ranges(series).enumerate() {
            let all_warm = loaded
                .count
                .get(range)
                .is_some_and(|count| count.iter().all(|&c| c >= period));
            if let Some(flag) = loaded.warm.get_mut(block) {
                *flag = all_warm;
            }
        }
        Ok(loaded)
    }
}
