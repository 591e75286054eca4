use core::fmt;

use crate::average::smoother::{ema_step, ema_weights};
use crate::bar::Candle;
use crate::error::check_period;
use crate::float::{from_usize, lit};
use crate::volatility::channel::channel;
use crate::volatility::{Bands, TrueRange};
use crate::window::RollingSum;
use crate::{CheckedInput, Error, Indicator, Real};

/// What the middle line of a [`Keltner`] channel averages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum KeltnerSource {
    /// The typical price `(high + low + close)/3` (TA-Lib's `KC`, Chester Keltner's original
    /// choice of price).
    #[default]
    TypicalPrice,
    /// The close (TradingView's "Keltner Channels" with its default source).
    Close,
}

/// Keltner channel: an EMA of the price, and bands a multiple of the average true range above
/// and below it.
///
/// # Formula
///
/// `middle = EMA_n(p)`, `upper = middle + k·ATR_m`, `lower = middle − k·ATR_m`, with `p` the
/// typical price `(high + low + close)/3` ([`KeltnerSource::TypicalPrice`], TA-Lib) or the
/// close ([`KeltnerSource::Close`], TradingView). The EMA has `α = 2/(n + 1)`; the ATR is
/// Wilder's (`ATR = (ATR·(m − 1) + TR)/m`, see [`Atr`](super::Atr)).
///
/// As in TA-Lib, both averages start together at the first output, after
/// `w = max(n, m + 1)` bars: the EMA from the mean of the last `n` prices and the ATR from the
/// mean of the last `m` true ranges (the first true range needs a previous close). O(1) per
/// update.
///
/// TradingView's default ("Average True Range" bands, source close, EMA basis) is
/// [`Keltner::tradingview`]: the middle line averages the close. Its ATR and EMA start where
/// this one's do; TradingView's own seeds differ by an amount that decays with the averages.
///
/// The output is [`Bands`]: `%B = (close − lower)/(upper − lower)` (outside `0..=1` when the
/// close leaves the channel; 0.5 for a zero ATR) and `bandwidth = (upper − lower)/middle`;
/// both saturate at `±T::MAX` (see [`Bands`]). Every line is within `1001·2e150` of zero.
///
/// # Parameters
///
/// - `period` (`n`, the EMA): `1..=100000`; TA-Lib's default 20.
/// - `atr_period` (`m`): `1..=100000`; TA-Lib's default 10.
/// - `multiplier` (`k`): `0.001..=1000`; TA-Lib's default 2.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::Keltner, Indicator};
///
/// let mut kc = Keltner::new(2, 1, 2.0)?; // first output after max(2, 1 + 1) = 2 bars
/// assert_eq!(kc.update(Candle::new(10.0, 12.0, 9.0, 12.0, 0.0)?), None);
/// // typical prices 11 and 10, true range max(11 − 8, |12 − 11|, |8 − 12|) = 4
/// let bands = kc.update(Candle::new(10.0, 11.0, 8.0, 11.0, 0.0)?).unwrap();
/// assert_eq!((bands.upper, bands.middle, bands.lower), (18.5, 10.5, 2.5));
/// assert_eq!(kc.to_string(), "KC(2,1,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `KC`; matches it at every index.
#[doc(alias = "KC")]
#[doc(alias = "Keltner channels")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "KeltnerState<T>")
)]
pub struct Keltner<T: Real = f64> {
    source: KeltnerSource,
    multiplier: T,
    /// The last `n` prices, until the first output.
    prices: RollingSum<T>,
    /// The last `m` true ranges, until the first output.
    ranges: RollingSum<T>,
    true_range: TrueRange<T>,
    /// Bars accepted, saturating at the warm-up length.
    bars: usize,
    /// `(EMA, ATR)` from the first output on.
    lines: Option<(T, T)>,
    /// The last accepted bar's close (0 before the first).
    close: T,
}

const MULTIPLIER_RANGE: (f64, f64) = (1e-3, 1e3);

fn check_multiplier<T: Real>(multiplier: T) -> Result<T, Error> {
    let (low, high) = MULTIPLIER_RANGE;
    if multiplier >= lit(low) && multiplier <= lit(high) {
        Ok(multiplier)
    } else {
        Err(Error::InvalidParameter {
            name: "multiplier",
            value: format!("{multiplier:?}"),
            expected: "0.001..=1000",
        })
    }
}

impl<T: Real> Keltner<T> {
    /// TA-Lib's Keltner channel: EMA of the typical price over `period` bars, bands
    /// `multiplier` ATRs over `atr_period` bars away.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `period`, `atr_period` (`1..=100000`) or
    /// `multiplier` (`0.001..=1000`).
    pub fn new(period: usize, atr_period: usize, multiplier: T) -> Result<Self, Error> {
        Self::with_source(period, atr_period, multiplier, KeltnerSource::TypicalPrice)
    }

    /// TradingView's Keltner channel: the EMA of the close ([`KeltnerSource::Close`]).
    ///
    /// # Errors
    /// As [`Keltner::new`].
    pub fn tradingview(period: usize, atr_period: usize, multiplier: T) -> Result<Self, Error> {
        Self::with_source(period, atr_period, multiplier, KeltnerSource::Close)
    }

