use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Upside gap two crows: a long white candle, a short black body gapping up, then a black candle
/// engulfing it but closing above the first close — bearish.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; second black with body `≤ BodyShort`, entirely above
/// the first body; third black, opening above the second open and closing below the second close
/// but above the first close. Reports [`Signal::Bearish`] (`−100`). 3 candles; TA-Lib's lookback 12
/// (first signal on candle 13).
///
/// # Example
///
/// Bars (cut from the fixture series `grid`) on which TA-Lib's `CDLUPSIDEGAP2CROWS` reports `-100`
/// on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{UpsideGapTwoCrows, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (97.0, 98.25, 96.75, 97.5),
///     (96.5, 97.0, 95.0, 95.75),
///     (93.25, 95.5, 93.25, 94.75),
///     (95.0, 96.0, 95.0, 96.0),
///     (94.5, 96.25, 93.75, 95.5),
///     (96.0, 96.75, 94.25, 95.0),
///     (95.75, 96.25, 95.25, 95.5),
///     (99.0, 99.25, 98.0, 98.75),
///     (98.5, 99.25, 98.0, 98.0),
///     (100.0, 100.75, 99.5, 100.25),
///     (98.0, 99.75, 97.25, 99.5),
///     (101.5, 101.75, 100.25, 101.0),
///     (102.25, 102.75, 100.75, 100.75),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = UpsideGapTwoCrows::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(UpsideGapTwoCrows::new().to_string(), "CDLUPSIDEGAP2CROWS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLUPSIDEGAP2CROWS")]
pub type UpsideGapTwoCrows<T = f64> = Candlestick<UpsideGapTwoCrowsRule, T>;

/// The rule of [`UpsideGapTwoCrows`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct UpsideGapTwoCrowsRule;

impl Sealed for UpsideGapTwoCrowsRule {}

impl Rule for UpsideGapTwoCrowsRule {
    const ID: PatternId = PatternId::UpsideGapTwoCrows;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] =
        &[(Setting::BodyLong, 2), (Setting::BodyShort, 1)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second, third) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.is_white()
            && first.body() > c.average(Setting::BodyLong, 2)
            && !second.is_white()
            && second.body() <= c.average(Setting::BodyShort, 1)
            && second.body_gaps_up(&first)
            && !third.is_white()
            && third.open > second.open
            && third.close < second.close
            && third.close > first.close;
        found.then_some(Signal::Bearish)
    }
}
