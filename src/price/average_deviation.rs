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
/// than in one chain of `n` dependent additions.
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

    /// The sum of the absolute deviations around `sum / n` of the `n` values of a full
    /// window, given in storage order as consecutive pieces (the mean absolute deviation
    /// times `n`).
    #[inline]
    fn absolute_deviations(&self, sum: T, pieces: &[&[T]]) -> T {
        let n = from_usize::<T>(self.window.period());
        let mut deviations = LaneSum::around(sum / n);
        for piece in pieces {
            deviations.add(piece);
        }
        deviations.total()
    }

    /// The mean absolute deviation: [`absolute_deviations`](Self::absolute_deviations)
    /// over `n`.
    #[inline]
    fn deviation(&self, sum: T, pieces: &[&[T]]) -> T {
        self.absolute_deviations(sum, pieces) / from_usize(self.window.period())
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
            (
                newest,
                window.sum() / from_usize::<T>(window.period()),
                self.absolute_deviations(window.sum(), &[window.slots()]),
            )
        })
    }

    /// `(mean, sum of the absolute deviations)` that
    /// [`newest_mean_deviations`](Self::newest_mean_deviations) would give after pushing
    /// the usable value `x`, without pushing it.
    #[inline]
    pub(crate) fn peek_mean_deviations(&self, x: T) -> Option<(T, T)> {
        let window = &self.window;
        if window.len() + 1 < window.period() {
            return None;
        }
        // The storage after the push: `x` in the slot it writes, over the oldest value once
        // the window is full (before, the slots up to it hold the values pushed so far).
        let slots = window.slots();
        let written = window.write_index();
        let before = slots.get(..written).unwrap_or_default();
        let after = if window.is_full() {
            slots.get(written + 1..).unwrap_or_default()
        } else {
            &[]
        };
        let sum = window.peek_sum(x);
        Some((
            sum / from_usize::<T>(window.period()),
            self.absolute_deviations(sum, &[before, &[x], after]),
        ))
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
        self.push(x);
        self.value()
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
        self.window
            .is_full()
            .then(|| self.deviation(self.window.sum(), &[self.window.slots()]))
    }

    fn reset(&mut self) {
        self.window.clear();
    }

    fn warmup_period(&self) -> usize {
        self.window.period()
    }
}

/// `Σ |x − mean|` in four lanes: the `i`-th value given (counting across pieces) goes to
/// lane `i mod 4`, and the lanes are added at the end as `(l0 + l1) + (l2 + l3)`. Four
/// independent chains of additions instead of one, and the same bits however the values
/// are split into pieces (the window's slots as they are, or with a peeked value in one).
struct LaneSum<T> {
    lanes: [T; 4],
    /// How many values were added.
    count: usize,
    mean: T,
}

impl<T: Real> LaneSum<T> {
    fn around(mean: T) -> Self {
        Self {
            lanes: [T::zero(); 4],
            count: 0,
            mean,
        }
    }

    #[inline]
    fn add_one(&mut self, x: T) {
        if let Some(lane) = self.lanes.get_mut(self.count % 4) {
            *lane = *lane + (x - self.mean).abs();
        }
        self.count += 1;
    }

    #[inline]
    fn add(&mut self, values: &[T]) {
        // One by one up to a multiple of four, then four lanes at a time.
        let head = values.len().min((4 - self.count % 4) % 4);
        let (first, rest) = values.split_at_checked(head).unwrap_or_default();
        for &x in first {
            self.add_one(x);
        }
        let quads = rest.chunks_exact(4);
        let tail = quads.remainder();
        for quad in quads {
            for (lane, &x) in self.lanes.iter_mut().zip(quad) {
                *lane = *lane + (x - self.mean).abs();
            }
        }
        self.count += rest.len() - tail.len();
        for &x in tail {
            self.add_one(x);
        }
    }

    #[inline]
    fn total(self) -> T {
        let [a, b, c, d] = self.lanes;
        (a + b) + (c + d)
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
    use super::LaneSum;

    fn lane_sum(mean: f64, pieces: &[&[f64]]) -> f64 {
        let mut sum = LaneSum::around(mean);
        for piece in pieces {
            sum.add(piece);
        }
        sum.total()
    }

    /// The same values give the same bits however they are split into pieces (what makes
    /// `peek` equal `update`), and the sum is the plain one within rounding.
    #[test]
    fn a_lane_sum_does_not_depend_on_where_the_values_are_split() {
        let values: Vec<f64> = (0..23)
            .map(|i| {
                let i = f64::from(i);
                (i * 0.37).sin() * 1e3 + if i % 7.0 == 0.0 { 1e9 } else { 0.1 * i }
            })
            .collect();
        for length in 0..=values.len() {
            let window = values.get(..length).unwrap();
            let mean = window.iter().sum::<f64>() / length.max(1) as f64;
            let whole = lane_sum(mean, &[window]);
            let plain: f64 = window.iter().map(|x| (x - mean).abs()).sum();
            assert!(
                (whole - plain).abs() <= 1e-12 * plain.max(1.0),
                "length {length}: {whole} against {plain}"
            );
            for first in 0..=length {
                for second in first..=length {
                    let (a, rest) = window.split_at(first);
                    let (b, c) = rest.split_at(second - first);
                    assert_eq!(
                        lane_sum(mean, &[a, b, c]).to_bits(),
                        whole.to_bits(),
                        "length {length}, split at {first} and {second}"
                    );
                }
            }
        }
    }
}
