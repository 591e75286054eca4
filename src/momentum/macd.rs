use core::fmt;

use crate::average::smoother::{ema_step, Rule, Smoother};
use crate::average::Seed;
use crate::slice::all_usable;
use crate::{Error, Indicator, Real};

/// One reading of [`Macd`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MacdOutput<T = f64> {
    /// The MACD line: fast EMA − slow EMA.
    pub macd: T,
    /// The signal line: an EMA of the MACD line.
    pub signal: T,
    /// MACD − signal (the bars of the usual chart).
    pub histogram: T,
}

/// Moving Average Convergence/Divergence (Appel), seeded exactly like TA-Lib.
///
/// # Formula
///
/// With `EMA_n` the exponential average of [`Ema`](crate::average::Ema) (`k = 2/(n+1)`):
/// - `macd = EMA_fast(x) − EMA_slow(x)`;
/// - `signal = EMA_signal(macd)`;
/// - `histogram = macd − signal`.
///
/// Seeding is TA-Lib's (`ta_MACD.c`), which is **not** two EMAs started on the first input:
/// - the slow EMA is seeded with the mean of inputs `0..slow` (its first value is at input
///   `slow − 1`);
/// - the fast EMA is seeded with the mean of inputs `slow − fast .. slow`: its seed window
///   *ends on the same input* as the slow one, so the first `slow − fast` inputs never reach
///   it;
/// - the signal is seeded with the mean of the first `signal` MACD values.
///
/// The first output therefore comes after `slow + signal − 1` inputs (34 for 12/26/9: index
/// 33), with all three lines at once. Starting both EMAs on the first input instead gives
/// visibly different values for hundreds of bars (3.3241 instead of 3.5086 on the test
/// suite's Series B at index 33).
///
/// # Parameters
///
/// - `fast`: `2..=100000` (12 by [`Default`]);
/// - `slow`: `2..=100000` (26 by [`Default`]);
/// - `signal`: `1..=100000` (9 by [`Default`]).
///
/// As in TA-Lib, when `slow < fast` the two periods are **swapped** (so `Macd::new(26, 12,
/// 9)` is `MACD(12,26,9)`), and `fast == slow` is accepted (the MACD line is then 0). The
/// ranges are TA-Lib's.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Macd, Indicator};
///
/// let mut macd: Macd = Macd::new(2, 3, 2)?;
/// let out = macd.batch(&[1.0, 2.0, 3.0, 4.0, 5.0]);
/// assert_eq!(out[..3], [None, None, None]);
/// // On a straight line the MACD line settles at (slow − fast)/2 per unit of slope.
/// let last = out[4].unwrap();
/// assert!((last.macd - 0.5).abs() < 1e-12);
/// assert_eq!(last.histogram, last.macd - last.signal);
/// assert_eq!(Macd::<f64>::default().to_string(), "MACD(12,26,9)");
/// assert_eq!(Macd::<f64>::default().warmup_period(), 34);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Gerald Appel, *Technical Analysis: Power Tools for Active Investors* (2005); TA-Lib `MACD`
/// (matched at every index, see `tests/talib_momentum.rs`; `MACDEXT` with EMA types and
/// `MACDFIX` are not provided).
#[doc(alias = "MACD")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MacdState<T>")
)]
pub struct Macd<T: Real = f64> {
    fast: Smoother<T>,
    slow: Smoother<T>,
    signal: Smoother<T>,
    /// Inputs consumed, saturating at the slow period: the fast EMA is fed from input
    /// `slow − fast` on.
    seen: usize,
    /// `true` once the signal average is seeded (so all three are): updates then take the
    /// steady-state path, three EMA steps and no bookkeeping. Derived from the averages.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: bool,
}

/// Checks a MACD period in `minimum..=100000`.
fn check_macd_period(name: &'static str, value: usize, minimum: usize) -> Result<usize, Error> {
    if (minimum..=crate::MAX_PERIOD).contains(&value) {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: if minimum == 2 {
                "2..=100000"
            } else {
                "1..=100000"
            },
        })
    }
}

impl Macd {
    /// A MACD with TA-Lib's seeding. Periods are swapped when `slow < fast`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast` or `slow` unless it is in `2..=100000`, or
    /// `signal` unless it is in `1..=100000`.
    pub fn new(fast: usize, slow: usize, signal: usize) -> Result<Self, Error> {
        Self::new_generic(fast, slow, signal)
    }
}

