use core::fmt;

use super::comoments::{CoMoments, Moments};
use super::{positive_pair, Returns};
use crate::{Error, Indicator, Real};

/// What [`Correlation`] correlates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
enum Basis {
    /// The inputs themselves (TA-Lib `CORREL`).
    Values,
    /// Their returns.
    Returns(Returns),
}

/// Rolling Pearson correlation of an asset and its benchmark: on returns by default, on the
/// raw inputs in TA-Lib mode.
///
/// # Formula
///
/// Over the last `n` observations `x` (asset) and `y` (benchmark):
///
/// `ρ = Σ(x − x̄)(y − ȳ) / sqrt(Σ(x − x̄)² · Σ(y − ȳ)²)`, clamped into `[−1, 1]`
///
/// (any `ddof` cancels). With [`Correlation::new`] the observations are simple returns
/// `P_t/P_{t−1} − 1` ([`with_returns`](Correlation::with_returns) for log returns): the
/// first output needs `n` returns, so `n + 1` pairs, and prices must be positive (a price
/// `≤ 0` is ignored by `update`, rejected by `try_update`). With [`Correlation::talib`] they
/// are the inputs themselves, any finite numbers, as TA-Lib `CORREL` does: the first output
/// comes after `n` pairs.
///
/// The co-moments use the drift-free block scheme of
/// [`Variance`](crate::volatility::Variance), so prices of 1e12 or a spike of 1e15 that has
/// left the window cost no precision. A window where either series is flat gives **0**;
/// in TA-Lib mode, like TA-Lib, so does a product of the two summed squared deviations below
/// `1e-14`.
///
/// Correlation is symmetric: swapping asset and benchmark gives the same value.
///
/// # Parameters
///
/// - `period` (`n`): `2..=100000`;
/// - [`Correlation::new`] (simple returns), [`with_returns`](Correlation::with_returns),
///   or [`Correlation::talib`] (raw inputs).
///
/// # Example
///
/// ```
/// use ta_stream::{relative::Correlation, Indicator};
///
/// // SPEC.md §6: A (RUT-like) against B (NDX-like), five daily returns.
/// let a = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];
/// let b = [100.0, 101.0, 99.5, 102.0, 103.0, 101.5];
/// let pairs: Vec<(f64, f64)> = a.into_iter().zip(b).collect();
/// let out = Correlation::new(5)?.batch(&pairs);
/// assert!((out[5].unwrap() - 0.93353651).abs() < 1e-8);
/// // TA-Lib's CORREL works on the prices: its first value comes one bar earlier.
/// let prices = Correlation::talib(5)?.batch(&pairs);
/// assert!(prices[3].is_none() && prices[4].is_some());
/// assert_eq!(Correlation::<f64>::talib(20)?.to_string(), "CORREL(20)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `CORREL` (matched at every index by `tests/talib_relative.rs`); SPEC.md §6.
#[doc(alias = "CORREL")]
#[doc(alias = "Pearson")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CorrelationState<T>")
)]
pub struct Correlation<T: Real = f64> {
    basis: Basis,
    /// The last accepted pair (only kept when correlating returns).
    previous: Option<(T, T)>,
    moments: CoMoments<T>,
}

/// TA-Lib's `TA_IS_ZERO_OR_NEG` bound.
const TALIB_ZERO: f64 = 1e-14;

fn check_correlation_period(period: usize) -> Result<usize, Error> {
    if period < 2 {
        return Err(Error::InvalidParameter {
            name: "period",
            value: period.to_string(),
            expected: "2..=100000",
        });
    }
    crate::error::check_period("period", period)
}

