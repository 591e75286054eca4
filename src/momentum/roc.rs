use core::fmt;

use crate::error::check_period;
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// Rate of change in percent: how far the input moved over `n` updates, relative to where it
/// was.
///
/// # Formula
///
/// `ROC_t = 100·(x_t / x_{t−n} − 1)`, first output after `n + 1` inputs.
///
/// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
/// TA-Lib writes it (`ta_ROC.c`). The fraction without the factor 100 is [`Rocp`](super::Rocp);
/// the difference is [`Momentum`](super::Momentum).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Roc, Indicator};
///
/// let mut roc = Roc::new(2)?;
/// let out = roc.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
/// assert_eq!(out, [None, None, Some(50.0), Some(-100.0), Some(-50.0)]);
/// assert_eq!(roc.batch(&[7.0, 150.0]), [Some(0.0), Some(100.0)]); // 7 over 0: TA-Lib's 0
/// assert_eq!(Roc::<f64>::default().to_string(), "ROC(10)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `ROC`; matches it at every index (see `tests/talib_momentum.rs`).
#[doc(alias = "ROC")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RocState<T>")
)]
pub struct Roc<T: Real = f64> {
    /// The last `n` inputs: the next push evicts `x_{t−n}` of the next update.
    window: RingBuffer<T>,
    /// The last output.
    value: Option<T>,
}

impl<T: Real> Roc<T> {
    /// The rate of change over `period` updates.
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

    /// `100·(x/base − 1)`, or 0 when `base` is 0.
    #[inline]
    fn next(x: T, base: T) -> T {
        if base == T::zero() {
            T::zero()
        } else {
            (x / base - T::one()) * lit(100.0)
        }
    }
}

impl<T: Real> Default for Roc<T> {
    /// ROC(10), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: RingBuffer::with_valid_capacity(10),
            value: None,
        }
    }
}

impl<T: Real> Indicator for Roc<T> {
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

impl<T: Real> fmt::Display for Roc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ROC({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct RocState<T: Real> {
    window: RingBuffer<T>,
    value: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RocState<T>> for Roc<T> {
    type Error = Error;

    fn try_from(state: RocState<T>) -> Result<Self, Error> {
        super::check_lag_state(&state.window, state.value)?;
        Ok(Self {
            window: state.window,
            value: state.value,
        })
    }
}