impl<T: Real> Macd<T> {
    /// [`Macd::new`] in any precision `T` (`f32`, or generic code): `Macd::<f32>::new_generic(12, 26, 9)`.
    pub fn new_generic(fast: usize, slow: usize, signal: usize) -> Result<Self, Error> {
        let fast = check_macd_period("fast", fast, 2)?;
        let slow = check_macd_period("slow", slow, 2)?;
        let signal = check_macd_period("signal", signal, 1)?;
        Ok(Self::with_valid_periods(fast, slow, signal))
    }

    fn with_valid_periods(fast: usize, slow: usize, signal: usize) -> Self {
        let (fast, slow) = if slow < fast {
            (slow, fast)
        } else {
            (fast, slow)
        };
        Self {
            fast: Smoother::with_valid_period(fast, Seed::Sma, Rule::Ema),
            slow: Smoother::with_valid_period(slow, Seed::Sma, Rule::Ema),
            signal: Smoother::with_valid_period(signal, Seed::Sma, Rule::Ema),
            seen: 0,
            warm: false,
        }
    }

    /// The fast EMA period (the smaller one).
    pub fn fast_period(&self) -> usize {
        self.fast.period()
    }

    /// The slow EMA period (the larger one).
    pub fn slow_period(&self) -> usize {
        self.slow.period()
    }

    /// The signal EMA period.
    pub fn signal_period(&self) -> usize {
        self.signal.period()
    }

    /// Inputs the fast EMA skips so that its seed window ends with the slow one's.
    #[inline]
    fn fast_offset(&self) -> usize {
        self.slow.period() - self.fast.period()
    }

    /// An update while warming up: each average fed in turn as its seeding requires;
    /// `(macd, signal)` once all three are seeded.
    #[inline]
    fn warming_update(&mut self, x: T) -> Option<(T, T)> {
        let slow = self.slow.update(x);
        let fast = if self.seen >= self.fast_offset() {
            self.fast.update(x)
        } else {
            None
        };
        if self.seen < self.slow.period() {
            self.seen += 1;
        }
        let macd = fast? - slow?;
        let signal = self.signal.update(macd)?;
        self.warm = self.signal.is_warm();
        Some((macd, signal))
    }

    /// [`update`](Indicator::update)'s body, always inlined (also into the column path's
    /// loop, where an out-of-line call per input costs more than the update itself).
    #[inline(always)]
    fn step(&mut self, x: T) -> Option<MacdOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let (macd, signal) = if self.warm {
            // The steady state: exactly the steps `warming_update` would take.
            let macd = self.fast.ema_step(x) - self.slow.ema_step(x);
            (macd, self.signal.ema_step(macd))
        } else {
            self.warming_update(x)?
        };
        Some(Self::output(macd, signal))
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

/// Rows of the column path's steady loop whose inputs are checked at once.
const STEADY_CHUNK: usize = 256;

impl<T: Real> Macd<T> {
    /// The slice path in TA-Lib's `MACD` shape: runs the indicator over `inputs` and writes
    /// the MACD line, the signal line and the histogram of each update into `macd`, `signal`
    /// and `histogram`, NaN while warming up; bit for bit [`update`](Indicator::update)'s
    /// outputs. An unusable input is ignored as `update` ignores it (its row repeats the
    /// previous one).
    ///
    /// ```
    /// use ta_stream::momentum::Macd;
    ///
    /// // On a ramp each EMA lags it by (n − 1)/2 from its seed on, so MACD(3, 7, 3) is 3 − 1.
    /// let closes: Vec<f64> = (0..12).map(f64::from).collect();
    /// let (mut macd, mut signal, mut histogram) = ([0.0_f64; 12], [0.0; 12], [0.0; 12]);
    /// Macd::new(3, 7, 3)?.lines_into(&closes, &mut macd, &mut signal, &mut histogram)?;
    /// assert!(macd[7].is_nan() && signal[7].is_nan()); // 7 + 3 − 1 inputs to warm up
    /// assert_eq!((macd[8], signal[8], histogram[8]), (2.0, 2.0, 0.0));
    /// assert_eq!((macd[11], signal[11], histogram[11]), (2.0, 2.0, 0.0));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `macd`, `signal` or `histogram`
    /// differs in length from `inputs`; nothing is consumed then.
    pub fn lines_into(
        &mut self,
        inputs: &[T],
        macd: &mut [T],
        signal: &mut [T],
        histogram: &mut [T],
    ) -> Result<(), Error> {
        for (name, column) in [
            ("macd", &*macd),
            ("signal", &*signal),
            ("histogram", &*histogram),
        ] {
            crate::slice::check_lengths(name, inputs.len(), column.len())?;
        }
        let mut rows = inputs.iter().zip(
            macd.iter_mut()
                .zip(signal.iter_mut().zip(histogram.iter_mut())),
        );
        // Input by input until the three averages are seeded, then the steady loop.
        let mut warming = 0;
        while !self.warm {
            let Some((&x, (macd, (signal, histogram)))) = rows.next() else {
                return Ok(());
            };
            self.write_row(x, macd, signal, histogram);
            warming += 1;
        }
        let chunks = inputs
            .get(warming..)
            .unwrap_or_default()
            .chunks(STEADY_CHUNK)
            .zip(
                macd.get_mut(warming..)
                    .unwrap_or_default()
                    .chunks_mut(STEADY_CHUNK),
            )
            .zip(
                signal
                    .get_mut(warming..)
                    .unwrap_or_default()
                    .chunks_mut(STEADY_CHUNK),
            )
            .zip(
                histogram
                    .get_mut(warming..)
                    .unwrap_or_default()
                    .chunks_mut(STEADY_CHUNK),
            );
        for (((inputs, macd), signal), histogram) in chunks {
            if all_usable(inputs) {
                self.steady_usable_rows(inputs, macd, signal, histogram);
            } else {
                for (&x, (macd, (signal, histogram))) in inputs.iter().zip(
                    macd.iter_mut()
                        .zip(signal.iter_mut().zip(histogram.iter_mut())),
                ) {
                    self.write_row(x, macd, signal, histogram);
                }
            }
        }
        Ok(())
    }

