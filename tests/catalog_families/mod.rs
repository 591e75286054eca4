//! Typed references for the catalog test, one file per family: each gives the specs it
//! covers (`SPECS`) and, for each, the typed indicator run over the same inputs
//! (`reference`), built from the helpers at the top of `catalog.rs`.

mod directional;
mod math;
mod momentum_averaged;
mod momentum_close;
mod momentum_range;
mod pattern;
mod statistics;
mod volume;

use super::{DynInput, Row};

/// Every family's specs.
pub const SPECS: &[&[&str]] = &[
    directional::SPECS,
    math::SPECS,
    momentum_averaged::SPECS,
    momentum_close::SPECS,
    momentum_range::SPECS,
    pattern::SPECS,
    statistics::SPECS,
    volume::SPECS,
];

/// The typed reference of `spec` and its inputs, from the family that covers it.
pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    directional::reference(spec)
        .or_else(|| math::reference(spec))
        .or_else(|| momentum_averaged::reference(spec))
        .or_else(|| momentum_close::reference(spec))
        .or_else(|| momentum_range::reference(spec))
        .or_else(|| pattern::reference(spec))
        .or_else(|| statistics::reference(spec))
        .or_else(|| volume::reference(spec))
}
