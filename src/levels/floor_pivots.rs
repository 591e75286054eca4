use core::fmt;

use chrono::{DateTime, Datelike, Utc};

use crate::bar::{Bar, Candle};
use crate::float::lit;
use crate::levels::is_valid_bar;
use crate::{Error, Indicator, Real};

/// Which floor-trader pivot formula [`PivotLevels`] and [`FloorPivots`] use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum PivotKind {
    /// Classic / Traditional: `PP = (H + L + C)/3`, `R1 = 2PP − L`, `S1 = 2PP − H`,
    /// `R2 = PP + (H − L)`, `S2 = PP − (H − L)`, `R3 = H + 2(PP − L)`, `S3 = L − 2(H − PP)`,
    /// and TradingView's `R4 = 3PP + (H − 3L)`, `S4 = 3PP − (3H − L)`,
    /// `R5 = 4PP + (H − 4L)`, `S5 = 4PP − (4H − L)`. The default.
    #[default]
    Classic,
    /// `PP` as Classic; `R/S_k = PP ± {0.382, 0.618, 1}·(H − L)` for `k = 1, 2, 3`.
    Fibonacci,
    /// `R/S_k = C ± 1.1·(H − L)/{12, 6, 4, 2}` for `k = 1..4`; `PP` as Classic, for
    /// information only.
    Camarilla,
    /// Woodie, in its common form: `PP = (H + L + 2C)/4`, `R1 = 2PP − L`, `S1 = 2PP − H`,
    /// `R2 = PP + (H − L)`, `S2 = PP − (H − L)`.
    Woodie,
    /// Woodie's original form, on the **current** period's open `O`: `PP = (H + L + 2O)/4`,
    /// levels as [`Woodie`](PivotKind::Woodie).
    WoodieOpen,
    /// DeMark: `X = 2H + L + C` if `C > O`, `H + 2L + C` if `C < O`, `H + L + 2C` if `C = O`
    /// (`O` the previous period's open); `PP = X/4`, `R1 = X/2 − L`, `S1 = X/2 − H`.
    Demark,
}

impl fmt::Display for PivotKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Classic => "classic",
            Self::Fibonacci => "fibonacci",
            Self::Camarilla => "camarilla",
            Self::Woodie => "woodie",
            Self::WoodieOpen => "woodie-open",
            Self::Demark => "demark",
        })
    }
}

/// The period whose high, low and close give the pivots of the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum PivotPeriod {
    /// A UTC calendar day (for intraday bars). The default.
    #[default]
    Day,
    /// An ISO week, Monday to Sunday in UTC (for daily bars).
    Week,
    /// A UTC calendar month (for daily or weekly bars).
    Month,
}

impl PivotPeriod {
    /// A number that identifies the period containing `timestamp` and grows with time.
    pub fn key(self, timestamp: DateTime<Utc>) -> i64 {
        let date = timestamp.date_naive();
        let day = i64::from(date.num_days_from_ce());
        match self {
            Self::Day => day,
            Self::Week => day - i64::from(date.weekday().num_days_from_monday()),
            Self::Month => i64::from(date.year()) * 12 + i64::from(date.month0()),
        }
    }
}

impl fmt::Display for PivotPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        })
    }
}

/// Floor-trader pivot levels of one period: the pivot, resistances above it and supports
/// below it. `r1` and `s1` always exist; the others depend on the [`PivotKind`] (Classic has
/// five of each, Camarilla four, Fibonacci three, Woodie two, DeMark one).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PivotLevels<T = f64> {
    /// The formula used.
    pub kind: PivotKind,
    /// The pivot point `PP` (informational for Camarilla).
    pub pivot: T,
    /// First resistance.
    pub r1: T,
    /// First support.
    pub s1: T,
    /// Second resistance.
    pub r2: Option<T>,
    /// Second support.
    pub s2: Option<T>,
    /// Third resistance.
    pub r3: Option<T>,
    /// Third support.
    pub s3: Option<T>,
    /// Fourth resistance.
    pub r4: Option<T>,
    /// Fourth support.
    pub s4: Option<T>,
    /// Fifth resistance.
    pub r5: Option<T>,
    /// Fifth support.
    pub s5: Option<T>,
}

