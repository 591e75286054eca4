use super::core::Strength;
use super::directional_line;
use crate::bar::Candle;
use crate::{Error, Real};

directional_line! {
    /// Average directional movement index: Wilder's average of [`Dx`](super::Dx), the
    /// strength of a trend whatever its direction, as TA-Lib.
    ///
    /// # Formula
    ///
    /// The first ADX is the mean of the first `n` DX values (a bar without direction
    /// counting 0), at bar `2n`; then `ADX_t = (ADX_{t−1} · (n − 1) + DX_t) / n`, skipping
    /// the bars without direction (the ADX keeps its value), as TA-Lib. See the
    /// [module docs](super).
    ///
    /// # Parameters
    ///
    /// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 14.
    ///
    /// # Inputs and range
    ///
    /// Refuses a candle with an unusable number or a close outside `[low, high]`. The output
    /// is in `0..=100`. Analysts read above 25 as a trend and below 20 as none; ADX rising
    /// through 25 is a [`CrossLevel`](crate::signal::CrossLevel) on it (see the
    /// [module docs](super#events)).
    ///
    /// # Example
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::Adx, Indicator};
    ///
    /// let bar = |mid: f64| Candle::new(mid, mid + 1.0, mid - 1.0, mid, 0.0);
    /// let mut adx = Adx::new(3)?;
    /// let out = adx.batch(&(0..8).map(|i| bar(100.0 + 3.0 * i as f64)).collect::<Result<Vec<_>, _>>()?);
    /// assert_eq!(out[..5], [None; 5]); // first output at bar 2n = 6
    /// assert_eq!(out[5], Some(100.0)); // a steady climb: −DI = 0, every DX 100
    /// assert_eq!(adx.warmup_period(), 6);
    /// assert_eq!(Adx::<f64>::default().to_string(), "ADX(14)");
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Links
    ///
    /// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `ADX`, matched at
    /// every index.
    #[doc(alias = "ADX")]
    #[doc(alias = "average directional index")]
    Adx, Strength, 2, "2..=100000", "ADX",
    range_only = false,
    copy = true,
    read = |core: &Strength<T>| core.adx(),
    peek = |core: &Strength<T>, candle: &Candle<T>| core.pushed(candle).adx(),
    warmup = |n: usize| 2 * n,
}

impl<T: Real> Adx<T> {
    /// The slice path in TA-Lib's `ADX` shape: `high`, `low` and `close` columns in, the ADX
    /// of each row into `out`, NaN while warming up. Each row is the candle
    /// `(open: close, high, low, close, volume: 0)`: the outputs and the final state are bit
    /// for bit those of [`update`](crate::Indicator::update) over those candles (a row it
    /// refuses is ignored, its output repeats the previous one). Runs on a copy of the state
    /// held in registers, reads 24 bytes a row where a [`Candle`] holds 40, and checks the
    /// rows 256 at a time: where all are usable, each close within its range, they skip
    /// the per-candle check.
    ///
    /// ```
    /// use ta_stream::momentum::Adx;
    ///
    /// // A steady climb: every DX is 100 from the first, so the ADX is 100 from bar 2n = 6.
    /// let close: Vec<f64> = (0..8).map(|i| 100.0 + 3.0 * i as f64).collect();
    /// let (high, low): (Vec<f64>, Vec<f64>) = close.iter().map(|c| (c + 1.0, c - 1.0)).unzip();
    /// let mut adx = [0.0_f64; 8];
    /// Adx::new(3)?.hlc_into(&high, &low, &close, &mut adx)?;
    /// assert!(adx[..5].iter().all(|x| x.is_nan()));
    /// assert_eq!(adx[5..], [100.0; 3]);
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
        let mut local = self.clone();
        crate::slice::hlc_values(&mut local, [high, low, close], out, |adx, columns, out| {
            // The rows' numbers are proven usable; with every close within its range too,
            // `update` without the candle's check.
            let [high, low, close] = columns;
            let rows = || high.iter().zip(low).zip(close);
            let inside = rows().fold(true, |inside, ((&high, &low), &close)| {
                inside & (low <= close) & (close <= high)
            });
            if !inside {
                return false;
            }
            for (((&high, &low), &close), slot) in rows().zip(out) {
                adx.core.push(&Candle::from_hlc(high, low, close));
                *slot = adx.core.adx().unwrap_or_else(T::nan);
            }
            true
        })?;
        *self = local;
        Ok(())
    }
}
