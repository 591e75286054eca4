use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::levels::is_valid_bar;
use crate::window::CompensatedSum;
use crate::{Error, Indicator, Real};

use super::finite_plus;
#[cfg(feature = "serde")]
use super::is_finite_sum;

/// Volume-weighted average price since the first bar: TA-Lib's `VWAP`, cumulative over the
/// whole stream, never reset.
///
/// # Formula
///
/// `VWAP_t = Σ TP_i·V_i / Σ V_i` over every bar so far, with the typical price
/// `TP = (H + L + C)/3`; `0` while the volume so far is 0 (as TA-Lib). Two compensated sums
/// ([`CompensatedSum`]): no drift however long the stream.
///
/// For a VWAP that restarts every session (day, week, month) or at a chosen bar, with
/// standard-deviation bands, see [`AnchoredVwap`](super::AnchoredVwap).
///
/// # Inputs and range
///
/// Valid candles ([`Candle::validate`]; an invalid one is refused like a NaN), and a candle
/// that would carry a sum beyond the float range is refused. The output is a weighted mean
/// of the typical prices: within their range, up to rounding.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volume::Vwap, Indicator};
///
/// let mut vwap = Vwap::new();
/// // typical prices 10 and 13, volumes 100 and 200
/// let out = vwap.batch(&[Candle::new(10.0, 11.0, 9.0, 10.0, 100.0)?,
///                        Candle::new(13.0, 14.0, 12.0, 13.0, 200.0)?]);
/// assert_eq!(out, [Some(10.0), Some(12.0)]);
/// assert_eq!(vwap.to_string(), "VWAP");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// As TA-Lib `VWAP` (high, low, close, volume; no parameters); matches it at every index.
#[doc(alias = "VWAP")]
#[doc(alias = "volume-weighted average price")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VwapState<T>")
)]
pub struct Vwap<T: Real = f64> {
    /// `Σ TP·V`.
    weighted: CompensatedSum<T>,
    /// `Σ V`.
    volume: CompensatedSum<T>,
    /// `true` once a candle was accepted.
    started: bool,
}

/// The typical price `(H + L + C)/3`.
#[inline]
pub(crate) fn typical_price<T: Real>(candle: &Candle<T>) -> T {
    (candle.high + candle.low + candle.close) / lit::<T>(3.0)
}

impl Vwap {
    /// The cumulative VWAP (no parameters).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Vwap<T> {
    /// [`Vwap::new`] in any precision `T` (`f32`, or generic code): `Vwap::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            weighted: CompensatedSum::new_generic(),
            volume: CompensatedSum::new_generic(),
            started: false,
        }
    }

    /// The sums after `candle`, or `None` if it is refused.
    #[inline]
    fn step(&self, candle: &Candle<T>) -> Option<(CompensatedSum<T>, CompensatedSum<T>)> {
        if !is_valid_bar(candle) {
            return None;
        }
        let weighted = finite_plus(self.weighted, typical_price(candle) * candle.volume)?;
        Some((weighted, finite_plus(self.volume, candle.volume)?))
    }

    #[inline]
    fn average(weighted: CompensatedSum<T>, volume: CompensatedSum<T>) -> T {
        let volume = volume.total();
        if volume > T::zero() {
            weighted.total() / volume
        } else {
            T::zero()
        }
    }
}

impl<T: Real> Indicator for Vwap<T> {
    type Input = Candle<T>;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if let Some((weighted, volume)) = self.step(&candle) {
            self.weighted = weighted;
            self.volume = volume;
            self.started = true;
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        match self.step(&candle) {
            Some((weighted, volume)) => Some(Self::average(weighted, volume)),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.started
            .then(|| Self::average(self.weighted, self.volume))
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an invalid candle, or one that would carry a sum beyond the float range.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match self.step(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for Vwap<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VWAP")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VwapState<T: Real> {
    weighted: CompensatedSum<T>,
    volume: CompensatedSum<T>,
    started: bool,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VwapState<T>> for Vwap<T> {
    type Error = Error;

    /// Finite sums, a volume `≥ 0`, and nothing before the first candle.
    fn try_from(state: VwapState<T>) -> Result<Self, Error> {
        // A weighted mean of usable prices: |Σ TP·V| ≤ max_input · Σ V, up to rounding.
        let slack = T::one() + crate::float::lit::<T>(1e-6);
        let consistent = if state.started {
            let (weighted, volume) = (state.weighted.total(), state.volume.total());
            is_finite_sum(state.weighted)
                && is_finite_sum(state.volume)
                && volume >= T::zero()
                && weighted.abs() <= T::max_input() * slack * volume
                && (volume > T::zero() || weighted == T::zero())
        } else {
            state.weighted == CompensatedSum::new_generic()
                && state.volume == CompensatedSum::new_generic()
        };
        if !consistent {
            return Err(invalid_state(
                "VWAP sums not finite, a negative volume, a mean beyond the usable prices, or sums \
                 before any candle",
            ));
        }
        Ok(Self {
            weighted: state.weighted,
            volume: state.volume,
            started: state.started,
        })
    }
}
