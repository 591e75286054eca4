//! Trend-following stops: Wilder's parabolic SAR ([`ParabolicSar`], TA-Lib `SAR` and
//! `SAREXT`) and [`SuperTrend`] (TA-Lib `SUPERTREND`).
//!
//! | Type | TA-Lib | Input | Output | Warm-up (bars) |
//! |---|---|---|---|---|
//! | [`ParabolicSar`] | `SAR`, `SAREXT` | [`Candle`](crate::bar::Candle) (high, low) | [`StopOutput`] | 2 |
//! | [`SuperTrend`] | `SUPERTREND` | [`Candle`](crate::bar::Candle) | [`StopOutput`] | `n + 1` (`n` TradingView) |
//!
//! Both give a [`StopOutput`]: the stop level, the [`Trend`] it protects, and whether the trend
//! flipped on this bar. A flip is an event: it belongs to the bar that caused it, so an
//! ignored input (a candle with a NaN, see [`Real`](crate::Real)) returns the last output with
//! `flipped: false`.
//!
//! # Inputs and bounds
//!
//! The stops are built from inputs (extreme points, highs, lows, `(high + low)/2`) moved
//! towards or away from them by bounded factors: a SAR stays within `(1 + offset)·1e150`
//! (`1e15` for `f32`; at most twice that since the offset is at most 1), a SuperTrend within `1e150 + k·2e150`. Nothing is refused beyond the
//! crate-wide usable range.

mod parabolic_sar;
mod super_trend;

pub use parabolic_sar::{ParabolicSar, SarSettings};
pub use super_trend::{SuperTrend, SuperTrendStyle};

/// The direction a stop protects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Trend {
    /// Long: the stop is below the price.
    Up,
    /// Short: the stop is above the price.
    Down,
}

impl Trend {
    /// `+1` for [`Up`](Trend::Up), `−1` for [`Down`](Trend::Down) (TA-Lib's `SUPERTREND`
    /// `trend` output).
    pub fn sign(self) -> i8 {
        match self {
            Self::Up => 1,
            Self::Down => -1,
        }
    }
}

/// A trailing stop on one bar.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StopOutput<T = f64> {
    /// The stop level for this bar.
    pub stop: T,
    /// The trend the stop protects after this bar.
    pub trend: Trend,
    /// `true` on the bar where the trend reversed (an event: never repeated, never on an
    /// ignored input).
    pub flipped: bool,
}

impl<T> StopOutput<T> {
    /// The same output without its event: what an ignored input returns.
    pub(crate) fn quiet(self) -> Self {
        Self {
            flipped: false,
            ..self
        }
    }
}
