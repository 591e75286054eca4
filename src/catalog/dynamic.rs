//! [`DynIndicator`]: any catalog function behind one type, with one uniform input
//! ([`DynInput`]) and numeric outputs ([`DynOutput`]).

use std::any::Any;
use std::fmt;

use chrono::{DateTime, Utc};

use super::{CatalogError, FunctionInfo, Spec};
use crate::bar::{Bar, Candle};
use crate::sentiment::OptionVolume;
use crate::{CheckedInput, Error, Indicator};

/// Largest number of outputs of any entry (floor pivots: pivot and five levels each side).
pub const MAX_OUTPUTS: usize = 12;

/// The outputs of one update, NaN where a value is absent.
pub(crate) type Values = [f64; MAX_OUTPUTS];

/// An entry's constructor: the typed indicator for a checked spec.
pub(crate) type Builder = fn(&Spec) -> Result<Box<dyn Erased>, Error>;

/// One input for any function: a bar's five prices, a second series and a timestamp.
///
/// Each function reads what its [`InputKind`](super::InputKind) says: `real` functions read
/// [`close`](Self::close), pair functions read ([`close`](Self::close),
/// [`second`](Self::second)), bar functions read the candle, and timestamped-bar functions
/// also need [`timestamp`](Self::timestamp). The constructors fill every field, so any input
/// can feed any function: [`DynInput::real`] sets every price to the value (volume 0),
/// [`DynInput::pair`] sets the prices to the first value and [`second`](Self::second) to the
/// second, a [`Candle`] sets [`second`](Self::second) to its close.
///
/// ```
/// use ta_stream::catalog::DynInput;
/// use ta_stream::bar::Candle;
///
/// let bar: DynInput = Candle::new(10.0, 12.0, 9.0, 11.0, 1000.0)?.into();
/// assert_eq!((bar.high, bar.close, bar.second), (12.0, 11.0, 11.0));
/// let pair = DynInput::pair(105.0, 4500.0); // (asset, benchmark)
/// assert_eq!((pair.close, pair.second), (105.0, 4500.0));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DynInput {
    /// Open.
    pub open: f64,
    /// High.
    pub high: f64,
    /// Low.
    pub low: f64,
    /// Close, and the value of `real` functions.
    pub close: f64,
    /// Volume.
    pub volume: f64,
    /// The second series of pair functions (`real1`: the benchmark, the slow line, calls).
    pub second: f64,
    /// The bar's time, required by timestamped-bar functions ([`FloorPivots`](crate::levels::FloorPivots)).
    pub timestamp: Option<DateTime<Utc>>,
}

impl DynInput {
    /// A single value: every price is `value`, volume 0.
    pub fn real(value: f64) -> Self {
        Self {
            open: value,
            high: value,
            low: value,
            close: value,
            volume: 0.0,
            second: value,
            timestamp: None,
        }
    }

    /// Two series: `first` (TA-Lib's `real0`) as every price, `second` (`real1`).
    pub fn pair(first: f64, second: f64) -> Self {
        Self {
            second,
            ..Self::real(first)
        }
    }

    /// A bar without a timestamp.
    pub fn candle(candle: Candle<f64>) -> Self {
        Self {
            open: candle.open,
            high: candle.high,
            low: candle.low,
            close: candle.close,
            volume: candle.volume,
            second: candle.close,
            timestamp: None,
        }
    }

    /// A timestamped bar.
    pub fn bar(bar: Bar<f64>) -> Self {
        Self {
            timestamp: Some(bar.timestamp),
            ..Self::candle(bar.candle)
        }
    }

    fn to_candle(self) -> Candle<f64> {
        Candle {
            open: self.open,
            high: self.high,
            low: self.low,
            close: self.close,
            volume: self.volume,
        }
    }
}

impl From<f64> for DynInput {
    fn from(value: f64) -> Self {
        Self::real(value)
    }
}

impl From<(f64, f64)> for DynInput {
    fn from((first, second): (f64, f64)) -> Self {
        Self::pair(first, second)
    }
}

