//! The universe path and the slice path, against the loops they replace, in one run.
//!
//! - `universe_*`: 5,000 series, one update each per tick, 400 ticks per iteration
//!   (2,000,000 updates): the structure-of-arrays universe, a `Vec` of single indicators
//!   updated in a loop, and a hand-written structure-of-arrays loop of the same formula
//!   without input checks (for the SMA, the textbook add-and-subtract ring, which drifts,
//!   and the crate's drift-free formula by hand).
//! - `slice_*`: the 2,000,000-point random walk (bars around it for the ATR) through
//!   `update` in a loop (outputs discarded), `update` storing each `Option` into a
//!   preallocated `Vec`, `batch` (which allocates that `Vec`), and `update_slice` into a
//!   caller-provided slice of numbers.
//!
//! Run with `cargo bench --bench universe`; ns per update = time / 2,000,000. Everything is
//! warmed up before timing; compare ratios within one run (the machine may be shared).
//! `TA_STREAM_INTERLEAVED=1 cargo bench --bench universe` prints instead a table of the best
//! of 9 interleaved passes per case (each case of a group timed in turn, 9 times) and of
//! the CPU time per pass (Linux), which keep the ratios honest on a loaded machine.

use std::hint::black_box;

use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use ta_stream::average::{Ema, Sma, Wma};
use ta_stream::bar::Candle;
use ta_stream::momentum::Rsi;
use ta_stream::statistics::RollingMax;
use ta_stream::universe::{EmaUniverse, RsiUniverse, SmaUniverse};
use ta_stream::volatility::Atr;
use ta_stream::Indicator;

const POINTS: usize = 2_000_000;
const SERIES: usize = 5_000;
const TICKS: usize = POINTS / SERIES;

/// Uniform numbers in [0, 1) from xorshift64.
fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The benches' 2,000,000-point random walk from 100.
fn random_walk(length: usize) -> Vec<f64> {
    let mut next = uniform(0x2545_F491_4F6C_DD1D);
    let mut price = 100.0;
    (0..length)
        .map(|_| {
            price += next() - 0.5;
            price
        })
        .collect()
}

/// Bars around the walk: open at the previous close, wicks up to 0.5.
fn bars(walk: &[f64]) -> Vec<Candle> {
    let mut next = uniform(0x9E37_79B9_7F4A_7C15);
    let mut previous = walk[0];
    walk.iter()
        .map(|&close| {
            let (high, low) = (
                close.max(previous) + 0.5 * next(),
                close.min(previous) - 0.25 * next(),
            );
            let candle = Candle::new(previous.clamp(low, high), high, low, close, 0.0).unwrap();
            previous = close;
            candle
        })
        .collect()
}

/// `ticks` rows of `SERIES` prices: one random walk per series, from 100.
fn universe_ticks(ticks: usize) -> Vec<Vec<f64>> {
    let mut next = uniform(0x2545_F491_4F6C_DD1D);
    let mut prices = vec![100.0; SERIES];
    (0..ticks)
        .map(|_| {
            prices.iter_mut().for_each(|p| *p += next() - 0.5);
            prices.clone()
        })
        .collect()
}

/// One timed case: a label and a pass of 2,000,000 updates.
type Case<'a> = (&'static str, Box<dyn FnMut() + 'a>);

/// A pass over every tick of `ticks`, after a warm-up pass.
fn ticks_case<'a>(
    label: &'static str,
    ticks: &'a [Vec<f64>],
    mut step: impl FnMut(&[f64], &mut [f64]) + 'a,
) -> Case<'a> {
    let mut out = vec![0.0; SERIES];
    for tick in ticks {
        step(tick, &mut out);
    }
    let pass = move || {
        for tick in ticks {
            step(black_box(tick), &mut out);
            black_box(&mut out);
        }
    };
    (label, Box::new(pass))
}

/// A `Vec` of single indicators, updated in a loop.
fn vec_of<I: Indicator<Input = f64, Output = f64>>(
    mut singles: Vec<I>,
) -> impl FnMut(&[f64], &mut [f64]) {
    move |tick, out| {
        for ((one, &x), slot) in singles.iter_mut().zip(tick).zip(out.iter_mut()) {
            *slot = one.update(x).unwrap_or(f64::NAN);
        }
    }
}

