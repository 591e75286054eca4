//! The catalog's typed references for the math operators and transforms.

use crate::{closes, pairs, typed_run, DynInput, Row};
use ta_stream::math::{
    Arithmetic, CumulativeSum, MathFunction, MathTransform, MaxIndex, MinIndex, MinMax,
    MinMaxIndex, Operator, Sum,
};

pub const SPECS: &[&str] = &[
    "ADD",
    "SUB",
    "MULT",
    "DIV",
    "SUM",
    "SUM(5)",
    "CUMSUM",
    "MINMAX",
    "MINMAX(5)",
    "MAXINDEX",
    "MAXINDEX(5)",
    "MININDEX(5)",
    "MINMAXINDEX",
    "MINMAXINDEX(7)",
    "ACOS",
    "ASIN",
    "ATAN",
    "CEIL",
    "COS",
    "COSH",
    "EXP",
    "FLOOR",
    "LN",
    "LOG10",
    "SIN",
    "SINH",
    "SQRT",
    "TAN",
    "TANH",
];

/// The closes scaled into −1..=1 (by the largest), so that ACOS and ASIN have values, and
/// EXP, COSH and SINH do not overflow.
fn unit_closes() -> Vec<f64> {
    let closes = closes();
    let largest = closes.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    closes.iter().map(|x| x / largest).collect()
}

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let single = |xs: &[f64]| xs.iter().map(|&x| DynInput::real(x)).collect::<Vec<_>>();
    let one = |x: f64| vec![x];
    let index = |i: u64| vec![i as f64];
    let pair = || pairs().into_iter().map(DynInput::from).collect::<Vec<_>>();
    let operator = |op: Operator| (typed_run(Arithmetic::new(op), &pairs(), one), pair());
    let closes = closes();
    let found = match spec {
        "ADD" => operator(Operator::Add),
        "SUB" => operator(Operator::Sub),
        "MULT" => operator(Operator::Mult),
        "DIV" => operator(Operator::Div),
        "SUM" => (typed_run(Sum::default(), &closes, one), single(&closes)),
        "SUM(5)" => (
            typed_run(Sum::new(5).unwrap(), &closes, one),
            single(&closes),
        ),
        "CUMSUM" => (
            typed_run(CumulativeSum::new(), &closes, one),
            single(&closes),
        ),
        "MINMAX" | "MINMAX(5)" => {
            let period = if spec == "MINMAX" { 30 } else { 5 };
            let rows = typed_run(MinMax::new(period).unwrap(), &closes, |m| {
                vec![m.min, m.max]
            });
            (rows, single(&closes))
        }
        "MAXINDEX" => (
            typed_run(MaxIndex::default(), &closes, index),
            single(&closes),
        ),
        "MAXINDEX(5)" => (
            typed_run(MaxIndex::new(5).unwrap(), &closes, index),
            single(&closes),
        ),
        "MININDEX(5)" => (
            typed_run(MinIndex::new(5).unwrap(), &closes, index),
            single(&closes),
        ),
        "MINMAXINDEX" | "MINMAXINDEX(7)" => {
            let period = if spec == "MINMAXINDEX" { 30 } else { 7 };
            let both = |m: ta_stream::math::MinMaxIndexOutput| vec![m.min as f64, m.max as f64];
            let rows = typed_run(MinMaxIndex::new(period).unwrap(), &closes, both);
            (rows, single(&closes))
        }
        name => {
            let function = MathFunction::ALL
                .into_iter()
                .find(|f| f.talib_name() == name)?;
            let xs = unit_closes();
            (
                typed_run(MathTransform::new(function), &xs, one),
                single(&xs),
            )
        }
    };
    Some(found)
}
