use core::fmt;
use core::marker::PhantomData;

use crate::{Error, Indicator, Real};

/// Where one value stands against another: `a` is below, equal to, or above `b`.
///
/// Returned by [`Crossover::relation`] and by the readings of
/// [`MaPosition`](super::MaPosition) (the price against each average). Comparisons are exact:
/// two equal floats are [`Relation::Equal`], however they were computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Relation {
    /// `a < b`.
    Below = 0,
    /// `a == b`: a tie (a touch).
    Equal = 1,
    /// `a > b`.
    Above = 2,
}

impl Relation {
    /// The relation of `a` to `b`. Both are expected to be comparable (not NaN); a NaN gives
    /// [`Relation::Equal`], which never starts a cross.
    #[inline]
    pub fn between<T: Real>(a: T, b: T) -> Self {
        // Branch-free: crossings of noisy series are unpredictable branches.
        match u8::from(a > b) + u8::from(a >= b) + u8::from(a.is_nan() || b.is_nan()) {
            0 => Self::Below,
            1 => Self::Equal,
            _ => Self::Above,
        }
    }

    /// The same relation seen from `b`: `Below` and `Above` swap, `Equal` stays.
    #[must_use]
    pub fn reversed(self) -> Self {
        match self {
            Self::Below => Self::Above,
            Self::Equal => Self::Equal,
            Self::Above => Self::Below,
        }
    }
}

/// A crossing of two series on one bar: the first series ([`Crossover`]'s `a`) moved
/// [`Above`](Cross::Above) or [`Below`](Cross::Below) the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Cross {
    /// `a` crossed above `b` (TradingView `ta.crossover(a, b)`).
    Above,
    /// `a` crossed below `b` (TradingView `ta.crossunder(a, b)`).
    Below,
}

impl Cross {
    /// The same crossing seen from the other series: `Above` and `Below` swap.
    #[must_use]
    pub fn reversed(self) -> Self {
        match self {
            Self::Above => Self::Below,
            Self::Below => Self::Above,
        }
    }
}

impl fmt::Display for Cross {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Above => "cross above",
            Self::Below => "cross below",
        })
    }
}

/// When a move counts as a cross: the sources disagree on a tie on the *previous* bar.
///
/// A tie on the *current* bar is never a cross under either rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum CrossRule {
    /// TradingView `ta.crossover` / `ta.crossunder` (also thinkScript `Crosses`,
    /// EasyLanguage `crosses over`), the default: `a` crosses above `b` at `t` when
    /// `a_t > b_t && a_{t−1} <= b_{t−1}`; below is the mirror image. A touch followed by a
    /// move away counts, so a series that touches its level from above and moves up again
    /// reports a cross above without ever having been below.
    #[default]
    TradingView,
    /// backtesting.py `lib.crossover`: `a_t > b_t && a_{t−1} < b_{t−1}`; below mirrored. Only
    /// a move from strictly one side to strictly the other counts; a cross whose previous bar
    /// was a tie is missed.
    Strict,
}

impl CrossRule {
    /// The crossing, if any, from relation `previous` (bar `t − 1`) to `current` (bar `t`).
    #[inline]
    pub fn event(self, previous: Relation, current: Relation) -> Option<Cross> {
        // A lookup, not a chain of branches: index = 3·previous + current.
        const NO: Option<Cross> = None;
        const UP: Option<Cross> = Some(Cross::Above);
        const DOWN: Option<Cross> = Some(Cross::Below);
        const TRADINGVIEW: [Option<Cross>; 9] = [NO, NO, UP, DOWN, NO, UP, DOWN, NO, NO];
        const STRICT: [Option<Cross>; 9] = [NO, NO, UP, NO, NO, NO, DOWN, NO, NO];
        let table = match self {
            Self::TradingView => &TRADINGVIEW,
            Self::Strict => &STRICT,
        };
        table
            .get(3 * previous as usize + current as usize)
            .copied()
            .flatten()
    }
}

