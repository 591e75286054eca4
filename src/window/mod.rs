//! Building blocks shared by the indicators, public so that you can build your own.
//!
//! - [`RingBuffer`]: the last `capacity` values, fixed memory, no allocation after construction.
//! - [`CompensatedSum`]: a running sum that carries its own rounding error (error-free
//!   transformations), so adding and removing values forever does not drift.
//! - [`RollingSum`]: the exact-as-possible sum of the last `n` values, built from the two above.
//! - [`MonotonicDeque`]: rolling maximum or minimum in O(1) amortized, never a scan.
//!
//! With the `serde` feature each loads back exactly the state it saved. A state is checked
//! on load: the shape, finite values, and every derived quantity against the values it
//! summarises; [`RollingSum`] then recomputes its sums from the window with the operations
//! the pushes performed, so no stored rounding error can outlive the values it came from.
//! The blocks accept any finite value; the indicators built on them also check that the
//! values are ones they could have pushed (usable inputs, percentages, ...).

mod compensated_sum;
mod in_place_sum;
mod monotonic_deque;
mod ring_buffer;
mod rolling_sum;
mod rolling_weighted_sum;

pub use compensated_sum::CompensatedSum;
pub(crate) use in_place_sum::InPlaceSum;
#[cfg(feature = "serde")]
pub(crate) use in_place_sum::InPlaceSumState;
pub use monotonic_deque::{Extremum, MonotonicDeque};
pub use ring_buffer::RingBuffer;
pub use rolling_sum::RollingSum;
pub(crate) use rolling_weighted_sum::RollingWeightedSum;
#[cfg(feature = "serde")]
pub(crate) use rolling_weighted_sum::RollingWeightedSumState;
