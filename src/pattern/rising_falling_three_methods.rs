use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::bar::Candle;
use crate::Real;

/// Rising / falling three methods: a long candle, three short opposite candles held within its
/// range, then a long candle of the first colour beyond its close — continuation.
///
/// # Rule
///
/// First and fifth bodies `> BodyLong`, the three between `< BodyShort`; colours first, then three
/// of the opposite colour, then the first colour again; each middle body overlapping the first
/// candle's range (bottom below its high, top above its low); the middle closes falling (rising
/// after a black first candle); the fifth opening beyond the fourth close and closing beyond the
/// first close in the first candle's direction. 5 candles; TA-Lib's lookback 14. Reports the first
/// candle's colour: [`Signal::Bullish`] (rising) / [`Signal::Bearish`] (falling) (`±100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLRISEFALL3METHODS` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{RisingFallingThreeMethods, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (192.0, 193.0, 190.5, 191.25),
///     (191.25, 191.25, 191.25, 191.25),
///     (191.5, 193.75, 191.5, 193.75),
///     (196.5, 196.5, 193.0, 194.0),
///     (194.0, 197.0, 194.0, 196.0),
///     (193.75, 194.75, 191.5, 191.5),
///     (191.75, 191.75, 191.75, 191.75),
///     (191.5, 191.5, 190.25, 190.25),
///     (190.0, 191.25, 189.5, 190.5),
///     (190.25, 190.75, 190.25, 190.5),
///     (190.75, 190.75, 187.5, 188.5),
///     (188.25, 188.25, 188.0, 188.25),
///     (188.5, 188.5, 188.5, 188.5),
///     (188.25, 189.75, 188.25, 188.75),
///     (186.0, 186.0, 183.75, 183.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = RisingFallingThreeMethods::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(RisingFallingThreeMethods::new().to_string(), "CDLRISEFALL3METHODS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLRISEFALL3METHODS")]
pub type RisingFallingThreeMethods<T = f64> = Candlestick<RisingFallingThreeMethodsRule, T>;

/// The rule of [`RisingFallingThreeMethods`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RisingFallingThreeMethodsRule;

impl Sealed for RisingFallingThreeMethodsRule {}

impl Rule for RisingFallingThreeMethodsRule {
    const ID: PatternId = PatternId::RisingFallingThreeMethods;
    const CANDLES: usize = 5;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 4),
        (Setting::BodyShort, 3),
        (Setting::BodyShort, 2),
        (Setting::BodyShort, 1),
        (Setting::BodyLong, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third, fourth, last) = (
            c.candle(4),
            c.candle(3),
            c.candle(2),
            c.candle(1),
            c.candle(0),
        );
        let up = first.is_white();
        // `a` beyond `b` in the first candle's direction (TA-Lib multiplies both by its colour).
        let beyond = |a: T, b: T| if up { a > b } else { a < b };
        let within =
            |candle: &Candle<T>| candle.body_bottom() < first.high && candle.body_top() > first.low;
        let found = first.body() > c.average(Setting::BodyLong, 4)
            && second.body() < c.average(Setting::BodyShort, 3)
            && third.body() < c.average(Setting::BodyShort, 2)
            && fourth.body() < c.average(Setting::BodyShort, 1)
            && last.body() > c.average(Setting::BodyLong, 0)
            && second.is_white() != up
            && third.is_white() == second.is_white()
            && fourth.is_white() == third.is_white()
            && last.is_white() == up
            && within(&second)
            && within(&third)
            && within(&fourth)
            && beyond(second.close, third.close)
            && beyond(third.close, fourth.close)
            && beyond(last.open, fourth.close)
            && beyond(last.close, first.close);
        found.then_some(Signal::by_sign(up))
    }
}
