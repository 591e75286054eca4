//! The universe path: one indicator over many series at once (a screener over 5,000 stocks),
//! one input per series per tick.
//!
//! A `Vec` of single indicators updated in a loop works, but each one lives in its own
//! allocations and the loop touches a few cache lines per series. The universe types keep
//! the series' states as structure of arrays instead, so that one tick walks a few
//! contiguous rows and the compiler vectorises across series:
//!
//! - [`SmaUniverse`], [`EmaUniverse`] and [`RsiUniverse`]: the states of
//!   [`Sma`](crate::average::Sma), [`Ema`](crate::average::Ema) and
//!   [`Rsi`](crate::momentum::Rsi) as structure of arrays;
//! - [`Universe`]: any other indicator, as one instance per series, with the same API, so
//!   that every universe has one shape.
//!
//! Every universe keeps the guarantees of the indicator it holds, series by series: each
//! series' outputs are bit for bit those of a single indicator fed that series' inputs; an
//! unusable input (NaN, ±∞, a magnitude outside the usable range, see
//! [`Real`](crate::Real)) never enters its series' state, and the other series still
//! update; the SMA's window sums are drift-free; `update` and `peek` allocate nothing; the
//! state saves and loads with serde, validated on load.
//!
//! ```
//! use ta_stream::momentum::Rsi;
//! use ta_stream::universe::{RsiUniverse, Universe};
//!
//! // Three stocks, one close each per tick.
//! let ticks = [[10.0, 50.0, 7.0], [11.0, 49.0, 7.5], [10.5, 48.0, f64::NAN], [11.5, 47.5, 7.2]];
//! let mut rsi = RsiUniverse::new(3, 2)?; // RSI(2) of each
//! let mut same = Universe::new(3, Rsi::new(2)?)?; // the same, one Rsi per series
//! let (mut out, mut check) = ([0.0; 3], [0.0; 3]);
//! for tick in &ticks {
//!     rsi.update(tick, &mut out)?;
//!     same.update(tick, &mut check)?;
//! }
//! assert_eq!(out[1], 0.0); // only losses
//! assert_eq!(out.map(f64::to_bits), check.map(f64::to_bits));
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! Inputs and outputs are one slice each per tick, with one slot per series; a slice of the
//! wrong length is an [`Error::InvalidParameter`] and consumes nothing. Outputs are NaN
//! while a series warms up, TA-Lib style.

mod ema;
mod generic;
mod rsi;
mod sma;

pub use ema::EmaUniverse;
pub use generic::Universe;
pub use rsi::RsiUniverse;
pub use sma::SmaUniverse;

use crate::Error;

/// Series per block: the structure-of-arrays types check and update their series a block at
/// a time, so that a series out of step (it ignored an input) slows down only its block.
pub(crate) const CHUNK: usize = 64;

/// Largest number of series a universe accepts.
const MAX_SERIES: usize = 100_000_000;

/// `series` as a number of series: `1..=100_000_000`.
pub(crate) fn check_series(series: usize) -> Result<usize, Error> {
    if (1..=MAX_SERIES).contains(&series) {
        Ok(series)
    } else {
        Err(Error::InvalidParameter {
            name: "series",
            value: series.to_string(),
            expected: "1..=100000000",
        })
    }
}

/// The blocks of [`CHUNK`] series (the last one shorter).
pub(crate) fn chunk_ranges(series: usize) -> impl Iterator<Item = core::ops::Range<usize>> {
    (0..series)
        .step_by(CHUNK)
        .map(move |start| start..(start + CHUNK).min(series))
}
