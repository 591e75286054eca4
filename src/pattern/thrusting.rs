use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::float::lit;
use crate::Real;

/// Thrusting: a long black candle, then a white one opening below its low and closing into its
/// body, but not above its midpoint — bearish continuation.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second white, opening below the first low, closing
/// above `first close + Equal` (of the first candle) and at most at `first close + first body ×
/// 0.5`. Reports [`Signal::Bearish`] (`−100`). 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLTHRUSTING` reports `-100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Thrusting, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (187.25, 189.25, 187.25, 188.75),
///     (189.0, 189.75, 187.0, 187.0),
///     (186.75, 187.75, 184.75, 185.75),
///     (185.75, 185.75, 185.75, 185.75),
///     (186.0, 187.0, 184.0, 184.75),
///     (184.5, 184.5, 181.75, 181.75),
///     (181.75, 181.75, 178.5, 179.25),
///     (179.5, 180.75, 179.5, 180.75),
///     (180.75, 180.75, 178.25, 179.0),
///     (179.25, 179.75, 179.25, 179.75),
///     (179.5, 179.5, 177.75, 177.75),
///     (177.5, 178.5, 177.5, 178.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Thrusting::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(Thrusting::new().to_string(), "CDLTHRUSTING");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLTHRUSTING")]
pub type Thrusting<T = f64> = Candlestick<ThrustingRule, T>;

/// The rule of [`Thrusting`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThrustingRule;

impl Sealed for ThrustingRule {}

impl Rule for ThrustingRule {
    const ID: PatternId = PatternId::Thrusting;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Equal, 1), (Setting::BodyLong, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let found = !first.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.is_white()
            && second.open < first.low
            && second.close > first.close + c.average(Setting::Equal, 1)
            && second.close <= first.close + first.body() * lit::<T>(0.5);
        found.then_some(Signal::Bearish)
    }
}
