//! UCITS 10/40 capping: an implementable approximation of MSCI 10/40 with the buffered
//! targets 9% / 4.5% / 36%.
//!
//! # Formula
//!
//! UCITS limits a fund to 10% per issuer, and to 40% for the issuers above 5% together. The
//! buffered rule ("36-9-4.5", also used by Nasdaq OMX Nordic), on company weights:
//! 1. cap every company at [`SINGLE_CAP`] (9%), water-filling the rest;
//! 2. while the companies above [`LARGE_THRESHOLD`] (4.5%) weigh more than
//!    [`AGGREGATE_LIMIT`] (36%) together, fix the smallest of them at 4.5%;
//! 3. re-water-fill from the uncapped weights: the companies still counted as large are
//!    capped at 9%, the others at 4.5% (so that none of them becomes large), the fixed ones
//!    stay at 4.5%; then go back to 2.
//!
//! Every loop fixes one more company, so the loop ends after at most `n` rounds. The result
//! satisfies 10/40 with margin: no company above 9%, the companies above 4.5% at most 36%.
//!
//! MSCI's own method searches "capping combinations (pivots)" for a low tracking-error
//! solution; its exact steps were not available, so results can differ from MSCI's
//! published weights.
//!
//! # Links
//!
//! *MSCI 10/40 Indexes Methodology* (February 2013), section 2.

use super::capping::{cap_single, water_fill, Level, Method, Stage, StageReport, WeightingReport};
use super::weighting::{
    not_converged, round_limit, split_to_securities, stage_from_fill, sum_above,
};
use super::{Universe, Weighting, WeightingError};

/// Cap of a company: 9% (buffered 10%).
pub const SINGLE_CAP: f64 = 0.09;
/// Weight above which a company is "large": 4.5% (buffered 5%).
pub const LARGE_THRESHOLD: f64 = 0.045;
/// Limit on the aggregate weight of the large companies: 36% (buffered 40%).
pub const AGGREGATE_LIMIT: f64 = 0.36;

/// UCITS 10/40 weights (9 / 4.5 / 36 approximation).
///
/// # Errors
///
/// [`WeightingError::Infeasible`] with fewer than 12 companies (12 × 9% ≥ 100%), or when
/// the small companies cannot carry the rest under 4.5% each.
///
/// # Example
///
/// ```
/// use ta_stream::index::{ucits, Security, Universe};
///
/// let mut rows: Vec<_> = (0..6).map(|i| Security::new(format!("B{i}"), 10.0)).collect();
/// rows.extend((0..40).map(|i| Security::new(format!("S{i:02}"), 1.0)));
/// let weighting = ucits::weights(&Universe::new(rows)?)?;
/// let large: f64 = weighting.companies().iter().map(|c| c.weight()).filter(|&w| w > 0.045).sum();
/// assert!(large <= 0.36 + 1e-12);
/// assert!(weighting.companies().iter().all(|c| c.weight() <= 0.09 + 1e-12));
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn weights(universe: &Universe) -> Result<Weighting, WeightingError> {
    let names: Vec<&str> = universe.companies().iter().map(|c| c.id()).collect();
    let initial = universe.company_weights();
    let mut stages: Vec<StageReport> = Vec::new();
    let largest = initial.iter().copied().fold(0.0, f64::max);
    let mut weights = if largest > SINGLE_CAP {
        let fill = cap_single(&initial, SINGLE_CAP)?;
        stages.push(stage_from_fill(
            Level::Company,
            Stage::SingleName,
            1,
            largest,
            &fill,
            &names,
        ));
        fill.into_weights()
    } else {
        initial.clone()
    };
    // Large companies after step 1, by position; `fixed` marks those set to 4.5%.
    let large: Vec<bool> = weights.iter().map(|&w| w > LARGE_THRESHOLD).collect();
    let mut fixed = vec![false; weights.len()];
    let limit = round_limit(weights.len());
    let mut round = 1;
    loop {
        let aggregate = sum_above(&weights, LARGE_THRESHOLD);
        // A relative 1e-12 of slack: four names capped at exactly 9% must count as 36%.
        if aggregate <= AGGREGATE_LIMIT * (1.0 + 1e-12) {
            break;
        }
        round += 1;
        if round > limit {
            return Err(not_converged(limit));
        }
        // The smallest company still above the threshold (ties: the later id).
        let smallest = weights
            .iter()
            .enumerate()
            .filter(|&(i, &w)| w > LARGE_THRESHOLD && !fixed.get(i).copied().unwrap_or(true))
            .min_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i);
        let Some(smallest) = smallest else {
            return Err(not_converged(round));
        };
        if let Some(slot) = fixed.get_mut(smallest) {
            *slot = true;
        }
        let free: Vec<usize> = (0..weights.len())
            .filter(|&i| !fixed.get(i).copied().unwrap_or(true))
            .collect();
        let base: Vec<f64> = free
            .iter()
            .filter_map(|&i| initial.get(i).copied())
            .collect();
        let caps: Vec<f64> = free
            .iter()
            .map(|&i| {
                if large.get(i).copied().unwrap_or(false) {
                    SINGLE_CAP
                } else {
                    LARGE_THRESHOLD
                }
            })
            .collect();
        let fixed_count = fixed.iter().filter(|&&f| f).count();
        let target = 1.0 - LARGE_THRESHOLD * fixed_count as f64;
        let fill = water_fill(&base, &caps, target).map_err(|e| match e {
            WeightingError::Infeasible { names, target, .. } => WeightingError::Infeasible {
                constraint: "UCITS 36% aggregate limit",
                names,
                cap: SINGLE_CAP,
                target,
            },
            other => other,
        })?;
        let mut next: Vec<f64> = fixed
            .iter()
            .map(|&f| if f { LARGE_THRESHOLD } else { 0.0 })
            .collect();
        for (&i, &w) in free.iter().zip(fill.weights()) {
            if let Some(slot) = next.get_mut(i) {
                *slot = w;
            }
        }
        let name = |i: usize| names.get(i).map(|s| (*s).to_owned());
        stages.push(StageReport {
            level: Level::Company,
            stage: Stage::Aggregate,
            round,
            observed: aggregate,
            cohort: name(smallest).into_iter().collect(),
            scale: None,
            adjustment_factor: fill.adjustment_factor(),
            capped: fill
                .capped()
                .iter()
                .filter_map(|&j| free.get(j).and_then(|&i| name(i)))
                .collect(),
            iterations: fill.iterations(),
        });
        weights = next;
    }
    let report = WeightingReport {
        method: Method::Ucits1040,
        stages,
        rounds: round,
        double_counts: universe.double_counts().to_vec(),
        suspected_double_counts: universe.suspected_double_counts(),
    };
    let securities = split_to_securities(universe, &weights);
    Ok(Weighting::from_security_weights(
        universe,
        &securities,
        Some(&weights),
        report,
    ))
}
