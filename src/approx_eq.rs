//! Tolerant comparison of the outputs (the `approx` feature).
//!
//! Every public output with float fields implements [`approx`]'s `AbsDiffEq`, `RelativeEq`
//! and `UlpsEq`, so that a strategy's tests compare a whole [`MacdOutput`], a set of
//! Bollinger [`Bands`] or a weighting result with the value they expect in one assertion.
//! The float fields compare with the tolerance given; everything else (counts, indices,
//! kinds, regimes, events, names, flags, whether an optional value is present) must be
//! exactly equal. Optional and nested values compare through their own implementations; a
//! list compares element by element and must have the same length.
//!
//! The types: [`MacdOutput`], [`StochasticOutput`], [`Bands`], [`DrawdownOutput`],
//! [`RatioLineOutput`], [`MamaOutput`], [`Phasor`], [`SineWave`], [`PutCallReading`],
//! [`OptionVolume`], [`Swing`], [`SwingReading`],
//! [`PivotLevels`], [`Level`], [`LevelEvent`], [`LevelsReading`], [`Cluster`],
//! [`KeyAverage`], [`MaPositionReading`], [`DynOutput`], [`Candle`], [`Bar`], the outputs of
//! the momentum, trend, band, volume and math families ([`AroonOutput`],
//! [`DirectionalOutput`], [`VortexOutput`], [`ElderRayOutput`], [`KdjOutput`], [`SmiOutput`],
//! [`StopOutput`], [`BandLines`], [`VwapBands`], [`MinMaxOutput`]), and the index
//! results [`SecurityWeight`], [`CompanyWeight`], [`Weighting`], [`WeightingReport`],
//! [`StageReport`], [`WaterFill`], [`AggregateCap`], [`SectorComposition`], [`Security`],
//! [`DoubleCount`], [`Breach`] and [`MonitorReading`]. The generic outputs compare with the
//! tolerances of their float (`f64` or `f32`); the index results with `f64` ones.
//! A [`DynOutput`] compares its outputs in order: absent (NaN) on both sides is equal,
//! absent on one side only is not.
//!
//! ```
//! # #[cfg(feature = "approx")] {
//! use approx::{assert_relative_eq, assert_relative_ne};
//! use ta_stream::momentum::{Macd, MacdOutput};
//! use ta_stream::Indicator;
//!
//! let mut macd = Macd::new(3, 5, 2)?;
//! for close in [10.0, 11.0, 12.0, 11.5, 12.5, 13.0] {
//!     macd.update(close);
//! }
//! let got = macd.value().expect("warmed up");
//! let expected = MacdOutput { macd: got.macd * (1.0 + 1e-12), ..got };
//! assert_relative_eq!(got, expected, max_relative = 1e-9);
//! let far = MacdOutput { signal: got.signal + 1.0, ..got };
//! assert_relative_ne!(got, far, max_relative = 1e-9);
//! # }
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! [`MacdOutput`]: crate::momentum::MacdOutput
//! [`AroonOutput`]: crate::momentum::AroonOutput
//! [`DirectionalOutput`]: crate::momentum::directional::DirectionalOutput
//! [`VortexOutput`]: crate::momentum::directional::VortexOutput
//! [`ElderRayOutput`]: crate::momentum::ElderRayOutput
//! [`KdjOutput`]: crate::momentum::KdjOutput
//! [`SmiOutput`]: crate::momentum::SmiOutput
//! [`StopOutput`]: crate::trend::StopOutput
//! [`BandLines`]: crate::volatility::BandLines
//! [`VwapBands`]: crate::volume::VwapBands
//! [`MinMaxOutput`]: crate::math::MinMaxOutput
//! [`StochasticOutput`]: crate::momentum::StochasticOutput
//! [`Bands`]: crate::volatility::Bands
//! [`DrawdownOutput`]: crate::risk::DrawdownOutput
//! [`RatioLineOutput`]: crate::relative::RatioLineOutput
//! [`MamaOutput`]: crate::average::MamaOutput
//! [`Phasor`]: crate::cycle::Phasor
//! [`SineWave`]: crate::cycle::SineWave
//! [`PutCallReading`]: crate::sentiment::PutCallReading
//! [`OptionVolume`]: crate::sentiment::OptionVolume
//! [`Swing`]: crate::levels::Swing
//! [`SwingReading`]: crate::levels::SwingReading
//! [`PivotLevels`]: crate::levels::PivotLevels
//! [`Level`]: crate::levels::Level
//! [`LevelEvent`]: crate::levels::LevelEvent
//! [`LevelsReading`]: crate::levels::LevelsReading
//! [`Cluster`]: crate::levels::Cluster
//! [`KeyAverage`]: crate::signal::KeyAverage
//! [`MaPositionReading`]: crate::signal::MaPositionReading
//! [`DynOutput`]: crate::catalog::DynOutput
//! [`Candle`]: crate::bar::Candle
//! [`Bar`]: crate::bar::Bar
//! [`SecurityWeight`]: crate::index::SecurityWeight
//! [`CompanyWeight`]: crate::index::CompanyWeight
//! [`Weighting`]: crate::index::Weighting
//! [`WeightingReport`]: crate::index::WeightingReport
//! [`StageReport`]: crate::index::StageReport
//! [`WaterFill`]: crate::index::capping::WaterFill
//! [`AggregateCap`]: crate::index::capping::AggregateCap
//! [`SectorComposition`]: crate::index::SectorComposition
//! [`Security`]: crate::index::Security
//! [`DoubleCount`]: crate::index::DoubleCount
//! [`Breach`]: crate::index::Breach
//! [`MonitorReading`]: crate::index::MonitorReading