impl From<Candle<f64>> for DynInput {
    fn from(candle: Candle<f64>) -> Self {
        Self::candle(candle)
    }
}

impl From<Bar<f64>> for DynInput {
    fn from(bar: Bar<f64>) -> Self {
        Self::bar(bar)
    }
}

impl CheckedInput for DynInput {
    /// Every number usable (a function may still refuse an input it cannot compute with).
    #[inline]
    fn is_usable(&self) -> bool {
        self.to_candle().is_usable() & self.second.is_usable()
    }
}

/// How a typed input is read from a [`DynInput`] (one implementation per input type).
pub(crate) trait FromDyn: Sized {
    fn from_dyn(input: &DynInput) -> Self;

    /// The input of `row` of `columns`: `from_dyn` of that row's [`DynInput`], read from the
    /// columns this input type uses only.
    #[inline]
    fn from_columns(columns: &super::Columns<'_>, row: usize) -> Self {
        Self::from_dyn(&columns.row(row))
    }
}

impl FromDyn for f64 {
    #[inline]
    fn from_dyn(input: &DynInput) -> Self {
        input.close
    }

    #[inline]
    fn from_columns(columns: &super::Columns<'_>, row: usize) -> Self {
        columns.close_at(row)
    }
}

impl FromDyn for (f64, f64) {
    #[inline]
    fn from_dyn(input: &DynInput) -> Self {
        (input.close, input.second)
    }
}

impl FromDyn for Candle<f64> {
    #[inline]
    fn from_dyn(input: &DynInput) -> Self {
        input.to_candle()
    }

    #[inline]
    fn from_columns(columns: &super::Columns<'_>, row: usize) -> Self {
        columns.candle_at(row)
    }
}

impl FromDyn for Bar<f64> {
    /// Without a timestamp the bar is made unusable (NaN close), so the indicator ignores it
    /// exactly as it ignores a NaN.
    #[inline]
    fn from_dyn(input: &DynInput) -> Self {
        match input.timestamp {
            Some(timestamp) => Bar::new(timestamp, input.to_candle()),
            None => Bar::new(
                DateTime::<Utc>::default(),
                Candle {
                    close: f64::NAN,
                    ..input.to_candle()
                },
            ),
        }
    }
}

impl FromDyn for OptionVolume<f64> {
    #[inline]
    fn from_dyn(input: &DynInput) -> Self {
        OptionVolume {
            puts: input.close,
            calls: input.second,
        }
    }
}

/// How a typed output is written as numbers, in the entry's output order (one
/// implementation per output type, in `table.rs`).
pub(crate) trait ToNumbers: Copy {
    fn write(&self, out: &mut Values);
}

impl ToNumbers for f64 {
    #[inline]
    fn write(&self, out: &mut Values) {
        set(out, [*self]);
    }
}

/// Writes `values` into the first slots of `out`.
#[inline]
pub(crate) fn set<const N: usize>(out: &mut Values, values: [f64; N]) {
    for (slot, value) in out.iter_mut().zip(values) {
        *slot = value;
    }
}

/// The outputs of one update of a [`DynIndicator`]: numbers by position or by name.
///
/// An absent value (a level a pivot formula does not have, a swing not yet confirmed) is
/// NaN in [`as_slice`](Self::as_slice) and `None` from [`get`](Self::get). Two outputs are
/// equal when their numbers are bit for bit the same (so NaN equals NaN here).
#[derive(Clone, Copy)]
pub struct DynOutput {
    values: Values,
    names: &'static [&'static str],
}

impl DynOutput {
    /// The number of outputs (as many as the function's output names).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// `true` for a function without outputs (none has).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Output `index`, `None` when absent (NaN) or beyond [`len`](Self::len).
    pub fn get(&self, index: usize) -> Option<f64> {
        self.as_slice().get(index).copied().filter(|v| !v.is_nan())
    }

    /// The output called `name` (case-insensitive), `None` when absent or unknown.
    pub fn by_name(&self, name: &str) -> Option<f64> {
        let index = self
            .names
            .iter()
            .position(|output| output.eq_ignore_ascii_case(name))?;
        self.get(index)
    }

