//! Rolling statistics of one series: [`RollingMax`] and [`RollingMin`].
//!
//! Their outputs are inputs, so they refuse nothing beyond the crate-wide usable range
//! (see [`Real`](crate::Real)), and loading a state refuses a window value outside it.
//!
//! Both are built on [`MonotonicDeque`](crate::window::MonotonicDeque): O(1) amortized per
//! update, whatever the period, and never a scan of the window.

mod rolling_extreme;

pub use rolling_extreme::{RollingMax, RollingMin};
