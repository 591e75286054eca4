//! The one-candle price transforms: [`AveragePrice`], [`MedianPrice`], [`TypicalPrice`] and
//! [`WeightedClose`], from one template.

use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::{CheckedInput, Indicator, Real};

/// The largest magnitude a weighted mean of usable numbers can take: the largest usable
/// input, with room for the rounding of a few additions.
#[cfg(feature = "serde")]
pub(crate) fn mean_bound<T: Real>() -> T {
    T::max_input() * (T::one() + lit::<T>(8.0) * T::epsilon())
}

/// Defines a stateless price transform of one candle: the output is `$formula` of the
/// candle, and the state only remembers the last output (for [`Indicator::value`]).
macro_rules! bar_price {
    (
        $(#[$attr:meta])* $name:ident, $talib:literal, |$c:ident| $formula:expr
    ) => {
        $(#[$attr])*
        #[doc(alias = $talib)]
        #[derive(Debug, Clone, Copy, PartialEq, Default)]
        #[cfg_attr(
            feature = "serde",
            derive(serde::Serialize, serde::Deserialize),
            serde(try_from = "BarPriceState<T>")
        )]
        pub struct $name<T: Real = f64> {
            /// The last committed output.
            last: Option<T>,
        }

        impl $name {
            /// A transform that has seen no candle (it has no parameters).
            pub fn new() -> Self {
                Self::new_generic()
            }
        }

        impl<T: Real> $name<T> {
            #[doc = concat!("[`", stringify!($name), "::new`] in any precision `T` (`f32`, or generic code): `", stringify!($name), "::<f32>::new_generic()`.")]
            pub fn new_generic() -> Self {
                Self { last: None }
            }

            /// The transform of one candle, without any state: what
            /// [`update`](Indicator::update) returns for it (the candle is not checked).
            #[inline]
            pub fn of($c: &Candle<T>) -> T {
                $formula
            }
        }

        impl<T: Real> Indicator for $name<T> {
            type Input = Candle<T>;
            type Output = T;

            #[inline]
            fn update(&mut self, candle: Candle<T>) -> Option<T> {
                if candle.is_usable() {
                    self.last = Some(Self::of(&candle));
                }
                self.last
            }

            #[inline]
            fn peek(&self, candle: Candle<T>) -> Option<T> {
                if candle.is_usable() {
                    Some(Self::of(&candle))
                } else {
                    self.last
                }
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
        }

        impl<T: Real> fmt::Display for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($talib)
            }
        }

        #[cfg(feature = "serde")]
        impl<T: Real> TryFrom<BarPriceState<T>> for $name<T> {
            type Error = crate::Error;

            fn try_from(state: BarPriceState<T>) -> Result<Self, crate::Error> {
                Ok(Self {
                    last: state.checked(concat!($talib, " output"))?,
                })
            }
        }
    };
}

/// The saved form of the one-candle transforms: their last output.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BarPriceState<T> {
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> BarPriceState<T> {
    /// The last output, if it is one a usable candle gives: a weighted mean of usable
    /// numbers, so finite and within [`mean_bound`].
    fn checked(self, what: &str) -> Result<Option<T>, crate::Error> {
        match self.last {
            Some(x) if !(x.is_finite() && x.abs() <= mean_bound::<T>()) => {
                Err(crate::error::invalid_state(format!(
                    "{what} is not finite or beyond the usable input range"
                )))
            }
            last => Ok(last),
        }
    }
}

