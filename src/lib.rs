//! # ta-stream
//!
//! Streaming technical-analysis indicators for Rust: every indicator is a small state machine
//! that takes one input and returns the current output in O(1), matches TA-Lib at every index,
//! and can be saved mid-stream (serde) and resumed exactly where it stopped.
//!
//! ```
//! use ta_stream::prelude::*;
//!
//! let closes = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08];
//! let mut sma = Sma::new(5)?;
//! let mut rsi = Rsi::new(5)?;
//! for &close in &closes {
//!     sma.update(close);
//!     rsi.update(close);
//! }
//! let (Some(mean), Some(strength)) = (sma.value(), rsi.value()) else { unreachable!() };
//! assert!(closes[9] > mean && strength > 70.0); // above its average, overbought
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ## The common trait
//!
//! Every indicator implements [`Indicator`]: [`update`](Indicator::update) commits an input,
//! [`peek`](Indicator::peek) previews a forming bar, [`value`](Indicator::value),
//! [`reset`](Indicator::reset), [`warmup_period`](Indicator::warmup_period),
//! [`batch`](Indicator::batch) over a slice (the same loop, bit-identical) and an iterator
//! adapter ([`IndicatorIterExt::indicator`]). NaN, infinities and absurd magnitudes never
//! enter the state: see the trait's documentation for the policy.
//!
//! ## Indicators
//!
//! `n` is the period; a [`Candle`](bar::Candle) is one bar's open, high, low, close, volume.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Sma`](average::Sma) | `SMA` | price | price | `n` |
//! | [`Ema`](average::Ema) | `EMA` | price | price | `n` (1 with [`Seed::FirstValue`](average::Seed)) |
//! | [`Wma`](average::Wma) | `WMA` | price | price | `n` |
//! | [`Rma`](average::Rma) | (RSI/ATR smoothing) | price | price | `n` |
//! | [`Dema`](average::Dema) | `DEMA` | price | price | `2n − 1` |
//! | [`Tema`](average::Tema) | `TEMA` | price | price | `3n − 2` |
//! | [`Rsi`](momentum::Rsi) | `RSI` | price | 0..=100 | `n + 1` |
//! | [`Macd`](momentum::Macd) | `MACD` | price | [`MacdOutput`](momentum::MacdOutput) | `slow + signal − 1` (34) |
//! | [`Roc`](momentum::Roc), [`Rocp`](momentum::Rocp), [`Momentum`](momentum::Momentum) | `ROC`, `ROCP`, `MOM` | price | number | `n + 1` |
//! | [`Stochastic`](momentum::Stochastic) | `STOCH` | candle | [`StochasticOutput`](momentum::StochasticOutput) | `k + slow_k + slow_d − 2` (18) |
//! | [`FastStochastic`](momentum::FastStochastic) | `STOCHF` | candle | [`StochasticOutput`](momentum::StochasticOutput) | `k + d − 1` (16) |
//! | [`RollingMax`](statistics::RollingMax), [`RollingMin`](statistics::RollingMin) | `MAX`, `MIN` | price | price | `n` |
//! | [`Variance`](volatility::Variance), [`StdDev`](volatility::StdDev) | `VAR`, `STDDEV` | price | number | `n` |
//! | [`Bollinger`](volatility::Bollinger) | `BBANDS` | price | [`Bands`](volatility::Bands) (with %B, bandwidth) | `n` |
//! | [`TrueRange`](volatility::TrueRange) | `TRANGE` | candle | number | 2 |
//! | [`Atr`](volatility::Atr), [`Natr`](volatility::Natr) | `ATR`, `NATR` | candle | number | `n + 1` |
//! | [`Drawdown`](risk::Drawdown) | — | price | [`DrawdownOutput`](risk::DrawdownOutput) | 1 |
//! | [`RealizedVolatility`](risk::RealizedVolatility) | — | price | annualised σ | `n + 1` |
//! | [`Crossover`](signal::Crossover), [`CrossLevel`](signal::CrossLevel) | — | pair / price | `Option<`[`Cross`](signal::Cross)`>` | 2 |
//! | [`MaCross`](signal::MaCross) | — | price | `Option<`[`MaCrossEvent`](signal::MaCrossEvent)`>` (golden/death) | slow + 1 |
//! | [`Zones`](signal::Zones) | — | oscillator value | [`ZoneReading`](signal::ZoneReading) | 1 |
//! | [`MaPosition`](signal::MaPosition) | — | price | [`MaPositionReading`](signal::MaPositionReading) | 1 (`above_all` once all are ready) |
//! | [`SwingPivots`](levels::SwingPivots) | — | candle | [`SwingReading`](levels::SwingReading) (pivots confirmed `N` bars later) | `2N + 1` |
//! | [`ZigZag`](levels::ZigZag) | — | candle | confirmed turn | 1 |
//! | [`SupportResistance`](levels::SupportResistance) | — | candle | nearest support/resistance, touch/break/retest events | pivots' |
//! | [`ReactionLow`](levels::ReactionLow) | — | candle | last confirmed swing low below the close | pivots' |
//! | [`FloorPivots`](levels::FloorPivots) | — | timestamped bar | [`PivotLevels`](levels::PivotLevels) of the previous day/week/month | one period |
//! | [`RatioLine`](relative::RatioLine), [`PerformanceSpread`](relative::PerformanceSpread) | — | (asset, benchmark) | ratio and change; spread in pp | 1 or `n + 1` |
//! | [`Mansfield`](relative::Mansfield) | — | (asset, benchmark) | Mansfield RS | `n` |
//! | [`Beta`](relative::Beta), [`Correlation`](relative::Correlation) | `BETA`, `CORREL` (`talib` modes) | (asset, benchmark) | number | `n + 1` (`n` for CORREL) |
//! | [`Leadership`](relative::Leadership) | — | (asset, benchmark) | rotation events | MA + 1 |
//! | [`PutCall`](sentiment::PutCall) | — | option volumes | smoothed ratio, z-score, percentile, regime, contrarian events | lookback |
//! | [`IndexCalculator`](index::IndexCalculator) | — | constituent price | index level and drifted weights | 0 |
//!
//! Cross-sectional tools that are not streams: [`relative::percentile_ranks`] (RS rating
//! 1..99) and the capped-weighting methods in [`index`] ([`index::nasdaq100`],
//! [`index::select_sector`], [`index::ucits`], the [`index::capping`] engine) with their
//! audit reports.
//!
//! ## Conventions where sources disagree
//!
//! | Question | Default | Alternatives |
//! |---|---|---|
//! | EMA seed | mean of the first `n` inputs (TA-Lib) | [`Seed::FirstValue`](average::Seed) (pandas `adjust=False`) |
//! | RSI smoothing | Wilder's `α = 1/n`, SMA-seeded (TA-Lib) | none: EMA-based "RSI" is a different indicator |
//! | RSI of a flat series (`0/0`) | 50 ([`FlatRsi::Neutral`](momentum::FlatRsi)) | 0, TA-Lib's ([`FlatRsi::TaLib`](momentum::FlatRsi)) |
//! | NaN / ±∞ / \|x\| > 1.3e154 input | ignored by `update` (returns the last value) | rejected by `try_update` |
//! | Cross rule | TradingView: `a_t > b_t && a_{t−1} <= b_{t−1}`; a tie now is never a cross | [`CrossRule::Strict`](signal::CrossRule) (backtesting.py) |
//! | Bollinger deviation | population (TA-Lib) | [`Variance::sample`](volatility::Variance::sample) for `ddof = 1` |
//! | Stochastic `%K` when high = low | 0 (TA-Lib) | |
//! | ROC / ROCP with a zero base | 0 (TA-Lib) | |
//! | Realised volatility | sample σ of log returns × √252 | simple returns, other periods per year |
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every indicator. Deserialization
//!   validates the state and refuses an inconsistent one with [`Error::InvalidState`] (or
//!   [`Error::InvalidParameter`] for a period out of range).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
// No input may make the library panic: none of the panicking shortcuts in library code.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

