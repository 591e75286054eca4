use core::fmt;

use crate::bar::Candle;
use crate::error::{check_period, clamp_period};
use crate::levels::{Swing, SwingKind, SwingPivots};
use crate::{Error, Indicator, Real};

/// The previous reaction low: the most recent confirmed swing low below the current close,
/// the support a stop is usually placed under.
///
/// # Rule
///
/// Swing lows come from [`SwingPivots`] with `bars` bars on each side (TradingView's tie
/// rule, confirmed `bars` bars later). On every bar, the reaction low is the **most recently
/// occurred** confirmed swing low whose price is **strictly below the close**; `None` when
/// no remembered swing low is below the close (a new low of the remembered history).
///
/// A swing low that is at or below a later one can never be "the most recent one below the
/// close" while that later one exists below the close, so only a staircase of rising lows is
/// kept (a monotonic stack): O(1) amortized to add a low, O(log capacity) to answer.
///
/// # Output
///
/// `Option<`[`Swing`]`>` with [`bars_ago`](Swing::bars_ago) counted from the current bar;
/// [`update`](Indicator::update) returns `None` until the pivots are warmed up
/// (`2·bars + 1` bars), then `Some(None)` while no swing low lies below the close. The
/// reaction low is a level, not an event: a bar that is not a valid bar is ignored (see the
/// [module](crate::levels)) and `update` returns the last reaction low for it, unchanged.
///
/// # Parameters
///
/// - `bars`: swing size, `1..=100000`; 2 (fractals) by [`Default`].
/// - `capacity`: swing lows remembered, `1..=100000`; 64 by default
///   ([`ReactionLow::with_capacity`]). When the staircase is full, its lowest (oldest) step is
///   forgotten, so a fall below every remembered low gives `None` rather than a years-old low.
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::levels::ReactionLow;
/// use ta_stream::Indicator;
///
/// let bar = |low: f64, close: f64| Candle::new(close, close.max(low), low, close, 0.0);
/// let mut reaction = ReactionLow::new(1)?;
/// let lows = [(100.0, 101.0), (95.0, 96.0), (98.0, 99.0), (97.0, 97.5), (99.0, 100.0)];
/// let out: Vec<_> = lows.iter().map(|&(l, c)| reaction.update(bar(l, c).unwrap())).collect();
/// assert_eq!(out[0], None); // warming up (3 bars)
/// assert_eq!(out[2].flatten().map(|s| (s.price, s.bars_ago)), Some((95.0, 1)));
/// // The low of 97 (bar 3) is confirmed on bar 4 and is the most recent below 100:
/// assert_eq!(out[4].flatten().map(|s| (s.price, s.index)), Some((97.0, 3)));
/// // A close at 96 is below 97, so the reaction low is the earlier 95:
/// let under = reaction.peek(bar(96.0, 96.0)?).flatten();
/// assert_eq!(under.map(|s| s.price), Some(95.0));
/// assert_eq!(reaction.to_string(), "REACTION_LOW(1)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Murphy, *Technical Analysis of the Financial Markets*, ch. 4 (support, previous reaction
/// lows).
#[doc(alias = "previous reaction low")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ReactionLowState<T>")
)]
pub struct ReactionLow<T: Real = f64> {
    pivots: SwingPivots<T>,
    /// Circular storage of the staircase `(bar index, low)`, prices strictly rising from
    /// the bottom (`head`) to the top; unused slots are zero.
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
    /// Close of the last usable bar.
    close: Option<T>,
}

/// Default number of remembered swing lows.
const DEFAULT_CAPACITY: usize = 64;

impl ReactionLow {
    /// Reaction lows from swings of `bars` bars each side, remembering 64 swing lows.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `bars` unless it is in `1..=100000`.
    pub fn new(bars: usize) -> Result<Self, Error> {
        Self::new_generic(bars)
    }

    /// Reaction lows remembering at most `capacity` swing lows.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `bars` or `capacity` unless it is in `1..=100000`.
    pub fn with_capacity(bars: usize, capacity: usize) -> Result<Self, Error> {
        Self::with_capacity_generic(bars, capacity)
    }
}

impl<T: Real> ReactionLow<T> {
    /// [`ReactionLow::new`] in any precision `T` (`f32`, or generic code): `ReactionLow::<f32>::new_generic(1)`.
    pub fn new_generic(bars: usize) -> Result<Self, Error> {
        Self::with_capacity_generic(bars, DEFAULT_CAPACITY)
    }

    /// [`ReactionLow::with_capacity`] in any precision `T` (`f32`, or generic code): `ReactionLow::<f32>::with_capacity_generic(5, 64)`.
    pub fn with_capacity_generic(bars: usize, capacity: usize) -> Result<Self, Error> {
        let bars = check_period("bars", bars)?;
        let capacity = check_period("capacity", capacity)?;
        Ok(Self::with_valid(bars, capacity))
    }

    fn with_valid(bars: usize, capacity: usize) -> Self {
        Self {
            pivots: SwingPivots::with_valid_sides(bars, bars),
            slots: vec![(0, T::zero()); clamp_period(capacity)],
            head: 0,
            len: 0,
            close: None,
        }
    }

    /// Bars on each side of a swing low.
    pub fn bars(&self) -> usize {
        self.pivots.left()
    }

