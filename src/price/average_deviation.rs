use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// Average deviation: the mean absolute deviation of the last `n` inputs from their mean.
///
/// # Formula
///
/// With `m` the mean of the window `x_{t−n+1}..x_t`:
/// `AVGDEV_t = Σ |x_i − m| / n`; first output after `n` inputs. A flat window gives exactly
/// 0; the output is never negative and at most half the window's range.
///
/// # Cost
///
/// **O(n) per update** (and per [`peek`](Indicator::peek) and [`value`](Indicator::value)),
/// like TA-Lib: the deviations are taken from the current mean, which moves with every
/// input, so every one of them changes. (An order-statistics tree would give O(log n), but
/// only through running sums of the values above and below the mean, which add and subtract
/// forever and drift; the direct sum is exact to a few roundings.) The mean is the drift-free
/// [`RollingSum`]'s. At `n = 14`, TA-Lib's default, the loop is a few nanoseconds: the
/// deviations are added in four independent sums (the `i`-th slot of the window into sum
/// `i mod 4`, then `(s0 + s1) + (s2 + s3)`), which the compiler runs two at a time, rather
/// than in one chain of `n` dependent additions. An update reads the window before it
/// writes the new value there (the value standing for its slot): read two at a time right
/// after it was written, the slot would wait for the write to complete.
///
/// # Range
///
/// No input is refused beyond the usable range (see [`Real`](crate::Real)): a deviation is
/// at most `2e150`, a sum of 100000 of them `2e155`, so the output is finite.
///
/// # Parameters
///
/// `period` (`n`): `2..=100000` (TA-Lib's range; its default is 14).
///
/// # Example
///
/// ```
/// use ta_stream::{price::AverageDeviation, Indicator};
///
/// let mut deviation = AverageDeviation::new(4)?;
/// let out = deviation.batch(&[2.0, 4.0, 4.0, 6.0, 4.0]);
/// // [2, 4, 4, 6]: mean 4, deviations 2, 0, 0, 2 → 1; then [4, 4, 6, 4]: mean 4.5 → 0.75
/// assert_eq!(out, [None, None, None, Some(1.0), Some(0.75)]);
/// assert_eq!(deviation.to_string(), "AVGDEV(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `AVGDEV`; matches it at every index.
#[doc(alias = "AVGDEV")]
#[doc(alias = "mean absolute deviation")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AverageDeviationState<T>")
)]
pub struct AverageDeviation<T: Real = f64> {
    /// The window and its drift-free sum.
    window: RollingSum<T>,
}

impl AverageDeviation {
    /// The average deviation of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> AverageDeviation<T> {
    /// [`AverageDeviation::new`] in any precision `T` (`f32`, or generic code): `AverageDeviation::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self {
            window: RollingSum::new_generic(period)?,
        })
    }

    /// For periods known to be valid (constants); anything else is clamped into range.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            window: RollingSum::with_valid_period(period.max(2)),
        }
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.window.period()
    }

    /// `Σ |v − mean|` over the window's slots in storage order, `x` standing for slot
    /// `written` (none when `written` is past the end), in four lanes: slot `i` into lane
    /// `i mod 4`, the lanes added as `(l0 + l1) + (l2 + l3)`. Four independent chains of
    /// additions rather than one, and the same bits whether `x` is in its slot or stands
    /// for it, so that an update reads the window before its push writes the slot: read
    /// right after that write, the slot's pair of values comes through a 16-byte load of
    /// an 8-byte store still in flight, which the processor cannot forward and waits for
    /// (CCI(20) in the peers bench, best of four: streaming 15.4 → 13.2 ns per update, the
    /// column path 14.8 → 13.4). The slot is found by comparing slot numbers held as floats
    /// (exact: at most 100000), whose comparison gives the select's mask directly; integer
    /// slot numbers were compared one at a time and their masks assembled (13.4 → 12.5 ns
    /// streaming, 13.5 → 13.0 the column path, A/B best of four). Always inlined, as the
    /// window sum's push is, so that the loops of updates keep the state in registers.
    #[inline(always)]
    fn absolute_deviations(&self, mean: T, written: usize, x: T) -> T {
        let slots = self.window.slots();
        let mut lanes = [T::zero(); 4];
        let quads = slots.chunks_exact(4);
        let tail = quads.remainder();
        // Slot numbers as floats (exact below 2^24), compared as floats: a select by a
        // float comparison's mask, where comparing integer slot numbers builds each mask
        // from scalar comparisons.
        let written = from_usize::<T>(written);
        let four = from_usize::<T>(4);
        let mut numbers: [T; 4] = core::array::from_fn(from_usize);
        let deviation = |number: T, v: T| {
            let v = if number == written { x } else { v };
            (v - mean).abs()
        };
        for quad in quads {
            for ((lane, number), &v) in lanes.iter_mut().zip(&mut numbers).zip(quad) {
                *lane = *lane + deviation(*number, v);
                *number = *number + four;
            }
        }
        for ((lane, number), &v) in lanes.iter_mut().zip(&numbers).zip(tail) {
            *lane = *lane + deviation(*number, v);
        }
        let [a, b, c, d] = lanes;
        (a + b) + (c + d)
    }

    /// Pushes a usable `x`, without computing the deviation (O(1)).
    #[inline]
    pub(crate) fn push(&mut self, x: T) {
        self.window.push_inlined(x);
    }

    /// `(newest value, mean, sum of the absolute deviations)` of the full window, O(n): the
    /// three numbers of the commodity channel index.
    #[inline]
    pub(crate) fn newest_mean_deviations(&self) -> Option<(T, T, T)> {
        let window = &self.window;
        let newest = window.iter().last()?;
        window.is_full().then(|| {
            let mean = window.sum() / from_usize::<T>(window.period());
            (
                newest,
                mean,
                self.absolute_deviations(mean, usize::MAX, newest),
            )
        })
    }

    /// `(mean, sum of the absolute deviations)` that
    /// [`newest_mean_deviations`](Self::newest_mean_deviations) would give after pushing
    /// the usable value `x`, without pushing it.
    #[inline(always)]
    pub(crate) fn peek_mean_deviations(&self, x: T) -> Option<(T, T)> {
        let window = &self.window;
        if window.len() + 1 < window.period() {
            return None;
        }
        // Before the window is full, the push that fills it writes the last slot, and the
        // slots before it hold the values pushed so far.
        let mean = window.peek_sum(x) / from_usize::<T>(window.period());
        Some((
            mean,
            self.absolute_deviations(mean, window.write_index(), x),
        ))
    }

    /// Pushes the usable value `x` and returns what
    /// [`newest_mean_deviations`](Self::newest_mean_deviations) then gives, `(mean, sum of
    /// the absolute deviations)`: the window read before the push writes it (see
    /// [`absolute_deviations`](Self::absolute_deviations)).
    #[inline(always)]
    pub(crate) fn push_mean_deviations(&mut self, x: T) -> Option<(T, T)> {
        let after = self.peek_mean_deviations(x);
        self.push(x);
        after
    }
}

