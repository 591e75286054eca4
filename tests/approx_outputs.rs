//! `approx` for every output type: within the tolerance in every float field compares equal,
//! beyond it in any one float field does not, and any change in a non-float field (count,
//! kind, regime, event, name, flag, presence of an optional value) does not either, however
//! large the tolerance. Values are built from JSON so that private fields can be set one at a
//! time, and every leaf of the value must be listed, so a field forgotten here fails too.
#![cfg(all(feature = "approx", feature = "serde"))]

use std::fmt::Debug;

use approx::{assert_relative_eq, AbsDiffEq, RelativeEq, UlpsEq};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use ta_stream::bar::{Bar, Candle};
use ta_stream::index::capping::WaterFill;
use ta_stream::index::{
    Breach, CompanyWeight, DoubleCount, SectorComposition, Security, SecurityWeight, StageReport,
    Weighting, WeightingReport,
};
use ta_stream::levels::{
    Cluster, Level, LevelEvent, LevelsReading, PivotLevels, Swing, SwingReading,
};
use ta_stream::math::MinMaxOutput;
use ta_stream::momentum::directional::{DirectionalOutput, VortexOutput};
use ta_stream::momentum::{
    AroonOutput, ElderRayOutput, KdjOutput, MacdOutput, SmiOutput, StochasticOutput,
};
use ta_stream::relative::RatioLineOutput;
use ta_stream::risk::DrawdownOutput;
use ta_stream::sentiment::{OptionVolume, PutCallReading};
use ta_stream::trend::StopOutput;
use ta_stream::volatility::BandLines;
use ta_stream::volatility::Bands;
use ta_stream::volume::VwapBands;

/// Relative change that stays within the tolerances below.
const NEAR: f64 = 1e-12;
/// Relative change that is beyond them.
const FAR: f64 = 1e-6;
/// The relative tolerance used (and, scaled by the field, the absolute one).
const MAX_RELATIVE: f64 = 1e-9;
/// 1e-12 relative is about 4500 ulps, 1e-6 about 4.5e9.
const MAX_ULPS: u32 = 1_000_000;

/// Every leaf (number, string, bool, null) of `value`, as JSON pointers.
fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| leaves(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, format!("{at}/{i}"), out)),
        _ => out.push(at),
    }
}

/// `a` and `b` equal under the three comparisons with tolerances scaled to `scale`.
fn all_three<V>(a: &V, b: &V, scale: f64, max_relative: f64, max_ulps: u32) -> [bool; 3]
where
    V: AbsDiffEq<Epsilon = f64> + RelativeEq + UlpsEq,
{
    [
        a.abs_diff_eq(b, scale.abs() * max_relative),
        a.relative_eq(b, 0.0, max_relative),
        a.ulps_eq(b, 0.0, max_ulps),
    ]
}

/// Checks `V` on the value `base`: each pointer in `tolerant` (a float leaf, non-zero) moved
/// by `NEAR` compares equal and by `FAR` does not (abs, relative and ulps); each `(pointer,
/// replacement)` in `exact` makes the values unequal even with an infinite tolerance. Every
/// leaf of `base` must be under a listed pointer.
fn check<V>(base: Value, tolerant: &[&str], exact: &[(&str, Value)])
where
    V: DeserializeOwned + AbsDiffEq<Epsilon = f64> + RelativeEq + UlpsEq + Debug,
{
    check_with(base, tolerant, exact, |v| {
        serde_json::from_value::<V>(v).expect("deserializes")
    });
}

/// [`check`] for a type built from its JSON by `make` (one without serde of its own).
fn check_with<V>(base: Value, tolerant: &[&str], exact: &[(&str, Value)], make: impl Fn(Value) -> V)
where
    V: AbsDiffEq<Epsilon = f64> + RelativeEq + UlpsEq + Debug,
{
    let name = std::any::type_name::<V>();
    let mut all = Vec::new();
    leaves(&base, String::new(), &mut all);
    for leaf in &all {
        let covered = tolerant.contains(&leaf.as_str())
            || exact
                .iter()
                .any(|(p, _)| leaf == p || leaf.starts_with(&format!("{p}/")));
        assert!(covered, "{name}: field {leaf} is not checked");
    }
    let value = make(base.clone());
    assert_relative_eq!(value, value, max_relative = 0.0);
    assert_eq!(all_three(&value, &value, 0.0, 0.0, 0), [true; 3], "{name}");

    for pointer in tolerant {
        let x = base
            .pointer(pointer)
            .and_then(Value::as_f64)
            .unwrap_or_else(|| panic!("{name}: {pointer} is not a number"));
        assert!(x != 0.0, "{name}: {pointer} must be non-zero");
        for (change, equal) in [(NEAR, true), (FAR, false)] {
            let mut moved = base.clone();
            *moved.pointer_mut(pointer).expect("pointer") = json!(x * (1.0 + change));
            let other = make(moved);
            assert_eq!(
                all_three(&value, &other, x, MAX_RELATIVE, MAX_ULPS),
                [equal; 3],
                "{name}: {pointer} moved by {change} (relative): {value:?} vs {other:?}"
            );
        }
    }
    for (pointer, replacement) in exact {
        let mut changed = base.clone();
        *changed.pointer_mut(pointer).expect("pointer") = replacement.clone();
        let other = make(changed);
        assert_eq!(
            all_three(&value, &other, f64::INFINITY, f64::INFINITY, u32::MAX),
            [false; 3],
            "{name}: {pointer} set to {replacement}: {value:?} vs {other:?}"
        );
    }
}

