use core::fmt;

use super::{check_series, chunk_ranges};
use crate::error::check_period;
use crate::float::{from_usize, lit};
use crate::momentum::FlatRsi;
use crate::slice::all_usable;
use crate::slice::check_lengths;
use crate::{Error, Real};

/// [`Rsi`](crate::momentum::Rsi) over many series at once: one input per series per tick,
/// stored as structure of arrays.
///
/// Each series is exactly an `Rsi` of the same period and [`FlatRsi`] policy fed that
/// series' inputs: Wilder's averages of gains and losses seeded with their means, bit for bit
/// the same outputs in `0..=100`, the same refusal of unusable inputs (a NaN in one series
/// leaves that series' state untouched and writes its last value; the other series update).
///
/// Once a block of 64 series is warmed up, a tick whose inputs are all usable updates it
/// without a branch, so the loop over the series vectorises.
///
/// # Example
///
/// ```
/// use ta_stream::momentum::{FlatRsi, Rsi};
/// use ta_stream::universe::RsiUniverse;
/// use ta_stream::Indicator;
///
/// let mut rsi = RsiUniverse::new(2, 2)?.with_flat(FlatRsi::TaLib);
/// let mut out = [0.0; 2];
/// for tick in [[10.0, 5.0], [11.0, 5.0], [10.5, 5.0], [11.5, 5.0]] {
///     rsi.update(&tick, &mut out)?;
/// }
/// let mut single = Rsi::new(2)?;
/// single.batch(&[10.0, 11.0, 10.5, 11.5]);
/// assert_eq!(out, [single.value().unwrap(), 0.0]); // a flat series is 0 for TA-Lib
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "RSI")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RsiUniverseState<T>")
)]
pub struct RsiUniverse<T: Real = f64> {
    period: usize,
    flat: FlatRsi,
    /// Accepted inputs per series, saturating at `period + 1` (warmed up).
    count: Vec<usize>,
    /// Each series' last accepted input (0 before the first).
    previous: Vec<T>,
    /// Each series' sum of gains while warming up, Wilder's average of gains after.
    gains: Vec<T>,
    /// The same for losses.
    losses: Vec<T>,
    /// Per block of series: every series warmed up (derived, not saved).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: Vec<bool>,
}

impl RsiUniverse {
    /// `series` RSIs over `period` price changes each, with the default [`FlatRsi`].
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `series` is at least 1 and `period` is in
    /// `1..=100000`.
    pub fn new(series: usize, period: usize) -> Result<Self, Error> {
        Self::new_generic(series, period)
    }
}

impl<T: Real> RsiUniverse<T> {
    /// [`RsiUniverse::new`] in any precision `T` (`f32`, or generic code): `RsiUniverse::<f32>::new_generic(2, 2)`.
    pub fn new_generic(series: usize, period: usize) -> Result<Self, Error> {
        let series = check_series(series)?;
        Ok(Self {
            period: check_period("period", period)?,
            flat: FlatRsi::default(),
            count: vec![0; series],
            previous: vec![T::zero(); series],
            gains: vec![T::zero(); series],
            losses: vec![T::zero(); series],
            warm: vec![false; series.div_ceil(super::CHUNK)],
        })
    }

