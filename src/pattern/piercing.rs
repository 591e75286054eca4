use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::float::lit;
use crate::Real;

/// Piercing: a long black candle, then a long white one opening below its low and closing above its
/// midpoint — bullish.
///
/// # Rule
///
/// First candle black, second white, both bodies `> BodyLong`; the second opens below the first low
/// and closes below the first open but above `first close + 0.5 × first body`. 2 candles; TA-Lib's
/// lookback 11. Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLPIERCING` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Piercing, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.0, 100.25, 98.75, 99.5),
///     (98.75, 98.75, 97.0, 97.75),
///     (100.0, 100.25, 99.0, 99.25),
///     (101.0, 101.0, 99.5, 100.0),
///     (100.0, 100.25, 99.25, 100.0),
///     (101.5, 102.75, 101.25, 102.0),
///     (99.5, 99.75, 98.75, 99.75),
///     (98.5, 100.5, 98.0, 100.25),
///     (101.0, 101.5, 101.0, 101.25),
///     (100.0, 101.25, 99.75, 100.75),
///     (100.25, 101.0, 99.5, 99.5),
///     (98.75, 100.75, 98.0, 100.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Piercing::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Piercing::new().to_string(), "CDLPIERCING");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLPIERCING")]
pub type Piercing<T = f64> = Candlestick<PiercingRule, T>;

/// The rule of [`Piercing`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PiercingRule;

impl Sealed for PiercingRule {}

impl Rule for PiercingRule {
    const ID: PatternId = PatternId::Piercing;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 1), (Setting::BodyLong, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let half = lit::<T>(0.5);
        let found = !first.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.is_white()
            && second.body() > c.average(Setting::BodyLong, 0)
            && second.open < first.low
            && second.close < first.open
            && second.close > first.close + first.body() * half;
        found.then_some(Signal::Bullish)
    }
}
