use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Hanging man: a hammer-shaped candle near the previous candle's high — bearish.
///
/// # Rule
///
/// On the last candle: body `< BodyShort`, lower shadow `> ShadowLong`, upper shadow `< ShadowVeryShort`, and `min(open, close) ≥ previous high − Near` (the Near average of the previous candle). 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHANGINGMAN` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{HangingMan, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (95.5, 96.0, 94.5, 95.0),
///     (93.5, 94.25, 91.75, 92.25),
///     (93.0, 95.0, 93.0, 95.0),
///     (94.0, 95.5, 93.5, 95.0),
///     (97.0, 97.25, 95.0, 95.5),
///     (94.5, 96.25, 94.25, 96.25),
///     (95.5, 96.0, 94.25, 94.75),
///     (94.5, 95.75, 93.75, 95.5),
///     (96.0, 97.25, 95.75, 97.0),
///     (98.0, 98.25, 96.5, 96.75),
///     (97.5, 98.0, 96.0, 96.75),
///     (98.0, 98.0, 97.25, 98.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = HangingMan::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(HangingMan::new().to_string(), "CDLHANGINGMAN");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHANGINGMAN")]
pub type HangingMan<T = f64> = Candlestick<HangingManRule, T>;

/// The rule of [`HangingMan`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HangingManRule;

impl Sealed for HangingManRule {}

impl Rule for HangingManRule {
    const ID: PatternId = PatternId::HangingMan;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyShort, 0),
        (Setting::ShadowLong, 0),
        (Setting::ShadowVeryShort, 0),
        (Setting::Near, 1),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (prior, last) = (c.candle(1), c.candle(0));
        let found = last.body() < c.average(Setting::BodyShort, 0)
            && last.lower_shadow() > c.average(Setting::ShadowLong, 0)
            && last.upper_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && last.body_bottom() >= prior.high - c.average(Setting::Near, 1);
        found.then_some(Signal::Bearish)
    }
}
