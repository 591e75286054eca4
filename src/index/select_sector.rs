//! S&P Select Sector capping (XLK, XLF, ...), the rule in force since 2024-09-20.
//!
//! # Formula
//!
//! On company weights, repeated until both hold:
//! 1. if a company weighs more than [`SINGLE_TRIGGER`] (24%), every company is capped at
//!    [`SINGLE_CAP`] (23%) and the excess water-filled over the rest;
//! 2. if the companies above [`LARGE_THRESHOLD`] (4.8%) weigh more than
//!    [`AGGREGATE_TRIGGER`] (50%) together, each of them is set to
//!    `max(45% · w_i / Σ_cohort, 4.5%)`; the weight freed goes to the companies whose weight
//!    before the stage is below 4.8%, water-filled with a cap of 4.5% each (a recipient
//!    already between 4.5% and 4.8% keeps its weight).
//!
//! The "keeps its weight" reading for recipients between 4.5% and 4.8% is an
//! interpretation: the consultation summary only says recipients are capped at 4.5%.
//! Company weights are split back to share classes pro rata.
//!
//! # Links
//!
//! S&P DJI, *Select Sector Constituent Weighting Consultation Results* (2024-09-03); the
//! legacy rule (2018-03-08 to 2024-09-19: companies above 24% capped at 23%, then the smallest
//! company above 4.8% that breaks the 50% aggregate cut to 4.5%, repeated) caused "flip-flops"
//! such as June 2024's, when AAPL (about 22%) was cut to 4.5% while NVDA rose to about 21%
//! (S&P DJI, *S&P U.S. Indices Methodology*, appendix on the Select Sector capping; S&P DJI
//! capping analysis of 2024-08-08).

use super::capping::{cap_single, water_fill, Level, Method, Stage, StageReport, WeightingReport};
use super::weighting::{
    max_weight, not_converged, round_limit, split_to_securities, stage_from_fill, sum_above,
};
use super::{Universe, Weighting, WeightingError};

/// Company weight above which stage 1 triggers: 24% (strictly above).
pub const SINGLE_TRIGGER: f64 = 0.24;
/// Company cap applied by stage 1: 23%.
pub const SINGLE_CAP: f64 = 0.23;
/// Weight above which a company is "large" for stage 2: 4.8% (strictly above).
pub const LARGE_THRESHOLD: f64 = 0.048;
/// Aggregate weight of the large companies above which stage 2 triggers: 50%.
pub const AGGREGATE_TRIGGER: f64 = 0.50;
/// Aggregate weight the large companies are scaled to: 45%.
pub const AGGREGATE_TARGET: f64 = 0.45;
/// Floor of a large company, and cap of a recipient: 4.5%.
pub const FLOOR: f64 = 0.045;

/// Select Sector weights under the 2024 rule.
///
/// # Errors
///
/// [`WeightingError::Infeasible`] when the universe is too small for the constraints (fewer
/// than 5 companies when stage 1 triggers; too few small companies to absorb the freed
/// weight under 4.5% each when stage 2 triggers).
///
/// # Example
///
/// ```
/// use ta_stream::index::{select_sector, Security, Universe};
///
/// // Two giants at 22% and 20% and a third at 10% (52% > 50%), 48 small names at 1%.
/// let mut rows = vec![Security::new("AAPL", 22.0), Security::new("MSFT", 20.0), Security::new("NVDA", 10.0)];
/// rows.extend((0..48).map(|i| Security::new(format!("S{i:02}"), 1.0)));
/// let weighting = select_sector::weights(&Universe::new(rows)?)?;
/// let w = |t| weighting.weight(t).unwrap();
/// assert!((w("AAPL") - 0.45 * 22.0 / 52.0).abs() < 1e-12); // no flip-flop: AAPL stays first
/// assert!((w("NVDA") - 0.45 * 10.0 / 52.0).abs() < 1e-12);
/// assert!((w("S00") - 0.55 / 48.0).abs() < 1e-12);
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
pub fn weights(universe: &Universe) -> Result<Weighting, WeightingError> {
    let names: Vec<&str> = universe.companies().iter().map(|c| c.id()).collect();
    let mut weights = universe.company_weights();
    let mut stages = Vec::new();
    let limit = round_limit(weights.len());
    let mut round = 0;
    loop {
        round += 1;
        if round > limit {
            return Err(not_converged(limit));
        }
        let mut changed = false;
        let largest = max_weight(&weights);
        if largest > SINGLE_TRIGGER {
            let fill = cap_single(&weights, SINGLE_CAP)?;
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
        if large > AGGREGATE_TRIGGER {
            let (next, stage) = aggregate_stage(&weights, large, round, &names)?;
            stages.push(stage);
            weights = next;
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let report = WeightingReport {
        method: Method::SelectSector2024,
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

fn aggregate_stage(
    weights: &[f64],
    large: f64,
    round: usize,
    names: &[&str],
) -> Result<(Vec<f64>, StageReport), WeightingError> {
    let mut next = weights.to_vec();
    let mut freed = 0.0;
    let mut cohort = Vec::new();
    let mut recipients = Vec::new();
    for (i, (slot, &w)) in next.iter_mut().zip(weights).enumerate() {
        if w > LARGE_THRESHOLD {
            let new = (AGGREGATE_TARGET * w / large).max(FLOOR);
            freed += w - new;
            *slot = new;
            cohort.push(i);
        } else if w < LARGE_THRESHOLD {
            recipients.push(i);
        }
    }
    let base: Vec<f64> = recipients
        .iter()
        .filter_map(|&i| weights.get(i).copied())
        .collect();
    let caps: Vec<f64> = base.iter().map(|&w| w.max(FLOOR)).collect();
    let target = base.iter().sum::<f64>() + freed.max(0.0);
    let fill = water_fill(&base, &caps, target).map_err(|e| match e {
        WeightingError::Infeasible { names, target, .. } => WeightingError::Infeasible {
            constraint: "Select Sector aggregate cap",
            names,
            cap: FLOOR,
            target,
        },
        other => other,
    })?;
    for (&i, &w) in recipients.iter().zip(fill.weights()) {
        if let Some(slot) = next.get_mut(i) {
            *slot = w;
        }
    }
    let name = |i: usize| names.get(i).map(|s| (*s).to_owned());
    let stage = StageReport {
        level: Level::Company,
        stage: Stage::Aggregate,
        round,
        observed: large,
        cohort: cohort.iter().filter_map(|&i| name(i)).collect(),
        scale: Some(AGGREGATE_TARGET / large),
        adjustment_factor: fill.adjustment_factor(),
        capped: fill
            .capped()
            .iter()
            .filter_map(|&j| recipients.get(j).and_then(|&i| name(i)))
            .collect(),
        iterations: fill.iterations(),
    };
    Ok((next, stage))
}
