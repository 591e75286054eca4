//! The crate side by side with its peers (`ta` 0.5, `yata` 0.7, `kand` 0.2) and with
//! hand-written streaming loops of the same formulas, in one process, on one data set: the
//! benches' 2,000,000-point xorshift64 random walk, and OHLC bars built around it (open at the
//! previous close, high and low 0.25 beyond the body, as `scripts/talib_batch_timings.py`
//! builds them, so that TA-Lib's batch figures are taken on the same bars).
//!
//! Before anything is timed, every pair is checked to compute the same numbers: on the first
//! 20,000 points, after 2,000 points of warm-up (the peers seed their averages differently,
//! and a seed's influence decays geometrically), every output agrees within `1e-9` relative
//! to `max(|a|, |b|, 1)` (the prices are about 100, so this is stricter than relative to the
//! price). For SMA, WMA, STDDEV, Bollinger, MFI, the stochastic, OBV, AD and ADOSC a second
//! hand loop, `drift_free_loop`, writes the crate's own drift-free formula plainly (block
//! suffix sums, nothing subtracted from a running total; the totals of OBV and AD with the
//! rounding error of each addition): the plain `hand_loop` subtracts evicted values (or adds
//! without compensation) and so drifts, and the gap between the two loops is the price of
//! drift-freedom, the gap between the crate and `drift_free_loop` the crate's own overhead.
//! Where a peer's definition differs, it is given the parameter that makes it compute the
//! same numbers, or left out:
//! - `ta`'s EMA-based smoothing uses `α = 2/(n + 1)`: its RSI and ATR get period `2n − 1`
//!   (`α = 1/n`, Wilder's); `ta` has no WMA, and its slow stochastic smooths `%K` with an
//!   EMA and has no `%D` line (left out);
//! - `yata`'s standard deviation is the sample one (divisor `n − 1`): its STDDEV row is
//!   compared after scaling by `sqrt((n − 1)/n)` (a constant; the timing is of the same work),
//!   and its Bollinger bands get `σ = 2·sqrt((n − 1)/n)`; its RSI and stochastic are in
//!   `0..=1` and are compared after scaling by 100; its RSI uses Wilder's RMA (`MA::RMA`);
//! - `ta`'s CCI takes the mean deviation of the closes, not of the typical prices (left out);
//!   `yata`'s CCI is `(TP − mean)/deviation`, without TA-Lib's `1/0.015`, and is compared after
//!   scaling; neither has Williams %R, and `yata` has no OBV;
//! - neither `ta` nor `yata` has Wilder's ADX as TA-Lib computes it (the ADX row has the
//!   hand loop, `kand` and TA-Lib);
//! - `kand` is a batch library (its `*_inc` functions make the caller carry the state): its
//!   figures are one batch call over the whole series, divided by the number of points;
//! - the TA-Lib functions after ADX (DEMA, TEMA, T3, TRIX, ROC, MOM, MIDPOINT, NATR, AD,
//!   ADOSC, BOP) are compared with `kand` only, without a hand loop; `kand`'s TRIMA(30) and
//!   SAR compute other numbers than TA-Lib's (and the crate's), and are left out.
//!
//! Each measurement streams the whole series through an instance warmed up beforehand (the
//! `ta_stream_slice` rows run the slice path over it instead: `update_slice`, for Bollinger
//! `bands_into` (TA-Lib's three `BBANDS` columns, without `%B` and bandwidth), for MACD
//! `lines_into`, for the stochastic `hlc_lines_into` and for ATR, Williams %R, CCI and ADX
//! `hlc_into`, over the high, low and close columns, as TA-Lib's `STOCH`, `ATR`, `WILLR`,
//! `CCI` and `ADX` read them);
//! criterion reports the time of one pass (2,000,000 updates). The time is the benchmark
//! thread's **CPU time** (`CLOCK_THREAD_CPUTIME_ID`), not wall-clock time: on a shared machine
//! (two cores, other processes building) wall-clock figures include the time the thread
//! waits for a core, which swings by several times from one run to the next; CPU time does
//! not. `PEERS_CLOCK=wall cargo bench --bench peers` measures wall-clock time instead. `scripts/peers_table.py` turns
//! `target/criterion/peers-*/**/new/estimates.json` into the README's table (ns per update,
//! ratios to the hand loop and to the fastest peer).
//!
//! The bench also prints the memory of one instance (its `size_of` plus the heap it holds,
//! counted by a global allocator wrapper) for SMA(200), Bollinger(20), STDDEV(200) and
//! WMA(200), the crate next to the peers, and writes it to `target/criterion/peers-memory.json`.
//!
//! Run with `cargo bench --bench peers` (a few minutes); `-- sma` for one group.
#![allow(unsafe_code)] // the counting allocator below; the library itself forbids unsafe code

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Throughput};
use ta_stream::average::{Dema, Ema, Sma, Tema, Wma, T3};
use ta_stream::bar::Candle;
use ta_stream::momentum::directional::Adx;
use ta_stream::momentum::{
    Bop, Cci, FlatRsi, Macd, Mfi, Momentum, Roc, Rsi, Stochastic, Trix, WilliamsR,
};
use ta_stream::statistics::{MidPoint, RollingMax};
use ta_stream::volatility::{Atr, Bollinger, Natr, StdDev};
use ta_stream::volume::{AccumulationDistribution, ChaikinOscillator, Obv};
use ta_stream::Indicator;

use ta::Next as _;
use yata::core::{IndicatorConfig as _, IndicatorInstance as _, Method as _};

const POINTS: usize = 2_000_000;
/// Points on which every pair is checked to agree, and the warm-up skipped before comparing.
const CHECKED: usize = 20_000;
const SKIP: usize = 2_000;

// ---------------------------------------------------------------------------------------
// The clock: the thread's CPU time by default, wall-clock time with `PEERS_CLOCK=wall`.

/// A criterion measurement in nanoseconds of the calling thread's CPU time, or of wall-clock
/// time.
struct Clock {
    wall: bool,
    epoch: std::time::Instant,
}

impl Clock {
    fn from_env() -> Self {
        Self {
            wall: std::env::var("PEERS_CLOCK").is_ok_and(|clock| clock == "wall"),
            epoch: std::time::Instant::now(),
        }
    }

    fn now(&self) -> u64 {
        if self.wall {
            return self.epoch.elapsed().as_nanos() as u64;
        }
        let mut time = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `time` is a valid, writable timespec; the clock id is a constant.
        unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
        time.tv_sec as u64 * 1_000_000_000 + time.tv_nsec as u64
    }
}

type Criterion = criterion::Criterion<Clock>;

impl Measurement for Clock {
    type Intermediate = u64;
    type Value = u64;
    fn start(&self) -> u64 {
        self.now()
    }
    fn end(&self, start: u64) -> u64 {
        self.now().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Formats nanoseconds as criterion's wall-time formatter does (ns, µs, ms, s).
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = if typical < 1e3 {
            (1.0, "ns")
        } else if typical < 1e6 {
            (1e-3, "µs")
        } else if typical < 1e9 {
            (1e-6, "ms")
        } else {
            (1e-9, "s")
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }
    fn scale_throughputs(
        &self,
        _: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let elements = match throughput {
            Throughput::Elements(n) => *n as f64,
            _ => 1.0,
        };
        // values are ns per iteration: elements per second, in millions.
        values.iter_mut().for_each(|v| *v = elements * 1e3 / *v);
        "Melem/s"
    }
    fn scale_for_machines(&self, _: &mut [f64]) -> &'static str {
        "ns"
    }
}

// ---------------------------------------------------------------------------------------
// Memory: a global allocator wrapper that keeps the number of live heap bytes.

struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// `size_of` of what `make` builds plus the heap bytes it still holds once built.
fn footprint<T>(make: impl FnOnce() -> T) -> (usize, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    let value = make();
    let heap = LIVE.load(Ordering::Relaxed) - before;
    let size = std::mem::size_of_val(&value);
    drop(black_box(value));
    (size, heap.max(0) as usize)
}