    /// A Keltner channel whose middle line averages `source`.
    ///
    /// # Errors
    /// As [`Keltner::new`].
    pub fn with_source(
        period: usize,
        atr_period: usize,
        multiplier: T,
        source: KeltnerSource,
    ) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        let atr_period = check_period("atr_period", atr_period)?;
        Ok(Self {
            source,
            multiplier: check_multiplier(multiplier)?,
            prices: RollingSum::new_generic(period)?,
            ranges: RollingSum::new_generic(atr_period)?,
            true_range: TrueRange::new_generic(),
            bars: 0,
            lines: None,
            close: T::zero(),
        })
    }

    /// The EMA length `n`.
    pub fn period(&self) -> usize {
        self.prices.period()
    }

    /// The ATR length `m`.
    pub fn atr_period(&self) -> usize {
        self.ranges.period()
    }

    /// The ATR multiple `k`.
    pub fn multiplier(&self) -> T {
        self.multiplier
    }

    /// What the middle line averages.
    pub fn source(&self) -> KeltnerSource {
        self.source
    }

    /// Bars before the first output: `max(n, m + 1)`.
    fn warmup(&self) -> usize {
        self.period().max(self.atr_period() + 1)
    }

    #[inline]
    fn price(&self, candle: &Candle<T>) -> T {
        match self.source {
            KeltnerSource::TypicalPrice => {
                (candle.high + candle.low + candle.close) / lit::<T>(3.0)
            }
            KeltnerSource::Close => candle.close,
        }
    }

    /// The `(EMA, ATR)` after a usable bar with price `price` and true range `range`.
    #[inline]
    fn next_lines(&self, price: T, range: Option<T>) -> Option<(T, T)> {
        match (self.lines, range) {
            (Some((ema, atr)), Some(range)) => {
                let (keep, take) =
                    ema_weights(lit::<T>(2.0) / (from_usize::<T>(self.period()) + T::one()));
                let m: T = from_usize(self.atr_period());
                Some((
                    ema_step(ema, price, keep, take),
                    (atr * (m - T::one()) + range) / m,
                ))
            }
            (None, Some(range)) if self.bars + 1 == self.warmup() => Some((
                self.prices.peek_sum(price) / from_usize(self.period()),
                self.ranges.peek_sum(range) / from_usize(self.atr_period()),
            )),
            _ => None,
        }
    }

    #[inline]
    fn bands(&self, (ema, atr): (T, T), close: T) -> Bands<T> {
        let offset = self.multiplier * atr;
        channel(ema + offset, ema, ema - offset, close)
    }
}

impl<T: Real> Indicator for Keltner<T> {
    type Input = Candle<T>;
    type Output = Bands<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Bands<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let price = self.price(&candle);
        let range = self.true_range.push(candle);
        let next = self.next_lines(price, range);
        if self.lines.is_none() {
            self.prices.push_inlined(price);
            if let Some(range) = range {
                self.ranges.push_inlined(range);
            }
            self.bars += 1;
        }
        self.lines = next;
        self.close = candle.close;
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Bands<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let range = self.true_range.next(candle);
        let lines = self.next_lines(self.price(&candle), range)?;
        Some(self.bands(lines, candle.close))
    }

    #[inline]
    fn value(&self) -> Option<Bands<T>> {
        Some(self.bands(self.lines?, self.close))
    }

    fn reset(&mut self) {
        self.prices.clear();
        self.ranges.clear();
        self.true_range = TrueRange::new_generic();
        self.bars = 0;
        self.lines = None;
        self.close = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.warmup()
    }
}

impl<T: Real + fmt::Display> fmt::Display for Keltner<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, m, k) = (self.period(), self.atr_period(), self.multiplier);
        match self.source {
            KeltnerSource::TypicalPrice => write!(f, "KC({n},{m},{k})"),
            KeltnerSource::Close => write!(f, "KC[close]({n},{m},{k})"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeltnerState<T: Real> {
    source: KeltnerSource,
    multiplier: T,
    prices: RollingSum<T>,
    ranges: RollingSum<T>,
    true_range: TrueRange<T>,
    bars: usize,
    lines: Option<(T, T)>,
    close: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<KeltnerState<T>> for Keltner<T> {
    type Error = Error;

    fn try_from(state: KeltnerState<T>) -> Result<Self, Error> {
        let keltner = Self {
            source: state.source,
            multiplier: check_multiplier(state.multiplier)?,
            prices: state.prices,
            ranges: state.ranges,
            true_range: state.true_range,
            bars: state.bars,
            lines: state.lines,
            close: state.close,
        };
        let warmup = keltner.warmup();
        let counted = keltner.bars <= warmup
            && (keltner.lines.is_some() == (keltner.bars == warmup))
            && (keltner.bars == 0) == keltner.true_range.last_close().is_none()
            && (keltner.lines.is_some()
                || (keltner.prices.len() == keltner.bars.min(keltner.period())
                    && keltner.ranges.len()
                        == keltner.bars.saturating_sub(1).min(keltner.atr_period())));
        // An EMA of usable prices stays within them; a Wilder ATR of true ranges within
        // twice the largest usable price.
        let bounded = keltner.lines.is_none_or(|(ema, atr)| {
            ema.abs() <= T::max_input()
                && atr >= T::zero()
                && atr <= T::max_input() + T::max_input()
        });
        if !(counted && bounded && keltner.close.is_usable()) {
            return Err(crate::error::invalid_state(
                "KC counters, windows or averages inconsistent, or out of range",
            ));
        }
        Ok(keltner)
    }
}
