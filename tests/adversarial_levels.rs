//! The levels under adversarial bars (prices and volumes huge, tiny, subnormal, of mixed
//! signs, just outside the usable range, bars that are not valid bars) and their saved states
//! under mutation: every bar is refused or gives an output within its documented bounds,
//! every state reached checkpoints, and no mutated state loads into one that breaks later.
//! Also the regressions of issue 15 (accumulated volumes and level sums above the input
//! bound, counters at `u64::MAX`).
#![cfg(feature = "serde")]

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use common::adversarial::{adversarial_f32, adversarial_f64};
use proptest::prelude::*;
use serde_json::{json, Value};
use ta_stream::bar::{Bar, Candle};
use ta_stream::levels::{
    FloorPivots, Level, LevelsConfig, LevelsReading, PivotKind, PivotLevels, PivotPeriod,
    ReactionLow, Role, SupportResistance, Swing, SwingKind, SwingPivots, SwingReading, Tolerance,
    ZigZag, ZigZagSource,
};
use ta_stream::{Error, Indicator, Real};

// ---------------------------------------------------------------- bars

/// A bar from four prices and a volume: sorted, so that `low <= open, close <= high` (a
/// valid bar when every number is usable; NaN sorts last and makes it unusable). With
/// `malformed`, the high and the low are swapped (or the volume negated): not a valid bar.
fn bar_of<T: Real>(mut prices: [T; 4], volume: T, swap_open: bool, malformed: u8) -> Candle<T> {
    prices.sort_by(|a, b| a.partial_cmp(b).unwrap_or(core::cmp::Ordering::Greater));
    let [low, a, b, high] = prices;
    let (open, close) = if swap_open { (b, a) } else { (a, b) };
    let mut candle = Candle {
        open,
        high,
        low,
        close,
        volume: volume.abs(),
    };
    match malformed {
        1 if high > low => (candle.high, candle.low) = (low, high),
        2 if volume != T::zero() => candle.volume = -volume.abs(),
        _ => {}
    }
    candle
}

/// `true` for a valid bar, written out independently of the crate: five numbers each `0` or
/// of magnitude in `min..=max`, the open and close within `[low, high]`, a volume `>= 0`.
fn is_valid<T: Real>(candle: &Candle<T>) -> bool {
    let usable = |x: T| x == T::zero() || (x.abs() >= T::min_input() && x.abs() <= T::max_input());
    [
        candle.open,
        candle.high,
        candle.low,
        candle.close,
        candle.volume,
    ]
    .into_iter()
    .all(usable)
        && candle.low <= candle.open
        && candle.open <= candle.high
        && candle.low <= candle.close
        && candle.close <= candle.high
        && candle.volume >= T::zero()
}

/// One in ten bars is malformed.
fn malformed() -> impl Strategy<Value = u8> {
    prop_oneof![18 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)]
}

fn candle_f64() -> impl Strategy<Value = Candle<f64>> {
    (
        [
            adversarial_f64(),
            adversarial_f64(),
            adversarial_f64(),
            adversarial_f64(),
        ],
        adversarial_f64(),
        any::<bool>(),
        malformed(),
    )
        .prop_map(|(prices, volume, swap, bad)| bar_of(prices, volume, swap, bad))
}

/// A bar around one adversarial price: `x`, `x·(1 ± small)`: swings at extreme scales.
fn near_f64() -> impl Strategy<Value = Candle<f64>> {
    (adversarial_f64(), 0.0..0.2_f64, 0.0..0.2_f64, any::<bool>()).prop_map(
        |(x, up, down, swap)| bar_of([x * (1.0 - down), x, x, x * (1.0 + up)], x, swap, 0),
    )
}

/// Independent bars, bars near one extreme price, or a series alternating between the edges.
fn candles_f64() -> impl Strategy<Value = Vec<Candle<f64>>> {
    prop_oneof![
        prop::collection::vec(candle_f64(), 0..60),
        prop::collection::vec(near_f64(), 0..60),
        (near_f64(), near_f64(), 1..60usize)
            .prop_map(|(a, b, n)| { (0..n).map(|i| if i % 3 == 0 { b } else { a }).collect() }),
    ]
}

