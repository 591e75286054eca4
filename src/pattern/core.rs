//! The shared core: the candle history, TA-Lib's running averages per pattern, the [`Rule`]
//! trait each pattern implements, and [`Candlestick`], the indicator of one pattern.

use core::fmt;
use core::marker::PhantomData;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::{CheckedInput, Error, Indicator, Real};

use super::{CandleSettings, PatternId, Setting, Signal};

/// Most averages one pattern reads (TA-Lib's advance block reads eleven).
pub(crate) const MAX_AVERAGES: usize = 12;

/// The last candles, newest last, in storage allocated once. `len` saturates at the capacity,
/// so it also counts the candles seen until the history is full.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct History<T> {
    candles: Vec<Candle<T>>,
    capacity: usize,
    /// Slot of the next push (`candles.len()` while filling).
    next: usize,
}

impl<T: Real> History<T> {
    /// Room for `capacity` candles (at least one).
    pub(crate) fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            candles: Vec::with_capacity(capacity),
            capacity,
            next: 0,
        }
    }

    #[cfg(feature = "serde")]
    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }

    /// Candles held (= candles seen, until full).
    pub(crate) fn len(&self) -> usize {
        self.candles.len()
    }

    /// The candle `ago` candles before the next one (`ago` in `1..=len`).
    #[inline]
    pub(crate) fn get(&self, ago: usize) -> Option<Candle<T>> {
        if ago == 0 || ago > self.candles.len() {
            return None;
        }
        // `next < capacity` and `ago <= capacity`: one conditional subtraction, no division.
        let mut slot = self.next + self.capacity - ago;
        if slot >= self.capacity {
            slot -= self.capacity;
        }
        self.candles.get(slot).copied()
    }

    #[inline]
    pub(crate) fn push(&mut self, candle: Candle<T>) {
        if self.candles.len() < self.capacity {
            self.candles.push(candle);
        } else if let Some(slot) = self.candles.get_mut(self.next) {
            *slot = candle;
        }
        self.next += 1;
        if self.next == self.capacity {
            self.next = 0;
        }
    }

    pub(crate) fn clear(&mut self) {
        self.candles.clear();
        self.next = 0;
    }

    /// Positions consistent, every candle valid.
    #[cfg(feature = "serde")]
    pub(crate) fn is_consistent(&self) -> bool {
        let len = self.candles.len();
        len <= self.capacity
            && self.candles.capacity() >= len
            && (if len < self.capacity {
                self.next == len
            } else {
                self.next < self.capacity
            })
            && self.candles.iter().all(|c| c.validate().is_ok())
    }

    /// Reserves the full capacity (after deserialization).
    #[cfg(feature = "serde")]
    pub(crate) fn reserve_all(&mut self) {
        let missing = self.capacity - self.candles.len().min(self.capacity);
        self.candles.reserve_exact(missing);
    }
}

/// A candle's shape: body, shadows, colour, gaps (TA-Lib's candle macros).
pub trait Shape<T> {
    /// `|close − open|`.
    fn body(&self) -> T;
    /// `max(open, close)`.
    fn body_top(&self) -> T;
    /// `min(open, close)`.
    fn body_bottom(&self) -> T;
    /// `high − max(open, close)`.
    fn upper_shadow(&self) -> T;
    /// `min(open, close) − low`.
    fn lower_shadow(&self) -> T;
    /// `close ≥ open` (TA-Lib's colour +1; a candle with `close = open` is white).
    fn is_white(&self) -> bool;
    /// The body lies entirely above `earlier`'s body.
    fn body_gaps_up(&self, earlier: &Self) -> bool;
    /// The body lies entirely below `earlier`'s body.
    fn body_gaps_down(&self, earlier: &Self) -> bool;
    /// The low is above `earlier`'s high.
    fn gaps_up(&self, earlier: &Self) -> bool;
    /// The high is below `earlier`'s low.
    fn gaps_down(&self, earlier: &Self) -> bool;
}

impl<T: Real> Shape<T> for Candle<T> {
    #[inline]
    fn body(&self) -> T {
        (self.close - self.open).abs()
    }
    #[inline]
    fn body_top(&self) -> T {
        self.close.max(self.open)
    }
    #[inline]
    fn body_bottom(&self) -> T {
        self.close.min(self.open)
    }
    #[inline]
    fn upper_shadow(&self) -> T {
        self.high - self.body_top()
    }
    #[inline]
    fn lower_shadow(&self) -> T {
        self.body_bottom() - self.low
    }
    #[inline]
    fn is_white(&self) -> bool {
        self.close >= self.open
    }
    #[inline]
    fn body_gaps_up(&self, earlier: &Self) -> bool {
        self.body_bottom() > earlier.body_top()
    }
    #[inline]
    fn body_gaps_down(&self, earlier: &Self) -> bool {
        self.body_top() < earlier.body_bottom()
    }
    #[inline]
    fn gaps_up(&self, earlier: &Self) -> bool {
        self.low > earlier.high
    }
    #[inline]
    fn gaps_down(&self, earlier: &Self) -> bool {
        self.high < earlier.low
    }
}

