use core::cmp::Ordering;
use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
use crate::float::lit;
use crate::levels::{check_percent, fmt_percent, Swing, SwingKind, SwingPivots, SwingReading};
use crate::volatility::Atr;
use crate::{Error, Indicator, Real};

/// Largest number of live levels a [`SupportResistance`] may keep.
const MAX_CAPACITY: usize = 1024;

/// How close a pivot must be to a level to join it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Tolerance<T = f64> {
    /// `|p − level| <= x/100 · level`, with `x` in percent (0.5 to 1.5 is usual).
    Percent(T),
    /// `|p − level| <= multiple · ATR(period)`, the ATR of the bar that confirms the pivot.
    Atr {
        /// Multiple of the ATR, positive.
        multiple: T,
        /// Period of Wilder's ATR, `1..=100000`.
        period: usize,
    },
}

/// What a level does for the price: holds it from below, or caps it from above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Role {
    /// Below the price; breaks on closes below it.
    Support,
    /// Above the price; breaks on closes above it.
    Resistance,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Support => "support",
            Self::Resistance => "resistance",
        })
    }
}

/// A support or resistance level: a cluster of confirmed swing pivots.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Level<T = f64> {
    /// Sum of the pivot prices in the cluster.
    sum: T,
    touches: u64,
    first_touch: u64,
    last_touch: u64,
    role: Role,
    breaks: u64,
    last_break: Option<u64>,
    /// Consecutive closes beyond the level on the side that breaks it.
    beyond: u64,
}

impl<T: Real> Level<T> {
    fn from_swing(swing: &Swing<T>) -> Self {
        Self {
            sum: swing.price,
            touches: 1,
            first_touch: swing.index,
            last_touch: swing.index,
            role: match swing.kind {
                SwingKind::Low => Role::Support,
                SwingKind::High => Role::Resistance,
            },
            breaks: 0,
            last_break: None,
            beyond: 0,
        }
    }

    /// The level's price: the mean of its pivots (the anchor a new pivot is compared with is
    /// the running cluster mean, not the first pivot).
    ///
    /// The mean of prices in the usable input range lies in that range; the result is clamped
    /// to `±`[`Real::max_input`] so that rounding of a long sum never takes it outside.
    pub fn price(&self) -> T {
        let mean = self.sum / T::from(self.touches).unwrap_or_else(T::one);
        mean.max(-T::max_input()).min(T::max_input())
    }

    /// Number of swing pivots in the cluster (1 for a fresh level).
    pub fn touches(&self) -> u64 {
        self.touches
    }

    /// Bar index of the oldest pivot in the cluster.
    pub fn first_touch(&self) -> u64 {
        self.first_touch
    }

    /// Bar index of the newest pivot in the cluster.
    pub fn last_touch(&self) -> u64 {
        self.last_touch
    }

    /// Support or resistance, after this bar's break if any.
    pub fn role(&self) -> Role {
        self.role
    }

    /// How many times the level was broken (each break flips its role).
    pub fn breaks(&self) -> u64 {
        self.breaks
    }

    /// Bar index of the last break.
    pub fn last_break(&self) -> Option<u64> {
        self.last_break
    }

    /// Consecutive closes so far beyond the level on its breaking side (below a support,
    /// above a resistance), not yet enough to break it.
    pub fn closes_beyond(&self) -> u64 {
        self.beyond
    }

    fn join(&mut self, swing: &Swing<T>) {
        self.sum = self.sum + swing.price;
        // At most two pivots per bar and at most 2^62 bars: never saturates.
        self.touches = self.touches.saturating_add(1);
        self.last_touch = self.last_touch.max(swing.index);
    }

