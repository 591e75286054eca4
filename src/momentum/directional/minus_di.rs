use super::core::Movement;
use super::directional_line;
use crate::bar::Candle;

directional_line! {
    /// Minus directional indicator: the share of the true range that moved down, in
    /// percent, as TA-Lib.
    ///
    /// # Formula
    ///
    /// `−DI = 100 · S(−DM) / S(TR)`, Wilder's sums of −DM and of the true range seeded with
    /// the plain sum of the first `n − 1` moves (see the [module docs](super)); 0 when
    /// `S(TR) = 0`. First output at bar `n + 1`, after the first Wilder step. At `n = 1`
    /// TA-Lib gives the fraction `−DM / TR` of each bar (not multiplied by 100), and so does
    /// this type.
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 14.
    ///
    /// # Inputs and range
    ///
    /// Refuses a candle with an unusable number or a close outside `[low, high]`. The output
    /// is in `0..=100` (`0..=1` at `n = 1`).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::MinusDi, Indicator};
    ///
    /// let bar = |h: f64, l: f64, c: f64| Candle::new(c, h, l, c, 0.0);
    /// let mut di = MinusDi::new(2)?;
    /// assert_eq!(di.update(bar(12.0, 10.0, 11.0)?), None);
    /// assert_eq!(di.update(bar(11.0, 9.0, 10.0)?), None); // −DM 1, TR 2: the seed sums
    /// // −DM 2, TR 3: S(−DM) = 1 − 1/2 + 2 = 2.5, S(TR) = 2 − 2/2 + 3 = 4
    /// assert_eq!(di.update(bar(10.0, 7.0, 8.0)?), Some(62.5));
    /// assert_eq!(MinusDi::<f64>::default().to_string(), "-DI(14)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `MINUS_DI`,
    /// matched at every index.
    #[doc(alias = "MINUS_DI")]
    #[doc(alias = "-DI")]
    MinusDi, Movement, 1, "1..=100000", "-DI",
    range_only = false,
    copy = true,
    read = |core: &Movement<T>| core.di().map(|(_, minus)| minus),
    peek = |core: &Movement<T>, candle: &Candle<T>| core.pushed(candle).di().map(|(_, minus)| minus),
    warmup = |n: usize| n + 1,
}
