use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::{Error, Indicator, Real};

use super::exp_average::{ExpAverage, Start};
use super::{money_flow_columns, money_flow_volume, AccumulationDistribution};
use crate::levels::is_valid_bar;

/// Chaikin's A/D oscillator: a fast minus a slow exponential average of the
/// [A/D line](AccumulationDistribution).
///
/// # Formula
///
/// `ADOSC_t = EMA_fast(AD)_t − EMA_slow(AD)_t`, with TA-Lib's `k = 2/(n + 1)` and both
/// averages seeded with the first A/D value (TA-Lib's `ADOSC` does not use the SMA seed of
/// its `EMA`). First output after `max(fast, slow)` candles, as TA-Lib. The periods are
/// not swapped: with `fast > slow` the sign flips, as in TA-Lib.
///
/// # Parameters
///
/// - `fast` (TA-Lib `fastperiod`): `2..=100000`, default 3;
/// - `slow` (TA-Lib `slowperiod`): `2..=100000`, default 10.
///
/// # Inputs and range
///
/// Valid candles, as [`AccumulationDistribution`]. Any sign: the averages lie within the
/// A/D line's range, so `|ADOSC|` is at most twice the sum of the volumes. A candle that
/// would make a value overflow is refused.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volume::ChaikinOscillator, Indicator};
///
/// let mut adosc = ChaikinOscillator::new(2, 3)?; // k = 2/3 and 1/2
/// let at_high = Candle::new(10.0, 12.0, 10.0, 12.0, 300.0)?; // A/D +300 each bar
/// let out = adosc.batch(&[at_high, at_high, at_high]);
/// // A/D 300, 600, 900; fast EMA 300, 500, 766.67; slow 300, 450, 675
/// assert_eq!(out[..2], [None, None]);
/// assert!((out[2].unwrap() - (2300.0 / 3.0 - 675.0)).abs() < 1e-9);
/// assert_eq!(adosc.to_string(), "ADOSC(2,3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Marc Chaikin's oscillator, as TA-Lib `ADOSC`; matches it at every index.
#[doc(alias = "ADOSC")]
#[doc(alias = "Chaikin oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ChaikinOscillatorState<T>")
)]
pub struct ChaikinOscillator<T: Real = f64> {
    line: AccumulationDistribution<T>,
    fast: ExpAverage<T>,
    slow: ExpAverage<T>,
    /// Candles accepted, up to the warm-up.
    count: usize,
}

type Step<T> = (
    crate::window::CompensatedSum<T>,
    ExpAverage<T>,
    ExpAverage<T>,
);

impl ChaikinOscillator {
    /// The oscillator of the `fast` and `slow` averages of the A/D line.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless both periods are in `2..=100000`.
    pub fn new(fast: usize, slow: usize) -> Result<Self, Error> {
        Self::new_generic(fast, slow)
    }
}

impl<T: Real> ChaikinOscillator<T> {
    /// [`ChaikinOscillator::new`] in any precision `T` (`f32`, or generic code): `ChaikinOscillator::<f32>::new_generic(12, 26)`.
    pub fn new_generic(fast: usize, slow: usize) -> Result<Self, Error> {
        let fast = at_least_two("fast", fast)?;
        let slow = at_least_two("slow", slow)?;
        Ok(Self::with_valid_periods(fast, slow))
    }

    fn with_valid_periods(fast: usize, slow: usize) -> Self {
        Self {
            line: AccumulationDistribution::new_generic(),
            fast: ExpAverage::new(fast, Start::First),
            slow: ExpAverage::new(slow, Start::First),
            count: 0,
        }
    }

    /// The fast period.
    pub fn fast(&self) -> usize {
        self.fast.period()
    }

    /// The slow period.
    pub fn slow(&self) -> usize {
        self.slow.period()
    }

    /// The next state after `candle`, or `None` if it is refused (invalid, or an average
    /// or the output would overflow).
    #[inline]
    fn step(&self, candle: &Candle<T>) -> Option<Step<T>> {
        self.step_to(self.line.step(candle)?)
    }

