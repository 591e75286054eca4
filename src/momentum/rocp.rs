use core::fmt;

use crate::error::check_period;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// Rate of change as a fraction: how far the input moved over `n` updates, relative to where
/// it was (0.05 = 5 %).
///
/// # Formula
///
/// `ROCP_t = (x_t − x_{t−n}) / x_{t−n}`, first output after `n + 1` inputs.
///
/// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
/// TA-Lib writes it (`ta_ROCP.c`). The same in percent is [`Roc`](super::Roc); the difference
/// is [`Momentum`](super::Momentum).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Rocp, Indicator};
///
/// let mut rocp = Rocp::new(2)?;
/// let out = rocp.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
/// assert_eq!(out, [None, None, Some(0.5), Some(-1.0), Some(-0.5)]);
/// assert_eq!(rocp.batch(&[7.0, 150.0]), [Some(0.0), Some(1.0)]); // 7 over 0: TA-Lib's 0
/// assert_eq!(Rocp::<f64>::default().to_string(), "ROCP(10)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `ROCP`; matches it at every index (see `tests/talib_momentum.rs`).
#[doc(alias = "ROCP")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RocpState<T>")
)]
pub struct Rocp<T: Real = f64> {
    /// The last `n` inputs: the next push evicts `x_{t−n}` of the next update.
    window: RingBuffer<T>,
    /// The last output.
    value: Option<T>,
}

impl<T: Real> Rocp<T> {
    /// The rate of change over `period` updates, as a fraction.
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

    /// `(x − base)/base`, or 0 when `base` is 0.
    #[inline]
    fn next(x: T, base: T) -> T {
        if base == T::zero() {
            T::zero()
        } else {
            (x - base) / base
        }
    }
}

impl<T: Real> Default for Rocp<T> {
    /// ROCP(10), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: RingBuffer::with_valid_capacity(10),
            value: None,
        }
    }
}

impl<T: Real> Indicator for Rocp<T> {
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

impl<T: Real> fmt::Display for Rocp<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ROCP({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct RocpState<T: Real> {
    window: RingBuffer<T>,
    value: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RocpState<T>> for Rocp<T> {
    type Error = Error;

    fn try_from(state: RocpState<T>) -> Result<Self, Error> {
        super::check_lag_state(&state.window, state.value)?;
        Ok(Self {
            window: state.window,
            value: state.value,
        })
    }
}
