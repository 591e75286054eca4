//! Moving averages: [`Sma`], [`Ema`], [`Wma`], Wilder's [`Rma`], [`Dema`], [`Tema`].
//!
//! All are generic over the float type (`f64` by default) and match TA-Lib's function of the
//! same name at every index, warm-up included, with the default [`Seed`].

mod dema;
mod ema;
mod rma;
mod sma;
pub(crate) mod smoother;
mod tema;
mod wma;

pub use dema::Dema;
pub use ema::Ema;
pub use rma::Rma;
pub use sma::Sma;
pub use smoother::Seed;
pub use tema::Tema;
pub use wma::Wma;
