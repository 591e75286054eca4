//! The contract under adversarial inputs and serde fuzz for the candlestick patterns, in
//! `f64` and `f32`: every output is a TA-Lib code (`±80`, `±100`, `±200` or none), every
//! state reached checkpoints, and no loaded state breaks it.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_candles, adversarial_candles_f32};
use proptest::prelude::*;
use ta_stream::pattern::*;
use ta_stream::Indicator;

/// A TA-Lib pattern code.
fn is_code(signal: &Option<Signal>) -> bool {
    [0, 80, -80, 100, -100, 200, -200].contains(&code(*signal))
}

/// Every pattern in the set with a code.
fn is_set(set: &PatternSet) -> bool {
    set.iter().all(|(_, signal)| is_code(&Some(signal)))
}

adversarial_contract!(doji_f64, Doji::<f64>::new, adversarial_candles(), is_code);
adversarial_contract!(
    doji_f32,
    Doji::<f32>::new,
    adversarial_candles_f32(),
    is_code
);
serde_fuzz!(
    doji_serde_fuzz,
    Doji::<f64>::new,
    adversarial_candles(),
    is_code
);

adversarial_contract!(
    engulfing_f64,
    Engulfing::<f64>::new,
    adversarial_candles(),
    is_code
);
adversarial_contract!(
    engulfing_f32,
    Engulfing::<f32>::new,
    adversarial_candles_f32(),
    is_code
);
serde_fuzz!(
    engulfing_serde_fuzz,
    Engulfing::<f64>::new,
    adversarial_candles(),
    is_code
);

adversarial_contract!(
    evening_star_f64,
    EveningStar::<f64>::new,
    adversarial_candles(),
    is_code
);
adversarial_contract!(
    evening_star_f32,
    EveningStar::<f32>::new,
    adversarial_candles_f32(),
    is_code
);
serde_fuzz!(
    evening_star_serde_fuzz,
    EveningStar::<f64>::new,
    adversarial_candles(),
    is_code
);

adversarial_contract!(
    hammer_f64,
    Hammer::<f64>::new,
    adversarial_candles(),
    is_code
);
adversarial_contract!(
    hammer_f32,
    Hammer::<f32>::new,
    adversarial_candles_f32(),
    is_code
);
serde_fuzz!(
    hammer_serde_fuzz,
    Hammer::<f64>::new,
    adversarial_candles(),
    is_code
);

// ---- patterns from CDLKICKING on ----

// ---- end of the patterns ----

adversarial_contract!(
    all_f64,
    CandlePatterns::<f64>::new,
    adversarial_candles(),
    is_set,
    cases = 48
);
adversarial_contract!(
    all_f32,
    CandlePatterns::<f32>::new,
    adversarial_candles_f32(),
    is_set,
    cases = 48
);
serde_fuzz!(
    all_serde_fuzz,
    CandlePatterns::<f64>::new,
    adversarial_candles(),
    is_set,
    cases = 48
);
