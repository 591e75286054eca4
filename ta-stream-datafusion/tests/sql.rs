//! `ta(...) OVER (PARTITION BY symbol ORDER BY ts)` against the streaming API, bit for bit,
//! and the planning errors.

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, Float64Array, Int64Array, RecordBatch, StringArray, TimestampSecondArray,
};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef, TimeUnit};
use datafusion::datasource::MemTable;
use datafusion::error::Result;
use datafusion::prelude::{SessionConfig, SessionContext};
use ta_stream::bar::{Bar, Candle};
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::momentum::{FlatRsi, Macd, Mfi, Rsi};
use ta_stream::volatility::Atr;
use ta_stream::Indicator;

const SYMBOLS: [&str; 3] = ["AAA", "BBB", "CCC"];
const BARS: usize = 120;

/// One generated bar; `None` is a SQL NULL.
#[derive(Clone, Copy)]
struct Row {
    symbol: usize,
    ts: i64,
    open: f64,
    high: Option<f64>,
    low: f64,
    close: Option<f64>,
    volume: f64,
}

/// Reproducible random walks (a 64-bit LCG), with a NaN close, a NULL close and a NULL high
/// in the middle of each series, and rows shuffled across symbols and times.
fn rows() -> Vec<Row> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut rows = Vec::new();
    for symbol in 0..SYMBOLS.len() {
        let mut close = 50.0 + 25.0 * symbol as f64;
        for bar in 0..BARS {
            let open = close;
            close = (close * (1.0 + 0.04 * (next() - 0.5))).max(1.0);
            let high = open.max(close) * (1.0 + 0.01 * next());
            let low = open.min(close) * (1.0 - 0.01 * next());
            let volume = (1000.0 + 9000.0 * next()).round();
            rows.push(Row {
                symbol,
                ts: 1_700_000_000 + 60 * bar as i64,
                open,
                high: Some(high),
                low,
                close: Some(close),
                volume,
            });
        }
        let base = symbol * BARS;
        rows[base + 40 + symbol].close = Some(f64::NAN);
        rows[base + 55].close = None;
        rows[base + 70 + symbol].high = None;
    }
    // A fixed shuffle, so that the engine has to sort.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut state = 7_u64;
    for i in (1..order.len()).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    order.into_iter().map(|i| rows[i]).collect()
}

/// The `time` column: six hours a bar (four a day), for the floor pivots' daily periods.
fn time(ts: i64) -> i64 {
    1_700_000_000 + (ts - 1_700_000_000) * 360
}

fn schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("symbol", DataType::Utf8, false),
        Field::new("ts", DataType::Int64, false),
        Field::new(
            "time",
            DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            false,
        ),
        Field::new("open", DataType::Float64, false),
        Field::new("high", DataType::Float64, true),
        Field::new("low", DataType::Float64, false),
        Field::new("close", DataType::Float64, true),
        // An integer column: numbers of any type are accepted.
        Field::new("volume", DataType::Int64, false),
    ]))
}

fn batch(rows: &[Row]) -> RecordBatch {
    RecordBatch::try_new(
        schema(),
        vec![
            Arc::new(StringArray::from_iter_values(
                rows.iter().map(|r| SYMBOLS[r.symbol]),
            )),
            Arc::new(Int64Array::from_iter_values(rows.iter().map(|r| r.ts))),
            Arc::new(
                TimestampSecondArray::from_iter_values(rows.iter().map(|r| time(r.ts)))
                    .with_timezone("UTC"),
            ),
            Arc::new(Float64Array::from_iter_values(rows.iter().map(|r| r.open))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.high))),
            Arc::new(Float64Array::from_iter_values(rows.iter().map(|r| r.low))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.close))),
            Arc::new(Int64Array::from_iter_values(
                rows.iter().map(|r| r.volume as i64),
            )),
        ],
    )
    .expect("a valid batch")
}

