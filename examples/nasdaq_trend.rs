//! The Nasdaq-100's trend on its last day of data: close, SMA 50 and 200, EMA 20, RSI 14,
//! and where the close stands against its key moving averages.
//!
//! ```text
//! cargo run --release --example nasdaq_trend                      # bundled real data
//! cargo run --release --example nasdaq_trend -- --ohlcv my.csv    # your own daily file
//! ```
//!
//! The file needs a header row with at least `date` and `close` columns (other columns are
//! ignored), one row per day in ascending date order. A malformed file is reported with its
//! line number.

use std::fmt;
use std::path::{Path, PathBuf};

use ta_stream::prelude::*;

/// Where the bundled data lives (a copy of the Nasdaq-100 daily history, see tests/data/README.md).
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ndx_daily.csv");

/// A problem with the input file, located by line (0 when the file itself cannot be read).
#[derive(Debug)]
struct InputError {
    path: PathBuf,
    line: usize,
    message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.path.display(), self.message),
            line => write!(f, "{}:{line}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// One day of the input: its date as written, and the close.
struct Day {
    date: String,
    close: f64,
}

fn read_closes(path: &Path) -> Result<Vec<Day>, InputError> {
    let error = |line: usize, message: String| InputError {
        path: path.to_owned(),
        line,
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|e| error(0, format!("cannot read: {e}")))?;
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line));
    let (_, header) = lines
        .next()
        .ok_or_else(|| error(1, "empty file, expected a header row".into()))?;
    let columns: Vec<&str> = header.split(',').map(str::trim).collect();
    let find = |name: &str| {
        columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name))
            .ok_or_else(|| error(1, format!("no `{name}` column in header {header:?}")))
    };
    let (date_column, close_column) = (find("date")?, find("close")?);
    let mut days: Vec<Day> = Vec::new();
    for (number, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        if cells.len() != columns.len() {
            return Err(error(
                number,
                format!("expected {} fields, found {}", columns.len(), cells.len()),
            ));
        }
        let date = cells.get(date_column).copied().unwrap_or_default();
        let cell = cells.get(close_column).copied().unwrap_or_default();
        let close: f64 = cell
            .parse()
            .map_err(|_| error(number, format!("column `close`: {cell:?} is not a number")))?;
        if !close.is_finite() || close <= 0.0 {
            return Err(error(
                number,
                format!("column `close`: {close} is not a positive price"),
            ));
        }
        if let Some(previous) = days.last() {
            if date <= previous.date.as_str() {
                return Err(error(
                    number,
                    format!("date {date} does not follow {}", previous.date),
                ));
            }
        }
        days.push(Day {
            date: date.to_owned(),
            close,
        });
    }
    if days.is_empty() {
        return Err(error(2, "no data rows".into()));
    }
    Ok(days)
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = match (args.next().as_deref(), args.next()) {
        (None, _) => PathBuf::from(BUNDLED),
        (Some("--ohlcv"), Some(path)) => PathBuf::from(path),
        _ => return Err("usage: nasdaq_trend [--ohlcv FILE.csv]".into()),
    };
    let days = read_closes(&path)?;

    let mut sma20 = Sma::new(20)?;
    let mut sma50 = Sma::new(50)?;
    let mut sma200 = Sma::new(200)?;
    let mut ema20 = Ema::new(20)?;
    let mut rsi14 = Rsi::default();
    for day in &days {
        for average in [&mut sma20, &mut sma50, &mut sma200] {
            average.update(day.close);
        }
        ema20.update(day.close);
        rsi14.update(day.close);
    }

    let Some(last) = days.last() else {
        return Ok(());
    };
    let show = |value: Option<f64>| {
        value.map_or("n/a (not enough data)".to_owned(), |v| format!("{v:.2}"))
    };
    println!(
        "Nasdaq-100 on {} ({} trading days of data)",
        last.date,
        days.len()
    );
    println!("  close           {:.2}", last.close);
    for (label, value) in [
        ("SMA(20)", sma20.value()),
        ("SMA(50)", sma50.value()),
        ("SMA(200)", sma200.value()),
        ("EMA(20)", ema20.value()),
    ] {
        let position = value.map_or(String::new(), |average| {
            let distance = 100.0 * (last.close / average - 1.0);
            let side = if last.close > average {
                "above"
            } else {
                "below"
            };
            format!("  close {side} by {distance:+.2}%")
        });
        println!("  {label:<15} {}{position}", show(value));
    }
    let rsi = rsi14.value();
    let zone = match rsi {
        Some(r) if r >= 70.0 => "overbought (>= 70)",
        Some(r) if r <= 30.0 => "oversold (<= 30)",
        Some(_) => "neutral",
        None => "",
    };
    println!("  {:<15} {} {zone}", rsi14.to_string(), show(rsi));
    let key = [sma20.value(), sma50.value(), sma200.value()];
    match key.iter().copied().collect::<Option<Vec<f64>>>() {
        Some(averages) if averages.iter().all(|&a| last.close > a) => {
            println!("  above all key moving averages (20, 50, 200 days)")
        }
        Some(_) => println!("  not above all key moving averages (20, 50, 200 days)"),
        None => println!("  key moving averages need 200 days of data"),
    }
    Ok(())
}

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
