//! The market report's pure part: reading the five CSV files into typed rows (errors name
//! the file, the line and the column), computing the report for one date, and printing it.
//!
//! Shared by `examples/market_report/main.rs` and `tests/market_report.rs`.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use ta_stream::average::Sma;
use ta_stream::bar::Candle;
use ta_stream::index::monitor::{AGGREGATE_LIMIT, LARGE_THRESHOLD, SINGLE_LIMIT};
use ta_stream::index::SpecialRebalanceMonitor;
use ta_stream::levels::{LevelEvent, LevelsConfig, Role, SupportResistance};
use ta_stream::momentum::{Directional, DirectionalOutput, Macd, MacdOutput, Rsi};
use ta_stream::pattern::{CandlePatterns, PatternId, Signal};
use ta_stream::relative::{Beta, Correlation, PerformanceSpread};
use ta_stream::risk::{Drawdown, RealizedVolatility};
use ta_stream::sentiment::{OptionVolume, PutCall, PutCallReading, Regime};
use ta_stream::signal::{MaCross, MaCrossEvent, MaPosition, Zone, ZoneEvent, Zones};
use ta_stream::volatility::{Atr, Bollinger};
use ta_stream::volume::{Obv, RelativeVolume};
use ta_stream::Indicator;

/// The bundled data directory.
pub const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// Moving-average periods of the position section.
pub const KEY_PERIODS: [usize; 3] = [20, 50, 200];
/// Window of the beta and the correlation of the NDX to the S&P 500 (one trading year).
pub const BETA_PERIOD: usize = 252;
/// Days in which a level break counts as recent.
pub const RECENT_BREAK_DAYS: usize = 5;
/// Levels shown on each side of the close.
pub const LEVELS_SHOWN: usize = 3;
/// Successive closes beyond a level that break it (a three-day rule: one or two closes
/// beyond a level are often taken back within the week).
pub const BREAK_CLOSES: usize = 3;
/// A level broken more often than this is a congestion zone the price keeps crossing, not a
/// level the market reacts to: the report leaves it out.
pub const MAX_LEVEL_BREAKS: u64 = 3;
/// Trading days whose candlestick patterns the report lists (two weeks).
pub const RECENT_PATTERN_DAYS: usize = 10;
/// Candle shapes the report does not list: they describe a single candle's body and shadows
/// and appear on most days, where the other patterns are the turns and continuations an
/// analyst names.
pub const CANDLE_SHAPES: [PatternId; 7] = [
    PatternId::BeltHold,
    PatternId::ClosingMarubozu,
    PatternId::HighWave,
    PatternId::LongLine,
    PatternId::Marubozu,
    PatternId::ShortLine,
    PatternId::SpinningTop,
];
/// Window of the relative volume and of the average that on-balance volume is read against.
pub const VOLUME_PERIOD: usize = 20;

/// An error of the report: a malformed file (located by file, line and column), a date
/// outside the data, or an indicator that refused its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportError {
    /// A file that cannot be read or is malformed.
    File {
        /// The file as given.
        path: PathBuf,
        /// 1-based line (0 when the file cannot be read at all).
        line: usize,
        /// The column concerned, if one is.
        column: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The requested date is not covered by the daily OHLCV file.
    DateOutOfRange {
        /// The date asked for.
        date: NaiveDate,
        /// The file's first date.
        first: NaiveDate,
        /// The file's last date.
        last: NaiveDate,
        /// The file.
        path: PathBuf,
    },
    /// An indicator error (not expected with the fixed parameters used here).
    Indicator(String),
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File {
                path,
                line,
                column,
                message,
            } => {
                write!(f, "{}", path.display())?;
                if *line > 0 {
                    write!(f, ", line {line}")?;
                }
                if let Some(column) = column {
                    write!(f, ", column `{column}`")?;
                }
                write!(f, ": {message}")
            }
            Self::DateOutOfRange {
                date,
                first,
                last,
                path,
            } => write!(
                f,
                "no data for {date}: {} covers {first} to {last}",
                path.display()
            ),
            Self::Indicator(message) => write!(f, "indicator error: {message}"),
        }
    }
}

impl std::error::Error for ReportError {}

impl From<ta_stream::Error> for ReportError {
    fn from(error: ta_stream::Error) -> Self {
        Self::Indicator(error.to_string())
    }
}

// ---------------------------------------------------------------------------------------
// Reading CSV files
// ---------------------------------------------------------------------------------------

/// Splits one CSV line into cells; double quotes protect commas (`""` is a quote).
fn split_csv(line: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

/// One data row of a CSV file, with what is needed to locate an error in it.
struct Row<'a> {
    path: &'a Path,
    line: usize,
    cells: Vec<String>,
    columns: &'a HashMap<String, usize>,
}

impl Row<'_> {
    fn error(&self, column: &str, message: String) -> ReportError {
        ReportError::File {
            path: self.path.to_owned(),
            line: self.line,
            column: Some(column.to_owned()),
            message,
        }
    }

    fn text(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&index| self.cells.get(index))
            .map_or("", String::as_str)
    }

    fn date(&self, column: &str) -> Result<NaiveDate, ReportError> {
        let cell = self.text(column);
        NaiveDate::parse_from_str(cell, "%Y-%m-%d").map_err(|_| {
            self.error(
                column,
                format!("{cell:?} is not a date (expected YYYY-MM-DD)"),
            )
        })
    }

    fn number(&self, column: &str) -> Result<f64, ReportError> {
        let cell = self.text(column);
        match cell.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(self.error(column, format!("{cell:?} is not a number"))),
        }
    }

    fn positive(&self, column: &str) -> Result<f64, ReportError> {
        let value = self.number(column)?;
        if value > 0.0 {
            Ok(value)
        } else {
            Err(self.error(column, format!("{value} is not a positive number")))
        }
    }

    fn non_negative(&self, column: &str) -> Result<f64, ReportError> {
        let value = self.number(column)?;
        if value >= 0.0 {
            Ok(value)
        } else {
            Err(self.error(column, format!("{value} is negative")))
        }
    }
}

