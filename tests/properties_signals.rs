//! Properties of the signals (proptest): the common indicator contract for every type, the
//! rules against naive recomputations, the symmetry of crossovers, and refusal of corrupt
//! serialized states.
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use serde_json::{json, Value};
use ta_stream::average::{Ema, Seed, Sma};
use ta_stream::signal::{
    Cross, CrossLevel, CrossRule, Crossover, MaCross, MaCrossEvent, MaKind, MaPosition, Zone,
    ZoneEvent, ZoneReading, Zones,
};
use ta_stream::Indicator;

/// Values with frequent exact ties (a few discrete values) mixed with continuous ones.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        2 => prop::sample::select(vec![1.0, 2.0, 3.0]),
        1 => 0.0..4.0_f64,
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(f64, f64)>> {
    prop::collection::vec((value(), value()), 0..120)
}

fn values() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(value(), 0..120)
}

/// Prices with flat stretches (so that averages tie exactly) and continuous moves.
fn prices() -> impl Strategy<Value = Vec<f64>> {
    let price = prop_oneof![
        2 => prop::sample::select(vec![99.0, 100.0, 100.5, 101.0]),
        1 => 90.0..110.0_f64,
    ];
    prop::collection::vec(price, 0..160)
}

/// Oscillator values in 0..=100 that often sit exactly on a level.
fn oscillator() -> impl Strategy<Value = Vec<f64>> {
    let reading = prop_oneof![
        1 => prop::sample::select(vec![0.0, 20.0, 30.0, 50.0, 70.0, 80.0, 100.0]),
        2 => 0.0..=100.0_f64,
    ];
    prop::collection::vec(reading, 0..120)
}

fn unusable() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e200,
        1.5e150,
        -1e-160,
    ])
}

/// A pair with at least one unusable number.
fn unusable_pair() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        (unusable(), value()),
        (value(), unusable()),
        (unusable(), unusable()),
    ]
}

// ---------------------------------------------------------------- the common contract

// What an ignored input returns: the last output without its event.
fn no_cross(last: Option<Option<Cross>>) -> Option<Option<Cross>> {
    last.map(|_| None)
}

fn no_ma_cross(last: Option<Option<MaCrossEvent>>) -> Option<Option<MaCrossEvent>> {
    last.map(|_| None)
}

/// The same zone, no event: its previous zone is itself (`None` on the first reading).
fn same_zone(last: Option<ZoneReading>) -> Option<ZoneReading> {
    let quiet = last.map(|reading| reading.without_events());
    if let (Some(last), Some(quiet)) = (last, quiet) {
        assert_eq!(quiet.zone(), last.zone());
        assert_eq!(quiet.events().count(), 0);
        assert_eq!(quiet.previous(), last.previous().map(|_| last.zone()));
    }
    quiet
}

indicator_contract!(
    crossover_tradingview,
    |_period: usize| Crossover::<f64>::new(),
    pairs(),
    unusable_pair(),
    quiet = no_cross
);
indicator_contract!(
    crossover_strict,
    |_period: usize| Crossover::<f64>::new().with_rule(CrossRule::Strict),
    pairs(),
    unusable_pair(),
    quiet = no_cross
);
indicator_contract!(
    cross_level,
    |period: usize| CrossLevel::new(period as f64 / 10.0).unwrap(),
    values(),
    unusable(),
    quiet = no_cross
);
indicator_contract!(
    ma_cross_sma,
    |period: usize| MaCross::new(1 + period % 8, 2 + period % 8 + period / 4).unwrap(),
    prices(),
    unusable(),
    quiet = no_ma_cross
);
indicator_contract!(
    ma_cross_ema_strict,
    |period: usize| MaCross::<f64>::ema(1 + period % 8, 2 + period % 8 + period / 4)
        .unwrap()
        .with_rule(CrossRule::Strict),
    prices(),
    unusable(),
    quiet = no_ma_cross
);
indicator_contract!(
    zones,
    |period: usize| Zones::new(50.0 + period as f64, 50.0 - period as f64).unwrap(),
    oscillator(),
    unusable(),
    quiet = same_zone
);
indicator_contract!(
    ma_position,
    |period: usize| MaPosition::new(&[
        (MaKind::Sma, 1 + period % 5),
        (MaKind::Ema, 2 + period),
        (MaKind::Sma, 3 + 2 * period),
    ])
    .unwrap(),
    prices(),
    unusable()
);

// ---------------------------------------------------------------- rules and symmetries

