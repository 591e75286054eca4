//! Signals: typed events and positions derived from prices and indicators.
//!
//! | Type | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|
//! | [`Crossover`] | pair `(a, b)` | `Option<`[`Cross`]`>` | 2 |
//! | [`CrossLevel`] | value | `Option<`[`Cross`]`>` | 2 |
//! | [`MaCross`] | price | `Option<`[`MaCrossEvent`]`>` (golden / death cross) | slow average's + 1 |
//! | [`Zones`] | oscillator value | [`ZoneReading`] (zone and entry/exit events) | 1 |
//! | [`MaPosition`] | price | [`MaPositionReading`] (price against up to 8 averages) | shortest average's |
//!
//! ## Events are typed, and "no event" is a value
//!
//! [`Indicator::update`](crate::Indicator::update) returns `None` only while an indicator
//! warms up. An event detector therefore outputs an `Option` of its event enum: after the
//! warm-up, a bar without an event is `Some(None)` and a cross above is
//! `Some(Some(Cross::Above))`. Call [`Option::flatten`] on the result when warm-up and quiet
//! bars mean the same to you:
//!
//! ```
//! use ta_stream::signal::{Cross, Crossover};
//! use ta_stream::Indicator;
//!
//! let mut cross = Crossover::new();
//! let fast = [1.0, 2.0, 4.0];
//! let slow = [3.0, 3.0, 3.0];
//! let events: Vec<Option<Cross>> = fast
//!     .iter()
//!     .zip(&slow)
//!     .map(|(&a, &b)| cross.update((a, b)).flatten())
//!     .collect();
//! assert_eq!(events, [None, None, Some(Cross::Above)]);
//! ```
//!
//! ## Conventions
//!
//! | Question | Default | Alternative |
//! |---|---|---|
//! | Previous bar tied, current bar apart | a cross ([`CrossRule::TradingView`]) | no cross ([`CrossRule::Strict`], backtesting.py) |
//! | Current bar tied | never a cross | — |
//! | Value exactly on an overbought / oversold level | inside the zone (`>= 70`, `<= 30`) | — |
//! | Golden cross | SMA 50 crosses above SMA 200 | any periods, EMAs, or any pair of averages |
//! | Key moving averages | SMA 20, 50, 200 | up to 8 SMAs and EMAs |
//!
//! ## Ignored inputs never repeat an event
//!
//! Unusable inputs (NaN, ±∞, magnitudes outside the usable range of [`crate::Real`]) never
//! enter a state and never produce a signal: the next usable bar is compared with the last
//! usable one. For an ignored input, [`update`](crate::Indicator::update) and
//! [`peek`](crate::Indicator::peek) return the last output **without its events** (an event
//! belongs to the bar that caused it, so a bot acting on events never acts twice on one bad
//! tick); [`value`](crate::Indicator::value) still reports the last bar's output with its
//! events:
//!
//! | Type | Returned for an ignored input (after the warm-up) |
//! |---|---|
//! | [`Crossover`], [`CrossLevel`], [`MaCross`] | `Some(None)`: no cross |
//! | [`Zones`] | the same zone, no entry or exit ([`ZoneReading::without_events`]) |
//! | [`MaPosition`] | the last reading, unchanged: positions, not events |

use core::fmt;

use crate::{Error, Real};

mod cross;
mod ma_cross;
mod ma_position;
mod zones;

pub use cross::{Cross, CrossLevel, CrossRule, Crossover, Relation};
pub use ma_cross::{MaCross, MaCrossEvent};
pub use ma_position::{KeyAverage, MaKind, MaPosition, MaPositionReading, MAX_AVERAGES};
pub use zones::{Zone, ZoneEvent, ZoneReading, Zones};

/// What `update` and `peek` return for an ignored input when the output is an optional
/// event: the last output without its event (`Some(None)` after the warm-up).
#[inline]
pub(crate) fn quiet<E>(value: Option<Option<E>>) -> Option<Option<E>> {
    value.map(|_| None)
}

/// Checks that a level parameter is a usable number.
pub(crate) fn check_level<T: Real>(name: &'static str, level: T) -> Result<T, Error> {
    if level.is_usable() {
        Ok(level)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{level:?}"),
            expected: "0 or a magnitude in the usable input range (1e-150..=1e150 for f64)",
        })
    }
}

/// Writes a level the way a chart labels it: `70`, not `70.0`; `0.5` as is.
pub(crate) fn fmt_level<T: Real>(f: &mut fmt::Formatter<'_>, level: T) -> fmt::Result {
    match level.to_i64() {
        Some(whole) if level.fract() == T::zero() && whole.unsigned_abs() < (1 << 53) => {
            write!(f, "{whole}")
        }
        _ => write!(f, "{level:?}"),
    }
}

/// Appends `[strict]` to a label when the strict rule is in use.
pub(crate) fn fmt_rule(f: &mut fmt::Formatter<'_>, rule: CrossRule) -> fmt::Result {
    match rule {
        CrossRule::TradingView => Ok(()),
        CrossRule::Strict => f.write_str("[strict]"),
    }
}