/// A context with `ta` and the rows as `bars`, in `partitions` input partitions.
fn context(partitions: usize) -> Result<SessionContext> {
    let ctx =
        SessionContext::new_with_config(SessionConfig::new().with_target_partitions(partitions));
    ta_stream_datafusion::register(&ctx);
    let rows = rows();
    let chunk = rows.len().div_ceil(partitions);
    let parts = rows.chunks(chunk).map(|rows| vec![batch(rows)]).collect();
    ctx.register_table("bars", Arc::new(MemTable::try_new(schema(), parts)?))?;
    Ok(ctx)
}

/// `(symbol, ts, value)` of `ta(call) OVER (PARTITION BY symbol ORDER BY ts)`, in
/// `(symbol, ts)` order.
async fn query(ctx: &SessionContext, call: &str) -> Result<Vec<(String, i64, Option<f64>)>> {
    let sql = format!(
        "SELECT symbol, ts, {call} OVER (PARTITION BY symbol ORDER BY ts) AS v \
         FROM bars ORDER BY symbol, ts"
    );
    let mut out = Vec::new();
    for batch in ctx.sql(&sql).await?.collect().await? {
        // Parquet strings come back as string views.
        let symbols = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8)?;
        let symbols = symbols.as_any().downcast_ref::<StringArray>().unwrap();
        let ts = batch
            .column(1)
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        let values = batch
            .column(2)
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap();
        for row in 0..batch.num_rows() {
            let value = (!values.is_null(row)).then(|| values.value(row));
            out.push((symbols.value(row).to_owned(), ts.value(row), value));
        }
    }
    Ok(out)
}

/// The rows of each symbol in time order.
fn by_symbol() -> Vec<Vec<Row>> {
    let rows = rows();
    (0..SYMBOLS.len())
        .map(|symbol| {
            let mut own: Vec<Row> = rows
                .iter()
                .filter(|r| r.symbol == symbol)
                .copied()
                .collect();
            own.sort_by_key(|r| r.ts);
            own
        })
        .collect()
}

fn candle(row: &Row) -> Candle {
    // Built field by field: a NULL is a NaN, which the indicator refuses.
    Candle {
        open: row.open,
        high: row.high.unwrap_or(f64::NAN),
        low: row.low,
        close: row.close.unwrap_or(f64::NAN),
        volume: row.volume,
    }
}

/// The streaming API's answer per row: `try_update`, NULL for `None`, an error or NaN.
fn expected<I: Indicator>(
    mut indicator: I,
    input: impl Fn(&Row) -> I::Input,
    output: impl Fn(I::Output) -> f64,
) -> Vec<(String, i64, Option<f64>)> {
    let mut out = Vec::new();
    for (symbol, rows) in by_symbol().iter().enumerate() {
        indicator.reset();
        for row in rows {
            let value = match indicator.try_update(input(row)) {
                Ok(Some(value)) => Some(output(value)).filter(|v| !v.is_nan()),
                Ok(None) | Err(_) => None,
            };
            out.push((SYMBOLS[symbol].to_owned(), row.ts, value));
        }
    }
    out
}

/// Equal bit for bit (NULLs included), with a readable first difference.
fn assert_same(
    call: &str,
    partitions: usize,
    got: &[(String, i64, Option<f64>)],
    want: &[(String, i64, Option<f64>)],
) {
    assert_eq!(
        got.len(),
        want.len(),
        "{call} at {partitions} partitions: row count"
    );
    for (g, w) in got.iter().zip(want) {
        let same = g.0 == w.0 && g.1 == w.1 && g.2.map(f64::to_bits) == w.2.map(f64::to_bits);
        assert!(
            same,
            "{call} at {partitions} partitions: got {g:?}, streaming gives {w:?}"
        );
    }
    // The sample must exercise warm-up NULLs, values, and the unusable rows.
    assert!(
        want.iter().any(|r| r.2.is_none()) && want.iter().filter(|r| r.2.is_some()).count() > 100
    );
}

