use core::fmt;

use crate::Real;

use super::smoother::{Rule, Smoother};
use super::Seed;
use crate::{Error, Indicator};

/// Wilder's moving average (RMA, SMMA): the smoothing inside RSI and ATR.
///
/// # Formula
///
/// `RMA_t = (RMA_{t−1}·(n−1) + x_t) / n`, an EMA with `α = 1/n`. Seeded with the mean of
/// the first `n` inputs (Wilder, TA-Lib's RSI and ATR), or with the first input
/// ([`Seed::FirstValue`], as TradingView's `ta.rma` once seeded).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Rma, Indicator};
///
/// let mut rma = Rma::new(2)?;
/// assert_eq!(rma.batch(&[1.0, 3.0, 6.0]), [None, Some(2.0), Some(4.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Wilder (1978), *New Concepts in Technical Trading Systems*. TA-Lib has no stand-alone
/// function; its RSI and ATR use this recursion.
#[doc(alias = "SMMA")]
#[doc(alias = "RMA")]
#[doc(alias = "Wilder")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RmaState<T>")
)]
pub struct Rma<T: Real = f64> {
    smoother: Smoother<T>,
}

impl Rma {
    /// Wilder's average over `period` inputs, seeded with their mean.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// Wilder's average over `period` inputs with the given seeding.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn with_seed(period: usize, seed: Seed) -> Result<Self, Error> {
        Self::with_seed_generic(period, seed)
    }
}

impl<T: Real> Rma<T> {
    /// [`Rma::new`] in any precision `T` (`f32`, or generic code): `Rma::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Self::with_seed_generic(period, Seed::Sma)
    }

    /// [`Rma::with_seed`] in any precision `T` (`f32`, or generic code): `Rma::<f32>::with_seed_generic(14, Seed::Sma)`.
    pub fn with_seed_generic(period: usize, seed: Seed) -> Result<Self, Error> {
        Ok(Self {
            smoother: Smoother::new(period, seed, Rule::Wilder)?,
        })
    }

    /// For periods known to be valid (the constants of composite indicators' defaults).
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            smoother: Smoother::with_valid_period(period, Seed::Sma, Rule::Wilder),
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
}

impl<T: Real> Indicator for Rma<T> {
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

impl<T: Real> fmt::Display for Rma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RmaState<T: Real> {
    smoother: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RmaState<T>> for Rma<T> {
    type Error = Error;

    /// An average of usable inputs is no larger than the largest usable input.
    fn try_from(state: RmaState<T>) -> Result<Self, Error> {
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
