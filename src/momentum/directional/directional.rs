use core::fmt;

use super::core::{accepts, Rating, Strength};
use crate::bar::Candle;
use crate::error::check_period;
use crate::{Error, Indicator, Real};

/// Every line of the directional movement family from one bar: see [`Directional`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DirectionalOutput<T = f64> {
    /// Wilder's sum of +DM (TA-Lib `PLUS_DM`).
    pub plus_dm: T,
    /// Wilder's sum of −DM (TA-Lib `MINUS_DM`).
    pub minus_dm: T,
    /// +DI in percent, `0..=100` (TA-Lib `PLUS_DI`).
    pub plus_di: T,
    /// −DI in percent, `0..=100` (TA-Lib `MINUS_DI`).
    pub minus_di: T,
    /// DX, `0..=100` (TA-Lib `DX`).
    pub dx: T,
    /// ADX, `0..=100` (TA-Lib `ADX`): `None` until bar `2n`.
    pub adx: Option<T>,
    /// ADXR, `0..=100` (TA-Lib `ADXR`): `None` until bar `3n − 1`.
    pub adxr: Option<T>,
}

/// The whole directional movement system from one update: ±DM, ±DI, DX, ADX and ADXR, at
/// TA-Lib parity, for the cost of one core.
///
/// # Formula
///
/// The lines of [`PlusDm`](super::PlusDm), [`MinusDm`](super::MinusDm),
/// [`PlusDi`](super::PlusDi), [`MinusDi`](super::MinusDi), [`Dx`](super::Dx),
/// [`Adx`](super::Adx) and [`Adxr`](super::Adxr) with one period `n`, bit for bit (see the
/// [module docs](super)).
///
/// # Warm-up
///
/// The output is `Some` from bar `n + 1` on, when the DIs and the DX exist (the ±DM exist
/// one bar earlier, and are in the first output); the slower lines are `Option`s inside it:
/// `adx` from bar `2n`, `adxr` from bar `3n − 1`.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14. Keeps the last `n` ADX
/// values (for ADXR).
///
/// # Inputs and range
///
/// Refuses a candle with an unusable number or a close outside `[low, high]`. DIs, DX, ADX
/// and ADXR are in `0..=100`; the ±DM sums are `≥ 0`.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::{Adx, Directional}, Indicator};
///
/// let bar = |mid: f64| Candle::new(mid, mid + 2.0, mid - 2.0, mid, 0.0);
/// let bars = [100.0, 103.0, 104.0, 102.0, 106.0, 109.0, 108.0, 112.0]
///     .map(bar)
///     .into_iter()
///     .collect::<Result<Vec<_>, _>>()?;
/// let mut lines = Directional::new(2)?;
/// let out = lines.batch(&bars);
/// assert_eq!(out[1], None); // the DIs start at bar n + 1 = 3
/// let first = out[2].unwrap();
/// assert_eq!((first.adx, first.adxr), (None, None));
/// let last = out[7].unwrap();
/// assert!(last.plus_di > last.minus_di); // an up trend
/// assert_eq!(last.adx, Adx::new(2)?.batch(&bars)[7]); // the same line as Adx
/// assert_eq!(lines.to_string(), "DMI(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// Events (ADX through 25, +DI crossing −DI): see the [module docs](super#events).
///
/// # Links
///
/// Wilder (1978), *New Concepts in Technical Trading Systems* (the directional movement
/// index, DMI); TA-Lib's `PLUS_DM`, `MINUS_DM`, `PLUS_DI`, `MINUS_DI`, `DX`, `ADX`, `ADXR`.
#[doc(alias = "DMI")]
#[doc(alias = "directional movement index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DirectionalState<T>")
)]
pub struct Directional<T: Real = f64> {
    core: Rating<T>,
}

impl Directional {
    /// Every directional line over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Directional<T> {
    /// [`Directional::new`] in any precision `T` (`f32`, or generic code): `Directional::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self {
            core: Rating::new(period),
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.core.period()
    }

    fn output(strength: &Strength<T>, adxr: Option<T>) -> Option<DirectionalOutput<T>> {
        let movement = strength.movement();
        let (plus_dm, minus_dm) = movement.dm()?;
        let (plus_di, minus_di) = movement.di()?;
        Some(DirectionalOutput {
            plus_dm,
            minus_dm,
            plus_di,
            minus_di,
            dx: strength.dx()?,
            adx: strength.adx(),
            adxr,
        })
    }
}

impl<T: Real> Default for Directional<T> {
    /// Period 14, TA-Lib's default.
    fn default() -> Self {
        Self {
            core: Rating::new(14),
        }
    }
}

impl<T: Real> Indicator for Directional<T> {
    type Input = Candle<T>;
    type Output = DirectionalOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<DirectionalOutput<T>> {
        if accepts(&candle) {
            self.core.push(&candle);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<DirectionalOutput<T>> {
        if !accepts(&candle) {
            return self.value();
        }
        let (strength, adxr) = self.core.pushed(&candle);
        Self::output(&strength, adxr)
    }

    #[inline]
    fn value(&self) -> Option<DirectionalOutput<T>> {
        Self::output(self.core.strength(), self.core.adxr())
    }

    fn reset(&mut self) {
        self.core.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects a candle with an unusable number or a close outside `[low, high]`.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<DirectionalOutput<T>>, Error> {
        if accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Directional<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DMI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectionalState<T: Real> {
    core: Rating<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<DirectionalState<T>> for Directional<T> {
    type Error = Error;

    /// The period in range, then the core's own checks.
    fn try_from(state: DirectionalState<T>) -> Result<Self, Error> {
        Self::new_generic(state.core.period())?;
        state.core.check(false)?;
        Ok(Self { core: state.core })
    }
}
