//! Rolling statistics of one series: [`RollingMax`] and [`RollingMin`], and the midpoints
//! between them: [`MidPoint`] (of one series) and [`MidPrice`] (of bars' highs and lows).
//!
//! Their outputs are inputs (or halfway between two), so they refuse nothing beyond the
//! crate-wide usable range (see [`Real`](crate::Real)), and loading a state refuses a window
//! value outside it.
//!
//! All are built on [`MonotonicDeque`](crate::window::MonotonicDeque): O(1) amortized per
//! update, whatever the period, and never a scan of the window.
//!
//! The least-squares line through the last `n` inputs, read five ways:
//! [`LinearRegression`] (its end), [`RegressionSlope`], [`RegressionIntercept`] (its start),
//! [`RegressionAngle`] (the slope in degrees) and [`TimeSeriesForecast`] (one input ahead),
//! and [`ForecastOscillator`] (each input against the forecast made before it). One shared
//! core keeps the window's plain sum (a [`RollingSum`](crate::window::RollingSum)) and its
//! weighted sum (as [`Wma`](crate::average::Wma) does), drift-free: O(1) per update. They refuse nothing beyond the usable range.
//!
//! Order statistics of the window: [`Percentile`] (nearest rank) and [`PercentRank`], over a
//! sorted copy of the window (O(log n) search plus one `memmove` per update; see each).

mod forecast_oscillator;
mod linear_regression;
mod mid_point;
mod mid_price;
mod percent_rank;
mod percentile;
mod regression;
mod regression_angle;
mod regression_intercept;
mod regression_slope;
mod rolling_extreme;
mod sorted_window;
mod time_series_forecast;

pub use forecast_oscillator::ForecastOscillator;
pub use linear_regression::LinearRegression;
#[cfg(feature = "serde")]
pub(crate) use mid_point::check_pair;
pub(crate) use mid_point::midpoint;
pub use mid_point::MidPoint;
pub use mid_price::MidPrice;
pub use percent_rank::PercentRank;
pub use percentile::Percentile;
pub use regression_angle::RegressionAngle;
pub use regression_intercept::RegressionIntercept;
pub use regression_slope::RegressionSlope;
pub use rolling_extreme::{RollingMax, RollingMin};
pub use time_series_forecast::TimeSeriesForecast;
