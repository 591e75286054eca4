use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::window::{RingBuffer, RollingSum};
use crate::{Error, Indicator, Real};

/// Kaufman's adaptive moving average: an EMA whose smoothing follows the market's efficiency,
/// fast in a clean trend and almost still in noise.
///
/// # Formula
///
/// Over the last `n` changes:
///
/// - efficiency ratio `ER_t = |x_t − x_{t−n}| / Σ_{i<n} |x_{t−i} − x_{t−i−1}|`, taken as 1
///   when the sum of the changes is not larger than the net change (a straight line, or no
///   movement at all);
/// - smoothing constant `sc_t = (ER_t·(2/3 − 2/31) + 2/31)²`, between the EMA constants of
///   30 inputs (`2/31`) and 2 inputs (`2/3`), squared;
/// - `KAMA_t = (x_t − KAMA_{t−1})·sc_t + KAMA_{t−1}`, started from `KAMA_{n−1} = x_{n−1}`.
///
/// The first output comes after `n + 1` inputs (`n` changes), at index `n`. The sum of the
/// changes is a drift-free [`RollingSum`]; O(1) per update.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 30). `n = 1` gives the input itself,
/// as TA-Lib does.
///
/// # Bounds
///
/// Each step moves the average a fraction `sc ≤ 4/9` of the way to the input, so it stays
/// within the hull of its inputs.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Kama, Indicator};
///
/// let mut kama: Kama = Kama::new(3)?;
/// let out = kama.batch(&[1.0, 2.0, 3.0, 4.0]);
/// // A straight line: ER = 1, sc = (2/3)², starting from the previous input 3.
/// assert_eq!(out[..3], [None, None, None]);
/// assert!((out[3].unwrap() - (3.0 + 4.0 / 9.0)).abs() < 1e-12);
/// // A reversal that ends where the window started: ER = 0, sc = (2/31)².
/// let next = kama.update(2.0).unwrap();
/// let expected = 31.0 / 9.0 + (2.0 - 31.0 / 9.0) * (2.0 / 31.0_f64).powi(2);
/// assert!((next - expected).abs() < 1e-12);
/// assert_eq!(kama.to_string(), "KAMA(3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `KAMA` (and `MA` with `matype` 6); matches it at every index.
#[doc(alias = "KAMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "KamaState<T>")
)]
pub struct Kama<T: Real = f64> {
    period: usize,
    /// The last `n` inputs (the last one only, for `n = 1`).
    inputs: RingBuffer<T>,
    /// The last `n` absolute changes `|x_t − x_{t−1}|`.
    changes: RollingSum<T>,
    /// The average, once `changes` is full.
    kama: T,
}

impl<T: Real> Kama<T> {
    /// A KAMA over `period` changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            period,
            inputs: RingBuffer::new(period)?,
            changes: RollingSum::new(period)?,
            kama: T::zero(),
        })
    }

    /// The number of changes `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The absolute change `x` makes, and the average after it if it is then ready.
    #[inline]
    fn next(&self, x: T) -> (Option<T>, Option<T>) {
        let Some(previous) = self.inputs.newest() else {
            return (None, None);
        };
        let change = (x - previous).abs();
        if self.changes.len() + 1 < self.changes.period() {
            return (Some(change), None);
        }
        // Full: the oldest input held is x_{t−n}.
        let start = self.inputs.oldest().unwrap_or(previous);
        let net = x - start;
        let total = self.changes.peek_sum(change);
        let ratio = if total <= net {
            T::one()
        } else {
            (net / total).abs().min(T::one())
        };
        let slowest = lit::<T>(2.0) / lit::<T>(31.0);
        let span = lit::<T>(2.0) / lit::<T>(3.0) - slowest;
        let root = ratio * span + slowest;
        let sc = root * root;
        let base = if self.changes.is_full() {
            self.kama
        } else {
            previous
        };
        (Some(change), Some((x - base) * sc + base))
    }
}

impl<T: Real> Indicator for Kama<T> {
    type Input = T;
    type Output = T;

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if self.period == 1 {
            self.inputs.push(x);
            return Some(x);
        }
        let (change, kama) = self.next(x);
        if let Some(change) = change {
            self.changes.push(change);
        }
        if let Some(kama) = kama {
            self.kama = kama;
        }
        self.inputs.push(x);
        kama
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if self.period == 1 {
            return Some(x);
        }
        self.next(x).1
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if self.period == 1 {
            self.inputs.newest()
        } else {
            self.changes.is_full().then_some(self.kama)
        }
    }

    fn reset(&mut self) {
        self.inputs.clear();
        self.changes.clear();
        self.kama = T::zero();
    }

    fn warmup_period(&self) -> usize {
        if self.period == 1 {
            1
        } else {
            self.period + 1
        }
    }
}

impl<T: Real> fmt::Display for Kama<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KAMA({})", self.period)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct KamaState<T: Real> {
    period: usize,
    inputs: RingBuffer<T>,
    changes: RollingSum<T>,
    kama: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<KamaState<T>> for Kama<T> {
    type Error = Error;

    fn try_from(state: KamaState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.period)?;
        if state.inputs.capacity() != period || state.changes.period() != period {
            return Err(invalid_state("KAMA window lengths do not match its period"));
        }
        if !state.inputs.iter().all(|x| x.is_usable()) {
            return Err(invalid_state("KAMA holds an unusable input"));
        }
        // One change per input after the first; the changes between the inputs held are
        // recomputed and must agree exactly (the oldest change involves an input that left).
        let held = state.inputs.len();
        let count_ok = if period == 1 {
            state.changes.is_empty()
        } else if state.inputs.is_full() {
            state.changes.len() + 1 >= period
        } else {
            state.changes.len() == held.saturating_sub(1)
        };
        let inputs: Vec<T> = state.inputs.iter().collect();
        let diffs: Vec<T> = inputs
            .windows(2)
            .map(|pair| match pair {
                [a, b] => (*b - *a).abs(),
                _ => T::zero(),
            })
            .collect();
        let stored: Vec<T> = state.changes.iter().collect();
        let shared = diffs.len().min(stored.len());
        let newest_stored = stored.get(stored.len() - shared..);
        let newest_diffs = diffs.get(diffs.len() - shared..);
        let changes_ok = newest_stored == newest_diffs
            && stored
                .iter()
                .all(|c| *c >= T::zero() && *c <= lit::<T>(2.0) * T::max_input());
        // The average is a convex combination of usable inputs.
        let kama_ok = state.kama.is_finite() && state.kama.abs() <= T::max_input();
        if !(count_ok && changes_ok && kama_ok) {
            return Err(invalid_state(
                "KAMA changes do not match its inputs, or its average is out of range",
            ));
        }
        Ok(Self {
            period,
            inputs: state.inputs,
            changes: state.changes,
            kama: state.kama,
        })
    }
}
