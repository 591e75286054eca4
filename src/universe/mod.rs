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

/// `true` when every input is usable ([`CheckedInput::is_usable`](crate::CheckedInput)), as
/// branch-free passes (the compiler vectorises them) instead of a branch per input.
///
/// A first pass decides most ticks in three operations per input: the sum of the
/// magnitudes is at least each magnitude (adding non-negative numbers never rounds below a
/// term) and is NaN or infinite if any input is, so a sum within the usable range and a
/// smallest magnitude at or above the usable minimum prove every input usable. Only when
/// that proof fails (an input of 0, an unusable input, or usable inputs whose sum is past
/// the range) does the exact pass decide.
#[inline]
pub(crate) fn all_usable<T: crate::Real>(inputs: &[T]) -> bool {
    const LANES: usize = 8;
    let (min, max) = (T::min_input(), T::max_input());
    let mut sums = [T::zero(); LANES];
    let mut least = [max; LANES];
    let chunks = inputs.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        let Ok(chunk) = <&[T; LANES]>::try_from(chunk) else {
            continue;
        };
        for ((sum, least), &x) in sums.iter_mut().zip(&mut least).zip(chunk) {
            let magnitude = x.abs();
            *sum = *sum + magnitude;
            // Not `min`: a NaN may be dropped here, the sum keeps it.
            *least = if magnitude < *least {
                magnitude
            } else {
                *least
            };
        }
    }
    // Pairwise across the lanes (as vector operations), not one lane after the other.
    let pairwise = |[a, b, c, d, e, f, g, h]: [T; LANES], op: fn(T, T) -> T| {
        op(op(op(a, e), op(c, g)), op(op(b, f), op(d, h)))
    };
    let total = pairwise(sums, |a, b| a + b);
    let smallest = pairwise(least, |a, b| if a < b { a } else { b });
    let proven = total <= max && smallest >= min && rest.iter().all(|&x| x.is_usable());
    proven || exactly_usable(inputs)
}

/// [`all_usable`]'s exact pass: each input's own check, without a branch per input.
fn exactly_usable<T: crate::Real>(inputs: &[T]) -> bool {
    let (min, max) = (T::min_input(), T::max_input());
    inputs.iter().fold(true, |all, &x| {
        let magnitude = x.abs();
        all & (magnitude <= max) & ((magnitude >= min) | (magnitude == T::zero()))
    })
}

#[cfg(test)]
mod tests {
    use super::all_usable;
    use crate::CheckedInput;

    /// The fast proof and the exact pass together answer exactly what checking each input
    /// answers, whatever the length (lanes of 8 and a remainder) and wherever the odd input
    /// sits: zeros (usable, but they defeat the proof), the range's edges and just past
    /// them, NaN, infinities, subnormals, and sums past the range of inputs each in it.
    #[test]
    fn all_usable_is_every_input_usable() {
        let odd = [
            0.0,
            -0.0,
            1e-150,
            -1e-150,
            1e-150 * (1.0 - f64::EPSILON),
            1e150,
            -1e150,
            1e150 * (1.0 + f64::EPSILON),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE / 4.0,
            1e-300,
            f64::MAX,
        ];
        for length in [1, 7, 8, 9, 16, 63, 64] {
            for at in [0, length / 2, length - 1] {
                for &x in &odd {
                    for background in [100.0, 1e150, 0.0] {
                        let mut inputs = vec![background; length];
                        if let Some(slot) = inputs.get_mut(at) {
                            *slot = x;
                        }
                        let want = inputs.iter().all(|&v| v.is_usable());
                        assert_eq!(
                            all_usable(&inputs),
                            want,
                            "{x:e} at {at} of {length} among {background:e}"
                        );
                        let narrow: Vec<f32> = inputs.iter().map(|&v| v as f32).collect();
                        let want = narrow.iter().all(|&v| v.is_usable());
                        assert_eq!(all_usable(&narrow), want, "f32 {x:e} at {at} of {length}");
                    }
                }
            }
        }
    }
}
