//! Wilder's directional movement family, at TA-Lib parity, and the vortex indicator.
//!
//! | Type | TA-Lib | Output | Range | First output (bars) |
//! |---|---|---|---|---|
//! | [`PlusDm`], [`MinusDm`] | `PLUS_DM`, `MINUS_DM` | Wilder sum of ±DM | `≥ 0` | `max(n, 2)` |
//! | [`PlusDi`], [`MinusDi`] | `PLUS_DI`, `MINUS_DI` | `100 · DM / TR` | `0..=100` | `n + 1` |
//! | [`Dx`] | `DX` | `100 · \|+DI − −DI\| / (+DI + −DI)` | `0..=100` | `n + 1` |
//! | [`Adx`] | `ADX` | Wilder average of DX | `0..=100` | `2n` |
//! | [`Adxr`] | `ADXR` | `(ADX + ADX n − 1 bars ago) / 2` | `0..=100` | `3n − 1` |
//! | [`Directional`] | — | every line above from one update | as above | `n + 1` |
//! | [`Vortex`] | `VORTEX` | `Σ\|H − L_prev\| / ΣTR`, `Σ\|L − H_prev\| / ΣTR` | `≥ 0` | `n + 1` |
//!
//! # The shared definitions
//!
//! For each bar after the first, against the previous bar:
//! - up move `u = H − H_prev`, down move `d = L_prev − L`;
//! - `+DM = u` when `u > 0` and `u > d`, else 0; `−DM = d` when `d > 0` and `d > u`, else 0
//!   (the larger move wins; a tie or a negative move gives 0 to both);
//! - true range `TR = max(H − L, |H − C_prev|, |L − C_prev|)`.
//!
//! Wilder's sums, with TA-Lib's seeding: the first `n − 1` moves are added up, and from the
//! `n`-th on each sum is `S − S/n + x` (a running total, not an average: `S/n` is the
//! average). So `PLUS_DM(n)` starts at bar `n` with the plain sum of `n − 1` moves (bar 2,
//! one move, for `n` 1 and 2), and the DIs at bar `n + 1`, after the first Wilder step;
//! `±DI = 100 · ±DM / TR` (sums over sums: the `1/n` cancels). Period 1 is TA-Lib's special
//! case: no smoothing, and `PLUS_DI(1)`, `MINUS_DI(1)` are the *fractions* `DM / TR` of
//! each bar, not percentages (TA-Lib's output, kept for parity).
//!
//! How it is computed: each Wilder step as `S·(1 − 1/n) + x`, DX as
//! `100 · |+DM − −DM| / (+DM + −DM)` over the smoothed moves (the DIs' ratio, with the true
//! range cancelled) and each ADX step as `ADX·(1 − 1/n) + DX/n`. These are TA-Lib's values
//! to within a few ulps (far inside the 1e-9 of the parity tests), with a multiplication
//! where TA-Lib divides on the chain from one update to the next.
//!
//! Flat cases, as TA-Lib (exact zero tests, at every price scale): a smoothed true range of
//! 0 gives both DIs 0; a bar with no direction (smoothed TR 0, or `+DM + −DM = 0` so that
//! both DIs are 0) has no DX, so
//! [`Dx`] repeats its last value (0 if it is the first) and [`Adx`] keeps its value; the
//! first ADX is the sum of the first `n` DX values, such bars counting 0, divided by `n`.
//!
//! # Inputs
//!
//! A [`Candle`](crate::bar::Candle). The indicators that read the close (all but ±DM) accept
//! a candle whose numbers are usable and with `low ≤ close ≤ high`; [`PlusDm`] and
//! [`MinusDm`] read only the high and the low and accept `low ≤ high`. Any other candle is
//! refused ([`try_update`](crate::Indicator::try_update) returns
//! [`Error::InvalidInput`](crate::Error::InvalidInput); `update` and `peek` ignore it). On
//! accepted candles a move never exceeds the true range, so the DIs, DX, ADX and ADXR lie in
//! `0..=100` (clamped there against rounding), and every sum stays below
//! `n · 2 · max_input`: every output is finite.
//!
//! # Events
//!
//! ADX rising through 25 (a trend strong enough to trade) is a
//! [`CrossLevel`](crate::signal::CrossLevel) on the ADX; +DI crossing −DI (the trend's
//! direction turning) is a [`Crossover`](crate::signal::Crossover) of the pair `(+DI, −DI)`:
//!
//! ```
//! use ta_stream::bar::Candle;
//! use ta_stream::momentum::Directional;
//! use ta_stream::signal::{Cross, CrossLevel, Crossover};
//! use ta_stream::Indicator;
//!
//! let mut lines = Directional::new(5)?;
//! let mut strong = CrossLevel::new(25.0)?;
//! let mut turn = Crossover::new();
//! let (mut rising, mut last_turn) = (Vec::new(), None);
//! // Forty bars of chop (no trend: ADX about 11), then a steady climb.
//! for i in 0..60 {
//!     let mid = if i >= 40 {
//!         100.0 + 2.0 * (i - 39) as f64
//!     } else if i % 2 == 0 {
//!         99.0
//!     } else {
//!         101.0
//!     };
//!     let Some(out) = lines.update(Candle::new(mid, mid + 1.5, mid - 1.5, mid, 0.0)?) else {
//!         continue;
//!     };
//!     if let Some(Some(Cross::Above)) = out.adx.and_then(|adx| strong.update(adx)) {
//!         rising.push(i);
//!     }
//!     if let Some(Some(cross)) = turn.update((out.plus_di, out.minus_di)) {
//!         last_turn = Some(cross);
//!     }
//! }
//! assert_eq!(rising, [43]); // ADX rose through 25 four bars into the climb
//! assert_eq!(last_turn, Some(Cross::Above)); // the DIs swapped in the chop; +DI ends on top
//! # Ok::<(), ta_stream::Error>(())
//! ```

