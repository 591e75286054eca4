//! Levels: swing pivots, zig-zag, the previous reaction low, support and resistance levels
//! with their breaks, and floor-trader pivots.
//!
//! | Type | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|
//! | [`SwingPivots`] | candle | [`SwingReading`] (pivot high and/or low confirmed on this bar) | `left + right + 1` (5 for fractals) |
//! | [`ReactionLow`] | candle | `Option<`[`Swing`]`>`: the last confirmed swing low below the close | as its pivots |
//! | [`ZigZag`] | candle | `Option<`[`Swing`]`>`: the turning point confirmed on this bar | 1 |
//! | [`SupportResistance`] | candle | [`LevelsReading`] (nearest support and resistance, [`LevelEvent`]) | as its pivots (and ATR) |
//! | [`FloorPivots`] | [`Bar`](crate::bar::Bar) (timestamped) | [`PivotLevels`] of the previous day, week or month | 2 at the earliest (first bar of the second period) |
//!
//! ## Confirmed, never repainted
//!
//! A swing pivot needs `right` bars after it to be known, so it is **reported on the bar that
//! confirms it**, with [`Swing::bars_ago`] saying how far back it lies. No output ever depends
//! on a bar that comes after it: feeding a different future never changes a past output
//! (proven by property tests). The only value that changes with later bars is the zig-zag's
//! forming leg, [`ZigZag::forming`], documented as repainting.
//!
//! ## Events are typed, and "no event" is a value
//!
//! As for the [signals](crate::signal), the outer `Option` of
//! [`update`](crate::Indicator::update) is `None` only while warming up; a bar without a pivot
//! is `Some(..)` holding an empty reading (`Some(None)` for the `Option` outputs).
//!
//! ```
//! use ta_stream::bar::Candle;
//! use ta_stream::levels::SwingPivots;
//! use ta_stream::Indicator;
//!
//! // SPEC.md §5: highs [10,11,13,12,11,12,14,14,13,12,15], fractal N = 2.
//! let highs = [10.0, 11.0, 13.0, 12.0, 11.0, 12.0, 14.0, 14.0, 13.0, 12.0, 15.0];
//! let mut pivots = SwingPivots::default();
//! let mut found = Vec::new();
//! for (t, &high) in highs.iter().enumerate() {
//!     let candle = Candle::new(high - 1.0, high, high - 2.0, high - 1.0, 0.0)?;
//!     if let Some(pivot) = pivots.update(candle).and_then(|r| r.high) {
//!         found.push((t, pivot.index, pivot.price));
//!     }
//! }
//! // Pivot at k = 2 confirmed at t = 4; at k = 6 (the first of two equal highs) at t = 8.
//! assert_eq!(found, [(4, 2, 13.0), (8, 6, 14.0)]);
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ## Conventions
//!
//! | Question | Default | Alternative |
//! |---|---|---|
//! | Swing pivot ties | TradingView `ta.pivothigh`: strictly above the earlier bars, `>=` the later ones (a flat top's first bar wins) | — |
//! | Fractal size | 2 bars each side (Bill Williams) | any `left`, `right` |
//! | Zig-zag threshold | 5 % on highs and lows | any percent; closes ([`ZigZagSource::Close`]) |
//! | Level price | running mean of the clustered pivots (SPEC.md §5) | — |
//! | Clustering tolerance | 1 % of the level | a multiple of ATR ([`Tolerance::Atr`]) |
//! | Break of a level | on closes: 3 % beyond it, or 2 successive closes beyond it (Murphy) | any percent and/or number of closes |
//! | Floor pivots | Classic from the previous UTC day | Fibonacci, Camarilla, Woodie, DeMark; ISO week, month |
//!
//! Percentages are given as percent numbers throughout this module: `5.0` means 5 %.

mod floor_pivots;
mod reaction_low;
mod support_resistance;
mod swing_pivots;
mod zig_zag;

use core::fmt;

pub use floor_pivots::{FloorPivots, PivotKind, PivotLevels, PivotPeriod};
pub use reaction_low::ReactionLow;
pub use support_resistance::{
    cluster_prices, Cluster, Level, LevelEvent, LevelsConfig, LevelsReading, Role,
    SupportResistance, Tolerance,
};
pub use swing_pivots::{SwingPivots, SwingReading};
pub use zig_zag::{ZigZag, ZigZagSource};

use crate::{Error, Real};

/// Which side of the price a swing is on: a local top or a local bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SwingKind {
    /// A swing high (pivot high, peak): measured on highs.
    High,
    /// A swing low (pivot low, trough): measured on lows.
    Low,
}

impl fmt::Display for SwingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::High => "swing high",
            Self::Low => "swing low",
        })
    }
}

/// A confirmed swing point: a pivot of [`SwingPivots`], a turning point of [`ZigZag`], the
/// reaction low of [`ReactionLow`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Swing<T = f64> {
    /// High or low.
    pub kind: SwingKind,
    /// The high (for a swing high) or the low (for a swing low) of the bar it occurred on.
    pub price: T,
    /// Index of the bar it occurred on: 0 for the first usable bar the indicator was fed
    /// (unusable inputs are not counted).
    pub index: u64,
    /// How many bars before the bar of this output it occurred (0 = this bar).
    pub bars_ago: u64,
}

/// Checks a percent parameter: finite and within `(0, max)`.
pub(crate) fn check_percent<T: Real>(
    name: &'static str,
    value: T,
    max: f64,
    expected: &'static str,
) -> Result<T, Error> {
    if value.is_usable() && value > T::zero() && value < crate::float::lit(max) {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{value:?}"),
            expected,
        })
    }
}

/// Writes a percent parameter as a chart labels it: `5%`, `1.5%`.
pub(crate) fn fmt_percent<T: Real>(f: &mut fmt::Formatter<'_>, value: T) -> fmt::Result {
    match value.to_i64() {
        Some(whole) if value.fract() == T::zero() => write!(f, "{whole}%"),
        _ => write!(f, "{value:?}%"),
    }
}
