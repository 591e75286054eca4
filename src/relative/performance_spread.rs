use core::fmt;

use super::{check_base, positive_pair, Returns};
use crate::float::lit;
use crate::window::RingBuffer;
use crate::{Error, Indicator, Real};

/// Where [`PerformanceSpread`] takes its base bar `0`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
enum Base<T: Real> {
    /// The first input (remembered once seen).
    First(Option<(T, T)>),
    /// A base given at construction.
    Fixed((T, T)),
    /// The input `n` bars earlier: the last `n` pairs.
    Window(RingBuffer<(T, T)>),
}

/// Performance spread of an asset over its benchmark, in **percentage points**: how much
/// more the asset returned over the same bars.
///
/// # Formula
///
/// With `0` the base bar (the last close *before* the period measured):
///
/// - simple (default): `100·[(A_t/A_0 − 1) − (B_t/B_0 − 1)]`;
/// - log ([`with_returns`](PerformanceSpread::with_returns)`(`[`Returns::Log`]`)`):
///   `100·[ln(A_t/A_0) − ln(B_t/B_0)]`.
///
/// "The Russell 2000 beat the Nasdaq-100 by about 4 points in the first five trading days
/// of 2026" is the simple spread with base = the last close of 2025 and `t` = the fifth
/// close of 2026. Swapping asset and benchmark negates the spread exactly.
///
/// # Refused inputs and bounds
///
/// Prices must be positive and usable (`1e-150..=1e150` for `f64`, `1e-15..=1e15` for
/// `f32`, see [`Real`](crate::Real)): a pair with a price `≤ 0` or outside that range is
/// ignored by `update` (the last spread is kept) and rejected by `try_update` with
/// [`Error::InvalidInput`], like a NaN. Nothing else needs refusing: each price relative
/// `A_t/A_0` is a ratio of two usable prices, at most 1e300 (1e30 for `f32`), so every
/// spread is finite, below `2·10^302` (`2·10^32`) in magnitude; the log spread is below
/// `100·2·ln(10^300) ≈ 1.4·10^5`.
///
/// # Parameters
///
/// - [`PerformanceSpread::new`]`(n)`: rolling, the base is the input `n` bars earlier
///   (`n` in `1..=100000`; first output after `n + 1` inputs);
/// - [`PerformanceSpread::anchored`] (also [`Default`]): the base is the first input (whose
///   own output is 0);
/// - [`PerformanceSpread::since`]`(A_0, B_0)`: a fixed base, e.g. the year's opening closes;
///   the first input already has a spread. [`reset`](Indicator::reset) keeps the base;
/// - returns: simple by default, [`Returns::Log`] for the log spread.
///
/// # Example
///
/// ```
/// use ta_stream::relative::{PerformanceSpread, Returns};
/// use ta_stream::Indicator;
///
/// // A +6 %, B +1.5 % → 4.5 pp; log spread 4.338030 pp.
/// let pairs: [(f64, f64); 6] = [(100.0, 100.0), (102.0, 101.0), (101.0, 99.5), (104.0, 102.0),
///              (105.5, 103.0), (106.0, 101.5)];
/// let spread = PerformanceSpread::anchored().batch(&pairs)[5].unwrap();
/// assert!((spread - 4.5).abs() < 1e-12);
/// let mut log = PerformanceSpread::new(5)?.with_returns(Returns::Log);
/// assert!((log.batch(&pairs)[5].unwrap() - 4.338030).abs() < 1e-6);
/// let mut fixed = PerformanceSpread::<f64>::since(100.0, 100.0)?;
/// assert!((fixed.update((106.0, 101.5)).unwrap() - 4.5).abs() < 1e-12);
/// assert_eq!(log.to_string(), "SPREAD(5,log)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// The Russell 2000 against the Nasdaq-100 in January 2026 is reproduced in
/// `tests/known_relative.rs`.
#[doc(alias = "relative performance")]
#[doc(alias = "outperformance")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PerformanceSpreadState<T>")
)]
pub struct PerformanceSpread<T: Real = f64> {
    base: Base<T>,
    returns: Returns,
    last: Option<T>,
}

impl PerformanceSpread {
    /// The spread over the last `period` bars.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }

    /// The spread since the first input.
    pub fn anchored() -> Self {
        Self::anchored_generic()
    }
}

