//! Momentum oscillators: [`Rsi`], [`Macd`], [`Roc`], [`Rocp`], [`Momentum`], and the
//! stochastic oscillators [`Stochastic`] (slow) and [`FastStochastic`].

mod lagged;
mod macd;
#[allow(clippy::module_inception)]
mod momentum;
mod roc;
mod rocp;
mod rsi;
mod stochastic;

pub use macd::{Macd, MacdOutput};
pub use momentum::Momentum;
pub use roc::Roc;
pub use rocp::Rocp;
pub use rsi::{FlatRsi, Rsi};
pub use stochastic::{FastStochastic, Stochastic, StochasticOutput};

#[cfg(feature = "serde")]
use crate::Error;

/// Checks the saved state of a lagged indicator ([`Roc`], [`Rocp`], [`Momentum`]): every
/// value in the window usable, and an output only once the window is full.
#[cfg(feature = "serde")]
pub(crate) fn check_lag_state<T: crate::Real>(
    window: &crate::window::RingBuffer<T>,
    value: Option<T>,
    bound: T,
) -> Result<(), Error> {
    if !window.iter().all(|x| x.is_usable()) {
        return Err(crate::error::invalid_state(
            "a lagged window holds a non-finite or oversized value",
        ));
    }
    if value.is_some_and(|v| !(v.abs() <= bound)) || (value.is_some() && !window.is_full()) {
        return Err(crate::error::invalid_state(format!(
            "a lagged output exists with {} of {} values in the window, or exceeds what usable \
             inputs can give",
            window.len(),
            window.capacity()
        )));
    }
    Ok(())
}
