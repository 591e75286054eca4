//! Properties of the momentum functions of window highs and lows (AROON, AROONOSC, CCI,
//! WILLR, ULTOSC, VHF, ERI, FRACTAL, AO, AC): the common contract (`indicator_contract!`),
//! each against a naive recomputation written from its definition, bounds, refused inputs,
//! events read with the crate's signal types, known answers and parameter errors.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{candle, candles, flat_candle, prices, unusable};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::levels::SwingReading;
use ta_stream::momentum::{
    Accelerator, Aroon, AroonOscillator, AwesomeOscillator, Cci, ElderRay, Fractal,
    UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};
use ta_stream::signal::{Cross, CrossLevel, Crossover, ZoneEvent, Zones};
use ta_stream::window::{Extremum, MonotonicDeque};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Strategies

/// Ordinary candles, or runs with flat ones among them (flat windows, ties of extremes).
fn bars() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(120),
        prop::collection::vec(prop_oneof![1 => flat_candle(), 1 => candle()], 0..120),
        // Few distinct levels: ties of highs and lows everywhere.
        prop::collection::vec(
            prop::sample::select(vec![(9.0, 10.0), (10.0, 11.0), (9.0, 11.0), (10.0, 10.0)]),
            0..120
        )
        .prop_map(|hl| hl
            .into_iter()
            .map(|(low, high)| Candle {
                open: low,
                high,
                low,
                close: high,
                volume: 0.0
            })
            .collect()),
    ]
}

