//! The contract under adversarial inputs and serde fuzz for the momentum functions of closes
//! and candles (CMO, CMOU, DPO, ER, IMI, QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI), in
//! `f64` and `f32`, with the output bounds their docs promise.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{
    adversarial_candles, adversarial_candles_f32, adversarial_f32s, adversarial_f64s,
};
use proptest::prelude::*;
use ta_stream::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};
use ta_stream::Indicator;

fn between<T: Into<f64> + Copy>(low: f64, high: f64) -> impl Fn(&T) -> bool {
    move |x: &T| {
        let x: f64 = (*x).into();
        x.is_finite() && (low..=high).contains(&x)
    }
}

const MAX: f64 = 1e150;
const MIN: f64 = 1e-150;
const MAX_F32: f64 = 1e15;
const MIN_F32: f64 = 1e-15;

/// Declares the f64 and f32 contract tests and the serde fuzz of one indicator.
macro_rules! family {
    ($f64:ident, $f32:ident, $fuzz:ident, $make:expr, $make32:expr, $inputs:expr, $inputs32:expr,
     $check:expr, $check32:expr) => {
        adversarial_contract!($f64, $make, $inputs, $check);
        adversarial_contract!($f32, $make32, $inputs32, $check32);
        serde_fuzz!($fuzz, $make, $inputs, $check);
    };
}

