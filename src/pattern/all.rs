//! [`CandlePatterns`]: every pattern over one shared history, and the [`PatternSet`] it
//! reports per bar.

use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::{CheckedInput, Error, Indicator, Real};

use super::core::{check_penetration, History, Tracker};
use super::registry;
use super::{CandleSettings, PatternId, Signal};

/// The patterns found on one bar, with their signals: a set of [`PatternId`]s in three
/// 64-bit planes (no allocation, `Copy`).
///
/// ```
/// use ta_stream::pattern::{PatternId, PatternSet, Signal};
///
/// let mut set = PatternSet::default();
/// assert!(set.is_empty());
/// set.insert(PatternId::Engulfing, Signal::Bearish);
/// set.insert(PatternId::Doji, Signal::Neutral);
/// assert_eq!(set.get(PatternId::Engulfing), Some(Signal::Bearish));
/// assert_eq!(set.get(PatternId::Hammer), None);
/// assert_eq!(set.len(), 2);
/// let found: Vec<_> = set.iter().map(|(id, signal)| (id.name(), signal.code())).collect();
/// assert_eq!(found, [("CDLDOJI", 100), ("CDLENGULFING", -100)]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PatternSet {
    /// Bit `i` of plane `b` is bit `b` of the signal code of pattern `i` (0: none).
    planes: [u64; 3],
}

impl PatternSet {
    /// Records `signal` for `id` (replacing any earlier one).
    pub fn insert(&mut self, id: PatternId, signal: Signal) {
        let bit = 1u64 << (id as u32);
        let bits = signal.bits();
        for (plane, mask) in self.planes.iter_mut().enumerate() {
            if bits >> plane & 1 == 1 {
                *mask |= bit;
            } else {
                *mask &= !bit;
            }
        }
    }

    /// The signal of `id`, if it was found.
    pub fn get(&self, id: PatternId) -> Option<Signal> {
        let shift = id as u32;
        let bits = self
            .planes
            .iter()
            .enumerate()
            .fold(0u8, |bits, (plane, mask)| {
                bits | (((mask >> shift) & 1) as u8) << plane
            });
        Signal::from_bits(bits)
    }

    /// `true` when `id` was found.
    pub fn contains(&self, id: PatternId) -> bool {
        self.mask() >> (id as u32) & 1 == 1
    }

    fn mask(&self) -> u64 {
        self.planes[0] | self.planes[1] | self.planes[2]
    }

    /// Number of patterns found.
    pub fn len(&self) -> usize {
        self.mask().count_ones() as usize
    }

    /// `true` when no pattern was found.
    pub fn is_empty(&self) -> bool {
        self.mask() == 0
    }

    /// The patterns found and their signals, in TA-Lib's order.
    pub fn iter(&self) -> impl Iterator<Item = (PatternId, Signal)> + '_ {
        PatternId::ALL
            .iter()
            .filter_map(|&id| self.get(id).map(|signal| (id, signal)))
    }
}

/// One pattern's place in [`CandlePatterns`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Slot<T> {
    id: PatternId,
    /// TA-Lib's lookback of the pattern with the indicator's settings.
    lookback: usize,
    penetration: T,
    tracker: Tracker<T>,
}