fn memory(_: &mut Criterion) {
    let rows: Vec<(&str, &str, (usize, usize))> = vec![
        (
            "SMA(200)",
            "ta_stream",
            footprint(|| Sma::<f64>::new(200).unwrap()),
        ),
        (
            "SMA(200)",
            "ta",
            footprint(|| ta::indicators::SimpleMovingAverage::new(200).unwrap()),
        ),
        (
            "SMA(200)",
            "yata",
            footprint(|| yata::methods::SMA::new(200, &100.0).unwrap()),
        ),
        (
            "Bollinger(20,2)",
            "ta_stream",
            footprint(|| Bollinger::<f64>::new(20, 2.0).unwrap()),
        ),
        (
            "Bollinger(20,2)",
            "ta",
            footprint(|| ta::indicators::BollingerBands::new(20, 2.0).unwrap()),
        ),
        (
            "Bollinger(20,2)",
            "yata",
            footprint(|| yata_bollinger().init(&yata_candle(100.0)).unwrap()),
        ),
        (
            "STDDEV(200)",
            "ta_stream",
            footprint(|| StdDev::<f64>::new(200).unwrap()),
        ),
        (
            "STDDEV(200)",
            "ta",
            footprint(|| ta::indicators::StandardDeviation::new(200).unwrap()),
        ),
        (
            "STDDEV(200)",
            "yata",
            footprint(|| yata::methods::StDev::new(200, &100.0).unwrap()),
        ),
        (
            "WMA(200)",
            "ta_stream",
            footprint(|| Wma::<f64>::new(200).unwrap()),
        ),
        (
            "WMA(200)",
            "yata",
            footprint(|| yata::methods::WMA::new(200, &100.0).unwrap()),
        ),
    ];
    println!("\nMemory per instance (size_of + heap bytes):");
    let mut json = Vec::new();
    for (indicator, library, (size, heap)) in &rows {
        println!(
            "  {indicator:<16} {library:<10} {size:>6} + {heap:>6} = {:>6}",
            size + heap
        );
        json.push(format!(
            r#"{{"indicator":"{indicator}","library":"{library}","size_of":{size},"heap":{heap}}}"#
        ));
    }
    let directory = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/criterion");
    if std::fs::create_dir_all(&directory).is_ok() {
        let _ = std::fs::write(
            directory.join("peers-memory.json"),
            format!("[{}]\n", json.join(",\n")),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Data.

/// The benches' deterministic random walk (xorshift64) starting at 100.
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

/// Bars around the walk: open at the previous close, high and low 0.25 beyond the body,
/// volume 1000 + 100·|change| (as `scripts/talib_batch_timings.py`).
fn bars(walk: &[f64]) -> Vec<Candle> {
    let mut previous = walk[0];
    walk.iter()
        .map(|&close| {
            let open = previous;
            previous = close;
            let (high, low) = (open.max(close) + 0.25, open.min(close) - 0.25);
            Candle::new(
                open,
                high,
                low,
                close,
                1000.0 + 100.0 * (close - open).abs(),
            )
            .unwrap()
        })
        .collect()
}

fn yata_candle(close: f64) -> yata::core::Candle {
    yata::core::Candle {
        open: close,
        high: close,
        low: close,
        close,
        volume: 0.0,
    }
}

fn yata_bar(bar: &Candle) -> yata::core::Candle {
    yata::core::Candle {
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: bar.volume,
    }
}

/// A bar as `ta` reads one (its `DataItem` is not `Copy`).
#[derive(Clone, Copy)]
struct TaBar {
    high: f64,
    low: f64,
    close: f64,
    volume: f64,
}

impl ta::Volume for TaBar {
    fn volume(&self) -> f64 {
        self.volume
    }
}

impl ta::High for TaBar {
    fn high(&self) -> f64 {
        self.high
    }
}

impl ta::Low for TaBar {
    fn low(&self) -> f64 {
        self.low
    }
}

impl ta::Close for TaBar {
    fn close(&self) -> f64 {
        self.close
    }
}

fn ta_bar(bar: &Candle) -> TaBar {
    TaBar {
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: bar.volume,
    }
}

/// Columns of the bars, for the batch peers.
struct Columns {
    open: Vec<f64>,
    high: Vec<f64>,
    low: Vec<f64>,
    close: Vec<f64>,
    volume: Vec<f64>,
}

fn columns(bars: &[Candle]) -> Columns {
    Columns {
        open: bars.iter().map(|b| b.open).collect(),
        high: bars.iter().map(|b| b.high).collect(),
        low: bars.iter().map(|b| b.low).collect(),
        close: bars.iter().map(|b| b.close).collect(),
        volume: bars.iter().map(|b| b.volume).collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Agreement checks and timing.

/// Asserts that `other` computes what `reference` computes, output by output, after the
/// warm-up (`NaN` marks an output not produced yet).
fn agree<const K: usize>(what: &str, reference: &[[f64; K]], other: &[[f64; K]]) {
    assert_eq!(reference.len(), other.len(), "{what}: lengths");
    for (index, (a, b)) in reference.iter().zip(other).enumerate().skip(SKIP) {
        for (k, (&a, &b)) in a.iter().zip(b).enumerate() {
            let scale = a.abs().max(b.abs()).max(1.0);
            assert!(
                a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * scale,
                "{what}: output {k} differs at index {index}: {a} against {b}"
            );
        }
    }
    eprintln!("checked: {what} agrees with the crate");
}

/// Outputs of a streaming `step` over `data`.
fn outputs<X: Copy, const K: usize>(
    data: &[X],
    mut step: impl FnMut(X) -> [f64; K],
) -> Vec<[f64; K]> {
    data.iter().map(|&x| step(x)).collect()
}

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, Clock> {
    let mut group = c.benchmark_group(format!("peers-{name}"));
    group.throughput(Throughput::Elements(POINTS as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    group
}

/// Times a streaming `step` over the whole series (one iteration = one pass).
///
/// The stepping state (an indicator, a peer's, a loop's) is owned by `step` and moved into a
/// local for each pass, then back: the compiler may keep it in registers as it would in a
/// user's own loop, for every contender alike, instead of reloading it from memory after each
/// `black_box`. Each input is read through an opaque reference to it (`*black_box(x)`), from
/// the series as a feed's would be: passed by value, `black_box` stores a 40-byte candle to
/// the stack and the step reads it back across two of those stores, a failed store-to-load
/// forward that cost some loops more than their own work (the ADX hand loop ran at 22 ns a
/// bar that way, 5.9 from the series).
fn stream<X: Copy, O>(
    group: &mut BenchmarkGroup<'_, Clock>,
    id: &str,
    data: &[X],
    step: impl FnMut(X) -> O,
) {
    let mut slot = Some(step);
    group.bench_function(id, |b| {
        b.iter(|| {
            if let Some(mut step) = slot.take() {
                for x in data {
                    black_box(step(*black_box(x)));
                }
                slot = Some(step);
            }
        })
    });
}

/// Times the crate's slice path (`update_slice` into a caller-provided buffer) over the whole
/// series, warmed up as the streaming rows are.
fn slice_path<I>(group: &mut BenchmarkGroup<'_, Clock>, mut indicator: I, data: &[I::Input])
where
    I: Indicator<Output = f64>,
{
    let mut warm = vec![0.0; 1000];
    indicator.update_slice(&data[..1000], &mut warm).unwrap();
    let mut out = vec![0.0; data.len()];
    batch(group, "ta_stream_slice", || {
        indicator.update_slice(black_box(data), &mut out).unwrap()
    });
}

/// A column path over high, low and close in TA-Lib's shape (`hlc_into`).
type HlcInto<I> = fn(&mut I, &[f64], &[f64], &[f64], &mut [f64]) -> Result<(), ta_stream::Error>;

/// Checks the crate's column path over high, low and close against the streaming
/// `reference` on the checked prefix, then times it over the whole series, warmed up as the
/// streaming rows are, as the group's slice row.
fn hlc_slice_path<I>(
    group: &mut BenchmarkGroup<'_, Clock>,
    what: &str,
    fresh: impl Fn() -> I,
    hlc_into: HlcInto<I>,
    (columns, bars, reference): (&Columns, &[Candle], &[[f64; 1]]),
) where
    I: Indicator<Input = Candle, Output = f64>,
{
    let mut sliced = vec![0.0; CHECKED];
    let [high, low, close] = [&columns.high, &columns.low, &columns.close].map(|c| &c[..CHECKED]);
    hlc_into(&mut fresh(), high, low, close, &mut sliced).unwrap();
    agree(&format!("{what} columns"), reference, &ones(&sliced));
    let mut ours = fresh();
    ours.warm_up(bars[..1000].iter().copied());
    let mut out = vec![0.0; POINTS];
    batch(group, "ta_stream_slice", || {
        hlc_into(
            &mut ours,
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            &mut out,
        )
        .unwrap()
    });
}

/// Times one batch call over the whole series.
fn batch(group: &mut BenchmarkGroup<'_, Clock>, id: &str, mut call: impl FnMut()) {
    group.bench_function(id, |b| b.iter(&mut call));
}

fn nan_if_none(x: Option<f64>) -> f64 {
    x.unwrap_or(f64::NAN)
}

/// `kand` marks warm-up outputs with NaN already; nothing to do but to pair columns.
fn zip3(a: &[f64], b: &[f64], c: &[f64]) -> Vec<[f64; 3]> {
    a.iter()
        .zip(b)
        .zip(c)
        .map(|((&a, &b), &c)| [a, b, c])
        .collect()
}

fn ones(a: &[f64]) -> Vec<[f64; 1]> {
    a.iter().map(|&a| [a]).collect()
}

// ---------------------------------------------------------------------------------------
// Hand-written loops: the textbook formula, no input checks, no drift protection.

/// Plain rolling sum over a ring buffer (add the new value, subtract the evicted one).
struct RingSum {
    ring: Vec<f64>,
    head: usize,
    len: usize,
    sum: f64,
}

impl RingSum {
    fn new(period: usize) -> Self {
        Self {
            ring: vec![0.0; period],
            head: 0,
            len: 0,
            sum: 0.0,
        }
    }
    /// `(sum, evicted)`.
    #[inline(always)]
    fn push(&mut self, x: f64) -> (f64, f64) {
        let old = self.ring[self.head];
        self.ring[self.head] = x;
        self.head = if self.head + 1 == self.ring.len() {
            0
        } else {
            self.head + 1
        };
        self.len = (self.len + 1).min(self.ring.len());
        self.sum += x - old;
        (self.sum, old)
    }
    fn full(&self) -> bool {
        self.len == self.ring.len()
    }
}

/// Rolling maximum by blocks (van Herk / Gil-Werman): suffix maxima of the previous block,
/// running maximum of the current one. `sign = -1` gives the minimum.
struct BlockMax {
    ring: Vec<f64>,
    suffix: Vec<f64>,
    next: usize,
    running: f64,
    sign: f64,
    seen: usize,
}

impl BlockMax {
    fn new(period: usize, sign: f64) -> Self {
        Self {
            ring: vec![f64::NEG_INFINITY; period],
            suffix: vec![f64::NEG_INFINITY; period + 1],
            next: 0,
            running: f64::NEG_INFINITY,
            sign,
            seen: 0,
        }
    }
    #[inline(always)]
    fn push(&mut self, x: f64) -> f64 {
        let x = x * self.sign;
        self.ring[self.next] = x;
        self.running = if self.next == 0 {
            x
        } else {
            self.running.max(x)
        };
        let out = self.running.max(self.suffix[self.next + 1]);
        self.next += 1;
        self.seen += 1;
        if self.next == self.ring.len() {
            let mut m = f64::NEG_INFINITY;
            for (suffix, &x) in self.suffix.iter_mut().zip(&self.ring).rev() {
                m = m.max(x);
                *suffix = m;
            }
            self.next = 0;
        }
        out * self.sign
    }
}

fn loop_sma(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut sum = RingSum::new(period);
    let n = period as f64;
    move |x| {
        let (s, _) = sum.push(x);
        [if sum.full() { s / n } else { f64::NAN }]
    }
}

/// The crate's EMA formula, `s·(1 − k) + x·k` (with `1 − k` rounded and `k` taken as
/// `1 − (1 − k)`, so that the two weights sum to 1), without its checks and without its
/// exact case for an input equal to the average. The weights are kept apart (the state
/// between them), as the crate keeps them: side by side, the compiler loads them as a pair
/// and computes the step as a vector product and a horizontal sum, with two shuffles on the
/// chain from one average to the next (this loop ran at 3.8 ns a step that way, 1.9 now).
struct HandEma {
    keep: f64,
    state: f64,
    take: f64,
    period: usize,
    seen: usize,
}

fn loop_ema(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let keep = 1.0 - 2.0 / (period as f64 + 1.0);
    let mut ema = HandEma {
        keep,
        state: 0.0,
        take: 1.0 - keep,
        period,
        seen: 0,
    };
    move |x| {
        if ema.seen < ema.period {
            ema.seen += 1;
            ema.state += x;
            if ema.seen < ema.period {
                return [f64::NAN];
            }
            ema.state /= ema.period as f64;
        } else {
            ema.state = ema.state * ema.keep + x * ema.take;
        }
        [ema.state]
    }
}

/// Wilder's smoothing seeded with the mean of the first `period` values.
struct Wilder {
    period: usize,
    seen: usize,
    state: f64,
    decay: f64,
    weight: f64,
}

impl Wilder {
    fn new(period: usize) -> Self {
        let n = period as f64;
        Self {
            period,
            seen: 0,
            state: 0.0,
            decay: (n - 1.0) / n,
            weight: 1.0 / n,
        }
    }
    #[inline(always)]
    fn push(&mut self, x: f64) -> f64 {
        if self.seen < self.period {
            self.seen += 1;
            self.state += x;
            if self.seen < self.period {
                return f64::NAN;
            }
            self.state /= self.period as f64;
        } else {
            self.state = self.state * self.decay + x * self.weight;
        }
        self.state
    }
}

fn loop_rsi(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let (mut gains, mut losses) = (Wilder::new(period), Wilder::new(period));
    let mut previous = f64::NAN;
    let mut first = true;
    move |x| {
        let change = x - previous;
        previous = x;
        if first {
            first = false;
            return [f64::NAN];
        }
        let gain = gains.push(change.max(0.0));
        let loss = losses.push((-change).max(0.0));
        let total = gain + loss;
        [if total == 0.0 {
            0.0
        } else {
            100.0 * (gain / total)
        }]
    }
}

/// TA-Lib's MACD: the fast EMA's seed window ends with the slow one's.
fn loop_macd(fast: usize, slow: usize, signal: usize) -> impl FnMut(f64) -> [f64; 3] {
    let (mut fast_ema, mut slow_ema, mut signal_ema) =
        (loop_ema(fast), loop_ema(slow), loop_ema(signal));
    let mut seen = 0;
    move |x| {
        let s = slow_ema(x)[0];
        let f = if seen >= slow - fast {
            fast_ema(x)[0]
        } else {
            f64::NAN
        };
        seen += 1;
        if s.is_nan() {
            return [f64::NAN; 3];
        }
        let macd = f - s;
        let sig = signal_ema(macd)[0];
        if sig.is_nan() {
            return [f64::NAN; 3];
        }
        [macd, sig, macd - sig]
    }
}

/// Rolling `Σx` and `Σx²` (add and subtract): `(mean, population variance)`.
fn loop_moments(period: usize) -> impl FnMut(f64) -> Option<(f64, f64)> {
    let mut sum = RingSum::new(period);
    let mut square = 0.0;
    let n = period as f64;
    let inverse = 1.0 / n;
    move |x| {
        let (s, old) = sum.push(x);
        square += x * x - old * old;
        if !sum.full() {
            return None;
        }
        let mean = s * inverse;
        Some((mean, (square * inverse - mean * mean).max(0.0)))
    }
}

/// Upper, middle, lower, %B, bandwidth.
fn loop_bollinger(period: usize, k: f64) -> impl FnMut(f64) -> [f64; 5] {
    let mut moments = loop_moments(period);
    move |x| bands(moments(x), x, k)
}

/// Upper, middle, lower, %B, bandwidth of `x` from the window's `(mean, variance)`.
#[inline(always)]
fn bands(moments: Option<(f64, f64)>, x: f64, k: f64) -> [f64; 5] {
    let Some((middle, variance)) = moments else {
        return [f64::NAN; 5];
    };
    let offset = k * variance.sqrt();
    let (upper, lower) = (middle + offset, middle - offset);
    let width = upper - lower;
    let percent_b = if width == 0.0 {
        0.5
    } else {
        (x - lower) / width
    };
    [upper, middle, lower, percent_b, width / middle]
}

fn loop_stddev(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut moments = loop_moments(period);
    move |x| [moments(x).map_or(f64::NAN, |(_, v)| v.sqrt())]
}

fn loop_atr(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let mut smoother = Wilder::new(period);
    let mut previous = f64::NAN;
    move |bar: Candle| {
        let range = (bar.high - bar.low)
            .max((previous - bar.high).abs())
            .max((bar.low - previous).abs());
        let first = previous.is_nan();
        previous = bar.close;
        [if first {
            f64::NAN
        } else {
            smoother.push(range)
        }]
    }
}

/// On-balance volume, starting at the first bar's volume (TA-Lib's start); the sign by two
/// selects, not a branch that a random walk's closes mispredict half the time.
fn loop_obv() -> impl FnMut((f64, f64)) -> [f64; 1] {
    let (mut obv, mut previous) = (0.0, f64::NAN);
    move |(close, volume)| {
        if previous.is_nan() {
            obv = volume;
        } else {
            let rising = if close > previous { volume } else { 0.0 };
            let falling = if close < previous { volume } else { 0.0 };
            obv += rising - falling;
        }
        previous = close;
        [obv]
    }
}

/// OBV with the crate's drift-free total written plainly: the running sum and the rounding
/// error of each addition (Knuth's TwoSum), the total their sum; no input checks.
fn drift_free_obv() -> impl FnMut((f64, f64)) -> [f64; 1] {
    let (mut sum, mut error, mut previous) = (0.0, 0.0, f64::NAN);
    move |(close, volume)| {
        let signed = if previous.is_nan() {
            volume
        } else {
            let rising = if close > previous { volume } else { 0.0 };
            let falling = if close < previous { volume } else { 0.0 };
            rising - falling
        };
        previous = close;
        [add_compensated(&mut sum, &mut error, signed)]
    }
}

/// `x` added to a running `sum` whose rounding errors (Knuth's TwoSum, each addition's
/// exact error) accumulate in `error`: the crate's drift-free total written plainly; returns
/// the total, `sum + error`.
#[inline(always)]
fn add_compensated(sum: &mut f64, error: &mut f64, x: f64) -> f64 {
    let next = *sum + x;
    let x_part = next - *sum;
    *error += (*sum - (next - x_part)) + (x - x_part);
    *sum = next;
    *sum + *error
}

/// A bar's money-flow volume as the crate computes it (TA-Lib's close location value times
/// the volume, 0 on a flat bar), held within `±volume` by the crate's comparisons.
#[inline(always)]
fn money_flow(bar: &Candle) -> f64 {
    let range = bar.high - bar.low;
    let position = (bar.close - bar.low) - (bar.high - bar.close);
    let flow = position / range * bar.volume;
    let at_least_low = if flow > -bar.volume {
        flow
    } else {
        -bar.volume
    };
    let flow = if at_least_low < bar.volume {
        at_least_low
    } else {
        bar.volume
    };
    if range > 0.0 {
        flow
    } else {
        0.0
    }
}

/// The A/D line as TA-Lib adds it up: a plain running sum of the money-flow volumes.
fn loop_ad() -> impl FnMut(Candle) -> [f64; 1] {
    let mut ad = 0.0;
    move |bar| {
        ad += money_flow(&bar);
        [ad]
    }
}

/// The A/D line with the crate's drift-free total written plainly (the running sum and the
/// rounding error of each addition, Knuth's TwoSum, as OBV's loop); no input checks.
fn drift_free_ad() -> impl FnMut(Candle) -> [f64; 1] {
    let (mut sum, mut error) = (0.0, 0.0);
    move |bar| [add_compensated(&mut sum, &mut error, money_flow(&bar))]
}

/// The Chaikin oscillator on an A/D line `line` (a loop above): the difference of its
/// exponential averages over `fast` and `slow` bars, `k·x + (1 − k)·e` seeded with the first
/// value (TA-Lib's), NaN until `max(fast, slow)` bars.
fn loop_adosc(
    fast: usize,
    slow: usize,
    mut line: impl FnMut(Candle) -> [f64; 1],
) -> impl FnMut(Candle) -> [f64; 1] {
    let weight = |n: usize| 2.0 / (n as f64 + 1.0);
    let (fast_k, slow_k) = (weight(fast), weight(slow));
    let (fast_keep, slow_keep) = (1.0 - fast_k, 1.0 - slow_k);
    let (mut fast_average, mut slow_average, mut bars) = (0.0, 0.0, 0);
    move |bar| {
        let [x] = line(bar);
        if bars == 0 {
            (fast_average, slow_average) = (x, x);
        } else {
            fast_average = x * fast_k + fast_average * fast_keep;
            slow_average = x * slow_k + slow_average * slow_keep;
        }
        bars += 1;
        [if bars >= fast.max(slow) {
            fast_average - slow_average
        } else {
            f64::NAN
        }]
    }
}

/// Typical price, as TA-Lib adds it up.
#[inline(always)]
fn typical(bar: &Candle) -> f64 {
    (bar.high + bar.low + bar.close) / 3.0
}

/// CCI: a rolling sum for the mean, a scan for the deviations from it (TA-Lib's method).
fn loop_cci(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let mut sum = RingSum::new(period);
    let n = period as f64;
    move |bar| {
        let tp = typical(&bar);
        let (total, _) = sum.push(tp);
        if !sum.full() {
            return [f64::NAN];
        }
        let mean = total / n;
        let deviations = sum.ring.iter().map(|&v| (v - mean).abs()).sum::<f64>();
        let distance = tp - mean;
        // The crate's order: `(TP − m)·(n/0.015)/Σ|TP_i − m|`, TA-Lib's value to an ulp.
        [if distance == 0.0 || deviations == 0.0 {
            0.0
        } else {
            distance * (n / 0.015) / deviations
        }]
    }
}

/// Williams %R: block max/min, TA-Lib's flat-window rule, the crate's `−100·((HH − C)/range)`.
fn loop_willr(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let (mut highest, mut lowest) = (BlockMax::new(period, 1.0), BlockMax::new(period, -1.0));
    move |bar| {
        let hh = highest.push(bar.high);
        let ll = lowest.push(bar.low);
        if highest.seen < period {
            return [f64::NAN];
        }
        let range = hh - ll;
        [if range.abs() <= 1e-14 * (hh.abs() + ll.abs()) {
            0.0
        } else {
            -100.0 * ((hh - bar.close) / range)
        }]
    }
}

/// Wilder's ADX: the directional movements and the true range smoothed by Wilder's sums
/// (`S ← S·(1 − 1/n) + x`, seeded with the sum of the first `n − 1`), DX from the two
/// smoothed movements (`100·|−DM − +DM| / (+DM + −DM)`, the DIs' ratio with the true range
/// cancelled), and the ADX as the mean of the first `n` DXs, then `ADX·(1 − 1/n) + DX/n`:
/// TA-Lib's formula with its divisions by `n` as products, as the crate computes it.
fn loop_adx(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let share = 1.0 / period as f64;
    let keep = 1.0 - share;
    let mut previous: Option<Candle> = None;
    let (mut plus, mut minus, mut range) = (0.0, 0.0, 0.0);
    let (mut movements, mut dxs, mut adx) = (0usize, 0usize, 0.0);
    move |bar| {
        let Some(before) = previous.replace(bar) else {
            return [f64::NAN];
        };
        let up = bar.high - before.high;
        let down = before.low - bar.low;
        let (up_wins, down_wins) = ((up > down) & (up > 0.0), (down > up) & (down > 0.0));
        let plus_dm = if up_wins { up } else { 0.0 };
        let minus_dm = if down_wins { down } else { 0.0 };
        let true_range = bar.high.max(before.close) - bar.low.min(before.close);
        movements += 1;
        if movements < period {
            (plus, minus, range) = (plus + plus_dm, minus + minus_dm, range + true_range);
            return [f64::NAN];
        }
        plus = plus * keep + plus_dm;
        minus = minus * keep + minus_dm;
        range = range * keep + true_range;
        let total = plus + minus;
        let dx = if range == 0.0 || total == 0.0 {
            0.0
        } else {
            100.0 * ((plus - minus).abs() / total)
        };
        dxs += 1;
        if dxs < period {
            adx += dx;
            return [f64::NAN];
        }
        adx = if dxs == period {
            (adx + dx) / period as f64
        } else {
            adx * keep + dx * share
        };
        [adx]
    }
}

/// MFI's positive and negative money flows of `bar`, `typical·volume` on a rising or a
/// falling typical price against the previous one, which `bar`'s replaces; `None` on the
/// first bar, which only sets it.
#[inline(always)]
fn mfi_flows(previous: &mut f64, bar: &Candle) -> Option<(f64, f64)> {
    let tp = typical(bar);
    let before = std::mem::replace(previous, tp);
    if before.is_nan() {
        return None;
    }
    let flow = tp * bar.volume;
    let up = if tp > before { flow } else { 0.0 };
    let down = if tp < before { flow } else { 0.0 };
    Some((up, down))
}

/// Money flow index: two rolling sums of the flows on rising and falling typical prices.
fn loop_mfi(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let (mut positive, mut negative) = (RingSum::new(period), RingSum::new(period));
    let mut previous = f64::NAN;
    move |bar| {
        let Some((up, down)) = mfi_flows(&mut previous, &bar) else {
            return [f64::NAN];
        };
        let (up, _) = positive.push(up);
        let (down, _) = negative.push(down);
        if !positive.full() {
            return [f64::NAN];
        }
        let total = up + down;
        [if total == 0.0 {
            0.0
        } else {
            100.0 * up / total
        }]
    }
}

/// Slow stochastic: block max/min for the range, plain rolling sums for the two SMAs, each
/// mean a quotient as the crate's (and TA-Lib's), `%K` the crate's `100·((C − LL)/range)`.
fn loop_stochastic(fast_k: usize, slow_k: usize, slow_d: usize) -> impl FnMut(Candle) -> [f64; 2] {
    let mut raw = RawK::new(fast_k);
    let (mut k_sum, mut d_sum) = (RingSum::new(slow_k), RingSum::new(slow_d));
    let (k_count, d_count) = (slow_k as f64, slow_d as f64);
    move |bar: Candle| {
        let Some(fast) = raw.push(&bar) else {
            return [f64::NAN; 2];
        };
        let (k, _) = k_sum.push(fast);
        if !k_sum.full() {
            return [f64::NAN; 2];
        }
        let k = k / k_count;
        let (d, _) = d_sum.push(k);
        if !d_sum.full() {
            return [f64::NAN; 2];
        }
        [k, d / d_count]
    }
}

/// The raw `%K` both stochastic loops share: block max and min of the last `period` bars and
/// the crate's `100·((C − LL)/range)`, 0 for a flat range; `None` until the window is full.
struct RawK {
    highest: BlockMax,
    lowest: BlockMax,
    period: usize,
}

impl RawK {
    fn new(period: usize) -> Self {
        Self {
            highest: BlockMax::new(period, 1.0),
            lowest: BlockMax::new(period, -1.0),
            period,
        }
    }

    #[inline(always)]
    fn push(&mut self, bar: &Candle) -> Option<f64> {
        let hh = self.highest.push(bar.high);
        let ll = self.lowest.push(bar.low);
        if self.highest.seen < self.period {
            return None;
        }
        let spread = hh - ll;
        Some(if spread.abs() <= 1e-14 * (hh.abs() + ll.abs()) {
            0.0
        } else {
            100.0 * ((bar.close - ll) / spread)
        })
    }
}

/// The slow stochastic with the crate's drift-free sums for its two averages of three
/// (`BlockSums`), otherwise `loop_stochastic`: the crate's arithmetic without its checks of
/// the candles or a state to save.
fn drift_free_stochastic(
    fast_k: usize,
    slow_k: usize,
    slow_d: usize,
) -> impl FnMut(Candle) -> [f64; 2] {
    let mut raw = RawK::new(fast_k);
    let (mut k_sums, mut d_sums) = (BlockSums::<1>::new(slow_k), BlockSums::<1>::new(slow_d));
    let (k_count, d_count) = (slow_k as f64, slow_d as f64);
    move |bar: Candle| {
        let Some(fast) = raw.push(&bar) else {
            return [f64::NAN; 2];
        };
        let k = k_sums.push(fast);
        if !k_sums.full {
            return [f64::NAN; 2];
        }
        let k = k / k_count;
        let d = d_sums.push(k);
        if !d_sums.full {
            return [f64::NAN; 2];
        }
        [k, d / d_count]
    }
}

fn loop_max(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut max = BlockMax::new(period, 1.0);
    move |x| {
        let m = max.push(x);
        [if max.seen < period { f64::NAN } else { m }]
    }
}

/// TA-Lib's WMA loop: the weighted sum gains `n·x` and loses the plain sum of the window.
fn loop_wma(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut sum = RingSum::new(period);
    let (n, mut weighted) = (period as f64, 0.0);
    let divisor = 1.0 / (n * (n + 1.0) / 2.0);
    move |x| {
        let before = sum.sum;
        let full_before = sum.full();
        sum.push(x);
        if full_before {
            weighted += n * x - before;
        } else {
            // Filling up: weights 1..=len, recomputed from the ring (warm-up only).
            weighted = (0..sum.len).map(|i| (i + 1) as f64 * sum.ring[i]).sum();
        }
        [if sum.full() {
            weighted * divisor
        } else {
            f64::NAN
        }]
    }
}

// ---------------------------------------------------------------------------------------
// Drift-free hand-written loops: the crate's formulas for the windowed sums written plainly
// (one full suffix array per sum, no input checks, no chunking, no saved state), to show what
// drift-freedom itself costs next to the running sums above, which subtract the evicted value
// and so carry every rounding error forward.

/// Suffix sums of the previous block of `n` values, rebuilt once every `n` pushes, plus the
/// running sums of the current block: nothing is ever subtracted from a running total. `F`
/// maps a value to the `K` quantities summed (`x`; `x − a, (x − a)²`; ...).
struct BlockSums<const K: usize> {
    ring: Vec<f64>,
    /// `suffix[i]`: the sums over the previous block's slots `i..n` (`suffix[n]` is zero).
    suffix: Vec<[f64; K]>,
    recent: [f64; K],
    next: usize,
    full: bool,
}

impl<const K: usize> BlockSums<K> {
    fn new(period: usize) -> Self {
        Self {
            ring: vec![0.0; period],
            suffix: vec![[0.0; K]; period + 1],
            recent: [0.0; K],
            next: 0,
            full: false,
        }
    }
}

impl BlockSums<1> {
    /// Pushes `x` and returns the window's sum: the old block's suffix sum from the next
    /// slot on plus the current block's running sum; a completed block is rebuilt into
    /// suffix sums, newest first.
    #[inline(always)]
    fn push(&mut self, x: f64) -> f64 {
        let period = self.ring.len();
        self.ring[self.next] = x;
        self.recent[0] += x;
        let sum = self.suffix[self.next + 1][0] + self.recent[0];
        self.next += 1;
        if self.next == period {
            let mut running = 0.0;
            for (suffix, &x) in self.suffix.iter_mut().zip(&self.ring).rev() {
                running += x;
                suffix[0] = running;
            }
            (self.next, self.recent, self.full) = (0, [0.0], true);
        }
        sum
    }
}

/// Drift-free rolling mean: the old block's suffix sum plus the current block's sum.
fn drift_free_sma(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut b = BlockSums::<1>::new(period);
    let n = period as f64;
    move |x| {
        let sum = b.push(x);
        [if b.full { sum / n } else { f64::NAN }]
    }
}

/// MFI on the crate's drift-free sums (`BlockSums`, one for the positive flows, one for the
/// negative) with its flows and its index, `100·(U/(U + D))`: the crate's arithmetic without
/// its check of each candle or a state to save.
fn drift_free_mfi(period: usize) -> impl FnMut(Candle) -> [f64; 1] {
    let (mut ups, mut downs) = (BlockSums::<1>::new(period), BlockSums::<1>::new(period));
    let mut previous = f64::NAN;
    move |bar| {
        let Some((up, down)) = mfi_flows(&mut previous, &bar) else {
            return [f64::NAN];
        };
        let (up, down) = (ups.push(up), downs.push(down));
        let total = up + down;
        [if !ups.full {
            f64::NAN
        } else if total == 0.0 {
            0.0
        } else {
            100.0 * (up / total)
        }]
    }
}

/// Drift-free rolling `(mean, population variance)`: sums of `d = x − a` and `d²` about `a`,
/// the previous block's newest value (in the window while any of that block is), so that
/// `M2 = Σd² − Σd·Σd/n` cancels little; when a block completes, the sums are rebuilt about
/// its newest value.
fn drift_free_moments(period: usize) -> impl FnMut(f64) -> Option<(f64, f64)> {
    let mut b = BlockSums::<2>::new(period);
    let inverse = 1.0 / period as f64;
    let mut anchor = 0.0;
    move |x| {
        b.ring[b.next] = x;
        let d = x - anchor;
        b.recent[0] += d;
        b.recent[1] += d * d;
        let [old, old_square] = b.suffix[b.next + 1];
        let (sum, square) = (old + b.recent[0], old_square + b.recent[1]);
        let mut moments = (
            anchor + sum * inverse,
            (square - sum * (sum * inverse)) * inverse,
        );
        b.next += 1;
        if b.next == period {
            anchor = x;
            let mut running = [0.0; 2];
            for (suffix, &x) in b.suffix.iter_mut().zip(&b.ring).rev() {
                let d = x - anchor;
                running = [running[0] + d, running[1] + d * d];
                *suffix = running;
            }
            let [sum, square] = running;
            moments = (
                anchor + sum * inverse,
                (square - sum * (sum * inverse)) * inverse,
            );
            (b.next, b.recent, b.full) = (0, [0.0; 2], true);
        }
        b.full.then_some((moments.0, moments.1.max(0.0)))
    }
}

fn drift_free_stddev(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut moments = drift_free_moments(period);
    move |x| [moments(x).map_or(f64::NAN, |(_, v)| v.sqrt())]
}

/// Upper, middle, lower, %B, bandwidth, from the drift-free moments.
fn drift_free_bollinger(period: usize, k: f64) -> impl FnMut(f64) -> [f64; 5] {
    let mut moments = drift_free_moments(period);
    move |x| bands(moments(x), x, k)
}

/// Drift-free WMA: with `k` values in the current block, the previous block's slots `k..n`
/// weigh `j + 1 − k` and the current block's `i + 1 + n − k`, so
/// `W = (WS[k] − k·S[k]) + (RW + (n − k)·R)` from the old block's suffix sums `S`, `WS`
/// (plain and weighted by `j + 1`) and the current block's `R`, `RW`.
fn drift_free_wma(period: usize) -> impl FnMut(f64) -> [f64; 1] {
    let mut b = BlockSums::<2>::new(period);
    let n = period as f64;
    let divisor = n * (n + 1.0) / 2.0;
    let mut k = 0.0;
    move |x| {
        b.ring[b.next] = x;
        k += 1.0;
        b.recent[0] += x;
        b.recent[1] += k * x;
        let [old, old_weighted] = b.suffix[b.next + 1];
        let weighted = (old_weighted - k * old) + (b.recent[1] + (n - k) * b.recent[0]);
        b.next += 1;
        if b.next == period {
            let (mut running, mut weight) = ([0.0; 2], n);
            for (suffix, &x) in b.suffix.iter_mut().zip(&b.ring).rev() {
                running = [running[0] + x, running[1] + weight * x];
                *suffix = running;
                weight -= 1.0;
            }
            (b.next, b.recent, b.full, k) = (0, [0.0; 2], true, 0.0);
        }
        [if b.full { weighted / divisor } else { f64::NAN }]
    }
}

// ---------------------------------------------------------------------------------------
// The rows.

fn sma(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 50;
    let reference = {
        let mut sma = Sma::new(period).unwrap();
        outputs(prefix, |x| [nan_if_none(sma.update(x))])
    };
    agree(
        "SMA hand loop",
        &reference,
        &outputs(prefix, loop_sma(period)),
    );
    agree(
        "SMA drift-free loop",
        &reference,
        &outputs(prefix, drift_free_sma(period)),
    );
    let mut t = ta::indicators::SimpleMovingAverage::new(period).unwrap();
    agree("SMA ta", &reference, &outputs(prefix, |x| [t.next(x)]));
    let mut y = yata::methods::SMA::new(period as u8, &prefix[0]).unwrap();
    agree("SMA yata", &reference, &outputs(prefix, |x| [y.next(&x)]));
    let mut out = vec![0.0; CHECKED];
    kand::ohlcv::sma::sma(prefix, period, &mut out).unwrap();
    agree("SMA kand", &reference, &ones(&out));

    let mut g = group(c, "sma50");
    let mut ours = Sma::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, Sma::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_sma(period));
    stream(&mut g, "drift_free_loop", &walk, drift_free_sma(period));
    let mut t = ta::indicators::SimpleMovingAverage::new(period).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata::methods::SMA::new(period as u8, &walk[0]).unwrap();
    stream(&mut g, "yata", &walk, move |x| y.next(&x));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::ohlcv::sma::sma(black_box(&walk), period, &mut out).unwrap()
    });
    g.finish();
}

fn ema(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 50;
    let reference = {
        let mut ema = Ema::new(period).unwrap();
        outputs(prefix, |x| [nan_if_none(ema.update(x))])
    };
    agree(
        "EMA hand loop",
        &reference,
        &outputs(prefix, loop_ema(period)),
    );
    let mut t = ta::indicators::ExponentialMovingAverage::new(period).unwrap();
    agree("EMA ta", &reference, &outputs(prefix, |x| [t.next(x)]));
    let mut y = yata::methods::EMA::new(period as u8, &prefix[0]).unwrap();
    agree("EMA yata", &reference, &outputs(prefix, |x| [y.next(&x)]));
    let mut out = vec![0.0; CHECKED];
    kand::ohlcv::ema::ema(prefix, period, None, &mut out).unwrap();
    agree("EMA kand", &reference, &ones(&out));

    let mut g = group(c, "ema50");
    let mut ours = Ema::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, Ema::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_ema(period));
    let mut t = ta::indicators::ExponentialMovingAverage::new(period).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata::methods::EMA::new(period as u8, &walk[0]).unwrap();
    stream(&mut g, "yata", &walk, move |x| y.next(&x));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::ohlcv::ema::ema(black_box(&walk), period, None, &mut out).unwrap()
    });
    g.finish();
}

fn yata_rsi(period: usize) -> yata::indicators::RSI {
    yata::indicators::RSI {
        ma: yata::helpers::MA::RMA(period as u8),
        ..Default::default()
    }
}

fn rsi(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 14;
    let reference = {
        let mut rsi = Rsi::new(period).unwrap().with_flat(FlatRsi::TaLib);
        outputs(prefix, |x| [nan_if_none(rsi.update(x))])
    };
    agree(
        "RSI hand loop",
        &reference,
        &outputs(prefix, loop_rsi(period)),
    );
    // ta's RSI smooths with 2/(m + 1): m = 2n − 1 is Wilder's 1/n.
    let mut t = ta::indicators::RelativeStrengthIndex::new(2 * period - 1).unwrap();
    agree("RSI ta", &reference, &outputs(prefix, |x| [t.next(x)]));
    let mut y = yata_rsi(period).init(&yata_candle(prefix[0])).unwrap();
    agree(
        "RSI yata",
        &reference,
        &outputs(prefix, |x| [100.0 * y.next(&yata_candle(x)).value(0)]),
    );
    let (mut out, mut gain, mut loss) =
        (vec![0.0; CHECKED], vec![0.0; CHECKED], vec![0.0; CHECKED]);
    kand::ohlcv::rsi::rsi(prefix, period, &mut out, &mut gain, &mut loss).unwrap();
    agree("RSI kand", &reference, &ones(&out));

    let mut g = group(c, "rsi14");
    let mut ours = Rsi::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, Rsi::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_rsi(period));
    let mut t = ta::indicators::RelativeStrengthIndex::new(2 * period - 1).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata_rsi(period).init(&yata_candle(walk[0])).unwrap();
    let candles: Vec<_> = walk.iter().map(|&x| yata_candle(x)).collect();
    stream(&mut g, "yata", &candles, move |x| y.next(&x));
    let (mut out, mut gain, mut loss) = (vec![0.0; POINTS], vec![0.0; POINTS], vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        kand::ohlcv::rsi::rsi(black_box(&walk), period, &mut out, &mut gain, &mut loss).unwrap()
    });
    g.finish();
}

