use core::fmt;

use super::{Cross, CrossRule, Crossover, Relation};
use crate::average::{Ema, Sma};
use crate::error::check_period;
use crate::{Error, Indicator, Real};

/// A golden or a death cross: the fast average crossed the slow one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum MaCrossEvent {
    /// The fast average crossed **above** the slow one (bullish).
    GoldenCross,
    /// The fast average crossed **below** the slow one (bearish).
    DeathCross,
}

impl From<Cross> for MaCrossEvent {
    /// A cross of `(fast, slow)`: above is golden, below is death.
    fn from(cross: Cross) -> Self {
        match cross {
            Cross::Above => Self::GoldenCross,
            Cross::Below => Self::DeathCross,
        }
    }
}

impl fmt::Display for MaCrossEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::GoldenCross => "golden cross",
            Self::DeathCross => "death cross",
        })
    }
}

/// Golden and death crosses of a fast and a slow moving average over one price series.
///
/// # Rule
///
/// Both averages see every price. Once both are ready, their pair `(fast, slow)` feeds a
/// [`Crossover`]: a **golden cross** at `t` ⇔ `fast_t > slow_t && fast_{t−1} <= slow_{t−1}`
/// (TradingView's rule, the default), a **death cross** ⇔ `fast_t < slow_t &&
/// fast_{t−1} >= slow_{t−1}`. [`CrossRule::Strict`] (backtesting.py) ignores crosses whose
/// previous bar was a tie. The classic daily golden cross is SMA 50 over SMA 200.
///
/// # Output
///
/// `Option<`[`MaCrossEvent`]`>`: `None` on a bar without a cross. [`update`](Indicator::update)
/// returns `None` while warming up: the first comparison needs both averages on two
/// consecutive bars, so the first output comes one input after the slow average's first
/// value (201 inputs for SMA 50/200). An ignored (unusable) price gives `Some(None)` after
/// the warm-up: a cross is reported once, on the bar that made it. The averages themselves
/// are available through [`fast`](MaCross::fast) and [`slow`](MaCross::slow).
///
/// # Parameters
///
/// - [`MaCross::new`]`(fast_period, slow_period)`: two SMAs, each period in `1..=100000` and
///   `fast_period < slow_period` (with equal periods the two lines are one; with the fast one
///   longer, golden and death would swap meaning). The conventional 50/200 is
///   `MaCross::new(50, 200)`.
/// - [`MaCross::ema`]: the same with TA-Lib-seeded EMAs.
/// - [`MaCross::with_averages`]: any two indicators that map a price to a price (WMA, DEMA,
///   an SMA against an EMA, ...); which one is "fast" is the caller's word.
/// - the [`CrossRule`] ([`MaCross::with_rule`]).
///
/// # Example
///
/// ```
/// use ta_stream::signal::{MaCross, MaCrossEvent};
/// use ta_stream::Indicator;
///
/// let mut cross = MaCross::new(2, 3)?;
/// let closes = [5.0, 4.0, 3.0, 2.0, 6.0, 7.0, 1.0];
/// let events: Vec<_> = cross.batch(&closes);
/// assert_eq!(
///     events,
///     [None, None, None, Some(None), Some(Some(MaCrossEvent::GoldenCross)), Some(None),
///      Some(Some(MaCrossEvent::DeathCross))],
/// );
/// assert_eq!(cross.to_string(), "CROSS(SMA(2), SMA(3))");
/// assert!(MaCross::new(200, 50).is_err());
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Golden / death cross: investorguide.com, trive.co.za. TradingView
/// `ta.crossover(ta.sma(close, 50), ta.sma(close, 200))`.
#[doc(alias = "golden cross")]
#[doc(alias = "death cross")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MaCrossState<T, F, S>")
)]
#[cfg_attr(
    feature = "serde",
    serde(bound(
        serialize = "F: serde::Serialize, S: serde::Serialize",
        deserialize = "F: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                       S: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                       T: serde::Deserialize<'de>"
    ))
)]
pub struct MaCross<T: Real = f64, F = Sma<T>, S = F> {
    fast: F,
    slow: S,
    cross: Crossover<T>,
}

fn check_periods(fast_period: usize, slow_period: usize) -> Result<(), Error> {
    check_period("fast_period", fast_period)?;
    check_period("slow_period", slow_period)?;
    if fast_period < slow_period {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "fast_period",
            value: fast_period.to_string(),
            expected: "less than `slow_period`",
        })
    }
}

impl MaCross {
    /// Crosses of SMA(`fast_period`) and SMA(`slow_period`); `MaCross::new(50, 200)` is the
    /// classic golden / death cross.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `fast_period` or `slow_period` unless both are in
    /// `1..=100000` and `fast_period < slow_period`.
    pub fn new(fast_period: usize, slow_period: usize) -> Result<Self, Error> {
        Self::new_generic(fast_period, slow_period)
    }

    /// Crosses of EMA(`fast_period`) and EMA(`slow_period`), both seeded like TA-Lib.
    ///
    /// # Errors
    /// As [`MaCross::new`].
    pub fn ema(fast_period: usize, slow_period: usize) -> Result<MaCross<f64, Ema, Ema>, Error> {
        Self::ema_generic(fast_period, slow_period)
    }
}

