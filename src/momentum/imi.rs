use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::{CheckedInput, Error, Indicator, Real};

use super::cmo::check_at_least_two;
use super::up_down::{share, UpDown};

/// Intraday momentum index: the RSI of candle bodies, the share of the white bodies in all
/// the bodies of the last `n` candles, in `0..=100`.
///
/// # Formula
///
/// Over the last `n` candles, `U = Σ max(C − O, 0)` and `D = Σ max(O − C, 0)`:
/// `IMI = 100·U/(U + D)`, and **50** when `U + D = 0` (only dojis: TA-Lib's answer, an exact
/// test at every scale). The sums are drift-free window sums (bit for bit those of a
/// [`RollingSum`](crate::window::RollingSum), in one array of `n` values each); O(1)
/// amortized per update.
///
/// # Inputs and range
///
/// Reads the open and the close; a candle with any unusable number is refused
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it). Every output lies in `0..=100`. Readings above 70 and below 30 are
/// conventionally overbought and oversold ([`signal::Zones`](crate::signal::Zones)).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`; 14 by [`Default`] (TA-Lib's default).
/// The first output comes after `n` candles.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Imi, Indicator};
///
/// let body = |open: f64, close: f64| Candle::new(open, open.max(close), open.min(close), close, 0.0);
/// let mut imi = Imi::new(2)?;
/// assert_eq!(imi.update(body(10.0, 13.0)?), None);
/// assert_eq!(imi.update(body(13.0, 12.0)?), Some(75.0)); // U = 3, D = 1
/// assert_eq!(imi.update(body(12.0, 12.0)?), Some(0.0)); // U = 0, D = 1
/// assert_eq!(imi.update(body(12.0, 12.0)?), Some(50.0)); // two dojis
/// assert_eq!(imi.to_string(), "IMI(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande's intraday momentum index; TA-Lib `IMI`, matched at every index.
#[doc(alias = "IMI")]
#[doc(alias = "intraday momentum index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ImiState<T>")
)]
pub struct Imi<T: Real = f64> {
    /// White and black bodies of the last `n` candles.
    bodies: UpDown<T>,
}

impl Imi {
    /// The intraday momentum index over `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Imi<T> {
    /// [`Imi::new`] in any precision `T` (`f32`, or generic code): `Imi::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            bodies: UpDown::new(check_at_least_two("period", period)?)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.bodies.period()
    }

    /// `(max(C − O, 0), max(O − C, 0))`.
    #[inline]
    fn body(candle: &Candle<T>) -> (T, T) {
        let body = candle.close - candle.open;
        (body.max(T::zero()), (-body).max(T::zero()))
    }

    #[inline]
    fn index((up, down): (T, T)) -> T {
        share(up, down, lit(50.0))
    }
}

impl<T: Real> Default for Imi<T> {
    /// IMI(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            bodies: UpDown::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for Imi<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let (up, down) = Self::body(&candle);
        self.bodies.push(up, down).map(Self::index)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let (up, down) = Self::body(&candle);
        self.bodies.peek(up, down).map(Self::index)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.bodies.sums().map(Self::index)
    }

    fn reset(&mut self) {
        self.bodies.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real> fmt::Display for Imi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IMI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ImiState<T: Real> {
    bodies: UpDown<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ImiState<T>> for Imi<T> {
    type Error = Error;

    /// Bodies in `0..=2·max_input`, never white and black at once.
    fn try_from(state: ImiState<T>) -> Result<Self, Error> {
        check_at_least_two("period", state.bodies.period())?;
        if !state
            .bodies
            .is_consistent(lit::<T>(2.0) * T::max_input(), true)
        {
            return Err(crate::error::invalid_state("IMI bodies are inconsistent"));
        }
        Ok(Self {
            bodies: state.bodies,
        })
    }
}
