//! Momentum indicators of closes and candles (CMO, CMOU, DPO, ER, IMI, QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI).

use super::FunctionInfo;

pub(super) static ENTRIES: &[FunctionInfo] = &[];
