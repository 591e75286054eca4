use super::core::{Context, Memory, Rule, Sealed, Shape};
use super::{Candlestick, PatternId, Setting, Signal};
use crate::Real;

/// Doji: a candle whose open and close (almost) coincide — indecision, no direction.
///
/// # Rule
///
/// `|close − open| ≤ BodyDoji` (default: 0.1 × the mean `high − low` of the 10 candles
/// before). One candle; TA-Lib's lookback 10 (first signal on the 11th candle). Reports
/// [`Signal::Neutral`] (TA-Lib `+100`).
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{Doji, Signal};
/// use ta_stream::Indicator;
///
/// let mut doji = Doji::new();
/// let c = |o, h, l, c| Candle::new(o, h, l, c, 0.0);
/// for _ in 0..10 {
///     assert_eq!(doji.update(c(10.0, 11.0, 9.0, 10.5)?), None); // warming up
/// }
/// // Body 0.1 ≤ 0.1 × mean range 2: a doji.
/// assert_eq!(doji.update(c(10.0, 11.0, 9.0, 10.1)?), Some(Some(Signal::Neutral)));
/// assert_eq!(doji.update(c(10.0, 11.0, 9.0, 10.5)?), Some(None));
/// assert_eq!(doji.to_string(), "CDLDOJI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDLDOJI")]
pub type Doji<T = f64> = Candlestick<DojiRule, T>;

/// The rule of [`Doji`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DojiRule;

impl Sealed for DojiRule {}

impl Rule for DojiRule {
    const ID: PatternId = PatternId::Doji;
    const CANDLES: usize = 1;
    const AVERAGES: &'static [(Setting, usize)] = &[(Setting::BodyDoji, 0)];

    fn detect<T: Real>(c: &Context<'_, T>, _: &mut Memory) -> Option<Signal> {
        let candle = c.candle(0);
        (candle.body() <= c.average(Setting::BodyDoji, 0)).then_some(Signal::Neutral)
    }
}
