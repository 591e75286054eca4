use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Tasuki gap: a body gapping away in the trend, then an opposite candle opening inside it and
/// closing inside the gap without filling it — continuation.
///
/// # Rule
///
/// Upside: second body entirely above the first body, second candle white, third black opening
/// inside the second body (`second open < open < second close`), closing below the second open but
/// above the first body's top. Downside: the mirror image. In both, second and third bodies differ
/// by less than `Near` (of the second candle). Reports the second candle's colour:
/// [`Signal::Bullish`] (`+100`, upside) or [`Signal::Bearish`] (`−100`, downside). 3 candles;
/// TA-Lib's lookback 7 (first signal on candle 8).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLTASUKIGAP` reports `-100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{TasukiGap, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (194.75, 195.75, 193.0, 194.0),
///     (194.25, 194.5, 194.25, 194.5),
///     (194.5, 194.5, 194.0, 194.5),
///     (194.5, 194.5, 193.75, 193.75),
///     (193.75, 194.5, 191.75, 191.75),
///     (191.5, 191.75, 191.5, 191.75),
///     (189.5, 189.75, 187.75, 187.75),
///     (188.0, 189.75, 188.0, 189.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = TasukiGap::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(TasukiGap::new().to_string(), "CDLTASUKIGAP");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLTASUKIGAP")]
pub type TasukiGap<T = f64> = Candlestick<TasukiGapRule, T>;

/// The rule of [`TasukiGap`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TasukiGapRule;

impl Sealed for TasukiGapRule {}

impl Rule for TasukiGapRule {
    const ID: PatternId = PatternId::TasukiGap;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Near, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let near = c.average(Setting::Near, 1);
        let similar = (second.body() - third.body()).abs() < near;
        let upside = second.body_gaps_up(&first)
            && second.is_white()
            && !third.is_white()
            && third.open < second.close
            && third.open > second.open
            && third.close < second.open
            && third.close > first.body_top()
            && similar;
        let downside = second.body_gaps_down(&first)
            && !second.is_white()
            && third.is_white()
            && third.open < second.open
            && third.open > second.close
            && third.close > second.open
            && third.close < first.body_bottom()
            && similar;
        (upside || downside).then(|| Signal::by_sign(second.is_white()))
    }
}
