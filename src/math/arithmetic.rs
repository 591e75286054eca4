//! [`Arithmetic`]: TA-Lib's element-wise `ADD`, `SUB`, `MULT` and `DIV` of two series.

use core::fmt;

use super::finite;
use crate::{CheckedInput, Indicator, Real};

/// One of the four operations of TA-Lib's two-series math operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Operator {
    /// `ADD`: `a + b`.
    Add,
    /// `SUB`: `a − b`.
    Sub,
    /// `MULT`: `a · b`.
    Mult,
    /// `DIV`: `a / b` (no value when `b = 0`).
    Div,
}

impl Operator {
    /// TA-Lib's name, e.g. `"MULT"`.
    pub fn talib_name(self) -> &'static str {
        match self {
            Self::Add => "ADD",
            Self::Sub => "SUB",
            Self::Mult => "MULT",
            Self::Div => "DIV",
        }
    }

    /// `a op b`, as the float computes it (`±∞` or NaN when dividing by zero).
    #[inline]
    pub fn apply<T: Real>(self, a: T, b: T) -> T {
        match self {
            Self::Add => a + b,
            Self::Sub => a - b,
            Self::Mult => a * b,
            Self::Div => a / b,
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.talib_name())
    }
}

/// An element-wise operation on two series: `y_t = a_t op b_t` for `op` one of `+`, `−`,
/// `·`, `/` (TA-Lib's `ADD`, `SUB`, `MULT`, `DIV`; `a` is TA-Lib's `real0`, `b` its `real1`).
///
/// No warm-up. A division by zero gives no value (`None`; TA-Lib writes ±∞ or NaN). Usable
/// inputs (magnitudes up to `1e150`, `1e15` for `f32`) cannot overflow the other three. A
/// pair with an unusable number is ignored: `update` returns the previous output.
///
/// # Example
///
/// ```
/// use ta_stream::math::{Arithmetic, Operator};
/// use ta_stream::Indicator;
///
/// // The spread of two closes, and their ratio.
/// let mut spread = Arithmetic::new(Operator::Sub);
/// let mut ratio = Arithmetic::new(Operator::Div);
/// assert_eq!(spread.update((105.0, 100.0)), Some(5.0));
/// assert_eq!(ratio.update((105.0, 100.0)), Some(1.05));
/// assert_eq!(ratio.update((1.0, 0.0)), None);
/// # let _: Arithmetic = spread;
/// ```
#[doc(alias = "ADD")]
#[doc(alias = "SUB")]
#[doc(alias = "MULT")]
#[doc(alias = "DIV")]
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ArithmeticState<T>")
)]
pub struct Arithmetic<T: Real = f64> {
    operator: Operator,
    /// The last committed output.
    last: Option<T>,
}

impl Arithmetic {
    /// `a operator b` for each pair `(a, b)`.
    pub fn new(operator: Operator) -> Self {
        Self::new_generic(operator)
    }
}

impl<T: Real> Arithmetic<T> {
    /// [`Arithmetic::new`] in any precision `T` (`f32`, or generic code): `Arithmetic::<f32>::new_generic(Operator::Sub)`.
    pub fn new_generic(operator: Operator) -> Self {
        Self {
            operator,
            last: None,
        }
    }

    /// The operation.
    pub fn operator(&self) -> Operator {
        self.operator
    }
}

impl<T: Real> Indicator for Arithmetic<T> {
    type Input = (T, T);
    type Output = T;

    crate::slice::update_slice_on_a_copy!();

    #[inline]
    fn update(&mut self, pair: (T, T)) -> Option<T> {
        if pair.is_usable() {
            self.last = finite(self.operator.apply(pair.0, pair.1));
        }
        self.last
    }

    #[inline]
    fn peek(&self, pair: (T, T)) -> Option<T> {
        if pair.is_usable() {
            finite(self.operator.apply(pair.0, pair.1))
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

impl<T: Real> fmt::Display for Arithmetic<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.operator.talib_name())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ArithmeticState<T> {
    operator: Operator,
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ArithmeticState<T>> for Arithmetic<T> {
    type Error = crate::Error;

    /// The last output, if any, finite and within what usable inputs give: `2·max` for a
    /// sum or difference, `max²` for a product, `max/min` for a quotient.
    fn try_from(state: ArithmeticState<T>) -> Result<Self, crate::Error> {
        let max = T::max_input();
        let bound = match state.operator {
            Operator::Add | Operator::Sub => max + max,
            Operator::Mult => max * max,
            Operator::Div => max / T::min_input(),
        };
        if state
            .last
            .is_some_and(|y| !y.is_finite() || y.abs() > bound)
        {
            return Err(crate::error::invalid_state(format!(
                "{} holds an output beyond what usable inputs give",
                state.operator
            )));
        }
        Ok(Self {
            operator: state.operator,
            last: state.last,
        })
    }
}
