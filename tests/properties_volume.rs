//! Properties of the volume indicators (OBV, AD, ADOSC, CMF, EFI, MARKETFI, NVI, PVI, PVT,
//! RVOL, VWAP): the common contract (`indicator_contract!`), each against a naive
//! recomputation written from its definition, bounds, refused inputs, parameter errors,
//! known answers, events, and long streams against exact arithmetic (no drift).
#![cfg(feature = "serde")]
// The naive recomputations index by time, as their definitions do.
#![allow(clippy::needless_range_loop)]

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::strategies::{candle, candles, flat_candle};
use proptest::prelude::*;
use ta_stream::bar::{Bar, Candle};
use ta_stream::levels::PivotPeriod;
use ta_stream::signal::{Cross, CrossLevel};
use ta_stream::volume::{
    AccumulationDistribution, AnchoredVwap, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex,
    MarketFacilitation, Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, VolumeSide, Vwap,
    VwapAnchor,
};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Inputs

fn close_volumes() -> impl Strategy<Value = Vec<(f64, f64)>> {
    candles(120).prop_map(|cs| cs.iter().map(|c| (c.close, c.volume)).collect())
}

fn volumes() -> impl Strategy<Value = Vec<f64>> {
    candles(120).prop_map(|cs| cs.iter().map(|c| c.volume).collect())
}

/// Candles, sometimes with runs of flat bars (zero ranges) between them.
fn mixed_candles() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(120),
        prop::collection::vec(prop_oneof![1 => flat_candle(), 2 => candle()], 0..120),
    ]
}

/// Candles a volume indicator refuses: an unusable number, a negative volume, the high
/// below the low, the close outside the range.
fn refused_candle() -> impl Strategy<Value = Candle> {
    (
        0..8usize,
        prop::sample::select(vec![f64::NAN, f64::INFINITY, -1e300]),
    )
        .prop_map(|(field, bad)| {
            let mut c = Candle {
                open: 10.0,
                high: 11.0,
                low: 9.0,
                close: 10.5,
                volume: 1.0,
            };
            match field {
                0 => c.open = bad,
                1 => c.high = bad,
                2 => c.low = bad,
                3 => c.close = bad,
                4 => c.volume = bad,
                5 => c.volume = -1.0,
                6 => (c.high, c.low) = (9.0, 11.0),
                _ => c.close = 12.0,
            }
            c
        })
}

fn refused_pair() -> impl Strategy<Value = (f64, f64)> {
    prop::sample::select(vec![
        (f64::NAN, 1.0),
        (10.0, f64::NAN),
        (f64::INFINITY, 1.0),
        (10.0, -1.0),
        (1e300, 1.0),
    ])
}

/// Pairs the ratio indicators (NVI, PVI, PVT) also refuse: a close that is not positive.
fn refused_ratio_pair() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![refused_pair(), Just((0.0, 1.0)), Just((-5.0, 1.0))]
}

