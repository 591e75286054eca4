use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
use crate::float::lit;
use crate::window::RollingSum;
use crate::{CheckedInput, Error, Indicator, Real};

/// Ultimate oscillator: buying pressure against true range over three windows, weighted
/// 4 : 2 : 1 from the shortest, in `0..=100`.
///
/// # Formula
///
/// For each candle after the first, with `C'` the previous close:
/// buying pressure `BP = C − min(L, C')`, true range `TR = max(H, C') − min(L, C')`. With
/// `A_p = ΣBP / ΣTR` over the last `p` candles (0 when `ΣTR` is exactly 0, a flat window,
/// as TA-Lib) and the periods sorted `p₁ ≤ p₂ ≤ p₃` (TA-Lib sorts them too, so their
/// order does not matter):
///
/// `ULTOSC = 100·(4·A_{p₁} + 2·A_{p₂} + A_{p₃})/7`, first output after `p₃ + 1` candles.
///
/// The six sums are drift-free [`RollingSum`]s: O(1) amortized per update, and no value that
/// left a window (not even a huge one) leaves a trace in it.
///
/// # Inputs and range
///
/// A candle with an unusable number is refused (`update` and `peek` ignore it,
/// [`try_update`](Indicator::try_update) returns [`Error::InvalidInput`]). For candles with
/// the close inside their range `0 ≤ BP ≤ TR`, so each `A_p` is in `0..=1` and the output in
/// `0..=100`; each `A_p` is clamped to `0..=1` so that a close outside its candle's range
/// keeps that bound.
///
/// # Parameters
///
/// `period1`, `period2`, `period3` (TA-Lib `timeperiod1..3`): each `1..=100000`, defaults
/// 7, 14, 28.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::UltimateOscillator, Indicator};
///
/// let mut ult = UltimateOscillator::new(1, 2, 3)?;
/// let closes = [10.0, 11.0, 12.0, 13.0];
/// let out = ult.batch(&closes.map(|c| Candle::new(c, c, c, c, 0.0).unwrap()));
/// // every close is a new high: BP = TR on each candle, A = 1 in every window
/// assert_eq!(out[3], Some(100.0));
/// assert_eq!(ult.to_string(), "ULTOSC(1,2,3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Larry Williams' ultimate oscillator (1985), as TA-Lib `ULTOSC`; matches it at every
/// index.
#[doc(alias = "ULTOSC")]
#[doc(alias = "ultimate oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "UltimateOscillatorState<T>")
)]
pub struct UltimateOscillator<T: Real = f64> {
    /// Buying pressure over the three windows, shortest first.
    pressure: [RollingSum<T>; 3],
    /// True range over the same windows.
    range: [RollingSum<T>; 3],
    /// The close of the last accepted candle.
    previous: Option<T>,
}

impl UltimateOscillator {
    /// The ultimate oscillator over three windows (in any order).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the period unless each is in `1..=100000`.
    pub fn new(period1: usize, period2: usize, period3: usize) -> Result<Self, Error> {
        Self::new_generic(period1, period2, period3)
    }
}

impl<T: Real> UltimateOscillator<T> {
    /// [`UltimateOscillator::new`] in any precision `T` (`f32`, or generic code): `UltimateOscillator::<f32>::new_generic(1, 2, 3)`.
    pub fn new_generic(period1: usize, period2: usize, period3: usize) -> Result<Self, Error> {
        let periods = [
            check_period("period1", period1)?,
            check_period("period2", period2)?,
            check_period("period3", period3)?,
        ];
        Ok(Self::with_valid_periods(periods))
    }

    fn with_valid_periods(mut periods: [usize; 3]) -> Self {
        periods.sort_unstable();
        Self {
            pressure: periods.map(RollingSum::with_valid_period),
            range: periods.map(RollingSum::with_valid_period),
            previous: None,
        }
    }

    /// The three periods, shortest first.
    pub fn periods(&self) -> [usize; 3] {
        [
            self.range[0].period(),
            self.range[1].period(),
            self.range[2].period(),
        ]
    }

    /// `(BP, TR)` of `candle` after a close `previous`.
    #[inline]
    fn pressure_range(candle: &Candle<T>, previous: T) -> (T, T) {
        let low = candle.low.min(previous);
        let high = candle.high.max(previous);
        (candle.close - low, high - low)
    }

