//! Candlestick patterns (TA-Lib's CDL functions).

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
