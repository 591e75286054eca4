use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::bar::Candle;
use crate::Real;

/// Kicking: a marubozu, then an opposite-coloured marubozu gapping away from it — the second
/// candle's direction.
///
/// # Rule
///
/// Two marubozu (body `> BodyLong`, both shadows `< ShadowVeryShort`) of opposite colours, the
/// second gapping up (low above the first high) after a black one or down (high below the first
/// low) after a white one. 2 candles; TA-Lib's lookback 11. Reports the second candle's colour:
/// [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLKICKING` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Kicking, Signal};
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
///     (101.0, 101.05, 98.95, 99.0),
///     (101.5, 103.55, 101.45, 103.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Kicking::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Kicking::new().to_string(), "CDLKICKING");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLKICKING")]
pub type Kicking<T = f64> = Candlestick<KickingRule, T>;

/// The rule of [`Kicking`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KickingRule;

impl Sealed for KickingRule {}

impl Rule for KickingRule {
    const ID: PatternId = PatternId::Kicking;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
        (Setting::BodyLong, 1),
        (Setting::BodyLong, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let marubozu = |candle: &Candle<T>, ago: usize| {
            candle.body() > c.average(Setting::BodyLong, ago)
                && candle.upper_shadow() < c.average(Setting::ShadowVeryShort, ago)
                && candle.lower_shadow() < c.average(Setting::ShadowVeryShort, ago)
        };
        let found = first.is_white() != second.is_white()
            && marubozu(&first, 1)
            && marubozu(&second, 0)
            && ((!first.is_white() && second.gaps_up(&first))
                || (first.is_white() && second.gaps_down(&first)));
        found.then_some(Signal::by_sign(second.is_white()))
    }
}
