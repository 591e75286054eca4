//! The contract under adversarial inputs, and the serde fuzz, shared by every family.
//!
//! - [`adversarial_f64s`] / [`adversarial_f32s`]: sequences of huge, tiny, subnormal, mixed-sign
//!   and alternating extreme values, with the usable range's own edges and values just outside
//!   it (which must be refused).
//! - `adversarial_contract!(name, make, inputs, check)`: drives `inputs` through `make()` and
//!   asserts at every step that an input is either refused (`try_update` errors, state
//!   unchanged, `peek` commits nothing) or accepted with every `Some` output passing `check`
//!   (finite and within its documented bounds), and that the state reached serializes and loads
//!   back identically.
//! - `serde_fuzz!(name, make, inputs, check)`: saves a state mid-stream, mutates numbers and
//!   shapes in the saved JSON, and asserts that deserialize either refuses it or yields a state
//!   that keeps the contract above on the rest of the stream (no panic, no non-finite output).
//!
//! The number of cases is small by default so that CI stays fast; set `TA_STREAM_FUZZ_CASES`
//! (e.g. `TA_STREAM_FUZZ_CASES=20000 cargo test --release adversarial`) for a long run.
//! The file using the macros needs `mod common;`, `use proptest::prelude::*;` and the serde
//! feature.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::Value;

/// Proptest cases per adversarial property: `TA_STREAM_FUZZ_CASES` or `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("TA_STREAM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One `f64` from every region that has broken an indicator before.
pub fn adversarial_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => 1.0..1000.0_f64,
        2 => -1e6..1e6_f64,
        2 => (1e149..=1e150_f64, any::<bool>()).prop_map(|(x, negative)| if negative { -x } else { x }),
        2 => (1e-150..=1e-149_f64, any::<bool>()).prop_map(|(x, negative)| if negative { -x } else { x }),
        1 => (1e100..1e150_f64).prop_map(|x| x),
        1 => (1e-150..1e-100_f64).prop_map(|x| x),
        2 => prop::sample::select(vec![
            0.0, -0.0, 1e150, -1e150, 1e-150, -1e-150, 9007199254740992.0, 1e19, -1e19,
            // Just outside the usable range, and beyond: must be refused.
            1.0000001e150, -1.0000001e150, 9.99e-151, 1e154, -1e154, 1e-300, -1e-300, 1e-310,
            5e-324, f64::MAX, f64::MIN_POSITIVE, f64::NAN, f64::INFINITY, f64::NEG_INFINITY,
        ]),
    ]
}

/// Sequences of adversarial `f64`s: independent draws, alternating extremes (`x, −x, x, ...`),
/// or a repeated value with rare extremes (flat windows at extreme scales).
pub fn adversarial_f64s() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(adversarial_f64(), 0..80),
        (adversarial_f64(), 1..60usize)
            .prop_map(|(x, n)| (0..n).map(|i| if i % 2 == 0 { x } else { -x }).collect()),
        (
            adversarial_f64(),
            prop::collection::vec((0..60usize, adversarial_f64()), 0..4),
            1..60usize
        )
            .prop_map(|(x, spikes, n)| {
                let mut xs = vec![x; n];
                for (at, spike) in spikes {
                    if let Some(slot) = xs.get_mut(at) {
                        *slot = spike;
                    }
                }
                xs
            }),
    ]
}

/// Strictly positive adversarial `f64`s (prices, volumes), including values outside the
/// usable range.
pub fn adversarial_positive_f64s() -> impl Strategy<Value = Vec<f64>> {
    adversarial_f64s().prop_map(|xs| xs.into_iter().map(f64::abs).collect())
}

/// One `f32` from every region that has broken an indicator before.
pub fn adversarial_f32() -> impl Strategy<Value = f32> {
    prop_oneof![
        4 => 1.0..1000.0_f32,
        2 => (1e14..=1e15_f32, any::<bool>()).prop_map(|(x, negative)| if negative { -x } else { x }),
        2 => (1e-15..=1e-14_f32, any::<bool>()).prop_map(|(x, negative)| if negative { -x } else { x }),
        2 => prop::sample::select(vec![
            0.0_f32, -0.0, 1e15, -1e15, 1e-15, -1e-15, 16777216.0,
            1.0001e15, -1e19, 1e19, 9.9e-16, 1e-30, 1e-40, f32::MAX, f32::MIN_POSITIVE,
            f32::NAN, f32::INFINITY, f32::NEG_INFINITY,
        ]),
    ]
}

