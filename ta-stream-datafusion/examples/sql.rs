//! Indicators in SQL over Parquet with DataFusion, next to the plain streaming loop.
//!
//! ```text
//! cargo run --release -p ta-stream-datafusion --example sql [-- SYMBOLS BARS]
//! ```
//!
//! 1. Writes the bundled Nasdaq-100 daily bars (`tests/data/ndx_daily.csv`) to Parquet and
//!    prints RSI, ATR and MACD over them with `ta(...) OVER (ORDER BY date)`, checked against
//!    the streaming API.
//! 2. Generates `SYMBOLS` x `BARS` minute bars (100 x 100,000 by default; random walks from a
//!    fixed seed, so every run writes the same data), writes them to two Parquet files sorted by
//!    `(symbol, ts)`, and times `ta('RSI(14)', close)` and `ta('ATR(14)', high, low, close)`
//!    `OVER (PARTITION BY symbol ORDER BY ts)` at 1 and 2 target partitions, next to the plain
//!    streaming loop over the same data in memory. Each query's values are checked to be the
//!    loop's, bit for bit (an order-independent checksum of the values' bits).

use std::error::Error;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use datafusion::arrow::array::{Array, Float64Array, Int64Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::{col, ParquetReadOptions, SessionConfig, SessionContext};
use futures::StreamExt;
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::Indicator;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const DAILY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/ndx_daily.csv");

#[tokio::main]
async fn main() -> Result<()> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let symbols = args.next().transpose()?.unwrap_or(100).max(1);
    let bars = args.next().transpose()?.unwrap_or(100_000).max(1);
    let dir = std::env::temp_dir().join(format!("ta-stream-sql-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = run(&dir, symbols, bars).await;
    std::fs::remove_dir_all(&dir)?;
    result
}

async fn run(dir: &Path, symbols: usize, bars: usize) -> Result<()> {
    daily(dir).await?;
    minutes(dir, symbols, bars).await
}

/// Part 1: the bundled daily bars.
async fn daily(dir: &Path) -> Result<()> {
    let text = std::fs::read_to_string(DAILY)?;
    let mut dates = Vec::new();
    let mut prices: [Vec<f64>; 5] = Default::default();
    for (number, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() != 6 {
            return Err(format!("{DAILY}:{}: expected 6 fields", number + 1).into());
        }
        dates.push(fields[0].to_owned());
        for (column, field) in prices.iter_mut().zip(&fields[1..]) {
            column.push(field.parse()?);
        }
    }
    let schema = Arc::new(Schema::new(vec![
        Field::new("date", DataType::Utf8, false),
        Field::new("open", DataType::Float64, false),
        Field::new("high", DataType::Float64, false),
        Field::new("low", DataType::Float64, false),
        Field::new("close", DataType::Float64, false),
        Field::new("volume", DataType::Float64, false),
    ]));
    let mut columns: Vec<Arc<dyn Array>> = vec![Arc::new(StringArray::from(dates.clone()))];
    columns.extend(
        prices
            .iter()
            .map(|c| Arc::new(Float64Array::from(c.clone())) as Arc<dyn Array>),
    );
    let path = dir.join("ndx_daily.parquet");
    write(
        &path,
        schema.clone(),
        [RecordBatch::try_new(schema, columns)?],
    )?;

    let ctx = SessionContext::new();
    ta_stream_datafusion::register(&ctx);
    ctx.register_parquet(
        "daily",
        path.to_str().ok_or("path")?,
        ParquetReadOptions::default(),
    )
    .await?;
    println!(
        "Nasdaq-100 daily bars ({} days) from Parquet, the last five:",
        dates.len()
    );
    let frame = ctx
        .sql(
            "SELECT date, close,
                    ta('RSI(14)', close) OVER (ORDER BY date) AS rsi,
                    ta('ATR(14)', high, low, close) OVER (ORDER BY date) AS atr,
                    ta('MACD(12,26,9)', close) OVER (ORDER BY date) AS macd,
                    ta('MACD(12,26,9).macdsignal', close) OVER (ORDER BY date) AS signal
             FROM daily ORDER BY date DESC LIMIT 5",
        )
        .await?;
    let batches = frame.collect().await?;
    println!(
        "{}",
        datafusion::arrow::util::pretty::pretty_format_batches(&batches)?
    );

    // The latest RSI is the streaming API's.
    let mut rsi = DynIndicator::parse("RSI(14)")?;
    let mut last = None;
    for &close in &prices[3] {
        last = rsi.update(DynInput::real(close)).and_then(|o| o.get(0));
    }
    let sql_rsi = batches[0]
        .column(2)
        .as_any()
        .downcast_ref::<Float64Array>()
        .ok_or("rsi column")?
        .value(0);
    if last.map(f64::to_bits) != Some(sql_rsi.to_bits()) {
        return Err(format!("SQL RSI {sql_rsi} differs from the streaming {last:?}").into());
    }
    println!("(the last RSI is the streaming API's, bit for bit)\n");
    Ok(())
}

fn write(
    path: &Path,
    schema: SchemaRef,
    batches: impl IntoIterator<Item = RecordBatch>,
) -> Result<()> {
    let mut writer = ArrowWriter::try_new(std::fs::File::create(path)?, schema, None)?;
    for batch in batches {
        writer.write(&batch)?;
    }
    writer.close()?;
    Ok(())
}

/// One symbol's generated minute bars.
struct Series {
    high: Vec<f64>,
    low: Vec<f64>,
    close: Vec<f64>,
}

/// A random walk from a seed (a 64-bit LCG): the same bars on every run.
fn series(symbol: usize, bars: usize) -> Series {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64 ^ (symbol as u64).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut close = 20.0 + 480.0 * next();
    let mut out = Series {
        high: Vec::with_capacity(bars),
        low: Vec::with_capacity(bars),
        close: Vec::with_capacity(bars),
    };
    for _ in 0..bars {
        let open = close;
        close = (close * (1.0 + 0.002 * (next() - 0.5))).max(0.01);
        out.high.push(open.max(close) * (1.0 + 0.001 * next()));
        out.low.push(open.min(close) * (1.0 - 0.001 * next()));
        out.close.push(close);
    }
    out
}

fn symbol_name(symbol: usize) -> String {
    format!("S{symbol:04}")
}

/// Order-independent checksum of a column's values: count and wrapping sum of their bits.
#[derive(Debug, Default, PartialEq, Clone, Copy)]
struct Checksum {
    rows: usize,
    values: usize,
    bits: u64,
}

impl Checksum {
    fn add(&mut self, value: Option<f64>) {
        self.rows += 1;
        if let Some(value) = value {
            self.values += 1;
            self.bits = self.bits.wrapping_add(value.to_bits());
        }
    }
}

/// Part 2: generated minute bars, timed.
async fn minutes(dir: &Path, symbols: usize, bars: usize) -> Result<()> {
    let rows = symbols * bars;
    println!("Generating {symbols} symbols x {bars} minute bars ({rows} rows) ...");
    let data: Vec<Series> = (0..symbols).map(|s| series(s, bars)).collect();
    let schema = Arc::new(Schema::new(vec![
        Field::new("symbol", DataType::Utf8, false),
        Field::new("ts", DataType::Int64, false),
        Field::new("high", DataType::Float64, false),
        Field::new("low", DataType::Float64, false),
        Field::new("close", DataType::Float64, false),
    ]));
    let minute = dir.join("minute");
    std::fs::create_dir_all(&minute)?;
    let minute_dir = format!("{}/", minute.to_str().ok_or("a UTF-8 temporary path")?);
    let files: Vec<PathBuf> = (0..2)
        .map(|f| minute.join(format!("part-{f}.parquet")))
        .collect();
    let start = Instant::now();
    let half = symbols.div_ceil(2);
    for (file, path) in files.iter().enumerate() {
        let range = (file * half).min(symbols)..((file + 1) * half).min(symbols);
        let batches = range.map(|symbol| {
            let s = &data[symbol];
            RecordBatch::try_new(
                schema.clone(),
                vec![
                    Arc::new(StringArray::from(vec![symbol_name(symbol); bars])),
                    Arc::new(Int64Array::from_iter_values(
                        (0..bars as i64).map(|m| 1_700_000_000 + 60 * m),
                    )),
                    Arc::new(Float64Array::from(s.high.clone())),
                    Arc::new(Float64Array::from(s.low.clone())),
                    Arc::new(Float64Array::from(s.close.clone())),
                ],
            )
            .expect("columns of one length")
        });
        write(path, schema.clone(), batches)?;
    }
    let bytes: u64 = files
        .iter()
        .map(|f| f.metadata().map(|m| m.len()).unwrap_or(0))
        .sum();
    println!(
        "Wrote {:.1} MB of Parquet (2 files sorted by symbol, ts) in {:.1} s\n",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );

    println!("{:<58} {:>12} {:>14}", "", "seconds", "rows/s");
    let report = |label: &str, seconds: f64| {
        println!(
            "{label:<58} {seconds:>12.3} {:>14.0}",
            rows as f64 / seconds
        );
    };
    for (spec, call) in [
        ("RSI(14)", "ta('RSI(14)', close)"),
        ("ATR(14)", "ta('ATR(14)', high, low, close)"),
    ] {
        // The plain streaming loop over the same data in memory.
        let start = Instant::now();
        let mut want = Checksum::default();
        for s in &data {
            let mut indicator = DynIndicator::parse(spec)?;
            for i in 0..bars {
                let input = DynInput {
                    high: s.high[i],
                    low: s.low[i],
                    ..DynInput::real(s.close[i])
                };
                want.add(match indicator.try_update(input) {
                    Ok(Some(out)) => out.get(0),
                    _ => None,
                });
            }
        }
        report(
            &format!("{spec}: streaming loop in memory (DynIndicator)"),
            start.elapsed().as_secs_f64(),
        );

        for partitions in [1, 2] {
            let config = SessionConfig::new().with_target_partitions(partitions);
            let ctx = SessionContext::new_with_config(config);
            ta_stream_datafusion::register(&ctx);
            let order = vec![vec![
                col("symbol").sort(true, false),
                col("ts").sort(true, false),
            ]];
            let options = ParquetReadOptions::default().file_sort_order(order);
            ctx.register_parquet("minute", &minute_dir, options).await?;
            let start = Instant::now();
            let sql = format!(
                "SELECT symbol, ts, {call} OVER (PARTITION BY symbol ORDER BY ts) AS v FROM minute"
            );
            let mut stream = ctx.sql(&sql).await?.execute_stream().await?;
            let mut got = Checksum::default();
            while let Some(batch) = stream.next().await {
                let batch = batch?;
                let values = batch
                    .column(2)
                    .as_any()
                    .downcast_ref::<Float64Array>()
                    .ok_or("a DOUBLE column")?;
                for row in 0..values.len() {
                    got.add((!values.is_null(row)).then(|| values.value(row)));
                }
            }
            let seconds = start.elapsed().as_secs_f64();
            if got != want {
                return Err(format!("{spec}: SQL {got:?} differs from the loop's {want:?}").into());
            }
            report(
                &format!(
                    "{spec}: DataFusion over Parquet, {partitions} partition{}",
                    if partitions == 1 { "" } else { "s" }
                ),
                seconds,
            );
        }
    }
    println!("\n(each query's values are the streaming loop's, bit for bit)");
    Ok(())
}
