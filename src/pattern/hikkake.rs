use super::core::{Context, Memory, Rule, Sealed};
use super::{CandleSettings, Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Hikkake: an inside bar followed by a false breakout, and its confirmation within three bars.
///
/// # Rule
///
/// The second candle is an inside bar (lower high, higher low than the first); the third breaks out of it: lower high and lower low (bullish hikkake, `+100`) or higher high and higher low (bearish, `−100`). Within the three bars after a pattern, a close above the inside bar's high (bullish) or below its low (bearish) confirms it (`±200`), once. A new pattern replaces a pending one. Three bars of memory are scanned before the first output, as TA-Lib does. 3 candles; TA-Lib's lookback 5 (first signal on
/// candle 6). Reports [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`) on the pattern bar, [`Signal::BullishConfirmed`] / [`Signal::BearishConfirmed`] (`±200`) on the confirming bar.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHIKKAKE` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Hikkake, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (93.5, 94.0, 91.5, 92.0),
///     (92.75, 93.75, 92.0, 93.0),
///     (92.5, 93.5, 92.5, 92.75),
///     (94.5, 95.0, 92.5, 92.75),
///     (94.5, 94.75, 94.0, 94.0),
///     (94.0, 94.25, 91.75, 92.5),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Hikkake::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Hikkake::new().to_string(), "CDLHIKKAKE");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHIKKAKE")]
pub type Hikkake<T = f64> = Candlestick<HikkakeRule, T>;

/// The rule of [`Hikkake`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HikkakeRule;

impl Sealed for HikkakeRule {}

impl Rule for HikkakeRule {
    const ID: PatternId = PatternId::Hikkake;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[];
    const MEMORY_SCAN: usize = 3;

    /// TA-Lib's lookback is 5: the three candles and room for the confirmation.
    fn lookback(_: &CandleSettings) -> usize {
        5
    }

    fn detect<T: Real>(c: &Context<'_, T>, memory: &mut Memory) -> Option<Signal> {
        let (first, inside, third) = (c.candle(2), c.candle(1), c.candle(0));
        let pattern = (inside.high < first.high
            && inside.low > first.low
            && ((third.high < inside.high && third.low < inside.low)
                || (third.high > inside.high && third.low > inside.low)))
            .then(|| Signal::by_sign(third.high < inside.high));
        memory.age = memory.age.saturating_add(1);
        let last = c.candle(0);
        if let Some(signal) = pattern {
            *memory = Memory {
                age: 0,
                direction: if signal.is_bullish() { 1 } else { -1 },
            };
            return Some(signal);
        }
        // Confirmation within three bars: a close beyond the inside bar's high (bullish) or
        // low (bearish); the inside bar is the one before the pattern bar.
        if memory.age > 3 {
            return None;
        }
        let inside = c.candle(memory.age as usize + 1);
        let confirmed = match memory.direction {
            1 => (last.close > inside.high).then_some(Signal::BullishConfirmed),
            -1 => (last.close < inside.low).then_some(Signal::BearishConfirmed),
            _ => None,
        };
        if confirmed.is_some() {
            memory.age = u32::MAX;
        }
        confirmed
    }
}
