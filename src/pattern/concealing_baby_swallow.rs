use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Concealing baby swallow: two black marubozu, a black candle gapping down whose upper shadow reaches back into the second body, swallowed by a fourth black candle — bullish.
///
/// # Rule
///
/// Four black candles; the first two marubozu (both shadows `< ShadowVeryShort`); the third's body gaps down below the second, with an upper shadow `> ShadowVeryShort` reaching above the second close; the fourth's range engulfs the third's, shadows included. 4 candles; TA-Lib's lookback 13 (first signal on
/// candle 14). Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLCONCEALBABYSWALL` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ConcealingBabySwallow, Signal};
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
///     (101.0, 101.05, 99.45, 99.5),
///     (99.4, 99.45, 97.95, 98.0),
///     (97.6, 98.3, 96.9, 97.0),
///     (98.4, 98.5, 96.4, 96.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ConcealingBabySwallow::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(ConcealingBabySwallow::new().to_string(), "CDLCONCEALBABYSWALL");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLCONCEALBABYSWALL")]
pub type ConcealingBabySwallow<T = f64> = Candlestick<ConcealingBabySwallowRule, T>;

/// The rule of [`ConcealingBabySwallow`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ConcealingBabySwallowRule;

impl Sealed for ConcealingBabySwallowRule {}

impl Rule for ConcealingBabySwallowRule {
    const ID: PatternId = PatternId::ConcealingBabySwallow;
    const CANDLES: usize = 4;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 3),
        (Setting::ShadowVeryShort, 2),
        (Setting::ShadowVeryShort, 1),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three, four) = (c.candle(3), c.candle(2), c.candle(1), c.candle(0));
        let (short_one, short_two) = (
            c.average(Setting::ShadowVeryShort, 3),
            c.average(Setting::ShadowVeryShort, 2),
        );
        let found = !one.is_white()
            && !two.is_white()
            && !three.is_white()
            && !four.is_white()
            && one.lower_shadow() < short_one
            && one.upper_shadow() < short_one
            && two.lower_shadow() < short_two
            && two.upper_shadow() < short_two
            && three.body_gaps_down(&two)
            && three.upper_shadow() > c.average(Setting::ShadowVeryShort, 1)
            && three.high > two.close
            && four.high > three.high
            && four.low < three.low;
        found.then_some(Signal::Bullish)
    }
}
