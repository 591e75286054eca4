//! The catalog's typed references for the candlestick patterns: each pattern's typed
//! indicator on the real bars, its TA-Lib code as the number.

use crate::{candles, typed_run, DynInput, Row};
use ta_stream::pattern::*;

pub const SPECS: &[&str] = &[
    "CDLDOJI",
    "CDLENGULFING",
    "CDLEVENINGSTAR",
    "CDLEVENINGSTAR(0.1)",
    "CDLHAMMER",
    // ---- patterns from CDLKICKING on ----

    // ---- end of the patterns ----
    "CDLALL",
];

fn integer(signal: Option<Signal>) -> Vec<f64> {
    vec![f64::from(code(signal))]
}

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let bars = candles();
    let inputs = || bars.iter().map(|&c| DynInput::candle(c)).collect();
    let rows = match spec {
        "CDLDOJI" => typed_run(Doji::new(), &bars, integer),
        "CDLENGULFING" => typed_run(Engulfing::new(), &bars, integer),
        "CDLEVENINGSTAR" => typed_run(EveningStar::new(), &bars, integer),
        "CDLEVENINGSTAR(0.1)" => typed_run(
            EveningStar::new().with_penetration(0.1).unwrap(),
            &bars,
            integer,
        ),
        "CDLHAMMER" => typed_run(Hammer::new(), &bars, integer),
        // ---- patterns from CDLKICKING on ----

        // ---- end of the patterns ----
        "CDLALL" => typed_run(CandlePatterns::new(), &bars, |set| {
            let bullish = set.iter().filter(|(_, s)| s.is_bullish()).count();
            let bearish = set.iter().filter(|(_, s)| s.is_bearish()).count();
            vec![set.len() as f64, bullish as f64, bearish as f64]
        }),
        _ => return None,
    };
    Some((rows, inputs()))
}
