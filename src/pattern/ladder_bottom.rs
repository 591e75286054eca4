use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Ladder bottom: three falling black candles, a black one with an upper shadow, then a white one
/// opening above its body and closing above its high — bullish.
///
/// # Rule
///
/// Three black candles with falling opens and closes; a fourth black candle with an upper shadow `>
/// ShadowVeryShort`; a white fifth candle opening above the fourth open and closing above the
/// fourth high. 5 candles; TA-Lib's lookback 14. Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLLADDERBOTTOM` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{LadderBottom, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (104.75, 105.5, 104.25, 105.5),
///     (102.75, 104.0, 102.0, 103.5),
///     (104.5, 104.75, 103.25, 103.75),
///     (102.75, 102.75, 102.0, 102.75),
///     (104.0, 104.75, 103.5, 104.0),
///     (103.5, 105.0, 103.0, 105.0),
///     (103.75, 104.5, 102.5, 102.5),
///     (103.75, 105.0, 103.5, 104.75),
///     (102.75, 104.5, 102.0, 103.75),
///     (105.75, 106.0, 105.0, 106.0),
///     (103.5, 103.75, 102.75, 103.0),
///     (103.0, 103.75, 101.75, 102.0),
///     (102.75, 103.25, 101.0, 101.25),
///     (100.25, 100.5, 99.0, 99.5),
///     (102.25, 102.75, 101.75, 102.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = LadderBottom::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(LadderBottom::new().to_string(), "CDLLADDERBOTTOM");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLLADDERBOTTOM")]
pub type LadderBottom<T = f64> = Candlestick<LadderBottomRule, T>;

/// The rule of [`LadderBottom`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LadderBottomRule;

impl Sealed for LadderBottomRule {}

impl Rule for LadderBottomRule {
    const ID: PatternId = PatternId::LadderBottom;
    const CANDLES: usize = 5;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::ShadowVeryShort, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (a, b, d, e, last) = (
            c.candle(4),
            c.candle(3),
            c.candle(2),
            c.candle(1),
            c.candle(0),
        );
        let found = !a.is_white()
            && !b.is_white()
            && !d.is_white()
            && a.open > b.open
            && b.open > d.open
            && a.close > b.close
            && b.close > d.close
            && !e.is_white()
            && e.upper_shadow() > c.average(Setting::ShadowVeryShort, 1)
            && last.is_white()
            && last.open > e.open
            && last.close > e.high;
        found.then_some(Signal::Bullish)
    }
}
