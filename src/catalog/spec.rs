//! Spec strings: `"SMA(50)"`, `"macd(12, 26, 9)"`, `"BBANDS(timeperiod=20, nbdevup=2.5)"`.

use std::fmt;

use super::{table, CatalogError, FunctionInfo, ParamInfo, ParamKind};

/// TA-Lib's moving-average codes (`matype`), as `talib.MA_Type` numbers them.
///
/// The catalog builds every code (code 11, the function's own default, is the SMA, except
/// for `APO`, `PPO` and `PVO`, where it is the EMA, and `KDJ`, where it is Wilder's average,
/// as in TA-Lib; code 7 builds MAMA's `mama` line with TA-Lib's default limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MaType {
    /// `0`: simple.
    Sma,
    /// `1`: exponential, seeded with the mean of the first `n` inputs.
    Ema,
    /// `2`: weighted (linear weights).
    Wma,
    /// `3`: double exponential.
    Dema,
    /// `4`: triple exponential.
    Tema,
    /// `5`: triangular.
    Trima,
    /// `6`: Kaufman adaptive.
    Kama,
    /// `7`: MESA adaptive.
    Mama,
    /// `8`: Tillson T3.
    T3,
    /// `9`: Hull.
    Hma,
    /// `10`: none (identity).
    Identity,
    /// `11`: the function's own default.
    FunctionDefault,
    /// `12`: zero-lag exponential.
    Zlema,
    /// `13`: Wilder's smoothing.
    Wilder,
}

impl MaType {
    const ALL: [Self; 14] = [
        Self::Sma,
        Self::Ema,
        Self::Wma,
        Self::Dema,
        Self::Tema,
        Self::Trima,
        Self::Kama,
        Self::Mama,
        Self::T3,
        Self::Hma,
        Self::Identity,
        Self::FunctionDefault,
        Self::Zlema,
        Self::Wilder,
    ];

    /// The type with TA-Lib code `code` (`0..=13`).
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code)).copied()
    }

    /// TA-Lib's code.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// TA-Lib's short name (`"SMA"`, `"EMA"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Self::Sma => "SMA",
            Self::Ema => "EMA",
            Self::Wma => "WMA",
            Self::Dema => "DEMA",
            Self::Tema => "TEMA",
            Self::Trima => "TRIMA",
            Self::Kama => "KAMA",
            Self::Mama => "MAMA",
            Self::T3 => "T3",
            Self::Hma => "HMA",
            Self::Identity => "identity",
            Self::FunctionDefault => "default",
            Self::Zlema => "ZLEMA",
            Self::Wilder => "Wilder",
        }
    }
}

/// The moving-average codes the catalog builds: every TA-Lib code.
pub(crate) const MA_CODES: &[u8] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];

/// Largest number of parameters of any entry.
pub const MAX_PARAMS: usize = 8;

/// A parsed spec: a function of the catalog and a value for each of its parameters.
///
/// `Display` prints the canonical form (every parameter, by name), which parses back to an
/// equal spec:
///
/// ```
/// use ta_stream::catalog::Spec;
///
/// let spec = Spec::parse("bbands(20, nbdevdn=1.5)")?;
/// assert_eq!(spec.to_string(), "BBANDS(timeperiod=20, nbdevup=2, nbdevdn=1.5, matype=0)");
/// assert_eq!(Spec::parse(&spec.to_string())?, spec);
/// # Ok::<(), ta_stream::catalog::CatalogError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    info: &'static FunctionInfo,
    values: [f64; MAX_PARAMS],
}

impl Spec {
    /// Parses `NAME` or `NAME(arguments)`: arguments positional in TA-Lib's order, then
    /// optionally by name (`name=value`); names are case-insensitive and omitted parameters
    /// take their defaults.
    ///
    /// # Errors
    /// [`CatalogError`]: malformed text (with the byte position), unknown function (with the
    /// closest name), unknown or repeated parameter, value out of range, too many arguments.
    pub fn parse(text: &str) -> Result<Self, CatalogError> {
        Parser { text, at: 0 }.spec()
    }

