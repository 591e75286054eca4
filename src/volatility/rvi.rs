use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::volatility::Variance;
use crate::{Error, Indicator, Real};

/// Dorsey's relative volatility index: an RSI computed with the standard deviation of the
/// closes instead of the size of their changes, `0..=100`.
///
/// # Formula
///
/// With `σ_t` the population standard deviation of the last `m` closes:
/// - `up_t = σ_t` when the close rose (`x_t > x_{t−1}`), else 0;
///   `down_t = σ_t` when it fell, else 0 (both 0 on an unchanged close);
/// - `U`, `D`: Wilder's averages over `n` of `up` and `down` (seeded with the mean of their
///   first `n` values, as [`Rsi`](crate::momentum::Rsi));
/// - `RVI = 100 · U / (U + D)`, and `50` when `U + D = 0` (a flat series, as TA-Lib).
///
/// First output after `n + m − 1` closes. The standard deviation is [`Variance`]'s, which
/// does not drift (see its docs).
///
/// # Range
///
/// No input is refused beyond the usable range (see [`Real`](crate::Real)); the output is
/// always in `0..=100`.
///
/// # Parameters
///
/// - `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 14;
/// - `std_period` (`m`, TA-Lib `stddevperiod`): `2..=100000`, default 10.
///
/// # Example
///
/// ```
/// use ta_stream::{volatility::RelativeVolatility, Indicator};
///
/// let mut rvi = RelativeVolatility::new(2, 2)?;
/// let out = rvi.batch(&[10.0, 11.0, 12.0, 11.0, 13.0]);
/// // σ of each pair is 0.5 (1.0 for 11 → 13); U and D are Wilder's means over 2:
/// // up 0.5, 0.5 → 100; then down 0.5 → U 0.25, D 0.25 → 50; then up 1 → 0.625 / 0.75
/// assert_eq!(out[..4], [None, None, Some(100.0), Some(50.0)]);
/// assert!((out[4].unwrap() - 250.0 / 3.0).abs() < 1e-12);
/// assert_eq!(rvi.to_string(), "RVI(2,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Donald Dorsey (1993), "The Relative Volatility Index", *Technical Analysis of Stocks &
/// Commodities*. TA-Lib `RVI` (of one series, with Wilder's smoothing); matches it at every
/// index.
#[doc(alias = "RVI")]
#[doc(alias = "relative volatility index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RelativeVolatilityState<T>")
)]
pub struct RelativeVolatility<T: Real = f64> {
    /// The variance of the last `m` closes.
    variance: Variance<T>,
    /// The last close.
    previous: Option<T>,
    /// `U`: Wilder's average of the deviations on rising closes.
    up: Smoother<T>,
    /// `D`: Wilder's average of the deviations on falling closes.
    down: Smoother<T>,
}

impl RelativeVolatility {
    /// Dorsey's RVI: Wilder's averages over `period` of the `std_period` standard deviation
    /// on rising and on falling closes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000` and `std_period` in
    /// `2..=100000`.
    pub fn new(period: usize, std_period: usize) -> Result<Self, Error> {
        Self::new_generic(period, std_period)
    }
}

impl<T: Real> RelativeVolatility<T> {
    /// [`RelativeVolatility::new`] in any precision `T` (`f32`, or generic code): `RelativeVolatility::<f32>::new_generic(14, 14)`.
    pub fn new_generic(period: usize, std_period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if check_period("std_period", std_period)? < 2 {
            return Err(Error::InvalidParameter {
                name: "std_period",
                value: std_period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self {
            variance: Variance::new_generic(std_period)?,
            previous: None,
            up: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            down: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
        })
    }

    /// The smoothing period `n`.
    pub fn period(&self) -> usize {
        self.up.period()
    }

    /// The standard-deviation window `m`.
    pub fn std_period(&self) -> usize {
        self.variance.period()
    }

    /// `(up, down)` for a close `x` after `previous`, with deviation `sigma`.
    #[inline]
    fn split(x: T, previous: T, sigma: T) -> (T, T) {
        // Two selects, not a branch: a rising or falling close is a coin toss.
        let up = if x > previous { sigma } else { T::zero() };
        let down = if x < previous { sigma } else { T::zero() };
        (up, down)
    }

    /// `100·U/(U + D)`, 50 when both are 0, within `0..=100`.
    #[inline]
    fn index(up: T, down: T) -> T {
        let total = up + down;
        let hundred = lit::<T>(100.0);
        if total == T::zero() {
            return lit::<T>(50.0);
        }
        (hundred * up / total).max(T::zero()).min(hundred)
    }
}

impl<T: Real> Default for RelativeVolatility<T> {
    /// RVI(14, 10), TA-Lib's defaults.
    fn default() -> Self {
        Self {
            variance: Variance::with_valid_period(10),
            previous: None,
            up: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
            down: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
        }
    }
}

impl<T: Real> Indicator for RelativeVolatility<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let variance = self.variance.update(x);
        let previous = self.previous.replace(x);
        if let (Some(variance), Some(previous)) = (variance, previous) {
            let (up, down) = Self::split(x, previous, variance.sqrt());
            self.up.update(up);
            self.down.update(down);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let sigma = self.variance.peek(x)?.sqrt();
        let (up, down) = Self::split(x, self.previous?, sigma);
        Some(Self::index(self.up.peek(up)?, self.down.peek(down)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::index(self.up.value()?, self.down.value()?))
    }

    fn reset(&mut self) {
        self.variance.reset();
        self.previous = None;
        self.up.reset();
        self.down.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period() + self.std_period() - 1
    }
}

impl<T: Real> fmt::Display for RelativeVolatility<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RVI({},{})", self.period(), self.std_period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RelativeVolatilityState<T: Real> {
    variance: Variance<T>,
    previous: Option<T>,
    up: Smoother<T>,
    down: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RelativeVolatilityState<T>> for RelativeVolatility<T> {
    type Error = Error;

    /// The parameters in range, a population variance, the last close the variance's newest
    /// input, both averages Wilder's of one period, never negative, fed together and only
    /// once the variance was ready.
    fn try_from(state: RelativeVolatilityState<T>) -> Result<Self, Error> {
        let fresh = Self::new_generic(state.up.period(), state.variance.period())?;
        let wilder = |s: &Smoother<T>| {
            s.is_wilder()
                && s.seed() == Seed::Sma
                && s.period() == fresh.period()
                && s.state() >= T::zero()
                // σ of usable inputs is at most half their range, `max_input`.
                && s.fed_at_most(T::max_input())
        };
        let consistent = state.variance.ddof() == 0
            && state.previous == state.variance.newest()
            && wilder(&state.up)
            && wilder(&state.down)
            && state.up.count() == state.down.count()
            && (state.up.count() == 0 || state.variance.value().is_some());
        if !consistent {
            return Err(invalid_state(
                "RVI variance, last close and averages do not fit together",
            ));
        }
        Ok(Self {
            variance: state.variance,
            previous: state.previous,
            up: state.up,
            down: state.down,
        })
    }
}
