//! The slice path (`Indicator::update_slice`): bit for bit the outputs of `update` called in
//! a loop (NaN where `update` returns `None`), the same final state, whatever the inputs
//! (unusable ones included), in `f64` and `f32`; and TA-Lib's own outputs on the fixtures.
//! Likewise `Bollinger::bands_into`, TA-Lib's three `BBANDS` columns.

mod common;

use common::{assert_matches, Fixture, PERIODS, SINGLE_SERIES};
use num_traits::Float;
use proptest::prelude::*;
use ta_stream::average::{Dema, Ema, Rma, Sma, Tema, Wma, T3};
use ta_stream::bar::Candle;
use ta_stream::momentum::{FlatRsi, Rsi};
use ta_stream::statistics::{RollingMax, RollingMin};
use ta_stream::volatility::{Atr, Bollinger, Natr, TrueRange};
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
                _ => {}
            }
            candle
        })
        .collect()
}

fn raw_candles() -> impl Strategy<Value = Vec<(f64, f64, f64, u8)>> {
    prop::collection::vec((-5.0..5.0_f64, 0.0..3.0_f64, 0.0..3.0_f64, 0..40u8), 0..200)
}

/// [`check_slice_equals_streaming`] for `Bollinger::bands_into`: each column bit for bit the
/// streaming band (NaN for `None`), the same final state.
fn check_bands_into_equals_streaming<T: Real>(
    bollinger: &Bollinger<T>,
    inputs: &[T],
    split: usize,
) {
    let mut streaming = bollinger.clone();
    let expected: Vec<_> = inputs.iter().map(|&x| streaming.update(x)).collect();

    let mut sliced = bollinger.clone();
    let unwritten = T::neg_infinity();
    let mut columns = [(); 3].map(|()| vec![unwritten; inputs.len()]);
    let split = split.min(inputs.len());
    let [upper, middle, lower] = &mut columns;
    let (upper_first, upper_second) = upper.split_at_mut(split);
    let (middle_first, middle_second) = middle.split_at_mut(split);
    let (lower_first, lower_second) = lower.split_at_mut(split);
    let (first, second) = inputs.split_at(split);
    sliced
        .bands_into(first, upper_first, middle_first, lower_first)
        .unwrap();
    sliced
        .bands_into(second, upper_second, middle_second, lower_second)
        .unwrap();

    for (index, want) in expected.iter().enumerate() {
        let got = columns.each_ref().map(|column| column[index]);
        match want {
            Some(bands) => {
                let want = [bands.upper, bands.middle, bands.lower];
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn bands_into_equals_streaming(
        inputs in values_f64(),
        narrow in values_f32(),
        period in 1..30usize,
        multiplier in 0.001..1000.0_f64,
        split in 0..300usize,
    ) {
        check_bands_into_equals_streaming(&Bollinger::new(period, multiplier).unwrap(), &inputs, split);
        check_bands_into_equals_streaming(&Bollinger::new(period, multiplier as f32).unwrap(), &narrow, split);
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
        check_slice_equals_streaming(&Dema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&Tema::<f64>::new(period).unwrap(), &inputs, split);
        check_slice_equals_streaming(&T3::<f64>::new(period, 0.7).unwrap(), &inputs, split);
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

    #[test]
    fn atr_slice_over_candles_equals_streaming(raw in raw_candles(), period in 1..30usize, split in 0..200usize) {
        check_slice_equals_streaming(&Atr::<f64>::new(period).unwrap(), &candles::<f64>(raw.clone()), split);
        check_slice_equals_streaming(&Atr::<f32>::new_generic(period).unwrap(), &candles::<f32>(raw.clone()), split);
        check_slice_equals_streaming(&Natr::<f64>::new(period).unwrap(), &candles::<f64>(raw.clone()), split);
        check_slice_equals_streaming(&TrueRange::<f64>::default(), &candles::<f64>(raw), split);
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

#[test]
fn bands_into_refuses_a_column_of_the_wrong_length_and_consumes_nothing() {
    let mut bollinger = Bollinger::new(2, 2.0).unwrap();
    bollinger.update(1.0);
    let before = bollinger.clone();
    let inputs = [1.0, 2.0, 3.0];
    let (mut right, mut also_right, mut short) = ([0.0; 3], [0.0; 3], [0.0; 2]);
    for (name, result) in [
        (
            "upper",
            bollinger.bands_into(&inputs, &mut short, &mut right, &mut also_right),
        ),
        (
            "middle",
            bollinger.bands_into(&inputs, &mut right, &mut short, &mut also_right),
        ),
        (
            "lower",
            bollinger.bands_into(&inputs, &mut right, &mut also_right, &mut short),
        ),
    ] {
        let err = result.unwrap_err();
        assert!(
            matches!(err, Error::InvalidParameter { name: found, .. } if found == name),
            "{name}: {err}"
        );
    }
    assert_eq!(bollinger, before);
    assert_eq!((right, also_right, short), ([0.0; 3], [0.0; 3], [0.0; 2]));
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
fn bands_into_matches_talib_bbands() {
    for series in SINGLE_SERIES {
        let fixture = Fixture::load(&format!("talib/single_{series}.csv"));
        let input = fixture.values("input");
        let mut columns = [(); 3].map(|()| vec![0.0; input.len()]);
        let [upper, middle, lower] = &mut columns;
        Bollinger::new(20, 2.0)
            .unwrap()
            .bands_into(&input, upper, middle, lower)
            .unwrap();
        for (column, name) in columns.iter().zip(["bb_upper", "bb_middle", "bb_lower"]) {
            let as_options: Vec<Option<f64>> =
                column.iter().map(|&x| (!x.is_nan()).then_some(x)).collect();
            assert_matches(
                &format!("{series} {name}"),
                &as_options,
                fixture.column(name),
                1e-9,
            );
        }
    }
}

#[test]
fn slices_match_talib() {
    check_against_talib("sma", |n| Sma::new(n).unwrap());
    check_against_talib("ema", |n| Ema::new(n).unwrap());
    check_against_talib("wma", |n| Wma::new(n).unwrap());
    check_against_talib("rsi", |n| Rsi::new(n).unwrap().with_flat(FlatRsi::TaLib));
}