/// Crossovers of two series: does `a` cross above or below `b` on this bar?
///
/// The input is the pair `(a, b)` of one bar, e.g. `(fast_average, slow_average)` or
/// `(macd, signal)`; the output says whether a crossing happened on it.
///
/// # Rule
///
/// With [`CrossRule::TradingView`] (the default):
/// - cross **above** at `t` ⇔ `a_t > b_t && a_{t−1} <= b_{t−1}`;
/// - cross **below** at `t` ⇔ `a_t < b_t && a_{t−1} >= b_{t−1}`;
/// - a tie on the current bar is never a cross.
///
/// [`CrossRule::Strict`] (backtesting.py) requires `a_{t−1} < b_{t−1}` (resp. `>`), so it
/// misses a cross whose previous bar was a tie. A pair with a NaN or an infinity is ignored
/// like every unusable input (see [`Indicator`]): it leaves the state as it was, so the next
/// usable bar is compared with the last usable one, and `update` and `peek` return
/// `Some(None)` for it (no cross; `None` before the first usable pair): a cross belongs to the
/// bar that made it and is never repeated by an ignored input.
///
/// # Output
///
/// `Option<Cross>`: `Some(Cross::Above)`, `Some(Cross::Below)`, or `None` on a bar without a
/// crossing. [`update`](Indicator::update) wraps it in the trait's own `Option`, which is
/// `None` only on the first bar (nothing to compare with yet), so a quiet bar is
/// `Some(None)`. Use [`Option::flatten`] when warm-up and quiet bars mean the same to you.
///
/// # Parameters
///
/// The [`CrossRule`] ([`Crossover::with_rule`]); TradingView's by [`Default`].
///
/// # Example
///
/// ```
/// use ta_stream::signal::{Cross, CrossRule, Crossover};
/// use ta_stream::Indicator;
///
/// // A tie on bars 2 and 3, then a = 4 > b = 3: a cross under TradingView's rule only.
/// let pairs = [(1.0, 2.0), (2.0, 2.0), (3.0, 3.0), (3.0, 3.0), (4.0, 3.0)];
/// let mut tradingview = Crossover::new();
/// assert_eq!(
///     tradingview.batch(&pairs),
///     [None, Some(None), Some(None), Some(None), Some(Some(Cross::Above))],
/// );
/// let mut strict = Crossover::new().with_rule(CrossRule::Strict);
/// assert!(strict.batch(&pairs).into_iter().flatten().all(|event| event.is_none()));
/// assert_eq!(strict.to_string(), "CROSS[strict]");
/// ```
///
/// # Links
///
/// TradingView Pine Script `ta.crossover` / `ta.crossunder`; backtesting.py
/// `backtesting.lib.crossover`. See also [`CrossLevel`] for a series against a fixed level and
/// [`MaCross`](super::MaCross) for golden and death crosses.
#[doc(alias = "crossover")]
#[doc(alias = "crossunder")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CrossoverState")
)]
pub struct Crossover<T: Real = f64> {
    rule: CrossRule,
    /// The relation on the bar before `latest` (`None` until two bars were seen).
    earlier: Option<Relation>,
    /// The relation on the last committed bar (`None` before the first).
    latest: Option<Relation>,
    #[cfg_attr(feature = "serde", serde(skip))]
    marker: PhantomData<T>,
}

impl Crossover {
    /// A crossover detector with TradingView's rule.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Crossover<T> {
    /// [`Crossover::new`] in any precision `T` (`f32`, or generic code): `Crossover::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            rule: CrossRule::TradingView,
            earlier: None,
            latest: None,
            marker: PhantomData,
        }
    }

    /// The same detector with another [`CrossRule`]. Meant for construction; on a detector
    /// already fed, the new rule applies from the next bar on.
    #[must_use]
    pub fn with_rule(mut self, rule: CrossRule) -> Self {
        self.rule = rule;
        self
    }

    /// The rule in use.
    pub fn rule(&self) -> CrossRule {
        self.rule
    }

    /// Where `a` stood against `b` on the last committed bar (`None` before the first).
    pub fn relation(&self) -> Option<Relation> {
        self.latest
    }

    /// `true` before the first usable bar (used to validate composite states).
    #[cfg(feature = "serde")]
    pub(crate) fn is_untouched(&self) -> bool {
        self.latest.is_none()
    }

    /// The output for `current` after the last committed bar; shared by `update` and `peek`.
    #[inline]
    pub(crate) fn next(&self, current: Relation) -> Option<Option<Cross>> {
        Some(self.rule.event(self.latest?, current))
    }

    /// Commits the relation of a bar and returns its output. For series that are not inputs
    /// (averages, which may lie just outside the input range by rounding): their relation is
    /// all that is kept.
    #[inline]
    pub(crate) fn push(&mut self, current: Relation) -> Option<Option<Cross>> {
        let output = self.next(current);
        self.earlier = self.latest.replace(current);
        output
    }
}

