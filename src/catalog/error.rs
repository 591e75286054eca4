//! [`CatalogError`]: what went wrong with a spec, and what would be valid.

/// An error from the catalog: the message says what was wrong and what would be valid.
///
/// ```
/// use ta_stream::catalog::DynIndicator;
///
/// let err = DynIndicator::parse("RSX(14)").unwrap_err();
/// assert_eq!(err.to_string(), "unknown function `RSX`; did you mean `RSI`?");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The spec is not `NAME` or `NAME(arguments)`.
    #[error("malformed spec `{spec}` at byte {position}: {message}")]
    Malformed {
        /// The spec as given.
        spec: String,
        /// Byte offset of the problem in `spec`.
        position: usize,
        /// What was expected there.
        message: &'static str,
    },
    /// No function has this name.
    #[error("unknown function `{name}`{}", suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownFunction {
        /// The name as given.
        name: String,
        /// The closest name in the catalog (by edit distance), if one is close.
        suggestion: Option<&'static str>,
    },
    /// The function has no parameter with this name.
    #[error("{function} has no parameter `{name}`; its parameters are: {valid}")]
    UnknownParameter {
        /// The function.
        function: &'static str,
        /// The name as given.
        name: String,
        /// The valid names, in order.
        valid: String,
    },
    /// A parameter was given twice (by position and by name, or twice by name).
    #[error("{function}: parameter `{name}` given twice")]
    DuplicateParameter {
        /// The function.
        function: &'static str,
        /// The parameter.
        name: &'static str,
    },
    /// More positional arguments than the function has parameters.
    #[error("{function} takes at most {max} parameters, {given} given")]
    TooManyArguments {
        /// The function.
        function: &'static str,
        /// Its number of parameters.
        max: usize,
        /// How many were given.
        given: usize,
    },
    /// A value outside its parameter's range, or not a whole number where one is needed.
    #[error("{function}: parameter `{name}` = {value}: expected {expected}")]
    OutOfRange {
        /// The function.
        function: &'static str,
        /// The parameter.
        name: &'static str,
        /// The value as given.
        value: String,
        /// The valid values.
        expected: String,
    },
    /// The typed indicator refused the parameters together (e.g. `fastperiod >= slowperiod`).
    #[error("{function}: {source}")]
    Invalid {
        /// The function.
        function: &'static str,
        /// The typed constructor's error.
        source: crate::Error,
    },
    /// Column run: the columns or output slices do not fit the function.
    #[error("{function}: {message}")]
    Columns {
        /// The function.
        function: &'static str,
        /// What does not fit.
        message: String,
    },
}
