//! Cost of the Nasdaq-100 quarterly method on 100 and 10,000 names (Pareto-like random
//! market caps, heavy-tailed enough that the company stages trigger), and of one price update of the
//! streaming index calculator.
//!
//! Run with `cargo bench --bench weighting`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::index::{nasdaq100, IndexCalculator, PriceUpdate, Security, Universe};
use ta_stream::Indicator;

/// xorshift64 uniform in (0, 1].
fn uniform(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    ((*state >> 11) as f64 + 1.0) / (1u64 << 53) as f64
}

/// `n` securities with Pareto(α = 0.7) market caps.
fn universe(n: usize) -> Universe {
    let mut state = 0x2545_F491_4F6C_DD1D;
    let rows = (0..n)
        .map(|i| {
            Security::new(
                format!("T{i:05}"),
                1e9 * uniform(&mut state).powf(-1.0 / 0.7),
            )
        })
        .collect();
    Universe::new(rows).expect("valid universe")
}

fn quarterly(c: &mut Criterion) {
    let mut group = c.benchmark_group("nasdaq100_quarterly");
    for n in [100, 10_000] {
        let universe = universe(n);
        let weighting = nasdaq100::quarterly(&universe).expect("feasible");
        let stages: Vec<String> = weighting
            .report()
            .stages()
            .iter()
            .map(|s| format!("{} {}", s.level(), s.stage()))
            .collect();
        eprintln!("{n} names: stages triggered {stages:?}");
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| nasdaq100::quarterly(black_box(&universe)))
        });
    }
    group.finish();
}

fn index_level(c: &mut Criterion) {
    const UPDATES: usize = 1_000_000;
    let n = 100;
    let constituents: Vec<(String, f64, f64)> = (0..n)
        .map(|i| (format!("T{i:03}"), 1.0 / n as f64, 100.0 + i as f64))
        .collect();
    let refs: Vec<(&str, f64, f64)> = constituents
        .iter()
        .map(|(t, w, p)| (t.as_str(), *w, *p))
        .collect();
    let mut index = IndexCalculator::from_weights(10_000.0, &refs).expect("valid basket");
    let mut state = 0x9E37_79B9_7F4A_7C15;
    let updates: Vec<PriceUpdate> = (0..UPDATES)
        .map(|k| PriceUpdate::new(k % n, 100.0 * (0.9 + 0.2 * uniform(&mut state))))
        .collect();
    let mut group = c.benchmark_group("index_level");
    group.throughput(Throughput::Elements(UPDATES as u64));
    group.sample_size(20);
    group.bench_function("price_update", |b| {
        b.iter(|| {
            for update in &updates {
                black_box(index.update(*black_box(update)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, quarterly, index_level);
criterion_main!(benches);
