use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{CandleSettings, Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Engulfing: a body that swallows the previous, opposite-coloured body.
///
/// # Rule
///
/// A white candle after a black one, with `close ≥ previous open` and `open < previous
/// close` or `close > previous open` and `open ≤ previous close` (the mirror image for a
/// black candle after a white one). [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`)
/// when neither edge is equal, [`Signal::WeakBullish`] / [`Signal::WeakBearish`] (`±80`)
/// when the open equals the previous close or the close the previous open. No candle
/// settings; TA-Lib's lookback 2 (first signal on the third candle).
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Engulfing, Signal};
/// use ta_stream::Indicator;
///
/// let c = |o, h, l, c| Candle::new(o, h, l, c, 0.0);
/// let bars = [
///     c(10.0, 10.2, 9.9, 10.1)?,
///     c(10.5, 10.6, 9.9, 10.0)?, // black
///     c(9.8, 11.2, 9.7, 11.0)?,  // white, swallows it
///     c(11.0, 11.2, 9.6, 9.7)?,  // black, opens at the close: swallows it at an equal edge
/// ];
/// let out = Engulfing::new().batch(&bars); // TA-Lib: 0, 0, 100, -80
/// assert_eq!(out, [None, None, Some(Some(Signal::Bullish)), Some(Some(Signal::WeakBearish))]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLENGULFING")]
pub type Engulfing<T = f64> = Candlestick<EngulfingRule, T>;

/// The rule of [`Engulfing`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EngulfingRule;

impl Sealed for EngulfingRule {}

impl Rule for EngulfingRule {
    const ID: PatternId = PatternId::Engulfing;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[];

    /// TA-Lib's lookback is 2, one more than the two candles need.
    fn lookback(_: &CandleSettings) -> usize {
        2
    }

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let white_engulfs = second.is_white()
            && !first.is_white()
            && ((second.close >= first.open && second.open < first.close)
                || (second.close > first.open && second.open <= first.close));
        let black_engulfs = !second.is_white()
            && first.is_white()
            && ((second.open >= first.close && second.close < first.open)
                || (second.open > first.close && second.close <= first.open));
        if !(white_engulfs || black_engulfs) {
            return None;
        }
        let strict = second.open != first.close && second.close != first.open;
        Some(match (second.is_white(), strict) {
            (true, true) => Signal::Bullish,
            (true, false) => Signal::WeakBullish,
            (false, true) => Signal::Bearish,
            (false, false) => Signal::WeakBearish,
        })
    }
}