fn level() -> Value {
    json!({"sum": 301.5, "touches": 3, "first_touch": 10, "last_touch": 40, "role": "Support",
           "breaks": 1, "last_break": 25, "beyond": 2})
}

fn level_exact(prefix: &str) -> Vec<(String, Value)> {
    [
        ("touches", json!(4)),
        ("first_touch", json!(11)),
        ("last_touch", json!(41)),
        ("role", json!("Resistance")),
        ("breaks", json!(2)),
        ("last_break", json!(null)),
        ("beyond", json!(3)),
    ]
    .into_iter()
    .map(|(field, v)| (format!("{prefix}/{field}"), v))
    .collect()
}

fn borrowed(owned: &[(String, Value)]) -> Vec<(&str, Value)> {
    owned.iter().map(|(p, v)| (p.as_str(), v.clone())).collect()
}

#[test]
fn macd_output_compares_every_field() {
    check::<MacdOutput>(
        json!({"macd": 1.25, "signal": 0.75, "histogram": 0.5}),
        &["/macd", "/signal", "/histogram"],
        &[],
    );
}

#[test]
fn bands_compare_every_field() {
    check::<Bands>(
        json!({"upper": 105.0, "middle": 100.0, "lower": 95.0, "percent_b": 0.7,
               "bandwidth": 0.1}),
        &["/upper", "/middle", "/lower", "/percent_b", "/bandwidth"],
        &[],
    );
}

#[test]
fn stochastic_output_compares_every_field() {
    check::<StochasticOutput>(json!({"k": 80.5, "d": 75.25}), &["/k", "/d"], &[]);
}

#[test]
fn drawdown_output_compares_every_field() {
    check::<DrawdownOutput>(
        json!({"drawdown": 0.125, "max_drawdown": 0.25, "duration": 7, "peak_index": 3,
               "peak": 120.0}),
        &["/drawdown", "/max_drawdown", "/peak"],
        &[("/duration", json!(8)), ("/peak_index", json!(4))],
    );
}

#[test]
fn ratio_line_output_compares_every_field() {
    check::<RatioLineOutput>(
        json!({"ratio": 1.05, "change_percent": 2.5}),
        &["/ratio", "/change_percent"],
        &[],
    );
}

#[test]
fn option_volume_compares_every_field() {
    check::<OptionVolume>(
        json!({"puts": 900.0, "calls": 1000.0}),
        &["/puts", "/calls"],
        &[],
    );
}

#[test]
fn put_call_reading_compares_every_field() {
    check::<PutCallReading>(
        json!({"ratio": 0.9, "smoothed": 0.85, "z_score": 1.5, "percentile": 80.0,
               "regime": "Fear", "change": {"from": "Neutral", "to": "Fear"}}),
        &["/ratio", "/smoothed", "/z_score", "/percentile"],
        &[
            ("/regime", json!("Neutral")),
            ("/change", json!(null)),
            ("/change/from", json!("Complacency")),
            ("/change/to", json!("ExtremeFear")),
        ],
    );
}

#[test]
fn candle_and_bar_compare_every_field() {
    let candle = json!({"open": 10.0, "high": 12.0, "low": 9.5, "close": 11.0,
                        "volume": 1000.0});
    check::<Candle>(
        candle.clone(),
        &["/open", "/high", "/low", "/close", "/volume"],
        &[],
    );
    let bar = json!({"timestamp": "2024-01-02T00:00:00Z", "candle": candle});
    check::<Bar>(
        bar,
        &[
            "/candle/open",
            "/candle/high",
            "/candle/low",
            "/candle/close",
            "/candle/volume",
        ],
        &[("/timestamp", json!("2024-01-03T00:00:00Z"))],
    );
}

