use core::fmt;

use crate::cycle::hilbert::{degrees, Hilbert, Lookback};
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// The two lines of [`Mama`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct MamaOutput<T = f64> {
    /// The MESA adaptive moving average (TA-Lib's `mama`).
    pub mama: T,
    /// The following adaptive moving average, MAMA smoothed at half its rate (TA-Lib's
    /// `fama`).
    pub fama: T,
}

/// Ehlers' MESA adaptive moving average (MAMA) and its following average (FAMA): an EMA whose
/// rate follows the speed of the cycle's phase, fast when the phase jumps (a turn), slow
/// while it advances steadily.
///
/// # Formula
///
/// From the [Hilbert transform](crate::cycle#the-hilbert-transform)'s in-phase `I1` and
/// quadrature `Q1`: the phase `φ_t = atan(Q1/I1)` in degrees (0 when `I1 = 0`), its change
/// `Δ = max(φ_{t−1} − φ_t, 1)`, and the rate `α = max(fastlimit / Δ, slowlimit)` when
/// `Δ > 1`, else `α = fastlimit`. Then
/// `MAMA_t = α·x_t + (1 − α)·MAMA_{t−1}` and `FAMA_t = (α/2)·MAMA_t + (1 − α/2)·FAMA_{t−1}`,
/// both starting at 0 on the 13th input.
///
/// # Parameters
///
/// `fastlimit` and `slowlimit`: `0.01..=0.99` each (TA-Lib's defaults 0.5 and 0.05, also
/// [`Mama::default`]). First output on the 33rd input (TA-Lib's lookback of 32). O(1) per
/// update. TA-Lib's `MA(real, timeperiod, matype=7)` is [`Mama::default`]'s `mama` line
/// (`timeperiod` is ignored).
///
/// # Bounds
///
/// Weighted means of the inputs and of the starting 0: within `min(0, inputs)` and
/// `max(0, inputs)`.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Mama, Indicator};
///
/// // A sine wave with a 20-bar cycle.
/// let closes: Vec<f64> = (0..100)
///     .map(|i| 100.0 + 10.0 * (2.0 * std::f64::consts::PI * f64::from(i) / 20.0).sin())
///     .collect();
/// let mut mama = Mama::default(); // fastlimit 0.5, slowlimit 0.05
/// let out = mama.batch(&closes);
/// assert!(out[..32].iter().all(Option::is_none));
/// let last = out[99].unwrap();
/// // TA-Lib's MAMA on the same closes: 96.66563214606974 and 99.2181513683981.
/// assert!((last.mama - 96.66563214606974).abs() < 1e-9);
/// assert!((last.fama - 99.2181513683981).abs() < 1e-9);
/// assert_eq!(mama.to_string(), "MAMA(0.5, 0.05)");
/// assert!(Mama::<f64>::new(1.0, 0.05).is_err());
/// ```
///
/// # Links
///
/// TA-Lib `MAMA` (outputs `mama`, `fama`), and `MA` with `matype` 7; matches it at every
/// index, but for the case below.
///
/// # Parity
///
/// On an input that stays exactly constant for ten bars or more (a %K at 0 or 100), the exact
/// in-phase `I1` is 0, and so is the phase. TA-Lib keeps the smoothing as running sums,
/// which leave `I1 ≈ 1e-13` there: its phase reads ±90° and a later `α` differs (STOCHRSI's
/// %D with MAMA, by up to 17 points on the test data). This type evaluates the smoothing
/// directly and takes the exact decision, checked with exact arithmetic on TA-Lib's own
/// STOCHRSI %K (`scripts/generate_mama_exact_phase.py`).
#[doc(alias = "MAMA")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MamaState<T>")
)]
pub struct Mama<T: Real = f64> {
    fast_limit: T,
    slow_limit: T,
    hilbert: Hilbert<T>,
    /// The phase of the last step, in degrees (`-90..=90`).
    phase: T,
    mama: T,
    fama: T,
}

/// Checks a limit: `0.01..=0.99`, as TA-Lib.
fn check_limit<T: Real>(name: &'static str, value: T) -> Result<T, Error> {
    if (lit::<T>(0.01)..=lit::<T>(0.99)).contains(&value) {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{value:?}"),
            expected: "0.01..=0.99",
        })
    }
}

