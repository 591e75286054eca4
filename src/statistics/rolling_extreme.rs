//! [`RollingMax`] and [`RollingMin`]: one template, two extremes.

use core::fmt;

use crate::window::{Extremum, MonotonicDeque};
use crate::{Error, Indicator, Real};

/// Defines a rolling-extreme indicator over a [`MonotonicDeque`] tracking `$extremum`.
macro_rules! rolling_extreme {
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
            deque: MonotonicDeque<T, false>,
        }

        impl $name {
            #[doc = concat!("The ", $word, " of the last `period` inputs.")]
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
                    deque: MonotonicDeque::without_ages(period, $extremum)?,
                })
            }

            /// Without the range check: `period` must be in `1..=100000`.
            pub(crate) fn with_valid_period(period: usize) -> Self {
                Self {
                    deque: MonotonicDeque::with_valid_period(period, $extremum),
                }
            }

            /// The window length `n`.
            pub fn period(&self) -> usize {
                self.deque.period()
            }

            #[doc = concat!("How many updates ago the current ", $word, " arrived (0 = the latest input; the")]
            /// most recent one when several inputs tie). `None` while warming up.
            ///
            /// Found on demand from the window, which keeps no ages so that updates need not
            /// track them: a binary search, or a scan back over at most `period − 1` inputs.
            pub fn age(&self) -> Option<u64> {
                self.is_full().then(|| self.deque.searched_extreme_age()).flatten()
            }

            /// Heap memory held, in bytes (its `size_of` is the rest).
            #[doc(hidden)]
            pub fn heap_bytes(&self) -> usize {
                self.deque.heap_bytes()
            }

            /// How many inputs the window has taken since it was built or reset.
            #[cfg(feature = "serde")]
            pub(crate) fn pushed(&self) -> u64 {
                self.deque.pushed()
            }

            #[inline]
            fn is_full(&self) -> bool {
                self.deque.pushed() >= self.deque.period() as u64
            }
        }

        impl<T: Real> Indicator for $name<T> {
            type Input = T;
            type Output = T;

            #[inline]
            fn update(&mut self, x: T) -> Option<T> {
                if !x.is_usable() {
                    return self.value();
                }
                self.deque.push(x);
                self.value()
            }

            #[inline]
            fn peek(&self, x: T) -> Option<T> {
                if !x.is_usable() {
                    return self.value();
                }
                let full_after = self.deque.pushed().saturating_add(1) >= self.deque.period() as u64;
                full_after.then(|| self.deque.peek(x)).flatten()
            }

            #[inline]
            fn value(&self) -> Option<T> {
                self.is_full().then(|| self.deque.extreme()).flatten()
            }

            fn reset(&mut self) {
                self.deque.clear();
            }

            crate::slice::batch_by_slices!();

            /// Chunks of usable inputs on a full window through the window's slice path (a
            /// block at a time, without ages), others through `update`: the same outputs
            /// and state, `age()` included, bit for bit.
            fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
                crate::slice::value_chunks(self, inputs, out, |extreme, inputs, out| {
                    let full = extreme.is_full();
                    if full {
                        extreme.deque.usable_extremes_into(inputs, out);
                    }
                    full
                })
            }

            fn warmup_period(&self) -> usize {
                self.deque.period()
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
            deque: MonotonicDeque<T, false>,
        }

        #[cfg(feature = "serde")]
        impl<T: Real> TryFrom<$state<T>> for $name<T> {
            type Error = Error;

            fn try_from(state: $state<T>) -> Result<Self, Error> {
                if state.deque.extremum() != $extremum {
                    return Err(crate::error::invalid_state(concat!(
                        "a rolling ", $word, " holds a deque that tracks the other extreme"
                    )));
                }
                if !state.deque.candidates().all(|x| crate::CheckedInput::is_usable(&x)) {
                    return Err(crate::error::invalid_state(concat!(
                        "a rolling ", $word, " holds a value outside the usable input range"
                    )));
                }
                Ok(Self { deque: state.deque })
            }
        }
    };
}

rolling_extreme!(
/// Rolling maximum: the highest of the last `n` inputs.
///
/// # Formula
///
/// `MAX_t = max(x_{t−n+1}, …, x_t)`, first output after `n` inputs.
///
/// Kept by a [`MonotonicDeque`] (a block scheme): an update is one comparison, plus one
/// per value when a block of `n` inputs ends, so it costs O(1) amortized for any period and
/// the window is never scanned.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib accepts `2..=100000`; a period of 1 is the input
/// itself).
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RollingMax, Indicator};
///
/// let mut max = RollingMax::new(3)?;
/// let out = max.batch(&[1.0, 5.0, 2.0, 3.0, 4.0, 1.0]);
/// assert_eq!(out, [None, None, Some(5.0), Some(5.0), Some(4.0), Some(4.0)]);
/// assert_eq!(max.peek(0.5), Some(4.0));
/// assert_eq!(max.to_string(), "MAX(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MAX`; matches it at every index (see `tests/talib_momentum.rs`). The minimum is
/// [`RollingMin`](super::RollingMin).
#[doc(alias = "MAX")]
#[doc(alias = "HHV")]
#[doc(alias = "highest")]
    RollingMax,
    RollingMaxState,
    "RollingMaxState<T>",
    Extremum::Max,
    "MAX",
    "maximum"
);

rolling_extreme!(
/// Rolling minimum: the lowest of the last `n` inputs.
///
/// # Formula
///
/// `MIN_t = min(x_{t−n+1}, …, x_t)`, first output after `n` inputs.
///
/// Kept by a [`MonotonicDeque`] (a block scheme): an update is one comparison, plus one
/// per value when a block of `n` inputs ends, so it costs O(1) amortized for any period and
/// the window is never scanned.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib accepts `2..=100000`; a period of 1 is the input
/// itself).
///
/// # Example
///
/// ```
/// use ta_stream::{statistics::RollingMin, Indicator};
///
/// let mut min = RollingMin::new(3)?;
/// let out = min.batch(&[4.0, 1.0, 3.0, 2.0, 5.0, 6.0]);
/// assert_eq!(out, [None, None, Some(1.0), Some(1.0), Some(2.0), Some(2.0)]);
/// assert_eq!(min.peek(9.0), Some(5.0));
/// assert_eq!(min.to_string(), "MIN(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MIN`; matches it at every index (see `tests/talib_momentum.rs`). The maximum is
/// [`RollingMax`](super::RollingMax).
#[doc(alias = "MIN")]
#[doc(alias = "LLV")]
#[doc(alias = "lowest")]
    RollingMin,
    RollingMinState,
    "RollingMinState<T>",
    Extremum::Min,
    "MIN",
    "minimum"
);
