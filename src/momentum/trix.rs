use core::fmt;

use crate::average::smoother::ema_step;
use crate::average::Ema;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// TRIX (Hutson): the one-input rate of change, in percent, of a triple EMA.
///
/// # Formula
///
/// `E3 = EMA_n(EMA_n(EMA_n(x)))`, each EMA TA-Lib's (`k = 2/(n + 1)`, seeded with the mean
/// of its first `n` inputs, fed from the previous one's first value on), then
/// `TRIX_t = 100 · (E3_t / E3_{t−1} − 1)`, and **0 when `E3_{t−1} = 0`** (TA-Lib's exact
/// test). The first output comes after `3·(n − 1) + 2` inputs (TA-Lib's lookback
/// `3·(n − 1) + 1`, plus one): 89 for 30.
///
/// # Range
///
/// A percentage with no fixed bound; on prices of one sign it is above −100. A ratio beyond
/// the float range (an average that decayed towards 0 on a series of mixed signs) saturates
/// at `±T::MAX`, so every output is finite. No input is refused beyond the usable range.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 30.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Trix, Indicator};
///
/// let mut trix: Trix = Trix::new(1)?; // EMA(1) is the input: TRIX(1) is the ROC(1)
/// let out = trix.batch(&[100.0, 110.0, 99.0]);
/// assert_eq!(out[0], None);
/// assert!((out[1].unwrap() - 10.0).abs() < 1e-12);
/// assert!((out[2].unwrap() + 10.0).abs() < 1e-12);
/// assert_eq!(Trix::<f64>::default().to_string(), "TRIX(30)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Jack Hutson, *Technical Analysis of Stocks & Commodities* (1983); TA-Lib `TRIX`, matched at
/// every index.
#[doc(alias = "TRIX")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TrixState<T>")
)]
pub struct Trix<T: Real = f64> {
    first: Ema<T>,
    second: Ema<T>,
    third: Ema<T>,
    /// The triple EMA before the last one.
    previous: Option<T>,
}

impl Trix {
    /// TRIX over `period`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Trix<T> {
    /// [`Trix::new`] in any precision `T` (`f32`, or generic code): `Trix::<f32>::new_generic(1)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let first = Ema::new_generic(crate::error::check_period("period", period)?)?;
        Ok(Self::from_ema(first))
    }

    fn from_ema(first: Ema<T>) -> Self {
        Self {
            second: first.clone(),
            third: first.clone(),
            first,
            previous: None,
        }
    }

    /// The EMA period `n`.
    pub fn period(&self) -> usize {
        self.first.period()
    }

    /// `100 · (now / before − 1)`, 0 for a zero base, saturated to the float range.
    #[inline]
    fn rate(now: T, before: T) -> T {
        if before == T::zero() {
            return T::zero();
        }
        let rate = (now / before - T::one()) * lit::<T>(100.0);
        rate.max(-T::max_value()).min(T::max_value())
    }

    /// The next triple EMA, or `None` while the chain warms up (unchecked input).
    #[inline]
    fn triple(&mut self, x: T) -> Option<T> {
        let single = self.first.feed(x)?;
        let double = self.second.feed(single)?;
        self.third.feed(double)
    }
}

impl<T: Real> Default for Trix<T> {
    /// TRIX(30), TA-Lib's default.
    fn default() -> Self {
        Self::from_ema(Ema::with_valid_period(30))
    }
}

impl<T: Real> Indicator for Trix<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let before = self.third.value();
        let now = self.triple(x)?;
        self.previous = before;
        Some(Self::rate(now, before?))
    }

    crate::slice::batch_by_slices!();

    /// Once the three EMAs are seeded, a chunk of usable inputs through their steady steps
    /// on a copy held in registers: the same outputs and final state bit for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        crate::slice::value_chunks(self, inputs, out, |trix, inputs, out| {
            let stages = [&trix.first, &trix.second, &trix.third];
            let (true, Some(mut before)) = (stages.iter().all(|s| s.is_warm()), trix.third.value())
            else {
                return false;
            };
            // The averages as plain numbers, held in registers through the chunk.
            let [(mut first, one), (mut second, two), (mut third, three)] =
                stages.map(Ema::steady_parts);
            let mut previous = trix.previous;
            for (&x, slot) in inputs.iter().zip(out) {
                first = ema_step(first, x, one.0, one.1);
                second = ema_step(second, first, two.0, two.1);
                third = ema_step(third, second, three.0, three.1);
                *slot = Self::rate(third, before);
                previous = Some(before);
                before = third;
            }
            trix.first.set_average(first);
            trix.second.set_average(second);
            trix.third.set_average(third);
            trix.previous = previous;
            true
        })
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let single = self.first.peek_fed(x)?;
        let double = self.second.peek_fed(single)?;
        let now = self.third.peek_fed(double)?;
        Some(Self::rate(now, self.third.value()?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::rate(self.third.value()?, self.previous?))
    }

    fn reset(&mut self) {
        self.first.reset();
        self.second.reset();
        self.third.reset();
        self.previous = None;
    }

    fn warmup_period(&self) -> usize {
        3 * (self.period() - 1) + 2
    }
}

impl<T: Real> fmt::Display for Trix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TRIX({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TrixState<T: Real> {
    first: Ema<T>,
    second: Ema<T>,
    third: Ema<T>,
    previous: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<TrixState<T>> for Trix<T> {
    type Error = Error;

    /// The chain consistent (same period and seed, none ahead of its input, each EMA
    /// validating itself), and a previous value only after the triple EMA has one, no larger
    /// than an average of inputs.
    fn try_from(state: TrixState<T>) -> Result<Self, Error> {
        let chain = [&state.first, &state.second, &state.third];
        let in_step = chain.windows(2).all(|pair| match pair {
            [feeder, fed] => {
                feeder.period() == fed.period()
                    && feeder.seed() == fed.seed()
                    && (fed.is_untouched() || feeder.is_ready())
            }
            _ => true,
        });
        if !in_step {
            return Err(crate::error::invalid_state(
                "TRIX EMAs differ in period or seed, or one is ahead of its input",
            ));
        }
        let previous_ok = state.previous.is_none_or(|p| {
            state.third.is_ready() && p.is_finite() && p.abs() <= lit::<T>(2.0) * T::max_input()
        });
        if !previous_ok {
            return Err(crate::error::invalid_state(
                "TRIX previous triple EMA stored before the chain produced one, or too large",
            ));
        }
        Ok(Self {
            first: state.first,
            second: state.second,
            third: state.third,
            previous: state.previous,
        })
    }
}
