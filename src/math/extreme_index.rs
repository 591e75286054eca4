//! [`MaxIndex`] and [`MinIndex`]: where in the stream the window's extreme is (TA-Lib
//! `MAXINDEX`, `MININDEX`), and the tracking they share with
//! [`MinMaxIndex`](super::MinMaxIndex).

use core::fmt;

use crate::error::check_period;
use crate::window::{Extremum, RingBuffer};
use crate::{Error, Indicator, Real};

/// The last `n` inputs and how many inputs came before them: the window every index
/// indicator reads.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct IndexedWindow<T: Copy> {
    values: RingBuffer<T>,
    /// Inputs accepted since the start: the next input's index.
    count: u64,
}

impl<T: Real> IndexedWindow<T> {
    pub(super) fn new(period: usize) -> Result<Self, Error> {
        Ok(Self {
            values: RingBuffer::new(check_period("period", period)?)?,
            count: 0,
        })
    }

    /// Without the range check: `period` must be in `1..=100000`.
    pub(super) fn with_valid_period(period: usize) -> Self {
        Self {
            values: RingBuffer::with_valid_capacity(period),
            count: 0,
        }
    }

    pub(super) fn period(&self) -> usize {
        self.values.capacity()
    }

    pub(super) fn is_full(&self) -> bool {
        self.values.is_full()
    }

    /// Adds `x` (its index is the count before the push).
    pub(super) fn push(&mut self, x: T) {
        self.values.push(x);
        self.count = self.count.wrapping_add(1);
    }

    /// `true` when the input at `index` is still in the window after one more push.
    /// Indices are counted modulo 2⁶⁴, so the test is on the age, which wraps correctly.
    fn kept_after_push(&self, index: u64) -> bool {
        self.count.wrapping_sub(index) < self.period() as u64
    }

    /// The values with their indices, oldest first.
    fn indexed(&self) -> impl Iterator<Item = (u64, T)> + '_ {
        let first = self.count.wrapping_sub(self.values.len() as u64);
        (0..)
            .map(move |k| first.wrapping_add(k))
            .zip(self.values.iter())
    }

    pub(super) fn clear(&mut self) {
        self.values.clear();
        self.count = 0;
    }

    /// The stored values usable (any count is one a stream reaches, modulo 2⁶⁴).
    #[cfg(feature = "serde")]
    pub(super) fn is_valid(&self) -> bool {
        self.values
            .iter()
            .all(|x| crate::CheckedInput::is_usable(&x))
    }
}

/// The index and value of a window's extreme, with TA-Lib's tie rule: an input equal to
/// the current extreme takes its place (the newest of equals), and when the extreme leaves
/// the window the oldest of the equal extremes that remain is chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct Leader<T> {
    extremum: Extremum,
    /// `(index, value)` once the window is full.
    best: Option<(u64, T)>,
}

impl<T: Real> Leader<T> {
    pub(super) fn new(extremum: Extremum) -> Self {
        Self {
            extremum,
            best: None,
        }
    }

    /// `true` when this leader tracks `extremum` (used to validate a loaded state).
    #[cfg(feature = "serde")]
    pub(super) fn is_tracking(&self, extremum: Extremum) -> bool {
        self.extremum == extremum
    }

    pub(super) fn index(&self) -> Option<u64> {
        self.best.map(|(index, _)| index)
    }

    #[inline]
    fn beats(&self, a: T, b: T) -> bool {
        match self.extremum {
            Extremum::Max => a > b,
            Extremum::Min => a < b,
        }
    }

    /// The leader once `x` is pushed onto `window` (before the push).
    #[inline]
    fn next(&self, window: &IndexedWindow<T>, x: T) -> Option<(u64, T)> {
        let filled = window.is_full() || window.values.len() + 1 == window.period();
        if !filled {
            return None;
        }
        let today = window.count;
        match self.best {
            Some((index, value)) if window.kept_after_push(index) => {
                Some(if self.beats(value, x) {
                    (index, value)
                } else {
                    (today, x)
                })
            }
            // The extreme left (or there was none yet): the oldest extreme of the window.
            _ => window
                .indexed()
                .filter(|&(index, _)| window.kept_after_push(index))
                .chain(core::iter::once((today, x)))
                .reduce(|best, candidate| {
                    if self.beats(candidate.1, best.1) {
                        candidate
                    } else {
                        best
                    }
                }),
        }
    }

    /// Follows a push of `x` onto `window` (call before pushing).
    #[inline]
    pub(super) fn advance(&mut self, window: &IndexedWindow<T>, x: T) {
        self.best = self.next(window, x);
    }

    /// The index after a push of `x`, without committing it.
    #[inline]
    pub(super) fn peek(&self, window: &IndexedWindow<T>, x: T) -> Option<u64> {
        self.next(window, x).map(|(index, _)| index)
    }

    pub(super) fn clear(&mut self) {
        self.best = None;
    }

    /// A leader only once the window is full, inside the window, holding the window's
    /// value there, and no value of the window beyond it.
    #[cfg(feature = "serde")]
    pub(super) fn is_valid_for(&self, window: &IndexedWindow<T>) -> bool {
        match self.best {
            None => !window.is_full(),
            Some((index, value)) => {
                window.is_full()
                    && window.indexed().any(|(i, v)| i == index && v == value)
                    && !window.indexed().any(|(_, v)| self.beats(v, value))
            }
        }
    }
}