mod adx;
mod adxr;
mod core;
#[allow(clippy::module_inception)]
mod directional;
mod dx;
mod minus_di;
mod minus_dm;
mod plus_di;
mod plus_dm;
mod vortex;

pub use adx::Adx;
pub use adxr::Adxr;
pub use directional::{Directional, DirectionalOutput};
pub use dx::Dx;
pub use minus_di::MinusDi;
pub use minus_dm::MinusDm;
pub use plus_di::PlusDi;
pub use plus_dm::PlusDm;
pub use vortex::{Vortex, VortexOutput};

/// One line of the family over a shared core: the struct, its constructor, `Default`
/// (TA-Lib's 14), `Indicator`, `Display` and the validated serde state.
///
/// `$core` is [`core::Movement`], [`core::Strength`] or [`core::Rating`]; `$min` the
/// smallest period; `$range_only` whether the line reads only the high and low (which
/// candles it accepts); `$copy` whether the core is a plain copy (no heap storage: its slice
/// path then runs on a copy held in registers; `Rating` holds a ring buffer);
/// `$read` the output from a core; `$peek` the output from a core and a candle not
/// committed; `$warmup` the bars up to the first output, from `n`.
macro_rules! directional_line {
    (
        $(#[$meta:meta])*
        $name:ident, $core:ident, $min:literal, $expected:literal, $label:literal,
        range_only = $range_only:literal, copy = $copy:literal, read = $read:expr,
        peek = $peek:expr, warmup = $warmup:expr $(,)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(
            feature = "serde",
            derive(serde::Serialize, serde::Deserialize),
            serde(try_from = "State<T>")
        )]
        pub struct $name<T: crate::Real = f64> {
            core: super::core::$core<T>,
        }

        impl $name {
            #[doc = concat!("The ", $label, " line over `period` bars.")]
            ///
            /// # Errors
            #[doc = concat!("[`Error::InvalidParameter`](crate::Error::InvalidParameter) unless `period` is in `", $expected, "`.")]
            pub fn new(period: usize) -> Result<Self, crate::Error> {
                Self::new_generic(period)
            }
        }

        impl<T: crate::Real> $name<T> {
            #[doc = concat!("[`", stringify!($name), "::new`] in any precision `T` (`f32`, or generic code): `", stringify!($name), "::<f32>::new_generic(14)`.")]
            pub fn new_generic(period: usize) -> Result<Self, crate::Error> {
                let period = crate::error::check_period("period", period)?;
                if period < $min {
                    return Err(crate::Error::InvalidParameter {
                        name: "period",
                        value: period.to_string(),
                        expected: $expected,
                    });
                }
                Ok(Self {
                    core: super::core::$core::new(period),
                })
            }

            /// The period `n`.
            pub fn period(&self) -> usize {
                self.core.period()
            }

            #[inline]
            fn accepts(candle: &crate::bar::Candle<T>) -> bool {
                if $range_only {
                    super::core::accepts_range(candle)
                } else {
                    super::core::accepts(candle)
                }
            }
        }

        impl<T: crate::Real> Default for $name<T> {
            /// Period 14, TA-Lib's default.
            fn default() -> Self {
                Self {
                    core: super::core::$core::new(14),
                }
            }
        }

        impl<T: crate::Real> crate::Indicator for $name<T> {
            type Input = crate::bar::Candle<T>;
            type Output = T;

            /// The streaming loop, on a copy of the state held in registers when the core
            /// has no heap storage: the same outputs bit for bit.
            fn update_slice(
                &mut self,
                inputs: &[Self::Input],
                out: &mut [Self::Output],
            ) -> Result<(), crate::Error> {
                if $copy {
                    crate::slice::update_slice_by_value(self, inputs, out)
                } else {
                    crate::slice::update_slice(self, inputs, out)
                }
            }

            // Always: the slice path's loop and a caller's keep the state in registers only
            // when the update is inlined into them.
            #[inline(always)]
            fn update(&mut self, candle: crate::bar::Candle<T>) -> Option<T> {
                if Self::accepts(&candle) {
                    self.core.push(&candle);
                }
                self.value()
            }

            #[inline]
            fn peek(&self, candle: crate::bar::Candle<T>) -> Option<T> {
                if !Self::accepts(&candle) {
                    return self.value();
                }
                let peek = $peek;
                peek(&self.core, &candle)
            }

            #[inline]
            fn value(&self) -> Option<T> {
                let read = $read;
                read(&self.core)
            }

            fn reset(&mut self) {
                self.core.reset();
            }

            fn warmup_period(&self) -> usize {
                let warmup = $warmup;
                warmup(self.period())
            }

            /// Rejects a candle this line cannot use (see the module docs).
            fn try_update(
                &mut self,
                candle: crate::bar::Candle<T>,
            ) -> Result<Option<T>, crate::Error> {
                if Self::accepts(&candle) {
                    Ok(self.update(candle))
                } else {
                    Err(crate::Error::InvalidInput)
                }
            }
        }

        impl<T: crate::Real> core::fmt::Display for $name<T> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!($label, "({})"), self.period())
            }
        }

        #[cfg(feature = "serde")]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct State<T: crate::Real> {
            core: super::core::$core<T>,
        }

        #[cfg(feature = "serde")]
        impl<T: crate::Real> TryFrom<State<T>> for $name<T> {
            type Error = crate::Error;

            /// The period in range, then the core's own checks.
            fn try_from(state: State<T>) -> Result<Self, crate::Error> {
                Self::new_generic(state.core.period())?;
                state.core.check($range_only)?;
                Ok(Self { core: state.core })
            }
        }
    };
}
use directional_line;