/// Sequences of adversarial `f32`s, shaped like [`adversarial_f64s`].
pub fn adversarial_f32s() -> impl Strategy<Value = Vec<f32>> {
    prop_oneof![
        prop::collection::vec(adversarial_f32(), 0..80),
        (adversarial_f32(), 1..60usize)
            .prop_map(|(x, n)| (0..n).map(|i| if i % 2 == 0 { x } else { -x }).collect()),
    ]
}

/// Candles from adversarial numbers: mostly well-formed (low ≤ open, close ≤ high), some
/// with the numbers in any order (the fields are public, so such candles exist).
pub fn adversarial_candles() -> impl Strategy<Value = Vec<ta_stream::bar::Candle<f64>>> {
    prop::collection::vec(
        (
            adversarial_f64(),
            adversarial_f64(),
            adversarial_f64(),
            0..4u8,
        ),
        0..60,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .map(|(a, b, c, shape)| adversarial_candle(a, b, c, shape))
            .collect()
    })
}

/// The same as [`adversarial_candles`], in `f32`.
pub fn adversarial_candles_f32() -> impl Strategy<Value = Vec<ta_stream::bar::Candle<f32>>> {
    prop::collection::vec(
        (
            adversarial_f32(),
            adversarial_f32(),
            adversarial_f32(),
            0..4u8,
        ),
        0..60,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .map(|(a, b, c, shape)| adversarial_candle(a, b, c, shape))
            .collect()
    })
}

/// A candle from three numbers: well-formed in three shapes (`shape` 0 to 2), or with the
/// numbers in any order (`shape` 3).
pub fn adversarial_candle<T: ta_stream::Real>(
    a: T,
    b: T,
    c: T,
    shape: u8,
) -> ta_stream::bar::Candle<T> {
    let mut sorted = [a, b, c];
    sorted.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let [low, middle, high] = sorted;
    let zero = T::zero();
    match shape {
        0 => ta_stream::bar::Candle {
            open: middle,
            high,
            low,
            close: middle,
            volume: zero,
        },
        1 => ta_stream::bar::Candle {
            open: low,
            high,
            low,
            close: high,
            volume: zero,
        },
        2 => ta_stream::bar::Candle {
            open: high,
            high,
            low,
            close: low,
            volume: zero,
        },
        _ => ta_stream::bar::Candle {
            open: a,
            high: a,
            low: b,
            close: c,
            volume: zero,
        },
    }
}

/// `true` when every number in `value` is finite: for `check` closures over outputs that
/// serialize (`|out| all_finite(out)`).
pub fn all_finite<T: serde::Serialize>(value: &T) -> bool {
    fn walk(value: &Value) -> bool {
        match value {
            // serde_json writes NaN and ±∞ as null.
            Value::Null => false,
            Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
            Value::Array(items) => items.iter().all(walk),
            Value::Object(fields) => fields.values().all(walk),
            Value::Bool(_) | Value::String(_) => true,
        }
    }
    match serde_json::to_value(value) {
        Ok(json) => walk(&json),
        Err(_) => false,
    }
}

/// Deserializes `text` as the type of `_like`.
pub fn load_like<T: serde::de::DeserializeOwned>(_like: &T, text: &str) -> serde_json::Result<T> {
    serde_json::from_str(text)
}

/// The paths of every leaf of `value` (object keys and array indices).
pub fn leaf_paths(value: &Value) -> Vec<Vec<PathStep>> {
    let mut paths = Vec::new();
    let mut current = Vec::new();
    collect_leaves(value, &mut current, &mut paths);
    paths
}

/// One step of a path into a JSON value.
#[derive(Debug, Clone)]
pub enum PathStep {
    Key(String),
    Index(usize),
}