    /// Applies the close of bar `t` to the break rules.
    fn close_at(&mut self, t: u64, close: T, config: &LevelsConfig<T>) {
        let price = self.price();
        let filter = config.break_percent.map(|percent| percent / lit(100.0));
        let (beyond, far) = match self.role {
            Role::Support => (
                close < price,
                filter.is_some_and(|x| close < price * (T::one() - x)),
            ),
            Role::Resistance => (
                close > price,
                filter.is_some_and(|x| close > price * (T::one() + x)),
            ),
        };
        self.beyond = if beyond {
            self.beyond.saturating_add(1)
        } else {
            0
        };
        let enough = config
            .break_closes
            .is_some_and(|closes| self.beyond >= closes as u64);
        if far || enough {
            self.role = match self.role {
                Role::Support => Role::Resistance,
                Role::Resistance => Role::Support,
            };
            self.beyond = 0;
            self.breaks = self.breaks.saturating_add(1);
            self.last_break = Some(t);
        }
    }

    /// The event of bar `t` on this level (pivots of bar `t` occurred at `t − right`).
    fn event(&self, t: u64, right: u64) -> Option<LevelEvent<T>> {
        if self.last_break == Some(t) {
            return Some(LevelEvent::Break(*self));
        }
        let pivot = t.checked_sub(right)?;
        if self.last_touch == pivot && self.first_touch < pivot {
            Some(if self.breaks > 0 {
                LevelEvent::Retest(*self)
            } else {
                LevelEvent::Touch(*self)
            })
        } else {
            None
        }
    }
}

/// Something that happened to a level on one bar.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum LevelEvent<T = f64> {
    /// A new swing pivot joined a level that was never broken (the level held again).
    Touch(Level<T>),
    /// A new swing pivot joined a level that was broken before: broken support tested from
    /// below as resistance, or broken resistance tested from above as support.
    Retest(Level<T>),
    /// The close broke the level; the level carries its **new** role (a broken support is
    /// now a [`Role::Resistance`]).
    Break(Level<T>),
}

impl<T: Real> LevelEvent<T> {
    /// The level the event happened to, as it is after the bar.
    pub fn level(&self) -> Level<T> {
        match self {
            Self::Touch(level) | Self::Retest(level) | Self::Break(level) => *level,
        }
    }

    fn rank(&self) -> u8 {
        match self {
            Self::Touch(_) => 1,
            Self::Retest(_) => 2,
            Self::Break(_) => 3,
        }
    }
}

/// The output of [`SupportResistance`] on one bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LevelsReading<T = f64> {
    /// The nearest support: the highest level acting as support. It may lie up to the
    /// break filter above the close while a penetration is not yet confirmed.
    pub support: Option<Level<T>>,
    /// The nearest resistance: the lowest level acting as resistance.
    pub resistance: Option<Level<T>>,
    /// The most significant event of the bar: a break before a retest before a touch, and
    /// among equals the level nearest the close.
    pub event: Option<LevelEvent<T>>,
    /// Number of levels with an event on this bar (`event` reports one of them).
    pub events: usize,
}

/// The parameters of a [`SupportResistance`]; [`Default`] gives the conventional ones.
///
/// `#[non_exhaustive]`, so that a new parameter (with its default) is not a breaking change:
/// outside this crate, start from [`Default`] and change what you need with the `with_*`
/// methods (or assign the public fields of a mutable value). [`SupportResistance::new`]
/// validates the result.
///
/// ```
/// use ta_stream::levels::{LevelsConfig, Tolerance};
///
/// let config = LevelsConfig::default()
///     .with_bars(3)
///     .with_tolerance(Tolerance::Atr { multiple: 0.5, period: 14 })
///     .with_break_closes(None);
/// assert_eq!((config.bars, config.break_closes, config.break_percent), (3, None, Some(3.0)));
/// assert!(config.validate().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LevelsConfig<T = f64> {
    /// Swing pivot size, bars on each side, `1..=100000`; 5 by default.
    pub bars: usize,
    /// How close a pivot must be to join a level; 1 % by default.
    pub tolerance: Tolerance<T>,
    /// Price filter: a close more than this percent beyond a level breaks it at once
    /// (Murphy's "3 % penetration"); `Some(3.0)` by default, `(0, 100)`.
    pub break_percent: Option<T>,
    /// Time filter: this many successive closes beyond a level break it (the "two-day
    /// rule"); `Some(2)` by default, `1..=100000`. At least one filter must be set.
    pub break_closes: Option<usize>,
    /// Live levels kept at most, `2..=1024`; 16 by default. A new level beyond it evicts
    /// the level touched longest ago.
    pub capacity: usize,
    /// A level not touched for more than this many bars expires; `Some(500)` by default
    /// (two years of daily bars), at least 1.
    pub max_age: Option<u64>,
}