/// Defines an index-of-extreme indicator tracking `$extremum`.
macro_rules! extreme_index {
    (
        $(#[$attr:meta])* $name:ident, $state:ident, $state_type:literal, $extremum:expr,
        $label:literal, $word:literal
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(
            feature = "serde",
            derive(serde::Serialize, serde::Deserialize),
            serde(try_from = $state_type)
        )]
        pub struct $name<T: Real = f64> {
            window: IndexedWindow<T>,
            leader: Leader<T>,
        }

        impl $name {
            #[doc = concat!("The index of the ", $word, " of the last `period` inputs.")]
            ///
            /// # Errors
            /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
            pub fn new(period: usize) -> Result<Self, Error> {
                Self::new_generic(period)
            }
        }

        impl<T: Real> $name<T> {
            #[doc = concat!("[`", stringify!($name), "::new`] in any precision `T` (`f32`, or generic code): `", stringify!($name), "::<f32>::new_generic(14)`.")]
            pub fn new_generic(period: usize) -> Result<Self, Error> {
                Ok(Self {
                    window: IndexedWindow::new(period)?,
                    leader: Leader::new($extremum),
                })
            }

            /// The window length `n`.
            pub fn period(&self) -> usize {
                self.window.period()
            }
        }

        impl<T: Real> Default for $name<T> {
            #[doc = concat!($label, "(30), TA-Lib's default.")]
            fn default() -> Self {
                Self {
                    window: IndexedWindow::with_valid_period(30),
                    leader: Leader::new($extremum),
                }
            }
        }

        impl<T: Real> Indicator for $name<T> {
            type Input = T;
            type Output = u64;

            #[inline]
            fn update(&mut self, x: T) -> Option<u64> {
                if x.is_usable() {
                    self.leader.advance(&self.window, x);
                    self.window.push(x);
                }
                self.value()
            }

            #[inline]
            fn peek(&self, x: T) -> Option<u64> {
                if !x.is_usable() {
                    return self.value();
                }
                self.leader.peek(&self.window, x)
            }

            #[inline]
            fn value(&self) -> Option<u64> {
                self.leader.index()
            }

            fn reset(&mut self) {
                self.window.clear();
                self.leader.clear();
            }

            fn warmup_period(&self) -> usize {
                self.window.period()
            }
        }

        impl<T: Real> fmt::Display for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($label, "({})"), self.period())
            }
        }

        #[cfg(feature = "serde")]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $state<T: Real> {
            window: IndexedWindow<T>,
            leader: Leader<T>,
        }

        #[cfg(feature = "serde")]
        impl<T: Real> TryFrom<$state<T>> for $name<T> {
            type Error = Error;

            /// The window's values usable, the leader tracking this extreme, present once
            /// the window is full and pointing at the window's extreme.
            fn try_from(state: $state<T>) -> Result<Self, Error> {
                let valid = state.window.is_valid()
                    && state.leader.is_tracking($extremum)
                    && state.leader.is_valid_for(&state.window);
                if !valid {
                    return Err(crate::error::invalid_state(concat!(
                        $label, " state: a window value unusable, or an index that is not the \
                         window's ", $word
                    )));
                }
                Ok(Self {
                    window: state.window,
                    leader: state.leader,
                })
            }
        }
    };
}

extreme_index!(
/// The index of the highest of the last `n` inputs: `argmax_{t−n<i≤t} x_i`.
///
/// The index counts the inputs the indicator has accepted since it was created or reset
/// (the first is 0), which is the position in the input array when it runs over a whole
/// array, as TA-Lib's does. Ties follow TA-Lib: an input equal to the maximum becomes the
/// maximum (the newest of equals), and when the maximum leaves the window the oldest of
/// the equal maxima left takes over.
///
/// # Cost
///
/// O(1) per update, except when the maximum leaves the window: the window is scanned
/// then (as TA-Lib does), which on a falling series is every update (O(n)). On a random
/// walk that happens about once in `n` updates.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000` (TA-Lib: `2..=100000`), TA-Lib's
/// default 30. First output after `n` inputs.
///
/// # Example
///
/// ```
/// use ta_stream::math::MaxIndex;
/// use ta_stream::Indicator;
///
/// let mut at = MaxIndex::new(3)?;
/// let out = at.batch(&[1.0, 5.0, 2.0, 3.0, 2.0, 3.0]);
/// // windows [1 5 2], [5 2 3], [2 3 2], [3 2 3]: the last 3 equals the maximum and wins
/// assert_eq!(out, [None, None, Some(1), Some(1), Some(3), Some(5)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "MAXINDEX")]
    MaxIndex,
    MaxIndexState,
    "MaxIndexState<T>",
    Extremum::Max,
    "MAXINDEX",
    "maximum"
);

extreme_index!(
/// The index of the lowest of the last `n` inputs: `argmin_{t−n<i≤t} x_i`.
///
/// Indices and ties as [`MaxIndex`]'s: the input count since creation or reset, an input
/// equal to the minimum takes its place, and when the minimum leaves the window the oldest
/// of the equal minima left takes over.
///
/// # Cost
///
/// O(1) per update, except when the minimum leaves the window (a scan of the window, as
/// TA-Lib does): every update on a rising series, about once in `n` on a random walk.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `1..=100000` (TA-Lib: `2..=100000`), TA-Lib's
/// default 30. First output after `n` inputs.
///
/// # Example
///
/// ```
/// use ta_stream::math::MinIndex;
/// use ta_stream::Indicator;
///
/// let mut at = MinIndex::new(2)?;
/// // the 1 leaves: the oldest of the two 2s takes over
/// assert_eq!(at.batch(&[3.0, 1.0, 2.0, 2.0]), [None, Some(1), Some(1), Some(2)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "MININDEX")]
    MinIndex,
    MinIndexState,
    "MinIndexState<T>",
    Extremum::Min,
    "MININDEX",
    "minimum"
);
