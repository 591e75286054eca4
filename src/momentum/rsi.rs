use core::fmt;

use crate::Real;

use crate::average::smoother::{Rule, Smoother};
use crate::average::Seed;
use crate::float::lit;
use crate::{Error, Indicator};

/// What [`Rsi`] reports when there was neither a gain nor a loss over its smoothing
/// (a flat series), where `100·U/(U+D)` is `0/0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum FlatRsi {
    /// 50: no momentum either way, the middle of the scale. The default.
    #[default]
    Neutral,
    /// 0, as TA-Lib writes it (`ta_RSI.c` outputs 0 when `avgU + avgD` is zero). Choose this
    /// for exact TA-Lib parity on flat series.
    TaLib,
}

/// Relative Strength Index, Wilder's original, at TA-Lib parity.
///
/// # Formula
///
/// With `d_t = x_t − x_{t−1}`, `U = max(d, 0)`, `D = max(−d, 0)`:
/// - `avgU`, `avgD` = mean of the first `n` values of `U` and `D`, then Wilder's smoothing
///   `avg_t = (avg_{t−1}·(n−1) + v_t)/n` (see [`Rma`](crate::average::Rma));
/// - `RSI = 100·avgU/(avgU + avgD)`, in `[0, 100]`. All gains give 100, all losses 0; a flat
///   series is handled by [`FlatRsi`] (50 by default, 0 for TA-Lib).
///
/// The first output comes after `n + 1` inputs (`n` differences). This is not the EMA-based
/// "RSI" some libraries ship (`α = 2/(n+1)`), nor Cutler's SMA-based variant.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000`; 14 by [`Default`]. Zones are conventionally 70/30.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::{FlatRsi, Rsi}, Indicator};
///
/// let mut rsi = Rsi::new(2)?;
/// let out = rsi.batch(&[10.0, 11.0, 10.5, 11.5]);
/// // changes +1, −0.5: avgU = 0.5, avgD = 0.25; then +1: avgU = 0.75, avgD = 0.125
/// assert_eq!(out, [None, None, Some(100.0 * (0.5 / 0.75)), Some(100.0 * (0.75 / 0.875))]);
/// assert_eq!(Rsi::<f64>::default().to_string(), "RSI(14)");
///
/// let mut flat = Rsi::new(2)?.with_flat(FlatRsi::TaLib);
/// assert_eq!(flat.batch(&[5.0, 5.0, 5.0]), [None, None, Some(0.0)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Wilder (1978), *New Concepts in Technical Trading Systems*; TA-Lib `RSI`, matched at every
/// index with [`FlatRsi::TaLib`] (and everywhere but flat stretches by default).
#[doc(alias = "RSI")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RsiState<T>")
)]
pub struct Rsi<T: Real = f64> {
    flat: FlatRsi,
    previous: Option<T>,
    gains: Smoother<T>,
    losses: Smoother<T>,
    /// `true` once both averages are seeded: updates then take the steady-state path (two
    /// Wilder steps, no bookkeeping). Derived from the averages.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: bool,
}

impl Rsi {
    /// Wilder's RSI over `period` price changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Rsi<T> {
    /// [`Rsi::new`] in any precision `T` (`f32`, or generic code): `Rsi::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            flat: FlatRsi::default(),
            previous: None,
            gains: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            losses: Smoother::new(period, Seed::Sma, Rule::Wilder)?,
            warm: false,
        })
    }

    /// The same RSI with another answer for flat series.
    #[must_use]
    pub fn with_flat(mut self, flat: FlatRsi) -> Self {
        self.flat = flat;
        self
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.gains.period()
    }

    /// The flat-series policy in use.
    pub fn flat(&self) -> FlatRsi {
        self.flat
    }

    #[inline]
    fn index(&self, average_gain: T, average_loss: T) -> T {
        let total = average_gain + average_loss;
        if total == T::zero() {
            return match self.flat {
                FlatRsi::Neutral => lit(50.0),
                FlatRsi::TaLib => T::zero(),
            };
        }
        lit::<T>(100.0) * (average_gain / total)
    }

    /// An update while warming up; `(avgU, avgD)` once both averages are seeded.
    #[inline]
    fn warming_update(&mut self, x: T) -> Option<(T, T)> {
        let previous = self.previous.replace(x)?;
        let (gain, loss) = Self::gain_and_loss(previous, x);
        let average_gain = self.gains.update(gain);
        let average_loss = self.losses.update(loss);
        self.warm = self.gains.is_warm();
        Some((average_gain?, average_loss?))
    }

    #[inline]
    fn gain_and_loss(previous: T, x: T) -> (T, T) {
        let change = x - previous;
        (change.max(T::zero()), (-change).max(T::zero()))
    }
}

