use core::fmt;

use super::Wma;
use crate::error::check_period;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Hull moving average: a WMA of a lag-corrected WMA, smooth and quick to turn.
///
/// # Formula
///
/// `HMA = WMA_s(2·WMA_h(x) − WMA_n(x))` with `h = ⌊n/2⌋` and `s = ⌊√n⌋` (both at least 1).
/// The first output comes after `n + s − 1` inputs. O(1) per update (three drift-free
/// [`Wma`]s).
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 20; `n = 1` gives the input itself).
///
/// # Bounds
///
/// `2·WMA_h − WMA_n` lies within three times the largest input magnitude, and so does the
/// HMA (it extrapolates on a trend).
///
/// # Example
///
/// ```
/// use ta_stream::{average::Hma, Indicator};
///
/// let mut hma: Hma = Hma::new(4)?; // h = 2, s = 2
/// // On a straight line the HMA has no lag (TA-Lib gives 5, 6, 7, 8).
/// let out = hma.batch(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
/// assert_eq!(out[..4], [None; 4]);
/// for (value, expected) in out[4..].iter().zip([5.0, 6.0, 7.0, 8.0]) {
///     assert!((value.unwrap() - expected).abs() < 1e-12);
/// }
/// assert_eq!(hma.to_string(), "HMA(4)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `HMA` (and `MA` with `matype` 9); matches it at every index.
#[doc(alias = "HMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "HmaState<T>")
)]
pub struct Hma<T: Real = f64> {
    period: usize,
    /// `WMA_h(x)`.
    half: Wma<T>,
    /// `WMA_n(x)`.
    full: Wma<T>,
    /// `WMA_s` of `2·WMA_h − WMA_n`.
    smooth: Wma<T>,
}

impl Hma {
    /// A Hull moving average over `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Hma<T> {
    /// [`Hma::new`] in any precision `T` (`f32`, or generic code): `Hma::<f32>::new_generic(4)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        let (half, smooth) = Self::lengths(period);
        Ok(Self {
            period,
            half: Wma::new_generic(half)?,
            full: Wma::new_generic(period)?,
            smooth: Wma::new_generic(smooth)?,
        })
    }

    /// `(h, s)`: `⌊n/2⌋` and `⌊√n⌋`, at least 1.
    fn lengths(period: usize) -> (usize, usize) {
        let mut root = 1;
        while (root + 1) * (root + 1) <= period {
            root += 1;
        }
        ((period / 2).max(1), root)
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    #[inline]
    fn delagged(half: T, full: T) -> T {
        lit::<T>(2.0) * half - full
    }
}

impl<T: Real> Indicator for Hma<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let half = self.half.update(x);
        let full = self.full.update(x)?;
        self.smooth.feed(Self::delagged(half?, full))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let half = self.half.peek(x)?;
        let full = self.full.peek(x)?;
        self.smooth.peek_fed(Self::delagged(half, full))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.smooth.value()
    }

    fn reset(&mut self) {
        self.half.reset();
        self.full.reset();
        self.smooth.reset();
    }

    fn warmup_period(&self) -> usize {
        self.period + self.smooth.period() - 1
    }
}

impl<T: Real> fmt::Display for Hma<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HMA({})", self.period)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HmaState<T: Real> {
    period: usize,
    half: Wma<T>,
    full: Wma<T>,
    smooth: super::wma::WmaState<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<HmaState<T>> for Hma<T> {
    type Error = Error;

    fn try_from(state: HmaState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.period)?;
        let (half, smooth) = Self::lengths(period);
        // The smoothed values are `2·WMA_h − WMA_n` of usable inputs: within 3 × max_input.
        let smooth_wma = Wma::load(state.smooth, Some(lit::<T>(3.0) * T::max_input()))?;
        let lengths_ok = state.half.period() == half
            && state.full.period() == period
            && smooth_wma.period() == smooth;
        // The half WMA fills first; the smoothing starts with the full one.
        let started_ok = (state.full.is_ready() || smooth_wma.is_empty())
            && (state.half.is_ready() || !state.full.is_ready());
        if !(lengths_ok && started_ok) {
            return Err(crate::error::invalid_state(
                "HMA windows do not match its period, or one is ahead of its input",
            ));
        }
        Ok(Self {
            period,
            half: state.half,
            full: state.full,
            smooth: smooth_wma,
        })
    }
}
