use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Stick sandwich: two black candles closing at the same level around a white one trading above the
/// first close — bullish.
///
/// # Rule
///
/// First candle black; second white with its low above the first close; third black, closing within
/// `Equal` (of the first candle) of the first close. Reports [`Signal::Bullish`] (`+100`). 3
/// candles; TA-Lib's lookback 7 (first signal on candle 8).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSTICKSANDWICH` reports `100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{StickSandwich, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (168.75, 170.0, 168.75, 169.0),
///     (168.75, 169.5, 168.0, 169.25),
///     (169.0, 169.0, 168.0, 168.0),
///     (167.75, 168.5, 167.5, 167.5),
///     (167.5, 167.5, 167.5, 167.5),
///     (167.5, 167.5, 165.25, 165.25),
///     (165.5, 166.25, 165.5, 165.5),
///     (165.5, 165.5, 164.75, 165.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = StickSandwich::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(StickSandwich::new().to_string(), "CDLSTICKSANDWICH");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSTICKSANDWICH")]
pub type StickSandwich<T = f64> = Candlestick<StickSandwichRule, T>;

/// The rule of [`StickSandwich`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StickSandwichRule;

impl Sealed for StickSandwichRule {}

impl Rule for StickSandwichRule {
    const ID: PatternId = PatternId::StickSandwich;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Equal, 2)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let equal = c.average(Setting::Equal, 2);
        let found = !first.is_white()
            && second.is_white()
            && !third.is_white()
            && second.low > first.close
            && third.close <= first.close + equal
            && third.close >= first.close - equal;
        found.then_some(Signal::Bullish)
    }
}