impl<T: Real> Default for LevelsConfig<T> {
    fn default() -> Self {
        Self {
            bars: 5,
            tolerance: Tolerance::Percent(T::one()),
            break_percent: Some(lit(3.0)),
            break_closes: Some(2),
            capacity: 16,
            max_age: Some(500),
        }
    }
}

impl LevelsConfig {
    /// The conventional parameters ([`Default`]) in `f64`, so that
    /// `SupportResistance::new(LevelsConfig::new())` needs no type annotation.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> LevelsConfig<T> {
    /// [`LevelsConfig::new`] in any precision `T` (`f32`, or generic code): `LevelsConfig::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self::default()
    }

    /// Sets [`bars`](LevelsConfig::bars), the swing pivot size.
    #[must_use]
    pub fn with_bars(mut self, bars: usize) -> Self {
        self.bars = bars;
        self
    }

    /// Sets [`tolerance`](LevelsConfig::tolerance), how close a pivot must be to join a level.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: Tolerance<T>) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Sets [`break_percent`](LevelsConfig::break_percent), the price filter (`None`: off).
    #[must_use]
    pub fn with_break_percent(mut self, break_percent: Option<T>) -> Self {
        self.break_percent = break_percent;
        self
    }

    /// Sets [`break_closes`](LevelsConfig::break_closes), the time filter (`None`: off).
    #[must_use]
    pub fn with_break_closes(mut self, break_closes: Option<usize>) -> Self {
        self.break_closes = break_closes;
        self
    }

    /// Sets [`capacity`](LevelsConfig::capacity), the number of live levels kept.
    #[must_use]
    pub fn with_capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity;
        self
    }

    /// Sets [`max_age`](LevelsConfig::max_age), the bars after which an untouched level
    /// expires (`None`: never).
    #[must_use]
    pub fn with_max_age(mut self, max_age: Option<u64>) -> Self {
        self.max_age = max_age;
        self
    }

    /// Checks every parameter.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first invalid field.
    pub fn validate(&self) -> Result<(), Error> {
        check_period("bars", self.bars)?;
        match self.tolerance {
            Tolerance::Percent(percent) => {
                check_percent("tolerance", percent, 100.0, "a percentage in (0, 100)")?;
            }
            Tolerance::Atr { multiple, period } => {
                check_percent("tolerance", multiple, 1e6, "an ATR multiple in (0, 1e6)")?;
                check_period("atr_period", period)?;
            }
        }
        if let Some(percent) = self.break_percent {
            check_percent("break_percent", percent, 100.0, "a percentage in (0, 100)")?;
        }
        if let Some(closes) = self.break_closes {
            check_period("break_closes", closes)?;
        }
        if self.break_percent.is_none() && self.break_closes.is_none() {
            return Err(Error::InvalidParameter {
                name: "break_percent",
                value: "None".into(),
                expected: "a break filter: `break_percent` or `break_closes` (or both)",
            });
        }
        if !(2..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(Error::InvalidParameter {
                name: "capacity",
                value: self.capacity.to_string(),
                expected: "2..=1024",
            });
        }
        if self.max_age == Some(0) {
            return Err(Error::InvalidParameter {
                name: "max_age",
                value: "0".into(),
                expected: "at least 1 bar, or None",
            });
        }
        Ok(())
    }
}

