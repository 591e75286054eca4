//! The least-squares line through the last `n` inputs, shared by [`LinearRegression`],
//! [`RegressionSlope`], [`RegressionIntercept`], [`RegressionAngle`],
//! [`TimeSeriesForecast`] and [`ForecastOscillator`].
//!
//! [`LinearRegression`]: super::LinearRegression
//! [`RegressionSlope`]: super::RegressionSlope
//! [`RegressionIntercept`]: super::RegressionIntercept
//! [`RegressionAngle`]: super::RegressionAngle
//! [`TimeSeriesForecast`]: super::TimeSeriesForecast
//! [`ForecastOscillator`]: super::ForecastOscillator

use crate::error::check_period;
use crate::float::{from_usize, lit};
use crate::window::{RollingSum, RollingWeightedSum};
use crate::{Error, Real};

/// The window's least-squares line, from two drift-free sums: the plain sum `S = Σ y_j` of a
/// [`RollingSum`] and the weighted sum `W = Σ (j+1)·y_j` (`j = 0` the oldest input, the
/// newest weighing `n`) of a [`Wma`](crate::average::Wma)'s kind. With `x_j = j`,
///
/// `slope = (W − (n+1)/2 · S) / (n(n²−1)/12)`, `mean = S/n`,
///
/// and the line at `x` is `mean + slope · (x − (n−1)/2)`. O(1) per update.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RegressionLineState<T>")
)]
pub(crate) struct RegressionLine<T: Real> {
    /// The window and its plain sum.
    window: RollingSum<T>,
    /// Its weighted sum: a function of the window, so not saved.
    #[cfg_attr(feature = "serde", serde(skip))]
    weighted: RollingWeightedSum<T>,
    /// `n`, `(n−1)/2`, `(n+1)/2` and `n(n²−1)/12`, computed once.
    #[cfg_attr(feature = "serde", serde(skip))]
    constants: Constants<T>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Constants<T> {
    n: T,
    half_span: T,
    centre_to_next: T,
    denominator: T,
}

impl<T: Real> Constants<T> {
    fn of(period: usize) -> Self {
        let n: T = from_usize(period);
        let two = lit::<T>(2.0);
        Self {
            n,
            half_span: (n - T::one()) / two,
            centre_to_next: (n + T::one()) / two,
            denominator: n * (n * n - T::one()) / lit(12.0),
        }
    }
}

/// The line through one window: its mean and slope per input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fit<T> {
    /// `S/n`: the line's value at the window's centre.
    pub(crate) mean: T,
    /// The slope per input.
    pub(crate) slope: T,
}

