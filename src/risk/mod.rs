//! Risk: what a price path did to an investor.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Drawdown`] | – | positive price | [`DrawdownOutput`] (drawdown, max drawdown, duration, peak) | 1 |
//! | [`RealizedVolatility`] | – (`STDDEV` of returns is the population version) | positive price | annualized volatility | `L + 1` |
//!
//! Both take ratios of prices: a price `≤ 0` is ignored by `update` and rejected by
//! `try_update`, like a NaN. A drawdown is a ratio `≤ 1` of two usable prices, so it lies in
//! `−1..=0`. [`RealizedVolatility`] with simple returns also refuses a price more than
//! `max_input` (`1e150`; `1e15` for `f32`) times the previous one, whose return would be too
//! large to square; log returns of usable prices are at most 691 in magnitude and need no
//! such limit. Its periods per year are at most one per second of a leap year (31622400),
//! so the annualized output is finite.

mod drawdown;
mod realized_volatility;

pub use drawdown::{Drawdown, DrawdownOutput};
pub use realized_volatility::{RealizedVolatility, Returns};
