//! Momentum oscillators: [`Rsi`].

mod rsi;

pub use rsi::{FlatRsi, Rsi};