bar_price!(
    /// Average price: the mean of the candle's open, high, low and close.
    ///
    /// # Formula
    ///
    /// `AVGPRICE = (O + H + L + C) / 4`, on every candle from the first (no warm-up).
    ///
    /// It is a mean of the candle's prices, so it lies within them; the candle is not
    /// validated (see [`Candle::new`]), only its numbers must be usable (a candle with a NaN
    /// or an infinity, even in the volume, is ignored like any unusable input).
    ///
    /// # Parameters
    ///
    /// None; [`AveragePrice::new`] and [`Default`] are the same.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, price::AveragePrice, Indicator};
    ///
    /// let mut average = AveragePrice::new();
    /// let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 500.0)?;
    /// assert_eq!(average.update(candle), Some(10.5)); // (10 + 12 + 9 + 11) / 4
    /// assert_eq!(average.to_string(), "AVGPRICE");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `AVGPRICE`; matches it at every index.
    AveragePrice,
    "AVGPRICE",
    |c| (c.open + c.high + c.low + c.close) / lit::<T>(4.0)
);

bar_price!(
    /// Median price: the middle of the candle's range.
    ///
    /// # Formula
    ///
    /// `MEDPRICE = (H + L) / 2`, on every candle from the first (no warm-up).
    ///
    /// The candle is not validated (see [`Candle::new`]), only its numbers must be usable (a
    /// candle with a NaN or an infinity, even in a price it does not read, is ignored like
    /// any unusable input).
    ///
    /// # Parameters
    ///
    /// None; [`MedianPrice::new`] and [`Default`] are the same.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, price::MedianPrice, Indicator};
    ///
    /// let mut median = MedianPrice::new();
    /// let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 500.0)?;
    /// assert_eq!(median.update(candle), Some(10.5)); // (12 + 9) / 2
    /// assert_eq!(median.to_string(), "MEDPRICE");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `MEDPRICE`; matches it at every index.
    MedianPrice,
    "MEDPRICE",
    |c| (c.high + c.low) / lit::<T>(2.0)
);

bar_price!(
    /// Typical price: the mean of the candle's high, low and close (the "pivot point" of
    /// floor traders, the price CCI and MFI average).
    ///
    /// # Formula
    ///
    /// `TYPPRICE = (H + L + C) / 3`, on every candle from the first (no warm-up).
    ///
    /// The candle is not validated (see [`Candle::new`]), only its numbers must be usable (a
    /// candle with a NaN or an infinity, even in a price it does not read, is ignored like
    /// any unusable input).
    ///
    /// # Parameters
    ///
    /// None; [`TypicalPrice::new`] and [`Default`] are the same.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, price::TypicalPrice, Indicator};
    ///
    /// let mut typical = TypicalPrice::new();
    /// let candle = Candle::new(10.0, 12.0, 9.0, 12.0, 500.0)?;
    /// assert_eq!(typical.update(candle), Some(11.0)); // (12 + 9 + 12) / 3
    /// assert_eq!(typical.update(Candle { close: f64::NAN, ..candle }), Some(11.0)); // ignored
    /// assert_eq!(typical.to_string(), "TYPPRICE");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `TYPPRICE`; matches it at every index.
    TypicalPrice,
    "TYPPRICE",
    |c| (c.high + c.low + c.close) / lit::<T>(3.0)
);

bar_price!(
    /// Weighted close: the mean of the candle's high, low and twice its close.
    ///
    /// # Formula
    ///
    /// `WCLPRICE = (H + L + 2·C) / 4`, on every candle from the first (no warm-up).
    ///
    /// The candle is not validated (see [`Candle::new`]), only its numbers must be usable (a
    /// candle with a NaN or an infinity, even in a price it does not read, is ignored like
    /// any unusable input).
    ///
    /// # Parameters
    ///
    /// None; [`WeightedClose::new`] and [`Default`] are the same.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, price::WeightedClose, Indicator};
    ///
    /// let mut weighted = WeightedClose::new();
    /// let candle = Candle::new(10.0, 12.0, 9.0, 11.0, 500.0)?;
    /// assert_eq!(weighted.update(candle), Some(10.75)); // (12 + 9 + 2·11) / 4
    /// assert_eq!(weighted.to_string(), "WCLPRICE");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `WCLPRICE`; matches it at every index.
    #[doc(alias = "weighted close price")]
    WeightedClose,
    "WCLPRICE",
    |c| (c.high + c.low + c.close * lit::<T>(2.0)) / lit::<T>(4.0)
);
