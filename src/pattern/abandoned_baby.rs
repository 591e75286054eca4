use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Abandoned baby: a doji isolated by price gaps between a long candle and an opposite candle that closes well into the first body.
///
/// # Rule
///
/// First body `> BodyLong`; second a doji (`≤ BodyDoji`) whose whole range gaps away from the first; third body `> BodyShort`, of the opposite colour, gapping back and closing at least `penetration × first body` inside the first body. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). `penetration` (TA-Lib `penetration`, default 0.3, `0..=1e6`) through
/// [`with_penetration`](Candlestick::with_penetration). Reports [`Signal::Bullish`] (`+100`, after a black candle) or [`Signal::Bearish`] (`−100`), the third candle's colour.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLABANDONEDBABY` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{AbandonedBaby, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (101.0, 101.1, 98.8, 99.0),
///     (98.4, 98.6, 98.2, 98.4),
///     (98.8, 100.7, 98.7, 100.6),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = AbandonedBaby::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(AbandonedBaby::new().to_string(), "CDLABANDONEDBABY(0.3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLABANDONEDBABY")]
pub type AbandonedBaby<T = f64> = Candlestick<AbandonedBabyRule, T>;

/// The rule of [`AbandonedBaby`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AbandonedBabyRule;

impl Sealed for AbandonedBabyRule {}

impl Rule for AbandonedBabyRule {
    const ID: PatternId = PatternId::AbandonedBaby;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyDoji, 1),
        (Setting::BodyShort, 0),
    ];
    const PENETRATION: Option<f64> = Some(0.3);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, doji, third) = (c.candle(2), c.candle(1), c.candle(0));
        let reach = first.body() * c.penetration();
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && doji.body() <= c.average(Setting::BodyDoji, 1)
            && third.body() > c.average(Setting::BodyShort, 0)
            && ((first.is_white()
                && !third.is_white()
                && third.close < first.close - reach
                && doji.gaps_up(&first)
                && third.gaps_down(&doji))
                || (!first.is_white()
                    && third.is_white()
                    && third.close > first.close + reach
                    && doji.gaps_down(&first)
                    && third.gaps_up(&doji)));
        found.then_some(Signal::by_sign(third.is_white()))
    }
}
