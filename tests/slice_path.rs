//! The slice path (`Indicator::update_slice`): bit for bit the outputs of `update` called in
//! a loop (NaN where `update` returns `None`), the same final state, whatever the inputs
//! (unusable ones included), in `f64` and `f32`; and TA-Lib's own outputs on the fixtures.
//! Long stretches of usable inputs as well (where the fast paths, which check a chunk of
//! inputs at once, run). Likewise the column paths of the indicators with several outputs
//! (`Bollinger::bands_into`, `Macd::lines_into`, the stochastics' `lines_into`), and the
//! paths over high, low and close columns (`hlc_into` of WILLR, ATR, NATR and TRANGE, the
//! stochastics' `hlc_lines_into`), the slice paths that run on a copy of the state (OBV,
//! PVT, TSI, the math operators and the cumulative sum), and the lagged indicators' (MOM,
//! ROC, ROCP, ROCR, ROCR100), and MFI's slice path over candles. `batch`, which runs the
//! slice path a chunk at a time, gives `update`'s outputs too.

mod common;

use common::batch::check_batch_equals_streaming;
use common::{assert_histogram_matches, assert_matches, Fixture, PERIODS, SINGLE_SERIES};
use num_traits::Float;
use proptest::prelude::*;
use ta_stream::average::{Dema, Ema, Rma, Sma, Tema, Wma, T3};
use ta_stream::bar::Candle;
use ta_stream::math::{Arithmetic, CumulativeSum, Operator};
use ta_stream::momentum::{
    Adx, Bop, Cci, FastStochastic, FlatRsi, Macd, MacdOutput, Mfi, Momentum, Roc, Rocp, Rocr,
    Rocr100, Rsi, Stochastic, StochasticOutput, Trix, Tsi, WilliamsR,
};
use ta_stream::statistics::{MidPoint, RollingMax, RollingMin};
use ta_stream::volatility::{Atr, Bands, Bollinger, Natr, StdDev, TrueRange, Variance};
use ta_stream::volume::{AccumulationDistribution, ChaikinOscillator, Obv, PriceVolumeTrend};
use ta_stream::{Error, Indicator, Real};

/// Runs `inputs` through a copy of `indicator` with `update` and through another with
/// `update_slice` (in two slices, split at `split`), and checks every output bit for bit and
/// the final states.
fn check_slice_equals_streaming<I>(indicator: &I, inputs: &[I::Input], split: usize)
where
    I: Indicator + Clone + PartialEq + std::fmt::Debug,
    I::Output: Real,
{
    let mut streaming = indicator.clone();
    let expected: Vec<Option<I::Output>> = inputs.iter().map(|&x| streaming.update(x)).collect();

    let mut sliced = indicator.clone();
    let mut out = vec![<I::Output as Float>::neg_infinity(); inputs.len()];
    let split = split.min(inputs.len());
    let (first_in, second_in) = inputs.split_at(split);
    let (first_out, second_out) = out.split_at_mut(split);
    sliced.update_slice(first_in, first_out).unwrap();
    sliced.update_slice(second_in, second_out).unwrap();

    for (index, (&got, want)) in out.iter().zip(&expected).enumerate() {
        match want {
            Some(want) => assert!(
                got.to_bits_like(*want),
                "index {index}: slice {got:?}, streaming {want:?}"
            ),
            None => assert!(got.is_nan(), "index {index}: slice {got:?}, streaming None"),
        }
    }
    assert_eq!(sliced, streaming, "final states differ");

    // `batch` runs the slice path in chunks and reads its NaN as `None`.
    check_batch_equals_streaming("batch", indicator, inputs, split);
}

/// Bit equality for both float types (through the wider type: exact for `f32`).
trait BitsLike {
    fn to_bits_like(self, other: Self) -> bool;
}

impl<T: Real> BitsLike for T {
    fn to_bits_like(self, other: Self) -> bool {
        let (a, b) = (self.to_f64(), other.to_f64());
        a.map(f64::to_bits) == b.map(f64::to_bits)
    }
}

/// Mostly prices, with unusable values (NaN, ±∞, magnitudes out of range) and extremes.
fn values_f64() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        30 => 1.0..1000.0_f64,
        4 => -1e6..1e6_f64,
        1 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e151, -1e200, 1e-300, 0.0, -0.0,
            1e150, -1e150, 1e-150, 5e-324,
        ]),
    ];
    prop::collection::vec(value, 0..300)
}

/// Long stretches of prices (several chunks of the slice paths that check their inputs a
/// chunk at a time) with a rare unusable value or zero, so that most chunks take the fast
/// path and some do not.
fn long_values_f64() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        400 => 1.0..1000.0_f64,
        1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, 1e151, 0.0, -0.0]),
    ];
    prop::collection::vec(value, 0..1500)
}

/// Prices in flat stretches (an input equal to the average it enters, which an EMA step keeps
/// as it is), with the odd NaN, long enough for several chunks of the column paths.
fn flat_stretches() -> impl Strategy<Value = Vec<f64>> {
    // For 15.49, 60.54, 45.77 and 164.72 `v·(1 − k) + v·k` is not `v` for some periods' `k`.
    let values = vec![5.0, 6.0, 15.49, 60.54, 45.77, 164.72, 7.7, f64::NAN];
    let run = (prop::sample::select(values), 1..120usize);
    prop::collection::vec(run, 0..30).prop_map(|runs| {
        runs.into_iter()
            .flat_map(|(value, length)| std::iter::repeat_n(value, length))
            .collect()
    })
}

fn values_f32() -> impl Strategy<Value = Vec<f32>> {
    let value = prop_oneof![
        30 => 1.0..1000.0_f32,
        4 => -1e4..1e4_f32,
        1 => prop::sample::select(vec![
            f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e16, -1e30, 1e-30, 0.0, -0.0, 1e15,
            -1e15, 1e-15,
        ]),
    ];
    prop::collection::vec(value, 0..300)
}

