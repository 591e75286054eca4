//! The directional movement family (ADX, DX, ±DI, ±DM, ADXR) and the vortex indicator.

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
