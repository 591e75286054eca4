//! Candlestick patterns (TA-Lib's CDL functions): one line per pattern, and the crate's own
//! all-patterns screener.

use super::{float, set, typed, FunctionInfo, Group, InputKind, ToNumbers, Values, OHLC};
#[allow(clippy::wildcard_imports)]
use crate::pattern::*;

/// TA-Lib's integer output.
const INTEGER: &[&str] = &["integer"];

/// A pattern's `penetration` with its TA-Lib default.
const fn penetration(default: f64) -> super::ParamInfo {
    float(
        "penetration",
        default,
        0.0,
        1e6,
        "fraction of the first real body the last candle must reach into",
    )
}

// One line per pattern, in TA-Lib's order; names from CDLKICKING on after the marker.
pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!(
        "CDLDOJI",
        PatternRecognition,
        true,
        "Doji: open and close (almost) equal; +100",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Doji>(Ok(Doji::new()))
    ),
    entry!(
        "CDLENGULFING",
        PatternRecognition,
        true,
        "Engulfing: a body swallowing the previous opposite body; ±100, ±80 at an equal edge",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Engulfing>(Ok(Engulfing::new()))
    ),
    entry!(
        "CDLEVENINGSTAR",
        PatternRecognition,
        true,
        "Evening star: long white, short star gapping up, black closing into the first body; −100",
        InputKind::Prices(OHLC),
        [penetration(0.3)],
        INTEGER,
        ["Candlestick"],
        |s| typed::<EveningStar>(EveningStar::new().with_penetration(s.value(0)))
    ),
    entry!(
        "CDLHAMMER",
        PatternRecognition,
        true,
        "Hammer: small body on a long lower shadow near the previous low; +100",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Hammer>(Ok(Hammer::new()))
    ),
    // ---- patterns from CDLKICKING on ----

    // ---- end of the patterns ----
    entry!(
        "CDLALL",
        PatternRecognition,
        false,
        "Every candlestick pattern on the bar: how many, how many bullish, how many bearish",
        InputKind::Prices(OHLC),
        [],
        &["patterns", "bullish", "bearish"],
        ["CandlePatterns"],
        |_| typed::<CandlePatterns>(Ok(CandlePatterns::new()))
    ),
];

/// TA-Lib's integer code.
impl ToNumbers for Option<Signal> {
    fn write(&self, out: &mut Values) {
        set(out, [f64::from(code(*self))]);
    }
}

/// The number of patterns found, bullish ones, bearish ones.
impl ToNumbers for PatternSet {
    fn write(&self, out: &mut Values) {
        let count = |keep: fn(Signal) -> bool| self.iter().filter(|&(_, s)| keep(s)).count() as f64;
        set(
            out,
            [
                self.len() as f64,
                count(Signal::is_bullish),
                count(Signal::is_bearish),
            ],
        );
    }
}