use approx::{AbsDiffEq, RelativeEq, UlpsEq};

#[doc(hidden)]
/// Which of `approx`'s comparisons, with its tolerance.
#[derive(Debug, Clone, Copy)]
pub enum Tol<E> {
    /// `AbsDiffEq::abs_diff_eq(epsilon)`.
    Abs(E),
    /// `RelativeEq::relative_eq(epsilon, max_relative)`.
    Rel(E, E),
    /// `UlpsEq::ulps_eq(epsilon, max_ulps)`.
    Ulps(E, u32),
}

#[doc(hidden)]
/// A value compared with a tolerance of type `E`: floats, options and lists of such values,
/// and the outputs themselves. Crate-internal glue for [`approx_fields!`]; users see only
/// `approx`'s traits.
pub trait Near<E> {
    /// `true` when `self` and `other` are equal within `tol`.
    fn near(&self, other: &Self, tol: Tol<E>) -> bool;
}

macro_rules! near_float {
    ($($t:ty),*) => {$(
        impl Near<$t> for $t {
            fn near(&self, other: &Self, tol: Tol<$t>) -> bool {
                match tol {
                    Tol::Abs(epsilon) => self.abs_diff_eq(other, epsilon),
                    Tol::Rel(epsilon, max_relative) => {
                        self.relative_eq(other, epsilon, max_relative)
                    }
                    Tol::Ulps(epsilon, max_ulps) => self.ulps_eq(other, epsilon, max_ulps),
                }
            }
        }
    )*};
}
near_float!(f32, f64);

/// `None` equals only `None`; two `Some` compare their values.
impl<E: Copy, X: Near<E>> Near<E> for Option<X> {
    fn near(&self, other: &Self, tol: Tol<E>) -> bool {
        match (self, other) {
            (Some(a), Some(b)) => a.near(b, tol),
            (None, None) => true,
            _ => false,
        }
    }
}

/// Same length, and every element near its counterpart.
impl<E: Copy, X: Near<E>> Near<E> for [X] {
    fn near(&self, other: &Self, tol: Tol<E>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a.near(b, tol))
    }
}

impl<E: Copy, X: Near<E>> Near<E> for Vec<X> {
    fn near(&self, other: &Self, tol: Tol<E>) -> bool {
        self.as_slice().near(other.as_slice(), tol)
    }
}

impl<E: Copy, X: Near<E>, const N: usize> Near<E> for [X; N] {
    fn near(&self, other: &Self, tol: Tol<E>) -> bool {
        self.as_slice().near(other.as_slice(), tol)
    }
}

/// A named value (a sector and its weight): the name exactly, the value with tolerance.
impl<E: Copy, X: Near<E>> Near<E> for (String, X) {
    fn near(&self, other: &Self, tol: Tol<E>) -> bool {
        self.0 == other.0 && self.1.near(&other.1, tol)
    }
}