#[test]
fn swing_and_swing_reading_compare_every_field() {
    let high = json!({"kind": "High", "price": 110.0, "index": 20, "bars_ago": 2});
    check::<Swing>(
        high.clone(),
        &["/price"],
        &[
            ("/kind", json!("Low")),
            ("/index", json!(21)),
            ("/bars_ago", json!(3)),
        ],
    );
    let low = json!({"kind": "Low", "price": 90.0, "index": 15, "bars_ago": 7});
    check::<SwingReading>(
        json!({"high": high, "low": low}),
        &["/high/price", "/low/price"],
        &[
            ("/high", json!(null)),
            ("/low", json!(null)),
            ("/high/kind", json!("Low")),
            ("/high/index", json!(22)),
            ("/high/bars_ago", json!(0)),
            ("/low/kind", json!("High")),
            ("/low/index", json!(16)),
            ("/low/bars_ago", json!(8)),
        ],
    );
}

#[test]
fn pivot_levels_compare_every_field() {
    let names = [
        "pivot", "r1", "s1", "r2", "s2", "r3", "s3", "r4", "s4", "r5", "s5",
    ];
    let mut base = json!({"kind": "Camarilla"});
    for (i, name) in names.iter().enumerate() {
        base[*name] = json!(100.0 + i as f64);
    }
    let tolerant: Vec<String> = names.iter().map(|n| format!("/{n}")).collect();
    let tolerant: Vec<&str> = tolerant.iter().map(String::as_str).collect();
    let mut exact = vec![("/kind".to_owned(), json!("Classic"))];
    // An optional level present on one side only.
    exact.extend(names[3..].iter().map(|n| (format!("/{n}"), json!(null))));
    check::<PivotLevels>(base, &tolerant, &borrowed(&exact));
}

#[test]
fn level_compares_every_field() {
    check::<Level>(level(), &["/sum"], &borrowed(&level_exact("")));
}

#[test]
fn level_event_compares_kind_and_level() {
    let exact = level_exact("/Touch");
    let base = json!({"Touch": level()});
    check::<LevelEvent>(base.clone(), &["/Touch/sum"], &borrowed(&exact));
    // Another kind of event on the same level.
    let touch: LevelEvent = serde_json::from_value(base).expect("touch");
    for other in ["Retest", "Break"] {
        let event: LevelEvent = serde_json::from_value(json!({other: level()})).expect("event");
        assert!(
            !touch.relative_eq(&event, f64::INFINITY, f64::INFINITY),
            "{other}"
        );
    }
}

#[test]
fn levels_reading_compares_every_field() {
    let mut resistance = level();
    resistance["role"] = json!("Resistance");
    resistance["sum"] = json!(330.0);
    let base = json!({"support": level(), "resistance": resistance,
                      "event": {"Break": level()}, "events": 1});
    let mut exact = level_exact("/support");
    exact.extend(level_exact("/event/Break"));
    exact.extend(
        level_exact("/resistance")
            .into_iter()
            .filter(|(p, _)| !p.ends_with("/role")),
    );
    exact.push(("/resistance/role".to_owned(), json!("Support")));
    exact.push(("/support".to_owned(), json!(null)));
    exact.push(("/resistance".to_owned(), json!(null)));
    exact.push(("/event".to_owned(), json!(null)));
    exact.push(("/event".to_owned(), json!({"Touch": level()})));
    exact.push(("/events".to_owned(), json!(2)));
    // No serde of its own: its parts are built from JSON.
    let make = |v: Value| LevelsReading::<f64> {
        support: serde_json::from_value(v["support"].clone()).expect("support"),
        resistance: serde_json::from_value(v["resistance"].clone()).expect("resistance"),
        event: serde_json::from_value(v["event"].clone()).expect("event"),
        events: serde_json::from_value(v["events"].clone()).expect("events"),
    };
    check_with(
        base,
        &["/support/sum", "/resistance/sum", "/event/Break/sum"],
        &borrowed(&exact),
        make,
    );
}

#[test]
fn cluster_compares_every_field() {
    check::<Cluster>(
        json!({"price": 101.5, "touches": 4}),
        &["/price"],
        &[("/touches", json!(5))],
    );
}

fn security_weight() -> Value {
    json!({"ticker": "GOOGL", "company": "Alphabet", "sector": "Communication",
           "initial": 0.06, "weight": 0.05})
}

fn company_weight() -> Value {
    json!({"company": "Alphabet", "initial": 0.12, "weight": 0.1})
}

fn stage_report() -> Value {
    json!({"level": "Company", "stage": "Aggregate", "round": 1, "observed": 0.52,
           "cohort": ["Apple", "Microsoft"], "scale": 0.9, "adjustment_factor": 1.02,
           "capped": ["Apple"], "iterations": 3})
}

