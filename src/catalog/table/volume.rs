//! Volume indicators.

use super::{
    float, int, period, set, typed, CloseVolume, Erased, FunctionInfo, Group, InputKind, Price,
    Spec, ToNumbers, Values, REAL,
};
use crate::bar::Candle;
use crate::levels::PivotPeriod;
use crate::volume::{
    AccumulationDistribution, AnchoredVwap, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex,
    MarketFacilitation, Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, Vwap, VwapAnchor,
    VwapBands,
};
use crate::{Error, Indicator};

const HLCV: &[Price] = &[Price::High, Price::Low, Price::Close, Price::Volume];
const CV: &[Price] = &[Price::Close, Price::Volume];

pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("AD", VolumeIndicators, true, "Chaikin's accumulation/distribution line: running total of the close location value × volume", InputKind::Prices(HLCV),
        [], REAL, ["AccumulationDistribution"], |_| typed::<AccumulationDistribution>(Ok(AccumulationDistribution::new()))),
    entry!("ADOSC", VolumeIndicators, true, "Chaikin's A/D oscillator: fast EMA − slow EMA of the A/D line, both seeded with its first value", InputKind::Prices(HLCV),
        [int("fastperiod", 3.0, 2.0, super::PERIOD_MAX, "fast EMA"), int("slowperiod", 10.0, 2.0, super::PERIOD_MAX, "slow EMA")],
        REAL, ["ChaikinOscillator"], |s| typed::<ChaikinOscillator>(ChaikinOscillator::new(s.int(0), s.int(1)))),
    entry!("CMF", VolumeIndicators, true, "Chaikin money flow, −1..=1: money-flow volume over volume of the last `timeperiod` bars (0 without volume)", InputKind::Prices(HLCV),
        [int("timeperiod", 20.0, 2.0, super::PERIOD_MAX, "number of bars")], REAL, ["ChaikinMoneyFlow"],
        |s| typed::<ChaikinMoneyFlow>(ChaikinMoneyFlow::new(s.int(0)))),
    entry!("EFI", VolumeIndicators, true, "Elder's force index: EMA of (close change × volume)", InputKind::Prices(CV),
        [period("timeperiod", 13.0, "EMA of the forces")], REAL, ["ForceIndex"],
        |s| typed::<CloseVolume<ForceIndex>>(ForceIndex::new(s.int(0)).map(CloseVolume))),
    entry!("MARKETFI", VolumeIndicators, true, "Market facilitation index: (high − low) / volume (0 without volume)", InputKind::Prices(&[Price::High, Price::Low, Price::Volume]),
        [], REAL, ["MarketFacilitation"], |_| typed::<MarketFacilitation>(Ok(MarketFacilitation::new()))),
    entry!("NVI", VolumeIndicators, true, "Negative volume index from 1000: follows the close's change on days of falling volume", InputKind::Prices(CV),
        [], REAL, ["VolumeIndex"], |_| typed::<CloseVolume<VolumeIndex>>(Ok(CloseVolume(VolumeIndex::negative())))),
    entry!("OBV", VolumeIndicators, true, "On-balance volume: running total of ± volume by the close's direction (starts at the first volume)", InputKind::Prices(CV),
        [], REAL, ["Obv"], |_| typed::<CloseVolume<Obv>>(Ok(CloseVolume(Obv::new())))),
    entry!("PVI", VolumeIndicators, true, "Positive volume index from 1000: follows the close's change on days of rising volume", InputKind::Prices(CV),
        [], REAL, ["VolumeIndex"], |_| typed::<CloseVolume<VolumeIndex>>(Ok(CloseVolume(VolumeIndex::positive())))),
    entry!("PVT", VolumeIndicators, true, "Price-volume trend: running total of volume × relative close change", InputKind::Prices(CV),
        [], REAL, ["PriceVolumeTrend"], |_| typed::<CloseVolume<PriceVolumeTrend>>(Ok(CloseVolume(PriceVolumeTrend::new())))),
    entry!("RVOL", VolumeIndicators, true, "Relative volume: volume / mean of the previous `timeperiod` volumes (f64::MAX or 0 when they are all 0)", InputKind::Prices(&[Price::Volume]),
        [period("timeperiod", 20.0, "previous volumes averaged")], REAL, ["RelativeVolume"],
        |s| typed::<VolumeOf<RelativeVolume>>(RelativeVolume::new(s.int(0)).map(VolumeOf))),
    entry!("VWAP", VolumeIndicators, true, "Volume-weighted average of the typical price since the first bar (0 while no volume)", InputKind::Prices(HLCV),
        [], REAL, ["Vwap"], |_| typed::<Vwap>(Ok(Vwap::new()))),
    // The crate's own.
    entry!("AVWAP", VolumeIndicators, false, "VWAP of the typical price since the session's first bar (UTC day, week or month), with bands nbdev volume-weighted standard deviations away", InputKind::TimestampedBar,
        [int("period", 0.0, 0.0, 2.0, "0 day, 1 week, 2 month (UTC)"), float("nbdev", 1.0, 0.0, 1000.0, "band multiplier")],
        &["vwap", "upperband", "lowerband", "stddev"], ["AnchoredVwap"], anchored_vwap),
];

fn anchored_vwap(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let period = match s.int(0) {
        1 => PivotPeriod::Week,
        2 => PivotPeriod::Month,
        _ => PivotPeriod::Day,
    };
    typed::<AnchoredVwap>(AnchoredVwap::new(VwapAnchor::Session(period), s.value(1)))
}

impl ToNumbers for VwapBands<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.vwap, self.upper, self.lower, self.deviation]);
    }
}

/// A volume-only indicator fed from bars: the volume.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct VolumeOf<I>(I);

impl<I: Indicator<Input = f64>> Indicator for VolumeOf<I> {
    type Input = Candle<f64>;
    type Output = I::Output;

    #[inline]
    fn update(&mut self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.update(bar.volume)
    }

    fn peek(&self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.peek(bar.volume)
    }

    fn value(&self) -> Option<I::Output> {
        self.0.value()
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }

    fn try_update(&mut self, bar: Candle<f64>) -> Result<Option<I::Output>, Error> {
        self.0.try_update(bar.volume)
    }
}