async fn check(call: &str, want: &[(String, i64, Option<f64>)]) -> Result<()> {
    for partitions in [1, 2, 4] {
        let got = query(&context(partitions)?, call).await?;
        assert_same(call, partitions, &got, want);
    }
    Ok(())
}

fn close(row: &Row) -> f64 {
    row.close.unwrap_or(f64::NAN)
}

#[tokio::test]
async fn rsi_single_input_with_nan_and_null_closes() -> Result<()> {
    let rsi = Rsi::new(14).unwrap().with_flat(FlatRsi::TaLib);
    let want = expected(rsi, close, |v| v);
    // NaN and NULL closes are NULL rows, and do not enter the state.
    for symbol in 0..SYMBOLS.len() {
        assert_eq!(want[symbol * BARS + 40 + symbol].2, None);
        assert_eq!(want[symbol * BARS + 55].2, None);
        assert!(want[symbol * BARS + 56].2.is_some());
    }
    check("ta('RSI(14)', close)", &want).await
}

#[tokio::test]
async fn atr_reads_high_low_close() -> Result<()> {
    let want = expected(Atr::new(14).unwrap(), candle, |v| v);
    check("ta('ATR(14)', high, low, close)", &want).await
}

#[tokio::test]
async fn macd_first_output_and_named_outputs() -> Result<()> {
    let macd = || Macd::new(12, 26, 9).unwrap();
    check(
        "ta('MACD(12,26,9)', close)",
        &expected(macd(), close, |o| o.macd),
    )
    .await?;
    check(
        "ta('macd(12, 26, 9).macdsignal', close)",
        &expected(macd(), close, |o| o.signal),
    )
    .await?;
    check(
        "ta('MACD(fastperiod=12, slowperiod=26, signalperiod=9).MACDHIST', close)",
        &expected(macd(), close, |o| o.histogram),
    )
    .await
}

#[tokio::test]
async fn mfi_reads_volume_from_an_integer_column() -> Result<()> {
    let want = expected(Mfi::new(14).unwrap(), candle, |v| v);
    check("ta('MFI(14)', high, low, close, volume)", &want).await
}

#[tokio::test]
async fn bollinger_lower_band_and_correlation_pair() -> Result<()> {
    // Through the catalog's DynIndicator (the streaming API for runtime specs).
    let bbands = DynIndicator::parse("BBANDS(20, 2.5, 1.5)").unwrap();
    let want = expected(bbands, |r| DynInput::real(close(r)), |o| o.as_slice()[2]);
    check("ta('BBANDS(20, 2.5, 1.5).lowerband', close)", &want).await?;
    let correl = DynIndicator::parse("CORREL(10)").unwrap();
    let want = expected(
        correl,
        |r| DynInput::pair(close(r), r.low),
        |o| o.as_slice()[0],
    );
    check("ta('CORREL(10)', close, low)", &want).await
}

