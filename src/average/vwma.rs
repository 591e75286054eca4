use core::fmt;

use crate::error::check_period;
use crate::float::from_usize;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// Volume-weighted moving average: the mean of the last `n` prices, each weighted by its
/// bar's volume.
///
/// # Formula
///
/// `VWMA_t = Σ p_i·v_i / Σ v_i` over the last `n` (price, volume) pairs; first output after `n`
/// pairs. When every volume in the window is 0 the weights are undefined and the VWMA is the
/// simple mean of the prices (TA-Lib's output is then unspecified; with `n = 1` it is the
/// price, as here). Three drift-free [`RollingSum`]s; O(1) per update.
///
/// # Inputs
///
/// `(price, volume)`: both usable (see [`Real`]), and the volume not negative; a negative
/// volume is refused like a NaN ([`try_update`](Indicator::try_update) returns
/// [`Error::InvalidInput`], the state is unchanged). Products of two usable numbers stay finite,
/// so no other input is refused.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 30).
///
/// # Bounds
///
/// A weighted mean of the prices: within their hull, up to rounding.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Vwma, Indicator};
///
/// let mut vwma = Vwma::new(2)?;
/// let out = vwma.batch(&[(10.0, 1.0), (20.0, 3.0), (30.0, 0.0)]);
/// // (10·1 + 20·3) / 4, then (20·3 + 30·0) / 3.
/// assert_eq!(out, [None, Some(17.5), Some(20.0)]);
/// assert!(vwma.try_update((30.0, -1.0)).is_err()); // negative volume
/// assert_eq!(vwma.to_string(), "VWMA(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `VWMA` (close and volume); matches it at every index where a window has volume.
/// TradingView's `ta.vwma` is the same formula.
#[doc(alias = "VWMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VwmaState<T>")
)]
pub struct Vwma<T: Real = f64> {
    /// The last `n` products `p·v`.
    weighted: RollingSum<T>,
    /// The last `n` volumes.
    volumes: RollingSum<T>,
    /// The last `n` prices (for windows without volume).
    prices: RollingSum<T>,
}

impl Vwma {
    /// A VWMA over `period` (price, volume) pairs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Vwma<T> {
    /// [`Vwma::new`] in any precision `T` (`f32`, or generic code): `Vwma::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            weighted: RollingSum::new_generic(period)?,
            volumes: RollingSum::new_generic(period)?,
            prices: RollingSum::new_generic(period)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.prices.period()
    }

    #[inline]
    fn accepts((price, volume): (T, T)) -> bool {
        price.is_usable() & volume.is_usable() & (volume >= T::zero())
    }

    #[inline]
    fn average(&self, weighted: T, volume: T, prices: T) -> T {
        if volume > T::zero() {
            weighted / volume
        } else {
            prices / from_usize::<T>(self.period())
        }
    }
}

impl<T: Real> Indicator for Vwma<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if !Self::accepts(input) {
            return self.value();
        }
        let (price, volume) = input;
        self.weighted.push_inlined(price * volume);
        self.volumes.push_inlined(volume);
        self.prices.push_inlined(price);
        self.value()
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        if !Self::accepts(input) {
            return self.value();
        }
        let (price, volume) = input;
        (self.prices.len() + 1 >= self.period()).then(|| {
            self.average(
                self.weighted.peek_sum(price * volume),
                self.volumes.peek_sum(volume),
                self.prices.peek_sum(price),
            )
        })
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.prices
            .is_full()
            .then(|| self.average(self.weighted.sum(), self.volumes.sum(), self.prices.sum()))
    }

    fn reset(&mut self) {
        self.weighted.clear();
        self.volumes.clear();
        self.prices.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }

    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if Self::accepts(input) {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Vwma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VWMA({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VwmaState<T: Real> {
    weighted: RollingSum<T>,
    volumes: RollingSum<T>,
    prices: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VwmaState<T>> for Vwma<T> {
    type Error = Error;

    fn try_from(state: VwmaState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.prices.period())?;
        let shape_ok = state.weighted.period() == period
            && state.volumes.period() == period
            && state.weighted.len() == state.prices.len()
            && state.volumes.len() == state.prices.len();
        // Each product is the one its pair made, of an accepted pair.
        let pairs_ok = state
            .prices
            .iter()
            .zip(state.volumes.iter())
            .zip(state.weighted.iter())
            .all(|((price, volume), product)| {
                Self::accepts((price, volume)) && product == price * volume
            });
        if !(shape_ok && pairs_ok) {
            return Err(crate::error::invalid_state(
                "VWMA windows differ in length, or hold a pair it refuses or a wrong product",
            ));
        }
        Ok(Self {
            weighted: state.weighted,
            volumes: state.volumes,
            prices: state.prices,
        })
    }
}
