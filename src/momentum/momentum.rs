use crate::Real;

super::lagged::lagged_indicator!(
    /// Momentum: how far the input moved over `n` updates, in its own units.
    ///
    /// # Formula
    ///
    /// `MOM_t = x_t − x_{t−n}`, first output after `n + 1` inputs.
    ///
    /// Relative versions: [`Roc`](super::Roc) (percent) and [`Rocp`](super::Rocp) (fraction).
    ///
    /// Every output is finite: for usable inputs (see [`Real`](crate::Real)),
    /// `|MOM| ≤ 2·max_input` (`2e150`; `2e15` for `f32`).
    ///
    /// # Parameters
    ///
    /// `period` (`n`): `1..=100000`; 10 by [`Default`] (TA-Lib's default).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{momentum::Momentum, Indicator};
    ///
    /// let mut momentum = Momentum::new(2)?;
    /// assert_eq!(momentum.batch(&[100.0, 50.0, 150.0, 0.0]), [None, None, Some(50.0), Some(-50.0)]);
    /// assert_eq!(momentum.peek(120.0), Some(-30.0)); // 150 would be the base
    /// assert_eq!(Momentum::<f64>::default().to_string(), "MOM(10)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// TA-Lib `MOM`; matches it at every index (see `tests/talib_momentum.rs`).
    #[doc(alias = "MOM")]
    Momentum,
    MomentumState,
    "MomentumState<T>",
    "MOM",
    difference,
    bound
);

/// `x − base`.
#[inline]
fn difference<T: Real>(x: T, base: T) -> T {
    x - base
}

/// A bound on `|x − base|` for usable inputs (at most twice the largest input), with room.
#[cfg(feature = "serde")]
fn bound<T: Real>() -> T {
    T::max_input() * crate::float::lit(4.0)
}
