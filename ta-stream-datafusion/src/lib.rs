//! [`ta-stream`](ta_stream)'s indicator catalog in SQL: one window function, `ta`, for
//! [Apache DataFusion](https://datafusion.apache.org).
//!
//! [`register`] adds `ta(spec, column, ...)` to a [`SessionContext`]. The first argument is a
//! catalog spec (a string literal such as `'RSI(14)'`, `'MACD(12,26,9)'` or
//! `'BBANDS(timeperiod=20, nbdevup=2.5)'`, see [`ta_stream::catalog`]); the others are the
//! columns the function reads, in the catalog's order of inputs:
//!
//! | Catalog inputs ([`InputKind`]) | Arguments after the spec |
//! |---|---|
//! | `real` | one column: `ta('RSI(14)', close)` |
//! | `(real0, real1)` pairs | two: `ta('CORREL(30)', a, b)`, `ta('RATIOLINE', asset, benchmark)` |
//! | prices (e.g. `[high, low, close]`) | one per price, in that order: `ta('ATR(14)', high, low, close)`, `ta('OBV', close, volume)` |
//! | timestamped bar | timestamp, open, high, low, close: `ta('FLOORPIVOTS', ts, open, high, low, close)` |
//!
//! ```sql
//! SELECT symbol, ts, close,
//!        ta('RSI(14)', close) OVER (PARTITION BY symbol ORDER BY ts) AS rsi,
//!        ta('ATR(14)', high, low, close) OVER (PARTITION BY symbol ORDER BY ts) AS atr
//! FROM bars
//! ```
//!
//! # Values
//!
//! The function runs each window partition through one streaming indicator, in the
//! partition's `ORDER BY` order, in a single pass: no window is recomputed per row and no
//! row allocates (one output array per partition). The window frame is ignored (an indicator
//! always sees every earlier row of its partition), so always give an `ORDER BY`: without
//! one the rows arrive in an unspecified order. Each row's value is what
//! [`Indicator::try_update`] returns for that row's input,
//! bit for bit, and it is `NULL`:
//! - during warm-up (where the streaming API returns `None`, TA-Lib's NaN);
//! - for an unusable input: a `NULL`, NaN or infinite argument, or a value the indicator
//!   cannot compute with (a non-positive price for a ratio, ...). As in the streaming API,
//!   that row does not enter the indicator's state: the next rows are what they would be
//!   without it;
//! - where the selected output is absent (NaN in the catalog: a pivot level a formula does
//!   not have, a swing not yet confirmed).
//!
//! # Several outputs
//!
//! The value is a `DOUBLE` (`Float64`): the function's **first output** (`macd` for MACD,
//! `upperband` for BBANDS). Name another output after the spec with a dot:
//! `ta('MACD(12,26,9).macdsignal', close)`, `ta('BBANDS(20).lowerband', close)`. (A struct of
//! every output is not offered: DataFusion 55 decides a window function's type from its
//! arguments' types, before it sees the spec.)
//!
//! # Errors
//!
//! A spec that does not parse, an unknown function or output, a spec that is not a string
//! literal, a wrong number of columns or a column that is not numeric is a planning error
//! ([`DataFusionError::Plan`]) that names the function, the spec and what was expected, e.g.
//! `ta('ATR(timeperiod=14)', ...): ATR reads [high, low, close]: expected 3 columns after the
//! spec, got 1`. Nothing panics at execution.
//!
//! # Example
//!
//! ```
//! use std::sync::Arc;
//!
//! use datafusion::arrow::array::{Array, Float64Array, Int64Array, StringArray};
//! use datafusion::arrow::datatypes::{DataType, Field, Schema};
//! use datafusion::arrow::record_batch::RecordBatch;
//! use datafusion::prelude::SessionContext;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::error::Result<()> {
//! let schema = Arc::new(Schema::new(vec![
//!     Field::new("symbol", DataType::Utf8, false),
//!     Field::new("ts", DataType::Int64, false),
//!     Field::new("close", DataType::Float64, true),
//! ]));
//! let batch = RecordBatch::try_new(
//!     schema,
//!     vec![
//!         Arc::new(StringArray::from(vec!["A", "B", "A", "B", "A", "B"])),
//!         Arc::new(Int64Array::from(vec![1, 1, 2, 2, 3, 3])),
//!         Arc::new(Float64Array::from(vec![1.0, 10.0, 2.0, 20.0, 3.0, 30.0])),
//!     ],
//! )?;
//! let ctx = SessionContext::new();
//! ta_stream_datafusion::register(&ctx);
//! ctx.register_batch("bars", batch)?;
//! let batches = ctx
//!     .sql(
//!         "SELECT ta('SMA(2)', close) OVER (PARTITION BY symbol ORDER BY ts) AS sma
//!          FROM bars ORDER BY symbol, ts",
//!     )
//!     .await?
//!     .collect()
//!     .await?;
//! let sma = batches[0].column(0).as_any().downcast_ref::<Float64Array>().unwrap();
//! assert!(sma.is_null(0)); // warm-up
//! assert_eq!((sma.value(1), sma.value(2)), (1.5, 2.5)); // symbol A
//! assert!(sma.is_null(3));
//! assert_eq!((sma.value(4), sma.value(5)), (15.0, 25.0)); // symbol B
//! # Ok(())
//! # }
//! ```

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, Float64Array, Float64Builder, TimestampMicrosecondArray,
    TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray,
};
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, TimeUnit};
use datafusion::common::{DataFusionError, Result, ScalarValue};
use datafusion::logical_expr::function::{
    ExpressionArgs, PartitionEvaluatorArgs, WindowUDFFieldArgs,
};
use datafusion::logical_expr::{
    PartitionEvaluator, Signature, Volatility, WindowUDF, WindowUDFImpl,
};
use datafusion::physical_expr::expressions::Literal;
use datafusion::physical_expr::PhysicalExpr;
use datafusion::prelude::SessionContext;
use ta_stream::catalog::{DynIndicator, DynInput, InputKind, Price};
use ta_stream::chrono::{DateTime, Utc};
use ta_stream::Indicator;

