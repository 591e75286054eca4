use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::levels::is_valid_bar;
use crate::window::CompensatedSum;
use crate::{Error, Indicator, Real};

#[cfg(feature = "serde")]
use super::is_finite_sum;
use super::{finite_plus, money_flow_columns, money_flow_volume};

/// Chaikin's accumulation/distribution line: the running total of each bar's money-flow
/// volume.
///
/// # Formula
///
/// The close location value `CLV = ((C − L) − (H − C)) / (H − L)`, in `−1..=1` (0 when
/// `H = L`, as TA-Lib), weights the volume: `AD_t = AD_{t−1} + CLV_t · V_t`, `AD_{−1} = 0`.
/// A compensated sum ([`CompensatedSum`]): no drift however long the stream.
///
/// # Inputs and range
///
/// Valid candles ([`Candle::validate`]: a bar with the high below the low or the close
/// outside the range is refused like a NaN). Any sign; `|AD|` at most the sum of the
/// volumes. An input that would carry the total beyond the float range is refused.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volume::AccumulationDistribution, Indicator};
///
/// let mut ad = AccumulationDistribution::new();
/// // Close at the high: all 100 accumulated; at a quarter of the range: half of 200 out.
/// assert_eq!(ad.update(Candle::new(9.0, 10.0, 8.0, 10.0, 100.0)?), Some(100.0));
/// assert_eq!(ad.update(Candle::new(9.0, 12.0, 8.0, 9.0, 200.0)?), Some(0.0));
/// assert_eq!(ad.to_string(), "AD");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Marc Chaikin's A/D line, as TA-Lib `AD`; matches it at every index.
#[doc(alias = "AD")]
#[doc(alias = "accumulation/distribution")]
#[doc(alias = "Chaikin A/D line")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AccumulationDistributionState<T>")
)]
pub struct AccumulationDistribution<T: Real = f64> {
    /// The running total.
    total: CompensatedSum<T>,
    /// `true` once a candle was accepted.
    started: bool,
}

impl AccumulationDistribution {
    /// The A/D line (no parameters).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> AccumulationDistribution<T> {
    /// [`AccumulationDistribution::new`] in any precision `T` (`f32`, or generic code): `AccumulationDistribution::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            total: CompensatedSum::new_generic(),
            started: false,
        }
    }

    /// The total after `candle`, or `None` if it is refused.
    #[inline]
    pub(crate) fn step(&self, candle: &Candle<T>) -> Option<CompensatedSum<T>> {
        if !is_valid_bar(candle) {
            return None;
        }
        self.add_flow(money_flow_volume(candle))
    }

    /// The running total (a compensated sum), for a column path that adds on a copy.
    #[inline]
    pub(crate) fn total(&self) -> CompensatedSum<T> {
        self.total
    }

    /// The total after a valid bar of money-flow volume `flow`, or `None` when it would
    /// leave the float range.
    #[inline]
    pub(crate) fn add_flow(&self, flow: T) -> Option<CompensatedSum<T>> {
        finite_plus(self.total, flow)
    }

    /// Commits a total [`step`](Self::step) returned.
    #[inline]
    pub(crate) fn commit(&mut self, total: CompensatedSum<T>) {
        self.total = total;
        self.started = true;
    }

    /// The slice path in TA-Lib's `AD` shape: `high`, `low`, `close` and `volume` columns
    /// in, the line after each row into `out`. Each row is the candle
    /// `(open: close, high, low, close, volume)`, so the outputs and the final state are bit
    /// for bit those of [`update`](Indicator::update) over those candles: a row that is not
    /// a valid bar (or would carry the total beyond the float range) is ignored, its output
    /// repeats the previous one (NaN before the first valid row). Reads 32 bytes a row
    /// where a [`Candle`] holds 40; a chunk of valid rows is checked at once, its money-flow
    /// volumes computed without a dependency from one row to the next, then added up.
    ///
    /// ```
    /// use ta_stream::volume::AccumulationDistribution;
    ///
    /// let (high, low, close, volume) = ([10.0, 12.0], [8.0, 8.0], [10.0, 9.0], [100.0, 200.0]);
    /// let mut ad = [0.0_f64; 2];
    /// AccumulationDistribution::new().hlcv_into(&high, &low, &close, &volume, &mut ad)?;
    /// assert_eq!(ad, [100.0, 0.0]); // all 100 in, then half of 200 out
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close`, `volume` or
    /// `out` differs in length from `high`; nothing is consumed then.
    pub fn hlcv_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        volume: &[T],
        out: &mut [T],
    ) -> Result<(), Error> {
        let columns = [high, low, close, volume];
        money_flow_columns(self, columns, out, Self::add_up, Self::update)
    }

    /// A chunk's money-flow volumes (in `out`) added up on a copy, replaced by the line: a
    /// total beyond the float range declines the chunk (`false`, nothing committed), which
    /// then goes row by row from the state as it was.
    fn add_up(&mut self, out: &mut [T]) -> bool {
        let mut line = self.clone();
        for slot in out.iter_mut() {
            let Some(total) = line.add_flow(*slot) else {
                return false;
            };
            line.commit(total);
            *slot = total.total();
        }
        *self = line;
        true
    }
}

impl<T: Real> Indicator for AccumulationDistribution<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        let Some(total) = self.step(&candle) else {
            return self.value();
        };
        self.commit(total);
        Some(total.total())
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        match self.step(&candle) {
            Some(total) => Some(total.total()),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.started.then(|| self.total.total())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an invalid candle, or one that would carry the total beyond the float range.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        match self.step(&candle) {
            Some(_) => Ok(self.update(candle)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for AccumulationDistribution<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AD")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AccumulationDistributionState<T: Real> {
    total: CompensatedSum<T>,
    started: bool,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AccumulationDistributionState<T>> for AccumulationDistribution<T> {
    type Error = Error;

    /// A finite total, and none before the first candle.
    fn try_from(state: AccumulationDistributionState<T>) -> Result<Self, Error> {
        let consistent = if state.started {
            is_finite_sum(state.total)
        } else {
            state.total == CompensatedSum::new_generic()
        };
        if !consistent {
            return Err(invalid_state(
                "AD total not finite, or a total before any candle",
            ));
        }
        Ok(Self {
            total: state.total,
            started: state.started,
        })
    }
}