fn collect_leaves(value: &Value, current: &mut Vec<PathStep>, paths: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                current.push(PathStep::Key(key.clone()));
                collect_leaves(field, current, paths);
                current.pop();
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                paths.push(current.clone());
            }
            for (index, item) in items.iter().enumerate() {
                current.push(PathStep::Index(index));
                collect_leaves(item, current, paths);
                current.pop();
            }
        }
        _ => paths.push(current.clone()),
    }
}

fn leaf_mut<'a>(value: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    let mut node = value;
    for step in path {
        node = match step {
            PathStep::Key(key) => node.get_mut(key.as_str())?,
            PathStep::Index(index) => node.get_mut(*index)?,
        };
    }
    Some(node)
}

/// A mutation of one leaf of a saved state.
#[derive(Debug, Clone, Copy)]
pub enum Mutation {
    /// Replace the leaf with this number (integers and floats of every magnitude).
    Number(f64),
    /// Replace the leaf with `u64::MAX`.
    MaxInteger,
    /// Multiply a numeric leaf (a rounding-sized or a gross change).
    Scale(f64),
    /// Add to a numeric leaf.
    Shift(f64),
    /// Replace the leaf with `null`, `true`, a string or an empty array.
    Shape(u8),
    /// Drop the last element of the array holding the leaf.
    Truncate,
}

/// Mutations that have found bugs before.
pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => prop::sample::select(vec![
            0.0, -1.0, 1.0, 2.0, 1e150, -1e150, 1e154, 1e300, -1e308, 1e-310, 5e-324,
            9007199254740993.0, 4294967296.0, 1e19, 0.5,
        ]).prop_map(Mutation::Number),
        1 => Just(Mutation::MaxInteger),
        3 => prop::sample::select(vec![1.0 + 1e-15, 1.0 - 1e-12, 2.0, -1.0, 1e100, 1e-100, 0.0])
            .prop_map(Mutation::Scale),
        2 => prop::sample::select(vec![1.0, -1.0, 1e-300, 1e150]).prop_map(Mutation::Shift),
        1 => (0..4u8).prop_map(Mutation::Shape),
        1 => Just(Mutation::Truncate),
    ]
}

/// Applies `mutation` to the leaf at `path` of `state`.
pub fn mutate(state: &mut Value, path: &[PathStep], mutation: Mutation) {
    if let Mutation::Truncate = mutation {
        if let Some((_, parent)) = path.split_last() {
            if let Some(Value::Array(items)) = leaf_mut(state, parent) {
                items.pop();
            }
        }
        return;
    }
    let Some(leaf) = leaf_mut(state, path) else {
        return;
    };
    let number = |x: f64| {
        if x.fract() == 0.0 && x.abs() < 1.8e19 {
            if x >= 0.0 {
                Value::from(x as u64)
            } else {
                Value::from(x as i64)
            }
        } else {
            serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
        }
    };
    let current = leaf.as_f64();
    *leaf = match mutation {
        Mutation::Number(x) => number(x),
        Mutation::MaxInteger => Value::from(u64::MAX),
        Mutation::Scale(factor) => match leaf.as_u64() {
            Some(n) if factor >= 0.0 => Value::from((n as f64 * factor) as u64),
            _ => current.map_or(Value::Null, |x| {
                serde_json::Number::from_f64(x * factor).map_or(Value::Null, Value::Number)
            }),
        },
        Mutation::Shift(delta) => match leaf.as_u64() {
            Some(n) if delta.fract() == 0.0 => Value::from(n.saturating_add_signed(delta as i64)),
            _ => current.map_or(Value::Null, |x| {
                serde_json::Number::from_f64(x + delta).map_or(Value::Null, Value::Number)
            }),
        },
        Mutation::Shape(0) => Value::Null,
        Mutation::Shape(1) => Value::Bool(true),
        Mutation::Shape(2) => Value::String("x".into()),
        Mutation::Shape(_) => Value::Array(Vec::new()),
        Mutation::Truncate => return,
    };
}

