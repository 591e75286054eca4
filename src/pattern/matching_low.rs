use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Matching low: two black candles closing at (about) the same price — bullish.
///
/// # Rule
///
/// Two black candles, the second close within `Equal` of the first close. 2 candles; TA-Lib's
/// lookback 6. Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLMATCHINGLOW` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{MatchingLow, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.25, 100.5, 100.0, 100.25),
///     (101.75, 102.25, 101.0, 101.0),
///     (102.75, 103.5, 102.5, 103.0),
///     (104.5, 104.75, 102.75, 103.5),
///     (105.5, 106.25, 104.25, 105.0),
///     (104.75, 105.5, 103.0, 103.5),
///     (104.25, 104.25, 103.0, 103.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = MatchingLow::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(MatchingLow::new().to_string(), "CDLMATCHINGLOW");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLMATCHINGLOW")]
pub type MatchingLow<T = f64> = Candlestick<MatchingLowRule, T>;

/// The rule of [`MatchingLow`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MatchingLowRule;

impl Sealed for MatchingLowRule {}

impl Rule for MatchingLowRule {
    const ID: PatternId = PatternId::MatchingLow;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Equal, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let equal = c.average(Setting::Equal, 1);
        let found = !first.is_white()
            && !second.is_white()
            && second.close <= first.close + equal
            && second.close >= first.close - equal;
        found.then_some(Signal::Bullish)
    }
}
