//! The contract under adversarial inputs and serde fuzz for the volume indicators, in `f64`
//! and `f32`: every output finite and within its documented bounds, refused inputs change
//! nothing, every reached state is a checkpoint, and a loaded state never breaks them.
#![cfg(feature = "serde")]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::adversarial::{adversarial_candles, adversarial_candles_f32, adversarial_f64s};
use proptest::prelude::*;
use ta_stream::bar::{Bar, Candle};
use ta_stream::levels::PivotPeriod;
use ta_stream::volume::{
    AccumulationDistribution, AnchoredVwap, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex,
    MarketFacilitation, Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, Vwap, VwapAnchor,
    VwapBands,
};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

fn finite<T: Into<f64> + Copy>(x: &T) -> bool {
    let x: f64 = (*x).into();
    x.is_finite()
}

/// (close, volume) pairs of adversarial candles.
fn pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    adversarial_candles().prop_map(|cs| cs.iter().map(|c| (c.close, c.volume)).collect())
}

fn pairs_f32() -> impl Strategy<Value = Vec<(f32, f32)>> {
    adversarial_candles_f32().prop_map(|cs| cs.iter().map(|c| (c.close, c.volume)).collect())
}

const MAX: f64 = 1e150;
const MIN: f64 = 1e-150;
const MAX_F32: f64 = 1e15;
const MIN_F32: f64 = 1e-15;

// Running totals: any sign, always finite.
adversarial_contract!(obv_f64, Obv::<f64>::new, pairs(), finite);
adversarial_contract!(obv_f32, Obv::<f32>::new_generic, pairs_f32(), finite);
serde_fuzz!(obv_serde_fuzz, Obv::<f64>::new, pairs(), finite);

adversarial_contract!(
    ad_f64,
    AccumulationDistribution::<f64>::new,
    adversarial_candles(),
    finite
);
adversarial_contract!(
    ad_f32,
    AccumulationDistribution::<f32>::new_generic,
    adversarial_candles_f32(),
    finite
);
serde_fuzz!(
    ad_serde_fuzz,
    AccumulationDistribution::<f64>::new,
    adversarial_candles(),
    finite
);

adversarial_contract!(
    adosc_f64,
    || ChaikinOscillator::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    finite
);
adversarial_contract!(
    adosc_f32,
    || ChaikinOscillator::<f32>::new_generic(3, 2).unwrap(),
    adversarial_candles_f32(),
    finite
);
serde_fuzz!(
    adosc_serde_fuzz,
    || ChaikinOscillator::<f64>::new(2, 3).unwrap(),
    adversarial_candles(),
    finite
);

adversarial_contract!(pvt_f64, PriceVolumeTrend::<f64>::new, pairs(), finite);
adversarial_contract!(
    pvt_f32,
    PriceVolumeTrend::<f32>::new_generic,
    pairs_f32(),
    finite
);
serde_fuzz!(
    pvt_serde_fuzz,
    PriceVolumeTrend::<f64>::new,
    pairs(),
    finite
);

// CMF: within −1..=1.
adversarial_contract!(
    cmf_f64,
    || ChaikinMoneyFlow::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-1.0, 1.0)
);
adversarial_contract!(
    cmf_f32,
    || ChaikinMoneyFlow::<f32>::new_generic(2).unwrap(),
    adversarial_candles_f32(),
    between(-1.0, 1.0)
);
serde_fuzz!(
    cmf_serde_fuzz,
    || ChaikinMoneyFlow::<f64>::new(3).unwrap(),
    adversarial_candles(),
    between(-1.0, 1.0)
);

// EFI: at most the largest force, 2·max².
adversarial_contract!(
    efi_f64,
    || ForceIndex::<f64>::new(2).unwrap(),
    pairs(),
    between(-2.0 * MAX * MAX, 2.0 * MAX * MAX)
);
adversarial_contract!(
    efi_f32,
    || ForceIndex::<f32>::new_generic(1).unwrap(),
    pairs_f32(),
    between(-2.0 * MAX_F32 * MAX_F32, 2.0 * MAX_F32 * MAX_F32)
);
serde_fuzz!(
    efi_serde_fuzz,
    || ForceIndex::<f64>::new(2).unwrap(),
    pairs(),
    between(-2.0 * MAX * MAX, 2.0 * MAX * MAX)
);

