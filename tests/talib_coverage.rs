//! TA-Lib parity through the catalog, function by function: every column of
//! `tests/data/talib/coverage/<NAME>.csv` (written by `scripts/generate_coverage_fixtures.py`
//! with TA-Lib 0.8.1) is rebuilt from its spec, run over the same input columns with
//! [`DynIndicator::run_columns`], and compared at every row, warm-up included: NaN exactly
//! where TA-Lib has NaN or ±∞ (an overflow, where the crate has no value), and within 1e-9
//! relative elsewhere (1e-9 absolute below 1; exactly for the functions of `EQUAL`).
//!
//! A new TA-Lib function gets its parameter sets in the generator's `CASES`, its fixture, and
//! one line in the `parity!` list below.

use std::fs;

use ta_stream::catalog::{Columns, DynIndicator, InputKind};

/// One input series: its name and columns.
struct Series {
    name: String,
    open: Vec<f64>,
    high: Vec<f64>,
    low: Vec<f64>,
    close: Vec<f64>,
    volume: Vec<f64>,
    periods: Vec<f64>,
}

fn data_path(file: &str) -> String {
    format!(
        "{}/tests/data/talib/coverage/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn parse_number(cell: &str) -> f64 {
    if cell.is_empty() {
        f64::NAN
    } else {
        cell.parse()
            .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
    }
}

/// The input series of `inputs.csv`, in file order.
fn inputs() -> Vec<Series> {
    let text = fs::read_to_string(data_path("inputs.csv")).expect("inputs.csv");
    let mut series: Vec<Series> = Vec::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), 7, "inputs.csv: {line}");
        if series.last().map(|s| s.name.as_str()) != Some(cells[0]) {
            series.push(Series {
                name: cells[0].to_string(),
                open: Vec::new(),
                high: Vec::new(),
                low: Vec::new(),
                close: Vec::new(),
                volume: Vec::new(),
                periods: Vec::new(),
            });
        }
        let s = series.last_mut().expect("pushed above");
        s.open.push(parse_number(cells[1]));
        s.high.push(parse_number(cells[2]));
        s.low.push(parse_number(cells[3]));
        s.close.push(parse_number(cells[4]));
        s.volume.push(parse_number(cells[5]));
        s.periods.push(parse_number(cells[6]));
    }
    series
}

/// The columns a function reads: TA-Lib's two-series functions read (close, open), MAVP
/// reads (close, periods).
fn columns<'a>(s: &'a Series, kind: &InputKind) -> Columns<'a> {
    match kind {
        InputKind::Pair(_, "periods") => Columns::pair(&s.close, &s.periods),
        InputKind::Pair(..) => Columns::pair(&s.close, &s.open),
        _ => Columns::ohlcv(&s.open, &s.high, &s.low, &s.close, &s.volume),
    }
}

