//! Steady-state cost per update of the momentum indicators of closes and candles (CMO, CMOU,
//! DPO, ER, IMI, QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI), at TA-Lib's default
//! periods and at a long one (200) to show that the cost does not grow with the period, with
//! hand-written loops of CMO and MFI as the floor.
//!
//! Run with `cargo bench --bench momentum_close`; ns per update = time / 2,000,000. TA-Lib's
//! batch figures on the same walk: `python3 scripts/talib_batch_timings.py CMO MFI ...`.

mod common;

use common::{bench_indicator, bench_loop, random_bars, random_walk, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};

fn closes(c: &mut Criterion) {
    let data = random_walk(POINTS);
    for period in [14, 200] {
        bench_indicator(c, "cmo", period, &data, Cmo::new(period).unwrap());
        bench_indicator(c, "cmou", period, &data, Cmou::new(period).unwrap());
    }
    for period in [20, 200] {
        bench_indicator(c, "dpo", period, &data, Dpo::new(period).unwrap());
    }
    for period in [10, 200] {
        bench_indicator(
            c,
            "er",
            period,
            &data,
            EfficiencyRatio::new(period).unwrap(),
        );
        bench_indicator(c, "rocr", period, &data, Rocr::new(period).unwrap());
        bench_indicator(c, "rocr100", period, &data, Rocr100::new(period).unwrap());
    }
    bench_indicator(c, "coppock", 10, &data, Coppock::new(10, 11, 14).unwrap());
    bench_indicator(
        c,
        "coppock",
        200,
        &data,
        Coppock::new(200, 150, 200).unwrap(),
    );

    // The floor for CMO: Wilder's two averages and the ratio, no checks, no warm-up.
    let n = 14.0;
    let (mut previous, mut up, mut down) = (data[0], 0.5, 0.5);
    bench_loop(c, "cmo", "14", &data, move |x: f64| {
        let change = x - previous;
        previous = x;
        up = (up * (n - 1.0) + change.max(0.0)) / n;
        down = (down * (n - 1.0) + (-change).max(0.0)) / n;
        100.0 * ((up - down) / (up + down))
    });
}

fn candles(c: &mut Criterion) {
    let data = random_bars(POINTS);
    for period in [14, 200] {
        bench_indicator(c, "imi", period, &data, Imi::new(period).unwrap());
        bench_indicator(c, "mfi", period, &data, Mfi::new(period).unwrap());
    }
    for period in [10, 200] {
        bench_indicator(c, "qstick", period, &data, Qstick::new(period).unwrap());
    }
    bench_indicator(c, "bop", "-", &data, Bop::new());
    bench_indicator(c, "wad", "-", &data, Wad::new());

    // The floor for MFI: plain add-and-subtract window sums of the flows (TA-Lib's way; it
    // drifts, which the crate's sums do not).
    let period = 14;
    let mut flows = vec![(0.0_f64, 0.0_f64); period];
    let (mut at, mut positive, mut negative, mut previous) = (0, 1.0, 1.0, 100.0);
    bench_loop(c, "mfi", "14", &data, move |bar: ta_stream::bar::Candle| {
        let typical = (bar.high + bar.low + bar.close) / 3.0;
        let money = typical * bar.volume;
        let flow = if typical > previous {
            (money, 0.0)
        } else if typical < previous {
            (0.0, money)
        } else {
            (0.0, 0.0)
        };
        previous = typical;
        let (old_positive, old_negative) = std::mem::replace(&mut flows[at], flow);
        at = (at + 1) % period;
        positive += flow.0 - old_positive;
        negative += flow.1 - old_negative;
        100.0 * positive / (positive + negative)
    });
}

criterion_group!(benches, closes, candles);
criterion_main!(benches);
