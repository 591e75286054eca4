//! The result of a weighting method: security and company weights with the audit report.

use super::capping::{Level, Stage, StageReport, WaterFill, WeightingReport};
use super::{Universe, WeightingError};

/// One security's weight before and after capping.
///
/// See [`Weighting`] for an example.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SecurityWeight {
    ticker: String,
    company: String,
    sector: Option<String>,
    initial: f64,
    weight: f64,
}

impl SecurityWeight {
    /// The ticker.
    ///
    /// See [`Weighting`] for an example.
    pub fn ticker(&self) -> &str {
        &self.ticker
    }

    /// The company id.
    ///
    /// See [`Weighting`] for an example.
    pub fn company(&self) -> &str {
        &self.company
    }

    /// The sector, when known.
    ///
    /// See [`Weighting`] for an example.
    pub fn sector(&self) -> Option<&str> {
        self.sector.as_deref()
    }

    /// The uncapped (market-cap) weight.
    ///
    /// See [`Weighting`] for an example.
    pub fn initial(&self) -> f64 {
        self.initial
    }

    /// The capped weight.
    ///
    /// See [`Weighting`] for an example.
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// One company's weight before and after capping (its securities added up).
///
/// See [`Weighting`] for an example.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CompanyWeight {
    company: String,
    initial: f64,
    weight: f64,
}

impl CompanyWeight {
    /// The company id.
    ///
    /// See [`Weighting`] for an example.
    pub fn company(&self) -> &str {
        &self.company
    }

    /// The uncapped (market-cap) weight.
    ///
    /// See [`Weighting`] for an example.
    pub fn initial(&self) -> f64 {
        self.initial
    }

    /// The capped weight.
    ///
    /// See [`Weighting`] for an example.
    pub fn weight(&self) -> f64 {
        self.weight
    }
}

/// Capped weights of a universe: per security (ticker order), per company (id order), and
/// the [`WeightingReport`] saying how they were reached.
///
/// # Example
///
/// ```
/// use ta_stream::index::{nasdaq100, Security, Universe};
///
/// let mut rows = vec![
///     Security::new("GOOGL", 12.0).with_company("Alphabet").with_sector("Communication Services"),
///     Security::new("GOOG", 8.0).with_company("Alphabet").with_sector("Communication Services"),
/// ];
/// rows.extend((0..40).map(|i| Security::new(format!("S{i:02}"), 2.0)));
/// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
///
/// let alphabet = weighting.company("Alphabet").unwrap();
/// assert!((alphabet.initial() - 0.2).abs() < 1e-15); // 20 of 100
/// let googl = weighting.security("GOOGL").unwrap();
/// assert_eq!(googl.company(), "Alphabet");
/// assert_eq!(googl.sector(), Some("Communication Services"));
/// // Split pro rata (12/20) of the company weight.
/// assert!((googl.weight() - 0.6 * alphabet.weight()).abs() < 1e-15);
/// assert_eq!(weighting.weight("GOOGL"), Some(googl.weight()));
/// assert!((googl.initial() - 0.12).abs() < 1e-15);
/// assert_eq!(weighting.securities().len(), 42);
/// assert_eq!(weighting.companies().len(), 41);
/// assert_eq!(weighting.top(1)[0].ticker(), "GOOGL");
/// assert_eq!(weighting.company_weight("Alphabet"), Some(alphabet.weight()));
/// assert!((weighting.total() - 1.0).abs() < 1e-12);
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Weighting {
    securities: Vec<SecurityWeight>,
    companies: Vec<CompanyWeight>,
    report: WeightingReport,
}

impl Weighting {
    /// Security weights, in ticker order.
    ///
    /// See [`Weighting`] for an example.
    pub fn securities(&self) -> &[SecurityWeight] {
        &self.securities
    }

    /// Company weights, in id order.
    ///
    /// See [`Weighting`] for an example.
    pub fn companies(&self) -> &[CompanyWeight] {
        &self.companies
    }

    /// The audit report.
    ///
    /// See [`WeightingReport`] for an example.
    pub fn report(&self) -> &WeightingReport {
        &self.report
    }

    /// A security's entry, by ticker.
    ///
    /// See [`Weighting`] for an example.
    pub fn security(&self, ticker: &str) -> Option<&SecurityWeight> {
        self.securities
            .binary_search_by(|s| s.ticker.as_str().cmp(ticker))
            .ok()
            .and_then(|i| self.securities.get(i))
    }

    /// A company's entry, by id.
    ///
    /// See [`Weighting`] for an example.
    pub fn company(&self, id: &str) -> Option<&CompanyWeight> {
        self.companies
            .binary_search_by(|c| c.company.as_str().cmp(id))
            .ok()
            .and_then(|i| self.companies.get(i))
    }

    /// A security's capped weight, by ticker.
    ///
    /// See [`Weighting`] for an example.
    pub fn weight(&self, ticker: &str) -> Option<f64> {
        self.security(ticker).map(|s| s.weight)
    }

