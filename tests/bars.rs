//! Bar validation: every rule of `Candle::validate` and `BarSequence::check` is an error
//! that says which rule was broken, and valid bars pass.

use chrono::{TimeZone, Utc};
use ta_stream::bar::{Bar, BarSequence, Candle, Ohlcv};
use ta_stream::{CheckedInput, Error};

fn message(result: Result<Candle<f64>, Error>) -> String {
    match result {
        Err(Error::InvalidBar(message)) => message,
        other => panic!("expected an invalid bar, got {other:?}"),
    }
}

#[test]
fn a_valid_candle_passes_including_a_flat_one() {
    assert!(Candle::new(10.0, 12.0, 9.0, 11.0, 100.0).is_ok());
    assert!(Candle::new(5.0, 5.0, 5.0, 5.0, 0.0).is_ok());
}

#[test]
fn each_broken_rule_is_named() {
    let cases = [
        (
            Candle::new(10.0, 9.0, 11.0, 10.0, 1.0),
            "high must not be below low",
        ),
        (
            Candle::new(13.0, 12.0, 9.0, 11.0, 1.0),
            "open must lie within [low, high]",
        ),
        (
            Candle::new(10.0, 12.0, 9.0, 8.0, 1.0),
            "close must lie within [low, high]",
        ),
        (
            Candle::new(10.0, 12.0, 9.0, 11.0, -1.0),
            "volume must not be negative",
        ),
        (
            Candle::new(f64::NAN, 12.0, 9.0, 11.0, 1.0),
            "must be finite",
        ),
        (
            Candle::new(10.0, f64::INFINITY, 9.0, 11.0, 1.0),
            "must be finite",
        ),
    ];
    for (result, rule) in cases {
        let text = message(result);
        assert!(text.contains(rule), "{text:?} should name {rule:?}");
    }
}

#[test]
fn the_error_message_shows_the_numbers() {
    let error = Candle::new(10.0, 9.0, 11.0, 10.0, 1.0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid bar: high must not be below low (open 10.0, high 9.0, low 11.0, close 10.0, volume 1.0)"
    );
}

#[test]
fn timestamps_must_strictly_increase() {
    let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 100.0).unwrap();
    let at = |day| Bar::new(Utc.with_ymd_and_hms(2024, 3, day, 0, 0, 0).unwrap(), candle);
    let mut sequence = BarSequence::new();
    assert!(sequence.check(&at(4)).is_ok());
    assert!(sequence.check(&at(5)).is_ok());
    let repeated = sequence.check(&at(5)).unwrap_err().to_string();
    assert!(
        repeated.contains("does not follow the previous bar"),
        "{repeated}"
    );
    assert!(sequence.check(&at(1)).is_err());
    // A rejected bar is not remembered: the next valid one still follows day 5.
    assert!(sequence.check(&at(6)).is_ok());
}

#[test]
fn an_invalid_candle_in_a_sequence_is_refused_before_its_timestamp_is_kept() {
    let broken = Candle {
        open: 1.0,
        high: 0.0,
        low: 2.0,
        close: 1.0,
        volume: 0.0,
    };
    let bar = Bar::new(Utc.with_ymd_and_hms(2024, 3, 4, 0, 0, 0).unwrap(), broken);
    let mut sequence = BarSequence::new();
    assert!(sequence.check(&bar).is_err());
    let valid = Bar::new(bar.timestamp, Candle::new(1.0, 2.0, 0.5, 1.5, 0.0).unwrap());
    assert!(sequence.check(&valid).is_ok());
}

#[test]
fn candles_are_usable_only_when_every_number_is() {
    let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 100.0).unwrap();
    assert!(candle.is_usable());
    assert!(!Candle {
        volume: f64::NAN,
        ..candle
    }
    .is_usable());
    assert!(!Candle {
        low: -1e200,
        ..candle
    }
    .is_usable());
}

#[test]
fn a_bar_and_its_candle_agree_through_the_ohlcv_trait() {
    let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 100.0).unwrap();
    let bar = Bar::new(Utc.with_ymd_and_hms(2024, 3, 4, 0, 0, 0).unwrap(), candle);
    assert_eq!(bar.candle(), candle);
    assert_eq!(
        (bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()),
        (10.0, 12.0, 9.0, 11.0, 100.0)
    );
}