/// Candles around a walk, some of them with an unusable number.
fn candles<T: Real>(raw: Vec<(f64, f64, f64, u8)>) -> Vec<Candle<T>> {
    let mut close = 100.0;
    raw.into_iter()
        .map(|(step, up, down, poison)| {
            close += step;
            let number = |x: f64| T::from(x).unwrap();
            let (high, low) = (close + up, close - down);
            let mut candle = Candle {
                open: number(close),
                high: number(high),
                low: number(low),
                close: number(close),
                volume: T::zero(),
            };
            match poison {
                0 => candle.high = T::nan(),
                1 => candle.close = T::infinity(),
                2 => candle.low = number(-1e300),
                // Usable numbers whose typical price, a third of the smallest usable
                // magnitude, is not: CCI ignores the row.
                3 => {
                    let least = T::min_input();
                    (candle.open, candle.high, candle.low, candle.close) =
                        (least, least, -least, least);
                }
                // Usable numbers, the close above the high: ADX and the DI lines refuse it.
                4 => {
                    candle.close = number(high + 1.0);
                    candle.open = candle.close;
                }
                _ => {}
            }
            candle
        })
        .collect()
}

fn raw_candles() -> impl Strategy<Value = Vec<(f64, f64, f64, u8)>> {
    prop::collection::vec((-5.0..5.0_f64, 0.0..3.0_f64, 0.0..3.0_f64, 0..40u8), 0..200)
}

/// [`check_slice_equals_streaming`] for a slice path with `K` columns (`run`, over a part of
/// the inputs into the same part of each column): each column bit for bit the streaming
/// output's field that `fields` picks (NaN for `None`), the same final state.
fn check_columns_equal_streaming<I, T, const K: usize>(
    indicator: &I,
    inputs: &[I::Input],
    split: usize,
    run: impl Fn(&mut I, &[I::Input], [&mut [T]; K]) -> Result<(), Error>,
    fields: impl Fn(&I::Output) -> [T; K],
) where
    I: Indicator + Clone + PartialEq + std::fmt::Debug,
    T: Real,
{
    let mut streaming = indicator.clone();
    let expected: Vec<_> = inputs.iter().map(|&x| streaming.update(x)).collect();

    let mut sliced = indicator.clone();
    let mut columns = [(); K].map(|()| vec![T::neg_infinity(); inputs.len()]);
    let split = split.min(inputs.len());
    let (first, second) = inputs.split_at(split);
    let mut halves = columns.each_mut().map(|column| column.split_at_mut(split));
    run(
        &mut sliced,
        first,
        halves.each_mut().map(|(first, _)| &mut **first),
    )
    .unwrap();
    run(
        &mut sliced,
        second,
        halves.each_mut().map(|(_, second)| &mut **second),
    )
    .unwrap();

    for (index, want) in expected.iter().enumerate() {
        let got = columns.each_ref().map(|column| column[index]);
        match want {
            Some(output) => {
                let want = fields(output);
                assert!(
                    got.iter().zip(&want).all(|(&g, &w)| g.to_bits_like(w)),
                    "index {index}: columns {got:?}, streaming {want:?}"
                );
            }
            None => assert!(
                got.iter().all(|g| g.is_nan()),
                "index {index}: columns {got:?}, streaming None"
            ),
        }
    }
    assert_eq!(sliced, streaming, "final states differ");
}

fn bands_into<T: Real>(
    b: &mut Bollinger<T>,
    x: &[T],
    [u, m, l]: [&mut [T]; 3],
) -> Result<(), Error> {
    b.bands_into(x, u, m, l)
}

fn bands<T: Real>(b: &Bands<T>) -> [T; 3] {
    [b.upper, b.middle, b.lower]
}

fn macd_lines_into<T: Real>(
    macd: &mut Macd<T>,
    x: &[T],
    [m, s, h]: [&mut [T]; 3],
) -> Result<(), Error> {
    macd.lines_into(x, m, s, h)
}

fn macd_lines<T: Real>(out: &MacdOutput<T>) -> [T; 3] {
    [out.macd, out.signal, out.histogram]
}

fn stochastic_lines<T: Real>(out: &StochasticOutput<T>) -> [T; 2] {
    [out.k, out.d]
}

/// Series that exercise the rolling extremes' slice path over long slices: a walk of small
/// integer steps (plateaus of equal values, `0.0` and `-0.0` mixed), steady falls and rises
/// (a maximum that leaves the window at every input), and unusable values.
fn extreme_walk<T: Real>(steps: &[(u8, bool)]) -> Vec<T> {
    let mut level = 0.0_f64;
    let mut values = Vec::new();
    for &(kind, negative_zero) in steps {
        let run = match kind {
            0..=59 => {
                level += f64::from(kind % 3) - 1.0;
                vec![level]
            }
            60..=69 => (0..25).map(|k| level - f64::from(k)).collect(),
            70..=79 => (0..25).map(|k| level + f64::from(k)).collect(),
            80 => vec![f64::NAN],
            81 => vec![f64::NEG_INFINITY],
            _ => vec![0.0],
        };
        for x in run {
            let x = if x == 0.0 && negative_zero { -0.0 } else { x };
            values.push(T::from(x).unwrap());
        }
    }
    values
}

/// `update_slice` of a rolling extreme (in two slices, split at `split`) against `update`, then
/// both go on with `update` and agree on the outputs and on `age()` (where the newest of tied
/// values was reached: the state's equality does not compare it).
fn check_extreme_slice<I>(
    indicator: &I,
    inputs: &[I::Input],
    split: usize,
    age: fn(&I) -> Option<u64>,
) where
    I: Indicator + Clone + PartialEq + std::fmt::Debug,
    I::Input: Real,
    I::Output: Real,
{
    check_slice_equals_streaming(indicator, inputs, split);
    let mut streaming = indicator.clone();
    let mut sliced = indicator.clone();
    let mut out = vec![<I::Output as Float>::nan(); inputs.len()];
    for &x in inputs {
        streaming.update(x);
    }
    let split = split.min(inputs.len());
    let (first_out, second_out) = out.split_at_mut(split);
    sliced.update_slice(&inputs[..split], first_out).unwrap();
    sliced.update_slice(&inputs[split..], second_out).unwrap();
    assert_eq!(age(&sliced), age(&streaming), "ages after the slices");
    for &x in inputs.iter().rev().take(60) {
        let (a, b) = (sliced.update(x), streaming.update(x));
        let same = match (a, b) {
            (Some(a), Some(b)) => a.to_bits_like(b),
            (a, b) => a.is_none() && b.is_none(),
        };
        assert!(same, "after the slice: {a:?} against {b:?}");
        assert_eq!(
            age(&sliced),
            age(&streaming),
            "ages after the slice and updates"
        );
    }
}

