use super::core::{Context, Memory, Rule, Sealed};
use super::{CandleSettings, Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Modified hikkake: two nested inside bars, the first closing near its extreme, then a false breakout, and its confirmation within three bars.
///
/// # Rule
///
/// The second candle inside the first, the third inside the second; the fourth breaks out with a lower high and lower low while the second closed within `Near` of its low (bullish, `+100`), or with a higher high and higher low while the second closed within `Near` of its high (bearish, `−100`). Within the three bars after a pattern, a close above the third candle's high (bullish) or below its low (bearish) confirms it (`±200`), once. Three bars are scanned before the first output, as TA-Lib does. 4 candles; TA-Lib's lookback 10 (first signal on
/// candle 11). Reports [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`) on the pattern bar, [`Signal::BullishConfirmed`] / [`Signal::BearishConfirmed`] (`±200`) on the confirming bar.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLHIKKAKEMOD` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{HikkakeModified, Signal};
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
///     (100.5, 102.0, 98.0, 99.5),
///     (100.5, 101.5, 98.5, 98.6),
///     (100.0, 101.0, 99.0, 99.5),
///     (100.2, 100.5, 98.8, 99.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = HikkakeModified::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(HikkakeModified::new().to_string(), "CDLHIKKAKEMOD");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHIKKAKEMOD")]
pub type HikkakeModified<T = f64> = Candlestick<HikkakeModifiedRule, T>;

/// The rule of [`HikkakeModified`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HikkakeModifiedRule;

impl Sealed for HikkakeModifiedRule {}

impl Rule for HikkakeModifiedRule {
    const ID: PatternId = PatternId::HikkakeModified;
    const CANDLES: usize = 4;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::Near, 2)];
    const MEMORY_SCAN: usize = 3;

    /// TA-Lib's lookback: `max(1, Near period) + 5`.
    fn lookback(settings: &CandleSettings) -> usize {
        settings.get(Setting::Near).period.max(1) + 5
    }

    fn detect<T: Real>(c: &Context<'_, T>, memory: &mut Memory) -> Option<Signal> {
        let (one, two, three, four) = (c.candle(3), c.candle(2), c.candle(1), c.candle(0));
        let near = c.average(Setting::Near, 2);
        let pattern = (two.high < one.high
            && two.low > one.low
            && three.high < two.high
            && three.low > two.low
            && ((four.high < three.high && four.low < three.low && two.close <= two.low + near)
                || (four.high > three.high
                    && four.low > three.low
                    && two.close >= two.high - near)))
            .then(|| Signal::by_sign(four.high < three.high));
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
