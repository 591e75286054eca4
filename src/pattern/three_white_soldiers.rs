use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three advancing white soldiers: three white candles with very short upper shadows, each opening within the previous body and closing higher — bullish.
///
/// # Rule
///
/// Three white candles with upper shadows `< ShadowVeryShort` and rising closes; each opens above the previous open and at most `Near` above the previous close; no body is shorter than the previous one by more than `Far`; the last body is not short (`> BodyShort`). 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3WHITESOLDIERS` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeWhiteSoldiers, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (211.5, 213.5, 211.5, 212.5),
///     (212.5, 213.75, 212.5, 213.5),
///     (213.5, 213.5, 210.5, 211.5),
///     (211.25, 212.25, 210.75, 212.25),
///     (211.25, 211.75, 209.5, 209.5),
///     (209.25, 209.75, 208.5, 209.5),
///     (209.0, 209.5, 207.0, 207.25),
///     (207.25, 208.0, 206.25, 207.25),
///     (210.0, 210.5, 208.75, 208.75),
///     (209.0, 211.0, 208.0, 211.0),
///     (211.0, 211.25, 210.25, 211.25),
///     (211.5, 213.0, 211.25, 213.0),
///     (213.0, 215.0, 213.0, 215.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeWhiteSoldiers::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(ThreeWhiteSoldiers::new().to_string(), "CDL3WHITESOLDIERS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3WHITESOLDIERS")]
pub type ThreeWhiteSoldiers<T = f64> = Candlestick<ThreeWhiteSoldiersRule, T>;

/// The rule of [`ThreeWhiteSoldiers`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeWhiteSoldiersRule;

impl Sealed for ThreeWhiteSoldiersRule {}

impl Rule for ThreeWhiteSoldiersRule {
    const ID: PatternId = PatternId::ThreeWhiteSoldiers;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 2),
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
        (Setting::Near, 2),
        (Setting::Near, 1),
        (Setting::Far, 2),
        (Setting::Far, 1),
        (Setting::BodyShort, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three) = (c.candle(2), c.candle(1), c.candle(0));
        let found = one.is_white()
            && one.upper_shadow() < c.average(Setting::ShadowVeryShort, 2)
            && two.is_white()
            && two.upper_shadow() < c.average(Setting::ShadowVeryShort, 1)
            && three.is_white()
            && three.upper_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && three.close > two.close
            && two.close > one.close
            && two.open > one.open
            && two.open <= one.close + c.average(Setting::Near, 2)
            && three.open > two.open
            && three.open <= two.close + c.average(Setting::Near, 1)
            && two.body() > one.body() - c.average(Setting::Far, 2)
            && three.body() > two.body() - c.average(Setting::Far, 1)
            && three.body() > c.average(Setting::BodyShort, 0);
        found.then_some(Signal::Bullish)
    }
}
