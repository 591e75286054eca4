use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// High-wave candle: a short body with very long shadows on both sides — indecision.
///
/// # Rule
///
/// Body `< BodyShort`, both shadows `> ShadowVeryLong` (by default twice the body). 1 candle; TA-Lib's lookback 10 (first signal on
/// candle 11). Reports [`Signal::Bullish`] (`+100`, white) or [`Signal::Bearish`] (`−100`, black), the colour.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHIGHWAVE` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{HighWave, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (95.5, 95.5, 94.5, 94.5),
///     (93.75, 95.0, 93.75, 94.5),
///     (93.75, 94.5, 93.5, 94.0),
///     (93.25, 93.75, 93.0, 93.75),
///     (94.0, 94.75, 92.75, 92.75),
///     (91.5, 91.75, 90.0, 90.75),
///     (93.25, 94.0, 92.25, 92.75),
///     (92.75, 93.0, 91.5, 92.25),
///     (93.5, 94.0, 92.5, 93.0),
///     (93.5, 94.0, 91.5, 92.0),
///     (92.75, 93.75, 92.0, 93.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = HighWave::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(HighWave::new().to_string(), "CDLHIGHWAVE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHIGHWAVE")]
pub type HighWave<T = f64> = Candlestick<HighWaveRule, T>;

/// The rule of [`HighWave`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HighWaveRule;

impl Sealed for HighWaveRule {}

impl Rule for HighWaveRule {
    const ID: PatternId = PatternId::HighWave;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyShort, 0), (Setting::ShadowVeryLong, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let very_long = c.average(Setting::ShadowVeryLong, 0);
        let found = candle.body() < c.average(Setting::BodyShort, 0)
            && candle.upper_shadow() > very_long
            && candle.lower_shadow() > very_long;
        found.then_some(Signal::by_sign(candle.is_white()))
    }
}
