use core::fmt;

use super::regression::{regression_indicator, RegressionLine};
use crate::{Error, Indicator, Real};

regression_indicator!(
/// Linear regression: the least-squares line through the last `n` inputs, read at the newest
/// one (the "end point moving average").
///
/// # Formula
///
/// With the window's inputs `y_0 … y_{n−1}` (oldest first) at `x = 0 … n−1`, the
/// least-squares line `a + b·x` has
/// `b = (W − (n+1)/2 · S) / (n(n²−1)/12)` and `a = S/n − b·(n−1)/2`, where `S = Σ y_j` and
/// `W = Σ (j+1)·y_j`; then `LINEARREG_t = a + b·(n−1)`. First output after `n` inputs.
///
/// `S` and `W` are drift-free: the plain sum of a [`RollingSum`](crate::window::RollingSum)
/// and the weighted sum of a [`Wma`](crate::average::Wma) (its numerator): O(1) per update, whatever the period, and
/// nothing that has left the window leaves a trace in them.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Range
///
/// The same scale as the inputs; at most `4·max|y|` of the window in magnitude (the line
/// may overshoot the window's range). Finite for every usable input.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::LinearRegression, Indicator};
///
/// let mut reg = LinearRegression::new(4)?;
/// let out = reg.batch(&[2.0_f64, 4.0, 6.0, 8.0, 4.0]);
/// // (2, 4, 6, 8) lie on a line: its end is 8; then (4, 6, 8, 4) has slope 0.2, mean 5.5
/// assert_eq!(out[3], Some(8.0));
/// assert!((out[4].unwrap() - (5.5 + 0.2 * 1.5)).abs() < 1e-12);
/// assert_eq!(reg.to_string(), "LINEARREG(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `LINEARREG`; matches it at every index. The same line gives
/// [`RegressionSlope`](super::RegressionSlope), [`RegressionIntercept`](super::RegressionIntercept),
/// [`RegressionAngle`](super::RegressionAngle) and
/// [`TimeSeriesForecast`](super::TimeSeriesForecast).
#[doc(alias = "LINEARREG")]
LinearRegression, "LINEARREG", end, "value at the newest input"
);