/// Support and resistance levels from clustered swing pivots, with touches, breaks on
/// closes, and role reversal.
///
/// # Rule
///
/// 1. **Pivots**: swing highs and lows of [`SwingPivots`] with `bars` bars each side
///    (TradingView's tie rule), used on the bar that confirms them.
/// 2. **Clustering**: a confirmed pivot at price `p` joins the live level whose price is
///    nearest to `p` if `|p − level| <= tolerance` ([`Tolerance`]: percent of the level, or
///    a multiple of ATR); the level's price is the running mean of its pivots and its touch
///    count grows. Otherwise it starts a new level: a support for a swing low, a resistance
///    for a swing high. (A swing high and a swing low confirmed on the same bar are matched
///    against the levels as they were before the bar.)
/// 3. **Breaks**, on closes only (Murphy): a support `S` breaks when `C_t < S·(1 − x/100)`
///    (`break_percent`), or when the last `n` closes were all below it (`break_closes`,
///    counted from the level's creation, against its price on each bar); resistances
///    mirror this. A broken support **becomes resistance**, and vice versa.
/// 4. **Bounded memory**: a level untouched for more than `max_age` bars expires; beyond
///    `capacity` live levels, a new one evicts the level touched longest ago.
///
/// Each bar, in order: expiry, clustering of the pivots confirmed on it, then breaks on its
/// close. All of it is O(`capacity`) per bar, without allocation.
///
/// # Output
///
/// A [`LevelsReading`]: nearest support and resistance, and the bar's [`LevelEvent`]
/// (`Touch`, `Retest`, `Break`). Outputs start once the pivots can confirm a first pivot
/// (`2·bars + 1` bars) and, with an ATR tolerance, the ATR is ready (`period + 1` bars);
/// pivots confirmed before that are not used. A bar that is not a valid bar is ignored (see
/// the [module](crate::levels)): `update` and `peek` return the same nearest levels for it
/// with `event: None` and `events: 0`, so an event is reported once, on its bar. [`SupportResistance::levels`] lists all live
/// levels.
///
/// # Parameters
///
/// A [`LevelsConfig`]; by [`Default`]: pivots of 5 bars each side, tolerance 1 %, breaks at
/// 3 % or after 2 closes, 16 levels, expiry after 500 bars.
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::levels::{LevelEvent, LevelsConfig, Role, SupportResistance, Tolerance};
/// use ta_stream::Indicator;
///
/// let config = LevelsConfig::default().with_bars(1);
/// let mut levels = SupportResistance::new(config)?;
/// let bar = |low: f64, high: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// // Dips to 100 and 100.5 (one level), rallies to 110.
/// for (low, high, close) in [
///     (104.0, 106.0, 105.0), (100.0, 103.0, 102.0), (103.0, 110.0, 108.0),
///     (100.5, 104.0, 103.0), (103.0, 107.0, 106.0),
/// ] {
///     levels.update(bar(low, high, close)?);
/// }
/// let reading = levels.value().expect("warmed up");
/// let support = reading.support.expect("a support");
/// assert_eq!((support.price(), support.touches()), (100.25, 2));
/// assert_eq!(reading.resistance.map(|r| r.price()), Some(110.0));
/// // Two closes below 100.25 break it: the support becomes resistance.
/// levels.update(bar(99.0, 101.0, 100.0)?);
/// let reading = levels.update(bar(98.0, 100.5, 99.0)?).expect("warmed up");
/// let Some(LevelEvent::Break(broken)) = reading.event else { panic!("no break") };
/// assert_eq!((broken.price(), broken.role()), (100.25, Role::Resistance));
/// assert_eq!(levels.to_string(), "SR(1, 1%)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Murphy, *Technical Analysis of the Financial Markets*, pp. 71–72 (breaks, the 3 % and
/// two-day rules, role reversal). The clustering rule is also available as the batch
/// function [`cluster_prices`].
#[doc(alias = "support")]
#[doc(alias = "resistance")]
#[derive(Debug, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SupportResistanceState<T>")
)]
pub struct SupportResistance<T: Real = f64> {
    config: LevelsConfig<T>,
    pivots: SwingPivots<T>,
    atr: Option<Atr<T>>,
    /// Live levels, oldest first; `capacity` reserved at construction.
    levels: Vec<Level<T>>,
    /// Close of the last usable bar.
    close: Option<T>,
}

