use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Shooting star: a small body at the bottom of a long upper shadow, gapping up from the previous
/// body — bearish.
///
/// # Rule
///
/// On the last candle: body `< BodyShort`, upper shadow `> ShadowLong`, lower shadow `<
/// ShadowVeryShort`, and its body entirely above the previous body. Reports [`Signal::Bearish`]
/// (`−100`). The trend before is left to the reader, as in TA-Lib. 2 candles; TA-Lib's lookback 11
/// (first signal on candle 12).
///
/// # Example
///
/// Bars (cut from the fixture series `trend`) on which TA-Lib's `CDLSHOOTINGSTAR` reports `-100` on
/// the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{ShootingStar, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (207.5, 209.25, 206.75, 209.0),
///     (209.0, 211.0, 209.0, 211.0),
///     (210.75, 210.75, 210.25, 210.75),
///     (210.5, 210.75, 209.5, 209.5),
///     (209.5, 209.5, 207.5, 208.0),
///     (208.0, 208.0, 206.0, 206.0),
///     (206.0, 206.75, 205.25, 206.75),
///     (206.5, 206.5, 203.75, 203.75),
///     (203.25, 203.5, 201.75, 202.25),
///     (202.25, 202.25, 200.25, 200.25),
///     (198.0, 199.75, 198.0, 199.75),
///     (200.0, 200.25, 200.0, 200.0),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = ShootingStar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(ShootingStar::new().to_string(), "CDLSHOOTINGSTAR");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLSHOOTINGSTAR")]
pub type ShootingStar<T = f64> = Candlestick<ShootingStarRule, T>;

/// The rule of [`ShootingStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ShootingStarRule;

impl Sealed for ShootingStarRule {}

impl Rule for ShootingStarRule {
    const ID: PatternId = PatternId::ShootingStar;
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
            && last.body_gaps_up(&prior);
        found.then_some(Signal::Bearish)
    }
}
