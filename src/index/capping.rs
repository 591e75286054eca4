//! The capping engine: water-filling under per-name caps, a single-name cap, and an
//! aggregate cap on the names above a threshold that preserves their rank; plus the audit
//! report every weighting method returns.

use core::fmt;

use super::WeightingError;

/// Relative slack allowed when comparing sums of weights with their targets.
const SLACK: f64 = 1e-12;

/// The smallest sum of free weights [`water_fill`] divides by as it is (weights of the
/// usual magnitudes keep their textbook arithmetic).
const NORMAL_SUM: f64 = 1e-150;

/// Result of [`water_fill`]: the new weights, the common adjustment factor, and which
/// names ended at their cap.
///
/// See [`water_fill`] for an example.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct WaterFill {
    weights: Vec<f64>,
    adjustment_factor: f64,
    capped: Vec<usize>,
    iterations: usize,
}

impl WaterFill {
    /// The new weights, in input order.
    ///
    /// See [`water_fill`] for an example.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// Consumes the result, giving the weights back.
    ///
    /// See [`water_fill`] for an example.
    pub fn into_weights(self) -> Vec<f64> {
        self.weights
    }

    /// The adjustment factor `AF` shared by every uncapped name (`w*_i = AF·w_i`).
    ///
    /// See [`water_fill`] for an example.
    pub fn adjustment_factor(&self) -> f64 {
        self.adjustment_factor
    }

    /// Positions of the names fixed at their cap, ascending.
    ///
    /// See [`water_fill`] for an example.
    pub fn capped(&self) -> &[usize] {
        &self.capped
    }

    /// Rounds of the algorithm (at most `n + 1`: each round but the last caps a new name).
    ///
    /// See [`water_fill`] for an example.
    pub fn iterations(&self) -> usize {
        self.iterations
    }
}

fn check_slice(name: &'static str, values: &[f64]) -> Result<(), WeightingError> {
    match values
        .iter()
        .enumerate()
        .find(|(_, &v)| !(v.is_finite() && v >= 0.0))
    {
        Some((index, &value)) => Err(WeightingError::InvalidInput {
            name,
            index,
            value,
            expected: "a finite number >= 0",
        }),
        None => Ok(()),
    }
}

