//! Builds indicators from spec strings (TA-Lib names and parameters) and prints their outputs
//! for the bundled data: the Nasdaq-100 daily bars, NDX against SPX for pair functions, the
//! CBOE total put and call volumes for `PUTCALL`. Pair functions get (NDX, SPX) as (real0,
//! real1), so `BETA` prints the beta of SPX on NDX, as `talib.BETA(ndx, spx)` would.
//!
//! ```text
//! cargo run --release --example catalog -- "RSI(14)" "BBANDS(20,2,2)"
//! cargo run --release --example catalog -- --file specs.txt --rows 5
//! cargo run --release --example catalog -- --list
//! ```
//!
//! A spec file holds one spec per line (`#` starts a comment). A malformed spec is reported
//! with its line number (or argument position), never a panic.

use std::error::Error;
use std::process::ExitCode;

use chrono::{NaiveDate, TimeZone, Utc};
use ta_stream::catalog::{self, DynIndicator, DynInput, InputKind};
use ta_stream::Indicator;

/// A CSV of the bundled data: header and rows of cells, with errors naming file and line.
/// Numbered rows of cells.
type Rows = Vec<(usize, Vec<String>)>;

fn read_csv(relative: &str) -> Result<(Vec<String>, Rows), String> {
    let path = format!("{}/tests/data/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut lines = text.lines().enumerate();
    let header = lines
        .next()
        .ok_or_else(|| format!("{path}: empty file"))?
        .1
        .split(',')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index + 1, line.split(',').map(str::to_owned).collect()))
        .collect();
    Ok((header, rows))
}

fn number(relative: &str, line: usize, row: &[String], column: usize) -> Result<f64, String> {
    let cell = row
        .get(column)
        .ok_or_else(|| format!("{relative}:{line}: missing column {column}"))?;
    cell.trim()
        .parse()
        .map_err(|e| format!("{relative}:{line}: {cell:?}: {e}"))
}

/// (date, input) rows for a function's input kind.
fn inputs(kind: InputKind) -> Result<Vec<(String, DynInput)>, String> {
    let (file, columns): (&str, &[usize]) = match kind {
        InputKind::Pair("puts", "calls") => ("cboe_put_call.csv", &[2, 1]),
        InputKind::Pair(..) => ("index_closes.csv", &[1, 2]),
        _ => ("ndx_daily.csv", &[1, 2, 3, 4, 5]),
    };
    let (_, rows) = read_csv(file)?;
    let mut out = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let date = row.first().cloned().unwrap_or_default();
        let mut values = Vec::with_capacity(columns.len());
        for &column in columns {
            values.push(number(file, line, &row, column)?);
        }
        let input = match values[..] {
            [first, second] => DynInput::pair(first, second),
            [open, high, low, close, volume] => {
                let day = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                    .map_err(|e| format!("{file}:{line}: {date:?}: {e}"))?;
                DynInput {
                    open,
                    high,
                    low,
                    close,
                    volume,
                    second: close,
                    timestamp: day.and_hms_opt(21, 0, 0).map(|t| Utc.from_utc_datetime(&t)),
                }
            }
            _ => return Err(format!("{file}:{line}: unexpected row")),
        };
        out.push((date, input));
    }
    Ok(out)
}

fn run(spec: &str, origin: &str, rows: usize) -> Result<(), Box<dyn Error>> {
    let mut indicator = DynIndicator::parse(spec).map_err(|e| format!("{origin}: {e}"))?;
    let data = inputs(indicator.info().inputs)?;
    println!("{indicator}  [{}]", indicator.info().summary);
    println!("date        {}", indicator.outputs().join("  "));
    let skip = data.len().saturating_sub(rows);
    for (index, (date, input)) in data.into_iter().enumerate() {
        let output = indicator.update(input);
        if index >= skip {
            let cells: Vec<String> = match output {
                Some(out) => out.as_slice().iter().map(|v| format!("{v:.4}")).collect(),
                None => indicator.outputs().iter().map(|_| "-".to_owned()).collect(),
            };
            println!("{date}  {}", cells.join("  "));
        }
    }
    println!();
    Ok(())
}

fn main() -> ExitCode {
    match try_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn try_main() -> Result<(), Box<dyn Error>> {
    let mut specs: Vec<(String, String)> = Vec::new();
    let mut rows = 10;
    let mut args = std::env::args().skip(1).enumerate();
    while let Some((position, arg)) = args.next() {
        match arg.as_str() {
            "--list" => {
                for info in catalog::functions() {
                    let params: Vec<String> = info
                        .params
                        .iter()
                        .map(|p| format!("{}={}", p.name, p.default))
                        .collect();
                    println!(
                        "{:<18} {:<22} {:<40} -> {}",
                        info.name,
                        info.group.name(),
                        params.join(", "),
                        info.outputs.join(", ")
                    );
                }
                return Ok(());
            }
            "--rows" => {
                let value = args.next().map(|(_, v)| v).ok_or("--rows needs a number")?;
                rows = value
                    .parse()
                    .map_err(|e| format!("--rows {value:?}: {e}"))?;
            }
            "--file" => {
                let path = args.next().map(|(_, v)| v).ok_or("--file needs a path")?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                for (index, line) in text.lines().enumerate() {
                    let spec = line.split('#').next().unwrap_or("").trim();
                    if !spec.is_empty() {
                        specs.push((spec.to_owned(), format!("{path}:{}", index + 1)));
                    }
                }
            }
            _ => specs.push((arg.clone(), format!("argument {}", position + 1))),
        }
    }
    if specs.is_empty() {
        specs = [
            "RSI(14)",
            "BBANDS(20, 2, 2)",
            "MACD",
            "MACROSS(50, 200)",
            "PUTCALL",
        ]
        .iter()
        .map(|s| ((*s).to_owned(), "default".to_owned()))
        .collect();
    }
    // Check every spec before running any, so that a typo on line 40 is reported at once.
    for (spec, origin) in &specs {
        DynIndicator::parse(spec).map_err(|e| format!("{origin}: {e}"))?;
    }
    for (spec, origin) in &specs {
        run(spec, origin, rows)?;
    }
    Ok(())
}
