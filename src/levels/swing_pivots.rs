use core::fmt;

use crate::bar::Candle;
use crate::error::{check_period, clamp_period};
use crate::levels::{accepts, Swing, SwingKind};
use crate::{Error, Indicator, Real};

/// The pivots confirmed on one bar: the output of [`SwingPivots`].
///
/// Both are `None` on a quiet bar. Both can be `Some` on the same bar (an outside bar can be
/// a pivot high and a pivot low at once).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SwingReading<T = f64> {
    /// The pivot high confirmed on this bar (it occurred `right` bars ago).
    pub high: Option<Swing<T>>,
    /// The pivot low confirmed on this bar (it occurred `right` bars ago).
    pub low: Option<Swing<T>>,
}

impl<T: Real> SwingReading<T> {
    /// `true` when no pivot was confirmed on this bar.
    pub fn is_empty(&self) -> bool {
        self.high.is_none() && self.low.is_none()
    }

    /// The confirmed pivots, the high first.
    pub fn pivots(&self) -> impl Iterator<Item = Swing<T>> {
        self.high.into_iter().chain(self.low)
    }
}

/// Swing (fractal) pivots: a bar whose high beats the `left` bars before it and the `right`
/// bars after it is a pivot high; lows mirror this. Reported on the bar that confirms it.
///
/// # Rule
///
/// With TradingView's tie rule (`ta.pivothigh(left, right)`, `ta.pivotlow`):
/// - bar `k` is a **pivot high** ⇔ `H_k > H_j` for the `left` bars `j` before it **and**
///   `H_k >= H_j` for the `right` bars after it: in a flat top, the first bar wins;
/// - bar `k` is a **pivot low** ⇔ `L_k < L_j` before it and `L_k <= L_j` after it;
/// - a pivot is **confirmed on bar `k + right`**, never earlier (no look-ahead): the output
///   of bar `t` reports the pivots at `k = t − right`, with
///   [`bars_ago`](Swing::bars_ago) `= right`.
///
/// Equivalently, `k` is a pivot high when it is the *earliest* maximum of the window
/// `[k − left, k + right]`; two monotonic deques track the earliest maximum of the highs and
/// minimum of the lows, so an update is O(1) amortized whatever `left` and `right`.
///
/// # Output
///
/// A [`SwingReading`]: the pivot high and the pivot low confirmed on this bar, each `None`
/// when there is none. [`update`](Indicator::update) returns `None` until `left + right + 1`
/// bars were seen (the first bar that can be confirmed is then exactly `left` bars in). A bar
/// that is not a valid bar is ignored (see the [module](crate::levels)): `update` and `peek`
/// return an empty reading for it, never the last bar's pivots again.
///
/// # Parameters
///
/// - `left`, `right`: bars before and after the pivot, each `1..=100000`
///   ([`SwingPivots::with_sides`]); [`SwingPivots::new`]`(n)` uses `n` on each side.
/// - [`Default`]: Bill Williams' fractal, 2 bars each side (a 5-bar pattern).
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::levels::{SwingKind, SwingPivots};
/// use ta_stream::Indicator;
///
/// let bar = |low: f64, high: f64| Candle::new(low, high, low, high, 0.0);
/// let mut pivots = SwingPivots::new(1)?;
/// assert_eq!(pivots.update(bar(9.0, 10.0)?), None); // warming up (3 bars)
/// assert!(pivots.update(bar(10.0, 12.0)?).is_none());
/// let reading = pivots.update(bar(9.5, 11.0)?).expect("warmed up");
/// let high = reading.high.expect("12 beats 10 and 11");
/// assert_eq!((high.kind, high.price, high.index, high.bars_ago), (SwingKind::High, 12.0, 1, 1));
/// assert_eq!(reading.low, None);
/// assert_eq!(SwingPivots::<f64>::default().to_string(), "SWING(2)");
/// assert!(SwingPivots::new(0).is_err());
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TradingView Pine Script `ta.pivothigh` / `ta.pivotlow` (ties as in the PineCoders
/// replication); Bill Williams, *Trading Chaos* (fractals).
#[doc(alias = "fractal")]
#[doc(alias = "pivothigh")]
#[doc(alias = "pivotlow")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SwingPivotsState<T>")
)]
pub struct SwingPivots<T: Real = f64> {
    left: usize,
    right: usize,
    /// Earliest maximum of the highs over the last `left + right + 1` bars.
    highs: Extremes<T>,
    /// Earliest minimum of the lows over the same window.
    lows: Extremes<T>,
    /// Usable bars consumed (the index of the next bar).
    bars: u64,
}

impl SwingPivots {
    /// Pivots with `bars` bars on each side (2 for Bill Williams' fractals).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `bars` unless it is in `1..=100000`.
    pub fn new(bars: usize) -> Result<Self, Error> {
        Self::new_generic(bars)
    }

