use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Identical three crows: three falling black candles, each opening at the previous close — bearish.
///
/// # Rule
///
/// Three black candles with lower shadows `< ShadowVeryShort` and falling closes; the second and third open within `Equal` of the previous close. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLIDENTICAL3CROWS` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{IdenticalThreeCrows, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (99.5, 101.0, 99.0, 100.5),
///     (100.5, 101.0, 99.0, 99.5),
///     (101.0, 101.1, 98.9, 99.0),
///     (98.5, 98.6, 97.9, 98.0),
///     (98.0, 98.1, 97.5, 97.6),
///     (97.6, 97.7, 97.1, 97.2),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = IdenticalThreeCrows::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(IdenticalThreeCrows::new().to_string(), "CDLIDENTICAL3CROWS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLIDENTICAL3CROWS")]
pub type IdenticalThreeCrows<T = f64> = Candlestick<IdenticalThreeCrowsRule, T>;

/// The rule of [`IdenticalThreeCrows`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct IdenticalThreeCrowsRule;

impl Sealed for IdenticalThreeCrowsRule {}

impl Rule for IdenticalThreeCrowsRule {
    const ID: PatternId = PatternId::IdenticalThreeCrows;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 2),
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
        (Setting::Equal, 2),
        (Setting::Equal, 1),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (one, two, three) = (c.candle(2), c.candle(1), c.candle(0));
        let (equal_one, equal_two) = (c.average(Setting::Equal, 2), c.average(Setting::Equal, 1));
        let found = !one.is_white()
            && one.lower_shadow() < c.average(Setting::ShadowVeryShort, 2)
            && !two.is_white()
            && two.lower_shadow() < c.average(Setting::ShadowVeryShort, 1)
            && !three.is_white()
            && three.lower_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && one.close > two.close
            && two.close > three.close
            && two.open <= one.close + equal_one
            && two.open >= one.close - equal_one
            && three.open <= two.close + equal_two
            && three.open >= two.close - equal_two;
        found.then_some(Signal::Bearish)
    }
}