    /// Every output, NaN where absent.
    pub fn as_slice(&self) -> &[f64] {
        self.values.get(..self.names.len()).unwrap_or(&[])
    }

    /// The output names, in order.
    pub fn names(&self) -> &'static [&'static str] {
        self.names
    }

    /// `(name, value)` pairs, NaN where absent.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        self.names
            .iter()
            .copied()
            .zip(self.as_slice().iter().copied())
    }
}

impl PartialEq for DynOutput {
    fn eq(&self, other: &Self) -> bool {
        self.names == other.names
            && self
                .as_slice()
                .iter()
                .zip(other.as_slice())
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

impl fmt::Debug for DynOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
pub(crate) trait MaybeSerde: serde::Serialize + serde::de::DeserializeOwned {}
#[cfg(feature = "serde")]
impl<T: serde::Serialize + serde::de::DeserializeOwned> MaybeSerde for T {}
#[cfg(not(feature = "serde"))]
pub(crate) trait MaybeSerde {}
#[cfg(not(feature = "serde"))]
impl<T> MaybeSerde for T {}

/// The object-safe face of a typed indicator: one virtual call per update.
pub(crate) trait Erased: fmt::Debug + Send + Sync {
    /// Writes the outputs into `out` and returns `true`, or returns `false` in warm-up.
    fn update(&mut self, input: &DynInput, out: &mut Values) -> bool;
    fn peek(&self, input: &DynInput) -> Option<Values>;
    fn value(&self) -> Option<Values>;
    fn try_update(&mut self, input: &DynInput) -> Result<Option<Values>, Error>;
    fn reset(&mut self);
    fn warmup_period(&self) -> usize;
    fn clone_box(&self) -> Box<dyn Erased>;
    fn as_any(&self) -> &dyn Any;
    /// The typed indicator inside, for [`DynIndicator::run_columns`]'s typed column paths.
    fn indicator_mut(&mut self) -> &mut dyn Any;
    /// [`DynIndicator::run_columns`]'s row loop, in the typed indicator's own code (one
    /// call for the whole run, not one per row): `update` on each row of `columns`, its
    /// outputs into `outputs` (NaN in warm-up). The columns and outputs are checked.
    fn run_rows(&mut self, columns: &super::Columns<'_>, rows: usize, outputs: &mut [&mut [f64]]);
    fn eq_dyn(&self, other: &dyn Erased) -> bool;
    #[cfg(feature = "serde")]
    fn state(&self) -> &dyn erased_serde::Serialize;
    /// Deserializes a state of the same typed indicator, and checks that its parameters are
    /// this (fresh) one's: reset, it must equal `self`.
    #[cfg(feature = "serde")]
    fn restore(
        &self,
        state: &mut dyn erased_serde::Deserializer<'_>,
    ) -> Result<Box<dyn Erased>, String>;
}

/// The one adapter from a typed indicator to [`Erased`]: inputs through [`FromDyn`],
/// outputs through [`ToNumbers`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Typed<I>(pub(crate) I);

#[inline]
fn numbers<O: ToNumbers>(output: O) -> Values {
    let mut values = [f64::NAN; MAX_OUTPUTS];
    output.write(&mut values);
    values
}

impl<I> Erased for Typed<I>
where
    I: Indicator + Clone + PartialEq + fmt::Debug + Send + Sync + 'static + MaybeSerde,
    I::Input: FromDyn,
    I::Output: ToNumbers,
{
    #[inline]
    fn update(&mut self, input: &DynInput, out: &mut Values) -> bool {
        match self.0.update(I::Input::from_dyn(input)) {
            Some(output) => {
                output.write(out);
                true
            }
            None => false,
        }
    }

    #[inline]
    fn peek(&self, input: &DynInput) -> Option<Values> {
        self.0.peek(I::Input::from_dyn(input)).map(numbers)
    }

    fn value(&self) -> Option<Values> {
        self.0.value().map(numbers)
    }

    fn try_update(&mut self, input: &DynInput) -> Result<Option<Values>, Error> {
        Ok(self.0.try_update(I::Input::from_dyn(input))?.map(numbers))
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }

    fn clone_box(&self) -> Box<dyn Erased> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn indicator_mut(&mut self) -> &mut dyn Any {
        &mut self.0
    }

    fn run_rows(&mut self, columns: &super::Columns<'_>, rows: usize, outputs: &mut [&mut [f64]]) {
        for row in 0..rows {
            let mut values = [f64::NAN; MAX_OUTPUTS];
            if let Some(output) = self.0.update(I::Input::from_columns(columns, row)) {
                output.write(&mut values);
            }
            for (out, &value) in outputs.iter_mut().zip(&values) {
                if let Some(slot) = out.get_mut(row) {
                    *slot = value;
                }
            }
        }
    }

    fn eq_dyn(&self, other: &dyn Erased) -> bool {
        other
            .as_any()
            .downcast_ref::<Self>()
            .is_some_and(|other| other == self)
    }

    #[cfg(feature = "serde")]
    fn state(&self) -> &dyn erased_serde::Serialize {
        &self.0
    }

    #[cfg(feature = "serde")]
    fn restore(
        &self,
        state: &mut dyn erased_serde::Deserializer<'_>,
    ) -> Result<Box<dyn Erased>, String> {
        let restored: I = erased_serde::deserialize(state).map_err(|e| e.to_string())?;
        let mut parameters = restored.clone();
        parameters.reset();
        if parameters == self.0 {
            Ok(Box::new(Self(restored)))
        } else {
            Err("the state's parameters are not the spec's".to_owned())
        }
    }
}

/// Boxes a freshly built typed indicator for the table.
pub(crate) fn typed<I>(indicator: Result<I, Error>) -> Result<Box<dyn Erased>, Error>
where
    Typed<I>: Erased + 'static,
{
    indicator.map(|indicator| Box::new(Typed(indicator)) as Box<dyn Erased>)
}

/// Any catalog function, built at runtime from a spec string.
///
/// `Clone + Send + Sync + Debug`; [`Display`](fmt::Display) prints the canonical spec, which
/// parses back to an equal indicator. It implements [`Indicator`] with [`DynInput`] in and
/// [`DynOutput`] out: one virtual call per update on top of the typed indicator, which
/// computes exactly what the typed one does (bit for bit).
///
/// ```
/// use ta_stream::catalog::{DynIndicator, DynInput};
/// use ta_stream::Indicator;
///
/// let mut macd = DynIndicator::parse("macd(3, 6, 2)")?;
/// assert_eq!(macd.to_string(), "MACD(fastperiod=3, slowperiod=6, signalperiod=2)");
/// assert_eq!(macd.outputs(), ["macd", "macdsignal", "macdhist"]);
/// let mut last = None;
/// for close in [10.0, 11.0, 12.0, 11.5, 12.5, 13.0, 13.5, 14.0] {
///     last = macd.update(DynInput::real(close));
/// }
/// let out = last.expect("warmed up after slowperiod + signalperiod - 1 = 7 inputs");
/// assert_eq!(out.by_name("macdhist"), Some(out.get(0).unwrap() - out.get(1).unwrap()));
/// # Ok::<(), ta_stream::catalog::CatalogError>(())
/// ```
#[doc(alias = "Function")]
#[doc(alias = "abstract")]
pub struct DynIndicator {
    spec: Spec,
    inner: Box<dyn Erased>,
}

impl DynIndicator {
    /// Parses `text` (see [`Spec::parse`]) and builds the indicator.
    ///
    /// # Errors
    /// A [`CatalogError`] saying what is wrong and what would be valid.
    pub fn parse(text: &str) -> Result<Self, CatalogError> {
        Self::from_spec(&Spec::parse(text)?)
    }

    /// Builds the indicator of a parsed spec.
    ///
    /// # Errors
    /// [`CatalogError::Invalid`] when the typed constructor refuses the parameters together
    /// (e.g. `fastperiod` not below `slowperiod`).
    pub fn from_spec(spec: &Spec) -> Result<Self, CatalogError> {
        let info = spec.info();
        (info.build)(spec)
            .map(|inner| Self { spec: *spec, inner })
            .map_err(|source| CatalogError::Invalid {
                function: info.name,
                source,
            })
    }

    /// The spec (canonical with [`Display`](fmt::Display)).
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// The function's entry in the catalog.
    pub fn info(&self) -> &'static FunctionInfo {
        self.spec.info()
    }

    /// The output names, in order.
    pub fn outputs(&self) -> &'static [&'static str] {
        self.info().outputs
    }

    #[inline]
    fn wrap(&self, values: Option<Values>) -> Option<DynOutput> {
        values.map(|values| DynOutput {
            values,
            names: self.spec.info().outputs,
        })
    }

    /// Runs the indicator over whole columns, TA-Lib style: one caller-provided slice per
    /// output, NaN where the output is absent (warm-up). Bit-identical to calling
    /// [`update`](Indicator::update) row by row, and allocates nothing. The most used
    /// functions run their typed column paths (SMA, EMA, WMA, DEMA, TEMA, T3, RMA, RSI,
    /// MAX, MIN, VAR and STDDEV (with `nbdev` 1) through
    /// [`update_slice`](Indicator::update_slice), BBANDS and MACD through
    /// their columns, over high, low and close WILLR, ATR, NATR, TRANGE, CCI, ADX, STOCH and
    /// STOCHF with SMAs, BOP over open, high, low and close, AD and ADOSC over high, low,
    /// close and volume, MFI through its slice path over the rows' candles, 64 at a time on
    /// the stack), up to eight times faster than the catalog's row-by-row updates. A path that
    /// reads fewer columns than the row's check is taken only when that check cannot differ:
    /// the paths over high, low and close when every open and volume given is usable (an
    /// unusable one refuses its row), AD's and ADOSC's when every open given is usable and
    /// within its row's low and high, BOP's when every volume given is usable and not
    /// negative. The other functions run their typed indicator's `update` row by row, in its
    /// own code (one dynamic call for the whole run).
    ///
    /// ```
    /// use ta_stream::catalog::{Columns, DynIndicator};
    ///
    /// let closes = [1.0, 2.0, 3.0, 4.0, 5.0];
    /// let mut sma = vec![0.0; closes.len()];
    /// DynIndicator::parse("SMA(3)")?.run_columns(&Columns::real(&closes), &mut [&mut sma])?;
    /// assert!(sma[1].is_nan());
    /// assert_eq!(sma[2..], [2.0, 3.0, 4.0]);
    /// # Ok::<(), ta_stream::catalog::CatalogError>(())
    /// ```
    ///
    /// # Errors
    /// [`CatalogError::Columns`] when a column the function reads is missing, the columns
    /// differ in length, or `outputs` does not hold one slice of that length per output.
    pub fn run_columns(
        &mut self,
        columns: &super::Columns<'_>,
        outputs: &mut [&mut [f64]],
    ) -> Result<(), CatalogError> {
        let rows = columns.check(self.info())?;
        let info = self.info();
        if outputs.len() != info.outputs.len() || outputs.iter().any(|out| out.len() != rows) {
            return Err(CatalogError::Columns {
                function: info.name,
                message: format!(
                    "expected {} output slices ({}) of {rows} rows each",
                    info.outputs.len(),
                    info.outputs.join(", ")
                ),
            });
        }
        if let Some(result) =
            super::typed_columns::run(self.inner.indicator_mut(), columns, outputs)
        {
            return result.map_err(|error| CatalogError::Columns {
                function: info.name,
                message: error.to_string(),
            });
        }
        self.inner.run_rows(columns, rows, outputs);
        Ok(())
    }
}

impl Indicator for DynIndicator {
    type Input = DynInput;
    type Output = DynOutput;

