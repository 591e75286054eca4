use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Closing marubozu: a long candle closing at its extreme — a white one on its high, a black one on its low.
///
/// # Rule
///
/// Body `> BodyLong`; a white candle with an upper shadow `< ShadowVeryShort`, or a black one with a lower shadow `< ShadowVeryShort`. 1 candle; TA-Lib's lookback 10 (first signal on
/// candle 11). Reports [`Signal::Bullish`] (`+100`, white) or [`Signal::Bearish`] (`−100`, black).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLCLOSINGMARUBOZU` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ClosingMarubozu, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (92.75, 93.0, 91.5, 92.25),
///     (93.5, 94.0, 92.5, 93.0),
///     (93.5, 94.0, 91.5, 92.0),
///     (92.75, 93.75, 92.0, 93.0),
///     (92.5, 93.5, 92.5, 92.75),
///     (94.5, 95.0, 92.5, 92.75),
///     (94.5, 94.75, 94.0, 94.0),
///     (94.0, 94.25, 91.75, 92.5),
///     (95.5, 96.0, 94.5, 95.0),
///     (93.5, 94.25, 91.75, 92.25),
///     (93.0, 95.0, 93.0, 95.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ClosingMarubozu::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(ClosingMarubozu::new().to_string(), "CDLCLOSINGMARUBOZU");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLCLOSINGMARUBOZU")]
pub type ClosingMarubozu<T = f64> = Candlestick<ClosingMarubozuRule, T>;

/// The rule of [`ClosingMarubozu`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ClosingMarubozuRule;

impl Sealed for ClosingMarubozuRule {}

impl Rule for ClosingMarubozuRule {
    const ID: PatternId = PatternId::ClosingMarubozu;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 0), (Setting::ShadowVeryShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let shadow = if candle.is_white() {
            candle.upper_shadow()
        } else {
            candle.lower_shadow()
        };
        let found = candle.body() > c.average(Setting::BodyLong, 0) && shadow < very_short;
        found.then_some(Signal::by_sign(candle.is_white()))
    }
}