/// Reads a CSV file with a header row holding at least `required` (case-insensitive, any
/// order, other columns ignored) and calls `parse` on every non-blank data row.
fn read_csv<T>(
    path: &Path,
    required: &[&str],
    mut parse: impl FnMut(&Row<'_>) -> Result<T, ReportError>,
) -> Result<Vec<T>, ReportError> {
    let file_error = |line: usize, column: Option<&str>, message: String| ReportError::File {
        path: path.to_owned(),
        line,
        column: column.map(str::to_owned),
        message,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| file_error(0, None, format!("cannot read: {e}")))?;
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_start_matches('\u{feff}')))
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err(file_error(
            1,
            Some(required.first().copied().unwrap_or("date")),
            format!(
                "empty file, expected a header row with the columns {}",
                required.join(",")
            ),
        ));
    };
    let names = split_csv(header);
    let columns: HashMap<String, usize> = names
        .iter()
        .enumerate()
        .map(|(index, name)| (name.to_ascii_lowercase(), index))
        .collect();
    for &name in required {
        if !columns.contains_key(name) {
            return Err(file_error(
                header_line,
                Some(name),
                format!("missing column in the header {header:?}"),
            ));
        }
    }
    let mut rows = Vec::new();
    for (line, text) in lines {
        let cells = split_csv(text);
        if cells.len() != names.len() {
            let column = names.get(cells.len().min(names.len().saturating_sub(1)));
            return Err(file_error(
                line,
                column.map(String::as_str),
                format!("expected {} fields, found {}", names.len(), cells.len()),
            ));
        }
        rows.push(parse(&Row {
            path,
            line,
            cells,
            columns: &columns,
        })?);
    }
    if rows.is_empty() {
        return Err(file_error(
            header_line + 1,
            Some(required.first().copied().unwrap_or("date")),
            "no data rows after the header".into(),
        ));
    }
    Ok(rows)
}

/// Checks that the dates strictly increase, naming the line of the first that does not.
fn check_sorted<T>(
    path: &Path,
    rows: &[(usize, T)],
    date: impl Fn(&T) -> NaiveDate,
) -> Result<(), ReportError> {
    for pair in rows.windows(2) {
        if let [(_, previous), (line, current)] = pair {
            if date(current) <= date(previous) {
                return Err(ReportError::File {
                    path: path.to_owned(),
                    line: *line,
                    column: Some("date".into()),
                    message: format!(
                        "{} does not follow {} (dates must be strictly increasing)",
                        date(current),
                        date(previous)
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Reads dated rows, checks their order and drops the line numbers.
fn read_dated<T>(
    path: &Path,
    required: &[&str],
    parse: impl Fn(&Row<'_>) -> Result<T, ReportError>,
    date: impl Fn(&T) -> NaiveDate,
) -> Result<Vec<T>, ReportError> {
    let rows = read_csv(path, required, |row| Ok((row.line, parse(row)?)))?;
    check_sorted(path, &rows, date)?;
    Ok(rows.into_iter().map(|(_, row)| row).collect())
}

/// One day of the Nasdaq-100: date and candle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DailyBar {
    /// The trading day.
    pub date: NaiveDate,
    /// Open, high, low, close, volume (validated).
    pub candle: Candle,
}

/// One day of index closes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndexCloses {
    /// The trading day.
    pub date: NaiveDate,
    /// Nasdaq-100.
    pub ndx: f64,
    /// S&P 500.
    pub spx: f64,
    /// Dow Jones Industrial Average.
    pub dji: f64,
    /// Russell 2000.
    pub rut: f64,
}

/// One day of Cboe option volumes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PutCallDay {
    /// The trading day.
    pub date: NaiveDate,
    /// Total (equity + index) put and call volumes.
    pub total: OptionVolume,
    /// Equity put and call volumes.
    pub equity: OptionVolume,
}

/// One day of Cboe's published put/call ratios (no volumes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PutCallRatioDay {
    /// The trading day.
    pub date: NaiveDate,
    /// Equity put/call ratio.
    pub equity: f64,
    /// Index put/call ratio.
    pub index: f64,
}

/// One holding of the QQQ file.
#[derive(Debug, Clone, PartialEq)]
pub struct Holding {
    /// Ticker, e.g. `GOOGL`.
    pub ticker: String,
    /// Company name.
    pub name: String,
    /// Weight in percent.
    pub weight_pct: f64,
}

/// Reads the daily OHLCV file (`date,open,high,low,close,volume`).
pub fn read_ohlcv(path: &Path) -> Result<Vec<DailyBar>, ReportError> {
    read_dated(
        path,
        &["date", "open", "high", "low", "close", "volume"],
        |row| {
            let date = row.date("date")?;
            let [open, high, low, close] = [
                row.positive("open")?,
                row.positive("high")?,
                row.positive("low")?,
                row.positive("close")?,
            ];
            let volume = row.non_negative("volume")?;
            let candle = Candle::new(open, high, low, close, volume)
                .map_err(|e| row.error("high", e.to_string()))?;
            Ok(DailyBar { date, candle })
        },
        |bar| bar.date,
    )
}

/// Reads the index closes file (`date,ndx,spx,dji,rut,...`).
pub fn read_closes(path: &Path) -> Result<Vec<IndexCloses>, ReportError> {
    read_dated(
        path,
        &["date", "ndx", "spx", "dji", "rut"],
        |row| {
            Ok(IndexCloses {
                date: row.date("date")?,
                ndx: row.positive("ndx")?,
                spx: row.positive("spx")?,
                dji: row.positive("dji")?,
                rut: row.positive("rut")?,
            })
        },
        |day| day.date,
    )
}

/// Reads the Cboe put/call file (`date,total_calls,total_puts,equity_calls,equity_puts`).
pub fn read_put_call(path: &Path) -> Result<Vec<PutCallDay>, ReportError> {
    read_dated(
        path,
        &[
            "date",
            "total_calls",
            "total_puts",
            "equity_calls",
            "equity_puts",
        ],
        |row| {
            let volume = |puts: &str, calls: &str| {
                let (p, c) = (row.non_negative(puts)?, row.positive(calls)?);
                OptionVolume::new(p, c).map_err(|e| row.error(calls, e.to_string()))
            };
            Ok(PutCallDay {
                date: row.date("date")?,
                total: volume("total_puts", "total_calls")?,
                equity: volume("equity_puts", "equity_calls")?,
            })
        },
        |day| day.date,
    )
}

/// Reads the Cboe put/call ratios file (`date,equity_value,index_value`).
pub fn read_put_call_ratios(path: &Path) -> Result<Vec<PutCallRatioDay>, ReportError> {
    read_dated(
        path,
        &["date", "equity_value", "index_value"],
        |row| {
            Ok(PutCallRatioDay {
                date: row.date("date")?,
                equity: row.positive("equity_value")?,
                index: row.positive("index_value")?,
            })
        },
        |day| day.date,
    )
}

/// Reads the holdings file (`ticker,name,weight_pct,...`).
pub fn read_holdings(path: &Path) -> Result<Vec<Holding>, ReportError> {
    read_csv(path, &["ticker", "name", "weight_pct"], |row| {
        let ticker = row.text("ticker").to_owned();
        if ticker.is_empty() {
            return Err(row.error("ticker", "empty ticker".into()));
        }
        let weight_pct = row.non_negative("weight_pct")?;
        if weight_pct > 100.0 {
            return Err(row.error("weight_pct", format!("{weight_pct} is above 100%")));
        }
        Ok(Holding {
            ticker,
            name: row.text("name").to_owned(),
            weight_pct,
        })
    })
}

/// The five input files.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    /// Daily OHLCV of the Nasdaq-100.
    pub ohlcv: PathBuf,
    /// Index closes.
    pub closes: PathBuf,
    /// Cboe put/call volumes.
    pub put_call: PathBuf,
    /// Cboe put/call ratios (a later period than the volumes).
    pub put_call_ratios: PathBuf,
    /// QQQ holdings.
    pub holdings: PathBuf,
}

impl Default for Paths {
    /// The bundled files of `tests/data/`.
    fn default() -> Self {
        let dir = Path::new(DATA_DIR);
        Self {
            ohlcv: dir.join("ndx_daily.csv"),
            closes: dir.join("index_closes.csv"),
            put_call: dir.join("cboe_put_call.csv"),
            put_call_ratios: dir.join("cboe_put_call_ratios_2025-2026.csv"),
            holdings: dir.join("qqq_holdings_2025-09-24.csv"),
        }
    }
}

/// Everything the report reads, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    /// Where the OHLCV came from (for the range error).
    pub ohlcv_path: PathBuf,
    /// Daily bars of the Nasdaq-100, dates strictly increasing.
    pub ohlcv: Vec<DailyBar>,
    /// Index closes, dates strictly increasing.
    pub closes: Vec<IndexCloses>,
    /// Cboe option volumes, dates strictly increasing.
    pub put_call: Vec<PutCallDay>,
    /// Cboe put/call ratios, dates strictly increasing.
    pub put_call_ratios: Vec<PutCallRatioDay>,
    /// QQQ holdings.
    pub holdings: Vec<Holding>,
    /// The date of the holdings snapshot, taken from a `_YYYY-MM-DD` file name if any.
    pub holdings_date: Option<NaiveDate>,
}

impl Data {
    /// Reads and checks the five files.
    pub fn load(paths: &Paths) -> Result<Self, ReportError> {
        let holdings_date = paths
            .holdings
            .file_stem()
            .and_then(|stem| stem.to_str())
            .and_then(|stem| stem.get(stem.len().saturating_sub(10)..))
            .and_then(|tail| NaiveDate::parse_from_str(tail, "%Y-%m-%d").ok());
        Ok(Self {
            ohlcv_path: paths.ohlcv.clone(),
            ohlcv: read_ohlcv(&paths.ohlcv)?,
            closes: read_closes(&paths.closes)?,
            put_call: read_put_call(&paths.put_call)?,
            put_call_ratios: read_put_call_ratios(&paths.put_call_ratios)?,
            holdings: read_holdings(&paths.holdings)?,
            holdings_date,
        })
    }
}

// ---------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------

/// The close against one simple moving average.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AveragePosition {
    /// SMA period.
    pub period: usize,
    /// The average, `None` before `period` days.
    pub value: Option<f64>,
    /// `100·(close/average − 1)`.
    pub distance_percent: Option<f64>,
}

/// Something that happened on an earlier day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dated<E> {
    /// What happened.
    pub event: E,
    /// When.
    pub date: NaiveDate,
    /// Trading days before the report date (0 = on it).
    pub days_ago: usize,
}

