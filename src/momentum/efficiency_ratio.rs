use core::fmt;

use crate::error::check_period;
use crate::window::{RingBuffer, RollingSum};
use crate::{Error, Indicator, Real};

use super::cmo::check_at_least_two;

/// The window behind Kaufman's efficiency ratio, shared by [`EfficiencyRatio`] and
/// [`Kama`](crate::average::Kama): the last `n` inputs and the drift-free sum of the last
/// `n` absolute changes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EfficiencyWindow<T: Real> {
    /// The last `n` inputs: before an update, the oldest is `x_{t−n}`.
    inputs: RingBuffer<T>,
    /// The last `n` absolute changes `|x_t − x_{t−1}|`.
    changes: RollingSum<T>,
}

/// What one more input does to an [`EfficiencyWindow`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step<T> {
    /// `|x − x_{t−1}|`, `None` for the first input.
    pub(crate) change: Option<T>,
    /// The efficiency ratio once `n` changes are counted.
    pub(crate) ratio: Option<T>,
    /// The previous input, `None` for the first.
    pub(crate) previous: Option<T>,
}

impl<T: Real> EfficiencyWindow<T> {
    /// A window over `period` changes (`1..=100000`).
    pub(crate) fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            inputs: RingBuffer::new(period)?,
            changes: RollingSum::new_generic(period)?,
        })
    }

    pub(crate) fn with_valid_period(period: usize) -> Self {
        Self {
            inputs: RingBuffer::with_valid_capacity(period),
            changes: RollingSum::with_valid_period(period),
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.changes.period()
    }

    /// `true` once `n` changes are counted.
    pub(crate) fn is_full(&self) -> bool {
        self.changes.is_full()
    }

    /// The last input.
    pub(crate) fn newest(&self) -> Option<T> {
        self.inputs.newest()
    }

    /// The change, ratio and previous input that `x` gives, without committing:
    /// `ER = |x_t − x_{t−n}| / Σ |changes|`, taken as 1 when the sum of the changes is not
    /// larger than the net change (a straight line, or no movement at all).
    #[inline]
    pub(crate) fn step(&self, x: T) -> Step<T> {
        let Some(previous) = self.inputs.newest() else {
            return Step {
                change: None,
                ratio: None,
                previous: None,
            };
        };
        let change = (x - previous).abs();
        let ratio = (self.changes.len() + 1 >= self.changes.period()).then(|| {
            // Full: the oldest input held is x_{t−n}.
            let start = self.inputs.oldest().unwrap_or(previous);
            let net = x - start;
            let total = self.changes.peek_sum(change);
            if total <= net {
                T::one()
            } else {
                (net / total).abs().min(T::one())
            }
        });
        Step {
            change: Some(change),
            ratio,
            previous: Some(previous),
        }
    }

    /// Commits `x`, with the change [`step`](Self::step) gave for it.
    #[inline]
    pub(crate) fn commit(&mut self, x: T, change: Option<T>) {
        if let Some(change) = change {
            self.changes.push_inlined(change);
        }
        self.inputs.push(x);
    }

    /// Commits `x` as an input only (a KAMA of period 1 counts no changes).
    #[inline]
    pub(crate) fn push_input(&mut self, x: T) {
        self.inputs.push(x);
    }

    pub(crate) fn clear(&mut self) {
        self.inputs.clear();
        self.changes.clear();
    }

    /// The inputs and the changes, for a saved state.
    #[cfg(feature = "serde")]
    pub(crate) fn parts(&self) -> (&RingBuffer<T>, &RollingSum<T>) {
        (&self.inputs, &self.changes)
    }

    /// A window from saved parts: one period, usable inputs, one change per input after the
    /// first (none when `counts_changes` is false, a KAMA of period 1), the changes between
    /// the inputs held equal to their recomputation (the oldest change involves an input
    /// that left), every change within `0..=2·max_input`.
    #[cfg(feature = "serde")]
    pub(crate) fn from_parts(
        period: usize,
        inputs: RingBuffer<T>,
        changes: RollingSum<T>,
        counts_changes: bool,
    ) -> Result<Self, Error> {
        use crate::float::lit;
        let period = check_period("period", period)?;
        if inputs.capacity() != period || changes.period() != period {
            return Err(crate::error::invalid_state(
                "efficiency-ratio window lengths do not match the period",
            ));
        }
        if !inputs.iter().all(|x| x.is_usable()) {
            return Err(crate::error::invalid_state(
                "efficiency-ratio window holds an unusable input",
            ));
        }
        let held = inputs.len();
        let count_ok = if !counts_changes {
            changes.is_empty()
        } else if inputs.is_full() {
            changes.len() + 1 >= period
        } else {
            changes.len() == held.saturating_sub(1)
        };
        let held_inputs: Vec<T> = inputs.iter().collect();
        let diffs: Vec<T> = held_inputs
            .windows(2)
            .map(|pair| match pair {
                [a, b] => (*b - *a).abs(),
                _ => T::zero(),
            })
            .collect();
        let stored: Vec<T> = changes.iter().collect();
        let shared = diffs.len().min(stored.len());
        let changes_ok = stored.get(stored.len() - shared..) == diffs.get(diffs.len() - shared..)
            && stored
                .iter()
                .all(|c| *c >= T::zero() && *c <= lit::<T>(2.0) * T::max_input());
        if !(count_ok && changes_ok) {
            return Err(crate::error::invalid_state(
                "efficiency-ratio changes do not match its inputs",
            ));
        }
        Ok(Self { inputs, changes })
    }
}