    /// Past the warm-up, [`step`](Self::step) with its output, without the averages'
    /// bookkeeping and with one finiteness check: the output's, which covers the total and
    /// both averages (a non-finite total makes both averages, and their difference,
    /// non-finite; `k > 0`). So it refuses what `step` refuses, and its values are `step`'s
    /// bit for bit.
    #[inline]
    fn steady_step(&self, candle: &Candle<T>) -> Option<(T, Step<T>)> {
        if !is_valid_bar(candle) {
            return None;
        }
        let total = self.line.total().plus(money_flow_volume(candle));
        let line = total.total();
        let (mut fast, mut slow) = (self.fast, self.slow);
        let output = fast.steady_next(line) - slow.steady_next(line);
        output.is_finite().then_some((output, (total, fast, slow)))
    }

    /// `true` once the warm-up is over: every step then gives an output.
    #[inline]
    fn is_warm(&self) -> bool {
        self.count == self.warmup_period()
    }

    /// [`step`](Self::step) of a valid bar of money-flow volume `flow`.
    #[inline]
    fn step_with_flow(&self, flow: T) -> Option<Step<T>> {
        self.step_to(self.line.add_flow(flow)?)
    }

    /// The averages' steps to the line's new `total`, or `None` if an average or the
    /// output would overflow.
    #[inline]
    fn step_to(&self, total: crate::window::CompensatedSum<T>) -> Option<Step<T>> {
        let line = total.total();
        let (fast, slow) = (self.fast.next(line)?, self.slow.next(line)?);
        (fast.value()? - slow.value()?)
            .is_finite()
            .then_some((total, fast, slow))
    }

    #[inline]
    fn output(&self, count: usize, fast: &ExpAverage<T>, slow: &ExpAverage<T>) -> Option<T> {
        if count < self.warmup_period() {
            return None;
        }
        Some(fast.value()? - slow.value()?)
    }

    #[inline]
    fn next_count(&self) -> usize {
        (self.count + 1).min(self.warmup_period())
    }

    #[inline]
    fn commit(&mut self, (total, fast, slow): Step<T>) {
        self.line.commit(total);
        self.fast = fast;
        self.slow = slow;
        self.count = self.next_count();
    }

    /// Past the warm-up, the steps of a chunk of valid rows whose money-flow volumes are in
    /// `out` (replaced by the outputs), on a copy and without a finiteness check a step:
    /// every output finite means every step's total and averages were (a non-finite total
    /// makes both averages, and their difference, non-finite; `k > 0`), so the checks
    /// would all have passed and the outputs are [`update`](Indicator::update)'s bit for
    /// bit; otherwise `false`, nothing committed (the chunk then goes row by row).
    #[inline]
    fn steady_chunk(&mut self, out: &mut [T]) -> bool {
        let (mut total, mut fast, mut slow) = (self.line.total(), self.fast, self.slow);
        for slot in out.iter_mut() {
            total = total.plus(*slot);
            let line = total.total();
            *slot = fast.steady_next(line) - slow.steady_next(line);
        }
        if !out.iter().fold(true, |finite, x| finite & x.is_finite()) {
            return false;
        }
        if !out.is_empty() {
            self.line.commit(total);
        }
        (self.fast, self.slow) = (fast, slow);
        true
    }

