//! The Nasdaq-100 picture as an SVG: the last two years of closes with their 50- and 200-day
//! simple moving averages, the golden and death crosses, the nearest support and resistance
//! at the last date, and a lower pane with RSI(14) and its 70/30 bands. On request, the
//! candlestick patterns found each day are marked: bullish ones below the day's low, bearish
//! ones above its high.
//!
//! ```text
//! cargo run --release --example chart                          # writes target/nasdaq100.svg
//! cargo run --release --example chart -- --out docs/nasdaq100.svg
//! cargo run --release --example chart -- --ohlcv my.csv        # your own daily OHLC file
//! cargo run --release --example chart -- --patterns reversals  # mark the reversal patterns
//! cargo run --release --example chart -- --patterns CDLENGULFING,CDLHAMMER
//! ```
//!
//! The indicators run over the whole history (so that the SMA(200) is warm on the first day
//! shown); only the last 504 trading days are drawn. The file needs a header row with `date`,
//! `open`, `high`, `low` and `close` columns (a `volume` column is used when present), one row
//! per day in ascending date order. A missing or malformed file is reported as
//! `error: FILE:LINE: ...` and the example exits with status 1.
//!
//! Drawing uses `plotters` with its SVG backend only: text is written as SVG `<text>`
//! elements, so no system font library is needed.

use std::fmt;
use std::path::{Path, PathBuf};

use plotters::prelude::*;
use ta_stream::average::Sma;
use ta_stream::bar::Candle;
use ta_stream::levels::{LevelsConfig, SupportResistance};
use ta_stream::momentum::Rsi;
use ta_stream::pattern::{CandlePatterns, PatternId, Signal};
use ta_stream::signal::{MaCross, MaCrossEvent};
use ta_stream::Indicator;

/// The bundled Nasdaq-100 daily history (see tests/data/README.md).
const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ndx_daily.csv");
/// Where the chart goes without `--out`.
const DEFAULT_OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/nasdaq100.svg");
/// Trading days drawn: about two years.
const SHOWN: usize = 504;
/// The patterns `--patterns reversals` marks: the turns chart readers look for.
const REVERSALS: [PatternId; 14] = [
    PatternId::AbandonedBaby,
    PatternId::DarkCloudCover,
    PatternId::Engulfing,
    PatternId::EveningDojiStar,
    PatternId::EveningStar,
    PatternId::Hammer,
    PatternId::HangingMan,
    PatternId::InvertedHammer,
    PatternId::MorningDojiStar,
    PatternId::MorningStar,
    PatternId::Piercing,
    PatternId::ShootingStar,
    PatternId::ThreeBlackCrows,
    PatternId::ThreeWhiteSoldiers,
];

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

/// One day of the input: its date as written, and its bar.
struct Day {
    date: String,
    candle: Candle,
}

/// Reads a daily OHLC(V) CSV, checking every number, the bar's consistency and the date order.
fn read_candles(path: &Path) -> Result<Vec<Day>, InputError> {
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
    let position = |name: &str| columns.iter().position(|c| c.eq_ignore_ascii_case(name));
    let find = |name: &str| {
        position(name).ok_or_else(|| error(1, format!("no `{name}` column in header {header:?}")))
    };
    let date_column = find("date")?;
    let price_columns = [find("open")?, find("high")?, find("low")?, find("close")?];
    let volume_column = position("volume");

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
        let cell = |column: usize| cells.get(column).copied().unwrap_or_default();
        let parse = |column: usize| -> Result<f64, InputError> {
            let name = columns.get(column).copied().unwrap_or_default();
            let text = cell(column);
            let value: f64 = text
                .parse()
                .map_err(|_| error(number, format!("column `{name}`: {text:?} is not a number")))?;
            if value.is_finite() && value >= 0.0 {
                Ok(value)
            } else {
                Err(error(
                    number,
                    format!("column `{name}`: {value} is not a price"),
                ))
            }
        };
        let [open, high, low, close] = [
            parse(price_columns[0])?,
            parse(price_columns[1])?,
            parse(price_columns[2])?,
            parse(price_columns[3])?,
        ];
        let volume = match volume_column {
            Some(column) => parse(column)?,
            None => 0.0,
        };
        let candle = Candle::new(open, high, low, close, volume)
            .map_err(|e| error(number, e.to_string()))?;
        let date = cell(date_column);
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
            candle,
        });
    }
    if days.is_empty() {
        return Err(error(2, "no data rows".into()));
    }
    Ok(days)
}

