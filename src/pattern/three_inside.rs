use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three inside up/down: a harami (a long body, then a short one inside it) confirmed by a third candle closing beyond the first candle's open.
///
/// # Rule
///
/// First body `> BodyLong`; second body `≤ BodyShort`, strictly inside the first body; third candle of the opposite colour to the first, closing beyond the first open. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bullish`] (`+100`, three inside up: first black) or [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3INSIDE` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeInside, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (96.75, 97.5, 96.5, 97.0),
///     (94.5, 94.75, 94.5, 94.5),
///     (96.5, 96.75, 94.5, 95.0),
///     (96.0, 98.5, 95.75, 98.0),
///     (99.25, 100.0, 97.75, 97.75),
///     (99.0, 99.0, 97.25, 97.5),
///     (99.5, 99.5, 97.25, 97.5),
///     (98.25, 99.5, 97.5, 99.5),
///     (97.25, 98.5, 96.75, 98.0),
///     (97.5, 99.0, 96.75, 98.5),
///     (99.75, 100.25, 97.25, 98.0),
///     (98.75, 100.0, 98.25, 99.5),
///     (99.5, 101.0, 99.25, 101.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeInside::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(ThreeInside::new().to_string(), "CDL3INSIDE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3INSIDE")]
pub type ThreeInside<T = f64> = Candlestick<ThreeInsideRule, T>;

/// The rule of [`ThreeInside`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeInsideRule;

impl Sealed for ThreeInsideRule {}

impl Rule for ThreeInsideRule {
    const ID: PatternId = PatternId::ThreeInside;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 2), (Setting::BodyShort, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && second.body() <= c.average(Setting::BodyShort, 1)
            && second.body_top() < first.body_top()
            && second.body_bottom() > first.body_bottom()
            && ((first.is_white() && !third.is_white() && third.close < first.open)
                || (!first.is_white() && third.is_white() && third.close > first.open));
        found.then_some(Signal::by_sign(!first.is_white()))
    }
}
