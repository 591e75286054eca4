use crate::Real;

super::lagged::lagged_indicator!(
    /// Rate of change as a ratio: the input over the input `n` updates ago (1.05 = up 5 %).
    ///
    /// # Formula
    ///
    /// `ROCR_t = x_t / x_{t−n}`, first output after `n + 1` inputs.
    ///
    /// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
    /// TA-Lib writes it. The same times 100 is [`Rocr100`](super::Rocr100); minus one, it is
    /// [`Rocp`](super::Rocp).
    ///
    /// Every output is finite: a ratio of two usable inputs (see [`Real`](crate::Real)) is at
    /// most `max_input/min_input` (`1e300`; `1e30` for `f32`) in magnitude.
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`; 10 by [`Default`] (TA-Lib's
    /// default).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{momentum::Rocr, Indicator};
    ///
    /// let mut rocr = Rocr::new(2)?;
    /// let out = rocr.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
    /// assert_eq!(out, [None, None, Some(1.5), Some(0.0), Some(0.5)]);
    /// assert_eq!(rocr.batch(&[7.0]), [Some(0.0)]); // 7 over 0: TA-Lib's 0
    /// assert_eq!(Rocr::<f64>::default().to_string(), "ROCR(10)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `ROCR`; matches it at every index.
    #[doc(alias = "ROCR")]
    Rocr,
    RocrState,
    "RocrState<T>",
    "ROCR",
    ratio,
    bound
);

/// `x/base`, or 0 when `base` is 0 (TA-Lib).
#[inline]
pub(crate) fn ratio<T: Real>(x: T, base: T) -> T {
    if base == T::zero() {
        T::zero()
    } else {
        x / base
    }
}

/// A bound on `|x/base|` for usable inputs (`max_input/min_input`), with room.
#[cfg(feature = "serde")]
fn bound<T: Real>() -> T {
    T::max_input() / T::min_input() * crate::float::lit(2.0)
}
