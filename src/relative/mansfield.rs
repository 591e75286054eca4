use core::fmt;

use super::positive_pair;
use crate::average::Sma;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Mansfield relative strength (Weinstein's stage analysis): the ratio line measured
/// against its own moving average, in percent. Above 0 the asset outperforms its trend of
/// relative strength; below 0 it lags.
///
/// # Formula
///
/// `RP_t = 100·A_t/B_t`, `MRS_t = 100·(RP_t / SMA_n(RP)_t − 1)`; the first output after `n`
/// inputs. The average is a drift-free [`Sma`] of `RP`.
///
/// # Refused inputs
///
/// Prices must be positive, and the relative price `RP = 100·A/B` must itself lie in the
/// usable input range (`1e-150..=1e150` for `f64`, `1e-15..=1e15` for `f32`, see
/// [`Real`](crate::Real)): otherwise the pair is ignored by `update` (the last reading is
/// kept) and rejected by `try_update` with [`Error::InvalidInput`], like a NaN. Every `RP`
/// in the average is then in that range, the average too, and `MRS` is finite and bounded
/// by its own window: `RP_t` is one of the `n` values averaged, so `0 < RP/SMA ≤ n` and
/// `−100 < MRS ≤ 100·(n − 1)` (up to rounding).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; [`Default`] is 200 daily bars (≈ Weinstein's 52 weeks;
/// use 52 on weekly bars). Weinstein's original average is a proprietary weighted one; the
/// SMA is TradingView's "Mansfield RS" convention.
///
/// # Example
///
/// ```
/// use ta_stream::{relative::Mansfield, Indicator};
///
/// // A up 6 %, B up 1.5 %, n = 5.
/// let pairs: [(f64, f64); 6] = [(100.0, 100.0), (102.0, 101.0), (101.0, 99.5), (104.0, 102.0),
///              (105.5, 103.0), (106.0, 101.5)];
/// let mut mansfield = Mansfield::new(5)?;
/// let out = mansfield.batch(&pairs);
/// assert_eq!(out[3], None);
/// assert!((out[4].unwrap() - 1.035799).abs() < 1e-6);
/// assert!((out[5].unwrap() - 2.121647).abs() < 1e-6);
/// assert_eq!(Mansfield::<f64>::default().to_string(), "MRS(200)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Stan Weinstein, *Secrets for Profiting in Bull and Bear Markets* (1988); TradingView
/// "Mansfield RS" (jp.tradingview.com/script/NTOUgRX9); stageanalysis.net.
#[doc(alias = "MRS")]
#[doc(alias = "Mansfield relative strength")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MansfieldState<T>")
)]
pub struct Mansfield<T: Real = f64> {
    /// The average of `RP`.
    average: Sma<T>,
    /// The last `RP`.
    relative_price: Option<T>,
}

impl Mansfield {
    /// Mansfield RS against an SMA of `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Mansfield<T> {
    /// [`Mansfield::new`] in any precision `T` (`f32`, or generic code): `Mansfield::<f32>::new_generic(5)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            average: Sma::new_generic(period)?,
            relative_price: None,
        })
    }

    /// The averaging period `n`.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    /// The last relative price `RP = 100·A/B` (`None` before the first input).
    pub fn relative_price(&self) -> Option<T> {
        self.relative_price
    }

    /// The average of `RP` (its zero line), once ready.
    pub fn average(&self) -> Option<T> {
        self.average.value()
    }

    /// `RP = 100·A/B` when the pair is positive and `RP` lies in the usable input range.
    #[inline]
    fn relative(input: (T, T)) -> Option<T> {
        if !positive_pair(input) {
            return None;
        }
        let rp = lit::<T>(100.0) * input.0 / input.1;
        rp.is_usable().then_some(rp)
    }

    #[inline]
    fn mrs(relative_price: T, average: T) -> T {
        lit::<T>(100.0) * (relative_price / average - T::one())
    }
}

impl<T: Real> Default for Mansfield<T> {
    /// Mansfield RS against the SMA of 200 bars.
    fn default() -> Self {
        Self {
            average: Sma::with_valid_period(200),
            relative_price: None,
        }
    }
}

impl<T: Real> Indicator for Mansfield<T> {
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        let Some(rp) = Self::relative(input) else {
            return self.value();
        };
        self.relative_price = Some(rp);
        let average = self.average.update(rp)?;
        Some(Self::mrs(rp, average))
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        let Some(rp) = Self::relative(input) else {
            return self.value();
        };
        Some(Self::mrs(rp, self.average.peek(rp)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::mrs(self.relative_price?, self.average.value()?))
    }

    fn reset(&mut self) {
        self.average.reset();
        self.relative_price = None;
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }

    /// Rejects unusable pairs, prices `≤ 0` and relative prices `100·A/B` outside the usable
    /// range with [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if Self::relative(input).is_some() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Mansfield<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MRS({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MansfieldState<T: Real> {
    average: Sma<T>,
    relative_price: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MansfieldState<T>> for Mansfield<T> {
    type Error = Error;

    /// Every relative price (the last one and those averaged) must be positive and usable,
    /// as the inputs that made them were, and the last one is the newest averaged.
    fn try_from(state: MansfieldState<T>) -> Result<Self, Error> {
        let usable = |rp: T| rp.is_usable() && rp > T::zero();
        let rp_ok = state.relative_price.is_none_or(usable)
            // The average's values are usable (checked by `Sma`) and positive.
            && state.average.values_may_be_positive()
            && state.average.newest() == state.relative_price;
        let average_ok = state
            .average
            .value()
            .is_none_or(|average| average > T::zero() && state.relative_price.is_some());
        if !(rp_ok && average_ok) {
            return Err(crate::error::invalid_state(
                "Mansfield RS: relative prices must be positive, the last one known once averaged",
            ));
        }
        Ok(Self {
            average: state.average,
            relative_price: state.relative_price,
        })
    }
}