/// Every candlestick pattern at once: on each bar, the [`PatternSet`] of the patterns that
/// complete on it, each with its signal — what a screener wants. Each pattern is decided
/// exactly as its own indicator ([`Doji`](super::Doji), [`Engulfing`](super::Engulfing),
/// ...) decides it, over one shared candle history.
///
/// # Warm-up
///
/// A pattern is decided from its own warm-up on (TA-Lib's lookback, 2 to 14 bars with the
/// default settings); the set is `Some` from the first bar on which any pattern is decided,
/// and a pattern still warming up is simply absent from it (TA-Lib's 0).
///
/// # Inputs
///
/// A [`Candle`]; one with an unusable number, a high below its low, or an open or close
/// outside `[low, high]` is refused like an unusable input.
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::pattern::{CandlePatterns, PatternId, Signal};
/// use ta_stream::Indicator;
///
/// let mut patterns = CandlePatterns::new();
/// let c = |o, h, l, c| Candle::new(o, h, l, c, 0.0);
/// for _ in 0..12 {
///     patterns.update(c(10.0, 10.6, 9.4, 10.5)?);
/// }
/// // A black candle swallowed by a long white one.
/// patterns.update(c(10.5, 10.6, 9.9, 10.0)?);
/// let found = patterns.update(c(9.8, 11.2, 9.7, 11.0)?).unwrap_or_default();
/// assert_eq!(found.get(PatternId::Engulfing), Some(Signal::Bullish));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "CDL")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "CandlePatternsState<T>",
        bound(deserialize = "T: Real + serde::Deserialize<'de>")
    )
)]
pub struct CandlePatterns<T: Real = f64> {
    settings: CandleSettings,
    history: History<T>,
    slots: Vec<Slot<T>>,
    last: Option<PatternSet>,
}

impl CandlePatterns {
    /// Every pattern with TA-Lib's candle settings and default penetrations.
    pub fn new() -> Self {
        Self::new_generic()
    }

    /// Every pattern with other candle settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a period above 100000 or a factor outside `0..=1e6`.
    pub fn with_settings(settings: CandleSettings) -> Result<Self, Error> {
        Self::with_settings_generic(settings)
    }
}

impl<T: Real> CandlePatterns<T> {
    /// [`CandlePatterns::new`] in any precision `T` (`f32`, or generic code): `CandlePatterns::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self::build(CandleSettings::default())
    }

    fn build(settings: CandleSettings) -> Self {
        let slots: Vec<Slot<T>> = PatternId::ALL
            .iter()
            .filter_map(|&id| {
                registry::lookback(id, &settings).map(|lookback| Slot {
                    id,
                    lookback,
                    penetration: lit(registry::penetration(id).unwrap_or(0.0)),
                    tracker: Tracker::default(),
                })
            })
            .collect();
        let capacity = Self::longest(&slots);
        Self {
            settings,
            history: History::new(capacity),
            slots,
            last: None,
        }
    }

    fn longest(slots: &[Slot<T>]) -> usize {
        slots.iter().map(|slot| slot.lookback).max().unwrap_or(0)
    }

    /// [`CandlePatterns::with_settings`] in any precision `T` (`f32`, or generic code): `CandlePatterns::<f32>::with_settings_generic(CandleSettings::default())`.
    pub fn with_settings_generic(settings: CandleSettings) -> Result<Self, Error> {
        settings.validate()?;
        Ok(Self::build(settings))
    }

    /// The same indicator, fresh, with another penetration for pattern `id`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] if `id` has no penetration parameter or `penetration` is
    /// not finite in `0..=1e6`.
    pub fn with_penetration(mut self, id: PatternId, penetration: f64) -> Result<Self, Error> {
        let penetration = check_penetration(penetration)?;
        if registry::penetration(id).is_none() {
            return Err(Error::InvalidParameter {
                name: "id",
                value: id.name().to_string(),
                expected: "a pattern with a penetration parameter",
            });
        }
        self.reset();
        for slot in self.slots.iter_mut().filter(|slot| slot.id == id) {
            slot.penetration = lit(penetration);
        }
        Ok(self)
    }

    /// The patterns this indicator decides, in TA-Lib's order.
    pub fn patterns(&self) -> impl Iterator<Item = PatternId> + '_ {
        self.slots.iter().map(|slot| slot.id)
    }

    /// The candle settings.
    pub fn settings(&self) -> &CandleSettings {
        &self.settings
    }

    fn decide(&self, slots: &mut [Slot<T>], candle: Candle<T>) -> Option<PatternSet> {
        let mut set = None;
        for slot in slots {
            let out = registry::step(
                slot.id,
                &mut slot.tracker,
                &self.history,
                candle,
                &self.settings,
                slot.penetration,
                slot.lookback,
            );
            if let Some(found) = out {
                let set = set.get_or_insert_with(PatternSet::default);
                if let Some(signal) = found {
                    set.insert(slot.id, signal);
                }
            }
        }
        set
    }
}