/// `AbsDiffEq`, `RelativeEq` and `UlpsEq` for a type that implements [`Near`] (an enum
/// written by hand; [`approx_fields!`] calls it for structs).
macro_rules! approx_from_near {
    ([$($g:tt)*] $ty:ty, $e:ty) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<$($g)*> approx::AbsDiffEq for $ty
        where
            $e: approx::AbsDiffEq<Epsilon = $e>
                + approx::RelativeEq
                + approx::UlpsEq
                + $crate::approx_eq::Near<$e>
                + Copy,
        {
            type Epsilon = $e;

            fn default_epsilon() -> $e {
                <$e as approx::AbsDiffEq>::default_epsilon()
            }

            fn abs_diff_eq(&self, other: &Self, epsilon: $e) -> bool {
                $crate::approx_eq::Near::near(self, other, $crate::approx_eq::Tol::Abs(epsilon))
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<$($g)*> approx::RelativeEq for $ty
        where
            $e: approx::AbsDiffEq<Epsilon = $e>
                + approx::RelativeEq
                + approx::UlpsEq
                + $crate::approx_eq::Near<$e>
                + Copy,
        {
            fn default_max_relative() -> $e {
                <$e as approx::RelativeEq>::default_max_relative()
            }

            fn relative_eq(&self, other: &Self, epsilon: $e, max_relative: $e) -> bool {
                let tol = $crate::approx_eq::Tol::Rel(epsilon, max_relative);
                $crate::approx_eq::Near::near(self, other, tol)
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
        impl<$($g)*> approx::UlpsEq for $ty
        where
            $e: approx::AbsDiffEq<Epsilon = $e>
                + approx::RelativeEq
                + approx::UlpsEq
                + $crate::approx_eq::Near<$e>
                + Copy,
        {
            fn default_max_ulps() -> u32 {
                <$e as approx::UlpsEq>::default_max_ulps()
            }

            fn ulps_eq(&self, other: &Self, epsilon: $e, max_ulps: u32) -> bool {
                let tol = $crate::approx_eq::Tol::Ulps(epsilon, max_ulps);
                $crate::approx_eq::Near::near(self, other, tol)
            }
        }
    };
}
pub(crate) use approx_from_near;

/// `AbsDiffEq`, `RelativeEq` and `UlpsEq` for a struct: the `tolerant` fields (floats,
/// options, lists and nested outputs) compare with the tolerance, the `exact` fields with
/// `==`. The struct is destructured without `..`: a field missing from both lists does not
/// compile.
///
/// `approx_fields!([T: Real] KeyAverage<T>, T; tolerant: value, price; exact: kind, period);`
/// (generic parameters in brackets, `[]` for none; then the epsilon type).
macro_rules! approx_fields {
    ([$($g:tt)*] $ty:ty, $e:ty; tolerant: $($f:ident),* ; exact: $($x:ident),* $(;)?) => {
        impl<$($g)*> $crate::approx_eq::Near<$e> for $ty
        where
            $e: approx::AbsDiffEq<Epsilon = $e>
                + approx::RelativeEq
                + approx::UlpsEq
                + $crate::approx_eq::Near<$e>
                + Copy,
        {
            fn near(&self, other: &Self, tol: $crate::approx_eq::Tol<$e>) -> bool {
                let Self { $($f,)* $($x,)* } = self;
                $( *$x == other.$x && )*
                $( $crate::approx_eq::Near::near($f, &other.$f, tol) && )*
                true
            }
        }

        $crate::approx_eq::approx_from_near!([$($g)*] $ty, $e);
    };
}
pub(crate) use approx_fields;

// The outputs whose fields are public are listed here; those with private fields have
// their line at the end of their own file.
use crate::average::MamaOutput;
use crate::bar::{Bar, Candle};
use crate::cycle::{Phasor, SineWave};
use crate::levels::{Cluster, LevelsReading, PivotLevels, Swing, SwingReading};
use crate::math::MinMaxOutput;
use crate::momentum::directional::{DirectionalOutput, VortexOutput};
use crate::momentum::{
    AroonOutput, ElderRayOutput, KdjOutput, MacdOutput, SmiOutput, StochasticOutput,
};
use crate::relative::RatioLineOutput;
use crate::risk::DrawdownOutput;
use crate::sentiment::{OptionVolume, PutCallReading};
use crate::trend::StopOutput;
use crate::volatility::{BandLines, Bands};
use crate::volume::VwapBands;

approx_fields!([T] Candle<T>, T; tolerant: open, high, low, close, volume; exact:);
approx_fields!([T] Bar<T>, T; tolerant: candle; exact: timestamp);
approx_fields!([T] MacdOutput<T>, T; tolerant: macd, signal, histogram; exact:);
approx_fields!([T] Bands<T>, T; tolerant: upper, middle, lower, percent_b, bandwidth; exact:);
approx_fields!([T] StochasticOutput<T>, T; tolerant: k, d; exact:);
approx_fields!([T] DrawdownOutput<T>, T;
    tolerant: drawdown, max_drawdown, peak; exact: duration, peak_index);
approx_fields!([T] RatioLineOutput<T>, T; tolerant: ratio, change_percent; exact:);
approx_fields!([T] MamaOutput<T>, T; tolerant: mama, fama; exact:);
approx_fields!([T] Phasor<T>, T; tolerant: in_phase, quadrature; exact:);
approx_fields!([T] SineWave<T>, T; tolerant: sine, lead_sine; exact:);
approx_fields!([T] OptionVolume<T>, T; tolerant: puts, calls; exact:);
approx_fields!([T] PutCallReading<T>, T;
    tolerant: ratio, smoothed, z_score, percentile; exact: regime, change);
approx_fields!([T] Swing<T>, T; tolerant: price; exact: kind, index, bars_ago);
approx_fields!([T] SwingReading<T>, T; tolerant: high, low; exact:);
approx_fields!([T] PivotLevels<T>, T;
    tolerant: pivot, r1, s1, r2, s2, r3, s3, r4, s4, r5, s5; exact: kind);
approx_fields!([T] LevelsReading<T>, T; tolerant: support, resistance, event; exact: events);
approx_fields!([T] Cluster<T>, T; tolerant: price; exact: touches);
approx_fields!([T] AroonOutput<T>, T; tolerant: down, up; exact:);
approx_fields!([T] DirectionalOutput<T>, T;
    tolerant: plus_dm, minus_dm, plus_di, minus_di, dx, adx, adxr; exact:);
approx_fields!([T] VortexOutput<T>, T; tolerant: plus, minus; exact:);
approx_fields!([T] ElderRayOutput<T>, T; tolerant: bull, bear; exact:);
approx_fields!([T] KdjOutput<T>, T; tolerant: k, d, j; exact:);
approx_fields!([T] SmiOutput<T>, T; tolerant: smi, signal; exact:);
approx_fields!([T] MinMaxOutput<T>, T; tolerant: min, max; exact:);
approx_fields!([T] StopOutput<T>, T; tolerant: stop; exact: trend, flipped);
approx_fields!([T] BandLines<T>, T; tolerant: upper, middle, lower; exact:);
approx_fields!([T] VwapBands<T>, T; tolerant: vwap, upper, lower, deviation; exact:);

/// For the types without serde (tested in their own module): `base` equals itself; each
/// float reached by a `tolerant` accessor (non-zero) moved by 1e-12 relative compares equal
/// and by 1e-6 does not, under the three comparisons; each `exact` change makes the values
/// unequal even with an infinite tolerance.
#[cfg(test)]
#[allow(clippy::float_cmp)]
pub(crate) fn check_fields<V>(base: &V, tolerant: &[fn(&mut V) -> &mut f64], exact: &[fn(&mut V)])
where
    V: Clone + AbsDiffEq<Epsilon = f64> + RelativeEq + UlpsEq + core::fmt::Debug,
{
    let three = |a: &V, b: &V, scale: f64, max_relative: f64, max_ulps: u32| {
        [
            a.abs_diff_eq(b, scale.abs() * max_relative),
            a.relative_eq(b, 0.0, max_relative),
            a.ulps_eq(b, 0.0, max_ulps),
        ]
    };
    assert_eq!(three(base, base, 0.0, 0.0, 0), [true; 3], "{base:?}");
    for (i, field) in tolerant.iter().enumerate() {
        let x = *field(&mut base.clone());
        assert!(x != 0.0, "tolerant field {i} must be non-zero");
        for (change, equal) in [(1e-12, true), (1e-6, false)] {
            let mut other = base.clone();
            *field(&mut other) = x * (1.0 + change);
            assert_eq!(
                three(base, &other, x, 1e-9, 1_000_000),
                [equal; 3],
                "tolerant field {i} moved by {change}: {base:?} vs {other:?}"
            );
        }
    }
    for (i, change) in exact.iter().enumerate() {
        let mut other = base.clone();
        change(&mut other);
        assert_eq!(
            three(base, &other, f64::INFINITY, f64::INFINITY, u32::MAX),
            [false; 3],
            "exact field {i}: {base:?} vs {other:?}"
        );
    }
}
