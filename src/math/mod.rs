//! Math operators and transforms: TA-Lib's `Math Operators` and `Math Transform` groups.
//!
//! - Element-wise: [`Arithmetic`] (`ADD`, `SUB`, `MULT`, `DIV` of two series) and
//!   [`MathTransform`] (`ACOS` … `TANH`, one function per input). No warm-up, no window.
//! - Windowed: [`Sum`] (`SUM`, drift-free), [`MinMax`] (`MINMAX`), [`MaxIndex`],
//!   [`MinIndex`] and [`MinMaxIndex`] (`MAXINDEX`, `MININDEX`, `MINMAXINDEX`: where in the
//!   stream the window's extremes are). `MAX` and `MIN` are
//!   [`RollingMax`](crate::statistics::RollingMax) and
//!   [`RollingMin`](crate::statistics::RollingMin).
//! - Cumulative: [`CumulativeSum`] (`CUMSUM`), compensated so that it does not drift.
//!
//! # No value where the math has none
//!
//! TA-Lib returns NaN outside a function's domain (`LN(−1)`, `ACOS(2)`) and ±∞ where a
//! result overflows (`EXP(710)`, `DIV(1, 0)`). The crate promises finite outputs, so these
//! give no value (`None`; NaN in the catalog's columns), and the next input computes
//! afresh: the element-wise operators keep no state beyond their last output.
//!
//! # Indices
//!
//! TA-Lib's index functions return a position in the input array. A stream has no array:
//! the crate counts the inputs an indicator has accepted since it was created or reset
//! (the first is 0), which is the array position when the indicator runs over a whole
//! array of usable inputs, as TA-Lib does. Unusable inputs are not counted.

mod arithmetic;
mod cumulative_sum;
mod extreme_index;
mod min_max;
mod min_max_index;
mod sum;
mod transform;

pub use arithmetic::{Arithmetic, Operator};
pub use cumulative_sum::CumulativeSum;
pub use extreme_index::{MaxIndex, MinIndex};
pub use min_max::{MinMax, MinMaxOutput};
pub use min_max_index::{MinMaxIndex, MinMaxIndexOutput};
pub use sum::Sum;
pub use transform::{MathFunction, MathTransform};

use crate::Real;

/// `Some(y)` when `y` is finite: the element-wise functions' rule.
#[inline]
fn finite<T: Real>(y: T) -> Option<T> {
    y.is_finite().then_some(y)
}
