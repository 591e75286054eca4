//! Known answers for the signals, worked out by hand from the published rules (TradingView's
//! `ta.crossover`, backtesting.py's `crossover`, Wilder's 70/30 zones, the 20/50/200-day
//! position), mostly on
//! Series B: `C_i = 100 + 0.5·i + 3·sin(i/2)`, i = 0..39. Also: invalid parameters.

use ta_stream::average::{Ema, Sma};
use ta_stream::momentum::Rsi;
use ta_stream::signal::{
    Cross, CrossLevel, CrossRule, Crossover, MaCross, MaCrossEvent, MaKind, MaPosition, Relation,
    Zone, ZoneEvent, Zones,
};
use ta_stream::{Error, Indicator};

fn series_b() -> Vec<f64> {
    (0..40)
        .map(|i| 100.0 + 0.5 * f64::from(i) + 3.0 * (f64::from(i) / 2.0).sin())
        .collect()
}

/// Indices at which `outputs` holds `event`.
fn indices_of<E: PartialEq + Copy>(outputs: &[Option<Option<E>>], event: E) -> Vec<usize> {
    outputs
        .iter()
        .enumerate()
        .filter(|(_, output)| **output == Some(Some(event)))
        .map(|(index, _)| index)
        .collect()
}

#[test]
fn series_b_matches_its_printed_last_close() {
    let closes = series_b();
    assert_eq!(closes.len(), 40);
    assert!((closes[39] - 121.3166196092).abs() < 5e-11);
}

// ---------------------------------------------------------------- crossovers: the tie case

const TIE_A: [f64; 5] = [1.0, 2.0, 3.0, 3.0, 4.0];
const TIE_B: [f64; 5] = [2.0, 2.0, 3.0, 3.0, 3.0];

fn tie_pairs() -> Vec<(f64, f64)> {
    TIE_A.iter().copied().zip(TIE_B).collect()
}

#[test]
fn tradingview_rule_crosses_above_at_index_4_only() {
    let out = Crossover::new().batch(&tie_pairs());
    assert_eq!(
        out,
        [
            None,
            Some(None),
            Some(None),
            Some(None),
            Some(Some(Cross::Above))
        ]
    );
}

#[test]
fn strict_rule_misses_the_cross_after_a_tie() {
    let out = Crossover::new()
        .with_rule(CrossRule::Strict)
        .batch(&tie_pairs());
    assert_eq!(out, [None, Some(None), Some(None), Some(None), Some(None)]);
}

#[test]
fn a_tie_on_the_current_bar_is_never_a_cross() {
    for rule in [CrossRule::TradingView, CrossRule::Strict] {
        let mut cross = Crossover::new().with_rule(rule);
        // below → tie, above → tie: neither tie is a cross.
        let out = cross.batch(&[(1.0, 2.0), (2.0, 2.0), (3.0, 2.0), (2.0, 2.0)]);
        assert_eq!(out[1], Some(None), "{rule:?}");
        assert_eq!(out[3], Some(None), "{rule:?}");
    }
}

#[test]
fn tradingview_counts_a_touch_then_a_move_away_as_a_cross() {
    // Above, touch, above again: TradingView reports a cross above (documented); strict does not.
    let pairs = [(3.0, 2.0), (2.0, 2.0), (3.0, 2.0), (2.0, 2.0), (1.0, 2.0)];
    let tradingview = Crossover::new().batch(&pairs);
    assert_eq!(indices_of(&tradingview, Cross::Above), [2]);
    assert_eq!(indices_of(&tradingview, Cross::Below), [4]);
    let strict = Crossover::new().with_rule(CrossRule::Strict).batch(&pairs);
    assert!(strict.iter().flatten().all(Option::is_none));
}

#[test]
fn the_tie_case_against_a_level() {
    // a against the constant 3 (b from index 2 on): TradingView crosses above at 4 only.
    let out = CrossLevel::new(3.0).unwrap().batch(&TIE_A);
    assert_eq!(indices_of(&out, Cross::Above), [4]);
    assert!(indices_of(&out, Cross::Below).is_empty());
    let strict = CrossLevel::new(3.0)
        .unwrap()
        .with_rule(CrossRule::Strict)
        .batch(&TIE_A);
    assert!(strict.iter().flatten().all(Option::is_none));
}

