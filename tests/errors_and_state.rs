//! Invalid parameters are errors that name the parameter, the value and the valid range;
//! corrupt serialized states are refused.

use serde_json::{json, Value};
use ta_stream::average::{Dema, Ema, Rma, Seed, Sma, Tema, Wma};
use ta_stream::momentum::Rsi;
use ta_stream::window::{Extremum, MonotonicDeque, RingBuffer, RollingSum};
use ta_stream::{Error, Indicator, MAX_PERIOD};

fn assert_period_error<T: std::fmt::Debug>(result: Result<T, Error>, value: usize) {
    let error = result.expect_err("invalid period accepted");
    assert_eq!(
        error,
        Error::InvalidParameter {
            name: "period",
            value: value.to_string(),
            expected: "1..=100000",
        }
    );
    assert_eq!(
        error.to_string(),
        format!("invalid parameter `period` = {value}: expected 1..=100000")
    );
}

#[test]
fn every_constructor_rejects_period_zero_and_absurd_periods() {
    for bad in [0, MAX_PERIOD + 1, usize::MAX] {
        assert_period_error(Sma::<f64>::new(bad), bad);
        assert_period_error(Ema::<f64>::new(bad), bad);
        assert_period_error(Ema::<f64>::with_seed(bad, Seed::FirstValue), bad);
        assert_period_error(Rma::<f64>::new(bad), bad);
        assert_period_error(Wma::<f64>::new(bad), bad);
        assert_period_error(Dema::<f64>::new(bad), bad);
        assert_period_error(Tema::<f32>::new_generic(bad), bad);
        assert_period_error(Rsi::<f64>::new(bad), bad);
        assert_period_error(RollingSum::<f64>::new(bad), bad);
        assert_period_error(MonotonicDeque::<f64>::new(bad, Extremum::Min), bad);
    }
    let error = RingBuffer::<f64>::new(0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid parameter `capacity` = 0: expected 1..=100000"
    );
}

#[test]
fn the_largest_period_is_accepted() {
    let mut sma = Sma::new(MAX_PERIOD).unwrap();
    assert_eq!(sma.update(1.0), None);
    assert_eq!(sma.warmup_period(), MAX_PERIOD);
}

fn saved<T: serde::Serialize + Indicator<Input = f64>>(mut indicator: T, inputs: &[f64]) -> Value {
    indicator.batch(inputs);
    serde_json::to_value(&indicator).unwrap()
}

fn refused<T: serde::de::DeserializeOwned>(state: Value) -> String {
    match serde_json::from_value::<T>(state) {
        Ok(_) => panic!("corrupt state accepted"),
        Err(error) => error.to_string(),
    }
}

const PRICES: [f64; 6] = [10.0, 11.0, 12.5, 12.0, 13.0, 12.0];

#[test]
fn sma_state_holds_one_array_of_the_window() {
    // A block of three completes at the 3rd and 6th inputs: its values are replaced by their
    // suffix sums, added newest first ([12, 13, 12] -> [37, 25, 12]).
    let state = saved(Sma::new(3).unwrap(), &PRICES);
    assert_eq!(
        state,
        json!({"sum": {"slots": [37.0, 25.0, 12.0], "next": 0, "full": true, "sum": 37.0}})
    );
    // Four: [10, 11, 12.5, 12] -> [45.5, 35.5, 24.5, 12], then 13 and 12 overwrite slots 0
    // and 1, and the sum is 24.5 + (13 + 12) = 12.5 + 12 + 13 + 12.
    let state = saved(Sma::new(4).unwrap(), &PRICES);
    assert_eq!(
        state,
        json!({"sum": {"slots": [13.0, 12.0, 24.5, 12.0], "next": 2, "full": true, "sum": 49.5}})
    );
    let mut loaded: Sma = serde_json::from_value(state).unwrap();
    assert_eq!(loaded.value(), Some(49.5 / 4.0));
    assert_eq!(loaded.update(14.0), Some((12.0 + 13.0 + 12.0 + 14.0) / 4.0));
}

#[test]
fn sma_state_with_a_write_position_out_of_range_is_refused() {
    let mut state = saved(Sma::new(3).unwrap(), &PRICES);
    state["sum"]["next"] = json!(7);
    let message = refused::<Sma>(state);
    assert!(message.contains("write slot 7"), "{message}");
}

#[test]
fn sma_state_whose_sum_does_not_match_its_window_is_refused() {
    let mut state = saved(Sma::new(3).unwrap(), &PRICES);
    state["sum"]["sum"] = json!(1e6);
    let message = refused::<Sma>(state);
    assert!(
        message.contains("does not match the values in its window"),
        "{message}"
    );
}

