use core::fmt;

use crate::volatility::Variance;
use crate::{Error, Indicator, Real};

/// How [`RealizedVolatility`] turns two consecutive prices into a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Returns {
    /// `ln(C_t / C_{t−1})`, the usual choice for volatility. The default.
    #[default]
    Log,
    /// `C_t / C_{t−1} − 1`.
    Simple,
}

/// Annualized realized (historical) volatility: the sample standard deviation of the last
/// `L` returns, scaled by `sqrt(periods per year)`.
///
/// # Formula
///
/// `r_t = ln(C_t/C_{t−1})` ([`Returns::Log`], default) or `C_t/C_{t−1} − 1`
/// ([`Returns::Simple`]); `σ_ann = sd_{ddof=1}(r_{t−L+1..t})·sqrt(P)`. The first output needs
/// `L` returns, so `L + 1` prices. The standard deviation is a [`Variance`] of the returns
/// (stable, drift-free).
///
/// Returns are ratios of prices, so **prices must be positive**: `update` ignores a price
/// `≤ 0` (like a NaN, see [`Indicator`]) and [`try_update`](Indicator::try_update) rejects it
/// with [`Error::InvalidInput`]. With [`Returns::Simple`], a price more than
/// [`Real::max_input`] (`1e150`; `1e15` for `f32`) times the previous one is refused the same
/// way: its return would not be a usable number, and its square would overflow the
/// variance. Log returns need no such limit (`|ln(C_t/C_{t−1})| ≤ 691` for usable prices).
/// Every output is then finite and `≥ 0`.
///
/// # Parameters
///
/// - `period` (`L`, the number of returns): `2..=100000`;
/// - `periods_per_year` (`P`): `1..=31622400` (one per second of a leap year at most), 252
///   (trading days) by default, set with
///   [`with_periods_per_year`](RealizedVolatility::with_periods_per_year) (52 for weekly
///   bars, 12 for monthly, 1 for no annualization);
/// - returns: [`with_returns`](RealizedVolatility::with_returns).
///
/// Note that TA-Lib's `STDDEV` of returns is the *population* standard deviation; this is
/// the sample one, as in most risk texts.
///
/// # Example
///
/// ```
/// use ta_stream::{risk::{RealizedVolatility, Returns}, Indicator};
///
/// let mut vol = RealizedVolatility::new(2)?
///     .with_returns(Returns::Simple)
///     .with_periods_per_year(1)?;
/// // returns +10 %, −10 %: sample sd = sqrt(2·0.1²/1)
/// let out = vol.batch(&[100.0, 110.0, 99.0]);
/// assert!((out[2].unwrap() - 0.02f64.sqrt()).abs() < 1e-15);
/// assert_eq!(RealizedVolatility::new(20)?.to_string(), "RV(20,252,log)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Hull, *Options, Futures, and Other Derivatives*, "Estimating volatility from historical
/// data".
#[doc(alias = "historical volatility")]
#[doc(alias = "HV")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RealizedVolatilityState<T>")
)]
pub struct RealizedVolatility<T: Real = f64> {
    returns: Returns,
    periods_per_year: usize,
    /// The last accepted price.
    previous: Option<T>,
    /// Sample variance of the returns.
    variance: Variance<T>,
    /// `sqrt(periods_per_year)`, derived.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    scale: T,
}