    /// The same universe with another answer for flat series.
    #[must_use]
    pub fn with_flat(mut self, flat: FlatRsi) -> Self {
        self.flat = flat;
        self
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The flat-series policy in use.
    pub fn flat(&self) -> FlatRsi {
        self.flat
    }

    /// The number of series.
    pub fn series(&self) -> usize {
        self.count.len()
    }

    /// Series `series`' current RSI (`None` while it warms up or past the last series).
    #[must_use]
    pub fn value(&self, series: usize) -> Option<T> {
        let warm = *self.count.get(series)? > self.period;
        warm.then(|| {
            self.index(
                self.gains.get(series).copied(),
                self.losses.get(series).copied(),
            )
        })
    }

    /// Writes every series' current RSI into `out` (NaN while warming up).
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

    /// Back to the freshly constructed state; parameters and number of series are kept.
    pub fn reset(&mut self) {
        self.count.fill(0);
        self.previous.fill(T::zero());
        self.gains.fill(T::zero());
        self.losses.fill(T::zero());
        self.warm.fill(false);
    }

    /// Feeds one tick, `inputs[s]` to series `s`, and writes each series' RSI into
    /// `out[s]`: NaN while it warms up, its last value when its input is unusable (ignored,
    /// as [`Indicator::update`](crate::Indicator::update) ignores it). Allocates nothing.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series; nothing is consumed then.
    pub fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        check_lengths("inputs", self.series(), inputs.len())?;
        check_lengths("out", self.series(), out.len())?;
        let (weight, inverse_n) = self.weights();
        for (block, range) in chunk_ranges(self.series()).enumerate() {
            let warm = self.warm.get(block).copied().unwrap_or(false);
            let (Some(inputs), Some(out)) = (inputs.get(range.clone()), out.get_mut(range.clone()))
            else {
                continue;
            };
            if warm && all_usable(inputs) {
                self.update_warm_block(range.start, inputs, out, weight, inverse_n);
            } else {
                for (offset, (&x, slot)) in inputs.iter().zip(out.iter_mut()).enumerate() {
                    *slot = self.update_one(range.start + offset, x);
                }
                let all_warm = self
                    .count
                    .get(range)
                    .is_some_and(|count| count.iter().all(|&c| c > self.period));
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
                Some((count, gains, losses)) if count > self.period => {
                    self.index(Some(gains), Some(losses))
                }
                Some(_) => T::nan(),
                None => self.value(series).unwrap_or_else(T::nan),
            };
        }
        Ok(())
    }

    /// Wilder's weights as the single RSI computes them: `(n − 1)/n` and `1/n`.
    #[inline]
    fn weights(&self) -> (T, T) {
        let n: T = from_usize(self.period);
        ((n - T::one()) / n, T::one() / n)
    }

    /// `100·U/(U + D)`, or the flat policy's answer when `U + D = 0`.
    #[inline]
    fn index(&self, gains: Option<T>, losses: Option<T>) -> T {
        let (gains, losses) = (gains.unwrap_or_else(T::nan), losses.unwrap_or_else(T::nan));
        index(gains, losses, self.flat_value())
    }

    #[inline]
    fn flat_value(&self) -> T {
        match self.flat {
            FlatRsi::TaLib => T::zero(),
            FlatRsi::Neutral => lit(50.0),
        }
    }

    /// `(count, gains, losses)` of series `series` after accepting `x` (`None` when `x` is
    /// unusable): the single RSI's step, shared by `update` and `peek`.
    fn next(&self, series: usize, x: T) -> Option<(usize, T, T)> {
        if !x.is_usable() {
            return None;
        }
        let count = *self.count.get(series)?;
        let (gains, losses) = (*self.gains.get(series)?, *self.losses.get(series)?);
        if count == 0 {
            return Some((1, gains, losses));
        }
        let change = x - *self.previous.get(series)?;
        let (gain, loss) = (change.max(T::zero()), (-change).max(T::zero()));
        // The smoothers' count is one less (they start at the first change).
        let smoothed = count - 1;
        let n: T = from_usize(self.period);
        Some(if smoothed >= self.period {
            let (weight, inverse_n) = self.weights();
            (
                count,
                gains * weight + gain * inverse_n,
                losses * weight + loss * inverse_n,
            )
        } else if smoothed + 1 == self.period {
            (count + 1, (gains + gain) / n, (losses + loss) / n)
        } else {
            (count + 1, gains + gain, losses + loss)
        })
    }

    fn update_one(&mut self, series: usize, x: T) -> T {
        if let Some((count, gains, losses)) = self.next(series, x) {
            if let Some(stored) = self.count.get_mut(series) {
                *stored = count;
            }
            if let Some(stored) = self.previous.get_mut(series) {
                *stored = x;
            }
            if let Some(stored) = self.gains.get_mut(series) {
                *stored = gains;
            }
            if let Some(stored) = self.losses.get_mut(series) {
                *stored = losses;
            }
        }
        self.value(series).unwrap_or_else(T::nan)
    }

