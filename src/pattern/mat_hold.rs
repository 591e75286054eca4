use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Mat hold: a long white candle, three short reaction candles gapping up and holding within its
/// body, then a white candle closing above them — bullish continuation.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; the next three bodies `< BodyShort`, the second black
/// and gapping up above the first body; the third and fourth bodies dipping below the first close
/// but staying above `first close − penetration × first body`, with falling body tops; the fifth
/// white, opening above the fourth close and closing above the highest high of the three. 5
/// candles; TA-Lib's lookback 14; `penetration` (TA-Lib `penetration`, default 0.5, `0..=1e6`)
/// through [`with_penetration`](Candlestick::with_penetration). Reports [`Signal::Bullish`]
/// (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLMATHOLD` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{MatHold, Signal};
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
///     (99.0, 101.05, 98.95, 101.0),
///     (101.6, 101.7, 101.3, 101.4),
///     (101.2, 101.3, 100.7, 100.8),
///     (100.9, 101.0, 100.5, 100.6),
///     (100.7, 102.1, 100.6, 102.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = MatHold::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(MatHold::new().to_string(), "CDLMATHOLD(0.5)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLMATHOLD")]
pub type MatHold<T = f64> = Candlestick<MatHoldRule, T>;

/// The rule of [`MatHold`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MatHoldRule;

impl Sealed for MatHoldRule {}

impl Rule for MatHoldRule {
    const ID: PatternId = PatternId::MatHold;
    const CANDLES: usize = 5;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 4),
        (Setting::BodyShort, 3),
        (Setting::BodyShort, 2),
        (Setting::BodyShort, 1),
    ];
    const PENETRATION: Option<f64> = Some(0.5);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third, fourth, last) = (
            c.candle(4),
            c.candle(3),
            c.candle(2),
            c.candle(1),
            c.candle(0),
        );
        let floor = first.close - first.body() * c.penetration();
        let found = first.body() > c.average(Setting::BodyLong, 4)
            && second.body() < c.average(Setting::BodyShort, 3)
            && third.body() < c.average(Setting::BodyShort, 2)
            && fourth.body() < c.average(Setting::BodyShort, 1)
            && first.is_white()
            && !second.is_white()
            && last.is_white()
            && second.body_gaps_up(&first)
            && third.body_bottom() < first.close
            && fourth.body_bottom() < first.close
            && third.body_bottom() > floor
            && fourth.body_bottom() > floor
            && third.body_top() < second.open
            && fourth.body_top() < third.body_top()
            && last.open > fourth.close
            && last.close > second.high.max(third.high).max(fourth.high);
        found.then_some(Signal::Bullish)
    }
}