#[test]
fn a_nan_bar_is_skipped_not_a_signal() {
    let mut cross = Crossover::new();
    cross.update((1.0, 2.0));
    assert_eq!(cross.update((f64::NAN, 2.0)), None); // still warming up: no signal
    assert_eq!(cross.update((3.0, 2.0)), Some(Some(Cross::Above)));
    assert_eq!(cross.update((f64::NAN, 0.0)), Some(None)); // ignored: the cross is not repeated
    assert_eq!(cross.value(), Some(Some(Cross::Above))); // the last bar keeps its event
    assert_eq!(cross.update((4.0, 2.0)), Some(None));
    assert_eq!(cross.relation(), Some(Relation::Above));
}

// ---------------------------------------------------------------- crossovers: SMA5 vs SMA10

const SMA_5_10_ABOVE: [usize; 3] = [13, 26, 38];
const SMA_5_10_BELOW: [usize; 2] = [22, 34];

#[test]
fn sma5_crosses_sma10_on_series_b() {
    let out = MaCross::new(5, 10).unwrap().batch(&series_b());
    assert!(
        out[..10].iter().all(Option::is_none),
        "first output at k = 10"
    );
    assert!(out[10..].iter().all(Option::is_some));
    assert_eq!(indices_of(&out, MaCrossEvent::GoldenCross), SMA_5_10_ABOVE);
    assert_eq!(indices_of(&out, MaCrossEvent::DeathCross), SMA_5_10_BELOW);
}

#[test]
fn sma5_crosses_sma10_through_a_plain_crossover() {
    let closes = series_b();
    let fast = Sma::new(5).unwrap().batch(&closes);
    let slow = Sma::new(10).unwrap().batch(&closes);
    let mut cross = Crossover::new();
    let out: Vec<_> = fast
        .iter()
        .zip(&slow)
        .map(|pair| match pair {
            (Some(f), Some(s)) => cross.update((*f, *s)),
            _ => None,
        })
        .collect();
    assert_eq!(indices_of(&out, Cross::Above), SMA_5_10_ABOVE);
    assert_eq!(indices_of(&out, Cross::Below), SMA_5_10_BELOW);
    // No tie on Series B: the strict rule finds the same crosses.
    let strict = MaCross::new(5, 10)
        .unwrap()
        .with_rule(CrossRule::Strict)
        .batch(&closes);
    assert_eq!(
        indices_of(&strict, MaCrossEvent::GoldenCross),
        SMA_5_10_ABOVE
    );
    assert_eq!(
        indices_of(&strict, MaCrossEvent::DeathCross),
        SMA_5_10_BELOW
    );
}

#[test]
fn ema_and_generic_averages_cross_too() {
    let closes = series_b();
    let ema = MaCross::<f64>::ema(5, 10).unwrap();
    assert_eq!(ema.to_string(), "CROSS(EMA(5), EMA(10))");
    assert_eq!(ema.warmup_period(), 11);
    // An SMA against an EMA, through the generic constructor.
    let mut mixed = MaCross::with_averages(Sma::new(5).unwrap(), Ema::new(10).unwrap());
    assert_eq!(mixed.to_string(), "CROSS(SMA(5), EMA(10))");
    let out = mixed.batch(&closes);
    assert_eq!(out.iter().position(Option::is_some), Some(10));
    assert_eq!(
        mixed.fast().value(),
        Sma::new(5).unwrap().batch(&closes)[39]
    );
    assert_eq!(
        mixed.slow().value(),
        Ema::new(10).unwrap().batch(&closes)[39]
    );
}

// ---------------------------------------------------------------- zones on RSI(14)

/// RSI(14) of Series B fed into 70/30 zones: one reading per close (None while RSI warms up).
fn rsi_zones() -> (
    Vec<Option<f64>>,
    Vec<Option<ta_stream::signal::ZoneReading>>,
) {
    let mut rsi = Rsi::new(14).unwrap();
    let mut zones = Zones::default();
    series_b()
        .into_iter()
        .map(|close| {
            let value = rsi.update(close);
            (value, value.and_then(|r| zones.update(r)))
        })
        .unzip()
}

