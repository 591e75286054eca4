use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::volatility::Atr;
use crate::{CheckedInput, Error, Indicator, Real};

/// Normalized Average True Range: the [`Atr`] as a percentage of the close.
///
/// # Formula
///
/// `NATR_t = (ATR_t / C_t)·100`, and **0 when `C_t = 0`** (TA-Lib's answer; current TA-Lib
/// tests for an exact zero as here, older releases for `|C| < 1e-14`). Warm-up as [`Atr`].
///
/// Every output is finite: the ATR of usable candles is at most `2·max_input` and a non-zero
/// usable close at least `min_input` (see [`Real`](crate::Real)), so
/// `|NATR| ≤ 100·2e150/1e-150 = 2e302` (`2e32` for `f32`). A close below `1e-150` is refused
/// with the rest of the candle, like a NaN.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 14 by [`Default`]. (TA-Lib's `NATR` with period 1 may return
/// the raw true range in some releases; here it is always normalized.)
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volatility::Natr, Indicator};
///
/// let bar = |h: f64, l: f64, c: f64| Candle::new(c, h, l, c, 0.0);
/// let mut natr = Natr::new(2)?;
/// natr.update(bar(11.0, 9.0, 10.0)?);
/// natr.update(bar(12.0, 10.0, 11.0)?); // TR 2
/// assert_eq!(natr.update(bar(15.0, 13.0, 15.0)?), Some(20.0)); // ATR 3 at a close of 15
/// assert_eq!(natr.to_string(), "NATR(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `NATR`, matched at every index by `tests/talib_volatility.rs`.
#[doc(alias = "NATR")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Natr<T: Real = f64> {
    atr: Atr<T>,
}

impl Natr {
    /// The ATR over `period` true ranges, as a percentage of the close.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Natr<T> {
    /// [`Natr::new`] in any precision `T` (`f32`, or generic code): `Natr::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            atr: Atr::new_generic(period)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.atr.period()
    }

    /// The slice path in TA-Lib's `NATR` shape: `high`, `low` and `close` columns in, the
    /// NATR of each row into `out`, NaN while warming up; bit for bit
    /// [`update`](Indicator::update) over the candles `(open: close, high, low, close,
    /// volume: 0)`, as [`Atr::hlc_into`] (which it runs, then scales by each close).
    ///
    /// ```
    /// use ta_stream::volatility::Natr;
    ///
    /// let (high, low, close) = ([11.0, 12.0, 15.0, 15.0], [9.0, 10.0, 13.0, 14.0], [10.0, 11.0, 15.0, 10.0]);
    /// let mut natr = [0.0_f64; 4];
    /// Natr::new(2)?.hlc_into(&high, &low, &close, &mut natr)?;
    /// assert!(natr[1].is_nan());
    /// assert_eq!(natr[2], 20.0); // true ranges 2, 4: ATR 3, 3/15 of the close
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close` or `out` differs
    /// in length from `high`; nothing is consumed then.
    pub fn hlc_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        crate::slice::hlc_values(self, [high, low, close], out, |natr, columns, out| {
            if !natr.atr.steady_chunk(columns, out) {
                return false;
            }
            let [_, _, close] = columns;
            for (slot, &close) in out.iter_mut().zip(close) {
                *slot = Self::normalize(*slot, close);
            }
            true
        })
    }

    #[inline]
    fn normalize(atr: T, close: T) -> T {
        if close == T::zero() {
            T::zero()
        } else {
            (atr / close) * lit(100.0)
        }
    }
}

impl<T: Real> Indicator for Natr<T> {
    type Input = Candle<T>;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let atr = self.atr.update(candle)?;
        Some(Self::normalize(atr, candle.close))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let atr = self.atr.peek(candle)?;
        Some(Self::normalize(atr, candle.close))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::normalize(self.atr.value()?, self.atr.last_close()?))
    }

    fn reset(&mut self) {
        self.atr.reset();
    }

    fn warmup_period(&self) -> usize {
        self.atr.warmup_period()
    }
}

impl<T: Real> fmt::Display for Natr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NATR({})", self.period())
    }
}