impl<T: Real> Mama<T> {
    /// MAMA and FAMA with the given limits of their rate.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless both limits are in `0.01..=0.99`.
    pub fn new(fast_limit: T, slow_limit: T) -> Result<Self, Error> {
        Ok(Self {
            fast_limit: check_limit("fastlimit", fast_limit)?,
            slow_limit: check_limit("slowlimit", slow_limit)?,
            hilbert: Hilbert::new(Lookback::Short),
            phase: T::zero(),
            mama: T::zero(),
            fama: T::zero(),
        })
    }

    /// The fast limit (the rate on a phase jump).
    pub fn fast_limit(&self) -> T {
        self.fast_limit
    }

    /// The slow limit (the least rate).
    pub fn slow_limit(&self) -> T {
        self.slow_limit
    }

    /// The phase, rate, MAMA and FAMA after the (usable) input `x` with in-phase and
    /// quadrature components `i1`, `q1`.
    #[inline]
    fn next(&self, x: T, i1: T, q1: T) -> (T, T, T) {
        let one = T::one();
        let phase = if i1 == T::zero() {
            T::zero()
        } else {
            degrees((q1 / i1).atan())
        };
        let delta = (self.phase - phase).max(one);
        let alpha = if delta > one {
            (self.fast_limit / delta).max(self.slow_limit)
        } else {
            self.fast_limit
        };
        let mama = alpha * x + (one - alpha) * self.mama;
        let half = alpha * lit::<T>(0.5);
        let fama = half * mama + (one - half) * self.fama;
        (phase, mama, fama)
    }
}

/// TA-Lib's defaults: `fastlimit` 0.5, `slowlimit` 0.05.
impl<T: Real> Default for Mama<T> {
    fn default() -> Self {
        Self {
            fast_limit: lit(0.5),
            slow_limit: lit(0.05),
            hilbert: Hilbert::new(Lookback::Short),
            phase: T::zero(),
            mama: T::zero(),
            fama: T::zero(),
        }
    }
}

impl<T: Real> Indicator for Mama<T> {
    type Input = T;
    type Output = MamaOutput<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MamaOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x);
        if let Some(step) = step {
            (self.phase, self.mama, self.fama) = self.next(x, step.in_phase, step.quadrature);
        }
        self.hilbert.commit(x, step);
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MamaOutput<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let step = self.hilbert.next(x)?;
        let (_, mama, fama) = self.next(x, step.in_phase, step.quadrature);
        self.hilbert
            .next_is_ready()
            .then_some(MamaOutput { mama, fama })
    }

    #[inline]
    fn value(&self) -> Option<MamaOutput<T>> {
        self.hilbert.is_ready().then_some(MamaOutput {
            mama: self.mama,
            fama: self.fama,
        })
    }

    fn reset(&mut self) {
        self.hilbert = Hilbert::new(Lookback::Short);
        self.phase = T::zero();
        self.mama = T::zero();
        self.fama = T::zero();
    }

    fn warmup_period(&self) -> usize {
        Lookback::Short.lookback() + 1
    }
}

impl<T: Real> fmt::Display for Mama<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MAMA({:?}, {:?})", self.fast_limit, self.slow_limit)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MamaState<T: Real> {
    fast_limit: T,
    slow_limit: T,
    hilbert: Hilbert<T>,
    phase: T,
    mama: T,
    fama: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MamaState<T>> for Mama<T> {
    type Error = Error;

    fn try_from(state: MamaState<T>) -> Result<Self, Error> {
        let mut mama = Self::new(state.fast_limit, state.slow_limit)?;
        crate::cycle::hilbert::check_lookback(&state.hilbert, Lookback::Short)?;
        let right = lit::<T>(90.0);
        let m = crate::cycle::hilbert::mean_bound::<T>();
        let started = state.hilbert.steps() > 0;
        let zero = T::zero();
        if !(-right..=right).contains(&state.phase)
            || state.mama.abs() > m
            || state.fama.abs() > m
            || (!started && (state.phase, state.mama, state.fama) != (zero, zero, zero))
        {
            return Err(crate::error::invalid_state(
                "MAMA: a phase or an average no input sequence produces",
            ));
        }
        mama.hilbert = state.hilbert;
        mama.phase = state.phase;
        mama.mama = state.mama;
        mama.fama = state.fama;
        Ok(mama)
    }
}

