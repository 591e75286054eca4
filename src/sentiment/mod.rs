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

mod put_call;

pub use put_call::{
    Contrarian, Normalize, OptionVolume, PutCall, PutCallReading, Regime, RegimeChange,
    ThresholdScale, Thresholds,
};
