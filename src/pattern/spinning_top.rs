use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Spinning top: a short body with both shadows longer than the body — indecision.
///
/// # Rule
///
/// Body `< BodyShort`, upper and lower shadows each longer than the body. Reports the candle's
/// colour: [`Signal::Bullish`] (`+100`, white) or [`Signal::Bearish`] (`−100`, black). 1 candle;
/// TA-Lib's lookback 10 (first signal on candle 11).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSPINNINGTOP` reports `100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{SpinningTop, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (197.75, 198.5, 197.75, 198.5),
///     (198.5, 199.5, 197.25, 198.0),
///     (197.75, 198.5, 195.0, 195.0),
///     (194.75, 194.75, 194.0, 194.75),
///     (195.0, 195.5, 195.0, 195.5),
///     (195.25, 199.0, 194.75, 198.0),
///     (198.75, 202.25, 198.0, 201.25),
///     (201.5, 203.25, 201.5, 203.25),
///     (203.25, 205.5, 203.25, 204.75),
///     (205.0, 206.0, 204.5, 206.0),
///     (206.0, 206.75, 205.25, 206.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = SpinningTop::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(SpinningTop::new().to_string(), "CDLSPINNINGTOP");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSPINNINGTOP")]
pub type SpinningTop<T = f64> = Candlestick<SpinningTopRule, T>;

/// The rule of [`SpinningTop`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpinningTopRule;

impl Sealed for SpinningTopRule {}

impl Rule for SpinningTopRule {
    const ID: PatternId = PatternId::SpinningTop;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyShort, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        let found = candle.body() < c.average(Setting::BodyShort, 0)
            && candle.upper_shadow() > candle.body()
            && candle.lower_shadow() > candle.body();
        found.then(|| Signal::by_sign(candle.is_white()))
    }
}
