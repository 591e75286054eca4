//! Properties of the momentum functions of closes and candles (CMO, CMOU, DPO, ER, IMI,
//! QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI): the common contract
//! (`indicator_contract!`), each against a naive recomputation written from its definition,
//! bounds, refused inputs, known answers, parameter errors, WAD against exact arithmetic over
//! a long stream, and the overbought/oversold events of MFI and CMO.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{candle, candles, flat_candle, prices, unusable};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};
use ta_stream::signal::{ZoneEvent, Zones};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Inputs

/// Closes: random, or with many ties (flat stretches, zero changes).
fn closes() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prices(120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..100),
    ]
}

/// Candles: random, or mixed with flat ones (high = low, body 0).
fn bars() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(120),
        prop::collection::vec(prop_oneof![candle(), flat_candle()], 0..120),
    ]
}

/// A candle with one unusable number.
fn unusable_candle() -> impl Strategy<Value = Candle> {
    (0..5usize, unusable()).prop_map(|(field, bad)| {
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
            _ => c.volume = bad,
        }
        c
    })
}

/// A candle that is not a valid bar: an unusable number, high below low, open or close
/// outside the range, a negative volume.
fn invalid_candle() -> impl Strategy<Value = Candle> {
    let ok = Candle {
        open: 10.0,
        high: 11.0,
        low: 9.0,
        close: 10.5,
        volume: 1.0,
    };
    prop_oneof![
        unusable_candle(),
        Just(Candle {
            high: 9.0,
            low: 11.0,
            ..ok
        }),
        Just(Candle { open: 12.0, ..ok }),
        Just(Candle { close: 8.0, ..ok }),
        Just(Candle { volume: -1.0, ..ok }),
    ]
}