/// What a pattern remembers between bars beyond its candles: the Hikkake patterns remember
/// their last pattern bar, waiting for its confirmation. Empty for the other patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Memory {
    /// Bars since the remembered pattern (saturating; `u32::MAX` when none is pending).
    pub(crate) age: u32,
    /// Direction of the remembered pattern: `1`, `−1`, or `0` before the first one.
    pub(crate) direction: i8,
}

impl Default for Memory {
    fn default() -> Self {
        Self {
            age: u32::MAX,
            direction: 0,
        }
    }
}

/// One pattern's running state over the shared history: TA-Lib's running totals, one per
/// average the rule reads, and its memory.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Tracker<T> {
    totals: [T; MAX_AVERAGES],
    memory: Memory,
}

impl<T: Real> Default for Tracker<T> {
    fn default() -> Self {
        Self {
            totals: [T::zero(); MAX_AVERAGES],
            memory: Memory::default(),
        }
    }
}

impl<T: Real> Tracker<T> {
    /// Every total finite and within what `period` ranges of usable candles add up to,
    /// the unused ones 0, the memory's direction a sign.
    #[cfg(feature = "serde")]
    pub(crate) fn is_consistent(&self, used: usize) -> bool {
        let bound = lit::<T>(2.0) * T::max_input() * lit::<T>(2.0 * crate::MAX_PERIOD as f64);
        self.totals
            .iter()
            .enumerate()
            .all(|(slot, &t)| t.abs() <= bound && (slot < used || t == T::zero()))
            && (-1..=1).contains(&self.memory.direction)
    }
}

/// What a [`Rule`] sees on the bar it decides: the candles, the candle settings' averages and
/// the penetration.
#[derive(Debug)]
pub struct Context<'a, T: Real> {
    current: Candle<T>,
    history: &'a History<T>,
    totals: &'a [T; MAX_AVERAGES],
    averages: &'static [(Setting, usize)],
    settings: &'a CandleSettings,
    penetration: T,
}

impl<T: Real> Context<'_, T> {
    /// The candle `ago` bars back: 0 is the bar being decided.
    #[inline]
    pub fn candle(&self, ago: usize) -> Candle<T> {
        if ago == 0 {
            self.current
        } else {
            self.history.get(ago).unwrap_or(self.current)
        }
    }

    /// `factor · average` of `setting` for the candle `ago` bars back: the mean of the
    /// setting's range over the `period` candles before that candle (the candle's own range
    /// when the period is 0), halved for shadows. `setting` at `ago` must be one of the
    /// rule's [`Rule::AVERAGES`].
    #[inline]
    pub fn average(&self, setting: Setting, ago: usize) -> T {
        let slot = self
            .averages
            .iter()
            .position(|&(s, a)| s == setting && a == ago);
        debug_assert!(
            slot.is_some(),
            "{setting} at {ago} is not in the rule's AVERAGES"
        );
        let total = slot.and_then(|slot| self.totals.get(slot).copied());
        self.settings
            .average(setting, total.unwrap_or_else(T::zero), &self.candle(ago))
    }

    /// The pattern's penetration parameter (0 for patterns without one).
    #[inline]
    pub fn penetration(&self) -> T {
        self.penetration
    }
}

mod sealed {
    pub trait Sealed {}
}
pub(crate) use sealed::Sealed;

