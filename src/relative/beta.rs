use core::fmt;

use super::comoments::CoMoments;
use super::{positive_pair, usable_return, Returns};
use crate::{Error, Indicator, Real};

/// Rolling beta of an asset against its benchmark: how many percent the asset moves for a
/// one-percent move of the benchmark, over the last `n` returns.
///
/// # Formula
///
/// With `r_A`, `r_B` the returns of asset and benchmark (simple, `P_t/P_{t−1} − 1`, by
/// default; log on request) over the last `n` bars:
///
/// `β = cov(r_A, r_B) / var(r_B) = Σ(r_A − r̄_A)(r_B − r̄_B) / Σ(r_B − r̄_B)²`
///
/// The same `ddof` divides numerator and denominator, so it cancels. The first output needs
/// `n` returns, so `n + 1` pairs. The co-moments are kept with the drift-free block scheme
/// of [`Variance`](crate::volatility::Variance) (sums of deviations from a pair inside the
/// window), never as `Σxy/n − x̄ȳ` of raw returns.
///
/// A benchmark that did not move over the window (`var(r_B) = 0`) gives **0**, like TA-Lib.
/// "Did not move" is exact: benchmark returns of 1e-9 are a move (TA-Lib 0.8.1 agrees, its
/// zero test is not an absolute `1e-14`).
///
/// # Refused inputs
///
/// Prices must be positive and usable, and each bar's return (of the asset and of the
/// benchmark) must itself be a usable number, `|r| ≤ 1e150` (`1e15` for `f32`, see
/// [`Real`](crate::Real)): a price that jumps by a factor above that in one bar (1e-150 to
/// 1e150) would make squared returns overflow. Such a pair is ignored by `update` (the last
/// beta is kept, and the next pair is measured from the last accepted one) and rejected by
/// `try_update` with [`Error::InvalidInput`], like a NaN.
///
/// With every return in that range the co-moments stay finite (sums of at most 100000
/// squares of 2e150). Beta itself is unbounded (a benchmark that barely moves divides by
/// almost 0): from accepted prices its magnitude stays far below the float range, and a
/// quotient beyond it (only a hand-made state can get there) saturates at `±T::MAX`, so
/// every output is finite.
///
/// # Which series is the market
///
/// The input is `(asset, benchmark)`: the **second** number is the market. TA-Lib's
/// `BETA(x, y)` takes the market **first**: `BETA(benchmark, asset)` = this indicator fed
/// `(asset, benchmark)`. For the beta of the Nasdaq-100 against the S&P 500, feed
/// `(ndx, spx)`; TA-Lib's equivalent is `BETA(spx, ndx)`.
///
/// # Parameters
///
/// - `period` (`n`, the number of returns): `2..=100000` (one return has no variance);
/// - returns: simple by default, [`with_returns`](Beta::with_returns) for log returns.
///
/// [`Beta::talib`] is simple returns, TA-Lib's `BETA`, which gives 0 exactly when the
/// benchmark's returns are flat over the window, at every magnitude (TA-Lib would take a
/// return of 0 after a zero price; here prices `≤ 0` are refused).
///
/// # Example
///
/// ```
/// use ta_stream::{relative::Beta, Indicator};
///
/// // A (RUT-like) against B (NDX-like).
/// let a = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];
/// let b = [100.0, 101.0, 99.5, 102.0, 103.0, 101.5];
/// let pairs: Vec<(f64, f64)> = a.into_iter().zip(b).collect();
/// let mut beta = Beta::new(5)?;
/// let out = beta.batch(&pairs);
/// assert!((out[5].unwrap() - 0.80947836).abs() < 1e-8);
/// assert_eq!(beta.to_string(), "BETA(5)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Sharpe (1964), the capital asset pricing model; TA-Lib `BETA` (matched at every index
/// by `tests/talib_relative.rs`).
#[doc(alias = "BETA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "BetaState<T>")
)]
pub struct Beta<T: Real = f64> {
    returns: Returns,
    talib: bool,
    /// The last accepted pair of prices.
    previous: Option<(T, T)>,
    /// `x` = asset returns, `y` = benchmark returns.
    moments: CoMoments<T>,
}

