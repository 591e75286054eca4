use core::fmt;

use crate::error::check_period;
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::float::lit;
use crate::momentum::efficiency_ratio::EfficiencyWindow;
#[cfg(feature = "serde")]
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
/// changes is a drift-free [`RollingSum`](crate::window::RollingSum); O(1) per update. The
/// ratio is [`EfficiencyRatio`](crate::momentum::EfficiencyRatio)'s, from the same code.
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
    serde(try_from = "KamaState<T>", into = "KamaState<T>")
)]
pub struct Kama<T: Real = f64> {
    period: usize,
    /// The last `n` inputs (the last one only, for `n = 1`) and the last `n` absolute
    /// changes: the efficiency ratio's window.
    window: EfficiencyWindow<T>,
    /// The average, once `n` changes are counted.
    kama: T,
}

impl Kama {
    /// A KAMA over `period` changes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Kama<T> {
    /// [`Kama::new`] in any precision `T` (`f32`, or generic code): `Kama::<f32>::new_generic(3)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        let period = check_period("period", period)?;
        Ok(Self {
            period,
            window: EfficiencyWindow::new(period)?,
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
        let step = self.window.step(x);
        let (Some(ratio), Some(previous)) = (step.ratio, step.previous) else {
            return (step.change, None);
        };
        let slowest = lit::<T>(2.0) / lit::<T>(31.0);
        let span = lit::<T>(2.0) / lit::<T>(3.0) - slowest;
        let root = ratio * span + slowest;
        let sc = root * root;
        let base = if self.window.is_full() {
            self.kama
        } else {
            previous
        };
        (step.change, Some((x - base) * sc + base))
    }
}

impl<T: Real> Indicator for Kama<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        if self.period == 1 {
            self.window.push_input(x);
            return Some(x);
        }
        let (change, kama) = self.next(x);
        if let Some(kama) = kama {
            self.kama = kama;
        }
        self.window.commit(x, change);
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
            self.window.newest()
        } else {
            self.window.is_full().then_some(self.kama)
        }
    }

    fn reset(&mut self) {
        self.window.clear();
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

/// The saved form (unchanged since KAMA had its own window): the period, the inputs, the
/// changes and the average.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KamaState<T: Real> {
    period: usize,
    inputs: RingBuffer<T>,
    changes: RollingSum<T>,
    kama: T,
}

#[cfg(feature = "serde")]
impl<T: Real> From<Kama<T>> for KamaState<T> {
    fn from(kama: Kama<T>) -> Self {
        let (inputs, changes) = kama.window.parts();
        Self {
            period: kama.period,
            inputs: inputs.clone(),
            changes: changes.clone(),
            kama: kama.kama,
        }
    }
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<KamaState<T>> for Kama<T> {
    type Error = Error;

    fn try_from(state: KamaState<T>) -> Result<Self, Error> {
        let period = check_period("period", state.period)?;
        let window =
            EfficiencyWindow::from_parts(period, state.inputs, state.changes, period != 1)?;
        // The average is a convex combination of usable inputs.
        if !(state.kama.is_finite() && state.kama.abs() <= T::max_input()) {
            return Err(invalid_state("KAMA average is out of range"));
        }
        Ok(Self {
            period,
            window,
            kama: state.kama,
        })
    }
}
