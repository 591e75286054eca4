//! Steady-state cost per update of the Hilbert transform family: MAMA, HT_TRENDLINE and the
//! cycle indicators. Each measurement streams a 200,000-point random walk through an
//! indicator that has already been warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench cycle`; ns per update = time / 200,000. TA-Lib's batch cost
//! per element for the same functions: `python3 scripts/talib_batch_timings.py MAMA ...`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::{HtTrendline, Mama};
use ta_stream::cycle::{HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode};
use ta_stream::Indicator;

const POINTS: usize = 200_000;

/// A deterministic random walk (xorshift64) starting at 100.
fn random_walk(length: usize) -> Vec<f64> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut price = 100.0;
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            price += (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
            price
        })
        .collect()
}

/// Streams `data` through an indicator warmed up on 100 inputs beforehand.
fn bench_indicator<I: Indicator<Input = f64>>(c: &mut Criterion, name: &str, mut indicator: I) {
    let data = random_walk(POINTS);
    indicator.batch(&data[..100]);
    let mut group = c.benchmark_group("cycle");
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new(name, "ta_stream"), |b| {
        b.iter(|| {
            for x in &data {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

fn hilbert_family(c: &mut Criterion) {
    bench_indicator(c, "mama", Mama::default());
    bench_indicator(c, "ht_trendline", HtTrendline::new());
    bench_indicator(c, "ht_dcperiod", HtDcPeriod::new());
    bench_indicator(c, "ht_dcphase", HtDcPhase::new());
    bench_indicator(c, "ht_phasor", HtPhasor::new());
    bench_indicator(c, "ht_sine", HtSine::new());
    bench_indicator(c, "ht_trendmode", HtTrendMode::new());
}

criterion_group!(benches, hilbert_family);
criterion_main!(benches);