impl<T: Real> Default for CandlePatterns<T> {
    /// Every pattern, TA-Lib's settings.
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for CandlePatterns<T> {
    type Input = Candle<T>;
    type Output = PatternSet;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<PatternSet> {
        if candle.validate().is_err() {
            return self.last;
        }
        let mut slots = core::mem::take(&mut self.slots);
        let out = self.decide(&mut slots, candle);
        self.slots = slots;
        self.history.push(candle);
        if out.is_some() {
            self.last = out;
        }
        self.last
    }

    fn peek(&self, candle: Candle<T>) -> Option<PatternSet> {
        if candle.validate().is_err() {
            return self.last;
        }
        let mut set = None;
        for slot in &self.slots {
            let mut tracker = slot.tracker;
            let out = registry::step(
                slot.id,
                &mut tracker,
                &self.history,
                candle,
                &self.settings,
                slot.penetration,
                slot.lookback,
            );
            if let Some(found) = out {
                let set = set.get_or_insert_with(PatternSet::default);
                if let Some(signal) = found {
                    set.insert(slot.id, signal);
                }
            }
        }
        set.or(self.last)
    }

    fn value(&self) -> Option<PatternSet> {
        self.last
    }

    fn reset(&mut self) {
        self.history.clear();
        for slot in &mut self.slots {
            slot.tracker = Tracker::default();
        }
        self.last = None;
    }

    /// The shortest lookback of the patterns plus one.
    fn warmup_period(&self) -> usize {
        self.slots
            .iter()
            .map(|slot| slot.lookback)
            .min()
            .unwrap_or(0)
            + 1
    }

    /// Rejects a candle with an unusable number, a high below the low, or an open or close
    /// outside `[low, high]`.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<PatternSet>, Error> {
        if candle.is_usable() && candle.validate().is_ok() {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for CandlePatterns<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CDL({} patterns)", self.slots.len())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CandlePatternsState<T> {
    settings: CandleSettings,
    history: History<T>,
    slots: Vec<Slot<T>>,
    last: Option<PatternSet>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CandlePatternsState<T>> for CandlePatterns<T> {
    type Error = Error;

    /// Valid settings; the crate's patterns in order with valid penetrations and bounded
    /// totals; a history sized for the longest lookback; an output only after a warm-up.
    fn try_from(state: CandlePatternsState<T>) -> Result<Self, Error> {
        state.settings.validate()?;
        let fresh = Self::build(state.settings);
        let same_patterns = state.slots.len() == fresh.slots.len()
            && state.slots.iter().zip(&fresh.slots).all(|(s, f)| {
                let penetration = s.penetration.to_f64().unwrap_or(f64::NAN);
                s.id == f.id
                    && s.lookback == f.lookback
                    && (if registry::penetration(s.id).is_some() {
                        check_penetration(penetration).is_ok()
                    } else {
                        penetration == 0.0
                    })
                    && s.tracker.is_consistent(registry::averages(s.id))
            });
        let mut history = state.history;
        let consistent = same_patterns
            && history.capacity() == fresh.history.capacity()
            && history.is_consistent()
            && (state.last.is_none() || history.len() + 1 >= fresh.warmup_period());
        if !consistent {
            return Err(invalid_state(
                "candle patterns not the crate's, penetrations or totals out of range, or a \
                 history not sized for the lookbacks",
            ));
        }
        history.reserve_all();
        let mut slots = Vec::with_capacity(fresh.slots.len());
        slots.extend(state.slots);
        Ok(Self {
            settings: state.settings,
            history,
            slots,
            last: state.last,
        })
    }
}