fn yata_macd() -> yata::indicators::MACD {
    yata::indicators::MACD {
        ma1: yata::helpers::MA::EMA(12),
        ma2: yata::helpers::MA::EMA(26),
        signal: yata::helpers::MA::EMA(9),
        ..Default::default()
    }
}

fn macd(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let reference = {
        let mut macd = Macd::new(12, 26, 9).unwrap();
        outputs(prefix, |x| {
            macd.update(x)
                .map_or([f64::NAN; 3], |m| [m.macd, m.signal, m.histogram])
        })
    };
    agree(
        "MACD hand loop",
        &reference,
        &outputs(prefix, loop_macd(12, 26, 9)),
    );
    let mut t = ta::indicators::MovingAverageConvergenceDivergence::new(12, 26, 9).unwrap();
    agree(
        "MACD ta",
        &reference,
        &outputs(prefix, |x| {
            let m = t.next(x);
            [m.macd, m.signal, m.histogram]
        }),
    );
    let mut y = yata_macd().init(&yata_candle(prefix[0])).unwrap();
    agree(
        "MACD yata",
        &reference,
        &outputs(prefix, |x| {
            let r = y.next(&yata_candle(x));
            [r.value(0), r.value(1), r.value(0) - r.value(1)]
        }),
    );
    let mut o: [Vec<f64>; 5] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [m, s, h, f, sl] = &mut o;
    kand::ohlcv::macd::macd(prefix, 12, 26, 9, m, s, h, f, sl).unwrap();
    agree("MACD kand", &reference, &zip3(m, s, h));
    let mut columns: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [m, s, h] = &mut columns;
    let mut ours = Macd::new(12, 26, 9).unwrap();
    ours.lines_into(prefix, m, s, h).unwrap();
    agree("MACD slice", &reference, &zip3(m, s, h));

    let mut g = group(c, "macd");
    let mut ours = Macd::new(12, 26, 9).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    let mut ours = Macd::new(12, 26, 9).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    let mut columns: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "ta_stream_slice", || {
        let [m, s, h] = &mut columns;
        ours.lines_into(black_box(&walk), m, s, h).unwrap()
    });
    stream(&mut g, "hand_loop", &walk, loop_macd(12, 26, 9));
    let mut t = ta::indicators::MovingAverageConvergenceDivergence::new(12, 26, 9).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata_macd().init(&yata_candle(walk[0])).unwrap();
    let candles: Vec<_> = walk.iter().map(|&x| yata_candle(x)).collect();
    stream(&mut g, "yata", &candles, move |x| y.next(&x));
    let mut o: [Vec<f64>; 5] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [m, s, h, f, sl] = &mut o;
        kand::ohlcv::macd::macd(black_box(&walk), 12, 26, 9, m, s, h, f, sl).unwrap()
    });
    g.finish();
}

