use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::float::lit;
use crate::window::RollingSum;
use crate::{CheckedInput, Error, Indicator, Real};

/// Chande's Qstick: the mean candle body `C − O` of the last `n` candles, positive when the
/// closes tend to be above the opens (buying pressure), negative below.
///
/// # Formula
///
/// `QSTICK_t = Σ (C_i − O_i) / n` over the last `n` candles; the first output after `n`
/// candles. The sum is a drift-free [`RollingSum`]; O(1) per update.
///
/// # Inputs and range
///
/// Reads the open and the close; a candle with any unusable number is refused
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it). A body is at most `2·max_input`, and so is their mean. The zero line
/// is the usual signal: [`signal::CrossLevel`](crate::signal::CrossLevel) at 0 gives its
/// crossings.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Qstick, Indicator};
///
/// let body = |open: f64, close: f64| Candle::new(open, open.max(close), open.min(close), close, 0.0);
/// let mut qstick = Qstick::new(2)?;
/// assert_eq!(qstick.update(body(10.0, 13.0)?), None);
/// assert_eq!(qstick.update(body(13.0, 12.0)?), Some(1.0)); // (3 − 1) / 2
/// assert_eq!(qstick.update(body(12.0, 9.0)?), Some(-2.0)); // (−1 − 3) / 2
/// assert_eq!(qstick.to_string(), "QSTICK(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande, *The New Technical Trader* (1994); TA-Lib `QSTICK`, matched at every index.
#[doc(alias = "QSTICK")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "QstickState<T>")
)]
pub struct Qstick<T: Real = f64> {
    /// The bodies of the last `n` candles.
    bodies: RollingSum<T>,
}

impl Qstick {
    /// The mean body of the last `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Qstick<T> {
    /// [`Qstick::new`] in any precision `T` (`f32`, or generic code): `Qstick::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            bodies: RollingSum::new_generic(check_period("period", period)?)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.bodies.period()
    }
}

impl<T: Real> Default for Qstick<T> {
    /// QSTICK(10), TA-Lib's default.
    fn default() -> Self {
        Self {
            bodies: RollingSum::with_valid_period(10),
        }
    }
}

impl<T: Real> Indicator for Qstick<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if candle.is_usable() {
            self.bodies.push_inlined(candle.close - candle.open);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        (self.bodies.len() + 1 >= self.bodies.period())
            .then(|| self.bodies.peek_mean(candle.close - candle.open))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.bodies.is_full().then(|| self.bodies.mean())
    }

    fn reset(&mut self) {
        self.bodies.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Qstick<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "QSTICK({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct QstickState<T: Real> {
    bodies: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<QstickState<T>> for Qstick<T> {
    type Error = Error;

    /// Every body within `±2·max_input`.
    fn try_from(state: QstickState<T>) -> Result<Self, Error> {
        let largest = lit::<T>(2.0) * T::max_input();
        if !state.bodies.iter().all(|b| b.abs() <= largest) {
            return Err(crate::error::invalid_state(
                "a QSTICK body exceeds what usable candles give",
            ));
        }
        Ok(Self {
            bodies: state.bodies,
        })
    }
}