    /// The slice path in TA-Lib's `ADOSC` shape: `high`, `low`, `close` and `volume`
    /// columns in, the oscillator after each row into `out`, NaN while warming up. Each row
    /// is the candle `(open: close, high, low, close, volume)`, so the outputs and the final
    /// state are bit for bit those of [`update`](Indicator::update) over those candles: a
    /// row that is not a valid bar is ignored (its output repeats the previous one). Reads
    /// 32 bytes a row where a [`Candle`] holds 40; a chunk of valid rows is checked at
    /// once, its money-flow volumes computed without a dependency from one row to the
    /// next, then added up and averaged.
    ///
    /// ```
    /// use ta_stream::volume::ChaikinOscillator;
    ///
    /// let high = [10.0, 12.0, 11.0, 12.0];
    /// let (low, close, volume) = ([8.0, 8.0, 9.0, 10.0], [10.0, 9.0, 10.0, 12.0], [100.0; 4]);
    /// let mut adosc = [0.0_f64; 4];
    /// ChaikinOscillator::new(2, 3)?.hlcv_into(&high, &low, &close, &volume, &mut adosc)?;
    /// // The line 100, 50, 50, 150; its averages from the first value: 3 rows 100, 66.67,
    /// // 55.56, 118.52 (k = 2/3), 100, 75, 62.5, 106.25 (k = 1/2).
    /// assert!(adosc[1].is_nan()); // warming up: the slow average's 3 rows
    /// assert!((adosc[2] - (55.5556 - 62.5)).abs() < 1e-4);
    /// assert!((adosc[3] - (118.5185 - 106.25)).abs() < 1e-4);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close`, `volume` or
    /// `out` differs in length from `high`; nothing is consumed then.
    pub fn hlcv_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        volume: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        let columns = [high, low, close, volume];
        money_flow_columns(self, columns, out, Self::add_up, Self::update)
    }

    /// A chunk's money-flow volumes (in `out`) stepped through, replaced by the outputs:
    /// past the warm-up by [`steady_chunk`](Self::steady_chunk); before, a step at a time on
    /// a copy, a step refused (a total or an output beyond the float range) declining the
    /// chunk (`false`, nothing committed), which then goes row by row.
    fn add_up(&mut self, out: &mut [T]) -> bool {
        if self.is_warm() {
            return self.steady_chunk(out);
        }
        let mut local = self.clone();
        for slot in out.iter_mut() {
            let Some(step) = local.step_with_flow(*slot) else {
                return false;
            };
            local.commit(step);
            *slot = local.value().unwrap_or_else(T::nan);
        }
        *self = local;
        true
    }
}

/// `value` in `2..=100000`, or the error naming `name`.
pub(crate) fn at_least_two(name: &'static str, value: usize) -> Result<usize, Error> {
    let value = check_period(name, value)?;
    if value < 2 {
        return Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "2..=100000",
        });
    }
    Ok(value)
}

impl<T: Real> Default for ChaikinOscillator<T> {
    /// ADOSC(3, 10), TA-Lib's defaults.
    fn default() -> Self {
        Self::with_valid_periods(3, 10)
    }
}

