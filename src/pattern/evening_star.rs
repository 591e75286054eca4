use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Evening star: a long white candle, a short body gapping up above it, then a black candle
/// closing well into the first body — bearish.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; second body `≤ BodyShort`, entirely above the
/// first body; third candle black with body `> BodyShort` and
/// `close < first close − penetration × first body`. Three candles; TA-Lib's lookback 12;
/// `penetration` (TA-Lib `penetration`, default 0.3, `0..=1e6`) through
/// [`with_penetration`](Candlestick::with_penetration). Reports [`Signal::Bearish`]
/// (`−100`).
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{EveningStar, Signal};
/// use ta_stream::Indicator;
///
/// let c = |o, h, l, c| Candle::new(o, h, l, c, 0.0);
/// let mut bars = vec![c(10.0, 10.6, 9.4, 10.5)?; 12];
/// bars.push(c(10.0, 12.1, 9.9, 12.0)?); // long white
/// bars.push(c(12.3, 12.6, 12.2, 12.4)?); // short, gapping up
/// bars.push(c(12.2, 12.3, 10.4, 10.5)?); // black, deep into the first body
/// let out = EveningStar::new().batch(&bars);
/// assert_eq!(out[14], Some(Some(Signal::Bearish)));
/// assert_eq!(EveningStar::new().to_string(), "CDLEVENINGSTAR(0.3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLEVENINGSTAR")]
pub type EveningStar<T = f64> = Candlestick<EveningStarRule, T>;

/// The rule of [`EveningStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EveningStarRule;

impl Sealed for EveningStarRule {}

impl Rule for EveningStarRule {
    const ID: PatternId = PatternId::EveningStar;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyShort, 1),
        (Setting::BodyShort, 0),
    ];
    const PENETRATION: Option<f64> = Some(0.3);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, star, last) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && first.is_white()
            && star.body() <= c.average(Setting::BodyShort, 1)
            && star.body_gaps_up(&first)
            && last.body() > c.average(Setting::BodyShort, 0)
            && !last.is_white()
            && last.close < first.close - first.body() * c.penetration();
        found.then_some(Signal::Bearish)
    }
}
