use core::fmt;

use crate::{Indicator, Real};

/// No average: every usable input is its own output. TA-Lib's moving-average code 10, for the
/// functions that take a `matype` (`MA`, `BBANDS`, `MAVP`...) when the raw series is wanted.
///
/// # Formula
///
/// `y_t = x_t`, from the first input, whatever the period the caller gives alongside.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Identity, Indicator};
///
/// let mut identity = Identity::new();
/// assert_eq!(identity.batch(&[3.0, f64::NAN, 4.0]), [Some(3.0), Some(3.0), Some(4.0)]);
/// assert_eq!(identity.to_string(), "IDENTITY");
/// ```
///
/// # Links
///
/// TA-Lib `MA` with `matype` 10 (`MA_Type` "No Moving Average (identity)"); matches it at
/// every index.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "IdentityState<T>")
)]
pub struct Identity<T: Real = f64> {
    last: Option<T>,
}

impl Identity {
    /// The identity, before any input.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Identity<T> {
    /// [`Identity::new`] in any precision `T` (`f32`, or generic code): `Identity::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self { last: None }
    }
}

impl<T: Real> Indicator for Identity<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if x.is_usable() {
            self.last = Some(x);
        }
        self.last
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if x.is_usable() {
            Some(x)
        } else {
            self.last
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.last
    }

    fn reset(&mut self) {
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for Identity<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IDENTITY")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityState<T> {
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<IdentityState<T>> for Identity<T> {
    type Error = crate::Error;

    fn try_from(state: IdentityState<T>) -> Result<Self, crate::Error> {
        if state.last.is_some_and(|x| !x.is_usable()) {
            return Err(crate::error::invalid_state(
                "the identity holds an unusable input",
            ));
        }
        Ok(Self { last: state.last })
    }
}
