use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Counterattack: two long opposite candles closing at (nearly) the same price.
///
/// # Rule
///
/// Two candles of opposite colours, both bodies `> BodyLong`, the second close within `Equal` of the first close. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bullish`] (`+100`, white second candle) or [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLCOUNTERATTACK` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Counterattack, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (92.75, 93.0, 92.25, 93.0),
///     (93.75, 94.5, 93.0, 94.5),
///     (95.25, 95.5, 93.5, 94.25),
///     (94.0, 95.25, 93.25, 94.5),
///     (93.75, 94.5, 92.25, 92.75),
///     (93.0, 93.25, 93.0, 93.0),
///     (93.5, 95.25, 93.5, 94.75),
///     (94.25, 94.5, 94.0, 94.5),
///     (94.5, 94.75, 93.75, 94.5),
///     (95.0, 96.75, 94.25, 96.0),
///     (94.5, 94.5, 93.5, 93.75),
///     (92.5, 93.75, 92.5, 93.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Counterattack::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Counterattack::new().to_string(), "CDLCOUNTERATTACK");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLCOUNTERATTACK")]
pub type Counterattack<T = f64> = Candlestick<CounterattackRule, T>;

/// The rule of [`Counterattack`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CounterattackRule;

impl Sealed for CounterattackRule {}

impl Rule for CounterattackRule {
    const ID: PatternId = PatternId::Counterattack;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::Equal, 1),
        (Setting::BodyLong, 1),
        (Setting::BodyLong, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let equal = c.average(Setting::Equal, 1);
        let found = first.is_white() != second.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && second.body() > c.average(Setting::BodyLong, 0)
            && second.close <= first.close + equal
            && second.close >= first.close - equal;
        found.then_some(Signal::by_sign(second.is_white()))
    }
}
