use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::{CheckedInput, Indicator, Real};

/// Heikin-Ashi candles: each bar redrawn from the averages of its prices and of the previous
/// Heikin-Ashi bar, so that trends read as runs of same-coloured candles.
///
/// # Formula
///
/// With `O, H, L, C` the input candle's prices and `ha` the previous Heikin-Ashi candle:
/// - `haclose = (O + H + L + C) / 4`;
/// - `haopen = (ha.open + ha.close) / 2`, and on the first candle `(O + C) / 2`;
/// - `hahigh = max(H, haopen, haclose)`, `halow = min(L, haopen, haclose)`.
///
/// The output is a [`Candle`] (its volume is the input's), so it feeds any OHLC indicator
/// (an ATR of Heikin-Ashi bars, ...). It is always well-formed (`halow ≤ haopen, haclose ≤
/// hahigh`), even from an input candle that is not (the input is not validated, see
/// [`Candle::new`]; a candle with an unusable number is ignored). Every price is a mean of
/// usable prices, so it stays within the usable range.
///
/// The first candle's open is `(O + C) / 2` in TA-Lib and in TradingView's Heikin-Ashi
/// charts alike; `haopen` depends on every earlier bar (with a weight halving each bar), so
/// a stream started later agrees with one started earlier only after a few dozen bars
/// (TA-Lib's "unstable period").
///
/// # Parameters
///
/// None; [`HeikinAshi::new`] and [`Default`] are the same.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, price::HeikinAshi, Indicator};
///
/// let mut ha = HeikinAshi::new();
/// let first = ha.update(Candle::new(10.0, 13.0, 9.0, 12.0, 100.0)?).unwrap();
/// // open (10 + 12) / 2 = 11, close (10 + 13 + 9 + 12) / 4 = 11
/// assert_eq!((first.open, first.high, first.low, first.close), (11.0, 13.0, 9.0, 11.0));
/// let second = ha.update(Candle::new(12.0, 16.0, 12.0, 16.0, 200.0)?).unwrap();
/// // open (11 + 11) / 2 = 11 (below the bar's low, so it is the low), close 56 / 4 = 14
/// assert_eq!((second.open, second.high, second.low, second.close), (11.0, 16.0, 11.0, 14.0));
/// assert_eq!(second.volume, 200.0);
/// assert_eq!(ha.to_string(), "HA");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Dan Valcu (2004), *Using the Heikin-Ashi Technique*, Technical Analysis of Stocks &
/// Commodities. TA-Lib `HA` (outputs `haopen`, `hahigh`, `halow`, `haclose`); matches it at
/// every index.
#[doc(alias = "HA")]
#[doc(alias = "Heiken-Ashi")]
#[doc(alias = "Heikin Ashi")]
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HeikinAshiState<T>")
)]
pub struct HeikinAshi<T: Real = f64> {
    /// The last committed Heikin-Ashi candle.
    last: Option<Candle<T>>,
}

impl HeikinAshi {
    /// Heikin-Ashi candles from the next candle on.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HeikinAshi<T> {
    /// [`HeikinAshi::new`] in any precision `T` (`f32`, or generic code): `HeikinAshi::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self { last: None }
    }

    /// The Heikin-Ashi candle of `c` after the current one.
    #[inline]
    fn next(&self, c: &Candle<T>) -> Candle<T> {
        let half = lit::<T>(0.5);
        let open = match self.last {
            Some(ha) => (ha.open + ha.close) * half,
            None => (c.open + c.close) * half,
        };
        let close = (c.open + c.high + c.low + c.close) * lit::<T>(0.25);
        Candle {
            open,
            high: c.high.max(open).max(close),
            low: c.low.min(open).min(close),
            close,
            volume: c.volume,
        }
    }
}

impl<T: Real> Indicator for HeikinAshi<T> {
    type Input = Candle<T>;
    type Output = Candle<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Candle<T>> {
        if candle.is_usable() {
            self.last = Some(self.next(&candle));
        }
        self.last
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Candle<T>> {
        if candle.is_usable() {
            Some(self.next(&candle))
        } else {
            self.last
        }
    }

    #[inline]
    fn value(&self) -> Option<Candle<T>> {
        self.last
    }

    fn reset(&mut self) {
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for HeikinAshi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HA")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HeikinAshiState<T> {
    last: Option<Candle<T>>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HeikinAshiState<T>> for HeikinAshi<T> {
    type Error = crate::Error;

    /// The last candle must be one the updates can produce: prices finite and within the
    /// usable range (means of usable prices), ordered, and a usable volume.
    fn try_from(state: HeikinAshiState<T>) -> Result<Self, crate::Error> {
        if let Some(c) = state.last {
            let bound = super::bar_prices::mean_bound::<T>();
            let prices = [c.open, c.high, c.low, c.close];
            let consistent = prices.iter().all(|p| p.is_finite() && p.abs() <= bound)
                && c.low <= c.open.min(c.close)
                && c.open.max(c.close) <= c.high
                && c.volume.is_usable();
            if !consistent {
                return Err(crate::error::invalid_state(
                    "Heikin-Ashi candle not finite, beyond the usable range or not ordered",
                ));
            }
        }
        Ok(Self { last: state.last })
    }
}
