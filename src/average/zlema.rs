use core::fmt;

use super::smoother::{Rule, Smoother};
use super::Seed;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// Zero-lag exponential moving average (Ehlers and Way): the EMA of the input pushed ahead
/// by its own change over half the period, which removes most of the EMA's lag.
///
/// # Formula
///
/// With the lag `L = ⌊(n − 1)/2⌋`: `ZLEMA = EMA_n(2·x_t − x_{t−L})`, the EMA seeded (like
/// TA-Lib) with the mean of its first `n` inputs. The first output comes after `L + n` inputs.
/// O(1) per update.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 30; `n = 1` and `n = 2` have no lag and
/// give the EMA of the input).
///
/// # Bounds
///
/// `2·x_t − x_{t−L}` lies within three times the largest input magnitude, and so does the
/// average.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Zlema, Indicator};
///
/// let mut zlema: Zlema = Zlema::new(3)?; // lag 1
/// // The EMA(3) of 2·x − x[1] = 5, 1, 8, 3: seeded with (5 + 1 + 8)/3, then halfway to 3.
/// let out = zlema.batch(&[1.0, 3.0, 2.0, 5.0, 4.0]);
/// assert_eq!(out[..3], [None, None, None]);
/// assert!((out[3].unwrap() - 14.0 / 3.0).abs() < 1e-12);
/// assert!((out[4].unwrap() - 23.0 / 6.0).abs() < 1e-12);
/// assert_eq!(zlema.to_string(), "ZLEMA(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `ZLEMA` (and `MA` with `matype` 12); matches it at every index.
#[doc(alias = "ZLEMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ZlemaState<T>")
)]
pub struct Zlema<T: Real = f64> {
    /// The last `L` inputs (one slot, unused, when `L = 0`).
    inputs: RingBuffer<T>,
    /// The EMA of the de-lagged inputs.
    ema: Smoother<T>,
}

impl Zlema {
    /// A ZLEMA over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Zlema<T> {
    /// [`Zlema::new`] in any precision `T` (`f32`, or generic code): `Zlema::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            inputs: RingBuffer::new(Self::lag_of(period).max(1))?,
            ema: Smoother::new(period, Seed::Sma, Rule::Ema)?,
        })
    }

    fn lag_of(period: usize) -> usize {
        (period - 1) / 2
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.ema.period()
    }

    /// The lag `L = ⌊(n − 1)/2⌋`.
    pub fn lag(&self) -> usize {
        Self::lag_of(self.period())
    }

    /// `2·x − x_{t−L}`, once `L` inputs are held.
    #[inline]
    fn delagged(&self, x: T) -> Option<T> {
        if self.lag() == 0 {
            return Some(x);
        }
        let lagged = self.inputs.next_evicted()?;
        Some(lit::<T>(2.0) * x - lagged)
    }
}

impl<T: Real> Indicator for Zlema<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let delagged = self.delagged(x);
        if self.lag() > 0 {
            self.inputs.push(x);
        }
        self.ema.update(delagged?)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.ema.peek(self.delagged(x)?)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.ema.value()
    }

    fn reset(&mut self) {
        self.inputs.clear();
        self.ema.reset();
    }

    fn warmup_period(&self) -> usize {
        self.lag() + self.period()
    }
}

impl<T: Real> fmt::Display for Zlema<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ZLEMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ZlemaState<T: Real> {
    inputs: RingBuffer<T>,
    ema: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ZlemaState<T>> for Zlema<T> {
    type Error = Error;

    fn try_from(state: ZlemaState<T>) -> Result<Self, Error> {
        let mut zlema = Self::new_generic(state.ema.period())?;
        let lag = zlema.lag();
        let shape_ok = state.inputs.capacity() == lag.max(1)
            && (lag > 0 || state.inputs.is_empty())
            && state.ema.seed() == Seed::Sma
            && !state.ema.is_wilder();
        // The EMA only starts once `L` inputs are held.
        let started_ok = state.ema.count() == 0 || lag == 0 || state.inputs.is_full();
        // Every input usable; the EMA of values within 3 × max_input.
        let values_ok = state.inputs.iter().all(|x| x.is_usable())
            && state.ema.fed_at_most(lit::<T>(3.0) * T::max_input());
        if !(shape_ok && started_ok && values_ok) {
            return Err(invalid_state(
                "ZLEMA state does not match its period, or holds values its inputs cannot make",
            ));
        }
        zlema.inputs = state.inputs;
        zlema.ema = state.ema;
        Ok(zlema)
    }
}