    /// The warmed-up step for a block of series whose inputs are all usable, without a
    /// branch: the same operations as [`next`](Self::next).
    fn update_warm_block(
        &mut self,
        start: usize,
        inputs: &[T],
        out: &mut [T],
        weight: T,
        inverse_n: T,
    ) {
        let end = start + inputs.len();
        let flat = self.flat_value();
        let (Some(previous), Some(gains), Some(losses)) = (
            self.previous.get_mut(start..end),
            self.gains.get_mut(start..end),
            self.losses.get_mut(start..end),
        ) else {
            return;
        };
        let lanes = inputs
            .iter()
            .zip(previous)
            .zip(gains)
            .zip(losses)
            .zip(out.iter_mut());
        for ((((&x, previous), gains), losses), out) in lanes {
            let change = x - *previous;
            let (gain, loss) = (change.max(T::zero()), (-change).max(T::zero()));
            let (new_gains, new_losses) = (
                *gains * weight + gain * inverse_n,
                *losses * weight + loss * inverse_n,
            );
            *gains = new_gains;
            *losses = new_losses;
            *previous = x;
            *out = index(new_gains, new_losses, flat);
        }
    }
}

/// `100·U/(U + D)`, or `flat` when `U + D = 0`: the single RSI's formula.
#[inline]
fn index<T: Real>(gains: T, losses: T, flat: T) -> T {
    let total = gains + losses;
    let ratio = lit::<T>(100.0) * (gains / total);
    if total == T::zero() {
        flat
    } else {
        ratio
    }
}

impl<T: Real> fmt::Display for RsiUniverse<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RSI({}) x {}", self.period, self.series())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RsiUniverseState<T> {
    period: usize,
    flat: FlatRsi,
    count: Vec<usize>,
    previous: Vec<T>,
    gains: Vec<T>,
    losses: Vec<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RsiUniverseState<T>> for RsiUniverse<T> {
    type Error = Error;

    /// Checks the shape and, series by series, what the single RSI checks: a count within
    /// the warm-up, a usable previous input once there is one, and averages of gains and
    /// losses that are non-negative and no larger than usable inputs can make them.
    fn try_from(state: RsiUniverseState<T>) -> Result<Self, Error> {
        let series = state.count.len();
        let mut loaded = Self::new_generic(series, state.period)?.with_flat(state.flat);
        let shape_ok = state.previous.len() == series
            && state.gains.len() == series
            && state.losses.len() == series;
        if !shape_ok {
            return Err(crate::error::invalid_state(
                "RSI universe needs one count, previous input, gain and loss per series",
            ));
        }
        let period = loaded.period;
        let n: T = from_usize(period);
        // Differences of two usable inputs are at most 2 x max_input; the single RSI's
        // smoothers allow twice that.
        let bound = lit::<T>(4.0) * T::max_input() * (T::one() + lit::<T>(4.0) * n * T::epsilon());
        let consistent = state
            .count
            .iter()
            .zip(&state.previous)
            .zip(state.gains.iter().zip(&state.losses))
            .all(|((&count, &previous), (&gains, &losses))| {
                let smoothed = count.saturating_sub(1);
                let limit = if smoothed >= period {
                    bound
                } else {
                    from_usize::<T>(smoothed) * bound
                };
                let average_ok = |x: T| x >= T::zero() && x <= limit;
                count <= period + 1
                    && if count == 0 {
                        previous == T::zero()
                    } else {
                        previous.is_usable()
                    }
                    && average_ok(gains)
                    && average_ok(losses)
            });
        if !consistent {
            return Err(crate::error::invalid_state(
                "RSI universe gain and loss averages are inconsistent",
            ));
        }
        loaded.count = state.count;
        loaded.previous = state.previous;
        loaded.gains = state.gains;
        loaded.losses = state.losses;
        for (block, range) in chunk_ranges(series).enumerate() {
            let all_warm = loaded
                .count
                .get(range)
                .is_some_and(|count| count.iter().all(|&c| c > period));
            if let Some(flag) = loaded.warm.get_mut(block) {
                *flag = all_warm;
            }
        }
        Ok(loaded)
    }
}
