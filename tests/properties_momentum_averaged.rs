//! Properties of the momentum functions built on moving averages (APO, PPO, MACDEXT,
//! MACDFIX, TRIX, STOCH/STOCHF with any average, STOCHRSI, KDJ, TSI, SMI): the common
//! contract (`indicator_contract!`), each against a naive recomputation written from its
//! definition, bounds, refused inputs, parameter errors, known answers and events.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{candle, candles, flat_candle, prices, unusable};
use proptest::prelude::*;
use ta_stream::average::{Dema, Ema, Rma, Sma, Wma};
use ta_stream::bar::Candle;
use ta_stream::momentum::{
    Apo, Kdj, MaFastStochastic, MaStochastic, Macd, MacdExt, MacdFix, Ppo, Smi, StochRsi, Trix, Tsi,
};
use ta_stream::signal::{Cross, CrossLevel, ZoneEvent, Zones};
use ta_stream::{Error, Indicator};

fn refused_candle() -> impl Strategy<Value = Candle> {
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

/// Candles, or stretches of flat ones between them.
fn mixed_candles() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(120),
        prop::collection::vec(prop_oneof![2 => flat_candle(), 1 => candle()], 0..120),
    ]
}

/// Prices, or plateaus (flat stretches).
fn closes() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prices(120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..100),
    ]
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    apo,
    |n: usize| Apo::new(n % 9 + 2, n + 2, Ema::<f64>::new).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    ppo,
    |n: usize| Ppo::new(n + 2, n % 5 + 2, Wma::<f64>::new).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    macdext,
    |n: usize| MacdExt::new(
        Ema::new(n % 7 + 2).unwrap(),
        Dema::new(n + 2).unwrap(),
        Sma::new(n % 4 + 1).unwrap()
    ),
    closes(),
    unusable()
);
indicator_contract!(
    macdfix,
    |n: usize| MacdFix::<f64>::new(n).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(trix, |n| Trix::<f64>::new(n).unwrap(), closes(), unusable());
indicator_contract!(
    tsi,
    |n: usize| Tsi::<f64>::new(n, n % 6 + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    stochrsi,
    |n: usize| StochRsi::new(n % 9 + 1, n, Ema::new(n % 4 + 1).unwrap()).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    ma_stochastic,
    |n: usize| MaStochastic::new(n, Ema::new(n % 5 + 1).unwrap(), Wma::new(3).unwrap()).unwrap(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    ma_fast_stochastic,
    |n: usize| MaFastStochastic::new(n, Rma::new(n % 5 + 1).unwrap()).unwrap(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    kdj,
    |n: usize| Kdj::new(n, Rma::new(3).unwrap(), Rma::new(n % 4 + 1).unwrap()).unwrap(),
    mixed_candles(),
    refused_candle()
);
indicator_contract!(
    smi,
    |n: usize| Smi::<f64>::new(n, n % 3 + 1, n % 7 + 1, n % 5 + 1).unwrap(),
    mixed_candles(),
    refused_candle()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

/// TA-Lib's EMA over `n` with smoothing `k`, fed from the first `Some` of `xs`: `None` until
/// seeded with the mean of its first `n` inputs.
fn naive_ema_k(xs: &[Option<f64>], n: usize, k: f64) -> Vec<Option<f64>> {
    let mut seen = Vec::new();
    let mut ema: Option<f64> = None;
    xs.iter()
        .map(|x| {
            let x = (*x)?;
            ema = match ema {
                Some(e) => Some((x - e) * k + e),
                None => {
                    seen.push(x);
                    (seen.len() == n).then(|| seen.iter().sum::<f64>() / n as f64)
                }
            };
            ema
        })
        .collect()
}

fn naive_ema(xs: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    naive_ema_k(xs, n, 2.0 / (n as f64 + 1.0))
}

/// Wilder's average: seeded with the mean, then `(s·(n − 1) + x)/n`.
fn naive_rma(xs: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    naive_ema_k(xs, n, 1.0 / n as f64)
}

fn naive_sma(xs: &[Option<f64>], n: usize) -> Vec<Option<f64>> {
    (0..xs.len())
        .map(|i| {
            let window = xs.get((i + 1).checked_sub(n)?..=i)?;
            let values: Option<Vec<f64>> = window.iter().copied().collect();
            Some(values?.iter().sum::<f64>() / n as f64)
        })
        .collect()
}

fn some(xs: &[f64]) -> Vec<Option<f64>> {
    xs.iter().copied().map(Some).collect()
}

fn close_to(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()).max(1.0)
}

/// Highest high and lowest low of the last `n` candles.
fn extremes(cs: &[Candle], i: usize, n: usize) -> Option<(f64, f64)> {
    let window = cs.get((i + 1).checked_sub(n)?..=i)?;
    let high = window.iter().map(|c| c.high).fold(f64::MIN, f64::max);
    let low = window.iter().map(|c| c.low).fold(f64::MAX, f64::min);
    Some((high, low))
}

/// TA-Lib's fast %K: 0 for a flat window.
fn naive_fast_k(high: f64, low: f64, close: f64) -> f64 {
    if high - low <= 1e-14 * (high.abs() + low.abs()) {
        0.0
    } else {
        100.0 * (close - low) / (high - low)
    }
}

/// `0..=100` up to TA-Lib's rounding of %K.
fn in_percent(x: f64) -> bool {
    (0.0..=100.0 + 1e-9).contains(&x)
}

/// Wilder's RSI, 0 when flat (TA-Lib).
fn naive_rsi(xs: &[f64], n: usize) -> Vec<Option<f64>> {
    let mut changes = vec![None];
    changes.extend(xs.windows(2).map(|w| Some(w[1] - w[0])));
    let gains: Vec<_> = changes.iter().map(|c| c.map(|c| c.max(0.0))).collect();
    let losses: Vec<_> = changes.iter().map(|c| c.map(|c| (-c).max(0.0))).collect();
    let (gain, loss) = (naive_rma(&gains, n), naive_rma(&losses, n));
    gain.iter()
        .zip(&loss)
        .map(|(g, l)| {
            let (g, l) = ((*g)?, (*l)?);
            Some(if g + l == 0.0 {
                0.0
            } else {
                100.0 * g / (g + l)
            })
        })
        .collect()
}

fn assert_close(
    out: &[Option<f64>],
    expected: &[Option<f64>],
    relative: f64,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(out.len(), expected.len());
    for (i, (o, e)) in out.iter().zip(expected).enumerate() {
        prop_assert_eq!(o.is_some(), e.is_some(), "index {}", i);
        if let (Some(o), Some(e)) = (o, e) {
            prop_assert!(close_to(*o, *e, relative), "index {}: {} vs {}", i, o, e);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn apo_and_ppo_are_the_difference_of_two_averages(fast in 2..12usize, slow in 2..30usize, xs in closes()) {
        let (f, s) = (fast.min(slow), fast.max(slow));
        let (short, long) = (naive_ema(&some(&xs), f), naive_ema(&some(&xs), s));
        let apo: Vec<_> = short.iter().zip(&long).map(|(a, b)| Some(a.zip(*b)?.0 - b.unwrap())).collect();
        let ppo: Vec<_> = short.iter().zip(&long).map(|(a, b)| {
            let (a, b) = ((*a)?, (*b)?);
            Some(if b.abs() < 1e-8 { 0.0 } else { 100.0 * (a - b) / b })
        }).collect();
        assert_close(&Apo::new(fast, slow, Ema::<f64>::new).unwrap().batch(&xs), &apo, 1e-9)?;
        assert_close(&Ppo::new(fast, slow, Ema::<f64>::new).unwrap().batch(&xs), &ppo, 1e-9)?;
    }

    #[test]
    fn macdext_of_smas_is_the_sma_of_the_sma_difference(fast in 2..10usize, slow in 2..25usize, signal in 1..8usize, xs in closes()) {
        let (f, s) = (fast.min(slow), fast.max(slow));
        let (short, long) = (naive_sma(&some(&xs), f), naive_sma(&some(&xs), s));
        let line: Vec<_> = short.iter().zip(&long).map(|(a, b)| Some((*a)? - (*b)?)).collect();
        let smoothed = naive_sma(&line, signal);
        let out = MacdExt::new(Sma::new(f).unwrap(), Sma::new(s).unwrap(), Sma::new(signal).unwrap()).batch(&xs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), smoothed[i].is_some(), "index {}", i);
            if let Some(v) = value {
                prop_assert!(close_to(v.macd, line[i].unwrap(), 1e-9));
                prop_assert!(close_to(v.signal, smoothed[i].unwrap(), 1e-9));
                prop_assert_eq!(v.histogram, v.macd - v.signal);
            }
        }
    }

    #[test]
    fn macdfix_uses_the_fixed_constants_and_talibs_seeding(signal in 1..12usize, xs in prices(90)) {
        let slow = naive_ema_k(&some(&xs), 26, 0.075);
        let late: Vec<Option<f64>> = xs.iter().enumerate().map(|(i, &x)| (i >= 14).then_some(x)).collect();
        let fast = naive_ema_k(&late, 12, 0.15);
        let line: Vec<_> = fast.iter().zip(&slow).map(|(a, b)| Some((*a)? - (*b)?)).collect();
        let smoothed = naive_ema(&line, signal);
        let out = MacdFix::new(signal).unwrap().batch(&xs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), smoothed[i].is_some(), "index {}", i);
            if let Some(v) = value {
                prop_assert!(close_to(v.macd, line[i].unwrap(), 1e-9));
                prop_assert!(close_to(v.signal, smoothed[i].unwrap(), 1e-9));
            }
        }
    }

    #[test]
    fn trix_is_the_rate_of_change_of_a_triple_ema(period in 1..12usize, xs in closes()) {
        let triple = naive_ema(&naive_ema(&naive_ema(&some(&xs), period), period), period);
        let expected: Vec<_> = (0..xs.len()).map(|i| {
            let (now, before) = (triple[i]?, triple[i.checked_sub(1)?]?);
            Some(if before == 0.0 { 0.0 } else { 100.0 * (now / before - 1.0) })
        }).collect();
        assert_close(&Trix::new(period).unwrap().batch(&xs), &expected, 1e-9)?;
    }

    #[test]
    fn tsi_is_the_double_smoothed_change_over_its_size(first in 1..15usize, second in 1..10usize, xs in closes()) {
        let mut changes = vec![None];
        changes.extend(xs.windows(2).map(|w| Some(w[1] - w[0])));
        let sizes: Vec<_> = changes.iter().map(|c| c.map(f64::abs)).collect();
        let num = naive_ema(&naive_ema(&changes, first), second);
        let den = naive_ema(&naive_ema(&sizes, first), second);
        let expected: Vec<_> = num.iter().zip(&den).map(|(n, d)| {
            let (n, d) = ((*n)?, (*d)?);
            Some(if d == 0.0 { 0.0 } else { 100.0 * n / d })
        }).collect();
        let out = Tsi::new(first, second).unwrap().batch(&xs);
        for value in out.iter().flatten() {
            prop_assert!((-100.0..=100.0).contains(value));
        }
        // Sizes that decayed to rounding noise make the ratio noise in both.
        let comparable: Vec<_> = expected.iter().zip(&den).map(|(e, d)| match d {
            Some(d) if *d != 0.0 && *d < 1e-9 => None,
            _ => *e,
        }).collect();
        for (i, (o, e)) in out.iter().zip(&comparable).enumerate() {
            prop_assert_eq!(o.is_some(), expected[i].is_some(), "index {}", i);
            if let (Some(o), Some(e)) = (o, e) {
                prop_assert!(close_to(*o, *e, 1e-9), "index {}: {} vs {}", i, o, e);
            }
        }
    }

    #[test]
    fn stochastics_with_any_average_smooth_fast_k(fast_k in 1..15usize, k in 1..6usize, d in 1..6usize, cs in mixed_candles()) {
        let fast: Vec<_> = (0..cs.len()).map(|i| {
            let (high, low) = extremes(&cs, i, fast_k)?;
            Some(naive_fast_k(high, low, cs[i].close))
        }).collect();
        let slow_k = naive_ema(&fast, k);
        let slow_d = naive_rma(&slow_k, d);
        let out = MaStochastic::new(fast_k, Ema::new(k).unwrap(), Rma::new(d).unwrap()).unwrap().batch(&cs);
        let kdj = Kdj::new(fast_k, Ema::new(k).unwrap(), Rma::new(d).unwrap()).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), slow_d[i].is_some(), "index {}", i);
            prop_assert_eq!(kdj[i].is_some(), value.is_some());
            if let (Some(v), Some(j)) = (value, kdj[i]) {
                prop_assert!(close_to(v.k, slow_k[i].unwrap(), 1e-9));
                prop_assert!(close_to(v.d, slow_d[i].unwrap(), 1e-9));
                prop_assert!(in_percent(v.k) && in_percent(v.d));
                prop_assert_eq!((j.k, j.d), (v.k, v.d));
                prop_assert!(close_to(j.j, 3.0 * v.k - 2.0 * v.d, 1e-12));
                prop_assert!((-200.0 - 1e-9..=300.0 + 1e-9).contains(&j.j));
            }
        }
        let fast_d = naive_ema(&fast, d);
        let out = MaFastStochastic::new(fast_k, Ema::new(d).unwrap()).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), fast_d[i].is_some(), "index {}", i);
            if let Some(v) = value {
                prop_assert!(close_to(v.k, fast[i].unwrap(), 1e-12));
                prop_assert!(close_to(v.d, fast_d[i].unwrap(), 1e-9));
            }
        }
    }

    #[test]
    fn stochrsi_is_the_fast_stochastic_of_the_rsi(period in 1..15usize, fast_k in 1..10usize, d in 1..5usize, xs in closes()) {
        let rsi = naive_rsi(&xs, period);
        let fast: Vec<_> = (0..xs.len()).map(|i| {
            let window = rsi.get((i + 1).checked_sub(fast_k)?..=i)?;
            let values: Vec<f64> = window.iter().copied().collect::<Option<_>>()?;
            let high = values.iter().copied().fold(f64::MIN, f64::max);
            let low = values.iter().copied().fold(f64::MAX, f64::min);
            Some(naive_fast_k(high, low, values[values.len() - 1]))
        }).collect();
        let fast_d = naive_sma(&fast, d);
        let out = StochRsi::new(period, fast_k, Sma::new(d).unwrap()).unwrap().batch(&xs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), fast_d[i].is_some(), "index {}", i);
            if let Some(v) = value {
                prop_assert!(in_percent(v.k) && in_percent(v.d));
                // A window flat but for rounding reads 0 in one and not the other: skip it.
                let window_span = rsi[i + 1 - fast_k..=i].iter().flatten().fold((f64::MAX, f64::MIN), |(lo, hi), &r| (lo.min(r), hi.max(r)));
                if window_span.1 - window_span.0 > 1e-9 {
                    prop_assert!(close_to(v.k, fast[i].unwrap(), 1e-7), "index {}: {} vs {:?}", i, v.k, fast[i]);
                }
            }
        }
    }

    #[test]
    fn smi_is_the_double_smoothed_position_in_the_range(n in 1..12usize, fast in 1..5usize, slow in 1..12usize, signal in 1..6usize, cs in mixed_candles()) {
        let (mut middle, mut range) = (Vec::new(), Vec::new());
        for i in 0..cs.len() {
            let e = extremes(&cs, i, n);
            middle.push(e.map(|(h, l)| cs[i].close - (h + l) / 2.0));
            range.push(e.map(|(h, l)| h - l));
        }
        let num = naive_ema(&naive_ema(&middle, slow), fast);
        let den = naive_ema(&naive_ema(&range, slow), fast);
        let smi: Vec<_> = num.iter().zip(&den).map(|(m, r)| {
            let (m, r) = ((*m)?, (*r)?);
            Some(if r == 0.0 { 0.0 } else { 100.0 * m / (r / 2.0) })
        }).collect();
        let smoothed = naive_ema(&smi, signal);
        let out = Smi::new(n, fast, slow, signal).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), smoothed[i].is_some(), "index {}", i);
            if let Some(v) = value {
                prop_assert!((-100.0..=100.0).contains(&v.smi) && (-100.0..=100.0).contains(&v.signal));
                if den[i].unwrap() == 0.0 || den[i].unwrap() > 1e-9 {
                    prop_assert!(close_to(v.smi, smi[i].unwrap(), 1e-9), "index {}: {} vs {:?}", i, v.smi, smi[i]);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, edge cases, parameter errors, events

#[test]
fn ppo_is_zero_below_talibs_zero_divisor() {
    // Slow SMA 5e-9: below TA-Lib's 1e-8, PPO 0; at 1e-7 it divides.
    let mut ppo = Ppo::new(2, 3, Sma::<f64>::new).unwrap();
    let out = ppo.batch(&[5e-9, 5e-9, 5e-9, 1e-7]);
    assert_eq!(out[2], Some(0.0));
    let mut ppo = Ppo::new(2, 3, Sma::<f64>::new).unwrap();
    let out = ppo.batch(&[1e-7, 1e-7, 1e-7, 4e-7]);
    assert!((out[3].unwrap() - 100.0 * (2.5e-7 - 2e-7) / 2e-7).abs() < 1e-9);
}

#[test]
fn flat_series_read_zero() {
    let flat = [5.0; 80];
    assert_eq!(Trix::new(3).unwrap().batch(&flat)[79], Some(0.0));
    let macd = Macd::new(12, 26, 9).unwrap().batch(&flat)[79].unwrap();
    assert_eq!((macd.macd, macd.signal, macd.histogram), (0.0, 0.0, 0.0));
    let mut columns = [[f64::NAN; 80]; 3];
    let [line, signal, histogram] = &mut columns;
    Macd::new(12, 26, 9)
        .unwrap()
        .lines_into(&flat, line, signal, histogram)
        .unwrap();
    assert!(columns
        .iter()
        .all(|column| column[33..].iter().all(|&x| x == 0.0)));
    // 15.49·(1 − k) + 15.49·k rounds to 15.490000000000002 for k = 2/5: a step must keep an
    // average its input equals as it is, not recompute it.
    let repeated = [15.49; 40];
    let averages = Ema::new(4).unwrap().batch(&repeated);
    assert!(averages[3..].iter().all(|&x| x == Some(15.49)));
    assert_eq!(Tsi::new(3, 2).unwrap().batch(&flat)[79], Some(0.0));
    assert_eq!(
        Apo::new(3, 5, Ema::<f64>::new).unwrap().batch(&flat)[79],
        Some(0.0)
    );
    let candle = Candle::new(5.0, 5.0, 5.0, 5.0, 0.0).unwrap();
    let out = Smi::new(3, 2, 3, 2).unwrap().batch(&[candle; 20]);
    assert_eq!(out[19].map(|o| (o.smi, o.signal)), Some((0.0, 0.0)));
    // STOCHRSI of a flat series: RSI 0 (TA-Lib), a flat window: %K 0.
    let out = StochRsi::new(3, 2, Sma::new(2).unwrap())
        .unwrap()
        .batch(&flat);
    assert_eq!(out[79].map(|o| (o.k, o.d)), Some((0.0, 0.0)));
}

#[test]
fn periods_are_swapped_as_talib_swaps_them() {
    let xs: Vec<f64> = (0..60)
        .map(|i| 100.0 + (i as f64 * 0.7).sin() * 5.0)
        .collect();
    assert_eq!(
        Apo::new(26, 12, Ema::<f64>::new).unwrap().batch(&xs),
        Apo::new(12, 26, Ema::<f64>::new).unwrap().batch(&xs)
    );
    assert_eq!(
        Ppo::new(9, 3, Sma::<f64>::new).unwrap().to_string(),
        "PPO(3,9,SMA)"
    );
}

#[test]
fn parameter_errors_name_the_parameter_value_and_range() {
    let expect = |result: Result<(), Error>, name: &str, value: &str, range: &str| match result {
        Err(Error::InvalidParameter {
            name: n,
            value: v,
            expected,
        }) => {
            assert_eq!((n, v.as_str(), expected), (name, value, range));
        }
        other => panic!("expected an error for {name}, got {other:?}"),
    };
    expect(
        Apo::new(1, 26, Ema::<f64>::new).map(drop),
        "fast",
        "1",
        "2..=100000",
    );
    expect(
        Ppo::new(12, 100001, Ema::<f64>::new).map(drop),
        "slow",
        "100001",
        "2..=100000",
    );
    expect(
        MacdFix::<f64>::new(0).map(drop),
        "signal",
        "0",
        "1..=100000",
    );
    expect(Trix::<f64>::new(0).map(drop), "period", "0", "1..=100000");
    expect(
        Tsi::<f64>::new(25, 0).map(drop),
        "second",
        "0",
        "1..=100000",
    );
    expect(
        Smi::<f64>::new(13, 0, 25, 9).map(drop),
        "fast",
        "0",
        "1..=100000",
    );
    expect(
        StochRsi::new(0, 5, Sma::<f64>::new(3).unwrap()).map(drop),
        "period",
        "0",
        "1..=100000",
    );
    expect(
        MaStochastic::new(0, Sma::<f64>::new(3).unwrap(), Sma::new(3).unwrap()).map(drop),
        "fast_k",
        "0",
        "1..=100000",
    );
    let refused = MacdExt::new(
        Sma::<f64>::new(2).unwrap(),
        Sma::new(3).unwrap(),
        Sma::new(2).unwrap(),
    )
    .try_update(1e149);
    assert_eq!(refused, Err(Error::InvalidInput));
}

#[test]
fn labels() {
    let kdj: Kdj = Kdj::default();
    assert_eq!(kdj.to_string(), "KDJ(9,RMA(3),RMA(3))");
    let stoch_rsi: StochRsi = StochRsi::default();
    assert_eq!(stoch_rsi.to_string(), "STOCHRSI(14,5,SMA(3))");
    assert_eq!(MacdFix::<f64>::default().to_string(), "MACDFIX(9)");
    assert_eq!(Tsi::<f64>::default().to_string(), "TSI(25,13)");
}

#[test]
fn ppo_crossing_zero_is_a_cross_of_the_level() {
    let xs = [10.0, 9.0, 8.0, 7.0, 8.0, 10.0, 12.0, 11.0, 9.0, 7.0];
    let mut ppo = Ppo::new(2, 4, Sma::<f64>::new).unwrap();
    let mut zero_line = CrossLevel::new(0.0).unwrap();
    let events: Vec<Option<Cross>> = xs
        .iter()
        .filter_map(|&x| ppo.update(x))
        .map(|p| zero_line.update(p).flatten())
        .collect();
    // PPO: −11.8, −6.25, positive from the sixth input (9 vs 8.25), negative at the ninth.
    assert_eq!(events.iter().flatten().count(), 2);
    assert_eq!(events.iter().flatten().next(), Some(&Cross::Above));
    assert_eq!(events.iter().flatten().last(), Some(&Cross::Below));
}

#[test]
fn stochrsi_leaving_overbought_is_a_zone_exit() {
    let mut stoch_rsi = StochRsi::new(2, 2, Sma::new(1).unwrap()).unwrap();
    let mut zones = Zones::new(80.0, 20.0).unwrap();
    let exits: Vec<_> = [1.0, 2.0, 3.0, 2.5, 3.0, 2.9]
        .iter()
        .filter_map(|&x| stoch_rsi.update(x))
        .filter_map(|out| zones.update(out.k))
        .map(|reading| reading.exit())
        .collect();
    assert_eq!(
        exits,
        [
            None,
            Some(ZoneEvent::LeftOversold),
            Some(ZoneEvent::LeftOverbought)
        ]
    );
}

/// `%K` is exactly 100 when the close is the window's high (`(HH − LL)/(HH − LL) = 1`), for
/// spreads where `x/(x/100)` rounds to 99.99999999999999 (the older evaluation, which made
/// KAMA over `%K` read a stretch at 100 as noise); TA-Lib 0.8.1 gives 100 too.
#[test]
fn fast_k_is_exactly_100_at_the_window_high() {
    for (low, high) in [(0.0, 0.9), (1.0, 4.5), (10.0, 10.1)] {
        let bottom = Candle::new(low, low, low, low, 0.0).unwrap();
        let top = Candle::new(high, high, high, high, 0.0).unwrap();
        let mut stochastic = MaFastStochastic::new(2, Sma::new(1).unwrap()).unwrap();
        let out = stochastic.batch(&[bottom, top, top, top]);
        assert_eq!(out[1].map(|o| o.k), Some(100.0), "{low}..{high}");
        assert_eq!(out[3].map(|o| o.k), Some(0.0), "{low}..{high}: flat window");
        let mut stochastic = MaFastStochastic::new(3, Sma::new(1).unwrap()).unwrap();
        let out = stochastic.batch(&[bottom, top, top]);
        assert_eq!(out[2].map(|o| o.k), Some(100.0), "{low}..{high}");
    }
}