/// yata's bands use the sample deviation: `σ·sqrt((n − 1)/n)` makes them the population ones.
fn yata_bollinger() -> yata::indicators::BollingerBands {
    yata::indicators::BollingerBands {
        avg_size: 20,
        sigma: 2.0 * (19.0f64 / 20.0).sqrt(),
        ..Default::default()
    }
}

fn bollinger(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let (period, k) = (20, 2.0);
    let ours_all = {
        let mut bb = Bollinger::new(period, k).unwrap();
        outputs(prefix, |x| {
            bb.update(x).map_or([f64::NAN; 5], |b| {
                [b.upper, b.middle, b.lower, b.percent_b, b.bandwidth]
            })
        })
    };
    agree(
        "Bollinger hand loop",
        &ours_all,
        &outputs(prefix, loop_bollinger(period, k)),
    );
    agree(
        "Bollinger drift-free loop",
        &ours_all,
        &outputs(prefix, drift_free_bollinger(period, k)),
    );
    let reference: Vec<[f64; 3]> = ours_all.iter().map(|b| [b[0], b[1], b[2]]).collect();
    let mut t = ta::indicators::BollingerBands::new(period, k).unwrap();
    agree(
        "Bollinger ta",
        &reference,
        &outputs(prefix, |x| {
            let b = t.next(x);
            [b.upper, b.average, b.lower]
        }),
    );
    let mut y = yata_bollinger().init(&yata_candle(prefix[0])).unwrap();
    agree(
        "Bollinger yata",
        &reference,
        &outputs(prefix, |x| {
            let r = y.next(&yata_candle(x));
            [r.value(0), r.value(1), r.value(2)]
        }),
    );
    let mut o: [Vec<f64>; 7] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [u, m, l, a, v, s, q] = &mut o;
    kand::ohlcv::bbands::bbands(prefix, period, k, k, u, m, l, a, v, s, q).unwrap();
    agree("Bollinger kand", &reference, &zip3(u, m, l));
    let mut columns: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [u, m, l] = &mut columns;
    let mut ours = Bollinger::new(period, k).unwrap();
    ours.bands_into(prefix, u, m, l).unwrap();
    agree("Bollinger slice", &reference, &zip3(u, m, l));

    let mut g = group(c, "bollinger");
    let mut ours = Bollinger::new(period, k).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    let mut ours = Bollinger::new(period, k).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream_bands", &walk, move |x| {
        ours.update(x).map(|b| [b.upper, b.middle, b.lower])
    });
    let mut ours = Bollinger::new(period, k).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    let mut columns: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "ta_stream_slice", || {
        let [u, m, l] = &mut columns;
        ours.bands_into(black_box(&walk), u, m, l).unwrap()
    });
    stream(&mut g, "hand_loop", &walk, loop_bollinger(period, k));
    stream(
        &mut g,
        "drift_free_loop",
        &walk,
        drift_free_bollinger(period, k),
    );
    let mut t = ta::indicators::BollingerBands::new(period, k).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata_bollinger().init(&yata_candle(walk[0])).unwrap();
    let candles: Vec<_> = walk.iter().map(|&x| yata_candle(x)).collect();
    stream(&mut g, "yata", &candles, move |x| y.next(&x));
    let mut o: [Vec<f64>; 7] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [u, m, l, a, v, s, q] = &mut o;
        kand::ohlcv::bbands::bbands(black_box(&walk), period, k, k, u, m, l, a, v, s, q).unwrap()
    });
    g.finish();
}

