use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::bar::Candle;
use crate::float::lit;
use crate::trend::{StopOutput, Trend};
use crate::volatility::TrueRange;
use crate::{CheckedInput, Error, Indicator, Real};

/// Whose SuperTrend rules to follow; they differ only at the start and on exact ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum SuperTrendStyle {
    /// TA-Lib's `SUPERTREND` (the default): the ATR is TA-Lib's (true ranges from the second
    /// bar, first output after `n + 1` bars), the first trend is up, and a band ratchets
    /// when the previous close is strictly beyond it.
    #[default]
    TaLib,
    /// TradingView's `ta.supertrend`: the first bar's true range is its `high − low` (first
    /// output after `n` bars), the first trend is down, and a band also ratchets when the
    /// previous close equals it.
    TradingView,
}

/// The bands and trend of the last bar.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Line<T> {
    lower: T,
    upper: T,
    output: StopOutput<T>,
}

/// SuperTrend: a trailing stop `k` ATRs from the bar's midpoint that only tightens while the
/// trend lasts, and flips sides when the close crosses it.
///
/// # Formula
///
/// With `m = (high + low)/2` and Wilder's `ATR_n` (see [`Atr`](crate::volatility::Atr)):
/// the basic bands are `m − k·ATR` and `m + k·ATR`. The lower band keeps its previous value
/// when that is higher and the previous close was above it (it only rises in an uptrend); the
/// upper band mirrors it. In an uptrend the stop is the lower band, until a close below it
/// flips the trend down (the stop becomes the upper band); a close above the upper band
/// flips it up again. O(1) per update.
///
/// The output is a [`StopOutput`]: the SuperTrend line, the trend, and `flipped` on the bar
/// of a flip (TA-Lib's `trend` output is [`Trend::sign`]).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default 10); `multiplier` (`k`): `0.001..=1000`
/// (default 3). [`SuperTrendStyle`]: TA-Lib's rules ([`SuperTrend::new`]) or TradingView's
/// ([`SuperTrend::tradingview`]).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, trend::{SuperTrend, Trend}, Indicator};
///
/// let mut st = SuperTrend::new(1, 1.0)?; // ATR(1): the true range
/// assert_eq!(st.update(Candle::new(10.0, 11.0, 9.0, 10.0, 0.0)?), None);
/// // midpoint 10.5, true range 3: bands 7.5 and 13.5, trend up at the lower band
/// let first = st.update(Candle::new(10.0, 12.0, 9.0, 11.0, 0.0)?).unwrap();
/// assert_eq!((first.stop, first.trend), (7.5, Trend::Up));
/// // midpoint 8.5, true range 4: basic lower 4.5, kept at 7.5 (the close 11 was above it);
/// // the close 7 falls below 7.5: the trend flips down to the upper band min(12.5, 13.5)
/// let flip = st.update(Candle::new(10.0, 10.0, 7.0, 7.0, 0.0)?).unwrap();
/// assert_eq!((flip.stop, flip.trend, flip.flipped), (12.5, Trend::Down, true));
/// assert_eq!(st.to_string(), "SUPERTREND(1,1)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `SUPERTREND`; matches it at every index (line and trend).
#[doc(alias = "SUPERTREND")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SuperTrendState<T>")
)]
pub struct SuperTrend<T: Real = f64> {
    style: SuperTrendStyle,
    multiplier: T,
    true_range: TrueRange<T>,
    atr: Smoother<T>,
    line: Option<Line<T>>,
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

impl<T: Real> SuperTrend<T> {
    /// TA-Lib's SuperTrend: `multiplier` ATRs over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `period` (`1..=100000`) or `multiplier`
    /// (`0.001..=1000`).
    pub fn new(period: usize, multiplier: T) -> Result<Self, Error> {
        Self::with_style(period, multiplier, SuperTrendStyle::TaLib)
    }

    /// TradingView's `ta.supertrend(multiplier, period)` ([`SuperTrendStyle::TradingView`]).
    ///
    /// # Errors
    /// As [`SuperTrend::new`].
    pub fn tradingview(period: usize, multiplier: T) -> Result<Self, Error> {
        Self::with_style(period, multiplier, SuperTrendStyle::TradingView)
    }

    /// A SuperTrend following `style`'s rules.
    ///
    /// # Errors
    /// As [`SuperTrend::new`].
    pub fn with_style(period: usize, multiplier: T, style: SuperTrendStyle) -> Result<Self, Error> {
        Ok(Self {
            style,
            multiplier: check_multiplier(multiplier)?,
            true_range: TrueRange::new_generic(),
            atr: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            line: None,
        })
    }

    /// The ATR period `n`.
    pub fn period(&self) -> usize {
        self.atr.period()
    }

    /// The ATR multiple `k`.
    pub fn multiplier(&self) -> T {
        self.multiplier
    }

    /// Whose rules it follows.
    pub fn style(&self) -> SuperTrendStyle {
        self.style
    }

