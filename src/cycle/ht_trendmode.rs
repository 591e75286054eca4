use core::fmt;

use super::hilbert::{radians, Hilbert, Lookback};
use super::phase::DominantPhase;
use crate::average::ht_trendline::TrendlineBlock;
use crate::float::lit;
use crate::{Indicator, Real};

/// What [`HtTrendMode`] finds the market doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum MarketMode {
    /// Cycling: TA-Lib's `0`.
    Cycle,
    /// Trending: TA-Lib's `1`.
    Trend,
}

impl MarketMode {
    /// TA-Lib's code: 1 for a trend, 0 for a cycle.
    pub fn code(self) -> i32 {
        match self {
            Self::Cycle => 0,
            Self::Trend => 1,
        }
    }
}

/// Ehlers' trend-versus-cycle mode (Hilbert transform): [`MarketMode::Trend`] or
/// [`MarketMode::Cycle`] (TA-Lib's 1 or 0).
///
/// # Formula
///
/// With `SP` the dominant cycle period, `φ` the phase of [`HtDcPhase`](super::HtDcPhase),
/// `sine = sin φ`, `lead = sin(φ + 45°)`, `s_t` the WMA-smoothed price and `TL` the
/// [`HtTrendline`](crate::average::HtTrendline), a bar is a trend unless:
/// - the sine and lead sine cross on this bar (`sine > lead` after `sine ≤ lead`, or
///   `sine < lead` after `sine ≥ lead`; the count of bars since the last crossing restarts
///   at 1), or fewer than `SP/2` bars have passed since the last crossing; or
/// - the phase advanced by between `0.67` and `1.5` times a cycle's normal `360°/SP`;
///
/// and it is a trend again whenever `|s_t − TL| / |TL| ≥ 1.5%` (`TL ≠ 0`).
///
/// No parameters. First output on the 64th input (TA-Lib's lookback of 63). O(`SP`) per
/// update (at most 50 terms for the phase and 50 for the trendline), as in TA-Lib.
///
/// # Example
///
/// ```
/// use ta_stream::{cycle::{HtTrendMode, MarketMode}, Indicator};
///
/// // A sine wave with a 20-bar cycle: mostly a cycle, declared a trend near its turns.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut mode = HtTrendMode::new();
/// let out = mode.batch(&closes);
/// assert!(out[..63].iter().all(Option::is_none));
/// // TA-Lib's HT_TRENDMODE on the same closes, from index 63: 1 1 1 1 1 1 1 1 0 1 1 ...
/// let codes: Vec<i32> = out[63..74].iter().map(|m| m.unwrap().code()).collect();
/// assert_eq!(codes, [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1]);
/// assert_eq!(mode.value(), Some(MarketMode::Trend));
/// assert_eq!(mode.to_string(), "HT_TRENDMODE");
/// ```
///
/// # Links
///
/// TA-Lib `HT_TRENDMODE` (its integer output); matches it at every index.
#[doc(alias = "HT_TRENDMODE")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HtTrendModeState<T>")
)]
pub struct HtTrendMode<T: Real = f64> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
    trend: TrendlineBlock<T>,
    /// Sine and lead sine of the last step (both 0 before the first).
    sine: T,
    lead_sine: T,
    /// Bars since the last crossing of the sine lines, counting this one (saturating at
    /// [`MAX_DAYS`]: only `< SP/2 ≤ 25` matters).
    days: usize,
    /// The mode of the last step.
    mode: MarketMode,
}

/// Where the count of bars in a trend stops: beyond half the longest cycle, it changes
/// nothing.
const MAX_DAYS: usize = 50;

/// What one step computes.
struct ModeStep<T> {
    phase: T,
    sine: T,
    lead_sine: T,
    average: T,
    days: usize,
    mode: MarketMode,
}