fn atr(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let prefix = &bars[..CHECKED];
    let period = 14;
    let reference = {
        let mut atr = Atr::new(period).unwrap();
        outputs(prefix, |b| [nan_if_none(atr.update(b))])
    };
    agree(
        "ATR hand loop",
        &reference,
        &outputs(prefix, loop_atr(period)),
    );
    let ta_bars: Vec<_> = bars.iter().map(ta_bar).collect();
    // ta's ATR smooths with 2/(m + 1): m = 2n − 1 is Wilder's 1/n.
    let mut t = ta::indicators::AverageTrueRange::new(2 * period - 1).unwrap();
    agree(
        "ATR ta",
        &reference,
        &outputs(&ta_bars[..CHECKED], |b| [t.next(&b)]),
    );
    let yata_bars: Vec<_> = bars.iter().map(yata_bar).collect();
    let mut tr = yata::methods::TR::new(&yata_bars[0]).unwrap();
    let mut rma =
        yata::methods::RMA::new(period as u8, &(yata_bars[0].high - yata_bars[0].low)).unwrap();
    agree(
        "ATR yata",
        &reference,
        &outputs(&yata_bars[..CHECKED], |b| [rma.next(&tr.next(&b))]),
    );
    let columns = columns(&bars);
    let mut out = vec![0.0; CHECKED];
    kand::ohlcv::atr::atr(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        period,
        &mut out,
    )
    .unwrap();
    agree("ATR kand", &reference, &ones(&out));

    let mut g = group(c, "atr14");
    let mut ours = Atr::new(period).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    hlc_slice_path(
        &mut g,
        "ATR",
        || Atr::new(period).unwrap(),
        Atr::hlc_into,
        (&columns, &bars, &reference),
    );
    stream(&mut g, "hand_loop", &bars, loop_atr(period));
    let mut t = ta::indicators::AverageTrueRange::new(2 * period - 1).unwrap();
    stream(&mut g, "ta", &ta_bars, move |b| t.next(&b));
    let mut tr = yata::methods::TR::new(&yata_bars[0]).unwrap();
    let mut rma = yata::methods::RMA::new(period as u8, &1.0).unwrap();
    stream(&mut g, "yata", &yata_bars, move |b| rma.next(&tr.next(&b)));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::ohlcv::atr::atr(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            period,
            &mut out,
        )
        .unwrap()
    });
    g.finish();
}

