//! `Indicator::batch` against `update` in a loop, for the indicators whose output is a number.

use ta_stream::{Indicator, Real};

/// Runs `inputs` through a copy of `indicator` with `update` in a loop and through another
/// with `batch` (in two calls, split at `split`), and checks every output bit for bit and the
/// final states.
pub fn check_batch_equals_streaming<I>(name: &str, indicator: &I, inputs: &[I::Input], split: usize)
where
    I: Indicator + Clone + PartialEq + std::fmt::Debug,
    I::Output: Real,
{
    let mut streaming = indicator.clone();
    let expected: Vec<Option<I::Output>> = inputs.iter().map(|&x| streaming.update(x)).collect();

    let mut batched = indicator.clone();
    let (first, second) = inputs.split_at(split.min(inputs.len()));
    let mut got = batched.batch(first);
    got.extend(batched.batch(second));

    assert_eq!(got.len(), expected.len(), "{name}: one output per input");
    for (index, (got, want)) in got.iter().zip(&expected).enumerate() {
        let bits = |x: &Option<I::Output>| {
            x.map(|x| num_traits::ToPrimitive::to_f64(&x).map(f64::to_bits))
        };
        assert_eq!(
            bits(got),
            bits(want),
            "{name}, index {index}: batch {got:?}, streaming {want:?}"
        );
    }
    assert_eq!(batched, streaming, "{name}: final states differ");
}
