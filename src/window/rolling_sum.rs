use num_traits::Float;

use super::{CompensatedSum, RingBuffer};
use crate::error::invalid_state;
use crate::Error;

/// The sum of the last `period` values, updated in O(1) and free of drift: every addition
/// and removal is compensated ([`CompensatedSum`]), so after ten million updates, or after a
/// value of 1e15 has passed through the window, the sum is still that of the values in it.
///
/// ```
/// use ta_stream::window::RollingSum;
///
/// let mut sum = RollingSum::new(3)?;
/// for x in [1.0, 1e15, 2.0, 3.0, 4.0] {
///     sum.push(x);
/// }
/// assert_eq!(sum.sum(), 9.0); // 1e15 has left the window and left no trace
/// assert_eq!(sum.peek_sum(10.0), 17.0); // 2.0 would be evicted
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RollingSumState<T>")
)]
pub struct RollingSum<T: Float> {
    window: RingBuffer<T>,
    accumulator: CompensatedSum<T>,
}

impl<T: Float> RollingSum<T> {
    /// An empty rolling sum over the last `period` values.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        let window = RingBuffer::new(period).map_err(|error| match error {
            Error::InvalidParameter { value, expected, .. } => Error::InvalidParameter {
                name: "period",
                value,
                expected,
            },
            other => other,
        })?;
        Ok(Self {
            window,
            accumulator: CompensatedSum::new(),
        })
    }

    /// Adds `x`, evicting the oldest value once `period` values are held.
    #[inline]
    pub fn push(&mut self, x: T) {
        self.accumulator = self.accumulated(x);
        self.window.push(x);
    }

    /// The sum that [`push`](Self::push)`(x)` would produce, without pushing.
    #[inline]
    pub fn peek_sum(&self, x: T) -> T {
        self.accumulated(x).total()
    }

    #[inline]
    fn accumulated(&self, x: T) -> CompensatedSum<T> {
        let evicted = self.window.next_evicted().unwrap_or_else(T::zero);
        self.accumulator.plus_difference(x, evicted)
    }

    /// Sum of the values in the window.
    #[inline]
    pub fn sum(&self) -> T {
        self.accumulator.total()
    }

    /// The window itself, oldest value first.
    pub fn window(&self) -> &RingBuffer<T> {
        &self.window
    }

    /// Number of values in the window (at most `period`).
    pub fn len(&self) -> usize {
        self.window.len()
    }

    /// `true` before the first push.
    pub fn is_empty(&self) -> bool {
        self.window.is_empty()
    }

    /// `true` once `period` values have been pushed.
    pub fn is_full(&self) -> bool {
        self.window.is_full()
    }

    /// The window length.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// Empties the window.
    pub fn clear(&mut self) {
        self.window.clear();
        self.accumulator = CompensatedSum::new();
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct RollingSumState<T: Float> {
    window: RingBuffer<T>,
    accumulator: CompensatedSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Float> TryFrom<RollingSumState<T>> for RollingSum<T> {
    type Error = Error;

    fn try_from(state: RollingSumState<T>) -> Result<Self, Error> {
        if !state.window.iter().all(T::is_finite) || !state.accumulator.is_finite() {
            return Err(invalid_state("rolling sum holds a non-finite value"));
        }
        // The stored sum must be that of the stored window, to within rounding.
        let exact = state
            .window
            .iter()
            .fold(CompensatedSum::new(), CompensatedSum::plus)
            .total();
        let magnitude = state.window.iter().fold(T::zero(), |m, x| m + x.abs());
        let tolerance = magnitude * T::epsilon() * crate::float::lit(64.0);
        if (state.accumulator.total() - exact).abs() > tolerance {
            return Err(invalid_state(
                "rolling sum does not match the values in its window",
            ));
        }
        Ok(Self {
            window: state.window,
            accumulator: state.accumulator,
        })
    }
}
