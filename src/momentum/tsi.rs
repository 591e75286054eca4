use core::fmt;

use crate::average::Ema;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// True strength index (Blau): the double-smoothed change over the double-smoothed absolute
/// change, in percent. TA-Lib's `TSI`.
///
/// # Formula
///
/// With `Δ_t = x_t − x_{t−1}` and `E_r`, `E_s` TA-Lib's EMAs (`k = 2/(n + 1)`, seeded with the
/// mean of their first `n` inputs, the second fed from the first one's first value on):
/// `TSI_t = 100 · E_s(E_r(Δ))_t / E_s(E_r(|Δ|))_t`, and **0 when the denominator is 0** (a
/// flat stretch; an exact test, as TA-Lib's). The averages hold half the changes (the ratio
/// is the same, halving is exact), so that they stay within the usable range. The first output comes after `r + s` inputs
/// (TA-Lib's lookback `1 + (r − 1) + (s − 1)`, plus one): 38 for 25/13.
///
/// # Range
///
/// `−100..=100`: the numerator is an average of the changes with the same non-negative
/// weights as the denominator's of their sizes (clamped, against rounding). No input is
/// refused beyond the usable range.
///
/// # Parameters
///
/// `first` (`r`, TA-Lib `firstperiod`): `1..=100000`, default 25; `second` (`s`,
/// `secondperiod`): `1..=100000`, default 13.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Tsi, Indicator};
///
/// let mut tsi: Tsi = Tsi::new(2, 1)?;
/// let out = tsi.batch(&[10.0, 11.0, 12.0, 11.0]);
/// assert_eq!(out[..2], [None, None]);
/// assert_eq!(out[2], Some(100.0)); // two rises
/// // changes 1, 1, −1: their EMA(2) is 1, then 1 + (2/3)·(−1 − 1) = −1/3; sizes stay 1
/// assert!((out[3].unwrap() + 100.0 / 3.0).abs() < 1e-12);
/// assert_eq!(Tsi::<f64>::default().to_string(), "TSI(25,13)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// William Blau, *Momentum, Direction, and Divergence* (1995); TA-Lib `TSI`, matched at every
/// index.
#[doc(alias = "TSI")]
#[doc(alias = "true strength index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "TsiState<T>")
)]
pub struct Tsi<T: Real = f64> {
    /// The last input.
    previous: Option<T>,
    change: Ema<T>,
    change_smoothed: Ema<T>,
    size: Ema<T>,
    size_smoothed: Ema<T>,
}

impl Tsi {
    /// TSI with the first smoothing over `first` changes and the second over `second`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `first` or `second` unless it is in `1..=100000`.
    pub fn new(first: usize, second: usize) -> Result<Self, Error> {
        Self::new_generic(first, second)
    }
}

impl<T: Real> Tsi<T> {
    /// [`Tsi::new`] in any precision `T` (`f32`, or generic code): `Tsi::<f32>::new_generic(2, 1)`.
    pub fn new_generic(first: usize, second: usize) -> Result<Self, Error> {
        let first = crate::error::check_period("first", first)?;
        let second = crate::error::check_period("second", second)?;
        Ok(Self::with_valid_periods(first, second))
    }

    fn with_valid_periods(first: usize, second: usize) -> Self {
        Self {
            previous: None,
            change: Ema::with_valid_period(first),
            change_smoothed: Ema::with_valid_period(second),
            size: Ema::with_valid_period(first),
            size_smoothed: Ema::with_valid_period(second),
        }
    }

    /// The first smoothing period `r`.
    pub fn first_period(&self) -> usize {
        self.change.period()
    }

    /// The second smoothing period `s`.
    pub fn second_period(&self) -> usize {
        self.change_smoothed.period()
    }

    #[inline]
    fn ratio(numerator: T, denominator: T) -> T {
        if denominator == T::zero() {
            return T::zero();
        }
        let hundred = lit::<T>(100.0);
        (hundred * numerator / denominator)
            .max(-hundred)
            .min(hundred)
    }
}

/// Half the change from `previous` to `x`: within `max_input` (what an EMA's saved state may
/// hold), and the ratio of the two averages is the same (halving is exact).
#[inline]
fn halved<T: Real>(x: T, previous: T) -> T {
    let half = lit::<T>(0.5);
    x * half - previous * half
}

impl<T: Real> Default for Tsi<T> {
    /// TSI(25, 13), TA-Lib's defaults.
    fn default() -> Self {
        Self::with_valid_periods(25, 13)
    }
}

impl<T: Real> Indicator for Tsi<T> {
    type Input = T;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let previous = self.previous.replace(x)?;
        let change = halved(x, previous);
        let numerator = self
            .change
            .feed(change)
            .and_then(|e| self.change_smoothed.feed(e));
        let denominator = self
            .size
            .feed(change.abs())
            .and_then(|e| self.size_smoothed.feed(e));
        Some(Self::ratio(numerator?, denominator?))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let change = halved(x, self.previous?);
        let numerator = self
            .change_smoothed
            .peek_fed(self.change.peek_fed(change)?)?;
        let denominator = self
            .size_smoothed
            .peek_fed(self.size.peek_fed(change.abs())?)?;
        Some(Self::ratio(numerator, denominator))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(Self::ratio(
            self.change_smoothed.value()?,
            self.size_smoothed.value()?,
        ))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.change.reset();
        self.change_smoothed.reset();
        self.size.reset();
        self.size_smoothed.reset();
    }

    fn warmup_period(&self) -> usize {
        self.first_period() + self.second_period()
    }
}

impl<T: Real> fmt::Display for Tsi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TSI({},{})", self.first_period(), self.second_period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TsiState<T: Real> {
    previous: Option<T>,
    change: Ema<T>,
    change_smoothed: Ema<T>,
    size: Ema<T>,
    size_smoothed: Ema<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<TsiState<T>> for Tsi<T> {
    type Error = Error;

    /// The previous input usable; the EMAs of changes and of their sizes in step (same
    /// periods, same progress), none fed before an input was seen, the second of each pair
    /// not before the first has a value; the averages of sizes, and their running seed sums,
    /// never negative; each EMA validates itself (a change is at most `2·max_input`, within
    /// what it accepts).
    fn try_from(state: TsiState<T>) -> Result<Self, Error> {
        let pairs_match = state.change.period() == state.size.period()
            && state.change_smoothed.period() == state.size_smoothed.period()
            && state.change.seed() == state.size.seed()
            && state.change_smoothed.seed() == state.size_smoothed.seed()
            && state.change.is_ready() == state.size.is_ready()
            && state.change.is_untouched() == state.size.is_untouched()
            && state.change_smoothed.is_ready() == state.size_smoothed.is_ready()
            && state.change_smoothed.is_untouched() == state.size_smoothed.is_untouched();
        let chained = (state.change_smoothed.is_untouched() || state.change.is_ready())
            && (state.change.is_untouched() || state.previous.is_some());
        let previous_ok = state.previous.is_none_or(|p| p.is_usable());
        // The running seed sums too, not only the values: a negative seed sum would give a
        // negative average a few inputs later.
        let sizes_ok = [&state.size, &state.size_smoothed]
            .iter()
            .all(|e| e.state() >= T::zero());
        if !(pairs_match && chained && previous_ok && sizes_ok) {
            return Err(crate::error::invalid_state(
                "TSI averages of changes and of their sizes out of step, or a stored value no \
                 input could give",
            ));
        }
        Ok(Self {
            previous: state.previous,
            change: state.change,
            change_smoothed: state.change_smoothed,
            size: state.size,
            size_smoothed: state.size_smoothed,
        })
    }
}
