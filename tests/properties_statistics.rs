//! Properties of the statistic functions (LINEARREG, LINEARREG_SLOPE, LINEARREG_INTERCEPT,
//! LINEARREG_ANGLE, TSF, FOSC, PERCENTILE, PERCENTRANK): the common contract
//! (`indicator_contract!`), each against a naive recomputation written from its definition,
//! the regression against exact rational arithmetic (where TA-Lib's sums round), bounds,
//! refused inputs, known answers (TA-Lib 0.8.1) and parameter errors.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{prices, unusable};
use proptest::prelude::*;
use ta_stream::signal::{Cross, CrossLevel};
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Strategies

/// Ordinary prices, or runs of a few repeated levels (flat windows and ties).
fn closes() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prices(120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..100),
    ]
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    linearreg,
    |n: usize| LinearRegression::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    linearreg_slope,
    |n: usize| RegressionSlope::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    linearreg_intercept,
    |n: usize| RegressionIntercept::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    linearreg_angle,
    |n: usize| RegressionAngle::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    tsf,
    |n: usize| TimeSeriesForecast::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    fosc,
    |n: usize| ForecastOscillator::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    percentile,
    |n: usize| Percentile::<f64>::new(n + 1, (n * 37 % 101) as f64).unwrap(),
    closes(),
    unusable()
);
indicator_contract!(
    percentrank,
    |n: usize| PercentRank::<f64>::new(n + 1).unwrap(),
    closes(),
    unusable()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

/// The least-squares line through `window` at `x = 0..n`, by the textbook two-pass
/// formulas: `(slope, value at x)` for the caller's `x`.
fn naive_line(window: &[f64]) -> (f64, f64) {
    let n = window.len() as f64;
    let x_mean = (n - 1.0) / 2.0;
    let y_mean = window.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (j, &y) in window.iter().enumerate() {
        let dx = j as f64 - x_mean;
        sxy += dx * (y - y_mean);
        sxx += dx * dx;
    }
    (sxy / sxx, y_mean - sxy / sxx * x_mean)
}

/// Every output of a naive windowed computation: `None` before the window is full.
fn naive<F: Fn(&[f64]) -> f64>(xs: &[f64], n: usize, f: F) -> Vec<Option<f64>> {
    (0..xs.len())
        .map(|i| (i + 1 >= n).then(|| f(&xs[i + 1 - n..=i])))
        .collect()
}

fn close_to(ours: &[Option<f64>], theirs: &[Option<f64>], scale: f64) -> Result<(), TestCaseError> {
    prop_assert_eq!(ours.len(), theirs.len());
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        match (a, b) {
            (Some(a), Some(b)) => prop_assert!(
                (a - b).abs() <= 1e-9 * scale.max(b.abs()),
                "index {}: ours {}, naive {}",
                i,
                a,
                b
            ),
            _ => prop_assert_eq!(a.is_some(), b.is_some(), "index {}", i),
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_regression_family_is_the_least_squares_line(n in 2..30usize, xs in closes()) {
        let scale = xs.iter().fold(1.0_f64, |m, x| m.max(x.abs()));
        let slope = |w: &[f64]| naive_line(w).0;
        let at = |x: f64| move |w: &[f64]| {
            let (b, a) = naive_line(w);
            a + b * x
        };
        let end = (n - 1) as f64;
        close_to(&RegressionSlope::new(n).unwrap().batch(&xs), &naive(&xs, n, slope), scale)?;
        close_to(&RegressionIntercept::new(n).unwrap().batch(&xs), &naive(&xs, n, at(0.0)), scale)?;
        close_to(&LinearRegression::new(n).unwrap().batch(&xs), &naive(&xs, n, at(end)), scale)?;
        close_to(&TimeSeriesForecast::new(n).unwrap().batch(&xs), &naive(&xs, n, at(end + 1.0)), scale)?;
        let degrees = |w: &[f64]| naive_line(w).0.atan().to_degrees();
        let angles = RegressionAngle::new(n).unwrap().batch(&xs);
        close_to(&angles, &naive(&xs, n, degrees), scale)?;
        prop_assert!(angles.iter().flatten().all(|a| (-90.0..=90.0).contains(a)));
    }

    #[test]
    fn fosc_compares_each_input_with_the_previous_forecast(n in 2..30usize, xs in closes()) {
        let ours = ForecastOscillator::new(n).unwrap().batch(&xs);
        let theirs: Vec<Option<f64>> = (0..xs.len())
            .map(|i| {
                (i >= n).then(|| {
                    let (b, a) = naive_line(&xs[i - n..i]);
                    let forecast = a + b * n as f64;
                    100.0 * (xs[i] - forecast) / xs[i]
                })
            })
            .collect();
        // Relative to the forecast's scale: the difference y − forecast cancels.
        let scale = 100.0 * xs.iter().fold(1.0_f64, |m, x| m.max(x.abs()))
            / xs.iter().fold(f64::MAX, |m, x| m.min(x.abs()));
        close_to(&ours, &theirs, scale)?;
    }

    #[test]
    fn percentile_is_the_nearest_rank_of_the_sorted_window(
        n in 2..30usize,
        p in 0.0..=100.0_f64,
        xs in closes(),
    ) {
        let rank = ((p * n as f64 / 100.0).ceil() as usize).max(1);
        let theirs = naive(&xs, n, |w| {
            let mut sorted = w.to_vec();
            sorted.sort_by(f64::total_cmp);
            sorted[rank - 1]
        });
        let ours = Percentile::new(n, p).unwrap().batch(&xs);
        prop_assert_eq!(&ours, &theirs);
        for (i, out) in ours.iter().enumerate() {
            if let Some(v) = out {
                prop_assert!(xs[i + 1 - n..=i].contains(v));
            }
        }
    }

    #[test]
    fn percentrank_counts_the_earlier_inputs_strictly_below(n in 2..30usize, xs in closes()) {
        let ours = PercentRank::new(n).unwrap().batch(&xs);
        for (i, out) in ours.iter().enumerate() {
            prop_assert_eq!(out.is_some(), i >= n, "index {}", i);
            if let Some(v) = out {
                let below = xs[i - n..i].iter().filter(|&&x| x < xs[i]).count();
                prop_assert_eq!(*v, below as f64 * 100.0 / n as f64);
                prop_assert!((0.0..=100.0).contains(v));
            }
        }
    }

    #[test]
    fn a_spike_that_left_the_window_leaves_no_trace(n in 2..20usize, xs in prices(60)) {
        // 1e15 passes through; afterwards the line is that of the window alone.
        let mut reg = LinearRegression::new(n).unwrap();
        for &x in &xs {
            reg.update(x);
        }
        reg.update(1e15);
        let tail: Vec<f64> = (0..n).map(|i| 100.0 + (i % 3) as f64).collect();
        let mut last = None;
        for &x in &tail {
            last = reg.update(x);
        }
        let (b, a) = naive_line(&tail);
        let expected = a + b * (n - 1) as f64;
        prop_assert!((last.unwrap() - expected).abs() < 1e-9, "{:?} vs {}", last, expected);
    }
}

// ---------------------------------------------------------------------------------------
// Exact arithmetic: the line at 1e7 with small moves

/// `scripts/generate_regression_exact.py` computes the slope, end and forecast of every
/// window in exact rational arithmetic (Python `fractions`) at 1e7 with moves of hundredths,
/// where the sums reach 1e9 and most of their digits cancel; TA-Lib's outputs sit next to
/// them. The crate's line stays within a few roundings of the sums of its own window, and
/// closer to the exact line than TA-Lib's at every period.
#[test]
fn the_line_at_1e7_is_within_rounding_of_exact_arithmetic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/talib/regression_exact.csv"
    ))
    .unwrap();
    let rows: Vec<Vec<f64>> = text
        .lines()
        .skip(1)
        .map(|line| line.split(',').map(|c| c.parse().unwrap()).collect())
        .collect();
    for n in [2, 14, 100] {
        let rows: Vec<&Vec<f64>> = rows.iter().filter(|r| r[0] == n as f64).collect();
        let first = rows[0][1] as usize;
        let inputs = series_at_1e7();
        let slope = RegressionSlope::new(n).unwrap().batch(&inputs);
        let end = LinearRegression::new(n).unwrap().batch(&inputs);
        let forecast = TimeSeriesForecast::new(n).unwrap().batch(&inputs);
        let (mut ours, mut talib) = ([0.0_f64; 3], [0.0_f64; 3]);
        for row in &rows {
            let i = row[1] as usize;
            assert_eq!(inputs[i], row[2], "the series of the script");
            for (k, got) in [slope[i], end[i], forecast[i]].into_iter().enumerate() {
                ours[k] = ours[k].max((got.unwrap() - row[3 + k]).abs());
                talib[k] = talib[k].max((row[6 + k] - row[3 + k]).abs());
            }
        }
        assert_eq!(first, n - 1);
        // A bound from the sums' own rounding: a few ulps of 1e9 spread over n(n²−1)/12.
        let nf = n as f64;
        let slope_bound = 64.0 * f64::EPSILON * 1e7 * nf * nf / (nf * (nf * nf - 1.0) / 12.0);
        assert!(
            ours[0] <= slope_bound,
            "n = {n}: slope off by {:e} (bound {slope_bound:e})",
            ours[0]
        );
        for k in 0..3 {
            assert!(
                ours[k] <= talib[k],
                "n = {n}, output {k}: crate off by {:e}, TA-Lib by {:e}",
                ours[k],
                talib[k]
            );
        }
        println!("n = {n}: largest error slope/end/forecast: crate {ours:?}, TA-Lib {talib:?}");
    }
}