/// Candles for the column paths: long enough for many chunks of rows, mostly usable (a
/// chunk of usable rows takes the fast path, one with a refused row the row-by-row path).
fn raw_long_candles() -> impl Strategy<Value = Vec<(f64, f64, f64, u8)>> {
    let poison = prop_oneof![20 => 3..40u8, 1 => 0..3u8];
    prop::collection::vec((-5.0..5.0_f64, 0.0..3.0_f64, 0.0..3.0_f64, poison), 0..700)
}

/// The high, low and close columns of `candles`.
fn hlc<T: Real>(candles: &[Candle<T>]) -> [Vec<T>; 3] {
    [
        candles.iter().map(|c| c.high).collect(),
        candles.iter().map(|c| c.low).collect(),
        candles.iter().map(|c| c.close).collect(),
    ]
}

/// The one-output column paths over high, low and close (`hlc_into`).
macro_rules! hlc_into {
    ($name:ident, $type:ident) => {
        fn $name<T: Real>(
            i: &mut $type<T>,
            x: &[Candle<T>],
            [out]: [&mut [T]; 1],
        ) -> Result<(), Error> {
            let [high, low, close] = hlc(x);
            i.hlc_into(&high, &low, &close, out)
        }
    };
}

// The column paths over high, low and close (`hlc_into`, `hlc_lines_into`), run on the
// columns of `candles` (whose open is their close and volume 0, the candles those paths
// stand for) by [`check_columns_equal_streaming`]: every output bit for bit, the same state.
hlc_into!(willr_hlc, WilliamsR);
hlc_into!(atr_hlc, Atr);
hlc_into!(natr_hlc, Natr);
hlc_into!(true_range_hlc, TrueRange);
hlc_into!(cci_hlc, Cci);
hlc_into!(adx_hlc, Adx);

/// BOP's column path over open, high, low and close (`ohlc_into`).
fn bop_ohlc<T: Real>(i: &mut Bop<T>, x: &[Candle<T>], [out]: [&mut [T]; 1]) -> Result<(), Error> {
    let [open, high, low, close] = columns_of(x, |c| [c.open, c.high, c.low, c.close]);
    i.ohlc_into(&open, &high, &low, &close, out)
}

/// AD's column path over high, low, close and volume (`hlcv_into`).
fn ad_hlcv<T: Real>(
    i: &mut AccumulationDistribution<T>,
    x: &[Candle<T>],
    [out]: [&mut [T]; 1],
) -> Result<(), Error> {
    let [high, low, close, volume] = columns_of(x, |c| [c.high, c.low, c.close, c.volume]);
    i.hlcv_into(&high, &low, &close, &volume, out)
}

/// ADOSC's column path over high, low, close and volume (`hlcv_into`).
fn adosc_hlcv<T: Real>(
    i: &mut ChaikinOscillator<T>,
    x: &[Candle<T>],
    [out]: [&mut [T]; 1],
) -> Result<(), Error> {
    let [high, low, close, volume] = columns_of(x, |c| [c.high, c.low, c.close, c.volume]);
    i.hlcv_into(&high, &low, &close, &volume, out)
}

/// The columns of the numbers `fields` picks of each candle.
fn columns_of<T: Real, const N: usize>(
    candles: &[Candle<T>],
    fields: impl Fn(&Candle<T>) -> [T; N],
) -> [Vec<T>; N] {
    let mut columns = [(); N].map(|()| Vec::with_capacity(candles.len()));
    for candle in candles {
        for (column, value) in columns.iter_mut().zip(fields(candle)) {
            column.push(value);
        }
    }
    columns
}

/// The column paths over four columns: BOP's on `candles` with an open inside the range,
/// now and then above the high (a bar BOP refuses); AD's and ADOSC's on `candles` with a
/// volume, now and then negative (refused) or the largest usable one.
fn check_four_column_paths<T: Real>(candles: &[Candle<T>], split: usize) {
    let with_open: Vec<Candle<T>> = candles
        .iter()
        .enumerate()
        .map(|(index, &c)| {
            let half = T::from(0.5).unwrap();
            let open = if index % 17 == 5 {
                c.high + T::one()
            } else {
                (c.low + c.high) * half
            };
            Candle { open, ..c }
        })
        .collect();
    check_columns_equal_streaming(
        &Bop::<T>::new_generic(),
        &with_open,
        split,
        bop_ohlc,
        |&r| [r],
    );
    let with_volume: Vec<Candle<T>> = candles
        .iter()
        .enumerate()
        .map(|(index, &c)| {
            let volume = match index % 23 {
                7 => -T::one(),
                11 if index % 3 == 0 => T::max_input(),
                step => T::from(1000 + 10 * step).unwrap(),
            };
            Candle { volume, ..c }
        })
        .collect();
    check_columns_equal_streaming(
        &AccumulationDistribution::<T>::new_generic(),
        &with_volume,
        split,
        ad_hlcv,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &ChaikinOscillator::<T>::new_generic(3, 10).unwrap(),
        &with_volume,
        split,
        adosc_hlcv,
        |&r| [r],
    );
}

fn stochastic_hlc<T: Real>(
    s: &mut Stochastic<T>,
    x: &[Candle<T>],
    [k, d]: [&mut [T]; 2],
) -> Result<(), Error> {
    let [high, low, close] = hlc(x);
    s.hlc_lines_into(&high, &low, &close, k, d)
}

