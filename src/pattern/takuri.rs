use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Takuri: a dragonfly doji with a very long lower shadow.
///
/// # Rule
///
/// Body `≤ BodyDoji`, upper shadow `< ShadowVeryShort`, lower shadow `> ShadowVeryLong`. Reports
/// [`Signal::Neutral`] (`+100`), as the other dojis; the trend before is left to the reader, as in
/// TA-Lib. 1 candle; TA-Lib's lookback 10 (first signal on candle 11).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLTAKURI` reports `100` on the
/// last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Takuri, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (204.75, 204.75, 203.0, 203.75),
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
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Takuri::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Neutral))));
/// assert_eq!(Takuri::new().to_string(), "CDLTAKURI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLTAKURI")]
pub type Takuri<T = f64> = Candlestick<TakuriRule, T>;

/// The rule of [`Takuri`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TakuriRule;

impl Sealed for TakuriRule {}

impl Rule for TakuriRule {
    const ID: PatternId = PatternId::Takuri;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyDoji, 0),
        (Setting::ShadowVeryShort, 0),
        (Setting::ShadowVeryLong, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let found = candle.body() <= c.average(Setting::BodyDoji, 0)
            && candle.upper_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && candle.lower_shadow() > c.average(Setting::ShadowVeryLong, 0);
        found.then_some(Signal::Neutral)
    }
}