/// Generates the adversarial contract test for one indicator (see the module docs).
///
/// `make` is a closure `|| -> I`; `inputs` a strategy of `Vec<I::Input>`; `check` a closure
/// `|output: &I::Output| -> bool` that is `true` when the output is finite and within its
/// documented bounds. Optional `cases = N` (default 128).
#[macro_export]
macro_rules! adversarial_contract {
    ($name:ident, $make:expr, $inputs:expr, $check:expr) => {
        $crate::adversarial_contract!($name, $make, $inputs, $check, cases = 128);
    };
    ($name:ident, $make:expr, $inputs:expr, $check:expr, cases = $cases:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases($crate::common::adversarial::cases($cases)))]
            #[test]
            fn $name(inputs in $inputs) {
                let make = $make;
                let check = $check;
                let mut indicator = make();
                for (step, &input) in inputs.iter().enumerate() {
                    let before = indicator.clone();
                    let peeked = indicator.peek(input);
                    prop_assert_eq!(&indicator, &before, "step {}: peek changed the state", step);
                    match ta_stream::Indicator::try_update(&mut indicator, input) {
                        Err(_) => {
                            prop_assert_eq!(&indicator, &before, "step {}: a refused input changed the state", step);
                        }
                        Ok(output) => {
                            prop_assert_eq!(&peeked, &output, "step {}: peek differs from update", step);
                            prop_assert_eq!(&indicator.value(), &output, "step {}: value differs", step);
                            if let Some(out) = &output {
                                prop_assert!(check(out), "step {} input {:?}: output out of contract: {:?}", step, input, out);
                            }
                        }
                    }
                    let json = serde_json::to_string(&indicator).expect("every state serializes");
                    let restored = $crate::common::adversarial::load_like(&indicator, &json);
                    prop_assert!(restored.is_ok(), "step {}: own checkpoint refused: {:?}\n{}", step, restored.err(), json);
                    let restored = restored.unwrap();
                    prop_assert_eq!(&restored, &indicator, "step {}: checkpoint differs", step);
                }
            }
        }
    };
}

/// Generates the serde fuzz test for one indicator (see the module docs): same arguments as
/// [`adversarial_contract!`].
#[macro_export]
macro_rules! serde_fuzz {
    ($name:ident, $make:expr, $inputs:expr, $check:expr) => {
        $crate::serde_fuzz!($name, $make, $inputs, $check, cases = 128);
    };
    ($name:ident, $make:expr, $inputs:expr, $check:expr, cases = $cases:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases($crate::common::adversarial::cases($cases)))]
            #[test]
            fn $name(
                inputs in $inputs,
                split in 0..1000usize,
                mutations in prop::collection::vec((any::<prop::sample::Index>(), $crate::common::adversarial::mutation()), 1..4),
            ) {
                use $crate::common::adversarial::{leaf_paths, mutate};
                let make = $make;
                let check = $check;
                let split = split % (inputs.len() + 1);
                let mut indicator = make();
                for &input in &inputs[..split] {
                    indicator.update(input);
                }
                let mut state = serde_json::to_value(&indicator).expect("every state serializes");
                for (index, mutation) in mutations {
                    let paths = leaf_paths(&state);
                    if paths.is_empty() {
                        break;
                    }
                    let path = index.get(&paths).clone();
                    mutate(&mut state, &path, mutation);
                }
                let text = state.to_string();
                if let Ok(mut resumed) = $crate::common::adversarial::load_like(&indicator, &text) {
                    let _ = resumed.value();
                    for (step, &input) in inputs[split..].iter().chain(&inputs[..split]).enumerate() {
                        let _ = resumed.peek(input);
                        if let Ok(Some(out)) = ta_stream::Indicator::try_update(&mut resumed, input) {
                            prop_assert!(check(&out), "step {} after loading {}: output out of contract: {:?}", step, text, out);
                        }
                        let json = serde_json::to_string(&resumed).expect("every state serializes");
                        let again = $crate::common::adversarial::load_like(&resumed, &json);
                        prop_assert!(again.is_ok(), "step {}: checkpoint of a loaded state refused: {:?}\n{}", step, again.err(), json);
                        let again = again.unwrap();
                        prop_assert_eq!(&again, &resumed);
                    }
                }
            }
        }
    };
}
