//! TA-Lib parity of the candlestick patterns, exactly, at every bar, warm-up included.
//!
//! `tests/data/talib/patterns/<series>.csv` (written by `scripts/generate_pattern_fixtures.py`
//! with TA-Lib 0.8.1) holds the bars and one column per TA-Lib call: the integer output, empty
//! in the lookback. Each pattern is checked through the catalog (its typed indicator, every
//! penetration column), and [`CandlePatterns`] against every implemented pattern's default
//! column, the `settings` series with TA-Lib's candle settings changed as the generator
//! changes them.
//!
//! A new pattern gets one line in the `parity!` list below.

use std::fs;

use ta_stream::bar::Candle;
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::pattern::{
    code, CandlePatterns, CandleSetting, CandleSettings, PatternId, RangeKind, Setting,
};
use ta_stream::Indicator;

/// The series with TA-Lib's default settings (`settings` has its own test).
const DEFAULT_SERIES: &[&str] = &["ndx", "grid", "trend", "planted_first", "planted_second"];

struct Fixture {
    candles: Vec<Candle<f64>>,
    /// (spec, TA-Lib's output per bar, `None` in the lookback), in file order: a pattern's
    /// default parameters first.
    columns: Vec<(String, Vec<Option<i32>>)>,
}

fn fixture(series: &str) -> Option<Fixture> {
    let path = format!(
        "{}/tests/data/talib/patterns/{series}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let mut candles = Vec::new();
    let mut columns: Vec<(String, Vec<Option<i32>>)> = header
        .iter()
        .skip(4)
        .map(|name| (name.to_string(), Vec::new()))
        .collect();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), header.len(), "{series}: {line}");
        let x = |i: usize| cells[i].parse::<f64>().unwrap();
        candles.push(Candle::new(x(0), x(1), x(2), x(3), 0.0).unwrap());
        for ((_, column), cell) in columns.iter_mut().zip(&cells[4..]) {
            column.push((!cell.is_empty()).then(|| cell.parse::<i32>().unwrap()));
        }
    }
    Some(Fixture { candles, columns })
}

/// Mismatches of `got` against `expected`, as readable lines.
fn differences(
    label: &str,
    expected: &[Option<i32>],
    got: impl Iterator<Item = Option<i32>>,
) -> Vec<String> {
    expected
        .iter()
        .zip(got)
        .enumerate()
        .filter(|(_, (e, g))| *e != g)
        .map(|(i, (e, g))| format!("{label} bar {i}: TA-Lib {e:?}, crate {g:?}"))
        .collect()
}

/// Every column of `name` on every default series, through the catalog. Returns the number
/// of bars compared.
fn check_pattern(name: &str) -> usize {
    let mut failures = Vec::new();
    let mut compared = 0;
    for series in DEFAULT_SERIES {
        let Some(fixture) = fixture(series) else {
            continue;
        };
        let columns = fixture
            .columns
            .iter()
            .filter(|(spec, _)| spec == name || spec.starts_with(&format!("{name}(")));
        for (spec, expected) in columns {
            let mut indicator = DynIndicator::parse(spec).unwrap();
            let got = fixture.candles.iter().map(|&c| {
                indicator
                    .update(DynInput::candle(c))
                    .map(|out| out.as_slice()[0] as i32)
            });
            failures.extend(differences(&format!("{series} {spec}"), expected, got));
            compared += expected.len();
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} bars differ from TA-Lib; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(12)].join("\n")
    );
    compared
}

/// The default column of each pattern of `patterns` against its TA-Lib column.
fn check_all(series: &str, mut patterns: CandlePatterns<f64>) -> usize {
    let Some(fixture) = fixture(series) else {
        return 0;
    };
    let ids: Vec<PatternId> = patterns.patterns().collect();
    let outputs: Vec<_> = fixture
        .candles
        .iter()
        .map(|&c| patterns.update(c))
        .collect();
    let mut failures = Vec::new();
    let mut compared = 0;
    for id in ids {
        let column = fixture
            .columns
            .iter()
            .find(|(spec, _)| spec.split('(').next() == Some(id.name()))
            .map(|(_, column)| column)
            .unwrap_or_else(|| panic!("{series}: no column for {id}"));
        // A pattern still warming up is absent from the set: TA-Lib's lookback is empty.
        let first = column
            .iter()
            .position(Option::is_some)
            .unwrap_or(column.len());
        let got = outputs.iter().enumerate().map(|(i, set)| {
            if i < first {
                None
            } else {
                set.map(|set| code(set.get(id)))
            }
        });
        failures.extend(differences(&format!("{series} {id}"), column, got));
        // And the set is `Some` from the first bar any pattern is decided.
        compared += column.len();
    }
    assert!(
        failures.is_empty(),
        "{} bars differ from TA-Lib; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(12)].join("\n")
    );
    compared
}

#[test]
fn all_patterns_match_talib_with_default_settings() {
    let compared: usize = DEFAULT_SERIES
        .iter()
        .map(|series| check_all(series, CandlePatterns::new()))
        .sum();
    assert!(compared > 0);
}