    #[inline]
    fn update(&mut self, input: DynInput) -> Option<DynOutput> {
        // Every output slot an entry exposes is written by its `ToNumbers`.
        let mut values = [f64::NAN; MAX_OUTPUTS];
        self.inner.update(&input, &mut values).then_some(DynOutput {
            values,
            names: self.spec.info().outputs,
        })
    }

    #[inline]
    fn peek(&self, input: DynInput) -> Option<DynOutput> {
        self.wrap(self.inner.peek(&input))
    }

    fn value(&self) -> Option<DynOutput> {
        self.wrap(self.inner.value())
    }

    fn reset(&mut self) {
        self.inner.reset();
    }

    fn warmup_period(&self) -> usize {
        self.inner.warmup_period()
    }

    /// Delegates to the typed indicator: an input it refuses (a NaN where it reads, a bar
    /// without a timestamp for [`FloorPivots`](crate::levels::FloorPivots), ...) is
    /// [`Error::InvalidInput`] and the state is unchanged.
    fn try_update(&mut self, input: DynInput) -> Result<Option<DynOutput>, Error> {
        let values = self.inner.try_update(&input)?;
        Ok(self.wrap(values))
    }
}

impl Clone for DynIndicator {
    fn clone(&self) -> Self {
        Self {
            spec: self.spec,
            inner: self.inner.clone_box(),
        }
    }
}

impl PartialEq for DynIndicator {
    /// Same spec and same state.
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec && self.inner.eq_dyn(&*other.inner)
    }
}

