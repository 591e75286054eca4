use core::fmt;

#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::window::CompensatedSum;
use crate::{Error, Indicator, Real};

#[cfg(feature = "serde")]
use super::is_finite_sum;
use super::{finite_plus, is_positive_close_volume};

/// Price-volume trend: the running total of each bar's volume times its relative price
/// change.
///
/// # Formula
///
/// `PVT_0 = 0`, `PVT_t = PVT_{t−1} + V_t · (C_t − C_{t−1}) / C_{t−1}`. A compensated sum
/// ([`CompensatedSum`]): no drift however long the stream.
///
/// # Inputs and range
///
/// `(close, volume)`: a positive close and a volume `≥ 0`; anything else is refused like a
/// NaN. An input that would carry the total beyond the float range is refused too, so every
/// output is finite. Any sign.
///
/// # Example
///
/// ```
/// use ta_stream::{volume::PriceVolumeTrend, Indicator};
///
/// let mut pvt = PriceVolumeTrend::new();
/// let out = pvt.batch(&[(100.0, 500.0), (110.0, 400.0), (99.0, 1000.0)]);
/// // +10 % of 400, then −10 % of 1000
/// assert_eq!(out, [Some(0.0), Some(40.0), Some(-60.0)]);
/// assert_eq!(pvt.to_string(), "PVT");
/// ```
///
/// # Links
///
/// As TA-Lib `PVT`; matches it at every index.
#[doc(alias = "PVT")]
#[doc(alias = "price volume trend")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PriceVolumeTrendState<T>")
)]
pub struct PriceVolumeTrend<T: Real = f64> {
    /// The last accepted close.
    previous: Option<T>,
    /// The running total.
    total: CompensatedSum<T>,
}

impl PriceVolumeTrend {
    /// The price-volume trend (no parameters).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> PriceVolumeTrend<T> {
    /// [`PriceVolumeTrend::new`] in any precision `T` (`f32`, or generic code): `PriceVolumeTrend::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            previous: None,
            total: CompensatedSum::new_generic(),
        }
    }

    /// The total after `input`, or `None` if it is refused.
    #[inline]
    fn step(&self, input: (T, T)) -> Option<CompensatedSum<T>> {
        if !is_positive_close_volume(input) {
            return None;
        }
        let (close, volume) = input;
        match self.previous {
            None => Some(self.total),
            Some(previous) => finite_plus(self.total, volume * ((close - previous) / previous)),
        }
    }
}

impl<T: Real> Indicator for PriceVolumeTrend<T> {
    type Input = (T, T);
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if let Some(total) = self.step(input) {
            self.total = total;
            self.previous = Some(input.0);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        match self.step(input) {
            Some(total) => Some(total.total()),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.previous.map(|_| self.total.total())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an unusable number, a close `≤ 0`, a negative volume, or a total beyond the
    /// float range.
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        match self.step(input) {
            Some(_) => Ok(self.update(input)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for PriceVolumeTrend<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PVT")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceVolumeTrendState<T: Real> {
    previous: Option<T>,
    total: CompensatedSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<PriceVolumeTrendState<T>> for PriceVolumeTrend<T> {
    type Error = Error;

    /// A positive usable previous close, a finite total, and none before the first input.
    fn try_from(state: PriceVolumeTrendState<T>) -> Result<Self, Error> {
        let consistent = match state.previous {
            Some(close) => {
                is_positive_close_volume((close, T::zero())) && is_finite_sum(state.total)
            }
            None => state.total == CompensatedSum::new_generic(),
        };
        if !consistent {
            return Err(invalid_state(
                "PVT previous close not a positive usable number, total not finite, or a \
                 total before any input",
            ));
        }
        Ok(Self {
            previous: state.previous,
            total: state.total,
        })
    }
}