impl RealizedVolatility {
    /// Log-return volatility over `period` returns, annualized with 252 periods per year.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> RealizedVolatility<T> {
    /// [`RealizedVolatility::new`] in any precision `T` (`f32`, or generic code): `RealizedVolatility::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            returns: Returns::Log,
            periods_per_year: 252,
            previous: None,
            variance: Variance::sample_generic(period)?,
            scale: Self::scale(252),
        })
    }

    /// The same volatility with log or simple returns.
    #[must_use]
    pub fn with_returns(mut self, returns: Returns) -> Self {
        self.returns = returns;
        self
    }

    /// The same volatility annualized with `periods_per_year`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `periods_per_year` is 0.
    pub fn with_periods_per_year(mut self, periods_per_year: usize) -> Result<Self, Error> {
        self.periods_per_year = check_periods_per_year(periods_per_year)?;
        self.scale = Self::scale(periods_per_year);
        Ok(self)
    }

    /// The number of returns `L`.
    pub fn period(&self) -> usize {
        self.variance.period()
    }

    /// The annualization factor `P`.
    pub fn periods_per_year(&self) -> usize {
        self.periods_per_year
    }

    /// Log or simple returns.
    pub fn returns(&self) -> Returns {
        self.returns
    }

    fn scale(periods_per_year: usize) -> T {
        crate::float::from_usize::<T>(periods_per_year).sqrt()
    }

    /// `true` when `x` is a usable positive price whose return from the previous one is a
    /// usable number (see the type docs).
    #[inline]
    fn accepts(&self, x: T) -> bool {
        Self::is_price(x)
            && match (self.returns, self.previous) {
                (Returns::Simple, Some(previous)) => x / previous <= T::max_input(),
                _ => true,
            }
    }

    #[inline]
    fn is_price(x: T) -> bool {
        x.is_usable() && x > T::zero()
    }

    #[inline]
    fn period_return(&self, previous: T, x: T) -> T {
        match self.returns {
            Returns::Log => (x / previous).ln(),
            Returns::Simple => x / previous - T::one(),
        }
    }
}

/// The most periods per year accepted: one per second of a leap year.
const MAX_PERIODS_PER_YEAR: usize = 366 * 24 * 60 * 60;

fn check_periods_per_year(periods_per_year: usize) -> Result<usize, Error> {
    if (1..=MAX_PERIODS_PER_YEAR).contains(&periods_per_year) {
        Ok(periods_per_year)
    } else {
        Err(Error::InvalidParameter {
            name: "periods_per_year",
            value: periods_per_year.to_string(),
            expected: "1..=31622400 (one per second of a leap year)",
        })
    }
}

impl<T: Real> Indicator for RealizedVolatility<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !self.accepts(x) {
            return self.value();
        }
        if let Some(previous) = self.previous.replace(x) {
            let r = self.period_return(previous, x);
            self.variance.push(r);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !self.accepts(x) {
            return self.value();
        }
        let r = self.period_return(self.previous?, x);
        let variance = self.variance.peek_variance(r)?;
        Some(variance.sqrt() * self.scale)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let variance = self.variance.variance()?;
        Some(variance.sqrt() * self.scale)
    }

    fn reset(&mut self) {
        self.previous = None;
        self.variance.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects unusable inputs and prices `≤ 0` with [`Error::InvalidInput`].
    fn try_update(&mut self, x: T) -> Result<Option<T>, Error> {
        if self.accepts(x) {
            Ok(self.update(x))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for RealizedVolatility<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let returns = match self.returns {
            Returns::Log => "log",
            Returns::Simple => "simple",
        };
        write!(
            f,
            "RV({},{},{returns})",
            self.period(),
            self.periods_per_year
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RealizedVolatilityState<T: Real> {
    returns: Returns,
    periods_per_year: usize,
    previous: Option<T>,
    variance: Variance<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RealizedVolatilityState<T>> for RealizedVolatility<T> {
    type Error = Error;

    fn try_from(state: RealizedVolatilityState<T>) -> Result<Self, Error> {
        let periods_per_year = check_periods_per_year(state.periods_per_year)?;
        let has_returns = state.variance.len() > 0;
        let consistent = state.variance.ddof() == 1
            && state.previous.is_none_or(Self::is_price)
            && (state.previous.is_some() || !has_returns);
        if !consistent {
            return Err(crate::error::invalid_state(
                "realized volatility needs a sample variance of returns and a positive last price",
            ));
        }
        Ok(Self {
            returns: state.returns,
            periods_per_year,
            previous: state.previous,
            variance: state.variance,
            scale: Self::scale(periods_per_year),
        })
    }
}
