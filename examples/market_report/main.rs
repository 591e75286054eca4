//! A market report on the Nasdaq-100 for one date, from real data: trend, momentum, support
//! and resistance, volatility, relative strength of the other indexes, put/call sentiment
//! and index concentration.
//!
//! ```text
//! cargo run --release --example market_report                          # last date of the data
//! cargo run --release --example market_report -- --date 2025-11-11
//! cargo run --release --example market_report -- --ohlcv my.csv --closes closes.csv \
//!     --put-call cboe.csv --put-call-ratios ratios.csv --holdings holdings.csv
//! ```
//!
//! The bundled files are in `tests/data/` (see its README for their provenance). A malformed
//! file is reported with its file, line and column; a date outside the data with the
//! available range. Errors go to stderr as `error: ...`, with exit code 1.

mod report;

use std::path::PathBuf;

use chrono::NaiveDate;

use report::{build_report, Data, Paths};

/// How to call the example.
const USAGE: &str = "usage: market_report [--date YYYY-MM-DD] [--ohlcv FILE] [--closes FILE] \
                     [--put-call FILE] [--put-call-ratios FILE] [--holdings FILE]";

/// The parsed command line.
struct Options {
    date: Option<NaiveDate>,
    paths: Paths,
}

/// Parses the arguments (without the program name).
/// `None` when help was asked for.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        date: None,
        paths: Paths::default(),
    };
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--date" => {
                let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                    .map_err(|_| format!("--date {value:?}: expected YYYY-MM-DD"))?;
                options.date = Some(date);
            }
            "--ohlcv" => options.paths.ohlcv = PathBuf::from(value),
            "--closes" => options.paths.closes = PathBuf::from(value),
            "--put-call" => options.paths.put_call = PathBuf::from(value),
            "--put-call-ratios" => options.paths.put_call_ratios = PathBuf::from(value),
            "--holdings" => options.paths.holdings = PathBuf::from(value),
            _ => return Err(format!("unknown argument {flag:?}\n{USAGE}")),
        }
    }
    Ok(Some(options))
}

/// Reads the data, builds the report and prints it.
fn run() -> Result<(), Box<dyn std::error::Error>> {
    let Some(options) = parse_args(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let data = Data::load(&options.paths)?;
    let date = match options.date {
        Some(date) => date,
        None => data
            .ohlcv
            .last()
            .map(|bar| bar.date)
            .ok_or("the OHLCV file has no rows")?,
    };
    print!("{}", build_report(&data, date)?);
    Ok(())
}

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