fn universe_sma(ticks: &[Vec<f64>], period: usize) -> Vec<Case<'_>> {
    let mut universe = SmaUniverse::new(SERIES, period).unwrap();
    let singles = vec![Sma::new(period).unwrap(); SERIES];
    // The hand-written structure-of-arrays loop: one ring row per slot, a common head,
    // add-and-subtract sums (drift), no input check.
    let mut ring = vec![0.0; period * SERIES];
    let mut sums = vec![0.0; SERIES];
    let mut head = 0;
    let n = period as f64;
    vec![
        ticks_case("ta_stream_universe", ticks, move |tick, out| {
            universe.update(tick, out).unwrap()
        }),
        ticks_case("vec_of_sma", ticks, vec_of(singles)),
        ticks_case("hand_written_soa", ticks, move |tick, out| {
            let row = &mut ring[head * SERIES..(head + 1) * SERIES];
            let lanes = tick.iter().zip(row).zip(&mut sums).zip(out.iter_mut());
            for (((&x, old), sum), out) in lanes {
                *sum += x - *old;
                *old = x;
                *out = *sum / n;
            }
            head = if head + 1 == period { 0 } else { head + 1 };
        }),
        ticks_case(
            "hand_written_soa_drift_free",
            ticks,
            drift_free_loop(period),
        ),
    ]
}

/// The crate's drift-free formula written by hand on arrays, without input checks or
/// warm-up logic: a common write row, suffix sums of the old block rebuilt every `period`
/// ticks (a row at a time), the sum of the values pushed since.
fn drift_free_loop(period: usize) -> impl FnMut(&[f64], &mut [f64]) {
    let mut slots = vec![0.0; period * SERIES];
    let mut suffix = vec![0.0; (period + 1) * SERIES];
    let mut recent = vec![0.0; SERIES];
    let mut running = vec![0.0; SERIES];
    let mut head = 0;
    let n = period as f64;
    move |tick, out| {
        let row = &mut slots[head * SERIES..(head + 1) * SERIES];
        let old = &suffix[(head + 1) * SERIES..(head + 2) * SERIES];
        let lanes = tick
            .iter()
            .zip(row)
            .zip(old)
            .zip(&mut recent)
            .zip(out.iter_mut());
        for ((((&x, slot), &old), recent), out) in lanes {
            *recent += x;
            *slot = x;
            *out = (old + *recent) / n;
        }
        head += 1;
        if head == period {
            head = 0;
            recent.fill(0.0);
            running.fill(0.0);
            for slot in (0..period).rev() {
                let values = &slots[slot * SERIES..(slot + 1) * SERIES];
                let sums = &mut suffix[slot * SERIES..(slot + 1) * SERIES];
                for ((running, &x), sum) in running.iter_mut().zip(values).zip(sums) {
                    *running += x;
                    *sum = *running;
                }
            }
        }
    }
}

fn universe_ema(ticks: &[Vec<f64>], period: usize) -> Vec<Case<'_>> {
    let mut universe = EmaUniverse::new(SERIES, period).unwrap();
    let singles = vec![Ema::new(period).unwrap(); SERIES];
    let mut state = ticks[0].clone();
    let k = 2.0 / (period as f64 + 1.0);
    vec![
        ticks_case("ta_stream_universe", ticks, move |tick, out| {
            universe.update(tick, out).unwrap()
        }),
        ticks_case("vec_of_ema", ticks, vec_of(singles)),
        ticks_case("hand_written_soa", ticks, move |tick, out| {
            for ((&x, s), out) in tick.iter().zip(&mut state).zip(out.iter_mut()) {
                *s += (x - *s) * k;
                *out = *s;
            }
        }),
    ]
}

fn universe_rsi(ticks: &[Vec<f64>], period: usize) -> Vec<Case<'_>> {
    let mut universe = RsiUniverse::new(SERIES, period).unwrap();
    let singles = vec![Rsi::new(period).unwrap(); SERIES];
    // Wilder's recursion on arrays, without input checks or warm-up logic.
    let mut previous = ticks[0].clone();
    let mut gains = vec![0.5; SERIES];
    let mut losses = vec![0.5; SERIES];
    let n = period as f64;
    let (weight, inverse) = ((n - 1.0) / n, 1.0 / n);
    vec![
        ticks_case("ta_stream_universe", ticks, move |tick, out| {
            universe.update(tick, out).unwrap()
        }),
        ticks_case("vec_of_rsi", ticks, vec_of(singles)),
        ticks_case("hand_written_soa", ticks, move |tick, out| {
            let lanes = tick
                .iter()
                .zip(&mut previous)
                .zip(&mut gains)
                .zip(&mut losses)
                .zip(out.iter_mut());
            for ((((&x, previous), gain), loss), out) in lanes {
                let change = x - *previous;
                *previous = x;
                *gain = *gain * weight + change.max(0.0) * inverse;
                *loss = *loss * weight + (-change).max(0.0) * inverse;
                let total = *gain + *loss;
                *out = if total == 0.0 {
                    50.0
                } else {
                    100.0 * (*gain / total)
                };
            }
        }),
    ]
}

