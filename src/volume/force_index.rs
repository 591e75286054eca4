use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::{Error, Indicator, Real};

use super::exp_average::{ExpAverage, Start};
use super::is_close_volume;

/// Elder's force index: an exponential average of each bar's price change times its volume.
///
/// # Formula
///
/// `F_t = (C_t − C_{t−1}) · V_t`, `EFI_t = EMA_n(F)_t` with TA-Lib's `k = 2/(n + 1)`,
/// seeded with the mean of the first `n` forces. First output after `n + 1` inputs.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 13 (`n = 1` is the raw force).
///
/// # Inputs and range
///
/// `(close, volume)`, the volume not negative (refused like a NaN otherwise). Any sign;
/// `|EFI|` is at most the largest `|F|`, below `2e300` (`2e30` for `f32`).
///
/// # Example
///
/// ```
/// use ta_stream::{volume::ForceIndex, Indicator};
///
/// let mut efi = ForceIndex::new(2)?; // k = 2/3
/// let out = efi.batch(&[(10.0, 0.0), (11.0, 100.0), (10.0, 50.0), (13.0, 100.0)]);
/// // forces +100, −50, +300: seed 25, then 25 + (300 − 25)·2/3
/// assert_eq!(out[..3], [None, None, Some(25.0)]);
/// assert!((out[3].unwrap() - (25.0 + 275.0 * 2.0 / 3.0)).abs() < 1e-9);
/// assert_eq!(efi.to_string(), "EFI(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Alexander Elder's force index, as TA-Lib `EFI`; matches it at every index.
#[doc(alias = "EFI")]
#[doc(alias = "Elder force index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ForceIndexState<T>")
)]
pub struct ForceIndex<T: Real = f64> {
    /// The last accepted close.
    previous: Option<T>,
    /// The average of the forces.
    average: ExpAverage<T>,
}

impl ForceIndex {
    /// The force index averaged over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> ForceIndex<T> {
    /// [`ForceIndex::new`] in any precision `T` (`f32`, or generic code): `ForceIndex::<f32>::new_generic(14)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self::with_valid_period(period))
    }

    fn with_valid_period(period: usize) -> Self {
        Self {
            previous: None,
            average: ExpAverage::new(period, Start::Mean),
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    /// The average after `(close, volume)`: `Some(None)` for the first close (nothing to
    /// average yet), `None` when the input is refused.
    #[inline]
    fn step(&self, (close, volume): (T, T)) -> Option<Option<ExpAverage<T>>> {
        if !is_close_volume((close, volume)) {
            return None;
        }
        match self.previous {
            None => Some(None),
            Some(previous) => self.average.next((close - previous) * volume).map(Some),
        }
    }
}

impl<T: Real> Default for ForceIndex<T> {
    /// EFI(13), TA-Lib's default.
    fn default() -> Self {
        Self::with_valid_period(13)
    }
}

impl<T: Real> Indicator for ForceIndex<T> {
    type Input = (T, T);
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if let Some(average) = self.step(input) {
            if let Some(average) = average {
                self.average = average;
            }
            self.previous = Some(input.0);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        match self.step(input) {
            Some(Some(average)) => average.value(),
            Some(None) => None,
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.average.value()
    }

    fn reset(&mut self) {
        self.previous = None;
        self.average.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects an unusable number or a negative volume.
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        match self.step(input) {
            Some(_) => Ok(self.update(input)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for ForceIndex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EFI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ForceIndexState<T: Real> {
    previous: Option<T>,
    average: ExpAverage<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ForceIndexState<T>> for ForceIndex<T> {
    type Error = Error;

    /// A period in range, a mean-seeded average of finite forces, a usable previous close,
    /// and nothing averaged before the first close.
    fn try_from(state: ForceIndexState<T>) -> Result<Self, Error> {
        let period = state.average.period();
        Self::new_generic(period)?;
        let limit = crate::float::lit::<T>(2.0) * T::max_input() * T::max_input();
        let bounded = state.average.within(limit);
        let consistent = state.average.is_consistent(period, Start::Mean)
            && bounded
            && match state.previous {
                Some(close) => close.is_usable(),
                None => state.average.count() == 0,
            };
        if !consistent {
            return Err(invalid_state(
                "EFI average inconsistent, beyond what usable inputs give, or fed before the \
                 first close",
            ));
        }
        Ok(Self {
            previous: state.previous,
            average: state.average,
        })
    }
}
