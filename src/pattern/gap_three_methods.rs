use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Upside/downside gap three methods: two candles of one colour with a body gap between them, then
/// an opposite candle closing the gap — continuation.
///
/// # Rule
///
/// First and second candles of one colour, the second body entirely above the first (white) or
/// below it (black); third candle of the other colour, opening strictly inside the second body and
/// closing strictly inside the first body. No candle settings. Reports the first candle's colour:
/// [`Signal::Bullish`] (`+100`, upside gap) or [`Signal::Bearish`] (`−100`, downside gap). 3
/// candles; TA-Lib's lookback 2 (first signal on candle 3).
///
/// # Example
///
/// Bars (cut from the fixture series `ndx`) on which TA-Lib's `CDLXSIDEGAP3METHODS` reports `-100`
/// on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{GapThreeMethods, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (29647.3496, 29805.3008, 28196.9004, 29084.5),
///     (28893.8203, 29212.3809, 28462.9199, 28508.0293),
///     (28731.1602, 29506.6699, 28548.5, 29446.1797),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = GapThreeMethods::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(GapThreeMethods::new().to_string(), "CDLXSIDEGAP3METHODS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLXSIDEGAP3METHODS")]
pub type GapThreeMethods<T = f64> = Candlestick<GapThreeMethodsRule, T>;

/// The rule of [`GapThreeMethods`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GapThreeMethodsRule;

impl Sealed for GapThreeMethodsRule {}

impl Rule for GapThreeMethodsRule {
    const ID: PatternId = PatternId::GapThreeMethods;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.is_white() == second.is_white()
            && second.is_white() != third.is_white()
            && third.open < second.body_top()
            && third.open > second.body_bottom()
            && third.close < first.body_top()
            && third.close > first.body_bottom()
            && if first.is_white() {
                second.body_gaps_up(&first)
            } else {
                second.body_gaps_down(&first)
            };
        found.then(|| Signal::by_sign(first.is_white()))
    }
}
