use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Up/down-gap side-by-side white lines: two similar white candles side by side, both gapping away from the candle before.
///
/// # Rule
///
/// The second and third bodies both above the first body (up gap) or both below it (down gap); both white; the third body within `Near` of the second's size and its open within `Equal` of the second open. 3 candles; TA-Lib's lookback 7 (first signal on
/// candle 8). Reports [`Signal::Bullish`] (`+100`, up gap) or [`Signal::Bearish`] (`−100`, down gap).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLGAPSIDESIDEWHITE` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{GapSideBySideWhite, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (102.0, 102.5, 101.25, 101.5),
///     (100.5, 101.5, 100.0, 101.5),
///     (101.5, 102.0, 101.25, 102.0),
///     (99.75, 100.0, 99.0, 100.0),
///     (100.0, 100.5, 98.5, 99.0),
///     (98.5, 99.25, 98.25, 99.0),
///     (99.75, 100.0, 99.25, 100.0),
///     (99.75, 100.5, 99.25, 100.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = GapSideBySideWhite::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(GapSideBySideWhite::new().to_string(), "CDLGAPSIDESIDEWHITE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLGAPSIDESIDEWHITE")]
pub type GapSideBySideWhite<T = f64> = Candlestick<GapSideBySideWhiteRule, T>;

/// The rule of [`GapSideBySideWhite`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GapSideBySideWhiteRule;

impl Sealed for GapSideBySideWhiteRule {}

impl Rule for GapSideBySideWhiteRule {
    const ID: PatternId = PatternId::GapSideBySideWhite;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Near, 1), (Setting::Equal, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let (near, equal) = (c.average(Setting::Near, 1), c.average(Setting::Equal, 1));
        let up = second.body_gaps_up(&first) && third.body_gaps_up(&first);
        let down = second.body_gaps_down(&first) && third.body_gaps_down(&first);
        let found = (up || down)
            && second.is_white()
            && third.is_white()
            && third.body() >= second.body() - near
            && third.body() <= second.body() + near
            && third.open >= second.open - equal
            && third.open <= second.open + equal;
        found.then_some(Signal::by_sign(second.body_gaps_up(&first)))
    }
}
