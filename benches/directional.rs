//! Steady-state cost per update of the directional movement family and VORTEX, at TA-Lib's
//! period 14 and at 200 (the cost does not grow with the period), against a hand-written
//! loop of the whole system (±DM, ±DI, DX, ADX in one pass: the floor for `Directional`
//! without ADXR, and for `Adx`).
//!
//! Run with `cargo bench --bench directional`; ns per update = time / 2,000,000. TA-Lib's
//! batch figures for the same walk: `python3 scripts/talib_batch_timings.py PLUS_DM ...`.

mod common;

use common::{bench_indicator, bench_loop, random_bars, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::bar::Candle;
use ta_stream::momentum::{Adx, Adxr, Directional, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex};

fn directional(c: &mut Criterion) {
    let data = random_bars(POINTS);
    for period in [14, 200] {
        bench_indicator(c, "plus_dm", period, &data, PlusDm::new(period).unwrap());
        bench_indicator(c, "minus_dm", period, &data, MinusDm::new(period).unwrap());
        bench_indicator(c, "plus_di", period, &data, PlusDi::new(period).unwrap());
        bench_indicator(c, "minus_di", period, &data, MinusDi::new(period).unwrap());
        bench_indicator(c, "dx", period, &data, Dx::new(period).unwrap());
        bench_indicator(c, "adx", period, &data, Adx::new(period).unwrap());
        bench_indicator(c, "adxr", period, &data, Adxr::new(period).unwrap());
        bench_indicator(c, "dmi", period, &data, Directional::new(period).unwrap());
        bench_indicator(c, "vortex", period, &data, Vortex::new(period).unwrap());
    }
    // The floor: the whole system's steady state, no checks, no warm-up bookkeeping.
    let n = 14.0_f64;
    let mut previous = data[0];
    let (mut plus, mut minus, mut range, mut adx) = (1.0, 1.0, 1.0, 20.0);
    bench_loop(c, "adx", 14, &data, |bar: Candle| {
        let up = bar.high - previous.high;
        let down = previous.low - bar.low;
        let tr = (bar.high - bar.low)
            .max((bar.high - previous.close).abs())
            .max((bar.low - previous.close).abs());
        plus = plus - plus / n + if up > 0.0 && up > down { up } else { 0.0 };
        minus = minus - minus / n + if down > 0.0 && down > up { down } else { 0.0 };
        range = range - range / n + tr;
        previous = bar;
        let (pdi, mdi) = (100.0 * (plus / range), 100.0 * (minus / range));
        let dx = 100.0 * ((pdi - mdi).abs() / (pdi + mdi));
        adx = (adx * (n - 1.0) + dx) / n;
        adx
    });
}

criterion_group!(benches, directional);
criterion_main!(benches);
