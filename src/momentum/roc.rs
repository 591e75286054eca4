use crate::float::lit;
use crate::Real;

super::lagged::lagged_indicator!(
    /// Rate of change in percent: how far the input moved over `n` updates, relative to where it
    /// was.
    ///
    /// # Formula
    ///
    /// `ROC_t = 100·(x_t / x_{t−n} − 1)`, first output after `n + 1` inputs.
    ///
    /// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
    /// TA-Lib writes it (`ta_ROC.c`). The fraction without the factor 100 is [`Rocp`](super::Rocp);
    /// the difference is [`Momentum`](super::Momentum).
    ///
    /// Every output is finite: a ratio of two usable inputs (see [`Real`](crate::Real)) is at
    /// most `max_input/min_input` (`1e300`; `1e30` for `f32`), so `|ROC| ≤ 100·(1 + 1e300)`.
    ///
    /// # Parameters
    ///
    /// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{momentum::Roc, Indicator};
    ///
    /// let mut roc = Roc::new(2)?;
    /// let out = roc.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
    /// assert_eq!(out, [None, None, Some(50.0), Some(-100.0), Some(-50.0)]);
    /// assert_eq!(roc.batch(&[7.0, 150.0]), [Some(0.0), Some(100.0)]); // 7 over 0: TA-Lib's 0
    /// assert_eq!(Roc::<f64>::default().to_string(), "ROC(10)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `ROC`; matches it at every index (see `tests/talib_momentum.rs`).
    #[doc(alias = "ROC")]
    Roc,
    RocState,
    "RocState<T>",
    "ROC",
    rate_of_change,
    bound
);

/// `100·(x/base − 1)`, or 0 when `base` is 0 (TA-Lib).
#[inline]
fn rate_of_change<T: Real>(x: T, base: T) -> T {
    if base == T::zero() {
        T::zero()
    } else {
        (x / base - T::one()) * lit(100.0)
    }
}

/// A bound on `|(x/base − 1)·100|` for usable inputs (at most
/// `100·(1 + max_input/min_input)`, up to rounding), with room.
#[cfg(feature = "serde")]
fn bound<T: Real>() -> T {
    (T::one() + T::max_input() / T::min_input()) * lit(200.0)
}
