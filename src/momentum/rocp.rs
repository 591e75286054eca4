use crate::Real;

super::lagged::lagged_indicator!(
    /// Rate of change as a fraction: how far the input moved over `n` updates, relative to where
    /// it was (0.05 = 5 %).
    ///
    /// # Formula
    ///
    /// `ROCP_t = (x_t − x_{t−n}) / x_{t−n}`, first output after `n + 1` inputs.
    ///
    /// When `x_{t−n}` is exactly zero the ratio is undefined; the output is then **0**, as
    /// TA-Lib writes it (`ta_ROCP.c`). The same in percent is [`Roc`](super::Roc); the difference
    /// is [`Momentum`](super::Momentum).
    ///
    /// Every output is finite: a ratio of two usable inputs (see [`Real`](crate::Real)) is at
    /// most `max_input/min_input` (`1e300`; `1e30` for `f32`), so `|ROCP| ≤ 1 + 1e300`.
    ///
    /// # Parameters
    ///
    /// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{momentum::Rocp, Indicator};
    ///
    /// let mut rocp = Rocp::new(2)?;
    /// let out = rocp.batch(&[100.0, 50.0, 150.0, 0.0, 75.0]);
    /// assert_eq!(out, [None, None, Some(0.5), Some(-1.0), Some(-0.5)]);
    /// assert_eq!(rocp.batch(&[7.0, 150.0]), [Some(0.0), Some(1.0)]); // 7 over 0: TA-Lib's 0
    /// assert_eq!(Rocp::<f64>::default().to_string(), "ROCP(10)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `ROCP`; matches it at every index (see `tests/talib_momentum.rs`).
    #[doc(alias = "ROCP")]
    Rocp,
    RocpState,
    "RocpState<T>",
    "ROCP",
    rate_of_change_fraction,
    bound
);

/// `(x − base)/base`, or 0 when `base` is 0 (TA-Lib).
#[inline]
fn rate_of_change_fraction<T: Real>(x: T, base: T) -> T {
    if base == T::zero() {
        T::zero()
    } else {
        (x - base) / base
    }
}

/// A bound on `|(x − base)/base|` for usable inputs (at most `1 + max_input/min_input`,
/// up to rounding), with room.
#[cfg(feature = "serde")]
fn bound<T: Real>() -> T {
    (T::one() + T::max_input() / T::min_input()) * crate::float::lit(2.0)
}
