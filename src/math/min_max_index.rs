//! [`MinMaxIndex`]: where in the stream the window's lowest and highest inputs are (TA-Lib
//! `MINMAXINDEX`).

use core::fmt;

use super::extreme_index::{IndexedWindow, Leader};
use crate::window::Extremum;
use crate::{Error, Indicator, Real};

/// The indices of the lowest and highest inputs of the window, [`MinMaxIndex`]'s output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MinMaxIndexOutput {
    /// The index of the lowest input (TA-Lib's `minidx`).
    pub min: u64,
    /// The index of the highest input (TA-Lib's `maxidx`).
    pub max: u64,
}

/// The indices of the lowest and the highest of the last `n` inputs, from one window:
/// [`MinIndex`](super::MinIndex) and [`MaxIndex`](super::MaxIndex) together, at the memory
/// of one.
///
/// Indices count the inputs accepted since creation or reset (the first is 0); ties follow
/// TA-Lib (see [`MaxIndex`](super::MaxIndex)). O(1) per update except when an extreme
/// leaves the window (a scan, as TA-Lib does).
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000` (TA-Lib: `2..=100000`), TA-Lib's
/// default 30. First output after `n` inputs.
///
/// # Example
///
/// ```
/// use ta_stream::math::{MinMaxIndex, MinMaxIndexOutput};
/// use ta_stream::Indicator;
///
/// let mut at = MinMaxIndex::new(3)?;
/// let out = at.batch(&[2.0, 9.0, 1.0, 4.0]);
/// assert_eq!(out[2], Some(MinMaxIndexOutput { min: 2, max: 1 }));
/// assert_eq!(out[3], Some(MinMaxIndexOutput { min: 2, max: 1 }));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "MINMAXINDEX")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MinMaxIndexState<T>")
)]
pub struct MinMaxIndex<T: Real = f64> {
    window: IndexedWindow<T>,
    min: Leader<T>,
    max: Leader<T>,
}

impl MinMaxIndex {
    /// The indices of the extremes of the last `period` inputs.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> MinMaxIndex<T> {
    /// [`MinMaxIndex::new`] in any precision `T` (`f32`, or generic code): `MinMaxIndex::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            window: IndexedWindow::new(period)?,
            min: Leader::new(Extremum::Min),
            max: Leader::new(Extremum::Max),
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.window.period()
    }
}

impl<T: Real> Default for MinMaxIndex<T> {
    /// MINMAXINDEX(30), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: IndexedWindow::with_valid_period(30),
            min: Leader::new(Extremum::Min),
            max: Leader::new(Extremum::Max),
        }
    }
}

impl<T: Real> Indicator for MinMaxIndex<T> {
    type Input = T;
    type Output = MinMaxIndexOutput;

    #[inline]
    fn update(&mut self, x: T) -> Option<MinMaxIndexOutput> {
        if x.is_usable() {
            self.min.advance(&self.window, x);
            self.max.advance(&self.window, x);
            self.window.push(x);
        }
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MinMaxIndexOutput> {
        if !x.is_usable() {
            return self.value();
        }
        Some(MinMaxIndexOutput {
            min: self.min.peek(&self.window, x)?,
            max: self.max.peek(&self.window, x)?,
        })
    }

    #[inline]
    fn value(&self) -> Option<MinMaxIndexOutput> {
        Some(MinMaxIndexOutput {
            min: self.min.index()?,
            max: self.max.index()?,
        })
    }

    fn reset(&mut self) {
        self.window.clear();
        self.min.clear();
        self.max.clear();
    }

    fn warmup_period(&self) -> usize {
        self.window.period()
    }
}

impl<T: Real> fmt::Display for MinMaxIndex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MINMAXINDEX({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MinMaxIndexState<T: Real> {
    window: IndexedWindow<T>,
    min: Leader<T>,
    max: Leader<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MinMaxIndexState<T>> for MinMaxIndex<T> {
    type Error = Error;

    /// The window's values usable; each leader tracking its extreme, present once the
    /// window is full and pointing at the window's extreme.
    fn try_from(state: MinMaxIndexState<T>) -> Result<Self, Error> {
        let valid = state.window.is_valid()
            && state.min.is_tracking(Extremum::Min)
            && state.max.is_tracking(Extremum::Max)
            && state.min.is_valid_for(&state.window)
            && state.max.is_valid_for(&state.window);
        if !valid {
            return Err(crate::error::invalid_state(
                "MINMAXINDEX state: a window value unusable, or an index that is not the \
                 window's extreme",
            ));
        }
        Ok(Self {
            window: state.window,
            min: state.min,
            max: state.max,
        })
    }
}