/// A clone reserves the full capacity too, so that it never allocates in `update`.
impl<T: Real> Clone for SupportResistance<T> {
    fn clone(&self) -> Self {
        let mut levels = Vec::with_capacity(self.config.capacity);
        levels.extend_from_slice(&self.levels);
        Self {
            config: self.config,
            pivots: self.pivots.clone(),
            atr: self.atr.clone(),
            levels,
            close: self.close,
        }
    }
}

/// What a pivot confirmed on this bar does.
#[derive(Clone, Copy)]
enum Action {
    /// Joins the live level at this position.
    Join(usize),
    /// Starts a new level.
    New,
}

/// Everything one bar does to the levels, decided from the state before the bar.
struct Plan<T: Real> {
    t: u64,
    close: T,
    /// The pivots confirmed on the bar (high first) and what they do.
    pivots: [Option<(Swing<T>, Action)>; 2],
    /// Positions of the levels evicted to make room.
    victims: [Option<usize>; 2],
}

impl<T: Real> SupportResistance<T> {
    /// Levels with the given parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first invalid field of `config` (see
    /// [`LevelsConfig::validate`]).
    pub fn new(config: LevelsConfig<T>) -> Result<Self, Error> {
        config.validate()?;
        Ok(Self::with_valid(config))
    }

    fn with_valid(config: LevelsConfig<T>) -> Self {
        let atr = match config.tolerance {
            Tolerance::Atr { period, .. } => Atr::new_generic(period).ok(),
            Tolerance::Percent(_) => None,
        };
        Self {
            config,
            pivots: SwingPivots::with_valid_sides(config.bars, config.bars),
            atr,
            levels: Vec::with_capacity(config.capacity),
            close: None,
        }
    }

    /// The parameters.
    pub fn config(&self) -> &LevelsConfig<T> {
        &self.config
    }