    /// The true range of a bar for the ATR (`None` for TA-Lib's first bar).
    #[inline]
    fn range(&self, candle: &Candle<T>) -> Option<T> {
        match (self.true_range.next(*candle), self.style) {
            (Some(range), _) => Some(range),
            (None, SuperTrendStyle::TradingView) => Some((candle.high - candle.low).abs()),
            (None, SuperTrendStyle::TaLib) => None,
        }
    }

    /// The line after a bar whose ATR is `atr`.
    #[inline]
    fn next_line(&self, candle: &Candle<T>, atr: T) -> Line<T> {
        let half: T = lit(0.5);
        let middle = candle.high * half + candle.low * half;
        let offset = self.multiplier * atr;
        let (basic_lower, basic_upper) = (middle - offset, middle + offset);
        let previous = match (self.line, self.true_range.last_close()) {
            (Some(line), Some(close)) => (line, close),
            _ => {
                let trend = match self.style {
                    SuperTrendStyle::TaLib => Trend::Up,
                    SuperTrendStyle::TradingView => Trend::Down,
                };
                let stop = if trend == Trend::Up {
                    basic_lower
                } else {
                    basic_upper
                };
                return Line {
                    lower: basic_lower,
                    upper: basic_upper,
                    output: StopOutput {
                        stop,
                        trend,
                        flipped: false,
                    },
                };
            }
        };
        let (line, close) = previous;
        let tradingview = self.style == SuperTrendStyle::TradingView;
        let keeps_lower = close > line.lower || (tradingview && close == line.lower);
        let keeps_upper = close < line.upper || (tradingview && close == line.upper);
        let lower = if keeps_lower {
            basic_lower.max(line.lower)
        } else {
            basic_lower
        };
        let upper = if keeps_upper {
            basic_upper.min(line.upper)
        } else {
            basic_upper
        };
        let trend = match line.output.trend {
            Trend::Up if candle.close < lower => Trend::Down,
            Trend::Down if candle.close > upper => Trend::Up,
            unchanged => unchanged,
        };
        Line {
            lower,
            upper,
            output: StopOutput {
                stop: if trend == Trend::Up { lower } else { upper },
                trend,
                flipped: trend != line.output.trend,
            },
        }
    }
}

impl<T: Real> Indicator for SuperTrend<T> {
    type Input = Candle<T>;
    type Output = StopOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<StopOutput<T>> {
        if !candle.is_usable() {
            return self.value().map(StopOutput::quiet);
        }
        let atr = self.range(&candle).and_then(|range| self.atr.update(range));
        if let Some(atr) = atr {
            self.line = Some(self.next_line(&candle, atr));
        }
        self.true_range.push(candle);
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StopOutput<T>> {
        if !candle.is_usable() {
            return self.value().map(StopOutput::quiet);
        }
        let atr = self.atr.peek(self.range(&candle)?)?;
        Some(self.next_line(&candle, atr).output)
    }

    #[inline]
    fn value(&self) -> Option<StopOutput<T>> {
        self.line.map(|line| line.output)
    }

    fn reset(&mut self) {
        self.true_range = TrueRange::new_generic();
        self.atr.reset();
        self.line = None;
    }

    fn warmup_period(&self) -> usize {
        match self.style {
            SuperTrendStyle::TaLib => self.period() + 1,
            SuperTrendStyle::TradingView => self.period(),
        }
    }
}

impl<T: Real + fmt::Display> fmt::Display for SuperTrend<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, k) = (self.period(), self.multiplier);
        match self.style {
            SuperTrendStyle::TaLib => write!(f, "SUPERTREND({n},{k})"),
            SuperTrendStyle::TradingView => write!(f, "SUPERTREND[tradingview]({n},{k})"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SuperTrendState<T: Real> {
    style: SuperTrendStyle,
    multiplier: T,
    true_range: TrueRange<T>,
    atr: Smoother<T>,
    line: Option<Line<T>>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SuperTrendState<T>> for SuperTrend<T> {
    type Error = Error;

    fn try_from(state: SuperTrendState<T>) -> Result<Self, Error> {
        let multiplier = check_multiplier(state.multiplier)?;
        let atr = &state.atr;
        let atr_ok = atr.is_wilder()
            && atr.seed() == Seed::Sma
            && atr.state() >= T::zero()
            && atr.fed_at_most(T::max_input() + T::max_input());
        // Bands are a midpoint of inputs ± k·ATR: within max + k·2·max.
        let bound = T::max_input() + multiplier * (T::max_input() + T::max_input());
        let level = |x: T| x.is_finite() && x.abs() <= bound;
        let line_ok = state.line.is_none_or(|line| {
            level(line.lower)
                && level(line.upper)
                && line.output.stop
                    == match line.output.trend {
                        Trend::Up => line.lower,
                        Trend::Down => line.upper,
                    }
                && atr.value().is_some()
        }) && (state.line.is_some() || atr.value().is_none());
        if !(atr_ok && line_ok) {
            return Err(crate::error::invalid_state(
                "SUPERTREND smoothing is not Wilder's, or its bands are inconsistent or out of range",
            ));
        }
        Ok(Self {
            style: state.style,
            multiplier,
            true_range: state.true_range,
            atr: state.atr,
            line: state.line,
        })
    }
}
