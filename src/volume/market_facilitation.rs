use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::levels::is_valid_bar;
use crate::{Error, Indicator, Real};

/// Bill Williams' market facilitation index: the range travelled per unit of volume.
///
/// # Formula
///
/// `MFI_t = (H_t − L_t) / V_t`, and `0` when `V_t = 0` (as TA-Lib). One candle, no state
/// beyond the last value.
///
/// # Inputs and range
///
/// Valid candles ([`Candle::validate`]; an invalid one is refused like a NaN). Every
/// output is `≥ 0` and finite (at most `2e150/1e-150 = 2e300`, `2e30` for `f32`).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volume::MarketFacilitation, Indicator};
///
/// let mut mfi = MarketFacilitation::new();
/// assert_eq!(mfi.update(Candle::new(10.0, 12.0, 9.0, 11.0, 1500.0)?), Some(3.0 / 1500.0));
/// assert_eq!(mfi.update(Candle::new(10.0, 12.0, 9.0, 11.0, 0.0)?), Some(0.0));
/// assert_eq!(mfi.to_string(), "MARKETFI");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// As TA-Lib `MARKETFI` (high, low, volume); matches it at every index. Not to be confused
/// with the money flow index (TA-Lib `MFI`).
#[doc(alias = "MARKETFI")]
#[doc(alias = "BW MFI")]
#[doc(alias = "market facilitation index")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MarketFacilitationState<T>")
)]
pub struct MarketFacilitation<T: Real = f64> {
    last: Option<T>,
}

impl MarketFacilitation {
    /// The market facilitation index (no parameters).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> MarketFacilitation<T> {
    /// [`MarketFacilitation::new`] in any precision `T` (`f32`, or generic code): `MarketFacilitation::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self { last: None }
    }

    #[inline]
    fn index(candle: &Candle<T>) -> Option<T> {
        if !is_valid_bar(candle) {
            return None;
        }
        Some(if candle.volume > T::zero() {
            (candle.high - candle.low) / candle.volume
        } else {
            T::zero()
        })
    }
}

impl<T: Real> Indicator for MarketFacilitation<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if let Some(index) = Self::index(&candle) {
            self.last = Some(index);
        }
        self.last
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        Self::index(&candle).or(self.last)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.last
    }

    fn reset(&mut self) {
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an invalid candle.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match Self::index(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for MarketFacilitation<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MARKETFI")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MarketFacilitationState<T: Real> {
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MarketFacilitationState<T>> for MarketFacilitation<T> {
    type Error = Error;

    /// A last value `≥ 0` within what valid candles give.
    fn try_from(state: MarketFacilitationState<T>) -> Result<Self, Error> {
        let limit = crate::float::lit::<T>(2.0) * T::max_input() / T::min_input();
        if let Some(last) = state.last {
            if !(last >= T::zero() && last <= limit) {
                return Err(invalid_state(
                    "MARKETFI value negative or beyond 2·max/min input",
                ));
            }
        }
        Ok(Self { last: state.last })
    }
}