    /// The live levels, oldest first.
    pub fn levels(&self) -> impl Iterator<Item = Level<T>> + '_ {
        self.levels.iter().copied()
    }

    fn expired(&self, level: &Level<T>, t: u64) -> bool {
        self.config
            .max_age
            .is_some_and(|age| t.saturating_sub(level.last_touch) > age)
    }

    /// The plan for `candle` as the next bar, or `None` while warming up (for `peek`).
    fn plan(&self, candle: &Candle<T>) -> Option<Plan<T>> {
        let reading = self.pivots.peek(*candle)?;
        let atr = match &self.atr {
            Some(atr) => Some(atr.peek(*candle)?),
            None => None,
        };
        Some(self.plan_for(self.pivots.bars(), reading, atr, candle.close))
    }

    /// The plan of bar `t` given its pivot reading, ATR (when the tolerance uses one) and
    /// close; shared by `peek` (from peeked readings) and `update` (from committed ones, so
    /// the pivots are computed once per bar).
    fn plan_for(&self, t: u64, reading: SwingReading<T>, atr: Option<T>, close: T) -> Plan<T> {
        let within = |swing: &Swing<T>, level: &Level<T>| -> Option<T> {
            let price = level.price();
            let distance = (swing.price - price).abs();
            let tolerance = match self.config.tolerance {
                Tolerance::Percent(percent) => percent / lit(100.0) * price.abs(),
                Tolerance::Atr { multiple, .. } => multiple * atr.unwrap_or_else(T::zero),
            };
            (distance <= tolerance).then_some(distance)
        };
        let action = |swing: &Swing<T>| {
            let mut best: Option<(usize, T)> = None;
            for (position, level) in self.levels.iter().enumerate() {
                if self.expired(level, t) {
                    continue;
                }
                if let Some(distance) = within(swing, level) {
                    if best.is_none_or(|(_, nearest)| distance < nearest) {
                        best = Some((position, distance));
                    }
                }
            }
            best.map_or(Action::New, |(position, _)| Action::Join(position))
        };
        let pivots = [
            reading.high.map(|swing| (swing, action(&swing))),
            reading.low.map(|swing| (swing, action(&swing))),
        ];
        let is_target = |position: usize| {
            pivots
                .iter()
                .flatten()
                .any(|(_, action)| matches!(action, Action::Join(p) if *p == position))
        };
        let fresh = pivots
            .iter()
            .flatten()
            .filter(|(_, action)| matches!(action, Action::New))
            .count();
        let live = self
            .levels
            .iter()
            .filter(|level| !self.expired(level, t))
            .count();
        let mut victims = [None, None];
        for slot in 0..(live + fresh).saturating_sub(self.config.capacity) {
            let mut oldest: Option<(usize, u64)> = None;
            for (position, level) in self.levels.iter().enumerate() {
                let eligible = !self.expired(level, t)
                    && !is_target(position)
                    && !victims.contains(&Some(position));
                if eligible && oldest.is_none_or(|(_, touch)| level.last_touch < touch) {
                    oldest = Some((position, level.last_touch));
                }
            }
            if let Some(victim) = victims.get_mut(slot) {
                *victim = oldest.map(|(position, _)| position);
            }
        }
        Plan {
            t,
            close,
            pivots,
            victims,
        }
    }

    /// The level at `position` after the bar of `plan`, `None` if it expires or is evicted.
    fn advanced(&self, position: usize, level: &Level<T>, plan: &Plan<T>) -> Option<Level<T>> {
        if self.expired(level, plan.t) || plan.victims.contains(&Some(position)) {
            return None;
        }
        let mut level = *level;
        for (swing, action) in plan.pivots.iter().flatten() {
            if matches!(action, Action::Join(p) if *p == position) {
                level.join(swing);
            }
        }
        level.close_at(plan.t, plan.close, &self.config);
        Some(level)
    }

    /// The new levels of `plan`, after the bar's close.
    fn created<'a>(&'a self, plan: &'a Plan<T>) -> impl Iterator<Item = Level<T>> + 'a {
        plan.pivots
            .iter()
            .flatten()
            .filter(|(_, action)| matches!(action, Action::New))
            .map(|(swing, _)| {
                let mut level = Level::from_swing(swing);
                level.close_at(plan.t, plan.close, &self.config);
                level
            })
    }

    /// The reading of bar `t` with close `close` over `levels` (in storage order).
    fn reading(
        &self,
        t: u64,
        close: T,
        levels: impl Iterator<Item = Level<T>>,
    ) -> LevelsReading<T> {
        let right = self.pivots.right() as u64;
        let mut reading = LevelsReading {
            support: None,
            resistance: None,
            event: None,
            events: 0,
        };
        for level in levels {
            let price = level.price();
            match level.role {
                Role::Support => {
                    if reading.support.is_none_or(|best| price > best.price()) {
                        reading.support = Some(level);
                    }
                }
                Role::Resistance => {
                    if reading.resistance.is_none_or(|best| price < best.price()) {
                        reading.resistance = Some(level);
                    }
                }
            }
            if let Some(event) = level.event(t, right) {
                reading.events += 1;
                let better =
                    reading
                        .event
                        .is_none_or(|best| match event.rank().cmp(&best.rank()) {
                            Ordering::Greater => true,
                            Ordering::Less => false,
                            Ordering::Equal => {
                                (price - close).abs() < (best.level().price() - close).abs()
                            }
                        });
                if better {
                    reading.event = Some(event);
                }
            }
        }
        reading
    }

    /// What an ignored bar returns: the last reading without its event.
    fn quiet(&self) -> Option<LevelsReading<T>> {
        self.value().map(|reading| LevelsReading {
            event: None,
            events: 0,
            ..reading
        })
    }

    fn is_warm(&self) -> bool {
        self.pivots.value().is_some() && self.atr.as_ref().is_none_or(|atr| atr.is_ready())
    }
}

impl<T: Real> Default for SupportResistance<T> {
    /// [`LevelsConfig::default`]: 5-bar pivots, 1 %, breaks at 3 % or 2 closes.
    fn default() -> Self {
        Self::with_valid(LevelsConfig::default())
    }
}

impl<T: Real> Indicator for SupportResistance<T> {
    type Input = Candle<T>;
    type Output = LevelsReading<T>;

