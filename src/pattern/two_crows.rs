use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Two crows: after a long white candle, a black one gapping up and a second black one that opens inside it and closes inside the white body — bearish.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; second black, its body above the first body; third black, opening inside the second body and closing inside the first body. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDL2CROWS` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{TwoCrows, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (103.75, 104.5, 101.75, 102.5),
///     (101.75, 102.5, 101.5, 102.0),
///     (100.75, 102.75, 100.75, 102.25),
///     (101.25, 102.0, 100.5, 101.0),
///     (100.25, 100.5, 99.75, 99.75),
///     (101.5, 101.5, 100.5, 100.75),
///     (101.0, 101.0, 100.0, 100.25),
///     (99.25, 99.5, 98.75, 99.25),
///     (99.75, 101.0, 99.0, 100.25),
///     (101.0, 102.75, 100.5, 102.5),
///     (102.5, 103.75, 102.0, 103.25),
///     (105.0, 105.75, 103.0, 103.5),
///     (103.75, 104.5, 102.5, 103.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = TwoCrows::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(TwoCrows::new().to_string(), "CDL2CROWS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL2CROWS")]
pub type TwoCrows<T = f64> = Candlestick<TwoCrowsRule, T>;

/// The rule of [`TwoCrows`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TwoCrowsRule;

impl Sealed for TwoCrowsRule {}

impl Rule for TwoCrowsRule {
    const ID: PatternId = PatternId::TwoCrows;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 2)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.is_white()
            && first.body() > c.average(Setting::BodyLong, 2)
            && !second.is_white()
            && second.body_gaps_up(&first)
            && !third.is_white()
            && third.open < second.open
            && third.open > second.close
            && third.close > first.open
            && third.close < first.close;
        found.then_some(Signal::Bearish)
    }
}
