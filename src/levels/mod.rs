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
//! // Highs [10,11,13,12,11,12,14,14,13,12,15], fractal N = 2.
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
//! | Level price | running mean of the clustered pivots | — |
//! | Clustering tolerance | 1 % of the level | a multiple of ATR ([`Tolerance::Atr`]) |
//! | Break of a level | on closes: 3 % beyond it, or 2 successive closes beyond it (Murphy) | any percent and/or number of closes |
//! | Floor pivots | Classic from the previous UTC day | Fibonacci, Camarilla, Woodie, DeMark; ISO week, month |
//!
//! Percentages are given as percent numbers throughout this module: `5.0` means 5 %.
//!
//! ## Accepted bars, ignored bars, and what an ignored bar returns
//!
//! A candle enters a levels indicator only when it is a **valid bar**: every number usable
//! (see [`Real`]: `0` or a magnitude in `1e-150..=1e150` for `f64`), `low <= open, close <=
//! high`, and a volume `>= 0`. Anything else (NaN, ±∞, a magnitude outside the range, a high
//! below the low, an open or close outside the bar, a negative volume) is **ignored** like
//! NaN: the state is unchanged, [`try_update`](crate::Indicator::try_update) returns
//! [`Error::InvalidInput`], and [`update`](crate::Indicator::update) and
//! [`peek`](crate::Indicator::peek) return the last output **without its events**, since an
//! event belongs to the bar that caused it:
//!
//! | Type | Returned for an ignored bar (after the warm-up) |
//! |---|---|
//! | [`SwingPivots`] | an empty [`SwingReading`] (no pivot confirmed) |
//! | [`ZigZag`] | `Some(None)` (no turn confirmed) |
//! | [`SupportResistance`] | the same nearest support and resistance, `event: None`, `events: 0` |
//! | [`ReactionLow`] | the last reaction low, unchanged: a level, not an event |
//! | [`FloorPivots`] | the current period's levels, unchanged: levels, not events |
//!
//! [`FloorPivots`] also ignores a bar of an earlier period than the current one (the stream
//! went back in time).
//!
//! ## Counters never overflow
//!
//! Bar indices and counters are `u64`. An indicator counts at most 2^62 bars (146 years at a
//! billion bars a second); a bar beyond that is refused like an unusable input, so every
//! index, age and count stays far from overflow, and loading a saved state refuses counters
//! that no stream of accepted bars can reach (a bar count above 2^62, an index at or past the
//! bar count, more touches than pivots). Accumulated quantities are checked against what
//! accumulation can reach, not against the input range: a [`FloorPivots`] period's volume is
//! a sum of volumes (it saturates at the largest finite float), a level's price is the mean
//! of its pivots.

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

use crate::bar::Candle;
use crate::{CheckedInput, Error, Real};

/// The most bars a levels indicator counts (2^62); further bars are refused.
pub(crate) const MAX_BARS: u64 = 1 << 62;

/// `true` when `candle` is a valid bar: usable numbers, `low <= open, close <= high`, and a
/// volume `>= 0`. Branch-free.
#[inline]
pub(crate) fn is_valid_bar<T: Real>(candle: &Candle<T>) -> bool {
    candle.is_usable()
        & (candle.low <= candle.open)
        & (candle.open <= candle.high)
        & (candle.low <= candle.close)
        & (candle.close <= candle.high)
        & (candle.volume >= T::zero())
}

/// `true` when `candle` is a valid bar and a counter at `bars` has room for it.
#[inline]
pub(crate) fn accepts<T: Real>(candle: &Candle<T>, bars: u64) -> bool {
    is_valid_bar(candle) & (bars < MAX_BARS)
}

/// Which side of the price a swing is on: a local top or a local bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
