//! Momentum indicators of window highs and lows (AROON, AROONOSC, CCI, WILLR, ULTOSC, VHF, ERI, FRACTAL, AC, AO).

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
