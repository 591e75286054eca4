use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Three stars in the south: three black candles of shrinking size, the selling drying up — bullish.
///
/// # Rule
///
/// Three black candles: the first long (`> BodyLong`) with a long lower shadow (`> ShadowLong`); the second with a smaller body, opening above the first close within its range, trading below the first close but not below its low, with a lower shadow (`> ShadowVeryShort`); the third a short (`< BodyShort`) marubozu (both shadows `< ShadowVeryShort`) inside the second's range. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL3STARSINSOUTH` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ThreeStarsInSouth, Signal};
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
///     (99.6, 99.62, 99.18, 99.2),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ThreeStarsInSouth::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(ThreeStarsInSouth::new().to_string(), "CDL3STARSINSOUTH");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL3STARSINSOUTH")]
pub type ThreeStarsInSouth<T = f64> = Candlestick<ThreeStarsInSouthRule, T>;

/// The rule of [`ThreeStarsInSouth`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ThreeStarsInSouthRule;

impl Sealed for ThreeStarsInSouthRule {}

impl Rule for ThreeStarsInSouthRule {
    const ID: PatternId = PatternId::ThreeStarsInSouth;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::ShadowLong, 2),
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
        (Setting::BodyShort, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let very_short = c.average(Setting::ShadowVeryShort, 0);
        let found = !first.is_white()
            && !second.is_white()
            && !third.is_white()
            && first.body() > c.average(Setting::BodyLong, 2)
            && first.lower_shadow() > c.average(Setting::ShadowLong, 2)
            && second.body() < first.body()
            && second.open > first.close
            && second.open <= first.high
            && second.low < first.close
            && second.low >= first.low
            && second.lower_shadow() > c.average(Setting::ShadowVeryShort, 1)
            && third.body() < c.average(Setting::BodyShort, 0)
            && third.lower_shadow() < very_short
            && third.upper_shadow() < very_short
            && third.low > second.low
            && third.high < second.high;
        found.then_some(Signal::Bullish)
    }
}