    /// One update of the column path: `step`, its three numbers written, NaN without an
    /// output.
    #[inline(always)]
    fn write_row(&mut self, x: T, macd: &mut T, signal: &mut T, histogram: &mut T) {
        let out = self.step(x);
        *macd = out.map_or_else(T::nan, |out| out.macd);
        *signal = out.map_or_else(T::nan, |out| out.signal);
        *histogram = out.map_or_else(T::nan, |out| out.histogram);
    }

    /// The column path's steady loop over usable inputs: `step`'s steady state with the
    /// three averages in local variables (so in registers for the whole loop), without its
    /// check of each input and its test of the warm-up.
    #[inline]
    fn steady_usable_rows(
        &mut self,
        inputs: &[T],
        macd: &mut [T],
        signal: &mut [T],
        histogram: &mut [T],
    ) {
        let (mut fast, mut slow, mut average) =
            (self.fast.state(), self.slow.state(), self.signal.state());
        let (fast_keep, fast_take) = self.fast.weights();
        let (slow_keep, slow_take) = self.slow.weights();
        let (signal_keep, signal_take) = self.signal.weights();
        for (&x, (macd, (signal, histogram))) in inputs.iter().zip(
            macd.iter_mut()
                .zip(signal.iter_mut().zip(histogram.iter_mut())),
        ) {
            fast = ema_step(fast, x, fast_keep, fast_take);
            slow = ema_step(slow, x, slow_keep, slow_take);
            let line = fast - slow;
            average = ema_step(average, line, signal_keep, signal_take);
            *macd = line;
            *signal = average;
            *histogram = line - average;
        }
        self.fast.set_state(fast);
        self.slow.set_state(slow);
        self.signal.set_state(average);
    }
}

impl<T: Real> Default for Macd<T> {
    /// MACD(12, 26, 9), Appel's periods.
    fn default() -> Self {
        Self::with_valid_periods(12, 26, 9)
    }
}

impl<T: Real> Indicator for Macd<T> {
    type Input = T;
    type Output = MacdOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MacdOutput<T>> {
        self.step(x)
    }

