//! Saved state that is never misread: [`Checkpoint`]s of format 1 committed in
//! `tests/data/checkpoints/` load and resume bit for bit; a bare state (the form saved
//! before `Checkpoint` existed), another format, a wrong label and an extra field are each
//! refused with their error; and every serde form in the crate refuses an unknown field,
//! naming it.
//!
//! The samples are written by `write_samples` below (ignored: the tests never rewrite
//! them), run on purpose with
//! `cargo test --all-features --test checkpoints -- --ignored write_samples`.
#![cfg(feature = "serde")]

use std::fmt::{Debug, Display};
use std::path::PathBuf;

use chrono::{NaiveDate, TimeZone, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use ta_stream::bar::{Bar, Candle};
use ta_stream::catalog::{self, DynIndicator, DynInput, InputKind};
use ta_stream::index::{self, IndexCalculator, Security};
use ta_stream::levels::SupportResistance;
use ta_stream::momentum::{Adx, Macd, Rsi};
use ta_stream::pattern::CandlePatterns;
use ta_stream::universe::{EmaUniverse, RsiUniverse, SmaUniverse};
use ta_stream::volatility::Bollinger;
use ta_stream::{Checkpoint, Indicator, STATE_FORMAT};

/// Bars of history each sample was fed: the first 300 rows of `ndx_daily.csv`.
const HISTORY: usize = 300;
/// Bars fed after loading, compared with an indicator fed the whole history.
const RESUME: usize = 300;

fn data(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(relative)
}

fn sample_path(name: &str) -> PathBuf {
    data("checkpoints").join(name)
}

fn read_sample(name: &str) -> String {
    std::fs::read_to_string(sample_path(name))
        .unwrap_or_else(|e| panic!("committed sample {name}: {e}"))
}

/// The Nasdaq-100's daily bars (`tests/data/ndx_daily.csv`), timestamped 21:00 UTC.
fn bars() -> Vec<Bar<f64>> {
    let text = std::fs::read_to_string(data("ndx_daily.csv")).expect("bundled data");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,open,high,low,close,volume"));
    lines
        .take(HISTORY + RESUME)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let x = |i: usize| cells[i].parse::<f64>().unwrap();
            let date = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").unwrap();
            let time = Utc.from_utc_datetime(&date.and_hms_opt(21, 0, 0).unwrap());
            Bar::new(time, Candle::new(x(1), x(2), x(3), x(4), x(5)).unwrap())
        })
        .collect()
}

fn closes() -> Vec<f64> {
    bars().iter().map(|bar| bar.candle.close).collect()
}

fn candles() -> Vec<Candle<f64>> {
    bars().iter().map(|bar| bar.candle).collect()
}

/// The catalog sample's inputs: every bar, with the open as the second series.
fn dyn_inputs() -> Vec<DynInput> {
    bars()
        .into_iter()
        .map(|bar| DynInput {
            second: bar.candle.open,
            ..DynInput::bar(bar)
        })
        .collect()
}

/// The catalog sample: `STOCH` with TA-Lib's defaults, in the catalog's own saved form.
const CATALOG_SPEC: &str = "STOCH";
const CATALOG_SAMPLE: &str = "catalog_stoch.json";