fn refused_volume() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![f64::NAN, f64::INFINITY, -1.0, 1e300])
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(obv, |_| Obv::<f64>::new(), close_volumes(), refused_pair());
indicator_contract!(
    ad,
    |_| AccumulationDistribution::<f64>::new(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    adosc,
    |n: usize| ChaikinOscillator::<f64>::new(n % 7 + 2, n + 1).unwrap(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    cmf,
    |n: usize| ChaikinMoneyFlow::<f64>::new(n + 1).unwrap(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    efi,
    |n| ForceIndex::<f64>::new(n).unwrap(),
    close_volumes(),
    refused_pair()
);
indicator_contract!(
    marketfi,
    |_| MarketFacilitation::<f64>::new(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    nvi,
    |_| VolumeIndex::<f64>::negative(),
    close_volumes(),
    refused_ratio_pair()
);
indicator_contract!(
    pvi,
    |_| VolumeIndex::<f64>::positive(),
    close_volumes(),
    refused_ratio_pair()
);
indicator_contract!(
    pvt,
    |_| PriceVolumeTrend::<f64>::new(),
    close_volumes(),
    refused_ratio_pair()
);
indicator_contract!(
    rvol,
    |n| RelativeVolume::<f64>::new(n).unwrap(),
    volumes(),
    refused_volume()
);
indicator_contract!(
    vwap,
    |_| Vwap::<f64>::new(),
    mixed_candles(),
    refused_candle()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions (plain loops over the whole history)

fn clv(c: &Candle) -> f64 {
    if c.high == c.low {
        0.0
    } else {
        ((c.close - c.low) - (c.high - c.close)) / (c.high - c.low)
    }
}

fn naive_ad(cs: &[Candle]) -> Vec<f64> {
    (0..cs.len())
        .map(|t| cs[..=t].iter().map(|c| clv(c) * c.volume).sum())
        .collect()
}

/// An EMA with `k = 2/(n + 1)` over `xs`, seeded with the first value.
fn naive_ema_first(xs: &[f64], n: usize) -> Vec<f64> {
    let k = 2.0 / (n as f64 + 1.0);
    let mut e = xs[0];
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            if i > 0 {
                e += k * (x - e);
            }
            e
        })
        .collect()
}

fn close_to(a: f64, b: f64, relative: f64, scale: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()).max(scale)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn obv_is_the_signed_volume_total(xs in close_volumes()) {
        let out = Obv::new().batch(&xs);
        for t in 0..xs.len() {
            let mut total = xs[0].1;
            for i in 1..=t {
                if xs[i].0 > xs[i - 1].0 { total += xs[i].1 }
                if xs[i].0 < xs[i - 1].0 { total -= xs[i].1 }
            }
            prop_assert!(close_to(out[t].unwrap(), total, 1e-9, 1e6), "{} {}", t, total);
        }
    }

    #[test]
    fn ad_and_adosc_follow_their_definitions(cs in mixed_candles(), fast in 2..8usize, slow in 2..30usize) {
        let line = naive_ad(&cs);
        let out = AccumulationDistribution::new().batch(&cs);
        let scale = cs.iter().map(|c| c.volume).sum::<f64>().max(1.0);
        for t in 0..cs.len() {
            prop_assert!(close_to(out[t].unwrap(), line[t], 1e-9, scale));
        }
        let osc = ChaikinOscillator::new(fast, slow).unwrap().batch(&cs);
        if !cs.is_empty() {
            let (f, s) = (naive_ema_first(&line, fast), naive_ema_first(&line, slow));
            for t in 0..cs.len() {
                if t + 1 < fast.max(slow) {
                    prop_assert_eq!(osc[t], None);
                } else {
                    prop_assert!(close_to(osc[t].unwrap(), f[t] - s[t], 1e-9, scale));
                }
            }
        }
    }

    #[test]
    fn cmf_is_the_window_ratio_and_within_one(cs in mixed_candles(), n in 2..30usize) {
        let out = ChaikinMoneyFlow::new(n).unwrap().batch(&cs);
        for t in 0..cs.len() {
            if t + 1 < n {
                prop_assert_eq!(out[t], None);
                continue;
            }
            let window = &cs[t + 1 - n..=t];
            let volume: f64 = window.iter().map(|c| c.volume).sum();
            let flow: f64 = window.iter().map(|c| clv(c) * c.volume).sum();
            let expected = if volume > 0.0 { flow / volume } else { 0.0 };
            let got = out[t].unwrap();
            prop_assert!((-1.0..=1.0).contains(&got));
            prop_assert!(close_to(got, expected, 1e-9, 1.0), "{} {} {}", t, got, expected);
        }
    }

    #[test]
    fn efi_is_the_ema_of_the_forces(xs in close_volumes(), n in 1..20usize) {
        let out = ForceIndex::new(n).unwrap().batch(&xs);
        let forces: Vec<f64> = xs.windows(2).map(|w| (w[1].0 - w[0].0) * w[1].1).collect();
        let scale = forces.iter().fold(1.0_f64, |m, f| m.max(f.abs()));
        let k = 2.0 / (n as f64 + 1.0);
        let mut ema = 0.0;
        for t in 0..xs.len() {
            if t < n {
                prop_assert_eq!(out[t], None);
                continue;
            }
            ema = if t == n {
                forces[..n].iter().sum::<f64>() / n as f64
            } else {
                ema + k * (forces[t - 1] - ema)
            };
            prop_assert!(close_to(out[t].unwrap(), ema, 1e-9, scale));
        }
    }

    #[test]
    fn marketfi_is_range_over_volume(cs in mixed_candles()) {
        let out = MarketFacilitation::new().batch(&cs);
        for (c, got) in cs.iter().zip(out) {
            let expected = if c.volume > 0.0 { (c.high - c.low) / c.volume } else { 0.0 };
            prop_assert_eq!(got, Some(expected));
            prop_assert!(expected >= 0.0);
        }
    }

    #[test]
    fn volume_indices_follow_the_close_on_their_days(xs in close_volumes()) {
        for side in [VolumeSide::Falling, VolumeSide::Rising] {
            let out = VolumeIndex::new(side).batch(&xs);
            let mut index = 1000.0;
            for t in 0..xs.len() {
                if t > 0 {
                    let moves = match side {
                        VolumeSide::Falling => xs[t].1 < xs[t - 1].1,
                        VolumeSide::Rising => xs[t].1 > xs[t - 1].1,
                    };
                    if moves {
                        index += index * (xs[t].0 - xs[t - 1].0) / xs[t - 1].0;
                    }
                }
                prop_assert!(close_to(out[t].unwrap(), index, 1e-12, 0.0));
                prop_assert!(out[t].unwrap() > 0.0);
            }
        }
    }

    #[test]
    fn pvt_is_the_volume_weighted_change_total(xs in close_volumes()) {
        let out = PriceVolumeTrend::new().batch(&xs);
        let scale = xs.iter().map(|x| x.1).sum::<f64>().max(1.0);
        let mut total = 0.0;
        for t in 0..xs.len() {
            if t > 0 {
                total += xs[t].1 * (xs[t].0 / xs[t - 1].0 - 1.0);
            }
            prop_assert!(close_to(out[t].unwrap(), total, 1e-9, scale));
        }
    }

    #[test]
    fn rvol_compares_with_the_previous_volumes(vs in volumes(), n in 1..20usize) {
        let out = RelativeVolume::new(n).unwrap().batch(&vs);
        for t in 0..vs.len() {
            if t < n {
                prop_assert_eq!(out[t], None);
                continue;
            }
            let mean = vs[t - n..t].iter().sum::<f64>() / n as f64;
            let got = out[t].unwrap();
            prop_assert!(got >= 0.0);
            if mean > 0.0 {
                prop_assert!(close_to(got, vs[t] / mean, 1e-9, 0.0), "{} {}", got, vs[t] / mean);
            } else {
                prop_assert_eq!(got, if vs[t] > 0.0 { f64::MAX } else { 0.0 });
            }
        }
    }

    #[test]
    fn vwap_is_the_weighted_typical_price_within_its_hull(cs in mixed_candles()) {
        let out = Vwap::new().batch(&cs);
        let (mut weighted, mut volume) = (0.0, 0.0);
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for t in 0..cs.len() {
            let typical = (cs[t].high + cs[t].low + cs[t].close) / 3.0;
            weighted += typical * cs[t].volume;
            volume += cs[t].volume;
            if cs[t].volume > 0.0 {
                low = low.min(typical);
                high = high.max(typical);
            }
            let got = out[t].unwrap();
            if volume > 0.0 {
                prop_assert!(close_to(got, weighted / volume, 1e-12, 0.0));
                prop_assert!(got >= low * (1.0 - 1e-12) && got <= high * (1.0 + 1e-12));
            } else {
                prop_assert_eq!(got, 0.0);
            }
        }
    }

    #[test]
    fn f32_agrees_with_f64(cs in candles(80)) {
        let cs32: Vec<Candle<f32>> = cs
            .iter()
            .map(|c| Candle {
                open: c.open as f32,
                high: c.high as f32,
                low: c.low as f32,
                close: c.close as f32,
                volume: c.volume as f32,
            })
            .filter(|c| c.validate().is_ok())
            .collect();
        let cs64: Vec<Candle> = cs32
            .iter()
            .map(|c| Candle {
                open: c.open.into(),
                high: c.high.into(),
                low: c.low.into(),
                close: c.close.into(),
                volume: c.volume.into(),
            })
            .collect();
        let a = ChaikinMoneyFlow::<f32>::new_generic(5).unwrap().batch(&cs32);
        let b = ChaikinMoneyFlow::<f64>::new(5).unwrap().batch(&cs64);
        for (a, b) in a.iter().zip(&b) {
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!((f64::from(*a) - b).abs() < 1e-3);
            }
        }
        let a = Vwap::<f32>::new_generic().batch(&cs32);
        let b = Vwap::<f64>::new().batch(&cs64);
        for (a, b) in a.iter().zip(&b) {
            let (a, b) = (f64::from(a.unwrap()), b.unwrap());
            prop_assert!((a - b).abs() <= 1e-5 * b.abs().max(1.0));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, refused inputs, parameters

fn bar(open: f64, high: f64, low: f64, close: f64, volume: f64) -> Candle {
    Candle::new(open, high, low, close, volume).unwrap()
}

#[test]
fn known_answers() {
    // OBV starts at the first volume (TA-Lib), then adds or subtracts; a tie changes nothing.
    let mut obv = Obv::new();
    let out = obv.batch(&[(10.0, 100.0), (11.0, 200.0), (10.0, 50.0), (10.0, 70.0)]);
    assert_eq!(out, [Some(100.0), Some(300.0), Some(250.0), Some(250.0)]);
    // AD: close at the high adds the whole volume, at the low subtracts it, a flat bar 0.
    let mut ad = AccumulationDistribution::new();
    let out = ad.batch(&[
        bar(9.0, 10.0, 8.0, 10.0, 100.0),
        bar(9.0, 10.0, 8.0, 8.0, 30.0),
        bar(9.0, 9.0, 9.0, 9.0, 1e6),
        bar(9.0, 12.0, 8.0, 11.0, 40.0),
    ]);
    assert_eq!(out, [Some(100.0), Some(70.0), Some(70.0), Some(90.0)]);
    // CMF without volume is 0, as TA-Lib.
    let mut cmf = ChaikinMoneyFlow::new(2).unwrap();
    let quiet = bar(9.0, 10.0, 8.0, 10.0, 0.0);
    assert_eq!(cmf.batch(&[quiet, quiet]), [None, Some(0.0)]);
    // VWAP is 0 until some volume trades (TA-Lib), then the weighted typical price.
    let mut vwap = Vwap::new();
    let out = vwap.batch(&[
        bar(9.0, 10.0, 8.0, 9.0, 0.0),
        bar(12.0, 13.0, 11.0, 12.0, 5.0),
    ]);
    assert_eq!(out, [Some(0.0), Some(12.0)]);
    // RVOL after silence: a finite "infinitely more", and 0 for silence again.
    let mut rvol = RelativeVolume::new(2).unwrap();
    assert_eq!(rvol.batch(&[0.0, 0.0, 5.0]), [None, None, Some(f64::MAX)]);
    assert_eq!(
        RelativeVolume::new(2).unwrap().batch(&[0.0, 0.0, 0.0])[2],
        Some(0.0)
    );
    // EFI(1) is the raw force.
    let mut efi = ForceIndex::new(1).unwrap();
    assert_eq!(
        efi.batch(&[(10.0, 5.0), (12.0, 3e12), (11.0, 7.0)]),
        [None, Some(6e12), Some(-7.0)]
    );
    // MARKETFI without volume is 0.
    assert_eq!(
        MarketFacilitation::new().update(bar(9.0, 10.0, 8.0, 9.0, 0.0)),
        Some(0.0)
    );
}

#[test]
fn refused_inputs_leave_the_state_alone() {
    let mut nvi = VolumeIndex::negative();
    nvi.update((10.0, 5.0));
    assert_eq!(nvi.try_update((0.0, 1.0)), Err(Error::InvalidInput));
    assert_eq!(nvi.try_update((-3.0, 1.0)), Err(Error::InvalidInput));
    assert_eq!(nvi.update((20.0, 4.0)), Some(2000.0));
    let mut pvt = PriceVolumeTrend::new();
    pvt.update((1e-150, 1e150));
    // A doubling of 1e150 volumes 1e150 times over would overflow: one step is still finite,
    // but a close 1e150 times the previous one with that volume is refused.
    assert_eq!(pvt.try_update((1e150, 1e150)), Err(Error::InvalidInput));
    assert_eq!(pvt.value(), Some(0.0));
    let mut ad = AccumulationDistribution::new();
    assert_eq!(
        ad.try_update(Candle {
            open: 10.0,
            high: 11.0,
            low: 9.0,
            close: 12.0,
            volume: 1.0
        }),
        Err(Error::InvalidInput)
    );
    assert_eq!(ad.value(), None);
}

#[test]
fn parameters_out_of_range_are_named() {
    let message = |e: Error| e.to_string();
    assert_eq!(
        message(ChaikinOscillator::<f64>::new(1, 10).unwrap_err()),
        "invalid parameter `fast` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(ChaikinOscillator::<f64>::new(3, 100001).unwrap_err()),
        "invalid parameter `slow` = 100001: expected 1..=100000"
    );
    assert_eq!(
        message(ChaikinMoneyFlow::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(ForceIndex::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(RelativeVolume::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert_eq!(ChaikinOscillator::<f64>::default().warmup_period(), 10);
    assert_eq!(
        ChaikinOscillator::<f64>::default().to_string(),
        "ADOSC(3,10)"
    );
    assert_eq!(ChaikinMoneyFlow::<f64>::default().warmup_period(), 20);
    assert_eq!(ChaikinMoneyFlow::<f64>::default().to_string(), "CMF(20)");
    assert_eq!(ForceIndex::<f64>::default().warmup_period(), 14);
    assert_eq!(ForceIndex::<f64>::default().to_string(), "EFI(13)");
    assert_eq!(RelativeVolume::<f64>::default().warmup_period(), 21);
    assert_eq!(RelativeVolume::<f64>::default().to_string(), "RVOL(20)");
    assert_eq!(VolumeIndex::<f64>::positive().to_string(), "PVI");
    assert_eq!(Obv::<f64>::new().warmup_period(), 1);
}

#[test]
fn loaded_states_that_no_stream_gives_are_refused() {
    let refused = |json: &str| serde_json::from_str::<Obv>(json).is_err();
    assert!(refused(
        r#"{"previous":null,"total":{"sum":5.0,"compensation":0.0}}"#
    ));
    assert!(!refused(
        r#"{"previous":10.0,"total":{"sum":5.0,"compensation":0.0}}"#
    ));
    let index = |json: &str| serde_json::from_str::<VolumeIndex>(json).is_err();
    assert!(index(r#"{"side":"Falling","previous":null,"index":900.0}"#));
    assert!(index(
        r#"{"side":"Falling","previous":[0.0,1.0],"index":900.0}"#
    ));
    assert!(index(
        r#"{"side":"Rising","previous":[10.0,1.0],"index":-1.0}"#
    ));
    assert!(!index(
        r#"{"side":"Rising","previous":[10.0,1.0],"index":900.0}"#
    ));
    let mut cmf = ChaikinMoneyFlow::new(2).unwrap();
    cmf.update(bar(9.0, 10.0, 8.0, 10.0, 100.0));
    let json = serde_json::to_string(&cmf).unwrap();
    let bad = json.replacen("100.0", "-100.0", 1);
    assert!(
        serde_json::from_str::<ChaikinMoneyFlow>(&bad).is_err(),
        "{bad}"
    );
    let mut adosc = ChaikinOscillator::new(2, 3).unwrap();
    adosc.update(bar(9.0, 10.0, 8.0, 10.0, 100.0));
    let json = serde_json::to_string(&adosc).unwrap();
    assert_eq!(
        serde_json::from_str::<ChaikinOscillator>(&json).unwrap(),
        adosc
    );
    let bad = json.replace("\"count\":1", "\"count\":0");
    assert!(
        serde_json::from_str::<ChaikinOscillator>(&bad).is_err(),
        "{bad}"
    );
}

// ---------------------------------------------------------------------------------------
// Events

#[test]
fn chaikin_oscillator_zero_cross_is_an_event() {
    let mut adosc = ChaikinOscillator::new(3, 10).unwrap();
    let mut zero = CrossLevel::new(0.0).unwrap();
    let mut events = Vec::new();
    // Ten bars closing at the low (distribution), then ten at the high (accumulation).
    let closes: Vec<f64> = (0..20).map(|i| if i < 10 { 10.0 } else { 12.0 }).collect();
    for (i, &close) in closes.iter().enumerate() {
        if let Some(value) = adosc.update(bar(close, 12.0, 10.0, close, 1000.0)) {
            if let Some(Some(cross)) = zero.update(value) {
                events.push((i, cross));
            }
        }
    }
    // Where the naive EMAs of the A/D line (−1000 a bar, then +1000) change sign.
    let line: Vec<f64> = (0..20)
        .map(|i: i32| {
            if i < 10 {
                -1000.0 * f64::from(i + 1)
            } else {
                -10000.0 + 1000.0 * f64::from(i - 9)
            }
        })
        .collect();
    let (fast, slow) = (naive_ema_first(&line, 3), naive_ema_first(&line, 10));
    let turn = (10..20)
        .find(|&i| fast[i] - slow[i] > 0.0 && fast[i - 1] - slow[i - 1] <= 0.0)
        .unwrap();
    assert!(turn > 10, "the averages lag the turn of the line");
    assert_eq!(events, [(turn, Cross::Above)]);
}

// ---------------------------------------------------------------------------------------
// Long streams against exact arithmetic: the running totals do not drift

/// Volumes `k/8` for `k < 4093` (exact in f64, and in an `i128` count of eighths), and a
/// huge one, 2^57 (1.4e17), on bar 1 (an up bar) and again on bar `LONG − 2` (a down bar).
/// While the huge volume is in the total, a plain `f64` sum has an ulp of 32 and loses the
/// eighths of every small volume; once it leaves, the plain total is off by thousands. The
/// indicators must stay within a couple of roundings of the exact total.
fn dyadic_volume(i: u64) -> (i128, f64) {
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i >> 7);
    x ^= x >> 29;
    let eighths = if i == 1 || i == LONG - 2 {
        1_i128 << 60
    } else {
        i128::from(x % 4093)
    };
    (eighths, eighths as f64 / 8.0)
}

fn near_exact(got: f64, exact_eighths: i128) -> bool {
    let exact = exact_eighths as f64 / 8.0; // the exact total, rounded once
    (got - exact).abs() <= 2.0 * f64::EPSILON * exact.abs().max(1.0)
}

const LONG: u64 = 2_000_000;

#[test]
fn obv_ad_pvt_and_vwap_stay_exact_over_long_streams() {
    let (mut obv, mut ad, mut pvt, mut vwap) = (
        Obv::new(),
        AccumulationDistribution::new(),
        PriceVolumeTrend::new(),
        Vwap::new(),
    );
    let (mut obv_exact, mut ad_exact, mut pvt_exact) = (0_i128, 0_i128, 0_i128);
    let (mut weighted_exact, mut volume_exact) = (0_i128, 0_i128);
    let mut plain = 0.0_f64;
    for i in 0..LONG {
        let (eighths, volume) = dyadic_volume(i);
        // Closes alternate 100 and 200: +100 % then −50 %, both exact.
        let up = i % 2 == 1;
        let close = if up { 200.0 } else { 100.0 };
        obv.update((close, volume));
        obv_exact += if i == 0 || up { eighths } else { -eighths };
        plain += if i == 0 || up { volume } else { -volume };
        pvt.update((close, volume));
        if i > 0 {
            // in sixteenths: +V, or −V/2
            pvt_exact += if up { 2 * eighths } else { -eighths };
        }
        // AD: the close at the high (+V) or at the low (−V), every CLV exact.
        let candle = Candle::new(close, 200.0, 100.0, close, volume).unwrap();
        ad.update(candle);
        ad_exact += if up { eighths } else { -eighths };
        // VWAP on flat bars at the close: typical price exactly the close.
        vwap.update(Candle::new(close, close, close, close, volume).unwrap());
        weighted_exact += eighths * if up { 200 } else { 100 };
        volume_exact += eighths;
    }
    assert!(
        near_exact(obv.value().unwrap(), obv_exact),
        "OBV {:?} vs {obv_exact}/8",
        obv.value()
    );
    assert!(
        !near_exact(plain, obv_exact),
        "the stream is too easy: a plain sum is exact"
    );
    assert!(
        near_exact(ad.value().unwrap(), ad_exact),
        "AD {:?} vs {ad_exact}/8",
        ad.value()
    );
    let vwap_exact = weighted_exact as f64 / volume_exact as f64;
    let got = vwap.value().unwrap();
    assert!(
        (got - vwap_exact).abs() <= 4.0 * f64::EPSILON * vwap_exact,
        "VWAP {got} vs {vwap_exact}"
    );
    let pvt_sixteenths = pvt_exact as f64 / 16.0;
    let got = pvt.value().unwrap();
    assert!(
        (got - pvt_sixteenths).abs() <= 2.0 * f64::EPSILON * pvt_sixteenths.abs().max(1.0),
        "PVT {got} vs {pvt_sixteenths}"
    );
}

#[test]
fn volume_indices_return_to_1000_within_the_documented_rounding() {
    // Closes 3 and 7 alternate; volumes 3, 2, 1 repeat. The NVI moves on bars 1, 2, 4, 5,
    // ... by 7/3 then 3/7 (pairs whose product is 1), the PVI on bars 3, 6, 9, ... by 7/3
    // and 3/7 in turn: after 3·2k + 1 bars both exact products are 1, the exact index 1000.
    let (mut nvi, mut pvi) = (
        VolumeIndex::<f64>::negative(),
        VolumeIndex::<f64>::positive(),
    );
    let bars: u64 = 3_000_001;
    for i in 0..bars {
        let close = if i % 2 == 0 { 3.0 } else { 7.0 };
        let volume = [3.0, 2.0, 1.0][(i % 3) as usize];
        nvi.update((close, volume));
        pvi.update((close, volume));
    }
    let moves_nvi = ((bars - 1) * 2 / 3) as f64;
    let moves_pvi = ((bars - 1) / 3) as f64;
    let nvi_error = (nvi.value().unwrap() / 1000.0 - 1.0).abs();
    let pvi_error = (pvi.value().unwrap() / 1000.0 - 1.0).abs();
    // The documented bound: one rounding of relative error per move (in practice far less:
    // the roundings cancel like a random walk).
    assert!(
        nvi_error <= moves_nvi * f64::EPSILON,
        "NVI relative error {nvi_error:e}"
    );
    assert!(
        pvi_error <= moves_pvi * f64::EPSILON,
        "PVI relative error {pvi_error:e}"
    );
}

// ---------------------------------------------------------------------------------------
// The anchored VWAP

/// Bars every 7 hours from 2026-03-02 (a Monday), so days, weeks and months change.
fn timed(cs: &[Candle]) -> Vec<Bar> {
    let start = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
    cs.iter()
        .enumerate()
        .map(|(i, &c)| Bar::new(start + Duration::hours(7 * i as i64), c))
        .collect()
}

fn timed_bars() -> impl Strategy<Value = Vec<Bar>> {
    mixed_candles().prop_map(|cs| timed(&cs))
}

fn refused_bar() -> impl Strategy<Value = Bar> {
    refused_candle().prop_map(|c| Bar::new(Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(), c))
}

indicator_contract!(
    anchored_vwap,
    |n: usize| {
        let period = [PivotPeriod::Day, PivotPeriod::Week, PivotPeriod::Month][n % 3];
        AnchoredVwap::<f64>::new(VwapAnchor::Session(period), (n % 4) as f64).unwrap()
    },
    timed_bars(),
    refused_bar()
);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn anchored_vwap_is_the_session_mean_and_deviation(bars in timed_bars(), which in 0..3usize, k in 0.0..3.0_f64) {
        let period = [PivotPeriod::Day, PivotPeriod::Week, PivotPeriod::Month][which];
        let out = AnchoredVwap::new(VwapAnchor::Session(period), k).unwrap().batch(&bars);
        for t in 0..bars.len() {
            let key = period.key(bars[t].timestamp);
            let session: Vec<&Bar> = bars[..=t].iter().filter(|b| period.key(b.timestamp) == key).collect();
            let typical = |b: &Bar| (b.candle.high + b.candle.low + b.candle.close) / 3.0;
            let volume: f64 = session.iter().map(|b| b.candle.volume).sum();
            let (vwap, variance) = if volume > 0.0 {
                let vwap = session.iter().map(|b| typical(b) * b.candle.volume).sum::<f64>() / volume;
                let variance = session
                    .iter()
                    .map(|b| b.candle.volume * (typical(b) - vwap).powi(2))
                    .sum::<f64>() / volume;
                (vwap, variance)
            } else {
                (typical(&bars[t]), 0.0)
            };
            let got = out[t].unwrap();
            let scale = session.iter().map(|b| typical(b)).fold(1.0_f64, f64::max);
            prop_assert!((got.vwap - vwap).abs() <= 1e-9 * scale, "{} {} {}", t, got.vwap, vwap);
            prop_assert!((got.deviation - variance.sqrt()).abs() <= 1e-6 * scale, "{} {} {}", t, got.deviation, variance.sqrt());
            prop_assert!(got.deviation >= 0.0);
            prop_assert!((got.upper - (got.vwap + k * got.deviation)).abs() <= 1e-12 * scale);
            prop_assert!((got.lower - (got.vwap - k * got.deviation)).abs() <= 1e-12 * scale);
        }
    }
}

#[test]
fn anchored_vwap_restarts_at_sessions_and_anchors() {
    let at = |day: u32, hour: u32, price: f64, volume: f64| {
        Bar::new(
            Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap(),
            Candle::new(price, price, price, price, volume).unwrap(),
        )
    };
    let mut daily = AnchoredVwap::new(VwapAnchor::Session(PivotPeriod::Day), 1.0).unwrap();
    daily.update(at(2, 14, 100.0, 100.0));
    let two = daily.update(at(2, 15, 110.0, 100.0)).unwrap();
    assert_eq!(
        (two.vwap, two.deviation, two.upper, two.lower),
        (105.0, 5.0, 110.0, 100.0)
    );
    assert_eq!(two.band(2.0), (115.0, 95.0));
    // The next day starts over; a bar of the day before is then refused.
    assert_eq!(daily.update(at(3, 14, 90.0, 10.0)).unwrap().vwap, 90.0);
    assert_eq!(
        daily.try_update(at(2, 16, 120.0, 10.0)),
        Err(Error::InvalidInput)
    );
    // Weekly: Monday 2 March to Sunday 8 March is one week.
    let mut weekly = AnchoredVwap::new(VwapAnchor::Session(PivotPeriod::Week), 1.0).unwrap();
    weekly.update(at(2, 14, 100.0, 100.0));
    assert_eq!(weekly.update(at(8, 14, 110.0, 100.0)).unwrap().vwap, 105.0);
    assert_eq!(weekly.update(at(9, 14, 120.0, 100.0)).unwrap().vwap, 120.0);
    // Manual: from the first bar until `anchor`; no volume yet reads the typical price.
    let mut manual = AnchoredVwap::new(VwapAnchor::Manual, 1.0).unwrap();
    assert_eq!(manual.update(at(2, 14, 100.0, 0.0)).unwrap().vwap, 100.0);
    assert_eq!(manual.update(at(3, 14, 101.0, 0.0)).unwrap().vwap, 101.0);
    assert_eq!(manual.update(at(4, 14, 90.0, 300.0)).unwrap().vwap, 90.0);
    assert_eq!(manual.update(at(9, 14, 110.0, 100.0)).unwrap().vwap, 95.0);
    manual.anchor();
    assert_eq!(manual.value().unwrap().vwap, 95.0);
    let peeked = manual.peek(at(10, 14, 120.0, 1.0)).unwrap();
    assert_eq!(peeked.vwap, 120.0);
    assert_eq!(manual.update(at(10, 14, 120.0, 1.0)).unwrap(), peeked);
    assert_eq!(manual.to_string(), "AVWAP(manual,1.0)");
    assert_eq!(AnchoredVwap::<f64>::default().to_string(), "AVWAP(day,1.0)");
    assert_eq!(
        AnchoredVwap::<f64>::new(VwapAnchor::Manual, -1.0)
            .unwrap_err()
            .to_string(),
        "invalid parameter `multiplier` = -1.0: expected 0..=1000"
    );
}

#[test]
fn anchored_vwap_loaded_states_are_checked() {
    let mut vwap = AnchoredVwap::<f64>::default();
    vwap.update(Bar::new(
        Utc.with_ymd_and_hms(2026, 3, 2, 14, 0, 0).unwrap(),
        bar(100.0, 101.0, 99.0, 100.0, 10.0),
    ));
    let json = serde_json::to_string(&vwap).unwrap();
    assert_eq!(serde_json::from_str::<AnchoredVwap>(&json).unwrap(), vwap);
    let negative = json.replace("\"variance\":0.0", "\"variance\":-1.0");
    assert!(
        serde_json::from_str::<AnchoredVwap>(&negative).is_err(),
        "{negative}"
    );
    let huge = json.replace("\"mean\":100.0", "\"mean\":1e200");
    assert!(
        serde_json::from_str::<AnchoredVwap>(&huge).is_err(),
        "{huge}"
    );
}
