use core::fmt;

use super::MaStochastic;
use crate::average::Rma;
use crate::bar::Candle;
use crate::{Error, Indicator, Real};

/// One reading of [`Kdj`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct KdjOutput<T = f64> {
    /// `K`: the smoothed `%K`.
    pub k: T,
    /// `D`: the smoothed `K`.
    pub d: T,
    /// `J = 3K − 2D`.
    pub j: T,
}

/// The KDJ indicator: a slow stochastic with Wilder's smoothing and its `J` line, TA-Lib's
/// `KDJ`.
///
/// # Formula
///
/// `K` and `D` are [`MaStochastic`]'s `k` and `d` (TA-Lib's `STOCH`), with Wilder's
/// average (`matype` 13, `k = 1/n`, seeded with the mean) by default, which is the usual
/// KDJ recursion `K_t = (2·K_{t−1} + fastK_t)/3` for a period of 3; then `J = 3K − 2D`.
/// The first output comes after `fast_k + warm-up K + warm-up D − 2` candles (13 for 9/3/3).
///
/// # Range
///
/// `K` and `D` are in `0..=100` with Wilder's average (and any mean with non-negative
/// weights); `J` amplifies their gap and lies in `−200..=300`. Averages that extrapolate
/// (DEMA, TEMA, T3, HMA, ZLEMA) widen these, as in TA-Lib; every output is finite. No candle
/// is refused beyond the usable range.
///
/// # Parameters
///
/// `fast_k`: `1..=100000` (TA-Lib `fastk_period`, default 9); the averages of `K` and `D`
/// (`slowk_period` 3, `slowd_period` 3, Wilder's by default).
///
/// # Example
///
/// ```
/// use ta_stream::average::Rma;
/// use ta_stream::{bar::Candle, momentum::Kdj, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut kdj = Kdj::new(2, Rma::new(1)?, Rma::new(2)?)?;
/// assert_eq!(kdj.update(candle(10.0, 8.0, 9.0)?), None);
/// assert_eq!(kdj.update(candle(11.0, 9.0, 11.0)?), None); // K = fastK = 100
/// let out = kdj.update(candle(11.0, 10.0, 10.0)?).unwrap(); // K = 50, D = 75
/// assert_eq!((out.k, out.d, out.j), (50.0, 75.0, 0.0));
/// let default: Kdj = Kdj::default();
/// assert_eq!(default.to_string(), "KDJ(9,RMA(3),RMA(3))");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// The stochastic with a `J` line, common in Chinese charting software; TA-Lib `KDJ` (every
/// `matype`), matched at every index.
#[doc(alias = "KDJ")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
#[cfg_attr(
    feature = "serde",
    serde(bound(
        serialize = "MaStochastic<K, D, T>: serde::Serialize",
        deserialize = "MaStochastic<K, D, T>: serde::Deserialize<'de>"
    ))
)]
pub struct Kdj<K = Rma<f64>, D = K, T: Real = f64> {
    stochastic: MaStochastic<K, D, T>,
}

impl<K, D, T> Kdj<K, D, T>
where
    K: Indicator<Input = T, Output = T>,
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// KDJ over `fast_k` candles, `K` smoothed by `slow_k` and `D` by `slow_d`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast_k` unless it is in `1..=100000`.
    pub fn new(fast_k: usize, slow_k: K, slow_d: D) -> Result<Self, Error> {
        Ok(Self {
            stochastic: MaStochastic::new(fast_k, slow_k, slow_d)?,
        })
    }

    /// The `%K` window length in candles.
    pub fn fast_k_period(&self) -> usize {
        self.stochastic.fast_k_period()
    }

    #[inline]
    fn lines(output: super::StochasticOutput<T>) -> KdjOutput<T> {
        let (k, d) = (output.k, output.d);
        let three = T::one() + T::one() + T::one();
        KdjOutput {
            k,
            d,
            j: three * k - (d + d),
        }
    }
}

impl<T: Real> Default for Kdj<Rma<T>, Rma<T>, T> {
    /// KDJ(9, 3, 3) with Wilder's averages, TA-Lib's defaults.
    fn default() -> Self {
        Self {
            stochastic: MaStochastic::with_valid_period(
                9,
                Rma::with_valid_period(3),
                Rma::with_valid_period(3),
            ),
        }
    }
}

impl<K, D, T> Indicator for Kdj<K, D, T>
where
    K: Indicator<Input = T, Output = T>,
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = Candle<T>;
    type Output = KdjOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<KdjOutput<T>> {
        self.stochastic.update(candle).map(Self::lines)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<KdjOutput<T>> {
        self.stochastic.peek(candle).map(Self::lines)
    }

    #[inline]
    fn value(&self) -> Option<KdjOutput<T>> {
        self.stochastic.value().map(Self::lines)
    }

    fn reset(&mut self) {
        self.stochastic.reset();
    }

    fn warmup_period(&self) -> usize {
        self.stochastic.warmup_period()
    }
}

impl<K: fmt::Display, D: fmt::Display, T: Real> fmt::Display for Kdj<K, D, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.stochastic.to_string();
        write!(f, "KDJ{}", label.trim_start_matches("STOCH"))
    }
}