    /// [`update`](Indicator::update) over `inputs`, one output per input, bit for bit: run
    /// through [`lines_into`](Macd::lines_into) a chunk at a time into three buffers on the
    /// stack, a row of NaN read as `None` (every `Some` line is finite), which is faster
    /// than collecting the outputs of `update` one at a time.
    fn batch(&mut self, inputs: &[T]) -> Vec<Option<MacdOutput<T>>> {
        use crate::slice::VALUE_CHUNK;
        let mut outputs = Vec::with_capacity(inputs.len());
        let mut lines = [[T::nan(); VALUE_CHUNK]; 3];
        for chunk in inputs.chunks(VALUE_CHUNK) {
            let [macd, signal, histogram] = lines
                .each_mut()
                .map(|line| line.get_mut(..chunk.len()).unwrap_or_default());
            // `lines_into` refuses only columns of the wrong length, before consuming
            // anything; the chunk goes through `update` then (never, in fact).
            if self.lines_into(chunk, macd, signal, histogram).is_ok() {
                let rows = macd.iter().zip(signal.iter()).zip(histogram.iter());
                outputs.extend(rows.map(|((&macd, &signal), &histogram)| {
                    (!macd.is_nan()).then_some(MacdOutput {
                        macd,
                        signal,
                        histogram,
                    })
                }));
            } else {
                outputs.extend(chunk.iter().map(|&x| self.update(x)));
            }
        }
        outputs
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MacdOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        if self.warm {
            let macd = self.fast.peek_ema_step(x) - self.slow.peek_ema_step(x);
            let signal = self.signal.peek_ema_step(macd);
            return Some(Self::output(macd, signal));
        }
        // The slow EMA is ready exactly when the fast one is (their seeds end together).
        let slow = self.slow.peek(x)?;
        let fast = self.fast.peek(x)?;
        let macd = fast - slow;
        let signal = self.signal.peek(macd)?;
        Some(Self::output(macd, signal))
    }

    #[inline]
    fn value(&self) -> Option<MacdOutput<T>> {
        let macd = self.fast.value()? - self.slow.value()?;
        Some(Self::output(macd, self.signal.value()?))
    }

    fn reset(&mut self) {
        self.fast.reset();
        self.slow.reset();
        self.signal.reset();
        self.seen = 0;
        self.warm = false;
    }

    fn warmup_period(&self) -> usize {
        self.slow.period() + self.signal.period() - 1
    }
}

impl<T: Real> fmt::Display for Macd<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "MACD({},{},{})",
            self.fast_period(),
            self.slow_period(),
            self.signal_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MacdState<T: Real> {
    fast: Smoother<T>,
    slow: Smoother<T>,
    signal: Smoother<T>,
    seen: usize,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MacdState<T>> for Macd<T> {
    type Error = Error;

    fn try_from(state: MacdState<T>) -> Result<Self, Error> {
        let MacdState {
            fast,
            slow,
            signal,
            seen,
        } = state;
        check_macd_period("fast", fast.period(), 2)?;
        check_macd_period("slow", slow.period(), 2)?;
        let smoothers = [&fast, &slow, &signal];
        let kinds = smoothers
            .iter()
            .all(|s| s.seed() == Seed::Sma && !s.is_wilder());
        if !kinds || fast.period() > slow.period() {
            return Err(crate::error::invalid_state(
                "MACD averages must be SMA-seeded EMAs with fast period <= slow period",
            ));
        }
        let fast_expected = seen.saturating_sub(slow.period() - fast.period());
        let consistent = seen <= slow.period()
            && slow.count() == seen
            && fast.count() == fast_expected
            && (signal.count() == 0 || slow.value().is_some())
            // Averages of inputs: no larger than an input, so that the MACD line fed to the
            // signal average stays within twice that.
            && fast.fed_at_most(T::max_input())
            && slow.fed_at_most(T::max_input());
        if !consistent {
            return Err(crate::error::invalid_state(format!(
                "MACD averages have consumed {}, {} and {} inputs after {seen}: inconsistent",
                fast.count(),
                slow.count(),
                signal.count()
            )));
        }
        let warm = signal.is_warm();
        Ok(Self {
            fast,
            slow,
            signal,
            seen,
            warm,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::average::smoother::test_walk;

    /// Each update on the steady-state path gives what the general path gives from the
    /// same state, bit for bit, and leaves the same state (`peek` too).
    #[test]
    fn the_steady_path_is_the_general_path_bit_for_bit() {
        let mut indicator = Macd::<f64>::new(3, 7, 4).unwrap();
        let mut steady = 0;
        for x in test_walk(600) {
            let mut general = indicator.clone();
            general.warm = false;
            steady += usize::from(indicator.warm);
            assert_eq!(indicator.peek(x), general.peek(x));
            assert_eq!(indicator.update(x), general.update(x));
            // An ignored input leaves the general path's `warm` as the test set it.
            if x.is_finite() {
                assert_eq!(indicator, general);
            }
        }
        assert!(steady > 500, "only {steady} steady updates");
    }
}