// MARKETFI: 0..=2·max/min.
adversarial_contract!(
    marketfi_f64,
    MarketFacilitation::<f64>::new,
    adversarial_candles(),
    between(0.0, 2.0 * MAX / MIN)
);
adversarial_contract!(
    marketfi_f32,
    MarketFacilitation::<f32>::new_generic,
    adversarial_candles_f32(),
    between(0.0, 2.0 * MAX_F32 / MIN_F32)
);
serde_fuzz!(
    marketfi_serde_fuzz,
    MarketFacilitation::<f64>::new,
    adversarial_candles(),
    between(0.0, 2.0 * MAX / MIN)
);

// NVI, PVI: not negative.
adversarial_contract!(
    nvi_f64,
    VolumeIndex::<f64>::negative,
    pairs(),
    between(0.0, f64::MAX)
);
adversarial_contract!(
    pvi_f32,
    VolumeIndex::<f32>::positive_generic,
    pairs_f32(),
    between(0.0, f64::MAX)
);
serde_fuzz!(
    pvi_serde_fuzz,
    VolumeIndex::<f64>::positive,
    pairs(),
    between(0.0, f64::MAX)
);

// RVOL: not negative, saturating at the float's maximum.
adversarial_contract!(
    rvol_f64,
    || RelativeVolume::<f64>::new(2).unwrap(),
    adversarial_f64s(),
    between(0.0, f64::MAX)
);
adversarial_contract!(
    rvol_f32,
    || RelativeVolume::<f32>::new_generic(1).unwrap(),
    adversarial_candles_f32().prop_map(|cs| cs.iter().map(|c| c.volume).collect::<Vec<f32>>()),
    between(0.0, f32::MAX as f64)
);
serde_fuzz!(
    rvol_serde_fuzz,
    || RelativeVolume::<f64>::new(3).unwrap(),
    adversarial_f64s(),
    between(0.0, f64::MAX)
);

// VWAP: a weighted mean of typical prices of valid bars.
adversarial_contract!(
    vwap_f64,
    Vwap::<f64>::new,
    adversarial_candles(),
    between(-MAX * (1.0 + 1e-9), MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    vwap_f32,
    Vwap::<f32>::new_generic,
    adversarial_candles_f32(),
    between(-MAX_F32 * (1.0 + 1e-5), MAX_F32 * (1.0 + 1e-5))
);
serde_fuzz!(
    vwap_serde_fuzz,
    Vwap::<f64>::new,
    adversarial_candles(),
    between(-MAX * (1.0 + 1e-9), MAX * (1.0 + 1e-9))
);

// Anchored VWAP: the VWAP within the usable prices, σ within half their span, ordered bands.
fn timed<T: ta_stream::Real>(cs: Vec<Candle<T>>) -> Vec<Bar<T>> {
    let start = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
    cs.into_iter()
        .enumerate()
        .map(|(i, c)| Bar::new(start + Duration::hours(5 * i as i64), c))
        .collect()
}

fn bands_within<T: Into<f64> + Copy>(max: f64) -> impl Fn(&VwapBands<T>) -> bool {
    move |b: &VwapBands<T>| {
        let (vwap, upper, lower, deviation): (f64, f64, f64, f64) = (
            b.vwap.into(),
            b.upper.into(),
            b.lower.into(),
            b.deviation.into(),
        );
        let slack = max * (1.0 + 1e-5);
        vwap.abs() <= slack
            && (0.0..=slack).contains(&deviation)
            && upper.is_finite()
            && lower.is_finite()
            && lower <= upper
    }
}

adversarial_contract!(
    anchored_vwap_f64,
    || AnchoredVwap::<f64>::new(VwapAnchor::Session(PivotPeriod::Day), 2.0).unwrap(),
    adversarial_candles().prop_map(timed),
    bands_within::<f64>(MAX)
);
adversarial_contract!(
    anchored_vwap_f32,
    || AnchoredVwap::<f32>::new(VwapAnchor::Manual, 3.0).unwrap(),
    adversarial_candles_f32().prop_map(timed),
    bands_within::<f32>(MAX_F32)
);
serde_fuzz!(
    anchored_vwap_serde_fuzz,
    || AnchoredVwap::<f64>::new(VwapAnchor::Session(PivotPeriod::Week), 1.0).unwrap(),
    adversarial_candles().prop_map(timed),
    bands_within::<f64>(MAX)
);
