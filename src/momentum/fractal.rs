use core::fmt;

use crate::bar::Candle;
use crate::levels::{SwingPivots, SwingReading};
use crate::window::{Extremum, MonotonicDeque};
use crate::{Error, Indicator, Real};

/// Williams fractals with TA-Lib's rule: a bar whose high is **strictly** above the `left`
/// bars before it and the `right` bars after it (a swing high), or whose low is strictly
/// below them (a swing low), reported on the bar that confirms it, `right` bars later.
///
/// # Rule and alignment
///
/// - bar `k` is a **swing high** ⇔ `H_k > H_j` for every other bar `j` in `[k − left, k + right]`;
///   a **swing low** ⇔ `L_k < L_j` for all of them. A tie on either side is no fractal
///   (TA-Lib's rule; [`SwingPivots`] keeps TradingView's instead, where a flat top's first
///   bar counts);
/// - the fractal is known only once the `right` bars after it have closed, so it is
///   reported **on bar `k + right`** (no look-ahead), with
///   [`bars_ago`](crate::levels::Swing::bars_ago) `= right` and the bar's
///   [`index`](crate::levels::Swing::index) and price.
///
/// TA-Lib 0.8.1's `FRACTAL` writes its mark (100) on that same confirming bar, `k + right`,
/// not on the fractal bar `k`: its output and this one line up index for index (its first
/// `left + right` values are warm-up). To draw the mark on the fractal bar itself, shift it
/// back by `bars_ago`.
///
/// Built on [`SwingPivots`] (which finds the bars strictly above the bars before them and
/// at least as high as those after, O(1) amortized) plus a rolling maximum and minimum of
/// the last `right` bars ([`MonotonicDeque`]) that turn "at least as high" into "strictly
/// higher": O(1) amortized per update.
///
/// # Output
///
/// A [`SwingReading`]: the swing high and the swing low confirmed on this bar, each `None`
/// when there is none; `None` until `left + right + 1` bars were seen. A bar that is not a
/// valid bar (an unusable number, high below low, open or close outside the range, negative
/// volume) is refused: `update` and `peek` return an empty reading for it (an event belongs
/// to the bar that caused it), [`try_update`](Indicator::try_update) returns
/// [`Error::InvalidInput`].
///
/// # Parameters
///
/// `left`, `right` (TA-Lib `leftbars`, `rightbars`): each `1..=100000`, defaults 2 and 2
/// (Bill Williams' 5-bar fractal).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Fractal, Indicator};
///
/// let bar = |high: f64| Candle::new(high - 2.0, high, high - 2.0, high, 0.0);
/// let mut fractal = Fractal::new(2, 2)?;
/// let highs = [10.0, 11.0, 13.0, 12.0, 11.0, 12.0, 14.0, 14.0, 13.0, 12.0];
/// let out = fractal.batch(&highs.map(|h| bar(h).unwrap()));
/// // 13 (bar 2) beats two bars each side: confirmed on bar 4
/// let high = out[4].and_then(|r| r.high).expect("a swing high");
/// assert_eq!((high.price, high.index, high.bars_ago), (13.0, 2, 2));
/// // 14, 14 (bars 6 and 7) tie: no fractal (TA-Lib's rule)
/// assert!(out.iter().flatten().filter(|r| r.high.is_some()).count() == 1);
/// assert_eq!(fractal.to_string(), "FRACTAL(2,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Bill Williams, *Trading Chaos* (1995); TA-Lib `FRACTAL` (`swinghigh`, `swinglow`: 100 on
/// the confirming bar), matched at every index.
#[doc(alias = "FRACTAL")]
#[doc(alias = "Williams fractal")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "FractalState<T>")
)]
pub struct Fractal<T: Real = f64> {
    /// Bars above the `left` before and not below the `right` after (lows mirrored).
    pivots: SwingPivots<T>,
    /// Highest high of the last `right` bars.
    highs: MonotonicDeque<T, false>,
    /// Lowest low of the last `right` bars.
    lows: MonotonicDeque<T, false>,
}

impl Fractal {
    /// Fractals with `left` bars before and `right` bars after.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `left` or `right` unless it is in `1..=100000`.
    pub fn new(left: usize, right: usize) -> Result<Self, Error> {
        Self::new_generic(left, right)
    }
}