/// A support or resistance level near the close.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelLine {
    /// Level price.
    pub price: f64,
    /// Pivots that formed it.
    pub touches: u64,
    /// `100·(level/close − 1)`.
    pub distance_percent: f64,
    /// Date of the last pivot touching it.
    pub last_touch: NaiveDate,
    /// Times it was broken.
    pub breaks: u64,
}

/// A level broken in the last few days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelBreak {
    /// Level price.
    pub price: f64,
    /// Its role after the break (a broken support becomes resistance).
    pub new_role: Role,
    /// The day of the break.
    pub date: NaiveDate,
}

/// Drawdown from the running peak of the closes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DrawdownLine {
    /// Current drawdown in percent (≤ 0).
    pub percent: f64,
    /// The peak close.
    pub peak: f64,
    /// Its date.
    pub peak_date: NaiveDate,
    /// Trading days since the peak.
    pub days_since_peak: u64,
    /// Deepest drawdown of the history, percent.
    pub max_percent: f64,
}

/// The day's volume against its recent average, and on-balance volume against its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VolumeLine {
    /// Shares traded on the day.
    pub volume: f64,
    /// The volume over the mean of the [`VOLUME_PERIOD`] days before (RVOL).
    pub relative: Option<f64>,
    /// On-balance volume above its [`VOLUME_PERIOD`]-day average: volume has been flowing
    /// in on up days.
    pub obv_above_average: Option<bool>,
}

/// The candlestick patterns completed on one trading day (candle shapes left out).
#[derive(Debug, Clone, PartialEq)]
pub struct PatternDay {
    /// The day.
    pub date: NaiveDate,
    /// The patterns with their signals, in TA-Lib's order.
    pub found: Vec<(PatternId, Signal)>,
}

/// Performance spreads of one index against the Nasdaq-100, in percentage points.
#[derive(Debug, Clone, PartialEq)]
pub struct SpreadLine {
    /// Index name.
    pub name: &'static str,
    /// Over 5 trading days.
    pub five_days: Option<f64>,
    /// Over 21 trading days (one month).
    pub one_month: Option<f64>,
    /// Since the last close of the prior year.
    pub year_to_date: Option<f64>,
}

/// The relative-strength section.
#[derive(Debug, Clone, PartialEq)]
pub enum RelativeSection {
    /// Computed from the closes up to the report date.
    Available {
        /// The last closes row used: the report date, or the latest row before it (the
        /// closes file may end before the OHLCV file).
        as_of: NaiveDate,
        /// Base of the year-to-date spreads: last close of the prior year, if present.
        ytd_base: Option<NaiveDate>,
        /// Russell 2000, S&P 500, Dow against the NDX.
        spreads: Vec<SpreadLine>,
        /// Beta of the NDX on the S&P 500 (daily returns, [`BETA_PERIOD`] days).
        beta: Option<f64>,
        /// Correlation of their daily returns over the same window.
        correlation: Option<f64>,
    },
    /// The closes file starts after the date.
    Unavailable {
        /// First date of the closes file.
        first: NaiveDate,
        /// Last date of the closes file.
        last: NaiveDate,
    },
}

