//! `ta(...) OVER (PARTITION BY symbol ORDER BY ts)` run by a standalone Ballista cluster over
//! Parquet files, against the streaming API (the catalog's `DynIndicator`), bit for bit.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ballista::prelude::{SessionConfigExt, SessionContextExt};
use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use datafusion::arrow::array::{Array, Float64Array, Int64Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::error::Result;
use datafusion::execution::FunctionRegistry;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::{SessionConfig, SessionContext};
use ta_stream::bar::Candle;
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::Indicator;

const SYMBOLS: [&str; 3] = ["AAA", "BBB", "CCC"];
const BARS: usize = 300;
/// The generated rows, shuffled, are written to this many Parquet files.
const FILES: usize = 3;

/// One generated bar; `None` is a SQL NULL.
#[derive(Clone, Copy, Debug)]
struct Row {
    symbol: usize,
    ts: i64,
    open: f64,
    high: Option<f64>,
    low: f64,
    close: Option<f64>,
    volume: f64,
}

/// A 64-bit LCG's next number in [0, 1).
fn uniform(state: &mut u64) -> f64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

/// Random walks, the same on every run, with NULL closes (one in warm-up), a NaN close and a
/// NULL high in each series; rows shuffled across symbols and times.
fn rows() -> Vec<Row> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut rows = Vec::with_capacity(SYMBOLS.len() * BARS);
    for symbol in 0..SYMBOLS.len() {
        let mut close = 40.0 + 30.0 * symbol as f64;
        for bar in 0..BARS {
            let open = close;
            close = (close * (1.0 + 0.05 * (uniform(&mut state) - 0.5))).max(1.0);
            let high = open.max(close) * (1.0 + 0.01 * uniform(&mut state));
            let low = open.min(close) * (1.0 - 0.01 * uniform(&mut state));
            let volume = (500.0 + 5000.0 * uniform(&mut state)).round();
            rows.push(Row {
                symbol,
                ts: 1_750_000_000 + 60 * bar as i64,
                open,
                high: Some(high),
                low,
                close: Some(close),
                volume,
            });
        }
        let base = symbol * BARS;
        rows[base + 7].close = None;
        rows[base + 100 + symbol].close = None;
        rows[base + 101 + symbol].close = None;
        rows[base + 150].close = Some(f64::NAN);
        rows[base + 200 + 3 * symbol].high = None;
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut state = 11_u64;
    for i in (1..order.len()).rev() {
        let j = (uniform(&mut state) * (i + 1) as f64) as usize;
        order.swap(i, j);
    }
    order.into_iter().map(|i| rows[i]).collect()
}

fn schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("symbol", DataType::Utf8, false),
        Field::new("ts", DataType::Int64, false),
        Field::new("open", DataType::Float64, false),
        Field::new("high", DataType::Float64, true),
        Field::new("low", DataType::Float64, false),
        Field::new("close", DataType::Float64, true),
        Field::new("volume", DataType::Float64, false),
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
            Arc::new(Float64Array::from_iter_values(rows.iter().map(|r| r.open))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.high))),
            Arc::new(Float64Array::from_iter_values(rows.iter().map(|r| r.low))),
            Arc::new(Float64Array::from_iter(rows.iter().map(|r| r.close))),
            Arc::new(Float64Array::from_iter_values(
                rows.iter().map(|r| r.volume),
            )),
        ],
    )
    .expect("a valid batch")
}

/// Writes the shuffled rows as `FILES` Parquet files in a fresh directory under the test
/// target's temporary directory, and returns the directory.
fn write_parquet(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ballista-{name}-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("an old test directory removed");
    }
    std::fs::create_dir_all(&dir).expect("a test directory");
    let rows = rows();
    for (index, chunk) in rows.chunks(rows.len().div_ceil(FILES)).enumerate() {
        let file = std::fs::File::create(dir.join(format!("bars-{index}.parquet")))
            .expect("a Parquet file");
        let mut writer = ArrowWriter::try_new(file, schema(), None).expect("a Parquet writer");
        writer.write(&batch(chunk)).expect("rows written");
        writer.close().expect("the file closed");
    }
    dir
}

/// A standalone cluster whose shuffles have `partitions` partitions, with the files as `bars`.
async fn cluster(dir: &Path, partitions: usize) -> Result<SessionContext> {
    let config = SessionConfig::new_with_ballista()
        .with_target_partitions(partitions)
        .with_ballista_standalone_parallelism(2);
    let ctx = ta_stream_ballista::standalone(config).await?;
    let path = format!("{}/", dir.display());
    ctx.register_parquet("bars", &path, Default::default())
        .await?;
    Ok(ctx)
}

/// `(symbol, ts, value)` per row.
type Values = Vec<(String, i64, Option<f64>)>;