impl<T: Real> RegressionLine<T> {
    /// A line over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub(crate) fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self::with_valid_period(period))
    }

    /// For a period known to be in `2..=100000`.
    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            window: RollingSum::with_valid_period(period),
            weighted: RollingWeightedSum::with_valid_period(period),
            constants: Constants::of(period),
        }
    }

    /// The window length `n`.
    pub(crate) fn period(&self) -> usize {
        self.window.period()
    }

    /// Pushes a usable input.
    #[inline]
    pub(crate) fn push(&mut self, y: T) {
        self.window.push_inlined(y);
        self.weighted.push(y);
    }

    /// The line through the window, once it is full.
    #[inline]
    pub(crate) fn fit(&self) -> Option<Fit<T>> {
        self.window
            .is_full()
            .then(|| self.fit_of(self.window.sum(), self.weighted.weighted()))
    }

    /// The line [`fit`](Self::fit) would give after pushing `y`.
    #[inline]
    pub(crate) fn peek_fit(&self, y: T) -> Option<Fit<T>> {
        self.weighted
            .fills_with_next()
            .then(|| self.fit_of(self.window.peek_sum(y), self.weighted.peek_weighted(y)))
    }

    #[inline]
    fn fit_of(&self, sum: T, weighted: T) -> Fit<T> {
        let c = &self.constants;
        Fit {
            mean: sum / c.n,
            slope: (weighted - c.centre_to_next * sum) / c.denominator,
        }
    }

    /// The line at the newest input (`x = n − 1`).
    #[inline]
    pub(crate) fn end(&self, fit: Fit<T>) -> T {
        fit.mean + fit.slope * self.constants.half_span
    }

    /// The line at the oldest input (`x = 0`): the intercept.
    #[inline]
    pub(crate) fn start(&self, fit: Fit<T>) -> T {
        fit.mean - fit.slope * self.constants.half_span
    }

    /// The line one input ahead (`x = n`): the forecast.
    #[inline]
    pub(crate) fn forecast(&self, fit: Fit<T>) -> T {
        fit.mean + fit.slope * self.constants.centre_to_next
    }

    /// The slope.
    #[inline]
    pub(crate) fn slope(&self, fit: Fit<T>) -> T {
        fit.slope
    }

    /// The slope's angle in degrees, `atan(slope) · 180/π`, within `−90..=90`.
    #[inline]
    pub(crate) fn angle(&self, fit: Fit<T>) -> T {
        let right = lit::<T>(90.0);
        (fit.slope.atan() * lit::<T>(180.0 / core::f64::consts::PI))
            .max(-right)
            .min(right)
    }

    /// Empties the window.
    pub(crate) fn reset(&mut self) {
        self.window.clear();
        self.weighted.clear();
    }

    /// `true` before the first input.
    #[cfg(feature = "serde")]
    pub(crate) fn is_empty(&self) -> bool {
        self.window.is_empty()
    }

    /// `true` once the window is full.
    #[cfg(feature = "serde")]
    pub(crate) fn is_full(&self) -> bool {
        self.window.is_full()
    }

    /// The newest input (O(n): for checks on load).
    #[cfg(feature = "serde")]
    pub(crate) fn newest(&self) -> Option<T> {
        self.window.iter().last()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RegressionLineState<T: Real> {
    window: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RegressionLineState<T>> for RegressionLine<T> {
    type Error = Error;

    /// The period in `2..=100000`, the window of usable inputs (its sum checked and
    /// recomputed by [`RollingSum`]); the weighted sum is recomputed from it.
    fn try_from(state: RegressionLineState<T>) -> Result<Self, Error> {
        let period = Self::new(state.window.period())?.period();
        if !state.window.iter().all(|y| y.is_usable()) {
            return Err(crate::error::invalid_state(
                "regression window holds a value no update could have produced",
            ));
        }
        let weighted = RollingWeightedSum::from_window(
            state.window.slots(),
            state.window.write_index(),
            state.window.is_full(),
        );
        Ok(Self {
            window: state.window,
            weighted,
            constants: Constants::of(period),
        })
    }
}

/// Defines a typed indicator reading one number off the [`RegressionLine`].
macro_rules! regression_indicator {
    ($(#[$attr:meta])* $name:ident, $label:literal, $read:ident, $what:literal) => {
        $(#[$attr])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        pub struct $name<T: Real = f64> {
            line: RegressionLine<T>,
        }

        impl $name {
            #[doc = concat!("The ", $what, " of the least-squares line through the last `period` inputs.")]
            ///
            /// # Errors
            /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
            pub fn new(period: usize) -> Result<Self, Error> {
                Self::new_generic(period)
            }
        }

        impl<T: Real> $name<T> {
            #[doc = concat!("[`", stringify!($name), "::new`] in any precision `T` (`f32`, or generic code): `", stringify!($name), "::<f32>::new_generic(14)`.")]
            pub fn new_generic(period: usize) -> Result<Self, Error> {
                Ok(Self {
                    line: RegressionLine::new(period)?,
                })
            }

            /// The window length `n`.
            pub fn period(&self) -> usize {
                self.line.period()
            }
        }

        impl<T: Real> Default for $name<T> {
            /// Period 14, TA-Lib's default.
            fn default() -> Self {
                Self {
                    line: RegressionLine::with_valid_period(14),
                }
            }
        }

        impl<T: Real> Indicator for $name<T> {
            type Input = T;
            type Output = T;

            #[inline]
            fn update(&mut self, y: T) -> Option<T> {
                if y.is_usable() {
                    self.line.push(y);
                }
                self.value()
            }

            #[inline]
            fn peek(&self, y: T) -> Option<T> {
                if !y.is_usable() {
                    return self.value();
                }
                self.line.peek_fit(y).map(|fit| self.line.$read(fit))
            }

            #[inline]
            fn value(&self) -> Option<T> {
                self.line.fit().map(|fit| self.line.$read(fit))
            }

            fn reset(&mut self) {
                self.line.reset();
            }

            fn warmup_period(&self) -> usize {
                self.period()
            }
        }

        impl<T: Real> fmt::Display for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($label, "({})"), self.period())
            }
        }
    };
}

pub(crate) use regression_indicator;
