use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Evening doji star: an evening star whose star is a doji — bearish.
///
/// # Rule
///
/// First candle white with body `> BodyLong`; second a doji (`≤ BodyDoji`) whose body gaps up above the first body; third black with body `> BodyShort`, closing below `first close − penetration × first body`. 3 candles; TA-Lib's lookback 12 (first signal on
/// candle 13). `penetration` (TA-Lib `penetration`, default 0.3, `0..=1e6`) through
/// [`with_penetration`](Candlestick::with_penetration). Reports [`Signal::Bearish`] (`−100`).
///
/// # Example
///
/// Bars on which TA-Lib's `CDLEVENINGDOJISTAR` reports `-100` on the last one:
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{EveningDojiStar, Signal};
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
///     (99.0, 101.2, 98.9, 101.0),
///     (101.6, 101.8, 101.4, 101.6),
///     (101.2, 101.3, 99.3, 99.4),
/// ];
/// let candles = bars
///     .iter()
///     .map(|&(o, h, l, c)| Candle::new(o, h, l, c, 0.0))
///     .collect::<Result<Vec<_>, _>>()?;
/// let out = EveningDojiStar::new().batch(&candles);
/// assert_eq!(out.last(), Some(&Some(Some(Signal::Bearish))));
/// assert_eq!(EveningDojiStar::new().to_string(), "CDLEVENINGDOJISTAR(0.3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLEVENINGDOJISTAR")]
pub type EveningDojiStar<T = f64> = Candlestick<EveningDojiStarRule, T>;

/// The rule of [`EveningDojiStar`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EveningDojiStarRule;

impl Sealed for EveningDojiStarRule {}

impl Rule for EveningDojiStarRule {
    const ID: PatternId = PatternId::EveningDojiStar;
    const CANDLES: usize = 3;
    const AVERAGES: &'static [(Setting, usize)] = &[
        (Setting::BodyLong, 2),
        (Setting::BodyDoji, 1),
        (Setting::BodyShort, 0),
    ];
    const PENETRATION: Option<f64> = Some(0.3);

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let (first, doji, last) = (c.candle(2), c.candle(1), c.candle(0));
        let found = first.body() > c.average(Setting::BodyLong, 2)
            && first.is_white()
            && doji.body() <= c.average(Setting::BodyDoji, 1)
            && doji.body_gaps_up(&first)
            && last.body() > c.average(Setting::BodyShort, 0)
            && !last.is_white()
            && last.close < first.close - first.body() * c.penetration();
        found.then_some(Signal::Bearish)
    }
}