impl<T: Real> Default for Crossover<T> {
    /// [`Crossover::new`]: TradingView's rule.
    fn default() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Indicator for Crossover<T> {
    type Input = (T, T);
    type Output = Option<Cross>;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<Option<Cross>> {
        if !crate::CheckedInput::is_usable(&input) {
            return super::quiet(self.value());
        }
        self.push(Relation::between(input.0, input.1))
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<Option<Cross>> {
        if !crate::CheckedInput::is_usable(&input) {
            return super::quiet(self.value());
        }
        self.next(Relation::between(input.0, input.1))
    }

    #[inline]
    fn value(&self) -> Option<Option<Cross>> {
        Some(self.rule.event(self.earlier?, self.latest?))
    }

    fn reset(&mut self) {
        self.earlier = None;
        self.latest = None;
    }

    fn warmup_period(&self) -> usize {
        2
    }
}

impl<T: Real> fmt::Display for Crossover<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CROSS")?;
        super::fmt_rule(f, self.rule)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossoverState {
    rule: CrossRule,
    earlier: Option<Relation>,
    latest: Option<Relation>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CrossoverState> for Crossover<T> {
    type Error = Error;

    fn try_from(state: CrossoverState) -> Result<Self, Error> {
        if state.earlier.is_some() && state.latest.is_none() {
            return Err(crate::error::invalid_state(
                "crossover remembers an earlier bar but not the latest one",
            ));
        }
        Ok(Self {
            rule: state.rule,
            earlier: state.earlier,
            latest: state.latest,
            marker: PhantomData,
        })
    }
}

/// Crossings of one series through a fixed level: RSI through 50, MACD through its zero line,
/// a price through a round number.
///
/// A [`Crossover`] of the pair `(x, level)`: same rules, same output.
///
/// # Rule
///
/// With [`CrossRule::TradingView`] (the default), `x` crosses above the level `L` at `t` ⇔
/// `x_t > L >= x_{t−1}`, and below ⇔ `x_t < L <= x_{t−1}`; a value exactly on the level is
/// never a cross. [`CrossRule::Strict`] requires `x_{t−1} < L` (resp. `> L`).
///
/// # Output
///
/// `Option<Cross>`, as for [`Crossover`]: `update` gives `None` on the first input only,
/// then `Some(None)` on a quiet bar and on an ignored (unusable) input.
///
/// # Parameters
///
/// - `level`: any finite number of magnitude at most [`Real::max_input`].
/// - the [`CrossRule`] ([`CrossLevel::with_rule`]); TradingView's by default.
///
/// # Example
///
/// ```
/// use ta_stream::signal::{Cross, CrossLevel};
/// use ta_stream::Indicator;
///
/// let mut zero_line = CrossLevel::new(0.0)?;
/// let events: Vec<_> = zero_line.batch(&[-1.0, 0.0, 2.0, 1.0, -0.5]);
/// assert_eq!(
///     events,
///     [None, Some(None), Some(Some(Cross::Above)), Some(None), Some(Some(Cross::Below))],
/// );
/// assert_eq!(zero_line.to_string(), "CROSS(0)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TradingView `ta.crossover(x, level)` / `ta.crossunder(x, level)`. For overbought and
/// oversold zones with entry and exit events see [`Zones`](super::Zones).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CrossLevelState<T>")
)]
pub struct CrossLevel<T: Real = f64> {
    level: T,
    cross: Crossover<T>,
}

impl<T: Real> CrossLevel<T> {
    /// Crossings of `level` with TradingView's rule.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `level` when it is NaN, infinite or larger in
    /// magnitude than [`Real::max_input`].
    pub fn new(level: T) -> Result<Self, Error> {
        Ok(Self {
            level: super::check_level("level", level)?,
            cross: Crossover::new_generic(),
        })
    }

    /// The same detector with another [`CrossRule`].
    #[must_use]
    pub fn with_rule(mut self, rule: CrossRule) -> Self {
        self.cross = self.cross.with_rule(rule);
        self
    }

    /// The level.
    pub fn level(&self) -> T {
        self.level
    }

    /// The rule in use.
    pub fn rule(&self) -> CrossRule {
        self.cross.rule()
    }

    /// Where the last committed value stood against the level (`None` before the first).
    pub fn relation(&self) -> Option<Relation> {
        self.cross.relation()
    }
}

impl<T: Real> Indicator for CrossLevel<T> {
    type Input = T;
    type Output = Option<Cross>;

    #[inline]
    fn update(&mut self, x: T) -> Option<Option<Cross>> {
        if !x.is_usable() {
            return super::quiet(self.value());
        }
        self.cross.update((x, self.level))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<Option<Cross>> {
        if !x.is_usable() {
            return super::quiet(self.value());
        }
        self.cross.peek((x, self.level))
    }

    #[inline]
    fn value(&self) -> Option<Option<Cross>> {
        self.cross.value()
    }

    fn reset(&mut self) {
        self.cross.reset();
    }

    fn warmup_period(&self) -> usize {
        self.cross.warmup_period()
    }
}

impl<T: Real> fmt::Display for CrossLevel<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CROSS(")?;
        super::fmt_level(f, self.level)?;
        f.write_str(")")?;
        super::fmt_rule(f, self.rule())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossLevelState<T: Real> {
    level: T,
    cross: Crossover<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CrossLevelState<T>> for CrossLevel<T> {
    type Error = Error;

    fn try_from(state: CrossLevelState<T>) -> Result<Self, Error> {
        Ok(Self {
            level: super::check_level("level", state.level)?,
            cross: state.cross,
        })
    }
}
