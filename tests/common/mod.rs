//! Helpers shared by the integration tests: fixture loading and comparison.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;

/// A CSV fixture: named columns of optional values (an empty cell is `None`).
pub struct Fixture {
    pub name: String,
    columns: HashMap<String, Vec<Option<f64>>>,
}

impl Fixture {
    /// Loads `tests/data/<relative>`.
    pub fn load(relative: &str) -> Fixture {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(relative);
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let mut lines = text.lines();
        let header: Vec<String> = lines
            .next()
            .expect("fixture has a header")
            .split(',')
            .map(str::to_owned)
            .collect();
        let mut columns: Vec<Vec<Option<f64>>> = vec![Vec::new(); header.len()];
        for (number, line) in lines.enumerate() {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), header.len(), "{relative}: line {}", number + 2);
            for (column, cell) in columns.iter_mut().zip(cells) {
                column.push(if cell.is_empty() {
                    None
                } else {
                    Some(cell.parse().unwrap_or_else(|e| {
                        panic!("{relative}: line {}: {cell:?}: {e}", number + 2)
                    }))
                });
            }
        }
        Fixture {
            name: relative.to_owned(),
            columns: header.into_iter().zip(columns).collect(),
        }
    }

    /// A column with its warm-up gaps.
    pub fn column(&self, name: &str) -> &[Option<f64>] {
        self.columns
            .get(name)
            .unwrap_or_else(|| panic!("{}: no column {name}", self.name))
    }

    /// A column that has no gaps (an input).
    pub fn values(&self, name: &str) -> Vec<f64> {
        self.column(name)
            .iter()
            .map(|v| v.unwrap_or_else(|| panic!("{}: gap in input column {name}", self.name)))
            .collect()
    }
}

/// Relative difference `|a − b| / max(|a|, |b|)`, 0 when both are 0.
pub fn relative_difference(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// `assert_matches` for MACD's histogram, the difference of two lines that are nearly equal
/// wherever the series trends steadily: any floating-point evaluation rounds it by about an
/// ulp of the lines (TA-Lib's lands 1.4e-9 relative from the exact histogram on the
/// `flat_then_trend` fixture, `tests/data/talib/macd_exact.csv`), so the tolerance is
/// relative to the larger of the lines `macd` and `signal` at each index (TA-Lib's values,
/// from the fixture), not to the difference.
pub fn assert_histogram_matches(
    label: &str,
    actual: &[Option<f64>],
    fixture: &Fixture,
    tolerance: f64,
) {
    let (expected, macd, signal) = (
        fixture.column("macdhist"),
        fixture.column("macd"),
        fixture.column("macdsignal"),
    );
    assert_eq!(actual.len(), expected.len(), "{label}: length");
    for (index, (a, e)) in actual.iter().zip(expected).enumerate() {
        match (a, e) {
            (Some(a), Some(e)) => {
                let lines = macd[index].unwrap().abs().max(signal[index].unwrap().abs());
                assert!(
                    (a - e).abs() <= tolerance * lines.max(e.abs()),
                    "{label}: index {index}: got {a}, TA-Lib {e} (lines {lines})"
                );
            }
            (None, None) => {}
            _ => panic!("{label}: index {index}: got {a:?}, expected {e:?} (warm-up differs)"),
        }
    }
}

/// Asserts that `actual` has the same warm-up as `expected` and agrees within `tolerance`
/// (relative) at every index. Returns the largest relative difference seen.
pub fn assert_matches(
    label: &str,
    actual: &[Option<f64>],
    expected: &[Option<f64>],
    tolerance: f64,
) -> f64 {
    assert_eq!(actual.len(), expected.len(), "{label}: length");
    let mut worst: f64 = 0.0;
    for (index, (a, e)) in actual.iter().zip(expected).enumerate() {
        match (a, e) {
            (Some(a), Some(e)) => {
                let difference = relative_difference(*a, *e);
                // No absolute floor (`epsilon = 0`): relative only, as strict near zero.
                assert!(
                    approx::relative_eq!(*a, *e, epsilon = 0.0, max_relative = tolerance),
                    "{label}: index {index}: got {a}, TA-Lib {e} (relative difference {difference:e})"
                );
                worst = worst.max(difference);
            }
            (None, None) => {}
            _ => panic!("{label}: index {index}: got {a:?}, expected {e:?} (warm-up differs)"),
        }
    }
    worst
}

/// The edge series and the real series every single-input fixture exists for.
pub const SINGLE_SERIES: [&str; 9] = [
    "ndx",
    "flat",
    "flat_then_trend",
    "increasing",
    "decreasing",
    "alternating",
    "spike",
    "tiny",
    "huge",
];

/// Periods the fixtures cover.
pub const PERIODS: [usize; 4] = [2, 14, 50, 200];

#[cfg(feature = "serde")]
pub mod adversarial;
pub mod batch;
pub mod contract;
pub mod strategies;