#[test]
fn sma_state_with_a_corrupt_partial_sum_is_refused() {
    // After 6 inputs into a window of 4, slots 2 and 3 hold suffix sums of the old block
    // (24.5, 12): one edited no longer gives the stored window sum.
    let mut state = saved(Sma::new(4).unwrap(), &PRICES);
    state["sum"]["slots"][2] = json!(99.0);
    let message = refused::<Sma>(state);
    assert!(
        message.contains("does not match the values in its window"),
        "{message}"
    );
    // A suffix sum larger than its values could make, an input beyond the usable range.
    for (slot, value) in [(3, 1e300), (0, 1e200)] {
        let mut state = saved(Sma::new(4).unwrap(), &PRICES);
        state["sum"]["slots"][slot] = json!(value);
        let message = refused::<Sma>(state);
        assert!(
            message.contains("no update could have produced"),
            "{message}"
        );
    }
    // Before the window fills, the slots past the write slot are zeros.
    let mut state = saved(Sma::new(4).unwrap(), &PRICES[..2]);
    state["sum"]["slots"][3] = json!(1.0);
    let message = refused::<Sma>(state);
    assert!(
        message.contains("no update could have produced"),
        "{message}"
    );
}

#[test]
fn ema_state_with_a_negative_count_is_refused() {
    let mut state = saved(Ema::new(3).unwrap(), &PRICES);
    state["smoother"]["count"] = json!(-1);
    let message = refused::<Ema>(state);
    assert!(message.contains("invalid value: integer `-1`"), "{message}");
}

#[test]
fn ema_state_with_a_count_beyond_its_warmup_is_refused() {
    let mut state = saved(Ema::new(3).unwrap(), &PRICES);
    state["smoother"]["count"] = json!(9);
    let message = refused::<Ema>(state);
    assert!(
        message.contains("smoother count 9 exceeds its warm-up of 3"),
        "{message}"
    );
}

#[test]
fn ema_state_with_period_zero_is_refused() {
    let mut state = saved(Ema::new(3).unwrap(), &PRICES);
    state["smoother"]["period"] = json!(0);
    let message = refused::<Ema>(state);
    assert!(
        message.contains("invalid parameter `period` = 0"),
        "{message}"
    );
}

/// JSON writes NaN and infinities as `null`, which serde_json refuses for a float: such a
/// state cannot be restored from JSON (nor can it arise, since inputs are checked).
#[test]
fn a_null_value_in_a_json_state_is_refused() {
    let mut state = saved(Rma::new(3).unwrap(), &PRICES);
    state["smoother"]["state"] = Value::Null;
    assert!(serde_json::from_value::<Rma>(state).is_err());
}

#[test]
fn a_smoother_with_a_sum_before_any_input_is_refused() {
    let mut state = serde_json::to_value(Ema::<f64>::new(3).unwrap()).unwrap();
    state["smoother"]["state"] = json!(300.0);
    assert!(refused::<Ema>(state).contains("not zero before the first input"));
}

#[test]
fn rsi_state_with_a_negative_average_is_refused() {
    let mut state = saved(Rsi::new(3).unwrap(), &PRICES);
    state["gains"]["state"] = json!(-1.0);
    assert!(refused::<Rsi>(state).contains("inconsistent"));
}

#[test]
fn dema_state_whose_inner_averages_disagree_is_refused() {
    let mut state = saved(Dema::new(3).unwrap(), &PRICES);
    state["second"]["smoother"]["period"] = json!(50);
    assert!(refused::<Dema>(state).contains("differ in period or seed"));
    // The second EMA cannot have consumed anything before the first produced an output.
    let mut state = saved(Dema::new(3).unwrap(), &PRICES[..1]);
    state["second"]["smoother"]["count"] = json!(2);
    state["second"]["smoother"]["state"] = json!(1000.0);
    assert!(refused::<Dema>(state).contains("ahead of its input"));
    let mut state = saved(Tema::new(3).unwrap(), &PRICES);
    state["third"]["smoother"]["seed"] = json!("FirstValue");
    state["third"]["smoother"]["count"] = json!(1);
    assert!(refused::<Tema>(state).contains("differ in period or seed"));
}

#[test]
fn inputs_too_large_to_compute_with_are_refused_and_never_poison() {
    let mut rsi = Rsi::new(2).unwrap();
    let mut ema = Ema::new(2).unwrap();
    for x in [-1e308, 1e308, 1.5e155, 1.0000001e150, 1e-151, -5e-324] {
        assert_eq!(rsi.try_update(x), Err(Error::InvalidInput));
        assert_eq!(ema.update(x), None);
    }
    assert_eq!(rsi.batch(&[1.0, 2.0, 3.0]), [None, None, Some(100.0)]);
    assert_eq!(ema.batch(&[1.0, 2.0]), [None, Some(1.5)]);
    // The largest accepted magnitude still computes.
    let extremes = Ema::<f64>::new(2).unwrap().batch(&[1e150, -1e150, 1e150]);
    assert!(extremes.iter().flatten().all(|v: &f64| v.is_finite()));
}

#[test]
fn rsi_state_with_mismatched_averages_is_refused() {
    let mut state = saved(Rsi::new(3).unwrap(), &PRICES);
    state["losses"]["period"] = json!(4);
    state["losses"]["count"] = json!(3);
    let message = refused::<Rsi>(state);
    assert!(
        message.contains("RSI gain and loss averages are inconsistent"),
        "{message}"
    );
}

