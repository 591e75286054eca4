//! Momentum indicators of closes and candles (CMO, CMOU, DPO, ER, IMI, QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI).

use super::{
    int, period, typed, FunctionInfo, Group, InputKind, Price, HLC, OHLC, PERIOD_MAX, REAL,
};
use crate::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};

const OC: &[Price] = &[Price::Open, Price::Close];
const HLCV: &[Price] = &[Price::High, Price::Low, Price::Close, Price::Volume];

pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("BOP", MomentumIndicators, true, "Balance of power: (close − open) / (high − low), 0 when high = low", InputKind::Prices(OHLC),
        [], REAL, ["Bop"], |_| typed::<Bop>(Ok(Bop::new()))),
    entry!("CMO", MomentumIndicators, true, "Chande momentum oscillator, −100..=100, with gains and losses smoothed like RSI (as TA-Lib)", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of changes")], REAL, ["Cmo"], |s| typed::<Cmo>(Cmo::new(s.int(0)))),
    entry!("CMOU", MomentumIndicators, true, "Chande momentum oscillator, unsmoothed: 100 × (Σ gains − Σ losses) / (Σ gains + Σ losses)", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of changes")], REAL, ["Cmou"], |s| typed::<Cmou>(Cmou::new(s.int(0)))),
    entry!("COPPOCK", MomentumIndicators, true, "Coppock curve: WMA of ROC(roc1period) + ROC(roc2period)", InputKind::Real,
        [period("wmaperiod", 10.0, "WMA of the sum"), period("roc1period", 11.0, "first rate of change"),
         period("roc2period", 14.0, "second rate of change")],
        REAL, ["Coppock"], |s| typed::<Coppock>(Coppock::new(s.int(0), s.int(1), s.int(2)))),
    entry!("DPO", MomentumIndicators, true, "Detrended price oscillator: the close n/2 + 1 bars ago minus the current SMA (TA-Lib's alignment)", InputKind::Real,
        [int("timeperiod", 20.0, 2.0, PERIOD_MAX, "SMA period")], REAL, ["Dpo"], |s| typed::<Dpo>(Dpo::new(s.int(0)))),
    entry!("ER", MomentumIndicators, true, "Kaufman's efficiency ratio, 0..=1: net change over the sum of absolute changes", InputKind::Real,
        [int("timeperiod", 10.0, 2.0, PERIOD_MAX, "number of changes")], REAL, ["EfficiencyRatio"],
        |s| typed::<EfficiencyRatio>(EfficiencyRatio::new(s.int(0)))),
    entry!("IMI", MomentumIndicators, true, "Intraday momentum index, 0..=100: share of white bodies in all bodies (50 when all are dojis)", InputKind::Prices(OC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of candles")], REAL, ["Imi"], |s| typed::<Imi>(Imi::new(s.int(0)))),
    entry!("MFI", MomentumIndicators, true, "Money flow index, 0..=100: volume-weighted RSI of the typical price (0 when no money flowed)", InputKind::Prices(HLCV),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of candles")], REAL, ["Mfi"], |s| typed::<Mfi>(Mfi::new(s.int(0)))),
    entry!("QSTICK", MomentumIndicators, true, "Qstick: mean of close − open over the period", InputKind::Prices(OC),
        [period("timeperiod", 10.0, "number of candles")], REAL, ["Qstick"], |s| typed::<Qstick>(Qstick::new(s.int(0)))),
    entry!("ROCR", MomentumIndicators, true, "Rate of change as a ratio: x / x[n] (0 over a zero base)", InputKind::Real,
        [period("timeperiod", 10.0, "lag")], REAL, ["Rocr"], |s| typed::<Rocr>(Rocr::new(s.int(0)))),
    entry!("ROCR100", MomentumIndicators, true, "Rate of change as a ratio in percent: 100 × x / x[n] (0 over a zero base)", InputKind::Real,
        [period("timeperiod", 10.0, "lag")], REAL, ["Rocr100"], |s| typed::<Rocr100>(Rocr100::new(s.int(0)))),
    entry!("WAD", MomentumIndicators, true, "Williams accumulation/distribution: running total of the close against the true low (up) or true high (down)", InputKind::Prices(HLC),
        [], REAL, ["Wad"], |_| typed::<Wad>(Ok(Wad::new()))),
];