impl<T: Real> MaCross<T, Sma<T>, Sma<T>> {
    /// [`MaCross::new`] in any precision `T` (`f32`, or generic code): `MaCross::<f32>::new_generic(50, 200)`.
    pub fn new_generic(fast_period: usize, slow_period: usize) -> Result<Self, Error> {
        check_periods(fast_period, slow_period)?;
        Ok(Self::with_averages(
            Sma::new_generic(fast_period)?,
            Sma::new_generic(slow_period)?,
        ))
    }

    /// [`MaCross::ema`] in any precision `T` (`f32`, or generic code): `MaCross::<f32>::ema_generic(12, 26)`.
    pub fn ema_generic(
        fast_period: usize,
        slow_period: usize,
    ) -> Result<MaCross<T, Ema<T>, Ema<T>>, Error> {
        check_periods(fast_period, slow_period)?;
        Ok(MaCross::with_averages(
            Ema::new_generic(fast_period)?,
            Ema::new_generic(slow_period)?,
        ))
    }
}

impl<T: Real> Default for MaCross<T, Sma<T>, Sma<T>> {
    /// The classic golden / death cross: SMA(50) against SMA(200).
    fn default() -> Self {
        Self::with_averages(Sma::with_valid_period(50), Sma::with_valid_period(200))
    }
}

impl<T, F, S> MaCross<T, F, S>
where
    T: Real,
    F: Indicator<Input = T, Output = T>,
    S: Indicator<Input = T, Output = T>,
{
    /// Crosses of any two averages; `fast` crossing above `slow` is the golden cross. Pass
    /// fresh (or equally fed) indicators: both must see the same prices.
    pub fn with_averages(fast: F, slow: S) -> Self {
        Self {
            fast,
            slow,
            cross: Crossover::new_generic(),
        }
    }

    /// The same detector with another [`CrossRule`].
    #[must_use]
    pub fn with_rule(mut self, rule: CrossRule) -> Self {
        self.cross = self.cross.with_rule(rule);
        self
    }

    /// The rule in use.
    pub fn rule(&self) -> CrossRule {
        self.cross.rule()
    }

    /// The fast average (its [`value`](Indicator::value) is the current fast line).
    pub fn fast(&self) -> &F {
        &self.fast
    }

    /// The slow average.
    pub fn slow(&self) -> &S {
        &self.slow
    }

    /// Where the fast average stood against the slow one on the last bar where both had a
    /// value: [`Relation::Above`] is the bullish side.
    pub fn relation(&self) -> Option<Relation> {
        self.cross.relation()
    }
}

impl<T, F, S> Indicator for MaCross<T, F, S>
where
    T: Real,
    F: Indicator<Input = T, Output = T>,
    S: Indicator<Input = T, Output = T>,
{
    type Input = T;
    type Output = Option<MaCrossEvent>;

    #[inline]
    fn update(&mut self, x: T) -> Option<Option<MaCrossEvent>> {
        if !x.is_usable() {
            return super::quiet(self.value());
        }
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        // The averages are compared whatever their magnitude: an average of usable prices
        // may round just outside the input range, or below its smallest magnitude.
        let event = self.cross.push(Relation::between(fast?, slow?))?;
        Some(event.map(MaCrossEvent::from))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<Option<MaCrossEvent>> {
        if !x.is_usable() {
            return super::quiet(self.value());
        }
        let fast = self.fast.peek(x);
        let slow = self.slow.peek(x);
        let event = self.cross.next(Relation::between(fast?, slow?))?;
        Some(event.map(MaCrossEvent::from))
    }

    #[inline]
    fn value(&self) -> Option<Option<MaCrossEvent>> {
        Some(self.cross.value()?.map(MaCrossEvent::from))
    }

    fn reset(&mut self) {
        self.fast.reset();
        self.slow.reset();
        self.cross.reset();
    }

    fn warmup_period(&self) -> usize {
        self.fast.warmup_period().max(self.slow.warmup_period()) + 1
    }
}

impl<T: Real, F: fmt::Display, S: fmt::Display> fmt::Display for MaCross<T, F, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CROSS({}, {})", self.fast, self.slow)?;
        super::fmt_rule(f, self.cross.rule())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(bound(
    deserialize = "F: serde::Deserialize<'de>, S: serde::Deserialize<'de>, \
                             T: serde::Deserialize<'de>"
))]
struct MaCrossState<T: Real, F, S> {
    fast: F,
    slow: S,
    cross: Crossover<T>,
}

#[cfg(feature = "serde")]
impl<T, F, S> TryFrom<MaCrossState<T, F, S>> for MaCross<T, F, S>
where
    T: Real,
    F: Indicator<Input = T, Output = T>,
    S: Indicator<Input = T, Output = T>,
{
    type Error = Error;

    /// The averages have seen the same prices, so the crossover has been fed exactly when
    /// both have a value, and its last relation is theirs.
    fn try_from(state: MaCrossState<T, F, S>) -> Result<Self, Error> {
        let lines = state.fast.value().zip(state.slow.value());
        let consistent = match lines {
            Some((fast, slow)) => state.cross.relation() == Some(Relation::between(fast, slow)),
            None => state.cross.is_untouched(),
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "MA cross: the remembered relation of the averages does not match their values",
            ));
        }
        Ok(Self {
            fast: state.fast,
            slow: state.slow,
            cross: state.cross,
        })
    }
}
