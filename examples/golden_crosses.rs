//! Every golden cross and death cross of the Nasdaq-100 since 2019: the days on which the
//! 50-day simple moving average crossed above (golden) or below (death) the 200-day one,
//! with the close of that day.
//!
//! ```text
//! cargo run --release --example golden_crosses                      # bundled real data
//! cargo run --release --example golden_crosses -- --ohlcv my.csv    # your own daily file
//! ```
//!
//! The file needs a header row with at least `date` and `close` columns (other columns are
//! ignored), one row per day in ascending date order. A malformed file is reported with its
//! line number.

use std::fmt;
use std::path::{Path, PathBuf};

use ta_stream::signal::{MaCross, Relation};
use ta_stream::Indicator;

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
        _ => return Err("usage: golden_crosses [--ohlcv FILE.csv]".into()),
    };
    let days = read_closes(&path)?;

    let mut cross = MaCross::new(50, 200)?;
    println!(
        "Golden and death crosses of SMA(50) and SMA(200), {} to {}",
        days.first().map_or("", |d| d.date.as_str()),
        days.last().map_or("", |d| d.date.as_str()),
    );
    let mut count = 0;
    for day in &days {
        let Some(Some(event)) = cross.update(day.close) else {
            continue;
        };
        count += 1;
        let (fast, slow) = (cross.fast().value(), cross.slow().value());
        println!(
            "  {}  {event:<12}  close {:>10.2}  SMA50 {:>10.2}  SMA200 {:>10.2}",
            day.date,
            day.close,
            fast.unwrap_or(f64::NAN),
            slow.unwrap_or(f64::NAN),
        );
    }
    match (cross.is_ready(), cross.relation()) {
        (false, _) | (_, None) => println!(
            "  not enough data: the first comparison needs {} days",
            cross.warmup_period()
        ),
        (true, Some(relation)) => {
            let side = match relation {
                Relation::Above => "above (bullish side)",
                Relation::Below => "below (bearish side)",
                Relation::Equal => "equal to",
            };
            println!("  {count} crosses; SMA(50) is now {side} SMA(200)");
        }
    }
    Ok(())
}

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