fn double_count() -> Value {
    json!({"company": "Alphabet", "tickers": ["GOOG", "GOOGL"], "market_cap": 2.0e12})
}

fn report() -> Value {
    json!({"method": "Nasdaq100Quarterly", "stages": [stage_report()], "rounds": 2,
           "double_counts": [double_count()],
           "suspected_double_counts": [["FOXA", "FOX"]]})
}

#[test]
fn security_and_company_weights_compare_every_field() {
    check::<SecurityWeight>(
        security_weight(),
        &["/initial", "/weight"],
        &[
            ("/ticker", json!("GOOG")),
            ("/company", json!("Alphabet Inc")),
            ("/sector", json!(null)),
        ],
    );
    check::<CompanyWeight>(
        company_weight(),
        &["/initial", "/weight"],
        &[("/company", json!("Meta"))],
    );
}

#[test]
fn securities_and_double_counts_compare_every_field() {
    check::<Security>(
        json!({"ticker": "GOOGL", "company": "Alphabet", "market_cap": 2.0e12,
               "sector": "Communication"}),
        &["/market_cap"],
        &[
            ("/ticker", json!("GOOG")),
            ("/company", json!("Google")),
            ("/sector", json!(null)),
        ],
    );
    check::<DoubleCount>(
        double_count(),
        &["/market_cap"],
        &[
            ("/company", json!("Google")),
            ("/tickers/1", json!("GOOGX")),
            ("/tickers", json!(["GOOG"])),
        ],
    );
}

#[test]
fn stage_report_compares_every_field() {
    check::<StageReport>(
        stage_report(),
        &["/observed", "/scale", "/adjustment_factor"],
        &[
            ("/level", json!("Security")),
            ("/stage", json!("SingleName")),
            ("/round", json!(2)),
            ("/cohort/1", json!("Nvidia")),
            ("/cohort", json!(["Apple"])),
            ("/scale", json!(null)),
            ("/capped/0", json!("Microsoft")),
            ("/capped", json!([])),
            ("/iterations", json!(4)),
        ],
    );
}

#[test]
fn weighting_report_compares_every_field() {
    check::<WeightingReport>(
        report(),
        &[
            "/stages/0/observed",
            "/stages/0/scale",
            "/stages/0/adjustment_factor",
            "/double_counts/0/market_cap",
        ],
        &[
            ("/method", json!("Ucits1040")),
            ("/stages/0/level", json!("Security")),
            ("/stages/0/stage", json!("SingleName")),
            ("/stages/0/round", json!(2)),
            ("/stages/0/cohort", json!(["Apple"])),
            ("/stages/0/capped", json!([])),
            ("/stages/0/iterations", json!(4)),
            ("/stages", json!([])),
            ("/rounds", json!(3)),
            ("/double_counts/0/company", json!("Google")),
            ("/double_counts/0/tickers", json!(["GOOG"])),
            ("/double_counts", json!([])),
            ("/suspected_double_counts", json!([["FOXA", "NWSA"]])),
        ],
    );
}

#[test]
fn weighting_compares_every_field() {
    check::<Weighting>(
        json!({"securities": [security_weight()], "companies": [company_weight()],
               "report": report()}),
        &[
            "/securities/0/initial",
            "/securities/0/weight",
            "/companies/0/initial",
            "/companies/0/weight",
            "/report/stages/0/observed",
            "/report/stages/0/scale",
            "/report/stages/0/adjustment_factor",
            "/report/double_counts/0/market_cap",
        ],
        &[
            ("/securities/0/ticker", json!("GOOG")),
            ("/securities/0/company", json!("Google")),
            ("/securities/0/sector", json!(null)),
            ("/securities", json!([])),
            ("/companies/0/company", json!("Google")),
            ("/companies", json!([])),
            ("/report/method", json!("Ucits1040")),
            ("/report/stages/0/level", json!("Security")),
            ("/report/stages/0/stage", json!("SingleName")),
            ("/report/stages/0/round", json!(2)),
            ("/report/stages/0/cohort", json!(["Apple"])),
            ("/report/stages/0/capped", json!([])),
            ("/report/stages/0/iterations", json!(4)),
            ("/report/rounds", json!(3)),
            ("/report/double_counts/0/company", json!("Google")),
            ("/report/double_counts/0/tickers", json!(["GOOG"])),
            ("/report/suspected_double_counts", json!([])),
        ],
    );
}

