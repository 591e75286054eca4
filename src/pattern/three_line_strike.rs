use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three-line strike: three candles of one colour stepping in one direction, then a fourth of the other colour wiping them out.
///
/// # Rule
///
/// Three candles of one colour, the second and third opening within (or `Near`) the previous body, with rising closes (white) or falling closes (black); the fourth, of the other colour, opens beyond the third close and closes beyond the first open. 4 candles; TA-Lib's lookback 8 (first signal on
/// candle 9). Reports [`Signal::Bullish`] (`+100`, three white candles) or [`Signal::Bearish`] (`−100`, three black).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3LINESTRIKE` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeLineStrike, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (101.0, 101.1, 99.9, 100.0),
///     (100.2, 100.3, 99.1, 99.2),
///     (99.4, 99.5, 98.3, 98.4),
///     (98.2, 101.3, 98.1, 101.2),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeLineStrike::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(ThreeLineStrike::new().to_string(), "CDL3LINESTRIKE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3LINESTRIKE")]
pub type ThreeLineStrike<T = f64> = Candlestick<ThreeLineStrikeRule, T>;

/// The rule of [`ThreeLineStrike`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeLineStrikeRule;

impl Sealed for ThreeLineStrikeRule {}

impl Rule for ThreeLineStrikeRule {
    const ID: PatternId = PatternId::ThreeLineStrike;
    const CANDLES: usize = 4;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Near, 3), (Setting::Near, 2)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three, four) = (c.candle(3), c.candle(2), c.candle(1), c.candle(0));
        let (near_one, near_two) = (c.average(Setting::Near, 3), c.average(Setting::Near, 2));
        let white = three.is_white();
        let found = one.is_white() == two.is_white()
            && two.is_white() == white
            && four.is_white() != white
            && two.open >= one.body_bottom() - near_one
            && two.open <= one.body_top() + near_one
            && three.open >= two.body_bottom() - near_two
            && three.open <= two.body_top() + near_two
            && ((white
                && three.close > two.close
                && two.close > one.close
                && four.open > three.close
                && four.close < one.open)
                || (!white
                    && three.close < two.close
                    && two.close < one.close
                    && four.open < three.close
                    && four.close > one.open));
        found.then_some(Signal::by_sign(white))
    }
}
