use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Inverted hammer: a small body at the bottom of a long upper shadow, gapping down from the previous body — bullish.
///
/// # Rule
///
/// On the last candle: body `< BodyShort`, upper shadow `> ShadowLong`, lower shadow `< ShadowVeryShort`, and its body below the previous body. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). Reports [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLINVERTEDHAMMER` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{InvertedHammer, Signal};
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
///     (101.0, 101.1, 98.8, 99.0),
///     (98.4, 98.6, 98.2, 98.4),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = InvertedHammer::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(InvertedHammer::new().to_string(), "CDLINVERTEDHAMMER");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLINVERTEDHAMMER")]
pub type InvertedHammer<T = f64> = Candlestick<InvertedHammerRule, T>;

/// The rule of [`InvertedHammer`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct InvertedHammerRule;

impl Sealed for InvertedHammerRule {}

impl Rule for InvertedHammerRule {
    const ID: PatternId = PatternId::InvertedHammer;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyShort, 0),
        (Setting::ShadowLong, 0),
        (Setting::ShadowVeryShort, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (prior, last) = (c.candle(1), c.candle(0));
        let found = last.body() < c.average(Setting::BodyShort, 0)
            && last.upper_shadow() > c.average(Setting::ShadowLong, 0)
            && last.lower_shadow() < c.average(Setting::ShadowVeryShort, 0)
            && last.body_gaps_down(&prior);
        found.then_some(Signal::Bullish)
    }
}
