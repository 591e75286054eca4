//! Steady-state cost per update of the statistic functions (LINEARREG family, TSF, FOSC,
//! PERCENTILE, PERCENTRANK), on the shared 2,000,000-point random walk, after warm-up.
//!
//! The regression family is O(1): TA-Lib's default period (14) and a long one (200) cost the
//! same. The hand-written floor keeps `Σy` and `Σ(j+1)·y` by add-and-subtract, O(1) too but
//! drifting (what the crate's drift-free block sums avoid). PERCENTILE and PERCENTRANK keep a
//! sorted window: measured at n = 14, 100 and 1000 to show how the `memmove` grows.
//!
//! Run with `cargo bench --bench statistics`; ns per update = time / 2,000,000.

use std::collections::VecDeque;

use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};

mod common;

use common::{bench_indicator, bench_loop, random_walk};

const POINTS: usize = 2_000_000;

fn regression(c: &mut Criterion) {
    let data = random_walk(POINTS);
    for period in [14, 200] {
        bench_indicator(
            c,
            "linearreg",
            period,
            &data,
            LinearRegression::new(period).unwrap(),
        );
        bench_indicator(
            c,
            "linearreg_slope",
            period,
            &data,
            RegressionSlope::new(period).unwrap(),
        );
        bench_indicator(
            c,
            "linearreg_intercept",
            period,
            &data,
            RegressionIntercept::new(period).unwrap(),
        );
        bench_indicator(
            c,
            "linearreg_angle",
            period,
            &data,
            RegressionAngle::new(period).unwrap(),
        );
        bench_indicator(
            c,
            "tsf",
            period,
            &data,
            TimeSeriesForecast::new(period).unwrap(),
        );
    }
    for period in [5, 200] {
        bench_indicator(
            c,
            "fosc",
            period,
            &data,
            ForecastOscillator::new(period).unwrap(),
        );
    }
    // The floor: add-and-subtract running sums (drifting), then the same line.
    for period in [14, 200] {
        let n = period as f64;
        let (centre, denominator, half_span) =
            ((n + 1.0) / 2.0, n * (n * n - 1.0) / 12.0, (n - 1.0) / 2.0);
        let mut window: VecDeque<f64> = data[..period].iter().copied().collect();
        let mut sum: f64 = window.iter().sum();
        let mut weighted: f64 = window
            .iter()
            .enumerate()
            .map(|(j, y)| (j + 1) as f64 * y)
            .sum();
        bench_loop(c, "linearreg", period, &data, move |y: f64| {
            let old = window.pop_front().unwrap_or(0.0);
            window.push_back(y);
            weighted += n * y - sum;
            sum += y - old;
            let slope = (weighted - centre * sum) / denominator;
            sum / n + slope * half_span
        });
    }
}

fn order_statistics(c: &mut Criterion) {
    let data = random_walk(POINTS);
    for period in [14, 100, 1000] {
        bench_indicator(
            c,
            "percentile",
            period,
            &data,
            Percentile::new(period, 50.0).unwrap(),
        );
        bench_indicator(
            c,
            "percentrank",
            period,
            &data,
            PercentRank::new(period).unwrap(),
        );
    }
}

criterion_group!(benches, regression, order_statistics);
criterion_main!(benches);
