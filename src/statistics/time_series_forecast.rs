use core::fmt;

use super::regression::{regression_indicator, RegressionLine};
use crate::{Error, Indicator, Real};

regression_indicator!(
/// Time series forecast: the least-squares line through the last `n` inputs, extended one
/// input ahead.
///
/// # Formula
///
/// With the window's inputs `y_0 … y_{n−1}` (oldest first) at `x = 0 … n−1`, the line
/// `a + b·x` of [`LinearRegression`](super::LinearRegression) read at `x = n`:
/// `TSF_t = a + b·n = S/n + b·(n+1)/2`, the forecast of the next input. First output after
/// `n` inputs.
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
/// The same scale as the inputs; at most `4·max|y|` of the window in magnitude (the forecast
/// extrapolates). Finite for every usable input.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::TimeSeriesForecast, Indicator};
///
/// let mut tsf = TimeSeriesForecast::new(4)?;
/// let out = tsf.batch(&[2.0_f64, 4.0, 6.0, 8.0, 4.0]);
/// assert_eq!(out[3], Some(10.0)); // 2, 4, 6, 8, … 10
/// assert!((out[4].unwrap() - (5.5 + 0.2 * 2.5)).abs() < 1e-12);
/// assert_eq!(tsf.to_string(), "TSF(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `TSF`; matches it at every index. [`ForecastOscillator`](super::ForecastOscillator)
/// compares each input with the forecast made the input before.
#[doc(alias = "TSF")]
TimeSeriesForecast, "TSF", forecast, "forecast one input ahead"
);