#[test]
fn wma_state_holds_one_array_of_the_window() {
    // After 1, 2, 3 the block's values are replaced by U[i] = Σ_{j≥i} (j−i+1)·v_j:
    // U[2] = 3, U[1] = 3 + (2 + 3) = 8, U[0] = 8 + (1 + 2 + 3) = 14. Then 4 overwrites
    // slot 0 and W = U[1] + (1·4 + 2·4) = 20 = 1·2 + 2·3 + 3·4.
    let mut wma = Wma::new(3).unwrap();
    let outputs = wma.batch(&[1.0, 2.0, 3.0, 4.0]);
    assert_eq!(outputs[3], Some(20.0 / 6.0));
    let state = serde_json::to_value(&wma).unwrap();
    assert_eq!(
        state,
        json!({"sums": {"slots": [4.0, 8.0, 3.0], "next": 1, "full": true, "weighted": 20.0}})
    );
    // A state saved as a block completes keeps W (the values are gone) and resumes.
    let mut at_block = Wma::new(3).unwrap();
    at_block.batch(&[1.0, 2.0, 3.0]);
    let saved = serde_json::to_value(&at_block).unwrap();
    assert_eq!(
        saved,
        json!({"sums": {"slots": [14.0, 8.0, 3.0], "next": 0, "full": true, "weighted": 14.0}})
    );
    let mut loaded: Wma = serde_json::from_value(saved).unwrap();
    assert_eq!(loaded.value(), Some(14.0 / 6.0));
    assert_eq!(loaded.update(4.0), Some(20.0 / 6.0));
}

#[test]
fn wma_state_with_a_wrong_weighted_sum_is_refused() {
    let mut state = saved(Wma::new(3).unwrap(), &PRICES);
    state["sums"]["weighted"] = json!(99.0);
    let message = refused::<Wma>(state);
    assert!(
        message.contains("WMA weighted sum does not match"),
        "{message}"
    );
    // Saved as a block completes, W is checked against U[0].
    let mut state = saved(Wma::new(3).unwrap(), &PRICES);
    assert_eq!(state["sums"]["next"], json!(0));
    state["sums"]["weighted"] = json!(70.0);
    let message = refused::<Wma>(state);
    assert!(
        message.contains("WMA weighted sum does not match"),
        "{message}"
    );
    // After 5 inputs slots 0 and 1 hold inputs, slot 2 a weighted suffix: one larger than
    // its value could sum to, an input beyond the usable range, a stray write slot.
    for (index, value) in [(2, 1e300), (0, 1e200)] {
        let mut state = saved(Wma::new(3).unwrap(), &PRICES[..5]);
        state["sums"]["slots"][index] = json!(value);
        let message = refused::<Wma>(state);
        assert!(
            message.contains("no update could have produced"),
            "{message}"
        );
    }
    let mut state = saved(Wma::new(3).unwrap(), &PRICES);
    state["sums"]["next"] = json!(3);
    assert!(refused::<Wma>(state).contains("write slot 3"));
    // Before the window fills, the slots past the write slot are zeros.
    let mut state = saved(Wma::new(3).unwrap(), &PRICES[..1]);
    state["sums"]["slots"][2] = json!(1.0);
    assert!(refused::<Wma>(state).contains("no update could have produced"));
}

#[test]
fn dema_state_with_a_corrupt_inner_average_is_refused() {
    let mut state = saved(Dema::new(3).unwrap(), &PRICES);
    state["second"]["smoother"]["count"] = json!(4);
    assert!(refused::<Dema>(state).contains("exceeds its warm-up"));
}

#[test]
fn monotonic_deque_state_out_of_order_is_refused() {
    let mut deque = MonotonicDeque::new(4, Extremum::Max).unwrap();
    for x in [5.0, 3.0, 1.0] {
        deque.push(x);
    }
    let mut state = serde_json::to_value(&deque).unwrap();
    state["slots"][1] = json!([1, 9.0]); // a later candidate above an earlier one: not monotone
    let message = refused::<MonotonicDeque<f64>>(state);
    assert!(message.contains("not a valid monotone window"), "{message}");
}

#[test]
fn monotonic_deque_state_without_its_newest_value_is_refused() {
    let mut deque = MonotonicDeque::new(4, Extremum::Max).unwrap();
    for x in [5.0, 3.0, 4.0] {
        deque.push(x);
    }
    let valid = serde_json::to_value(&deque).unwrap();
    let mut state = valid.clone();
    state["len"] = json!(0);
    assert!(refused::<MonotonicDeque<f64>>(state).contains("candidates after 3 pushes"));
    let mut state = valid.clone();
    state["len"] = json!(1);
    assert!(refused::<MonotonicDeque<f64>>(state).contains("missing its newest value"));
    let mut state = valid;
    state["pushed"] = json!(u64::MAX);
    assert!(refused::<MonotonicDeque<f64>>(state).contains("pushes"));
}

#[test]
fn a_valid_state_is_accepted_and_resumes() {
    let state = saved(Tema::new(2).unwrap(), &PRICES);
    let mut restored: Tema = serde_json::from_value(state).unwrap();
    let mut original = Tema::new(2).unwrap();
    original.batch(&PRICES);
    assert_eq!(restored.update(14.0), original.update(14.0));
}
