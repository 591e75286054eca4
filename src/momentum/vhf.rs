use core::fmt;

use crate::error::check_period;
use crate::window::{Extremum, MonotonicDeque, RollingSum};
use crate::{Error, Indicator, Real};

/// Vertical horizontal filter: the range of the closes over the path they travelled, in
/// `0..=1`; near 1 in a trend, near 0 in a congestion.
///
/// # Formula
///
/// Over the last `n` closes and the `n` changes that led to them (so `n + 1` closes):
///
/// `VHF = (max C − min C)/Σ|C_i − C_{i−1}|`, and **0 when the closes did not move** (the
/// sum is exactly 0), as TA-Lib. First output after `n + 1` closes.
///
/// The extremes are [`MonotonicDeque`]s and the sum a drift-free [`RollingSum`]: O(1)
/// amortized per update.
///
/// # Inputs and range
///
/// No input is refused beyond the usable range (see [`Real`]). The closes' range is never
/// longer than the path between them, so the output lies in `0..=1` (clamped against
/// rounding).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`, default 28.
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::VerticalHorizontalFilter, Indicator};
///
/// let mut vhf = VerticalHorizontalFilter::new(3)?;
/// let out = vhf.batch(&[10.0, 11.0, 13.0, 12.0, 14.0]);
/// // last 3 closes 13, 12, 14: range 2; changes 2, 1, 2 → 2/5
/// assert_eq!(out[4], Some(0.4));
/// assert_eq!(vhf.to_string(), "VHF(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Adam White's vertical horizontal filter (1991), as TA-Lib `VHF`; matches it at every
/// index.
#[doc(alias = "VHF")]
#[doc(alias = "vertical horizontal filter")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "VerticalHorizontalFilterState<T>")
)]
pub struct VerticalHorizontalFilter<T: Real = f64> {
    /// Highest of the last `n` closes.
    highest: MonotonicDeque<T, false>,
    /// Lowest of the last `n` closes.
    lowest: MonotonicDeque<T, false>,
    /// The last `n` absolute changes.
    path: RollingSum<T>,
    /// The last close.
    previous: Option<T>,
}

impl VerticalHorizontalFilter {
    /// The VHF of the last `period` changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> VerticalHorizontalFilter<T> {
    /// [`VerticalHorizontalFilter::new`] in any precision `T` (`f32`, or generic code): `VerticalHorizontalFilter::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        if period < 2 {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Ok(Self::with_valid_period(period))
    }

    fn with_valid_period(period: usize) -> Self {
        Self {
            highest: MonotonicDeque::with_valid_period(period, Extremum::Max),
            lowest: MonotonicDeque::with_valid_period(period, Extremum::Min),
            path: RollingSum::with_valid_period(period),
            previous: None,
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.path.period()
    }

    /// `(HC − LC)/path`, 0 for a path of 0, within `0..=1`.
    #[inline]
    fn ratio(highest: T, lowest: T, path: T) -> T {
        if path == T::zero() {
            return T::zero();
        }
        ((highest - lowest) / path).max(T::zero()).min(T::one())
    }
}

impl<T: Real> Default for VerticalHorizontalFilter<T> {
    /// VHF(28), TA-Lib's default.
    fn default() -> Self {
        Self::with_valid_period(28)
    }
}

impl<T: Real> Indicator for VerticalHorizontalFilter<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, close: T) -> Option<T> {
        if !close.is_usable() {
            return self.value();
        }
        if let Some(previous) = self.previous {
            self.path.push((close - previous).abs());
        }
        self.highest.push(close);
        self.lowest.push(close);
        self.previous = Some(close);
        self.value()
    }

    #[inline]
    fn peek(&self, close: T) -> Option<T> {
        if !close.is_usable() {
            return self.value();
        }
        if self.path.len() + 1 < self.path.period() {
            return None;
        }
        let path = self.path.peek_sum((close - self.previous?).abs());
        Some(Self::ratio(
            self.highest.peek(close)?,
            self.lowest.peek(close)?,
            path,
        ))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if !self.path.is_full() {
            return None;
        }
        Some(Self::ratio(
            self.highest.extreme()?,
            self.lowest.extreme()?,
            self.path.sum(),
        ))
    }

    fn reset(&mut self) {
        self.highest.clear();
        self.lowest.clear();
        self.path.clear();
        self.previous = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for VerticalHorizontalFilter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VHF({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct VerticalHorizontalFilterState<T: Real> {
    highest: MonotonicDeque<T, false>,
    lowest: MonotonicDeque<T, false>,
    path: RollingSum<T>,
    previous: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<VerticalHorizontalFilterState<T>> for VerticalHorizontalFilter<T> {
    type Error = Error;

    /// The period in range and shared, one close more in the extremes than changes in the
    /// path (until both are full), closes usable, changes in `0..=2·max_input`, and the
    /// previous close present exactly when a close was seen.
    fn try_from(state: VerticalHorizontalFilterState<T>) -> Result<Self, Error> {
        let period = state.path.period();
        Self::new_generic(period)?;
        let (highest, lowest) = (&state.highest, &state.lowest);
        let closes = highest.pushed();
        let changes = state.path.len() as u64;
        let limit = crate::float::lit::<T>(2.0) * T::max_input();
        let consistent = highest.extremum() == Extremum::Max
            && lowest.extremum() == Extremum::Min
            && highest.period() == period
            && lowest.period() == period
            && lowest.pushed() == closes
            && changes == closes.saturating_sub(1).min(period as u64)
            && state.previous.is_some() == (closes > 0)
            && state.previous.is_none_or(|c| c.is_usable())
            && highest
                .candidates()
                .chain(lowest.candidates())
                .all(|c| c.is_usable())
            && state.path.iter().all(|d| d >= T::zero() && d <= limit);
        if !consistent {
            return Err(crate::error::invalid_state(
                "VHF extremes and path disagree in period or length, or hold values no close \
                 gives",
            ));
        }
        Ok(Self {
            highest: state.highest,
            lowest: state.lowest,
            path: state.path,
            previous: state.previous,
        })
    }
}
