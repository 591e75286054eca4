use core::fmt;

use super::regression::{regression_indicator, RegressionLine};
use crate::{Error, Indicator, Real};

regression_indicator!(
/// Linear regression intercept: the least-squares line through the last `n` inputs, read at
/// the oldest one.
///
/// # Formula
///
/// With the window's inputs `y_0 … y_{n−1}` (oldest first) at `x = 0 … n−1` and the slope
/// `b` of [`RegressionSlope`](super::RegressionSlope),
/// `LINEARREG_INTERCEPT_t = S/n − b·(n−1)/2` (`S = Σ y_j`): the line's value at `x = 0`,
/// the window's oldest input, as in TA-Lib. First output after `n` inputs.
///
/// O(1) per update, from a drift-free plain sum ([`RollingSum`](crate::window::RollingSum))
/// and weighted sum (as [`Wma`](crate::average::Wma)'s).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Range
///
/// The same scale as the inputs; at most `4·max|y|` of the window in magnitude. Finite for
/// every usable input.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RegressionIntercept, Indicator};
///
/// let mut intercept = RegressionIntercept::new(4)?;
/// let out = intercept.batch(&[2.0_f64, 4.0, 6.0, 8.0, 4.0]);
/// assert_eq!(out[3], Some(2.0)); // the line 2, 4, 6, 8 starts at 2
/// assert!((out[4].unwrap() - (5.5 - 0.2 * 1.5)).abs() < 1e-12);
/// assert_eq!(intercept.to_string(), "LINEARREG_INTERCEPT(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `LINEARREG_INTERCEPT`; matches it at every index.
#[doc(alias = "LINEARREG_INTERCEPT")]
RegressionIntercept, "LINEARREG_INTERCEPT", start, "intercept (value at the oldest input)"
);
