use crate::float::lit;
use crate::Real;

super::lagged::lagged_indicator!(
    /// Rate of change as a ratio in percent: the input over the input `n` updates ago, times
    /// 100 (105 = up 5 %).
    ///
    /// # Formula
    ///
    /// `ROCR100_t = 100·x_t / x_{t−n}`, first output after `n + 1` inputs.
    ///
    /// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
    /// TA-Lib writes it. Without the factor 100 it is [`Rocr`](super::Rocr); minus 100, it is
    /// [`Roc`](super::Roc).
    ///
    /// Every output is finite: a ratio of two usable inputs (see [`Real`](crate::Real)) is at
    /// most `max_input/min_input` (`1e300`; `1e30` for `f32`) in magnitude, so
    /// `|ROCR100| ≤ 1e302`.
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`; 10 by [`Default`] (TA-Lib's
    /// default).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{momentum::Rocr100, Indicator};
    ///
    /// let mut rocr100 = Rocr100::new(2)?;
    /// let out = rocr100.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
    /// assert_eq!(out, [None, None, Some(150.0), Some(0.0), Some(50.0)]);
    /// assert_eq!(Rocr100::<f64>::default().to_string(), "ROCR100(10)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `ROCR100`; matches it at every index.
    #[doc(alias = "ROCR100")]
    Rocr100,
    Rocr100State,
    "Rocr100State<T>",
    "ROCR100",
    ratio_percent,
    bound
);

/// `100·x/base`, or 0 when `base` is 0 (TA-Lib).
#[inline]
fn ratio_percent<T: Real>(x: T, base: T) -> T {
    if base == T::zero() {
        T::zero()
    } else {
        x / base * lit(100.0)
    }
}

/// A bound on `|100·x/base|` for usable inputs (`100·max_input/min_input`), with room.
#[cfg(feature = "serde")]
fn bound<T: Real>() -> T {
    T::max_input() / T::min_input() * lit(200.0)
}
