use core::fmt;

use crate::error::check_period;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// Momentum: how far the input moved over `n` updates, in its own units.
///
/// # Formula
///
/// `MOM_t = x_t − x_{t−n}`, first output after `n + 1` inputs.
///
/// Relative versions: [`Roc`](super::Roc) (percent) and [`Rocp`](super::Rocp) (fraction).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Momentum, Indicator};
///
/// let mut momentum = Momentum::new(2)?;
/// assert_eq!(momentum.batch(&[100.0, 50.0, 150.0, 0.0]), [None, None, Some(50.0), Some(-50.0)]);
/// assert_eq!(momentum.peek(120.0), Some(-30.0)); // 150 would be the base
/// assert_eq!(Momentum::<f64>::default().to_string(), "MOM(10)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MOM`; matches it at every index (see `tests/talib_momentum.rs`).
#[doc(alias = "MOM")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MomentumState<T>")
)]
pub struct Momentum<T: Real = f64> {
    /// The last `n` inputs: the next push evicts `x_{t−n}` of the next update.
    window: RingBuffer<T>,
    /// The last output.
    value: Option<T>,
}

impl<T: Real> Momentum<T> {
    /// The momentum over `period` updates.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Ok(Self {
            window: RingBuffer::new(check_period("period", period)?)?,
            value: None,
        })
    }

    /// The lag `n`.
    pub fn period(&self) -> usize {
        self.window.capacity()
    }

    /// `x − base`.
    #[inline]
    fn next(x: T, base: T) -> T {
        x - base
    }
}

impl<T: Real> Default for Momentum<T> {
    /// MOM(10), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: RingBuffer::with_valid_capacity(10),
            value: None,
        }
    }
}

impl<T: Real> Indicator for Momentum<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if let Some(base) = self.window.push(x) {
            self.value = Some(Self::next(x, base));
        }
        self.value
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.window.next_evicted().map(|base| Self::next(x, base))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.value
    }

    fn reset(&mut self) {
        self.window.clear();
        self.value = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Momentum<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MOM({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct MomentumState<T: Real> {
    window: RingBuffer<T>,
    value: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MomentumState<T>> for Momentum<T> {
    type Error = Error;

    fn try_from(state: MomentumState<T>) -> Result<Self, Error> {
        super::check_lag_state(&state.window, state.value)?;
        Ok(Self {
            window: state.window,
            value: state.value,
        })
    }
}
