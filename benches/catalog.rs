//! The catalog's cost: ns per update of a dynamic indicator next to its typed indicator,
//! steady state (warm-up excluded).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::average::Sma;
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::momentum::{FlatRsi, Macd, Rsi};
use ta_stream::volatility::Bollinger;
use ta_stream::Indicator;

const N: usize = 10_000;

fn prices() -> Vec<f64> {
    (0..N)
        .map(|i| 100.0 + (i as f64 * 0.37).sin() * 5.0 + (i as f64 * 0.011).cos() * 20.0)
        .collect()
}

fn typed<I: Indicator<Input = f64> + Clone>(c: &mut Criterion, name: &str, warmed: I) {
    let xs = prices();
    let mut group = c.benchmark_group("catalog");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function(BenchmarkId::new(name, "typed"), |b| {
        b.iter(|| {
            let mut indicator = warmed.clone();
            for x in &xs {
                black_box(indicator.update(*black_box(x)));
            }
        })
    });
    group.finish();
}

fn dynamic(c: &mut Criterion, name: &str, spec: &str) {
    let xs = prices();
    let mut warmed = DynIndicator::parse(spec).unwrap();
    for &x in &xs {
        warmed.update(DynInput::real(x));
    }
    let mut group = c.benchmark_group("catalog");
    group.throughput(Throughput::Elements(N as u64));
    group.bench_function(BenchmarkId::new(name, "dynamic"), |b| {
        b.iter(|| {
            let mut indicator = warmed.clone();
            for &x in &xs {
                black_box(indicator.update(black_box(DynInput::real(x))));
            }
        })
    });
    group.finish();
}

fn warm<I: Indicator<Input = f64>>(mut indicator: I) -> I {
    for x in prices() {
        indicator.update(x);
    }
    indicator
}

fn bench(c: &mut Criterion) {
    typed(
        c,
        "RSI(14)",
        warm(Rsi::new(14).unwrap().with_flat(FlatRsi::TaLib)),
    );
    dynamic(c, "RSI(14)", "RSI(14)");
    typed(c, "SMA(50)", warm(Sma::new(50).unwrap()));
    dynamic(c, "SMA(50)", "SMA(50)");
    typed(c, "MACD(12,26,9)", warm(Macd::new(12, 26, 9).unwrap()));
    dynamic(c, "MACD(12,26,9)", "MACD(12, 26, 9)");
    typed(c, "BBANDS(20,2,2)", warm(Bollinger::new(20, 2.0).unwrap()));
    dynamic(c, "BBANDS(20,2,2)", "BBANDS(20, 2, 2)");
}

criterion_group!(benches, bench);
criterion_main!(benches);