/// The put/call section: from whichever bundled Cboe file has the latest day on or before
/// the report date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PutCallSection {
    /// From the Cboe volumes (2006 to 2019): total and equity ratios, the regime of the total.
    Available {
        /// The Cboe row used (the report date, or the latest day before it).
        as_of: NaiveDate,
        /// Total put/call ratio of the day.
        total_ratio: f64,
        /// Equity put/call ratio of the day.
        equity_ratio: f64,
        /// The total ratio's 10-day average, z-score, percentile and regime (`None`
        /// during the 252-day warm-up).
        reading: Option<PutCallReading>,
        /// The last regime change up to the date.
        last_change: Option<Dated<(Regime, Regime)>>,
    },
    /// From Cboe's published ratios (2025 on): equity and index ratios, the regime of the
    /// equity ratio (the classic contrarian gauge).
    Ratios {
        /// The row used (the report date, or the latest day before it).
        today: PutCallRatioDay,
        /// The day before it in the file, if any.
        previous: Option<PutCallRatioDay>,
        /// The equity ratio's 10-day average, z-score, percentile and regime (`None` during
        /// the 252-day warm-up).
        reading: Option<PutCallReading>,
        /// The last regime change up to the date.
        last_change: Option<Dated<(Regime, Regime)>>,
    },
    /// Both Cboe files start after the date.
    Unavailable {
        /// First date of the Cboe files.
        first: NaiveDate,
        /// Last date of the Cboe files.
        last: NaiveDate,
    },
}

/// Concentration of the index weights (QQQ holdings, share classes grouped by company).
#[derive(Debug, Clone, PartialEq)]
pub struct Concentration {
    /// Date of the snapshot, when known.
    pub as_of: Option<NaiveDate>,
    /// The five heaviest companies and their weights in percent.
    pub top5: Vec<(String, f64)>,
    /// Their total weight in percent.
    pub top5_sum: f64,
    /// Companies above 4.5%, heaviest first, with weights in percent.
    pub large: Vec<(String, f64)>,
    /// Their total in percent.
    pub large_sum: f64,
    /// The heaviest company and its weight in percent.
    pub largest: (String, f64),
    /// The special-rebalance breaches (empty: no special rebalance).
    pub breaches: Vec<String>,
}

/// The analyst's picture of the Nasdaq-100 on one date: every figure of the printout.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The date asked for.
    pub requested: NaiveDate,
    /// The trading day reported (the requested date or the last trading day before it).
    pub date: NaiveDate,
    /// Trading days of history up to the date.
    pub days: usize,
    /// Close of the day.
    pub close: f64,
    /// Previous close, if any.
    pub previous_close: Option<f64>,
    /// Change from the previous close, points.
    pub change: Option<f64>,
    /// Change from the previous close, percent.
    pub change_percent: Option<f64>,
    /// Close against SMA 20, 50, 200.
    pub averages: Vec<AveragePosition>,
    /// RSI(14).
    pub rsi: Option<f64>,
    /// Its zone (70/30).
    pub rsi_zone: Option<Zone>,
    /// The most recent zone event.
    pub rsi_event: Option<Dated<ZoneEvent>>,
    /// The last golden or death cross (SMA 50 / SMA 200).
    pub cross: Option<Dated<MaCrossEvent>>,
    /// SMA 50 above SMA 200 on the date.
    pub fast_above_slow: Option<bool>,
    /// Nearest supports below the close, nearest first.
    pub supports: Vec<LevelLine>,
    /// Nearest resistances above the close, nearest first.
    pub resistances: Vec<LevelLine>,
    /// Level breaks in the last [`RECENT_BREAK_DAYS`] trading days, latest first.
    pub recent_breaks: Vec<LevelBreak>,
    /// MACD(12, 26, 9).
    pub macd: Option<MacdOutput>,
    /// Wilder's directional movement (14): ADX with +DI and −DI.
    pub directional: Option<DirectionalOutput>,
    /// Bollinger (20, 2) %B.
    pub percent_b: Option<f64>,
    /// ATR(14), points.
    pub atr: Option<f64>,
    /// 20-day realised volatility, annualised, percent.
    pub volatility: Option<f64>,
    /// Drawdown from the peak.
    pub drawdown: DrawdownLine,
    /// Volume and on-balance volume, when the day has a volume.
    pub volume: Option<VolumeLine>,
    /// The days of the last [`RECENT_PATTERN_DAYS`] trading days that completed candlestick
    /// patterns (candle shapes left out), latest first.
    pub patterns: Vec<PatternDay>,
    /// Relative strength of the other indexes.
    pub relative: RelativeSection,
    /// Put/call sentiment.
    pub put_call: PutCallSection,
    /// Index concentration, if the holdings file has rows.
    pub concentration: Option<Concentration>,
}

/// Index of the last row dated on or before `date`.
fn last_on_or_before<T>(
    rows: &[T],
    date: NaiveDate,
    key: impl Fn(&T) -> NaiveDate,
) -> Option<usize> {
    rows.partition_point(|row| key(row) <= date).checked_sub(1)
}