// CMO, CMOU: −100..=100.
family!(
    cmo_f64,
    cmo_f32,
    cmo_serde_fuzz,
    || Cmo::<f64>::new(3).unwrap(),
    || Cmo::<f32>::new_generic(2).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(-100.0, 100.0),
    between(-100.0, 100.0)
);
family!(
    cmou_f64,
    cmou_f32,
    cmou_serde_fuzz,
    || Cmou::<f64>::new(3).unwrap(),
    || Cmou::<f32>::new_generic(2).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(-100.0, 100.0),
    between(-100.0, 100.0)
);
// DPO: a usable input minus a mean of usable inputs.
family!(
    dpo_f64,
    dpo_f32,
    dpo_serde_fuzz,
    || Dpo::<f64>::new(3).unwrap(),
    || Dpo::<f32>::new_generic(4).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(-2.0 * MAX * (1.0 + 1e-9), 2.0 * MAX * (1.0 + 1e-9)),
    between(-2.0 * MAX_F32 * (1.0 + 1e-6), 2.0 * MAX_F32 * (1.0 + 1e-6))
);
// ER: 0..=1.
family!(
    er_f64,
    er_f32,
    er_serde_fuzz,
    || EfficiencyRatio::<f64>::new(3).unwrap(),
    || EfficiencyRatio::<f32>::new_generic(2).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(0.0, 1.0),
    between(0.0, 1.0)
);
// IMI: 0..=100.
family!(
    imi_f64,
    imi_f32,
    imi_serde_fuzz,
    || Imi::<f64>::new(3).unwrap(),
    || Imi::<f32>::new_generic(2).unwrap(),
    adversarial_candles(),
    adversarial_candles_f32(),
    between(0.0, 100.0),
    between(0.0, 100.0)
);
// QSTICK: a mean of bodies, each at most 2·max.
family!(
    qstick_f64,
    qstick_f32,
    qstick_serde_fuzz,
    || Qstick::<f64>::new(3).unwrap(),
    || Qstick::<f32>::new_generic(1).unwrap(),
    adversarial_candles(),
    adversarial_candles_f32(),
    between(-2.0 * MAX * (1.0 + 1e-9), 2.0 * MAX * (1.0 + 1e-9)),
    between(-2.0 * MAX_F32 * (1.0 + 1e-6), 2.0 * MAX_F32 * (1.0 + 1e-6))
);
// BOP: −1..=1.
family!(
    bop_f64,
    bop_f32,
    bop_serde_fuzz,
    Bop::<f64>::new,
    Bop::<f32>::new_generic,
    adversarial_candles(),
    adversarial_candles_f32(),
    between(-1.0, 1.0),
    between(-1.0, 1.0)
);
// ROCR, ROCR100: a ratio of usable inputs, at most max/min (times 100).
family!(
    rocr_f64,
    rocr_f32,
    rocr_serde_fuzz,
    || Rocr::<f64>::new(2).unwrap(),
    || Rocr::<f32>::new_generic(1).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(-MAX / MIN * (1.0 + 1e-9), MAX / MIN * (1.0 + 1e-9)),
    between(
        -MAX_F32 / MIN_F32 * (1.0 + 1e-6),
        MAX_F32 / MIN_F32 * (1.0 + 1e-6)
    )
);
family!(
    rocr100_f64,
    rocr100_f32,
    rocr100_serde_fuzz,
    || Rocr100::<f64>::new(2).unwrap(),
    || Rocr100::<f32>::new_generic(1).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(
        -100.0 * MAX / MIN * (1.0 + 1e-9),
        100.0 * MAX / MIN * (1.0 + 1e-9)
    ),
    between(
        -100.0 * MAX_F32 / MIN_F32 * (1.0 + 1e-6),
        100.0 * MAX_F32 / MIN_F32 * (1.0 + 1e-6)
    )
);
// COPPOCK: a weighted mean of sums of two rates of change, each at most 100·(1 + max/min).
family!(
    coppock_f64,
    coppock_f32,
    coppock_serde_fuzz,
    || Coppock::<f64>::new(3, 1, 2).unwrap(),
    || Coppock::<f32>::new_generic(2, 2, 1).unwrap(),
    adversarial_f64s(),
    adversarial_f32s(),
    between(-2e302 * (1.0 + 1e-9), 2e302 * (1.0 + 1e-9)),
    between(-2e32 * (1.0 + 1e-6), 2e32 * (1.0 + 1e-6))
);
// WAD: from the inputs, a sum of at most 60 terms of at most 2·max each. A loaded state may
// claim up to 2⁶² candles and a total that many terms could make, so after loading the
// promise is the documented one: finite.
adversarial_contract!(
    wad_f64,
    Wad::<f64>::new,
    adversarial_candles(),
    between(-120.0 * MAX * (1.0 + 1e-9), 120.0 * MAX * (1.0 + 1e-9))
);
adversarial_contract!(
    wad_f32,
    Wad::<f32>::new_generic,
    adversarial_candles_f32(),
    between(
        -120.0 * MAX_F32 * (1.0 + 1e-6),
        120.0 * MAX_F32 * (1.0 + 1e-6)
    )
);
serde_fuzz!(
    wad_serde_fuzz,
    Wad::<f64>::new,
    adversarial_candles(),
    between(-f64::MAX, f64::MAX)
);
// MFI: 0..=100.
family!(
    mfi_f64,
    mfi_f32,
    mfi_serde_fuzz,
    || Mfi::<f64>::new(2).unwrap(),
    || Mfi::<f32>::new_generic(3).unwrap(),
    adversarial_candles(),
    adversarial_candles_f32(),
    between(0.0, 100.0),
    between(0.0, 100.0)
);

/// A COPPOCK with the longest WMA, fed rates of change near their bound, stays finite: the
/// WMA's weighted sums would overflow without the exact power-of-two scaling.
#[test]
fn coppock_stays_finite_with_the_longest_wma_at_the_largest_ratios() {
    let mut coppock = Coppock::<f64>::new(100_000, 1, 1).unwrap();
    let mut last = None;
    for i in 0..200_001 {
        last = coppock.update(if i % 2 == 0 { MIN } else { MAX });
    }
    let last = last.expect("warmed up");
    assert!(last.is_finite() && last > 1e301, "{last}");
    let mut coppock = Coppock::<f32>::new_generic(100_000, 1, 1).unwrap();
    let mut last = None;
    for i in 0..200_001 {
        last = coppock.update(if i % 2 == 0 { 1e-15_f32 } else { 1e15 });
    }
    let last = last.expect("warmed up");
    assert!(last.is_finite() && last > 1e31, "{last}");
}
