use core::fmt;

use super::{flush_tiny, FlatRsi, MaFastStochastic, Rsi, StochasticOutput};
use crate::average::Sma;
use crate::bar::Candle;
use crate::{Error, Indicator, Real};

/// Stochastic RSI (Chande and Kroll): the fast stochastic of Wilder's RSI, TA-Lib's
/// `STOCHRSI`, with any moving average for `%D`.
///
/// # Formula
///
/// `r = RSI_n(x)` (Wilder's, 0 on a flat series as in TA-Lib), then over the last `k` RSI
/// values, with `HH` and `LL` their highest and lowest:
/// `fastK = 100·(r − LL)/(HH − LL)` (0 when the window is flat, by TA-Lib's test) and
/// `fastD = D(fastK)`. Both lines start together, after `n + k − 1 + warm-up D` inputs
/// (TA-Lib's lookback `n + (k − 1) + (d − 1)` for the SMA, plus one): 21 for 14/5/3.
///
/// # Range
///
/// `fastK` is in `0..=100`; `fastD` too when `D` is a mean with non-negative weights (SMA,
/// EMA, WMA, TRIMA, KAMA, MAMA, Wilder's, none); DEMA, TEMA, T3, HMA and ZLEMA extrapolate
/// and can leave the band, as in TA-Lib. Every output is finite. No input is refused beyond
/// the usable range.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 14; `fast_k` (`k`,
/// `fastk_period`): `1..=100000`, default 5; the average `D` (`fastd_period` 3, `fastd_matype`
/// SMA by default).
///
/// # Example
///
/// ```
/// use ta_stream::average::Sma;
/// use ta_stream::signal::{Zone, ZoneEvent, Zones};
/// use ta_stream::{momentum::StochRsi, Indicator};
///
/// let mut stoch_rsi = StochRsi::new(2, 2, Sma::<f64>::new(1)?)?;
/// // RSI(2): 100 after two rises, then 66.7 after a smaller fall, the window's lowest: %K 0
/// let out = stoch_rsi.batch(&[1.0, 2.0, 3.0, 2.5, 3.0]);
/// assert_eq!(out[..3], [None, None, None]);
/// assert_eq!(out[3].unwrap().k, 0.0);
///
/// // The event an analyst reads: StochRSI leaving overbought (80).
/// let mut zones = Zones::new(80.0, 20.0)?;
/// let mut stoch_rsi = StochRsi::new(2, 2, Sma::<f64>::new(1)?)?;
/// let mut events = Vec::new();
/// // RSI(2): 100, 66.7, 80, 69: %K 0, 100, 0; %K leaves overbought on the last input
/// for x in [1.0, 2.0, 3.0, 2.5, 3.0, 2.9] {
///     if let Some(reading) = stoch_rsi.update(x).and_then(|out| zones.update(out.k)) {
///         events.push(reading.exit());
///     }
/// }
/// assert_eq!(events.last(), Some(&Some(ZoneEvent::LeftOverbought)));
/// assert_eq!(zones.value().map(|r| r.zone()), Some(Zone::Oversold));
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande and Stanley Kroll, *The New Technical Trader* (1994); TA-Lib `STOCHRSI`
/// (every `matype`), matched at every index, except with MAMA once `%K` has sat at exactly 0
/// or 100 for ten bars or more, where TA-Lib's MAMA is not exact and this one is (see
/// [`Mama`](crate::average::Mama#parity)).
#[doc(alias = "STOCHRSI")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "StochRsiState<D, T>",
        bound(
            serialize = "D: serde::Serialize, T: serde::Serialize",
            deserialize = "D: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                           T: serde::Deserialize<'de>"
        )
    )
)]
pub struct StochRsi<D = Sma<f64>, T: Real = f64> {
    rsi: Rsi<T>,
    stochastic: MaFastStochastic<D, T>,
}

/// An RSI value as a candle for the stochastic.
#[inline]
fn point<T: Real>(rsi: T) -> Candle<T> {
    let rsi = flush_tiny(rsi);
    Candle {
        open: rsi,
        high: rsi,
        low: rsi,
        close: rsi,
        volume: T::zero(),
    }
}

impl<D, T> StochRsi<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// The stochastic over `fast_k` values of the RSI over `period`, `%D` the average
    /// `fast_d` of `%K`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `period` or `fast_k` unless it is in `1..=100000`.
    pub fn new(period: usize, fast_k: usize, fast_d: D) -> Result<Self, Error> {
        Ok(Self {
            rsi: Rsi::new_generic(crate::error::check_period("period", period)?)?
                .with_flat(FlatRsi::TaLib),
            stochastic: MaFastStochastic::new(fast_k, fast_d)?,
        })
    }

    /// The RSI period.
    pub fn period(&self) -> usize {
        self.rsi.period()
    }

    /// The stochastic window, in RSI values.
    pub fn fast_k_period(&self) -> usize {
        self.stochastic.fast_k_period()
    }
}

impl<T: Real> Default for StochRsi<Sma<T>, T> {
    /// STOCHRSI(14, 5, 3) with the SMA, TA-Lib's defaults.
    fn default() -> Self {
        Self {
            rsi: Rsi::default().with_flat(FlatRsi::TaLib),
            stochastic: MaFastStochastic::default(),
        }
    }
}

impl<D, T> Indicator for StochRsi<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = T;
    type Output = StochasticOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<StochasticOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let rsi = self.rsi.update(x)?;
        self.stochastic.update(point(rsi))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<StochasticOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let rsi = self.rsi.peek(x)?;
        self.stochastic.peek(point(rsi))
    }

    #[inline]
    fn value(&self) -> Option<StochasticOutput<T>> {
        self.stochastic.value()
    }

    fn reset(&mut self) {
        self.rsi.reset();
        self.stochastic.reset();
    }

    fn warmup_period(&self) -> usize {
        self.rsi.warmup_period() + self.stochastic.warmup_period() - 1
    }
}

impl<D: fmt::Display, T: Real> fmt::Display for StochRsi<D, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stochastic = self.stochastic.to_string();
        let inner = stochastic.trim_start_matches("STOCHF(");
        write!(f, "STOCHRSI({},{inner}", self.rsi.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(
    deserialize = "MaFastStochastic<D, T>: serde::Deserialize<'de>, T: serde::Deserialize<'de>"
))]
struct StochRsiState<D, T: Real> {
    rsi: Rsi<T>,
    stochastic: MaFastStochastic<D, T>,
}

#[cfg(feature = "serde")]
impl<D, T> TryFrom<StochRsiState<D, T>> for StochRsi<D, T>
where
    D: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Error = Error;

    /// Both parts validate themselves; here: the RSI in TA-Lib's flat mode, and no
    /// stochastic output without an RSI value.
    fn try_from(state: StochRsiState<D, T>) -> Result<Self, Error> {
        let ahead = state.stochastic.value().is_some() && state.rsi.value().is_none();
        if state.rsi.flat() != FlatRsi::TaLib || ahead {
            return Err(crate::error::invalid_state(
                "STOCHRSI: RSI not in TA-Lib's flat mode, or the stochastic ahead of it",
            ));
        }
        Ok(Self {
            rsi: state.rsi,
            stochastic: state.stochastic,
        })
    }
}