/// Computes the report for `date` (or the last trading day before it).
///
/// # Errors
/// [`ReportError::DateOutOfRange`] when the OHLCV file does not cover `date`.
pub fn build_report(data: &Data, date: NaiveDate) -> Result<Report, ReportError> {
    let bars = &data.ohlcv;
    let (Some(first), Some(last)) = (bars.first(), bars.last()) else {
        return Err(ReportError::File {
            path: data.ohlcv_path.clone(),
            line: 2,
            column: Some("date".into()),
            message: "no data rows".into(),
        });
    };
    let out_of_range = || ReportError::DateOutOfRange {
        date,
        first: first.date,
        last: last.date,
        path: data.ohlcv_path.clone(),
    };
    if date < first.date || date > last.date {
        return Err(out_of_range());
    }
    let end = last_on_or_before(bars, date, |bar| bar.date).ok_or_else(out_of_range)?;
    let history = bars.get(..=end).ok_or_else(out_of_range)?;
    let day = history.last().copied().ok_or_else(out_of_range)?;
    let date_of = |index: u64| {
        usize::try_from(index)
            .ok()
            .and_then(|i| history.get(i))
            .map_or(day.date, |bar| bar.date)
    };

    let mut position = MaPosition::sma(&KEY_PERIODS)?;
    let mut rsi = Rsi::default();
    let mut zones = Zones::default();
    let mut cross = MaCross::default();
    let mut levels =
        SupportResistance::new(LevelsConfig::default().with_break_closes(Some(BREAK_CLOSES)))?;
    let mut macd = Macd::default();
    let mut directional = Directional::default();
    let mut bollinger = Bollinger::default();
    let mut atr = Atr::default();
    let mut volatility = RealizedVolatility::new(20)?;
    let mut drawdown = Drawdown::new();
    let mut relative_volume = RelativeVolume::new(VOLUME_PERIOD)?;
    let mut obv = Obv::new();
    let mut obv_average = Sma::new(VOLUME_PERIOD)?;
    let mut candle_patterns = CandlePatterns::new();

    let mut rsi_event = None;
    let mut last_cross = None;
    let mut breaks = Vec::new();
    let mut position_reading = None;
    let mut drawdown_reading = None;
    let mut relative_reading = None;
    let mut obv_reading = None;
    let mut pattern_days = Vec::new();
    let recent_from = history.len().saturating_sub(RECENT_PATTERN_DAYS);
    for (index, bar) in history.iter().enumerate() {
        let close = bar.candle.close;
        position_reading = position.update(close);
        if let Some(value) = rsi.update(close) {
            if let Some(reading) = zones.update(value) {
                if let Some(event) = reading.events().last() {
                    rsi_event = Some((event, index));
                }
            }
        }
        if let Some(Some(event)) = cross.update(close) {
            last_cross = Some((event, index));
        }
        if let Some(reading) = levels.update(bar.candle) {
            if let Some(LevelEvent::Break(level)) = reading.event {
                breaks.push((level, index));
            }
        }
        macd.update(close);
        directional.update(bar.candle);
        bollinger.update(close);
        atr.update(bar.candle);
        volatility.update(close);
        drawdown_reading = drawdown.update(close);
        relative_reading = relative_volume.update(bar.candle.volume);
        obv_reading = obv
            .update((close, bar.candle.volume))
            .map(|value| (value, obv_average.update(value)));
        let found = candle_patterns.update(bar.candle);
        let found: Vec<_> = found
            .iter()
            .flat_map(|set| set.iter())
            .filter(|(id, _)| !CANDLE_SHAPES.contains(id))
            .collect();
        if index >= recent_from && !found.is_empty() {
            pattern_days.push(PatternDay {
                date: bar.date,
                found,
            });
        }
    }
    pattern_days.reverse();
    let dated_at = |index: usize| {
        (
            history.get(index).map_or(day.date, |bar| bar.date),
            end - index,
        )
    };

    let close = day.candle.close;
    let previous_close = end
        .checked_sub(1)
        .and_then(|i| bars.get(i))
        .map(|bar| bar.candle.close);
    let averages = KEY_PERIODS
        .iter()
        .enumerate()
        .map(|(i, &period)| {
            let average = position_reading.and_then(|reading| reading.get(i));
            AveragePosition {
                period,
                value: average.map(|a| a.value()),
                distance_percent: average.and_then(|a| a.distance_percent()),
            }
        })
        .collect();

    let level_line = |level: ta_stream::levels::Level| LevelLine {
        price: level.price(),
        touches: level.touches(),
        distance_percent: 100.0 * (level.price() / close - 1.0),
        last_touch: date_of(level.last_touch()),
        breaks: level.breaks(),
    };
    let mut supports: Vec<LevelLine> = levels
        .levels()
        .filter(|level| level.price() < close && level.breaks() <= MAX_LEVEL_BREAKS)
        .map(level_line)
        .collect();
    supports.sort_by(|a, b| b.price.total_cmp(&a.price));
    supports.truncate(LEVELS_SHOWN);
    let mut resistances: Vec<LevelLine> = levels
        .levels()
        .filter(|level| level.price() >= close && level.breaks() <= MAX_LEVEL_BREAKS)
        .map(level_line)
        .collect();
    resistances.sort_by(|a, b| a.price.total_cmp(&b.price));
    resistances.truncate(LEVELS_SHOWN);
    let recent_breaks = breaks
        .iter()
        .rev()
        .take_while(|(_, index)| end - index < RECENT_BREAK_DAYS)
        .filter(|(level, _)| {
            // Breaks of congestion zones are left out with the zones themselves.
            let now = levels.levels().find(|l| l.price() == level.price());
            level.breaks() <= MAX_LEVEL_BREAKS && now.is_none_or(|l| l.breaks() <= MAX_LEVEL_BREAKS)
        })
        .map(|(level, index)| LevelBreak {
            price: level.price(),
            new_role: level.role(),
            date: history.get(*index).map_or(day.date, |bar| bar.date),
        })
        .collect();

    let drawdown = drawdown_reading.map_or(
        DrawdownLine {
            percent: 0.0,
            peak: close,
            peak_date: day.date,
            days_since_peak: 0,
            max_percent: 0.0,
        },
        |d| DrawdownLine {
            percent: 100.0 * d.drawdown,
            peak: d.peak,
            peak_date: date_of(d.peak_index),
            days_since_peak: d.duration,
            max_percent: 100.0 * d.max_drawdown,
        },
    );

    Ok(Report {
        requested: date,
        date: day.date,
        days: history.len(),
        close,
        previous_close,
        change: previous_close.map(|p| close - p),
        change_percent: previous_close.map(|p| 100.0 * (close / p - 1.0)),
        averages,
        rsi: rsi.value(),
        rsi_zone: rsi.value().map(|value| zones.zone_of(value)),
        rsi_event: rsi_event.map(|(event, index)| {
            let (date, days_ago) = dated_at(index);
            Dated {
                event,
                date,
                days_ago,
            }
        }),
        cross: last_cross.map(|(event, index)| {
            let (date, days_ago) = dated_at(index);
            Dated {
                event,
                date,
                days_ago,
            }
        }),
        fast_above_slow: match (cross.fast().value(), cross.slow().value()) {
            (Some(fast), Some(slow)) => Some(fast > slow),
            _ => None,
        },
        supports,
        resistances,
        recent_breaks,
        macd: macd.value(),
        directional: directional.value(),
        percent_b: bollinger.value().map(|bands| bands.percent_b),
        atr: atr.value(),
        volatility: volatility.value().map(|sigma| 100.0 * sigma),
        drawdown,
        volume: Some(VolumeLine {
            volume: day.candle.volume,
            relative: relative_reading,
            obv_above_average: obv_reading
                .and_then(|(value, average)| average.map(|average| value > average)),
        })
        .filter(|line| line.volume > 0.0),
        patterns: pattern_days,
        relative: relative_section(&data.closes, day.date)?,
        put_call: put_call_section(&data.put_call, &data.put_call_ratios, day.date)?,
        concentration: concentration(&data.holdings, data.holdings_date)?,
    })
}

/// Picks one index's close out of a row of closes.
type Column = fn(&IndexCloses) -> f64;

