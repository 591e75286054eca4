use core::fmt;

use crate::Real;

use super::{Ema, Seed};
use crate::float::lit;
use crate::{Error, Indicator};

/// Triple exponential moving average (Mulloy).
///
/// # Formula
///
/// `E1 = EMA_n(x)`, `E2 = EMA_n(E1)`, `E3 = EMA_n(E2)`, `TEMA = 3·E1 − 3·E2 + E3`. With
/// TA-Lib's SMA seed each EMA is seeded from the first `n` outputs of the previous one, so the
/// first output comes after `3n − 2` inputs.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; seeding as for [`Ema`].
///
/// # Example
///
/// ```
/// use ta_stream::{average::Tema, Indicator};
///
/// let mut tema = Tema::new(2)?;
/// let out = tema.batch(&[1.0, 2.0, 3.0, 4.0, 5.0]);
/// assert_eq!(out, [None, None, None, Some(4.0), Some(5.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `TEMA`; matches it at every index.
#[doc(alias = "TEMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TemaState<T>")
)]
pub struct Tema<T: Real = f64> {
    first: Ema<T>,
    second: Ema<T>,
    third: Ema<T>,
}

impl Tema {
    /// A TEMA over `period` inputs with TA-Lib's SMA seed.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// A TEMA over `period` inputs with the given seeding of the three EMAs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn with_seed(period: usize, seed: Seed) -> Result<Self, Error> {
        Self::with_seed_generic(period, seed)
    }
}

impl<T: Real> Tema<T> {
    /// [`Tema::new`] in any precision `T` (`f32`, or generic code): `Tema::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Self::with_seed_generic(period, Seed::Sma)
    }

    /// [`Tema::with_seed`] in any precision `T` (`f32`, or generic code): `Tema::<f32>::with_seed_generic(14, Seed::Sma)`.
    pub fn with_seed_generic(period: usize, seed: Seed) -> Result<Self, Error> {
        Ok(Self {
            first: Ema::with_seed_generic(period, seed)?,
            second: Ema::with_seed_generic(period, seed)?,
            third: Ema::with_seed_generic(period, seed)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.first.period()
    }

    #[inline]
    fn combine(e1: T, e2: T, e3: T) -> T {
        let three: T = lit(3.0);
        three * e1 - three * e2 + e3
    }
}

impl<T: Real> Indicator for Tema<T> {
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
            |tema| [&mut tema.first, &mut tema.second, &mut tema.third],
            |_, [e1, e2, e3]| Self::combine(e1, e2, e3),
        )
    }

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let e1 = self.first.update(x)?;
        let e2 = self.second.feed(e1)?;
        let e3 = self.third.feed(e2)?;
        Some(Self::combine(e1, e2, e3))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let e1 = self.first.peek(x)?;
        let e2 = self.second.peek_fed(e1)?;
        let e3 = self.third.peek_fed(e2)?;
        Some(Self::combine(e1, e2, e3))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::combine(
            self.first.value()?,
            self.second.value()?,
            self.third.value()?,
        ))
    }

    fn reset(&mut self) {
        self.first.reset();
        self.second.reset();
        self.third.reset();
    }

    fn warmup_period(&self) -> usize {
        self.first.warmup_period() + self.second.warmup_period() + self.third.warmup_period() - 2
    }
}

impl<T: Real> fmt::Display for Tema<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TEMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TemaState<T: Real> {
    first: Ema<T>,
    second: Ema<T>,
    third: Ema<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<TemaState<T>> for Tema<T> {
    type Error = Error;

    fn try_from(state: TemaState<T>) -> Result<Self, Error> {
        super::ema::check_chain(&[&state.first, &state.second, &state.third])?;
        Ok(Self {
            first: state.first,
            second: state.second,
            third: state.third,
        })
    }
}