/// `update` in a loop against `update_slice`, over `data`, warmed up first.
fn slice_cases<I>(period: usize, data: &[I::Input], mut indicator: I) -> Vec<Case<'_>>
where
    I: Indicator<Output = f64> + Clone + 'static,
{
    indicator.warm_up(data[..4 * period].iter().copied());
    let mut streaming = indicator.clone();
    let mut storing = indicator.clone();
    let mut batching = indicator.clone();
    let mut options = vec![None; data.len()];
    let mut out = vec![0.0; data.len()];
    vec![
        (
            "update",
            Box::new(move || {
                for x in data {
                    black_box(streaming.update(*black_box(x)));
                }
            }),
        ),
        (
            "update_into_options",
            Box::new(move || {
                for (slot, &x) in options.iter_mut().zip(data) {
                    *slot = storing.update(x);
                }
                black_box(&mut options);
            }),
        ),
        (
            "batch",
            Box::new(move || {
                black_box(batching.batch(black_box(data)));
            }),
        ),
        (
            "update_slice",
            Box::new(move || {
                indicator.update_slice(black_box(data), &mut out).unwrap();
                black_box(&mut out);
            }),
        ),
    ]
}

/// Every group: its name, period and cases.
fn groups<'a>(
    ticks: &'a [Vec<f64>],
    walk: &'a [f64],
    candles: &'a [Candle],
) -> Vec<(&'static str, usize, Vec<Case<'a>>)> {
    vec![
        ("universe_sma", 14, universe_sma(ticks, 14)),
        ("universe_sma", 50, universe_sma(ticks, 50)),
        ("universe_ema", 50, universe_ema(ticks, 50)),
        ("universe_rsi", 14, universe_rsi(ticks, 14)),
        (
            "slice_sma",
            50,
            slice_cases(50, walk, Sma::new(50).unwrap()),
        ),
        (
            "slice_ema",
            50,
            slice_cases(50, walk, Ema::new(50).unwrap()),
        ),
        (
            "slice_rsi",
            14,
            slice_cases(14, walk, Rsi::new(14).unwrap()),
        ),
        (
            "slice_wma",
            20,
            slice_cases(20, walk, Wma::new(20).unwrap()),
        ),
        (
            "slice_max",
            20,
            slice_cases(20, walk, RollingMax::new(20).unwrap()),
        ),
        (
            "slice_atr",
            14,
            slice_cases(14, candles, Atr::new(14).unwrap()),
        ),
    ]
}

/// CPU time this thread has run, in clock ticks (user + system, from
/// `/proc/thread-self/stat`; 0 where that file does not exist): unlike wall time, it does
/// not count the time the thread waits for a core on a loaded machine.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<u64> = after_name
        .split_whitespace()
        .map(|field| field.parse().unwrap_or(0))
        .collect();
    // Fields 14 and 15 of the file (utime, stime); the name ends at field 2.
    fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0)
}

/// Per case, the best of 9 interleaved passes in wall time, and the CPU time per pass over
/// passes of at least 0.3 s of CPU (clock ticks are 10 ms), both in ns per update.
fn interleaved(groups: Vec<(&'static str, usize, Vec<Case<'_>>)>) {
    println!("| group | case | ns per update, wall (best of 9, interleaved) | ratio | ns per update, CPU time | ratio |");
    println!("|---|---|---|---|---|---|");
    for (name, period, mut cases) in groups {
        let mut best = vec![f64::INFINITY; cases.len()];
        let mut cpu = vec![f64::INFINITY; cases.len()];
        for round in 0..9 {
            for (((_, pass), best), cpu) in cases.iter_mut().zip(&mut best).zip(&mut cpu) {
                let start = Instant::now();
                pass();
                *best = best.min(start.elapsed().as_secs_f64() * 1e9 / POINTS as f64);
                if round % 3 == 2 {
                    let (ticks, mut passes) = (cpu_ticks(), 0);
                    while cpu_ticks() < ticks + 30 && passes < 1000 {
                        pass();
                        passes += 1;
                    }
                    let seconds = (cpu_ticks() - ticks) as f64 / 100.0;
                    *cpu = cpu.min(seconds * 1e9 / (passes as f64 * POINTS as f64));
                }
            }
        }
        for ((label, _), (ns, cpu_ns)) in cases.iter().zip(best.iter().zip(&cpu)) {
            println!(
                "| {name}({period}) | {label} | {ns:.2} | {:.2} | {cpu_ns:.2} | {:.2} |",
                ns / best[0],
                cpu_ns / cpu[0]
            );
        }
    }
}

fn main() {
    let ticks = universe_ticks(TICKS);
    let walk = random_walk(POINTS);
    let candles = bars(&walk);
    let groups = groups(&ticks, &walk, &candles);
    if std::env::var_os("TA_STREAM_INTERLEAVED").is_some() {
        interleaved(groups);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    for (name, period, cases) in groups {
        let mut group = criterion.benchmark_group(name);
        group.throughput(Throughput::Elements(POINTS as u64));
        group.sample_size(10);
        for (label, mut pass) in cases {
            group.bench_function(BenchmarkId::new(label, period), |b| b.iter(&mut pass));
        }
        group.finish();
    }
    criterion.final_summary();
}