#[test]
fn water_fill_compares_every_field() {
    check::<WaterFill>(
        json!({"weights": [0.24, 0.4, 0.36], "adjustment_factor": 1.1, "capped": [0],
               "iterations": 2}),
        &[
            "/weights/0",
            "/weights/1",
            "/weights/2",
            "/adjustment_factor",
        ],
        &[
            ("/weights", json!([0.24, 0.4])),
            ("/capped/0", json!(1)),
            ("/capped", json!([])),
            ("/iterations", json!(3)),
        ],
    );
}

#[test]
fn sector_composition_compares_every_field() {
    check::<SectorComposition>(
        json!({"sectors": [["Energy", 3.5], ["Information Technology", 26.5]]}),
        &["/sectors/0/1", "/sectors/1/1"],
        &[
            ("/sectors/0/0", json!("Utilities")),
            ("/sectors", json!([["Energy", 3.5]])),
        ],
    );
}

#[test]
fn breach_compares_every_field() {
    check::<Breach>(
        json!({"SingleCompany": {"company": "Apple", "weight": 0.25}}),
        &["/SingleCompany/weight"],
        &[("/SingleCompany/company", json!("Microsoft"))],
    );
    check::<Breach>(
        json!({"Aggregate": {"total": 0.5, "companies": ["Apple", "Microsoft"]}}),
        &["/Aggregate/total"],
        &[
            ("/Aggregate/companies/1", json!("Nvidia")),
            ("/Aggregate/companies", json!(["Apple"])),
        ],
    );
    let single: Breach =
        serde_json::from_value(json!({"SingleCompany": {"company": "Apple", "weight": 0.5}}))
            .expect("single");
    let aggregate: Breach =
        serde_json::from_value(json!({"Aggregate": {"total": 0.5, "companies": ["Apple"]}}))
            .expect("aggregate");
    assert!(!single.relative_eq(&aggregate, f64::INFINITY, f64::INFINITY));
}

#[test]
fn momentum_outputs_compare_every_field() {
    check::<AroonOutput>(json!({"down": 28.5, "up": 71.5}), &["/down", "/up"], &[]);
    check::<ElderRayOutput>(
        json!({"bull": 12.5, "bear": -3.25}),
        &["/bull", "/bear"],
        &[],
    );
    check::<KdjOutput>(
        json!({"k": 55.5, "d": 48.25, "j": 70.0}),
        &["/k", "/d", "/j"],
        &[],
    );
    check::<SmiOutput>(
        json!({"smi": 21.5, "signal": 18.75}),
        &["/smi", "/signal"],
        &[],
    );
    check::<VortexOutput>(
        json!({"plus": 1.05, "minus": 0.95}),
        &["/plus", "/minus"],
        &[],
    );
    let directional = json!({"plus_dm": 12.5, "minus_dm": 8.25, "plus_di": 27.5,
        "minus_di": 18.5, "dx": 19.6, "adx": 22.4, "adxr": 21.3});
    let lines = [
        "/plus_dm",
        "/minus_dm",
        "/plus_di",
        "/minus_di",
        "/dx",
        "/adx",
        "/adxr",
    ];
    // An ADX present on one side only is not equal, whatever the tolerance.
    let absent = [("/adx", json!(null)), ("/adxr", json!(null))];
    check::<DirectionalOutput>(directional, &lines, &absent);
}

#[test]
fn stop_band_volume_and_window_outputs_compare_every_field() {
    check::<StopOutput>(
        json!({"stop": 101.5, "trend": "Up", "flipped": false}),
        &["/stop"],
        &[("/trend", json!("Down")), ("/flipped", json!(true))],
    );
    check::<BandLines>(
        json!({"upper": 105.0, "middle": 100.0, "lower": 95.0}),
        &["/upper", "/middle", "/lower"],
        &[],
    );
    check::<VwapBands>(
        json!({"vwap": 100.5, "upper": 104.5, "lower": 96.5, "deviation": 2.0}),
        &["/vwap", "/upper", "/lower", "/deviation"],
        &[],
    );
    check::<MinMaxOutput<f64>>(json!({"min": 95.5, "max": 104.25}), &["/min", "/max"], &[]);
}

#[test]
fn f32_outputs_compare_with_f32_tolerances() {
    let a = MacdOutput::<f32> {
        macd: 1.0,
        signal: 0.5,
        histogram: 0.5,
    };
    let near = MacdOutput {
        histogram: 0.5 * (1.0 + 1e-7),
        ..a
    };
    let far = MacdOutput {
        histogram: 0.5 * (1.0 + 1e-3),
        ..a
    };
    assert_relative_eq!(a, near, max_relative = 1e-5);
    approx::assert_relative_ne!(a, far, max_relative = 1e-5);
}
