//! What the catalog knows about each function: [`FunctionInfo`], [`ParamInfo`], [`InputKind`].

use std::fmt;

/// TA-Lib's function groups, plus the crate's own for what TA-Lib lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Group {
    /// `Overlap Studies`: averages and bands drawn over the price.
    OverlapStudies,
    /// `Momentum Indicators`: RSI, MACD, ROC, stochastics.
    MomentumIndicators,
    /// `Volatility Indicators`: true range, ATR, NATR.
    VolatilityIndicators,
    /// `Price Transform`: one price from each candle (typical, median, ...), Heikin-Ashi
    /// candles, the average deviation.
    PriceTransform,
    /// `Statistic Functions`: variance, standard deviation, beta, correlation.
    StatisticFunctions,
    /// `Math Operators`: rolling maximum and minimum, sums, element-wise arithmetic.
    MathOperators,
    /// `Volume Indicators`: on-balance volume, accumulation/distribution, VWAP.
    VolumeIndicators,
    /// `Math Transform`: element-wise functions (logarithms, trigonometry, rounding).
    MathTransform,
    /// `Pattern Recognition`: candlestick patterns (TA-Lib's `CDL*` functions).
    PatternRecognition,
    /// `Cycle Indicators`: the Hilbert transform's dominant cycle, phasor, sine wave, trend mode.
    CycleIndicators,
    /// The crate's own: crosses, zones and position against averages.
    Signals,
    /// The crate's own: swing pivots, zigzag, support/resistance, floor pivots.
    Levels,
    /// The crate's own: an asset against a benchmark.
    Relative,
    /// The crate's own: drawdown and realized volatility.
    Risk,
    /// The crate's own: the put/call ratio.
    Sentiment,
}

impl Group {
    /// The group's name: TA-Lib's spelling for TA-Lib's groups (`"Overlap Studies"`).
    pub fn name(self) -> &'static str {
        match self {
            Self::OverlapStudies => "Overlap Studies",
            Self::MomentumIndicators => "Momentum Indicators",
            Self::VolatilityIndicators => "Volatility Indicators",
            Self::PriceTransform => "Price Transform",
            Self::StatisticFunctions => "Statistic Functions",
            Self::MathOperators => "Math Operators",
            Self::VolumeIndicators => "Volume Indicators",
            Self::MathTransform => "Math Transform",
            Self::PatternRecognition => "Pattern Recognition",
            Self::CycleIndicators => "Cycle Indicators",
            Self::Signals => "Signals",
            Self::Levels => "Levels",
            Self::Relative => "Relative Strength",
            Self::Risk => "Risk",
            Self::Sentiment => "Sentiment",
        }
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// One of the five prices of a bar, as TA-Lib names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Price {
    /// `open`.
    Open,
    /// `high`.
    High,
    /// `low`.
    Low,
    /// `close`.
    Close,
    /// `volume`.
    Volume,
}

impl Price {
    /// TA-Lib's name: `"open"`, `"high"`, `"low"`, `"close"` or `"volume"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::High => "high",
            Self::Low => "low",
            Self::Close => "close",
            Self::Volume => "volume",
        }
    }
}

/// What a function reads from each [`DynInput`](super::DynInput).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// One series (TA-Lib's `real`), read from [`DynInput::close`](super::DynInput::close).
    Real,
    /// Two series (TA-Lib's `real0`, `real1`), read from
    /// [`DynInput::close`](super::DynInput::close) and
    /// [`DynInput::second`](super::DynInput::second). The names say what each is.
    Pair(&'static str, &'static str),
    /// Bars; the prices listed are the ones the function uses (TA-Lib's `prices`).
    Prices(&'static [Price]),
    /// Timestamped bars: open, high, low, close and
    /// [`DynInput::timestamp`](super::DynInput::timestamp), which is required.
    TimestampedBar,
}

impl fmt::Display for InputKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Real => f.write_str("real"),
            Self::Pair(first, second) => write!(f, "({first}, {second})"),
            Self::Prices(prices) => {
                let names: Vec<&str> = prices.iter().map(|price| price.name()).collect();
                write!(f, "[{}]", names.join(", "))
            }
            Self::TimestampedBar => f.write_str("[timestamp, open, high, low, close]"),
        }
    }
}