impl<T: Real> Fractal<T> {
    /// [`Fractal::new`] in any precision `T` (`f32`, or generic code): `Fractal::<f32>::new_generic(2, 2)`.
    pub fn new_generic(left: usize, right: usize) -> Result<Self, Error> {
        let pivots = SwingPivots::with_sides_generic(left, right)?;
        Ok(Self::around(pivots))
    }

    fn around(pivots: SwingPivots<T>) -> Self {
        let right = pivots.right();
        Self {
            pivots,
            highs: MonotonicDeque::with_valid_period(right, Extremum::Max),
            lows: MonotonicDeque::with_valid_period(right, Extremum::Min),
        }
    }

    /// Bars required before a fractal.
    pub fn left(&self) -> usize {
        self.pivots.left()
    }

    /// Bars required after a fractal (the confirmation delay).
    pub fn right(&self) -> usize {
        self.pivots.right()
    }

    /// Keeps the pivots strictly above (below) the `right` bars after them, given the
    /// highest high and lowest low of those bars.
    #[inline]
    fn strict(reading: SwingReading<T>, after: (Option<T>, Option<T>)) -> SwingReading<T> {
        SwingReading {
            high: reading
                .high
                .filter(|s| after.0.is_some_and(|highest| highest < s.price)),
            low: reading
                .low
                .filter(|s| after.1.is_some_and(|lowest| lowest > s.price)),
        }
    }

    /// What an ignored bar returns: no fractal (once warmed up).
    #[inline]
    fn quiet(&self) -> Option<SwingReading<T>> {
        self.value().map(|_| SwingReading::default())
    }
}

impl<T: Real> Default for Fractal<T> {
    /// FRACTAL(2, 2), TA-Lib's defaults (Bill Williams' 5-bar fractal).
    fn default() -> Self {
        Self::around(SwingPivots::default())
    }
}

impl<T: Real> Indicator for Fractal<T> {
    type Input = Candle<T>;
    type Output = SwingReading<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<SwingReading<T>> {
        if !self.pivots.accepts(&candle) {
            return self.quiet();
        }
        let reading = self.pivots.update(candle);
        self.highs.push(candle.high);
        self.lows.push(candle.low);
        let after = (self.highs.extreme(), self.lows.extreme());
        reading.map(|r| Self::strict(r, after))
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<SwingReading<T>> {
        if !self.pivots.accepts(&candle) {
            return self.quiet();
        }
        let after = (self.highs.peek(candle.high), self.lows.peek(candle.low));
        self.pivots.peek(candle).map(|r| Self::strict(r, after))
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<SwingReading<T>>, Error> {
        if self.pivots.accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }

    #[inline]
    fn value(&self) -> Option<SwingReading<T>> {
        let after = (self.highs.extreme(), self.lows.extreme());
        self.pivots.value().map(|r| Self::strict(r, after))
    }

    fn reset(&mut self) {
        self.pivots.reset();
        self.highs.clear();
        self.lows.clear();
    }

    fn warmup_period(&self) -> usize {
        self.pivots.warmup_period()
    }
}

impl<T: Real> fmt::Display for Fractal<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FRACTAL({},{})", self.left(), self.right())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FractalState<T: Real> {
    pivots: SwingPivots<T>,
    highs: MonotonicDeque<T, false>,
    lows: MonotonicDeque<T, false>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<FractalState<T>> for Fractal<T> {
    type Error = Error;

    /// The pivots checked as [`SwingPivots`]' own state; the rolling extremes over `right`
    /// bars, of the right kinds, fed every bar the pivots counted, with usable values.
    fn try_from(state: FractalState<T>) -> Result<Self, Error> {
        let FractalState {
            pivots,
            highs,
            lows,
        } = state;
        let right = pivots.right();
        let consistent = highs.extremum() == Extremum::Max
            && lows.extremum() == Extremum::Min
            && highs.period() == right
            && lows.period() == right
            && highs.pushed() == pivots.bars()
            && lows.pushed() == pivots.bars()
            && highs
                .candidates()
                .chain(lows.candidates())
                .all(|x| crate::CheckedInput::is_usable(&x));
        if !consistent {
            return Err(crate::error::invalid_state(
                "FRACTAL extremes disagree with the pivots (kind, period, bars) or hold \
                 unusable values",
            ));
        }
        Ok(Self {
            pivots,
            highs,
            lows,
        })
    }
}
