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

use std::path::PathBuf;

use ta_stream::prelude::*;

/// Where the bundled data lives (a copy of the Nasdaq-100 daily history, see tests/data/README.md).
mod common;

use common::{read_closes, BUNDLED};

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