impl Beta {
    /// Beta over `period` simple returns.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// TA-Lib's `BETA(benchmark, asset, period)`, fed `(asset, benchmark)`: simple returns,
    /// and 0 when the benchmark's returns are flat over the window.
    ///
    /// # Errors
    /// As [`Beta::new`].
    pub fn talib(period: usize) -> Result<Self, Error> {
        Self::talib_generic(period)
    }
}

impl<T: Real> Beta<T> {
    /// [`Beta::new`] in any precision `T` (`f32`, or generic code): `Beta::<f32>::new_generic(5)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self {
            returns: Returns::Simple,
            talib: false,
            previous: None,
            moments: CoMoments::new(period)?,
        })
    }

    /// [`Beta::talib`] in any precision `T` (`f32`, or generic code): `Beta::<f32>::talib_generic(14)`.
    pub fn talib_generic(period: usize) -> Result<Self, Error> {
        let mut beta = Self::new_generic(period)?;
        beta.talib = true;
        Ok(beta)
    }

    /// The same beta on log or simple returns (TA-Lib mode only makes sense with simple).
    #[must_use]
    pub fn with_returns(mut self, returns: Returns) -> Self {
        self.returns = returns;
        self
    }

    /// The number of returns `n`.
    pub fn period(&self) -> usize {
        self.moments.period()
    }

    /// Simple or log returns.
    pub fn returns(&self) -> Returns {
        self.returns
    }

    /// `cov/var`, 0 for a flat benchmark, saturated at `±T::MAX` (see the type docs).
    #[inline]
    fn beta(&self, moments: super::comoments::Moments<T>) -> T {
        // TA-Lib tests `n·Σ(r_B − r̄_B)² − ...` against zero; with the deviations kept exactly
        // a flat benchmark gives exactly 0 here, and 1e-9 returns are not flat (TA-Lib 0.8.1
        // agrees), so both modes share the same test.
        if moments.yy <= T::zero() {
            return T::zero();
        }
        (moments.xy / moments.yy)
            .max(-T::max_value())
            .min(T::max_value())
    }

    /// What `input` does: `Err(())` if it is refused, `Ok(None)` for the first pair (no
    /// return yet), `Ok(Some(returns))` otherwise.
    #[inline]
    fn step(&self, input: (T, T)) -> Result<Option<(T, T)>, ()> {
        if !positive_pair(input) {
            return Err(());
        }
        let Some((asset, benchmark)) = self.previous else {
            return Ok(None);
        };
        let asset = usable_return(self.returns, asset, input.0).ok_or(())?;
        let benchmark = usable_return(self.returns, benchmark, input.1).ok_or(())?;
        Ok(Some((asset, benchmark)))
    }
}

impl<T: Real> Indicator for Beta<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        let Ok(returns) = self.step(input) else {
            return self.value();
        };
        if let Some((ra, rb)) = returns {
            self.moments.push(ra, rb);
        }
        self.previous = Some(input);
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        let Ok(returns) = self.step(input) else {
            return self.value();
        };
        let (ra, rb) = returns?;
        Some(self.beta(self.moments.peek(ra, rb)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(self.beta(self.moments.moments()?))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.moments.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects unusable pairs, prices `≤ 0` and returns outside the usable range with
    /// [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if self.step(input).is_ok() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Beta<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BETA({}", self.period())?;
        if self.returns == Returns::Log {
            f.write_str(",log")?;
        }
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BetaState<T: Real> {
    returns: Returns,
    talib: bool,
    previous: Option<(T, T)>,
    moments: CoMoments<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<BetaState<T>> for Beta<T> {
    type Error = Error;

    fn try_from(state: BetaState<T>) -> Result<Self, Error> {
        if state.moments.period() < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: state.moments.period().to_string(),
                expected: "2..=100000",
            });
        }
        let consistent = state.previous.is_none_or(positive_pair)
            && (state.previous.is_some() || state.moments.len() == 0);
        if !consistent {
            return Err(crate::error::invalid_state(
                "beta needs a positive last pair of prices once it has returns",
            ));
        }
        Ok(Self {
            returns: state.returns,
            talib: state.talib,
            previous: state.previous,
            moments: state.moments,
        })
    }
}
