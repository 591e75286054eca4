//! The crate's error type.

/// Everything that can go wrong in `ta-stream`.
///
/// Marked `#[non_exhaustive]`: match with a wildcard arm so that new variants are not a
/// breaking change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A constructor was given a parameter outside its valid range.
    ///
    /// ```
    /// # use ta_stream::{average::Sma, Error};
    /// let err = Sma::new(0).unwrap_err();
    /// assert_eq!(err.to_string(), "invalid parameter `period` = 0: expected 1..=100000");
    /// ```
    #[error("invalid parameter `{name}` = {value}: expected {expected}")]
    InvalidParameter {
        /// Name of the parameter, as in the constructor's signature.
        name: &'static str,
        /// The rejected value, formatted.
        value: String,
        /// The valid range or set of values.
        expected: &'static str,
    },
    /// [`Indicator::try_update`](crate::Indicator::try_update) was given a NaN, an infinity or
    /// a magnitude outside the usable range (see [`Real`](crate::Real)), or an input the
    /// indicator documents it cannot compute with. The indicator's state is unchanged.
    #[error("invalid input: NaN, infinities, magnitudes outside 1e-150..=1e150 (f64) or an input this indicator cannot compute with")]
    InvalidInput,
    /// A bar breaks a rule: high below low, open or close outside `[low, high]`, negative
    /// volume, a non-finite number, or a timestamp that does not follow the previous bar's.
    #[error("invalid bar: {0}")]
    InvalidBar(String),
    /// A deserialized state is inconsistent (wrong buffer length, counter out of range,
    /// non-finite value, ...). The message says which check failed. A state whose period is
    /// out of range is refused with [`Error::InvalidParameter`] instead.
    #[error("invalid indicator state: {0}")]
    InvalidState(String),
}

/// Largest period any windowed indicator accepts (TA-Lib's own upper bound).
pub const MAX_PERIOD: usize = 100_000;

/// Checks that `value` is a period in `1..=MAX_PERIOD`.
pub(crate) fn check_period(name: &'static str, value: usize) -> Result<usize, Error> {
    if (1..=MAX_PERIOD).contains(&value) {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "1..=100000",
        })
    }
}

/// `period` forced into `1..=MAX_PERIOD`: for the internal constructors that take constants
/// (the `Default` impls), so that they need no `Result`.
pub(crate) fn clamp_period(period: usize) -> usize {
    period.clamp(1, MAX_PERIOD)
}

/// Shorthand for building an [`Error::InvalidState`] from a deserialization check.
#[cfg(feature = "serde")]
pub(crate) fn invalid_state(message: impl Into<String>) -> Error {
    Error::InvalidState(message.into())
}