impl fmt::Debug for DynIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DynIndicator")
            .field("spec", &format_args!("{}", self.spec))
            .field("state", &self.inner)
            .finish()
    }
}

impl fmt::Display for DynIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.spec, f)
    }
}

impl std::str::FromStr for DynIndicator {
    type Err = CatalogError;

    fn from_str(text: &str) -> Result<Self, CatalogError> {
        Self::parse(text)
    }
}

/// The saved form's version (with the `serde` feature); [`DynIndicator`]'s deserializer
/// refuses any other. It is the crate's [`STATE_FORMAT`](crate::STATE_FORMAT), the format
/// a [`Checkpoint`](crate::Checkpoint) records: one number for every saved form.
pub const STATE_VERSION: u32 = crate::STATE_FORMAT;

#[cfg(feature = "serde")]
mod saved {
    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde::ser::SerializeStruct;

    use super::{DynIndicator, Erased, STATE_VERSION};

    impl serde::Serialize for DynIndicator {
        /// `{ "version": 1, "spec": "RSI(timeperiod=14)", "state": <the typed state> }`.
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut saved = serializer.serialize_struct("DynIndicator", 3)?;
            saved.serialize_field("version", &STATE_VERSION)?;
            saved.serialize_field("spec", &self.spec.to_string())?;
            saved.serialize_field("state", self.inner.state())?;
            saved.end()
        }
    }

    /// Deserializes the typed state of the indicator `fresh` (built from the spec).
    struct StateSeed<'a>(&'a dyn Erased);

    impl<'de> DeserializeSeed<'de> for StateSeed<'_> {
        type Value = Box<dyn Erased>;

        fn deserialize<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Self::Value, D::Error> {
            let mut erased = <dyn erased_serde::Deserializer>::erase(deserializer);
            self.0.restore(&mut erased).map_err(de::Error::custom)
        }
    }

    struct SavedVisitor;

    fn check_version<E: de::Error>(version: u32) -> Result<(), E> {
        if version == STATE_VERSION {
            Ok(())
        } else {
            Err(E::custom(format_args!(
                "unsupported catalog state version {version}; expected {STATE_VERSION}"
            )))
        }
    }

    fn build<E: de::Error>(spec: &str) -> Result<DynIndicator, E> {
        DynIndicator::parse(spec).map_err(E::custom)
    }

    impl<'de> Visitor<'de> for SavedVisitor {
        type Value = DynIndicator;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a saved indicator: version, spec, then state")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DynIndicator, A::Error> {
            let version: u32 = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(0, &self))?;
            check_version(version)?;
            let spec: String = seq
                .next_element()?
                .ok_or_else(|| de::Error::invalid_length(1, &self))?;
            let mut indicator = build(&spec)?;
            indicator.inner = seq
                .next_element_seed(StateSeed(&*indicator.inner))?
                .ok_or_else(|| de::Error::invalid_length(2, &self))?;
            Ok(indicator)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DynIndicator, A::Error> {
            let mut version = None;
            let mut indicator: Option<DynIndicator> = None;
            let mut restored = false;
            while let Some(key) = map.next_key::<String>()? {
                match key.as_str() {
                    "version" if version.is_none() => {
                        let value: u32 = map.next_value()?;
                        check_version(value)?;
                        version = Some(value);
                    }
                    "spec" if indicator.is_none() => {
                        let spec: String = map.next_value()?;
                        indicator = Some(build(&spec)?);
                    }
                    "state" if !restored => {
                        let Some(built) = indicator.as_mut() else {
                            return Err(de::Error::custom("`spec` must come before `state`"));
                        };
                        built.inner = map.next_value_seed(StateSeed(&*built.inner))?;
                        restored = true;
                    }
                    "version" | "spec" | "state" => {
                        return Err(de::Error::custom(format_args!("duplicate field `{key}`")))
                    }
                    other => {
                        return Err(de::Error::unknown_field(
                            other,
                            &["version", "spec", "state"],
                        ))
                    }
                }
            }
            if version.is_none() {
                return Err(de::Error::missing_field("version"));
            }
            match indicator {
                Some(indicator) if restored => Ok(indicator),
                Some(_) => Err(de::Error::missing_field("state")),
                None => Err(de::Error::missing_field("spec")),
            }
        }
    }

    impl<'de> serde::Deserialize<'de> for DynIndicator {
        /// Parses the spec, builds the indicator, then deserializes the state into that typed
        /// indicator with its own validation, and checks that the state's parameters are the
        /// spec's. The version must be [`STATE_VERSION`] and the spec must come before the
        /// state.
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_struct(
                "DynIndicator",
                &["version", "spec", "state"],
                SavedVisitor,
            )
        }
    }
}

