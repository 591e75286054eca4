use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Morning doji star: a morning star whose star is a doji — bullish.
///
/// # Rule
///
/// First candle black with body `> BodyLong`; second a doji (`≤ BodyDoji`) whose body gaps down
/// below the first body; third white with body `> BodyShort`, closing above `first close +
/// penetration × first body`. 3 candles; TA-Lib's lookback 12; `penetration` (TA-Lib `penetration`,
/// default 0.3, `0..=1e6`) through [`with_penetration`](Candlestick::with_penetration). Reports
/// [`Signal::Bullish`] (`+100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLMORNINGDOJISTAR` reports `100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{MorningDojiStar, Signal};
/// use ta_stream::Indicator;
///
/// let bars = [
///     (108.5, 109.25, 107.75, 108.0),
///     (107.0, 108.25, 106.75, 107.5),
///     (106.5, 108.5, 105.75, 107.75),
///     (108.0, 109.25, 107.75, 108.5),
///     (109.25, 110.0, 108.75, 109.25),
///     (110.25, 111.25, 109.75, 110.75),
///     (110.75, 112.25, 110.25, 111.5),
///     (111.25, 112.5, 111.0, 112.25),
///     (112.0, 113.0, 112.0, 112.25),
///     (113.0, 113.5, 112.0, 112.5),
///     (112.75, 113.5, 111.5, 111.5),
///     (110.75, 111.0, 110.0, 110.75),
///     (111.0, 112.75, 110.75, 112.25),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = MorningDojiStar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bullish))));
/// assert_eq!(MorningDojiStar::new().to_string(), "CDLMORNINGDOJISTAR(0.3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLMORNINGDOJISTAR")]
pub type MorningDojiStar<T = f64> = Candlestick<MorningDojiStarRule, T>;

/// The rule of [`MorningDojiStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MorningDojiStarRule;

impl Sealed for MorningDojiStarRule {}

impl Rule for MorningDojiStarRule {
    const ID: PatternId = PatternId::MorningDojiStar;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyDoji, 1),
        (Setting::BodyShort, 0),
    ];
    const PENETRATION: Option<f64> = Some(0.3);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, star, last) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && !first.is_white()
            && star.body() <= c.average(Setting::BodyDoji, 1)
            && star.body_gaps_down(&first)
            && last.body() > c.average(Setting::BodyShort, 0)
            && last.is_white()
            && last.close > first.close + first.body() * c.penetration();
        found.then_some(Signal::Bullish)
    }
}
