use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Stalled pattern: two long white candles, then a short white one riding on the second's shoulder
/// — the advance stalls, bearish.
///
/// # Rule
///
/// Three white candles with rising closes; first and second bodies `> BodyLong`; second upper
/// shadow `< ShadowVeryShort`; second open above the first open and `≤ first close + Near` (of the
/// first candle); third body `< BodyShort` and third open `≥ second close − third body − Near` (of
/// the second candle). Reports [`Signal::Bearish`] (`−100`). 3 candles; TA-Lib's lookback 12 (first
/// signal on candle 13).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSTALLEDPATTERN` reports `-100`
/// on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{StalledPattern, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (196.0, 196.25, 195.5, 195.5),
///     (193.0, 193.5, 191.0, 191.0),
///     (189.25, 189.25, 186.0, 187.0),
///     (186.75, 187.0, 186.5, 186.5),
///     (186.25, 188.5, 186.25, 188.5),
///     (188.5, 188.75, 188.5, 188.75),
///     (188.75, 190.0, 188.75, 190.0),
///     (191.0, 191.5, 190.25, 190.5),
///     (190.5, 191.5, 189.0, 189.0),
///     (188.75, 190.25, 188.25, 189.25),
///     (189.5, 191.5, 189.0, 191.25),
///     (191.0, 193.5, 191.0, 193.5),
///     (193.75, 194.0, 192.75, 194.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = StalledPattern::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(StalledPattern::new().to_string(), "CDLSTALLEDPATTERN");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSTALLEDPATTERN")]
pub type StalledPattern<T = f64> = Candlestick<StalledPatternRule, T>;

/// The rule of [`StalledPattern`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StalledPatternRule;

impl Sealed for StalledPatternRule {}

impl Rule for StalledPatternRule {
    const ID: PatternId = PatternId::StalledPattern;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyLong, 1),
        (Setting::ShadowVeryShort, 1),
        (Setting::Near, 2),
        (Setting::Near, 1),
        (Setting::BodyShort, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.is_white()
            && second.is_white()
            && third.is_white()
            && third.close > second.close
            && second.close > first.close
            && first.body() > c.average(Setting::BodyLong, 2)
            && second.body() > c.average(Setting::BodyLong, 1)
            && second.upper_shadow() < c.average(Setting::ShadowVeryShort, 1)
            && second.open > first.open
            && second.open <= first.close + c.average(Setting::Near, 2)
            && third.body() < c.average(Setting::BodyShort, 0)
            && third.open >= second.close - third.body() - c.average(Setting::Near, 1);
        found.then_some(Signal::Bearish)
    }
}