    /// The spec of `info` with `values` for its first parameters and defaults for the rest.
    ///
    /// # Errors
    /// As [`parse`](Self::parse) for a value out of range or too many values.
    pub fn from_values(info: &'static FunctionInfo, values: &[f64]) -> Result<Self, CatalogError> {
        if values.len() > info.params.len() {
            return Err(CatalogError::TooManyArguments {
                function: info.name,
                max: info.params.len(),
                given: values.len(),
            });
        }
        let mut spec = Self::defaults(info);
        for ((slot, &value), param) in spec.values.iter_mut().zip(values).zip(info.params) {
            *slot = check(info, param, value, &value.to_string())?;
        }
        Ok(spec)
    }

    /// The spec of `info` with every parameter at its default.
    pub fn defaults(info: &'static FunctionInfo) -> Self {
        let mut values = [0.0; MAX_PARAMS];
        for (slot, param) in values.iter_mut().zip(info.params) {
            *slot = param.default;
        }
        Self { info, values }
    }

    /// The function.
    pub fn info(&self) -> &'static FunctionInfo {
        self.info
    }

    /// The parameter values, in the function's order.
    pub fn values(&self) -> &[f64] {
        self.values.get(..self.info.params.len()).unwrap_or(&[])
    }

    /// The value of parameter `index` (0 when there is none).
    pub(crate) fn value(&self, index: usize) -> f64 {
        self.values.get(index).copied().unwrap_or(0.0)
    }

    /// The value of parameter `index` as a whole number (they are checked to be whole and
    /// within `0..=100000` or so; saturating otherwise).
    pub(crate) fn int(&self, index: usize) -> usize {
        let value = self.value(index);
        if (0.0..=1e15).contains(&value) {
            value as usize
        } else {
            0
        }
    }
}

impl fmt::Display for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.info.name)?;
        for (index, (param, value)) in self.info.params.iter().zip(self.values()).enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}={}", param.name, value)?;
        }
        f.write_str(")")
    }
}

impl std::str::FromStr for Spec {
    type Err = CatalogError;

    fn from_str(text: &str) -> Result<Self, CatalogError> {
        Self::parse(text)
    }
}

/// Checks `value` against `param`'s kind and range.
fn check(
    info: &'static FunctionInfo,
    param: &'static ParamInfo,
    value: f64,
    text: &str,
) -> Result<f64, CatalogError> {
    let whole = value.fract() == 0.0;
    let ok = match param.kind {
        ParamKind::Float => value.is_finite() && value >= param.min && value <= param.max,
        ParamKind::Int => whole && value >= param.min && value <= param.max,
        ParamKind::MaType(codes) => {
            whole && (0.0..=255.0).contains(&value) && codes.contains(&(value as u8))
        }
    };
    if ok {
        // `-0` is stored as `0` so that the canonical form never prints `-0`.
        Ok(value + 0.0)
    } else {
        let expected = match param.kind {
            ParamKind::Int => format!("a whole number in {}", param.expected()),
            ParamKind::Float => param.expected(),
            ParamKind::MaType(_) => format!("one of {}", param.expected()),
        };
        Err(CatalogError::OutOfRange {
            function: info.name,
            name: param.name,
            value: text.to_owned(),
            expected,
        })
    }
}

