use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{CandleSettings, Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three outside up/down: an engulfing pattern confirmed by a third candle closing further in its direction.
///
/// # Rule
///
/// The second candle's body engulfs the first, opposite body (strictly at both ends); the third closes above the second close (white engulfing) or below it (black engulfing). 3 candles; TA-Lib's lookback 3 (first signal on
/// candle 4). Reports [`Signal::Bullish`] (`+100`) or [`Signal::Bearish`] (`−100`), the colour of the engulfing candle.
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3OUTSIDE` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeOutside, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (98.0, 98.5, 96.75, 97.5),
///     (97.25, 97.75, 97.25, 97.25),
///     (97.5, 97.5, 96.0, 96.75),
///     (96.25, 97.0, 95.5, 96.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeOutside::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(ThreeOutside::new().to_string(), "CDL3OUTSIDE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3OUTSIDE")]
pub type ThreeOutside<T = f64> = Candlestick<ThreeOutsideRule, T>;

/// The rule of [`ThreeOutside`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeOutsideRule;

impl Sealed for ThreeOutsideRule {}

impl Rule for ThreeOutsideRule {
    const ID: PatternId = PatternId::ThreeOutside;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[];

    /// TA-Lib's lookback is 3, one more than the three candles need.
    fn lookback(_: &CandleSettings) -> usize {
        3
    }

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let up = second.is_white()
            && !first.is_white()
            && second.close > first.open
            && second.open < first.close
            && third.close > second.close;
        let down = !second.is_white()
            && first.is_white()
            && second.open > first.close
            && second.close < first.open
            && third.close < second.close;
        (up || down).then_some(Signal::by_sign(second.is_white()))
    }
}
