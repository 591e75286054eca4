//! The Nasdaq-100 (NDX) modified market-cap weighting: the quarterly method (company level)
//! and the annual December method (company level, then security level).
//!
//! # Company level (every rebalance)
//!
//! Share classes are added up into companies (see [`Universe`]), then, repeated until both
//! hold:
//! 1. if a company weighs more than [`COMPANY_TRIGGER`] (24%), every company is capped at
//!    [`COMPANY_CAP`] (20%) and the excess water-filled over the rest;
//! 2. if the companies above [`LARGE_THRESHOLD`] (4.5%) weigh [`AGGREGATE_TRIGGER`] (48%)
//!    **or more** together, that cohort `K` is scaled by `f = 40% / Σ_K`, and the other
//!    companies are water-filled to 60%, each capped at `min(4.5%, min_K f·w)` so that none
//!    overtakes a cut member (rank preservation).
//!
//! Company weights are then split back to their securities pro rata.
//!
//! # Security level (December only)
//!
//! Then, repeated until both hold (the company level is **not** revisited):
//! 1. if a security weighs more than [`SECURITY_TRIGGER`] (15%), every security is capped at
//!    [`SECURITY_CAP`] (14%);
//! 2. if the 5 largest securities weigh [`TOP5_TRIGGER`] (40%) or more, they are scaled to
//!    [`TOP5_TARGET`] (38.5%) and every other security is capped at
//!    `min(4.4%, the 5th largest weight)`.
//!
//! The 5 largest are ranked by weight, ties broken by ticker. The "or more" tests count a
//! sum within a relative 1e-12 below the threshold as reaching it (a company-level cohort of
//! 5 companies scaled to 40% makes the top 5 securities weigh 40% up to rounding).
//!
//! # Links
//!
//! Nasdaq-100 Index Methodology, <https://indexes.nasdaqomx.com/docs/Methodology_NDX.pdf>
//! pp. 7–9; Nasdaq Index Weight Calculations,
//! <https://indexes.nasdaqomx.com/docs/Nasdaq_Index_Weight_Calculations.pdf>.

use super::capping::{
    aggregate_cap, cap_single, outsiders, scale_cohort, AggregateCap, Level, Method, Stage,
    StageReport, WeightingReport,
};
use super::weighting::{
    max_weight, not_converged, round_limit, split_to_securities, stage_from_fill, sum_above,
};
use super::{Universe, Weighting, WeightingError};

/// Company weight above which stage 1 triggers: 24% (strictly above).
pub const COMPANY_TRIGGER: f64 = 0.24;
/// Company cap applied by stage 1: 20%.
pub const COMPANY_CAP: f64 = 0.20;
/// Weight above which a company is "large" for stage 2: 4.5% (strictly above).
pub const LARGE_THRESHOLD: f64 = 0.045;
/// Aggregate weight of the large companies at which stage 2 triggers at a scheduled
/// rebalance: 48% (48% or more; the special-rebalance test is strictly above, see
/// [`SpecialRebalanceMonitor`](super::SpecialRebalanceMonitor)).
pub const AGGREGATE_TRIGGER: f64 = 0.48;
/// Aggregate weight the large companies are scaled to by stage 2: 40%.
pub const AGGREGATE_TARGET: f64 = 0.40;
/// December: security weight above which security stage 1 triggers: 15%.
pub const SECURITY_TRIGGER: f64 = 0.15;
/// December: security cap applied by security stage 1: 14%.
pub const SECURITY_CAP: f64 = 0.14;
/// December: weight of the 5 largest securities at which security stage 2 triggers: 40%
/// (or more).
pub const TOP5_TRIGGER: f64 = 0.40;
/// December: weight the 5 largest securities are scaled to: 38.5%.
pub const TOP5_TARGET: f64 = 0.385;
/// December: cap of every security outside the 5 largest: 4.4% (or the 5th largest weight
/// when smaller).
pub const OTHER_SECURITY_CAP: f64 = 0.044;

/// The quarterly (March, June, September) method: company-level constraints only.
///
/// # Errors
///
/// [`WeightingError::Infeasible`] when the universe is too small for the constraints (fewer
/// than 5 companies when stage 1 triggers; too few small companies to carry 60% under
/// the 4.5% cap when stage 2 triggers).
///
/// # Example
///
/// ```
/// use ta_stream::index::{nasdaq100, Security, Stage, Universe};
///
/// // One company at 30% of the total: stage 1 cuts it to 20%.
/// let mut rows = vec![Security::new("BIG", 30.0)];
/// rows.extend((0..70).map(|i| Security::new(format!("S{i:02}"), 1.0)));
/// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
/// assert!((weighting.weight("BIG").unwrap() - 0.20).abs() < 1e-12);
/// assert!((weighting.weight("S00").unwrap() - 0.80 / 70.0).abs() < 1e-12);
/// assert!(weighting.report().triggered(Stage::SingleName));
/// assert!(!weighting.report().triggered(Stage::Aggregate));
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn quarterly(universe: &Universe) -> Result<Weighting, WeightingError> {
    let mut stages = Vec::new();
    let (company_weights, rounds) = company_level(universe, &mut stages)?;
    let weights = split_to_securities(universe, &company_weights);
    let report = WeightingReport {
        method: Method::Nasdaq100Quarterly,
        stages,
        rounds,
        double_counts: universe.double_counts().to_vec(),
        suspected_double_counts: universe.suspected_double_counts(),
    };
    Ok(Weighting::from_security_weights(
        universe,
        &weights,
        Some(&company_weights),
        report,
    ))
}