/// Everything the chart draws, for every day of the input.
struct Series {
    sma50: Vec<Option<f64>>,
    sma200: Vec<Option<f64>>,
    rsi: Vec<Option<f64>>,
    crosses: Vec<(usize, MaCrossEvent)>,
    /// Days with a marked pattern: the day, the pattern and its signal.
    patterns: Vec<(usize, PatternId, Signal)>,
    support: Option<f64>,
    resistance: Option<f64>,
}

/// The patterns `--patterns` names: `reversals`, or TA-Lib names separated by commas.
fn parse_patterns(list: &str) -> Result<Vec<PatternId>, String> {
    if list == "reversals" {
        return Ok(REVERSALS.to_vec());
    }
    list.split(',')
        .map(|name| {
            PatternId::from_name(name.trim()).ok_or_else(|| {
                format!(
                    "--patterns: unknown pattern {name:?}; expected `reversals` or TA-Lib \
                     names separated by commas, e.g. CDLENGULFING,CDLHAMMER"
                )
            })
        })
        .collect()
}

fn compute(days: &[Day], marked: &[PatternId]) -> Result<Series, ta_stream::Error> {
    let mut sma50 = Sma::new(50)?;
    let mut sma200 = Sma::new(200)?;
    let mut rsi = Rsi::new(14)?;
    let mut cross = MaCross::default();
    let mut levels = SupportResistance::new(LevelsConfig::default())?;
    let mut candle_patterns = CandlePatterns::new();
    let mut series = Series {
        sma50: Vec::with_capacity(days.len()),
        sma200: Vec::with_capacity(days.len()),
        rsi: Vec::with_capacity(days.len()),
        crosses: Vec::new(),
        patterns: Vec::new(),
        support: None,
        resistance: None,
    };
    for (index, day) in days.iter().enumerate() {
        let close = day.candle.close;
        series.sma50.push(sma50.update(close));
        series.sma200.push(sma200.update(close));
        series.rsi.push(rsi.update(close));
        if let Some(Some(event)) = cross.update(close) {
            series.crosses.push((index, event));
        }
        levels.update(day.candle);
        if marked.is_empty() {
            continue;
        }
        if let Some(found) = candle_patterns.update(day.candle) {
            let chosen = found.iter().filter(|(id, _)| marked.contains(id));
            series
                .patterns
                .extend(chosen.map(|(id, signal)| (index, id, signal)));
        }
    }
    if let Some(reading) = levels.value() {
        series.support = reading.support.map(|level| level.price());
        series.resistance = reading.resistance.map(|level| level.price());
    }
    Ok(series)
}

/// Points `(x, y)` of the shown window, skipping days without a value.
fn points(values: &[Option<f64>], start: usize) -> Vec<(usize, f64)> {
    values
        .iter()
        .enumerate()
        .skip(start)
        .filter_map(|(x, value)| value.map(|y| (x, y)))
        .collect()
}

const PRICE: RGBColor = RGBColor(31, 41, 55);
const SMA50: RGBColor = RGBColor(37, 99, 235);
const SMA200: RGBColor = RGBColor(217, 119, 6);
const SUPPORT: RGBColor = RGBColor(22, 163, 74);
const RESISTANCE: RGBColor = RGBColor(220, 38, 38);
const RSI: RGBColor = RGBColor(124, 58, 237);
const BAND: RGBColor = RGBColor(148, 163, 184);