pub mod average;
pub mod bar;
mod error;
mod float;
pub mod index;
mod indicator;
pub mod levels;
pub mod momentum;
pub mod relative;
pub mod risk;
pub mod sentiment;
pub mod signal;
pub mod statistics;
pub mod volatility;
pub mod window;

pub use error::{Error, MAX_PERIOD};
pub use float::Real;
pub use indicator::{CheckedInput, Indicator, IndicatorIterExt, Outputs};

/// Everything needed for day-to-day use: `use ta_stream::prelude::*;`.
pub mod prelude {
    pub use crate::average::{Dema, Ema, Rma, Seed, Sma, Tema, Wma};
    pub use crate::bar::{Bar, Candle, Ohlcv};
    pub use crate::levels::{FloorPivots, ReactionLow, SupportResistance, SwingPivots, ZigZag};
    pub use crate::momentum::{
        FastStochastic, FlatRsi, Macd, Momentum, Roc, Rocp, Rsi, Stochastic,
    };
    pub use crate::relative::{Beta, Correlation, Mansfield, PerformanceSpread, RatioLine};
    pub use crate::risk::{Drawdown, RealizedVolatility};
    pub use crate::sentiment::PutCall;
    pub use crate::signal::{
        Cross, CrossLevel, Crossover, MaCross, MaCrossEvent, MaPosition, Zones,
    };
    pub use crate::statistics::{RollingMax, RollingMin};
    pub use crate::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
    pub use crate::{Error, Indicator, IndicatorIterExt, Real};
}

/// The README's examples, compiled and run as doctests so that they never go stale.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