/// Parity: MAMA's phase is 0 where its in-phase component is, and on inputs that sit at
/// exactly 0 or 100 for ten bars or more (a STOCHRSI %K) the exact in-phase component is 0
/// while TA-Lib's is a residue of its running sums (~1e-13), so TA-Lib's phase reads ±90°
/// there and a later alpha differs. `scripts/generate_mama_exact_phase.py` decides with exact
/// arithmetic (`fractions`) where the in-phase component of TA-Lib's own STOCHRSI %K is 0,
/// and records TA-Lib's in-phase (HT_PHASOR) and MAMA of that %K; these tests show the
/// crate's decision is the exact one at every bar and TA-Lib's is not.
#[cfg(test)]
mod exact_phase {
    use super::*;

    const DATA: &str = include_str!("../../tests/data/talib/mama_exact_phase.csv");

    /// One bar: the input, whether the exact in-phase is 0, TA-Lib's in-phase and MAMA.
    type Bar = (f64, bool, Option<f64>, Option<f64>);

    fn cases() -> Vec<(String, Vec<Bar>)> {
        let number = |cell: &str| (!cell.is_empty()).then(|| cell.parse::<f64>().unwrap());
        let mut cases: Vec<(String, Vec<Bar>)> = Vec::new();
        for line in DATA.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let [case, bar, x, zero, in_phase, mama] = cells[..] else {
                panic!("malformed row {line}");
            };
            if cases.last().map(|(c, _)| c.as_str()) != Some(case) {
                cases.push((case.to_string(), Vec::new()));
            }
            let bars = &mut cases.last_mut().unwrap().1;
            assert_eq!(bar.parse::<usize>().unwrap(), bars.len());
            bars.push((
                x.parse().unwrap(),
                zero == "1",
                number(in_phase),
                number(mama),
            ));
        }
        assert_eq!(cases.len(), 3);
        cases
    }

    #[test]
    fn the_phase_decision_is_the_exact_one_and_talibs_is_not() {
        let mut alphas_checked = 0;
        for (case, bars) in cases() {
            let mut mama = Mama::<f64>::default();
            let mut talib_residues = 0;
            let mut first_difference = None;
            for (t, &(x, exact_zero, talib_in_phase, talib_mama)) in bars.iter().enumerate() {
                let before = mama.mama;
                let in_phase = mama.hilbert.next(x).map(|step| step.in_phase);
                // The crate's in-phase is 0.0 exactly where the exact one is 0.
                if let Some(in_phase) = in_phase {
                    assert_eq!(in_phase == 0.0, exact_zero, "{case} bar {t}: {in_phase:e}");
                } else {
                    assert!(!exact_zero, "{case} bar {t}");
                }
                // TA-Lib's is a residue there, not 0.
                if let (true, Some(theirs)) = (exact_zero, talib_in_phase) {
                    assert!(theirs != 0.0 && theirs.abs() < 1e-12, "{case} bar {t}");
                    talib_residues += 1;
                }
                let out = mama.update(x);
                if exact_zero {
                    assert_eq!(mama.phase, 0.0, "{case} bar {t}");
                }
                let (Some(ours), Some(theirs)) = (out.map(|o| o.mama), talib_mama) else {
                    continue;
                };
                if first_difference.is_none() && (ours - theirs).abs() > 1e-9 {
                    first_difference = Some(t);
                    // The alpha of this bar, from the averages: the crate's is the fast limit
                    // (the exact phase of the zero bar makes the phase change ≤ 1°), TA-Lib's
                    // the fast limit over a change of phase measured from ±90°.
                    let alpha = |now: f64| (now - before) / (x - before);
                    let previous = bars.get(t.wrapping_sub(1)).and_then(|bar| bar.3);
                    if let Some(previous) = previous {
                        assert!((alpha(ours) - 0.5).abs() < 1e-9, "{case} bar {t}");
                        let theirs_alpha = (theirs - previous) / (x - previous);
                        assert!(theirs_alpha < 0.2, "{case} bar {t}: {theirs_alpha}");
                        alphas_checked += 1;
                    }
                }
            }
            // The averages agree up to the first bar a phase decision on an exact zero
            // reaches (the first output, for zero_range, whose zeros are in the warm-up).
            let first_zero = (15..bars.len()).find(|&t| bars[t].1).unwrap();
            let first_difference = first_difference.expect("TA-Lib's MAMA differs");
            assert!(first_difference >= first_zero, "{case}: {first_difference}");
            if first_zero >= 32 {
                assert!(talib_residues > 0, "{case}");
            }
        }
        // Both ndx cases show their alphas (zero_range's bar is in the warm-up).
        assert_eq!(alphas_checked, 2);
    }
}
