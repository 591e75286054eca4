//! Steady-state cost per update of the levels, next to hand-written loops of the same rule
//! where one is short enough to write. Every measurement streams 2,000,000 candles of a random
//! walk through a state that has already been warmed up; throughput is in updates per second.
//!
//! Run with `cargo bench --bench levels`; ns per update = time / 2,000,000.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ta_stream::bar::Candle;
use ta_stream::levels::{LevelsConfig, ReactionLow, SupportResistance, SwingPivots, ZigZag};
use ta_stream::Indicator;

const POINTS: usize = 2_000_000;

/// Candles of a deterministic random walk (xorshift64) starting at 100: the close moves by
/// up to ±0.5 % per bar, high and low reach up to 0.3 % beyond the open and close.
fn random_candles(length: usize) -> Vec<Candle> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut close = 100.0;
    (0..length)
        .map(|_| {
            let open = close;
            close *= 1.0 + (uniform() - 0.5) * 0.01;
            let high = open.max(close) * (1.0 + uniform() * 0.003);
            let low = open.min(close) * (1.0 - uniform() * 0.003);
            Candle {
                open,
                high,
                low,
                close,
                volume: 0.0,
            }
        })
        .collect()
}

/// Streams `data` through `step` (already warmed up by the caller).
fn bench_steps<I: Copy, O>(
    c: &mut Criterion,
    group: &str,
    label: &str,
    parameter: &str,
    data: &[I],
    mut step: impl FnMut(I) -> O,
) {
    let mut group = c.benchmark_group(group);
    group.throughput(Throughput::Elements(data.len() as u64));
    group.sample_size(10);
    group.bench_function(BenchmarkId::new(label, parameter), |b| {
        b.iter(|| {
            for x in data {
                black_box(step(*black_box(x)));
            }
        })
    });
    group.finish();
}

/// The textbook fractal: a ring of the last `2n + 1` highs and lows, and the middle bar
/// compared with every other one (O(n) per bar, TradingView's ties).
struct NaiveFractal {
    highs: Vec<f64>,
    lows: Vec<f64>,
    next: usize,
    n: usize,
}

impl NaiveFractal {
    fn new(n: usize) -> Self {
        Self {
            highs: vec![0.0; 2 * n + 1],
            lows: vec![f64::MAX; 2 * n + 1],
            next: 0,
            n,
        }
    }

    #[inline]
    fn update(&mut self, candle: Candle) -> (bool, bool) {
        let window = self.highs.len();
        self.highs[self.next] = candle.high;
        self.lows[self.next] = candle.low;
        self.next = (self.next + 1) % window;
        // Oldest at `next`; the middle is n bars later.
        let middle = (self.next + self.n) % window;
        let (h, l) = (self.highs[middle], self.lows[middle]);
        let (mut high, mut low) = (true, true);
        for age in 0..window {
            let slot = (self.next + age) % window;
            if age < self.n {
                high &= h > self.highs[slot];
                low &= l < self.lows[slot];
            } else if age > self.n {
                high &= h >= self.highs[slot];
                low &= l <= self.lows[slot];
            }
        }
        (high, low)
    }
}

fn swing_pivots(c: &mut Criterion) {
    let candles = random_candles(POINTS);
    for n in [2, 50] {
        let mut pivots = SwingPivots::new(n).unwrap();
        pivots.batch(&candles[..1000]);
        bench_steps(
            c,
            "swing_pivots",
            "ta_stream",
            &n.to_string(),
            &candles,
            move |x| pivots.update(x),
        );
        let mut naive = NaiveFractal::new(n);
        for &x in &candles[..1000] {
            naive.update(x);
        }
        bench_steps(
            c,
            "swing_pivots",
            "hand_written_naive",
            &n.to_string(),
            &candles,
            move |x| naive.update(x),
        );
    }
}

fn zig_zag(c: &mut Criterion) {
    let candles = random_candles(POINTS);
    let mut zigzag = ZigZag::default();
    zigzag.batch(&candles[..1000]);
    bench_steps(c, "zig_zag", "ta_stream", "5%", &candles, move |x| {
        zigzag.update(x)
    });
    // The same rule after the first turn, on plain numbers: up = +1, down = −1.
    let (mut direction, mut extreme) = (1i8, 100.0f64);
    bench_steps(c, "zig_zag", "hand_written", "5%", &candles, move |x| {
        if direction > 0 {
            if x.high > extreme {
                extreme = x.high;
                None
            } else if x.low <= extreme * 0.95 {
                let turn = extreme;
                (direction, extreme) = (-1, x.low);
                Some(turn)
            } else {
                None
            }
        } else if x.low < extreme {
            extreme = x.low;
            None
        } else if x.high >= extreme * 1.05 {
            let turn = extreme;
            (direction, extreme) = (1, x.high);
            Some(turn)
        } else {
            None
        }
    });
}

fn reaction_low(c: &mut Criterion) {
    let candles = random_candles(POINTS);
    let mut reaction = ReactionLow::default();
    reaction.batch(&candles[..1000]);
    bench_steps(c, "reaction_low", "ta_stream", "2", &candles, move |x| {
        reaction.update(x)
    });
}

fn support_resistance(c: &mut Criterion) {
    let candles = random_candles(POINTS);
    for capacity in [16, 64] {
        let config = LevelsConfig::default().with_capacity(capacity);
        let mut levels = SupportResistance::new(config).unwrap();
        levels.batch(&candles[..5000]);
        bench_steps(
            c,
            "support_resistance",
            "ta_stream",
            &format!("5_1%_{capacity}"),
            &candles,
            move |x| levels.update(x),
        );
    }
}

criterion_group!(
    benches,
    swing_pivots,
    zig_zag,
    reaction_low,
    support_resistance
);
criterion_main!(benches);