fn candle_f32() -> impl Strategy<Value = Candle<f32>> {
    (
        [
            adversarial_f32(),
            adversarial_f32(),
            adversarial_f32(),
            adversarial_f32(),
        ],
        adversarial_f32(),
        any::<bool>(),
        malformed(),
    )
        .prop_map(|(prices, volume, swap, bad)| bar_of(prices, volume, swap, bad))
}

fn near_f32() -> impl Strategy<Value = Candle<f32>> {
    (adversarial_f32(), 0.0..0.2_f32, 0.0..0.2_f32, any::<bool>()).prop_map(
        |(x, up, down, swap)| bar_of([x * (1.0 - down), x, x, x * (1.0 + up)], x, swap, 0),
    )
}

fn candles_f32() -> impl Strategy<Value = Vec<Candle<f32>>> {
    prop_oneof![
        prop::collection::vec(candle_f32(), 0..60),
        prop::collection::vec(near_f32(), 0..60),
    ]
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap()
}

/// Timestamped bars 1 to 30 hours apart (several per day), sometimes 2 days back in time,
/// with large volumes frequent so that a day's volume exceeds the input bound.
fn bars_f64() -> impl Strategy<Value = Vec<Bar<f64>>> {
    let volume = prop_oneof![1 => Just(1e150), 1 => Just(9e149), 2 => adversarial_f64()];
    let step = prop_oneof![8 => 1..30i64, 1 => Just(-48i64)];
    prop::collection::vec((candle_f64(), volume, step), 0..60).prop_map(|rows| {
        let mut time = start();
        rows.into_iter()
            .map(|(candle, volume, hours)| {
                time += Duration::hours(hours);
                let volume = if candle.volume >= 0.0 {
                    volume.abs()
                } else {
                    candle.volume
                };
                Bar::new(time, Candle { volume, ..candle })
            })
            .collect()
    })
}

fn bars_f32() -> impl Strategy<Value = Vec<Bar<f32>>> {
    let volume = prop_oneof![1 => Just(1e15_f32), 2 => adversarial_f32()];
    prop::collection::vec((candle_f32(), volume, 1..30i64), 0..60).prop_map(|rows| {
        let mut time = start();
        rows.into_iter()
            .map(|(candle, volume, hours)| {
                time += Duration::hours(hours);
                let volume = if candle.volume >= 0.0 {
                    volume.abs()
                } else {
                    candle.volume
                };
                Bar::new(time, Candle { volume, ..candle })
            })
            .collect()
    })
}

// ---------------------------------------------------------------- documented bounds

/// A price taken from a bar: finite, in the usable range.
fn is_price<T: Real>(price: T) -> bool {
    price.is_finite() && price.abs() <= T::max_input()
}

/// A swing pivot: reported `right` bars after it occurred, at a bar's high or low.
fn is_swing_reading<T: Real>(reading: &SwingReading<T>, right: u64) -> bool {
    reading
        .high
        .is_none_or(|s| s.kind == SwingKind::High && s.bars_ago == right && is_price(s.price))
        && reading
            .low
            .is_none_or(|s| s.kind == SwingKind::Low && s.bars_ago == right && is_price(s.price))
}

/// A reaction low: a confirmed swing low, so at least `bars` bars old.
fn is_reaction_low<T: Real>(low: &Option<Swing<T>>, bars: u64) -> bool {
    low.is_none_or(|s| s.kind == SwingKind::Low && s.bars_ago >= bars && is_price(s.price))
}

/// A zig-zag turn: confirmed on a later bar than the one it occurred on.
fn is_turn<T: Real>(turn: &Option<Swing<T>>) -> bool {
    turn.is_none_or(|s| s.bars_ago >= 1 && is_price(s.price))
}

/// A level: the mean of its pivots, in the usable range; at least one touch.
fn is_level<T: Real>(level: &Level<T>) -> bool {
    level.price().is_finite() && level.price().abs() <= T::max_input() && level.touches() >= 1
}

/// A levels reading: the support is a support, the resistance a resistance, the event's
/// level a level, and an event reported only among `events >= 1` (at most `capacity`).
fn is_levels_reading<T: Real>(reading: &LevelsReading<T>, capacity: usize) -> bool {
    reading
        .support
        .is_none_or(|l| l.role() == Role::Support && is_level(&l))
        && reading
            .resistance
            .is_none_or(|l| l.role() == Role::Resistance && is_level(&l))
        && reading.event.is_none_or(|e| is_level(&e.level()))
        && reading.event.is_some() == (reading.events > 0)
        && reading.events <= capacity
}

