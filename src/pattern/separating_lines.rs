use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Separating lines: a candle opening where the previous, opposite-coloured one opened and running
/// away from it with a long belt-hold body — continuation.
///
/// # Rule
///
/// First and second candles of opposite colours; second open within `Equal` (of the first candle)
/// of the first open; second body `> BodyLong`, and, white, lower shadow `< ShadowVeryShort` or,
/// black, upper shadow `< ShadowVeryShort`. Reports the second candle's colour: [`Signal::Bullish`]
/// (`+100`) or [`Signal::Bearish`] (`−100`). 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSEPARATINGLINES` reports `-100`
/// on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{SeparatingLines, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (192.25, 192.75, 192.25, 192.25),
///     (192.0, 192.5, 191.75, 192.0),
///     (192.0, 193.0, 192.0, 192.25),
///     (192.5, 193.25, 192.5, 192.5),
///     (194.25, 194.75, 191.75, 191.75),
///     (191.75, 194.25, 191.5, 193.25),
///     (193.0, 193.0, 192.0, 192.25),
///     (192.0, 193.0, 192.0, 192.0),
///     (194.75, 195.75, 193.0, 194.0),
///     (194.25, 194.5, 194.25, 194.5),
///     (194.5, 194.5, 194.0, 194.5),
///     (194.5, 194.5, 193.75, 193.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = SeparatingLines::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(SeparatingLines::new().to_string(), "CDLSEPARATINGLINES");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSEPARATINGLINES")]
pub type SeparatingLines<T = f64> = Candlestick<SeparatingLinesRule, T>;

/// The rule of [`SeparatingLines`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SeparatingLinesRule;

impl Sealed for SeparatingLinesRule {}

impl Rule for SeparatingLinesRule {
    const ID: PatternId = PatternId::SeparatingLines;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 0),
        (Setting::BodyLong, 0),
        (Setting::Equal, 1),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let equal = c.average(Setting::Equal, 1);
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let found = first.is_white() != second.is_white()
            && second.open <= first.open + equal
            && second.open >= first.open - equal
            && second.body() > c.average(Setting::BodyLong, 0)
            && if second.is_white() {
                second.lower_shadow() < very_short
            } else {
                second.upper_shadow() < very_short
            };
        found.then(|| Signal::by_sign(second.is_white()))
    }
}