    /// `100·(4·A₁ + 2·A₂ + A₃)/7` from the three `(ΣBP, ΣTR)`.
    #[inline]
    fn oscillator(sums: [(T, T); 3]) -> T {
        let average = |(pressure, range): (T, T)| {
            if range == T::zero() {
                T::zero()
            } else {
                (pressure / range).max(T::zero()).min(T::one())
            }
        };
        let weighted =
            lit::<T>(4.0) * average(sums[0]) + lit::<T>(2.0) * average(sums[1]) + average(sums[2]);
        (lit::<T>(100.0) * (weighted / lit(7.0))).min(lit(100.0))
    }

    #[inline]
    fn is_full(&self) -> bool {
        self.range[2].is_full()
    }
}

impl<T: Real> Default for UltimateOscillator<T> {
    /// ULTOSC(7, 14, 28), TA-Lib's defaults.
    fn default() -> Self {
        Self::with_valid_periods([7, 14, 28])
    }
}

impl<T: Real> Indicator for UltimateOscillator<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        if let Some(previous) = self.previous {
            let (pressure, range) = Self::pressure_range(&candle, previous);
            for (p, r) in self.pressure.iter_mut().zip(self.range.iter_mut()) {
                p.push_inlined(pressure);
                r.push_inlined(range);
            }
        }
        self.previous = Some(candle.close);
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !candle.is_usable() {
            return self.value();
        }
        let longest = &self.range[2];
        if longest.len() + 1 < longest.period() {
            return None;
        }
        let (pressure, range) = Self::pressure_range(&candle, self.previous?);
        let mut sums = [(T::zero(), T::zero()); 3];
        for ((sum, p), r) in sums.iter_mut().zip(&self.pressure).zip(&self.range) {
            *sum = (p.peek_sum(pressure), r.peek_sum(range));
        }
        Some(Self::oscillator(sums))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if !self.is_full() {
            return None;
        }
        let mut sums = [(T::zero(), T::zero()); 3];
        for ((sum, p), r) in sums.iter_mut().zip(&self.pressure).zip(&self.range) {
            *sum = (p.sum(), r.sum());
        }
        Some(Self::oscillator(sums))
    }

    fn reset(&mut self) {
        for sum in self.pressure.iter_mut().chain(self.range.iter_mut()) {
            sum.clear();
        }
        self.previous = None;
    }

    fn warmup_period(&self) -> usize {
        self.range[2].period() + 1
    }
}

impl<T: Real> fmt::Display for UltimateOscillator<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c] = self.periods();
        write!(f, "ULTOSC({a},{b},{c})")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UltimateOscillatorState<T: Real> {
    pressure: [RollingSum<T>; 3],
    range: [RollingSum<T>; 3],
    previous: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<UltimateOscillatorState<T>> for UltimateOscillator<T> {
    type Error = Error;

    /// Periods sorted and paired, every window as long as the candles seen allow (the same
    /// count in each), true ranges in `0..=2·max_input`, buying pressures within
    /// `±2·max_input`, and a usable previous close once any window holds a value.
    fn try_from(state: UltimateOscillatorState<T>) -> Result<Self, Error> {
        let periods = state.range.each_ref().map(RollingSum::period);
        Self::new_generic(periods[0], periods[1], periods[2])?;
        let limit = lit::<T>(2.0) * T::max_input();
        let longest = state.range[2].len();
        let shaped = periods[0] <= periods[1]
            && periods[1] <= periods[2]
            && periods.iter().zip(&state.pressure).zip(&state.range).all(
                |((&period, pressure), range)| {
                    let expected = longest.min(period);
                    pressure.period() == period
                        && pressure.len() == expected
                        && range.len() == expected
                },
            );
        let values = state
            .range
            .iter()
            .all(|sum| sum.iter().all(|r| r >= T::zero() && r <= limit))
            && state
                .pressure
                .iter()
                .all(|sum| sum.iter().all(|p| p.abs() <= limit));
        let previous = match state.previous {
            Some(close) => close.is_usable(),
            None => longest == 0,
        };
        if !(shaped && values && previous) {
            return Err(crate::error::invalid_state(
                "ULTOSC windows unsorted, of unequal lengths, holding values no candle gives, \
                 or without the previous close",
            ));
        }
        Ok(Self {
            pressure: state.pressure,
            range: state.range,
            previous: state.previous,
        })
    }
}
