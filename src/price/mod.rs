//! Price transforms: one number (or one candle) from each candle, or a window's spread.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`AveragePrice`] | `AVGPRICE` | [`Candle`](crate::bar::Candle) | `(O + H + L + C) / 4` | 1 |
//! | [`MedianPrice`] | `MEDPRICE` | [`Candle`](crate::bar::Candle) | `(H + L) / 2` | 1 |
//! | [`TypicalPrice`] | `TYPPRICE` | [`Candle`](crate::bar::Candle) | `(H + L + C) / 3` | 1 |
//! | [`WeightedClose`] | `WCLPRICE` | [`Candle`](crate::bar::Candle) | `(H + L + 2C) / 4` | 1 |
//!
//! # Inputs and bounds
//!
//! Nothing here refuses an input beyond the crate-wide usable range (`0` or
//! `1e-150..=1e150`, `1e-15..=1e15` for `f32`; see [`Real`](crate::Real)). The one-candle
//! transforms are means of the candle's prices, so they lie within them (up to the rounding
//! of a few additions) and are finite. A candle is not validated (high below low is
//! computed as given), but a candle with any unusable number, the volume included, is
//! ignored.

mod bar_prices;

pub use bar_prices::{AveragePrice, MedianPrice, TypicalPrice, WeightedClose};