/// Water-filling: scales `weights` by one adjustment factor so that they add up to `target`,
/// with no name above its cap.
///
/// # Formula
///
/// `w*_i = min(C_i, AF·w_i)`, with `AF` such that `Σ w*_i = target` (Nasdaq, *Index Weight
/// Calculations*). Computed by
/// 1. `AF = (target − Σ caps of the names already capped) / Σ w of the uncapped names`;
/// 2. fix at its cap every uncapped name with `AF·w_i > C_i`;
/// 3. repeat until no new name is capped.
///
/// `AF` only grows from round to round, so a capped name stays capped, and each round but
/// the last caps at least one name: at most `n + 1` rounds. The result equals "cap, then
/// redistribute the excess pro rata, repeatedly". Weak rank order is preserved when the caps
/// are equal.
///
/// # Magnitudes
///
/// When the free weights add up beyond `f64::MAX` or below `1e-150`, a round divides them
/// by the largest of them before adding them up, so any finite weights work: raw market caps of `1e308` (whose sum would overflow) or of
/// `1e-300` give the same result as their ratios. A weight more than about `1e308` times
/// smaller than the largest free weight rounds to a ratio of 0. The adjustment factor is
/// reported in the unit of `weights` and saturates at `f64::MAX` (weights below ~1e-308).
///
/// # Parameters
///
/// - `weights`: finite, `>= 0`, any scale (only ratios matter);
/// - `caps`: one per weight, finite, `>= 0`;
/// - `target`: finite, `>= 0`.
///
/// # Errors
///
/// [`WeightingError::InvalidInput`] for an unusable value or slices of different lengths;
/// [`WeightingError::Infeasible`] when the caps of the names with a positive weight add up
/// to less than `target`.
///
/// # Example
///
/// ```
/// use ta_stream::index::capping::water_fill;
///
/// // 50/30/20 with a 40% cap: 10 points move to the others pro rata (AF = 0.6/0.5).
/// let fill = water_fill(&[0.5, 0.3, 0.2], &[0.4; 3], 1.0)?;
/// let w = fill.weights();
/// assert!((w[0] - 0.40).abs() < 1e-15 && (w[1] - 0.36).abs() < 1e-15 && (w[2] - 0.24).abs() < 1e-15);
/// assert_eq!(fill.capped(), [0]);
/// assert!((fill.adjustment_factor() - 1.2).abs() < 1e-15);
/// assert_eq!(fill.iterations(), 2);
/// assert_eq!(fill.clone().into_weights().len(), 3);
///
/// // Three names capped at 30% cannot make 100%.
/// assert!(water_fill(&[0.5, 0.3, 0.2], &[0.3; 3], 1.0).is_err());
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
///
/// # Links
///
/// Nasdaq Index Weight Calculations,
/// <https://indexes.nasdaqomx.com/docs/Nasdaq_Index_Weight_Calculations.pdf>.
pub fn water_fill(weights: &[f64], caps: &[f64], target: f64) -> Result<WaterFill, WeightingError> {
    if weights.len() != caps.len() {
        return Err(WeightingError::InvalidInput {
            name: "length",
            index: caps.len(),
            value: weights.len() as f64,
            expected: "as many caps as weights",
        });
    }
    check_slice("weight", weights)?;
    check_slice("cap", caps)?;
    if !(target.is_finite() && target >= 0.0) {
        return Err(WeightingError::InvalidInput {
            name: "target",
            index: 0,
            value: target,
            expected: "a finite number >= 0",
        });
    }
    let reachable: f64 = weights
        .iter()
        .zip(caps)
        .filter(|(&w, _)| w > 0.0)
        .map(|(_, &c)| c)
        .sum();
    if reachable < target * (1.0 - SLACK) {
        return Err(WeightingError::Infeasible {
            constraint: "cap",
            names: weights.iter().filter(|&&w| w > 0.0).count(),
            cap: weights
                .iter()
                .zip(caps)
                .filter(|(&w, _)| w > 0.0)
                .map(|(_, &c)| c)
                .fold(0.0, f64::max),
            target,
        });
    }
    let mut is_capped = vec![false; weights.len()];
    let mut iterations = 0;
    // Each round adds up the free weights; when that sum overflows or is too small for the
    // factor to stay finite, it works on the free weights divided by the largest of them
    // (`unit`) instead, whose sum is in `1..=n` whatever their magnitude. `scaled_factor`
    // multiplies `w / unit`.
    let (scaled_factor, unit) = loop {
        iterations += 1;
        let mut largest: f64 = 0.0;
        let mut plain = 0.0;
        let mut fixed = 0.0;
        for ((&w, &c), &capped) in weights.iter().zip(caps).zip(&is_capped) {
            if capped {
                fixed += c;
            } else {
                largest = largest.max(w);
                plain += w;
            }
        }
        // The plain sum when it is finite and normal (weights as usual), else the ratios.
        let (unit, free) =
            if plain.is_finite() && plain >= NORMAL_SUM && ((target - fixed) / plain).is_finite() {
                (1.0, plain)
            } else if largest > 0.0 {
                let ratios: f64 = weights
                    .iter()
                    .zip(&is_capped)
                    .filter(|(_, &capped)| !capped)
                    .map(|(&w, _)| w / largest)
                    .sum();
                (largest, ratios)
            } else {
                (0.0, 0.0)
            };
        let scaled_factor = if free > 0.0 {
            ((target - fixed) / free).max(0.0)
        } else {
            0.0
        };
        let mut newly = false;
        for ((&w, &c), capped) in weights.iter().zip(caps).zip(is_capped.iter_mut()) {
            if !*capped && unit > 0.0 && scaled_factor * (w / unit) > c {
                *capped = true;
                newly = true;
            }
        }
        if !newly || iterations > weights.len() {
            break (scaled_factor, unit);
        }
    };
    let adjustment_factor = if unit > 0.0 {
        (scaled_factor / unit).min(f64::MAX)
    } else {
        0.0
    };
    let weights = weights
        .iter()
        .zip(caps)
        .zip(&is_capped)
        .map(|((&w, &c), &capped)| {
            if capped {
                c
            } else if unit > 0.0 {
                scaled_factor * (w / unit)
            } else {
                0.0
            }
        })
        .collect();
    let capped = is_capped
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| c.then_some(i))
        .collect();
    Ok(WaterFill {
        weights,
        adjustment_factor,
        capped,
        iterations,
    })
}