/// The series of `scripts/generate_regression_exact.py`.
fn series_at_1e7() -> Vec<f64> {
    (0..300)
        .map(|i| {
            let i = i as f64;
            1e7 + 0.37 * (i / 5.0).sin() + 0.011 * i + 0.003 * ((i as usize * 7) % 5) as f64
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Known answers (TA-Lib 0.8.1 on the same inputs)

const KNOWN: [f64; 12] = [1.0, 5.0, 2.0, 3.0, 8.0, 8.0, 4.0, 10.0, 7.0, 6.0, 9.0, 2.0];

fn outputs<I: Indicator<Input = f64, Output = f64>>(mut indicator: I) -> Vec<f64> {
    indicator.batch(&KNOWN).into_iter().flatten().collect()
}

fn assert_close(ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{ours:?} vs {theirs:?}");
    for (a, b) in ours.iter().zip(theirs) {
        assert!(
            (a - b).abs() <= 1e-9 * b.abs().max(1.0),
            "{ours:?} vs {theirs:?}"
        );
    }
}

#[test]
fn known_answers_from_talib() {
    assert_close(
        &outputs(LinearRegression::new(4).unwrap()),
        &[3.2, 6.0, 8.7, 6.2, 7.8, 7.7, 7.2, 7.4, 4.2],
    );
    assert_close(
        &outputs(TimeSeriesForecast::new(4).unwrap()),
        &[3.5, 7.0, 11.0, 6.5, 8.0, 8.0, 7.5, 7.0, 3.0],
    );
    assert_close(
        &outputs(ForecastOscillator::new(4).unwrap()),
        &[
            56.25,
            12.5,
            -175.0,
            35.0,
            -100.0 / 7.0,
            -100.0 / 3.0,
            100.0 / 6.0,
            -250.0,
        ],
    );
    assert_eq!(
        outputs(Percentile::new(4, 50.0).unwrap()),
        [2.0, 3.0, 3.0, 4.0, 8.0, 7.0, 6.0, 7.0, 6.0]
    );
    assert_eq!(
        outputs(Percentile::new(4, 25.0).unwrap()),
        [1.0, 2.0, 2.0, 3.0, 4.0, 4.0, 4.0, 6.0, 2.0]
    );
    assert_eq!(
        outputs(Percentile::new(4, 100.0).unwrap()),
        [5.0, 8.0, 8.0, 8.0, 10.0, 10.0, 10.0, 10.0, 9.0]
    );
    assert_eq!(
        outputs(PercentRank::new(4).unwrap()),
        [100.0, 75.0, 50.0, 100.0, 25.0, 25.0, 75.0, 0.0]
    );
    // TA-Lib's rank is ⌈p·n/100⌉ with p·n first: 28·25/100 is exactly 7 (the 7th smallest),
    // where (28/100)·25 would round up to 7.000000000000001 and pick the 8th.
    assert_eq!(Percentile::<f64>::new(25, 28.0).unwrap().rank(), 7);
    assert_eq!(Percentile::<f64>::new(4, 0.0).unwrap().rank(), 1);
}

#[test]
fn fosc_is_zero_on_a_zero_input_and_saturates() {
    let mut fosc = ForecastOscillator::new(2).unwrap();
    assert_eq!(fosc.batch(&[1.0, 2.0, 0.0]), [None, None, Some(0.0)]);
    // The forecast 2e150 against an input of 1e-150: the largest ratios usable inputs give
    // stay finite (below 400·1e150/1e-150).
    let mut fosc = ForecastOscillator::new(2).unwrap();
    assert_eq!(
        fosc.batch(&[0.0, 1e150, 1e-150]).last(),
        Some(&Some(-2e302))
    );
}

#[test]
fn fosc_crossing_zero_is_one_event() {
    let mut fosc = ForecastOscillator::new(3).unwrap();
    let mut zero = CrossLevel::new(0.0).unwrap();
    let events: Vec<(usize, Cross)> = [10.0, 11.0, 12.0, 12.5, 12.8, 14.0, f64::NAN, 14.2]
        .into_iter()
        .enumerate()
        .filter_map(
            |(bar, x)| match fosc.update(x).and_then(|f| zero.update(f)) {
                Some(Some(cross)) => Some((bar, cross)),
                _ => None,
            },
        )
        .collect();
    // 14 beats its forecast 13.3; the NaN repeats nothing; 14.2 falls short of 14.6.
    assert_eq!(events, [(5, Cross::Above), (7, Cross::Below)]);
}

#[test]
fn a_flat_window_has_a_flat_line() {
    let flat = [5.0_f64; 40];
    for n in [2, 3, 14, 30] {
        let slope = RegressionSlope::new(n).unwrap().batch(&flat);
        let line = LinearRegression::new(n).unwrap().batch(&flat);
        for (s, l) in slope.iter().flatten().zip(line.iter().flatten()) {
            assert!(
                s.abs() < 1e-12 && (l - 5.0).abs() < 1e-12,
                "n = {n}: {s}, {l}"
            );
        }
        assert_eq!(PercentRank::new(n).unwrap().batch(&flat)[n], Some(0.0));
        assert_eq!(Percentile::new(n, 50.0).unwrap().batch(&flat)[n], Some(5.0));
    }
}

#[test]
fn unusable_inputs_are_refused() {
    let mut reg = RegressionSlope::new(3).unwrap();
    let mut pr = PercentRank::new(3).unwrap();
    let mut pc = Percentile::new(3, 50.0).unwrap();
    let mut fosc = ForecastOscillator::new(3).unwrap();
    for x in [1.0, 2.0, 4.0, 3.0] {
        reg.update(x);
        pr.update(x);
        pc.update(x);
        fosc.update(x);
    }
    let before = (reg.clone(), pr.clone(), pc.clone(), fosc.clone());
    for bad in [f64::NAN, f64::INFINITY, 1e151, -1e200] {
        assert_eq!(reg.try_update(bad), Err(Error::InvalidInput));
        assert_eq!(pr.try_update(bad), Err(Error::InvalidInput));
        assert_eq!(pc.try_update(bad), Err(Error::InvalidInput));
        assert_eq!(fosc.try_update(bad), Err(Error::InvalidInput));
        assert_eq!(reg.update(bad), before.0.value());
        assert_eq!(pr.peek(bad), before.1.value());
        assert_eq!(pc.update(bad), before.2.value());
        assert_eq!(fosc.update(bad), before.3.value());
    }
    assert_eq!((reg, pr, pc, fosc), before);
}

#[test]
fn parameters_out_of_range_are_named() {
    let message = |e: Error| e.to_string();
    assert_eq!(
        message(LinearRegression::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(RegressionAngle::<f64>::new(100_001).unwrap_err()),
        "invalid parameter `period` = 100001: expected 1..=100000"
    );
    assert_eq!(
        message(ForecastOscillator::<f64>::new(1).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(Percentile::<f64>::new(30, 100.5).unwrap_err()),
        "invalid parameter `percentile` = 100.5: expected 0..=100"
    );
    assert_eq!(
        message(Percentile::<f64>::new(30, f64::NAN).unwrap_err()),
        "invalid parameter `percentile` = NaN: expected 0..=100"
    );
    assert_eq!(
        message(Percentile::<f64>::new(1, 50.0).unwrap_err()),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert_eq!(
        message(PercentRank::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert!(RegressionSlope::<f64>::new(0).is_err());
    assert!(RegressionIntercept::<f64>::new(1).is_err());
    assert!(TimeSeriesForecast::<f64>::new(1).is_err());
    // Defaults and labels: TA-Lib's.
    assert_eq!(
        LinearRegression::<f64>::default().to_string(),
        "LINEARREG(14)"
    );
    assert_eq!(
        RegressionAngle::<f64>::default().to_string(),
        "LINEARREG_ANGLE(14)"
    );
    assert_eq!(
        RegressionIntercept::<f64>::default().to_string(),
        "LINEARREG_INTERCEPT(14)"
    );
    assert_eq!(
        RegressionSlope::<f64>::default().to_string(),
        "LINEARREG_SLOPE(14)"
    );
    assert_eq!(TimeSeriesForecast::<f64>::default().to_string(), "TSF(14)");
    assert_eq!(ForecastOscillator::<f64>::default().to_string(), "FOSC(5)");
    assert_eq!(
        Percentile::<f64>::default().to_string(),
        "PERCENTILE(30,50)"
    );
    assert_eq!(
        PercentRank::<f64>::default().to_string(),
        "PERCENTRANK(100)"
    );
    assert_eq!(LinearRegression::<f64>::default().warmup_period(), 14);
    assert_eq!(ForecastOscillator::<f64>::default().warmup_period(), 6);
    assert_eq!(Percentile::<f64>::default().warmup_period(), 30);
    assert_eq!(PercentRank::<f64>::default().warmup_period(), 101);
}

#[test]
fn f32_agrees_with_f64_to_f32_precision() {
    let xs: Vec<f64> = (0..200)
        .map(|i| 100.0 + (i as f64 / 6.0).sin() * 5.0)
        .collect();
    let xs32: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
    let a = LinearRegression::<f64>::new(14).unwrap().batch(&xs);
    let b = LinearRegression::<f32>::new_generic(14)
        .unwrap()
        .batch(&xs32);
    for (a, b) in a.iter().zip(&b) {
        if let (Some(a), Some(b)) = (a, b) {
            assert!((a - f64::from(*b)).abs() < 1e-4 * a.abs(), "{a} vs {b}");
        }
    }
    let a = Percentile::<f64>::new(14, 30.0).unwrap().batch(&xs);
    let b = Percentile::<f32>::new_generic(14, 30.0)
        .unwrap()
        .batch(&xs32);
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a.map(|a| a as f32), *b);
    }
}

#[test]
fn loading_refuses_impossible_states() {
    let mut pr = PercentRank::<f64>::new(3).unwrap();
    pr.batch(&[1.0, 2.0, 3.0]);
    let json = serde_json::to_string(&pr).unwrap();
    let no_newest = json.replace("\"newest\":3.0", "\"newest\":null");
    assert!(
        serde_json::from_str::<PercentRank>(&no_newest).is_err(),
        "{no_newest}"
    );
    let mut fosc = ForecastOscillator::<f64>::new(2).unwrap();
    fosc.batch(&[1.0, 2.0, 3.0]);
    let json = serde_json::to_string(&fosc).unwrap();
    let wrong_newest = json.replace("\"newest\":3.0", "\"newest\":4.0");
    assert!(
        serde_json::from_str::<ForecastOscillator>(&wrong_newest).is_err(),
        "{wrong_newest}"
    );
    let reg = LinearRegression::<f64>::new(2).unwrap();
    let json = serde_json::to_string(&reg).unwrap();
    assert_eq!(
        serde_json::from_str::<LinearRegression>(&json).unwrap(),
        reg
    );
    let percentile = Percentile::<f64>::new(5, 50.0).unwrap();
    let json = serde_json::to_string(&percentile).unwrap();
    let bad = json.replace("\"percentile\":50.0", "\"percentile\":150.0");
    assert!(serde_json::from_str::<Percentile>(&bad).is_err(), "{bad}");
}