fn yata_stochastic() -> yata::indicators::StochasticOscillator {
    yata::indicators::StochasticOscillator {
        period: 14,
        ma: yata::helpers::MA::SMA(3),
        signal: yata::helpers::MA::SMA(3),
        ..Default::default()
    }
}

fn stochastic(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let prefix = &bars[..CHECKED];
    let reference = {
        let mut stochastic = Stochastic::new(14, 3, 3).unwrap();
        outputs(prefix, |b| {
            stochastic.update(b).map_or([f64::NAN; 2], |s| [s.k, s.d])
        })
    };
    let (mut k, mut d) = (vec![0.0; CHECKED], vec![0.0; CHECKED]);
    let mut ours = Stochastic::new(14, 3, 3).unwrap();
    ours.lines_into(prefix, &mut k, &mut d).unwrap();
    let sliced: Vec<[f64; 2]> = k.iter().zip(&d).map(|(&k, &d)| [k, d]).collect();
    agree("Stochastic slice", &reference, &sliced);
    let columns = columns(&bars);
    let mut ours = Stochastic::new(14, 3, 3).unwrap();
    let [high, low, close] = [&columns.high, &columns.low, &columns.close].map(|c| &c[..CHECKED]);
    ours.hlc_lines_into(high, low, close, &mut k, &mut d)
        .unwrap();
    let sliced: Vec<[f64; 2]> = k.iter().zip(&d).map(|(&k, &d)| [k, d]).collect();
    agree("Stochastic columns", &reference, &sliced);
    agree(
        "Stochastic hand loop",
        &reference,
        &outputs(prefix, loop_stochastic(14, 3, 3)),
    );
    let bits = |rows: &[[f64; 2]]| {
        rows.iter()
            .flatten()
            .map(|x| x.to_bits())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        bits(&reference),
        bits(&outputs(prefix, drift_free_stochastic(14, 3, 3))),
        "Stochastic drift-free loop: not the crate's bits"
    );
    eprintln!("checked: Stochastic drift-free loop gives the crate's bits");
    // ta 0.5: its SlowStochastic smooths %K with an EMA and has no %D: left out.
    let yata_bars: Vec<_> = bars.iter().map(yata_bar).collect();
    let mut y = yata_stochastic().init(&yata_bars[0]).unwrap();
    agree(
        "Stochastic yata",
        &reference,
        &outputs(&yata_bars[..CHECKED], |b| {
            let r = y.next(&b);
            [100.0 * r.value(0), 100.0 * r.value(1)]
        }),
    );
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [f, k, d] = &mut o;
    kand::ohlcv::stoch::stoch(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        14,
        3,
        3,
        f,
        k,
        d,
    )
    .unwrap();
    agree(
        "Stochastic kand",
        &reference,
        &k.iter()
            .zip(d.iter())
            .map(|(&k, &d)| [k, d])
            .collect::<Vec<_>>(),
    );

    let mut g = group(c, "stochastic");
    let mut ours = Stochastic::new(14, 3, 3).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    let mut ours = Stochastic::new(14, 3, 3).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    let (mut k, mut d) = (vec![0.0; POINTS], vec![0.0; POINTS]);
    batch(&mut g, "ta_stream_slice", || {
        let high = black_box(&columns.high);
        ours.hlc_lines_into(high, &columns.low, &columns.close, &mut k, &mut d)
            .unwrap()
    });
    stream(&mut g, "hand_loop", &bars, loop_stochastic(14, 3, 3));
    stream(
        &mut g,
        "drift_free_loop",
        &bars,
        drift_free_stochastic(14, 3, 3),
    );
    let mut y = yata_stochastic().init(&yata_bars[0]).unwrap();
    stream(&mut g, "yata", &yata_bars, move |b| y.next(&b));
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [f, k, d] = &mut o;
        kand::ohlcv::stoch::stoch(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            14,
            3,
            3,
            f,
            k,
            d,
        )
        .unwrap()
    });
    g.finish();
}

fn max(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 20;
    let reference = {
        let mut max = RollingMax::new(period).unwrap();
        outputs(prefix, |x| [nan_if_none(max.update(x))])
    };
    agree(
        "MAX hand loop",
        &reference,
        &outputs(prefix, loop_max(period)),
    );
    let mut t = ta::indicators::Maximum::new(period).unwrap();
    agree("MAX ta", &reference, &outputs(prefix, |x| [t.next(x)]));
    let mut y = yata::methods::Highest::new(period as u8, &prefix[0]).unwrap();
    agree("MAX yata", &reference, &outputs(prefix, |x| [y.next(&x)]));
    let mut out = vec![0.0; CHECKED];
    kand::stats::max::max(prefix, period, &mut out).unwrap();
    agree("MAX kand", &reference, &ones(&out));

    let mut g = group(c, "max20");
    let mut ours = RollingMax::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, RollingMax::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_max(period));
    let mut t = ta::indicators::Maximum::new(period).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata::methods::Highest::new(period as u8, &walk[0]).unwrap();
    stream(&mut g, "yata", &walk, move |x| y.next(&x));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::stats::max::max(black_box(&walk), period, &mut out).unwrap()
    });
    g.finish();
}

fn stddev(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 20;
    let reference = {
        let mut sd = StdDev::new(period).unwrap();
        outputs(prefix, |x| [nan_if_none(sd.update(x))])
    };
    agree(
        "STDDEV hand loop",
        &reference,
        &outputs(prefix, loop_stddev(period)),
    );
    agree(
        "STDDEV drift-free loop",
        &reference,
        &outputs(prefix, drift_free_stddev(period)),
    );
    let mut t = ta::indicators::StandardDeviation::new(period).unwrap();
    agree("STDDEV ta", &reference, &outputs(prefix, |x| [t.next(x)]));
    // yata's is the sample deviation: the same work, scaled by a constant to compare.
    let population = ((period - 1) as f64 / period as f64).sqrt();
    let mut y = yata::methods::StDev::new(period as u8, &prefix[0]).unwrap();
    agree(
        "STDDEV yata",
        &reference,
        &outputs(prefix, |x| [y.next(&x) * population]),
    );
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [sd, s, q] = &mut o;
    kand::stats::stddev::stddev(prefix, period, sd, s, q).unwrap();
    agree("STDDEV kand", &reference, &ones(sd));

    let mut g = group(c, "stddev20");
    let mut ours = StdDev::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, StdDev::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_stddev(period));
    stream(&mut g, "drift_free_loop", &walk, drift_free_stddev(period));
    let mut t = ta::indicators::StandardDeviation::new(period).unwrap();
    stream(&mut g, "ta", &walk, move |x| t.next(x));
    let mut y = yata::methods::StDev::new(period as u8, &walk[0]).unwrap();
    stream(&mut g, "yata", &walk, move |x| y.next(&x));
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [sd, s, q] = &mut o;
        kand::stats::stddev::stddev(black_box(&walk), period, sd, s, q).unwrap()
    });
    g.finish();
}