/// The annual reconstitution (December) method: the company level as in [`quarterly`],
/// then the security-level constraints.
///
/// # Errors
///
/// As [`quarterly`], and [`WeightingError::Infeasible`] when the securities outside the 5
/// largest cannot carry 61.5% under their cap (fewer than 14 of them).
///
/// # Example
///
/// ```
/// use ta_stream::index::{nasdaq100, Level, Security, Universe};
///
/// // Five companies at 9% each (45% in total: below the 48% company trigger, but the top 5
/// // securities weigh 45% >= 40%), and 55 at 1%.
/// let mut rows: Vec<_> = (0..5).map(|i| Security::new(format!("B{i}"), 9.0)).collect();
/// rows.extend((0..55).map(|i| Security::new(format!("S{i:02}"), 1.0)));
/// let weighting = nasdaq100::annual(&Universe::new(rows)?)?;
/// assert!((weighting.weight("B0").unwrap() - 0.077).abs() < 1e-12); // 38.5% / 5
/// assert!((weighting.weight("S00").unwrap() - 0.615 / 55.0).abs() < 1e-12);
/// assert_eq!(weighting.report().stages()[0].level(), Level::Security);
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn annual(universe: &Universe) -> Result<Weighting, WeightingError> {
    let mut stages = Vec::new();
    let (company_weights, company_rounds) = company_level(universe, &mut stages)?;
    let mut weights = split_to_securities(universe, &company_weights);
    let tickers: Vec<&str> = universe.securities().iter().map(|s| s.ticker()).collect();
    let limit = round_limit(weights.len());
    let mut round = 0;
    loop {
        round += 1;
        if round > limit {
            return Err(not_converged(limit));
        }
        let mut changed = false;
        let largest = max_weight(&weights);
        if largest > SECURITY_TRIGGER {
            let fill = cap_single(&weights, SECURITY_CAP)?;
            stages.push(stage_from_fill(
                Level::Security,
                Stage::SingleName,
                round,
                largest,
                &fill,
                &tickers,
            ));
            weights = fill.into_weights();
            changed = true;
        }
        let top = top_positions(&weights, 5);
        let top_sum: f64 = top.iter().filter_map(|&i| weights.get(i)).sum();
        if at_least(top_sum, TOP5_TRIGGER) {
            let step = scale_cohort(&weights, top, TOP5_TARGET, OTHER_SECURITY_CAP)?;
            stages.push(aggregate_report(
                Level::Security,
                round,
                top_sum,
                &step,
                &tickers,
            ));
            weights = step.weights().to_vec();
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let report = WeightingReport {
        method: Method::Nasdaq100Annual,
        stages,
        rounds: company_rounds.saturating_add(round),
        double_counts: universe.double_counts().to_vec(),
        suspected_double_counts: universe.suspected_double_counts(),
    };
    Ok(Weighting::from_security_weights(
        universe, &weights, None, report,
    ))
}

/// The company-level loop; returns company weights (id order) and the rounds run.
fn company_level(
    universe: &Universe,
    stages: &mut Vec<StageReport>,
) -> Result<(Vec<f64>, usize), WeightingError> {
    let names: Vec<&str> = universe.companies().iter().map(|c| c.id()).collect();
    let mut weights = universe.company_weights();
    let limit = round_limit(weights.len());
    let mut round = 0;
    loop {
        round += 1;
        if round > limit {
            return Err(not_converged(limit));
        }
        let mut changed = false;
        let largest = max_weight(&weights);
        if largest > COMPANY_TRIGGER {
            let fill = cap_single(&weights, COMPANY_CAP)?;
            stages.push(stage_from_fill(
                Level::Company,
                Stage::SingleName,
                round,
                largest,
                &fill,
                &names,
            ));
            weights = fill.into_weights();
            changed = true;
        }
        let large = sum_above(&weights, LARGE_THRESHOLD);
        if at_least(large, AGGREGATE_TRIGGER) {
            let step = aggregate_cap(&weights, LARGE_THRESHOLD, AGGREGATE_TARGET, LARGE_THRESHOLD)?;
            stages.push(aggregate_report(
                Level::Company,
                round,
                large,
                &step,
                &names,
            ));
            weights = step.weights().to_vec();
            changed = true;
        }
        if !changed {
            return Ok((weights, round));
        }
    }
}

/// `value >= threshold`, counting a value within a relative 1e-12 below the threshold as
/// reaching it: a sum that is the threshold in exact arithmetic (five companies scaled to
/// exactly 40% at the company level are the top 5 securities at exactly 40%) must not
/// escape the test by a rounding of the last bit.
fn at_least(value: f64, threshold: f64) -> bool {
    value >= threshold * (1.0 - 1e-12)
}

/// Positions of the `n` largest weights (ties: lower position first), ascending.
pub(crate) fn top_positions(weights: &[f64], n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let (wa, wb) = (
            weights.get(a).copied().unwrap_or(0.0),
            weights.get(b).copied().unwrap_or(0.0),
        );
        wb.total_cmp(&wa).then(a.cmp(&b))
    });
    order.truncate(n);
    order.sort_unstable();
    order
}

/// Records an aggregate stage.
pub(crate) fn aggregate_report(
    level: Level,
    round: usize,
    observed: f64,
    step: &AggregateCap,
    names: &[&str],
) -> StageReport {
    let name = |i: usize| names.get(i).map(|s| (*s).to_owned());
    let others = outsiders(names.len(), step.cohort());
    StageReport {
        level,
        stage: Stage::Aggregate,
        round,
        observed,
        cohort: step.cohort().iter().filter_map(|&i| name(i)).collect(),
        scale: Some(step.scale()),
        adjustment_factor: step.fill().adjustment_factor(),
        capped: step
            .fill()
            .capped()
            .iter()
            .filter_map(|&j| others.get(j).and_then(|&i| name(i)))
            .collect(),
        iterations: step.fill().iterations(),
    }
}
