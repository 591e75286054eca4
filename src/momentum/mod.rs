//! Momentum oscillators: [`Rsi`], [`Macd`], [`Roc`], [`Rocp`], [`Momentum`], the
//! stochastic oscillators [`Stochastic`] (slow) and [`FastStochastic`], and the oscillators
//! of window highs and lows (below).
//!
//! Of closes and candles: [`Cmo`], [`Cmou`], [`Dpo`], [`EfficiencyRatio`], [`Rocr`],
//! [`Rocr100`], [`Coppock`] (closes); [`Imi`], [`Qstick`], [`Bop`], [`Wad`], [`Mfi`]
//! (candles). Their bounds: CMO and CMOU in `−100..=100`, IMI and MFI in `0..=100`, ER in
//! `0..=1`, BOP in `−1..=1` (each a share of non-negative sums, exact at the ends since
//! rounding is monotonic); DPO and QSTICK at most `2·max_input`; ROCR and ROCR100 at most
//! `max_input/min_input` (times 100); COPPOCK a weighted mean of two of [`Roc`]'s values.
//! BOP, WAD and MFI accept only valid candles (and MFI non-negative prices); IMI and QSTICK
//! read the open and the close of any candle of usable numbers.
//!
//! # Inputs and bounds
//!
//! None of these refuses anything beyond the crate-wide usable range (`0` or
//! `1e-150..=1e150`, `1e-15..=1e15` for `f32`; see [`Real`](crate::Real)), which is what keeps
//! them finite:
//! - [`Rsi`]: `100·gain/(gain + loss)` with `gain ≤ gain + loss`, so in `0..=100` by
//!   construction (50, or 0 in TA-Lib mode, when both are exactly 0: TA-Lib also tests for
//!   exact zero, at every scale);
//! - [`Stochastic`], [`FastStochastic`]: %K and %D are clamped to `0..=100`, which absorbs
//!   rounding (a mean of values ≤ 100 can round above it) and reads a close outside the
//!   window's range as 0 or 100; a window is flat (%K 0) by TA-Lib's own relative test,
//!   `|HH − LL| ≤ 1e-14·(|HH| + |LL|)`, so the answer is TA-Lib's at every price scale;
//! - [`Momentum`]: `|x − base| ≤ 2·max_input`; [`Rocp`]: `|ROCP| ≤ 1 + max_input/min_input`
//!   (`1e300`; `1e30` for `f32`); [`Roc`]: 100 times that. A ratio of two usable inputs is
//!   finite by the definition of the range. A zero base gives 0, as in TA-Lib (an exact
//!   test, as TA-Lib's);
//! - [`Macd`]: differences of EMAs of inputs, at most `2·max_input`.
//!
//!
//! The oscillators of window highs and lows: [`Aroon`] and [`AroonOscillator`] (multiples of
//! `100/n`, in `0..=100` and `−100..=100`), [`Cci`] (within `±n/0.03`, O(n) per update like
//! TA-Lib), [`WilliamsR`] (`−100..=0`), [`UltimateOscillator`] (`0..=100`),
//! [`VerticalHorizontalFilter`] (`0..=1`), [`ElderRay`], [`AwesomeOscillator`] and
//! [`Accelerator`] (differences of means of usable prices) and [`Fractal`] (Williams
//! fractals with TA-Lib's strict rule, reported on the confirming bar). Each refuses a candle
//! with an unusable number; [`Cci`], [`AwesomeOscillator`] and [`Accelerator`] also one whose
//! typical or median price falls below the usable range, and [`Fractal`] any invalid bar.
//!
//! Loading a state refuses values no update could have stored: a lagged window or a
//! previous price outside the usable range, a lagged output beyond the bounds above, an
//! average of %K outside `0..=100`, averages larger than their inputs can make them.

mod accelerator;
mod apo;
mod aroon;
mod aroon_oscillator;
mod average_pair;
mod awesome;
mod bop;
mod cci;
mod cmo;
mod cmou;
mod coppock;
pub mod directional;
mod dpo;
pub(crate) mod efficiency_ratio;
mod elder_ray;
mod fractal;
mod imi;
mod kdj;
mod lagged;
mod ma_fast_stochastic;
mod ma_stochastic;
mod macd;
mod macd_ext;
mod macd_fix;
mod mfi;
#[allow(clippy::module_inception)]
mod momentum;
mod ppo;
mod qstick;
mod roc;
mod rocp;
mod rocr;
mod rocr100;
mod rsi;
mod smi;
mod stoch_rsi;
mod stochastic;
mod trix;
mod tsi;
mod ultosc;
mod up_down;
mod vhf;
mod wad;
mod willr;

pub use accelerator::Accelerator;
pub use apo::Apo;
pub use aroon::{Aroon, AroonOutput};
pub use aroon_oscillator::AroonOscillator;
pub use awesome::AwesomeOscillator;
pub use bop::Bop;
pub use cci::Cci;
pub use cmo::Cmo;
pub use cmou::Cmou;
pub use coppock::Coppock;
pub use directional::{
    Adx, Adxr, Directional, DirectionalOutput, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex,
    VortexOutput,
};
pub use dpo::Dpo;
pub use efficiency_ratio::EfficiencyRatio;
pub use elder_ray::{ElderRay, ElderRayOutput};
pub use fractal::Fractal;
pub use imi::Imi;
pub use kdj::{Kdj, KdjOutput};
pub use ma_fast_stochastic::MaFastStochastic;
pub use ma_stochastic::MaStochastic;
pub use macd::{Macd, MacdOutput};
pub use macd_ext::MacdExt;
pub use macd_fix::MacdFix;
pub use mfi::Mfi;
pub use momentum::Momentum;
pub use ppo::Ppo;
pub use qstick::Qstick;
pub use roc::Roc;
pub use rocp::Rocp;
pub use rocr::Rocr;
pub use rocr100::Rocr100;
pub use rsi::{FlatRsi, Rsi};
pub use smi::{Smi, SmiOutput};
pub use stoch_rsi::StochRsi;
pub use stochastic::{FastStochastic, Stochastic, StochasticOutput};
pub use trix::Trix;
pub use tsi::Tsi;
pub use ultosc::UltimateOscillator;
pub use vhf::VerticalHorizontalFilter;
pub use wad::Wad;
pub use willr::WilliamsR;

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
    let within = |v: T| v.is_finite() && v.abs() <= bound;
    if value.is_some_and(|v| !within(v)) || (value.is_some() && !window.is_full()) {
        return Err(crate::error::invalid_state(format!(
            "a lagged output exists with {} of {} values in the window, or exceeds what usable \
             inputs can give",
            window.len(),
            window.capacity()
        )));
    }
    Ok(())
}

/// A value computed inside an indicator, made fit for the next average of a chain: below
/// the smallest usable input (`1e-150` for `f64`) it is 0, which every average accepts (a
/// difference of at most that from the exact chain). Averages check their inputs, and
/// would otherwise ignore such a value and fall out of step.
#[inline]
pub(crate) fn flush_tiny<T: crate::Real>(x: T) -> T {
    if x.abs() < T::min_input() {
        T::zero()
    } else {
        x
    }
}
