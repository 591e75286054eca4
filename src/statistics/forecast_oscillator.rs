use core::fmt;

use super::regression::RegressionLine;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Forecast oscillator: how far, in percent of the input, each input lands from the
/// [`TimeSeriesForecast`](super::TimeSeriesForecast) made the input before.
///
/// # Formula
///
/// `FOSC_t = 100 · (y_t − TSF_{t−1}) / y_t`, where `TSF_{t−1}` is the least-squares line
/// through `y_{t−n} … y_{t−1}` extended one input ahead (the forecast of `y_t`), and `0`
/// when `y_t = 0` (as TA-Lib). First output after `n + 1` inputs.
///
/// O(1) per update, from a drift-free plain sum ([`RollingSum`](crate::window::RollingSum))
/// and weighted sum (as [`Wma`](crate::average::Wma)'s).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 5.
///
/// # Range
///
/// Percent, positive when the input beats its forecast; no fixed bound (an input near zero
/// makes any forecast error large), but finite: the forecast is at most `4·max|y|` of its
/// window, so the magnitude stays below `500 · max_input / min_input` (`5e302` for `f64`,
/// `5e32` for `f32`; see [`Real`]). A ratio beyond the float range would saturate at
/// `±T::MAX`.
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::ForecastOscillator, Indicator};
///
/// let mut fosc = ForecastOscillator::new(4)?;
/// let out = fosc.batch(&[1.0, 5.0, 2.0, 3.0, 8.0]);
/// // the line through 1, 5, 2, 3 forecasts 3.5; 8 beats it by 4.5, 56.25 % of 8
/// assert_eq!(out, [None, None, None, None, Some(56.25)]);
/// assert_eq!(fosc.to_string(), "FOSC(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// The oscillator crossing zero (inputs turning from below their forecast to above it, or
/// back) is an event an analyst reads, with [`CrossLevel`](crate::signal::CrossLevel):
///
/// ```
/// use ta_stream::{signal::{Cross, CrossLevel}, statistics::ForecastOscillator, Indicator};
///
/// let mut fosc = ForecastOscillator::new(3)?;
/// let mut zero = CrossLevel::new(0.0)?;
/// let mut events = Vec::new();
/// for (bar, x) in [10.0, 11.0, 12.0, 12.5, 12.8, 14.0].into_iter().enumerate() {
///     if let Some(Some(cross)) = fosc.update(x).and_then(|f| zero.update(f)) {
///         events.push((bar, cross));
///     }
/// }
/// // 12.5 and 12.8 fall short of their forecasts (13, 13.33…), 14 beats 13.3
/// assert_eq!(events, [(5, Cross::Above)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande's forecast oscillator, as in TA-Lib `FOSC`; matches it at every index.
#[doc(alias = "FOSC")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ForecastOscillatorState<T>")
)]
pub struct ForecastOscillator<T: Real = f64> {
    /// The line through the last `n` inputs.
    line: RegressionLine<T>,
    /// The forecast the line made before the newest input (once it had `n` inputs then).
    forecast: Option<T>,
    /// The newest input (0 before the first).
    newest: T,
}

impl ForecastOscillator {
    /// The forecast oscillator over lines through `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> ForecastOscillator<T> {
    /// [`ForecastOscillator::new`] in any precision `T` (`f32`, or generic code): `ForecastOscillator::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            line: RegressionLine::new(period)?,
            forecast: None,
            newest: T::zero(),
        })
    }

    /// The window length `n` of the regression.
    pub fn period(&self) -> usize {
        self.line.period()
    }

    /// `100 · (y − forecast) / y`, 0 for `y = 0`, saturated into `±T::MAX`.
    #[inline]
    fn oscillator(y: T, forecast: T) -> T {
        if y == T::zero() {
            return T::zero();
        }
        let ratio = lit::<T>(100.0) * (y - forecast) / y;
        ratio.max(-T::max_value()).min(T::max_value())
    }

    /// The forecast of the next input, once the window is full.
    #[inline]
    fn next_forecast(&self) -> Option<T> {
        self.line.fit().map(|fit| self.line.forecast(fit))
    }
}

impl<T: Real> Default for ForecastOscillator<T> {
    /// FOSC(5), TA-Lib's default.
    fn default() -> Self {
        Self {
            line: RegressionLine::with_valid_period(5),
            forecast: None,
            newest: T::zero(),
        }
    }
}

impl<T: Real> Indicator for ForecastOscillator<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, y: T) -> Option<T> {
        if y.is_usable() {
            self.forecast = self.next_forecast();
            self.line.push(y);
            self.newest = y;
        }
        self.value()
    }

    #[inline]
    fn peek(&self, y: T) -> Option<T> {
        if !y.is_usable() {
            return self.value();
        }
        Some(Self::oscillator(y, self.next_forecast()?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::oscillator(self.newest, self.forecast?))
    }

    fn reset(&mut self) {
        self.line.reset();
        self.forecast = None;
        self.newest = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for ForecastOscillator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FOSC({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ForecastOscillatorState<T: Real> {
    line: RegressionLine<T>,
    forecast: Option<T>,
    newest: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ForecastOscillatorState<T>> for ForecastOscillator<T> {
    type Error = Error;

    /// The line is checked by itself; the newest input must be the window's newest (0 before
    /// the first), and a forecast exists only with a full window and within what a line
    /// through usable inputs forecasts (`4·max|y|`).
    fn try_from(state: ForecastOscillatorState<T>) -> Result<Self, Error> {
        let newest_ok = match state.line.newest() {
            Some(newest) => newest == state.newest,
            None => state.newest == T::zero(),
        };
        let forecast_ok = match state.forecast {
            None => true,
            Some(forecast) => {
                state.line.is_full()
                    && forecast.is_finite()
                    && forecast.abs() <= lit::<T>(4.0) * T::max_input()
            }
        };
        if !newest_ok || !forecast_ok || (state.line.is_empty() && state.forecast.is_some()) {
            return Err(crate::error::invalid_state(
                "FOSC newest input not the window's, or a forecast without a full window or \
                 beyond what usable inputs forecast",
            ));
        }
        Ok(Self {
            line: state.line,
            forecast: state.forecast,
            newest: state.newest,
        })
    }
}
