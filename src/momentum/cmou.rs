use core::fmt;

use crate::{Error, Indicator, Real};

use super::cmo::{check_at_least_two, gain_and_loss};
use super::up_down::{chande, UpDown};

/// Chande momentum oscillator, unsmoothed (Chande's original): the balance of the gains and
/// losses of the last `n` changes, in `−100..=100`.
///
/// # Formula
///
/// With `d_t = x_t − x_{t−1}`, `U = Σ max(d, 0)` and `D = Σ max(−d, 0)` over the last `n`
/// changes: `CMOU = 100·(U − D)/(U + D)`, and **0** when `U + D = 0` (no change at all:
/// TA-Lib's answer, an exact test at every scale). The sums are drift-free window sums (bit
/// for bit those of a [`RollingSum`](crate::window::RollingSum), in one array of `n` values
/// each); O(1) amortized per update.
///
/// TA-Lib's `CMO` smooths the gains and losses like Wilder's RSI instead: that is
/// [`Cmo`](super::Cmo). `|CMOU|/100` is Kaufman's efficiency ratio
/// ([`EfficiencyRatio`](super::EfficiencyRatio)) of the same window.
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
/// use ta_stream::{momentum::Cmou, Indicator};
///
/// let mut cmou = Cmou::new(3)?;
/// let out = cmou.batch(&[10.0, 12.0, 11.0, 14.0, 14.0]);
/// // changes +2, −1, +3: U = 5, D = 1; then +2 leaves, 0 enters: U = 3, D = 1
/// assert_eq!(out, [None, None, None, Some(100.0 * (4.0 / 6.0)), Some(50.0)]);
/// assert_eq!(Cmou::<f64>::default().to_string(), "CMOU(14)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Tushar Chande and Stanley Kroll, *The New Technical Trader* (1994); TA-Lib `CMOU`, matched
/// at every index.
#[doc(alias = "CMOU")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "CmouState<T>")
)]
pub struct Cmou<T: Real = f64> {
    previous: Option<T>,
    /// Gains and losses of the last `n` changes.
    sums: UpDown<T>,
}

impl Cmou {
    /// The unsmoothed Chande momentum oscillator over `period` changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Cmou<T> {
    /// [`Cmou::new`] in any precision `T` (`f32`, or generic code): `Cmou::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            previous: None,
            sums: UpDown::new(check_at_least_two("period", period)?)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.sums.period()
    }
}

impl<T: Real> Default for Cmou<T> {
    /// CMOU(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            previous: None,
            sums: UpDown::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for Cmou<T> {
    type Input = T;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let previous = self.previous.replace(x)?;
        let (gain, loss) = gain_and_loss(previous, x);
        self.sums.push(gain, loss).map(|(u, d)| chande(u, d))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let (gain, loss) = gain_and_loss(self.previous?, x);
        self.sums.peek(gain, loss).map(|(u, d)| chande(u, d))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.sums.sums().map(|(u, d)| chande(u, d))
    }

    fn reset(&mut self) {
        self.previous = None;
        self.sums.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for Cmou<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CMOU({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CmouState<T: Real> {
    previous: Option<T>,
    sums: UpDown<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<CmouState<T>> for Cmou<T> {
    type Error = Error;

    /// Gains and losses in `0..=2·max_input`, never both in one change, and a usable
    /// previous input once a change was counted.
    fn try_from(state: CmouState<T>) -> Result<Self, Error> {
        check_at_least_two("period", state.sums.period())?;
        let largest = crate::float::lit::<T>(2.0) * T::max_input();
        let consistent = state.sums.is_consistent(largest, true)
            && state.previous.is_none_or(|x| x.is_usable())
            && (state.previous.is_some() || state.sums.is_empty());
        if !consistent {
            return Err(crate::error::invalid_state(
                "CMOU gains and losses are inconsistent",
            ));
        }
        Ok(Self {
            previous: state.previous,
            sums: state.sums,
        })
    }
}
