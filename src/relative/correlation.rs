use core::fmt;

use super::comoments::{CoMoments, Moments};
use super::{positive_pair, usable_return, Returns};
use crate::{Error, Indicator, Real};

/// What [`Correlation`] correlates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
/// left the window cost no precision. A window where either series is flat gives **0**.
/// In TA-Lib mode, like TA-Lib 0.8.1, so does a product of the two summed squared
/// deviations that is not positive in floating point: series quoted at 1e-6 or 1e-50 are
/// correlated as usual, series whose deviations are below about 1e-81 (the product
/// underflows) read 0, as in TA-Lib.
///
/// # Refused inputs
///
/// Every input must be usable (`0` or `1e-150..=1e150` in magnitude for `f64`,
/// `1e-15..=1e15` for `f32`, see [`Real`](crate::Real)). On returns, prices must also be
/// positive and each bar's return must itself be usable (`|r| ≤ 1e150`, `1e15` for `f32`):
/// a price that jumps by a larger factor in one bar would make squared returns overflow.
/// A refused pair is ignored by `update` (the last value is kept) and rejected by
/// `try_update` with [`Error::InvalidInput`], like a NaN. Every output is in `[−1, 1]`.
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
/// // A (RUT-like) against B (NDX-like), five daily returns.
/// let a = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];
/// let b = [100.0, 101.0, 99.5, 102.0, 103.0, 101.5];
/// let pairs: Vec<(f64, f64)> = a.into_iter().zip(b).collect();
/// let out = Correlation::new(5)?.batch(&pairs);
/// assert!((out[5].unwrap() - 0.93353651).abs() < 1e-8);
/// // TA-Lib's CORREL works on the prices: its first value comes one bar earlier.
/// let prices = Correlation::talib(5)?.batch(&pairs);
/// assert!(prices[3].is_none() && prices[4].is_some());
/// assert_eq!(Correlation::talib(20)?.to_string(), "CORREL(20)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `CORREL` (matched at every index by `tests/talib_relative.rs`).
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

impl Correlation {
    /// Correlation of the last `period` simple returns.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// TA-Lib `CORREL(asset, benchmark, period)`: the correlation of the last `period`
    /// inputs themselves (prices, not returns).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn talib(period: usize) -> Result<Self, Error> {
        Self::talib_generic(period)
    }
}

impl<T: Real> Correlation<T> {
    /// [`Correlation::new`] in any precision `T` (`f32`, or generic code): `Correlation::<f32>::new_generic(5)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            basis: Basis::Returns(Returns::Simple),
            previous: None,
            moments: CoMoments::new(check_correlation_period(period)?)?,
        })
    }

    /// [`Correlation::talib`] in any precision `T` (`f32`, or generic code): `Correlation::<f32>::talib_generic(5)`.
    pub fn talib_generic(period: usize) -> Result<Self, Error> {
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

    /// What `input` does: `Err(())` if it is refused, `Ok(None)` for the first pair of
    /// returns, `Ok(Some(observation))` otherwise.
    #[inline]
    fn step(&self, input: (T, T)) -> Result<Option<(T, T)>, ()> {
        match self.basis {
            Basis::Values if crate::CheckedInput::is_usable(&input) => Ok(Some(input)),
            Basis::Values => Err(()),
            Basis::Returns(_) if !positive_pair(input) => Err(()),
            Basis::Returns(returns) => {
                let Some((asset, benchmark)) = self.previous else {
                    return Ok(None);
                };
                let asset = usable_return(returns, asset, input.0).ok_or(())?;
                let benchmark = usable_return(returns, benchmark, input.1).ok_or(())?;
                Ok(Some((asset, benchmark)))
            }
        }
    }

    #[inline]
    fn correlation(&self, moments: Moments<T>) -> T {
        let degenerate = match self.basis {
            // TA-Lib's test: the product of the two summed squared deviations is not
            // positive, which at tiny magnitudes includes a product that underflows to 0.
            Basis::Values => moments.xx * moments.yy <= T::zero(),
            Basis::Returns(_) => moments.xx <= T::zero() || moments.yy <= T::zero(),
        };
        if degenerate {
            return T::zero();
        }
        // Two square roots, never the product under one: no overflow, no underflow.
        let rho = moments.xy / moments.xx.sqrt() / moments.yy.sqrt();
        rho.max(-T::one()).min(T::one())
    }
}

impl<T: Real> Indicator for Correlation<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        let Ok(observation) = self.step(input) else {
            return self.value();
        };
        if let Some((x, y)) = observation {
            self.moments.push(x, y);
        }
        if matches!(self.basis, Basis::Returns(_)) {
            self.previous = Some(input);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        let Ok(observation) = self.step(input) else {
            return self.value();
        };
        let (x, y) = observation?;
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

    /// Rejects unusable pairs, and on returns prices `≤ 0` and returns outside the usable
    /// range, with [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if self.step(input).is_ok() {
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
#[serde(deny_unknown_fields)]
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
