//! The error type of the weighting functions.

/// A number for an error message: 12 significant digits at most, so that binary noise
/// (`0.04000000000000001`) prints as the number meant (`0.04`); plain decimals between
/// `1e-5` and `1e15`, scientific notation outside (`1e308`, `2.5e-300`).
///
/// ```
/// # use ta_stream::index::WeightingError;
/// let err = WeightingError::Infeasible { constraint: "cap", names: 1, cap: 0.1 + 0.2, target: 1.0 };
/// assert_eq!(err.to_string(), "infeasible cap: 1 name capped at 0.3 cannot add up to 1");
/// ```
pub(crate) fn readable(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    // Round to 12 significant digits, then print the shortest text that reads back as that.
    let rounded: f64 = format!("{x:.11e}").parse().unwrap_or(x);
    let magnitude = rounded.abs();
    if magnitude == 0.0 || (1e-5..1e15).contains(&magnitude) {
        format!("{rounded}")
    } else {
        format!("{rounded:e}")
    }
}

/// What can go wrong when building a universe or computing capped weights.
///
/// Every variant names the offending security, company or constraint, so that a bad row in
/// a holdings file can be found. Marked `#[non_exhaustive]`: match with a wildcard arm.
///
/// ```
/// use ta_stream::index::{Security, Universe, WeightingError};
///
/// let err = Universe::new(vec![Security::new("AAPL", -1.0)]).unwrap_err();
/// assert!(matches!(err, WeightingError::InvalidMarketCap { .. }));
/// assert_eq!(
///     err.to_string(),
///     "invalid market cap for `AAPL`: -1 (expected a finite number > 0)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum WeightingError {
    /// The universe has no securities.
    #[error("the universe is empty: at least one security is needed")]
    EmptyUniverse,
    /// A market cap is zero, negative, NaN or infinite.
    #[error("invalid market cap for `{ticker}`: {} (expected a finite number > 0)", readable(*.value))]
    InvalidMarketCap {
        /// The security.
        ticker: String,
        /// The rejected market cap.
        value: f64,
    },
    /// A ticker or a company id is empty (or only whitespace).
    #[error("invalid {field} `{value}`: must not be empty")]
    EmptyName {
        /// `"ticker"` or `"company"`.
        field: &'static str,
        /// The rejected text.
        value: String,
    },
    /// Two securities share a ticker.
    #[error("duplicate ticker `{ticker}`")]
    DuplicateTicker {
        /// The ticker seen twice.
        ticker: String,
    },
    /// Several share classes of one company quote the same market cap: each row most
    /// likely carries the *whole* company's market cap, and adding them up would count the
    /// company several times. Build the universe with
    /// [`DoubleCountPolicy::CompanyTotal`](crate::index::DoubleCountPolicy::CompanyTotal) to
    /// count it once.
    #[error(
        "company `{company}` is double counted: its share classes {tickers:?} all quote the \
         same market cap {}", readable(*.market_cap)
    )]
    DoubleCounted {
        /// The company id.
        company: String,
        /// Its share classes with the identical market cap, in ticker order.
        tickers: Vec<String>,
        /// The market cap they all quote.
        market_cap: f64,
    },
    /// The constraints cannot all hold: there are too few names to absorb the weight taken
    /// from the capped ones (for example a 5% single-name cap with fewer than 20 names).
    #[error(
        "infeasible {constraint}: {names} {} capped at {} cannot add up to {}",
        if *.names == 1 { "name" } else { "names" },
        readable(*.cap),
        readable(*.target)
    )]
    Infeasible {
        /// The constraint that cannot be met.
        constraint: &'static str,
        /// How many names were available to take the weight.
        names: usize,
        /// The cap each of them may reach (the largest one when caps differ).
        cap: f64,
        /// The total weight they would have to carry.
        target: f64,
    },
    /// An input of the capping engine is unusable (a negative or non-finite weight, cap or
    /// target, or slices of different lengths).
    #[error("invalid {name} at position {index}: {} (expected {expected})", readable(*.value))]
    InvalidInput {
        /// `"weight"`, `"cap"`, `"target"` or `"length"`.
        name: &'static str,
        /// Position of the value in its slice (0 for a scalar).
        index: usize,
        /// The rejected value.
        value: f64,
        /// What was expected.
        expected: &'static str,
    },
    /// The stages did not settle within the iteration limit (a safeguard: the methods
    /// implemented here settle in at most a few rounds).
    #[error("the weighting did not converge within {rounds} rounds")]
    NotConverged {
        /// Rounds run.
        rounds: usize,
    },
}