/// The SQL name of the window function.
pub const NAME: &str = "ta";

/// Registers the `ta` window function in `ctx` (see the [crate] docs).
pub fn register(ctx: &SessionContext) {
    ctx.register_udwf(ta_window());
}

/// The `ta` window function, for registering it yourself (in a `SessionState`, a function
/// registry, or under another name with [`WindowUDF::with_aliases`]).
pub fn ta_window() -> WindowUDF {
    WindowUDF::new_from_impl(TaWindow::new())
}

/// The `ta` window function's implementation (DataFusion's [`WindowUDFImpl`]).
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct TaWindow {
    signature: Signature,
}

impl TaWindow {
    /// The window function; its arguments are checked when a query is planned.
    pub fn new() -> Self {
        Self {
            signature: Signature::user_defined(Volatility::Immutable),
        }
    }
}

impl Default for TaWindow {
    fn default() -> Self {
        Self::new()
    }
}

/// A planning error, prefixed with the call.
fn plan_error(spec: &str, message: impl std::fmt::Display) -> DataFusionError {
    DataFusionError::Plan(format!("{NAME}('{spec}', ...): {message}"))
}

/// The spec's indicator and the index of the output to return.
fn parse_spec(text: &str) -> Result<(DynIndicator, usize)> {
    // `SPEC.output`: the last dot outside the parentheses (numbers in them have dots).
    let (spec, output) = match text.rfind('.') {
        Some(dot) if text.rfind(')').is_none_or(|close| dot > close) => {
            (&text[..dot], Some(text[dot + 1..].trim()))
        }
        _ => (text, None),
    };
    let indicator = DynIndicator::parse(spec).map_err(|e| plan_error(text, e))?;
    let index = match output {
        None => 0,
        Some(name) => indicator.info().output_index(name).ok_or_else(|| {
            plan_error(
                text,
                format!(
                    "{} has no output `{name}`; its outputs are {}",
                    indicator.info().name,
                    indicator.outputs().join(", ")
                ),
            )
        })?,
    };
    Ok((indicator, index))
}

/// What each column after the spec is, by the function's inputs.
fn column_names(inputs: InputKind) -> Vec<&'static str> {
    match inputs {
        InputKind::Real => vec!["real"],
        InputKind::Pair(first, second) => vec![first, second],
        InputKind::Prices(prices) => prices.iter().map(|price| price.name()).collect(),
        InputKind::TimestampedBar => vec!["timestamp", "open", "high", "low", "close"],
    }
}

fn is_number(data_type: &DataType) -> bool {
    data_type.is_numeric() || data_type.is_null()
}

impl WindowUDFImpl for TaWindow {
    fn name(&self) -> &str {
        NAME
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    /// Numbers become `DOUBLE`; the spec and timestamps stay; anything else is refused when
    /// the evaluator is made, where the spec is known.
    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        if arg_types.is_empty() {
            return Err(DataFusionError::Plan(format!(
                "{NAME}(spec, column, ...): expected a spec string such as 'RSI(14)' then the \
                 columns the function reads, got no arguments"
            )));
        }
        Ok(arg_types
            .iter()
            .enumerate()
            .map(|(position, data_type)| {
                if position > 0 && is_number(data_type) {
                    DataType::Float64
                } else {
                    data_type.clone()
                }
            })
            .collect())
    }

