use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Unique three river: a long black candle, a black harami-like candle making a lower low, then a
/// short white candle opening above that low — bullish.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second black, closing above the first close, opening
/// at most at the first open, its low below the first low; third white with body `< BodyShort`,
/// opening above the second low. Reports [`Signal::Bullish`] (`+100`). 3 candles; TA-Lib's lookback
/// 12 (first signal on candle 13).
///
/// # Example
///
/// Bars (hand-built, checked against TA-Lib) on which TA-Lib's `CDLUNIQUE3RIVER` reports `100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{UniqueThreeRiver, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.0, 10.6, 9.4, 10.5),
///     (10.5, 10.6, 8.9, 9.0),
///     (10.0, 10.1, 8.5, 9.5),
///     (8.8, 9.1, 8.7, 9.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = UniqueThreeRiver::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(UniqueThreeRiver::new().to_string(), "CDLUNIQUE3RIVER");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLUNIQUE3RIVER")]
pub type UniqueThreeRiver<T = f64> = Candlestick<UniqueThreeRiverRule, T>;

/// The rule of [`UniqueThreeRiver`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct UniqueThreeRiverRule;

impl Sealed for UniqueThreeRiverRule {}

impl Rule for UniqueThreeRiverRule {
    const ID: PatternId = PatternId::UniqueThreeRiver;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 2), (Setting::BodyShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && !first.is_white()
            && !second.is_white()
            && second.close > first.close
            && second.open <= first.open
            && second.low < first.low
            && third.body() < c.average(Setting::BodyShort, 0)
            && third.is_white()
            && third.open > second.low;
        found.then_some(Signal::Bullish)
    }
}
