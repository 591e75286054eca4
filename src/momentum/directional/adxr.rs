use super::core::Rating;
use super::directional_line;
use crate::bar::Candle;

directional_line! {
    /// Average directional movement index rating: the mean of today's [`Adx`](super::Adx)
    /// and the ADX of `n − 1` bars before, as TA-Lib.
    ///
    /// # Formula
    ///
    /// `ADXR_t = (ADX_t + ADX_{t−n+1}) / 2`; first output at bar `3n − 1`. See the
    /// [module docs](super).
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14. Keeps the last `n`
    /// ADX values.
    ///
    /// # Inputs and range
    ///
    /// Refuses a candle with an unusable number or a close outside `[low, high]`. The output
    /// is in `0..=100`.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::Adxr, Indicator};
    ///
    /// let bar = |mid: f64| Candle::new(mid, mid + 1.0, mid - 1.0, mid, 0.0);
    /// let mut adxr = Adxr::new(2)?;
    /// let bars = (0..6).map(|i| bar(100.0 + 3.0 * i as f64)).collect::<Result<Vec<_>, _>>()?;
    /// let out = adxr.batch(&bars);
    /// assert_eq!(out[..4], [None; 4]); // first output at bar 3n − 1 = 5
    /// assert_eq!(out[4], Some(100.0)); // a steady climb: every ADX is 100
    /// assert_eq!(adxr.to_string(), "ADXR(2)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `ADXR`, matched at
    /// every index.
    #[doc(alias = "ADXR")]
    Adxr, Rating, 2, "2..=100000", "ADXR",
    range_only = false,
    copy = false,
    read = |core: &Rating<T>| core.adxr(),
    peek = |core: &Rating<T>, candle: &Candle<T>| core.pushed(candle).1,
    warmup = |n: usize| 3 * n - 1,
}
