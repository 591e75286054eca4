use core::fmt;

use super::{flush_tiny, MacdOutput};
use crate::average::Sma;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// MACD with any moving averages: TA-Lib's `MACDEXT`, three averages of three kinds.
///
/// # Formula
///
/// - `macd = F(x) − S(x)`, the fast and the slow average of the input;
/// - `signal = G(macd)`, an average of the MACD line;
/// - `histogram = macd − signal`.
///
/// Seeding is TA-Lib's: the average with the shorter warm-up skips the first inputs, as many
/// as its warm-up is shorter, so that both produce their first value on the same input (for
/// EMAs this is [`Macd`](super::Macd)'s seeding; for windowed averages such as the SMA it
/// changes nothing). The signal average takes the MACD line from its first value on. All
/// three lines start together, when the signal has its first value: after
/// `max(warm-up F, warm-up S) + warm-up G − 1` inputs (34 for SMAs of 12, 26 and 9).
///
/// The averages are given built; TA-Lib swaps the fast and slow periods (with their
/// `matype`s) when `slow < fast`, and the catalog's `MACDEXT` does the same: give the
/// shorter one first.
///
/// # Inputs and range
///
/// The MACD line is itself the input of an average, which accepts only usable numbers: so
/// that it always is one, inputs beyond `max_input/32` (`3.1e148` for `f64`) are refused
/// like unusable ones (the averages extrapolate by at most about 14 times their inputs,
/// T3's coefficients), and a line below `1e-150` counts as 0. The three lines are then
/// finite, with no fixed bound.
///
/// # Parameters
///
/// The three averages (TA-Lib: `fastperiod` 12, `slowperiod` 26, `signalperiod` 9, each with
/// its `matype`, SMA by default); periods are the averages' own (fast and slow `2..=100000`
/// in TA-Lib, signal `1..=100000`).
///
/// # Example
///
/// ```
/// use ta_stream::average::{Ema, Sma};
/// use ta_stream::{momentum::MacdExt, Indicator};
///
/// let mut macd = MacdExt::new(Sma::new(2)?, Sma::new(3)?, Ema::new(2)?);
/// let out = macd.batch(&[1.0, 2.0, 3.0, 5.0]);
/// assert_eq!(out[..3], [None, None, None]);
/// // macd: 0.5 (2.5 − 2) then 2/3 (4 − 10/3); signal: their mean, the EMA's seed
/// let last = out[3].unwrap();
/// assert!((last.signal - (0.5 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
/// assert_eq!(last.histogram, last.macd - last.signal);
/// assert_eq!(macd.to_string(), "MACDEXT(SMA(2),SMA(3),EMA(2))");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Gerald Appel's MACD; TA-Lib `MACDEXT` (every `matype` in each slot); matches it at every
/// index. [`Macd`](super::Macd) is the EMA case with a steady-state fast path.
#[doc(alias = "MACDEXT")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "MacdExtState<F, S, G>",
        bound(
            serialize = "F: serde::Serialize, S: serde::Serialize, G: serde::Serialize",
            deserialize = "F: serde::Deserialize<'de> + Indicator<Output = <F as Indicator>::Input>, \
                           <F as Indicator>::Input: Real, \
                           S: serde::Deserialize<'de> + Indicator<Input = <F as Indicator>::Input, Output = <F as Indicator>::Input>, \
                           G: serde::Deserialize<'de> + Indicator<Input = <F as Indicator>::Input, Output = <F as Indicator>::Input>"
        )
    )
)]
pub struct MacdExt<F = Sma<f64>, S = F, G = F> {
    fast: F,
    slow: S,
    signal: G,
    /// Inputs consumed, saturating at the longer warm-up.
    seen: usize,
}

impl<F, S, G, T> MacdExt<F, S, G>
where
    F: Indicator<Input = T, Output = T>,
    S: Indicator<Input = T, Output = T>,
    G: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// The MACD of `fast − slow`, with `signal` the average of that line.
    pub fn new(fast: F, slow: S, signal: G) -> Self {
        Self {
            fast,
            slow,
            signal,
            seen: 0,
        }
    }

    /// The longer of the two warm-ups.
    fn longest(&self) -> usize {
        self.fast.warmup_period().max(self.slow.warmup_period())
    }

    /// `(fast skips, slow skips)`: the inputs each average skips.
    fn skips(&self) -> (usize, usize) {
        let longest = self.longest();
        (
            longest - self.fast.warmup_period(),
            longest - self.slow.warmup_period(),
        )
    }

    /// `true` for a usable input within `max_input/32`.
    #[inline]
    fn accepts(x: T) -> bool {
        x.is_usable() && x.abs() <= T::max_input() / lit::<T>(32.0)
    }

    #[inline]
    fn output(macd: T, signal: T) -> MacdOutput<T> {
        MacdOutput {
            macd,
            signal,
            histogram: macd - signal,
        }
    }
}