/// Caps every name at `cap` and water-fills the rest, so that the weights sum to 1 (the
/// generic iterative cap, e.g. the S&P 500 3% Capped index).
///
/// # Errors
///
/// As [`water_fill`]; in particular [`WeightingError::Infeasible`] when `n·cap < 1`.
///
/// # Example
///
/// ```
/// use ta_stream::index::capping::cap_single;
///
/// let w = cap_single(&[6.0, 2.0, 1.0, 1.0], 0.4)?.into_weights();
/// assert_eq!(w[0], 0.4);
/// assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
/// // A 5% cap needs at least 20 names.
/// assert!(cap_single(&[1.0; 19], 0.05).is_err());
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn cap_single(weights: &[f64], cap: f64) -> Result<WaterFill, WeightingError> {
    if !(cap.is_finite() && cap > 0.0) {
        return Err(WeightingError::InvalidInput {
            name: "cap",
            index: 0,
            value: cap,
            expected: "a finite number > 0",
        });
    }
    water_fill(weights, &vec![cap; weights.len()], 1.0).map_err(|e| match e {
        WeightingError::Infeasible { names, target, .. } => WeightingError::Infeasible {
            constraint: "single-name cap",
            names,
            cap,
            target,
        },
        other => other,
    })
}

/// Result of [`aggregate_cap`]: the new weights, the cohort and its scale factor, the cap
/// given to the other names and the water-filling of the others.
///
/// See [`aggregate_cap`] for an example.
#[derive(Debug, Clone, PartialEq)]
pub struct AggregateCap {
    weights: Vec<f64>,
    cohort: Vec<usize>,
    scale: f64,
    outsider_cap: f64,
    fill: WaterFill,
}

impl AggregateCap {
    /// The new weights, in input order.
    ///
    /// See [`aggregate_cap`] for an example.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// Positions of the cohort (names above the threshold before the stage), ascending.
    ///
    /// See [`aggregate_cap`] for an example.
    pub fn cohort(&self) -> &[usize] {
        &self.cohort
    }

    /// The factor `f = target / Σ_cohort` applied to every cohort member.
    ///
    /// See [`aggregate_cap`] for an example.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The cap of every other name: `min(outsider cap, smallest scaled cohort weight)`.
    ///
    /// See [`aggregate_cap`] for an example.
    pub fn outsider_cap(&self) -> f64 {
        self.outsider_cap
    }

    /// The water-filling of the other names (positions relative to the list of
    /// non-cohort names, in input order).
    ///
    /// See [`aggregate_cap`] for an example.
    pub fn fill(&self) -> &WaterFill {
        &self.fill
    }
}