impl<T: Real> Default for Rsi<T> {
    /// RSI(14), Wilder's period.
    fn default() -> Self {
        Self {
            flat: FlatRsi::default(),
            previous: None,
            gains: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
            losses: Smoother::with_valid_period(14, Seed::Sma, Rule::Wilder),
            warm: false,
        }
    }
}

impl<T: Real> Indicator for Rsi<T> {
    type Input = T;
    type Output = T;

    crate::slice::update_slice_on_a_copy!();
    crate::slice::batch_by_slices!();

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let (average_gain, average_loss) = if self.warm {
            // The steady state: exactly the steps `warming_update` would take (`previous`
            // is always set by then).
            let previous = self.previous.unwrap_or(x);
            self.previous = Some(x);
            let (gain, loss) = Self::gain_and_loss(previous, x);
            (self.gains.wilder_step(gain), self.losses.wilder_step(loss))
        } else {
            self.warming_update(x)?
        };
        Some(self.index(average_gain, average_loss))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let (gain, loss) = Self::gain_and_loss(self.previous?, x);
        if self.warm {
            return Some(self.index(
                self.gains.peek_wilder_step(gain),
                self.losses.peek_wilder_step(loss),
            ));
        }
        Some(self.index(self.gains.peek(gain)?, self.losses.peek(loss)?))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        Some(self.index(self.gains.value()?, self.losses.value()?))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.gains.reset();
        self.losses.reset();
        self.warm = false;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Rsi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RSI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RsiState<T: Real> {
    flat: FlatRsi,
    previous: Option<T>,
    gains: Smoother<T>,
    losses: Smoother<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RsiState<T>> for Rsi<T> {
    type Error = Error;

    fn try_from(state: RsiState<T>) -> Result<Self, Error> {
        let consistent = state.gains.period() == state.losses.period()
            && state.gains.seed() == Seed::Sma
            && state.losses.seed() == Seed::Sma
            && state.gains.is_wilder()
            && state.losses.is_wilder()
            && state.gains.count() == state.losses.count()
            && state.gains.state() >= T::zero()
            && state.losses.state() >= T::zero()
            && state.previous.is_none_or(|x| x.is_usable())
            && (state.previous.is_some() || state.gains.count() == 0);
        if !consistent {
            return Err(crate::error::invalid_state(
                "RSI gain and loss averages are inconsistent",
            ));
        }
        Ok(Self {
            flat: state.flat,
            previous: state.previous,
            warm: state.gains.is_warm(),
            gains: state.gains,
            losses: state.losses,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::average::smoother::test_walk;

    /// Each update on the steady-state path gives what the general path gives from the
    /// same state, bit for bit, and leaves the same state (`peek` too).
    #[test]
    fn the_steady_path_is_the_general_path_bit_for_bit() {
        let mut indicator = Rsi::<f64>::new(5).unwrap();
        let mut steady = 0;
        for x in test_walk(600) {
            let mut general = indicator.clone();
            general.warm = false;
            steady += usize::from(indicator.warm);
            assert_eq!(indicator.peek(x), general.peek(x));
            assert_eq!(indicator.update(x), general.update(x));
            // An ignored input leaves the general path's `warm` as the test set it.
            if x.is_finite() {
                assert_eq!(indicator, general);
            }
        }
        assert!(steady > 500, "only {steady} steady updates");
    }
}
