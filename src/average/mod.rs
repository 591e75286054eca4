//! Moving averages: [`Sma`], [`Ema`], [`Wma`], Wilder's [`Rma`], [`Dema`], [`Tema`],
//! triangular [`Trima`], Kaufman's adaptive [`Kama`], Tillson's [`T3`], Hull's [`Hma`],
//! zero-lag [`Zlema`], volume-weighted [`Vwma`], variable-period [`Mavp`], [`Identity`]
//! (TA-Lib's "no average", `matype` 10), and the two built on Ehlers' Hilbert transform (see
//! [`cycle`](crate::cycle)): the MESA adaptive [`Mama`] and the instantaneous trendline
//! [`HtTrendline`].
//!
//! All are generic over the float type (`f64` by default) and match TA-Lib's function of the
//! same name at every index, warm-up included, with the default [`Seed`].
//!
//! # Inputs and bounds
//!
//! No average refuses anything beyond the crate-wide usable range (`0` or
//! `1e-150..=1e150`, `1e-15..=1e15` for `f32`; see [`Real`](crate::Real)): every one is a
//! weighted mean of its inputs, so its output lies within them, up to rounding, and is
//! finite. DEMA (`2·e1 − e2`) and TEMA (`3·e1 − 3·e2 + e3`) extrapolate, by at most 3 and 7
//! times the largest input. Values computed inside a chain (the EMA of an EMA) are smoothed
//! even when they decay below `1e-150`: only the caller's inputs are checked.
//!
//! # Loading a state
//!
//! A window average ([`Sma`], [`Wma`]) keeps its window's older values only as the suffix
//! sums (plain or weighted) they were replaced by when their block completed: those are
//! checked against the most their `m` usable values could sum to, the newer values must be
//! usable, and the running sums of the newer values are recomputed with exactly the
//! operations the updates performed. So a saved state loads back bit for bit, and an edited
//! one loads as the state its stored values produce, or is refused if its stored window sum
//! is far off them. An exponential average
//! refuses a state larger than its inputs can make it (`max_input`, or `count` times it
//! during the seed), so that every later update stays finite.

mod dema;
mod ema;
mod hma;
pub(crate) mod ht_trendline;
mod identity;
mod kama;
mod mama;
mod mavp;
mod rma;
mod sma;
pub(crate) mod smoother;
mod t3;
mod tema;
mod trima;
mod vwma;
pub(crate) mod wma;
mod zlema;

pub use dema::Dema;
pub use ema::Ema;
pub use hma::Hma;
pub use ht_trendline::HtTrendline;
pub use identity::Identity;
pub use kama::Kama;
pub use mama::{Mama, MamaOutput};
pub use mavp::Mavp;
pub use rma::Rma;
pub use sma::Sma;
pub use smoother::Seed;
pub use t3::T3;
pub use tema::Tema;
pub use trima::Trima;
pub use vwma::Vwma;
pub use wma::Wma;
pub use zlema::Zlema;
