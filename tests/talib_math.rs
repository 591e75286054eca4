//! TA-Lib's fifteen Math Transform functions over their whole domain
//! (`tests/data/talib/math_transforms.csv`, written by
//! `scripts/generate_coverage_fixtures.py` with TA-Lib 0.8.1): both sides of ±1 for the arc
//! functions, zero and negatives for the logarithms and the root, the overflow edges of
//! EXP, COSH and SINH. Where TA-Lib writes NaN or ±∞ the crate has no value; elsewhere the
//! two agree within 2 ulps (both call the platform's libm). The prices in
//! `tests/talib_coverage.rs` cover the same functions through the catalog.

use std::fs;

use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::math::{MathFunction, MathTransform};
use ta_stream::Indicator;

fn parse(cell: &str) -> f64 {
    if cell.is_empty() {
        f64::NAN
    } else {
        cell.parse()
            .unwrap_or_else(|_| panic!("not a number: {cell:?}"))
    }
}

#[test]
fn every_transform_matches_talib_over_its_domain() {
    let path = format!(
        "{}/tests/data/talib/math_transforms.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = fs::read_to_string(path).expect("math_transforms.csv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let rows: Vec<Vec<f64>> = lines
        .map(|line| line.split(',').skip(1).map(parse).collect())
        .collect();
    assert_eq!(header[..2], ["series", "x"]);
    assert_eq!(header.len() - 2, MathFunction::ALL.len());

    let (mut compared, mut none) = (0, 0);
    for (column, name) in header.iter().enumerate().skip(2) {
        let function = MathFunction::ALL[column - 2];
        assert_eq!(function.talib_name(), *name);
        let mut typed = MathTransform::new(function);
        let mut dynamic: DynIndicator = name.parse().expect("a catalog entry");
        for row in &rows {
            let (x, expected) = (row[0], row[column - 1]);
            let ours = typed.update(x);
            let through_catalog = dynamic.update(DynInput::real(x)).and_then(|out| out.get(0));
            assert_eq!(
                ours.map(f64::to_bits),
                through_catalog.map(f64::to_bits),
                "{name}({x}): typed and catalog differ"
            );
            if expected.is_finite() {
                let ours =
                    ours.unwrap_or_else(|| panic!("{name}({x}): TA-Lib {expected}, ours none"));
                let tolerance = 2.0 * f64::EPSILON * expected.abs();
                assert!(
                    (ours - expected).abs() <= tolerance,
                    "{name}({x}): ours {ours}, TA-Lib {expected}"
                );
                compared += 1;
            } else {
                assert_eq!(ours, None, "{name}({x}): TA-Lib {expected}");
                none += 1;
            }
        }
    }
    // Both kinds of rows are exercised: values, and NaN/∞ (acos/asin beyond ±1, logarithms
    // of negatives, sqrt of negatives, exp/cosh/sinh overflow).
    assert!(
        compared > 2500 && none > 200,
        "{compared} values, {none} none"
    );
}
