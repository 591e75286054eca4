use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::bar::Candle;
use crate::Real;

/// Kicking by length: a kicking pattern whose direction is the colour of the longer marubozu.
///
/// # Rule
///
/// The conditions of [`Kicking`](super::Kicking); the signal is the colour of the marubozu with the
/// longer body (the first one on equal bodies): [`Signal::Bullish`] / [`Signal::Bearish`] (`±100`).
/// 2 candles; TA-Lib's lookback 11.
///
/// # Example
///
/// Bars on which TA-Lib's `CDLKICKINGBYLENGTH` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{KickingByLength, Signal};
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
///     (101.0, 101.05, 98.95, 99.0),
///     (101.5, 103.05, 101.45, 103.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = KickingByLength::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(KickingByLength::new().to_string(), "CDLKICKINGBYLENGTH");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLKICKINGBYLENGTH")]
pub type KickingByLength<T = f64> = Candlestick<KickingByLengthRule, T>;

/// The rule of [`KickingByLength`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KickingByLengthRule;

impl Sealed for KickingByLengthRule {}

impl Rule for KickingByLengthRule {
    const ID: PatternId = PatternId::KickingByLength;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::ShadowVeryShort, 1),
        (Setting::ShadowVeryShort, 0),
        (Setting::BodyLong, 1),
        (Setting::BodyLong, 0),
    ];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let marubozu = |candle: &Candle<T>, ago: usize| {
            candle.body() > c.average(Setting::BodyLong, ago)
                && candle.upper_shadow() < c.average(Setting::ShadowVeryShort, ago)
                && candle.lower_shadow() < c.average(Setting::ShadowVeryShort, ago)
        };
        let found = first.is_white() != second.is_white()
            && marubozu(&first, 1)
            && marubozu(&second, 0)
            && ((!first.is_white() && second.gaps_up(&first))
                || (first.is_white() && second.gaps_down(&first)));
        let longer = if second.body() > first.body() {
            second
        } else {
            first
        };
        found.then_some(Signal::by_sign(longer.is_white()))
    }
}
