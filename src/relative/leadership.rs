use core::fmt;

use super::usable_ratio;
use crate::average::Sma;
use crate::signal::{Cross, CrossRule, Crossover, Relation};
use crate::{Error, Indicator, Real};

/// A rotation between an asset and its benchmark: the ratio line `A/B` crossed its own
/// moving average.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum LeadershipEvent {
    /// The ratio line crossed **above** its average: the asset takes the lead (rotation
    /// into the asset).
    AssetLeads,
    /// The ratio line crossed **below** its average: the benchmark takes the lead (rotation
    /// out of the asset).
    BenchmarkLeads,
}

impl From<Cross> for LeadershipEvent {
    fn from(cross: Cross) -> Self {
        match cross {
            Cross::Above => Self::AssetLeads,
            Cross::Below => Self::BenchmarkLeads,
        }
    }
}

impl fmt::Display for LeadershipEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::AssetLeads => "asset leads",
            Self::BenchmarkLeads => "benchmark leads",
        })
    }
}

/// Leadership changes: the relative-strength ratio line `A/B` crossing its own simple
/// moving average, the rotation signal of relative-strength charts.
///
/// # Rule
///
/// `RS_t = A_t/B_t` and `M_t = SMA_n(RS)_t`. Once `M` has a value on two consecutive bars,
/// the pair `(RS, M)` feeds a [`Crossover`]: [`LeadershipEvent::AssetLeads`] at `t` ⇔
/// `RS_t > M_t && RS_{t−1} <= M_{t−1}` (TradingView's rule, the default),
/// [`LeadershipEvent::BenchmarkLeads`] is the mirror image. A tie on the current bar is
/// never an event. With `n = 200` the events are the zero-line crossings of
/// [`Mansfield`](super::Mansfield) RS.
///
/// # Refused inputs
///
/// Prices must be positive and the ratio `A/B` must itself lie in the usable input range
/// (`1e-150..=1e150` for `f64`, `1e-15..=1e15` for `f32`, see [`Real`](crate::Real)):
/// otherwise the pair is ignored by `update` and `peek`, which return the last reading
/// **without** its event (`Some(None)` once warmed up: an event belongs to the bar that
/// caused it), and rejected by `try_update` with [`Error::InvalidInput`], like a NaN.
///
/// # Output
///
/// `Option<`[`LeadershipEvent`]`>`: `None` on a quiet bar. [`update`](Indicator::update)
/// returns `None` while warming up (the first `n` inputs), so a quiet bar afterwards is
/// `Some(None)`.
///
/// # Parameters
///
/// - `period` (`n`): `1..=100000`; [`Default`] is 50 bars (a rotation within a quarter);
/// - the [`CrossRule`] ([`Leadership::with_rule`]).
///
/// # Example
///
/// ```
/// use ta_stream::relative::{Leadership, LeadershipEvent};
/// use ta_stream::Indicator;
///
/// let mut leadership = Leadership::new(3)?;
/// // The asset lags for a while, then rallies while the benchmark stays flat.
/// let asset = [100.0, 99.0, 98.0, 97.0, 96.0, 99.0, 103.0];
/// let events: Vec<_> = asset.iter().map(|&a| leadership.update((a, 100.0))).collect();
/// assert_eq!(events[..3], [None, None, None]);
/// assert_eq!(events[4], Some(None));
/// assert_eq!(events[5], Some(Some(LeadershipEvent::AssetLeads)));
/// assert_eq!(leadership.to_string(), "LEADERSHIP(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// StockCharts, "Price Relative / Relative Strength" (the ratio line and its moving
/// average); Weinstein's stage analysis; see
/// [`MaCross`](crate::signal::MaCross) for the same rule on one price series.
#[doc(alias = "rotation")]
#[doc(alias = "relative strength crossover")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "LeadershipState<T>")
)]
pub struct Leadership<T: Real = f64> {
    average: Sma<T>,
    /// The last ratio `A/B`.
    ratio: Option<T>,
    cross: Crossover<T>,
}