impl<T: Real> PivotLevels<T> {
    /// The levels of `kind` from the previous period's open, high, low and close
    /// (`previous`; its volume is not used) and the current period's open (`open`, used by
    /// [`PivotKind::WoodieOpen`] only).
    ///
    /// A pure function of its inputs. The candle is expected to be valid (see
    /// [`Candle::validate`]); NaN in gives NaN out, never a panic.
    ///
    /// ```
    /// use ta_stream::bar::Candle;
    /// use ta_stream::levels::{PivotKind, PivotLevels};
    ///
    /// // H = 110, L = 90, C = 108, previous open 95, today's open 107.
    /// let previous = Candle::new(95.0, 110.0, 90.0, 108.0, 0.0)?;
    /// let demark = PivotLevels::compute(PivotKind::Demark, &previous, 107.0);
    /// assert_eq!((demark.pivot, demark.r1, demark.s1, demark.r2), (104.5, 119.0, 99.0, None));
    /// let woodie = PivotLevels::compute(PivotKind::WoodieOpen, &previous, 107.0);
    /// assert_eq!(woodie.pivot, 103.5);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn compute(kind: PivotKind, previous: &Candle<T>, open: T) -> Self {
        let (h, l, c) = (previous.high, previous.low, previous.close);
        let range = h - l;
        let (two, three, four) = (lit::<T>(2.0), lit::<T>(3.0), lit::<T>(4.0));
        let classic = (h + l + c) / three;
        let base = Self {
            kind,
            pivot: classic,
            r1: two * classic - l,
            s1: two * classic - h,
            r2: None,
            s2: None,
            r3: None,
            s3: None,
            r4: None,
            s4: None,
            r5: None,
            s5: None,
        };
        match kind {
            PivotKind::Classic => Self {
                r2: Some(classic + range),
                s2: Some(classic - range),
                r3: Some(h + two * (classic - l)),
                s3: Some(l - two * (h - classic)),
                r4: Some(three * classic + (h - three * l)),
                s4: Some(three * classic - (three * h - l)),
                r5: Some(four * classic + (h - four * l)),
                s5: Some(four * classic - (four * h - l)),
                ..base
            },
            PivotKind::Fibonacci => {
                let step = |ratio: f64| lit::<T>(ratio) * range;
                Self {
                    r1: classic + step(0.382),
                    s1: classic - step(0.382),
                    r2: Some(classic + step(0.618)),
                    s2: Some(classic - step(0.618)),
                    r3: Some(classic + range),
                    s3: Some(classic - range),
                    ..base
                }
            }
            PivotKind::Camarilla => {
                let step = |divisor: f64| lit::<T>(1.1) * range / lit::<T>(divisor);
                Self {
                    r1: c + step(12.0),
                    s1: c - step(12.0),
                    r2: Some(c + step(6.0)),
                    s2: Some(c - step(6.0)),
                    r3: Some(c + step(4.0)),
                    s3: Some(c - step(4.0)),
                    r4: Some(c + step(2.0)),
                    s4: Some(c - step(2.0)),
                    ..base
                }
            }
            PivotKind::Woodie | PivotKind::WoodieOpen => {
                let weighted = if kind == PivotKind::Woodie { c } else { open };
                let pivot = (h + l + two * weighted) / four;
                Self {
                    pivot,
                    r1: two * pivot - l,
                    s1: two * pivot - h,
                    r2: Some(pivot + range),
                    s2: Some(pivot - range),
                    ..base
                }
            }
            PivotKind::Demark => {
                let x = if c > previous.open {
                    two * h + l + c
                } else if c < previous.open {
                    h + two * l + c
                } else {
                    h + l + two * c
                };
                Self {
                    pivot: x / four,
                    r1: x / two - l,
                    s1: x / two - h,
                    ..base
                }
            }
        }
    }

    /// The resistances, `R1` first (nearest the pivot in every kind).
    pub fn resistances(&self) -> impl Iterator<Item = T> {
        [Some(self.r1), self.r2, self.r3, self.r4, self.r5]
            .into_iter()
            .flatten()
    }

    /// The supports, `S1` first.
    pub fn supports(&self) -> impl Iterator<Item = T> {
        [Some(self.s1), self.s2, self.s3, self.s4, self.s5]
            .into_iter()
            .flatten()
    }
}

