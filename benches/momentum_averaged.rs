//! Momentum built on moving averages: ns per update in the steady state, at a short and a
//! long period, next to a hand-written loop where it tells something (APO over EMAs).

mod common;

use common::{bench_indicator, bench_loop, random_bars, random_walk, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::average::{Ema, Rma, Sma};
use ta_stream::momentum::{
    Apo, Kdj, MaFastStochastic, MaStochastic, MacdExt, MacdFix, Ppo, Smi, StochRsi, Trix, Tsi,
};

fn averaged(c: &mut Criterion) {
    let data = random_walk(POINTS);
    let bars = random_bars(POINTS);
    for (fast, slow) in [(12, 26), (100, 200)] {
        bench_indicator(
            c,
            "apo",
            slow,
            &data,
            Apo::new(fast, slow, Ema::new).unwrap(),
        );
        // The floor: two EMA recursions and a difference.
        let (kf, ks) = (2.0 / (fast as f64 + 1.0), 2.0 / (slow as f64 + 1.0));
        let (mut ef, mut es) = (data[0], data[0]);
        bench_loop(c, "apo", slow, &data, |x: f64| {
            ef += (x - ef) * kf;
            es += (x - es) * ks;
            ef - es
        });
        bench_indicator(
            c,
            "ppo",
            slow,
            &data,
            Ppo::new(fast, slow, Ema::new).unwrap(),
        );
        bench_indicator(
            c,
            "macdext",
            slow,
            &data,
            MacdExt::new(
                Ema::new(fast).unwrap(),
                Ema::new(slow).unwrap(),
                Ema::new(9).unwrap(),
            ),
        );
    }
    bench_indicator(c, "macdfix", 9, &data, MacdFix::new(9).unwrap());
    for period in [30, 200] {
        bench_indicator(c, "trix", period, &data, Trix::new(period).unwrap());
    }
    for (first, second) in [(25, 13), (200, 100)] {
        bench_indicator(c, "tsi", first, &data, Tsi::new(first, second).unwrap());
    }
    for period in [14, 200] {
        bench_indicator(
            c,
            "stochrsi",
            period,
            &data,
            StochRsi::new(period, 5, Sma::new(3).unwrap()).unwrap(),
        );
    }
    for period in [5, 200] {
        bench_indicator(
            c,
            "stoch_ema",
            period,
            &bars,
            MaStochastic::new(period, Ema::new(3).unwrap(), Ema::new(3).unwrap()).unwrap(),
        );
        bench_indicator(
            c,
            "stochf_ema",
            period,
            &bars,
            MaFastStochastic::new(period, Ema::new(3).unwrap()).unwrap(),
        );
    }
    for period in [9, 200] {
        bench_indicator(
            c,
            "kdj",
            period,
            &bars,
            Kdj::new(period, Rma::new(3).unwrap(), Rma::new(3).unwrap()).unwrap(),
        );
    }
    for period in [13, 200] {
        bench_indicator(c, "smi", period, &bars, Smi::new(period, 2, 25, 9).unwrap());
    }
}

criterion_group!(benches, averaged);
criterion_main!(benches);
