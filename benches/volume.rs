//! Steady-state cost per update of the volume indicators, on the shared random bars
//! (`benches/common`), with hand-written loops where the floor tells something: OBV and AD
//! as plain (drifting) running sums, against the crate's compensated ones.
//!
//! Run with `cargo bench --bench volume`; ns per update = time / 2,000,000. TA-Lib's batch
//! figures: `python3 scripts/talib_batch_timings.py AD OBV ...`.

mod common;

use common::{bench_indicator, bench_loop, random_bars, POINTS};
use criterion::{criterion_group, criterion_main, Criterion};
use ta_stream::volume::{
    AccumulationDistribution, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex, MarketFacilitation,
    Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, Vwap,
};

fn volume(c: &mut Criterion) {
    let bars = random_bars(POINTS);
    let pairs: Vec<(f64, f64)> = bars.iter().map(|b| (b.close, b.volume)).collect();
    let volumes: Vec<f64> = bars.iter().map(|b| b.volume).collect();

    bench_indicator(c, "volume/OBV", "", &pairs, Obv::new());
    let mut previous = f64::NAN;
    let mut total = 0.0;
    bench_loop(c, "volume/OBV", "plain sum", &pairs, |(close, volume)| {
        if close > previous {
            total += volume;
        } else if close < previous {
            total -= volume;
        }
        previous = close;
        total
    });
    bench_indicator(c, "volume/AD", "", &bars, AccumulationDistribution::new());
    let mut total = 0.0;
    bench_loop(c, "volume/AD", "plain sum", &bars, |b| {
        let range = b.high - b.low;
        if range > 0.0 {
            total += ((b.close - b.low) - (b.high - b.close)) / range * b.volume;
        }
        total
    });
    bench_indicator(
        c,
        "volume/ADOSC",
        "3,10",
        &bars,
        ChaikinOscillator::default(),
    );
    bench_indicator(
        c,
        "volume/CMF",
        20,
        &bars,
        ChaikinMoneyFlow::new(20).unwrap(),
    );
    bench_indicator(
        c,
        "volume/CMF",
        200,
        &bars,
        ChaikinMoneyFlow::new(200).unwrap(),
    );
    bench_indicator(c, "volume/EFI", 13, &pairs, ForceIndex::new(13).unwrap());
    bench_indicator(c, "volume/MARKETFI", "", &bars, MarketFacilitation::new());
    bench_indicator(c, "volume/NVI", "", &pairs, VolumeIndex::negative());
    bench_indicator(c, "volume/PVI", "", &pairs, VolumeIndex::positive());
    bench_indicator(c, "volume/PVT", "", &pairs, PriceVolumeTrend::new());
    bench_indicator(
        c,
        "volume/RVOL",
        20,
        &volumes,
        RelativeVolume::new(20).unwrap(),
    );
    bench_indicator(
        c,
        "volume/RVOL",
        200,
        &volumes,
        RelativeVolume::new(200).unwrap(),
    );
    bench_indicator(c, "volume/VWAP", "", &bars, Vwap::new());
}

criterion_group!(benches, volume);
criterion_main!(benches);
