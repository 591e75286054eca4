use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Doji star: a long candle, then a doji whose body gaps away in the same direction — a warning of reversal.
///
/// # Rule
///
/// First body `> BodyLong`; second a doji (`≤ BodyDoji`) whose body is above a white first body or below a black one. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bearish`] (`−100`, after a white candle) or [`Signal::Bullish`] (`+100`, after a black one).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLDOJISTAR` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{DojiStar, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (92.5, 94.0, 92.0, 93.5),
///     (93.25, 93.25, 91.75, 92.5),
///     (93.0, 93.75, 92.25, 92.25),
///     (93.0, 93.5, 92.5, 93.0),
///     (93.5, 94.25, 93.5, 93.5),
///     (93.75, 94.0, 93.5, 93.75),
///     (94.5, 95.0, 94.0, 94.75),
///     (93.75, 94.5, 93.0, 93.25),
///     (93.25, 94.0, 93.25, 93.25),
///     (94.5, 95.25, 93.5, 93.5),
///     (93.25, 94.75, 92.5, 94.75),
///     (95.0, 95.25, 94.25, 95.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = DojiStar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(DojiStar::new().to_string(), "CDLDOJISTAR");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLDOJISTAR")]
pub type DojiStar<T = f64> = Candlestick<DojiStarRule, T>;

/// The rule of [`DojiStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DojiStarRule;

impl Sealed for DojiStarRule {}

impl Rule for DojiStarRule {
    const ID: PatternId = PatternId::DojiStar;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 1), (Setting::BodyDoji, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, doji) = (c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 1)
            && doji.body() <= c.average(Setting::BodyDoji, 0)
            && ((first.is_white() && doji.body_gaps_up(&first))
                || (!first.is_white() && doji.body_gaps_down(&first)));
        found.then_some(Signal::by_sign(!first.is_white()))
    }
}