/// Pivot levels: finite, the first support at or below the first resistance.
fn is_pivot_levels<T: Real>(levels: &PivotLevels<T>) -> bool {
    let all: Vec<T> = [levels.pivot]
        .into_iter()
        .chain(levels.resistances())
        .chain(levels.supports())
        .collect();
    all.iter().all(|x| x.is_finite()) && levels.s1 <= levels.r1
}

/// The largest `capacity` a configuration may have (a mutated state may raise it up to there).
const MAX_CAPACITY: usize = 1024;

fn levels_config<T: Real>(atr: bool) -> LevelsConfig<T> {
    LevelsConfig::default()
        .with_bars(1)
        .with_tolerance(if atr {
            Tolerance::Atr {
                multiple: T::from(1e5).unwrap(),
                period: 2,
            }
        } else {
            Tolerance::Percent(T::from(50.0).unwrap())
        })
        .with_break_percent(Some(T::from(1.0).unwrap()))
        .with_break_closes(Some(2))
        .with_capacity(3)
        .with_max_age(Some(20))
}

// ---------------------------------------------------------------- the contract, f64

adversarial_contract!(
    swing_pivots_f64,
    || SwingPivots::<f64>::with_sides(2, 1).unwrap(),
    candles_f64(),
    |r: &SwingReading<f64>| is_swing_reading(r, 1)
);
serde_fuzz!(
    swing_pivots_f64_fuzz,
    || SwingPivots::<f64>::new(1).unwrap(),
    candles_f64(),
    |r: &SwingReading<f64>| is_swing_reading(r, 1)
);
adversarial_contract!(
    reaction_low_f64,
    || ReactionLow::<f64>::with_capacity(1, 3).unwrap(),
    candles_f64(),
    |low: &Option<Swing<f64>>| is_reaction_low(low, 1)
);
serde_fuzz!(
    reaction_low_f64_fuzz,
    || ReactionLow::<f64>::with_capacity(1, 3).unwrap(),
    candles_f64(),
    |low: &Option<Swing<f64>>| is_reaction_low(low, 1)
);
adversarial_contract!(
    zig_zag_f64,
    || ZigZag::<f64>::new(5.0).unwrap(),
    candles_f64(),
    is_turn
);
adversarial_contract!(
    zig_zag_close_f64,
    || ZigZag::<f64>::new(0.5)
        .unwrap()
        .with_source(ZigZagSource::Close),
    candles_f64(),
    is_turn
);
serde_fuzz!(
    zig_zag_f64_fuzz,
    || ZigZag::<f64>::new(5.0).unwrap(),
    candles_f64(),
    is_turn
);
adversarial_contract!(
    support_resistance_percent_f64,
    || SupportResistance::<f64>::new(levels_config(false)).unwrap(),
    candles_f64(),
    |r: &LevelsReading<f64>| is_levels_reading(r, 3)
);
adversarial_contract!(
    support_resistance_atr_f64,
    || SupportResistance::<f64>::new(levels_config(true)).unwrap(),
    candles_f64(),
    |r: &LevelsReading<f64>| is_levels_reading(r, 3)
);
serde_fuzz!(
    support_resistance_f64_fuzz,
    || SupportResistance::<f64>::new(levels_config(false)).unwrap(),
    candles_f64(),
    |r: &LevelsReading<f64>| is_levels_reading(r, MAX_CAPACITY)
);
adversarial_contract!(
    floor_pivots_classic_f64,
    || FloorPivots::<f64>::new(PivotKind::Classic, PivotPeriod::Day),
    bars_f64(),
    is_pivot_levels
);
adversarial_contract!(
    floor_pivots_demark_f64,
    || FloorPivots::<f64>::new(PivotKind::Demark, PivotPeriod::Week),
    bars_f64(),
    is_pivot_levels
);
serde_fuzz!(
    floor_pivots_f64_fuzz,
    || FloorPivots::<f64>::new(PivotKind::Camarilla, PivotPeriod::Day),
    bars_f64(),
    is_pivot_levels
);

// ---------------------------------------------------------------- the contract, f32