fn zone_events(event: ZoneEvent) -> Vec<usize> {
    let (_, readings) = rsi_zones();
    readings
        .iter()
        .enumerate()
        .filter(|(_, reading)| reading.is_some_and(|r| r.has(event)))
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn rsi_values_around_the_overbought_exits() {
    let (rsi, _) = rsi_zones();
    for (k, expected) in [(19, 72.1607), (20, 67.3653), (32, 70.2557), (33, 66.2741)] {
        let value = rsi[k].unwrap();
        assert!((value - expected).abs() < 5e-5, "RSI at k = {k}: {value}");
    }
}

#[test]
fn zones_on_series_b_leave_overbought_at_20_and_33() {
    assert_eq!(zone_events(ZoneEvent::LeftOverbought), [20, 33]);
}

#[test]
fn zones_on_series_b_enter_overbought_at_24_and_37() {
    assert_eq!(zone_events(ZoneEvent::EnteredOverbought), [24, 37]);
}

#[test]
fn zones_on_series_b_never_reach_oversold() {
    let (rsi, readings) = rsi_zones();
    assert!(rsi.iter().flatten().all(|&r| r > 30.0));
    assert!(zone_events(ZoneEvent::EnteredOversold).is_empty());
    assert!(zone_events(ZoneEvent::LeftOversold).is_empty());
    // The first reading (k = 14) has a zone but no event.
    let first = readings[14].unwrap();
    assert_eq!(first.previous(), None);
    assert_eq!(first.events().count(), 0);
    assert!(readings[..14].iter().all(Option::is_none));
}

#[test]
fn zone_exits_are_tradingview_crossunder_and_crossover_of_the_levels() {
    let (rsi, readings) = rsi_zones();
    let rsi: Vec<f64> = rsi.into_iter().flatten().collect();
    let readings: Vec<_> = readings.into_iter().flatten().collect();
    let below_70 = CrossLevel::new(70.0).unwrap().batch(&rsi);
    for (t, (reading, cross)) in readings.iter().zip(&below_70).enumerate().skip(1) {
        assert_eq!(
            reading.has(ZoneEvent::LeftOverbought),
            *cross == Some(Some(Cross::Below)),
            "bar {t}"
        );
    }
}

#[test]
fn a_value_on_the_level_is_inside_the_zone() {
    let mut zones = Zones::new(70.0, 30.0).unwrap();
    let out: Vec<_> = [50.0, 70.0, 69.0, 30.0, 31.0]
        .into_iter()
        .map(|x| zones.update(x).unwrap())
        .collect();
    assert_eq!(out[1].zone(), Zone::Overbought);
    assert_eq!(out[1].entry(), Some(ZoneEvent::EnteredOverbought));
    assert_eq!(out[2].exit(), Some(ZoneEvent::LeftOverbought));
    assert_eq!(out[3].zone(), Zone::Oversold);
    assert_eq!(out[3].entry(), Some(ZoneEvent::EnteredOversold));
    assert_eq!(out[4].exit(), Some(ZoneEvent::LeftOversold));
}

#[test]
fn a_jump_from_one_extreme_to_the_other_is_an_exit_and_an_entry() {
    let mut zones = Zones::default();
    zones.update(80.0);
    let reading = zones.update(20.0).unwrap();
    assert_eq!(
        reading.events().collect::<Vec<_>>(),
        [ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold]
    );
    assert_eq!(reading.previous(), Some(Zone::Overbought));
}

// ---------------------------------------------------------------- MA position

#[test]
fn ma_position_on_series_b_at_k_39() {
    let closes = series_b();
    let mut position = MaPosition::new(&[(MaKind::Sma, 20), (MaKind::Ema, 20)]).unwrap();
    let reading = position.batch(&closes)[39].unwrap();
    assert_eq!(reading.price(), closes[39]);
    let sma = reading.find(MaKind::Sma, 20).unwrap();
    let ema = reading.find(MaKind::Ema, 20).unwrap();
    assert!((sma.value() - 114.2744088281).abs() < 5e-11);
    assert!((ema.value() - 114.4855128591).abs() < 5e-11);
    assert!(sma.is_above() && ema.is_above());
    assert_eq!(sma.relation(), Relation::Above);
    let distance = sma.distance_percent().unwrap();
    assert!((distance - 6.162544).abs() < 5e-7, "{distance}");
    assert_eq!(reading.above_all(), Some(true));
    assert_eq!(reading.below_all(), Some(false));
}

#[test]
fn above_all_is_undefined_until_the_200_day_average_exists() {
    let closes = series_b();
    let mut key = MaPosition::key_averages().unwrap();
    assert_eq!(key.to_string(), "MA_POSITION(SMA(20), SMA(50), SMA(200))");
    let out = key.batch(&closes);
    assert!(out[..19].iter().all(Option::is_none));
    let last = out[39].unwrap();
    assert!(last.find(MaKind::Sma, 20).unwrap().is_above());
    assert_eq!(last.find(MaKind::Sma, 50), None);
    assert_eq!(last.above_all(), None);
    assert_eq!(last.averages().filter(Option::is_some).count(), 1);

    // 200 bars of a rising line: above all from the 200th on.
    let rising: Vec<f64> = (0..201).map(|i| 100.0 + f64::from(i)).collect();
    let out = MaPosition::key_averages().unwrap().batch(&rising);
    assert_eq!(out[198].unwrap().above_all(), None);
    assert_eq!(out[199].unwrap().above_all(), Some(true));
    assert_eq!(out[200].unwrap().averages().count(), 3);
}

// ---------------------------------------------------------------- invalid parameters

fn parameter_error<T: std::fmt::Debug>(result: Result<T, Error>) -> (&'static str, String) {
    match result.expect_err("invalid parameter accepted") {
        Error::InvalidParameter { name, value, .. } => (name, value),
        other => panic!("unexpected error {other:?}"),
    }
}

#[test]
fn ma_cross_needs_a_fast_period_below_the_slow_one() {
    assert_eq!(
        parameter_error(MaCross::<f64>::new(200, 50)),
        ("fast_period", "200".to_owned())
    );
    assert_eq!(
        parameter_error(MaCross::<f64>::new(50, 50)),
        ("fast_period", "50".to_owned())
    );
    assert_eq!(
        parameter_error(MaCross::<f64>::ema(0, 50)),
        ("fast_period", "0".to_owned())
    );
    assert_eq!(
        parameter_error(MaCross::<f64>::new(50, 100_001)),
        ("slow_period", "100001".to_owned())
    );
    let message = MaCross::<f64>::new(200, 50).unwrap_err().to_string();
    assert_eq!(
        message,
        "invalid parameter `fast_period` = 200: expected less than `slow_period`"
    );
}

#[test]
fn zones_need_overbought_above_oversold_and_finite_levels() {
    assert_eq!(
        parameter_error(Zones::new(30.0, 70.0)),
        ("overbought", "30.0".to_owned())
    );
    assert_eq!(
        parameter_error(Zones::new(50.0, 50.0)),
        ("overbought", "50.0".to_owned())
    );
    assert_eq!(
        parameter_error(Zones::new(f64::NAN, 30.0)),
        ("overbought", "NaN".to_owned())
    );
    assert_eq!(
        parameter_error(Zones::new(70.0, f64::NEG_INFINITY)),
        ("oversold", "-inf".to_owned())
    );
    assert_eq!(parameter_error(CrossLevel::new(1e300)).0, "level");
    assert!(Zones::new(-20.0, -80.0).is_ok()); // Williams %R
}

#[test]
fn ma_position_needs_1_to_8_distinct_valid_averages() {
    assert_eq!(parameter_error(MaPosition::<f64>::sma(&[])).0, "periods");
    assert_eq!(
        parameter_error(MaPosition::<f64>::sma(&[1, 2, 3, 4, 5, 6, 7, 8, 9])).0,
        "periods"
    );
    assert_eq!(
        parameter_error(MaPosition::<f64>::ema(&[20, 20])),
        ("periods", "[20, 20]".to_owned())
    );
    assert_eq!(
        parameter_error(MaPosition::<f64>::sma(&[20, 0])).0,
        "periods"
    );
    assert_eq!(
        parameter_error(MaPosition::<f64>::new(&[
            (MaKind::Sma, 20),
            (MaKind::Sma, 20)
        ]))
        .0,
        "averages"
    );
    assert!(MaPosition::<f64>::new(&[(MaKind::Sma, 20), (MaKind::Ema, 20)]).is_ok());
    assert!(MaPosition::<f64>::sma(&[1, 2, 3, 4, 5, 6, 7, 8]).is_ok());
}

#[test]
fn labels() {
    assert_eq!(Crossover::<f64>::new().to_string(), "CROSS");
    assert_eq!(CrossLevel::new(0.5).unwrap().to_string(), "CROSS(0.5)");
    assert_eq!(
        CrossLevel::new(-100.0)
            .unwrap()
            .with_rule(CrossRule::Strict)
            .to_string(),
        "CROSS(-100)[strict]"
    );
    assert_eq!(
        MaCross::<f64>::new(50, 200).unwrap().to_string(),
        "CROSS(SMA(50), SMA(200))"
    );
    assert_eq!(Zones::<f64>::default().to_string(), "ZONES(70, 30)");
    assert_eq!(
        Zones::new(80.0_f32, 20.0).unwrap().to_string(),
        "ZONES(80, 20)"
    );
    assert_eq!(MaCrossEvent::GoldenCross.to_string(), "golden cross");
    assert_eq!(ZoneEvent::LeftOverbought.to_string(), "left overbought");
}

#[test]
fn the_default_ma_cross_is_sma_50_against_sma_200() {
    let default = ta_stream::signal::MaCross::<f64>::default();
    assert_eq!(default, ta_stream::signal::MaCross::new(50, 200).unwrap());
    assert_eq!(default.warmup_period(), 201);
}

// ---------------------------------------------------------------- events once

#[test]
fn ma_cross_fed_up_to_a_golden_cross_then_nan_reports_it_once() {
    let mut cross = MaCross::new(2, 3).unwrap();
    let events = cross.batch(&[5.0, 4.0, 3.0, 2.0, 6.0]);
    assert_eq!(events[4], Some(Some(MaCrossEvent::GoldenCross)));
    assert_eq!(cross.peek(f64::NAN), Some(None));
    assert_eq!(cross.update(f64::NAN), Some(None));
    assert_eq!(cross.try_update(f64::NAN), Err(Error::InvalidInput));
    assert_eq!(cross.update(1e151), Some(None)); // outside the usable range
                                                 // The last committed bar still holds its event.
    assert_eq!(cross.value(), Some(Some(MaCrossEvent::GoldenCross)));
    // The next usable price is compared with the last usable one: no second golden cross.
    assert_eq!(cross.update(7.0), Some(None));
    // On a fresh detector, one golden cross however many bad ticks follow it.
    let mut fresh = MaCross::new(2, 3).unwrap();
    let golden = [
        5.0,
        4.0,
        3.0,
        2.0,
        6.0,
        f64::NAN,
        f64::NAN,
        f64::INFINITY,
        7.0,
    ]
    .iter()
    .map(|&x| fresh.update(x))
    .filter(|event| *event == Some(Some(MaCrossEvent::GoldenCross)))
    .count();
    assert_eq!(golden, 1);
}

#[test]
fn ma_cross_ignored_inputs_during_the_warm_up_give_none() {
    let mut cross = MaCross::new(2, 3).unwrap();
    assert_eq!(cross.update(f64::NAN), None);
    cross.batch(&[5.0, 4.0]);
    assert_eq!(cross.peek(f64::NAN), None);
}

#[test]
fn crossover_fed_up_to_a_cross_then_nan_reports_it_once() {
    let mut cross = Crossover::new();
    assert_eq!(cross.update((f64::NAN, 1.0)), None); // nothing to compare with yet
    assert_eq!(cross.update((1.0, 2.0)), None);
    assert_eq!(cross.update((3.0, 2.0)), Some(Some(Cross::Above)));
    assert_eq!(cross.peek((f64::NAN, 2.0)), Some(None));
    assert_eq!(cross.update((3.0, f64::INFINITY)), Some(None));
    assert_eq!(cross.value(), Some(Some(Cross::Above)));
    assert_eq!(cross.update((4.0, 2.0)), Some(None));
}

#[test]
fn cross_level_fed_up_to_a_cross_then_nan_reports_it_once() {
    let mut zero_line = CrossLevel::new(0.0).unwrap();
    assert_eq!(
        zero_line.batch(&[1.0, -1.0]),
        [None, Some(Some(Cross::Below))]
    );
    assert_eq!(zero_line.update(f64::NAN), Some(None));
    assert_eq!(zero_line.peek(f64::NEG_INFINITY), Some(None));
    assert_eq!(zero_line.value(), Some(Some(Cross::Below)));
    assert_eq!(zero_line.update(-2.0), Some(None));
}

#[test]
fn zones_fed_up_to_an_entry_then_nan_report_it_once() {
    let mut zones = Zones::default();
    zones.update(65.0);
    let entered = zones.update(72.0).unwrap();
    assert!(entered.has(ZoneEvent::EnteredOverbought));
    for quiet in [zones.peek(f64::NAN), zones.update(f64::NAN)] {
        let quiet = quiet.expect("warmed up");
        assert_eq!(quiet.zone(), Zone::Overbought);
        assert_eq!(quiet.events().count(), 0);
        assert_eq!((quiet.entry(), quiet.exit()), (None, None));
    }
    assert!(zones.value().unwrap().has(ZoneEvent::EnteredOverbought));
    // Still overbought on the next value: no second entry.
    assert_eq!(zones.update(75.0).unwrap().events().count(), 0);
    // On the very first reading there is no previous zone either way.
    let mut fresh = Zones::default();
    fresh.update(20.0);
    let quiet = fresh.update(f64::NAN).unwrap();
    assert_eq!((quiet.zone(), quiet.previous()), (Zone::Oversold, None));
}

#[test]
fn ma_position_readings_are_positions_and_an_ignored_input_keeps_them() {
    let mut position = MaPosition::sma(&[2]).unwrap();
    position.batch(&[10.0, 12.0]);
    let last = position.value();
    assert!(last.is_some());
    assert_eq!(position.update(f64::NAN), last);
    assert_eq!(position.peek(f64::NAN), last);
}
