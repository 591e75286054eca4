//! Properties of the volatility functions of the TA-Lib coverage (ADR, CVI, MASSI, RVI): the
//! common contract (`indicator_contract!`), each against a naive recomputation written from
//! its definition, bounds, refused candles, known answers and parameter errors.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::volatility::{AverageDayRange, ChaikinVolatility, MassIndex, RelativeVolatility};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Strategies

fn candle() -> impl Strategy<Value = Candle> {
    (1.0..1000.0_f64, 0.0..20.0_f64, 0.0..20.0_f64, 0.0..=1.0_f64).prop_map(
        |(base, up, down, close)| {
            let (high, low) = (base + up, base - down);
            Candle {
                open: base,
                high,
                low,
                close: low + close * (high - low),
                volume: 0.0,
            }
        },
    )
}

/// Realistic candles, or stretches of flat ones (zero ranges) between them.
fn candles() -> impl Strategy<Value = Vec<Candle>> {
    let flat = prop::sample::select(vec![5.0, 6.0]).prop_map(|c| Candle {
        open: c,
        high: c,
        low: c,
        close: c,
        volume: 0.0,
    });
    prop_oneof![
        prop::collection::vec(candle(), 0..120),
        prop::collection::vec(prop_oneof![3 => flat, 1 => candle()], 0..120),
    ]
}

fn closes() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(1.0..1000.0_f64, 0..120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..100),
        prop::collection::vec(-1e6..1e6_f64, 0..120),
    ]
}

