//! Steady-state cost per update of the windowed and cumulative math operators (the
//! element-wise ones are one float operation each and have no bench), against hand-written
//! loops. Each measurement streams a 2,000,000-point random walk through an indicator
//! warmed up beforehand.
//!
//! Run with `cargo bench --bench math`; ns per update = time / 2,000,000. TA-Lib's batch
//! cost per element for the same functions: `python3 scripts/talib_batch_timings.py SUM
//! CUMSUM MINMAX MAXINDEX MINMAXINDEX`.

mod common;

use common::{bench_indicator, bench_loop, random_walk, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::math::{CumulativeSum, MaxIndex, MinMax, MinMaxIndex, Sum};

fn math(c: &mut Criterion) {
    let data = random_walk(POINTS);
    bench_indicator(c, "sum", 30, &data, Sum::new(30).unwrap());
    let mut ring = [0.0_f64; 30];
    let (mut head, mut total) = (0, 0.0);
    bench_loop(c, "sum", 30, &data, move |x: f64| {
        total += x - ring[head];
        ring[head] = x;
        head = if head + 1 == 30 { 0 } else { head + 1 };
        total
    });
    bench_indicator(c, "cumsum", "", &data, CumulativeSum::new());
    let mut plain = 0.0;
    bench_loop(c, "cumsum", "", &data, move |x: f64| {
        plain += x;
        plain
    });
    bench_indicator(c, "minmax", 30, &data, MinMax::new(30).unwrap());
    bench_indicator(c, "maxindex", 30, &data, MaxIndex::new(30).unwrap());
    bench_indicator(c, "minmaxindex", 30, &data, MinMaxIndex::new(30).unwrap());
}

criterion_group!(benches, math);
criterion_main!(benches);