/// How one candlestick pattern is decided: the candles it spans, the candle-setting averages
/// it compares them with, and the rule. Implemented by the crate's pattern rules (sealed);
/// [`Candlestick`] turns a rule into an indicator, [`CandlePatterns`](super::CandlePatterns)
/// runs them all.
pub trait Rule:
    Copy + Clone + Default + fmt::Debug + PartialEq + Send + Sync + 'static + Sealed
{
    /// The pattern.
    const ID: PatternId;
    /// Candles the pattern spans, the deciding one included.
    const CANDLES: usize;
    /// The averages the rule reads: each a setting and the candle (bars back) it is compared
    /// with; at most twelve.
    const AVERAGES: &'static [(Setting, usize)];
    /// TA-Lib's default penetration, for the patterns that take one.
    const PENETRATION: Option<f64> = None;
    /// Bars before the first output on which the rule already runs (its averages and
    /// [`Memory`] too), to fill its memory (TA-Lib's Hikkake scans three). At most the
    /// lookback minus the candles before the deciding one.
    const MEMORY_SCAN: usize = 0;

    /// TA-Lib's lookback: the longest average period plus the candles before the deciding
    /// one (a few patterns add one more).
    fn lookback(settings: &CandleSettings) -> usize {
        Self::AVERAGES
            .iter()
            .map(|&(setting, _)| settings.get(setting).period)
            .max()
            .unwrap_or(0)
            + Self::CANDLES.saturating_sub(1)
    }

    /// The signal of the bar being decided, if the pattern completes on it.
    fn detect<T: Real>(context: &Context<'_, T>, memory: &mut Memory) -> Option<Signal>;
}

/// One bar of pattern `R` over `history` (the candles before `candle`): `None` while warming
/// up (the first `lookback` bars), then the signal. Updates `tracker` the way TA-Lib updates
/// its running totals, operation for operation, so that every comparison is TA-Lib's.
#[inline]
pub(crate) fn step<R: Rule, T: Real>(
    tracker: &mut Tracker<T>,
    history: &History<T>,
    candle: Candle<T>,
    settings: &CandleSettings,
    penetration: T,
    lookback: usize,
) -> Option<Option<Signal>> {
    let seen = history.len();
    // The first bar the rule runs on: its lookback, or a few bars before for a rule with a
    // memory (TA-Lib's Hikkake scans the bars before its first output).
    let start = lookback.saturating_sub(R::MEMORY_SCAN);
    if seen < start {
        // TA-Lib's first totals: the `period` candles before the compared candle of the first
        // bar the rule runs on, summed in order.
        for (total, &(setting, ago)) in tracker.totals.iter_mut().zip(R::AVERAGES) {
            let s = settings.get(setting);
            let first = start.saturating_sub(ago + s.period);
            if seen >= first && seen + ago < start {
                *total = *total + s.range.of(&candle);
            }
        }
        return None;
    }
    let context = Context {
        current: candle,
        history,
        totals: &tracker.totals,
        averages: R::AVERAGES,
        settings,
        penetration,
    };
    let signal = R::detect(&context, &mut tracker.memory);
    let at = |ago: usize| {
        if ago == 0 {
            candle
        } else {
            history.get(ago).unwrap_or(candle)
        }
    };
    for (total, &(setting, ago)) in tracker.totals.iter_mut().zip(R::AVERAGES) {
        let s = settings.get(setting);
        if s.period > 0 {
            let entering = s.range.of(&at(ago));
            let leaving = s.range.of(&at(ago + s.period));
            *total = *total + (entering - leaving);
        }
    }
    (seen >= lookback).then_some(signal)
}

/// Checks a penetration (finite, `0..=1e6`).
pub(crate) fn check_penetration(penetration: f64) -> Result<f64, Error> {
    if (0.0..=1e6).contains(&penetration) {
        Ok(penetration)
    } else {
        Err(Error::InvalidParameter {
            name: "penetration",
            value: penetration.to_string(),
            expected: "0..=1000000 (finite)",
        })
    }
}

/// The indicator of one candlestick pattern: `Some(None)` on a bar without the pattern,
/// `Some(Some(signal))` on the bar that completes it, `None` while warming up. Each pattern
/// has its name for it (`Doji`, `Hammer`, `Engulfing`, ...).
///
/// # Inputs
///
/// A [`Candle`]; a candle with an unusable number or that is not a candle (high below low,
/// open or close outside `[low, high]`) is refused: [`Indicator::try_update`] returns
/// [`Error::InvalidInput`], `update` and `peek` ignore it.
///
/// # Candle settings
///
/// TA-Lib's defaults ([`CandleSettings::default`]); [`with_settings`](Self::with_settings)
/// takes others. A pattern decides on a bar from that bar and the ones before, never from a
/// later one.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "CandlestickState<T>",
        bound(deserialize = "T: Real + serde::Deserialize<'de>")
    )
)]
pub struct Candlestick<R: Rule, T: Real = f64> {
    #[cfg_attr(feature = "serde", serde(skip))]
    rule: PhantomData<R>,
    settings: CandleSettings,
    penetration: T,
    history: History<T>,
    tracker: Tracker<T>,
    /// `true` once warmed up.
    ready: bool,
    /// The last signal once warmed up.
    last: Option<Signal>,
}

impl<R: Rule> Candlestick<R> {
    /// The pattern with TA-Lib's candle settings and its default penetration.
    pub fn new() -> Self {
        Self::new_generic()
    }

    /// The pattern with other candle settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a period above 100000 or a factor outside `0..=1e6`.
    pub fn with_settings(settings: CandleSettings) -> Result<Self, Error> {
        Self::with_settings_generic(settings)
    }
}