    fn partition_evaluator(
        &self,
        args: PartitionEvaluatorArgs,
    ) -> Result<Box<dyn PartitionEvaluator>> {
        let spec = match args
            .input_exprs()
            .first()
            .and_then(|expr| expr.downcast_ref::<Literal>())
            .map(Literal::value)
        {
            Some(
                ScalarValue::Utf8(Some(spec))
                | ScalarValue::LargeUtf8(Some(spec))
                | ScalarValue::Utf8View(Some(spec)),
            ) => spec.clone(),
            _ => {
                return Err(DataFusionError::Plan(format!(
                    "{NAME}(spec, column, ...): expected a spec string literal such as 'RSI(14)' \
                     as the first argument, got {}",
                    args.input_exprs()
                        .first()
                        .map_or_else(|| "no argument".to_owned(), |expr| expr.to_string())
                )))
            }
        };
        let (indicator, output) = parse_spec(&spec)?;
        let info = indicator.info();
        let names = column_names(info.inputs);
        let fields = &args.input_fields()[1..];
        if fields.len() != names.len() {
            return Err(plan_error(
                &spec,
                format!(
                    "{} reads [{}]: expected {} column{} after the spec, got {}",
                    info.name,
                    names.join(", "),
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    fields.len()
                ),
            ));
        }
        let timestamped = info.inputs == InputKind::TimestampedBar;
        for (position, (field, name)) in fields.iter().zip(&names).enumerate() {
            let ok = match field.data_type() {
                DataType::Timestamp(..) => timestamped && position == 0,
                data_type => is_number(data_type) && !(timestamped && position == 0),
            };
            if !ok {
                let wanted = if timestamped && position == 0 {
                    "a timestamp"
                } else {
                    "a number"
                };
                return Err(plan_error(
                    &spec,
                    format!(
                        "argument {} ({name}) of {} must be {wanted}, got column `{}` of type {}",
                        position + 2,
                        info.name,
                        field.name(),
                        field.data_type()
                    ),
                ));
            }
        }
        Ok(Box::new(TaEvaluator {
            indicator,
            output,
            layout: Layout::of(info.inputs),
        }))
    }

    /// The columns after the spec: the spec literal is read once, when the evaluator is made,
    /// not repeated as a column of strings.
    fn expressions(&self, expr_args: ExpressionArgs) -> Vec<Arc<dyn PhysicalExpr>> {
        expr_args.input_exprs().iter().skip(1).cloned().collect()
    }

    fn field(&self, field_args: WindowUDFFieldArgs) -> Result<FieldRef> {
        Ok(Arc::new(Field::new(
            field_args.name(),
            DataType::Float64,
            true,
        )))
    }
}

/// Where each column goes in a [`DynInput`].
#[derive(Debug, Clone, Copy)]
enum Layout {
    /// `real`: every price is the value.
    Real,
    /// `(real0, real1)`.
    Pair,
    /// One column per listed price (at most five).
    Prices([Price; 5], usize),
    /// Timestamp, open, high, low, close.
    TimestampedBar,
}

impl Layout {
    fn of(inputs: InputKind) -> Self {
        match inputs {
            InputKind::Real => Self::Real,
            InputKind::Pair(..) => Self::Pair,
            InputKind::Prices(prices) => {
                let mut slots = [Price::Close; 5];
                for (slot, &price) in slots.iter_mut().zip(prices) {
                    *slot = price;
                }
                Self::Prices(slots, prices.len().min(5))
            }
            InputKind::TimestampedBar => Self::TimestampedBar,
        }
    }
}

/// A price's slot in a bar's five numbers.
fn slot(price: Price) -> usize {
    match price {
        Price::Open => 0,
        Price::High => 1,
        Price::Low => 2,
        Price::Close => 3,
        Price::Volume => 4,
    }
}

/// One partition's pass: the indicator, fed row by row.
#[derive(Debug)]
struct TaEvaluator {
    indicator: DynIndicator,
    output: usize,
    layout: Layout,
}

/// Value `row` of a `DOUBLE` column, NaN for `NULL` (which the indicator refuses).
#[inline]
fn at(column: &Float64Array, row: usize) -> f64 {
    if column.is_null(row) {
        f64::NAN
    } else {
        column.value(row)
    }
}

