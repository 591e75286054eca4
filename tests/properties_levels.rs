//! Properties of the levels (proptest): the common indicator contract for every type, no
//! look-ahead (a different future never changes a past output), swing pivots and reaction
//! lows against naive recomputations, zig-zag and level invariants, and refusal of corrupt
//! serialized states.
#![cfg(feature = "serde")]

mod common;

use chrono::{Duration, TimeZone, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use ta_stream::bar::{Bar, Candle};
use ta_stream::levels::{
    FloorPivots, LevelsConfig, LevelsReading, PivotKind, PivotPeriod, ReactionLow, Role,
    SupportResistance, Swing, SwingKind, SwingPivots, SwingReading, Tolerance, ZigZag,
    ZigZagSource,
};
use ta_stream::Indicator;

/// A valid candle (low <= open, close <= high) with frequent exact ties.
fn candle() -> impl Strategy<Value = Candle> {
    let low = prop_oneof![
        2 => prop::sample::select(vec![99.0, 100.0, 100.5, 101.0]),
        1 => 95.0..105.0_f64,
    ];
    let spread = prop_oneof![
        1 => prop::sample::select(vec![0.0, 0.5, 1.0]),
        2 => 0.0..4.0_f64,
    ];
    let fraction = prop_oneof![
        1 => prop::sample::select(vec![0.0, 0.5, 1.0]),
        1 => 0.0..=1.0_f64,
    ];
    (low, spread, fraction.clone(), fraction).prop_map(|(low, spread, o, c)| {
        let high = low + spread;
        Candle {
            open: low + o * spread,
            high,
            low,
            close: low + c * spread,
            volume: 1.0,
        }
    })
}

fn candles() -> impl Strategy<Value = Vec<Candle>> {
    prop::collection::vec(candle(), 0..150)
}

/// Candles with at least one unusable number, or that are not valid bars (a high below the
/// low, an open or close outside the bar, a negative volume).
fn unusable_candle() -> impl Strategy<Value = Candle> {
    let bad = prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        1.5e150,
        1e-160,
    ]);
    let unusable = (candle(), bad, 0..5usize).prop_map(|(mut candle, bad, field)| {
        match field {
            0 => candle.open = bad,
            1 => candle.high = bad,
            2 => candle.low = bad,
            3 => candle.close = bad,
            _ => candle.volume = bad,
        }
        candle
    });
    let malformed = (candle(), 0..4usize).prop_map(|(mut candle, rule)| {
        match rule {
            0 => (candle.high, candle.low) = (candle.low - 1.0, candle.high + 1.0),
            1 => candle.open = candle.high + 0.5,
            2 => candle.close = candle.low - 0.5,
            _ => candle.volume = -1.0,
        }
        candle
    });
    prop_oneof![unusable, malformed]
}

/// Bars on distinct days (gaps of 1 to 3 days), starting on Monday 2024-01-01.
fn daily_bars() -> impl Strategy<Value = Vec<Bar>> {
    prop::collection::vec((candle(), 1..4i64), 0..120).prop_map(|rows| {
        let mut time = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        rows.into_iter()
            .map(|(candle, gap)| {
                time += Duration::days(gap);
                Bar::new(time, candle)
            })
            .collect()
    })
}

/// Bars every 1 to 40 hours: several bars per day, week and month.
fn intraday_bars() -> impl Strategy<Value = Vec<Bar>> {
    prop::collection::vec((candle(), 1..40i64), 0..200).prop_map(|rows| {
        let mut time = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        rows.into_iter()
            .map(|(candle, gap)| {
                time += Duration::hours(gap);
                Bar::new(time, candle)
            })
            .collect()
    })
}

fn unusable_bar() -> impl Strategy<Value = Bar> {
    unusable_candle()
        .prop_map(|candle| Bar::new(Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap(), candle))
}

fn levels_config(period: usize) -> LevelsConfig {
    LevelsConfig::default()
        .with_bars(1 + period % 3)
        .with_tolerance(if period % 2 == 0 {
            Tolerance::Percent(0.2 + period as f64 / 20.0)
        } else {
            Tolerance::Atr {
                multiple: 0.5,
                period: 1 + period % 5,
            }
        })
        .with_break_percent([Some(1.0), None, Some(3.0)][period % 3])
        .with_break_closes([Some(2), Some(1), None][period % 3])
        .with_capacity(2 + period % 6)
        .with_max_age([Some(5 + period as u64), None][period % 2])
}

const KINDS: [PivotKind; 6] = [
    PivotKind::Classic,
    PivotKind::Fibonacci,
    PivotKind::Camarilla,
    PivotKind::Woodie,
    PivotKind::WoodieOpen,
    PivotKind::Demark,
];

