//! Rolling statistics of one series: [`RollingMax`] and [`RollingMin`].
//!
//! Both are built on [`MonotonicDeque`](crate::window::MonotonicDeque): O(1) amortized per
//! update, whatever the period, and never a scan of the window.

mod rolling_extreme;

pub use rolling_extreme::{RollingMax, RollingMin};
