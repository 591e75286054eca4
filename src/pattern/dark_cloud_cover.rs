use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Dark cloud cover: a long white candle, then a black one opening above its high and closing deep into its body — bearish.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; second black, opening above the first high, closing above the first open and below `first close − penetration × first body`. 2 candles; TA-Lib's lookback 11 (first signal on
/// candle 12). `penetration` (TA-Lib `penetration`, default 0.5, `0..=1e6`) through
/// [`with_penetration`](Candlestick::with_penetration). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLDARKCLOUDCOVER` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{DarkCloudCover, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (100.25, 100.75, 99.0, 99.5),
///     (100.5, 100.75, 100.25, 100.25),
///     (100.0, 100.25, 99.25, 99.75),
///     (98.5, 99.5, 98.25, 99.5),
///     (99.25, 99.5, 98.75, 99.0),
///     (100.0, 100.75, 99.0, 99.25),
///     (99.0, 99.75, 98.25, 99.75),
///     (99.75, 100.25, 99.25, 99.5),
///     (99.75, 101.5, 99.0, 100.75),
///     (103.0, 103.5, 101.75, 101.75),
///     (100.75, 101.75, 100.25, 101.5),
///     (102.25, 103.0, 100.5, 101.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = DarkCloudCover::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(DarkCloudCover::new().to_string(), "CDLDARKCLOUDCOVER(0.5)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLDARKCLOUDCOVER")]
pub type DarkCloudCover<T = f64> = Candlestick<DarkCloudCoverRule, T>;

/// The rule of [`DarkCloudCover`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DarkCloudCoverRule;

impl Sealed for DarkCloudCoverRule {}

impl Rule for DarkCloudCoverRule {
    const ID: PatternId = PatternId::DarkCloudCover;
    const CANDLES: usize = 2;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyLong, 1)];
    const PENETRATION: Option<f64> = Some(0.5);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, second) = (c.candle(1), c.candle(0));
        let found = first.is_white()
            && first.body() > c.average(Setting::BodyLong, 1)
            && !second.is_white()
            && second.open > first.high
            && second.close > first.open
            && second.close < first.close - first.body() * c.penetration();
        found.then_some(Signal::Bearish)
    }
}
