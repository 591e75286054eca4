use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Harami: a long candle, then a short body inside its body.
///
/// # Rule
///
/// First body `> BodyLong`; second body `≤ BodyShort` and inside the first body: strictly inside for `±100`, touching an edge of the first body for `±80`. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bullish`] / [`Signal::WeakBullish`] (`+100` / `+80`, after a black candle) or [`Signal::Bearish`] / [`Signal::WeakBearish`] (`−100` / `−80`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHARAMI` reports `-80` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Harami, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (92.75, 93.0, 91.5, 92.25),
///     (93.5, 94.0, 92.5, 93.0),
///     (93.5, 94.0, 91.5, 92.0),
///     (92.75, 93.75, 92.0, 93.0),
///     (92.5, 93.5, 92.5, 92.75),
///     (94.5, 95.0, 92.5, 92.75),
///     (94.5, 94.75, 94.0, 94.0),
///     (94.0, 94.25, 91.75, 92.5),
///     (95.5, 96.0, 94.5, 95.0),
///     (93.5, 94.25, 91.75, 92.25),
///     (93.0, 95.0, 93.0, 95.0),
///     (94.0, 95.5, 93.5, 95.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Harami::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::WeakBearish))));
/// assert_eq!(Harami::new().to_string(), "CDLHARAMI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHARAMI")]
pub type Harami<T = f64> = Candlestick<HaramiRule, T>;

/// The rule of [`Harami`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HaramiRule;

impl Sealed for HaramiRule {}

impl Rule for HaramiRule {
    const ID: PatternId = PatternId::Harami;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 1), (Setting::BodyShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        if !(first.body() > c.average(Setting::BodyLong, 1)
            && second.body() <= c.average(Setting::BodyShort, 0))
        {
            return None;
        }
        let bullish = !first.is_white();
        if second.body_top() < first.body_top() && second.body_bottom() > first.body_bottom() {
            Some(Signal::by_sign(bullish))
        } else if second.body_top() <= first.body_top()
            && second.body_bottom() >= first.body_bottom()
        {
            Some(if bullish {
                Signal::WeakBullish
            } else {
                Signal::WeakBearish
            })
        } else {
            None
        }
    }
}
