//! Math operators and element-wise math transforms.

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
