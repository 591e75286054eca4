//! Risk: what a price path did to an investor.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Drawdown`] | – | positive price | [`DrawdownOutput`] (drawdown, max drawdown, duration, peak) | 1 |
//! | [`RealizedVolatility`] | – (`STDDEV` of returns is the population version) | positive price | annualized volatility | `L + 1` |
//!
//! Both take ratios of prices: a price `≤ 0` is ignored by `update` and rejected by
//! `try_update`, like a NaN.

mod drawdown;
mod realized_volatility;

pub use drawdown::{Drawdown, DrawdownOutput};
pub use realized_volatility::{RealizedVolatility, Returns};