/// Spreads, beta and correlation from the closes up to `date`.
fn relative_section(
    closes: &[IndexCloses],
    date: NaiveDate,
) -> Result<RelativeSection, ReportError> {
    let (Some(first), Some(last)) = (closes.first(), closes.last()) else {
        return Err(ReportError::Indicator("empty closes".into()));
    };
    let unavailable = RelativeSection::Unavailable {
        first: first.date,
        last: last.date,
    };
    let Some(end) = last_on_or_before(closes, date, |day| day.date) else {
        return Ok(unavailable);
    };
    let history = closes.get(..=end).unwrap_or_default();
    let Some(today) = history.last() else {
        return Ok(unavailable);
    };
    let year_start = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today.date), 1, 1);
    let base = year_start
        .and_then(|start| last_on_or_before(history, start.pred_opt()?, |day| day.date))
        .and_then(|i| history.get(i));
    let pick: [(&'static str, Column); 3] = [
        ("Russell 2000", |d| d.rut),
        ("S&P 500", |d| d.spx),
        ("Dow Jones", |d| d.dji),
    ];
    let mut spreads = Vec::new();
    for (name, asset) in pick {
        let pairs: Vec<(f64, f64)> = history.iter().map(|d| (asset(d), d.ndx)).collect();
        let last_of = |mut spread: PerformanceSpread| -> Option<f64> {
            spread.batch(&pairs).last().copied().flatten()
        };
        let year_to_date = match base {
            Some(base) => {
                PerformanceSpread::since(asset(base), base.ndx)?.update((asset(today), today.ndx))
            }
            None => None,
        };
        spreads.push(SpreadLine {
            name,
            five_days: last_of(PerformanceSpread::new(5)?),
            one_month: last_of(PerformanceSpread::new(21)?),
            year_to_date,
        });
    }
    let pairs: Vec<(f64, f64)> = history.iter().map(|d| (d.ndx, d.spx)).collect();
    let beta = Beta::new(BETA_PERIOD)?
        .batch(&pairs)
        .last()
        .copied()
        .flatten();
    let correlation = Correlation::new(BETA_PERIOD)?
        .batch(&pairs)
        .last()
        .copied()
        .flatten();
    Ok(RelativeSection::Available {
        as_of: today.date,
        ytd_base: base.map(|b| b.date),
        spreads,
        beta,
        correlation,
    })
}

/// Runs the default [`PutCall`] over `inputs` (dated), returning the last reading and the
/// last regime change.
fn put_call_regime(
    inputs: impl ExactSizeIterator<Item = (NaiveDate, OptionVolume)>,
) -> (Option<PutCallReading>, Option<Dated<(Regime, Regime)>>) {
    let end = inputs.len().saturating_sub(1);
    let mut put_call = PutCall::default();
    let mut reading = None;
    let mut last_change = None;
    for (index, (date, input)) in inputs.enumerate() {
        reading = put_call.update(input);
        if let Some(change) = reading.and_then(|r| r.change) {
            last_change = Some(Dated {
                event: (change.from, change.to),
                date,
                days_ago: end - index,
            });
        }
    }
    (reading, last_change)
}

/// The put/call reading on `date` from the latest Cboe day on or before it, in whichever of
/// the two files (volumes, ratios) has the later such day.
fn put_call_section(
    volumes: &[PutCallDay],
    ratios: &[PutCallRatioDay],
    date: NaiveDate,
) -> Result<PutCallSection, ReportError> {
    let firsts = [
        volumes.first().map(|d| d.date),
        ratios.first().map(|d| d.date),
    ];
    let lasts = [
        volumes.last().map(|d| d.date),
        ratios.last().map(|d| d.date),
    ];
    let (Some(first), Some(last)) = (
        firsts.into_iter().flatten().min(),
        lasts.into_iter().flatten().max(),
    ) else {
        return Err(ReportError::Indicator("empty put/call data".into()));
    };
    let volume_end = last_on_or_before(volumes, date, |day| day.date);
    let ratio_end = last_on_or_before(ratios, date, |day| day.date);
    let volume_day = volume_end.and_then(|i| volumes.get(i));
    let ratio_day = ratio_end.and_then(|i| ratios.get(i));
    match (volume_day, ratio_day, ratio_end) {
        (_, Some(&today), Some(end)) if volume_day.is_none_or(|v| v.date < today.date) => {
            let history = ratios.get(..=end).unwrap_or_default();
            let inputs = history
                .iter()
                .map(|day| Ok((day.date, OptionVolume::from_ratio(day.equity)?)))
                .collect::<Result<Vec<_>, ta_stream::Error>>()?;
            let (reading, last_change) = put_call_regime(inputs.into_iter());
            Ok(PutCallSection::Ratios {
                today,
                previous: end.checked_sub(1).and_then(|i| ratios.get(i)).copied(),
                reading,
                last_change,
            })
        }
        (Some(today), _, _) => {
            let history = volumes.get(..=volume_end.unwrap_or(0)).unwrap_or_default();
            let (reading, last_change) =
                put_call_regime(history.iter().map(|day| (day.date, day.total)));
            Ok(PutCallSection::Available {
                as_of: today.date,
                total_ratio: today.total.ratio(),
                equity_ratio: today.equity.ratio(),
                reading,
                last_change,
            })
        }
        _ => Ok(PutCallSection::Unavailable { first, last }),
    }
}

/// The company a ticker belongs to (share classes grouped).
fn company(holding: &Holding) -> String {
    match holding.ticker.as_str() {
        "GOOG" | "GOOGL" => "Alphabet".to_owned(),
        "FOX" | "FOXA" => "Fox".to_owned(),
        ticker => ticker.to_owned(),
    }
}

/// Concentration of the holdings and the special-rebalance test.
fn concentration(
    holdings: &[Holding],
    as_of: Option<NaiveDate>,
) -> Result<Option<Concentration>, ReportError> {
    let mut companies: Vec<(String, f64)> = Vec::new();
    for holding in holdings {
        let name = company(holding);
        match companies.iter_mut().find(|(c, _)| *c == name) {
            Some(entry) => entry.1 += holding.weight_pct,
            None => companies.push((name, holding.weight_pct)),
        }
    }
    companies.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(largest) = companies.first().cloned() else {
        return Ok(None);
    };
    let top5: Vec<(String, f64)> = companies.iter().take(5).cloned().collect();
    let large: Vec<(String, f64)> = companies
        .iter()
        .filter(|(_, w)| *w > 100.0 * LARGE_THRESHOLD)
        .cloned()
        .collect();
    let breaches =
        SpecialRebalanceMonitor::check(companies.iter().map(|(c, w)| (c.as_str(), w / 100.0)))?
            .iter()
            .map(ToString::to_string)
            .collect();
    Ok(Some(Concentration {
        as_of,
        top5_sum: top5.iter().map(|(_, w)| w).sum(),
        top5,
        large_sum: large.iter().map(|(_, w)| w).sum(),
        large,
        largest,
        breaches,
    }))
}

