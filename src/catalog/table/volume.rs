//! Volume indicators.

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
