use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Breakaway: a long candle, a gap in its direction, two more candles stepping on, then an opposite candle closing back inside the gap.
///
/// # Rule
///
/// First body `> BodyLong`; the first, second and fourth of one colour, the fifth of the other; after a black first candle the second body gaps down, the third and fourth have lower highs and lows, and the fifth closes between the second open and the first close (the mirror image after a white one). 5 candles; TA-Lib's lookback 14 (first signal on
/// candle 15). Reports [`Signal::Bullish`] (`+100`, after a black first candle) or [`Signal::Bearish`] (`−100`), the fifth candle's colour.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLBREAKAWAY` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Breakaway, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (101.0, 101.1, 98.9, 99.0),
///     (98.5, 98.6, 97.9, 98.0),
///     (98.0, 98.1, 97.5, 97.6),
///     (97.6, 97.7, 97.1, 97.2),
///     (97.2, 98.9, 97.1, 98.8),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Breakaway::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Breakaway::new().to_string(), "CDLBREAKAWAY");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLBREAKAWAY")]
pub type Breakaway<T = f64> = Candlestick<BreakawayRule, T>;

/// The rule of [`Breakaway`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BreakawayRule;

impl Sealed for BreakawayRule {}

impl Rule for BreakawayRule {
    const ID: PatternId = PatternId::Breakaway;
    const CANDLES: usize = 5;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 4)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three, four, five) = (
            c.candle(4),
            c.candle(3),
            c.candle(2),
            c.candle(1),
            c.candle(0),
        );
        let found = one.body() > c.average(Setting::BodyLong, 4)
            && one.is_white() == two.is_white()
            && two.is_white() == four.is_white()
            && four.is_white() != five.is_white()
            && ((!one.is_white()
                && two.body_gaps_down(&one)
                && three.high < two.high
                && three.low < two.low
                && four.high < three.high
                && four.low < three.low
                && five.close > two.open
                && five.close < one.close)
                || (one.is_white()
                    && two.body_gaps_up(&one)
                    && three.high > two.high
                    && three.low > two.low
                    && four.high > three.high
                    && four.low > three.low
                    && five.close < two.open
                    && five.close > one.close));
        found.then_some(Signal::by_sign(five.is_white()))
    }
}
