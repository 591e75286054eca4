use core::fmt;

use super::regression::{regression_indicator, RegressionLine};
use crate::{Error, Indicator, Real};

regression_indicator!(
/// Linear regression angle: the angle, in degrees, of the least-squares line through the
/// last `n` inputs.
///
/// # Formula
///
/// `LINEARREG_ANGLE_t = atan(b) · 180/π`, with `b` the slope per input of
/// [`RegressionSlope`](super::RegressionSlope) (one input is one unit of `x`, one unit of
/// price one unit of `y`, as in TA-Lib: the angle depends on the price's scale). First output
/// after `n` inputs.
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
/// `−90..=90` degrees; positive on a rising line.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RegressionAngle, Indicator};
///
/// let mut angle = RegressionAngle::new(3)?;
/// let out = angle.batch(&[1.0_f64, 2.0, 3.0, 3.0, 3.0]);
/// assert!((out[2].unwrap() - 45.0).abs() < 1e-12); // slope 1
/// assert_eq!(out[4], Some(0.0)); // flat
/// assert_eq!(angle.to_string(), "LINEARREG_ANGLE(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `LINEARREG_ANGLE`; matches it at every index.
#[doc(alias = "LINEARREG_ANGLE")]
RegressionAngle, "LINEARREG_ANGLE", angle, "angle in degrees"
);