/// Aggregate cap with rank preservation: the names above `threshold` (the cohort `K`) are
/// scaled together to `target`; every other name is water-filled to the rest, capped so that
/// it can overtake neither the threshold nor a cohort member.
///
/// # Formula
///
/// `K = {i : w_i > threshold}`, `f = target / Σ_K w`; `w*_i = f·w_i` for `i ∈ K`; the others
/// are [`water_fill`]ed to `Σ w − target` with the cap
/// `c = min(outsider_cap, min_K f·w_i)`.
///
/// The cap `c` is what stops a name just under the threshold from jumping above a cut
/// cohort member (META in the Nasdaq-100 special rebalance of July 2023). Ranks are kept
/// (weakly: names may tie at `c`).
///
/// # Parameters
///
/// - `weights`: finite, `>= 0` (normally summing to 1);
/// - `threshold`: names strictly above it form the cohort;
/// - `target`: the cohort's total afterwards;
/// - `outsider_cap`: the largest weight any other name may reach (the threshold itself in
///   the Nasdaq-100 method).
///
/// # Errors
///
/// [`WeightingError::InvalidInput`] for an unusable value or weights whose sum overflows;
/// [`WeightingError::Infeasible`] when the others cannot absorb `Σ w − target` under `c`.
///
/// # Example
///
/// ```
/// use ta_stream::index::capping::aggregate_cap;
///
/// // Nasdaq-100 stage 2 on 5 big names (10% each) and 25 small ones (2% each).
/// let mut w = vec![0.10; 5];
/// w.extend([0.02; 25]);
/// let stage = aggregate_cap(&w, 0.045, 0.40, 0.045)?;
/// assert_eq!(stage.cohort(), [0, 1, 2, 3, 4]);
/// assert!((stage.scale() - 0.8).abs() < 1e-15);
/// assert_eq!(stage.outsider_cap(), 0.045);
/// assert!((stage.weights()[0] - 0.08).abs() < 1e-15);
/// assert!((stage.weights()[5] - 0.024).abs() < 1e-15); // 0.60 / 25
/// assert!(stage.fill().capped().is_empty());
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn aggregate_cap(
    weights: &[f64],
    threshold: f64,
    target: f64,
    outsider_cap: f64,
) -> Result<AggregateCap, WeightingError> {
    check_slice("weight", weights)?;
    for (name, value) in [
        ("threshold", threshold),
        ("target", target),
        ("cap", outsider_cap),
    ] {
        if !(value.is_finite() && value >= 0.0) {
            return Err(WeightingError::InvalidInput {
                name,
                index: 0,
                value,
                expected: "a finite number >= 0",
            });
        }
    }
    let total: f64 = weights.iter().sum();
    if !total.is_finite() {
        return Err(WeightingError::InvalidInput {
            name: "weight",
            index: 0,
            value: total,
            expected: "weights whose sum is finite (weights, normally summing to 1)",
        });
    }
    let cohort: Vec<usize> = weights
        .iter()
        .enumerate()
        .filter_map(|(i, &w)| (w > threshold).then_some(i))
        .collect();
    scale_cohort(weights, cohort, target, outsider_cap)
}

/// Scales the `cohort` (ascending positions) to `target` and water-fills the other names
/// to the rest, each capped at `min(outsider_cap, smallest scaled cohort weight)`.
pub(crate) fn scale_cohort(
    weights: &[f64],
    cohort: Vec<usize>,
    target: f64,
    outsider_cap: f64,
) -> Result<AggregateCap, WeightingError> {
    let total: f64 = weights.iter().sum();
    let cohort_sum: f64 = cohort.iter().filter_map(|&i| weights.get(i)).sum();
    let scale = if cohort_sum > 0.0 {
        target / cohort_sum
    } else {
        1.0
    };
    let smallest_member = cohort
        .iter()
        .filter_map(|&i| weights.get(i))
        .fold(f64::INFINITY, |m, &w| m.min(scale * w));
    let cap = outsider_cap.min(smallest_member);
    let outsiders: Vec<f64> = weights
        .iter()
        .enumerate()
        .filter(|(i, _)| cohort.binary_search(i).is_err())
        .map(|(_, &w)| w)
        .collect();
    let rest = (total - if cohort.is_empty() { 0.0 } else { target }).max(0.0);
    let fill = water_fill(&outsiders, &vec![cap; outsiders.len()], rest).map_err(|e| match e {
        WeightingError::Infeasible { names, target, .. } => WeightingError::Infeasible {
            constraint: "aggregate cap",
            names,
            cap,
            target,
        },
        other => other,
    })?;
    let mut filled = fill.weights().iter();
    let new_weights = weights
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            if cohort.binary_search(&i).is_ok() {
                scale * w
            } else {
                filled.next().copied().unwrap_or(0.0)
            }
        })
        .collect();
    Ok(AggregateCap {
        weights: new_weights,
        cohort,
        scale,
        outsider_cap: cap,
        fill,
    })
}

/// Positions of the names that are not in `cohort` (ascending), in input order.
pub(crate) fn outsiders(n: usize, cohort: &[usize]) -> Vec<usize> {
    (0..n)
        .filter(|i| cohort.binary_search(i).is_err())
        .collect()
}

/// The level a stage applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Level {
    /// Company weights (share classes added up).
    Company,
    /// Security (share-class) weights.
    Security,
}

/// A capping stage of a weighting method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Stage {
    /// A single-name cap (NDX company 24% → 20%, December security 15% → 14%, Select
    /// Sector 24% → 23%, UCITS 9%).
    SingleName,
    /// An aggregate cap on the large names (NDX 48% → 40%, December top 5 40% → 38.5%,
    /// Select Sector 50% → 45%, UCITS 36%).
    Aggregate,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::SingleName => "single-name cap",
            Self::Aggregate => "aggregate cap",
        })
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Company => "company",
            Self::Security => "security",
        })
    }
}