// ---------------------------------------------------------------- the common contract

indicator_contract!(
    swing_pivots,
    |period: usize| SwingPivots::<f64>::with_sides(1 + period % 5, 1 + period / 8).unwrap(),
    candles(),
    unusable_candle(),
    quiet = |last: Option<SwingReading>| last.map(|_| SwingReading {
        high: None,
        low: None
    })
);
indicator_contract!(
    reaction_low,
    |period: usize| ReactionLow::<f64>::with_capacity(1 + period % 4, 1 + period % 7).unwrap(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    zig_zag,
    |period: usize| ZigZag::<f64>::new(period as f64 / 8.0)
        .unwrap()
        .with_source(if period % 2 == 0 {
            ZigZagSource::HighLow
        } else {
            ZigZagSource::Close
        }),
    candles(),
    unusable_candle(),
    quiet = |last: Option<Option<Swing>>| last.map(|_| None)
);
indicator_contract!(
    support_resistance,
    |period: usize| SupportResistance::<f64>::new(levels_config(period)).unwrap(),
    candles(),
    unusable_candle(),
    quiet = |last: Option<LevelsReading>| last.map(|reading| LevelsReading {
        event: None,
        events: 0,
        ..reading
    })
);
indicator_contract!(
    floor_pivots_daily,
    |period: usize| FloorPivots::<f64>::new(KINDS[period % 6], PivotPeriod::Day),
    daily_bars(),
    unusable_bar()
);

// ---------------------------------------------------------------- naive recomputations

/// Pivots `(confirmed on bar, index, price)`.
type Found = Vec<(usize, usize, f64)>;

/// Pivot highs and lows by the rule, bar by bar.
fn naive_pivots(candles: &[Candle], left: usize, right: usize) -> (Found, Found) {
    let (mut highs, mut lows) = (Vec::new(), Vec::new());
    for k in left..candles.len().saturating_sub(right) {
        let h = candles[k].high;
        if (k - left..k).all(|j| h > candles[j].high)
            && (k + 1..=k + right).all(|j| h >= candles[j].high)
        {
            highs.push((k + right, k, h));
        }
        let l = candles[k].low;
        if (k - left..k).all(|j| l < candles[j].low)
            && (k + 1..=k + right).all(|j| l <= candles[j].low)
        {
            lows.push((k + right, k, l));
        }
    }
    (highs, lows)
}

proptest! {
    #[test]
    fn swing_pivots_equal_the_naive_rule(left in 1..6usize, right in 1..6usize, xs in candles()) {
        let mut pivots = SwingPivots::with_sides(left, right).unwrap();
        let (mut highs, mut lows) = (Vec::new(), Vec::new());
        for (t, &candle) in xs.iter().enumerate() {
            if let Some(reading) = pivots.update(candle) {
                if let Some(p) = reading.high {
                    prop_assert_eq!((p.kind, p.bars_ago), (SwingKind::High, right as u64));
                    highs.push((t, p.index as usize, p.price));
                }
                if let Some(p) = reading.low {
                    prop_assert_eq!((p.kind, p.bars_ago), (SwingKind::Low, right as u64));
                    lows.push((t, p.index as usize, p.price));
                }
            }
        }
        let (naive_highs, naive_lows) = naive_pivots(&xs, left, right);
        prop_assert_eq!(highs, naive_highs);
        prop_assert_eq!(lows, naive_lows);
    }

    #[test]
    fn reaction_low_equals_the_naive_search(bars in 1..4usize, xs in candles()) {
        let mut reaction = ReactionLow::with_capacity(bars, 1000).unwrap();
        let (_, lows) = naive_pivots(&xs, bars, bars);
        for (t, &candle) in xs.iter().enumerate() {
            let output = reaction.update(candle);
            if t + 1 < 2 * bars + 1 {
                prop_assert_eq!(output, None);
                continue;
            }
            let naive = lows
                .iter()
                .filter(|&&(confirmed, _, price)| confirmed <= t && price < candle.close)
                .max_by_key(|&&(_, index, _)| index)
                .map(|&(_, index, price)| (index as u64, price, (t - index) as u64));
            prop_assert_eq!(output.unwrap().map(|s| (s.index, s.price, s.bars_ago)), naive);
        }
    }

    #[test]
    fn a_different_future_never_changes_past_outputs(
        period in 1..40usize,
        prefix in candles(),
        one in candles(),
        other in candles(),
    ) {
        fn check<I: Indicator + Clone>(make: impl Fn() -> I, prefix: &[I::Input], one: &[I::Input], other: &[I::Input]) -> Result<(), TestCaseError>
        where I::Output: PartialEq + std::fmt::Debug {
            let with = |suffix: &[I::Input]| {
                let inputs: Vec<_> = prefix.iter().chain(suffix).copied().collect();
                make().batch(&inputs)
            };
            let (a, b) = (with(one), with(other));
            prop_assert_eq!(&a[..prefix.len()], &b[..prefix.len()]);
            Ok(())
        }
        check(|| SwingPivots::new(1 + period % 5).unwrap(), &prefix, &one, &other)?;
        check(|| ReactionLow::new(1 + period % 3).unwrap(), &prefix, &one, &other)?;
        check(|| ZigZag::new(period as f64 / 8.0).unwrap(), &prefix, &one, &other)?;
        check(|| SupportResistance::new(levels_config(period)).unwrap(), &prefix, &one, &other)?;
    }

    #[test]
    fn zig_zag_turns_alternate_and_reverse_by_the_threshold(percent in 0.1..5.0f64, xs in candles()) {
        let turns: Vec<_> = ZigZag::new(percent).unwrap().batch(&xs).into_iter().flatten().flatten().collect();
        for pair in turns.windows(2) {
            prop_assert_ne!(pair[0].kind, pair[1].kind);
            prop_assert!(pair[0].index <= pair[1].index);
            let ratio = pair[1].price / pair[0].price;
            match pair[0].kind {
                SwingKind::High => prop_assert!(ratio <= 1.0 - percent / 100.0 + 1e-12),
                SwingKind::Low => prop_assert!(ratio >= 1.0 + percent / 100.0 - 1e-12),
            }
        }
    }

    #[test]
    fn levels_stay_bounded_and_the_reading_is_the_nearest(period in 1..40usize, xs in candles()) {
        let config = levels_config(period);
        let mut levels = SupportResistance::new(config).unwrap();
        for (t, candle) in xs.into_iter().enumerate() {
            let Some(reading) = levels.update(candle) else { continue };
            let live: Vec<_> = levels.levels().collect();
            prop_assert!(live.len() <= config.capacity);
            let best_support = live.iter().filter(|l| l.role() == Role::Support).map(|l| l.price()).fold(None, |m: Option<f64>, p| Some(m.map_or(p, |m| m.max(p))));
            let best_resistance = live.iter().filter(|l| l.role() == Role::Resistance).map(|l| l.price()).fold(None, |m: Option<f64>, p| Some(m.map_or(p, |m| m.min(p))));
            prop_assert_eq!(reading.support.map(|l| l.price()), best_support);
            prop_assert_eq!(reading.resistance.map(|l| l.price()), best_resistance);
            prop_assert_eq!(reading.event.is_some(), reading.events > 0);
            for level in live {
                prop_assert!(level.touches() >= 1 && level.first_touch() <= level.last_touch());
                // Touches are confirmed `bars` bars late; nothing older than `max_age` lives.
                prop_assert!(level.last_touch() + config.bars as u64 <= t as u64);
                if let Some(age) = config.max_age {
                    prop_assert!(t as u64 - level.last_touch() <= age);
                }
            }
        }
    }

    #[test]
    fn floor_pivots_use_the_previous_periods_ohlc(kind in 0..6usize, period in 0..3usize, bars in intraday_bars()) {
        let period = [PivotPeriod::Day, PivotPeriod::Week, PivotPeriod::Month][period];
        let kind = KINDS[kind];
        let mut pivots = FloorPivots::new(kind, period);
        for (t, bar) in bars.iter().enumerate() {
            let output = pivots.update(*bar);
            // Naive: the bars of the last complete period before this bar's period.
            let key = period.key(bar.timestamp);
            let earlier: Vec<&Bar> = bars[..t].iter().filter(|b| period.key(b.timestamp) < key).collect();
            let Some(last) = earlier.last() else {
                prop_assert_eq!(output, None);
                continue;
            };
            let previous_key = period.key(last.timestamp);
            let members: Vec<&&Bar> = earlier.iter().filter(|b| period.key(b.timestamp) == previous_key).collect();
            let aggregate = Candle {
                open: members[0].candle.open,
                high: members.iter().map(|b| b.candle.high).fold(f64::MIN, f64::max),
                low: members.iter().map(|b| b.candle.low).fold(f64::MAX, f64::min),
                close: members[members.len() - 1].candle.close,
                volume: 0.0,
            };
            let current_open = bars[..=t].iter().find(|b| period.key(b.timestamp) == key).unwrap().candle.open;
            let expected = ta_stream::levels::PivotLevels::compute(kind, &aggregate, current_open);
            prop_assert_eq!(output, Some(expected));
        }
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

fn sample() -> Vec<Candle> {
    [
        100.0, 102.0, 99.0, 104.0, 98.0, 103.0, 97.0, 105.0, 101.0, 106.0,
    ]
    .iter()
    .map(|&low| Candle::new(low + 1.0, low + 3.0, low, low + 2.0, 1.0).unwrap())
    .collect()
}

#[test]
fn swing_pivots_state_with_a_corrupt_deque_is_refused() {
    let state = saved(SwingPivots::new(2).unwrap(), &sample());
    let restored: SwingPivots = accepted(state.clone());
    assert_eq!(restored.bars(), 10);
    let mut bad = state.clone();
    bad["left"] = json!(0);
    assert!(refused::<SwingPivots>(bad).contains("invalid parameter `left`"));
    let mut bad = state.clone();
    bad["bars"] = json!(3);
    assert!(refused::<SwingPivots>(bad).contains("swing pivots"));
    let mut bad = state.clone();
    bad["highs"]["len"] = json!(99);
    assert!(refused::<SwingPivots>(bad).contains("swing pivots highs"));
    let mut bad = state;
    bad["lows"]["kind"] = json!("High");
    assert!(refused::<SwingPivots>(bad).contains("swing pivots lows"));
}

#[test]
fn reaction_low_state_with_an_unordered_staircase_is_refused() {
    let state = saved(ReactionLow::with_capacity(1, 4).unwrap(), &sample());
    let restored: ReactionLow = accepted(state.clone());
    assert!(restored.swing_lows().count() >= 2, "{state}");
    let mut bad = state.clone();
    let head = bad["head"].as_u64().unwrap() as usize;
    bad["slots"][head][1] = json!(1000.0);
    assert!(refused::<ReactionLow>(bad).contains("staircase step"));
    let mut bad = state;
    bad["len"] = json!(5);
    assert!(refused::<ReactionLow>(bad).contains("staircase"));
}

#[test]
fn zig_zag_state_with_an_inconsistent_leg_is_refused() {
    let closes: Vec<Candle> = [100.0, 110.0, 100.0, 95.0]
        .iter()
        .map(|&c| Candle::new(c, c, c, c, 0.0).unwrap())
        .collect();
    let state = saved(ZigZag::new(5.0).unwrap(), &closes);
    accepted::<ZigZag>(state.clone());
    assert!(state["leg"].get("Down").is_some(), "{state}");
    let mut bad = state.clone();
    bad["percent"] = json!(150.0);
    assert!(refused::<ZigZag>(bad).contains("invalid parameter `percent`"));
    let mut bad = state.clone();
    bad["leg"] = json!({"Up": {"extreme": [120.0, 3]}});
    assert!(refused::<ZigZag>(bad).contains("zig-zag"));
    let mut bad = state;
    bad["bars"] = json!(1);
    assert!(refused::<ZigZag>(bad).contains("zig-zag"));
}

#[test]
fn support_resistance_state_with_a_corrupt_level_is_refused() {
    let config = LevelsConfig::default().with_bars(1);
    let state = saved(SupportResistance::new(config).unwrap(), &sample());
    let restored: SupportResistance = accepted(state.clone());
    assert!(restored.levels().count() >= 2, "{state}");
    let mut bad = state.clone();
    bad["levels"][0]["touches"] = json!(0);
    assert!(refused::<SupportResistance>(bad).contains("level"));
    let mut bad = state.clone();
    bad["levels"][0]["last_touch"] = json!(50);
    assert!(refused::<SupportResistance>(bad).contains("level"));
    let mut bad = state.clone();
    bad["config"]["capacity"] = json!(1);
    assert!(refused::<SupportResistance>(bad).contains("invalid parameter `capacity`"));
    let mut bad = state.clone();
    bad["config"]["tolerance"] = json!({"Atr": {"multiple": 1.0, "period": 14}});
    assert!(refused::<SupportResistance>(bad).contains("ATR"));
    let mut bad = state;
    bad["config"]["bars"] = json!(2);
    assert!(refused::<SupportResistance>(bad).contains("pivots"));
}

#[test]
fn floor_pivots_state_with_an_invalid_period_is_refused() {
    let day = |d| Utc.with_ymd_and_hms(2024, 1, d, 0, 0, 0).unwrap();
    let bars: Vec<Bar> = sample()
        .into_iter()
        .enumerate()
        .map(|(i, c)| Bar::new(day(1 + i as u32), c))
        .collect();
    let state = saved(FloorPivots::default(), &bars);
    accepted::<FloorPivots>(state.clone());
    let mut bad = state.clone();
    bad["current"] = Value::Null;
    assert!(refused::<FloorPivots>(bad).contains("previous period but not the current"));
    let mut bad = state;
    bad["previous"]["low"] = json!(1e6);
    assert!(refused::<FloorPivots>(bad).contains("floor pivots period"));
}