/// Columns 0 (symbol), 1 (ts) and `column` (a `DOUBLE`) of every row, sorted by
/// `(symbol, ts)` here (the query gives no order).
async fn run(ctx: &SessionContext, sql: &str, column: usize) -> Result<Values> {
    let mut out = Vec::new();
    for batch in ctx.sql(sql).await?.collect().await? {
        let symbols = datafusion::arrow::compute::cast(batch.column(0), &DataType::Utf8)?;
        let symbols = symbols.as_any().downcast_ref::<StringArray>().unwrap();
        let ts = batch
            .column(1)
            .as_any()
            .downcast_ref::<Int64Array>()
            .unwrap();
        let values = batch
            .column(column)
            .as_any()
            .downcast_ref::<Float64Array>()
            .unwrap();
        for row in 0..batch.num_rows() {
            let value = (!values.is_null(row)).then(|| values.value(row));
            out.push((symbols.value(row).to_owned(), ts.value(row), value));
        }
    }
    out.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Ok(out)
}

/// What the streaming API gives for `spec` per row, symbol by symbol in time order:
/// `try_update`'s first output, NULL for warm-up, a refused input or NaN.
fn streaming(spec: &str, input: impl Fn(&Row) -> DynInput) -> Values {
    let mut rows = rows();
    rows.sort_by_key(|r| (r.symbol, r.ts));
    let mut out = Vec::with_capacity(rows.len());
    for (symbol, name) in SYMBOLS.iter().enumerate() {
        let mut indicator = DynIndicator::parse(spec).expect("a catalog spec");
        for row in rows.iter().filter(|r| r.symbol == symbol) {
            let value = match indicator.try_update(input(row)) {
                Ok(Some(output)) => Some(output.as_slice()[0]).filter(|v| !v.is_nan()),
                Ok(None) | Err(_) => None,
            };
            out.push(((*name).to_owned(), row.ts, value));
        }
    }
    out
}

fn close(row: &Row) -> DynInput {
    DynInput::real(row.close.unwrap_or(f64::NAN))
}

fn candle(row: &Row) -> DynInput {
    DynInput::candle(Candle {
        open: row.open,
        high: row.high.unwrap_or(f64::NAN),
        low: row.low,
        close: row.close.unwrap_or(f64::NAN),
        volume: row.volume,
    })
}

