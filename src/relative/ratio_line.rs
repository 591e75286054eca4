use core::fmt;

use super::usable_ratio;
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// One reading of [`RatioLine`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RatioLineOutput<T = f64> {
    /// The ratio line `A/B` (rising = the asset outperforms).
    pub ratio: T,
    /// Its change in percent since the base: `100·(RS_t/RS_0 − 1)`.
    pub change_percent: T,
}

/// The relative-strength ratio line `A/B` of an asset against a benchmark, and its change
/// since the first input or over a rolling window.
///
/// # Formula
///
/// `RS_t = A_t/B_t`; `change_t = 100·(RS_t/RS_0 − 1)` in percent, where the base `RS_0` is
/// the ratio of the **first** input ([`RatioLine::anchored`], the first output is a change
/// of 0) or of the input `n` bars earlier ([`RatioLine::new`]`(n)`, first output after
/// `n + 1` inputs).
///
/// The change of the ratio is not the [performance spread](super::PerformanceSpread):
/// `RS_t/RS_0 − 1 = (1 + r_A)/(1 + r_B) − 1`, not `r_A − r_B`.
///
/// # Refused inputs
///
/// Prices must be positive, and the ratio `A/B` must itself lie in the usable input range
/// (`1e-150..=1e150` for `f64`, `1e-15..=1e15` for `f32`, see
/// [`Real`](crate::Real)): a pair with a price `≤ 0`, or whose ratio is outside that range
/// (e.g. an asset at 1e150 against a benchmark at 1e-150), is ignored by `update` (the last
/// reading is kept) and rejected by `try_update` with [`Error::InvalidInput`], like a NaN.
/// So every ratio and base is in that range and `change_percent` is finite (at most
/// `100·1e300` in magnitude, `100·1e30` for `f32`).
///
/// # Parameters
///
/// - [`RatioLine::anchored`] (also [`Default`]): change since the first input;
/// - [`RatioLine::new`]`(n)`: change over the last `n` bars, `n` in `1..=100000`.
///
/// # Example
///
/// ```
/// use ta_stream::{relative::RatioLine, Indicator};
///
/// // A up 6 %, B up 1.5 %.
/// let pairs: [(f64, f64); 6] = [(100.0, 100.0), (102.0, 101.0), (101.0, 99.5), (104.0, 102.0),
///              (105.5, 103.0), (106.0, 101.5)];
/// let mut line = RatioLine::anchored();
/// let last = line.batch(&pairs)[5].unwrap();
/// assert!((last.ratio - 106.0 / 101.5).abs() < 1e-15);
/// assert!((last.change_percent - 4.433498).abs() < 1e-6);
/// let over_five = RatioLine::new(5)?.batch(&pairs);
/// assert_eq!(over_five[4], None);
/// assert_eq!(over_five[5], Some(last));
/// assert_eq!(line.to_string(), "RS");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// StockCharts, "Price Relative / Relative Strength".
#[doc(alias = "relative strength")]
#[doc(alias = "price relative")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RatioLineState<T>")
)]
pub struct RatioLine<T: Real = f64> {
    /// The ratio of the first input (anchored mode).
    anchor: Option<T>,
    /// The last `n` ratios (rolling mode).
    history: Option<RingBuffer<T>>,
    /// The last output.
    last: Option<RatioLineOutput<T>>,
}

impl RatioLine {
    /// The ratio line and its change since the first input.
    pub fn anchored() -> Self {
        Self::anchored_generic()
    }

    /// The ratio line and its change over the last `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> RatioLine<T> {
    /// [`RatioLine::anchored`] in any precision `T` (`f32`, or generic code): `RatioLine::<f32>::anchored_generic()`.
    pub fn anchored_generic() -> Self {
        Self {
            anchor: None,
            history: None,
            last: None,
        }
    }

    /// [`RatioLine::new`] in any precision `T` (`f32`, or generic code): `RatioLine::<f32>::new_generic(5)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            anchor: None,
            history: Some(RingBuffer::new(crate::error::check_period(
                "period", period,
            )?)?),
            last: None,
        })
    }

    /// The window `n`, or `None` when anchored at the first input.
    pub fn period(&self) -> Option<usize> {
        self.history.as_ref().map(RingBuffer::capacity)
    }

    /// The output for `ratio` after the committed inputs; shared by `update` and `peek`.
    #[inline]
    fn next(&self, ratio: T) -> Option<RatioLineOutput<T>> {
        let base = match &self.history {
            None => self.anchor.unwrap_or(ratio),
            Some(history) => history.next_evicted()?,
        };
        Some(RatioLineOutput {
            ratio,
            change_percent: (ratio / base - T::one()) * lit(100.0),
        })
    }
}

impl<T: Real> Default for RatioLine<T> {
    /// [`RatioLine::anchored`].
    fn default() -> Self {
        Self::anchored_generic()
    }
}

impl<T: Real> Indicator for RatioLine<T> {
    type Input = (T, T);
    type Output = RatioLineOutput<T>;

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<RatioLineOutput<T>> {
        let Some(ratio) = usable_ratio(input) else {
            return self.value();
        };
        let output = self.next(ratio);
        match &mut self.history {
            None => {
                self.anchor.get_or_insert(ratio);
            }
            Some(history) => {
                history.push(ratio);
            }
        }
        self.last = output;
        output
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<RatioLineOutput<T>> {
        match usable_ratio(input) {
            Some(ratio) => self.next(ratio),
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<RatioLineOutput<T>> {
        self.last
    }

    fn reset(&mut self) {
        self.anchor = None;
        if let Some(history) = &mut self.history {
            history.clear();
        }
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        self.period().map_or(1, |n| n + 1)
    }

    /// Rejects unusable pairs, prices `≤ 0` and ratios outside the usable range with
    /// [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<RatioLineOutput<T>>, Error> {
        if usable_ratio(input).is_some() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for RatioLine<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.period() {
            None => f.write_str("RS"),
            Some(n) => write!(f, "RS({n})"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RatioLineState<T: Real> {
    anchor: Option<T>,
    history: Option<RingBuffer<T>>,
    last: Option<RatioLineOutput<T>>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RatioLineState<T>> for RatioLine<T> {
    type Error = Error;

    /// Ratios must be positive and finite; the last output must be the newest ratio.
    fn try_from(state: RatioLineState<T>) -> Result<Self, Error> {
        let ratio_ok = |x: T| x.is_usable() && x > T::zero();
        let output_ok = state
            .last
            .is_none_or(|o| ratio_ok(o.ratio) && o.change_percent.is_finite());
        let consistent = match &state.history {
            None => {
                state.anchor.is_none_or(ratio_ok) && state.anchor.is_some() == state.last.is_some()
            }
            Some(history) => {
                state.anchor.is_none()
                    && history.iter().all(ratio_ok)
                    && (history.is_full() || state.last.is_none())
                    && state.last.is_none_or(|o| history.newest() == Some(o.ratio))
            }
        };
        if !(output_ok && consistent) {
            return Err(crate::error::invalid_state(
                "ratio line: stored ratios are not positive or do not match the last output",
            ));
        }
        Ok(Self {
            anchor: state.anchor,
            history: state.history,
            last: state.last,
        })
    }
}