/// Floor-trader pivot points of the previous day, week or month, streamed over timestamped
/// bars.
///
/// # Formula
///
/// On the first bar of each new period, the previous period's open, high, low and close (its
/// first open, highest high, lowest low and last close) give the [`PivotLevels`] of the
/// [`PivotKind`]; they hold for the whole period. [`PivotLevels::compute`] is the same
/// formula as a pure function.
///
/// Periods come from the bars' UTC timestamps ([`PivotPeriod::key`]): calendar days, ISO
/// weeks (Monday to Sunday) or calendar months. Shift the timestamps if your sessions do not
/// follow UTC days. A bar whose period is earlier than the current one is ignored like an
/// unusable input (the stream went back in time: [`try_update`](Indicator::try_update)
/// refuses it with [`Error::InvalidInput`]); bars are otherwise not checked for increasing
/// timestamps (see [`BarSequence`](crate::bar::BarSequence)). A candle that is not a valid
/// bar is ignored too (see the [module](crate::levels)). The levels are not events: an
/// ignored bar returns the current period's levels, unchanged.
///
/// # Output
///
/// [`PivotLevels`] from the first bar of the second period on (so
/// [`warmup_period`](Indicator::warmup_period) is 2, reached only with one bar per period);
/// `None` during the first period.
///
/// # Parameters
///
/// - `kind`: [`PivotKind`], Classic by [`Default`];
/// - `period`: [`PivotPeriod`], a day by [`Default`] (weekly pivots suit daily bars).
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ta_stream::bar::{Bar, Candle};
/// use ta_stream::levels::{FloorPivots, PivotKind, PivotPeriod};
/// use ta_stream::Indicator;
///
/// let day = |d| Utc.with_ymd_and_hms(2024, 1, d, 0, 0, 0).unwrap();
/// let bar = |d, o, h, l, c| Candle::new(o, h, l, c, 0.0).map(|candle| Bar::new(day(d), candle));
/// let mut weekly = FloorPivots::new(PivotKind::Classic, PivotPeriod::Week);
/// // Monday 1 .. Friday 5 January 2024, then Monday 8.
/// assert_eq!(weekly.update(bar(1, 95.0, 100.0, 90.0, 98.0)?), None);
/// assert_eq!(weekly.update(bar(5, 98.0, 110.0, 97.0, 108.0)?), None); // same week
/// let levels = weekly.update(bar(8, 107.0, 109.0, 105.0, 106.0)?).expect("a week is over");
/// // Week H = 110, L = 90, C = 108: PP = 102.67, R1 = 115.33, S1 = 95.33.
/// assert!((levels.pivot - 102.666_666_666_666_67).abs() < 1e-9);
/// assert!((levels.r1 - 115.333_333_333_333_33).abs() < 1e-9);
/// assert_eq!(weekly.to_string(), "PIVOTS(classic, week)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TradingView "Pivot Points Standard" (tradingview.com/support/solutions/43000521824);
/// [`PivotKind`] for the formulas.
#[doc(alias = "pivot points")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "FloorPivotsState<T>")
)]
pub struct FloorPivots<T: Real = f64> {
    kind: PivotKind,
    period: PivotPeriod,
    /// The period being formed: its key and its open, high, low, close so far.
    current: Option<(i64, Candle<T>)>,
    /// The last completed period.
    previous: Option<Candle<T>>,
}

impl FloorPivots {
    /// Pivots of `kind` from the previous `period`.
    pub fn new(kind: PivotKind, period: PivotPeriod) -> Self {
        Self::new_generic(kind, period)
    }
}

impl<T: Real> FloorPivots<T> {
    /// [`FloorPivots::new`] in any precision `T` (`f32`, or generic code): `FloorPivots::<f32>::new_generic(PivotKind::Classic, PivotPeriod::Day)`.
    pub fn new_generic(kind: PivotKind, period: PivotPeriod) -> Self {
        Self {
            kind,
            period,
            current: None,
            previous: None,
        }
    }

    /// The formula.
    pub fn kind(&self) -> PivotKind {
        self.kind
    }

    /// The period.
    pub fn period(&self) -> PivotPeriod {
        self.period
    }

    /// The last completed period's open, high, low, close and total volume (a sum of
    /// volumes, which may exceed the input range; it saturates at the largest finite float).
    pub fn previous(&self) -> Option<Candle<T>> {
        self.previous
    }

