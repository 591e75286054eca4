use core::fmt;

use super::core::{accepts, Previous};
use crate::bar::Candle;
use crate::error::check_period;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

/// The two vortex lines: see [`Vortex`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VortexOutput<T = f64> {
    /// VI+: upward vortex movement over the true range (TA-Lib `plusvi`).
    pub plus: T,
    /// VI−: downward vortex movement over the true range (TA-Lib `minusvi`).
    pub minus: T,
}

/// Vortex indicator (Botes and Siepman): how far each bar reached from the previous bar's
/// opposite extreme, against the true range, as TA-Lib.
///
/// # Formula
///
/// For each bar after the first: `VM+ = |H − L_prev|`, `VM− = |L − H_prev|`, and the true
/// range `TR = max(H − L, |H − C_prev|, |L − C_prev|)`. Over the last `n` bars,
/// `VI+ = ΣVM+ / ΣTR` and `VI− = ΣVM− / ΣTR`; both 0 when `ΣTR = 0` (as TA-Lib). First
/// output at bar `n + 1`. The sums are drift-free [`RollingSum`]s: nothing that left the
/// window leaves a trace.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000`, default 14.
///
/// # Inputs and range
///
/// Refuses a candle with an unusable number or a close outside `[low, high]`. Both lines
/// are `≥ 0` and usually near 1; there is no upper bound (a bar that barely moves after a
/// wide one has a tiny true range and a large vortex movement), so a ratio beyond the float
/// range saturates at `T::MAX` and every output is finite. VI+ crossing above VI− is read as
/// a new up trend: a [`Crossover`](crate::signal::Crossover) of `(plus, minus)`.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Vortex, Indicator};
///
/// let bar = |h: f64, l: f64, c: f64| Candle::new(c, h, l, c, 0.0);
/// let mut vortex = Vortex::new(2)?;
/// assert_eq!(vortex.update(bar(10.0, 8.0, 9.0)?), None);
/// assert_eq!(vortex.update(bar(11.0, 9.0, 10.0)?), None); // VM+ 3, VM− 1, TR 2
/// let out = vortex.update(bar(13.0, 10.0, 12.0)?).unwrap(); // VM+ 4, VM− 1, TR 3
/// assert_eq!((out.plus, out.minus), (7.0 / 5.0, 2.0 / 5.0));
/// assert_eq!(vortex.to_string(), "VORTEX(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Botes and Siepman, "The Vortex Indicator", *Technical Analysis of Stocks & Commodities*
/// (January 2010); TA-Lib `VORTEX`, matched at every index.
#[doc(alias = "VORTEX")]
#[doc(alias = "VI")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VortexState<T>")
)]
pub struct Vortex<T: Real = f64> {
    previous: Option<Previous<T>>,
    plus: RollingSum<T>,
    minus: RollingSum<T>,
    range: RollingSum<T>,
}

impl Vortex {
    /// The vortex lines over `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Vortex<T> {
    /// [`Vortex::new`] in any precision `T` (`f32`, or generic code): `Vortex::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("period", period)?))
    }

    fn with_valid_period(period: usize) -> Self {
        Self {
            previous: None,
            plus: RollingSum::with_valid_period(period),
            minus: RollingSum::with_valid_period(period),
            range: RollingSum::with_valid_period(period),
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.range.period()
    }

    /// `(VM+, VM−, TR)` of `candle` after the previous bar.
    #[inline]
    fn movements(previous: &Previous<T>, candle: &Candle<T>) -> (T, T, T) {
        (
            (candle.high - previous.low).abs(),
            (candle.low - previous.high).abs(),
            previous.true_range(candle),
        )
    }

    /// Both sums over the true ranges' sum: 0 when it is 0, saturated at `T::MAX`.
    #[inline]
    fn output(plus: T, minus: T, range: T) -> VortexOutput<T> {
        let ratio = |sum: T| {
            if range == T::zero() {
                T::zero()
            } else {
                (sum / range).min(T::max_value())
            }
        };
        VortexOutput {
            plus: ratio(plus),
            minus: ratio(minus),
        }
    }
}

impl<T: Real> Default for Vortex<T> {
    /// VORTEX(14), TA-Lib's default.
    fn default() -> Self {
        Self::with_valid_period(14)
    }
}

impl<T: Real> Indicator for Vortex<T> {
    type Input = Candle<T>;
    type Output = VortexOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<VortexOutput<T>> {
        if !accepts(&candle) {
            return self.value();
        }
        if let Some(previous) = &self.previous {
            let (plus, minus, range) = Self::movements(previous, &candle);
            self.plus.push_inlined(plus);
            self.minus.push_inlined(minus);
            self.range.push_inlined(range);
        }
        self.previous = Some(Previous::of(&candle));
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<VortexOutput<T>> {
        if !accepts(&candle) {
            return self.value();
        }
        let previous = self.previous.as_ref()?;
        if self.range.len() + 1 < self.period() {
            return None;
        }
        let (plus, minus, range) = Self::movements(previous, &candle);
        Some(Self::output(
            self.plus.peek_sum(plus),
            self.minus.peek_sum(minus),
            self.range.peek_sum(range),
        ))
    }

    #[inline]
    fn value(&self) -> Option<VortexOutput<T>> {
        self.range
            .is_full()
            .then(|| Self::output(self.plus.sum(), self.minus.sum(), self.range.sum()))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.plus.clear();
        self.minus.clear();
        self.range.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects a candle with an unusable number or a close outside `[low, high]`.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<VortexOutput<T>>, Error> {
        if accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Vortex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VORTEX({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VortexState<T: Real> {
    previous: Option<Previous<T>>,
    plus: RollingSum<T>,
    minus: RollingSum<T>,
    range: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VortexState<T>> for Vortex<T> {
    type Error = Error;

    /// The period in range; three windows of that period, equally filled, only after a
    /// first bar; every stored movement within `0..=2·max_input`; a valid previous bar.
    fn try_from(state: VortexState<T>) -> Result<Self, Error> {
        let period = state.range.period();
        Self::new_generic(period)?;
        let largest = crate::float::lit::<T>(2.0) * T::max_input();
        let windows = [&state.plus, &state.minus, &state.range];
        let consistent = windows
            .iter()
            .all(|w| w.period() == period && w.len() == state.range.len())
            && windows
                .iter()
                .all(|w| w.iter().all(|x| x >= T::zero() && x <= largest))
            && (state.range.is_empty() || state.previous.is_some())
            && state.previous.is_none_or(|p| p.is_valid(false));
        if !consistent {
            return Err(crate::error::invalid_state(
                "vortex windows of different periods or lengths, a movement outside \
                 0..=2·max_input, or no valid previous bar",
            ));
        }
        Ok(Self {
            previous: state.previous,
            plus: state.plus,
            minus: state.minus,
            range: state.range,
        })
    }
}
