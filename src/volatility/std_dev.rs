use core::fmt;

use crate::volatility::Variance;
use crate::{Error, Indicator, Real};

/// Rolling standard deviation of the last `n` inputs: the square root of [`Variance`],
/// population (`ddof = 0`, TA-Lib's `STDDEV` with `nbdev = 1`) by default.
///
/// # Formula
///
/// `SD = sqrt(Σ (x_i − m)² / (n − ddof))` over the window, `m` its mean; first output after
/// `n` inputs. Inherits [`Variance`]'s numerics: no `E[x²] − E[x]²`, no drift, exactly 0 on a
/// flat window.
///
/// # Parameters
///
/// - `period` (`n`): `1..=100000` (`2..` for the sample standard deviation);
/// - `ddof`: `0` ([`new`](StdDev::new)), `1` ([`sample`](StdDev::sample)) or any value below
///   `period` ([`with_ddof`](StdDev::with_ddof)).
///
/// TA-Lib's `nbdev` multiplier is not a parameter: multiply the output (or use
/// [`Bollinger`](crate::volatility::Bollinger)).
///
/// # Example
///
/// ```
/// use ta_stream::{volatility::StdDev, Indicator};
///
/// let mut sd = StdDev::new(8)?;
/// let out = sd.batch(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
/// assert_eq!(out[7], Some(2.0)); // the textbook example: mean 5, variance 4
/// assert_eq!(sd.to_string(), "STDDEV(8)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `STDDEV` (`nbdev = 1`); matched at every index by `tests/talib_volatility.rs`.
#[doc(alias = "STDDEV")]
#[doc(alias = "standard deviation")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StdDev<T: Real = f64> {
    variance: Variance<T>,
}

impl StdDev {
    /// The population standard deviation of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// The sample standard deviation (`ddof = 1`) of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn sample(period: usize) -> Result<Self, Error> {
        Self::sample_generic(period)
    }

    /// The standard deviation with divisor `period − ddof`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000` and `ddof < period`.
    pub fn with_ddof(period: usize, ddof: usize) -> Result<Self, Error> {
        Self::with_ddof_generic(period, ddof)
    }
}

impl<T: Real> StdDev<T> {
    /// [`StdDev::new`] in any precision `T` (`f32`, or generic code): `StdDev::<f32>::new_generic(8)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            variance: Variance::new_generic(period)?,
        })
    }

    /// [`StdDev::sample`] in any precision `T` (`f32`, or generic code): `StdDev::<f32>::sample_generic(14)`.
    pub fn sample_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            variance: Variance::sample_generic(period)?,
        })
    }

    /// [`StdDev::with_ddof`] in any precision `T` (`f32`, or generic code): `StdDev::<f32>::with_ddof_generic(14, 1)`.
    pub fn with_ddof_generic(period: usize, ddof: usize) -> Result<Self, Error> {
        Ok(Self {
            variance: Variance::with_ddof_generic(period, ddof)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.variance.period()
    }

    /// Delta degrees of freedom.
    pub fn ddof(&self) -> usize {
        self.variance.ddof()
    }

    /// Heap memory held, in bytes (its `size_of` is the rest).
    #[doc(hidden)]
    pub fn heap_bytes(&self) -> usize {
        self.variance.heap_bytes()
    }
}

impl<T: Real> Indicator for StdDev<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        self.variance.update(x).map(T::sqrt)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        self.variance.peek(x).map(T::sqrt)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.variance.value().map(T::sqrt)
    }

    crate::slice::batch_by_slices!();

    /// The variance's steady state a block at a time, in chunks of usable inputs: the same
    /// outputs and state as `update`, bit for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        Variance::outputs_into(
            self,
            inputs,
            out,
            |deviation| &mut deviation.variance,
            T::sqrt,
        )
    }

    fn reset(&mut self) {
        self.variance.reset();
    }

    fn warmup_period(&self) -> usize {
        self.variance.warmup_period()
    }
}

impl<T: Real> fmt::Display for StdDev<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ddof() {
            0 => write!(f, "STDDEV({})", self.period()),
            ddof => write!(f, "STDDEV({},ddof={ddof})", self.period()),
        }
    }
}