fn wma(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    let prefix = &walk[..CHECKED];
    let period = 20;
    let reference = {
        let mut wma = Wma::new(period).unwrap();
        outputs(prefix, |x| [nan_if_none(wma.update(x))])
    };
    agree(
        "WMA hand loop",
        &reference,
        &outputs(prefix, loop_wma(period)),
    );
    agree(
        "WMA drift-free loop",
        &reference,
        &outputs(prefix, drift_free_wma(period)),
    );
    // ta 0.5 has no WMA.
    let mut y = yata::methods::WMA::new(period as u8, &prefix[0]).unwrap();
    agree("WMA yata", &reference, &outputs(prefix, |x| [y.next(&x)]));
    let mut out = vec![0.0; CHECKED];
    kand::ohlcv::wma::wma(prefix, period, &mut out).unwrap();
    agree("WMA kand", &reference, &ones(&out));

    let mut g = group(c, "wma20");
    let mut ours = Wma::new(period).unwrap();
    ours.warm_up(walk[..1000].iter().copied());
    stream(&mut g, "ta_stream", &walk, move |x| ours.update(x));
    slice_path(&mut g, Wma::new(period).unwrap(), &walk);
    stream(&mut g, "hand_loop", &walk, loop_wma(period));
    stream(&mut g, "drift_free_loop", &walk, drift_free_wma(period));
    let mut y = yata::methods::WMA::new(period as u8, &walk[0]).unwrap();
    stream(&mut g, "yata", &walk, move |x| y.next(&x));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::ohlcv::wma::wma(black_box(&walk), period, &mut out).unwrap()
    });
    g.finish();
}

fn obv(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let pairs: Vec<(f64, f64)> = bars.iter().map(|b| (b.close, b.volume)).collect();
    let prefix = &pairs[..CHECKED];
    let reference = {
        let mut obv = Obv::new();
        outputs(prefix, |p| [nan_if_none(obv.update(p))])
    };
    agree("OBV hand loop", &reference, &outputs(prefix, loop_obv()));
    let drift_free = outputs(prefix, drift_free_obv());
    assert_eq!(
        reference, drift_free,
        "OBV drift-free loop: not the crate's bits"
    );
    let ta_bars: Vec<_> = bars.iter().map(ta_bar).collect();
    let mut t = ta::indicators::OnBalanceVolume::new();
    agree(
        "OBV ta",
        &reference,
        &outputs(&ta_bars[..CHECKED], |b| [t.next(&b)]),
    );
    // yata 0.7 has no OBV method.
    let columns = columns(&bars);
    let mut out = vec![0.0; CHECKED];
    kand::ohlcv::obv::obv(
        &columns.close[..CHECKED],
        &columns.volume[..CHECKED],
        &mut out,
    )
    .unwrap();
    agree("OBV kand", &reference, &ones(&out));

    let mut g = group(c, "obv");
    let mut ours = Obv::new();
    ours.warm_up(pairs[..1000].iter().copied());
    stream(&mut g, "ta_stream", &pairs, move |p| ours.update(p));
    slice_path(&mut g, Obv::new(), &pairs);
    stream(&mut g, "hand_loop", &pairs, loop_obv());
    stream(&mut g, "drift_free_loop", &pairs, drift_free_obv());
    let mut t = ta::indicators::OnBalanceVolume::new();
    stream(&mut g, "ta", &ta_bars, move |b| t.next(&b));
    let mut out = vec![0.0; POINTS];
    batch(&mut g, "kand", || {
        kand::ohlcv::obv::obv(black_box(&columns.close), &columns.volume, &mut out).unwrap()
    });
    g.finish();
}

fn cci(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let prefix = &bars[..CHECKED];
    let period = 20;
    let reference = {
        let mut cci = Cci::new(period).unwrap();
        outputs(prefix, |b| [nan_if_none(cci.update(b))])
    };
    agree(
        "CCI hand loop",
        &reference,
        &outputs(prefix, loop_cci(period)),
    );
    // ta's CCI takes the mean deviation of the closes, not of the typical prices (left out).
    // yata's CCI is `(TP − mean)/deviation`, without the 1/0.015: compared after scaling.
    let mut y = yata::methods::CCI::new(period as u8, &typical(&prefix[0])).unwrap();
    agree(
        "CCI yata",
        &reference,
        &outputs(prefix, |b| [y.next(&typical(&b)) / 0.015]),
    );
    let columns = columns(&bars);
    let mut o: [Vec<f64>; 4] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [out, tp, sma, deviation] = &mut o;
    kand::ohlcv::cci::cci(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        period,
        out,
        tp,
        sma,
        deviation,
    )
    .unwrap();
    agree("CCI kand", &reference, &ones(out));

    let mut g = group(c, "cci20");
    let mut ours = Cci::new(period).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    hlc_slice_path(
        &mut g,
        "CCI",
        || Cci::new(period).unwrap(),
        Cci::hlc_into,
        (&columns, &bars, &reference),
    );
    stream(&mut g, "hand_loop", &bars, loop_cci(period));
    let mut y = yata::methods::CCI::new(period as u8, &typical(&bars[0])).unwrap();
    stream(&mut g, "yata", &bars, move |b| y.next(&typical(&b)));
    let mut o: [Vec<f64>; 4] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [out, tp, sma, deviation] = &mut o;
        kand::ohlcv::cci::cci(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            period,
            out,
            tp,
            sma,
            deviation,
        )
        .unwrap()
    });
    g.finish();
}

fn willr(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let prefix = &bars[..CHECKED];
    let period = 14;
    let reference = {
        let mut willr = WilliamsR::new(period).unwrap();
        outputs(prefix, |b| [nan_if_none(willr.update(b))])
    };
    agree(
        "WILLR hand loop",
        &reference,
        &outputs(prefix, loop_willr(period)),
    );
    // Neither ta 0.5 nor yata 0.7 has Williams %R.
    let columns = columns(&bars);
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [out, highest, lowest] = &mut o;
    kand::ohlcv::willr::willr(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        period,
        out,
        highest,
        lowest,
    )
    .unwrap();
    agree("WILLR kand", &reference, &ones(out));

    let mut g = group(c, "willr14");
    let mut ours = WilliamsR::new(period).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    hlc_slice_path(
        &mut g,
        "WILLR",
        || WilliamsR::new(period).unwrap(),
        WilliamsR::hlc_into,
        (&columns, &bars, &reference),
    );
    stream(&mut g, "hand_loop", &bars, loop_willr(period));
    let mut o: [Vec<f64>; 3] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [out, highest, lowest] = &mut o;
        kand::ohlcv::willr::willr(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            period,
            out,
            highest,
            lowest,
        )
        .unwrap()
    });
    g.finish();
}

fn adx(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let prefix = &bars[..CHECKED];
    let period = 14;
    let reference = {
        let mut adx = Adx::new(period).unwrap();
        outputs(prefix, |b| [nan_if_none(adx.update(b))])
    };
    agree(
        "ADX hand loop",
        &reference,
        &outputs(prefix, loop_adx(period)),
    );
    // Neither ta 0.5 nor yata 0.7 has Wilder's ADX as TA-Lib computes it.
    let columns = columns(&bars);
    let mut o: [Vec<f64>; 4] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [out, plus, minus, range] = &mut o;
    kand::ohlcv::adx::adx(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        period,
        out,
        plus,
        minus,
        range,
    )
    .unwrap();
    agree("ADX kand", &reference, &ones(out));

    let mut g = group(c, "adx14");
    let mut ours = Adx::new(period).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    // Each update through an opaque reference: the state read from memory at every call, as
    // when a feed holds many indicators, so nothing derived from the period is hoisted.
    let mut held = Adx::new(period).unwrap();
    held.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream_by_reference", &bars, move |b| {
        black_box(&mut held).update(b)
    });
    hlc_slice_path(
        &mut g,
        "ADX",
        || Adx::new(period).unwrap(),
        Adx::hlc_into,
        (&columns, &bars, &reference),
    );
    stream(&mut g, "hand_loop", &bars, loop_adx(period));
    let mut o: [Vec<f64>; 4] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [out, plus, minus, range] = &mut o;
        kand::ohlcv::adx::adx(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            period,
            out,
            plus,
            minus,
            range,
        )
        .unwrap()
    });
    g.finish();
}

/// What MFI's walk is lifted by: the walk falls below zero (its lowest point is about
/// −282), and the crate refuses bars with a negative price for the MFI (a negative money
/// flow has no meaning), so on the walk itself most of its updates would be refusals.
const MFI_LIFT: f64 = 500.0;

fn mfi(c: &mut Criterion) {
    let lifted: Vec<f64> = random_walk(POINTS).iter().map(|p| p + MFI_LIFT).collect();
    let bars = bars(&lifted);
    assert!(
        bars.iter().all(|b| b.low > 0.0),
        "MFI's bars are all positive"
    );
    let prefix = &bars[..CHECKED];
    let period = 14;
    let reference = {
        let mut mfi = Mfi::new(period).unwrap();
        outputs(prefix, |b| [nan_if_none(mfi.update(b))])
    };
    let ta_bars: Vec<_> = bars.iter().map(ta_bar).collect();
    let mut t = ta::indicators::MoneyFlowIndex::new(period).unwrap();
    agree(
        "MFI ta",
        &reference,
        &outputs(&ta_bars[..CHECKED], |b| [t.next(&b)]),
    );
    let columns = columns(&bars);
    let mut o: [Vec<f64>; 5] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    let [out, tp, flow, up, down] = &mut o;
    kand::ohlcv::mfi::mfi(
        &columns.high[..CHECKED],
        &columns.low[..CHECKED],
        &columns.close[..CHECKED],
        &columns.volume[..CHECKED],
        period,
        out,
        tp,
        flow,
        up,
        down,
    )
    .unwrap();
    agree("MFI kand", &reference, &ones(out));

    let mut g = group(c, "mfi14");
    let mut ours = Mfi::new(period).unwrap();
    ours.warm_up(bars[..1000].iter().copied());
    stream(&mut g, "ta_stream", &bars, move |b| ours.update(b));
    slice_path(&mut g, Mfi::new(period).unwrap(), &bars);
    let fresh = || Mfi::new(period).unwrap();
    hand_loops(
        &mut g,
        "MFI",
        &bars,
        fresh,
        || loop_mfi(period),
        || drift_free_mfi(period),
    );
    let mut t = ta::indicators::MoneyFlowIndex::new(period).unwrap();
    stream(&mut g, "ta", &ta_bars, move |b| t.next(&b));
    let mut o: [Vec<f64>; 5] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || {
        let [out, tp, flow, up, down] = &mut o;
        kand::ohlcv::mfi::mfi(
            black_box(&columns.high),
            &columns.low,
            &columns.close,
            &columns.volume,
            period,
            out,
            tp,
            flow,
            up,
            down,
        )
        .unwrap()
    });
    g.finish();
}

// ---------------------------------------------------------------------------------------
// TA-Lib functions that `kand` also has (ta 0.5 and yata 0.7 have none of them with TA-Lib's
// definition, but ROC and the A/D line): the crate's streaming update and slice path
// against `kand`'s batch call (and TA-Lib's, from the script), no hand loop.

/// A `kand` batch call over the first `len` points of its inputs into `buffers` (the first
/// buffer is the output the crate's is checked against; the others its scratch columns).
trait BatchCall<const B: usize>: FnMut(usize, &mut [Vec<f64>; B]) {}
impl<F: FnMut(usize, &mut [Vec<f64>; B]), const B: usize> BatchCall<B> for F {}

