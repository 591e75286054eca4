use core::fmt;

use super::comoments::CoMoments;
use super::{positive_pair, Returns};
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
/// of [`Variance`](crate::volatility::Variance) (deviations from values inside the window,
/// merged pairwise), never as `Σxy/n − x̄ȳ`.
///
/// A benchmark that did not move over the window (`var(r_B) = 0`) gives **0**, like TA-Lib.
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
/// [`Beta::talib`] is simple returns with TA-Lib's degenerate case: a denominator
/// `n·Σ(r_B − r̄_B)²` below `1e-14` in magnitude gives 0.
///
/// Prices must be positive: a pair with a price `≤ 0` is ignored by `update` and rejected
/// by `try_update` (TA-Lib would take a return of 0 after a zero price).
///
/// # Example
///
/// ```
/// use ta_stream::{relative::Beta, Indicator};
///
/// // SPEC.md §6: A (RUT-like) against B (NDX-like).
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
/// by `tests/talib_relative.rs`); SPEC.md §6.
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

/// TA-Lib's `TA_IS_ZERO` bound.
const TALIB_ZERO: f64 = 1e-14;

impl<T: Real> Beta<T> {
    /// Beta over `period` simple returns.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
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

    /// TA-Lib's `BETA(benchmark, asset, period)`, fed `(asset, benchmark)`: simple returns,
    /// and 0 when the benchmark's summed squared deviation times `n` is below `1e-14`.
    ///
    /// # Errors
    /// As [`Beta::new`].
    pub fn talib(period: usize) -> Result<Self, Error> {
        let mut beta = Self::new(period)?;
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

    #[inline]
    fn period_return(&self, previous: T, x: T) -> T {
        match self.returns {
            Returns::Simple => (x - previous) / previous,
            Returns::Log => (x / previous).ln(),
        }
    }

    #[inline]
    fn beta(&self, moments: super::comoments::Moments<T>) -> T {
        let zero = if self.talib {
            let n: T = crate::float::from_usize(self.period());
            (moments.yy * n).abs() < crate::float::lit(TALIB_ZERO)
        } else {
            moments.yy <= T::zero()
        };
        if zero {
            T::zero()
        } else {
            moments.xy / moments.yy
        }
    }

    /// The pair of returns that `(asset, benchmark)` makes with the previous pair.
    #[inline]
    fn pair_returns(&self, input: (T, T)) -> Option<(T, T)> {
        let (asset, benchmark) = self.previous?;
        Some((
            self.period_return(asset, input.0),
            self.period_return(benchmark, input.1),
        ))
    }
}

impl<T: Real> Indicator for Beta<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if !crate::CheckedInput::is_usable(&input) {
            return self.value();
        }
        if !positive_pair(input) {
            return self.value();
        }
        if let Some((ra, rb)) = self.pair_returns(input) {
            self.moments.push(ra, rb);
        }
        self.previous = Some(input);
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        if !positive_pair(input) {
            return self.value();
        }
        let (ra, rb) = self.pair_returns(input)?;
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

    /// Rejects unusable pairs and prices `≤ 0` with [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if positive_pair(input) {
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