/// Candles with an unusable number, or with the high below the low (no range).
fn refused_candle() -> impl Strategy<Value = Candle> {
    (0..6usize, unusable()).prop_map(|(field, bad)| {
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
            _ => (c.high, c.low) = (9.0, 11.0),
        }
        c
    })
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    adr,
    |n| AverageDayRange::<f64>::new(n).unwrap(),
    candles(),
    refused_candle()
);
indicator_contract!(
    cvi,
    |n: usize| ChaikinVolatility::<f64>::new(n + 1, n % 7 + 1).unwrap(),
    candles(),
    refused_candle()
);
indicator_contract!(
    massi,
    |n: usize| MassIndex::<f64>::new(n % 9 + 2, n + 1).unwrap(),
    candles(),
    refused_candle()
);
indicator_contract!(
    rvi,
    |n: usize| RelativeVolatility::<f64>::new(n, n % 11 + 2).unwrap(),
    closes(),
    unusable()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

/// TA-Lib's EMA over `n`: `None` until seeded with the mean of the first `n` inputs.
fn naive_ema(xs: &[f64], n: usize) -> Vec<Option<f64>> {
    let k = 2.0 / (n as f64 + 1.0);
    let mut out = Vec::new();
    let mut ema = None;
    for (i, &x) in xs.iter().enumerate() {
        ema = match ema {
            None if i + 1 == n => Some(xs[..n].iter().sum::<f64>() / n as f64),
            None => None,
            Some(e) => Some((x - e) * k + e),
        };
        out.push(ema);
    }
    out
}

fn close_to(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn adr_is_the_mean_range(period in 1..30usize, cs in candles()) {
        let out = AverageDayRange::new(period).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            if i + 1 < period {
                prop_assert_eq!(*value, None);
                continue;
            }
            let ranges = cs[i + 1 - period..=i].iter().map(|c| c.high - c.low);
            let naive = ranges.sum::<f64>() / period as f64;
            prop_assert!(close_to(value.unwrap(), naive, 1e-12), "{:?} vs {}", value, naive);
        }
    }

    #[test]
    fn cvi_is_the_rate_of_change_of_the_ema_of_ranges(period in 2..20usize, roc in 1..15usize, cs in candles()) {
        let ranges: Vec<f64> = cs.iter().map(|c| c.high - c.low).collect();
        let ema = naive_ema(&ranges, period);
        let out = ChaikinVolatility::new(period, roc).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            let expected = match (ema[i], i.checked_sub(roc).and_then(|j| ema[j])) {
                (Some(now), Some(base)) => Some(if base == 0.0 { 0.0 } else { 100.0 * (now - base) / base }),
                _ => None,
            };
            match (value, expected) {
                (Some(v), Some(e)) => {
                    prop_assert!(*v >= -100.0);
                    // A base that decayed to a few ulps of the ranges is noise in both.
                    let base = ema[i - roc].unwrap();
                    if base == 0.0 || base > 1e-9 {
                        prop_assert!(close_to(*v, e, 1e-9), "index {}: {} vs {}", i, v, e);
                    }
                }
                (v, e) => prop_assert_eq!(v.is_some(), e.is_some(), "index {}", i),
            }
        }
    }

    #[test]
    fn massi_sums_the_ratio_of_the_ema_to_its_ema(fast in 2..10usize, slow in 2..20usize, cs in candles()) {
        let ranges: Vec<f64> = cs.iter().map(|c| c.high - c.low).collect();
        let single = naive_ema(&ranges, fast);
        let seeded: Vec<f64> = single.iter().flatten().copied().collect();
        let mut double = vec![None; single.len() - seeded.len()];
        double.extend(naive_ema(&seeded, fast));
        let ratios: Vec<Option<f64>> = single
            .iter()
            .zip(&double)
            .map(|(s, d)| match (s, d) {
                (Some(s), Some(d)) => Some(if *d == 0.0 { 1.0 } else { s / d }),
                _ => None,
            })
            .collect();
        let out = MassIndex::new(fast, slow).unwrap().batch(&cs);
        let bound = (slow * fast) as f64;
        for (i, value) in out.iter().enumerate() {
            let window = i.checked_sub(slow - 1).map(|start| &ratios[start..=i]);
            let expected = window
                .filter(|w| w.iter().all(Option::is_some))
                .map(|w| w.iter().flatten().sum::<f64>());
            prop_assert_eq!(value.is_some(), expected.is_some(), "index {}", i);
            if let (Some(v), Some(e)) = (value, expected) {
                prop_assert!((0.0..=bound * (1.0 + 1e-12)).contains(v), "{} outside 0..={}", v, bound);
                prop_assert!(close_to(*v, e, 1e-9), "index {}: {} vs {}", i, v, e);
            }
        }
    }

    #[test]
    fn rvi_is_the_rsi_of_the_standard_deviation(period in 1..20usize, m in 2..15usize, xs in closes()) {
        let out = RelativeVolatility::new(period, m).unwrap().batch(&xs);
        // σ by two passes over each window; Wilder's averages seeded with their mean.
        let (mut ups, mut downs) = (Vec::new(), Vec::new());
        let (mut u, mut d) = (0.0, 0.0);
        for (i, value) in out.iter().enumerate() {
            let mut expected = None;
            if i + 1 >= m {
                let w = &xs[i + 1 - m..=i];
                let mean = w.iter().sum::<f64>() / m as f64;
                let sigma = (w.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / m as f64).sqrt();
                let (up, down) = if xs[i] > xs[i - 1] {
                    (sigma, 0.0)
                } else if xs[i] < xs[i - 1] {
                    (0.0, sigma)
                } else {
                    (0.0, 0.0)
                };
                ups.push(up);
                downs.push(down);
                let n = ups.len();
                if n == period {
                    u = ups.iter().sum::<f64>() / period as f64;
                    d = downs.iter().sum::<f64>() / period as f64;
                } else if n > period {
                    u = (u * (period as f64 - 1.0) + up) / period as f64;
                    d = (d * (period as f64 - 1.0) + down) / period as f64;
                }
                if n >= period {
                    expected = Some(if u + d == 0.0 { 50.0 } else { 100.0 * u / (u + d) });
                }
            }
            prop_assert_eq!(value.is_some(), expected.is_some(), "index {}", i);
            if let (Some(v), Some(e)) = (value, expected) {
                prop_assert!((0.0..=100.0).contains(v));
                // σ below the rounding of the closes themselves is noise in both.
                let scale = xs[..=i].iter().fold(0.0_f64, |s, x| s.max(x.abs()));
                if u + d > 1e-6 * scale || u + d == 0.0 {
                    prop_assert!((v - e).abs() <= 1e-7, "index {}: {} vs {}", i, v, e);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, edges and errors

fn bar(high: f64, low: f64) -> Candle {
    Candle {
        open: low,
        high,
        low,
        close: high,
        volume: 0.0,
    }
}

#[test]
fn flat_candles_give_talibs_answers() {
    let flat = vec![bar(5.0, 5.0); 60];
    assert_eq!(AverageDayRange::new(5).unwrap().batch(&flat)[59], Some(0.0));
    assert_eq!(
        ChaikinVolatility::new(3, 2).unwrap().batch(&flat)[59],
        Some(0.0)
    );
    assert_eq!(MassIndex::new(3, 4).unwrap().batch(&flat)[59], Some(4.0)); // ratio 1 when E2 = 0
    assert_eq!(
        RelativeVolatility::new(3, 2).unwrap().batch(&[5.0; 30])[29],
        Some(50.0)
    );
}

#[test]
fn a_mass_index_ratio_reaches_the_fast_period_at_the_seed() {
    // Ranges 0, 0, 3, 3 with fast = 2 (k = 2/3): E1 seeded at 0, then 2 and 8/3; E2 seeded
    // with the mean of 0 and 2 = 1, so the first ratio is 2 = fast, then (8/3)/(19/9), as
    // talib.MASSI(high=[5,5,8,8], low=[5,5,5,5], 2, 2) = [nan, nan, nan, 3.26315789].
    let out = MassIndex::<f64>::new(2, 2).unwrap().batch(&[
        bar(5.0, 5.0),
        bar(5.0, 5.0),
        bar(8.0, 5.0),
        bar(8.0, 5.0),
    ]);
    assert_eq!(out[..3], [None, None, None]);
    assert!(
        (out[3].unwrap() - (2.0 + 24.0 / 19.0)).abs() < 1e-12,
        "{out:?}"
    );
}

#[test]
fn known_answers_from_talib() {
    // talib.MASSI(high, low, 2, 2) with low = 100 and these highs.
    let highs = [102.0, 102.0, 103.0, 106.0, 104.0, 101.0, 103.0];
    let candles: Vec<Candle> = highs.iter().map(|&h| bar(h, 100.0)).collect();
    let out = MassIndex::<f64>::new(2, 2).unwrap().batch(&candles);
    let talib = [2.35386632, 2.23153703, 1.76942654, 1.73635477];
    assert_eq!(out[..3], [None, None, None]);
    for (ours, theirs) in out[3..].iter().zip(talib) {
        assert!(
            (ours.unwrap() - theirs).abs() < 1e-8,
            "{ours:?} vs {theirs}"
        );
    }
    // talib.RVI(closes, 2, 2).
    let out = RelativeVolatility::<f64>::new(2, 2)
        .unwrap()
        .batch(&[10.0, 11.0, 12.0, 11.0, 13.0, 12.0, 14.0]);
    let talib = [100.0, 50.0, 83.33333333, 50.0, 80.76923077];
    for (ours, theirs) in out[2..].iter().zip(talib) {
        assert!(
            (ours.unwrap() - theirs).abs() < 1e-8,
            "{ours:?} vs {theirs}"
        );
    }
}

#[test]
fn a_candle_without_a_range_is_refused() {
    let inverted = bar(9.0, 11.0);
    let mut adr = AverageDayRange::new(2).unwrap();
    let mut cvi = ChaikinVolatility::new(2, 1).unwrap();
    let mut massi = MassIndex::new(2, 2).unwrap();
    for _ in 0..6 {
        adr.update(bar(11.0, 9.0));
        cvi.update(bar(11.0, 9.0));
        massi.update(bar(11.0, 9.0));
    }
    let (a, c, m) = (adr.clone(), cvi.clone(), massi.clone());
    assert_eq!(adr.try_update(inverted), Err(Error::InvalidInput));
    assert_eq!(cvi.try_update(inverted), Err(Error::InvalidInput));
    assert_eq!(massi.try_update(inverted), Err(Error::InvalidInput));
    assert_eq!(adr.update(inverted), a.value());
    assert_eq!(cvi.peek(inverted), c.value());
    assert_eq!(massi.update(inverted), m.value());
    assert_eq!((adr, cvi, massi), (a, c, m));
}

#[test]
fn cvi_saturates_after_its_average_decayed() {
    // Ranges of 1, then flat candles: the EMA(2) decays by 3 each bar, to about 1e-286;
    // then a range of 2e150 is a rate of change far beyond f64::MAX.
    let mut cvi = ChaikinVolatility::new(2, 1).unwrap();
    cvi.batch(&[bar(1.0, 0.0), bar(1.0, 0.0)]);
    for _ in 0..600 {
        cvi.update(bar(0.0, 0.0));
    }
    assert!(cvi.value().unwrap() > -100.0);
    assert_eq!(cvi.update(bar(1e150, -1e150)), Some(f64::MAX));
    let json = serde_json::to_string(&cvi).unwrap();
    assert_eq!(
        serde_json::from_str::<ChaikinVolatility>(&json).unwrap(),
        cvi
    );
}

#[test]
fn parameters_out_of_range_are_named() {
    let message = |e: Error| e.to_string();
    assert_eq!(
        message(ChaikinVolatility::<f64>::new(1, 10).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(ChaikinVolatility::<f64>::new(10, 0).unwrap_err()),
        "invalid parameter `roc_period` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(MassIndex::<f64>::new(9, 1).unwrap_err()),
        "invalid parameter `slow` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(MassIndex::<f64>::new(1, 25).unwrap_err()),
        "invalid parameter `fast` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(RelativeVolatility::<f64>::new(14, 1).unwrap_err()),
        "invalid parameter `std_period` = 1: expected 2..=100000"
    );
    assert!(RelativeVolatility::<f64>::new(0, 10).is_err());
    assert!(AverageDayRange::<f64>::new(0).is_err());
    assert_eq!(AverageDayRange::<f64>::default().warmup_period(), 14);
    assert_eq!(ChaikinVolatility::<f64>::default().warmup_period(), 20);
    assert_eq!(MassIndex::<f64>::default().warmup_period(), 41);
    assert_eq!(RelativeVolatility::<f64>::default().warmup_period(), 23);
    assert_eq!(MassIndex::<f64>::default().to_string(), "MASSI(9,25)");
    assert_eq!(
        RelativeVolatility::<f64>::default().to_string(),
        "RVI(14,10)"
    );
    assert_eq!(
        ChaikinVolatility::<f64>::default().to_string(),
        "CVI(10,10)"
    );
    assert_eq!(AverageDayRange::<f64>::default().to_string(), "ADR(14)");
}
