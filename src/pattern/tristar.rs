use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Tristar: three dojis, the middle one gapping away from the other two — reversal.
///
/// # Rule
///
/// Three bodies each `≤ BodyDoji` of the first candle (one average, compared with all three). Then
/// the second body entirely above the first with the third body's top below the second's:
/// [`Signal::Bearish`] (`−100`); the second body entirely below the first with the third body's
/// bottom above the second's: [`Signal::Bullish`] (`+100`). Three dojis without such a gap report
/// nothing (TA-Lib's `0`). 3 candles; TA-Lib's lookback 12 (first signal on candle 13).
///
/// # Example
///
/// Bars (cut from the fixture series `grid`) on which TA-Lib's `CDLTRISTAR` reports `100` on the
/// last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Tristar, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (102.5, 103.75, 101.75, 103.0),
///     (101.75, 102.0, 100.5, 101.25),
///     (101.75, 103.25, 101.0, 102.75),
///     (101.5, 102.0, 101.0, 101.25),
///     (99.5, 100.25, 99.25, 99.5),
///     (101.25, 101.75, 100.75, 101.5),
///     (102.0, 102.0, 100.5, 101.25),
///     (102.0, 102.75, 102.0, 102.5),
///     (101.5, 102.0, 100.5, 101.0),
///     (104.0, 104.0, 102.5, 103.0),
///     (100.5, 101.0, 99.75, 100.5),
///     (100.0, 100.0, 99.25, 100.0),
///     (100.25, 100.5, 100.0, 100.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = Tristar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(Tristar::new().to_string(), "CDLTRISTAR");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLTRISTAR")]
pub type Tristar<T = f64> = Candlestick<TristarRule, T>;

/// The rule of [`Tristar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TristarRule;

impl Sealed for TristarRule {}

impl Rule for TristarRule {
    const ID: PatternId = PatternId::Tristar;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyDoji, 2)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let doji = c.average(Setting::BodyDoji, 2);
        if !(first.body() <= doji && second.body() <= doji && third.body() <= doji) {
            return None;
        }
        let mut signal = None;
        if second.body_gaps_up(&first) && third.body_top() < second.body_top() {
            signal = Some(Signal::Bearish);
        }
        if second.body_gaps_down(&first) && third.body_bottom() > second.body_bottom() {
            signal = Some(Signal::Bullish);
        }
        signal
    }
}
