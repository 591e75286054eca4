//! Properties of the math operators and transforms: the common contract
//! (`indicator_contract!`), each windowed one against a naive recomputation written from its
//! definition (TA-Lib's tie rule for the indices), the element-wise ones against the float's
//! own functions, refused inputs, parameter errors and known answers.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use ta_stream::math::{
    Arithmetic, CumulativeSum, MathFunction, MathTransform, MaxIndex, MinIndex, MinMax,
    MinMaxIndex, MinMaxIndexOutput, MinMaxOutput, Operator, Sum,
};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Strategies

/// Prices, prices with many ties (where the index rule shows), and signed values.
fn values() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        common::strategies::prices(120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..100),
        prop::collection::vec(-1e6..1e6_f64, 0..120),
    ]
}

/// Inputs inside every transform's domain (0 < x < 1), for the contract.
fn in_domain() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(0.01..0.99_f64, 0..60)
}

/// Pairs with a non-zero divisor, for the contract.
fn divisible_pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec(
        (-1e6..1e6_f64, prop_oneof![-1e6..-1e-3_f64, 1e-3..1e6_f64]),
        0..80,
    )
}

fn unusable_pair() -> impl Strategy<Value = (f64, f64)> {
    (unusable(), -10.0..10.0_f64).prop_map(|(bad, good)| (good, bad))
}

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(common::adversarial::cases(64))
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(sum, |n| Sum::<f64>::new(n).unwrap(), values(), unusable());
indicator_contract!(
    cumsum,
    |_| CumulativeSum::<f64>::new(),
    values(),
    unusable()
);
indicator_contract!(
    minmax,
    |n| MinMax::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    maxindex,
    |n| MaxIndex::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    minindex,
    |n| MinIndex::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    minmaxindex,
    |n| MinMaxIndex::<f64>::new(n).unwrap(),
    values(),
    unusable()
);
indicator_contract!(
    transform,
    |n: usize| MathTransform::<f64>::new(MathFunction::ALL[n % 15]),
    in_domain(),
    unusable()
);
indicator_contract!(
    arithmetic,
    |n: usize| Arithmetic::<f64>::new(
        [Operator::Add, Operator::Sub, Operator::Mult, Operator::Div][n % 4]
    ),
    divisible_pairs(),
    unusable_pair()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

/// TA-Lib's index of the extreme, written from its rule over the whole array: at the first
/// full window, and whenever the extreme has left the window, the oldest extreme of the
/// window; otherwise the newest input when it equals or beats the extreme.
fn naive_index(xs: &[f64], n: usize, beats: fn(f64, f64) -> bool) -> Vec<Option<u64>> {
    let mut out = Vec::new();
    let mut best: Option<usize> = None;
    for t in 0..xs.len() {
        if t + 1 < n {
            out.push(None);
            continue;
        }
        let first = t + 1 - n;
        best = Some(match best {
            Some(b) if b >= first => {
                if beats(xs[b], xs[t]) {
                    b
                } else {
                    t
                }
            }
            _ => {
                let mut b = first;
                for i in first..=t {
                    if beats(xs[i], xs[b]) {
                        b = i;
                    }
                }
                b
            }
        });
        out.push(best.map(|b| b as u64));
    }
    out
}

fn greater(a: f64, b: f64) -> bool {
    a > b
}

fn less(a: f64, b: f64) -> bool {
    a < b
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sum_is_the_sum_of_the_window(xs in values(), n in 1..30usize) {
        let out = Sum::new(n).unwrap().batch(&xs);
        for (t, value) in out.iter().enumerate() {
            if t + 1 < n {
                prop_assert_eq!(*value, None);
            } else {
                let window = &xs[t + 1 - n..=t];
                let expected: f64 = window.iter().sum();
                let scale: f64 = window.iter().map(|x| x.abs()).sum::<f64>().max(1.0);
                prop_assert!((value.unwrap() - expected).abs() <= 1e-12 * scale);
            }
        }
    }

    #[test]
    fn cumsum_is_the_running_total(xs in values()) {
        let out = CumulativeSum::new().batch(&xs);
        let mut total = 0.0;
        let mut magnitude = 0.0_f64;
        for (x, value) in xs.iter().zip(&out) {
            total += x;
            magnitude += x.abs();
            prop_assert!((value.unwrap() - total).abs() <= 1e-12 * magnitude.max(1.0));
        }
    }

    #[test]
    fn minmax_is_the_window_extremes(xs in values(), n in 1..30usize) {
        let out = MinMax::new(n).unwrap().batch(&xs);
        for (t, value) in out.iter().enumerate() {
            let expected = (t + 1 >= n).then(|| {
                let window = &xs[t + 1 - n..=t];
                MinMaxOutput {
                    min: window.iter().copied().fold(f64::INFINITY, f64::min),
                    max: window.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                }
            });
            prop_assert_eq!(*value, expected);
        }
    }

    #[test]
    fn indices_follow_talib_rule(xs in values(), n in 1..30usize) {
        let max = naive_index(&xs, n, greater);
        let min = naive_index(&xs, n, less);
        prop_assert_eq!(MaxIndex::new(n).unwrap().batch(&xs), max.clone());
        prop_assert_eq!(MinIndex::new(n).unwrap().batch(&xs), min.clone());
        let both: Vec<Option<MinMaxIndexOutput>> = min
            .iter()
            .zip(&max)
            .map(|(&min, &max)| Some(MinMaxIndexOutput { min: min?, max: max? }))
            .collect();
        prop_assert_eq!(MinMaxIndex::new(n).unwrap().batch(&xs), both);
    }

    #[test]
    fn an_index_points_at_an_extreme_of_its_window(xs in values(), n in 1..30usize) {
        for (t, index) in MaxIndex::new(n).unwrap().batch(&xs).iter().enumerate() {
            if let Some(i) = index {
                let i = *i as usize;
                prop_assert!(i + n > t && i <= t);
                prop_assert!(xs[t + 1 - n..=t].iter().all(|&x| x <= xs[i]));
            }
        }
    }

    #[test]
    fn unusable_inputs_are_not_counted(xs in values(), n in 1..10usize, at in 0..50usize) {
        // An ignored input leaves the indices where they were: they count accepted inputs.
        let mut with_gap = xs.clone();
        with_gap.insert(at.min(xs.len()), f64::NAN);
        let clean: Vec<Option<u64>> = MaxIndex::new(n).unwrap().batch(&xs);
        let mut gapped: Vec<Option<u64>> = MaxIndex::new(n).unwrap().batch(&with_gap);
        gapped.remove(at.min(xs.len()));
        prop_assert_eq!(clean, gapped);
    }

    #[test]
    fn transforms_are_the_float_functions_or_nothing(x in -800.0..800.0_f64, k in 0..15usize) {
        let function = MathFunction::ALL[k];
        let expected = match function {
            MathFunction::Acos => x.acos(),
            MathFunction::Asin => x.asin(),
            MathFunction::Atan => x.atan(),
            MathFunction::Ceil => x.ceil(),
            MathFunction::Cos => x.cos(),
            MathFunction::Cosh => x.cosh(),
            MathFunction::Exp => x.exp(),
            MathFunction::Floor => x.floor(),
            MathFunction::Ln => x.ln(),
            MathFunction::Log10 => x.log10(),
            MathFunction::Sin => x.sin(),
            MathFunction::Sinh => x.sinh(),
            MathFunction::Sqrt => x.sqrt(),
            MathFunction::Tan => x.tan(),
            MathFunction::Tanh => x.tanh(),
        };
        let ours = MathTransform::new(function).update(x);
        prop_assert_eq!(ours, expected.is_finite().then_some(expected));
    }

    #[test]
    fn arithmetic_is_the_operator_or_nothing(a in -1e6..1e6_f64, b in -1e6..1e6_f64) {
        prop_assert_eq!(Arithmetic::new(Operator::Add).update((a, b)), Some(a + b));
        prop_assert_eq!(Arithmetic::new(Operator::Sub).update((a, b)), Some(a - b));
        prop_assert_eq!(Arithmetic::new(Operator::Mult).update((a, b)), Some(a * b));
        let quotient = a / b;
        prop_assert_eq!(
            Arithmetic::new(Operator::Div).update((a, b)),
            quotient.is_finite().then_some(quotient)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, edges and errors

#[test]
fn talib_known_answers_for_ties() {
    // TA-Lib 0.8.1: MAXINDEX([1, 2, 2, 1, 0, 0, 3, 3, 3, 1], 4) and MININDEX of the same.
    let xs = [1.0, 2.0, 2.0, 1.0, 0.0, 0.0, 3.0, 3.0, 3.0, 1.0];
    let max: Vec<Option<u64>> = MaxIndex::new(4).unwrap().batch(&xs);
    let min: Vec<Option<u64>> = MinIndex::new(4).unwrap().batch(&xs);
    let some = |v: &[u64]| v.iter().map(|&i| Some(i)).collect::<Vec<_>>();
    assert_eq!(max[3..], some(&[1, 1, 2, 6, 7, 8, 8]));
    assert_eq!(min[3..], some(&[0, 4, 5, 5, 5, 5, 9]));
}

#[test]
fn out_of_domain_gives_nothing_and_the_next_input_recovers() {
    let mut ln = MathTransform::new(MathFunction::Ln);
    assert_eq!(ln.update(0.0), None);
    assert_eq!(ln.update(-1.0), None);
    assert_eq!(ln.update(1.0), Some(0.0));
    assert_eq!(ln.update(f64::NAN), Some(0.0)); // unusable: ignored
    let mut exp = MathTransform::new(MathFunction::Exp);
    assert_eq!(exp.update(710.0), None); // overflow
    assert_eq!(exp.update(0.0), Some(1.0));
    let mut div = Arithmetic::new(Operator::Div);
    assert_eq!(div.update((1.0, 0.0)), None);
    assert_eq!(div.update((0.0, 0.0)), None);
    assert_eq!(div.update((3.0, 2.0)), Some(1.5));
    let mut f32_exp = MathTransform::<f32>::new_generic(MathFunction::Exp);
    assert_eq!(f32_exp.update(89.0), None); // beyond f32::MAX
}

#[test]
fn labels_and_defaults_are_talibs() {
    assert_eq!(Sum::<f64>::default().to_string(), "SUM(30)");
    assert_eq!(MinMax::<f64>::default().to_string(), "MINMAX(30)");
    assert_eq!(MaxIndex::<f64>::default().to_string(), "MAXINDEX(30)");
    assert_eq!(MinIndex::<f64>::default().to_string(), "MININDEX(30)");
    assert_eq!(MinMaxIndex::<f64>::default().to_string(), "MINMAXINDEX(30)");
    assert_eq!(CumulativeSum::<f64>::new().to_string(), "CUMSUM");
    assert_eq!(Arithmetic::<f64>::new(Operator::Mult).to_string(), "MULT");
    let names: Vec<&str> = MathFunction::ALL.iter().map(|f| f.talib_name()).collect();
    assert_eq!(
        names,
        [
            "ACOS", "ASIN", "ATAN", "CEIL", "COS", "COSH", "EXP", "FLOOR", "LN", "LOG10", "SIN",
            "SINH", "SQRT", "TAN", "TANH"
        ]
    );
    for indicator in [
        Sum::<f64>::default().warmup_period(),
        MaxIndex::<f64>::default().warmup_period(),
    ] {
        assert_eq!(indicator, 30);
    }
}

fn message(error: Error) -> String {
    error.to_string()
}

#[test]
fn periods_out_of_range_are_refused_by_name_value_and_range() {
    for period in [0, 100_001] {
        for error in [
            Sum::<f64>::new(period).unwrap_err(),
            MinMax::<f64>::new(period).unwrap_err(),
            MaxIndex::<f64>::new(period).unwrap_err(),
            MinIndex::<f64>::new(period).unwrap_err(),
            MinMaxIndex::<f64>::new(period).unwrap_err(),
        ] {
            let text = message(error);
            assert!(text.contains("period"), "{text}");
            assert!(text.contains(&period.to_string()), "{text}");
            assert!(text.contains("1..=100000"), "{text}");
        }
    }
}

#[test]
fn loaded_states_that_no_update_could_make_are_refused() {
    let mut at = MaxIndex::new(3).unwrap();
    at.batch(&[1.0, 5.0, 2.0, 3.0]);
    let json = serde_json::to_string(&at).unwrap();
    assert!(serde_json::from_str::<MaxIndex>(&json).is_ok());
    // The index moved onto a value that is not the window's maximum.
    let moved = json.replace("\"best\":[1,5.0]", "\"best\":[2,2.0]");
    assert_ne!(moved, json, "{json}");
    assert!(serde_json::from_str::<MaxIndex>(&moved).is_err());
    // A minimum tracker passed off as a maximum one.
    let flipped = json.replace("\"Max\"", "\"Min\"");
    assert!(serde_json::from_str::<MaxIndex>(&flipped).is_err());

    let mut acos = MathTransform::new(MathFunction::Acos);
    acos.update(0.5);
    let json = serde_json::to_string(&acos).unwrap();
    assert!(serde_json::from_str::<MathTransform>(&json).is_ok());
    let beyond = serde_json::json!({"function": "Acos", "last": 4.0}).to_string();
    assert!(serde_json::from_str::<MathTransform>(&beyond).is_err());

    let total = serde_json::json!({"sum": {"sum": 1.0, "compensation": 0.0}, "count": 0});
    assert!(serde_json::from_str::<CumulativeSum>(&total.to_string()).is_err());
}