    /// A company's capped weight, by id.
    ///
    /// See [`Weighting`] for an example.
    pub fn company_weight(&self, id: &str) -> Option<f64> {
        self.company(id).map(|c| c.weight)
    }

    /// The `n` largest securities, heaviest first (ties in ticker order).
    ///
    /// See [`Weighting`] for an example.
    pub fn top(&self, n: usize) -> Vec<&SecurityWeight> {
        let mut sorted: Vec<&SecurityWeight> = self.securities.iter().collect();
        sorted.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.ticker.cmp(&b.ticker)));
        sorted.truncate(n);
        sorted
    }

    /// The sum of the security weights (1 up to rounding).
    ///
    /// See [`Weighting`] for an example.
    pub fn total(&self) -> f64 {
        self.securities.iter().map(|s| s.weight).sum()
    }

    /// Builds the result from final security weights (in the universe's ticker order);
    /// company weights are their sums.
    ///
    /// When the company level is final (no security-level stage), `company_weights` (in
    /// company id order) are reported as they are, rather than re-added from their split
    /// (which can differ in the last bit).
    pub(crate) fn from_security_weights(
        universe: &Universe,
        weights: &[f64],
        company_weights: Option<&[f64]>,
        report: WeightingReport,
    ) -> Self {
        // The uncapped weights, computed in one pass (the same expressions as
        // `Universe::company_weight` and `Universe::security_weight`, without a lookup per
        // name): ratios, finite whatever the magnitudes of the market caps.
        let initial_companies = universe.company_weights();
        let initial_securities = split_to_securities(universe, &initial_companies);
        let securities: Vec<SecurityWeight> = universe
            .securities()
            .iter()
            .zip(weights)
            .zip(&initial_securities)
            .map(|((s, &weight), &initial)| SecurityWeight {
                ticker: s.ticker().to_owned(),
                company: s.company().to_owned(),
                sector: s.sector().map(str::to_owned),
                initial,
                weight,
            })
            .collect();
        let companies = universe
            .companies()
            .iter()
            .zip(&initial_companies)
            .enumerate()
            .map(|(i, (c, &initial))| CompanyWeight {
                company: c.id().to_owned(),
                initial,
                weight: match company_weights.and_then(|w| w.get(i)) {
                    Some(&w) => w,
                    None => c
                        .tickers()
                        .filter_map(|t| {
                            securities
                                .binary_search_by(|s| s.ticker.as_str().cmp(t))
                                .ok()
                                .and_then(|i| securities.get(i))
                                .map(|s| s.weight)
                        })
                        .sum(),
                },
            })
            .collect();
        Self {
            securities,
            companies,
            report,
        }
    }
}

/// Splits company weights (company id order) to securities (ticker order), pro rata to
/// each security's share of its company.
pub(crate) fn split_to_securities(universe: &Universe, company_weights: &[f64]) -> Vec<f64> {
    let securities = universe.securities();
    let mut out = vec![0.0; securities.len()];
    for (company, &weight) in universe.companies().iter().zip(company_weights) {
        for (ticker, share) in company.tickers().zip(company.class_shares()) {
            if let Some(slot) = securities
                .binary_search_by(|s| s.ticker().cmp(ticker))
                .ok()
                .and_then(|i| out.get_mut(i))
            {
                *slot = weight * share;
            }
        }
    }
    out
}

/// Records a water-filling as a stage.
pub(crate) fn stage_from_fill(
    level: Level,
    stage: Stage,
    round: usize,
    observed: f64,
    fill: &WaterFill,
    names: &[&str],
) -> StageReport {
    StageReport {
        level,
        stage,
        round,
        observed,
        cohort: Vec::new(),
        scale: None,
        adjustment_factor: fill.adjustment_factor(),
        capped: fill
            .capped()
            .iter()
            .filter_map(|&i| names.get(i).map(|s| (*s).to_owned()))
            .collect(),
        iterations: fill.iterations(),
    }
}

/// The largest weight (0 for none).
pub(crate) fn max_weight(weights: &[f64]) -> f64 {
    weights.iter().copied().fold(0.0, f64::max)
}

/// The sum of the weights strictly above `threshold`.
pub(crate) fn sum_above(weights: &[f64], threshold: f64) -> f64 {
    weights.iter().filter(|&&w| w > threshold).sum()
}

/// A guard against a loop that does not settle (never hit by the methods here).
///
/// Every round counter of the methods stops at this limit plus one; `n` is a slice length
/// (at most `isize::MAX`), so neither the limit nor the counters can overflow.
pub(crate) fn round_limit(n: usize) -> usize {
    n.saturating_add(4)
}

/// The error for a loop that hit [`round_limit`].
pub(crate) fn not_converged(rounds: usize) -> WeightingError {
    WeightingError::NotConverged { rounds }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] SecurityWeight, f64;
    tolerant: initial, weight; exact: ticker, company, sector);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] CompanyWeight, f64;
    tolerant: initial, weight; exact: company);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] Weighting, f64;
    tolerant: securities, companies, report; exact:);
