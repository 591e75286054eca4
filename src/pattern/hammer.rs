use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Hammer: a small body at the top of a long lower shadow, near the previous candle's low —
/// bullish.
///
/// # Rule
///
/// On the last candle: body `< BodyShort`, lower shadow `> ShadowLong`, upper shadow
/// `< ShadowVeryShort`, and `min(open, close) ≤ previous low + Near` (the Near average of the
/// previous candle). Two candles; TA-Lib's lookback 11. Reports [`Signal::Bullish`]
/// (`+100`). The trend before is left to the reader, as in TA-Lib.
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Hammer, Signal};
/// use ta_stream::Indicator;
///
/// let c = |o, h, l, c| Candle::new(o, h, l, c, 0.0);
/// let mut bars = vec![c(10.0, 10.6, 9.4, 10.5)?; 11];
/// bars.push(c(9.5, 9.85, 8.0, 9.8)?); // body 0.3, lower shadow 1.5, upper 0.05
/// let out = Hammer::new().batch(&bars);
/// assert_eq!(out[10], None); // warming up
/// assert_eq!(out[11], Some(Some(Signal::Bullish)));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLHAMMER")]
pub type Hammer<T = f64> = Candlestick<HammerRule, T>;

/// The rule of [`Hammer`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct HammerRule;

impl Sealed for HammerRule {}

impl Rule for HammerRule {
    const ID: PatternId = PatternId::Hammer;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyShort, 0),
        (Setting::ShadowLong, 0),
        (Setting::ShadowVeryShort, 0),
        (Setting::Near, 1),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (prior, last) = (c.candle(1), c.candle(0));
        let found = last.body() < c.average(Setting::BodyShort, 0)
            && last.lower_shadow() > c.average(Setting::ShadowLong, 0)
            && last.upper_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && last.body_bottom() <= prior.low + c.average(Setting::Near, 1);
        found.then_some(Signal::Bullish)
    }
}