impl<T: Real> Indicator for AverageDeviation<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let period = from_usize::<T>(self.period());
        self.push_mean_deviations(x)
            .map(|(_, deviations)| deviations / period)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        // The window after the push: the oldest value leaves once the window is full.
        self.peek_mean_deviations(x)
            .map(|(_, deviations)| deviations / from_usize(self.period()))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.newest_mean_deviations()
            .map(|(_, _, deviations)| deviations / from_usize(self.period()))
    }

    fn reset(&mut self) {
        self.window.clear();
    }

    fn warmup_period(&self) -> usize {
        self.window.period()
    }
}

impl<T: Real> fmt::Display for AverageDeviation<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AVGDEV({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AverageDeviationState<T: Real> {
    window: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AverageDeviationState<T>> for AverageDeviation<T> {
    type Error = Error;

    /// The window's length is the period (at least 2), and it holds usable inputs only.
    fn try_from(state: AverageDeviationState<T>) -> Result<Self, Error> {
        let mut fresh = Self::new_generic(state.window.period())?;
        if !state.window.iter().all(|x| x.is_usable()) {
            return Err(invalid_state(
                "AVGDEV window holds a value outside the usable input range",
            ));
        }
        fresh.window = state.window;
        Ok(fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::AverageDeviation;

    /// An update reads the window before its push writes it, with the new value standing
    /// for its slot: the same bits as reading the window after the push, at every write
    /// position of windows of 2 to 13 values (four lanes and a tail of 0 to 3), and the
    /// plain sum of the deviations within rounding.
    #[test]
    fn reading_before_the_push_gives_the_bits_of_reading_after_it() {
        let values: Vec<f64> = (0..60)
            .map(|i| {
                let i = f64::from(i);
                (i * 0.37).sin() * 1e3 + if i % 7.0 == 0.0 { 1e9 } else { 0.1 * i }
            })
            .collect();
        for period in 2..=13 {
            let mut deviation = AverageDeviation::new(period).unwrap();
            for (index, &x) in values.iter().enumerate() {
                let before = deviation.push_mean_deviations(x);
                let after = deviation.newest_mean_deviations();
                let bits = |m: f64, d: f64| (m.to_bits(), d.to_bits());
                assert_eq!(
                    before.map(|(m, d)| bits(m, d)),
                    after.map(|(_, m, d)| bits(m, d)),
                    "period {period}, value {index}"
                );
                if let Some((mean, deviations)) = before {
                    let window = &values[index + 1 - period..=index];
                    let plain: f64 = window.iter().map(|v| (v - mean).abs()).sum();
                    assert!(
                        (deviations - plain).abs() <= 1e-12 * plain.max(1.0),
                        "period {period}, value {index}: {deviations} against {plain}"
                    );
                }
            }
        }
    }
}