/// Levenshtein distance between two ASCII-case-folded names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<u8> = b.bytes().map(|c| c.to_ascii_uppercase()).collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().map(|c| c.to_ascii_uppercase()).enumerate() {
        let mut diagonal = i;
        let mut previous = i + 1;
        for (cell, &cb) in row.iter_mut().skip(1).zip(&b) {
            let above = *cell;
            let best = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(previous + 1);
            diagonal = above;
            *cell = best;
            previous = best;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The catalog name closest to `name`, if it is within a third of its length (at least 1).
pub(crate) fn closest(name: &str) -> Option<&'static str> {
    let limit = (name.len() / 3).max(1);
    table::ENTRIES
        .iter()
        .map(|info| (distance(name, info.name), info.name))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    fn malformed(&self, message: &'static str) -> CatalogError {
        CatalogError::Malformed {
            spec: self.text.to_owned(),
            position: self.at,
            message,
        }
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, possibly empty.
    fn identifier(&mut self) -> &str {
        let start = self.at;
        if self
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        {
            while self
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
            {
                self.at += 1;
            }
        }
        self.text.get(start..self.at).unwrap_or("")
    }

    /// A decimal number: sign, digits, point, exponent.
    fn number(&mut self) -> Result<(f64, &str), CatalogError> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E'))
        {
            self.at += 1;
        }
        let text = self.text.get(start..self.at).unwrap_or("");
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() && !text.is_empty() => Ok((value, text)),
            _ => {
                self.at = start;
                Err(self.malformed("expected a number"))
            }
        }
    }

    fn spec(mut self) -> Result<Spec, CatalogError> {
        self.skip_spaces();
        let name = self.identifier();
        if name.is_empty() {
            return Err(self.malformed("expected a function name"));
        }
        let info = super::find(name).ok_or_else(|| CatalogError::UnknownFunction {
            name: name.to_owned(),
            suggestion: closest(name),
        })?;
        let mut spec = Spec::defaults(info);
        self.skip_spaces();
        match self.peek() {
            None => return Ok(spec),
            Some(b'(') => self.at += 1,
            Some(_) => return Err(self.malformed("expected `(` or the end of the spec")),
        }
        let mut given = [false; MAX_PARAMS];
        let mut positional = 0;
        let mut named = false;
        self.skip_spaces();
        if self.peek() == Some(b')') {
            self.at += 1;
        } else {
            loop {
                self.skip_spaces();
                let start = self.at;
                let key = self.identifier().to_owned();
                let index = if key.is_empty() {
                    if !self
                        .peek()
                        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.'))
                    {
                        return Err(self.malformed("expected a number"));
                    }
                    if named {
                        return Err(self.malformed("positional argument after a named one"));
                    }
                    positional += 1;
                    if positional > info.params.len() {
                        return Err(CatalogError::TooManyArguments {
                            function: info.name,
                            max: info.params.len(),
                            given: positional,
                        });
                    }
                    positional - 1
                } else {
                    self.skip_spaces();
                    if self.peek() != Some(b'=') {
                        self.at = start;
                        return Err(self.malformed("expected a number or `name=value`"));
                    }
                    self.at += 1;
                    self.skip_spaces();
                    named = true;
                    let Some((index, _)) = info.param(&key) else {
                        let valid: Vec<&str> = info.params.iter().map(|p| p.name).collect();
                        return Err(CatalogError::UnknownParameter {
                            function: info.name,
                            name: key,
                            valid: if valid.is_empty() {
                                "none".to_owned()
                            } else {
                                valid.join(", ")
                            },
                        });
                    };
                    index
                };
                let (value, text) = {
                    let (value, text) = self.number()?;
                    (value, text.to_owned())
                };
                let param = info
                    .params
                    .get(index)
                    .ok_or_else(|| self.malformed("no such parameter"))?;
                let seen = given
                    .get_mut(index)
                    .ok_or_else(|| self.malformed("no such parameter"))?;
                if *seen {
                    return Err(CatalogError::DuplicateParameter {
                        function: info.name,
                        name: param.name,
                    });
                }
                *seen = true;
                let checked = check(info, param, value, &text)?;
                if let Some(slot) = spec.values.get_mut(index) {
                    *slot = checked;
                }
                self.skip_spaces();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(b')') => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(self.malformed("expected `,` or `)`")),
                }
            }
        }
        self.skip_spaces();
        if self.peek().is_some() {
            return Err(self.malformed("unexpected text after `)`"));
        }
        Ok(spec)
    }
}