/// The header's titles: split at the commas outside parentheses, since a spec with several
/// parameters has commas of its own (`MAMA(0.5,0.05):fama`).
fn split_header(line: &str) -> Vec<&str> {
    let mut titles = Vec::new();
    let (mut depth, mut start) = (0_i32, 0);
    for (at, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                titles.push(&line[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    titles.push(&line[start..]);
    titles
}

/// The values where TA-Lib is not the exact one, proven: `(column, series, first row)`,
/// exempt from that row to the end of the series (the first one must differ, so a stale
/// entry is noticed). STOCHRSI with MAMA (`fastd_matype` 7): where %K sits at exactly 0 or
/// 100 for ten bars or more, MAMA's exact in-phase component is 0 and TA-Lib's a residue of
/// its running sums (~1e-13), which turns its phase to ±90° and changes a later alpha; the
/// averages then differ to the end. The proof (exact arithmetic, TA-Lib's own in-phase and
/// MAMA on the same %K) is the `exact_phase` test of `src/average/mama.rs`.
const EXEMPT: &[(&str, &str, usize)] = &[
    ("STOCHRSI(14,5,3,7):fastd", "ndx", 313),
    ("STOCHRSI(5,10,4,7):fastd", "ndx", 317),
    ("STOCHRSI(14,5,3,7):fastd", "zero_range", 50),
];

/// The functions whose every value is TA-Lib's exactly (`==`: ±0 are one): the same
/// arithmetic in the same order, and of `libm` at most the square root, correctly rounded
/// everywhere (its other functions' last bit may differ between platforms). Compared without
/// tolerance, so that a change in the order of operations shows.
const EQUAL: &[&str] = &[
    "ADD",
    "AROON",
    "AROONOSC",
    "BOP",
    "CEIL",
    "DIV",
    "DONCHIAN",
    "FLOOR",
    "FRACTAL",
    "HA",
    "IMI",
    "MARKETFI",
    "MAXINDEX",
    "MEDPRICE",
    "MIDPOINT",
    "MIDPRICE",
    "MININDEX",
    "MINMAX",
    "MINMAXINDEX",
    "MULT",
    "OBV",
    "PERCENTILE",
    "QSTICK",
    "ROCR",
    "ROCR100",
    "SQRT",
    "SUB",
    "TYPPRICE",
    "WAD",
    "WCLPRICE",
    "WILLR",
];

/// Checks every column of `<name>.csv`; returns the number of values compared.
fn check_function(name: &str) -> usize {
    let text = fs::read_to_string(data_path(&format!("{name}.csv")))
        .unwrap_or_else(|e| panic!("{name}.csv: {e}; run scripts/generate_coverage_fixtures.py"));
    let mut lines = text.lines();
    let header = split_header(lines.next().expect("header"));
    assert_eq!(header[0], "series");
    let rows: Vec<Vec<&str>> = lines.map(|line| line.split(',').collect()).collect();
    let series = inputs();
    assert_eq!(
        rows.len(),
        series.iter().map(|s| s.close.len()).sum::<usize>(),
        "{name}.csv and inputs.csv differ in rows"
    );

    // Columns grouped by spec, in file order: (spec, [(column, output name)]).
    type Group<'a> = (&'a str, Vec<(usize, &'a str)>);
    let mut specs: Vec<Group> = Vec::new();
    for (col, title) in header.iter().enumerate().skip(1) {
        let (spec, output) = title.split_once(':').unwrap_or((title, ""));
        match specs.iter_mut().find(|(s, _)| *s == spec) {
            Some((_, outputs)) => outputs.push((col, output)),
            None => specs.push((spec, vec![(col, output)])),
        }
    }

    let mut compared = 0;
    let mut failures = Vec::new();
    for (spec, outputs) in &specs {
        let mut first_row = 0;
        for s in &series {
            let mut indicator: DynIndicator = spec
                .parse()
                .unwrap_or_else(|e| panic!("{name}: spec {spec} does not parse: {e}"));
            let names = indicator.outputs();
            let n = s.close.len();
            let mut values = vec![vec![0.0; n]; names.len()];
            {
                let mut slices: Vec<&mut [f64]> =
                    values.iter_mut().map(|v| v.as_mut_slice()).collect();
                let kind = indicator.info().inputs;
                indicator
                    .run_columns(&columns(s, &kind), &mut slices)
                    .unwrap_or_else(|e| panic!("{spec}: {e}"));
            }
            for &(col, output) in outputs {
                let k = if output.is_empty() {
                    assert_eq!(
                        names.len(),
                        1,
                        "{spec}: one column for {} outputs",
                        names.len()
                    );
                    0
                } else {
                    names
                        .iter()
                        .position(|o| *o == output)
                        .unwrap_or_else(|| panic!("{spec}: no output {output} in {names:?}"))
                };
                let exempt = EXEMPT
                    .iter()
                    .find(|(title, series, _)| *title == header[col] && *series == s.name)
                    .map(|&(_, _, from)| from);
                for (i, &ours) in values[k].iter().enumerate() {
                    let expected = parse_number(rows[first_row + i][col]);
                    let label = format!("{}[{}] on {} row {i}", spec, header[col], s.name);
                    if exempt.is_some_and(|from| i >= from) {
                        if exempt == Some(i) && (ours - expected).abs() <= 1e-9 {
                            failures.push(format!("{label}: exempt from here, yet equal"));
                        }
                        continue;
                    }
                    // Where TA-Lib overflows to ±∞ the crate has no value (it never
                    // outputs a non-finite number).
                    let expected_none = !expected.is_finite();
                    if expected_none || ours.is_nan() {
                        if expected_none != ours.is_nan() {
                            failures.push(format!("{label}: ours {ours}, TA-Lib {expected}"));
                        }
                    } else {
                        // LINEARREG_ANGLE is atan(slope) in degrees: TA-Lib's slope is off by
                        // up to ~1e-9 absolute (its sums round more than the crate's, which
                        // tests/properties_statistics.rs checks against exact arithmetic),
                        // and 180/π magnifies that: compare the slopes the angles stand for.
                        let (ours, expected) = if name == "LINEARREG_ANGLE" {
                            (ours.to_radians().tan(), expected.to_radians().tan())
                        } else {
                            (ours, expected)
                        };
                        let tolerance = if EQUAL.contains(&name) {
                            0.0
                        } else {
                            1e-9 * expected.abs().max(1.0)
                        };
                        if (ours - expected).abs() > tolerance {
                            failures.push(format!("{label}: ours {ours}, TA-Lib {expected}"));
                        }
                    }
                    compared += 1;
                }
            }
            first_row += s.close.len();
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {compared} values differ from TA-Lib; first ones:\n{}",
        failures.len(),
        failures[..failures.len().min(12)].join("\n")
    );
    compared
}

macro_rules! parity {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            let compared = check_function($name);
            assert!(compared > 0, "{}: no values compared", $name);
        }
    )*};
}

// One line per TA-Lib function, grouped by family; keep each group sorted.
parity! {
    // Overlap studies: moving averages.
    bbands => "BBANDS",
    hma => "HMA",
    kama => "KAMA",
    ma => "MA",
    mavp => "MAVP",
    t3 => "T3",
    rma => "RMA",
    trima => "TRIMA",
    vwma => "VWMA",
    zlema => "ZLEMA",
}

parity! {
    // Overlap studies: the Hilbert transform family and cycle indicators.
    ht_dcperiod => "HT_DCPERIOD",
    ht_dcphase => "HT_DCPHASE",
    ht_phasor => "HT_PHASOR",
    ht_sine => "HT_SINE",
    ht_trendline => "HT_TRENDLINE",
    ht_trendmode => "HT_TRENDMODE",
    mama => "MAMA",
}

parity! {
    // Overlap studies: bands, channels, stops; price transform; volatility.
    midpoint => "MIDPOINT",
    accbands => "ACCBANDS",
    donchian => "DONCHIAN",
    kc => "KC",
    midprice => "MIDPRICE",
    sar => "SAR",
    sarext => "SAREXT",
    supertrend => "SUPERTREND",
    adr => "ADR",
    avgdev => "AVGDEV",
    avgprice => "AVGPRICE",
    cvi => "CVI",
    ha => "HA",
    massi => "MASSI",
    medprice => "MEDPRICE",
    rvi => "RVI",
    typprice => "TYPPRICE",
    wclprice => "WCLPRICE",
}

parity! {
    // Momentum indicators built on moving averages.
    apo => "APO",
    kdj => "KDJ",
    macdext => "MACDEXT",
    macdfix => "MACDFIX",
    ppo => "PPO",
    pvo => "PVO",
    smi => "SMI",
    stoch => "STOCH",
    stochf => "STOCHF",
    stochrsi => "STOCHRSI",
    trix => "TRIX",
    tsi => "TSI",
}

parity! {
    // Momentum: directional movement and vortex.
    adx => "ADX",
    adxr => "ADXR",
    dx => "DX",
    minus_di => "MINUS_DI",
    minus_dm => "MINUS_DM",
    plus_di => "PLUS_DI",
    plus_dm => "PLUS_DM",
    vortex => "VORTEX",
}

parity! {
    // Momentum: window highs and lows.
    ac => "AC",
    ao => "AO",
    aroon => "AROON",
    aroonosc => "AROONOSC",
    cci => "CCI",
    eri => "ERI",
    fractal => "FRACTAL",
    ultosc => "ULTOSC",
    vhf => "VHF",
    willr => "WILLR",
}

parity! {
    // Momentum: closes and candles.
    bop => "BOP",
    cmo => "CMO",
    cmou => "CMOU",
    coppock => "COPPOCK",
    dpo => "DPO",
    er => "ER",
    imi => "IMI",
    mfi => "MFI",
    qstick => "QSTICK",
    rocr => "ROCR",
    rocr100 => "ROCR100",
    wad => "WAD",
}

parity! {
    // Volume indicators.
    ad => "AD",
    adosc => "ADOSC",
    cmf => "CMF",
    efi => "EFI",
    marketfi => "MARKETFI",
    nvi => "NVI",
    obv => "OBV",
    pvi => "PVI",
    pvt => "PVT",
    rvol => "RVOL",
    vwap => "VWAP",
}

parity! {
    // Statistic functions.
    fosc => "FOSC",
    linearreg => "LINEARREG",
    linearreg_angle => "LINEARREG_ANGLE",
    linearreg_intercept => "LINEARREG_INTERCEPT",
    linearreg_slope => "LINEARREG_SLOPE",
    percentile => "PERCENTILE",
    percentrank => "PERCENTRANK",
    tsf => "TSF",
}

parity! {
    // Math operators and transforms.
    acos => "ACOS",
    add => "ADD",
    asin => "ASIN",
    atan => "ATAN",
    ceil => "CEIL",
    cos => "COS",
    cosh => "COSH",
    cumsum => "CUMSUM",
    div => "DIV",
    exp => "EXP",
    floor => "FLOOR",
    ln => "LN",
    log10 => "LOG10",
    maxindex => "MAXINDEX",
    minindex => "MININDEX",
    minmax => "MINMAX",
    minmaxindex => "MINMAXINDEX",
    mult => "MULT",
    sin => "SIN",
    sinh => "SINH",
    sqrt => "SQRT",
    sub => "SUB",
    sum => "SUM",
    tan => "TAN",
    tanh => "TANH",
}

parity! {
    // Pattern recognition.
}

/// Every fixture file has its test above, so a function is never generated and forgotten.
#[test]
fn every_fixture_has_a_parity_test() {
    let source = include_str!("talib_coverage.rs");
    for entry in fs::read_dir(data_path("")).expect("coverage directory") {
        let file = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        if let Some(name) = file.strip_suffix(".csv").filter(|n| *n != "inputs") {
            assert!(
                source.contains(&format!("=> \"{name}\",")),
                "{file} has no line in the parity! list"
            );
        }
    }
}