    /// `true` when `bar` is a valid bar of the current period or a later one.
    #[inline]
    fn accepts(&self, bar: &Bar<T>) -> bool {
        is_valid_bar(&bar.candle)
            && self
                .current
                .is_none_or(|(current, _)| self.period.key(bar.timestamp) >= current)
    }
}

/// `true` when `candle` is what accumulating valid bars gives: prices of a valid bar and a
/// finite, non-negative volume (a sum of volumes may exceed the input range).
#[cfg(feature = "serde")]
fn is_accumulated_bar<T: Real>(candle: &Candle<T>) -> bool {
    is_valid_bar(&Candle {
        volume: T::zero(),
        ..*candle
    }) && candle.volume.is_finite()
        && candle.volume >= T::zero()
}

impl<T: Real> Default for FloorPivots<T> {
    /// Classic pivots of the previous UTC day.
    fn default() -> Self {
        Self::new_generic(PivotKind::Classic, PivotPeriod::Day)
    }
}

impl<T: Real> Indicator for FloorPivots<T> {
    type Input = Bar<T>;
    type Output = PivotLevels<T>;

    #[inline]
    fn update(&mut self, bar: Bar<T>) -> Option<PivotLevels<T>> {
        if !self.accepts(&bar) {
            return self.value();
        }
        let key = self.period.key(bar.timestamp);
        let candle = bar.candle;
        match &mut self.current {
            None => self.current = Some((key, candle)),
            Some((current, forming)) if key == *current => {
                forming.high = forming.high.max(candle.high);
                forming.low = forming.low.min(candle.low);
                forming.close = candle.close;
                // Saturates at the largest finite float rather than overflowing.
                forming.volume = (forming.volume + candle.volume).min(T::max_value());
            }
            Some((_, forming)) => {
                self.previous = Some(*forming);
                self.current = Some((key, candle));
            }
        }
        self.value()
    }

    #[inline]
    fn peek(&self, bar: Bar<T>) -> Option<PivotLevels<T>> {
        if !self.accepts(&bar) {
            return self.value();
        }
        match self.current {
            Some((current, forming)) if self.period.key(bar.timestamp) > current => {
                Some(PivotLevels::compute(self.kind, &forming, bar.candle.open))
            }
            _ => self.value(),
        }
    }

    fn try_update(&mut self, bar: Bar<T>) -> Result<Option<PivotLevels<T>>, Error> {
        if self.accepts(&bar) {
            Ok(self.update(bar))
        } else {
            Err(Error::InvalidInput)
        }
    }

    #[inline]
    fn value(&self) -> Option<PivotLevels<T>> {
        let (_, forming) = self.current?;
        Some(PivotLevels::compute(
            self.kind,
            self.previous.as_ref()?,
            forming.open,
        ))
    }

    fn reset(&mut self) {
        self.current = None;
        self.previous = None;
    }

    fn warmup_period(&self) -> usize {
        2
    }
}

impl<T: Real> fmt::Display for FloorPivots<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PIVOTS({}, {})", self.kind, self.period)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FloorPivotsState<T: Real> {
    kind: PivotKind,
    period: PivotPeriod,
    current: Option<(i64, Candle<T>)>,
    previous: Option<Candle<T>>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<FloorPivotsState<T>> for FloorPivots<T> {
    type Error = Error;

    fn try_from(state: FloorPivotsState<T>) -> Result<Self, Error> {
        if state.previous.is_some() && state.current.is_none() {
            return Err(crate::error::invalid_state(
                "floor pivots remember a previous period but not the current one",
            ));
        }
        for candle in state
            .previous
            .iter()
            .chain(state.current.iter().map(|(_, c)| c))
        {
            if !is_accumulated_bar(candle) {
                return Err(crate::error::invalid_state(format!(
                    "floor pivots period {candle:?} is not a valid bar (prices in the usable \
                     range, low <= open, close <= high, finite volume >= 0)"
                )));
            }
        }
        if let Some((key, _)) = state.current {
            let first = state.period.key(DateTime::<Utc>::MIN_UTC);
            let last = state.period.key(DateTime::<Utc>::MAX_UTC);
            if !(first..=last).contains(&key) {
                return Err(crate::error::invalid_state(format!(
                    "floor pivots period key {key} is not the key of any date"
                )));
            }
        }
        Ok(Self {
            kind: state.kind,
            period: state.period,
            current: state.current,
            previous: state.previous,
        })
    }
}