impl<T: Real> PerformanceSpread<T> {
    /// [`PerformanceSpread::new`] in any precision `T` (`f32`, or generic code): `PerformanceSpread::<f32>::new_generic(5)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            base: Base::Window(RingBuffer::new(crate::error::check_period(
                "period", period,
            )?)?),
            returns: Returns::Simple,
            last: None,
        })
    }

    /// [`PerformanceSpread::anchored`] in any precision `T` (`f32`, or generic code): `PerformanceSpread::<f32>::anchored_generic()`.
    pub fn anchored_generic() -> Self {
        Self {
            base: Base::First(None),
            returns: Returns::Simple,
            last: None,
        }
    }

    /// The spread since the base prices `asset_base` and `benchmark_base`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `base` unless both prices are positive and finite.
    pub fn since(asset_base: T, benchmark_base: T) -> Result<Self, Error> {
        Ok(Self {
            base: Base::Fixed(check_base("base", (asset_base, benchmark_base))?),
            returns: Returns::Simple,
            last: None,
        })
    }

    /// The same spread of simple returns or of log returns. Meant for construction.
    #[must_use]
    pub fn with_returns(mut self, returns: Returns) -> Self {
        self.returns = returns;
        self
    }

    /// The rolling window `n`, `None` for an anchored or fixed base.
    pub fn period(&self) -> Option<usize> {
        match &self.base {
            Base::Window(window) => Some(window.capacity()),
            _ => None,
        }
    }

    /// Simple or log returns.
    pub fn returns(&self) -> Returns {
        self.returns
    }

    /// The base pair `(A_0, B_0)` the next input is measured from, if known.
    pub fn base(&self) -> Option<(T, T)> {
        match &self.base {
            Base::First(first) => *first,
            Base::Fixed(base) => Some(*base),
            Base::Window(window) => window.next_evicted(),
        }
    }

    /// The spread of `input` after the committed inputs; shared by `update` and `peek`.
    #[inline]
    fn next(&self, input: (T, T)) -> Option<T> {
        let (a0, b0) = match &self.base {
            Base::First(first) => first.unwrap_or(input),
            Base::Fixed(base) => *base,
            Base::Window(window) => window.next_evicted()?,
        };
        let hundred: T = lit(100.0);
        Some(match self.returns {
            Returns::Simple => hundred * ((input.0 / a0 - T::one()) - (input.1 / b0 - T::one())),
            Returns::Log => hundred * ((input.0 / a0).ln() - (input.1 / b0).ln()),
        })
    }
}

impl<T: Real> Default for PerformanceSpread<T> {
    /// [`PerformanceSpread::anchored`].
    fn default() -> Self {
        Self::anchored_generic()
    }
}

impl<T: Real> Indicator for PerformanceSpread<T> {
    type Input = (T, T);
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, input: (T, T)) -> Option<T> {
        if !crate::CheckedInput::is_usable(&input) {
            return self.value();
        }
        if !positive_pair(input) {
            return self.value();
        }
        let output = self.next(input);
        match &mut self.base {
            Base::First(first) => {
                first.get_or_insert(input);
            }
            Base::Fixed(_) => {}
            Base::Window(window) => {
                window.push(input);
            }
        }
        self.last = output;
        output
    }

    #[inline]
    fn peek(&self, input: (T, T)) -> Option<T> {
        if !positive_pair(input) {
            return self.value();
        }
        self.next(input)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.last
    }

    fn reset(&mut self) {
        match &mut self.base {
            Base::First(first) => *first = None,
            Base::Fixed(_) => {}
            Base::Window(window) => window.clear(),
        }
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        self.period().map_or(1, |n| n + 1)
    }

    /// Rejects unusable pairs and prices `≤ 0` with [`Error::InvalidInput`].
    fn try_update(&mut self, input: (T, T)) -> Result<Option<T>, Error> {
        if positive_pair(input) {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for PerformanceSpread<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SPREAD")?;
        let log = self.returns == Returns::Log;
        match (self.period(), log) {
            (Some(n), false) => write!(f, "({n})"),
            (Some(n), true) => write!(f, "({n},log)"),
            (None, false) => Ok(()),
            (None, true) => f.write_str("(log)"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PerformanceSpreadState<T: Real> {
    base: Base<T>,
    returns: Returns,
    last: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<PerformanceSpreadState<T>> for PerformanceSpread<T> {
    type Error = Error;

    fn try_from(state: PerformanceSpreadState<T>) -> Result<Self, Error> {
        let prices_ok = match &state.base {
            Base::First(first) => {
                first.is_none_or(positive_pair) && first.is_some() == state.last.is_some()
            }
            Base::Fixed(base) => positive_pair(*base),
            Base::Window(window) => {
                window.iter().all(positive_pair) && (window.is_full() || state.last.is_none())
            }
        };
        if !prices_ok || !state.last.is_none_or(|x| x.is_finite()) {
            return Err(crate::error::invalid_state(
                "performance spread: base prices must be positive and match the last output",
            ));
        }
        Ok(Self {
            base: state.base,
            returns: state.returns,
            last: state.last,
        })
    }
}
