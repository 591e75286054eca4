//! Sentiment: the put/call ratio of option volumes, read contrarily.
//!
//! | Type | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|
//! | [`PutCall`] | [`OptionVolume`] (puts and calls, or a ratio) | [`PutCallReading`]: ratio, smoothed ratio, z-score, percentile rank, [`Regime`], regime change | `max(smoothing, lookback)` |
//!
//! High put buying means fear, which is **bullish** at extremes; low put buying means
//! complacency, which is **bearish** (a contrarian reading). Cboe publishes three daily
//! series: *total* (equity + index), *equity-only* (retail, structurally lower, ~0.65 on
//! average over 2006–2019) and *index* (institutional hedging, structurally higher, ~1.2).
//! Their levels differ, so the default [`Thresholds`] are on the z-score, which removes the
//! level: the same ±1.5 / ±2.5 work for all three. Level thresholds from practitioner
//! folklore are available for the total and equity series ([`Thresholds::total_levels`],
//! [`Thresholds::equity_levels`]); there is no published convention for the index series.
//!
//! ## Refused inputs and bounds
//!
//! Volumes must be usable (`0` or `1e-150..=1e150` in magnitude for `f64`, `1e-15..=1e15`
//! for `f32`, see [`Real`](crate::Real)), not negative, with calls `> 0`, **and the ratio
//! `puts/calls` must itself be usable**: 1e150 puts on 1e-150 calls is a ratio of 1e300
//! whose square would overflow the variance of the lookback. A refused input is ignored by
//! `update` and `peek` (the last reading is returned without its regime change: an event
//! belongs to the bar that caused it) and rejected by `try_update` with
//! [`Error::InvalidInput`](crate::Error::InvalidInput), like a NaN. Every reading is finite,
//! with `|z| ≤ (L − 1)/√L` and a percentile in `0..=100`; values within rounding noise of
//! each other are ties, so rounding cannot create a regime (see [`PutCall`]).

mod put_call;

pub use put_call::{
    Contrarian, Normalize, OptionVolume, PutCall, PutCallReading, Regime, RegimeChange,
    ThresholdScale, Thresholds,
};