#[tokio::test]
async fn floor_pivots_read_a_timestamp_column() -> Result<()> {
    let pivots = DynIndicator::parse("FLOORPIVOTS(kind=0, period=0)").unwrap();
    let want = expected(
        pivots,
        |r| {
            let time = ta_stream::chrono::DateTime::from_timestamp(time(r.ts), 0).unwrap();
            DynInput::bar(Bar::new(time, candle(r)))
        },
        |o| o.as_slice()[1],
    );
    let got = query(
        &context(2)?,
        "ta('FLOORPIVOTS.r1', time, open, high, low, close)",
    )
    .await?;
    assert_eq!(got.len(), want.len());
    assert!(want.iter().filter(|r| r.2.is_some()).count() > 50);
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(
            g.2.map(f64::to_bits),
            w.2.map(f64::to_bits),
            "{g:?} against {w:?}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn parquet_files_give_the_same_values() -> Result<()> {
    let dir =
        std::env::temp_dir().join(format!("ta-stream-datafusion-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bars.parquet");
    let file = std::fs::File::create(&path)?;
    let mut writer = datafusion::parquet::arrow::ArrowWriter::try_new(file, schema(), None)?;
    writer.write(&batch(&rows()))?;
    writer.close()?;

    let ctx = SessionContext::new_with_config(SessionConfig::new().with_target_partitions(2));
    ta_stream_datafusion::register(&ctx);
    ctx.register_parquet("bars", path.to_str().unwrap(), Default::default())
        .await?;
    let got = query(&ctx, "ta('RSI(14)', close)").await?;
    std::fs::remove_dir_all(&dir)?;
    let rsi = Rsi::new(14).unwrap().with_flat(FlatRsi::TaLib);
    assert_same("parquet RSI(14)", 2, &got, &expected(rsi, close, |v| v));
    Ok(())
}

/// The planning error of `call` (planned, not run).
async fn plan_error(call: &str) -> String {
    let ctx = context(1).expect("a context");
    let sql = format!("SELECT {call} OVER (PARTITION BY symbol ORDER BY ts) FROM bars");
    let result = match ctx.sql(&sql).await {
        Ok(frame) => frame.create_physical_plan().await.map(|_| ()),
        Err(error) => Err(error),
    };
    let message = result.expect_err("a planning error").to_string();
    assert!(message.contains("Error during planning"), "{message}");
    message
}

fn assert_contains(message: &str, parts: &[&str]) {
    for part in parts {
        assert!(message.contains(part), "{part:?} not in: {message}");
    }
}

#[tokio::test]
async fn malformed_spec_is_a_planning_error() {
    let message = plan_error("ta('RSI(timeperiod=0)', close)").await;
    assert_contains(&message, &["ta('RSI(timeperiod=0)', ...)", "timeperiod"]);
    let message = plan_error("ta('RSI(14', close)").await;
    assert_contains(&message, &["ta('RSI(14', ...)", "malformed spec"]);
}

#[tokio::test]
async fn unknown_function_and_output_are_planning_errors() {
    let message = plan_error("ta('RSX(14)', close)").await;
    assert_contains(&message, &["ta('RSX(14)', ...)", "RSX", "RSI"]);
    let message = plan_error("ta('MACD.signal', close)").await;
    assert_contains(
        &message,
        &[
            "ta('MACD.signal', ...)",
            "no output `signal`",
            "macd, macdsignal, macdhist",
        ],
    );
}

#[tokio::test]
async fn wrong_number_of_columns_is_a_planning_error() {
    let message = plan_error("ta('ATR(14)', close)").await;
    assert_contains(
        &message,
        &[
            "ta('ATR(14)', ...)",
            "ATR reads [high, low, close]",
            "expected 3 columns",
            "got 1",
        ],
    );
    let message = plan_error("ta('RSI', close, high)").await;
    assert_contains(
        &message,
        &["ta('RSI', ...)", "expected 1 column after the spec, got 2"],
    );
    let message = plan_error("ta()").await;
    assert_contains(&message, &["ta(spec, column, ...)", "got no arguments"]);
}

#[tokio::test]
async fn wrong_column_type_is_a_planning_error() {
    let message = plan_error("ta('RSI(14)', symbol)").await;
    assert_contains(
        &message,
        &[
            "ta('RSI(14)', ...)",
            "argument 2 (real) of RSI must be a number",
            "symbol",
            "Utf8",
        ],
    );
    let message = plan_error("ta('FLOORPIVOTS', close, open, high, low, close)").await;
    assert_contains(
        &message,
        &[
            "ta('FLOORPIVOTS', ...)",
            "argument 2 (timestamp)",
            "a timestamp",
        ],
    );
    let message = plan_error("ta(symbol, close)").await;
    assert_contains(
        &message,
        &["ta(spec, column, ...)", "string literal", "symbol"],
    );
}