// ---------------------------------------------------------------------------------------
// Printing
// ---------------------------------------------------------------------------------------

/// `12.34` or `n/a`.
fn num(value: Option<f64>, decimals: usize) -> String {
    value.map_or("n/a".into(), |v| format!("{v:.decimals$}"))
}

/// `3 days ago`, `today`, `1 day ago`.
fn ago(days: usize) -> String {
    match days {
        0 => "today".into(),
        1 => "1 day ago".into(),
        n => format!("{n} days ago"),
    }
}

/// The regime line of the put/call section (`average` names the smoothed series, `history`
/// what the warm-up needs 252 days of) and its last change.
fn write_regime(
    f: &mut fmt::Formatter<'_>,
    reading: &Option<PutCallReading>,
    last_change: &Option<Dated<(Regime, Regime)>>,
    average: &str,
    history: &str,
) -> fmt::Result {
    match reading {
        Some(r) => writeln!(
            f,
            "  regime           {}: {average} {:.2}, z-score {:+.2}, percentile {:.0} (252 days)",
            r.regime, r.smoothed, r.z_score, r.percentile
        )?,
        None => writeln!(f, "  regime           n/a (needs 252 days of {history})")?,
    }
    if let Some(c) = last_change {
        writeln!(
            f,
            "  last change      {} to {} on {} ({})",
            c.event.0,
            c.event.1,
            c.date,
            ago(c.days_ago)
        )?;
    }
    Ok(())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Nasdaq-100 market report for {} ({} trading days of history)",
            self.date, self.days
        )?;
        if self.requested != self.date {
            writeln!(
                f,
                "  ({} is not a trading day in the data; showing the last trading day before it)",
                self.requested
            )?;
        }
        writeln!(f)?;
        writeln!(f, "Price")?;
        match (self.change, self.change_percent) {
            (Some(change), Some(percent)) => writeln!(
                f,
                "  close            {:.2}  {change:+.2} ({percent:+.2}%) on the day",
                self.close
            )?,
            _ => writeln!(
                f,
                "  close            {:.2}  (no previous close)",
                self.close
            )?,
        }
        for average in &self.averages {
            let label = format!("SMA({})", average.period);
            match (average.value, average.distance_percent) {
                (Some(value), Some(distance)) => writeln!(
                    f,
                    "  {label:<16} {value:.2}  close {} by {:.2}%",
                    if distance >= 0.0 { "above" } else { "below" },
                    distance.abs()
                )?,
                _ => writeln!(f, "  {label:<16} n/a (needs {} days)", average.period)?,
            }
        }
        let known: Vec<f64> = self
            .averages
            .iter()
            .filter_map(|a| a.distance_percent)
            .collect();
        if known.len() == self.averages.len() {
            let above = known.iter().filter(|d| **d > 0.0).count();
            let verdict = match above {
                n if n == known.len() => "above all three key averages".to_owned(),
                0 => "below all three key averages".to_owned(),
                n => format!("above {n} of the 3 key averages"),
            };
            writeln!(f, "  position         {verdict}")?;
        }

        writeln!(f)?;
        writeln!(f, "Momentum and trend")?;
        let zone = self.rsi_zone.map_or(String::new(), |z| format!(", {z}"));
        let event = self
            .rsi_event
            .map_or("; no overbought/oversold event yet".to_owned(), |e| {
                format!("; {} {} ({})", e.event, ago(e.days_ago), e.date)
            });
        writeln!(f, "  RSI(14)          {}{zone}{event}", num(self.rsi, 1))?;
        match self.macd {
            Some(m) => writeln!(
                f,
                "  MACD(12,26,9)    {:.2}, signal {:.2}, histogram {:+.2} ({})",
                m.macd,
                m.signal,
                m.histogram,
                if m.histogram >= 0.0 {
                    "MACD above signal"
                } else {
                    "MACD below signal"
                }
            )?,
            None => writeln!(f, "  MACD(12,26,9)    n/a")?,
        }
        if let Some((d, Some(adx))) = self.directional.map(|d| (d, d.adx)) {
            let strength = if adx >= 25.0 {
                "trending"
            } else if adx < 20.0 {
                "no trend"
            } else {
                "weak trend"
            };
            let side = if d.plus_di >= d.minus_di {
                "+DI above −DI"
            } else {
                "−DI above +DI"
            };
            writeln!(f, "  ADX(14)          {adx:.1} ({strength}; {side})")?;
        }
        let relation = match self.fast_above_slow {
            Some(true) => "SMA(50) above SMA(200)",
            Some(false) => "SMA(50) below SMA(200)",
            None => "SMA(200) not ready",
        };
        match self.cross {
            Some(c) => writeln!(
                f,
                "  last cross       {} on {} ({}); {relation}",
                c.event,
                c.date,
                ago(c.days_ago)
            )?,
            None => writeln!(
                f,
                "  last cross       no golden or death cross yet; {relation}"
            )?,
        }

        writeln!(f)?;
        writeln!(
            f,
            "Support and resistance (swing pivots 5/5, 1% clusters, {BREAK_CLOSES}-close breaks; \
             levels broken over {MAX_LEVEL_BREAKS} times left out)"
        )?;
        let line = |f: &mut fmt::Formatter<'_>, label: &str, levels: &[LevelLine]| {
            if levels.is_empty() {
                return writeln!(f, "  {label:<16} none");
            }
            for (i, level) in levels.iter().enumerate() {
                writeln!(
                    f,
                    "  {:<16} {:.2} ({:+.2}%), {} touch{}, last {}{}",
                    if i == 0 { label } else { "" },
                    level.price,
                    level.distance_percent,
                    level.touches,
                    if level.touches == 1 { "" } else { "es" },
                    level.last_touch,
                    match level.breaks {
                        0 => String::new(),
                        1 => ", broken once".into(),
                        n => format!(", broken {n} times"),
                    }
                )?;
            }
            Ok(())
        };
        line(f, "resistance", &self.resistances)?;
        line(f, "support", &self.supports)?;
        if self.recent_breaks.is_empty() {
            writeln!(
                f,
                "  breaks           none in the last {RECENT_BREAK_DAYS} trading days"
            )?;
        }
        for (i, b) in self.recent_breaks.iter().enumerate() {
            let what = match b.new_role {
                Role::Resistance => "support broken (now resistance)",
                Role::Support => "resistance broken (now support)",
            };
            writeln!(
                f,
                "  {:<16} {what} at {:.2} on {}",
                if i == 0 { "recent breaks" } else { "" },
                b.price,
                b.date
            )?;
        }

        writeln!(f)?;
        writeln!(f, "Volatility and risk")?;
        writeln!(f, "  Bollinger %B     {} (20, 2)", num(self.percent_b, 2))?;
        let atr_percent = self.atr.map(|a| 100.0 * a / self.close);
        writeln!(
            f,
            "  ATR(14)          {} points ({}% of the close)",
            num(self.atr, 2),
            num(atr_percent, 2)
        )?;
        writeln!(
            f,
            "  volatility 20d   {}% annualised (log returns)",
            num(self.volatility, 1)
        )?;
        let d = &self.drawdown;
        if d.days_since_peak == 0 {
            writeln!(
                f,
                "  drawdown         0.00%: a closing high ({:.2})",
                d.peak
            )?;
        } else {
            writeln!(
                f,
                "  drawdown         {:.2}% from the peak {:.2} of {} ({} trading days ago)",
                d.percent, d.peak, d.peak_date, d.days_since_peak
            )?;
        }
        writeln!(
            f,
            "  max drawdown     {:.2}% since the start of the data",
            d.max_percent
        )?;

        writeln!(f)?;
        writeln!(
            f,
            "Volume and candlestick patterns (patterns of the last {RECENT_PATTERN_DAYS} sessions; \
             candle shapes such as long line or spinning top not listed)"
        )?;
        match self.volume {
            Some(v) => {
                let relative = v.relative.map_or(String::new(), |r| {
                    format!(", {r:.2}x the mean of the {VOLUME_PERIOD} days before")
                });
                writeln!(
                    f,
                    "  volume           {:.2} bn shares{relative}",
                    v.volume / 1e9
                )?;
                if let Some(above) = v.obv_above_average {
                    let verdict = if above {
                        "above its 20-day average: volume flowing in on up days"
                    } else {
                        "below its 20-day average: volume flowing out on down days"
                    };
                    writeln!(f, "  OBV              {verdict}")?;
                }
            }
            None => writeln!(f, "  volume           n/a (no volume on the day)")?,
        }
        if self.patterns.is_empty() {
            writeln!(
                f,
                "  patterns         none in the last {RECENT_PATTERN_DAYS} sessions"
            )?;
        }
        for (i, day) in self.patterns.iter().enumerate() {
            let found: Vec<String> = day
                .found
                .iter()
                .map(|(id, signal)| format!("{} ({signal})", id.title()))
                .collect();
            writeln!(
                f,
                "  {:<16} {}: {}",
                if i == 0 { "patterns" } else { "" },
                day.date,
                found.join(", ")
            )?;
        }

        writeln!(f)?;
        writeln!(
            f,
            "Relative strength against the Nasdaq-100 (spread in percentage points)"
        )?;
        match &self.relative {
            RelativeSection::Unavailable { first, last } => writeln!(
                f,
                "  no index closes on or before {} (the closes file covers {first} to {last})",
                self.date
            )?,
            RelativeSection::Available {
                as_of,
                ytd_base,
                spreads,
                beta,
                correlation,
            } => {
                if *as_of != self.date {
                    writeln!(
                        f,
                        "  (closes as of {as_of}, the latest on or before {} in the closes file)",
                        self.date
                    )?;
                }
                let ytd =
                    ytd_base.map_or("YTD (no base)".to_owned(), |b| format!("YTD (from {b})"));
                writeln!(
                    f,
                    "  {:<16} {:>8} {:>8} {:>18}",
                    "", "5 days", "1 month", ytd
                )?;
                for s in spreads {
                    let pp = |v: Option<f64>| v.map_or("n/a".to_owned(), |v| format!("{v:+.2}"));
                    writeln!(
                        f,
                        "  {:<16} {:>8} {:>8} {:>18}",
                        s.name,
                        pp(s.five_days),
                        pp(s.one_month),
                        pp(s.year_to_date)
                    )?;
                }
                writeln!(
                    f,
                    "  NDX on S&P 500   beta {}, correlation {} ({BETA_PERIOD} days, daily returns)",
                    num(*beta, 2),
                    num(*correlation, 2)
                )?;
            }
        }

        writeln!(f)?;
        writeln!(f, "Sentiment (Cboe put/call)")?;
        match &self.put_call {
            PutCallSection::Unavailable { first, last } => writeln!(
                f,
                "  no put/call data on or before {} (the bundled Cboe files cover {first} to {last})",
                self.date
            )?,
            PutCallSection::Ratios {
                today,
                previous,
                reading,
                last_change,
            } => {
                write!(
                    f,
                    "  equity P/C       {:.2}, index P/C {:.2} (Cboe, {})",
                    today.equity, today.index, today.date
                )?;
                match previous {
                    Some(p) => writeln!(
                        f,
                        "; the previous Cboe day ({}): {:.2} and {:.2}",
                        p.date, p.equity, p.index
                    )?,
                    None => writeln!(f)?,
                }
                write_regime(f, reading, last_change, "equity 10-day average", "ratios")?;
            }
            PutCallSection::Available {
                as_of,
                total_ratio,
                equity_ratio,
                reading,
                last_change,
            } => {
                writeln!(
                    f,
                    "  total P/C        {total_ratio:.2}, equity P/C {equity_ratio:.2} (Cboe, {as_of})"
                )?;
                write_regime(f, reading, last_change, "10-day average", "Cboe data")?;
            }
        }

        writeln!(f)?;
        match &self.concentration {
            None => writeln!(f, "Index concentration: no holdings")?,
            Some(c) => {
                let as_of = match c.as_of {
                    Some(d) if d == self.date => format!("QQQ holdings of {d}"),
                    Some(d) => format!("QQQ holdings of {d}, the snapshot on file"),
                    None => "the holdings file".to_owned(),
                };
                writeln!(f, "Index concentration ({as_of}, GOOG + GOOGL as Alphabet)")?;
                let names: Vec<String> =
                    c.top5.iter().map(|(n, w)| format!("{n} {w:.2}")).collect();
                writeln!(
                    f,
                    "  top 5            {:.2}%: {}",
                    c.top5_sum,
                    names.join(", ")
                )?;
                writeln!(
                    f,
                    "  above 4.5%       {} companies, {:.2}% together (limit {:.0}%)",
                    c.large.len(),
                    c.large_sum,
                    100.0 * AGGREGATE_LIMIT
                )?;
                writeln!(
                    f,
                    "  largest          {} {:.2}% (limit {:.0}%)",
                    c.largest.0,
                    c.largest.1,
                    100.0 * SINGLE_LIMIT
                )?;
                if c.breaches.is_empty() {
                    writeln!(f, "  special rebalance not triggered")?;
                } else {
                    writeln!(
                        f,
                        "  special rebalance TRIGGERED: {}",
                        c.breaches.join("; ")
                    )?;
                }
            }
        }
        Ok(())
    }
}