    fn update(&mut self, candle: Candle<T>) -> Option<LevelsReading<T>> {
        if !self.pivots.accepts(&candle) {
            return self.quiet();
        }
        let t = self.pivots.bars();
        let reading = self.pivots.update(candle);
        let atr = match &mut self.atr {
            Some(atr) => atr.update(candle).map(Some),
            None => Some(None),
        };
        if let (Some(reading), Some(atr)) = (reading, atr) {
            let plan = self.plan_for(t, reading, atr, candle.close);
            let mut kept = 0;
            for position in 0..self.levels.len() {
                let next = self
                    .levels
                    .get(position)
                    .and_then(|level| self.advanced(position, level, &plan));
                if let (Some(level), Some(slot)) = (next, self.levels.get_mut(kept)) {
                    *slot = level;
                    kept += 1;
                }
            }
            self.levels.truncate(kept);
            let fresh: [Option<Level<T>>; 2] = {
                let mut created = self.created(&plan);
                [created.next(), created.next()]
            };
            for level in fresh.into_iter().flatten() {
                if self.levels.len() < self.config.capacity {
                    self.levels.push(level);
                }
            }
        }
        self.close = Some(candle.close);
        self.value()
    }

    fn peek(&self, candle: Candle<T>) -> Option<LevelsReading<T>> {
        if !self.pivots.accepts(&candle) {
            return self.quiet();
        }
        let plan = self.plan(&candle)?;
        let kept = self
            .levels
            .iter()
            .enumerate()
            .filter_map(|(position, level)| self.advanced(position, level, &plan));
        Some(self.reading(plan.t, plan.close, kept.chain(self.created(&plan))))
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<LevelsReading<T>>, Error> {
        if self.pivots.accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }

    fn value(&self) -> Option<LevelsReading<T>> {
        if !self.is_warm() {
            return None;
        }
        let t = self.pivots.bars().checked_sub(1)?;
        Some(self.reading(t, self.close?, self.levels()))
    }

    fn reset(&mut self) {
        self.pivots.reset();
        if let Some(atr) = &mut self.atr {
            atr.reset();
        }
        self.levels.clear();
        self.close = None;
    }

    fn warmup_period(&self) -> usize {
        let pivots = self.pivots.warmup_period();
        self.atr
            .as_ref()
            .map_or(pivots, |atr| pivots.max(atr.warmup_period()))
    }
}

impl<T: Real> fmt::Display for SupportResistance<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SR({}, ", self.config.bars)?;
        match self.config.tolerance {
            Tolerance::Percent(percent) => fmt_percent(f, percent)?,
            Tolerance::Atr { multiple, period } => write!(f, "{multiple:?}×ATR{period}")?,
        }
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SupportResistanceState<T: Real> {
    config: LevelsConfig<T>,
    pivots: SwingPivots<T>,
    atr: Option<Atr<T>>,
    levels: Vec<Level<T>>,
    close: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SupportResistanceState<T>> for SupportResistance<T> {
    type Error = Error;

    fn try_from(state: SupportResistanceState<T>) -> Result<Self, Error> {
        let config = state.config;
        config.validate()?;
        let invalid = |message: String| Err(crate::error::invalid_state(message));
        let bars = state.pivots.bars();
        if state.pivots.left() != config.bars || state.pivots.right() != config.bars {
            return invalid("support/resistance pivots do not match `bars`".into());
        }
        let atr_ok = match (config.tolerance, &state.atr) {
            (Tolerance::Atr { period, .. }, Some(atr)) => atr.period() == period,
            (Tolerance::Percent(_), None) => true,
            _ => false,
        };
        if !atr_ok {
            return invalid("support/resistance ATR does not match its tolerance".into());
        }
        if state.levels.len() > config.capacity || state.close.is_some() != (bars > 0) {
            return invalid("support/resistance holds too many levels or no close".into());
        }
        if state.close.is_some_and(|close| !close.is_usable()) {
            return invalid("support/resistance close is not finite".into());
        }
        let right = config.bars as u64;
        for level in &state.levels {
            // A pivot at `last_touch` was confirmed `right` bars later, on a bar already seen;
            // each bar confirms at most two pivots and breaks a level at most once; the price
            // is the mean of pivots in the usable range, so it is in that range too (up to
            // rounding, allowed for by a factor 2 on the sum's bound).
            let confirmed = level
                .last_touch
                .checked_add(right)
                .is_some_and(|at| at < bars);
            let max_sum =
                T::from(level.touches).unwrap_or_else(T::infinity) * T::max_input() * lit(2.0);
            let consistent = level.touches >= 1
                && level.touches <= bars.saturating_mul(2)
                && level.sum.is_finite()
                && level.sum.abs() <= max_sum
                && level.first_touch <= level.last_touch
                && confirmed
                && level.breaks <= bars
                && (level.breaks > 0) == level.last_break.is_some()
                && level.last_break.is_none_or(|at| at < bars)
                && config
                    .break_closes
                    .is_none_or(|closes| level.beyond < closes as u64);
            if !consistent {
                return invalid(format!(
                    "support/resistance level {level:?} is inconsistent (touches, bar \
                     indices, breaks or closes beyond)"
                ));
            }
        }
        let mut levels = Vec::with_capacity(config.capacity);
        levels.extend_from_slice(&state.levels);
        Ok(Self {
            config,
            pivots: state.pivots,
            atr: state.atr,
            levels,
            close: state.close,
        })
    }
}

/// One cluster of [`cluster_prices`]: a level price and how many prices it gathers.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Cluster<T = f64> {
    /// The cluster mean.
    pub price: T,
    /// Number of prices in the cluster (its strength).
    pub touches: usize,
}

/// Clusters pivot prices into levels, in batch: sort the
/// prices, then assign each to the current cluster if `|p − mean| <= tolerance/100 · mean`
/// (the anchor is the running cluster mean), or start a new cluster.
///
/// Returns the clusters from the lowest up. Unusable prices (NaN, infinities) are skipped.
/// [`SupportResistance`] applies the same rule incrementally, in time order.
///
/// ```
/// use ta_stream::levels::cluster_prices;
///
/// let lows: [f64; 6] = [100.0, 100.8, 99.6, 105.0, 100.3, 105.4];
/// let levels = cluster_prices(&lows, 1.0);
/// assert_eq!(levels.len(), 2);
/// assert!((levels[0].price - 100.175).abs() < 1e-9 && levels[0].touches == 4);
/// assert!((levels[1].price - 105.2).abs() < 1e-9 && levels[1].touches == 2);
/// ```
pub fn cluster_prices<T: Real>(prices: &[T], tolerance: T) -> Vec<Cluster<T>> {
    let mut sorted: Vec<T> = prices.iter().copied().filter(T::is_usable).collect();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let ratio = tolerance / lit(100.0);
    let mut clusters: Vec<Cluster<T>> = Vec::new();
    let mut sum = T::zero();
    for price in sorted {
        match clusters.last_mut() {
            Some(cluster) if (price - cluster.price).abs() <= ratio * cluster.price.abs() => {
                sum = sum + price;
                cluster.touches += 1;
                cluster.price = sum / T::from(cluster.touches).unwrap_or_else(T::one);
            }
            _ => {
                sum = price;
                clusters.push(Cluster { price, touches: 1 });
            }
        }
    }
    clusters
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([T] Level<T>, T;
    tolerant: sum; exact: touches, first_touch, last_touch, role, breaks, last_break, beyond);

/// Same kind of event, and the levels near each other.
#[cfg(feature = "approx")]
impl<T> crate::approx_eq::Near<T> for LevelEvent<T>
where
    T: approx::AbsDiffEq<Epsilon = T>
        + approx::RelativeEq
        + approx::UlpsEq
        + crate::approx_eq::Near<T>
        + Copy,
{
    fn near(&self, other: &Self, tol: crate::approx_eq::Tol<T>) -> bool {
        match (self, other) {
            (Self::Touch(a), Self::Touch(b))
            | (Self::Retest(a), Self::Retest(b))
            | (Self::Break(a), Self::Break(b)) => a.near(b, tol),
            _ => false,
        }
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_from_near!([T] LevelEvent<T>, T);