impl<R: Rule, T: Real> Candlestick<R, T> {
    /// [`Candlestick::new`] in any precision `T` (`f32`, or generic code): `Candlestick::<DojiRule, f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self::build(CandleSettings::default(), R::PENETRATION.unwrap_or(0.0))
    }

    fn build(settings: CandleSettings, penetration: f64) -> Self {
        Self {
            rule: PhantomData,
            settings,
            penetration: lit(penetration),
            history: History::new(R::lookback(&settings)),
            tracker: Tracker::default(),
            ready: false,
            last: None,
        }
    }

    /// The committed output.
    fn output(&self) -> Option<Option<Signal>> {
        self.ready.then_some(self.last)
    }

    /// [`Candlestick::with_settings`] in any precision `T` (`f32`, or generic code): `Candlestick::<DojiRule, f32>::with_settings_generic(CandleSettings::default())`.
    pub fn with_settings_generic(settings: CandleSettings) -> Result<Self, Error> {
        settings.validate()?;
        Ok(Self::build(settings, R::PENETRATION.unwrap_or(0.0)))
    }

    /// The same pattern with another penetration (patterns with a `penetration` parameter).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `penetration` is finite and in `0..=1e6`.
    pub fn with_penetration(self, penetration: f64) -> Result<Self, Error> {
        let penetration = check_penetration(penetration)?;
        Ok(Self::build(self.settings, penetration))
    }

    /// The pattern this indicator finds.
    pub fn id(&self) -> PatternId {
        R::ID
    }

    /// The candle settings.
    pub fn settings(&self) -> &CandleSettings {
        &self.settings
    }

    /// The penetration (0 for patterns without one).
    pub fn penetration(&self) -> T {
        self.penetration
    }

    fn lookback(&self) -> usize {
        R::lookback(&self.settings)
    }
}

impl<R: Rule, T: Real> Default for Candlestick<R, T> {
    /// TA-Lib's candle settings and default penetration.
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<R: Rule, T: Real> Indicator for Candlestick<R, T> {
    type Input = Candle<T>;
    type Output = Option<Signal>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Option<Signal>> {
        if candle.validate().is_err() {
            return self.output();
        }
        let lookback = self.lookback();
        let out = step::<R, T>(
            &mut self.tracker,
            &self.history,
            candle,
            &self.settings,
            self.penetration,
            lookback,
        );
        self.history.push(candle);
        if let Some(signal) = out {
            self.ready = true;
            self.last = signal;
        }
        self.output()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Option<Signal>> {
        if candle.validate().is_err() {
            return self.output();
        }
        let mut tracker = self.tracker;
        step::<R, T>(
            &mut tracker,
            &self.history,
            candle,
            &self.settings,
            self.penetration,
            self.lookback(),
        )
        .or(self.output())
    }

    fn value(&self) -> Option<Option<Signal>> {
        self.output()
    }

    fn reset(&mut self) {
        self.history.clear();
        self.tracker = Tracker::default();
        self.ready = false;
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        self.lookback() + 1
    }

    /// Rejects a candle with an unusable number, a high below the low, or an open or close
    /// outside `[low, high]`.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<Option<Signal>>, Error> {
        if candle.is_usable() && candle.validate().is_ok() {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<R: Rule, T: Real> fmt::Display for Candlestick<R, T> {
    /// TA-Lib's name, with the penetration where the pattern has one: `CDLEVENINGSTAR(0.3)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if R::PENETRATION.is_some() {
            write!(f, "{}({:?})", R::ID.name(), self.penetration)
        } else {
            f.write_str(R::ID.name())
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CandlestickState<T> {
    settings: CandleSettings,
    penetration: T,
    history: History<T>,
    tracker: Tracker<T>,
    ready: bool,
    last: Option<Signal>,
}

#[cfg(feature = "serde")]
impl<R: Rule, T: Real> TryFrom<CandlestickState<T>> for Candlestick<R, T> {
    type Error = Error;

    /// Valid settings and penetration, a history sized for the pattern holding valid
    /// candles, bounded totals, and an output only once the history covers the lookback.
    fn try_from(state: CandlestickState<T>) -> Result<Self, Error> {
        state.settings.validate()?;
        let penetration = state.penetration.to_f64().unwrap_or(f64::NAN);
        if R::PENETRATION.is_some() {
            check_penetration(penetration)?;
        } else if penetration != 0.0 {
            return Err(invalid_state("penetration of a pattern that has none"));
        }
        let lookback = R::lookback(&state.settings);
        let mut history = state.history;
        let consistent = history.capacity() == lookback.max(1)
            && history.is_consistent()
            && state.tracker.is_consistent(R::AVERAGES.len())
            && (state.ready || state.last.is_none())
            && (!state.ready || history.len() >= lookback);
        if !consistent {
            return Err(invalid_state(
                "candle pattern history not sized for its lookback, invalid candles, \
                 unbounded totals, or an output before the warm-up",
            ));
        }
        history.reserve_all();
        Ok(Self {
            rule: PhantomData,
            settings: state.settings,
            penetration: state.penetration,
            history,
            tracker: state.tracker,
            ready: state.ready,
            last: state.last,
        })
    }
}