impl<T: Real> Correlation<T> {
    /// Correlation of the last `period` simple returns.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Ok(Self {
            basis: Basis::Returns(Returns::Simple),
            previous: None,
            moments: CoMoments::new(check_correlation_period(period)?)?,
        })
    }

    /// TA-Lib `CORREL(asset, benchmark, period)`: the correlation of the last `period`
    /// inputs themselves (prices, not returns).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn talib(period: usize) -> Result<Self, Error> {
        Ok(Self {
            basis: Basis::Values,
            previous: None,
            moments: CoMoments::new(check_correlation_period(period)?)?,
        })
    }

    /// The same correlation on simple or log returns (also turns a TA-Lib-mode correlation
    /// into one on returns). Meant for construction.
    #[must_use]
    pub fn with_returns(mut self, returns: Returns) -> Self {
        self.basis = Basis::Returns(returns);
        self
    }

    /// The window length `n` (returns, or inputs in TA-Lib mode).
    pub fn period(&self) -> usize {
        self.moments.period()
    }

    /// The returns correlated, or `None` in TA-Lib mode (raw inputs).
    pub fn returns(&self) -> Option<Returns> {
        match self.basis {
            Basis::Values => None,
            Basis::Returns(returns) => Some(returns),
        }
    }

    #[inline]
    fn accepts(&self, input: (T, T)) -> bool {
        match self.basis {
            Basis::Values => crate::CheckedInput::is_usable(&input),
            Basis::Returns(_) => positive_pair(input),
        }
    }

    /// The observation `input` adds to the window (`None` for the first pair of returns).
    #[inline]
    fn observation(&self, input: (T, T)) -> Option<(T, T)> {
        match self.basis {
            Basis::Values => Some(input),
            Basis::Returns(returns) => {
                let (asset, benchmark) = self.previous?;
                let step = |previous: T, x: T| match returns {
                    Returns::Simple => (x - previous) / previous,
                    Returns::Log => (x / previous).ln(),
                };
                Some((step(asset, input.0), step(benchmark, input.1)))
            }
        }
    }

    #[inline]
    fn correlation(&self, moments: Moments<T>) -> T {
        let product = moments.xx * moments.yy;
        let degenerate = match self.basis {
            Basis::Values => product < crate::float::lit(TALIB_ZERO),
            Basis::Returns(_) => moments.xx <= T::zero() || moments.yy <= T::zero(),
        };
        if degenerate {
            return T::zero();
        }
        let rho = moments.xy / (moments.xx.sqrt() * moments.yy.sqrt());
        rho.max(-T::one()).min(T::one())
    }
}

impl<T: Real> Indicator for Correlation<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if !crate::CheckedInput::is_usable(&input) {
            return self.value();
        }
        if !self.accepts(input) {
            return self.value();
        }
        if let Some((x, y)) = self.observation(input) {
            self.moments.push(x, y);
        }
        if matches!(self.basis, Basis::Returns(_)) {
            self.previous = Some(input);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        if !self.accepts(input) {
            return self.value();
        }
        let (x, y) = self.observation(input)?;
        Some(self.correlation(self.moments.peek(x, y)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(self.correlation(self.moments.moments()?))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.moments.clear();
    }

    fn warmup_period(&self) -> usize {
        match self.basis {
            Basis::Values => self.period(),
            Basis::Returns(_) => self.period() + 1,
        }
    }

    /// Rejects unusable pairs, and on returns prices `≤ 0`, with [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if self.accepts(input) {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Correlation<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.basis {
            Basis::Values => write!(f, "CORREL({})", self.period()),
            Basis::Returns(Returns::Simple) => write!(f, "CORREL({},returns)", self.period()),
            Basis::Returns(Returns::Log) => write!(f, "CORREL({},log returns)", self.period()),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct CorrelationState<T: Real> {
    basis: Basis,
    previous: Option<(T, T)>,
    moments: CoMoments<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CorrelationState<T>> for Correlation<T> {
    type Error = Error;

    fn try_from(state: CorrelationState<T>) -> Result<Self, Error> {
        check_correlation_period(state.moments.period())?;
        let consistent = match state.basis {
            Basis::Values => state.previous.is_none(),
            Basis::Returns(_) => {
                state.previous.is_none_or(positive_pair)
                    && (state.previous.is_some() || state.moments.len() == 0)
            }
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "correlation: the last pair of prices does not match the basis or the window",
            ));
        }
        Ok(Self {
            basis: state.basis,
            previous: state.previous,
            moments: state.moments,
        })
    }
}
