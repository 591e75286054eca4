//! [`MathTransform`]: TA-Lib's fifteen element-wise math functions, one type.

use core::fmt;

use super::finite;
#[cfg(feature = "serde")]
use crate::float::lit;
use crate::{Indicator, Real};

/// One of TA-Lib's `Math Transform` functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum MathFunction {
    /// `ACOS`: arc cosine, in radians (`0..=π`; defined on `−1..=1`).
    Acos,
    /// `ASIN`: arc sine, in radians (`−π/2..=π/2`; defined on `−1..=1`).
    Asin,
    /// `ATAN`: arc tangent, in radians (`−π/2..=π/2`).
    Atan,
    /// `CEIL`: the smallest integer not below the input.
    Ceil,
    /// `COS`: cosine of an angle in radians.
    Cos,
    /// `COSH`: hyperbolic cosine (overflows beyond about ±710 in `f64`).
    Cosh,
    /// `EXP`: `e` to the input (overflows beyond about 709.8 in `f64`).
    Exp,
    /// `FLOOR`: the largest integer not above the input.
    Floor,
    /// `LN`: natural logarithm (defined for positive inputs).
    Ln,
    /// `LOG10`: base-10 logarithm (defined for positive inputs).
    Log10,
    /// `SIN`: sine of an angle in radians.
    Sin,
    /// `SINH`: hyperbolic sine (overflows beyond about ±710 in `f64`).
    Sinh,
    /// `SQRT`: square root (defined for inputs `≥ 0`).
    Sqrt,
    /// `TAN`: tangent of an angle in radians.
    Tan,
    /// `TANH`: hyperbolic tangent (`−1..=1`).
    Tanh,
}

impl MathFunction {
    /// All fifteen, in TA-Lib's (alphabetical) order.
    pub const ALL: [Self; 15] = [
        Self::Acos,
        Self::Asin,
        Self::Atan,
        Self::Ceil,
        Self::Cos,
        Self::Cosh,
        Self::Exp,
        Self::Floor,
        Self::Ln,
        Self::Log10,
        Self::Sin,
        Self::Sinh,
        Self::Sqrt,
        Self::Tan,
        Self::Tanh,
    ];

    /// TA-Lib's name, e.g. `"LOG10"`.
    pub fn talib_name(self) -> &'static str {
        match self {
            Self::Acos => "ACOS",
            Self::Asin => "ASIN",
            Self::Atan => "ATAN",
            Self::Ceil => "CEIL",
            Self::Cos => "COS",
            Self::Cosh => "COSH",
            Self::Exp => "EXP",
            Self::Floor => "FLOOR",
            Self::Ln => "LN",
            Self::Log10 => "LOG10",
            Self::Sin => "SIN",
            Self::Sinh => "SINH",
            Self::Sqrt => "SQRT",
            Self::Tan => "TAN",
            Self::Tanh => "TANH",
        }
    }

    /// The function of `x`, as the float computes it: NaN outside the domain, ±∞ on
    /// overflow ([`MathTransform`] turns both into no value).
    #[inline]
    pub fn apply<T: Real>(self, x: T) -> T {
        match self {
            Self::Acos => x.acos(),
            Self::Asin => x.asin(),
            Self::Atan => x.atan(),
            Self::Ceil => x.ceil(),
            Self::Cos => x.cos(),
            Self::Cosh => x.cosh(),
            Self::Exp => x.exp(),
            Self::Floor => x.floor(),
            Self::Ln => x.ln(),
            Self::Log10 => x.log10(),
            Self::Sin => x.sin(),
            Self::Sinh => x.sinh(),
            Self::Sqrt => x.sqrt(),
            Self::Tan => x.tan(),
            Self::Tanh => x.tanh(),
        }
    }

    /// `true` when `y` is a finite value the function can return (used to validate a
    /// loaded state): within `0..=π` for `ACOS`, `−1..=1` for `SIN`, `COS`, `TANH`, and so on.
    #[cfg(feature = "serde")]
    fn can_return<T: Real>(self, y: T) -> bool {
        let half_pi = lit::<T>(core::f64::consts::FRAC_PI_2);
        let within = |low: T, high: T| low <= y && y <= high;
        y.is_finite()
            && match self {
                Self::Acos => within(T::zero(), half_pi + half_pi),
                Self::Asin | Self::Atan => within(-half_pi, half_pi),
                Self::Cos | Self::Sin | Self::Tanh => within(-T::one(), T::one()),
                Self::Cosh => y >= T::one(),
                Self::Exp | Self::Sqrt => y >= T::zero(),
                Self::Ceil | Self::Floor => y == y.trunc(),
                Self::Ln | Self::Log10 | Self::Sinh | Self::Tan => true,
            }
    }
}

