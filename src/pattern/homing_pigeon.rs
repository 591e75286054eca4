use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Homing pigeon: a long black candle, then a short black body inside it — bullish.
///
/// # Rule
///
/// Both candles black; the first body `> BodyLong`, the second `≤ BodyShort`, opening below the first open and closing above the first close. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHOMINGPIGEON` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{HomingPigeon, Signal};
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
///     (101.0, 101.2, 97.5, 99.5),
///     (100.5, 100.6, 98.5, 99.8),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = HomingPigeon::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(HomingPigeon::new().to_string(), "CDLHOMINGPIGEON");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHOMINGPIGEON")]
pub type HomingPigeon<T = f64> = Candlestick<HomingPigeonRule, T>;

/// The rule of [`HomingPigeon`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HomingPigeonRule;

impl Sealed for HomingPigeonRule {}

impl Rule for HomingPigeonRule {
    const ID: PatternId = PatternId::HomingPigeon;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 1), (Setting::BodyShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let found = !first.is_white()
            && !second.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.body() <= c.average(Setting::BodyShort, 0)
            && second.open < first.open
            && second.close > first.close;
        found.then_some(Signal::Bullish)
    }
}
