//! Rolling statistics of one series: [`RollingMax`] and [`RollingMin`].
//!
//! Both are built on [`MonotonicDeque`](crate::window::MonotonicDeque): O(1) amortized per
//! update, whatever the period, and never a scan of the window.

mod rolling_max;
mod rolling_min;

pub use rolling_max::RollingMax;
pub use rolling_min::RollingMin;