impl HtTrendMode {
    /// The trend mode, as TA-Lib computes it.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> HtTrendMode<T> {
    /// [`HtTrendMode::new`] in any precision `T` (`f32`, or generic code): `HtTrendMode::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            hilbert: Hilbert::new(Lookback::Long),
            phase: DominantPhase::new(),
            trend: TrendlineBlock::new(),
            sine: T::zero(),
            lead_sine: T::zero(),
            days: 0,
            mode: MarketMode::Trend,
        }
    }

    /// The step of the (usable) input `x`, `None` before the transform starts.
    #[inline]
    fn next(&self, x: T) -> Option<(super::hilbert::Step<T>, ModeStep<T>)> {
        let step = self.hilbert.next(x)?;
        let sp = step.smooth_period;
        let phase = self.phase.next(step.smoothed, sp);
        let sine = radians(phase).sin();
        let lead_sine = radians(phase + lit::<T>(45.0)).sin();
        let (average, trendline) = self.trend.next(x, sp);

        let mut mode = MarketMode::Trend;
        let mut days = self.days;
        let crossed = (sine > lead_sine && self.sine <= self.lead_sine)
            || (sine < lead_sine && self.sine >= self.lead_sine);
        if crossed {
            days = 0;
            mode = MarketMode::Cycle;
        }
        days = (days + 1).min(MAX_DAYS);
        if count_below(days, lit::<T>(0.5) * sp) {
            mode = MarketMode::Cycle;
        }
        let advance = phase - self.phase.phase();
        if sp != T::zero()
            && advance > lit::<T>(0.67 * 360.0) / sp
            && advance < lit::<T>(1.5 * 360.0) / sp
        {
            mode = MarketMode::Cycle;
        }
        if trendline != T::zero()
            && ((step.smoothed - trendline) / trendline).abs() >= lit::<T>(0.015)
        {
            mode = MarketMode::Trend;
        }
        Some((
            step,
            ModeStep {
                phase,
                sine,
                lead_sine,
                average,
                days,
                mode,
            },
        ))
    }
}

/// `days < bound`.
#[inline]
fn count_below<T: Real>(days: usize, bound: T) -> bool {
    super::hilbert::count_as::<T>(days) < bound
}

impl<T: Real> Default for HtTrendMode<T> {
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for HtTrendMode<T> {
    type Input = T;
    type Output = MarketMode;

    #[inline]
    fn update(&mut self, x: T) -> Option<MarketMode> {
        if !x.is_usable() {
            return self.value();
        }
        match self.next(x) {
            Some((step, next)) => {
                self.phase.commit(step.smoothed, next.phase);
                self.trend.commit(x, Some(next.average));
                self.sine = next.sine;
                self.lead_sine = next.lead_sine;
                self.days = next.days;
                self.mode = next.mode;
                self.hilbert.commit(x, Some(step));
            }
            None => {
                self.trend.commit(x, None);
                self.hilbert.commit(x, None);
            }
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MarketMode> {
        if !x.is_usable() {
            return self.value();
        }
        if !self.hilbert.next_is_ready() {
            return None;
        }
        self.next(x).map(|(_, next)| next.mode)
    }

    #[inline]
    fn value(&self) -> Option<MarketMode> {
        self.hilbert.is_ready().then_some(self.mode)
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Long.lookback() + 1
    }
}

impl<T: Real> fmt::Display for HtTrendMode<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HT_TRENDMODE")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HtTrendModeState<T: Real> {
    hilbert: Hilbert<T>,
    phase: DominantPhase<T>,
    trend: TrendlineBlock<T>,
    sine: T,
    lead_sine: T,
    days: usize,
    mode: MarketMode,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HtTrendModeState<T>> for HtTrendMode<T> {
    type Error = crate::Error;

    fn try_from(state: HtTrendModeState<T>) -> Result<Self, crate::Error> {
        super::hilbert::check_lookback(&state.hilbert, Lookback::Long)?;
        let (count, steps) = (state.hilbert.count(), state.hilbert.steps());
        state.phase.validate(steps, state.hilbert.is_ready())?;
        state.trend.validate(count, steps)?;
        let unit = -T::one()..=T::one();
        let zero = T::zero();
        let consistent = if steps == 0 {
            state.sine == zero
                && state.lead_sine == zero
                && state.days == 0
                && state.mode == MarketMode::Trend
        } else {
            unit.contains(&state.sine)
                && unit.contains(&state.lead_sine)
                && (1..=MAX_DAYS.min(steps)).contains(&state.days)
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "HT_TRENDMODE: sine lines or a count no input sequence produces",
            ));
        }
        Ok(Self {
            hilbert: state.hilbert,
            phase: state.phase,
            trend: state.trend,
            sine: state.sine,
            lead_sine: state.lead_sine,
            days: state.days,
            mode: state.mode,
        })
    }
}
