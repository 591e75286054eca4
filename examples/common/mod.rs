//! Shared by the examples: reading a daily CSV of closes, with errors that name the file
//! and the line.

use std::fmt;
use std::path::{Path, PathBuf};

pub const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ndx_daily.csv");

/// A problem with the input file, located by line (0 when the file itself cannot be read).
#[derive(Debug)]
pub struct InputError {
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
pub struct Day {
    pub date: String,
    pub close: f64,
}

pub fn read_closes(path: &Path) -> Result<Vec<Day>, InputError> {
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
