//! Nasdaq-100 quarterly weights of the January 2022 universe (the top 10 and the stages
//! that triggered), and the sector composition of the Invesco QQQ holdings of 2025-09-24.
//!
//! The 2022 file quotes Alphabet's whole market cap on both GOOG and GOOGL: the example
//! groups share classes by company name, sees the double count, and counts Alphabet once.
//! Securities of different companies quoting the same market cap (share classes left
//! ungrouped) are listed from the weighting report.
//! A malformed file is reported with its path and line number.
//!
//! Run with `cargo run --example index_weights`.

use std::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};

use ta_stream::index::{
    nasdaq100, DoubleCountPolicy, SectorComposition, Security, Universe, WeightingError,
};

/// A problem in an input file, with its location.
#[derive(Debug)]
struct FileError {
    path: PathBuf,
    line: usize,
    message: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

impl Error for FileError {}

/// The fields of one CSV line; double-quoted fields may contain commas.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            _ => {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    out
}

/// A CSV row and its line number (1-based).
type Row = (usize, Vec<String>);

/// Rows of a CSV file with `columns` fields each, with their line numbers (header skipped).
fn read_rows(path: &Path, columns: usize) -> Result<Vec<Row>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| FileError {
        path: path.to_owned(),
        line: 0,
        message: e.to_string(),
    })?;
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let row = fields(line);
        if row.len() != columns {
            return Err(FileError {
                path: path.to_owned(),
                line: index + 1,
                message: format!("expected {columns} fields, found {}", row.len()),
            }
            .into());
        }
        rows.push((index + 1, row));
    }
    Ok(rows)
}

fn number(path: &Path, line: usize, field: &str, text: &str) -> Result<f64, FileError> {
    text.trim().parse().map_err(|e| FileError {
        path: path.to_owned(),
        line,
        message: format!("{field} {text:?}: {e}"),
    })
}

/// The company of a share class: the name without its " Class X" suffix.
fn company(name: &str) -> String {
    match name.find(" Class ") {
        Some(i) => name
            .get(..i)
            .unwrap_or(name)
            .trim_end_matches([' ', '-'])
            .to_owned(),
        None => name.to_owned(),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");

    let path = data.join("ndx_market_caps_2022-01.csv");
    let mut securities = Vec::new();
    for (line, row) in read_rows(&path, 4)? {
        let [ticker, name, sector, cap] = row.as_slice() else {
            unreachable!("read_rows checked the field count")
        };
        let cap = number(&path, line, "market_cap_usd", cap)?;
        securities.push(
            Security::new(ticker, cap)
                .with_company(company(name))
                .with_sector(sector),
        );
    }
    let universe = match Universe::new(securities.clone()) {
        Err(WeightingError::DoubleCounted {
            company, tickers, ..
        }) => {
            println!("double count: {company} quoted in full on {tickers:?}; counting it once");
            Universe::with_policy(securities, DoubleCountPolicy::CompanyTotal)?
        }
        other => other?,
    };
    let weighting = nasdaq100::quarterly(&universe)?;
    println!(
        "\nNasdaq-100 quarterly method, {} securities / {} companies (Jan 2022 caps)",
        universe.len(),
        universe.companies().len()
    );
    println!("{:<6} {:>9} {:>9}", "ticker", "initial %", "capped %");
    for s in weighting.top(10) {
        println!(
            "{:<6} {:>9.3} {:>9.3}",
            s.ticker(),
            s.initial() * 100.0,
            s.weight() * 100.0
        );
    }
    for stage in weighting.report().stages() {
        println!(
            "stage: {} {} in round {} (observed {:.3}%): cohort {:?}, scale {:?}, AF {:.4}, capped {:?}",
            stage.level(),
            stage.stage(),
            stage.round(),
            stage.observed() * 100.0,
            stage.cohort(),
            stage.scale(),
            stage.adjustment_factor(),
            stage.capped()
        );
    }
    let suspected = weighting.report().suspected_double_counts();
    if suspected.is_empty() {
        println!("suspected double counts: none");
    }
    for (a, b) in suspected {
        println!("suspected double count: {a} and {b} quote the same market cap but are different companies");
    }

    let path = data.join("qqq_holdings_2025-09-24.csv");
    let mut holdings = Vec::new();
    for (line, row) in read_rows(&path, 6)? {
        let weight = number(
            &path,
            line,
            "weight_pct",
            row.get(3).map_or("", String::as_str),
        )?;
        holdings.push((row.get(2).cloned().unwrap_or_default(), weight));
    }
    let composition = SectorComposition::new(holdings)?;
    println!(
        "\nQQQ sector composition, 2025-09-24 (total {:.3}%)",
        composition.total()
    );
    for (sector, weight) in composition.iter() {
        println!("{sector:<24} {weight:>7.3}%");
    }
    Ok(())
}
