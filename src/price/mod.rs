//! Price transforms: one number (or one candle) from each candle, or a window's spread.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`AveragePrice`] | `AVGPRICE` | [`Candle`](crate::bar::Candle) | `(O + H + L + C) / 4` | 1 |
//! | [`MedianPrice`] | `MEDPRICE` | [`Candle`](crate::bar::Candle) | `(H + L) / 2` | 1 |
//! | [`TypicalPrice`] | `TYPPRICE` | [`Candle`](crate::bar::Candle) | `(H + L + C) / 3` | 1 |
//! | [`WeightedClose`] | `WCLPRICE` | [`Candle`](crate::bar::Candle) | `(H + L + 2C) / 4` | 1 |
//! | [`HeikinAshi`] | `HA` | [`Candle`](crate::bar::Candle) | Heikin-Ashi [`Candle`](crate::bar::Candle) | 1 |
//! | [`AverageDeviation`] | `AVGDEV` | price | mean absolute deviation, O(n) per update | `n` |
//!
//! # Inputs and bounds
//!
//! Nothing here refuses an input beyond the crate-wide usable range (`0` or
//! `1e-150..=1e150`, `1e-15..=1e15` for `f32`; see [`Real`](crate::Real)). The one-candle
//! transforms are means of the candle's prices, so they lie within them (up to the rounding
//! of a few additions) and are finite. A candle is not validated (high below low is
//! computed as given), but a candle with any unusable number, the volume included, is
//! ignored. [`HeikinAshi`] prices are means of the input prices too, and its candles are
//! always well-formed. [`AverageDeviation`] is at most half its window's range (`1e150`).

mod average_deviation;
mod bar_prices;
mod heikin_ashi;

pub use average_deviation::AverageDeviation;
pub use bar_prices::{AveragePrice, MedianPrice, TypicalPrice, WeightedClose};
pub use heikin_ashi::HeikinAshi;
