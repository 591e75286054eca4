use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Advance block: three white soldiers losing strength (shrinking bodies or growing upper shadows) — bearish.
///
/// # Rule
///
/// Three white candles with rising closes, each opening above the previous open and at most `Near` above the previous close; the first long (`> BodyLong`) with a short upper shadow (`< ShadowShort`); and the advance weakens: the second body `Far` shorter than the first and the third not `Near` longer than the second, or the third `Far` shorter than the second, or shrinking bodies with an upper shadow `> ShadowShort` on the second or third, or a smaller third body with an upper shadow `> ShadowLong`. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLADVANCEBLOCK` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{AdvanceBlock, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (196.0, 196.25, 195.5, 195.5),
///     (193.0, 193.5, 191.0, 191.0),
///     (189.25, 189.25, 186.0, 187.0),
///     (186.75, 187.0, 186.5, 186.5),
///     (186.25, 188.5, 186.25, 188.5),
///     (188.5, 188.75, 188.5, 188.75),
///     (188.75, 190.0, 188.75, 190.0),
///     (191.0, 191.5, 190.25, 190.5),
///     (190.5, 191.5, 189.0, 189.0),
///     (188.75, 190.25, 188.25, 189.25),
///     (189.5, 191.5, 189.0, 191.25),
///     (191.0, 193.5, 191.0, 193.5),
///     (193.75, 194.0, 192.75, 194.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = AdvanceBlock::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(AdvanceBlock::new().to_string(), "CDLADVANCEBLOCK");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLADVANCEBLOCK")]
pub type AdvanceBlock<T = f64> = Candlestick<AdvanceBlockRule, T>;

/// The rule of [`AdvanceBlock`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AdvanceBlockRule;

impl Sealed for AdvanceBlockRule {}

impl Rule for AdvanceBlockRule {
    const ID: PatternId = PatternId::AdvanceBlock;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowShort, 2),
        (Setting::ShadowShort, 1),
        (Setting::ShadowShort, 0),
        (Setting::ShadowLong, 1),
        (Setting::ShadowLong, 0),
        (Setting::Near, 2),
        (Setting::Near, 1),
        (Setting::Far, 2),
        (Setting::Far, 1),
        (Setting::BodyLong, 2),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three) = (c.candle(2), c.candle(1), c.candle(0));
        let weakening = (two.body() < one.body() - c.average(Setting::Far, 2)
            && three.body() < two.body() + c.average(Setting::Near, 1))
            || three.body() < two.body() - c.average(Setting::Far, 1)
            || (three.body() < two.body()
                && two.body() < one.body()
                && (three.upper_shadow() > c.average(Setting::ShadowShort, 0)
                    || two.upper_shadow() > c.average(Setting::ShadowShort, 1)))
            || (three.body() < two.body()
                && three.upper_shadow() > c.average(Setting::ShadowLong, 0));
        let found = one.is_white()
            && two.is_white()
            && three.is_white()
            && three.close > two.close
            && two.close > one.close
            && two.open > one.open
            && two.open <= one.close + c.average(Setting::Near, 2)
            && three.open > two.open
            && three.open <= two.close + c.average(Setting::Near, 1)
            && one.body() > c.average(Setting::BodyLong, 2)
            && one.upper_shadow() < c.average(Setting::ShadowShort, 2)
            && weakening;
        found.then_some(Signal::Bearish)
    }
}