/// The type of a parameter's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// A whole number (a period, a count, a code).
    Int,
    /// A real number (a multiplier, a level, a percentage).
    Float,
    /// A TA-Lib moving-average code (`0` SMA, `1` EMA, ...), see [`MaType`](super::MaType);
    /// the list is the codes this function accepts.
    MaType(&'static [u8]),
}

/// One parameter of a function: TA-Lib's name, default and the valid range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamInfo {
    /// TA-Lib's name (`timeperiod`, `nbdevup`, ...), or the crate's for its own functions.
    pub name: &'static str,
    /// Whole number, real number or moving-average code.
    pub kind: ParamKind,
    /// The value when the spec omits it (TA-Lib's default for TA-Lib's functions).
    pub default: f64,
    /// Smallest valid value.
    pub min: f64,
    /// Largest valid value.
    pub max: f64,
    /// What it is, in a few words.
    pub help: &'static str,
}

impl ParamInfo {
    /// The valid values, as the error messages print them (`"1..=100000"`,
    /// `"0 (SMA), 1 (EMA)"`).
    pub fn expected(&self) -> String {
        match self.kind {
            ParamKind::MaType(codes) => {
                let listed: Vec<String> = codes
                    .iter()
                    .map(|&code| match super::MaType::from_code(code) {
                        Some(ma) => format!("{code} ({})", ma.name()),
                        None => code.to_string(),
                    })
                    .collect();
                listed.join(", ")
            }
            ParamKind::Int | ParamKind::Float => format!("{}..={}", self.min, self.max),
        }
    }
}

/// Everything the catalog knows about one function: the entry of the table.
///
/// Build the indicator with [`DynIndicator::parse`](super::DynIndicator::parse) or
/// [`FunctionInfo::build`].
#[derive(Clone, Copy)]
pub struct FunctionInfo {
    /// The name (TA-Lib's for TA-Lib's functions), upper case.
    pub name: &'static str,
    /// TA-Lib's group, or the crate's own.
    pub group: Group,
    /// One line saying what it computes.
    pub summary: &'static str,
    /// What it reads from each input.
    pub inputs: InputKind,
    /// Parameters, in TA-Lib's order.
    pub params: &'static [ParamInfo],
    /// Output names, in TA-Lib's order (`macd`, `macdsignal`, `macdhist`).
    pub outputs: &'static [&'static str],
    /// The typed indicators this entry builds (type names, e.g. `["Sma"]`).
    pub types: &'static [&'static str],
    /// `true` when the name is TA-Lib's and the entry follows TA-Lib's abstract API.
    pub talib: bool,
    pub(crate) build: super::dynamic::Builder,
}

impl FunctionInfo {
    /// Builds the indicator with these parameter values (one per [`params`](Self::params),
    /// in order; already checked against their ranges by the spec parser).
    ///
    /// # Errors
    /// A [`CatalogError`](super::CatalogError) when the values are out of range or do not
    /// fit together (e.g. a fast period not below the slow one).
    pub fn build(
        &'static self,
        values: &[f64],
    ) -> Result<super::DynIndicator, super::CatalogError> {
        super::Spec::from_values(self, values)
            .and_then(|spec| super::DynIndicator::from_spec(&spec))
    }

    /// The index of output `name` (case-insensitive).
    pub fn output_index(&self, name: &str) -> Option<usize> {
        self.outputs
            .iter()
            .position(|output| output.eq_ignore_ascii_case(name))
    }

    /// The parameter called `name` (case-insensitive) and its index.
    pub fn param(&self, name: &str) -> Option<(usize, &'static ParamInfo)> {
        self.params
            .iter()
            .enumerate()
            .find(|(_, param)| param.name.eq_ignore_ascii_case(name))
    }
}

impl fmt::Debug for FunctionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FunctionInfo")
            .field("name", &self.name)
            .field("group", &self.group)
            .field("inputs", &self.inputs)
            .field("params", &self.params)
            .field("outputs", &self.outputs)
            .finish_non_exhaustive()
    }
}

impl PartialEq for FunctionInfo {
    /// Entries are unique by name.
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
