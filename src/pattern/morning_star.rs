use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Morning star: a long black candle, a short body gapping down below it, then a white candle
/// closing well into the first body — bullish.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second body `≤ BodyShort`, entirely below the first
/// body; third white with body `> BodyShort`, closing above `first close + penetration × first
/// body`. 3 candles; TA-Lib's lookback 12; `penetration` (TA-Lib `penetration`, default 0.3,
/// `0..=1e6`) through [`with_penetration`](Candlestick::with_penetration). Reports
/// [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLMORNINGSTAR` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{MorningStar, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.75, 101.0, 100.0, 101.0),
///     (99.75, 102.25, 99.5, 101.5),
///     (99.25, 99.5, 99.0, 99.0),
///     (99.5, 100.5, 99.5, 99.75),
///     (101.0, 101.25, 99.5, 100.25),
///     (102.0, 102.75, 101.5, 102.5),
///     (100.0, 100.5, 99.75, 100.5),
///     (99.5, 102.0, 99.5, 101.5),
///     (102.25, 102.5, 101.5, 101.75),
///     (101.0, 102.0, 100.25, 101.25),
///     (102.0, 102.0, 101.0, 101.25),
///     (100.25, 100.75, 99.75, 99.75),
///     (99.75, 102.0, 99.5, 101.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = MorningStar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(MorningStar::new().to_string(), "CDLMORNINGSTAR(0.3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLMORNINGSTAR")]
pub type MorningStar<T = f64> = Candlestick<MorningStarRule, T>;

/// The rule of [`MorningStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MorningStarRule;

impl Sealed for MorningStarRule {}

impl Rule for MorningStarRule {
    const ID: PatternId = PatternId::MorningStar;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyShort, 1),
        (Setting::BodyShort, 0),
    ];
    const PENETRATION: Option<f64> = Some(0.3);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, star, last) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && !first.is_white()
            && star.body() <= c.average(Setting::BodyShort, 1)
            && star.body_gaps_down(&first)
            && last.body() > c.average(Setting::BodyShort, 0)
            && last.is_white()
            && last.close > first.close + first.body() * c.penetration();
        found.then_some(Signal::Bullish)
    }
}
