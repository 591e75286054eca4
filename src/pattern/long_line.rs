use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Long line: a long body with short shadows — the candle's direction.
///
/// # Rule
///
/// Body `> BodyLong`, both shadows `< ShadowShort`. 1 candle; TA-Lib's lookback 10. Reports the
/// candle's colour: [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLLONGLINE` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{LongLine, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (104.0, 104.0, 102.5, 103.0),
///     (100.5, 101.0, 99.75, 100.5),
///     (100.0, 100.0, 99.25, 100.0),
///     (100.25, 100.5, 100.0, 100.25),
///     (101.75, 102.25, 101.0, 101.0),
///     (102.75, 103.5, 102.5, 103.0),
///     (104.5, 104.75, 102.75, 103.5),
///     (105.5, 106.25, 104.25, 105.0),
///     (104.75, 105.5, 103.0, 103.5),
///     (104.25, 104.25, 103.0, 103.5),
///     (104.5, 104.75, 103.75, 103.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = LongLine::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(LongLine::new().to_string(), "CDLLONGLINE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLLONGLINE")]
pub type LongLine<T = f64> = Candlestick<LongLineRule, T>;

/// The rule of [`LongLine`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LongLineRule;

impl Sealed for LongLineRule {}

impl Rule for LongLineRule {
    const ID: PatternId = PatternId::LongLine;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 0), (Setting::ShadowShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let short = c.average(Setting::ShadowShort, 0);
        let found = candle.body() > c.average(Setting::BodyLong, 0)
            && candle.upper_shadow() < short
            && candle.lower_shadow() < short;
        found.then_some(Signal::by_sign(candle.is_white()))
    }
}
