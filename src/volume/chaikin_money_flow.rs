use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::levels::is_valid_bar;
use crate::window::RollingSum;
use crate::{Error, Indicator, Real};

use super::chaikin_oscillator::at_least_two;
use super::money_flow_volume;

/// Chaikin money flow: the money-flow volume of the last `n` candles over their volume.
///
/// # Formula
///
/// `CMF_t = Σ CLV_i·V_i / Σ V_i` over the last `n` candles, with the close location value
/// `CLV = ((C − L) − (H − C)) / (H − L)` (0 when `H = L`); `0` when the window has no
/// volume (as TA-Lib). Two drift-free [`RollingSum`]s; O(1) per update. First output after
/// `n` candles.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 20.
///
/// # Inputs and range
///
/// Valid candles ([`Candle::validate`]; an invalid one is refused like a NaN). Every
/// output is in `−1..=1`.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, volume::ChaikinMoneyFlow, Indicator};
///
/// let mut cmf = ChaikinMoneyFlow::new(2)?;
/// let at_high = Candle::new(10.0, 12.0, 10.0, 12.0, 300.0)?; // CLV +1
/// let at_low = Candle::new(11.0, 12.0, 10.0, 10.0, 100.0)?; // CLV −1
/// assert_eq!(cmf.batch(&[at_high, at_low]), [None, Some((300.0 - 100.0) / 400.0)]);
/// assert_eq!(cmf.to_string(), "CMF(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Marc Chaikin's money flow, as TA-Lib `CMF`; matches it at every index.
#[doc(alias = "CMF")]
#[doc(alias = "Chaikin money flow")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ChaikinMoneyFlowState<T>")
)]
pub struct ChaikinMoneyFlow<T: Real = f64> {
    /// The last `n` money-flow volumes.
    flows: RollingSum<T>,
    /// The last `n` volumes.
    volumes: RollingSum<T>,
}

impl ChaikinMoneyFlow {
    /// Chaikin money flow over `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> ChaikinMoneyFlow<T> {
    /// [`ChaikinMoneyFlow::new`] in any precision `T` (`f32`, or generic code): `ChaikinMoneyFlow::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = at_least_two("period", period)?;
        Ok(Self {
            flows: RollingSum::new_generic(period)?,
            volumes: RollingSum::new_generic(period)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.volumes.period()
    }

    /// `flow / volume` clamped to `−1..=1`, 0 without volume.
    #[inline]
    fn ratio(flow: T, volume: T) -> T {
        if volume > T::zero() {
            (flow / volume).max(-T::one()).min(T::one())
        } else {
            T::zero()
        }
    }
}

impl<T: Real> Default for ChaikinMoneyFlow<T> {
    /// CMF(20), TA-Lib's default.
    fn default() -> Self {
        Self {
            flows: RollingSum::with_valid_period(20),
            volumes: RollingSum::with_valid_period(20),
        }
    }
}

impl<T: Real> Indicator for ChaikinMoneyFlow<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if is_valid_bar(&candle) {
            self.flows.push_inlined(money_flow_volume(&candle));
            self.volumes.push_inlined(candle.volume);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !is_valid_bar(&candle) {
            return self.value();
        }
        (self.volumes.len() + 1 >= self.period()).then(|| {
            Self::ratio(
                self.flows.peek_sum(money_flow_volume(&candle)),
                self.volumes.peek_sum(candle.volume),
            )
        })
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.volumes
            .is_full()
            .then(|| Self::ratio(self.flows.sum(), self.volumes.sum()))
    }

    fn reset(&mut self) {
        self.flows.clear();
        self.volumes.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }

    /// Rejects an invalid candle.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        if is_valid_bar(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for ChaikinMoneyFlow<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CMF({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ChaikinMoneyFlowState<T: Real> {
    flows: RollingSum<T>,
    volumes: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ChaikinMoneyFlowState<T>> for ChaikinMoneyFlow<T> {
    type Error = Error;

    /// A period in range, both windows in step, usable volumes `≥ 0`, and each flow within
    /// `±` its bar's volume.
    fn try_from(state: ChaikinMoneyFlowState<T>) -> Result<Self, Error> {
        Self::new_generic(state.volumes.period())?;
        let consistent = state.flows.period() == state.volumes.period()
            && state.flows.len() == state.volumes.len()
            && state.flows.write_index() == state.volumes.write_index()
            && state
                .flows
                .iter()
                .zip(state.volumes.iter())
                .all(|(flow, volume)| super::is_volume(volume) && flow.abs() <= volume);
        if !consistent {
            return Err(invalid_state(
                "CMF windows out of step, a volume unusable or negative, or a flow beyond its \
                 volume",
            ));
        }
        Ok(Self {
            flows: state.flows,
            volumes: state.volumes,
        })
    }
}
