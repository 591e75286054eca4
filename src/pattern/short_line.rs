use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Short line: a short body with short shadows.
///
/// # Rule
///
/// Body `< BodyShort`, upper and lower shadows each `< ShadowShort`. Reports the candle's colour:
/// [`Signal::Bullish`] (`+100`, white) or [`Signal::Bearish`] (`−100`, black). 1 candle; TA-Lib's
/// lookback 10 (first signal on candle 11).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSHORTLINE` reports `-100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ShortLine, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (204.0, 207.5, 203.25, 206.5),
///     (206.5, 207.5, 206.5, 206.75),
///     (206.75, 208.75, 205.75, 207.75),
///     (207.75, 209.0, 207.25, 209.0),
///     (209.25, 210.0, 208.0, 209.0),
///     (209.25, 209.25, 206.0, 206.75),
///     (206.75, 207.5, 206.0, 207.5),
///     (207.5, 209.25, 206.75, 209.0),
///     (209.0, 211.0, 209.0, 211.0),
///     (210.75, 210.75, 210.25, 210.75),
///     (210.5, 210.75, 209.5, 209.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ShortLine::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(ShortLine::new().to_string(), "CDLSHORTLINE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSHORTLINE")]
pub type ShortLine<T = f64> = Candlestick<ShortLineRule, T>;

/// The rule of [`ShortLine`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ShortLineRule;

impl Sealed for ShortLineRule {}

impl Rule for ShortLineRule {
    const ID: PatternId = PatternId::ShortLine;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyShort, 0), (Setting::ShadowShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let short_shadow = c.average(Setting::ShadowShort, 0);
        let found = candle.body() < c.average(Setting::BodyShort, 0)
            && candle.upper_shadow() < short_shadow
            && candle.lower_shadow() < short_shadow;
        found.then(|| Signal::by_sign(candle.is_white()))
    }
}
