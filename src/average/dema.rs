use core::fmt;

use crate::Real;

use super::{Ema, Seed};
use crate::float::lit;
use crate::{Error, Indicator};

/// Double exponential moving average (Mulloy): less lag than an EMA of the same period.
///
/// # Formula
///
/// `E1 = EMA_n(x)`, `E2 = EMA_n(E1)`, `DEMA = 2·E1 − E2`. With TA-Lib's SMA seed, `E2` is
/// seeded from the first `n` values of `E1`, so the first output comes after `2n − 1` inputs.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; seeding as for [`Ema`].
///
/// # Example
///
/// ```
/// use ta_stream::{average::Dema, Indicator};
///
/// let mut dema = Dema::new(2)?;
/// // A straight line: DEMA has no lag on it.
/// assert_eq!(dema.batch(&[1.0, 2.0, 3.0, 4.0]), [None, None, Some(3.0), Some(4.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `DEMA`; matches it at every index.
#[doc(alias = "DEMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DemaState<T>")
)]
pub struct Dema<T: Real = f64> {
    first: Ema<T>,
    second: Ema<T>,
}

impl Dema {
    /// A DEMA over `period` inputs with TA-Lib's SMA seed.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// A DEMA over `period` inputs with the given seeding of both EMAs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn with_seed(period: usize, seed: Seed) -> Result<Self, Error> {
        Self::with_seed_generic(period, seed)
    }
}

impl<T: Real> Dema<T> {
    /// [`Dema::new`] in any precision `T` (`f32`, or generic code): `Dema::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Self::with_seed_generic(period, Seed::Sma)
    }

    /// [`Dema::with_seed`] in any precision `T` (`f32`, or generic code): `Dema::<f32>::with_seed_generic(14, Seed::Sma)`.
    pub fn with_seed_generic(period: usize, seed: Seed) -> Result<Self, Error> {
        Ok(Self {
            first: Ema::with_seed_generic(period, seed)?,
            second: Ema::with_seed_generic(period, seed)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.first.period()
    }

    #[inline]
    fn combine(e1: T, e2: T) -> T {
        lit::<T>(2.0) * e1 - e2
    }
}

impl<T: Real> Indicator for Dema<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    /// Once every stage is seeded, a chunk of usable inputs through the stages' steady
    /// steps on a copy held in registers: the same outputs bit for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        super::ema::chain_slice(
            self,
            inputs,
            out,
            |dema| [&mut dema.first, &mut dema.second],
            |_, [e1, e2]| Self::combine(e1, e2),
        )
    }

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let e1 = self.first.update(x)?;
        let e2 = self.second.feed(e1)?;
        Some(Self::combine(e1, e2))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let e1 = self.first.peek(x)?;
        let e2 = self.second.peek_fed(e1)?;
        Some(Self::combine(e1, e2))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::combine(self.first.value()?, self.second.value()?))
    }

    fn reset(&mut self) {
        self.first.reset();
        self.second.reset();
    }

    fn warmup_period(&self) -> usize {
        self.first.warmup_period() + self.second.warmup_period() - 1
    }
}

impl<T: Real> fmt::Display for Dema<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DEMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DemaState<T: Real> {
    first: Ema<T>,
    second: Ema<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<DemaState<T>> for Dema<T> {
    type Error = Error;

    fn try_from(state: DemaState<T>) -> Result<Self, Error> {
        super::ema::check_chain(&[&state.first, &state.second])?;
        Ok(Self {
            first: state.first,
            second: state.second,
        })
    }
}