impl fmt::Display for MathFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.talib_name())
    }
}

/// An element-wise math function of each input: `y_t = f(x_t)` for one of TA-Lib's
/// fifteen [`MathFunction`]s (`ACOS`, `ASIN`, `ATAN`, `CEIL`, `COS`, `COSH`, `EXP`,
/// `FLOOR`, `LN`, `LOG10`, `SIN`, `SINH`, `SQRT`, `TAN`, `TANH`).
///
/// No warm-up: each input gives its output. Where the function has no finite value (outside
/// its domain, or overflowing: `LN(0)`, `ACOS(2)`, `EXP(710)`) the output is `None`
/// (TA-Lib writes NaN or ±∞ there). Unusable inputs (NaN, ±∞, beyond `1e150`) are ignored,
/// as everywhere in the crate: `update` returns the previous output.
///
/// These exist so that every TA-Lib name has its place; in Rust code `x.ln()` is as good.
///
/// # Example
///
/// ```
/// use ta_stream::math::{MathFunction, MathTransform};
/// use ta_stream::Indicator;
///
/// let mut log10 = MathTransform::new(MathFunction::Log10);
/// assert_eq!(log10.update(1000.0), Some(3.0));
/// assert_eq!(log10.update(-1.0), None); // no logarithm of a negative number
/// assert_eq!(log10.to_string(), "LOG10");
/// ```
#[doc(alias = "ACOS")]
#[doc(alias = "ASIN")]
#[doc(alias = "ATAN")]
#[doc(alias = "CEIL")]
#[doc(alias = "COS")]
#[doc(alias = "COSH")]
#[doc(alias = "EXP")]
#[doc(alias = "FLOOR")]
#[doc(alias = "LN")]
#[doc(alias = "LOG10")]
#[doc(alias = "SIN")]
#[doc(alias = "SINH")]
#[doc(alias = "SQRT")]
#[doc(alias = "TAN")]
#[doc(alias = "TANH")]
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MathTransformState<T>")
)]
pub struct MathTransform<T: Real = f64> {
    function: MathFunction,
    /// The last committed output.
    last: Option<T>,
}

impl MathTransform {
    /// The transform by `function`.
    pub fn new(function: MathFunction) -> Self {
        Self::new_generic(function)
    }
}

impl<T: Real> MathTransform<T> {
    /// [`MathTransform::new`] in any precision `T` (`f32`, or generic code): `MathTransform::<f32>::new_generic(MathFunction::Log10)`.
    pub fn new_generic(function: MathFunction) -> Self {
        Self {
            function,
            last: None,
        }
    }

    /// The function applied.
    pub fn function(&self) -> MathFunction {
        self.function
    }

    #[inline]
    fn of(&self, x: T) -> Option<T> {
        finite(self.function.apply(x))
    }
}

impl<T: Real> Indicator for MathTransform<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if x.is_usable() {
            self.last = self.of(x);
        }
        self.last
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if x.is_usable() {
            self.of(x)
        } else {
            self.last
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.last
    }

    fn reset(&mut self) {
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for MathTransform<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.function.talib_name())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MathTransformState<T> {
    function: MathFunction,
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MathTransformState<T>> for MathTransform<T> {
    type Error = crate::Error;

    /// The last output, if any, one the function can return.
    fn try_from(state: MathTransformState<T>) -> Result<Self, crate::Error> {
        if state.last.is_some_and(|y| !state.function.can_return(y)) {
            return Err(crate::error::invalid_state(format!(
                "{} cannot return the stored output",
                state.function
            )));
        }
        Ok(Self {
            function: state.function,
            last: state.last,
        })
    }
}
