use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three black crows: after a white candle, three black candles with very short lower shadows, each opening inside the previous body and closing lower — bearish.
///
/// # Rule
///
/// A white candle, then three black ones with lower shadows `< ShadowVeryShort`; the second and third open inside the previous black body; the closes fall; the first black closes below the white candle's high. 4 candles; TA-Lib's lookback 13 (first signal on
/// candle 14). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3BLACKCROWS` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeBlackCrows, Signal};
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
///     (99.0, 101.5, 98.8, 101.0),
///     (100.8, 101.0, 99.45, 99.5),
///     (100.0, 100.1, 98.45, 98.5),
///     (99.0, 99.1, 97.45, 97.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeBlackCrows::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(ThreeBlackCrows::new().to_string(), "CDL3BLACKCROWS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3BLACKCROWS")]
pub type ThreeBlackCrows<T = f64> = Candlestick<ThreeBlackCrowsRule, T>;

/// The rule of [`ThreeBlackCrows`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeBlackCrowsRule;

impl Sealed for ThreeBlackCrowsRule {}

impl Rule for ThreeBlackCrowsRule {
    const ID: PatternId = PatternId::ThreeBlackCrows;
    const CANDLES: usize = 4;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 2),
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (white, one, two, three) = (c.candle(3), c.candle(2), c.candle(1), c.candle(0));
        let found = white.is_white()
            && !one.is_white()
            && one.lower_shadow() < c.average(Setting::ShadowVeryShort, 2)
            && !two.is_white()
            && two.lower_shadow() < c.average(Setting::ShadowVeryShort, 1)
            && !three.is_white()
            && three.lower_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && two.open < one.open
            && two.open > one.close
            && three.open < two.open
            && three.open > two.close
            && white.high > one.close
            && one.close > two.close
            && two.close > three.close;
        found.then_some(Signal::Bearish)
    }
}