/// Kaufman's efficiency ratio: how much of the path of the last `n` changes went in one
/// direction, from 0 (pure noise, back where it started) to 1 (a straight line).
///
/// # Formula
///
/// `ER_t = |x_t − x_{t−n}| / Σ_{i<n} |x_{t−i} − x_{t−i−1}|`, taken as **1** when the sum of the
/// changes is not larger than the net change: a straight line, or no movement at all (TA-Lib's
/// answer). The sum of the changes is a drift-free [`RollingSum`]; O(1) per update.
///
/// The same window drives [`Kama`](crate::average::Kama), which shares this code. Without
/// the absolute value on top, `100·ER` is [`Cmou`](super::Cmou).
///
/// The first output comes after `n + 1` inputs (`n` changes). Every output lies in
/// `0..=1`; nothing beyond the crate's usable range is refused.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`; 10 by [`Default`] (TA-Lib's default).
///
/// # Example
///
/// ```
/// use ta_stream::{momentum::EfficiencyRatio, Indicator};
///
/// let mut er = EfficiencyRatio::new(3)?;
/// let out = er.batch(&[10.0, 11.0, 12.0, 13.0, 11.0, 16.0]);
/// assert_eq!(out[..4], [None, None, None, Some(1.0)]); // a straight line
/// assert_eq!(out[4], Some(0.0)); // from 11 back to 11 via +1, +1, −2
/// assert_eq!(out[5], Some(0.5)); // from 12 to 16 via +1, −2, +5: 4 / 8
/// assert_eq!(er.to_string(), "ER(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Perry Kaufman, *Smarter Trading* (1995); TA-Lib `ER`, matched at every index.
#[doc(alias = "ER")]
#[doc(alias = "efficiency ratio")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "EfficiencyRatioState<T>")
)]
pub struct EfficiencyRatio<T: Real = f64> {
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_window"))]
    window: EfficiencyWindow<T>,
    /// The last ratio (the window no longer holds `x_{t−n}` to recompute it).
    value: Option<T>,
}

impl EfficiencyRatio {
    /// Kaufman's efficiency ratio over `period` changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> EfficiencyRatio<T> {
    /// [`EfficiencyRatio::new`] in any precision `T` (`f32`, or generic code): `EfficiencyRatio::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            window: EfficiencyWindow::new(check_at_least_two("period", period)?)?,
            value: None,
        })
    }

    /// The number of changes `n`.
    pub fn period(&self) -> usize {
        self.window.period()
    }
}

impl<T: Real> Default for EfficiencyRatio<T> {
    /// ER(10), TA-Lib's default.
    fn default() -> Self {
        Self {
            window: EfficiencyWindow::with_valid_period(10),
            value: None,
        }
    }
}

impl<T: Real> Indicator for EfficiencyRatio<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value;
        }
        let step = self.window.step(x);
        self.window.commit(x, step.change);
        if step.ratio.is_some() {
            self.value = step.ratio;
        }
        self.value
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value;
        }
        self.window.step(x).ratio
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.value
    }

    fn reset(&mut self) {
        self.window.clear();
        self.value = None;
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }
}

impl<T: Real> fmt::Display for EfficiencyRatio<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ER({})", self.period())
    }
}

/// The window as `{ "inputs": ..., "changes": ... }`.
#[cfg(feature = "serde")]
fn serialize_window<T: Real + serde::Serialize, S: serde::Serializer>(
    window: &EfficiencyWindow<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let (inputs, changes) = window.parts();
    let mut state = serializer.serialize_struct("EfficiencyWindow", 2)?;
    state.serialize_field("inputs", inputs)?;
    state.serialize_field("changes", changes)?;
    state.end()
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WindowState<T: Real> {
    inputs: RingBuffer<T>,
    changes: RollingSum<T>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EfficiencyRatioState<T: Real> {
    window: WindowState<T>,
    value: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<EfficiencyRatioState<T>> for EfficiencyRatio<T> {
    type Error = Error;

    /// A consistent window of a period in `2..=100000`, and a ratio in `0..=1` exactly when
    /// `n` changes are counted.
    fn try_from(state: EfficiencyRatioState<T>) -> Result<Self, Error> {
        let period = check_at_least_two("period", state.window.changes.period())?;
        let window =
            EfficiencyWindow::from_parts(period, state.window.inputs, state.window.changes, true)?;
        let value_ok = match state.value {
            Some(v) => window.is_full() && v >= T::zero() && v <= T::one(),
            None => !window.is_full(),
        };
        if !value_ok {
            return Err(crate::error::invalid_state(
                "ER ratio outside 0..=1, or present without n changes",
            ));
        }
        Ok(Self {
            window,
            value: state.value,
        })
    }
}