    /// Pivots with `left` bars before and `right` bars after (TradingView's
    /// `ta.pivothigh(left, right)`).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `left` or `right` unless it is in `1..=100000`.
    pub fn with_sides(left: usize, right: usize) -> Result<Self, Error> {
        Self::with_sides_generic(left, right)
    }
}

impl<T: Real> SwingPivots<T> {
    /// [`SwingPivots::new`] in any precision `T` (`f32`, or generic code): `SwingPivots::<f32>::new_generic(1)`.
    pub fn new_generic(bars: usize) -> Result<Self, Error> {
        let bars = check_period("bars", bars)?;
        Ok(Self::with_valid_sides(bars, bars))
    }

    /// [`SwingPivots::with_sides`] in any precision `T` (`f32`, or generic code): `SwingPivots::<f32>::with_sides_generic(2, 2)`.
    pub fn with_sides_generic(left: usize, right: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_sides(
            check_period("left", left)?,
            check_period("right", right)?,
        ))
    }

    /// For sides known to be valid; anything else is clamped into range.
    pub(crate) fn with_valid_sides(left: usize, right: usize) -> Self {
        let (left, right) = (clamp_period(left), clamp_period(right));
        let window = left + right + 1;
        Self {
            left,
            right,
            highs: Extremes::new(window, SwingKind::High),
            lows: Extremes::new(window, SwingKind::Low),
            bars: 0,
        }
    }

    /// Bars required before a pivot.
    pub fn left(&self) -> usize {
        self.left
    }

    /// Bars required after a pivot (the confirmation delay).
    pub fn right(&self) -> usize {
        self.right
    }

    /// Usable bars consumed so far; the index of the last one is this minus 1.
    pub fn bars(&self) -> u64 {
        self.bars
    }

    fn window(&self) -> u64 {
        (self.left + self.right + 1) as u64
    }

    /// `true` when `candle` is a valid bar and the bar counter has room for it.
    #[inline]
    pub(crate) fn accepts(&self, candle: &Candle<T>) -> bool {
        accepts(candle, self.bars)
    }

    /// The reading for bar `t` given the window's earliest extremes.
    #[inline]
    fn reading(&self, t: u64, high: (u64, T), low: (u64, T)) -> Option<SwingReading<T>> {
        if t + 1 < self.window() {
            return None;
        }
        let right = self.right as u64;
        let pivot_at = t - right;
        let swing = |kind, (index, price): (u64, T)| {
            (index == pivot_at).then_some(Swing {
                kind,
                price,
                index,
                bars_ago: right,
            })
        };
        Some(SwingReading {
            high: swing(SwingKind::High, high),
            low: swing(SwingKind::Low, low),
        })
    }

    /// The output for `candle` after the committed bars; shared by `update` and `peek`.
    #[inline]
    fn next(&self, candle: &Candle<T>) -> Option<SwingReading<T>> {
        let t = self.bars;
        self.reading(
            t,
            self.highs.after(t, candle.high),
            self.lows.after(t, candle.low),
        )
    }
}

impl<T: Real> SwingPivots<T> {
    /// What an ignored bar returns: no pivot (once warmed up).
    #[inline]
    fn quiet(&self) -> Option<SwingReading<T>> {
        self.value().map(|_| SwingReading::default())
    }
}

impl<T: Real> Default for SwingPivots<T> {
    /// Bill Williams' fractal: 2 bars each side.
    fn default() -> Self {
        Self::with_valid_sides(2, 2)
    }
}

