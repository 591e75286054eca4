//! Statistic functions: linear regression, time-series forecast, percentiles.

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
