//! Rolling statistics of one series: [`RollingMax`] and [`RollingMin`], and the midpoints
//! between them: [`MidPoint`] (of one series) and [`MidPrice`] (of bars' highs and lows).
//!
//! Their outputs are inputs (or halfway between two), so they refuse nothing beyond the
//! crate-wide usable range (see [`Real`](crate::Real)), and loading a state refuses a window
//! value outside it.
//!
//! All are built on [`MonotonicDeque`](crate::window::MonotonicDeque): O(1) amortized per
//! update, whatever the period, and never a scan of the window.

mod mid_point;
mod mid_price;
mod rolling_extreme;

pub(crate) use mid_point::midpoint;
pub use mid_point::MidPoint;
pub use mid_price::MidPrice;
pub use rolling_extreme::{RollingMax, RollingMin};
