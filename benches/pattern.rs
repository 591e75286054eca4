//! Steady-state cost per bar of the candlestick patterns: `CandlePatterns` (every registered
//! pattern on each bar, the screener's case) and two single patterns, on the shared random
//! bars of `benches/common`. Compare `CandlePatterns` with the sum of TA-Lib's batch times of
//! its patterns (`python3 scripts/talib_batch_timings.py CDL2CROWS CDL3BLACKCROWS ...`).
//!
//! Run with `cargo bench --bench pattern`; ns per bar = time / 2,000,000.

mod common;

use common::{bench_indicator, random_bars, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::pattern::{CandlePatterns, Doji, EveningStar};

fn patterns(c: &mut Criterion) {
    let bars = random_bars(POINTS);
    let all = CandlePatterns::new();
    let label = format!("{}_patterns", all.patterns().count());
    bench_indicator(c, "pattern/all", label, &bars, all);
    bench_indicator(c, "pattern/single", "CDLDOJI", &bars, Doji::new());
    bench_indicator(
        c,
        "pattern/single",
        "CDLEVENINGSTAR",
        &bars,
        EveningStar::new(),
    );
}

criterion_group!(benches, patterns);
criterion_main!(benches);
