//! The template shared by the lagged indicators ([`Roc`](super::Roc), [`Rocp`](super::Rocp),
//! [`Momentum`](super::Momentum)): a window of the last `n` inputs whose next eviction is
//! `x_{t−n}`, and a formula of `(x_t, x_{t−n})`.

/// Defines a lagged indicator `$name` computing `$formula(x_t, x_{t−n})`, with its
/// constructor, `Default` (period 10, TA-Lib's), `Indicator`, `Display` and validated serde
/// state.
macro_rules! lagged_indicator {
    (
        $(#[$attr:meta])* $name:ident, $state:ident, $state_type:literal, $label:literal,
        $formula:path, $bound:path
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, PartialEq)]
        #[cfg_attr(
            feature = "serde",
            derive(serde::Serialize, serde::Deserialize),
            serde(try_from = $state_type)
        )]
        pub struct $name<T: crate::Real = f64> {
            /// The last `n` inputs: the next push evicts `x_{t−n}` of the next update.
            window: crate::window::RingBuffer<T>,
            /// The last output.
            value: Option<T>,
        }

        impl $name {
            #[doc = concat!("`", $label, "` over a lag of `period` updates.")]
            ///
            /// # Errors
            /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) unless `period` is
            /// in `1..=100000`.
            pub fn new(period: usize) -> Result<Self, crate::Error> {
                Self::new_generic(period)
            }
        }

        impl<T: crate::Real> $name<T> {
            #[doc = concat!("[`", stringify!($name), "::new`] in any precision `T` (`f32`, or generic code): `", stringify!($name), "::<f32>::new_generic(10)`.")]
            pub fn new_generic(period: usize) -> Result<Self, crate::Error> {
                Ok(Self {
                    window: crate::window::RingBuffer::new(crate::error::check_period(
                        "period", period,
                    )?)?,
                    value: None,
                })
            }

            /// The lag `n`.
            pub fn period(&self) -> usize {
                self.window.capacity()
            }

            /// `true` when this window holds the newest inputs of `longer`'s, as many as one
            /// stream of inputs gives both (for composites that feed two lags the same
            /// inputs and validate a loaded state).
            #[cfg(feature = "serde")]
            #[allow(dead_code)]
            pub(crate) fn newest_inputs_agree(&self, longer: &Self) -> bool {
                let held = self.window.len();
                held == longer.window.len().min(self.window.capacity())
                    && self
                        .window
                        .iter()
                        .eq(longer.window.iter().skip(longer.window.len() - held))
            }
        }

        impl<T: crate::Real> Default for $name<T> {
            /// A lag of 10, TA-Lib's default.
            fn default() -> Self {
                Self {
                    window: crate::window::RingBuffer::with_valid_capacity(10),
                    value: None,
                }
            }
        }

        impl<T: crate::Real> crate::Indicator for $name<T> {
            type Input = T;
            type Output = T;

            #[inline]
            fn update(&mut self, x: T) -> Option<T> {
                if !crate::CheckedInput::is_usable(&x) {
                    return self.value;
                }
                if let Some(base) = self.window.push(x) {
                    self.value = Some($formula(x, base));
                }
                self.value
            }

            #[inline]
            fn peek(&self, x: T) -> Option<T> {
                if !crate::CheckedInput::is_usable(&x) {
                    return self.value;
                }
                self.window.next_evicted().map(|base| $formula(x, base))
            }

            #[inline]
            fn value(&self) -> Option<T> {
                self.value
            }

            fn reset(&mut self) {
                self.window.clear();
                self.value = None;
            }

            crate::slice::batch_by_slices!();

            /// Once the window is full, a chunk of usable inputs runs without a push per
            /// input: each output is the formula of an input and the input `n` before it
            /// (see `RingBuffer::push_run_with_evicted`), the same outputs bit for bit.
            fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), crate::Error> {
                crate::slice::value_chunks(self, inputs, out, |lagged, inputs, out| {
                    let done = lagged.window.push_run_with_evicted(inputs, out, $formula);
                    if let (true, Some(&last)) = (done, out.last()) {
                        lagged.value = Some(last);
                    }
                    done
                })
            }

            fn warmup_period(&self) -> usize {
                self.period() + 1
            }
        }

        impl<T: crate::Real> core::fmt::Display for $name<T> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!($label, "({})"), self.period())
            }
        }

        #[cfg(feature = "serde")]
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $state<T: crate::Real> {
            window: crate::window::RingBuffer<T>,
            value: Option<T>,
        }

        #[cfg(feature = "serde")]
        impl<T: crate::Real> TryFrom<$state<T>> for $name<T> {
            type Error = crate::Error;

            fn try_from(state: $state<T>) -> Result<Self, crate::Error> {
                super::check_lag_state(&state.window, state.value, $bound())?;
                Ok(Self {
                    window: state.window,
                    value: state.value,
                })
            }
        }
    };
}

pub(crate) use lagged_indicator;