/// The `settings` series: TA-Lib's candle settings changed as the generator's `SETTINGS`.
#[test]
fn all_patterns_match_talib_with_other_candle_settings() {
    use RangeKind::{HighLow, RealBody, Shadows};
    let changed = [
        (Setting::BodyLong, RealBody, 7, 1.5),
        (Setting::BodyVeryLong, HighLow, 4, 0.9),
        (Setting::BodyShort, Shadows, 3, 1.2),
        (Setting::BodyDoji, RealBody, 6, 0.25),
        (Setting::ShadowLong, Shadows, 3, 1.0),
        (Setting::ShadowVeryLong, RealBody, 2, 2.5),
        (Setting::ShadowShort, RealBody, 4, 0.8),
        (Setting::ShadowVeryShort, HighLow, 0, 0.2),
        (Setting::Near, HighLow, 8, 0.3),
        (Setting::Far, RealBody, 3, 1.1),
        (Setting::Equal, Shadows, 6, 0.1),
    ];
    let mut settings = CandleSettings::default();
    for (setting, range, period, factor) in changed {
        settings.set(setting, CandleSetting::new(range, period, factor));
    }
    let compared = check_all("settings", CandlePatterns::with_settings(settings).unwrap());
    assert!(compared > 0);
}

/// The set is `Some` exactly from the shortest lookback on.
#[test]
fn all_patterns_warm_up_with_the_first_pattern_decided() {
    let fixture = fixture("ndx").unwrap();
    let mut patterns = CandlePatterns::new();
    let warmup = patterns.warmup_period();
    let out = patterns.batch(&fixture.candles);
    assert!(out[..warmup - 1].iter().all(Option::is_none));
    assert!(out[warmup - 1..].iter().all(Option::is_some));
}

macro_rules! parity {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            assert!(check_pattern($name) > 0, "{}: no values compared", $name);
        }
    )*};
}

// One line per pattern, in TA-Lib's order; names from CDLKICKING on after the marker.
parity! {
    cdl2crows => "CDL2CROWS",
    cdl3blackcrows => "CDL3BLACKCROWS",
    cdl3inside => "CDL3INSIDE",
    cdl3linestrike => "CDL3LINESTRIKE",
    cdl3outside => "CDL3OUTSIDE",
    cdl3starsinsouth => "CDL3STARSINSOUTH",
    cdl3whitesoldiers => "CDL3WHITESOLDIERS",
    cdlabandonedbaby => "CDLABANDONEDBABY",
    cdladvanceblock => "CDLADVANCEBLOCK",
    cdlbelthold => "CDLBELTHOLD",
    cdlbreakaway => "CDLBREAKAWAY",
    cdlclosingmarubozu => "CDLCLOSINGMARUBOZU",
    cdlconcealbabyswall => "CDLCONCEALBABYSWALL",
    cdlcounterattack => "CDLCOUNTERATTACK",
    cdldarkcloudcover => "CDLDARKCLOUDCOVER",
    cdldoji => "CDLDOJI",
    cdldojistar => "CDLDOJISTAR",
    cdldragonflydoji => "CDLDRAGONFLYDOJI",
    cdlengulfing => "CDLENGULFING",
    cdleveningdojistar => "CDLEVENINGDOJISTAR",
    cdleveningstar => "CDLEVENINGSTAR",
    cdlgapsidesidewhite => "CDLGAPSIDESIDEWHITE",
    cdlgravestonedoji => "CDLGRAVESTONEDOJI",
    cdlhammer => "CDLHAMMER",
    cdlhangingman => "CDLHANGINGMAN",
    cdlharami => "CDLHARAMI",
    cdlharamicross => "CDLHARAMICROSS",
    cdlhighwave => "CDLHIGHWAVE",
    cdlhikkake => "CDLHIKKAKE",
    cdlhikkakemod => "CDLHIKKAKEMOD",
    cdlhomingpigeon => "CDLHOMINGPIGEON",
    cdlidentical3crows => "CDLIDENTICAL3CROWS",
    cdlinneck => "CDLINNECK",
    cdlinvertedhammer => "CDLINVERTEDHAMMER",
    // ---- patterns from CDLKICKING on ----

    cdlkicking => "CDLKICKING",
    cdlkickingbylength => "CDLKICKINGBYLENGTH",
    cdlladderbottom => "CDLLADDERBOTTOM",
    cdllongleggeddoji => "CDLLONGLEGGEDDOJI",
    cdllongline => "CDLLONGLINE",
    cdlmarubozu => "CDLMARUBOZU",
    cdlmatchinglow => "CDLMATCHINGLOW",
    cdlmathold => "CDLMATHOLD",
    cdlmorningdojistar => "CDLMORNINGDOJISTAR",
    cdlmorningstar => "CDLMORNINGSTAR",
    cdlonneck => "CDLONNECK",
    cdlpiercing => "CDLPIERCING",
    cdlrickshawman => "CDLRICKSHAWMAN",
    cdlrisefall3methods => "CDLRISEFALL3METHODS",
    cdlseparatinglines => "CDLSEPARATINGLINES",
    cdlshootingstar => "CDLSHOOTINGSTAR",
    cdlshortline => "CDLSHORTLINE",
    cdlspinningtop => "CDLSPINNINGTOP",
    cdlstalledpattern => "CDLSTALLEDPATTERN",
    cdlsticksandwich => "CDLSTICKSANDWICH",
    cdltakuri => "CDLTAKURI",
    cdltasukigap => "CDLTASUKIGAP",
    cdlthrusting => "CDLTHRUSTING",
    cdltristar => "CDLTRISTAR",
    cdlunique3river => "CDLUNIQUE3RIVER",
    cdlupsidegap2crows => "CDLUPSIDEGAP2CROWS",
    cdlxsidegap3methods => "CDLXSIDEGAP3METHODS",
    // ---- end of the patterns ----
}