/// Checks that `kand`'s call computes the crate's numbers on the checked prefix, then times
/// the crate's streaming update, its slice path (`slice`), and `kand`'s call over the whole
/// series, as group `name`.
fn batch_peer_row<I, const B: usize>(
    c: &mut Criterion,
    (name, what): (&str, &str),
    data: &[I::Input],
    fresh: impl Fn() -> I,
    slice: impl FnOnce(&mut BenchmarkGroup<'_, Clock>),
    mut kand: impl BatchCall<B>,
) where
    I: Indicator<Output = f64>,
{
    let reference = {
        let mut ours = fresh();
        outputs(&data[..CHECKED], |x| [nan_if_none(ours.update(x))])
    };
    let mut buffers: [Vec<f64>; B] = std::array::from_fn(|_| vec![0.0; CHECKED]);
    kand(CHECKED, &mut buffers);
    agree(&format!("{what} kand"), &reference, &ones(&buffers[0]));

    let mut g = group(c, name);
    let mut ours = fresh();
    ours.warm_up(data[..1000].iter().copied());
    stream(&mut g, "ta_stream", data, move |x| ours.update(x));
    slice(&mut g);
    let mut buffers: [Vec<f64>; B] = std::array::from_fn(|_| vec![0.0; POINTS]);
    batch(&mut g, "kand", || kand(POINTS, black_box(&mut buffers)));
    g.finish();
}

/// A bar indicator's two hand loops as the group's rows, over the same bars as its streaming
/// row: the plain loop checked to agree with the crate, the drift-free one to give its bits.
fn hand_loops<I, P, D>(
    group: &mut BenchmarkGroup<'_, Clock>,
    what: &str,
    bars: &[Candle],
    fresh: impl Fn() -> I,
    plain: impl Fn() -> P,
    drift_free: impl Fn() -> D,
) where
    I: Indicator<Input = Candle, Output = f64>,
    P: FnMut(Candle) -> [f64; 1],
    D: FnMut(Candle) -> [f64; 1],
{
    let reference = {
        let mut ours = fresh();
        outputs(&bars[..CHECKED], |b| [nan_if_none(ours.update(b))])
    };
    agree(
        &format!("{what} hand loop"),
        &reference,
        &outputs(&bars[..CHECKED], plain()),
    );
    let bits = |rows: &[[f64; 1]]| rows.iter().map(|[x]| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(
        bits(&reference),
        bits(&outputs(&bars[..CHECKED], drift_free())),
        "{what} drift-free loop: not the crate's bits"
    );
    eprintln!("checked: {what} drift-free loop gives the crate's bits");
    stream(group, "hand_loop", bars, plain());
    stream(group, "drift_free_loop", bars, drift_free());
}

/// A column path over the bars' columns (`run` over the first `len` rows into `out`):
/// checked against the streaming outputs on the checked prefix, then timed over the whole
/// series, warmed up as the streaming rows are, as the group's slice row.
fn column_slice_path<I>(
    group: &mut BenchmarkGroup<'_, Clock>,
    what: &str,
    bars: &[Candle],
    fresh: impl Fn() -> I,
    run: impl Fn(&mut I, usize, &mut [f64]),
) where
    I: Indicator<Input = Candle, Output = f64>,
{
    let reference = {
        let mut ours = fresh();
        outputs(&bars[..CHECKED], |b| [nan_if_none(ours.update(b))])
    };
    let mut sliced = vec![0.0; CHECKED];
    run(&mut fresh(), CHECKED, &mut sliced);
    agree(&format!("{what} columns"), &reference, &ones(&sliced));
    let mut ours = fresh();
    ours.warm_up(bars[..1000].iter().copied());
    let mut out = vec![0.0; POINTS];
    batch(group, "ta_stream_slice", || {
        run(&mut ours, POINTS, &mut out)
    });
}

/// The first `len` values of each column (`kand` takes inputs and outputs of one length).
fn firsts<const N: usize>(columns: [&[f64]; N], len: usize) -> [&[f64]; N] {
    columns.map(|column| &column[..len])
}

fn firsts_mut<const B: usize>(buffers: &mut [Vec<f64>; B], len: usize) -> [&mut [f64]; B] {
    buffers.each_mut().map(|buffer| &mut buffer[..len])
}

fn close_averages(c: &mut Criterion) {
    let walk = random_walk(POINTS);
    batch_peer_row(
        c,
        ("dema30", "DEMA"),
        &walk,
        || Dema::new(30).unwrap(),
        |g| slice_path(g, Dema::new(30).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 3]| {
            let [out, e1, e2] = firsts_mut(b, len);
            kand::ohlcv::dema::dema(&walk[..len], 30, out, e1, e2).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("tema30", "TEMA"),
        &walk,
        || Tema::new(30).unwrap(),
        |g| slice_path(g, Tema::new(30).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 4]| {
            let [out, e1, e2, e3] = firsts_mut(b, len);
            kand::ohlcv::tema::tema(&walk[..len], 30, out, e1, e2, e3).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("t3", "T3"),
        &walk,
        || T3::new(5, 0.7).unwrap(),
        |g| slice_path(g, T3::new(5, 0.7).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 7]| {
            let [out, e1, e2, e3, e4, e5, e6] = firsts_mut(b, len);
            kand::ohlcv::t3::t3(&walk[..len], 5, 0.7, out, e1, e2, e3, e4, e5, e6).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("trix30", "TRIX"),
        &walk,
        || Trix::new(30).unwrap(),
        |g| slice_path(g, Trix::new(30).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 4]| {
            let [out, e1, e2, e3] = firsts_mut(b, len);
            kand::ohlcv::trix::trix(&walk[..len], 30, out, e1, e2, e3).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("roc10", "ROC"),
        &walk,
        || Roc::new(10).unwrap(),
        |g| slice_path(g, Roc::new(10).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 1]| {
            let [out] = firsts_mut(b, len);
            kand::ohlcv::roc::roc(&walk[..len], 10, out).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("mom10", "MOM"),
        &walk,
        || Momentum::new(10).unwrap(),
        |g| slice_path(g, Momentum::new(10).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 1]| {
            let [out] = firsts_mut(b, len);
            kand::ohlcv::mom::mom(&walk[..len], 10, out).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("midpoint14", "MIDPOINT"),
        &walk,
        || MidPoint::new(14).unwrap(),
        |g| slice_path(g, MidPoint::new(14).unwrap(), &walk),
        |len, b: &mut [Vec<f64>; 3]| {
            let [out, highest, lowest] = firsts_mut(b, len);
            kand::ohlcv::midpoint::midpoint(&walk[..len], 14, out, highest, lowest).unwrap();
        },
    );
}

/// NATR's column path over high, low and close, checked against its streaming outputs.
fn natr_columns(group: &mut BenchmarkGroup<'_, Clock>, bars: &[Candle]) {
    let reference = {
        let mut natr = Natr::new(14).unwrap();
        outputs(&bars[..CHECKED], |b| [nan_if_none(natr.update(b))])
    };
    let fresh = || Natr::new(14).unwrap();
    hlc_slice_path(
        group,
        "NATR",
        fresh,
        Natr::hlc_into,
        (&columns(bars), bars, &reference),
    );
}

fn bar_functions(c: &mut Criterion) {
    let bars = bars(&random_walk(POINTS));
    let columns = columns(&bars);
    let (open, high, low, close, volume) = (
        &columns.open,
        &columns.high,
        &columns.low,
        &columns.close,
        &columns.volume,
    );
    batch_peer_row(
        c,
        ("natr14", "NATR"),
        &bars,
        || Natr::new(14).unwrap(),
        |g| natr_columns(g, &bars),
        |len, b: &mut [Vec<f64>; 1]| {
            let [high, low, close] = firsts([high, low, close], len);
            let [out] = firsts_mut(b, len);
            kand::ohlcv::natr::natr(high, low, close, 14, out).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("ad", "AD"),
        &bars,
        AccumulationDistribution::new,
        |g| {
            let run = |ad: &mut AccumulationDistribution, len: usize, out: &mut [f64]| {
                let [high, low, close, volume] = firsts([high, low, close, volume], len);
                ad.hlcv_into(black_box(high), low, close, volume, out)
                    .unwrap()
            };
            column_slice_path(g, "AD", &bars, AccumulationDistribution::new, run);
            hand_loops(
                g,
                "AD",
                &bars,
                AccumulationDistribution::new,
                loop_ad,
                drift_free_ad,
            );
        },
        |len, b: &mut [Vec<f64>; 1]| {
            let [high, low, close, volume] = firsts([high, low, close, volume], len);
            let [out] = firsts_mut(b, len);
            kand::ohlcv::ad::ad(high, low, close, volume, out).unwrap();
        },
    );
    batch_peer_row(
        c,
        ("adosc", "ADOSC"),
        &bars,
        || ChaikinOscillator::new(3, 10).unwrap(),
        |g| {
            let run = |adosc: &mut ChaikinOscillator, len: usize, out: &mut [f64]| {
                let [high, low, close, volume] = firsts([high, low, close, volume], len);
                adosc
                    .hlcv_into(black_box(high), low, close, volume, out)
                    .unwrap()
            };
            let fresh = || ChaikinOscillator::new(3, 10).unwrap();
            column_slice_path(g, "ADOSC", &bars, fresh, run);
            let plain = || loop_adosc(3, 10, loop_ad());
            let drift_free = || loop_adosc(3, 10, drift_free_ad());
            hand_loops(g, "ADOSC", &bars, fresh, plain, drift_free);
        },
        |len, b: &mut [Vec<f64>; 4]| {
            let [high, low, close, volume] = firsts([high, low, close, volume], len);
            let [out, ad, fast, slow] = firsts_mut(b, len);
            kand::ohlcv::adosc::adosc(high, low, close, volume, 3, 10, out, ad, fast, slow)
                .unwrap();
        },
    );
    batch_peer_row(
        c,
        ("bop", "BOP"),
        &bars,
        Bop::new,
        |g| {
            let run = |bop: &mut Bop, len: usize, out: &mut [f64]| {
                let [open, high, low, close] = firsts([open, high, low, close], len);
                bop.ohlc_into(black_box(open), high, low, close, out)
                    .unwrap()
            };
            column_slice_path(g, "BOP", &bars, Bop::new, run)
        },
        |len, b: &mut [Vec<f64>; 1]| {
            let [open, high, low, close] = firsts([open, high, low, close], len);
            let [out] = firsts_mut(b, len);
            kand::ohlcv::bop::bop(open, high, low, close, out).unwrap();
        },
    );
}

criterion_group! {
    name = benches;
    config = criterion::Criterion::default().with_measurement(Clock::from_env());
    targets = memory, sma, ema, rsi, macd, bollinger, atr, stochastic, max, stddev, wma, obv, cci, willr, mfi, adx,
        close_averages, bar_functions
}
criterion_main!(benches);
