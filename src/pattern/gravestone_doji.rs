use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Gravestone doji: a doji at the bottom of a long upper shadow, no lower shadow.
///
/// # Rule
///
/// Body `≤ BodyDoji`, lower shadow `< ShadowVeryShort`, upper shadow `> ShadowVeryShort`. 1 candle; TA-Lib's lookback 10 (first signal on
/// candle 11). Reports [`Signal::Neutral`] (`+100`, as TA-Lib).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLGRAVESTONEDOJI` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{GravestoneDoji, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (85.0, 85.0, 84.0, 84.25),
///     (86.5, 87.25, 85.75, 86.5),
///     (89.0, 89.25, 87.5, 87.5),
///     (88.5, 89.0, 87.25, 87.25),
///     (88.75, 89.0, 88.0, 88.75),
///     (91.0, 91.5, 90.0, 90.25),
///     (90.5, 92.5, 89.75, 92.0),
///     (91.0, 92.0, 90.25, 92.0),
///     (90.0, 91.0, 89.5, 90.25),
///     (90.25, 91.0, 88.25, 88.75),
///     (89.25, 89.5, 89.25, 89.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = GravestoneDoji::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Neutral))));
/// assert_eq!(GravestoneDoji::new().to_string(), "CDLGRAVESTONEDOJI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLGRAVESTONEDOJI")]
pub type GravestoneDoji<T = f64> = Candlestick<GravestoneDojiRule, T>;

/// The rule of [`GravestoneDoji`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GravestoneDojiRule;

impl Sealed for GravestoneDojiRule {}

impl Rule for GravestoneDojiRule {
    const ID: PatternId = PatternId::GravestoneDoji;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyDoji, 0), (Setting::ShadowVeryShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let found = candle.body() <= c.average(Setting::BodyDoji, 0)
            && candle.lower_shadow() < very_short
            && candle.upper_shadow() > very_short;
        found.then_some(Signal::Neutral)
    }
}
