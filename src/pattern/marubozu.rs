use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Marubozu: a long body with (almost) no shadows — the candle's direction.
///
/// # Rule
///
/// Body `> BodyLong`, both shadows `< ShadowVeryShort`. 1 candle; TA-Lib's lookback 10. Reports the
/// candle's colour: [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLMARUBOZU` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Marubozu, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (108.0, 108.25, 107.5, 108.25),
///     (106.75, 107.75, 106.0, 107.0),
///     (105.25, 106.75, 105.0, 106.0),
///     (104.0, 104.0, 104.0, 104.0),
///     (105.75, 107.0, 105.0, 107.0),
///     (105.0, 105.25, 104.25, 105.0),
///     (104.25, 104.75, 103.5, 103.75),
///     (102.5, 104.75, 102.5, 104.5),
///     (105.0, 105.5, 104.75, 105.0),
///     (102.75, 105.25, 102.0, 104.5),
///     (102.25, 102.25, 101.0, 101.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Marubozu::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(Marubozu::new().to_string(), "CDLMARUBOZU");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLMARUBOZU")]
pub type Marubozu<T = f64> = Candlestick<MarubozuRule, T>;

/// The rule of [`Marubozu`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MarubozuRule;

impl Sealed for MarubozuRule {}

impl Rule for MarubozuRule {
    const ID: PatternId = PatternId::Marubozu;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 0), (Setting::ShadowVeryShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let found = candle.body() > c.average(Setting::BodyLong, 0)
            && candle.upper_shadow() < very_short
            && candle.lower_shadow() < very_short;
        found.then_some(Signal::by_sign(candle.is_white()))
    }
}