/// The same function (output names) and, output by output, both absent (NaN) or both
/// present and near each other.
#[cfg(feature = "approx")]
impl crate::approx_eq::Near<f64> for DynOutput {
    fn near(&self, other: &Self, tol: crate::approx_eq::Tol<f64>) -> bool {
        let Self { values: _, names } = self;
        *names == other.names
            && self.as_slice().len() == other.as_slice().len()
            && self
                .as_slice()
                .iter()
                .zip(other.as_slice())
                .all(|(a, b)| (a.is_nan() && b.is_nan()) || a.near(b, tol))
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_from_near!([] DynOutput, f64);

#[cfg(all(test, feature = "approx"))]
mod approx_tests {
    use super::*;
    use crate::approx_eq::check_fields;

    const NAMES: &[&str] = &["upper", "middle", "lower"];

    #[test]
    fn dyn_output_compares_every_output_and_the_names() {
        let mut values = [f64::NAN; MAX_OUTPUTS];
        set(&mut values, [105.0, 100.0, 95.0]);
        let base = DynOutput {
            values,
            names: NAMES,
        };
        check_fields(
            &base,
            &[
                |v| &mut v.values[0],
                |v| &mut v.values[1],
                |v| &mut v.values[2],
            ],
            &[
                // Absent on one side only.
                |v| v.values[1] = f64::NAN,
                // Another function with outputs of the same values.
                |v| v.names = &["a", "b", "c"],
                |v| v.names = &["upper", "middle"],
            ],
        );
        // Absent on both sides compares equal; slots past the outputs are not compared.
        let mut absent = base;
        absent.values[2] = f64::NAN;
        let mut other = absent;
        if let Some(slot) = other.values.get_mut(3) {
            *slot = 7.0;
        }
        approx::assert_relative_eq!(absent, other, max_relative = 0.0);
    }
}