/// A candle with an unusable number.
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

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    aroon,
    |n: usize| Aroon::<f64>::new(n + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    aroonosc,
    |n: usize| AroonOscillator::<f64>::new(n + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    cci,
    |n: usize| Cci::<f64>::new(n + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    willr,
    |n: usize| WilliamsR::<f64>::new(n + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    ultosc,
    |n: usize| UltimateOscillator::<f64>::new(n % 5 + 1, n, n % 11 + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    vhf,
    |n: usize| VerticalHorizontalFilter::<f64>::new(n + 1).unwrap(),
    prices(120),
    unusable()
);
indicator_contract!(
    eri,
    |n: usize| ElderRay::<f64>::new(n).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    fractal,
    |n: usize| Fractal::<f64>::new(n % 4 + 1, n % 3 + 1).unwrap(),
    bars(),
    refused_candle(),
    quiet = |last: Option<SwingReading<f64>>| last.map(|_| SwingReading::default())
);
indicator_contract!(
    ao,
    |n: usize| AwesomeOscillator::<f64>::new(n % 6 + 2, n + 1).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    ac,
    |n: usize| Accelerator::<f64>::new(n % 6 + 2, n + 1, n % 4 + 2).unwrap(),
    bars(),
    refused_candle()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

fn close_to(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()).max(1.0)
}

/// Bars since the extreme of `window` (the newest on ties); `better(a, b)`: a beats b.
fn age_of_extreme(window: &[f64], better: impl Fn(f64, f64) -> bool) -> usize {
    let mut best = 0;
    for (i, &x) in window.iter().enumerate() {
        if !better(window[best], x) {
            best = i;
        }
    }
    window.len() - 1 - best
}

fn naive_sma(xs: &[f64], n: usize, i: usize) -> Option<f64> {
    (i + 1 >= n).then(|| xs[i + 1 - n..=i].iter().sum::<f64>() / n as f64)
}

fn naive_ema(xs: &[f64], n: usize) -> Vec<Option<f64>> {
    let k = 2.0 / (n as f64 + 1.0);
    let mut ema = None;
    xs.iter()
        .enumerate()
        .map(|(i, &x)| {
            ema = match ema {
                None if i + 1 == n => Some(xs[..n].iter().sum::<f64>() / n as f64),
                None => None,
                Some(e) => Some((x - e) * k + e),
            };
            ema
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn peek_age_is_the_age_after_a_push(period in 1..20usize, xs in prop::collection::vec(prop::sample::select(vec![1.0, 2.0, 3.0]), 0..80), max in any::<bool>()) {
        let extremum = if max { Extremum::Max } else { Extremum::Min };
        let mut deque = MonotonicDeque::new(period, extremum).unwrap();
        for &x in &xs {
            let peeked = deque.peek_age(x);
            deque.push(x);
            prop_assert_eq!(Some(peeked), deque.extreme_age());
        }
    }

    #[test]
    fn aroon_counts_bars_since_the_newest_extreme(period in 2..30usize, cs in bars()) {
        let out = Aroon::new(period).unwrap().batch(&cs);
        let osc = AroonOscillator::new(period).unwrap().batch(&cs);
        let highs: Vec<f64> = cs.iter().map(|c| c.high).collect();
        let lows: Vec<f64> = cs.iter().map(|c| c.low).collect();
        for i in 0..cs.len() {
            if i < period {
                prop_assert_eq!(out[i], None);
                prop_assert_eq!(osc[i], None);
                continue;
            }
            let high_age = age_of_extreme(&highs[i - period..=i], |a, b| a > b);
            let low_age = age_of_extreme(&lows[i - period..=i], |a, b| a < b);
            let line = |age: usize| 100.0 * (period - age) as f64 / period as f64;
            let a = out[i].unwrap();
            prop_assert!(close_to(a.up, line(high_age), 1e-12), "index {}: up {}", i, a.up);
            prop_assert!(close_to(a.down, line(low_age), 1e-12), "index {}: down {}", i, a.down);
            prop_assert!((0.0..=100.0).contains(&a.up) && (0.0..=100.0).contains(&a.down));
            let o = osc[i].unwrap();
            prop_assert!(close_to(o, a.up - a.down, 1e-12), "index {}: osc {}", i, o);
            prop_assert!((-100.0..=100.0).contains(&o));
        }
    }

    #[test]
    fn cci_is_the_scaled_deviation_of_the_typical_price(period in 2..30usize, cs in bars()) {
        let out = Cci::new(period).unwrap().batch(&cs);
        let tp: Vec<f64> = cs.iter().map(|c| (c.high + c.low + c.close) / 3.0).collect();
        for (i, value) in out.iter().enumerate() {
            let Some(mean) = naive_sma(&tp, period, i) else {
                prop_assert_eq!(*value, None);
                continue;
            };
            let window = &tp[i + 1 - period..=i];
            let deviation = window.iter().map(|x| (x - mean).abs()).sum::<f64>() / period as f64;
            let v = value.unwrap();
            prop_assert!(v.abs() <= period as f64 / 0.03 * (1.0 + 1e-12));
            // A deviation at the rounding of the prices is noise in both.
            if deviation > 1e-9 * mean.abs() {
                let naive = (tp[i] - mean) / (0.015 * deviation);
                prop_assert!((v - naive).abs() <= 1e-6 * naive.abs().max(1.0), "index {}: {} vs {}", i, v, naive);
            } else if window.iter().all(|&x| x == window[0]) {
                prop_assert_eq!(v, 0.0);
            }
        }
    }

    #[test]
    fn willr_places_the_close_in_the_window(period in 2..30usize, cs in bars()) {
        let out = WilliamsR::new(period).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            if i + 1 < period {
                prop_assert_eq!(*value, None);
                continue;
            }
            let window = &cs[i + 1 - period..=i];
            let hh = window.iter().map(|c| c.high).fold(f64::MIN, f64::max);
            let ll = window.iter().map(|c| c.low).fold(f64::MAX, f64::min);
            let v = value.unwrap();
            prop_assert!((-100.0..=0.0).contains(&v));
            let naive = if hh - ll <= 1e-14 * (hh.abs() + ll.abs()) { 0.0 } else { -100.0 * (hh - cs[i].close) / (hh - ll) };
            prop_assert!((v - naive).abs() <= 1e-9, "index {}: {} vs {}", i, v, naive);
        }
    }

    #[test]
    fn ultosc_weights_three_pressure_ratios(p1 in 1..10usize, p2 in 1..20usize, p3 in 1..30usize, cs in bars()) {
        let out = UltimateOscillator::new(p1, p2, p3).unwrap().batch(&cs);
        let mut periods = [p1, p2, p3];
        periods.sort_unstable();
        let (mut bp, mut tr) = (vec![f64::NAN], vec![f64::NAN]);
        for w in cs.windows(2) {
            let (prev, c) = (w[0].close, w[1]);
            bp.push(c.close - c.low.min(prev));
            tr.push(c.high.max(prev) - c.low.min(prev));
        }
        for (i, value) in out.iter().enumerate() {
            if i < periods[2] {
                prop_assert_eq!(*value, None);
                continue;
            }
            let ratio = |p: usize| {
                let b: f64 = bp[i + 1 - p..=i].iter().sum();
                let t: f64 = tr[i + 1 - p..=i].iter().sum();
                if t == 0.0 { 0.0 } else { b / t }
            };
            let naive = 100.0 * (4.0 * ratio(periods[0]) + 2.0 * ratio(periods[1]) + ratio(periods[2])) / 7.0;
            let v = value.unwrap();
            prop_assert!((0.0..=100.0).contains(&v));
            prop_assert!((v - naive).abs() <= 1e-9, "index {}: {} vs {}", i, v, naive);
        }
    }

    #[test]
    fn vhf_is_range_over_path(period in 2..30usize, xs in prop_oneof![prices(120), prop::collection::vec(prop::sample::select(vec![5.0, 6.0]), 0..80)]) {
        let out = VerticalHorizontalFilter::new(period).unwrap().batch(&xs);
        for (i, value) in out.iter().enumerate() {
            if i < period {
                prop_assert_eq!(*value, None);
                continue;
            }
            let closes = &xs[i + 1 - period..=i];
            let range = closes.iter().fold(f64::MIN, |a, &b| a.max(b)) - closes.iter().fold(f64::MAX, |a, &b| a.min(b));
            let path: f64 = xs[i - period..=i].windows(2).map(|w| (w[1] - w[0]).abs()).sum();
            let naive = if path == 0.0 { 0.0 } else { range / path };
            let v = value.unwrap();
            prop_assert!((0.0..=1.0).contains(&v));
            prop_assert!(close_to(v, naive, 1e-12), "index {}: {} vs {}", i, v, naive);
        }
    }

    #[test]
    fn eri_measures_high_and_low_against_the_ema(period in 1..30usize, cs in bars()) {
        let closes: Vec<f64> = cs.iter().map(|c| c.close).collect();
        let ema = naive_ema(&closes, period);
        let out = ElderRay::new(period).unwrap().batch(&cs);
        for (i, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), ema[i].is_some());
            if let (Some(v), Some(e)) = (value, ema[i]) {
                prop_assert!(close_to(v.bull, cs[i].high - e, 1e-9));
                prop_assert!(close_to(v.bear, cs[i].low - e, 1e-9));
                prop_assert!(v.bear <= v.bull);
            }
        }
    }

    #[test]
    fn fractals_are_strict_extremes_confirmed_right_bars_later(left in 1..5usize, right in 1..5usize, cs in bars()) {
        let out = Fractal::new(left, right).unwrap().batch(&cs);
        for (t, value) in out.iter().enumerate() {
            if t < left + right {
                prop_assert_eq!(*value, None);
                continue;
            }
            let k = t - right;
            let others = (k - left..=t).filter(|&j| j != k);
            let high = others.clone().all(|j| cs[k].high > cs[j].high);
            let low = others.clone().all(|j| cs[k].low < cs[j].low);
            let r = value.unwrap();
            prop_assert_eq!(r.high.is_some(), high, "bar {}", t);
            prop_assert_eq!(r.low.is_some(), low, "bar {}", t);
            for s in r.pivots() {
                prop_assert_eq!((s.index, s.bars_ago), (k as u64, right as u64));
            }
        }
    }

    #[test]
    fn ao_and_ac_are_differences_of_smas_of_the_median(fast in 2..10usize, slow in 2..20usize, signal in 2..6usize, cs in bars()) {
        let median: Vec<f64> = cs.iter().map(|c| (c.high + c.low) / 2.0).collect();
        let ao_out = AwesomeOscillator::new(fast, slow).unwrap().batch(&cs);
        let ac_out = Accelerator::new(fast, slow, signal).unwrap().batch(&cs);
        let ao: Vec<Option<f64>> = (0..cs.len())
            .map(|i| Some(naive_sma(&median, fast, i)? - naive_sma(&median, slow, i)?))
            .collect();
        for i in 0..cs.len() {
            prop_assert_eq!(ao_out[i].is_some(), ao[i].is_some());
            if let (Some(v), Some(e)) = (ao_out[i], ao[i]) {
                prop_assert!((v - e).abs() <= 1e-9 * median[i].abs().max(1.0), "AO index {}", i);
            }
            let window = i.checked_sub(signal - 1).map(|start| &ao[start..=i]);
            let ac = window
                .filter(|w| w.iter().all(Option::is_some))
                .map(|w| ao[i].unwrap() - w.iter().flatten().sum::<f64>() / signal as f64);
            prop_assert_eq!(ac_out[i].is_some(), ac.is_some(), "AC index {}", i);
            if let (Some(v), Some(e)) = (ac_out[i], ac) {
                prop_assert!((v - e).abs() <= 1e-9 * median[i].abs().max(1.0), "AC index {}", i);
            }
        }
    }

    #[test]
    fn events_are_read_with_the_signal_types(cs in candles(120)) {
        // Aroon up crossing Aroon down; CCI crossing +100; %R leaving −20 / −80.
        let aroon = Aroon::new(5).unwrap().batch(&cs);
        let cci = Cci::new(5).unwrap().batch(&cs);
        let willr = WilliamsR::new(5).unwrap().batch(&cs);
        let (mut crossover, mut level) = (Crossover::new(), CrossLevel::new(100.0).unwrap());
        let mut zones = Zones::new(-20.0, -80.0).unwrap();
        let mut previous: Option<(f64, f64, f64)> = None;
        for i in 0..cs.len() {
            let (Some(a), Some(c), Some(w)) = (aroon[i], cci[i], willr[i]) else { continue };
            let cross = crossover.update((a.up, a.down)).flatten();
            let cci_cross = level.update(c).flatten();
            let left: Vec<ZoneEvent> = zones.update(w).map(|r| r.events().collect()).unwrap_or_default();
            if let Some((pa, pc, pw)) = previous {
                let expect = (a.up > a.down && pa <= 0.0).then_some(Cross::Above)
                    .or((a.up < a.down && pa >= 0.0).then_some(Cross::Below));
                prop_assert_eq!(cross, expect, "aroon at {}", i);
                let expect = (c > 100.0 && pc <= 100.0).then_some(Cross::Above)
                    .or((c < 100.0 && pc >= 100.0).then_some(Cross::Below));
                prop_assert_eq!(cci_cross, expect, "cci at {}", i);
                prop_assert_eq!(left.contains(&ZoneEvent::LeftOverbought), pw > -20.0 && w <= -20.0, "willr at {}", i);
                prop_assert_eq!(left.contains(&ZoneEvent::LeftOversold), pw < -80.0 && w >= -80.0, "willr at {}", i);
            }
            previous = Some((a.up - a.down, c, w));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, edges and errors

fn bar(high: f64, low: f64, close: f64) -> Candle {
    Candle {
        open: close,
        high,
        low,
        close,
        volume: 0.0,
    }
}

/// The series of the TA-Lib known answers: highs, lows 2 below, closes 1 below.
fn series() -> Vec<Candle> {
    let highs = [
        10.0, 11.0, 13.0, 12.0, 11.0, 12.0, 14.0, 14.0, 13.0, 12.0, 15.0, 15.0, 14.0, 13.0, 12.0,
    ];
    highs.iter().map(|&h| bar(h, h - 2.0, h - 1.0)).collect()
}

fn assert_near(ours: &[Option<f64>], talib: &[f64]) {
    assert_eq!(ours.len(), talib.len());
    for (i, (o, t)) in ours.iter().zip(talib).enumerate() {
        match o {
            None => assert!(t.is_nan(), "index {i}: None vs {t}"),
            Some(o) => assert!((o - t).abs() < 1e-8, "index {i}: {o} vs {t}"),
        }
    }
}

#[test]
fn known_answers_from_talib() {
    let cs = series();
    let n = f64::NAN;
    let third = 100.0 / 3.0;
    // talib.AROON(high, low, 3): (aroondown, aroonup).
    let aroon = Aroon::new(3).unwrap().batch(&cs);
    let down: Vec<_> = aroon.iter().map(|a| a.map(|a| a.down)).collect();
    let up: Vec<_> = aroon.iter().map(|a| a.map(|a| a.up)).collect();
    assert_near(
        &down,
        &[
            n,
            n,
            n,
            0.0,
            100.0,
            2.0 * third,
            third,
            0.0,
            0.0,
            100.0,
            2.0 * third,
            third,
            0.0,
            100.0,
            100.0,
        ],
    );
    assert_near(
        &up,
        &[
            n,
            n,
            n,
            2.0 * third,
            third,
            0.0,
            100.0,
            100.0,
            2.0 * third,
            third,
            100.0,
            100.0,
            2.0 * third,
            third,
            0.0,
        ],
    );
    // talib.CCI(high, low, close, 3).
    assert_near(
        &Cci::new(3).unwrap().batch(&cs),
        &[
            n, n, 100.0, 0.0, -100.0, 50.0, 100.0, 50.0, -100.0, -100.0, 100.0, 50.0, -100.0,
            -100.0, -100.0,
        ],
    );
    // talib.WILLR(high, low, close, 3).
    assert_near(
        &WilliamsR::new(3).unwrap().batch(&cs),
        &[
            n,
            n,
            -20.0,
            -50.0,
            -75.0,
            -third,
            -20.0,
            -25.0,
            -2.0 * third,
            -75.0,
            -20.0,
            -20.0,
            -2.0 * third,
            -75.0,
            -75.0,
        ],
    );
    // talib.ULTOSC(high, low, close, 1, 2, 3).
    assert_near(
        &UltimateOscillator::new(1, 2, 3).unwrap().batch(&cs)[..7],
        &[n, n, n, 53.87755102, 51.02040816, 50.0, 63.40136054],
    );
    // talib.VHF(close, 3).
    let closes: Vec<f64> = cs.iter().map(|c| c.close).collect();
    assert_near(
        &VerticalHorizontalFilter::new(3).unwrap().batch(&closes)[..8],
        &[n, n, n, 0.5, 0.5, third / 100.0, 0.75, 2.0 * third / 100.0],
    );
    // talib.AO(high, low, 2, 4) and talib.AC(high, low, 2, 4, 2).
    assert_near(
        &AwesomeOscillator::new(2, 4).unwrap().batch(&cs)[..8],
        &[n, n, n, 1.0, -0.25, -0.5, 0.75, 1.25],
    );
    assert_near(
        &Accelerator::new(2, 4, 2).unwrap().batch(&cs)[..8],
        &[n, n, n, n, -0.625, -0.125, 0.625, 0.25],
    );
    // talib.ERI(high, low, close, 3): bull power.
    let bull: Vec<_> = ElderRay::new(3)
        .unwrap()
        .batch(&cs)
        .iter()
        .map(|e| e.map(|e| e.bull))
        .collect();
    assert_near(
        &bull[..6],
        &[n, n, 2.66666667, 1.33333333, 0.66666667, 1.33333333],
    );
    // talib.FRACTAL(high, low, 2, 2): swinghigh 100 at 4, swinglow 100 at 6 and 11.
    let fractal = Fractal::new(2, 2).unwrap().batch(&cs);
    let highs: Vec<usize> = (0..cs.len())
        .filter(|&i| fractal[i].is_some_and(|r| r.high.is_some()))
        .collect();
    let lows: Vec<usize> = (0..cs.len())
        .filter(|&i| fractal[i].is_some_and(|r| r.low.is_some()))
        .collect();
    assert_eq!((highs, lows), (vec![4], vec![6, 11]));
}

#[test]
fn flat_windows_give_talibs_answers() {
    let flat = vec![bar(5.0, 5.0, 5.0); 40];
    assert_eq!(Cci::new(5).unwrap().batch(&flat)[39], Some(0.0));
    assert_eq!(WilliamsR::new(5).unwrap().batch(&flat)[39], Some(0.0));
    assert_eq!(
        UltimateOscillator::new(2, 3, 4).unwrap().batch(&flat)[39],
        Some(0.0)
    );
    assert_eq!(
        VerticalHorizontalFilter::new(5).unwrap().batch(&[5.0; 40])[39],
        Some(0.0)
    );
    let aroon = Aroon::new(5).unwrap().batch(&flat)[39].unwrap();
    assert_eq!((aroon.up, aroon.down), (100.0, 100.0)); // the newest of equal extremes
    assert!(Fractal::new(2, 2).unwrap().batch(&flat)[39]
        .unwrap()
        .is_empty());
    // TA-Lib's relative flat test for %R: a range of 1e-14 relative is flat, at any scale.
    for scale in [1e-10, 1.0, 1e10] {
        let h = scale * (1.0 + 1e-15);
        let cs = [bar(h, scale, scale), bar(scale, scale, scale)];
        assert_eq!(WilliamsR::new(2).unwrap().batch(&cs)[1], Some(0.0));
    }
}

#[test]
fn a_fractal_ignores_an_invalid_bar_and_reports_no_event_for_it() {
    let mut fractal = Fractal::new(1, 1).unwrap();
    fractal.batch(&[
        bar(10.0, 9.0, 9.5),
        bar(12.0, 9.0, 10.0),
        bar(11.0, 9.5, 10.0),
    ]);
    assert!(fractal.value().unwrap().high.is_some());
    let inverted = Candle {
        high: 9.0,
        low: 11.0,
        ..bar(10.0, 10.0, 10.0)
    };
    let before = fractal.clone();
    assert_eq!(fractal.try_update(inverted), Err(Error::InvalidInput));
    assert_eq!(fractal.update(inverted), Some(SwingReading::default()));
    assert_eq!(fractal, before);
}

#[test]
fn ultosc_periods_may_come_in_any_order() {
    let cs = series();
    let sorted = UltimateOscillator::new(1, 2, 3).unwrap().batch(&cs);
    assert_eq!(UltimateOscillator::new(3, 1, 2).unwrap().batch(&cs), sorted);
    assert_eq!(
        UltimateOscillator::<f64>::new(3, 1, 2).unwrap().to_string(),
        "ULTOSC(1,2,3)"
    );
}

#[test]
fn parameters_out_of_range_are_named() {
    let message = |e: Error| e.to_string();
    assert_eq!(
        message(Aroon::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(AroonOscillator::<f64>::new(100_001).unwrap_err()),
        "invalid parameter `period` = 100001: expected 1..=100000"
    );
    assert_eq!(
        message(Cci::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(WilliamsR::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(UltimateOscillator::<f64>::new(7, 0, 28).unwrap_err()),
        "invalid parameter `period2` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(VerticalHorizontalFilter::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(ElderRay::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(Fractal::<f64>::new(2, 0).unwrap_err()),
        "invalid parameter `right` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(AwesomeOscillator::<f64>::new(1, 34).unwrap_err()),
        "invalid parameter `fast` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(Accelerator::<f64>::new(5, 34, 1).unwrap_err()),
        "invalid parameter `signal` = 1: expected 2..=100000"
    );
    let defaults = [
        (
            Aroon::<f64>::default().to_string(),
            Aroon::<f64>::default().warmup_period(),
        ),
        (
            AroonOscillator::<f64>::default().to_string(),
            AroonOscillator::<f64>::default().warmup_period(),
        ),
        (
            Cci::<f64>::default().to_string(),
            Cci::<f64>::default().warmup_period(),
        ),
        (
            WilliamsR::<f64>::default().to_string(),
            WilliamsR::<f64>::default().warmup_period(),
        ),
        (
            UltimateOscillator::<f64>::default().to_string(),
            UltimateOscillator::<f64>::default().warmup_period(),
        ),
        (
            VerticalHorizontalFilter::<f64>::default().to_string(),
            VerticalHorizontalFilter::<f64>::default().warmup_period(),
        ),
        (
            ElderRay::<f64>::default().to_string(),
            ElderRay::<f64>::default().warmup_period(),
        ),
        (
            Fractal::<f64>::default().to_string(),
            Fractal::<f64>::default().warmup_period(),
        ),
        (
            AwesomeOscillator::<f64>::default().to_string(),
            AwesomeOscillator::<f64>::default().warmup_period(),
        ),
        (
            Accelerator::<f64>::default().to_string(),
            Accelerator::<f64>::default().warmup_period(),
        ),
    ];
    let expected = [
        ("AROON(14)", 15),
        ("AROONOSC(14)", 15),
        ("CCI(14)", 14),
        ("WILLR(14)", 14),
        ("ULTOSC(7,14,28)", 29),
        ("VHF(28)", 29),
        ("ERI(13)", 13),
        ("FRACTAL(2,2)", 5),
        ("AO(5,34)", 34),
        ("AC(5,34,5)", 38),
    ];
    for ((label, warmup), (want, want_warmup)) in defaults.iter().zip(expected) {
        assert_eq!((label.as_str(), *warmup), (want, want_warmup));
    }
}