/// What MFI refuses: an invalid bar, or a negative price.
fn mfi_refused() -> impl Strategy<Value = Candle> {
    prop_oneof![
        invalid_candle(),
        Just(Candle {
            open: -1.0,
            high: 1.0,
            low: -2.0,
            close: 0.0,
            volume: 5.0,
        }),
    ]
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    cmo,
    |n: usize| Cmo::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    cmou,
    |n: usize| Cmou::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    dpo,
    |n: usize| Dpo::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    er,
    |n: usize| EfficiencyRatio::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    imi,
    |n: usize| Imi::<f64>::new(n + 1).unwrap(),
    bars(),
    unusable_candle()
);
indicator_contract!(
    qstick,
    |n: usize| Qstick::<f64>::new(n).unwrap(),
    bars(),
    unusable_candle()
);
indicator_contract!(bop, |_| Bop::<f64>::new(), bars(), invalid_candle());
indicator_contract!(
    rocr,
    |n: usize| Rocr::<f64>::new(n).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    rocr100,
    |n: usize| Rocr100::<f64>::new(n).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    coppock,
    |n: usize| Coppock::<f64>::new(n % 9 + 1, n, n % 5 + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(wad, |_| Wad::<f64>::new(), bars(), invalid_candle());
indicator_contract!(
    mfi,
    |n: usize| Mfi::<f64>::new(n + 1).unwrap(),
    bars(),
    mfi_refused()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

fn close_to(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs()).max(1.0)
}

/// `100·(u − d)/(u + d)`, 0 when both are 0.
fn naive_chande(u: f64, d: f64) -> f64 {
    if u + d == 0.0 {
        0.0
    } else {
        100.0 * (u - d) / (u + d)
    }
}

/// Gains and losses of every change: element `i` is the change into `xs[i + 1]`.
fn gains_losses(xs: &[f64]) -> (Vec<f64>, Vec<f64>) {
    xs.windows(2)
        .map(|w| ((w[1] - w[0]).max(0.0), (w[0] - w[1]).max(0.0)))
        .unzip()
}

/// TA-Lib's ROC: `100·(x/base − 1)`, 0 over a zero base.
fn naive_roc(xs: &[f64], lag: usize, i: usize) -> Option<f64> {
    let base = xs[i.checked_sub(lag)?];
    Some(if base == 0.0 {
        0.0
    } else {
        100.0 * (xs[i] / base - 1.0)
    })
}

fn check_series(
    out: &[Option<f64>],
    expected: &[Option<f64>],
    tolerance: f64,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(out.len(), expected.len());
    for (i, (v, e)) in out.iter().zip(expected).enumerate() {
        prop_assert_eq!(v.is_some(), e.is_some(), "index {}", i);
        if let (Some(v), Some(e)) = (v, e) {
            prop_assert!(close_to(*v, *e, tolerance), "index {}: {} vs {}", i, v, e);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn cmo_smooths_gains_and_losses_like_wilder(n in 2..20usize, xs in closes()) {
        let (gains, losses) = gains_losses(&xs);
        let mut expected = vec![None; xs.len().min(n)];
        let (mut u, mut d) = (0.0, 0.0);
        for k in 0..gains.len() {
            if k + 1 < n {
                continue;
            }
            if k + 1 == n {
                u = gains[..n].iter().sum::<f64>() / n as f64;
                d = losses[..n].iter().sum::<f64>() / n as f64;
            } else {
                u = (u * (n as f64 - 1.0) + gains[k]) / n as f64;
                d = (d * (n as f64 - 1.0) + losses[k]) / n as f64;
            }
            expected.push(Some(naive_chande(u, d)));
        }
        expected.resize(xs.len(), None);
        let out = Cmo::new(n).unwrap().batch(&xs);
        for v in out.iter().flatten() {
            prop_assert!((-100.0..=100.0).contains(v));
        }
        check_series(&out, &expected, 1e-9)?;
    }

    #[test]
    fn cmou_and_er_are_the_window_balance_of_changes(n in 2..20usize, xs in closes()) {
        let (gains, losses) = gains_losses(&xs);
        let expected: Vec<Option<f64>> = (0..xs.len())
            .map(|i| {
                (i >= n).then(|| {
                    let u: f64 = gains[i - n..i].iter().sum();
                    let d: f64 = losses[i - n..i].iter().sum();
                    naive_chande(u, d)
                })
            })
            .collect();
        let out = Cmou::new(n).unwrap().batch(&xs);
        check_series(&out, &expected, 1e-9)?;
        // ER = |net| / path, 1 when the path is not longer than the net change.
        let expected: Vec<Option<f64>> = (0..xs.len())
            .map(|i| {
                (i >= n).then(|| {
                    let path: f64 = xs[i - n..=i].windows(2).map(|w| (w[1] - w[0]).abs()).sum();
                    let net = xs[i] - xs[i - n];
                    if path <= net { 1.0 } else { (net / path).abs() }
                })
            })
            .collect();
        let out = EfficiencyRatio::new(n).unwrap().batch(&xs);
        for v in out.iter().flatten() {
            prop_assert!((0.0..=1.0).contains(v));
        }
        check_series(&out, &expected, 1e-9)?;
    }

    #[test]
    fn dpo_compares_the_past_close_with_the_current_sma(n in 2..30usize, xs in closes()) {
        let lag = n / 2 + 1;
        let expected: Vec<Option<f64>> = (0..xs.len())
            .map(|i| {
                (i + 1 >= n && i >= lag).then(|| {
                    let sma = xs[i + 1 - n..=i].iter().sum::<f64>() / n as f64;
                    xs[i - lag] - sma
                })
            })
            .collect();
        let out = Dpo::new(n).unwrap().batch(&xs);
        prop_assert_eq!(Dpo::<f64>::new(n).unwrap().warmup_period(), n.max(lag + 1));
        check_series(&out, &expected, 1e-12)?;
    }

    #[test]
    fn imi_qstick_and_bop_read_the_bodies(n in 2..20usize, cs in bars()) {
        let imi: Vec<Option<f64>> = (0..cs.len())
            .map(|i| {
                (i + 1 >= n).then(|| {
                    let w = &cs[i + 1 - n..=i];
                    let u: f64 = w.iter().map(|c| (c.close - c.open).max(0.0)).sum();
                    let d: f64 = w.iter().map(|c| (c.open - c.close).max(0.0)).sum();
                    if u + d == 0.0 { 50.0 } else { 100.0 * u / (u + d) }
                })
            })
            .collect();
        let out = Imi::new(n).unwrap().batch(&cs);
        for v in out.iter().flatten() {
            prop_assert!((0.0..=100.0).contains(v));
        }
        check_series(&out, &imi, 1e-9)?;
        let qstick: Vec<Option<f64>> = (0..cs.len())
            .map(|i| {
                (i + 1 >= n).then(|| {
                    cs[i + 1 - n..=i].iter().map(|c| c.close - c.open).sum::<f64>() / n as f64
                })
            })
            .collect();
        check_series(&Qstick::new(n).unwrap().batch(&cs), &qstick, 1e-9)?;
        let bop: Vec<Option<f64>> = cs
            .iter()
            .map(|c| Some(if c.high == c.low { 0.0 } else { (c.close - c.open) / (c.high - c.low) }))
            .collect();
        let out = Bop::new().batch(&cs);
        for v in out.iter().flatten() {
            prop_assert!((-1.0..=1.0).contains(v));
        }
        check_series(&out, &bop, 0.0)?;
    }

    #[test]
    fn rocr_rocr100_and_coppock_follow_the_ratios(
        n in 1..20usize, w in 1..12usize, r1 in 1..15usize, r2 in 1..15usize, xs in closes()
    ) {
        let ratio = |i: usize| (i >= n).then(|| if xs[i - n] == 0.0 { 0.0 } else { xs[i] / xs[i - n] });
        let rocr: Vec<Option<f64>> = (0..xs.len()).map(ratio).collect();
        check_series(&Rocr::new(n).unwrap().batch(&xs), &rocr, 0.0)?;
        let rocr100: Vec<Option<f64>> = (0..xs.len()).map(|i| ratio(i).map(|r| r * 100.0)).collect();
        check_series(&Rocr100::new(n).unwrap().batch(&xs), &rocr100, 0.0)?;
        let sums: Vec<Option<f64>> = (0..xs.len())
            .map(|i| Some(naive_roc(&xs, r1, i)? + naive_roc(&xs, r2, i)?))
            .collect();
        let divisor = (w * (w + 1)) as f64 / 2.0;
        let coppock: Vec<Option<f64>> = (0..xs.len())
            .map(|i| {
                let start = (i + 1).checked_sub(w)?;
                let window = &sums[start..=i];
                let mut total = 0.0;
                for (k, s) in window.iter().enumerate() {
                    total += (k + 1) as f64 * (*s)?;
                }
                Some(total / divisor)
            })
            .collect();
        let out = Coppock::new(w, r1, r2).unwrap().batch(&xs);
        for (i, (v, e)) in out.iter().zip(&coppock).enumerate() {
            prop_assert_eq!(v.is_some(), e.is_some(), "index {}", i);
            if let (Some(v), Some(e)) = (v, e) {
                // Rates of change near 0 cancel: compare against the scale of the terms.
                let scale = sums[i + 1 - w..=i].iter().flatten().fold(1.0_f64, |m, s| m.max(s.abs()));
                prop_assert!((v - e).abs() <= 1e-9 * scale, "index {}: {} vs {}", i, v, e);
            }
        }
    }

    #[test]
    fn wad_and_mfi_follow_their_definitions(n in 2..20usize, cs in bars()) {
        let mut total = 0.0;
        let wad: Vec<Option<f64>> = cs
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i > 0 {
                    let p = cs[i - 1].close;
                    total += if c.close > p {
                        c.close - c.low.min(p)
                    } else if c.close < p {
                        c.close - c.high.max(p)
                    } else {
                        0.0
                    };
                }
                Some(total)
            })
            .collect();
        let out = Wad::new().batch(&cs);
        for (i, (v, e)) in out.iter().zip(&wad).enumerate() {
            let (v, e) = (v.unwrap(), e.unwrap());
            // The naive running sum carries its own rounding; the scale is the path's.
            prop_assert!((v - e).abs() <= 1e-12 * 1000.0 * (i + 1) as f64, "index {}: {} vs {}", i, v, e);
        }
        let typical: Vec<f64> = cs.iter().map(|c| (c.high + c.low + c.close) / 3.0).collect();
        let mfi: Vec<Option<f64>> = (0..cs.len())
            .map(|i| {
                (i >= n).then(|| {
                    let (mut p, mut q) = (0.0, 0.0);
                    for k in i + 1 - n..=i {
                        let flow = typical[k] * cs[k].volume;
                        if typical[k] > typical[k - 1] {
                            p += flow;
                        } else if typical[k] < typical[k - 1] {
                            q += flow;
                        }
                    }
                    if p + q == 0.0 { 0.0 } else { 100.0 * p / (p + q) }
                })
            })
            .collect();
        let out = Mfi::new(n).unwrap().batch(&cs);
        for v in out.iter().flatten() {
            prop_assert!((0.0..=100.0).contains(v));
        }
        check_series(&out, &mfi, 1e-9)?;
    }

    /// `f32` agrees with `f64` to `f32` precision on ordinary prices.
    #[test]
    fn f32_agrees_with_f64(n in 2..15usize, xs in prices(80)) {
        let xs32: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
        let wide = Cmou::<f64>::new(n).unwrap().batch(&xs32.iter().map(|&x| f64::from(x)).collect::<Vec<_>>());
        let narrow = Cmou::<f32>::new_generic(n).unwrap().batch(&xs32);
        for (a, b) in wide.iter().zip(&narrow) {
            prop_assert_eq!(a.is_some(), b.is_some());
            if let (Some(a), Some(b)) = (a, b) {
                prop_assert!((a - f64::from(*b)).abs() <= 1e-2, "{} vs {}", a, b);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// WAD over a long stream, against exact arithmetic

/// A million wide candles whose prices are multiples of 2⁻¹⁰ below 2⁴² (every price and
/// every term is then exact in `f64`, and an integer count of 2⁻¹⁰), with long wicks so that
/// the total wanders far beyond 2⁴³, where every plain addition rounds. The exact total (in
/// `i128`) is compared with the crate's: within one rounding, where the plain running sum
/// of the same terms has drifted by many.
#[test]
fn wad_has_no_drift_over_a_long_stream() {
    let unit = 1.0 / 1024.0;
    let mut wad = Wad::new();
    let mut exact: i128 = 0; // in units of 2⁻¹⁰
    let mut plain = 0.0_f64;
    let mut previous: Option<i64> = None;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as i64 // 53 random bits
    };
    let mut last = 0.0;
    for _ in 0..1_000_000 {
        let base = (1_i64 << 50) + next() % (1_i64 << 50);
        let high = base + next() % (1_i64 << 50);
        let low = base - next() % (1_i64 << 49);
        let close = low + next() % (high - low + 1);
        let candle = Candle::new(
            close as f64 * unit,
            high as f64 * unit,
            low as f64 * unit,
            close as f64 * unit,
            0.0,
        )
        .unwrap();
        if let Some(p) = previous {
            let term = if close > p {
                close - low.min(p)
            } else if close < p {
                close - high.max(p)
            } else {
                0
            };
            exact += i128::from(term);
            plain += term as f64 * unit;
        }
        previous = Some(close);
        last = wad.update(candle).unwrap();
    }
    let exact = exact as f64 * unit; // one rounding
    assert!(
        exact.abs() > 2.0_f64.powi(43),
        "the total should be large: {exact}"
    );
    assert!(
        (last - exact).abs() <= 2.0 * exact.abs() * f64::EPSILON,
        "WAD {last} vs exact {exact}"
    );
    // The plain running sum of the same terms is off by far more.
    assert!(
        (plain - exact).abs() > 100.0 * exact.abs() * f64::EPSILON,
        "plain {plain} vs exact {exact}"
    );
}

// ---------------------------------------------------------------------------------------
// Known answers, edges, errors, events

fn ohlc(open: f64, high: f64, low: f64, close: f64, volume: f64) -> Candle {
    Candle::new(open, high, low, close, volume).unwrap()
}

#[test]
fn flat_inputs_give_talibs_answers() {
    let flat = [5.0; 30];
    assert_eq!(Cmo::new(5).unwrap().batch(&flat)[29], Some(0.0));
    assert_eq!(Cmou::new(5).unwrap().batch(&flat)[29], Some(0.0));
    assert_eq!(EfficiencyRatio::new(5).unwrap().batch(&flat)[29], Some(1.0));
    assert_eq!(Dpo::new(5).unwrap().batch(&flat)[29], Some(0.0));
    let dojis = vec![ohlc(5.0, 5.0, 5.0, 5.0, 0.0); 30];
    assert_eq!(Imi::new(5).unwrap().batch(&dojis)[29], Some(50.0));
    assert_eq!(Qstick::new(5).unwrap().batch(&dojis)[29], Some(0.0));
    assert_eq!(Bop::new().batch(&dojis)[29], Some(0.0));
    assert_eq!(Wad::new().batch(&dojis)[29], Some(0.0));
    assert_eq!(Mfi::new(5).unwrap().batch(&dojis)[29], Some(0.0));
    // Rising typical prices with zero volume: no money flowed, 0 (TA-Lib).
    let rising: Vec<Candle> = (0..10)
        .map(|i| ohlc(i as f64, i as f64, i as f64, i as f64, 0.0))
        .collect();
    assert_eq!(Mfi::new(3).unwrap().batch(&rising)[9], Some(0.0));
    // Zero bases: TA-Lib's 0.
    assert_eq!(Rocr::new(1).unwrap().batch(&[0.0, 5.0]), [None, Some(0.0)]);
    assert_eq!(
        Rocr100::new(1).unwrap().batch(&[0.0, 5.0]),
        [None, Some(0.0)]
    );
}

#[test]
fn known_answers() {
    // CMO(2) on 10, 11, 10.5, 11.5: avgU/avgD 0.5/0.25, then 0.75/0.125.
    let out = Cmo::new(2).unwrap().batch(&[10.0, 11.0, 10.5, 11.5]);
    assert_eq!(out[2], Some(100.0 * (0.25 / 0.75)));
    assert_eq!(out[3], Some(100.0 * (0.625 / 0.875)));
    // CMOU(2): the window sums, U = 1, D = 0.5.
    let out = Cmou::new(2).unwrap().batch(&[10.0, 11.0, 10.5, 11.5]);
    assert_eq!(out[3], Some(100.0 * (0.5 / 1.5)));
    // DPO(4): x_{t−3} − SMA_4.
    assert_eq!(
        Dpo::new(4).unwrap().batch(&[1.0, 2.0, 3.0, 4.0, 8.0])[4],
        Some(-2.25)
    );
    // MFI(2): +1200, −2200.
    let bar = |c: f64, v: f64| ohlc(c, c, c, c, v);
    let out = Mfi::new(2)
        .unwrap()
        .batch(&[bar(10.0, 100.0), bar(12.0, 100.0), bar(11.0, 200.0)]);
    assert_eq!(out[2], Some(100.0 * 1200.0 / 3400.0));
    // WAD: +2 then −2.
    let out = Wad::new().batch(&[
        ohlc(10.0, 11.0, 9.0, 10.0, 0.0),
        ohlc(11.0, 13.0, 11.0, 12.0, 0.0),
        ohlc(11.0, 11.0, 9.0, 10.0, 0.0),
    ]);
    assert_eq!(out, [Some(0.0), Some(2.0), Some(0.0)]);
    // COPPOCK(2, 1, 2): sums 20 and 31, WMA (20 + 2·31)/3.
    let out = Coppock::<f64>::new(2, 1, 2)
        .unwrap()
        .batch(&[100.0, 100.0, 110.0, 121.0]);
    assert!((out[3].unwrap() - 82.0 / 3.0).abs() < 1e-12);
    assert_eq!(Coppock::<f64>::default().warmup_period(), 24);
}

#[test]
fn defaults_labels_and_warmups_are_talibs() {
    let cases: [(String, usize); 12] = [
        (
            Cmo::<f64>::default().to_string(),
            Cmo::<f64>::default().warmup_period(),
        ),
        (
            Cmou::<f64>::default().to_string(),
            Cmou::<f64>::default().warmup_period(),
        ),
        (
            Dpo::<f64>::default().to_string(),
            Dpo::<f64>::default().warmup_period(),
        ),
        (
            EfficiencyRatio::<f64>::default().to_string(),
            EfficiencyRatio::<f64>::default().warmup_period(),
        ),
        (
            Imi::<f64>::default().to_string(),
            Imi::<f64>::default().warmup_period(),
        ),
        (
            Qstick::<f64>::default().to_string(),
            Qstick::<f64>::default().warmup_period(),
        ),
        (
            Bop::<f64>::default().to_string(),
            Bop::<f64>::default().warmup_period(),
        ),
        (
            Rocr::<f64>::default().to_string(),
            Rocr::<f64>::default().warmup_period(),
        ),
        (
            Rocr100::<f64>::default().to_string(),
            Rocr100::<f64>::default().warmup_period(),
        ),
        (
            Coppock::<f64>::default().to_string(),
            Coppock::<f64>::default().warmup_period(),
        ),
        (
            Wad::<f64>::default().to_string(),
            Wad::<f64>::default().warmup_period(),
        ),
        (
            Mfi::<f64>::default().to_string(),
            Mfi::<f64>::default().warmup_period(),
        ),
    ];
    // TA-Lib's lookbacks + 1 (talib.abstract.Function(NAME).lookback).
    let expected = [
        ("CMO(14)", 15),
        ("CMOU(14)", 15),
        ("DPO(20)", 20),
        ("ER(10)", 11),
        ("IMI(14)", 14),
        ("QSTICK(10)", 10),
        ("BOP", 1),
        ("ROCR(10)", 11),
        ("ROCR100(10)", 11),
        ("COPPOCK(10,11,14)", 24),
        ("WAD", 1),
        ("MFI(14)", 15),
    ];
    for ((label, warmup), (name, lookback)) in cases.iter().zip(expected) {
        assert_eq!((label.as_str(), *warmup), (name, lookback));
    }
    assert_eq!(Cmo::<f64>::new(14).unwrap(), Cmo::default());
    assert_eq!(Coppock::<f64>::new(10, 11, 14).unwrap(), Coppock::default());
}

fn message(error: Error) -> String {
    error.to_string()
}

#[test]
fn parameter_errors_name_the_parameter_value_and_range() {
    let two = [
        message(Cmo::<f64>::new(1).unwrap_err()),
        message(Cmou::<f64>::new(1).unwrap_err()),
        message(Dpo::<f64>::new(1).unwrap_err()),
        message(EfficiencyRatio::<f64>::new(1).unwrap_err()),
        message(Imi::<f64>::new(1).unwrap_err()),
        message(Mfi::<f64>::new(100_001).unwrap_err()),
    ];
    for text in two {
        assert!(
            text.contains("period") && text.contains("2..=100000"),
            "{text}"
        );
    }
    assert!(message(Cmo::<f64>::new(1).unwrap_err()).contains('1'));
    let text = message(Qstick::<f64>::new(0).unwrap_err());
    assert!(
        text.contains("period") && text.contains('0') && text.contains("1..=100000"),
        "{text}"
    );
    for (text, name) in [
        (
            message(Coppock::<f64>::new(0, 11, 14).unwrap_err()),
            "wma_period",
        ),
        (
            message(Coppock::<f64>::new(10, 0, 14).unwrap_err()),
            "roc1_period",
        ),
        (
            message(Coppock::<f64>::new(10, 11, 100_001).unwrap_err()),
            "roc2_period",
        ),
    ] {
        assert!(text.contains(name) && text.contains("1..=100000"), "{text}");
    }
    assert!(message(Rocr::<f64>::new(0).unwrap_err()).contains("1..=100000"));
}

#[test]
fn candle_indicators_refuse_invalid_bars() {
    let inverted = Candle {
        open: 10.0,
        high: 9.0,
        low: 11.0,
        close: 10.0,
        volume: 1.0,
    };
    let open_outside = Candle {
        open: 20.0,
        high: 11.0,
        low: 9.0,
        close: 10.0,
        volume: 1.0,
    };
    let negative = Candle {
        open: -1.0,
        high: 1.0,
        low: -2.0,
        close: 0.0,
        volume: 1.0,
    };
    for bad in [inverted, open_outside] {
        assert_eq!(Bop::new().try_update(bad), Err(Error::InvalidInput));
        assert_eq!(Wad::new().try_update(bad), Err(Error::InvalidInput));
        assert_eq!(
            Mfi::new(3).unwrap().try_update(bad),
            Err(Error::InvalidInput)
        );
    }
    assert_eq!(
        Mfi::new(3).unwrap().try_update(negative),
        Err(Error::InvalidInput)
    );
    assert_eq!(Wad::new().try_update(negative), Ok(Some(0.0)));
    // IMI and QSTICK read only the open and the close: any candle of usable numbers.
    assert_eq!(
        Qstick::new(1).unwrap().try_update(open_outside),
        Ok(Some(-10.0))
    );
    assert_eq!(Imi::new(2).unwrap().try_update(inverted), Ok(None));
}

/// MFI entering and leaving its 80/20 zones, read with `signal::Zones`.
#[test]
fn mfi_zone_events() {
    let bar = |c: f64| ohlc(c, c, c, c, 1000.0);
    let mut mfi = Mfi::new(2).unwrap();
    let mut zones = Zones::new(80.0, 20.0).unwrap();
    let mut events = Vec::new();
    for (i, close) in [10.0, 11.0, 12.0, 11.5, 11.0, 10.0, 10.5, 11.0, 12.0]
        .into_iter()
        .enumerate()
    {
        if let Some(reading) = mfi.update(bar(close)).and_then(|m| zones.update(m)) {
            events.extend(reading.events().map(|e| (i, e)));
        }
    }
    assert_eq!(
        events,
        [
            (3, ZoneEvent::LeftOverbought),
            (4, ZoneEvent::EnteredOversold),
            (6, ZoneEvent::LeftOversold),
            (7, ZoneEvent::EnteredOverbought),
        ]
    );
}

/// CMO entering and leaving ±50, read with `signal::Zones`.
#[test]
fn cmo_zone_events() {
    let mut cmo = Cmo::new(3).unwrap();
    let mut zones = Zones::new(50.0, -50.0).unwrap();
    let mut events = Vec::new();
    for x in [10.0, 11.0, 12.0, 13.0, 12.0, 11.0, 10.0, 9.0] {
        if let Some(reading) = cmo.update(x).and_then(|c| zones.update(c)) {
            events.extend(reading.events());
        }
    }
    assert_eq!(
        events,
        [ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold]
    );
}

/// KAMA now runs on the efficiency ratio's window: its saved form is unchanged, and a state
/// saved mid-stream resumes identically.
#[test]
fn kama_saved_form_is_unchanged() {
    use ta_stream::average::Kama;
    let mut kama = Kama::new(3).unwrap();
    kama.batch(&[1.0, 2.0, 4.0, 3.0, 5.0]);
    let json = serde_json::to_value(&kama).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["changes", "inputs", "kama", "period"]);
    let mut restored: Kama = serde_json::from_value(json).unwrap();
    assert_eq!(restored, kama);
    assert_eq!(restored.update(7.0), kama.update(7.0));
}

/// MFI's flows are kept, like CMOU's and IMI's parts, as the values pushed since the last
/// block and the old block's suffix sums: a state loads back equal and gives the same
/// outputs, and states no run of updates could leave are refused: a negative suffix sum, a
/// positive and a negative flow in one update, the two sums at different positions.
#[test]
fn mfi_saved_flows_load_back_and_impossible_ones_are_refused() {
    let bar = |close: f64, volume: f64| {
        Candle::new(close, close + 1.0, close - 1.0, close, volume).unwrap()
    };
    let mut mfi = Mfi::new(3).unwrap();
    for (close, volume) in [
        (10.0, 100.0),
        (11.0, 101.0),
        (10.5, 102.0),
        (12.0, 103.0),
        (11.0, 104.0),
    ] {
        mfi.update(bar(close, volume));
    }
    // Flows +1111, −1071, +1236 (a block of 3, now suffix sums), then −1144.
    assert_eq!(mfi.value(), Some(100.0 * (1236.0 / (1236.0 + 2215.0))));
    let saved = serde_json::to_value(&mfi).unwrap();
    assert_eq!(
        saved["flows"],
        serde_json::json!({
            "ups": {"slots": [0.0, 1236.0, 1236.0], "next": 1, "full": true, "sum": 1236.0},
            "downs": {"slots": [1144.0, 1071.0, 0.0], "next": 1, "full": true, "sum": 2215.0},
        })
    );
    let mut loaded: Mfi = serde_json::from_value(saved.clone()).unwrap();
    assert_eq!(loaded, mfi);
    assert_eq!(loaded.update(bar(13.0, 50.0)), mfi.update(bar(13.0, 50.0)));

    let load = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut state = saved.clone();
        edit(&mut state["flows"]);
        serde_json::from_value::<Mfi>(state).map(|_| ())
    };
    // A positive flow beside the negative one of the same update, the sum adjusted.
    let both = |flows: &mut serde_json::Value| {
        flows["ups"]["slots"][0] = 7.0.into();
        flows["ups"]["sum"] = 1243.0.into();
    };
    assert!(load(&both).is_err());
    // Control: the same edit without the negative flow loads.
    assert!(load(&|flows| {
        both(flows);
        flows["downs"]["slots"][0] = 0.0.into();
        flows["downs"]["sum"] = 1071.0.into();
    })
    .is_ok());
    assert!(load(&|flows| flows["ups"]["slots"][2] = (-5.0).into()).is_err());
    // No negative flow at all, one push further on than the positive sums: only the two
    // positions disagree (the control, at the same position, loads).
    let no_downs = |next: u32| {
        move |flows: &mut serde_json::Value| {
            flows["downs"] = serde_json::json!({"slots": [0.0, 0.0, 0.0], "next": next, "full": true, "sum": 0.0});
        }
    };
    assert!(load(&no_downs(1)).is_ok());
    assert!(load(&no_downs(2)).is_err());
}

/// Where TA-Lib's MFI and the crate's differ most on the fixtures (MFI(2), NDX row 102:
/// TA-Lib 5.66e-15, the crate 0), the crate is the exact one. Both typical prices of the
/// window fall (comparisons are exact, and both compute `(H + L + C)/3` the same way), so no
/// positive money flow is in the window and the exact MFI is 0: TA-Lib's residue is the
/// rounding its add-and-subtract running sum keeps after the flows left the window.
#[test]
fn mfi_is_exact_where_talibs_running_sum_leaves_a_residue() {
    let root = env!("CARGO_MANIFEST_DIR");
    let inputs =
        std::fs::read_to_string(format!("{root}/tests/data/talib/coverage/inputs.csv")).unwrap();
    let candles: Vec<Candle> = inputs
        .lines()
        .skip(1)
        .filter(|line| line.starts_with("ndx,"))
        .map(|line| {
            let v: Vec<f64> = line
                .split(',')
                .skip(1)
                .take(5)
                .map(|x| x.parse().unwrap())
                .collect();
            ohlc(v[0], v[1], v[2], v[3], v[4])
        })
        .collect();
    let typical = |c: &Candle| (c.high + c.low + c.close) / 3.0;
    assert!(typical(&candles[101]) < typical(&candles[100]));
    assert!(typical(&candles[102]) < typical(&candles[101]));
    let fixture =
        std::fs::read_to_string(format!("{root}/tests/data/talib/coverage/MFI.csv")).unwrap();
    let talib: f64 = fixture
        .lines()
        .nth(103)
        .unwrap()
        .split(',')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap();
    assert!(talib > 0.0 && talib < 1e-13, "TA-Lib's residue: {talib}");
    let ours = Mfi::new(2).unwrap().batch(&candles)[102];
    assert_eq!(ours, Some(0.0));
}
