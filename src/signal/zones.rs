use core::fmt;

use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Where an oscillator value stands against its overbought and oversold levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Zone {
    /// At or below the oversold level.
    Oversold,
    /// Strictly between the two levels.
    Neutral,
    /// At or above the overbought level.
    Overbought,
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Oversold => "oversold",
            Self::Neutral => "neutral",
            Self::Overbought => "overbought",
        })
    }
}

/// A change of zone on one bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum ZoneEvent {
    /// The value rose to the overbought level or above: `x_t >= OB > x_{t−1}`.
    EnteredOverbought,
    /// The value fell back below the overbought level, `x_t < OB <= x_{t−1}`: TradingView's
    /// `ta.crossunder(x, OB)`, the classic sell signal.
    LeftOverbought,
    /// The value fell to the oversold level or below: `x_t <= OS < x_{t−1}`.
    EnteredOversold,
    /// The value rose back above the oversold level, `x_t > OS >= x_{t−1}`: TradingView's
    /// `ta.crossover(x, OS)`, the classic buy signal.
    LeftOversold,
}

impl fmt::Display for ZoneEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::EnteredOverbought => "entered overbought",
            Self::LeftOverbought => "left overbought",
            Self::EnteredOversold => "entered oversold",
            Self::LeftOversold => "left oversold",
        })
    }
}

/// The output of [`Zones`]: the current zone and the zone of the previous value, from which
/// the events of this bar follow.
///
/// A bar has at most one exit and one entry; both happen together only when the value
/// jumps from one extreme zone straight into the other (possible with short periods).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZoneReading {
    zone: Zone,
    previous: Option<Zone>,
}

impl ZoneReading {
    /// The zone of the current value.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The zone of the previous value; `None` on the first reading, which has no events. On
    /// the reading returned for an ignored input, the current zone (no event).
    pub fn previous(&self) -> Option<Zone> {
        self.previous
    }

    /// The extreme zone left on this bar: [`ZoneEvent::LeftOverbought`] or
    /// [`ZoneEvent::LeftOversold`].
    pub fn exit(&self) -> Option<ZoneEvent> {
        match (self.previous?, self.zone) {
            (Zone::Overbought, Zone::Neutral | Zone::Oversold) => Some(ZoneEvent::LeftOverbought),
            (Zone::Oversold, Zone::Neutral | Zone::Overbought) => Some(ZoneEvent::LeftOversold),
            _ => None,
        }
    }

    /// The extreme zone entered on this bar: [`ZoneEvent::EnteredOverbought`] or
    /// [`ZoneEvent::EnteredOversold`].
    pub fn entry(&self) -> Option<ZoneEvent> {
        match (self.previous?, self.zone) {
            (Zone::Neutral | Zone::Oversold, Zone::Overbought) => {
                Some(ZoneEvent::EnteredOverbought)
            }
            (Zone::Neutral | Zone::Overbought, Zone::Oversold) => Some(ZoneEvent::EnteredOversold),
            _ => None,
        }
    }

    /// The events of this bar in the order they happened: the exit, then the entry.
    pub fn events(&self) -> impl Iterator<Item = ZoneEvent> {
        self.exit().into_iter().chain(self.entry())
    }

    /// `true` when `event` happened on this bar.
    pub fn has(&self, event: ZoneEvent) -> bool {
        self.exit() == Some(event) || self.entry() == Some(event)
    }

    /// The same zone with no event: what [`Zones`] returns for an ignored input. Its
    /// [`previous`](ZoneReading::previous) zone is the current one (`None` stays `None`).
    #[must_use]
    pub fn without_events(&self) -> Self {
        Self {
            zone: self.zone,
            previous: self.previous.map(|_| self.zone),
        }
    }
}