impl<T: Real> Indicator for SwingPivots<T> {
    type Input = Candle<T>;
    type Output = SwingReading<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<SwingReading<T>> {
        if !self.accepts(&candle) {
            return self.quiet();
        }
        let output = self.next(&candle);
        self.highs.push(self.bars, candle.high);
        self.lows.push(self.bars, candle.low);
        // `accepts` keeps the count below MAX_BARS.
        self.bars = self.bars.saturating_add(1);
        output
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<SwingReading<T>> {
        if !self.accepts(&candle) {
            return self.quiet();
        }
        self.next(&candle)
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<SwingReading<T>>, Error> {
        if self.accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }

    #[inline]
    fn value(&self) -> Option<SwingReading<T>> {
        let t = self.bars.checked_sub(1)?;
        self.reading(t, self.highs.front()?, self.lows.front()?)
    }

    fn reset(&mut self) {
        self.highs.clear();
        self.lows.clear();
        self.bars = 0;
    }

    fn warmup_period(&self) -> usize {
        self.left + self.right + 1
    }
}

impl<T: Real> fmt::Display for SwingPivots<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.left == self.right {
            write!(f, "SWING({})", self.left)
        } else {
            write!(f, "SWING({},{})", self.left, self.right)
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SwingPivotsState<T: Real> {
    left: usize,
    right: usize,
    highs: Extremes<T>,
    lows: Extremes<T>,
    bars: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SwingPivotsState<T>> for SwingPivots<T> {
    type Error = Error;

    fn try_from(state: SwingPivotsState<T>) -> Result<Self, Error> {
        let mut pivots = Self::with_sides_generic(state.left, state.right)?;
        if state.bars > crate::levels::MAX_BARS {
            return Err(crate::error::invalid_state(format!(
                "swing pivots counted {} bars, more than the 2^62 an indicator counts",
                state.bars
            )));
        }
        let window = pivots.left + pivots.right + 1;
        for (name, deque, kind) in [
            ("highs", &state.highs, SwingKind::High),
            ("lows", &state.lows, SwingKind::Low),
        ] {
            deque
                .validate(window, kind, state.bars)
                .map_err(|message| {
                    crate::error::invalid_state(format!("swing pivots {name}: {message}"))
                })?;
        }
        pivots.highs = state.highs;
        pivots.lows = state.lows;
        pivots.bars = state.bars;
        Ok(pivots)
    }
}

/// A monotonic deque over the last `window` values that keeps the **earliest** extreme at its
/// front (equal values are kept, so the first of a run of ties stays in front).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Extremes<T> {
    kind: SwingKind,
    /// Circular storage of `(bar index, value)`, `window` slots; unused slots are zero.
    slots: Vec<(u64, T)>,
    head: usize,
    len: usize,
}

impl<T: Real> Extremes<T> {
    fn new(window: usize, kind: SwingKind) -> Self {
        Self {
            kind,
            slots: vec![(0, T::zero()); window],
            head: 0,
            len: 0,
        }
    }

    fn clear(&mut self) {
        self.slots.fill((0, T::zero()));
        self.head = 0;
        self.len = 0;
    }

    /// `true` when `newer` removes `older` from the candidates (strictly beats it).
    #[inline]
    fn beats(&self, newer: T, older: T) -> bool {
        match self.kind {
            SwingKind::High => newer > older,
            SwingKind::Low => newer < older,
        }
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

    /// The earliest extreme of the window: `(bar index, value)`.
    #[inline]
    fn front(&self) -> Option<(u64, T)> {
        self.slot(0)
    }

    /// The earliest extreme of the window once `value` is pushed as bar `t`, without pushing.
    #[inline]
    fn after(&self, t: u64, value: T) -> (u64, T) {
        let window = self.slots.len() as u64;
        // At most the front leaves the window: every other candidate is newer.
        let first = match self.front() {
            Some((index, _)) if index + window <= t => 1,
            _ => 0,
        };
        match self.slot(first) {
            // The deque is ordered from the extreme down: if the first survivor is not beaten
            // by `value`, it stays the earliest extreme; otherwise `value` beats them all.
            Some((index, old)) if !self.beats(value, old) => (index, old),
            _ => (t, value),
        }
    }

    /// Pushes `value` as bar `t` (bar indices must increase by one per push).
    #[inline]
    fn push(&mut self, t: u64, value: T) {
        let capacity = self.slots.len();
        // Drop the candidates `value` beats, from the back.
        while self.len > 0 {
            match self.slot(self.len - 1) {
                Some((_, old)) if self.beats(value, old) => self.len -= 1,
                _ => break,
            }
        }
        // Drop the front if it leaves the window.
        if let Some((index, _)) = self.front() {
            if index + capacity as u64 <= t {
                self.head = if self.head + 1 == capacity {
                    0
                } else {
                    self.head + 1
                };
                self.len -= 1;
            }
        }
        let mut tail = self.head + self.len;
        if tail >= capacity {
            tail -= capacity;
        }
        if let Some(slot) = self.slots.get_mut(tail) {
            *slot = (t, value);
            self.len += 1;
        }
    }

    /// Checks the invariants after `bars` pushes into a window of `window` bars.
    #[cfg(feature = "serde")]
    fn validate(&self, window: usize, kind: SwingKind, bars: u64) -> Result<(), String> {
        if self.kind != kind || self.slots.len() != window {
            return Err(format!(
                "expected a {kind:?} deque of {window} slots, got {:?} of {}",
                self.kind,
                self.slots.len()
            ));
        }
        if self.head >= window || self.len > window || (self.len == 0) != (bars == 0) {
            return Err(format!(
                "position {} / length {} invalid after {bars} bars",
                self.head, self.len
            ));
        }
        let oldest_allowed = bars.saturating_sub(window as u64);
        let mut previous: Option<(u64, T)> = None;
        for position in 0..self.len {
            let Some((index, value)) = self.slot(position) else {
                return Err("missing slot".into());
            };
            let ordered = match previous {
                Some((earlier, better)) => earlier < index && !self.beats(value, better),
                None => true,
            };
            if !value.is_usable() || index < oldest_allowed || index >= bars || !ordered {
                return Err(format!(
                    "candidate {position} (bar {index}, {value:?}) is out of the window, \
                     out of order or not finite"
                ));
            }
            previous = Some((index, value));
        }
        // The newest bar is always a candidate (nothing has beaten it yet).
        match previous {
            Some((index, _)) if index + 1 != bars => {
                Err(format!("newest candidate is bar {index}, not {}", bars - 1))
            }
            _ => Ok(()),
        }
    }
}
