//! Math operators and element-wise math transforms.

use super::{period, set, typed, FunctionInfo, Group, InputKind, ToNumbers, Values, REAL};
use crate::math::{
    Arithmetic, CumulativeSum, MathFunction, MathTransform, MaxIndex, MinIndex, MinMax,
    MinMaxIndex, MinMaxIndexOutput, MinMaxOutput, Operator, Sum,
};

const PAIR: InputKind = InputKind::Pair("real0", "real1");
const TIMEPERIOD_30: super::ParamInfo = period("timeperiod", 30.0, "number of inputs");

/// An element-wise transform entry: no parameters, one input, one output.
macro_rules! transform {
    ($name:literal, $summary:literal, $function:ident) => {
        entry!(
            $name,
            MathTransform,
            true,
            $summary,
            InputKind::Real,
            [],
            REAL,
            ["MathTransform"],
            |_| typed::<MathTransform>(Ok(MathTransform::new(MathFunction::$function)))
        )
    };
}

/// An element-wise operator entry: two series, one output.
macro_rules! operator {
    ($name:literal, $summary:literal, $operator:ident) => {
        entry!(
            $name,
            MathOperators,
            true,
            $summary,
            PAIR,
            [],
            REAL,
            ["Arithmetic"],
            |_| typed::<Arithmetic>(Ok(Arithmetic::new(Operator::$operator)))
        )
    };
}

#[rustfmt::skip]
pub(super) static ENTRIES: &[FunctionInfo] = &[
    operator!("ADD", "real0 + real1, element-wise", Add),
    operator!("SUB", "real0 − real1, element-wise", Sub),
    operator!("MULT", "real0 × real1, element-wise", Mult),
    operator!("DIV", "real0 / real1, element-wise (NaN where real1 is 0)", Div),
    entry!("SUM", MathOperators, true, "Sum of the last `timeperiod` values (drift-free)", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Sum"], |s| typed::<Sum>(Sum::new(s.int(0)))),
    entry!("CUMSUM", MathOperators, true, "Running total of every value so far (compensated, no drift)", InputKind::Real,
        [], REAL, ["CumulativeSum"], |_| typed::<CumulativeSum>(Ok(CumulativeSum::new()))),
    entry!("MINMAX", MathOperators, true, "Lowest and highest of the last `timeperiod` values", InputKind::Real,
        [TIMEPERIOD_30], &["min", "max"], ["MinMax"], |s| typed::<MinMax>(MinMax::new(s.int(0)))),
    entry!("MAXINDEX", MathOperators, true, "Index of the highest of the last `timeperiod` values (inputs counted from 0)", InputKind::Real,
        [TIMEPERIOD_30], &["integer"], ["MaxIndex"], |s| typed::<MaxIndex>(MaxIndex::new(s.int(0)))),
    entry!("MININDEX", MathOperators, true, "Index of the lowest of the last `timeperiod` values (inputs counted from 0)", InputKind::Real,
        [TIMEPERIOD_30], &["integer"], ["MinIndex"], |s| typed::<MinIndex>(MinIndex::new(s.int(0)))),
    entry!("MINMAXINDEX", MathOperators, true, "Indices of the lowest and highest of the last `timeperiod` values", InputKind::Real,
        [TIMEPERIOD_30], &["minidx", "maxidx"], ["MinMaxIndex"], |s| typed::<MinMaxIndex>(MinMaxIndex::new(s.int(0)))),
    transform!("ACOS", "Arc cosine, element-wise (NaN outside −1..=1)", Acos),
    transform!("ASIN", "Arc sine, element-wise (NaN outside −1..=1)", Asin),
    transform!("ATAN", "Arc tangent, element-wise", Atan),
    transform!("CEIL", "Smallest integer not below the value, element-wise", Ceil),
    transform!("COS", "Cosine, element-wise", Cos),
    transform!("COSH", "Hyperbolic cosine, element-wise (NaN on overflow)", Cosh),
    transform!("EXP", "Exponential, element-wise (NaN on overflow)", Exp),
    transform!("FLOOR", "Largest integer not above the value, element-wise", Floor),
    transform!("LN", "Natural logarithm, element-wise (NaN for values ≤ 0)", Ln),
    transform!("LOG10", "Base-10 logarithm, element-wise (NaN for values ≤ 0)", Log10),
    transform!("SIN", "Sine, element-wise", Sin),
    transform!("SINH", "Hyperbolic sine, element-wise (NaN on overflow)", Sinh),
    transform!("SQRT", "Square root, element-wise (NaN for negative values)", Sqrt),
    transform!("TAN", "Tangent, element-wise", Tan),
    transform!("TANH", "Hyperbolic tangent, element-wise", Tanh),
];

impl ToNumbers for u64 {
    #[inline]
    fn write(&self, out: &mut Values) {
        set(out, [*self as f64]);
    }
}

impl ToNumbers for MinMaxOutput<f64> {
    #[inline]
    fn write(&self, out: &mut Values) {
        set(out, [self.min, self.max]);
    }
}

impl ToNumbers for MinMaxIndexOutput {
    #[inline]
    fn write(&self, out: &mut Values) {
        set(out, [self.min as f64, self.max as f64]);
    }
}
