//! Ehlers' Hilbert transform of a price series, written once for MAMA, the trendline and the
//! cycle indicators.
//!
//! Per input `x_t`, once the transform has started:
//!
//! - the price smoothed by a 4-bar WMA: `s_t = (4·x_t + 3·x_{t−1} + 2·x_{t−2} + x_{t−3}) / 10`;
//! - the transform of a series `v`: `H(v)_t = (0.0962·v_t + 0.5769·v_{t−2} − 0.5769·v_{t−4}
//!   − 0.0962·v_{t−6}) · (0.075·P_{t−1} + 0.54)`, where `P_{t−1}` is the previous bar's period
//!   (values before the start count as 0);
//! - detrender `D = H(s)`, in-phase `I1_t = D_{t−3}`, quadrature `Q1 = H(D)`, and the phasors
//!   advanced by 90°: `jI = H(I1)`, `jQ = H(Q1)`;
//! - `I2 = 0.2·(I1 − jQ) + 0.8·I2_{t−1}`, `Q2 = 0.2·(Q1 + jI) + 0.8·Q2_{t−1}`;
//! - the homodyne discriminator `Re = 0.2·(I2·I2_{t−1} + Q2·Q2_{t−1}) + 0.8·Re_{t−1}`,
//!   `Im = 0.2·(I2·Q2_{t−1} − Q2·I2_{t−1}) + 0.8·Im_{t−1}`;
//! - the period `360° / atan(Im/Re)` (kept when `Im` or `Re` is 0), held within `1.5` and
//!   `0.67` times the previous period and within `6..=50`, then
//!   `P = 0.2·period + 0.8·P_{t−1}`, and the smoothed period `SP = 0.33·P + 0.67·SP_{t−1}`.
//!
//! Everything starts at 0. Like TA-Lib, the transform starts on the 13th input (the WMA's
//! first 9 values only warm it up) for the functions with a lookback of 32 (`MAMA`,
//! `HT_DCPERIOD`, `HT_PHASOR`), and on the 38th for those with a lookback of 63
//! (`HT_TRENDLINE`, `HT_DCPHASE`, `HT_SINE`, `HT_TRENDMODE`).
//!
//! # Bounds
//!
//! With `M` the largest input magnitude, the transform's gain is at most
//! `2·(0.0962 + 0.5769)·(0.075·50 + 0.54) < 5.78`, so `|D| < 6M`, `|Q1| < 34M`,
//! `|I2| < 200M`, `|Q2| < 67M` and `|Re|, |Im| < 44100·M²`: finite for every usable input
//! (`M ≤ 1e150` for `f64`, `1e15` for `f32`). The period and the smoothed period stay in
//! `0..=50`.

use crate::float::{from_usize, lit};
use crate::window::RingBuffer;
use crate::Real;

/// Number of past values the cycle functions read (the longest dominant cycle, 50 bars,
/// is the current value and 49 before it).
pub(crate) const HISTORY: usize = 49;

/// `180 / π`.
const DEGREES_PER_RADIAN: f64 = 180.0 / core::f64::consts::PI;

/// When the transform starts: TA-Lib's lookback of 32 or of 63 bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) enum Lookback {
    /// Transform from the 13th input, first output on the 33rd.
    Short,
    /// Transform from the 38th input, first output on the 64th.
    Long,
}

impl Lookback {
    /// Inputs before the transform's first step.
    pub(crate) fn start(self) -> usize {
        match self {
            Self::Short => 12,
            Self::Long => 37,
        }
    }

    /// TA-Lib's lookback: inputs before the first output.
    pub(crate) fn lookback(self) -> usize {
        match self {
            Self::Short => 32,
            Self::Long => 63,
        }
    }
}

/// The largest magnitude a weighted mean of usable inputs reaches: the largest usable
/// input, with room for rounding. Loaded states are checked against it.
#[cfg(feature = "serde")]
pub(crate) fn mean_bound<T: Real>() -> T {
    T::max_input() * lit::<T>(1.001)
}

/// Radians to degrees, as the formulas use them.
#[inline]
pub(crate) fn degrees<T: Real>(radians: T) -> T {
    radians * lit::<T>(DEGREES_PER_RADIAN)
}

/// Degrees to radians.
#[inline]
pub(crate) fn radians<T: Real>(degrees: T) -> T {
    degrees / lit::<T>(DEGREES_PER_RADIAN)
}

/// The transform's state.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Hilbert<T: Real> {
    lookback: Lookback,
    /// Inputs accepted (saturating).
    count: usize,
    /// The last 3 inputs, newest first.
    prices: [T; 3],
    /// The last 6 smoothed prices, newest first.
    smoothed: [T; 6],
    /// The last 9 detrender values, newest first.
    detrender: [T; 9],
    /// The last 6 quadrature values, newest first.
    quadrature: [T; 6],
    i2: T,
    q2: T,
    re: T,
    im: T,
    period: T,
    smooth_period: T,
}