adversarial_contract!(
    swing_pivots_f32,
    || SwingPivots::<f32>::new_generic(1).unwrap(),
    candles_f32(),
    |r: &SwingReading<f32>| is_swing_reading(r, 1)
);
serde_fuzz!(
    swing_pivots_f32_fuzz,
    || SwingPivots::<f32>::with_sides_generic(1, 2).unwrap(),
    candles_f32(),
    |r: &SwingReading<f32>| is_swing_reading(r, 2)
);
adversarial_contract!(
    reaction_low_f32,
    || ReactionLow::<f32>::with_capacity_generic(1, 3).unwrap(),
    candles_f32(),
    |low: &Option<Swing<f32>>| is_reaction_low(low, 1)
);
serde_fuzz!(
    reaction_low_f32_fuzz,
    || ReactionLow::<f32>::with_capacity_generic(1, 3).unwrap(),
    candles_f32(),
    |low: &Option<Swing<f32>>| is_reaction_low(low, 1)
);
adversarial_contract!(
    zig_zag_f32,
    || ZigZag::<f32>::new(5.0).unwrap(),
    candles_f32(),
    is_turn
);
serde_fuzz!(
    zig_zag_f32_fuzz,
    || ZigZag::<f32>::new(5.0)
        .unwrap()
        .with_source(ZigZagSource::Close),
    candles_f32(),
    is_turn
);
adversarial_contract!(
    support_resistance_percent_f32,
    || SupportResistance::<f32>::new(levels_config(false)).unwrap(),
    candles_f32(),
    |r: &LevelsReading<f32>| is_levels_reading(r, 3)
);
adversarial_contract!(
    support_resistance_atr_f32,
    || SupportResistance::<f32>::new(levels_config(true)).unwrap(),
    candles_f32(),
    |r: &LevelsReading<f32>| is_levels_reading(r, 3)
);
serde_fuzz!(
    support_resistance_f32_fuzz,
    || SupportResistance::<f32>::new(levels_config(true)).unwrap(),
    candles_f32(),
    |r: &LevelsReading<f32>| is_levels_reading(r, MAX_CAPACITY)
);
adversarial_contract!(
    floor_pivots_f32,
    || FloorPivots::<f32>::new_generic(PivotKind::Classic, PivotPeriod::Day),
    bars_f32(),
    is_pivot_levels
);
serde_fuzz!(
    floor_pivots_f32_fuzz,
    || FloorPivots::<f32>::new_generic(PivotKind::Fibonacci, PivotPeriod::Day),
    bars_f32(),
    is_pivot_levels
);

// ---------------------------------------------------------------- invalid bars are refused

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::adversarial::cases(128)))]

    /// Every bar that is not a valid bar (by the independent rule above) is refused by every
    /// levels indicator, and every valid bar is accepted (the counters are far from full).
    #[test]
    fn exactly_the_invalid_bars_are_refused(candles in candles_f64()) {
        let mut pivots = SwingPivots::<f64>::new(1).unwrap();
        let mut reaction = ReactionLow::<f64>::new(1).unwrap();
        let mut zigzag = ZigZag::<f64>::default();
        let mut levels = SupportResistance::<f64>::new(levels_config(true)).unwrap();
        let mut floor = FloorPivots::<f64>::default();
        for (hour, candle) in candles.into_iter().enumerate() {
            let valid = is_valid(&candle);
            let bar = Bar::new(start() + Duration::hours(hour as i64), candle);
            prop_assert_eq!(pivots.try_update(candle).is_ok(), valid, "{:?}", candle);
            prop_assert_eq!(reaction.try_update(candle).is_ok(), valid);
            prop_assert_eq!(zigzag.try_update(candle).is_ok(), valid);
            prop_assert_eq!(levels.try_update(candle).is_ok(), valid);
            prop_assert_eq!(floor.try_update(bar).is_ok(), valid);
        }
    }
}

// ---------------------------------------------------------------- regressions of issue 15

fn day(hour: i64) -> DateTime<Utc> {
    start() + Duration::hours(hour)
}

fn round_trip<I>(indicator: &I) -> I
where
    I: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(indicator).unwrap();
    let restored: I = serde_json::from_str(&json)
        .unwrap_or_else(|error| panic!("own checkpoint refused: {error}\n{json}"));
    assert_eq!(&restored, indicator);
    restored
}

fn load<I: serde::de::DeserializeOwned>(state: &Value) -> Result<I, serde_json::Error> {
    serde_json::from_value(state.clone())
}

