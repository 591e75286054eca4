use core::fmt;

use crate::bar::Candle;
use crate::float::{clamp, from_usize, lit};
use crate::price::{AverageDeviation, TypicalPrice};
use crate::{CheckedInput, Error, Indicator, Real};

/// Commodity channel index: how far the typical price is from its mean, in units of 1.5 %
/// of its mean absolute deviation.
///
/// # Formula
///
/// With `TP = (H + L + C)/3` and, over the last `n` typical prices, their mean `m` and mean
/// absolute deviation `d = Σ|TP_i − m|/n`:
///
/// `CCI = (TP − m)/(0.015·d)`, and **0 when `TP − m` or `d` is exactly 0** (a flat window),
/// as TA-Lib. First output after `n` candles. Computed as `(TP − m)·(n/0.015)/Σ|TP_i − m|`:
/// one division after the sum of the deviations where TA-Lib's order has two and a product
/// in between (the same value to an ulp or two, as many roundings).
///
/// # Cost
///
/// **O(n) per update**, like TA-Lib: the deviations are taken from the current mean, which
/// moves with every candle (the window and its drift-free sum are
/// [`AverageDeviation`]'s). At `n = 14` the loop is a few nanoseconds.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]), as is one whose
/// typical price is a nonzero magnitude below the usable range. `|CCI| ≤ n/(2·0.015) =
/// 33.3·n` (reached when one typical price differs from `n − 1` equal ones); the output is
/// clamped to that bound against rounding.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
///
/// # Events
///
/// Lambert's readings, CCI crossing +100 (a new uptrend) or −100, are a
/// [`CrossLevel`](crate::signal::CrossLevel) of the output:
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Cci, signal::{Cross, CrossLevel}, Indicator};
///
/// let bar = |close: f64| Candle::new(close, close, close, close, 0.0);
/// let mut cci = Cci::new(4)?;
/// let mut above_100 = CrossLevel::new(100.0)?;
/// let mut crosses = Vec::new();
/// for close in [10.0, 10.0, 10.0, 10.0, 10.0, 14.0] {
///     if let Some(x) = cci.update(bar(close)?) {
///         crosses.push(above_100.update(x).flatten());
///     }
/// }
/// // CCI 0, 0 (flat windows), then (14 − 11)/(0.015·1.5) = 133.3
/// assert_eq!(crosses, [None, None, Some(Cross::Above)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Cci, Indicator};
///
/// let bar = |close: f64| Candle::new(close, close, close, close, 0.0);
/// let mut cci = Cci::new(4)?;
/// let out = cci.batch(&[bar(2.0)?, bar(4.0)?, bar(4.0)?, bar(6.0)?]);
/// // mean 4, mean deviation 1: (6 − 4)/(0.015·1)
/// assert!((out[3].unwrap() - 2.0 / 0.015).abs() < 1e-9);
/// assert_eq!(cci.to_string(), "CCI(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Donald Lambert's commodity channel index (1980), as TA-Lib `CCI`; matches it at every
/// index.
#[doc(alias = "CCI")]
#[doc(alias = "commodity channel index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Cci<T: Real = f64> {
    /// The last `n` typical prices, their mean and mean deviation.
    deviation: AverageDeviation<T>,
}

impl Cci {
    /// The CCI of the last `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Cci<T> {
    /// [`Cci::new`] in any precision `T` (`f32`, or generic code): `Cci::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            deviation: AverageDeviation::new_generic(period)?,
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.deviation.period()
    }

    /// The candle's typical price when the candle is accepted.
    #[inline]
    fn typical(candle: &Candle<T>) -> Option<T> {
        let typical = TypicalPrice::of(candle);
        (candle.is_usable() && typical.is_usable()).then_some(typical)
    }

    /// `(TP − m)/(0.015·d)` from the sum of the deviations `Σ = n·d`, 0 when `TP − m` or
    /// `Σ` is 0, within `±33.3·n`.
    #[inline]
    fn cci(&self, typical: T, mean: T, deviations: T) -> T {
        let above = typical - mean;
        if above == T::zero() || deviations == T::zero() {
            return T::zero();
        }
        let n = from_usize::<T>(self.period());
        let bound = n / lit(0.03);
        // `(TP − m)/(0.015·(Σ/n))` as `(TP − m)·(n/0.015)/Σ`: the scale is a constant, so
        // the sum of the deviations reaches the output through one division, not a division,
        // a product and a division (`Σ/n` is never 0 when `Σ` is not: usable prices).
        clamp(above * (n / lit(0.015)) / deviations, -bound, bound)
    }
}

impl<T: Real> Cci<T> {
    /// The slice path in TA-Lib's `CCI` shape: `high`, `low` and `close` columns in, the CCI
    /// of each row into `out`, NaN while warming up. Each row is the candle
    /// `(open: close, high, low, close, volume: 0)`: the outputs and the final state are bit
    /// for bit those of [`update`](Indicator::update) over those candles (a row with an
    /// unusable number or typical price is ignored, its output repeats the previous one).
    /// Reads 24 bytes a row where a [`Candle`] holds 40, and checks the rows' numbers a
    /// chunk at a time.
    ///
    /// ```
    /// use ta_stream::momentum::Cci;
    ///
    /// // Typical prices 1, 2, 3: mean 2, mean deviation 2/3, so (3 − 2)/(0.015 · 2/3) = 100.
    /// let (high, low, close) = ([1.5, 2.5, 3.5], [0.5, 1.5, 2.5], [1.0, 2.0, 3.0]);
    /// let mut cci = [0.0_f64; 3];
    /// Cci::new(3)?.hlc_into(&high, &low, &close, &mut cci)?;
    /// assert!(cci[0].is_nan() && cci[1].is_nan());
    /// assert!((cci[2] - 100.0).abs() < 1e-12);
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
        crate::slice::hlc_values(self, [high, low, close], out, |cci, columns, out| {
            // The rows' numbers are proven usable: `update` without the candle's check.
            let [high, low, close] = columns;
            for (((&high, &low), &close), slot) in high.iter().zip(low).zip(close).zip(out) {
                let typical = TypicalPrice::of(&Candle::from_hlc(high, low, close));
                let cci_of_row = if typical.is_usable() {
                    let pushed = cci.deviation.push_mean_deviations(typical);
                    pushed.map(|(mean, deviations)| cci.cci(typical, mean, deviations))
                } else {
                    cci.value()
                };
                *slot = cci_of_row.unwrap_or_else(T::nan);
            }
            true
        })
    }
}

impl<T: Real> Default for Cci<T> {
    /// CCI(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            deviation: AverageDeviation::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for Cci<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        let Some(typical) = Self::typical(&candle) else {
            return self.value();
        };
        let (mean, deviations) = self.deviation.push_mean_deviations(typical)?;
        Some(self.cci(typical, mean, deviations))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        let Some(typical) = Self::typical(&candle) else {
            return self.value();
        };
        let (mean, deviations) = self.deviation.peek_mean_deviations(typical)?;
        Some(self.cci(typical, mean, deviations))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let (typical, mean, deviations) = self.deviation.newest_mean_deviations()?;
        Some(self.cci(typical, mean, deviations))
    }

    fn reset(&mut self) {
        self.deviation.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }

    /// Rejects candles with an unusable number or typical price.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match Self::typical(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for Cci<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CCI({})", self.period())
    }
}