/// What one step of the transform computes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step<T> {
    /// The 4-bar WMA of the price.
    pub(crate) smoothed: T,
    /// `D`.
    pub(crate) detrender: T,
    /// `I1`: the detrender three bars ago.
    pub(crate) in_phase: T,
    /// `Q1`.
    pub(crate) quadrature: T,
    i2: T,
    q2: T,
    re: T,
    im: T,
    period: T,
    /// `SP`, the dominant cycle period.
    pub(crate) smooth_period: T,
}

/// `(0.0962·v0 + 0.5769·v2 − 0.5769·v4 − 0.0962·v6)·adjust`, in TA-Lib's order of operations.
#[inline]
fn transform<T: Real>(v0: T, v2: T, v4: T, v6: T, adjust: T) -> T {
    let a = lit::<T>(0.0962);
    let b = lit::<T>(0.5769);
    (-(a * v6) + a * v0 - b * v4 + b * v2) * adjust
}

/// `value` pushed in front of `history`, the oldest dropped.
#[inline]
fn shifted<T: Copy, const N: usize>(value: T, history: [T; N]) -> [T; N] {
    let mut out = history;
    out.rotate_right(1);
    if let Some(first) = out.first_mut() {
        *first = value;
    }
    out
}

impl<T: Real> Hilbert<T> {
    pub(crate) fn new(lookback: Lookback) -> Self {
        let zero = T::zero();
        Self {
            lookback,
            count: 0,
            prices: [zero; 3],
            smoothed: [zero; 6],
            detrender: [zero; 9],
            quadrature: [zero; 6],
            i2: zero,
            q2: zero,
            re: zero,
            im: zero,
            period: zero,
            smooth_period: zero,
        }
    }

    /// The lookback this transform was built for.
    #[cfg(feature = "serde")]
    pub(crate) fn lookback(&self) -> Lookback {
        self.lookback
    }

    /// Inputs accepted so far (saturating).
    #[cfg(feature = "serde")]
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Transform steps taken so far.
    #[cfg(feature = "serde")]
    pub(crate) fn steps(&self) -> usize {
        self.count.saturating_sub(self.lookback.start())
    }

    /// `true` once an output is due (the last input was past TA-Lib's lookback).
    pub(crate) fn is_ready(&self) -> bool {
        self.count > self.lookback.lookback()
    }

    /// `true` when the next input will be past TA-Lib's lookback.
    pub(crate) fn next_is_ready(&self) -> bool {
        self.count >= self.lookback.lookback()
    }

    /// The dominant cycle period of the last step (0 before the first).
    pub(crate) fn smooth_period(&self) -> T {
        self.smooth_period
    }

    /// The in-phase and quadrature components of the last step (`I1`, `Q1`).
    pub(crate) fn phasor(&self) -> (T, T) {
        let [_, _, _, in_phase, ..] = self.detrender;
        let [quadrature, ..] = self.quadrature;
        (in_phase, quadrature)
    }

    /// The step a (usable) input `x` makes, or `None` before the transform starts.
    #[inline]
    pub(crate) fn next(&self, x: T) -> Option<Step<T>> {
        if self.count < self.lookback.start() {
            return None;
        }
        let [x1, x2, x3] = self.prices;
        let smoothed =
            (lit::<T>(4.0) * x + lit::<T>(3.0) * x1 + lit::<T>(2.0) * x2 + x3) * lit::<T>(0.1);
        let adjust = lit::<T>(0.075) * self.period + lit::<T>(0.54);

        let [_, s2, _, s4, _, s6] = self.smoothed;
        let detrender = transform(smoothed, s2, s4, s6, adjust);
        let [_, d2, d3, d4, d5, d6, d7, _, d9] = self.detrender;
        let quadrature = transform(detrender, d2, d4, d6, adjust);
        // I1 = D three bars ago; its transform reads I1 at t−2, t−4, t−6: D at t−5, t−7, t−9.
        let in_phase = d3;
        let j_i = transform(in_phase, d5, d7, d9, adjust);
        let [_, q2h, _, q4h, _, q6h] = self.quadrature;
        let j_q = transform(quadrature, q2h, q4h, q6h, adjust);

        let weight = lit::<T>(0.2);
        let keep = lit::<T>(0.8);
        let q2 = weight * (quadrature + j_i) + keep * self.q2;
        let i2 = weight * (in_phase - j_q) + keep * self.i2;
        let re = weight * (i2 * self.i2 + q2 * self.q2) + keep * self.re;
        let im = weight * (i2 * self.q2 - q2 * self.i2) + keep * self.im;

        let previous = self.period;
        let mut period = previous;
        if im != T::zero() && re != T::zero() {
            period = lit::<T>(360.0) / degrees((im / re).atan());
        }
        if period > lit::<T>(1.5) * previous {
            period = lit::<T>(1.5) * previous;
        }
        if period < lit::<T>(0.67) * previous {
            period = lit::<T>(0.67) * previous;
        }
        if period < lit::<T>(6.0) {
            period = lit::<T>(6.0);
        } else if period > lit::<T>(50.0) {
            period = lit::<T>(50.0);
        }
        let period = weight * period + keep * previous;
        let smooth_period = lit::<T>(0.33) * period + lit::<T>(0.67) * self.smooth_period;
        Some(Step {
            smoothed,
            detrender,
            in_phase,
            quadrature,
            i2,
            q2,
            re,
            im,
            period,
            smooth_period,
        })
    }

