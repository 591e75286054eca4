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

use std::path::PathBuf;

use ta_stream::signal::{MaCross, Relation};
use ta_stream::Indicator;

/// Where the bundled data lives (a copy of the Nasdaq-100 daily history, see tests/data/README.md).
mod common;

use common::{read_closes, BUNDLED};

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
