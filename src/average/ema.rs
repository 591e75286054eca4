use core::fmt;

use crate::Real;

use super::smoother::{Rule, Smoother};
use super::Seed;
use crate::{Error, Indicator};

/// Exponential moving average, seeded like TA-Lib by default.
///
/// # Formula
///
/// `k = 2/(n+1)`, then `EMA_t = EMA_{t−1}·(1 − k) + x_t·k`, and exactly `EMA_{t−1}` when
/// `x_t = EMA_{t−1}` (a flat series keeps its average to the bit).
///
/// TA-Lib writes the step `(x_t − EMA_{t−1})·k + EMA_{t−1}`: the same value, to an ulp or so.
/// Two products and a sum put one multiplication and one addition between an average and
/// the next, where TA-Lib's order also waits for the subtraction: a third less latency on
/// the one dependency a stream of updates has to wait for.
///
/// Seeding ([`Seed`]):
/// - [`Seed::Sma`] (default, TA-Lib): `EMA_{n−1}` = mean of the first `n` inputs; the first
///   output comes after `n` inputs.
/// - [`Seed::FirstValue`] (pandas `ewm(span=n, adjust=False)`): `EMA_0 = x_0`; outputs from
///   the first input.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::{Ema, Seed}, Indicator};
///
/// let mut ema = Ema::new(3)?;
/// assert_eq!(ema.batch(&[2.0, 4.0, 6.0, 10.0]), [None, None, Some(4.0), Some(7.0)]);
///
/// let mut pandas_like = Ema::with_seed(3, Seed::FirstValue)?;
/// assert_eq!(pandas_like.update(2.0), Some(2.0));
/// assert_eq!(pandas_like.update(4.0), Some(3.0));
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `EMA` (classic compatibility); matches it at every index.
#[doc(alias = "EMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "EmaState<T>")
)]
pub struct Ema<T: Real = f64> {
    smoother: Smoother<T>,
}

impl Ema {
    /// An EMA over `period` inputs with TA-Lib's SMA seed.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// An EMA over `period` inputs with the given seeding.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn with_seed(period: usize, seed: Seed) -> Result<Self, Error> {
        Self::with_seed_generic(period, seed)
    }
}

impl<T: Real> Ema<T> {
    /// [`Ema::new`] in any precision `T` (`f32`, or generic code): `Ema::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Self::with_seed_generic(period, Seed::Sma)
    }

    /// [`Ema::with_seed`] in any precision `T` (`f32`, or generic code): `Ema::<f32>::with_seed_generic(3, Seed::FirstValue)`.
    pub fn with_seed_generic(period: usize, seed: Seed) -> Result<Self, Error> {
        Ok(Self {
            smoother: Smoother::new(period, seed, Rule::Ema)?,
        })
    }

    /// For periods known to be valid (the constants of composite indicators' defaults).
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            smoother: Smoother::with_valid_period(period, Seed::Sma, Rule::Ema),
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.smoother.period()
    }

    /// The seeding in use.
    pub fn seed(&self) -> Seed {
        self.smoother.seed()
    }

    /// `true` once seeded: every later input is a steady step (see
    /// [`steady_parts`](Self::steady_parts)).
    #[inline]
    pub(crate) fn is_warm(&self) -> bool {
        self.smoother.is_warm()
    }

    /// The average and its step's weights `(keep, take)`: for a steady-state loop that
    /// holds them as plain numbers (in registers), steps with
    /// [`ema_step`](super::smoother::ema_step) and writes the average back with
    /// [`set_average`](Self::set_average).
    #[inline]
    pub(crate) fn steady_parts(&self) -> (T, (T, T)) {
        (self.smoother.state(), self.smoother.weights())
    }

    /// Writes back an average [`steady_parts`](Self::steady_parts) gave and steady steps
    /// advanced (the count is unchanged: it is saturated once seeded).
    #[inline]
    pub(crate) fn set_average(&mut self, average: T) {
        self.smoother.set_state(average);
    }

    /// Updates with a value computed from usable inputs (the output of another EMA in a
    /// DEMA or TEMA chain): no usability check, since such a value may decay below the
    /// smallest usable input (`1e-150`) and must still be smoothed, as TA-Lib does.
    #[inline]
    pub(crate) fn feed(&mut self, x: T) -> Option<T> {
        self.smoother.update(x)
    }

    /// What [`feed`](Self::feed) would return, without committing.
    #[inline]
    pub(crate) fn peek_fed(&self, x: T) -> Option<T> {
        self.smoother.peek(x)
    }

    /// `true` when no input has been consumed yet (used to validate composite states).
    #[cfg(feature = "serde")]
    pub(crate) fn is_untouched(&self) -> bool {
        self.smoother.count() == 0
    }

    /// The running seed sum while warming up, the average after: for a loader's checks on
    /// states that have no value yet.
    #[cfg(feature = "serde")]
    pub(crate) fn state(&self) -> T {
        self.smoother.state()
    }
}