    /// Commits the (usable) input `x` and its step from [`next`](Self::next).
    #[inline]
    pub(crate) fn commit(&mut self, x: T, step: Option<Step<T>>) {
        self.count = self.count.saturating_add(1);
        self.prices = shifted(x, self.prices);
        if let Some(step) = step {
            self.smoothed = shifted(step.smoothed, self.smoothed);
            self.detrender = shifted(step.detrender, self.detrender);
            self.quadrature = shifted(step.quadrature, self.quadrature);
            self.i2 = step.i2;
            self.q2 = step.q2;
            self.re = step.re;
            self.im = step.im;
            self.period = step.period;
            self.smooth_period = step.smooth_period;
        }
    }

    /// Checks a loaded state: inputs usable, every value within the bounds above, and nothing
    /// computed before the transform started.
    #[cfg(feature = "serde")]
    pub(crate) fn validate(&self) -> Result<(), crate::Error> {
        use crate::error::invalid_state;
        let m = mean_bound::<T>();
        let within = |values: &[T], bound: T| values.iter().all(|v| v.abs() <= bound);
        if !self.prices.iter().all(|p| p.is_usable()) {
            return Err(invalid_state(
                "Hilbert transform: a price is not a usable input",
            ));
        }
        let fifty = lit::<T>(50.0);
        let ok = within(&self.smoothed, m)
            && within(&self.detrender, lit::<T>(6.0) * m)
            && within(&self.quadrature, lit::<T>(34.0) * m)
            && within(&[self.i2], lit::<T>(200.0) * m)
            && within(&[self.q2], lit::<T>(67.0) * m)
            && within(&[self.re, self.im], lit::<T>(44100.0) * m * m)
            && (T::zero()..=fifty).contains(&self.period)
            && (T::zero()..=fifty).contains(&self.smooth_period);
        if !ok {
            return Err(invalid_state(
                "Hilbert transform: a value beyond what usable inputs produce",
            ));
        }
        let zero = T::zero();
        let untouched = self.smoothed.iter().all(|&v| v == zero)
            && self.detrender.iter().all(|&v| v == zero)
            && self.quadrature.iter().all(|&v| v == zero)
            && [
                self.i2,
                self.q2,
                self.re,
                self.im,
                self.period,
                self.smooth_period,
            ]
            .iter()
            .all(|&v| v == zero);
        if self.steps() == 0 && !untouched {
            return Err(invalid_state(
                "Hilbert transform: values before the transform started",
            ));
        }
        let seen = self.count.min(3);
        if self.prices.iter().skip(seen).any(|&p| p != zero) {
            return Err(invalid_state("Hilbert transform: more prices than inputs"));
        }
        Ok(())
    }
}

/// Checks a loaded transform, and that it is the one of the indicator loading it.
#[cfg(feature = "serde")]
pub(crate) fn check_lookback<T: Real>(
    hilbert: &Hilbert<T>,
    lookback: Lookback,
) -> Result<(), crate::Error> {
    if hilbert.lookback() != lookback {
        return Err(crate::error::invalid_state(
            "Hilbert transform: lookback of another indicator",
        ));
    }
    hilbert.validate()
}

/// The last [`HISTORY`] values pushed, newest first, then zeros: TA-Lib's view of a series
/// before its start.
#[inline]
pub(crate) fn newest_first<T: Real>(buffer: &RingBuffer<T>) -> impl Iterator<Item = T> + '_ {
    let values = buffer.as_slice();
    let (newer, older) = values.split_at(buffer.write_index().min(values.len()));
    newer
        .iter()
        .rev()
        .chain(older.iter().rev())
        .copied()
        .chain(core::iter::repeat(T::zero()))
}

/// `⌊SP + 0.5⌋`: the dominant cycle in whole bars (`0..=50`).
#[inline]
pub(crate) fn whole_period<T: Real>(smooth_period: T) -> usize {
    (smooth_period + lit::<T>(0.5))
        .to_usize()
        .unwrap_or(0)
        .min(HISTORY + 1)
}

/// A buffer for [`HISTORY`] values.
pub(crate) fn history<T: Real>() -> RingBuffer<T> {
    RingBuffer::with_valid_capacity(HISTORY)
}

/// Checks a loaded history: its capacity, and as many values as were pushed.
#[cfg(feature = "serde")]
pub(crate) fn check_history<T: Real>(
    buffer: &RingBuffer<T>,
    pushed: usize,
    what: &str,
) -> Result<(), crate::Error> {
    if buffer.capacity() != HISTORY || buffer.len() != pushed.min(HISTORY) {
        return Err(crate::error::invalid_state(format!(
            "{what}: {} values of capacity {}, expected {} of capacity {HISTORY}",
            buffer.len(),
            buffer.capacity(),
            pushed.min(HISTORY)
        )));
    }
    Ok(())
}

/// `n` as a float (`n ≤ 50`).
#[inline]
pub(crate) fn count_as<T: Real>(n: usize) -> T {
    from_usize(n)
}