/// The rule written out on raw numbers, bar by bar, independently of the crate.
fn naive_crosses(pairs: &[(f64, f64)], strict: bool) -> Vec<Option<Option<Cross>>> {
    let mut out = Vec::with_capacity(pairs.len());
    for (t, &(a, b)) in pairs.iter().enumerate() {
        if t == 0 {
            out.push(None);
            continue;
        }
        let (pa, pb) = pairs[t - 1];
        let above = a > b && if strict { pa < pb } else { pa <= pb };
        let below = a < b && if strict { pa > pb } else { pa >= pb };
        out.push(Some(if above {
            Some(Cross::Above)
        } else if below {
            Some(Cross::Below)
        } else {
            None
        }));
    }
    out
}

fn reversed(outputs: &[Option<Option<Cross>>]) -> Vec<Option<Option<Cross>>> {
    outputs
        .iter()
        .map(|output| output.map(|event| event.map(Cross::reversed)))
        .collect()
}

proptest! {
    #[test]
    fn crossover_is_the_naive_rule(xs in pairs()) {
        prop_assert_eq!(Crossover::new().batch(&xs), naive_crosses(&xs, false));
        prop_assert_eq!(
            Crossover::new().with_rule(CrossRule::Strict).batch(&xs),
            naive_crosses(&xs, true)
        );
    }

    #[test]
    fn swapping_the_series_swaps_above_and_below(xs in pairs()) {
        let swapped: Vec<(f64, f64)> = xs.iter().map(|&(a, b)| (b, a)).collect();
        for rule in [CrossRule::TradingView, CrossRule::Strict] {
            let straight = Crossover::new().with_rule(rule).batch(&xs);
            let mirror = Crossover::new().with_rule(rule).batch(&swapped);
            prop_assert_eq!(reversed(&straight), mirror);
        }
    }

    #[test]
    fn strict_crosses_are_a_subset_of_tradingview_crosses(xs in pairs()) {
        let tradingview = Crossover::new().batch(&xs);
        let strict = Crossover::new().with_rule(CrossRule::Strict).batch(&xs);
        for (t, (tv, st)) in tradingview.iter().zip(&strict).enumerate() {
            if let Some(Some(event)) = st {
                prop_assert_eq!(*tv, Some(Some(*event)), "bar {}", t);
            }
        }
    }

    #[test]
    fn cross_level_is_a_crossover_against_a_constant(xs in values(), level in value()) {
        let pairs: Vec<(f64, f64)> = xs.iter().map(|&x| (x, level)).collect();
        prop_assert_eq!(CrossLevel::new(level).unwrap().batch(&xs), Crossover::new().batch(&pairs));
    }

    #[test]
    fn ma_cross_is_a_crossover_of_its_two_averages(xs in prices(), fast in 1..10usize, extra in 1..20usize) {
        let slow = fast + extra;
        let events = MaCross::new(fast, slow).unwrap().batch(&xs);
        let fast_line = Sma::new(fast).unwrap().batch(&xs);
        let slow_line = Sma::new(slow).unwrap().batch(&xs);
        let mut cross = Crossover::new();
        let expected: Vec<Option<Option<MaCrossEvent>>> = fast_line
            .iter()
            .zip(&slow_line)
            .map(|lines| match lines {
                (Some(f), Some(s)) => cross.update((*f, *s)).map(|e| e.map(MaCrossEvent::from)),
                _ => None,
            })
            .collect();
        prop_assert_eq!(events, expected);
    }

    #[test]
    fn zone_events_are_the_naive_level_crossings(xs in oscillator(), overbought in 55.0..90.0_f64, oversold in 10.0..45.0_f64) {
        let readings: Vec<_> = Zones::new(overbought, oversold)
            .unwrap()
            .batch(&xs)
            .into_iter()
            .map(Option::unwrap)
            .collect();
        for (t, reading) in readings.iter().enumerate() {
            let x = xs[t];
            let zone = if x >= overbought {
                Zone::Overbought
            } else if x <= oversold {
                Zone::Oversold
            } else {
                Zone::Neutral
            };
            prop_assert_eq!(reading.zone(), zone);
            let Some(&p) = t.checked_sub(1).and_then(|i| xs.get(i)) else {
                prop_assert_eq!(reading.events().count(), 0);
                continue;
            };
            prop_assert_eq!(reading.has(ZoneEvent::LeftOverbought), x < overbought && overbought <= p);
            prop_assert_eq!(reading.has(ZoneEvent::LeftOversold), x > oversold && oversold >= p);
            prop_assert_eq!(reading.has(ZoneEvent::EnteredOverbought), x >= overbought && overbought > p);
            prop_assert_eq!(reading.has(ZoneEvent::EnteredOversold), x <= oversold && oversold < p);
        }
    }

    #[test]
    fn ma_position_reads_each_average_and_its_distance(xs in prices(), a in 1..30usize, b in 1..30usize) {
        let averages = [(MaKind::Sma, a), (MaKind::Ema, b)];
        let readings = MaPosition::new(&averages).unwrap().batch(&xs);
        let sma = Sma::new(a).unwrap().batch(&xs);
        let ema = Ema::new(b).unwrap().batch(&xs);
        for (t, reading) in readings.iter().enumerate() {
            prop_assert_eq!(reading.is_some(), sma[t].is_some() || ema[t].is_some());
            let Some(reading) = reading else { continue };
            prop_assert_eq!(reading.price(), xs[t]);
            let found = [reading.find(MaKind::Sma, a), reading.find(MaKind::Ema, b)];
            for (key, line) in found.iter().zip([sma[t], ema[t]]) {
                prop_assert_eq!(key.map(|k| k.value()), line);
                if let (Some(key), Some(line)) = (key, line) {
                    prop_assert_eq!(key.is_above(), xs[t] > line);
                    prop_assert_eq!(key.is_below(), xs[t] < line);
                    let distance = key.distance_percent().unwrap();
                    prop_assert!((distance - 100.0 * (xs[t] / line - 1.0)).abs() <= 1e-12);
                }
            }
            let expected_all = sma[t].zip(ema[t]).map(|(s, e)| xs[t] > s && xs[t] > e);
            prop_assert_eq!(reading.above_all(), expected_all);
        }
    }

    #[test]
    fn f32_signals_agree_with_f64_on_exact_values(xs in prop::collection::vec(prop::sample::select(vec![1.0, 2.0, 2.5, 3.0]), 0..80)) {
        let pairs: Vec<(f64, f64)> = xs.iter().zip(xs.iter().skip(3)).map(|(&a, &b)| (a, b)).collect();
        let narrow: Vec<(f32, f32)> = pairs.iter().map(|&(a, b)| (a as f32, b as f32)).collect();
        prop_assert_eq!(Crossover::<f64>::new_generic().batch(&pairs), Crossover::<f32>::new_generic().batch(&narrow));
        let xs32: Vec<f32> = xs.iter().map(|&x| x as f32).collect();
        let zones64: Vec<_> = Zones::new(2.5, 1.0).unwrap().batch(&xs);
        let zones32: Vec<_> = Zones::new(2.5_f32, 1.0).unwrap().batch(&xs32);
        prop_assert_eq!(zones64, zones32);
    }
}

