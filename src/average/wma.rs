use core::fmt;

use num_traits::Float;

use crate::error::check_period;
use crate::float::from_usize;
use crate::window::{CompensatedSum, RingBuffer};
use crate::{Error, Indicator};

/// Linearly weighted moving average: the newest input weighs `n`, the oldest `1`.
///
/// # Formula
///
/// `WMA_t = (n·x_t + (n−1)·x_{t−1} + … + 1·x_{t−n+1}) / (n(n+1)/2)`, first output after `n`
/// inputs.
///
/// Updated in O(1): `W_t = W_{t−1} + n·x_t − S_{t−1}` where `S` is the plain window sum. Both
/// sums are compensated, and recomputed exactly from the window every `n` updates, so rounding
/// cannot accumulate (O(1) amortized).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Wma, Indicator};
///
/// let mut wma = Wma::new(3)?;
/// // (1·1 + 2·2 + 3·3) / 6
/// assert_eq!(wma.batch(&[1.0, 2.0, 3.0]), [None, None, Some(14.0 / 6.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `WMA`; matches it at every index.
#[doc(alias = "WMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "WmaState<T>")
)]
pub struct Wma<T: Float = f64> {
    window: RingBuffer<T>,
    plain: CompensatedSum<T>,
    weighted: CompensatedSum<T>,
    /// Full-window updates since the sums were last recomputed exactly.
    since_exact: usize,
    /// `n(n+1)/2`, derived from the period.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    divisor: T,
}

/// What one update computes; shared by `update` and `peek`.
struct Step<T> {
    plain: CompensatedSum<T>,
    weighted: CompensatedSum<T>,
    since_exact: usize,
}

impl<T: Float> Wma<T> {
    /// A weighted moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        let n: T = from_usize(period);
        Ok(Self {
            window: RingBuffer::new(period)?,
            plain: CompensatedSum::new(),
            weighted: CompensatedSum::new(),
            since_exact: 0,
            divisor: n * (n + T::one()) / (T::one() + T::one()),
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// Exact sums of `values` (oldest first) with weights 1, 2, 3, ...
    fn exact_sums(values: impl Iterator<Item = T>) -> (CompensatedSum<T>, CompensatedSum<T>) {
        values.enumerate().fold(
            (CompensatedSum::new(), CompensatedSum::new()),
            |(plain, weighted), (index, x)| {
                (plain.plus(x), weighted.plus(from_usize::<T>(index + 1) * x))
            },
        )
    }

    #[inline]
    fn step(&self, x: T) -> Step<T> {
        let period = self.period();
        let Some(evicted) = self.window.next_evicted() else {
            let weight: T = from_usize(self.window.len() + 1);
            return Step {
                plain: self.plain.plus(x),
                weighted: self.weighted.plus(weight * x),
                since_exact: 0,
            };
        };
        if self.since_exact + 1 >= period {
            let (plain, weighted) =
                Self::exact_sums(self.window.iter().skip(1).chain(core::iter::once(x)));
            return Step {
                plain,
                weighted,
                since_exact: 0,
            };
        }
        let n: T = from_usize(period);
        Step {
            plain: self.plain.plus_difference(x, evicted),
            weighted: self.weighted.plus(n * x).minus(self.plain),
            since_exact: self.since_exact + 1,
        }
    }
}

impl<T: Float> Indicator for Wma<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_finite() {
            return self.value();
        }
        let step = self.step(x);
        self.plain = step.plain;
        self.weighted = step.weighted;
        self.since_exact = step.since_exact;
        self.window.push(x);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_finite() {
            return self.value();
        }
        let full_after = self.window.len() + 1 >= self.period();
        full_after.then(|| self.step(x).weighted.total() / self.divisor)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.window
            .is_full()
            .then(|| self.weighted.total() / self.divisor)
    }

    fn reset(&mut self) {
        self.window.clear();
        self.plain = CompensatedSum::new();
        self.weighted = CompensatedSum::new();
        self.since_exact = 0;
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Float> fmt::Display for Wma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct WmaState<T: Float> {
    window: RingBuffer<T>,
    plain: CompensatedSum<T>,
    weighted: CompensatedSum<T>,
    since_exact: usize,
}

#[cfg(feature = "serde")]
impl<T: Float> TryFrom<WmaState<T>> for Wma<T> {
    type Error = Error;

    fn try_from(state: WmaState<T>) -> Result<Self, Error> {
        let mut wma = Self::new(state.window.capacity())?;
        let (plain, weighted) = Self::exact_sums(state.window.iter());
        let magnitude = state.window.iter().fold(T::zero(), |m, x| m + x.abs());
        let tolerance = magnitude * wma.divisor * T::epsilon() * crate::float::lit(64.0);
        let consistent = state.window.iter().all(T::is_finite)
            && state.plain.is_finite()
            && state.weighted.is_finite()
            && (state.plain.total() - plain.total()).abs() <= tolerance
            && (state.weighted.total() - weighted.total()).abs() <= tolerance
            && state.since_exact < wma.period();
        if !consistent {
            return Err(crate::error::invalid_state(
                "WMA sums do not match the values in its window",
            ));
        }
        wma.window = state.window;
        wma.plain = state.plain;
        wma.weighted = state.weighted;
        wma.since_exact = state.since_exact;
        Ok(wma)
    }
}
