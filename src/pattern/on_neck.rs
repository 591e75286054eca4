use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// On-neck: a long black candle, then a white one opening below its low and closing at (about) that
/// low — bearish continuation.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second white, opening below the first low and closing
/// within `Equal` of the first low. 2 candles; TA-Lib's lookback 11. Reports [`Signal::Bearish`]
/// (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLONNECK` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{OnNeck, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (102.75, 103.25, 102.5, 102.5),
///     (104.25, 105.0, 103.25, 104.0),
///     (104.25, 105.25, 103.75, 104.75),
///     (103.5, 104.0, 103.25, 103.75),
///     (105.0, 105.75, 104.25, 104.25),
///     (104.5, 104.5, 103.5, 103.5),
///     (103.75, 104.0, 103.25, 103.5),
///     (105.5, 105.5, 104.0, 104.25),
///     (103.75, 104.0, 102.25, 102.25),
///     (104.0, 104.25, 102.75, 103.0),
///     (102.25, 102.25, 100.75, 101.5),
///     (100.5, 100.75, 100.0, 100.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = OnNeck::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(OnNeck::new().to_string(), "CDLONNECK");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLONNECK")]
pub type OnNeck<T = f64> = Candlestick<OnNeckRule, T>;

/// The rule of [`OnNeck`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OnNeckRule;

impl Sealed for OnNeckRule {}

impl Rule for OnNeckRule {
    const ID: PatternId = PatternId::OnNeck;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Equal, 1), (Setting::BodyLong, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let equal = c.average(Setting::Equal, 1);
        let found = !first.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.is_white()
            && second.open < first.low
            && second.close <= first.low + equal
            && second.close >= first.low - equal;
        found.then_some(Signal::Bearish)
    }
}