// ---------------------------------------------------------------- corrupt states

fn saved<I: serde::Serialize + Indicator>(mut indicator: I, inputs: &[I::Input]) -> Value {
    indicator.batch(inputs);
    serde_json::to_value(&indicator).unwrap()
}

fn refused<T: serde::de::DeserializeOwned>(state: Value) -> String {
    match serde_json::from_value::<T>(state) {
        Ok(_) => panic!("corrupt state accepted"),
        Err(error) => error.to_string(),
    }
}

fn accepted<T: serde::de::DeserializeOwned>(state: Value) -> T {
    serde_json::from_value(state).expect("a valid state was refused")
}

const CLOSES: [f64; 12] = [
    10.0, 11.0, 12.5, 12.0, 13.0, 12.0, 11.0, 10.5, 10.0, 11.5, 12.5, 13.0,
];

#[test]
fn crossover_state_with_an_earlier_bar_but_no_latest_is_refused() {
    let mut state = saved(Crossover::new(), &[(1.0, 2.0), (3.0, 2.0)]);
    assert_eq!(
        state,
        json!({"rule": "TradingView", "earlier": "Below", "latest": "Above"})
    );
    accepted::<Crossover>(state.clone());
    state["latest"] = Value::Null;
    let message = refused::<Crossover>(state);
    assert!(
        message.contains("earlier bar but not the latest"),
        "{message}"
    );
}

#[test]
fn crossover_state_with_an_unknown_relation_or_rule_is_refused() {
    let mut state = saved(Crossover::new(), &[(1.0, 2.0)]);
    state["latest"] = json!("Sideways");
    refused::<Crossover>(state.clone());
    state["latest"] = json!("Above");
    state["rule"] = json!("Lenient");
    refused::<Crossover>(state);
}

#[test]
fn cross_level_state_with_an_absurd_level_is_refused() {
    let mut state = saved(CrossLevel::new(2.0).unwrap(), &[1.0, 3.0]);
    state["level"] = json!(1e300);
    let message = refused::<CrossLevel>(state);
    assert!(message.contains("invalid parameter `level`"), "{message}");
}

