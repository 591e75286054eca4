use core::fmt;

use crate::average::Sma;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

use super::cmo::check_at_least_two;

/// Detrended price oscillator, TA-Lib's form: the close `n/2 + 1` updates ago minus the
/// current `n`-input SMA, which removes the trend longer than about `n` and leaves the
/// shorter cycles.
///
/// # Formula
///
/// With `s = ⌊n/2⌋ + 1`: `DPO_t = x_{t−s} − SMA_n(t)`.
///
/// This is TA-Lib's alignment, checked against TA-Lib: the past price is compared with the
/// average *now*, so the value is known at `t` (no look-ahead, nothing to shift when
/// plotting). The centred form some charting packages draw, `x_t − SMA_n(t + s)`, is the same
/// series moved `s` bars back, which needs future prices.
///
/// The first output comes after `max(n, s + 1)` inputs (`n` except for `n = 2`, where it is
/// 3). `|DPO| ≤ 2·max_input`; nothing beyond the crate's usable range is refused.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`; 20 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Dpo, Indicator};
///
/// let mut dpo = Dpo::new(4)?; // s = 3
/// let out = dpo.batch(&[1.0, 2.0, 3.0, 4.0, 8.0]);
/// // x_0 − SMA(1..4) = 1 − 2.5; x_1 − SMA(2, 3, 4, 8) = 2 − 4.25
/// assert_eq!(out, [None, None, None, Some(-1.5), Some(-2.25)]);
/// assert_eq!(dpo.to_string(), "DPO(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// William Blau's and others' detrended price oscillator; TA-Lib `DPO`, matched at every
/// index.
#[doc(alias = "DPO")]
#[doc(alias = "detrended price oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DpoState<T>")
)]
pub struct Dpo<T: Real = f64> {
    average: Sma<T>,
    /// The last `s + 1` inputs: the oldest is `x_{t−s}`.
    inputs: RingBuffer<T>,
}

impl Dpo {
    /// The detrended price oscillator over a `period`-input SMA.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Dpo<T> {
    /// [`Dpo::new`] in any precision `T` (`f32`, or generic code): `Dpo::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_at_least_two("period", period)?;
        Ok(Self {
            average: Sma::new_generic(period)?,
            inputs: RingBuffer::new(Self::lag(period) + 1)?,
        })
    }

    /// The period `n` of the SMA.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    /// `s = ⌊n/2⌋ + 1`.
    fn lag(period: usize) -> usize {
        period / 2 + 1
    }

    /// `x_{t−s}` after pushing one more input, once there is one.
    #[inline]
    fn base_after_push(&self) -> Option<T> {
        let inputs = &self.inputs;
        if inputs.is_full() {
            inputs.iter().nth(1)
        } else if inputs.len() + 1 == inputs.capacity() {
            inputs.oldest()
        } else {
            None
        }
    }
}

impl<T: Real> Default for Dpo<T> {
    /// DPO(20), TA-Lib's default.
    fn default() -> Self {
        Self {
            average: Sma::with_valid_period(20),
            inputs: RingBuffer::with_valid_capacity(Self::lag(20) + 1),
        }
    }
}

impl<T: Real> Indicator for Dpo<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if x.is_usable() {
            self.average.update(x);
            self.inputs.push(x);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let average = self.average.peek(x)?;
        Some(self.base_after_push()? - average)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if !self.inputs.is_full() {
            return None;
        }
        Some(self.inputs.oldest()? - self.average.value()?)
    }

    fn reset(&mut self) {
        self.average.reset();
        self.inputs.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period().max(self.inputs.capacity())
    }
}

impl<T: Real> fmt::Display for Dpo<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DPO({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DpoState<T: Real> {
    average: Sma<T>,
    inputs: RingBuffer<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<DpoState<T>> for Dpo<T> {
    type Error = Error;

    /// The lag window of length `⌊n/2⌋ + 2` holding usable inputs (the average's are checked
    /// by `Sma`), as many inputs in each as one count of updates gives, and the same newest
    /// inputs in both (within rounding where the average keeps them as suffix sums).
    fn try_from(state: DpoState<T>) -> Result<Self, Error> {
        let period = check_at_least_two("period", state.average.period())?;
        let window = state.average.window_values();
        let (held, averaged) = (state.inputs.len(), window.len());
        let capacity = state.inputs.capacity();
        let counts_ok = match (held < capacity, averaged < period) {
            (true, true) => held == averaged,
            (true, false) => held >= period,
            (false, true) => averaged >= capacity,
            (false, false) => true,
        };
        let shared = held.min(averaged);
        // The average keeps its older values as suffix sums: each recovered value matches
        // the input within its error bound (the newest ones exactly).
        let same_newest = state
            .inputs
            .iter()
            .skip(held - shared)
            .zip(window.iter().skip(averaged - shared))
            .all(|(input, &(value, error))| (input - value).abs() <= error);
        let consistent = capacity == Self::lag(period) + 1
            && counts_ok
            && same_newest
            && state.inputs.iter().all(|x| x.is_usable());
        if !consistent {
            return Err(crate::error::invalid_state(
                "DPO windows do not match each other or its period",
            ));
        }
        Ok(Self {
            average: state.average,
            inputs: state.inputs,
        })
    }
}
