//! The [`Bands`] of a channel whose three lines are already known (Donchian, acceleration
//! bands, Keltner), written once.

use crate::float::lit;
use crate::volatility::Bands;
use crate::Real;

/// `upper`, `middle`, `lower`, and where `x` sits: `%B = (x − lower)/(upper − lower)` (0.5 for
/// a zero width), `bandwidth = (upper − lower)/middle` (0 for a zero middle). Both ratios
/// saturate at `±T::MAX` instead of overflowing (a width or middle of a few ulps).
#[inline]
pub(crate) fn channel<T: Real>(upper: T, middle: T, lower: T, x: T) -> Bands<T> {
    let width = upper - lower;
    let saturate = |v: T| v.max(T::min_value()).min(T::max_value());
    let (percent_b, bandwidth) = if width == T::zero() {
        (lit(0.5), T::zero())
    } else {
        let bandwidth = if middle == T::zero() {
            T::zero()
        } else {
            saturate(width / middle)
        };
        (saturate((x - lower) / width), bandwidth)
    };
    Bands {
        upper,
        middle,
        lower,
        percent_b,
        bandwidth,
    }
}
