use core::fmt;

use crate::{Error, Indicator, Real};

/// The output of [`Drawdown`] after a price.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DrawdownOutput<T = f64> {
    /// Current drawdown `P/peak − 1`, a fraction `≤ 0` (−0.25 is 25 % below the peak).
    pub drawdown: T,
    /// The deepest drawdown so far, `≤ 0`.
    pub max_drawdown: T,
    /// Bars since the current peak: 0 on a new high (or a return to it), then 1, 2, ...
    pub duration: u64,
    /// 0-based index of the bar (counting accepted prices) that set the current peak.
    pub peak_index: u64,
    /// The current peak, the highest price so far.
    pub peak: T,
}

/// Drawdown from the running peak, the maximum drawdown, and how long the current one has
/// lasted.
///
/// # Formula
///
/// `peak_t = max_{s ≤ t} P_s`, `DD_t = P_t/peak_t − 1` (`≤ 0`), `MaxDD_t = min_{s ≤ t} DD_s`.
/// A price equal to the peak ends the drawdown: the peak is set again at that bar and the
/// duration is back to 0. Output from the first price.
///
/// A drawdown is a ratio of prices, so **prices must be positive**: `update` ignores a price
/// `≤ 0` (like a NaN, see [`Indicator`]) and [`try_update`](Indicator::try_update) rejects it
/// with [`Error::InvalidInput`].
///
/// # Parameters
///
/// None; [`Drawdown::new`] and [`Default`] are the same.
///
/// # Example
///
/// ```
/// use ta_stream::{risk::Drawdown, Indicator};
///
/// let mut dd: Drawdown = Drawdown::new();
/// dd.batch(&[100.0, 110.0, 105.0, 120.0, 90.0]);
/// let out = dd.update(95.0).unwrap();
/// assert!((out.drawdown - (95.0 / 120.0 - 1.0)).abs() < 1e-15); // −20.83 %
/// assert_eq!(out.max_drawdown, -0.25); // 90 after the peak of 120
/// assert_eq!((out.duration, out.peak_index, out.peak), (2, 3, 120.0));
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Magdon-Ismail and Atiya (2004), *Maximum drawdown*, Risk 17(10).
#[doc(alias = "MDD")]
#[doc(alias = "maximum drawdown")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "DrawdownState<T>")
)]
pub struct Drawdown<T: Real = f64> {
    /// The highest price so far (`None` before the first).
    peak: Option<T>,
    /// The last accepted price.
    last: T,
    /// The deepest drawdown so far.
    max_drawdown: T,
    /// Prices accepted so far.
    count: u64,
    /// Index of the bar that set the peak.
    peak_index: u64,
}

impl Drawdown {
    /// A drawdown tracker that has seen no price.
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Drawdown<T> {
    /// [`Drawdown::new`] in any precision `T` (`f32`, or generic code): `Drawdown::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            peak: None,
            last: T::zero(),
            max_drawdown: T::zero(),
            count: 0,
            peak_index: 0,
        }
    }

    /// `true` for a price the drawdown can use: usable and positive.
    #[inline]
    fn accepts(x: T) -> bool {
        x.is_usable() && x > T::zero()
    }

    /// The state after the price `x`; shared by `update` and `peek`.
    #[inline]
    fn next(&self, x: T) -> Self {
        // Saturates one below the count's own saturation, so that the peak index always
        // stays below the count (2^64 bars are never reached, but a loaded state may be near).
        let index = self.count.min(u64::MAX - 1);
        let (peak, peak_index) = match self.peak {
            Some(peak) if x < peak => (peak, self.peak_index),
            _ => (x, index),
        };
        let drawdown = x / peak - T::one();
        Self {
            peak: Some(peak),
            last: x,
            max_drawdown: self.max_drawdown.min(drawdown),
            count: index.saturating_add(1),
            peak_index,
        }
    }

    #[inline]
    fn output(&self) -> Option<DrawdownOutput<T>> {
        let peak = self.peak?;
        Some(DrawdownOutput {
            drawdown: self.last / peak - T::one(),
            max_drawdown: self.max_drawdown,
            duration: self.count.saturating_sub(1).saturating_sub(self.peak_index),
            peak_index: self.peak_index,
            peak,
        })
    }
}

impl<T: Real> Indicator for Drawdown<T> {
    type Input = T;
    type Output = DrawdownOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<DrawdownOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        if Self::accepts(x) {
            *self = self.next(x);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<DrawdownOutput<T>> {
        if !Self::accepts(x) {
            return self.value();
        }
        self.next(x).output()
    }

    #[inline]
    fn value(&self) -> Option<DrawdownOutput<T>> {
        self.output()
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects unusable inputs and prices `≤ 0` with [`Error::InvalidInput`].
    fn try_update(&mut self, x: T) -> Result<Option<DrawdownOutput<T>>, Error> {
        if Self::accepts(x) {
            Ok(self.update(x))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Drawdown<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DD")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DrawdownState<T> {
    peak: Option<T>,
    last: T,
    max_drawdown: T,
    count: u64,
    peak_index: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<DrawdownState<T>> for Drawdown<T> {
    type Error = Error;

    fn try_from(state: DrawdownState<T>) -> Result<Self, Error> {
        let consistent = match state.peak {
            None => {
                state.count == 0
                    && state.peak_index == 0
                    && state.last == T::zero()
                    && state.max_drawdown == T::zero()
            }
            Some(peak) => {
                Self::accepts(peak)
                    && Self::accepts(state.last)
                    && state.last <= peak
                    && state.peak_index < state.count
                    && state.max_drawdown.is_finite()
                    && state.max_drawdown <= state.last / peak - T::one()
                    && state.max_drawdown >= -T::one()
            }
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "drawdown peak, last price, maximum drawdown or bar counts are inconsistent",
            ));
        }
        Ok(Self {
            peak: state.peak,
            last: state.last,
            max_drawdown: state.max_drawdown,
            count: state.count,
            peak_index: state.peak_index,
        })
    }
}
