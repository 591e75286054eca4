use super::core::Movement;
use super::directional_line;
use crate::bar::Candle;

directional_line! {
    /// Plus directional movement: Wilder's running sum of the up moves (+DM), as TA-Lib.
    ///
    /// # Formula
    ///
    /// `+DM = H − H_prev` when that up move is positive and larger than the down move
    /// `L_prev − L`, else 0. The first output is the plain sum of the first `n − 1` moves
    /// (of one move for `n ≤ 2`); then `S_t = S_{t−1} − S_{t−1}/n + DM_t`. At `n = 1` it is
    /// each bar's +DM. See the [module docs](super) for the shared definitions.
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 14.
    ///
    /// # Inputs and range
    ///
    /// Reads the high and the low; refuses a candle with an unusable number or a high below
    /// its low. The output is a sum of price moves: `≥ 0`, below `n · 2 · max_input`. First
    /// output with bar `max(n, 2)`.
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::PlusDm, Indicator};
    ///
    /// let bar = |h: f64, l: f64| Candle::new(l, h, l, l, 0.0);
    /// let mut dm = PlusDm::new(3)?;
    /// assert_eq!(dm.update(bar(10.0, 9.0)?), None);
    /// assert_eq!(dm.update(bar(12.0, 9.5)?), None); // +DM 2
    /// assert_eq!(dm.update(bar(13.0, 11.0)?), Some(3.0)); // 2 + 1: the sum of n − 1 moves
    /// assert_eq!(dm.update(bar(12.0, 10.0)?), Some(2.0)); // 3 − 3/3 + 0 (a down move)
    /// assert_eq!(dm.to_string(), "+DM(3)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `PLUS_DM`,
    /// matched at every index.
    #[doc(alias = "PLUS_DM")]
    #[doc(alias = "+DM")]
    PlusDm, Movement, 1, "1..=100000", "+DM",
    range_only = true,
    copy = true,
    read = |core: &Movement<T>| core.dm().map(|(plus, _)| plus),
    peek = |core: &Movement<T>, candle: &Candle<T>| core.pushed(candle).dm().map(|(plus, _)| plus),
    warmup = |n: usize| n.max(2),
}