/// The bar times of a timestamp column (any unit; a time zone's values are UTC already).
fn timestamps(column: &ArrayRef) -> Result<Vec<Option<DateTime<Utc>>>> {
    fn read<A: Array + 'static>(
        column: &ArrayRef,
        value: impl Fn(&A, usize) -> i64,
        to_time: impl Fn(i64) -> Option<DateTime<Utc>>,
    ) -> Result<Vec<Option<DateTime<Utc>>>> {
        let array = column.as_any().downcast_ref::<A>().ok_or_else(|| {
            DataFusionError::Internal(format!("{NAME}: unexpected timestamp array"))
        })?;
        Ok((0..array.len())
            .map(|row| {
                if array.is_null(row) {
                    None
                } else {
                    to_time(value(array, row))
                }
            })
            .collect())
    }
    match column.data_type() {
        DataType::Timestamp(TimeUnit::Second, _) => read(
            column,
            |a: &TimestampSecondArray, row| a.value(row),
            |v| DateTime::from_timestamp(v, 0),
        ),
        DataType::Timestamp(TimeUnit::Millisecond, _) => read(
            column,
            |a: &TimestampMillisecondArray, row| a.value(row),
            DateTime::from_timestamp_millis,
        ),
        DataType::Timestamp(TimeUnit::Microsecond, _) => read(
            column,
            |a: &TimestampMicrosecondArray, row| a.value(row),
            DateTime::from_timestamp_micros,
        ),
        DataType::Timestamp(TimeUnit::Nanosecond, _) => read(
            column,
            |a: &TimestampNanosecondArray, row| a.value(row),
            |v| Some(DateTime::from_timestamp_nanos(v)),
        ),
        other => Err(DataFusionError::Internal(format!(
            "{NAME}: expected a timestamp column, got {other}"
        ))),
    }
}

impl TaEvaluator {
    fn input(&self, columns: &[&Float64Array], row: usize) -> DynInput {
        match self.layout {
            Layout::Real => DynInput::real(at(columns[0], row)),
            Layout::Pair => DynInput::pair(at(columns[0], row), at(columns[1], row)),
            Layout::Prices(prices, count) => {
                let mut values = [None; 5];
                for (price, column) in prices[..count].iter().zip(columns) {
                    values[slot(*price)] = Some(at(column, row));
                }
                // Prices the function does not read: the close (or 0), volume 0.
                let close = values[slot(Price::Close)].unwrap_or(0.0);
                DynInput {
                    open: values[slot(Price::Open)].unwrap_or(close),
                    high: values[slot(Price::High)].unwrap_or(close),
                    low: values[slot(Price::Low)].unwrap_or(close),
                    close,
                    volume: values[slot(Price::Volume)].unwrap_or(0.0),
                    second: close,
                    timestamp: None,
                }
            }
            Layout::TimestampedBar => {
                let close = at(columns[3], row);
                DynInput {
                    open: at(columns[0], row),
                    high: at(columns[1], row),
                    low: at(columns[2], row),
                    close,
                    volume: 0.0,
                    second: close,
                    timestamp: None,
                }
            }
        }
    }
}

impl PartitionEvaluator for TaEvaluator {
    fn evaluate_all(&mut self, values: &[ArrayRef], num_rows: usize) -> Result<ArrayRef> {
        self.indicator.reset();
        // The columns after the spec (see `expressions`); a timestamp comes first.
        let (times, numbers) = match self.layout {
            Layout::TimestampedBar => (
                Some(timestamps(values.first().ok_or_else(|| {
                    DataFusionError::Internal(format!("{NAME}: missing timestamp column"))
                })?)?),
                values.get(1..).unwrap_or_default(),
            ),
            _ => (None, values),
        };
        let columns = numbers
            .iter()
            .map(|column| {
                column
                    .as_any()
                    .downcast_ref::<Float64Array>()
                    .ok_or_else(|| {
                        DataFusionError::Internal(format!(
                            "{NAME}: expected DOUBLE columns, got {}",
                            column.data_type()
                        ))
                    })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut out = Float64Builder::with_capacity(num_rows);
        for row in 0..num_rows {
            let mut input = self.input(&columns, row);
            if let Some(times) = &times {
                input.timestamp = times.get(row).copied().flatten();
            }
            match self.indicator.try_update(input) {
                Ok(Some(outputs)) => {
                    let value = outputs.as_slice()[self.output];
                    out.append_option((!value.is_nan()).then_some(value));
                }
                Ok(None) | Err(_) => out.append_null(),
            }
        }
        Ok(Arc::new(out.finish()))
    }
}
