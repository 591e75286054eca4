//! The contract every indicator honours, as a proptest macro usable for any input and output
//! type: `indicator_contract!(module_name, make, inputs, unusable)` where
//! - `make` is a closure `|period: usize| -> impl Indicator` (called with 1..40),
//! - `inputs` a strategy of `Vec<Input>`,
//! - `unusable` a strategy of single inputs that must be ignored (NaN, infinities, ...).
//!
//! An optional fifth argument `quiet = |last| ...` maps the last value to what an ignored input
//! returns (the same value without its events, for indicators whose outputs carry events);
//! by default it is the last value itself.
//!
//! Outputs are compared with `PartialEq`. The file using it needs `mod common;`,
//! `use proptest::prelude::*;` and the serde feature (`#![cfg(feature = "serde")]`).

/// Generates the contract tests for one indicator (see the module docs).
#[macro_export]
macro_rules! indicator_contract {
    ($name:ident, $make:expr, $inputs:expr, $unusable:expr) => {
        $crate::indicator_contract!($name, $make, $inputs, $unusable, quiet = |last| last);
    };
    ($name:ident, $make:expr, $inputs:expr, $unusable:expr, quiet = $quiet:expr) => {
        mod $name {
            use super::*;
            use ta_stream::{Error, Indicator, IndicatorIterExt};

            proptest! {
                #[test]
                fn batch_equals_streaming_and_the_iterator(period in 1..40usize, xs in $inputs) {
                    let make = $make;
                    let batch = make(period).batch(&xs);
                    let mut streaming = make(period);
                    let looped: Vec<_> = xs.iter().map(|&x| streaming.update(x)).collect();
                    let iterated: Vec<_> = xs.iter().copied().indicator(make(period)).collect();
                    prop_assert_eq!(&batch, &looped);
                    prop_assert_eq!(&batch, &iterated);
                }

                #[test]
                fn outputs_start_at_the_warmup_period(period in 1..40usize, xs in $inputs) {
                    let make = $make;
                    let warmup = make(period).warmup_period();
                    for (index, value) in make(period).batch(&xs).iter().enumerate() {
                        prop_assert_eq!(value.is_some(), index + 1 >= warmup, "index {}", index);
                    }
                }

                #[test]
                fn peek_equals_update_and_commits_nothing(period in 1..40usize, xs in $inputs) {
                    let make = $make;
                    let mut indicator = make(period);
                    for &x in &xs {
                        let before = indicator.clone();
                        let peeked = indicator.peek(x);
                        prop_assert_eq!(&indicator, &before);
                        let updated = indicator.update(x);
                        prop_assert_eq!(peeked, updated);
                        prop_assert_eq!(indicator.value(), updated);
                        prop_assert_eq!(indicator.is_ready(), updated.is_some());
                    }
                }

                #[test]
                fn reset_equals_a_fresh_instance(period in 1..40usize, xs in $inputs, ys in $inputs) {
                    let make = $make;
                    let mut used = make(period);
                    used.batch(&xs);
                    used.reset();
                    let mut fresh = make(period);
                    prop_assert_eq!(&used, &fresh);
                    prop_assert_eq!(used.batch(&ys), fresh.batch(&ys));
                }

                #[test]
                fn serde_round_trip_resumes_identically(period in 1..40usize, xs in $inputs, split in 0..1000usize) {
                    let make = $make;
                    let split = split % (xs.len() + 1);
                    let mut original = make(period);
                    original.batch(&xs[..split]);
                    let json = serde_json::to_string(&original).unwrap();
                    let mut restored = serde_json::from_str(&json).unwrap();
                    prop_assert_eq!(&original, &restored);
                    prop_assert_eq!(original.batch(&xs[split..]), restored.batch(&xs[split..]));
                }

                #[test]
                fn unusable_inputs_are_ignored(
                    period in 1..40usize,
                    xs in $inputs,
                    insertions in prop::collection::vec((0..1000usize, $unusable), 1..4),
                ) {
                    let make = $make;
                    let clean = make(period).batch(&xs);
                    let mut indicator = make(period);
                    let mut outputs = Vec::new();
                    let mut insertions = insertions;
                    insertions.sort_by_key(|(at, _)| at % (xs.len() + 1));
                    let mut inserted = insertions.into_iter().peekable();
                    for (index, &x) in xs.iter().enumerate() {
                        while let Some((_, bad)) = inserted.next_if(|(at, _)| at % (xs.len() + 1) <= index) {
                            let before = indicator.clone();
                            let quiet = $quiet;
                            let last = quiet(indicator.value());
                            prop_assert_eq!(indicator.try_update(bad), Err(Error::InvalidInput));
                            prop_assert_eq!(indicator.peek(bad), last);
                            prop_assert_eq!(indicator.update(bad), last);
                            prop_assert_eq!(&indicator, &before);
                        }
                        outputs.push(indicator.update(x));
                    }
                    prop_assert_eq!(outputs, clean);
                }
            }
        }
    };
}
