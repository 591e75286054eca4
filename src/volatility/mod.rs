//! Volatility: how far prices spread and range.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Variance`] | `VAR` | price | price² | `n` |
//! | [`StdDev`] | `STDDEV` (`nbdev = 1`) | price | price | `n` |
//! | [`Bollinger`] | `BBANDS` (SMA) | price | [`Bands`] (upper, middle, lower, %B, bandwidth) | `n` |
//! | [`MaBands`] | `BBANDS` (any `matype`) | price | [`BandLines`] (upper, middle, lower) | `max(n, warm-up of the average)` |
//! | [`TrueRange`] | `TRANGE` | [`Candle`](crate::bar::Candle) | price | 2 |
//! | [`Atr`] | `ATR` | [`Candle`](crate::bar::Candle) | price | `n + 1` |
//! | [`Natr`] | `NATR` | [`Candle`](crate::bar::Candle) | percent | `n + 1` |
//! | [`Donchian`] | `DONCHIAN` | [`Candle`](crate::bar::Candle) | [`Bands`] | `n` |
//! | [`AccelerationBands`] | `ACCBANDS` | [`Candle`](crate::bar::Candle) | [`Bands`] | `n` |
//! | [`Keltner`] | `KC` | [`Candle`](crate::bar::Candle) | [`Bands`] | `max(n, m + 1)` |
//! | [`AverageDayRange`] | `ADR` | [`Candle`](crate::bar::Candle) | price | `n` |
//! | [`ChaikinVolatility`] | `CVI` | [`Candle`](crate::bar::Candle) | percent, `≥ −100` | `n + r` |
//! | [`MassIndex`] | `MASSI` | [`Candle`](crate::bar::Candle) | `0..=slow·fast` | `2·fast + slow − 2` |
//! | [`RelativeVolatility`] | `RVI` | price | `0..=100` | `n + m − 1` |
//!
//! Variance and standard deviation are population statistics (`ddof = 0`) by default, as in
//! TA-Lib and for Bollinger Bands; `sample` constructors give `ddof = 1`. They never compute
//! `E[x²] − E[x]²` on raw prices and do not drift (see [`Variance`]). For annualized
//! volatility of returns, see [`RealizedVolatility`](crate::risk::RealizedVolatility).
//!
//! # Inputs and bounds
//!
//! Nothing here refuses an input beyond the crate-wide usable range (`0` or
//! `1e-150..=1e150`, `1e-15..=1e15` for `f32`; see [`Real`](crate::Real)), chosen so that
//! these computations stay finite without scaling:
//! - a deviation is at most `2e150`, its square `4e300`, a sum of 100000 of them `4e305`:
//!   [`Variance`] is at most `n/(n − ddof)·1e300` (`1e30` for `f32`), [`StdDev`] its root;
//! - [`Bollinger`] bands stay below `1e154` for its multipliers `0.001..=1000` (a larger or
//!   smaller `k` is an invalid parameter), `%B` is clamped to its mathematical range
//!   `0.5 ± sqrt(n − 1)/(2k)`, and the bandwidth is 0 for a zero middle band and saturates
//!   at `±T::MAX` for a tiny one;
//! - [`TrueRange`] and [`Atr`] are at most `2e150`; [`Natr`] at most `100·2e150/1e-150`
//!   (`2e302`; `2e32` for `f32`), 0 for a zero close as in TA-Lib (an exact test, as TA-Lib's).
//!
//! - [`Donchian`] lines are inputs; [`AccelerationBands`] refuses a bar whose widened high or
//!   narrowed low leaves the usable range (see its docs); [`Keltner`] lines stay within
//!   `1001·2e150`. Their `%B` and bandwidth saturate at `±T::MAX`.
//! - [`AverageDayRange`], [`ChaikinVolatility`] and [`MassIndex`] read `high − low` and refuse
//!   a candle whose high is below its low (it has no range) like an unusable input; the ADR
//!   is then at most `2e150`, a CVI at least −100 (it saturates at `T::MAX` when an average
//!   decayed towards 0 meets a wide range), each mass-index ratio within `0..=fast`;
//!   [`RelativeVolatility`] is in `0..=100`.
//!
//! A spread below the rounding of the values themselves (values a few ulps apart) reads 0.
//! Loading a state recomputes every moment from the window (see [`Variance`]) and refuses
//! a window value outside the usable range.

mod acceleration_bands;
mod adr;
mod atr;
mod bollinger;
mod channel;
mod cvi;
mod donchian;
mod keltner;
mod ma_bands;
mod mass_index;
mod natr;
mod rvi;
mod std_dev;
mod true_range;
mod variance;

pub use acceleration_bands::AccelerationBands;
pub use adr::AverageDayRange;
pub use atr::Atr;
pub use bollinger::{Bands, Bollinger};
pub use cvi::ChaikinVolatility;
pub use donchian::Donchian;
pub use keltner::{Keltner, KeltnerSource};
pub use ma_bands::{BandLines, MaBands};
pub use mass_index::MassIndex;
pub use natr::Natr;
pub use rvi::RelativeVolatility;
pub use std_dev::StdDev;
pub use true_range::TrueRange;
pub use variance::Variance;
