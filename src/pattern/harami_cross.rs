use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Harami cross: a long candle, then a doji inside its body.
///
/// # Rule
///
/// First body `> BodyLong`; second a doji (`≤ BodyDoji`) inside the first body: strictly inside for `±100`, touching an edge of the first body for `±80`. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bullish`] / [`Signal::WeakBullish`] (`+100` / `+80`, after a black candle) or [`Signal::Bearish`] / [`Signal::WeakBearish`] (`−100` / `−80`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHARAMICROSS` reports `80` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{HaramiCross, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (95.0, 95.75, 95.0, 95.25),
///     (95.75, 96.0, 94.0, 94.5),
///     (95.75, 96.0, 95.0, 95.0),
///     (95.0, 95.25, 92.5, 93.25),
///     (93.5, 95.0, 93.0, 94.25),
///     (95.0, 95.5, 92.75, 93.0),
///     (93.0, 94.0, 93.0, 93.5),
///     (93.25, 94.0, 92.75, 93.75),
///     (91.5, 92.5, 90.75, 92.5),
///     (90.75, 91.75, 90.5, 91.25),
///     (93.0, 93.25, 91.5, 92.0),
///     (92.0, 92.0, 91.25, 92.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = HaramiCross::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::WeakBullish))));
/// assert_eq!(HaramiCross::new().to_string(), "CDLHARAMICROSS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHARAMICROSS")]
pub type HaramiCross<T = f64> = Candlestick<HaramiCrossRule, T>;

/// The rule of [`HaramiCross`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HaramiCrossRule;

impl Sealed for HaramiCrossRule {}

impl Rule for HaramiCrossRule {
    const ID: PatternId = PatternId::HaramiCross;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 1), (Setting::BodyDoji, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        if !(first.body() > c.average(Setting::BodyLong, 1)
            && second.body() <= c.average(Setting::BodyDoji, 0))
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
