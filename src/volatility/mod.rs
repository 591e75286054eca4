//! Volatility: how far prices spread and range.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Variance`] | `VAR` | price | price² | `n` |
//! | [`StdDev`] | `STDDEV` (`nbdev = 1`) | price | price | `n` |
//! | [`Bollinger`] | `BBANDS` (SMA) | price | [`Bands`] (upper, middle, lower, %B, bandwidth) | `n` |
//! | [`TrueRange`] | `TRANGE` | [`Candle`](crate::bar::Candle) | price | 2 |
//! | [`Atr`] | `ATR` | [`Candle`](crate::bar::Candle) | price | `n + 1` |
//! | [`Natr`] | `NATR` | [`Candle`](crate::bar::Candle) | percent | `n + 1` |
//!
//! Variance and standard deviation are population statistics (`ddof = 0`) by default, as in
//! TA-Lib and for Bollinger Bands; `sample` constructors give `ddof = 1`. They never compute
//! `E[x²] − E[x]²` on raw prices and do not drift (see [`Variance`]). For annualized
//! volatility of returns, see [`RealizedVolatility`](crate::risk::RealizedVolatility).

mod atr;
mod bollinger;
mod natr;
mod std_dev;
mod true_range;
mod variance;

pub use atr::Atr;
pub use bollinger::{Bands, Bollinger};
pub use natr::Natr;
pub use std_dev::StdDev;
pub use true_range::TrueRange;
pub use variance::Variance;
