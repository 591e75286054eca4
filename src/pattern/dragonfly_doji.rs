use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Dragonfly doji: a doji at the top of a long lower shadow, no upper shadow.
///
/// # Rule
///
/// Body `≤ BodyDoji`, upper shadow `< ShadowVeryShort`, lower shadow `> ShadowVeryShort`. 1 candle; TA-Lib's lookback 10 (first signal on
/// candle 11). Reports [`Signal::Neutral`] (`+100`, as TA-Lib).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLDRAGONFLYDOJI` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{DragonflyDoji, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (97.75, 98.0, 96.5, 97.0),
///     (98.0, 98.0, 97.0, 97.0),
///     (97.75, 99.5, 97.0, 99.0),
///     (97.0, 97.75, 96.5, 96.75),
///     (97.25, 97.75, 97.25, 97.5),
///     (97.0, 97.5, 96.25, 96.75),
///     (94.75, 96.0, 94.0, 96.0),
///     (94.5, 95.0, 93.75, 94.0),
///     (95.25, 95.75, 94.5, 94.5),
///     (98.0, 98.5, 97.0, 97.5),
///     (97.0, 97.0, 96.25, 97.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = DragonflyDoji::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Neutral))));
/// assert_eq!(DragonflyDoji::new().to_string(), "CDLDRAGONFLYDOJI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLDRAGONFLYDOJI")]
pub type DragonflyDoji<T = f64> = Candlestick<DragonflyDojiRule, T>;

/// The rule of [`DragonflyDoji`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DragonflyDojiRule;

impl Sealed for DragonflyDojiRule {}

impl Rule for DragonflyDojiRule {
    const ID: PatternId = PatternId::DragonflyDoji;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyDoji, 0), (Setting::ShadowVeryShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let found = candle.body() <= c.average(Setting::BodyDoji, 0)
            && candle.upper_shadow() < very_short
            && candle.lower_shadow() > very_short;
        found.then_some(Signal::Neutral)
    }
}