    /// Swing lows remembered at most.
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// The staircase of remembered swing lows, oldest (lowest) first: `(bar index, low)`.
    pub fn swing_lows(&self) -> impl Iterator<Item = (u64, T)> + '_ {
        (0..self.len).filter_map(|position| self.slot(position))
    }

    #[inline]
    fn slot(&self, position: usize) -> Option<(u64, T)> {
        if position >= self.len {
            return None;
        }
        let mut index = self.head + position;
        if index >= self.slots.len() {
            index -= self.slots.len();
        }
        self.slots.get(index).copied()
    }

    /// Number of staircase steps (from the bottom) priced strictly below `price`.
    #[inline]
    fn count_below(&self, price: T) -> usize {
        let (mut low, mut high) = (0, self.len);
        while low < high {
            let middle = low + (high - low) / 2;
            match self.slot(middle) {
                Some((_, step)) if step < price => low = middle + 1,
                _ => high = middle,
            }
        }
        low
    }

    /// The answer for `close` on bar `t`, given an optional swing low confirmed on that bar
    /// and not yet pushed.
    #[inline]
    fn answer(&self, t: u64, close: T, new_low: Option<Swing<T>>) -> Option<Swing<T>> {
        let found = match new_low {
            Some(low) if low.price < close => Some((low.index, low.price)),
            Some(low) => {
                // Every step at or above the new low would be popped, and all of those are at
                // or above the close too; the bottom step goes if the stack stays full.
                let kept = self.count_below(low.price);
                let position = self.count_below(close).checked_sub(1)?;
                if kept == self.slots.len() && position == 0 {
                    None
                } else {
                    self.slot(position)
                }
            }
            None => self.slot(self.count_below(close).checked_sub(1)?),
        };
        found.map(|(index, price)| Swing {
            kind: SwingKind::Low,
            price,
            index,
            bars_ago: t.saturating_sub(index),
        })
    }

    #[inline]
    fn push(&mut self, low: Swing<T>) {
        let capacity = self.slots.len();
        self.len = self.count_below(low.price);
        if self.len == capacity {
            self.head = if self.head + 1 == capacity {
                0
            } else {
                self.head + 1
            };
            self.len -= 1;
        }
        let mut tail = self.head + self.len;
        if tail >= capacity {
            tail -= capacity;
        }
        if let Some(slot) = self.slots.get_mut(tail) {
            *slot = (low.index, low.price);
            self.len += 1;
        }
    }
}

impl<T: Real> Default for ReactionLow<T> {
    /// Fractal swings (2 bars each side), 64 swing lows remembered.
    fn default() -> Self {
        Self::with_valid(2, DEFAULT_CAPACITY)
    }
}

impl<T: Real> Indicator for ReactionLow<T> {
    type Input = Candle<T>;
    type Output = Option<Swing<T>>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Option<Swing<T>>> {
        if !self.pivots.accepts(&candle) {
            return self.value();
        }
        let reading = self.pivots.update(candle);
        if let Some(low) = reading.and_then(|r| r.low) {
            self.push(low);
        }
        self.close = Some(candle.close);
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Option<Swing<T>>> {
        if !self.pivots.accepts(&candle) {
            return self.value();
        }
        let reading = self.pivots.peek(candle)?;
        Some(self.answer(self.pivots.bars(), candle.close, reading.low))
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<Option<Swing<T>>>, Error> {
        if self.pivots.accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }

    #[inline]
    fn value(&self) -> Option<Option<Swing<T>>> {
        self.pivots.value()?;
        let t = self.pivots.bars().checked_sub(1)?;
        Some(self.answer(t, self.close?, None))
    }

    fn reset(&mut self) {
        self.pivots.reset();
        self.slots.fill((0, T::zero()));
        self.head = 0;
        self.len = 0;
        self.close = None;
    }

    fn warmup_period(&self) -> usize {
        self.pivots.warmup_period()
    }
}

impl<T: Real> fmt::Display for ReactionLow<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "REACTION_LOW({})", self.bars())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReactionLowState<T: Real> {
    pivots: SwingPivots<T>,
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
    close: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ReactionLowState<T>> for ReactionLow<T> {
    type Error = Error;

    fn try_from(state: ReactionLowState<T>) -> Result<Self, Error> {
        let capacity = check_period("capacity", state.slots.len())?;
        if state.pivots.left() != state.pivots.right() {
            return Err(crate::error::invalid_state(
                "reaction low swings must have as many bars on each side",
            ));
        }
        let reaction = Self {
            pivots: state.pivots,
            slots: state.slots,
            head: state.head,
            len: state.len,
            close: state.close,
        };
        let bars = reaction.pivots.bars();
        let consistent = reaction.head < capacity
            && reaction.len <= capacity
            && reaction.close.is_some() == (bars > 0)
            && reaction.close.is_none_or(|close| close.is_usable());
        if !consistent {
            return Err(crate::error::invalid_state(
                "reaction low staircase position, length or close is invalid",
            ));
        }
        let mut previous: Option<(u64, T)> = None;
        for (index, price) in reaction.swing_lows() {
            let ordered = previous.is_none_or(|(i, p)| i < index && p < price);
            // A swing low at `index` is confirmed `bars()` bars later, on a bar already seen.
            let confirmed = index
                .checked_add(reaction.bars() as u64)
                .is_some_and(|at| at < bars);
            if !ordered || !price.is_usable() || !confirmed {
                return Err(crate::error::invalid_state(format!(
                    "reaction low staircase step (bar {index}, {price:?}) is out of order, \
                     not finite or not yet confirmable"
                )));
            }
            previous = Some((index, price));
        }
        Ok(reaction)
    }
}