impl Leadership {
    /// Crossings of the ratio line and its SMA of `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Leadership<T> {
    /// [`Leadership::new`] in any precision `T` (`f32`, or generic code): `Leadership::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            average: Sma::new_generic(period)?,
            ratio: None,
            cross: Crossover::new_generic(),
        })
    }

    /// The same detector with another [`CrossRule`].
    #[must_use]
    pub fn with_rule(mut self, rule: CrossRule) -> Self {
        self.cross = self.cross.with_rule(rule);
        self
    }

    /// The averaging period `n`.
    pub fn period(&self) -> usize {
        self.average.period()
    }

    /// The last ratio `A/B`.
    pub fn ratio(&self) -> Option<T> {
        self.ratio
    }

    /// The average of the ratio line, once ready.
    pub fn average(&self) -> Option<T> {
        self.average.value()
    }

    /// Where the ratio line stood against its average on the last bar where both had a
    /// value: [`Relation::Above`] means the asset leads.
    pub fn relation(&self) -> Option<Relation> {
        self.cross.relation()
    }
}

/// The pair `(level, 1)` whose relation is that of `ratio` to `average`: the crossover is
/// fed where the ratio line stands, never the ratio itself, so its own input filter (the
/// usable range) cannot drop a bar that the average has taken (an average of ratios at the
/// bottom of the range can round just below it).
#[inline]
fn relation_pair<T: Real>(ratio: T, average: T) -> (T, T) {
    let level = match Relation::between(ratio, average) {
        Relation::Below => T::zero(),
        Relation::Equal => T::one(),
        Relation::Above => T::one() + T::one(),
    };
    (level, T::one())
}

impl<T: Real> Leadership<T> {
    /// What an ignored input returns: the last reading without its event (an event belongs
    /// to the bar that caused it).
    #[inline]
    fn quiet(&self) -> Option<Option<LeadershipEvent>> {
        self.value().map(|_| None)
    }
}

impl<T: Real> Default for Leadership<T> {
    /// The ratio line against its SMA of 50 bars.
    fn default() -> Self {
        Self {
            average: Sma::with_valid_period(50),
            ratio: None,
            cross: Crossover::new_generic(),
        }
    }
}

impl<T: Real> Indicator for Leadership<T> {
    type Input = (T, T);
    type Output = Option<LeadershipEvent>;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<Option<LeadershipEvent>> {
        let Some(ratio) = usable_ratio(input) else {
            return self.quiet();
        };
        self.ratio = Some(ratio);
        let average = self.average.update(ratio)?;
        let event = self.cross.update(relation_pair(ratio, average))?;
        Some(event.map(LeadershipEvent::from))
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<Option<LeadershipEvent>> {
        let Some(ratio) = usable_ratio(input) else {
            return self.quiet();
        };
        let average = self.average.peek(ratio)?;
        let event = self.cross.peek(relation_pair(ratio, average))?;
        Some(event.map(LeadershipEvent::from))
    }

    #[inline]
    fn value(&self) -> Option<Option<LeadershipEvent>> {
        Some(self.cross.value()?.map(LeadershipEvent::from))
    }

    fn reset(&mut self) {
        self.average.reset();
        self.ratio = None;
        self.cross.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects unusable pairs, prices `≤ 0` and ratios outside the usable range with
    /// [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<Option<LeadershipEvent>>, Error> {
        if usable_ratio(input).is_some() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Leadership<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LEADERSHIP({})", self.period())?;
        if self.cross.rule() == CrossRule::Strict {
            f.write_str("[strict]")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LeadershipState<T: Real> {
    average: Sma<T>,
    ratio: Option<T>,
    cross: Crossover<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<LeadershipState<T>> for Leadership<T> {
    type Error = Error;

    /// Every ratio (the last one and those averaged) is positive and usable, as the inputs
    /// that made them were, and the last one is the newest averaged; the crossover has been
    /// fed exactly when the average has a value, and its last relation is that of the last
    /// ratio and the average.
    fn try_from(state: LeadershipState<T>) -> Result<Self, Error> {
        let usable = |r: T| r.is_usable() && r > T::zero();
        let ratio_ok = state.ratio.is_none_or(usable)
            // The average's values are usable (checked by `Sma`) and positive.
            && state.average.values_may_be_positive()
            && state.average.newest() == state.ratio;
        let consistent = match (state.ratio, state.average.value()) {
            (Some(ratio), Some(average)) => {
                state.cross.relation() == Some(Relation::between(ratio, average))
            }
            (None, Some(_)) => false,
            (_, None) => state.cross.relation().is_none(),
        };
        if !(ratio_ok && consistent) {
            return Err(crate::error::invalid_state(
                "leadership: the remembered relation does not match the ratio and its average",
            ));
        }
        Ok(Self {
            average: state.average,
            ratio: state.ratio,
            cross: state.cross,
        })
    }
}
