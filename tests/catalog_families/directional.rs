//! The catalog's typed references for this family.

use crate::{candles, typed_run, DynInput, Row};
use ta_stream::momentum::{Adx, Adxr, Directional, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex};

pub const SPECS: &[&str] = &[
    "PLUS_DM",
    "PLUS_DM(1)",
    "MINUS_DM",
    "MINUS_DM(3)",
    "PLUS_DI",
    "PLUS_DI(1)",
    "MINUS_DI",
    "MINUS_DI(5)",
    "DX",
    "DX(2)",
    "ADX",
    "ADX(5)",
    "ADXR",
    "ADXR(3)",
    "VORTEX",
    "VORTEX(5)",
    "DMI",
    "DMI(3)",
];

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let one = |x: f64| vec![x];
    let bars = candles();
    let rows = match spec {
        "PLUS_DM" => typed_run(PlusDm::new(14).unwrap(), &bars, one),
        "PLUS_DM(1)" => typed_run(PlusDm::new(1).unwrap(), &bars, one),
        "MINUS_DM" => typed_run(MinusDm::new(14).unwrap(), &bars, one),
        "MINUS_DM(3)" => typed_run(MinusDm::new(3).unwrap(), &bars, one),
        "PLUS_DI" => typed_run(PlusDi::new(14).unwrap(), &bars, one),
        "PLUS_DI(1)" => typed_run(PlusDi::new(1).unwrap(), &bars, one),
        "MINUS_DI" => typed_run(MinusDi::new(14).unwrap(), &bars, one),
        "MINUS_DI(5)" => typed_run(MinusDi::new(5).unwrap(), &bars, one),
        "DX" => typed_run(Dx::new(14).unwrap(), &bars, one),
        "DX(2)" => typed_run(Dx::new(2).unwrap(), &bars, one),
        "ADX" => typed_run(Adx::new(14).unwrap(), &bars, one),
        "ADX(5)" => typed_run(Adx::new(5).unwrap(), &bars, one),
        "ADXR" => typed_run(Adxr::new(14).unwrap(), &bars, one),
        "ADXR(3)" => typed_run(Adxr::new(3).unwrap(), &bars, one),
        "VORTEX" | "VORTEX(5)" => {
            let period = if spec == "VORTEX" { 14 } else { 5 };
            typed_run(Vortex::new(period).unwrap(), &bars, |v| {
                vec![v.plus, v.minus]
            })
        }
        "DMI" | "DMI(3)" => {
            let period = if spec == "DMI" { 14 } else { 3 };
            typed_run(Directional::new(period).unwrap(), &bars, |o| {
                let nan = |v: Option<f64>| v.unwrap_or(f64::NAN);
                vec![
                    o.plus_dm,
                    o.minus_dm,
                    o.plus_di,
                    o.minus_di,
                    o.dx,
                    nan(o.adx),
                    nan(o.adxr),
                ]
            })
        }
        _ => return None,
    };
    Some((rows, bars.into_iter().map(DynInput::candle).collect()))
}