impl<T: Real> Indicator for ChaikinOscillator<T> {
    type Input = Candle<T>;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if self.is_warm() {
            let Some((output, step)) = self.steady_step(&candle) else {
                return self.value();
            };
            self.commit(step);
            return Some(output);
        }
        if let Some(step) = self.step(&candle) {
            self.commit(step);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if self.is_warm() {
            return match self.steady_step(&candle) {
                Some((output, _)) => Some(output),
                None => self.value(),
            };
        }
        match self.step(&candle) {
            Some((_, fast, slow)) => self.output(self.next_count(), &fast, &slow),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.output(self.count, &self.fast, &self.slow)
    }

    fn reset(&mut self) {
        self.line.reset();
        self.fast.reset();
        self.slow.reset();
        self.count = 0;
    }

    fn warmup_period(&self) -> usize {
        self.fast().max(self.slow())
    }

    /// Rejects an invalid candle, or one that would make a value overflow.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match self.step(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for ChaikinOscillator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ADOSC({},{})", self.fast(), self.slow())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ChaikinOscillatorState<T: Real> {
    line: AccumulationDistribution<T>,
    fast: ExpAverage<T>,
    slow: ExpAverage<T>,
    count: usize,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ChaikinOscillatorState<T>> for ChaikinOscillator<T> {
    type Error = Error;

    /// Periods in range, averages seeded with the first value, as many candles counted as
    /// the averages saw (up to the warm-up), and the A/D line started iff any was.
    fn try_from(state: ChaikinOscillatorState<T>) -> Result<Self, Error> {
        let fresh = Self::new_generic(state.fast.period(), state.slow.period())?;
        let fed = state.fast.count() > 0;
        let consistent = state.fast.is_consistent(fresh.fast(), Start::First)
            && state.slow.is_consistent(fresh.slow(), Start::First)
            && state.count <= fresh.warmup_period()
            && fed == (state.count > 0)
            && fed == (state.slow.count() > 0)
            && fed == state.line.value().is_some();
        if !consistent {
            return Err(invalid_state(
                "ADOSC averages not seeded with the first value, or out of step with the \
                 count of candles and the A/D line",
            ));
        }
        let fed_output = match (state.fast.value(), state.slow.value()) {
            (Some(fast), Some(slow)) => (fast - slow).is_finite(),
            _ => true,
        };
        if !fed_output {
            return Err(invalid_state("ADOSC output not finite"));
        }
        Ok(Self {
            line: state.line,
            fast: state.fast,
            slow: state.slow,
            count: state.count,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::window::CompensatedSum;

    /// The general step, as `update` takes it while warming up.
    fn general_update(oscillator: &mut ChaikinOscillator<f64>, candle: Candle<f64>) -> Option<f64> {
        if let Some(step) = oscillator.step(&candle) {
            oscillator.commit(step);
        }
        oscillator.value()
    }

    /// Candles from a small generator: mostly valid bars, some with the close above the high,
    /// a negative or unusable volume, a NaN, a flat bar, or a volume at the edge of the range.
    fn candles(count: usize) -> Vec<Candle<f64>> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..count)
            .map(|_| {
                let (low, spread, place) = (50.0 + 100.0 * next(), 10.0 * next(), next());
                let high = low + spread;
                let close = low + spread * place;
                let mut candle = Candle {
                    open: close,
                    high,
                    low,
                    close,
                    volume: 1e6 * next(),
                };
                match (next() * 40.0) as u32 {
                    0 => candle.close = high + 1.0,
                    1 => candle.volume = -1.0,
                    2 => candle.volume = f64::NAN,
                    3 => candle.volume = 1e300,
                    4 => candle.high = candle.low,
                    5 => candle.volume = f64::max_input(),
                    _ => {}
                }
                candle
            })
            .collect()
    }

    /// Past the warm-up, `update` and `peek` take the steady step: the same outputs, the same
    /// refusals and the same states as the general step, bit for bit, from an ordinary state
    /// and from one whose averages are at the ends of the float range (where the output
    /// overflows, and the step must refuse the candle).
    #[test]
    fn steady_steps_are_the_general_steps() {
        // Warm, its line and fast average at the largest float, its slow average (which moves
        // by 2/100001 of the way a step) at the most negative: every output would overflow
        // (no stream of usable candles gets there).
        let mut extreme = ChaikinOscillator::new(2, 100_000).unwrap();
        extreme.line.commit(CompensatedSum::new().plus(f64::MAX));
        extreme.fast = ExpAverage::new(2, Start::First).next(f64::MAX).unwrap();
        extreme.slow = ExpAverage::new(100_000, Start::First)
            .next(-f64::MAX)
            .unwrap();
        extreme.count = extreme.warmup_period();
        let runs = [
            (
                ChaikinOscillator::new(3, 10).unwrap(),
                candles(5_000),
                false,
            ),
            (extreme, candles(2_000), true),
        ];
        for (start, candles, overflows) in runs {
            let (mut steady, mut general) = (start.clone(), start);
            let (mut refused, mut valid_refused) = (0, 0);
            for (index, candle) in candles.into_iter().enumerate() {
                let peeked = steady.peek(candle);
                let expected = general_update(&mut general, candle);
                let before = format!("{steady:?}");
                let got = steady.update(candle);
                let unchanged = format!("{steady:?}") == before;
                refused += usize::from(unchanged);
                valid_refused += usize::from(unchanged && is_valid_bar(&candle));
                let bits = |x: Option<f64>| x.map(f64::to_bits);
                assert_eq!(bits(got), bits(expected), "output at {index}");
                assert_eq!(bits(peeked), bits(expected), "peek at {index}");
                assert_eq!(
                    format!("{steady:?}"),
                    format!("{general:?}"),
                    "state at {index}"
                );
            }
            assert!(
                steady.is_warm() && refused > 0,
                "warm, and some candles refused"
            );
            assert_eq!(
                valid_refused > 0,
                overflows,
                "valid bars refused for overflowing"
            );
        }
    }
}