#[test]
fn floor_pivots_day_volume_above_the_input_bound_checkpoints_f64() {
    let mut pivots = FloorPivots::<f64>::default();
    let candle = Candle::new(1.0, 2.0, 0.5, 1.5, 1e150).unwrap();
    for hour in [1, 2] {
        pivots.update(Bar::new(day(hour), candle));
    }
    let restored = round_trip(&pivots);
    let mut restored = restored;
    let next = Bar::new(day(25), candle);
    assert_eq!(restored.update(next), pivots.update(next));
    assert_eq!(pivots.previous().map(|p| p.volume), Some(2e150));
}

#[test]
fn floor_pivots_day_volume_above_the_input_bound_checkpoints_f32() {
    let mut pivots = FloorPivots::<f32>::default();
    let candle = Candle::new(1.0, 2.0, 0.5, 1.5, 1e15_f32).unwrap();
    for hour in [1, 2, 3] {
        pivots.update(Bar::new(day(hour), candle));
    }
    round_trip(&pivots);
}

#[test]
fn floor_pivots_day_volume_saturates_at_the_largest_float() {
    let candle = Candle::new(1.0, 2.0, 0.5, 1.5, 1e15_f32).unwrap();
    let mut pivots = FloorPivots::<f32>::default();
    pivots.update(Bar::new(day(1), candle));
    let mut state = serde_json::to_value(&pivots).unwrap();
    state["current"][1]["volume"] = json!(f32::MAX);
    let mut loaded: FloorPivots<f32> = load(&state).unwrap();
    loaded.update(Bar::new(day(2), candle));
    loaded.update(Bar::new(day(30), candle));
    assert_eq!(loaded.previous().map(|p| p.volume), Some(f32::MAX));
    round_trip(&loaded);
}

#[test]
fn floor_pivots_refuse_a_negative_or_non_finite_period_volume_and_an_impossible_key() {
    let mut pivots = FloorPivots::<f64>::default();
    pivots.update(Bar::new(
        day(1),
        Candle::new(1.0, 2.0, 0.5, 1.5, 3.0).unwrap(),
    ));
    let state = serde_json::to_value(&pivots).unwrap();
    for (path, bad) in [
        ("volume", json!(-1.0)),
        ("volume", Value::Null),
        ("high", json!(0.1)),
    ] {
        let mut mutated = state.clone();
        mutated["current"][1][path] = bad;
        assert!(load::<FloorPivots>(&mutated).is_err(), "{mutated}");
    }
    let mut far = state.clone();
    far["current"][0] = json!(i64::MAX);
    assert!(load::<FloorPivots>(&far).is_err());
}

/// Two pivot highs at 1e150 cluster into one level whose sum is 2e150: above the input
/// bound, yet reached by accepted bars, so the checkpoint holds it.
#[test]
fn support_resistance_level_summing_pivots_above_the_input_bound_checkpoints() {
    let config = LevelsConfig::default().with_bars(1);
    let mut levels = SupportResistance::<f64>::new(config).unwrap();
    let bar = |high: f64| Candle::new(high * 0.99, high, high * 0.98, high * 0.99, 0.0).unwrap();
    for high in [9e149, 1e150, 9e149, 1e150, 9e149] {
        levels.update(bar(high));
    }
    let level = levels
        .levels()
        .find(|l| l.touches() == 2)
        .expect("a level of two pivots");
    assert_eq!(level.price(), 1e150);
    let mut restored = round_trip(&levels);
    assert_eq!(restored.update(bar(9.5e149)), levels.update(bar(9.5e149)));
}

fn levels_state() -> (SupportResistance<f64>, Value) {
    let mut levels = SupportResistance::<f64>::new(LevelsConfig::default().with_bars(1)).unwrap();
    for high in [100.0, 110.0, 100.0, 109.0, 100.0, 101.0] {
        levels.update(Candle::new(high - 1.0, high, high - 2.0, high - 1.0, 0.0).unwrap());
    }
    assert!(levels.levels().count() > 0);
    let state = serde_json::to_value(&levels).unwrap();
    (levels, state)
}

