//! The catalog's typed references for this family: momentum of closes and candles.

use crate::{candles, closes, typed_run, DynInput, Row};
use ta_stream::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};

pub const SPECS: &[&str] = &[
    "BOP",
    "CMO",
    "CMO(5)",
    "CMOU",
    "CMOU(2)",
    "COPPOCK",
    "COPPOCK(3, 5, 2)",
    "DPO",
    "DPO(7)",
    "ER",
    "ER(3)",
    "IMI",
    "IMI(5)",
    "MFI",
    "MFI(5)",
    "QSTICK",
    "QSTICK(1)",
    "ROCR",
    "ROCR(3)",
    "ROCR100",
    "ROCR100(3)",
    "WAD",
];

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let single = || closes().into_iter().map(DynInput::real).collect::<Vec<_>>();
    let ohlc = || {
        candles()
            .into_iter()
            .map(DynInput::candle)
            .collect::<Vec<_>>()
    };
    let one = |x: f64| vec![x];
    let on_closes = |rows: Vec<Row>| Some((rows, single()));
    let on_candles = |rows: Vec<Row>| Some((rows, ohlc()));
    match spec {
        "BOP" => on_candles(typed_run(Bop::new(), &candles(), one)),
        "CMO" => on_closes(typed_run(Cmo::new(14).unwrap(), &closes(), one)),
        "CMO(5)" => on_closes(typed_run(Cmo::new(5).unwrap(), &closes(), one)),
        "CMOU" => on_closes(typed_run(Cmou::new(14).unwrap(), &closes(), one)),
        "CMOU(2)" => on_closes(typed_run(Cmou::new(2).unwrap(), &closes(), one)),
        "COPPOCK" => on_closes(typed_run(Coppock::new(10, 11, 14).unwrap(), &closes(), one)),
        "COPPOCK(3, 5, 2)" => on_closes(typed_run(Coppock::new(3, 5, 2).unwrap(), &closes(), one)),
        "DPO" => on_closes(typed_run(Dpo::new(20).unwrap(), &closes(), one)),
        "DPO(7)" => on_closes(typed_run(Dpo::new(7).unwrap(), &closes(), one)),
        "ER" => on_closes(typed_run(EfficiencyRatio::new(10).unwrap(), &closes(), one)),
        "ER(3)" => on_closes(typed_run(EfficiencyRatio::new(3).unwrap(), &closes(), one)),
        "IMI" => on_candles(typed_run(Imi::new(14).unwrap(), &candles(), one)),
        "IMI(5)" => on_candles(typed_run(Imi::new(5).unwrap(), &candles(), one)),
        "MFI" => on_candles(typed_run(Mfi::new(14).unwrap(), &candles(), one)),
        "MFI(5)" => on_candles(typed_run(Mfi::new(5).unwrap(), &candles(), one)),
        "QSTICK" => on_candles(typed_run(Qstick::new(10).unwrap(), &candles(), one)),
        "QSTICK(1)" => on_candles(typed_run(Qstick::new(1).unwrap(), &candles(), one)),
        "ROCR" => on_closes(typed_run(Rocr::new(10).unwrap(), &closes(), one)),
        "ROCR(3)" => on_closes(typed_run(Rocr::new(3).unwrap(), &closes(), one)),
        "ROCR100" => on_closes(typed_run(Rocr100::new(10).unwrap(), &closes(), one)),
        "ROCR100(3)" => on_closes(typed_run(Rocr100::new(3).unwrap(), &closes(), one)),
        "WAD" => on_candles(typed_run(Wad::new(), &candles(), one)),
        _ => None,
    }
}
