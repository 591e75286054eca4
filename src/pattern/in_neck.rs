use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// In-neck: a long black candle, then a white one opening below its low and closing just at or above its close — bearish continuation.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second white, opening below the first low, closing between the first close and `first close + Equal`. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLINNECK` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{InNeck, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (91.5, 93.25, 91.5, 92.5),
///     (94.25, 94.75, 93.0, 93.5),
///     (93.25, 93.25, 92.0, 92.0),
///     (93.25, 94.0, 92.0, 92.75),
///     (95.0, 95.0, 92.75, 93.25),
///     (93.25, 94.5, 92.75, 94.5),
///     (93.25, 94.0, 92.75, 93.75),
///     (92.0, 92.5, 91.25, 92.5),
///     (93.75, 94.0, 93.5, 93.5),
///     (94.25, 96.0, 93.5, 95.75),
///     (95.5, 95.5, 94.5, 94.5),
///     (93.75, 95.0, 93.75, 94.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = InNeck::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(InNeck::new().to_string(), "CDLINNECK");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLINNECK")]
pub type InNeck<T = f64> = Candlestick<InNeckRule, T>;

/// The rule of [`InNeck`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct InNeckRule;

impl Sealed for InNeckRule {}

impl Rule for InNeckRule {
    const ID: PatternId = PatternId::InNeck;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Equal, 1), (Setting::BodyLong, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let found = !first.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.is_white()
            && second.open < first.low
            && second.close <= first.close + c.average(Setting::Equal, 1)
            && second.close >= first.close;
        found.then_some(Signal::Bearish)
    }
}
