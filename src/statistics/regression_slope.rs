use core::fmt;

use super::regression::{regression_indicator, RegressionLine};
use crate::{Error, Indicator, Real};

regression_indicator!(
/// Linear regression slope: the slope, per input, of the least-squares line through the last
/// `n` inputs.
///
/// # Formula
///
/// With the window's inputs `y_0 … y_{n−1}` (oldest first) at `x = 0 … n−1`,
/// `LINEARREG_SLOPE_t = (W − (n+1)/2 · S) / (n(n²−1)/12)`, where `S = Σ y_j` and
/// `W = Σ (j+1)·y_j` (the same as `Σ (x_j − x̄)(y_j − ȳ) / Σ (x_j − x̄)²`). First output after
/// `n` inputs.
///
/// `S` and `W` are drift-free: the plain sum of a [`RollingSum`](crate::window::RollingSum)
/// and the weighted sum of a [`Wma`](crate::average::Wma): O(1) per update.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Range
///
/// Input units per input; positive on a rising line. At most `2·max|y|` of the window in
/// magnitude; finite for every usable input. A flat window gives 0 (up to the rounding of
/// the sums).
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RegressionSlope, Indicator};
///
/// let mut slope = RegressionSlope::new(4)?;
/// let out = slope.batch(&[2.0_f64, 4.0, 6.0, 8.0, 4.0]);
/// assert_eq!(out[3], Some(2.0)); // 2, 4, 6, 8: two per input
/// assert!((out[4].unwrap() - 0.2).abs() < 1e-12);
/// assert_eq!(slope.to_string(), "LINEARREG_SLOPE(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// An analyst reads a change of trend as the slope crossing zero, with
/// [`CrossLevel`](crate::signal::CrossLevel):
///
/// ```
/// use ta_stream::{signal::{Cross, CrossLevel}, statistics::RegressionSlope, Indicator};
///
/// let mut slope = RegressionSlope::new(3)?;
/// let mut turn = CrossLevel::new(0.0)?;
/// let mut events = Vec::new();
/// for (bar, x) in [1.0, 2.0, 3.0, 2.0, 1.0, 0.5].into_iter().enumerate() {
///     if let Some(Some(cross)) = slope.update(x).and_then(|s| turn.update(s)) {
///         events.push((bar, cross));
///     }
/// }
/// // slopes 1, 0, −1, −0.75: one event, on the bar that took the slope below zero
/// assert_eq!(events, [(4, Cross::Below)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `LINEARREG_SLOPE`; matches it at every index.
#[doc(alias = "LINEARREG_SLOPE")]
RegressionSlope, "LINEARREG_SLOPE", slope, "slope"
);
