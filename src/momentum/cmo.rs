use core::fmt;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::error::check_period;
use crate::{Error, Indicator, Real};

use super::up_down::chande;

/// Chande momentum oscillator, as TA-Lib computes it: the balance of gains and losses,
/// smoothed like Wilder's RSI, in `−100..=100`.
///
/// # Formula
///
/// With `d_t = x_t − x_{t−1}`, `U = max(d, 0)`, `D = max(−d, 0)`:
/// - `avgU`, `avgD` = mean of the first `n` values of `U` and `D`, then Wilder's smoothing
///   `avg_t = (avg_{t−1}·(n−1) + v_t)/n`, as in [`Rsi`](super::Rsi);
/// - `CMO = 100·(avgU − avgD)/(avgU + avgD)`, and **0** when `avgU + avgD = 0` (a flat
///   series; TA-Lib's answer, an exact test at every scale).
///
/// So `CMO = 2·RSI − 100` wherever RSI is defined. Chande's original sums the last `n` gains
/// and losses without smoothing: that is [`Cmou`](super::Cmou) (TA-Lib `CMOU`).
///
/// The first output comes after `n + 1` inputs (`n` changes). Every output lies in
/// `−100..=100`; nothing beyond the crate's usable range is refused.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`; 14 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::Cmo, Indicator};
///
/// let mut cmo = Cmo::new(2)?;
/// let out = cmo.batch(&[10.0, 11.0, 10.5, 11.5]);
/// // changes +1, −0.5: avgU = 0.5, avgD = 0.25; then +1: avgU = 0.75, avgD = 0.125
/// assert_eq!(out[..2], [None, None]);
/// assert_eq!(out[2], Some(100.0 * (0.25 / 0.75)));
/// assert_eq!(out[3], Some(100.0 * (0.625 / 0.875)));
/// assert_eq!(Cmo::<f64>::default().to_string(), "CMO(14)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// Overbought and oversold readings (conventionally +50 and −50) are zones of
/// [`signal::Zones`](crate::signal::Zones):
///
/// ```
/// use ta_stream::{momentum::Cmo, signal::{ZoneEvent, Zones}, Indicator};
///
/// let mut cmo = Cmo::new(3)?;
/// let mut zones = Zones::new(50.0, -50.0)?;
/// let mut events = Vec::new();
/// for x in [10.0, 11.0, 12.0, 13.0, 12.0, 11.0, 10.0, 9.0] {
///     if let Some(reading) = cmo.update(x).and_then(|c| zones.update(c)) {
///         events.extend(reading.events());
///     }
/// }
/// // 100 after three gains (the first reading: a zone, no event); the losses then take it
/// // out of overbought and into oversold.
/// assert_eq!(events, [ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande and Stanley Kroll, *The New Technical Trader* (1994); TA-Lib `CMO`, matched
/// at every index.
#[doc(alias = "CMO")]
#[doc(alias = "Chande momentum oscillator")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CmoState<T>")
)]
pub struct Cmo<T: Real = f64> {
    previous: Option<T>,
    gains: Smoother<T>,
    losses: Smoother<T>,
}

impl Cmo {
    /// The Chande momentum oscillator over `period` changes, Wilder-smoothed.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Cmo<T> {
    /// [`Cmo::new`] in any precision `T` (`f32`, or generic code): `Cmo::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_at_least_two("period", period)?;
        Ok(Self {
            previous: None,
            gains: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            losses: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.gains.period()
    }
}

/// A period in `2..=100000`, as TA-Lib requires of the oscillators of this family.
pub(crate) fn check_at_least_two(name: &'static str, period: usize) -> Result<usize, Error> {
    if period < 2 {
        return Err(Error::InvalidParameter {
            name,
            value: period.to_string(),
            expected: "2..=100000",
        });
    }
    check_period(name, period).map_err(|_| Error::InvalidParameter {
        name,
        value: period.to_string(),
        expected: "2..=100000",
    })
}

/// `(max(d, 0), max(−d, 0))` for `d = x − previous`.
#[inline]
pub(crate) fn gain_and_loss<T: Real>(previous: T, x: T) -> (T, T) {
    let change = x - previous;
    (change.max(T::zero()), (-change).max(T::zero()))
}

impl<T: Real> Default for Cmo<T> {
    /// CMO(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            previous: None,
            gains: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
            losses: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
        }
    }
}

impl<T: Real> Indicator for Cmo<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let previous = self.previous.replace(x)?;
        let (gain, loss) = gain_and_loss(previous, x);
        let gain = self.gains.update(gain);
        let loss = self.losses.update(loss);
        Some(chande(gain?, loss?))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let (gain, loss) = gain_and_loss(self.previous?, x);
        Some(chande(self.gains.peek(gain)?, self.losses.peek(loss)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(chande(self.gains.value()?, self.losses.value()?))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.gains.reset();
        self.losses.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Cmo<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CMO({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CmoState<T: Real> {
    previous: Option<T>,
    gains: Smoother<T>,
    losses: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CmoState<T>> for Cmo<T> {
    type Error = Error;

    /// Two SMA-seeded Wilder averages of one period and count, of non-negative changes
    /// (at most `2·max_input`), and a usable previous input once anything was fed.
    fn try_from(state: CmoState<T>) -> Result<Self, Error> {
        check_at_least_two("period", state.gains.period())?;
        let largest = crate::float::lit::<T>(2.0) * T::max_input();
        let consistent = state.gains.period() == state.losses.period()
            && state.gains.seed() == Seed::Sma
            && state.losses.seed() == Seed::Sma
            && state.gains.is_wilder()
            && state.losses.is_wilder()
            && state.gains.count() == state.losses.count()
            && state.gains.state() >= T::zero()
            && state.losses.state() >= T::zero()
            && state.gains.fed_at_most(largest)
            && state.losses.fed_at_most(largest)
            && state.previous.is_none_or(|x| x.is_usable())
            && (state.previous.is_some() || state.gains.count() == 0);
        if !consistent {
            return Err(crate::error::invalid_state(
                "CMO gain and loss averages are inconsistent",
            ));
        }
        Ok(Self {
            previous: state.previous,
            gains: state.gains,
            losses: state.losses,
        })
    }
}
