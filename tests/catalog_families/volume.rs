//! The catalog's typed references for this family.

use ta_stream::levels::PivotPeriod;
use ta_stream::volume::{
    AccumulationDistribution, AnchoredVwap, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex,
    MarketFacilitation, Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, Vwap, VwapAnchor,
};

use crate::{bars, candles, typed_run, DynInput, Row};

pub const SPECS: &[&str] = &[
    "AD",
    "ADOSC",
    "ADOSC(5, 20)",
    "CMF",
    "CMF(5)",
    "EFI",
    "EFI(2)",
    "MARKETFI",
    "NVI",
    "OBV",
    "PVI",
    "PVT",
    "RVOL",
    "RVOL(50)",
    "VWAP",
    "AVWAP",
    "AVWAP(2, 2)",
];

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    if spec.starts_with("AVWAP") {
        let (period, k) = if spec == "AVWAP" {
            (PivotPeriod::Day, 1.0)
        } else {
            (PivotPeriod::Month, 2.0)
        };
        let vwap = AnchoredVwap::new(VwapAnchor::Session(period), k).unwrap();
        let timed = bars();
        let rows = typed_run(vwap, &timed, |b| {
            vec![b.vwap, b.upper, b.lower, b.deviation]
        });
        return Some((rows, timed.into_iter().map(DynInput::bar).collect()));
    }
    let bars = candles();
    let inputs: Vec<DynInput> = bars.iter().copied().map(DynInput::candle).collect();
    let close_volume: Vec<(f64, f64)> = bars.iter().map(|c| (c.close, c.volume)).collect();
    let volumes: Vec<f64> = bars.iter().map(|c| c.volume).collect();
    let one = |x: f64| vec![x];
    let rows = match spec {
        "AD" => typed_run(AccumulationDistribution::new(), &bars, one),
        "ADOSC" => typed_run(ChaikinOscillator::new(3, 10).unwrap(), &bars, one),
        "ADOSC(5, 20)" => typed_run(ChaikinOscillator::new(5, 20).unwrap(), &bars, one),
        "CMF" => typed_run(ChaikinMoneyFlow::new(20).unwrap(), &bars, one),
        "CMF(5)" => typed_run(ChaikinMoneyFlow::new(5).unwrap(), &bars, one),
        "EFI" => typed_run(ForceIndex::new(13).unwrap(), &close_volume, one),
        "EFI(2)" => typed_run(ForceIndex::new(2).unwrap(), &close_volume, one),
        "MARKETFI" => typed_run(MarketFacilitation::new(), &bars, one),
        "NVI" => typed_run(VolumeIndex::negative(), &close_volume, one),
        "OBV" => typed_run(Obv::new(), &close_volume, one),
        "PVI" => typed_run(VolumeIndex::positive(), &close_volume, one),
        "PVT" => typed_run(PriceVolumeTrend::new(), &close_volume, one),
        "RVOL" => typed_run(RelativeVolume::new(20).unwrap(), &volumes, one),
        "RVOL(50)" => typed_run(RelativeVolume::new(50).unwrap(), &volumes, one),
        "VWAP" => typed_run(Vwap::new(), &bars, one),
        _ => return None,
    };
    Some((rows, inputs))
}
