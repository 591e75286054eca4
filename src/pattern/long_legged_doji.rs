use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Long-legged doji: a doji with a long upper or lower shadow — indecision.
///
/// # Rule
///
/// Body `≤ BodyDoji` and a lower or an upper shadow `> ShadowLong`. 1 candle; TA-Lib's lookback 10.
/// Reports [`Signal::Neutral`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLLONGLEGGEDDOJI` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{LongLeggedDoji, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (102.5, 103.75, 101.75, 103.0),
///     (101.75, 102.0, 100.5, 101.25),
///     (101.75, 103.25, 101.0, 102.75),
///     (101.5, 102.0, 101.0, 101.25),
///     (99.5, 100.25, 99.25, 99.5),
///     (101.25, 101.75, 100.75, 101.5),
///     (102.0, 102.0, 100.5, 101.25),
///     (102.0, 102.75, 102.0, 102.5),
///     (101.5, 102.0, 100.5, 101.0),
///     (104.0, 104.0, 102.5, 103.0),
///     (100.5, 101.0, 99.75, 100.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = LongLeggedDoji::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Neutral))));
/// assert_eq!(LongLeggedDoji::new().to_string(), "CDLLONGLEGGEDDOJI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLLONGLEGGEDDOJI")]
pub type LongLeggedDoji<T = f64> = Candlestick<LongLeggedDojiRule, T>;

/// The rule of [`LongLeggedDoji`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LongLeggedDojiRule;

impl Sealed for LongLeggedDojiRule {}

impl Rule for LongLeggedDojiRule {
    const ID: PatternId = PatternId::LongLeggedDoji;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyDoji, 0), (Setting::ShadowLong, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let long = c.average(Setting::ShadowLong, 0);
        let found = candle.body() <= c.average(Setting::BodyDoji, 0)
            && (candle.lower_shadow() > long || candle.upper_shadow() > long);
        found.then_some(Signal::Neutral)
    }
}