#[test]
fn support_resistance_refuses_counters_no_stream_reaches_without_panicking() {
    let (_, state) = levels_state();
    for (field, value) in [
        ("last_touch", json!(u64::MAX)),
        ("first_touch", json!(u64::MAX)),
        ("touches", json!(u64::MAX)),
        ("breaks", json!(u64::MAX)),
        ("last_break", json!(u64::MAX)),
        ("sum", json!(1e300)),
    ] {
        let mut mutated = state.clone();
        mutated["levels"][0][field] = value;
        assert!(load::<SupportResistance>(&mutated).is_err(), "{field}");
    }
    let mut bars = state.clone();
    bars["pivots"]["bars"] = json!(u64::MAX);
    assert!(load::<SupportResistance>(&bars).is_err());
}

#[test]
fn reaction_low_f32_slot_index_u64_max_is_refused_without_panicking() {
    let mut reaction = ReactionLow::<f32>::new_generic(1).unwrap();
    for low in [100.0_f32, 95.0, 98.0, 97.0, 99.0] {
        reaction.update(Candle::new(low + 1.0, low + 2.0, low, low + 1.0, 0.0).unwrap());
    }
    let mut state = serde_json::to_value(&reaction).unwrap();
    assert!(state["len"].as_u64().unwrap() >= 1);
    let head = state["head"].as_u64().unwrap() as usize;
    state["slots"][head][0] = json!(u64::MAX);
    assert!(load::<ReactionLow<f32>>(&state).is_err());
}

#[test]
fn zig_zag_bars_u64_max_is_refused() {
    let mut zigzag = ZigZag::<f64>::default();
    zigzag.update(Candle::new(100.0, 101.0, 99.0, 100.0, 0.0).unwrap());
    let mut state = serde_json::to_value(&zigzag).unwrap();
    state["bars"] = json!(u64::MAX);
    assert!(load::<ZigZag>(&state).is_err());
}

#[test]
fn swing_pivots_bars_u64_max_is_refused() {
    let mut pivots = SwingPivots::<f64>::new(1).unwrap();
    pivots.update(Candle::new(100.0, 101.0, 99.0, 100.0, 0.0).unwrap());
    let mut state = serde_json::to_value(&pivots).unwrap();
    state["bars"] = json!(u64::MAX);
    for deque in ["highs", "lows"] {
        state[deque]["slots"][0][0] = json!(u64::MAX - 1);
    }
    assert!(load::<SwingPivots>(&state).is_err());
}

/// At 2^62 bars the counters are full: the next bar is refused like an unusable one (no
/// overflow, state unchanged) and the state still checkpoints.
#[test]
fn zig_zag_with_full_counters_refuses_bars_instead_of_overflowing() {
    const FULL: u64 = 1 << 62;
    let state = json!({
        "percent": 5.0,
        "source": "HighLow",
        "leg": { "Undecided": { "high": [101.0, FULL - 1], "low": [99.0, FULL - 1] } },
        "last_turn": null,
        "bars": FULL,
    });
    let mut zigzag: ZigZag = load(&state).expect("a reachable state");
    let before = zigzag.clone();
    let crash = Candle::new(50.0, 50.0, 40.0, 45.0, 0.0).unwrap();
    assert_eq!(zigzag.try_update(crash), Err(Error::InvalidInput));
    assert_eq!(zigzag.update(crash), Some(None));
    assert_eq!(zigzag, before);
    round_trip(&zigzag);
    let mut beyond = state.clone();
    beyond["bars"] = json!(FULL + 1);
    assert!(load::<ZigZag>(&beyond).is_err());
}

#[test]
fn swing_pivots_with_full_counters_refuse_bars_instead_of_overflowing() {
    const FULL: u64 = 1 << 62;
    let state = json!({
        "left": 1,
        "right": 1,
        "highs": { "kind": "High", "slots": [[FULL - 1, 101.0], [0, 0.0], [0, 0.0]], "head": 0, "len": 1 },
        "lows": { "kind": "Low", "slots": [[FULL - 1, 99.0], [0, 0.0], [0, 0.0]], "head": 0, "len": 1 },
        "bars": FULL,
    });
    let mut pivots: SwingPivots = load(&state).expect("a reachable state");
    let before = pivots.clone();
    let bar = Candle::new(100.0, 102.0, 98.0, 100.0, 0.0).unwrap();
    assert_eq!(pivots.try_update(bar), Err(Error::InvalidInput));
    assert_eq!(pivots.update(bar), Some(SwingReading::default()));
    assert_eq!(pivots, before);
    round_trip(&pivots);
}