fn fast_stochastic_hlc<T: Real>(
    s: &mut FastStochastic<T>,
    x: &[Candle<T>],
    [k, d]: [&mut [T]; 2],
) -> Result<(), Error> {
    let [high, low, close] = hlc(x);
    s.hlc_lines_into(&high, &low, &close, k, d)
}

fn check_hlc_paths<T: Real>(period: usize, smoothing: usize, candles: &[Candle<T>], split: usize) {
    check_columns_equal_streaming(
        &Atr::<T>::new_generic(period).unwrap(),
        candles,
        split,
        atr_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &Natr::<T>::new_generic(period).unwrap(),
        candles,
        split,
        natr_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &TrueRange::<T>::new_generic(),
        candles,
        split,
        true_range_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &WilliamsR::<T>::new_generic(period).unwrap(),
        candles,
        split,
        willr_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &Cci::<T>::new_generic(period).unwrap(),
        candles,
        split,
        cci_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &Adx::<T>::new_generic(period.max(2)).unwrap(),
        candles,
        split,
        adx_hlc,
        |&r| [r],
    );
    check_columns_equal_streaming(
        &Stochastic::<T>::new_generic(period, smoothing, 3).unwrap(),
        candles,
        split,
        stochastic_hlc,
        stochastic_lines,
    );
    check_columns_equal_streaming(
        &FastStochastic::<T>::new_generic(period, smoothing).unwrap(),
        candles,
        split,
        fast_stochastic_hlc,
        stochastic_lines,
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn hlc_columns_equal_streaming(raw in raw_long_candles(), period in 2..40usize, smoothing in 1..5usize, split in 0..700usize) {
        check_hlc_paths::<f64>(period, smoothing, &candles::<f64>(raw.clone()), split);
        check_hlc_paths::<f32>(period, smoothing, &candles::<f32>(raw), split);
    }

    #[test]
    fn four_column_paths_equal_streaming(raw in raw_long_candles(), split in 0..700usize) {
        check_four_column_paths::<f64>(&candles::<f64>(raw.clone()), split);
        check_four_column_paths::<f32>(&candles::<f32>(raw), split);
    }

    #[test]
    fn hlc_columns_over_plateaus_equal_streaming(steps in prop::collection::vec((0..100u8, any::<bool>()), 0..300), period in 2..30usize, split in 0..700usize) {
        // Candles whose highs and lows are the extremes' walks (ties, ±0, unusable values).
        let walk = extreme_walk::<f64>(&steps);
        let candles: Vec<Candle<f64>> = walk
            .iter()
            .zip(walk.iter().rev())
            .map(|(&high, &low)| Candle { open: high, high, low, close: high, volume: 0.0 })
            .collect();
        check_hlc_paths::<f64>(period, 3, &candles, split);
    }

    #[test]
    fn ema_paths_equal_streaming_over_flat_stretches(
        inputs in flat_stretches(),
        period in 1..20usize,
        split in 0..3000usize,
    ) {
        check_slice_equals_streaming(&Ema::new(period).unwrap(), &inputs, split);
        let (fast, slow, signal) = (period.max(2), period + 3, period / 2 + 1);
        check_columns_equal_streaming(&Macd::new(fast, slow, signal).unwrap(), &inputs, split, macd_lines_into, macd_lines);
        // An input equal to the average leaves it as it is, bit for bit.
        let mut ema = Ema::new(period).unwrap();
        ema.batch(&inputs);
        if let Some(average) = ema.value() {
            prop_assert_eq!(ema.update(average).map(f64::to_bits), Some(average.to_bits()));
        }
    }

    #[test]
    fn columns_equal_streaming(
        inputs in values_f64(),
        narrow in values_f32(),
        period in 1..30usize,
        multiplier in 0.001..1000.0_f64,
        split in 0..300usize,
    ) {
        check_columns_equal_streaming(&Bollinger::new(period, multiplier).unwrap(), &inputs, split, bands_into, bands);
        check_columns_equal_streaming(&Bollinger::new(period, multiplier as f32).unwrap(), &narrow, split, bands_into, bands);
        let (fast, slow, signal) = (period.max(2), period + 3, period / 2 + 1);
        check_columns_equal_streaming(&Macd::new(fast, slow, signal).unwrap(), &inputs, split, macd_lines_into, macd_lines);
        check_columns_equal_streaming(&Macd::<f32>::new_generic(fast, slow, signal).unwrap(), &narrow, split, macd_lines_into, macd_lines);
    }

    /// Bollinger's columns over long usable stretches, where whole chunks of the window's
    /// blocks take the block path (periods below and above the 256-value chunk).
    #[test]
    fn bollinger_columns_over_long_usable_stretches_equal_streaming(
        inputs in long_values_f64(),
        period in 1..300usize,
        multiplier in 0.001..1000.0_f64,
        split in 0..1500usize,
    ) {
        check_columns_equal_streaming(&Bollinger::new(period, multiplier).unwrap(), &inputs, split, bands_into, bands);
        let narrow: Vec<f32> = inputs.iter().map(|&x| x as f32).collect();
        check_columns_equal_streaming(&Bollinger::new(period, multiplier as f32).unwrap(), &narrow, split, bands_into, bands);
    }

    #[test]
    fn stochastic_columns_equal_streaming(raw in raw_candles(), period in 1..20usize, smoothing in 1..5usize, split in 0..200usize) {
        let lines_into = |s: &mut Stochastic<f64>, x: &[Candle<f64>], [k, d]: [&mut [f64]; 2]| s.lines_into(x, k, d);
        check_columns_equal_streaming(&Stochastic::new(period, smoothing, 3).unwrap(), &candles::<f64>(raw.clone()), split, lines_into, stochastic_lines);
        let lines_into = |s: &mut Stochastic<f32>, x: &[Candle<f32>], [k, d]: [&mut [f32]; 2]| s.lines_into(x, k, d);
        check_columns_equal_streaming(&Stochastic::new_generic(period, 3, smoothing).unwrap(), &candles::<f32>(raw.clone()), split, lines_into, stochastic_lines);
        let lines_into = |s: &mut FastStochastic<f64>, x: &[Candle<f64>], [k, d]: [&mut [f64]; 2]| s.lines_into(x, k, d);
        check_columns_equal_streaming(&FastStochastic::new(period, smoothing).unwrap(), &candles::<f64>(raw), split, lines_into, stochastic_lines);
    }

    #[test]
    fn extremes_slice_equals_streaming(steps in prop::collection::vec((0..100u8, any::<bool>()), 0..200), period in 1..16usize, split in 0..400usize) {
        let wide = extreme_walk::<f64>(&steps);
        check_extreme_slice(&RollingMax::<f64>::new(period).unwrap(), &wide, split, RollingMax::age);
        check_extreme_slice(&RollingMin::<f64>::new(period).unwrap(), &wide, split, RollingMin::age);
        let narrow = extreme_walk::<f32>(&steps);
        check_extreme_slice(&RollingMax::<f32>::new_generic(period).unwrap(), &narrow, split, RollingMax::age);
        check_extreme_slice(&RollingMin::<f32>::new_generic(period).unwrap(), &narrow, split, RollingMin::age);
    }

    #[test]
    fn slice_equals_streaming_f64(inputs in values_f64(), period in 1..30usize, split in 0..300usize) {
        check_slice_equals_streaming(&Sma::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Ema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rsi::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(
            &Rsi::<f64>::new(period).unwrap().with_flat(FlatRsi::TaLib),
            &inputs,
            split,
        );
        check_slice_equals_streaming(&Wma::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMax::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMin::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rma::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&MidPoint::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Dema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Tema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&T3::<f64>::new(period, 0.7).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Variance::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&StdDev::<f64>::new(period).unwrap(), &inputs, split);
    }

    #[test]
    fn slice_over_long_usable_stretches_equals_streaming(inputs in long_values_f64(), period in 1..300usize, split in 0..1500usize) {
        check_slice_equals_streaming(&Wma::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Dema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Tema::<f64>::new(period / 2 + 1).unwrap(), &inputs, split);
        check_slice_equals_streaming(&T3::<f64>::new(period / 5 + 1, 0.7).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Trix::<f64>::new(period / 3 + 1).unwrap(), &inputs, split);
        check_slice_equals_streaming(&MidPoint::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMax::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMin::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Sma::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Variance::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&StdDev::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&StdDev::<f64>::sample(period.max(2)).unwrap(), &inputs, split);
        let narrow: Vec<f32> = inputs.iter().map(|&x| x as f32).collect();
        check_slice_equals_streaming(&Wma::<f32>::new_generic(period).unwrap(), &narrow, split);
        check_slice_equals_streaming(&StdDev::<f32>::new_generic(period).unwrap(), &narrow, split);
        check_slice_equals_streaming(&T3::<f32>::new_generic(period / 5 + 1, 0.7).unwrap(), &narrow, split);
        check_slice_equals_streaming(&Sma::<f32>::new_generic(period).unwrap(), &narrow, split);
    }

    #[test]
    fn slice_equals_streaming_f32(inputs in values_f32(), period in 1..30usize, split in 0..300usize) {
        check_slice_equals_streaming(&Sma::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Ema::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rsi::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Wma::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMax::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&RollingMin::<f32>::new_generic(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rma::<f32>::new_generic(period).unwrap(), &inputs, split);
    }

    /// The lagged indicators, whose slice path computes a chunk's outputs from the input
    /// `n` before each (the window's values for the first `n`): periods below and above the
    /// chunk of 256 inputs, long usable stretches with a rare unusable input or zero (a zero
    /// base gives ROC 0), f64 and f32.
    #[test]
    fn lagged_slice_equals_streaming(inputs in long_values_f64(), period in 1..300usize, split in 0..1500usize) {
        check_slice_equals_streaming(&Momentum::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Roc::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rocp::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rocr::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Rocr100::<f64>::new(period).unwrap(), &inputs, split);
        let narrow: Vec<f32> = inputs.iter().map(|&x| x as f32).collect();
        check_slice_equals_streaming(&Momentum::<f32>::new_generic(period).unwrap(), &narrow, split);
        check_slice_equals_streaming(&Roc::<f32>::new_generic(period).unwrap(), &narrow, split);
    }

    /// The indicators whose slice path runs on a copy of their state (no heap storage), with
    /// pairs of the same values (negative volumes, refused by OBV and PVT, included).
    #[test]
    fn slice_on_a_copy_equals_streaming(inputs in values_f64(), period in 1..30usize, split in 0..300usize) {
        let pairs: Vec<(f64, f64)> = inputs.iter().zip(inputs.iter().rev()).map(|(&a, &b)| (a, b)).collect();
        check_slice_equals_streaming(&Obv::<f64>::new(), &pairs, split);
        check_slice_equals_streaming(&PriceVolumeTrend::<f64>::new(), &pairs, split);
        check_slice_equals_streaming(&Arithmetic::<f64>::new(Operator::Div), &pairs, split);
        check_slice_equals_streaming(&CumulativeSum::<f64>::new(), &inputs, split);
        check_slice_equals_streaming(&Tsi::<f64>::new(period, period / 2 + 1).unwrap(), &inputs, split);
        let narrow: Vec<f32> = inputs.iter().map(|&x| x as f32).collect();
        let narrow_pairs: Vec<(f32, f32)> = narrow.iter().zip(narrow.iter().rev()).map(|(&a, &b)| (a, b)).collect();
        check_slice_equals_streaming(&Obv::<f32>::new_generic(), &narrow_pairs, split);
        check_slice_equals_streaming(&Tsi::<f32>::new_generic(period, 2).unwrap(), &narrow, split);
    }

    #[test]
    fn atr_slice_over_candles_equals_streaming(raw in raw_candles(), period in 1..30usize, split in 0..200usize) {
        check_slice_equals_streaming(&Atr::<f64>::new(period).unwrap(), &candles::<f64>(raw.clone()), split);
        check_slice_equals_streaming(&Atr::<f32>::new_generic(period).unwrap(), &candles::<f32>(raw.clone()), split);
        check_slice_equals_streaming(&Natr::<f64>::new(period).unwrap(), &candles::<f64>(raw.clone()), split);
        check_slice_equals_streaming(&TrueRange::<f64>::default(), &candles::<f64>(raw), split);
    }
}

/// Candles with volumes around a walk that stays positive, for the MFI: runs of unchanged
/// typical prices (a step of 0), zero volumes, and now and then a candle the MFI refuses (an
/// unusable number, a negative low, a close above the high).
fn mfi_candles<T: Real>(raw: &[(f64, f64, f64, u8)]) -> Vec<Candle<T>> {
    let (mut close, mut spread) = (1000.0, (1.0, 1.0));
    raw.iter()
        .map(|&(step, up, down, kind)| {
            // One in five repeats the previous prices: an unchanged typical price.
            if kind % 5 != 0 {
                close += step;
                spread = (up, down);
            }
            let number = |x: f64| T::from(x).unwrap();
            let volume = if kind % 7 == 0 {
                0.0
            } else {
                (up * 1000.0).round()
            };
            let mut candle = Candle {
                open: number(close),
                high: number(close + spread.0),
                low: number(close - spread.1),
                close: number(close),
                volume: number(volume),
            };
            match kind {
                0 => candle.high = T::nan(),
                1 => candle.low = number(-0.5),
                2 => candle.close = number(close + spread.0 + 1.0),
                _ => {}
            }
            candle
        })
        .collect()
}

/// Raw candles for [`mfi_candles`]: up to 1,500, a refused one in about 300, so that most
/// chunks of 64 are all accepted (the fast path) and some are not.
fn raw_mfi_candles() -> impl Strategy<Value = Vec<(f64, f64, f64, u8)>> {
    let kind = prop_oneof![300 => 3..40u8, 1 => 0..3u8];
    prop::collection::vec((-5.0..5.0_f64, 0.0..3.0_f64, 0.0..3.0_f64, kind), 0..1500)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// MFI's slice path (chunks of accepted candles on a full window in passes, others
    /// candle by candle) gives the streaming outputs and state, in `f64` and `f32`.
    #[test]
    fn mfi_slice_equals_streaming(raw in raw_mfi_candles(), period in 2..40usize, split in 0..1500usize) {
        check_slice_equals_streaming(&Mfi::<f64>::new(period).unwrap(), &mfi_candles::<f64>(&raw), split);
        check_slice_equals_streaming(&Mfi::<f32>::new_generic(period).unwrap(), &mfi_candles::<f32>(&raw), split);
    }
}

/// SMA's slice path takes whole blocks of `n` inputs at once once its inputs are checked a
/// run of about a thousand at a time: periods of one block beyond that run, odd and even,
/// over a long walk with an unusable input in one run and a zero in another, split inside
/// and at the edge of a block.
#[test]
fn sma_slice_with_blocks_longer_than_a_checked_run_equals_streaming() {
    let mut price = 100.0_f64;
    let mut walk: Vec<f64> = (0..9000_u32)
        .map(|i| {
            price += f64::from(i.wrapping_mul(2_654_435_761) % 1000) / 1000.0 - 0.4995;
            price
        })
        .collect();
    walk[4321] = f64::NAN;
    walk[7000] = 0.0;
    for period in [1023, 1024, 1025, 1500, 2049] {
        for split in [0, 1, period, 2 * period + 7, 5000] {
            check_slice_equals_streaming(&Sma::<f64>::new(period).unwrap(), &walk, split);
        }
    }
}

#[test]
fn a_slice_of_the_wrong_length_is_refused_and_consumes_nothing() {
    let mut sma = Sma::<f64>::new(2).unwrap();
    sma.update(1.0);
    let before = sma.clone();
    let mut out = [0.0; 2];
    let err = sma.update_slice(&[1.0, 2.0, 3.0], &mut out).unwrap_err();
    assert!(
        matches!(err, Error::InvalidParameter { name: "out", .. }),
        "{err}"
    );
    assert_eq!(sma, before);
    assert_eq!(out, [0.0; 2]);
    // An empty slice is fine and changes nothing.
    sma.update_slice(&[], &mut []).unwrap();
    assert_eq!(sma, before);
}

/// `result` is the error naming `name`.
fn assert_names(result: Result<(), Error>, name: &str) {
    let err = result.unwrap_err();
    assert!(
        matches!(err, Error::InvalidParameter { name: found, .. } if found == name),
        "{name}: {err}"
    );
}

#[test]
fn column_paths_refuse_a_column_of_the_wrong_length_and_consume_nothing() {
    let inputs = [1.0, 2.0, 3.0];
    let (mut a, mut b, mut short) = ([0.0; 3], [0.0; 3], [0.0; 2]);

    let mut bollinger = Bollinger::new(2, 2.0).unwrap();
    bollinger.update(1.0);
    let before = bollinger.clone();
    assert_names(
        bollinger.bands_into(&inputs, &mut short, &mut a, &mut b),
        "upper",
    );
    assert_names(
        bollinger.bands_into(&inputs, &mut a, &mut short, &mut b),
        "middle",
    );
    assert_names(
        bollinger.bands_into(&inputs, &mut a, &mut b, &mut short),
        "lower",
    );
    assert_eq!(bollinger, before);

    let mut macd = Macd::new(2, 3, 2).unwrap();
    macd.update(1.0);
    let before = macd.clone();
    assert_names(macd.lines_into(&inputs, &mut short, &mut a, &mut b), "macd");
    assert_names(
        macd.lines_into(&inputs, &mut a, &mut short, &mut b),
        "signal",
    );
    assert_names(
        macd.lines_into(&inputs, &mut a, &mut b, &mut short),
        "histogram",
    );
    assert_eq!(macd, before);

    let bars = candles::<f64>(vec![(0.0, 1.0, 1.0, 5); 3]);
    let mut stochastic = Stochastic::new(2, 2, 2).unwrap();
    stochastic.update(bars[0]);
    let before = stochastic.clone();
    assert_names(stochastic.lines_into(&bars, &mut short, &mut a), "k");
    assert_names(stochastic.lines_into(&bars, &mut a, &mut short), "d");
    assert_eq!(stochastic, before);
    let mut fast = FastStochastic::new(2, 2).unwrap();
    let before = fast.clone();
    assert_names(fast.lines_into(&bars, &mut short, &mut a), "k");
    assert_names(fast.lines_into(&bars, &mut a, &mut short), "d");
    assert_eq!(fast, before);

    let [high, low, close] = hlc(&bars);
    let mut willr = WilliamsR::new(2).unwrap();
    willr.update(bars[0]);
    let before = willr.clone();
    assert_names(willr.hlc_into(&high, &low[..2], &close, &mut a), "low");
    assert_names(willr.hlc_into(&high, &low, &close[..2], &mut a), "close");
    assert_names(willr.hlc_into(&high, &low, &close, &mut short), "out");
    assert_names(willr.hlc_into(&high[..2], &low, &close, &mut short), "low");
    assert_eq!(willr, before);
    let mut stochastic = Stochastic::new(2, 2, 2).unwrap();
    stochastic.update(bars[0]);
    let before = stochastic.clone();
    assert_names(
        stochastic.hlc_lines_into(&high, &low, &close[..2], &mut a, &mut b),
        "close",
    );
    assert_names(
        stochastic.hlc_lines_into(&high, &low, &close, &mut short, &mut b),
        "k",
    );
    assert_names(
        stochastic.hlc_lines_into(&high, &low, &close, &mut a, &mut short),
        "d",
    );
    assert_eq!(stochastic, before);
    let mut atr = Atr::new(2).unwrap();
    atr.update(bars[0]);
    let before = atr.clone();
    assert_names(atr.hlc_into(&high, &low, &close, &mut short), "out");
    assert_eq!(atr, before);
    let mut natr = Natr::new(2).unwrap();
    assert_names(natr.hlc_into(&high, &low[..2], &close, &mut a), "low");
    assert_eq!(natr, Natr::new(2).unwrap());
    let mut true_range = TrueRange::new();
    assert_names(
        true_range.hlc_into(&high, &low, &close[..2], &mut a),
        "close",
    );
    assert_eq!(true_range, TrueRange::new());
    let mut fast = FastStochastic::new(2, 2).unwrap();
    let before = fast.clone();
    assert_names(
        fast.hlc_lines_into(&high, &low[..2], &close, &mut a, &mut b),
        "low",
    );
    assert_names(
        fast.hlc_lines_into(&high, &low, &close, &mut a, &mut short),
        "d",
    );
    assert_eq!(fast, before);

    assert_eq!(
        (a, b, short),
        ([0.0; 3], [0.0; 3], [0.0; 2]),
        "a column was written"
    );
}

#[test]
fn boxed_indicators_have_the_slice_path() {
    let mut boxed: Box<dyn Indicator<Input = f64, Output = f64>> = Box::new(Sma::new(2).unwrap());
    let mut out = [0.0; 4];
    boxed
        .update_slice(&[1.0, 3.0, f64::NAN, 5.0], &mut out)
        .unwrap();
    assert!(out[0].is_nan());
    // (1 + 3)/2, the NaN ignored (the last value repeated), then (3 + 5)/2.
    assert_eq!(out[1..], [2.0, 2.0, 4.0]);
}

/// TA-Lib's outputs, NaN during its lookback, from the committed fixtures.
fn check_against_talib<I>(column_prefix: &str, make: impl Fn(usize) -> I)
where
    I: Indicator<Input = f64, Output = f64>,
{
    for series in SINGLE_SERIES {
        let fixture = Fixture::load(&format!("talib/single_{series}.csv"));
        let input = fixture.values("input");
        for period in PERIODS {
            let mut out = vec![0.0; input.len()];
            make(period).update_slice(&input, &mut out).unwrap();
            let as_options: Vec<Option<f64>> =
                out.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
            let column = format!("{column_prefix}_{period}");
            assert_matches(
                &format!("{series} {column}"),
                &as_options,
                fixture.column(&column),
                1e-9,
            );
        }
    }
}

#[test]
fn column_paths_match_talib() {
    for series in SINGLE_SERIES {
        let fixture = Fixture::load(&format!("talib/single_{series}.csv"));
        let input = fixture.values("input");
        let check = |names: [&str; 3], columns: &[Vec<f64>; 3]| {
            for (column, name) in columns.iter().zip(names) {
                let as_options: Vec<Option<f64>> =
                    column.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
                let label = format!("{series} {name}");
                if name == "macdhist" {
                    assert_histogram_matches(&label, &as_options, &fixture, 1e-9);
                } else {
                    assert_matches(&label, &as_options, fixture.column(name), 1e-9);
                }
            }
        };
        let mut columns = [(); 3].map(|()| vec![0.0; input.len()]);
        let [upper, middle, lower] = &mut columns;
        let mut bollinger = Bollinger::new(20, 2.0).unwrap();
        bollinger.bands_into(&input, upper, middle, lower).unwrap();
        check(["bb_upper", "bb_middle", "bb_lower"], &columns);
        let [macd, signal, histogram] = &mut columns;
        let mut appel = Macd::new(12, 26, 9).unwrap();
        appel.lines_into(&input, macd, signal, histogram).unwrap();
        check(["macd", "macdsignal", "macdhist"], &columns);
    }
}

#[test]
fn slices_match_talib() {
    check_against_talib("sma", |n| Sma::new(n).unwrap());
    check_against_talib("ema", |n| Ema::new(n).unwrap());
    check_against_talib("wma", |n| Wma::new(n).unwrap());
    check_against_talib("rsi", |n| Rsi::new(n).unwrap().with_flat(FlatRsi::TaLib));
}

/// TA-Lib's outputs in `tests/data/talib/coverage/<file>` (over the series of `inputs.csv`)
/// against `run`'s, within 1e-9 relative (absolute below 1) and NaN exactly in TA-Lib's
/// lookback, as `tests/talib_coverage.rs` compares them. A column is
/// named `FUNCTION(p1,p2,...)` or `FUNCTION(p1,...):output`; `run` gets its parameters, its
/// output's name and a series' high, low and close columns, and gives the crate's column,
/// or `None` to skip it (parameters the path does not take). Returns the values compared.
fn hlc_columns_match_talib(
    file: &str,
    run: impl Fn(&[f64], &str, [&[f64]; 3]) -> Option<Vec<f64>>,
) -> usize {
    let read = |file: &str| {
        let path = format!(
            "{}/tests/data/talib/coverage/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let number = |cell: &str| {
        if cell.is_empty() {
            f64::NAN
        } else {
            cell.parse::<f64>().unwrap()
        }
    };
    let (inputs, expected) = (read("inputs.csv"), read(file));
    // Column names hold commas inside their parentheses.
    let mut header = vec![String::new()];
    let mut depth = 0;
    for c in expected.lines().next().unwrap().chars() {
        depth += i32::from(c == '(') - i32::from(c == ')');
        match c {
            ',' if depth == 0 => header.push(String::new()),
            c => header.last_mut().unwrap().push(c),
        }
    }
    let series: Vec<&str> = inputs
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut checked = 0;
    for (column, name) in header.iter().enumerate().skip(1) {
        let (call, output) = name.split_once(':').unwrap_or((name, ""));
        let inside = call.split_once('(').unwrap().1.trim_end_matches(')');
        let parameters: Vec<f64> = inside.split(',').map(number).collect();
        let mut start = 0;
        while start < series.len() {
            let end = start
                + series[start..]
                    .iter()
                    .take_while(|&&s| s == series[start])
                    .count();
            let rows: Vec<Vec<f64>> = inputs
                .lines()
                .skip(1 + start)
                .take(end - start)
                .map(|l| l.split(',').skip(1).map(number).collect())
                .collect();
            let [high, low, close] =
                [1, 2, 3].map(|i| rows.iter().map(|r| r[i]).collect::<Vec<f64>>());
            let Some(out) = run(&parameters, output, [&high, &low, &close]) else {
                break;
            };
            let want: Vec<Option<f64>> = expected
                .lines()
                .skip(1 + start)
                .take(end - start)
                .map(|l| Some(number(l.split(',').nth(column).unwrap())).filter(|x| !x.is_nan()))
                .collect();
            assert_eq!(out.len(), want.len());
            for (index, (&got, want)) in out.iter().zip(&want).enumerate() {
                let close = match *want {
                    None => got.is_nan(),
                    Some(want) => (got - want).abs() <= 1e-9 * want.abs().max(got.abs()).max(1.0),
                };
                assert!(
                    close,
                    "{} {name}: index {index}: got {got:?}, TA-Lib {want:?}",
                    series[start]
                );
            }
            checked += want.iter().flatten().count();
            start = end;
        }
    }
    checked
}

#[test]
fn hlc_columns_match_talib_coverage_fixtures() {
    let willr = hlc_columns_match_talib("WILLR.csv", |p, _, [high, low, close]| {
        let mut out = vec![0.0; high.len()];
        WilliamsR::new(p[0] as usize)
            .unwrap()
            .hlc_into(high, low, close, &mut out)
            .unwrap();
        Some(out)
    });
    // The stochastics' column paths smooth with SMAs (`matype` 0).
    let stoch = hlc_columns_match_talib("STOCH.csv", |p, output, [high, low, close]| {
        let &[fast_k, slow_k, 0.0, slow_d, 0.0] = p else {
            return None;
        };
        let (mut k, mut d) = (vec![0.0; high.len()], vec![0.0; high.len()]);
        let mut stochastic =
            Stochastic::new(fast_k as usize, slow_k as usize, slow_d as usize).unwrap();
        stochastic
            .hlc_lines_into(high, low, close, &mut k, &mut d)
            .unwrap();
        Some(if output == "slowk" { k } else { d })
    });
    let stochf = hlc_columns_match_talib("STOCHF.csv", |p, output, [high, low, close]| {
        let &[fast_k, fast_d, 0.0] = p else {
            return None;
        };
        let (mut k, mut d) = (vec![0.0; high.len()], vec![0.0; high.len()]);
        FastStochastic::new(fast_k as usize, fast_d as usize)
            .unwrap()
            .hlc_lines_into(high, low, close, &mut k, &mut d)
            .unwrap();
        Some(if output == "fastk" { k } else { d })
    });
    assert!(
        willr > 2000 && stoch > 2000 && stochf > 2000,
        "compared {willr}, {stoch}, {stochf}"
    );
}

/// ATR, NATR and TRANGE over the bar fixtures' columns: TA-Lib's outputs, NaN in its lookback.
#[test]
fn atr_columns_match_talib() {
    for series in ["ndx", "flat_bars", "gaps", "zero_range"] {
        let fixture = Fixture::load(&format!("talib/bars_{series}.csv"));
        let [high, low, close] = ["high", "low", "close"].map(|name| fixture.values(name));
        let check = |name: &str, out: &[f64]| {
            let got: Vec<Option<f64>> = out.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
            assert_matches(
                &format!("{series} {name}"),
                &got,
                fixture.column(name),
                1e-9,
            );
        };
        let mut out = vec![0.0; high.len()];
        Atr::new(14)
            .unwrap()
            .hlc_into(&high, &low, &close, &mut out)
            .unwrap();
        check("atr_14", &out);
        Natr::new(14)
            .unwrap()
            .hlc_into(&high, &low, &close, &mut out)
            .unwrap();
        check("natr_14", &out);
        TrueRange::new()
            .hlc_into(&high, &low, &close, &mut out)
            .unwrap();
        check("trange", &out);
    }
}
