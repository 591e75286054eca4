//! Cycle indicators (Ehlers' Hilbert transform): the dominant cycle's period
//! [`HtDcPeriod`] and phase [`HtDcPhase`], the [`HtPhasor`] components, the sine wave
//! [`HtSine`] and the trend-versus-cycle mode [`HtTrendMode`].
//!
//! The MESA adaptive average [`Mama`](crate::average::Mama) and the instantaneous trendline
//! [`HtTrendline`](crate::average::HtTrendline) are built on the same transform and live with
//! the averages.
//!
//! # The Hilbert transform
//!
//! From John Ehlers' *Rocket Science for Traders* (2001), as TA-Lib computes it. For each
//! price `x_t`:
//!
//! 1. Smooth it with a 4-bar WMA: `s_t = (4·x_t + 3·x_{t−1} + 2·x_{t−2} + x_{t−3}) / 10`.
//! 2. The transform of a series `v` is
//!    `H(v)_t = (0.0962·v_t + 0.5769·v_{t−2} − 0.5769·v_{t−4} − 0.0962·v_{t−6})·(0.075·P_{t−1} + 0.54)`,
//!    with `P_{t−1}` the period measured on the previous bar.
//! 3. Detrender `D = H(s)`; in-phase `I1_t = D_{t−3}`; quadrature `Q1 = H(D)`; both advanced
//!    by 90°: `jI = H(I1)`, `jQ = H(Q1)`.
//! 4. Phasor addition, smoothed: `I2 = 0.2·(I1 − jQ) + 0.8·I2_{t−1}`,
//!    `Q2 = 0.2·(Q1 + jI) + 0.8·Q2_{t−1}`.
//! 5. Homodyne discriminator: `Re = 0.2·(I2·I2_{t−1} + Q2·Q2_{t−1}) + 0.8·Re_{t−1}`,
//!    `Im = 0.2·(I2·Q2_{t−1} − Q2·I2_{t−1}) + 0.8·Im_{t−1}`.
//! 6. Period `360° / atan(Im/Re)` (the previous one when `Im` or `Re` is 0), held within
//!    `1.5` and `0.67` times the previous period and within `6..=50`; then
//!    `P = 0.2·period + 0.8·P_{t−1}` and the smoothed period `SP = 0.33·P + 0.67·SP_{t−1}`.
//!
//! Every quantity starts at 0 and values before the first input count as 0, as in TA-Lib.
//! The transform starts on the 13th input for the functions whose TA-Lib lookback is 32
//! (`MAMA`, `HT_DCPERIOD`, `HT_PHASOR`: first output on the 33rd input), and on the 38th
//! for those whose lookback is 63 (`HT_TRENDLINE`, `HT_DCPHASE`, `HT_SINE`, `HT_TRENDMODE`:
//! first output on the 64th input). Every indicator here matches TA-Lib at every index.
//!
//! # Inputs and bounds
//!
//! Nothing is refused beyond the crate-wide usable range (`0` or `1e-150..=1e150`,
//! `1e-15..=1e15` for `f32`): the transform is linear in the prices with a gain below 6 per
//! stage, so its products stay below `44100·M²` for inputs up to `M` (finite for both float
//! types), and the angles are arctangents of finite ratios.
//!
//! # Cost
//!
//! The period, the phasor and MAMA are O(1) per update. The phase (and so the sine wave and
//! the trend mode) is a discrete Fourier sum over the last dominant cycle, and the trendline
//! an average over it: O(`SP`) per update, at most 50 terms, as in TA-Lib.

pub(crate) mod hilbert;
mod ht_dcperiod;
mod ht_dcphase;
mod ht_phasor;
mod ht_sine;
mod ht_trendmode;
mod phase;

pub use ht_dcperiod::HtDcPeriod;
pub use ht_dcphase::HtDcPhase;
pub use ht_phasor::{HtPhasor, Phasor};
pub use ht_sine::{HtSine, SineWave};
pub use ht_trendmode::{HtTrendMode, MarketMode};