#[test]
fn zones_state_with_crossed_levels_is_refused() {
    let mut state = saved(Zones::default(), &[50.0, 75.0]);
    accepted::<Zones>(state.clone());
    state["oversold"] = json!(80.0);
    let message = refused::<Zones>(state);
    assert!(
        message.contains("invalid parameter `overbought`"),
        "{message}"
    );
}

#[test]
fn zones_state_with_an_earlier_zone_but_no_latest_is_refused() {
    let mut state = saved(Zones::default(), &[50.0, 75.0]);
    state["latest"] = Value::Null;
    let message = refused::<Zones>(state);
    assert!(
        message.contains("earlier value but not the latest"),
        "{message}"
    );
}

#[test]
fn ma_cross_state_whose_relation_contradicts_its_averages_is_refused() {
    let cross = MaCross::new(2, 4).unwrap();
    let mut state = saved(cross.clone(), &CLOSES);
    let restored: MaCross = accepted(state.clone());
    assert_eq!(restored, {
        let mut fed = cross;
        fed.batch(&CLOSES);
        fed
    });
    // SMA 2 = 12.75 above SMA 4 = 11.75 at the end: the remembered relation must say so.
    assert_eq!(state["cross"]["latest"], json!("Above"));
    state["cross"]["latest"] = json!("Below");
    let message = refused::<MaCross>(state);
    assert!(message.contains("does not match their values"), "{message}");
}

#[test]
fn ma_cross_state_fed_before_its_averages_were_ready_is_refused() {
    let mut state = saved(MaCross::new(2, 4).unwrap(), &CLOSES[..2]);
    assert_eq!(state["cross"]["latest"], Value::Null);
    state["cross"]["latest"] = json!("Above");
    refused::<MaCross>(state);
}

#[test]
fn ma_cross_state_with_a_corrupt_average_is_refused() {
    let mut state = saved(MaCross::new(2, 4).unwrap(), &CLOSES);
    state["slow"]["sum"]["sum"] = json!(1e6);
    let message = refused::<MaCross>(state);
    assert!(
        message.contains("does not match the values in its window"),
        "{message}"
    );
}

fn key_state() -> Value {
    saved(
        MaPosition::new(&[(MaKind::Sma, 2), (MaKind::Ema, 3), (MaKind::Sma, 20)]).unwrap(),
        &CLOSES,
    )
}

#[test]
fn ma_position_state_round_trips_and_checks_its_averages() {
    let state = key_state();
    let mut restored: MaPosition = accepted(state.clone());
    let mut original =
        MaPosition::new(&[(MaKind::Sma, 2), (MaKind::Ema, 3), (MaKind::Sma, 20)]).unwrap();
    original.batch(&CLOSES);
    assert_eq!(restored, original);
    assert_eq!(restored.update(14.0), original.update(14.0));

    let mut duplicated = state.clone();
    duplicated["averages"][2] = state["averages"][0].clone();
    let message = refused::<MaPosition>(duplicated);
    assert!(message.contains("distinct moving averages"), "{message}");

    let mut too_many = state.clone();
    let nine: Vec<Value> = (1..=9)
        .map(|n| saved(MaPosition::<f64>::sma(&[n]).unwrap(), &[])["averages"][0].clone())
        .collect();
    too_many["averages"] = Value::Array(nine);
    let message = refused::<MaPosition>(too_many);
    assert!(message.contains("at most 8"), "{message}");

    let mut empty = state;
    empty["averages"] = json!([]);
    refused::<MaPosition>(empty);
}

#[test]
fn ma_position_state_without_a_price_is_refused() {
    let mut state = key_state();
    state["price"] = Value::Null;
    let message = refused::<MaPosition>(state);
    assert!(message.contains("no price"), "{message}");
}

#[test]
fn ma_position_state_with_averages_out_of_step_is_refused() {
    // The EMA 3 reset to untouched while the SMA 20 ... is not ready yet, but the SMA 2 is:
    // swap in a fresh SMA 2 so that the faster average lags the EMA 3.
    let mut state = key_state();
    state["averages"][0] = saved(MaPosition::<f64>::sma(&[2]).unwrap(), &[])["averages"][0].clone();
    let message = refused::<MaPosition>(state);
    assert!(message.contains("out of step"), "{message}");
}

#[test]
fn ma_position_state_with_a_pandas_seeded_ema_is_refused() {
    let mut state = key_state();
    let foreign = Ema::<f64>::with_seed(3, Seed::FirstValue).unwrap();
    state["averages"][1] = json!({ "Ema": serde_json::to_value(&foreign).unwrap() });
    let message = refused::<MaPosition>(state);
    assert!(message.contains("not seeded like TA-Lib"), "{message}");
}
