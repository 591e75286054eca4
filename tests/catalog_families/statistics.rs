//! The catalog's typed references for this family.

use crate::{DynInput, Row};

pub const SPECS: &[&str] = &[];

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    // One arm per spec: `"NAME(..)" => Some((typed rows, inputs)),`.
    let _ = spec;
    None
}
