//! The catalog's typed references for this family: momentum of window highs and lows.

use crate::{candles, closes, typed_run, DynInput, Row};
use ta_stream::momentum::{
    Accelerator, Aroon, AroonOscillator, AwesomeOscillator, Cci, ElderRay, Fractal,
    UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};

pub const SPECS: &[&str] = &[
    "AROON",
    "AROON(5)",
    "AROONOSC",
    "AROONOSC(25)",
    "CCI",
    "CCI(20)",
    "WILLR",
    "WILLR(5)",
    "ULTOSC",
    "ULTOSC(28, 7, 14)",
    "ULTOSC(2, 3, 5)",
    "VHF",
    "VHF(10)",
    "ERI",
    "ERI(1)",
    "FRACTAL",
    "FRACTAL(1, 3)",
    "AO",
    "AO(10, 3)",
    "AC",
    "AC(2, 3, 2)",
];

fn ohlc() -> Vec<DynInput> {
    candles().into_iter().map(DynInput::candle).collect()
}

fn single() -> Vec<DynInput> {
    closes().into_iter().map(DynInput::real).collect()
}

fn one(x: f64) -> Vec<f64> {
    vec![x]
}

fn mark(on: bool) -> f64 {
    if on {
        100.0
    } else {
        0.0
    }
}

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let aroon = |n| typed_run(Aroon::new(n).unwrap(), &candles(), |a| vec![a.down, a.up]);
    let eri = |n| {
        typed_run(ElderRay::new(n).unwrap(), &candles(), |e| {
            vec![e.bull, e.bear]
        })
    };
    let fractal = |l, r| {
        typed_run(Fractal::new(l, r).unwrap(), &candles(), |f| {
            vec![mark(f.high.is_some()), mark(f.low.is_some())]
        })
    };
    let rows = match spec {
        "AROON" => aroon(14),
        "AROON(5)" => aroon(5),
        "AROONOSC" => typed_run(AroonOscillator::new(14).unwrap(), &candles(), one),
        "AROONOSC(25)" => typed_run(AroonOscillator::new(25).unwrap(), &candles(), one),
        "CCI" => typed_run(Cci::new(14).unwrap(), &candles(), one),
        "CCI(20)" => typed_run(Cci::new(20).unwrap(), &candles(), one),
        "WILLR" => typed_run(WilliamsR::new(14).unwrap(), &candles(), one),
        "WILLR(5)" => typed_run(WilliamsR::new(5).unwrap(), &candles(), one),
        "ULTOSC" => typed_run(UltimateOscillator::new(7, 14, 28).unwrap(), &candles(), one),
        "ULTOSC(28, 7, 14)" => {
            typed_run(UltimateOscillator::new(28, 7, 14).unwrap(), &candles(), one)
        }
        "ULTOSC(2, 3, 5)" => typed_run(UltimateOscillator::new(2, 3, 5).unwrap(), &candles(), one),
        "VHF" => {
            let rows = typed_run(VerticalHorizontalFilter::new(28).unwrap(), &closes(), one);
            return Some((rows, single()));
        }
        "VHF(10)" => {
            let rows = typed_run(VerticalHorizontalFilter::new(10).unwrap(), &closes(), one);
            return Some((rows, single()));
        }
        "ERI" => eri(13),
        "ERI(1)" => eri(1),
        "FRACTAL" => fractal(2, 2),
        "FRACTAL(1, 3)" => fractal(1, 3),
        "AO" => typed_run(AwesomeOscillator::new(5, 34).unwrap(), &candles(), one),
        "AO(10, 3)" => typed_run(AwesomeOscillator::new(10, 3).unwrap(), &candles(), one),
        "AC" => typed_run(Accelerator::new(5, 34, 5).unwrap(), &candles(), one),
        "AC(2, 3, 2)" => typed_run(Accelerator::new(2, 3, 2).unwrap(), &candles(), one),
        _ => return None,
    };
    Some((rows, ohlc()))
}