fn draw(days: &[Day], series: &Series, out: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let end = days.len();
    let start = end.saturating_sub(SHOWN);
    let date = |x: usize| days.get(x).map_or("", |d| d.date.as_str());
    // Axis labels: year and month of the day under the tick.
    let month = |x: &usize| date(*x).get(..7).unwrap_or_default().to_owned();

    let shown = points(
        &days
            .iter()
            .map(|d| Some(d.candle.close))
            .collect::<Vec<_>>(),
        start,
    );
    let (sma50, sma200) = (points(&series.sma50, start), points(&series.sma200, start));
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    for &(_, y) in shown.iter().chain(&sma50).chain(&sma200) {
        low = low.min(y);
        high = high.max(y);
    }
    for level in [series.support, series.resistance].into_iter().flatten() {
        low = low.min(level);
        high = high.max(level);
    }
    let margin = ((high - low) * 0.04).max(high.abs() * 1e-3).max(1e-9);
    let (low, high) = (low - margin, high + margin);

    let root = SVGBackend::new(out, (1200, 800)).into_drawing_area();
    root.fill(&WHITE)?;
    let root = root.titled(
        &format!(
            "Nasdaq-100, {} to {}: SMA 50/200, crosses, support and resistance, RSI(14)",
            date(start),
            date(end - 1)
        ),
        ("sans-serif", 22),
    )?;
    let (upper, lower) = root.split_vertically(560);

    let mut price = ChartBuilder::on(&upper)
        .margin(10)
        .x_label_area_size(28)
        .y_label_area_size(70)
        .build_cartesian_2d(start..end, low..high)?;
    price
        .configure_mesh()
        .x_labels(12)
        .x_label_formatter(&month)
        .y_labels(10)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(BAND.mix(0.25))
        .label_style(("sans-serif", 14))
        .draw()?;

    price
        .draw_series(LineSeries::new(shown, PRICE.stroke_width(1)))?
        .label("close")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], PRICE.stroke_width(2)));
    price
        .draw_series(LineSeries::new(sma50, SMA50.stroke_width(2)))?
        .label("SMA 50")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], SMA50.stroke_width(2)));
    price
        .draw_series(LineSeries::new(sma200, SMA200.stroke_width(2)))?
        .label("SMA 200")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], SMA200.stroke_width(2)));

    for (level, color, name) in [
        (series.support, SUPPORT, "support"),
        (series.resistance, RESISTANCE, "resistance"),
    ] {
        let Some(level) = level else { continue };
        price
            .draw_series(DashedLineSeries::new(
                [(start, level), (end - 1, level)],
                8,
                5,
                color.stroke_width(2),
            ))?
            .label(format!("{name} {level:.0}"))
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], color.stroke_width(2)));
    }

    let at = |x: usize| series.sma50.get(x).copied().flatten().unwrap_or(low);
    let shown_crosses = || series.crosses.iter().filter(move |(x, _)| *x >= start);
    price
        .draw_series(
            shown_crosses()
                .filter(|(_, event)| *event == MaCrossEvent::GoldenCross)
                .map(|&(x, _)| TriangleMarker::new((x, at(x)), 9, SUPPORT.filled())),
        )?
        .label("golden cross")
        .legend(|(x, y)| TriangleMarker::new((x + 10, y), 6, SUPPORT.filled()));
    price
        .draw_series(
            shown_crosses()
                .filter(|(_, event)| *event == MaCrossEvent::DeathCross)
                .map(|&(x, _)| Cross::new((x, at(x)), 7, RESISTANCE.stroke_width(3))),
        )?
        .label("death cross")
        .legend(|(x, y)| Cross::new((x + 10, y), 5, RESISTANCE.stroke_width(3)));
    // Patterns: bullish below the day's low, bearish above its high, others at the close.
    let shown_patterns = || series.patterns.iter().filter(move |(x, ..)| *x >= start);
    let offset = (high - low) * 0.015;
    let candle = |x: usize| days.get(x).map(|d| d.candle);
    for (label, color, pick) in [
        (
            "bullish pattern",
            SUPPORT,
            Signal::is_bullish as fn(Signal) -> bool,
        ),
        ("bearish pattern", RESISTANCE, Signal::is_bearish),
        ("pattern without direction", BAND, |s: Signal| {
            !s.is_bullish() && !s.is_bearish()
        }),
    ] {
        let marks: Vec<(usize, f64)> = shown_patterns()
            .filter(|(_, _, signal)| pick(*signal))
            .filter_map(|&(x, _, signal)| {
                let c = candle(x)?;
                let y = if signal.is_bullish() {
                    c.low - offset
                } else if signal.is_bearish() {
                    c.high + offset
                } else {
                    c.close
                };
                Some((x, y))
            })
            .collect();
        if marks.is_empty() {
            continue;
        }
        price
            .draw_series(marks.into_iter().map(|p| Circle::new(p, 3, color.filled())))?
            .label(label)
            .legend(move |(x, y)| Circle::new((x + 10, y), 3, color.filled()));
    }
    price
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BAND)
        .label_font(("sans-serif", 14))
        .draw()?;

    let mut momentum = ChartBuilder::on(&lower)
        .margin(10)
        .x_label_area_size(28)
        .y_label_area_size(70)
        .caption(
            "RSI(14), overbought above 70, oversold below 30",
            ("sans-serif", 16),
        )
        .build_cartesian_2d(start..end, 0.0..100.0)?;
    momentum
        .configure_mesh()
        .x_labels(12)
        .x_label_formatter(&month)
        .y_labels(6)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(BAND.mix(0.25))
        .label_style(("sans-serif", 14))
        .draw()?;
    for band in [70.0, 30.0] {
        momentum.draw_series(DashedLineSeries::new(
            [(start, band), (end - 1, band)],
            6,
            4,
            BAND.stroke_width(2),
        ))?;
    }
    momentum.draw_series(LineSeries::new(
        points(&series.rsi, start),
        RSI.stroke_width(1),
    ))?;

    root.present()?;
    Ok(())
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: chart [--out FILE.svg] [--ohlcv FILE.csv] [--patterns reversals|NAME,...]";
    let mut input = PathBuf::from(BUNDLED);
    let mut out = PathBuf::from(DEFAULT_OUT);
    let mut marked = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(usage)?;
        match flag.as_str() {
            "--out" => out = PathBuf::from(value),
            "--ohlcv" => input = PathBuf::from(value),
            "--patterns" => marked = parse_patterns(&value)?,
            _ => return Err(usage.into()),
        }
    }
    let days = read_candles(&input)?;
    let series = compute(&days, &marked)?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
    }
    draw(&days, &series, &out).map_err(|e| format!("{}: cannot draw: {e}", out.display()))?;

    let last = days.len() - 1;
    let shown_from = days.len().saturating_sub(SHOWN);
    let format = |value: Option<f64>| value.map_or("n/a".to_owned(), |v| format!("{v:.2}"));
    println!(
        "wrote {} ({} to {})",
        out.display(),
        days.get(shown_from).map_or("", |d| d.date.as_str()),
        days.get(last).map_or("", |d| d.date.as_str()),
    );
    println!(
        "last close {:.2}, SMA50 {}, SMA200 {}, RSI(14) {}, support {}, resistance {}",
        days.get(last).map_or(f64::NAN, |d| d.candle.close),
        format(series.sma50.get(last).copied().flatten()),
        format(series.sma200.get(last).copied().flatten()),
        format(series.rsi.get(last).copied().flatten()),
        format(series.support),
        format(series.resistance),
    );
    for &(x, event) in series.crosses.iter().filter(|(x, _)| *x >= shown_from) {
        println!("  {} {event}", days.get(x).map_or("", |d| d.date.as_str()));
    }
    let shown_patterns: Vec<_> = series
        .patterns
        .iter()
        .filter(|(x, ..)| *x >= shown_from)
        .collect();
    if !marked.is_empty() {
        let count =
            |pick: fn(&Signal) -> bool| shown_patterns.iter().filter(|(_, _, s)| pick(s)).count();
        println!(
            "marked {} patterns ({} bullish, {} bearish); the last ones:",
            shown_patterns.len(),
            count(|s| s.is_bullish()),
            count(|s| s.is_bearish()),
        );
        for &&(x, id, signal) in shown_patterns.iter().rev().take(5) {
            let date = days.get(x).map_or("", |d| d.date.as_str());
            println!("  {date} {} ({signal})", id.title());
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