/// One stage that triggered: what it saw, what it did.
///
/// ```
/// # use ta_stream::index::{nasdaq100, Security, Universe, Level, Stage};
/// let mut rows = vec![Security::new("BIG", 30.0)];
/// rows.extend((0..40).map(|i| Security::new(format!("S{i:02}"), 1.75)));
/// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
/// let stage = &weighting.report().stages()[0];
/// assert_eq!((stage.level(), stage.stage(), stage.round()), (Level::Company, Stage::SingleName, 1));
/// assert!((stage.observed() - 0.30).abs() < 1e-12); // BIG had 30% > 24%
/// assert_eq!(stage.capped(), ["BIG"]);
/// assert!(stage.scale().is_none());
/// assert!(stage.adjustment_factor() > 1.0);
/// assert_eq!(stage.iterations(), 2);
/// assert!(stage.cohort().is_empty());
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StageReport {
    pub(crate) level: Level,
    pub(crate) stage: Stage,
    pub(crate) round: usize,
    pub(crate) observed: f64,
    pub(crate) cohort: Vec<String>,
    pub(crate) scale: Option<f64>,
    pub(crate) adjustment_factor: f64,
    pub(crate) capped: Vec<String>,
    pub(crate) iterations: usize,
}

impl StageReport {
    /// Company or security level.
    ///
    /// See [`StageReport`] for an example.
    pub fn level(&self) -> Level {
        self.level
    }

    /// Which stage.
    ///
    /// See [`StageReport`] for an example.
    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// The round (1-based) of the method's loop in which the stage ran.
    ///
    /// See [`StageReport`] for an example.
    pub fn round(&self) -> usize {
        self.round
    }

    /// What triggered the stage: the largest weight (single-name stages) or the aggregate
    /// weight of the large names (aggregate stages), before the stage.
    ///
    /// See [`StageReport`] for an example.
    pub fn observed(&self) -> f64 {
        self.observed
    }

    /// The names scaled together by an aggregate stage (empty for single-name stages).
    ///
    /// See [`StageReport`] for an example.
    pub fn cohort(&self) -> &[String] {
        &self.cohort
    }

    /// The factor applied to the cohort (aggregate stages).
    ///
    /// See [`StageReport`] for an example.
    pub fn scale(&self) -> Option<f64> {
        self.scale
    }

    /// The water-filling adjustment factor `AF` of the uncapped names.
    ///
    /// See [`StageReport`] for an example.
    pub fn adjustment_factor(&self) -> f64 {
        self.adjustment_factor
    }

    /// The names fixed at a cap by the water-filling, in ticker / id order.
    ///
    /// See [`StageReport`] for an example.
    pub fn capped(&self) -> &[String] {
        &self.capped
    }

    /// Rounds of the water-filling.
    ///
    /// See [`StageReport`] for an example.
    pub fn iterations(&self) -> usize {
        self.iterations
    }
}

/// The weighting methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Method {
    /// Nasdaq-100 quarterly rebalance (company level only).
    Nasdaq100Quarterly,
    /// Nasdaq-100 annual reconstitution in December (company, then security level).
    Nasdaq100Annual,
    /// S&P Select Sector rule in force since 2024-09-20.
    SelectSector2024,
    /// UCITS 10/40 approximation with buffers 9 / 4.5 / 36.
    Ucits1040,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Nasdaq100Quarterly => "Nasdaq-100 quarterly",
            Self::Nasdaq100Annual => "Nasdaq-100 annual (December)",
            Self::SelectSector2024 => "S&P Select Sector (2024 rule)",
            Self::Ucits1040 => "UCITS 10/40 (9/4.5/36)",
        })
    }
}

