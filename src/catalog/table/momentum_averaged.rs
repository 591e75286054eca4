//! Momentum indicators built on moving averages of any `matype` (APO, PPO, PVO, MACDEXT, MACDFIX, STOCHRSI, KDJ, TRIX, TSI, SMI).

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