/// Checks that a chain of EMAs fed into one another (DEMA, TEMA) is consistent: same period
/// and seed, and no EMA has consumed inputs before the one feeding it produced any.
#[cfg(feature = "serde")]
pub(crate) fn check_chain<T: Real>(chain: &[&Ema<T>]) -> Result<(), Error> {
    let consistent = chain.windows(2).all(|pair| match pair {
        [feeder, fed] => {
            feeder.period() == fed.period()
                && feeder.seed() == fed.seed()
                && (fed.is_untouched() || feeder.is_ready())
        }
        _ => true,
    });
    if consistent {
        Ok(())
    } else {
        Err(crate::error::invalid_state(
            "the chained EMAs differ in period or seed, or one is ahead of its input",
        ))
    }
}

impl<T: Real> Indicator for Ema<T> {
    type Input = T;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.smoother.update(x)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.smoother.peek(x)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.smoother.value()
    }

    fn reset(&mut self) {
        self.smoother.reset();
    }

    fn warmup_period(&self) -> usize {
        self.smoother.warmup_period()
    }
}

impl<T: Real> fmt::Display for Ema<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EmaState<T: Real> {
    smoother: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<EmaState<T>> for Ema<T> {
    type Error = Error;

    /// An average of usable inputs is no larger than the largest usable input.
    fn try_from(state: EmaState<T>) -> Result<Self, Error> {
        if !state.smoother.fed_at_most(T::max_input()) {
            return Err(crate::error::invalid_state(
                "the average is larger than any usable input can make it",
            ));
        }
        Ok(Self {
            smoother: state.smoother,
        })
    }
}

/// The slice path of a chain of `N` EMAs, each fed the one before (DEMA, TEMA, T3): once
/// every stage is seeded, a chunk of usable inputs runs the stages' steady steps on a copy
/// held in registers, and `combine` makes each output of the stages' values; before, and
/// for a chunk with an unusable input, `update` input by input. The same outputs and final
/// state as `update` in a loop, bit for bit, without each stage's warm-up bookkeeping.
#[inline]
pub(crate) fn chain_slice<I, T, const N: usize>(
    indicator: &mut I,
    inputs: &[T],
    out: &mut [T],
    stages: impl Fn(&mut I) -> [&mut Ema<T>; N],
    combine: impl Fn(&I, [T; N]) -> T,
) -> Result<(), Error>
where
    I: Indicator<Input = T, Output = T>,
    T: Real,
{
    crate::slice::value_chunks(indicator, inputs, out, |indicator, inputs, out| {
        let seeded = stages(indicator);
        if !seeded.iter().all(|stage| stage.is_warm()) {
            return false;
        }
        // The averages and weights as plain numbers, so that the averages stay in registers
        // (a copy of the stages kept them in memory: a store and a load on every step's
        // chain).
        let mut averages = seeded.each_ref().map(|stage| stage.steady_parts().0);
        let weights = seeded.each_ref().map(|stage| stage.steady_parts().1);
        for (&x, slot) in inputs.iter().zip(out) {
            let mut input = x;
            for (average, &(keep, take)) in averages.iter_mut().zip(&weights) {
                input = super::smoother::ema_step(*average, input, keep, take);
                *average = input;
            }
            *slot = combine(indicator, averages);
        }
        for (stage, average) in stages(indicator).into_iter().zip(averages) {
            stage.set_average(average);
        }
        true
    })
}