/// Overbought and oversold zones of an oscillator (RSI, Stochastic, ...), with the bars on
/// which the value enters and leaves them.
///
/// # Rule
///
/// With overbought level `OB` and oversold level `OS` (`OS < OB`):
/// - zone: **overbought** ⇔ `x >= OB`, **oversold** ⇔ `x <= OS`, neutral otherwise;
/// - **left overbought** at `t` ⇔ `x_t < OB <= x_{t−1}` (TradingView `ta.crossunder(x, OB)`),
///   **left oversold** ⇔ `x_t > OS >= x_{t−1}` (`ta.crossover(x, OS)`);
/// - **entered overbought** ⇔ `x_t >= OB > x_{t−1}`, **entered oversold** ⇔
///   `x_t <= OS < x_{t−1}`.
///
/// Events are exactly the zone changes, so entries and exits alternate. A value exactly on a
/// level is inside the zone: that is what makes the exits TradingView's crossunder/crossover,
/// but the entries differ from `ta.crossover(x, OB)` when a value lands exactly on `OB`
/// (entered here on that bar, crossed there on the next bar above). The first value has a
/// zone and no event.
///
/// # Output
///
/// A [`ZoneReading`]: [`zone`](ZoneReading::zone), [`exit`](ZoneReading::exit),
/// [`entry`](ZoneReading::entry), [`events`](ZoneReading::events). Outputs start with the
/// first value. An ignored (unusable) input returns the current zone without events
/// ([`ZoneReading::without_events`]): an entry or exit is reported once, on its bar.
///
/// # Parameters
///
/// `overbought` > `oversold`, both finite; 70 and 30 by [`Default`] (Wilder's RSI levels;
/// 80/20 is common for the Stochastic). Any scale works: ±100 for CCI, −20/−80 for
/// Williams %R.
///
/// # Example
///
/// ```
/// use ta_stream::momentum::Rsi;
/// use ta_stream::signal::{Zone, ZoneEvent, Zones};
/// use ta_stream::Indicator;
///
/// let mut zones = Zones::default(); // 70 / 30
/// let readings: Vec<_> = [65.0, 72.0, 70.0, 69.0].into_iter().map(|x| zones.update(x)).collect();
/// let events: Vec<Vec<ZoneEvent>> =
///     readings.iter().flatten().map(|r| r.events().collect()).collect();
/// assert_eq!(
///     events,
///     [vec![], vec![ZoneEvent::EnteredOverbought], vec![], vec![ZoneEvent::LeftOverbought]],
/// );
/// assert_eq!(zones.value().map(|r| r.zone()), Some(Zone::Neutral));
/// assert_eq!(zones.to_string(), "ZONES(70, 30)");
///
/// // On RSI: feed the oscillator's output.
/// let mut rsi = Rsi::new(3)?;
/// let mut rsi_zones = Zones::default();
/// for close in [10.0, 11.0, 12.0, 13.0, 12.5] {
///     if let Some(reading) = rsi.update(close).and_then(|r| rsi_zones.update(r)) {
///         println!("{:?}: {:?}", reading.zone(), reading.exit());
///     }
/// }
/// assert!(Zones::<f64>::new(30.0, 70.0).is_err());
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Wilder (1978) for the RSI's 70/30; TradingView's `ta.crossunder` / `ta.crossover` for the
/// exit rules. [`CrossLevel`](super::CrossLevel) for plain crossings of one
/// level.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ZonesState<T>")
)]
pub struct Zones<T: Real = f64> {
    overbought: T,
    oversold: T,
    /// The zone before `latest` (`None` until two values were seen).
    earlier: Option<Zone>,
    /// The zone of the last committed value (`None` before the first).
    latest: Option<Zone>,
}

fn check_levels<T: Real>(overbought: T, oversold: T) -> Result<(), Error> {
    super::check_level("overbought", overbought)?;
    super::check_level("oversold", oversold)?;
    if overbought > oversold {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "overbought",
            value: format!("{overbought:?}"),
            expected: "a level above `oversold`",
        })
    }
}

impl<T: Real> Zones<T> {
    /// Zones with the given `overbought` and `oversold` levels (note the order: upper first,
    /// as in "70/30").
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `overbought` or `oversold` when a level is NaN,
    /// infinite or above [`Real::max_input`] in magnitude, and naming `overbought` when it is
    /// not above `oversold`.
    pub fn new(overbought: T, oversold: T) -> Result<Self, Error> {
        check_levels(overbought, oversold)?;
        Ok(Self {
            overbought,
            oversold,
            earlier: None,
            latest: None,
        })
    }

    /// The overbought level.
    pub fn overbought(&self) -> T {
        self.overbought
    }

    /// The oversold level.
    pub fn oversold(&self) -> T {
        self.oversold
    }

    /// The zone of `x`.
    #[inline]
    pub fn zone_of(&self, x: T) -> Zone {
        if x >= self.overbought {
            Zone::Overbought
        } else if x <= self.oversold {
            Zone::Oversold
        } else {
            Zone::Neutral
        }
    }
}

impl<T: Real> Default for Zones<T> {
    /// Overbought 70, oversold 30: the RSI convention.
    fn default() -> Self {
        Self {
            overbought: lit(70.0),
            oversold: lit(30.0),
            earlier: None,
            latest: None,
        }
    }
}

impl<T: Real> Indicator for Zones<T> {
    type Input = T;
    type Output = ZoneReading;

    #[inline]
    fn update(&mut self, x: T) -> Option<ZoneReading> {
        if !x.is_usable() {
            return self.value().map(|reading| reading.without_events());
        }
        let zone = self.zone_of(x);
        self.earlier = self.latest.replace(zone);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<ZoneReading> {
        if !x.is_usable() {
            return self.value().map(|reading| reading.without_events());
        }
        Some(ZoneReading {
            zone: self.zone_of(x),
            previous: self.latest,
        })
    }

    #[inline]
    fn value(&self) -> Option<ZoneReading> {
        Some(ZoneReading {
            zone: self.latest?,
            previous: self.earlier,
        })
    }

    fn reset(&mut self) {
        self.earlier = None;
        self.latest = None;
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for Zones<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ZONES(")?;
        super::fmt_level(f, self.overbought)?;
        f.write_str(", ")?;
        super::fmt_level(f, self.oversold)?;
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ZonesState<T: Real> {
    overbought: T,
    oversold: T,
    earlier: Option<Zone>,
    latest: Option<Zone>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ZonesState<T>> for Zones<T> {
    type Error = Error;

    fn try_from(state: ZonesState<T>) -> Result<Self, Error> {
        check_levels(state.overbought, state.oversold)?;
        if state.earlier.is_some() && state.latest.is_none() {
            return Err(crate::error::invalid_state(
                "zones remember an earlier value but not the latest one",
            ));
        }
        Ok(Self {
            overbought: state.overbought,
            oversold: state.oversold,
            earlier: state.earlier,
            latest: state.latest,
        })
    }
}