fn save(value: &impl Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

fn write(name: &str, text: &str) {
    let path = sample_path(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn fed<I: Indicator>(mut indicator: I, inputs: &[I::Input]) -> I
where
    I::Input: Copy,
{
    for &input in inputs {
        indicator.update(input);
    }
    indicator
}

/// Rewrites every committed sample from the bundled data. Run on purpose only (see the
/// module docs); the tests below read the files as committed.
#[test]
#[ignore = "rewrites tests/data/checkpoints; run on purpose only"]
fn write_samples() {
    let (closes, candles) = (closes(), candles());
    let (closes, candles) = (&closes[..HISTORY], &candles[..HISTORY]);
    let rsi = fed(Rsi::<f64>::new(14).unwrap(), closes);
    write("rsi_14.json", &pretty(&Checkpoint::new(&rsi)));
    let macd = fed(Macd::<f64>::new(12, 26, 9).unwrap(), closes);
    write("macd_12_26_9.json", &pretty(&Checkpoint::new(&macd)));
    let bollinger = fed(Bollinger::<f64>::new(20, 2.0).unwrap(), closes);
    write("bollinger_20_2.json", &pretty(&Checkpoint::new(&bollinger)));
    let adx = fed(Adx::<f64>::new(14).unwrap(), candles);
    write("adx_14.json", &pretty(&Checkpoint::new(&adx)));
    let patterns = fed(CandlePatterns::<f64>::default(), candles);
    write("candle_patterns.json", &pretty(&Checkpoint::new(&patterns)));
    let levels = fed(SupportResistance::<f64>::default(), candles);
    write(
        "support_resistance.json",
        &pretty(&Checkpoint::new(&levels)),
    );
    let stoch = fed(
        DynIndicator::parse(CATALOG_SPEC).unwrap(),
        &dyn_inputs()[..HISTORY],
    );
    write(CATALOG_SAMPLE, &pretty(&stoch));

    // The previous format: the bare state, as the crate saved an indicator before
    // `Checkpoint` existed.
    write("previous/rsi_14_bare.json", &pretty(&rsi));

    // Refused on purpose, each an edit of the RSI(14) checkpoint.
    let checkpoint = pretty(&Checkpoint::new(&rsi));
    let edit = |from: &str, to: &str| {
        assert!(checkpoint.contains(from), "{from}");
        checkpoint.replacen(from, to, 1)
    };
    write(
        "refused/format_2.json",
        &edit("\"format\": 1,", "\"format\": 2,"),
    );
    write(
        "refused/wrong_indicator.json",
        &edit("\"RSI(14)\"", "\"RSI(10)\""),
    );
    write(
        "refused/extra_field.json",
        &edit("\n}\n", ",\n  \"saved_at\": \"2020-03-11T21:00:00Z\"\n}\n"),
    );
    write(
        "refused/extra_field_in_state.json",
        &edit("\"gains\": {", "\"gains\": {\n      \"alpha\": 0.0714,"),
    );
}

/// A committed checkpoint loads, has the label it records, and resumes exactly: the next
/// outputs are bit for bit those of a fresh indicator fed the whole history. The writer of
/// this version also still writes that checkpoint (the `crate` field aside): the same
/// fields, array lengths, integers and strings, and the same floats up to rounding (a
/// moment computed by other, as exact, operations may move by a few ulps; the loader checks
/// floats within a tolerance and recomputes them from the window). A change of any state
/// layout fails here, and needs a new format (see `STATE_FORMAT`).
#[track_caller]
fn resumes_exactly<I>(name: &str, label: &str, fresh: I, inputs: &[I::Input])
where
    I: Indicator + Serialize + DeserializeOwned + Display + Clone,
    I::Input: Copy,
    I::Output: PartialEq + Debug,
{
    let text = read_sample(name);
    let loaded: Checkpoint<I> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(loaded.format(), 1);
    assert_eq!(loaded.crate_version(), "0.1.0", "{name}: written by 0.1.0");
    assert_eq!(loaded.label(), label);
    let mut resumed = loaded.into_indicator();
    assert_eq!(resumed.to_string(), label);

    let mut reference = fresh;
    for &input in &inputs[..HISTORY] {
        reference.update(input);
    }
    let mut saved_now: Value = serde_json::to_value(Checkpoint::new(&reference)).unwrap();
    let mut committed: Value = serde_json::from_str(&text).unwrap();
    saved_now.as_object_mut().unwrap().remove("crate");
    committed.as_object_mut().unwrap().remove("crate");
    if let Err(difference) = same_layout(&saved_now, &committed, "") {
        panic!(
            "{name}: this version saves {label} differently from the committed format-1 \
             sample ({difference}); a changed state layout is a new STATE_FORMAT (and a \
             CHANGELOG entry)"
        );
    }

    let mut compared = 0;
    for &input in &inputs[HISTORY..] {
        let expected = reference.update(input);
        assert_eq!(resumed.update(input), expected, "{name}");
        compared += usize::from(expected.is_some());
    }
    assert!(
        compared > RESUME / 2,
        "{name}: only {compared} outputs compared"
    );
}

/// `Ok` when `saved` and `committed` have the same fields, array lengths, strings, integers
/// and booleans, and floats equal within 1e-12 relative (rounding, not layout); otherwise
/// where they differ.
fn same_layout(saved: &Value, committed: &Value, at: &str) -> Result<(), String> {
    match (saved, committed) {
        (Value::Object(a), Value::Object(b)) => {
            let (keys_a, keys_b): (Vec<_>, Vec<_>) = (a.keys().collect(), b.keys().collect());
            if keys_a != keys_b {
                return Err(format!("{at}: fields {keys_a:?} against {keys_b:?}"));
            }
            a.iter()
                .try_for_each(|(key, value)| same_layout(value, &b[key], &format!("{at}.{key}")))
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(index, (x, y))| same_layout(x, y, &format!("{at}[{index}]"))),
        (Value::Number(a), Value::Number(b)) if a.is_f64() && b.is_f64() => {
            let (x, y) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            if (x - y).abs() <= 1e-12 * x.abs().max(y.abs()) {
                Ok(())
            } else {
                Err(format!("{at}: {x} against {y}"))
            }
        }
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{at}: {a} against {b}")),
    }
}

#[test]
fn same_layout_allows_rounding_and_nothing_else() {
    let committed = serde_json::json!({"n": 3, "xs": [1.0, 6220601.891546274], "s": "a"});
    let rounded = serde_json::json!({"n": 3, "xs": [1.0, 6220601.891546272], "s": "a"});
    assert_eq!(same_layout(&rounded, &committed, ""), Ok(()));
    for changed in [
        serde_json::json!({"n": 4, "xs": [1.0, 6220601.891546274], "s": "a"}),
        serde_json::json!({"n": 3, "xs": [1.0], "s": "a"}),
        serde_json::json!({"n": 3, "xs": [1.0, 6220601.9], "s": "a"}),
        serde_json::json!({"n": 3, "ys": [1.0, 6220601.891546274], "s": "a"}),
        serde_json::json!({"n": 3, "xs": [1.0, 6220601.891546274], "s": "b"}),
    ] {
        assert!(same_layout(&changed, &committed, "").is_err(), "{changed}");
    }
}

#[test]
fn committed_checkpoints_load_and_resume_bit_for_bit() {
    let (closes, candles) = (closes(), candles());
    resumes_exactly(
        "rsi_14.json",
        "RSI(14)",
        Rsi::<f64>::new(14).unwrap(),
        &closes,
    );
    resumes_exactly(
        "macd_12_26_9.json",
        "MACD(12,26,9)",
        Macd::<f64>::new(12, 26, 9).unwrap(),
        &closes,
    );
    resumes_exactly(
        "bollinger_20_2.json",
        &Bollinger::<f64>::new(20, 2.0).unwrap().to_string(),
        Bollinger::<f64>::new(20, 2.0).unwrap(),
        &closes,
    );
    resumes_exactly(
        "adx_14.json",
        "ADX(14)",
        Adx::<f64>::new(14).unwrap(),
        &candles,
    );
    resumes_exactly(
        "candle_patterns.json",
        &CandlePatterns::<f64>::default().to_string(),
        CandlePatterns::<f64>::default(),
        &candles,
    );
    resumes_exactly(
        "support_resistance.json",
        &SupportResistance::<f64>::default().to_string(),
        SupportResistance::<f64>::default(),
        &candles,
    );
}

#[test]
fn the_committed_catalog_state_loads_and_resumes_bit_for_bit() {
    let text = read_sample(CATALOG_SAMPLE);
    let saved: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["version"], Value::from(STATE_FORMAT));
    let mut resumed: DynIndicator = serde_json::from_str(&text).unwrap();
    let inputs = dyn_inputs();
    let mut reference = DynIndicator::parse(CATALOG_SPEC).unwrap();
    for &input in &inputs[..HISTORY] {
        reference.update(input);
    }
    assert_eq!(resumed.to_string(), reference.to_string());
    assert_eq!(serde_json::to_value(&reference).unwrap(), saved);
    for &input in &inputs[HISTORY..] {
        let (expected, actual) = (reference.update(input), resumed.update(input));
        let bits = |out: Option<ta_stream::catalog::DynOutput>| {
            out.map(|o| o.as_slice().iter().map(|v| v.to_bits()).collect::<Vec<_>>())
        };
        assert!(expected.is_some());
        assert_eq!(bits(actual), bits(expected));
    }
}

/// Loading as a `Checkpoint` gives the error, as text (the deserializer's error, whose
/// message is the crate's).
fn refusal<I: DeserializeOwned + Display>(text: &str) -> String {
    match serde_json::from_str::<Checkpoint<I>>(text) {
        Ok(_) => panic!("loaded: {text}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_bare_state_of_the_previous_format_is_not_read_as_a_checkpoint() {
    let bare = read_sample("previous/rsi_14_bare.json");
    let error = refusal::<Rsi>(&bare);
    assert!(
        error.starts_with(
            "invalid indicator state: not a checkpoint: its first field is `flat`, where a \
             checkpoint has `format`, `crate`, `indicator` and `state`"
        ),
        "{error}"
    );
    // Loading it bare still works in this version (bare states carry no promise beyond it),
    // and gives the very indicator the checkpoint holds.
    let loaded: Rsi = serde_json::from_str(&bare).unwrap();
    let checkpoint: Checkpoint<Rsi> = serde_json::from_str(&read_sample("rsi_14.json")).unwrap();
    assert_eq!(&loaded, checkpoint.indicator());
}

#[test]
fn another_format_a_wrong_label_and_extra_fields_are_refused() {
    let error = refusal::<Rsi>(&read_sample("refused/format_2.json"));
    assert!(
        error.starts_with(&format!(
            "invalid indicator state: checkpoint format 2 is not readable by ta-stream {}, \
             which reads format 1",
            env!("CARGO_PKG_VERSION")
        )),
        "{error}"
    );
    let error = refusal::<Rsi>(&read_sample("refused/wrong_indicator.json"));
    assert!(
        error.starts_with(
            "invalid indicator state: checkpoint is of RSI(10) but its state is of RSI(14)"
        ),
        "{error}"
    );
    let error = refusal::<Rsi>(&read_sample("refused/extra_field.json"));
    assert!(
        error.starts_with(
            "unknown field `saved_at`, expected one of `format`, `crate`, `indicator`, `state`"
        ),
        "{error}"
    );
    let error = refusal::<Rsi>(&read_sample("refused/extra_field_in_state.json"));
    assert!(error.starts_with("unknown field `alpha`"), "{error}");
    // A checkpoint of another type: refused by that type's state or by the label.
    let error = refusal::<Macd>(&read_sample("rsi_14.json"));
    assert!(error.starts_with("unknown field `flat`"), "{error}");
}

fn rsi_checkpoint() -> (Rsi, Value) {
    let rsi = fed(Rsi::<f64>::new(14).unwrap(), &closes()[..HISTORY]);
    let value = serde_json::to_value(Checkpoint::new(&rsi)).unwrap();
    (rsi, value)
}

#[test]
fn every_field_is_required_and_read_once() {
    let (_, value) = rsi_checkpoint();
    for field in ["format", "crate", "indicator", "state"] {
        let mut missing = value.clone();
        missing.as_object_mut().unwrap().remove(field);
        let error = refusal::<Rsi>(&missing.to_string());
        assert!(
            error.starts_with(&format!("missing field `{field}`")),
            "{field}: {error}"
        );
    }
    let twice = value
        .to_string()
        .replacen("\"format\":1,", "\"format\":1,\"crate\":\"x\",", 1);
    let error = refusal::<Rsi>(&twice);
    assert!(error.contains("duplicate field `crate`"), "{error}");
    assert!(refusal::<Rsi>("[]").contains("invalid length 0"));
    assert!(refusal::<Rsi>("17").contains("a ta-stream checkpoint"));
}

/// A store that reorders keys (PostgreSQL `jsonb`: shorter keys first) still loads; another
/// format is still refused, after the state is read.
#[test]
fn reordered_keys_load_and_another_format_is_still_refused() {
    let (rsi, value) = rsi_checkpoint();
    let object = value.as_object().unwrap();
    let reordered = format!(
        "{{\"crate\":{},\"state\":{},\"format\":{},\"indicator\":{}}}",
        object["crate"], object["state"], object["format"], object["indicator"]
    );
    let loaded: Checkpoint<Rsi> = serde_json::from_str(&reordered).unwrap();
    assert_eq!(loaded.into_indicator(), rsi);
    let newer = reordered.replace("\"format\":1", "\"format\":2");
    assert!(refusal::<Rsi>(&newer).contains("checkpoint format 2 is not readable"));
}

/// Formats without field names see the four fields in order (serde_json reads an array as
/// such a sequence).
#[test]
fn the_sequence_form_is_checked_in_order() {
    let (rsi, value) = rsi_checkpoint();
    let object = value.as_object().unwrap();
    let sequence = |format: u32, label: &str| {
        format!(
            "[{format},{},\"{label}\",{}]",
            object["crate"], object["state"]
        )
    };
    let loaded: Checkpoint<Rsi> = serde_json::from_str(&sequence(1, "RSI(14)")).unwrap();
    assert_eq!(loaded.into_indicator(), rsi);
    assert!(refusal::<Rsi>(&sequence(2, "RSI(14)")).contains("checkpoint format 2 is not readable"));
    assert!(refusal::<Rsi>(&sequence(1, "RSI(9)")).contains("checkpoint is of RSI(9) but"));
}

#[test]
fn load_returns_the_indicator_and_a_catalog_indicator_checkpoints_too() {
    let (rsi, value) = rsi_checkpoint();
    let text = value.to_string();
    let loaded: Rsi = Checkpoint::load(&mut serde_json::Deserializer::from_str(&text)).unwrap();
    assert_eq!(loaded, rsi);
    // f32 indicators save and load the same way.
    let small = fed(
        Rsi::<f32>::new_generic(5).unwrap(),
        &[1.0, 2.0, 1.5, 3.0, 2.5, 2.75, 4.0],
    );
    let text = serde_json::to_string(&Checkpoint::new(&small)).unwrap();
    assert_eq!(
        serde_json::from_str::<Checkpoint<Rsi<f32>>>(&text)
            .unwrap()
            .into_indicator(),
        small
    );

    let stoch = fed(
        DynIndicator::parse("STOCH(5, 3, 0, 3, 0)").unwrap(),
        &dyn_inputs()[..50],
    );
    let text = serde_json::to_string(&Checkpoint::new(&stoch)).unwrap();
    assert!(text.contains(&format!(
        "\"indicator\":\"{stoch}\",\"state\":{{\"version\":1,"
    )));
    let loaded: Checkpoint<DynIndicator> = serde_json::from_str(&text).unwrap();
    assert_eq!(loaded.into_indicator(), stoch);
}

#[test]
fn the_catalog_version_is_the_checkpoint_format() {
    assert_eq!(catalog::STATE_VERSION, STATE_FORMAT);
    assert_eq!(STATE_FORMAT, 1);
}

// ---------------------------------------------------------------- unknown fields, everywhere

const EXTRA: &str = "zz_extra";

/// Paths (object keys and array indices) to every JSON object in `value`.
fn object_paths(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (key, child) in map {
                path.push(Value::from(key.as_str()));
                object_paths(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(Value::from(i));
                object_paths(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(value, |node, step| match step {
        Value::String(key) => &mut node[key.as_str()],
        index => &mut node[index.as_u64().unwrap() as usize],
    })
}

/// Adds an unknown field to each object of `saved` in turn (the top level and every nested
/// state): each must be refused with an error that names it. Returns how many objects were
/// tried. Objects under `skip` (maps keyed by data, not structs) are left out.
#[track_caller]
fn every_object_refuses_an_extra_field<T: DeserializeOwned>(name: &str, saved: &Value) -> usize {
    serde_json::from_value::<T>(saved.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut paths = Vec::new();
    object_paths(saved, &mut Vec::new(), &mut paths);
    let mut failures = Vec::new();
    for path in &paths {
        let mut changed = saved.clone();
        at(&mut changed, path)
            .as_object_mut()
            .unwrap()
            .insert(EXTRA.to_owned(), Value::from(0));
        // An enum's variant is a one-key object (`{"Long": {...}}`): a second key there is
        // refused as such, by serde, without a field to name.
        let tag = {
            let original = at(&mut saved.clone(), path).take();
            let keys: Vec<&String> = original.as_object().unwrap().keys().collect();
            keys.len() == 1 && keys[0].starts_with(|c: char| c.is_ascii_uppercase())
        };
        match serde_json::from_value::<T>(changed) {
            Err(error)
                if error
                    .to_string()
                    .contains(&format!("unknown field `{EXTRA}`")) => {}
            Err(error)
                if tag
                    && error
                        .to_string()
                        .starts_with("invalid value: map, expected map with a single key") => {}
            Err(error) => failures.push(format!("{path:?}: {error}")),
            Ok(_) => failures.push(format!("{path:?}: accepted")),
        }
    }
    assert!(failures.is_empty(), "{name}: {failures:#?}");
    paths.len()
}

/// Every catalog function (which covers every TA-Lib function and the crate's signals,
/// levels, relative-strength, risk and sentiment indicators), mid-stream on the bundled
/// bars: an unknown field anywhere in its state is refused by name.
#[test]
fn every_catalog_state_refuses_an_unknown_field_anywhere() {
    let inputs = dyn_inputs();
    let mut tried = 0;
    let mut functions = 0;
    for info in catalog::functions() {
        let mut indicator = DynIndicator::parse(info.name).unwrap();
        for &input in &inputs[..120] {
            let input = match info.inputs {
                InputKind::TimestampedBar => input,
                _ => DynInput {
                    timestamp: None,
                    ..input
                },
            };
            indicator.update(input);
        }
        let saved = serde_json::to_value(&indicator).unwrap();
        tried += every_object_refuses_an_extra_field::<DynIndicator>(info.name, &saved);
        functions += 1;
    }
    assert!(functions >= 201, "{functions} functions");
    assert!(tried > 1_000, "only {tried} objects tried");
}

/// The typed families the catalog does not build: checkpoints, universes, the index tools
/// and the bar types.
#[test]
fn other_serde_forms_refuse_an_unknown_field_anywhere() {
    let (_, checkpoint) = rsi_checkpoint();
    every_object_refuses_an_extra_field::<Checkpoint<Rsi>>("Checkpoint<Rsi>", &checkpoint);

    let mut out = [0.0; 3];
    let mut sma = SmaUniverse::<f64>::new(3, 2).unwrap();
    let mut ema = EmaUniverse::<f64>::new(3, 2).unwrap();
    let mut rsi = RsiUniverse::<f64>::new(3, 2).unwrap();
    for tick in [[1.0, 2.0, 3.0], [2.0, 1.0, 3.5], [2.5, 1.5, 3.0]] {
        sma.update(&tick, &mut out).unwrap();
        ema.update(&tick, &mut out).unwrap();
        rsi.update(&tick, &mut out).unwrap();
    }
    every_object_refuses_an_extra_field::<SmaUniverse>("SmaUniverse", &save(&sma));
    every_object_refuses_an_extra_field::<EmaUniverse>("EmaUniverse", &save(&ema));
    every_object_refuses_an_extra_field::<RsiUniverse>("RsiUniverse", &save(&rsi));

    let mut calculator =
        IndexCalculator::from_weights(1000.0, &[("AAA", 0.6, 50.0), ("BBB", 0.4, 20.0)]).unwrap();
    calculator.update(index::PriceUpdate::new(0, 55.0));
    every_object_refuses_an_extra_field::<IndexCalculator>("IndexCalculator", &save(&calculator));

    let mut securities = vec![Security::new("BIG", 30.0)];
    securities.extend((0..20).map(|i| Security::new(format!("S{i:02}"), 3.5)));
    let universe = index::Universe::new(securities).unwrap();
    every_object_refuses_an_extra_field::<index::Universe>("Universe", &save(&universe));
    let weighting = index::nasdaq100::quarterly(&universe).unwrap();
    every_object_refuses_an_extra_field::<index::Weighting>("Weighting", &save(&weighting));

    let bar = bars()[0];
    every_object_refuses_an_extra_field::<Bar>("Bar", &save(&bar));
}
