use super::core::Strength;
use super::directional_line;
use crate::bar::Candle;

directional_line! {
    /// Directional movement index: how far apart +DI and −DI are, in percent of their sum,
    /// as TA-Lib.
    ///
    /// # Formula
    ///
    /// `DX = 100 · |+DI − −DI| / (+DI + −DI)` with the DIs of [`PlusDi`](super::PlusDi) and
    /// [`MinusDi`](super::MinusDi) (computed as `100 · |+DM − −DM| / (+DM + −DM)`, the true
    /// range cancelled); first output at bar `n + 1`. A bar without direction (smoothed
    /// true range 0, or both DIs 0) repeats the last DX (0 if it is the first), as TA-Lib.
    /// See the [module docs](super).
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
    ///
    /// # Inputs and range
    ///
    /// Refuses a candle with an unusable number or a close outside `[low, high]`. The output
    /// is in `0..=100`: 0 when the two DIs are equal, 100 when one of them is 0.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::Dx, Indicator};
    ///
    /// let bar = |h: f64, l: f64, c: f64| Candle::new(c, h, l, c, 0.0);
    /// let mut dx = Dx::new(2)?;
    /// assert_eq!(dx.update(bar(10.0, 8.0, 9.0)?), None);
    /// assert_eq!(dx.update(bar(11.0, 9.0, 10.0)?), None);
    /// // only up moves: −DI = 0, so DX = 100
    /// assert_eq!(dx.update(bar(13.0, 10.0, 12.0)?), Some(100.0));
    /// assert_eq!(dx.to_string(), "DX(2)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `DX`, matched at
    /// every index.
    #[doc(alias = "DX")]
    Dx, Strength, 2, "2..=100000", "DX",
    range_only = false,
    copy = true,
    read = |core: &Strength<T>| core.dx(),
    peek = |core: &Strength<T>, candle: &Candle<T>| core.pushed(candle).dx(),
    warmup = |n: usize| n + 1,
}