impl<T: Real> Default for MacdExt<Sma<T>> {
    /// MACDEXT of SMAs of 12, 26 and 9, TA-Lib's defaults.
    fn default() -> Self {
        Self::new(
            Sma::with_valid_period(12),
            Sma::with_valid_period(26),
            Sma::with_valid_period(9),
        )
    }
}

impl<F, S, G, T> Indicator for MacdExt<F, S, G>
where
    F: Indicator<Input = T, Output = T>,
    S: Indicator<Input = T, Output = T>,
    G: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = T;
    type Output = MacdOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MacdOutput<T>> {
        if !Self::accepts(x) {
            return self.value();
        }
        let (fast_skips, slow_skips) = self.skips();
        let fast = if self.seen >= fast_skips {
            self.fast.update(x)
        } else {
            None
        };
        let slow = if self.seen >= slow_skips {
            self.slow.update(x)
        } else {
            None
        };
        if self.seen < self.longest() {
            self.seen += 1;
        }
        let macd = flush_tiny(fast? - slow?);
        let signal = self.signal.update(macd)?;
        Some(Self::output(macd, signal))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MacdOutput<T>> {
        if !Self::accepts(x) {
            return self.value();
        }
        let (fast_skips, slow_skips) = self.skips();
        if self.seen < fast_skips.max(slow_skips) {
            return None;
        }
        let macd = flush_tiny(self.fast.peek(x)? - self.slow.peek(x)?);
        let signal = self.signal.peek(macd)?;
        Some(Self::output(macd, signal))
    }

    #[inline]
    fn value(&self) -> Option<MacdOutput<T>> {
        let macd = flush_tiny(self.fast.value()? - self.slow.value()?);
        Some(Self::output(macd, self.signal.value()?))
    }

    fn reset(&mut self) {
        self.fast.reset();
        self.slow.reset();
        self.signal.reset();
        self.seen = 0;
    }

    /// Rejects unusable inputs and those beyond `max_input/32`.
    fn try_update(&mut self, x: T) -> Result<Option<MacdOutput<T>>, Error> {
        if Self::accepts(x) {
            Ok(self.update(x))
        } else {
            Err(Error::InvalidInput)
        }
    }

    fn warmup_period(&self) -> usize {
        self.longest() + self.signal.warmup_period() - 1
    }
}

impl<F: fmt::Display, S: fmt::Display, G: fmt::Display> fmt::Display for MacdExt<F, S, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MACDEXT({},{},{})", self.fast, self.slow, self.signal)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MacdExtState<F, S, G> {
    fast: F,
    slow: S,
    signal: G,
    seen: usize,
}

#[cfg(feature = "serde")]
impl<F, S, G> TryFrom<MacdExtState<F, S, G>> for MacdExt<F, S, G>
where
    F: Indicator<Output = <F as Indicator>::Input>,
    F::Input: Real,
    S: Indicator<Input = F::Input, Output = F::Input>,
    G: Indicator<Input = F::Input, Output = F::Input>,
{
    type Error = Error;

    /// The averages validate themselves; here: the inputs counted within the longer warm-up,
    /// and no signal before both lines.
    fn try_from(state: MacdExtState<F, S, G>) -> Result<Self, Error> {
        let macd = Self {
            fast: state.fast,
            slow: state.slow,
            signal: state.signal,
            seen: state.seen,
        };
        // Only conditions that stay true as updates come are checked, so every checkpoint of
        // a loaded state loads again; the counts inside the averages are theirs to validate.
        let consistent = macd.seen <= macd.longest()
            && (!macd.signal.is_ready() || (macd.slow.is_ready() && macd.fast.is_ready()));
        if !consistent {
            return Err(crate::error::invalid_state(format!(
                "MACDEXT averages are out of step with the {} inputs counted",
                macd.seen
            )));
        }
        Ok(macd)
    }
}
