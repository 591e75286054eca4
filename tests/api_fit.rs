//! The API-fit additions: `Candle` from a tuple or an array, the `chrono` re-export,
//! `percentile_ranks_of` for `Option` outputs, `Indicator::warm_up`, the `LevelsConfig`
//! builder, and matching the `#[non_exhaustive]` configuration enums from outside the crate.

use ta_stream::average::{Ema, Seed};
use ta_stream::bar::{Bar, Candle};
use ta_stream::chrono::{TimeZone, Utc};
use ta_stream::levels::{LevelsConfig, SupportResistance, Tolerance};
use ta_stream::momentum::{FlatRsi, Rsi};
use ta_stream::relative::{percentile_ranks, percentile_ranks_of};
use ta_stream::{Error, Indicator};

#[test]
fn candle_from_a_tuple_or_an_array_is_candle_new_in_open_high_low_close_volume_order() {
    let expected = Candle {
        open: 100.0,
        high: 105.0,
        low: 99.0,
        close: 104.0,
        volume: 1_000.0,
    };
    assert_eq!(
        Candle::try_from((100.0, 105.0, 99.0, 104.0, 1_000.0)),
        Ok(expected)
    );
    assert_eq!(
        Candle::try_from([100.0, 105.0, 99.0, 104.0, 1_000.0]),
        Ok(expected)
    );
    let single: Result<Candle<f32>, Error> = [1.0_f32, 2.0, 0.5, 1.5, 0.0].try_into();
    assert_eq!(single.map(|c| c.low), Ok(0.5));
}

#[test]
fn candle_from_a_tuple_or_an_array_is_validated() {
    let invalid = [
        (100.0, 99.0, 101.0, 100.0, 0.0),  // high below low
        (98.0, 105.0, 99.0, 104.0, 0.0),   // open below low
        (100.0, 105.0, 99.0, 106.0, 0.0),  // close above high
        (100.0, 105.0, 99.0, 104.0, -1.0), // negative volume
        (f64::NAN, 105.0, 99.0, 104.0, 0.0),
        (100.0, f64::INFINITY, 99.0, 104.0, 0.0),
        (100.0, 1e151, 99.0, 104.0, 0.0), // beyond the usable range
    ];
    for row in invalid {
        let (o, h, l, c, v) = row;
        assert!(
            matches!(Candle::try_from(row), Err(Error::InvalidBar(_))),
            "{row:?}"
        );
        assert!(
            matches!(Candle::try_from([o, h, l, c, v]), Err(Error::InvalidBar(_))),
            "{row:?}"
        );
    }
}

#[test]
fn chrono_is_re_exported_for_bar_timestamps() {
    let time = Utc
        .with_ymd_and_hms(2025, 11, 11, 15, 30, 0)
        .single()
        .unwrap();
    let bar = Bar::new(time, Candle::new(1.0, 2.0, 0.5, 1.5, 0.0).unwrap());
    // The same type as the crate's own `chrono`: the field takes it as is.
    let _: ta_stream::chrono::DateTime<ta_stream::chrono::Utc> = bar.timestamp;
    assert_eq!(bar.timestamp.to_rfc3339(), "2025-11-11T15:30:00+00:00");
}

#[test]
fn percentile_ranks_of_options_rates_none_as_none_and_the_rest_as_percentile_ranks() {
    // Expected by hand: 4 values, rating round(1 + 98·below/3).
    let outputs = [
        Some(4.0),
        None,
        Some(-1.0),
        Some(2.5),
        Some(0.0),
        Some(f64::NAN),
    ];
    assert_eq!(
        percentile_ranks_of(&outputs),
        [Some(99), None, Some(1), Some(66), Some(34), None]
    );
    // Ties share the average rating, as in `percentile_ranks`.
    assert_eq!(
        percentile_ranks_of(&[Some(1.0), Some(1.0), None, Some(2.0)]),
        [Some(26), Some(26), None, Some(99)]
    );
    assert_eq!(
        percentile_ranks_of(&[None, Some(3.0_f32)]),
        [None, Some(50)]
    );
    assert!(percentile_ranks_of::<f64>(&[]).is_empty());
    assert_eq!(percentile_ranks_of::<f64>(&[None, None]), [None, None]);
    // All `Some`: identical to `percentile_ranks` of the values.
    let values = [3.0, -2.0, 7.5, 3.0, 0.1, 12.0, -2.0];
    let wrapped: Vec<Option<f64>> = values.iter().copied().map(Some).collect();
    assert_eq!(percentile_ranks_of(&wrapped), percentile_ranks(&values));
}

#[test]
fn warm_up_returns_the_last_output_and_leaves_the_state_of_an_update_loop() {
    let history: Vec<f64> = (0..100)
        .map(|i| 50.0 + (f64::from(i) * 0.7).sin() * 3.0)
        .collect();
    let mut looped = Rsi::new(14).unwrap();
    let outputs = looped.batch(&history);
    let mut warmed = Rsi::new(14).unwrap();
    let last = warmed.warm_up(history.iter().copied());
    assert_eq!(last, *outputs.last().unwrap());
    assert_eq!(
        last.map(f64::to_bits),
        looped.value().map(f64::to_bits),
        "bit-identical"
    );
    assert_eq!(warmed, looped);
    // Streaming on after warm_up continues exactly as after the loop.
    assert_eq!(warmed.update(51.0), looped.update(51.0));
    // A Vec works as well as an iterator; an empty history changes nothing.
    let mut ema = Ema::with_seed(3, Seed::FirstValue).unwrap();
    assert_eq!(ema.warm_up(vec![1.0, 2.0, 3.0]), ema.value());
    let before = ema.clone();
    assert_eq!(ema.warm_up(Vec::new()), None);
    assert_eq!(ema, before);
}

#[test]
fn levels_config_builder_sets_each_field_and_keeps_the_other_defaults() {
    let default = LevelsConfig::<f64>::default();
    let built = LevelsConfig::default()
        .with_bars(3)
        .with_tolerance(Tolerance::Atr {
            multiple: 0.5,
            period: 10,
        })
        .with_break_percent(None)
        .with_break_closes(Some(4))
        .with_capacity(8)
        .with_max_age(None);
    let mut assigned = LevelsConfig::default();
    assigned.bars = 3;
    assigned.tolerance = Tolerance::Atr {
        multiple: 0.5,
        period: 10,
    };
    assigned.break_percent = None;
    assigned.break_closes = Some(4);
    assigned.capacity = 8;
    assigned.max_age = None;
    assert_eq!(built, assigned);
    assert_ne!(built, default);
    let only_bars = default.with_bars(2);
    assert_eq!(only_bars.bars, 2);
    assert_eq!(only_bars.with_bars(default.bars), default);
    assert!(SupportResistance::new(built).is_ok());
    let invalid = default.with_capacity(1);
    assert!(matches!(
        SupportResistance::new(invalid),
        Err(Error::InvalidParameter {
            name: "capacity",
            ..
        })
    ));
}

#[test]
fn non_exhaustive_configuration_enums_match_with_a_wildcard_outside_the_crate() {
    let describe = |flat: FlatRsi| match flat {
        FlatRsi::Neutral => "50",
        FlatRsi::TaLib => "0",
        _ => "a later convention",
    };
    assert_eq!(describe(FlatRsi::default()), "50");
    assert_eq!(describe(FlatRsi::TaLib), "0");
}