/// The audit trail of a weighting: the method, the stages that triggered in order, the
/// rounds of the method's loop, and the double counts the universe resolved.
///
/// ```
/// # use ta_stream::index::{nasdaq100, Method, Security, Universe, Stage};
/// let rows: Vec<_> = (0..30).map(|i| Security::new(format!("S{i:02}"), 1.0 + i as f64 / 100.0)).collect();
/// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
/// let report = weighting.report();
/// assert_eq!(report.method(), Method::Nasdaq100Quarterly);
/// assert!(report.stages().is_empty()); // already compliant
/// assert!(!report.triggered(Stage::Aggregate));
/// assert_eq!(report.rounds(), 1);
/// assert!(report.double_counts().is_empty());
/// assert!(report.suspected_double_counts().is_empty());
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct WeightingReport {
    pub(crate) method: Method,
    pub(crate) stages: Vec<StageReport>,
    pub(crate) rounds: usize,
    pub(crate) double_counts: Vec<super::DoubleCount>,
    /// Absent from reports serialized before it existed: empty.
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) suspected_double_counts: Vec<(String, String)>,
}

impl WeightingReport {
    /// The method.
    ///
    /// See [`WeightingReport`] for an example.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The stages that triggered, in the order they ran.
    ///
    /// See [`WeightingReport`] for an example.
    pub fn stages(&self) -> &[StageReport] {
        &self.stages
    }

    /// `true` when `stage` triggered at any level.
    ///
    /// See [`WeightingReport`] for an example.
    pub fn triggered(&self, stage: Stage) -> bool {
        self.stages.iter().any(|s| s.stage == stage)
    }

    /// Rounds of the method's loop, over all levels (a compliant universe takes 1 per
    /// level: the check).
    ///
    /// See [`WeightingReport`] for an example.
    pub fn rounds(&self) -> usize {
        self.rounds
    }

    /// Companies counted once by
    /// [`DoubleCountPolicy::CompanyTotal`](super::DoubleCountPolicy::CompanyTotal).
    ///
    /// See [`WeightingReport`] for an example.
    pub fn double_counts(&self) -> &[super::DoubleCount] {
        &self.double_counts
    }

    /// Pairs of securities of *different* companies that quote the same market cap (see
    /// [`Universe::suspected_double_counts`](super::Universe::suspected_double_counts)):
    /// probably share classes of one company that were not grouped, each carrying the
    /// whole company's market cap, so that the company is counted twice in these weights.
    /// A warning: group them with
    /// [`Security::with_company`](super::Security::with_company) when they are one company.
    ///
    /// ```
    /// # use ta_stream::index::{nasdaq100, Security, Universe};
    /// let mut rows = vec![Security::new("GOOG", 1.89e12), Security::new("GOOGL", 1.89e12)];
    /// rows.extend((0..40).map(|i| Security::new(format!("S{i:02}"), 1e11 + i as f64 * 1e9)));
    /// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
    /// assert_eq!(
    ///     weighting.report().suspected_double_counts(),
    ///     [("GOOG".to_string(), "GOOGL".to_string())]
    /// );
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn suspected_double_counts(&self) -> &[(String, String)] {
        &self.suspected_double_counts
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] WaterFill, f64;
    tolerant: weights, adjustment_factor; exact: capped, iterations);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] AggregateCap, f64;
    tolerant: weights, scale, outsider_cap, fill; exact: cohort);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] StageReport, f64;
    tolerant: observed, scale, adjustment_factor;
    exact: level, stage, round, cohort, capped, iterations);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] WeightingReport, f64;
    tolerant: stages, double_counts; exact: method, rounds, suspected_double_counts);

#[cfg(all(test, feature = "approx"))]
mod approx_tests {
    use super::*;
    use crate::approx_eq::check_fields;

    #[test]
    fn aggregate_cap_compares_every_field() {
        let base = AggregateCap {
            weights: vec![0.3, 0.45, 0.25],
            cohort: vec![0, 1],
            scale: 0.9,
            outsider_cap: 0.045,
            fill: WaterFill {
                weights: vec![0.25],
                adjustment_factor: 1.2,
                capped: vec![0],
                iterations: 2,
            },
        };
        check_fields(
            &base,
            &[
                |v| &mut v.weights[0],
                |v| &mut v.weights[1],
                |v| &mut v.weights[2],
                |v| &mut v.scale,
                |v| &mut v.outsider_cap,
                |v| &mut v.fill.weights[0],
                |v| &mut v.fill.adjustment_factor,
            ],
            &[
                |v| {
                    v.weights.pop();
                },
                |v| v.cohort[1] = 2,
                |v| {
                    v.cohort.pop();
                },
                |v| v.fill.capped.clear(),
                |v| v.fill.iterations = 3,
            ],
        );
    }
}