/// Equal bit for bit, NULLs included; the sample has to hold NULLs and values.
fn assert_same(what: &str, got: &Values, want: &Values) {
    assert_eq!(got.len(), want.len(), "{what}: row count");
    for (g, w) in got.iter().zip(want) {
        let same = g.0 == w.0 && g.1 == w.1 && g.2.map(f64::to_bits) == w.2.map(f64::to_bits);
        assert!(same, "{what}: Ballista gives {g:?}, streaming gives {w:?}");
    }
    let nulls = want.iter().filter(|r| r.2.is_none()).count();
    assert!(
        nulls > 3 * 14 && nulls < want.len() / 4,
        "{what}: {nulls} NULLs"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rsi_and_atr_equal_the_streaming_api() -> Result<()> {
    let dir = write_parquet("values");
    let rsi = streaming("RSI(14)", close);
    let atr = streaming("ATR(14)", candle);
    // The NULL and NaN closes are NULL rows, and the rows after them have values.
    for symbol in 0..SYMBOLS.len() {
        let base = symbol * BARS;
        for row in [
            base + 7,
            base + 100 + symbol,
            base + 101 + symbol,
            base + 150,
        ] {
            assert_eq!(rsi[row].2, None);
        }
        assert!(rsi[base + 151].2.is_some() && atr[base + 200 + 3 * symbol].2.is_none());
    }
    for partitions in [1, 2, 3] {
        let ctx = cluster(&dir, partitions).await?;
        let got = run(
            &ctx,
            "SELECT symbol, ts, ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) \
             FROM bars",
            2,
        )
        .await?;
        assert_same(&format!("RSI(14), {partitions} partitions"), &got, &rsi);
        let sql = "SELECT symbol, ts, \
                   ta('RSI(14)', close) OVER w AS rsi, \
                   ta('ATR(14)', high, low, close) OVER w AS atr \
                   FROM bars WINDOW w AS (PARTITION BY symbol ORDER BY ts)";
        let got = run(&ctx, sql, 3).await?;
        assert_same(&format!("ATR(14), {partitions} partitions"), &got, &atr);
        let got = run(&ctx, sql, 2).await?;
        assert_same(
            &format!("RSI(14) next to ATR, {partitions} partitions"),
            &got,
            &rsi,
        );
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// The query really ran distributed: Ballista's `EXPLAIN ANALYZE` shows the stages the
/// executor ran, the window function in a stage of 3 partitions that reads a shuffle by symbol.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_runs_in_a_stage_after_a_shuffle_by_symbol() -> Result<()> {
    let dir = write_parquet("plan");
    let ctx = cluster(&dir, 3).await?;
    let batches = ctx
        .sql(
            "EXPLAIN ANALYZE SELECT symbol, ts, \
             ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) FROM bars",
        )
        .await?
        .collect()
        .await?;
    std::fs::remove_dir_all(&dir)?;
    let mut text = String::new();
    for batch in &batches {
        let plans = batch
            .column(1)
            .as_any()
            .downcast_ref::<StringArray>()
            .unwrap();
        for row in 0..batch.num_rows() {
            text.push_str(plans.value(row));
            text.push('\n');
        }
    }
    let stages: Vec<&str> = text.split("SuccessfulStage[").skip(1).collect();
    assert!(stages.len() >= 2, "{text}");
    let window = stages
        .iter()
        .find(|stage| stage.contains("WindowAggExec: wdw=[ta(Utf8(\"RSI(14)\")"))
        .unwrap_or_else(|| panic!("no stage runs `ta`:\n{text}"));
    for part in [
        "partitions=3]",
        "ShuffleReaderExec",
        "partitioning: Hash([symbol@0], 3)",
        "output_rows=900",
    ] {
        assert!(
            window.contains(part),
            "{part:?} not in the window's stage:\n{window}"
        );
    }
    Ok(())
}

/// The function has to be known to the cluster, not only to the client: a cluster started
/// from a state without `ta` refuses the query the client planned.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_without_the_function_refuses_the_query() -> Result<()> {
    let dir = write_parquet("unknown");
    let config = SessionConfig::new_with_ballista().with_target_partitions(2);
    let plain = SessionContext::new_with_config(config);
    let ctx = SessionContext::standalone_with_state(plain.state()).await?;
    ta_stream_datafusion::register(&ctx);
    ctx.register_parquet("bars", &format!("{}/", dir.display()), Default::default())
        .await?;
    let result = ctx
        .sql("SELECT ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) FROM bars")
        .await?
        .collect()
        .await;
    std::fs::remove_dir_all(&dir)?;
    let message = result.expect_err("an unknown function").to_string();
    println!("{message}");
    assert!(
        message.contains("Could not parse plan") && message.contains("window function ta"),
        "{message}"
    );
    Ok(())
}

/// The executor decodes each stage's plan with its own function registry: a scheduler that
/// knows `ta` plans the query, and an executor that does not cannot run it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_executor_without_the_function_cannot_run_the_stage() -> Result<()> {
    let dir = write_parquet("executor");
    let config = SessionConfig::new_with_ballista().with_target_partitions(2);
    let with_ta = SessionContext::new_with_config(config.clone());
    ta_stream_datafusion::register(&with_ta);
    let without_ta = SessionContext::new_with_config(config);
    let address =
        ballista_scheduler::standalone::new_standalone_scheduler_from_state(&with_ta.state())
            .await
            .expect("a scheduler");
    let scheduler = SchedulerGrpcClient::connect(format!("http://localhost:{}", address.port()))
        .await
        .expect("a connection to the scheduler");
    ballista_executor::new_standalone_executor_from_state(scheduler, 2, &without_ta.state())
        .await
        .expect("an executor");
    let url = format!("df://localhost:{}", address.port());
    let ctx = SessionContext::remote_with_state(&url, with_ta.state()).await?;
    ta_stream_datafusion::register(&ctx);
    ctx.register_parquet("bars", &format!("{}/", dir.display()), Default::default())
        .await?;
    let query = ctx
        .sql("SELECT ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) FROM bars")
        .await?
        .collect();
    let result = tokio::time::timeout(std::time::Duration::from_secs(60), query)
        .await
        .expect("the job ends");
    std::fs::remove_dir_all(&dir)?;
    let message = result.expect_err("an unknown function").to_string();
    println!("{message}");
    assert!(message.contains("window function ta"), "{message}");
    Ok(())
}

/// Why [`ta_stream_ballista::standalone`] registers `ta` on the client again: the context that
/// `standalone_with_state` returns has Ballista's window functions instead of the state's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn standalone_with_state_alone_loses_the_function_on_the_client() -> Result<()> {
    let local = SessionContext::new_with_config(SessionConfig::new_with_ballista());
    ta_stream_datafusion::register(&local);
    assert!(local.udwf("ta").is_ok());
    let ctx = SessionContext::standalone_with_state(local.state()).await?;
    assert!(ctx.udwf("ta").is_err());
    ta_stream_datafusion::register(&ctx);
    assert!(ctx.udwf("ta").is_ok());
    Ok(())
}
