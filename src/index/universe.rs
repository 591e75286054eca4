//! Securities, companies and the validated universe a weighting method starts from.

use core::cmp::Ordering;

use super::WeightingError;

/// Relative tolerance under which two market caps count as identical for double-count
/// detection (CSV rounding of the same number stays well inside it).
const SAME_CAP_TOLERANCE: f64 = 1e-9;

/// The longest run of equal market caps [`Universe::suspected_double_counts`] reports.
const MAX_SUSPECTED_RUN: usize = 5;

fn same_cap(a: f64, b: f64) -> bool {
    (a - b).abs() <= SAME_CAP_TOLERANCE * a.abs().max(b.abs())
}

/// One listed security: a ticker, the company it belongs to, its market cap and an optional
/// sector.
///
/// A security is its own company unless [`with_company`](Self::with_company) says
/// otherwise: give every share class of a company (GOOGL and GOOG for Alphabet) the same
/// company id, so that the company-level constraints see one company. Values are checked
/// when the security enters a [`Universe`].
///
/// # Example
///
/// ```
/// use ta_stream::index::Security;
///
/// let goog = Security::new("GOOG", 1.0e12)
///     .with_company("Alphabet")
///     .with_sector("Communication Services");
/// assert_eq!(goog.ticker(), "GOOG");
/// assert_eq!(goog.company(), "Alphabet");
/// assert_eq!(goog.sector(), Some("Communication Services"));
/// assert_eq!(goog.market_cap(), 1.0e12);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Security {
    ticker: String,
    company: String,
    market_cap: f64,
    sector: Option<String>,
}

impl Security {
    /// A security that is its own company (company id = ticker), without a sector.
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("MSFT", 3.0e12).company(), "MSFT");
    /// ```
    pub fn new(ticker: impl Into<String>, market_cap: f64) -> Self {
        let ticker = ticker.into();
        Self {
            company: ticker.clone(),
            ticker,
            market_cap,
            sector: None,
        }
    }

    /// Sets the company (issuer) id that groups share classes.
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("GOOGL", 1.0).with_company("Alphabet").company(), "Alphabet");
    /// ```
    pub fn with_company(mut self, company: impl Into<String>) -> Self {
        self.company = company.into();
        self
    }

    /// Sets the sector.
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("PEP", 1.0).with_sector("Consumer Staples").sector(), Some("Consumer Staples"));
    /// ```
    pub fn with_sector(mut self, sector: impl Into<String>) -> Self {
        self.sector = Some(sector.into());
        self
    }

    /// The ticker (unique within a universe).
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("NVDA", 1.0).ticker(), "NVDA");
    /// ```
    pub fn ticker(&self) -> &str {
        &self.ticker
    }

    /// The company id.
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("NVDA", 1.0).company(), "NVDA");
    /// ```
    pub fn company(&self) -> &str {
        &self.company
    }

    /// The market cap as given (any currency unit; only ratios matter).
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("NVDA", 4.5e12).market_cap(), 4.5e12);
    /// ```
    pub fn market_cap(&self) -> f64 {
        self.market_cap
    }

    /// The sector, when known.
    ///
    /// ```
    /// # use ta_stream::index::Security;
    /// assert_eq!(Security::new("NVDA", 1.0).sector(), None);
    /// ```
    pub fn sector(&self) -> Option<&str> {
        self.sector.as_deref()
    }
}

/// What to do when share classes of one company all quote the same market cap (the
/// signature of a data source that gives each class the *whole* company's market cap).
///
/// ```
/// use ta_stream::index::{DoubleCountPolicy, Security, Universe, WeightingError};
///
/// let rows = vec![
///     Security::new("GOOG", 2.0).with_company("Alphabet"),
///     Security::new("GOOGL", 2.0).with_company("Alphabet"),
///     Security::new("MSFT", 2.0),
/// ];
/// assert!(matches!(Universe::new(rows.clone()), Err(WeightingError::DoubleCounted { .. })));
///
/// let universe = Universe::with_policy(rows, DoubleCountPolicy::CompanyTotal)?;
/// assert_eq!(universe.company_weight("Alphabet"), Some(0.5)); // counted once
/// assert_eq!(universe.security_weight("GOOG"), Some(0.25)); // split between the classes
/// assert_eq!(universe.double_counts().len(), 1); // and reported
/// # Ok::<(), WeightingError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum DoubleCountPolicy {
    /// Refuse the universe with [`WeightingError::DoubleCounted`] (the default).
    #[default]
    Reject,
    /// Read the repeated value as the company's total market cap: the company's market cap
    /// is the largest value its classes quote (counted once), and its weight is split
    /// between its classes pro rata to the values they quote (equally when identical). The
    /// universe lists what it did in [`Universe::double_counts`].
    CompanyTotal,
}

/// A company whose share classes quote the same market cap: what was detected, and (with
/// [`DoubleCountPolicy::CompanyTotal`]) counted once.
///
/// ```
/// # use ta_stream::index::{DoubleCountPolicy, Security, Universe};
/// let rows = vec![
///     Security::new("GOOG", 2.0).with_company("Alphabet"),
///     Security::new("GOOGL", 2.0).with_company("Alphabet"),
/// ];
/// let universe = Universe::with_policy(rows, DoubleCountPolicy::CompanyTotal)?;
/// let found = &universe.double_counts()[0];
/// assert_eq!(found.company(), "Alphabet");
/// assert_eq!(found.tickers(), ["GOOG", "GOOGL"]);
/// assert_eq!(found.market_cap(), 2.0);
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DoubleCount {
    company: String,
    tickers: Vec<String>,
    market_cap: f64,
}

impl DoubleCount {
    /// The company id.
    ///
    /// See [`DoubleCount`] for an example.
    pub fn company(&self) -> &str {
        &self.company
    }

    /// The share classes quoting the same market cap, in ticker order.
    ///
    /// See [`DoubleCount`] for an example.
    pub fn tickers(&self) -> &[String] {
        &self.tickers
    }

    /// The market cap they all quote.
    ///
    /// See [`DoubleCount`] for an example.
    pub fn market_cap(&self) -> f64 {
        self.market_cap
    }
}

/// A company of a [`Universe`]: its id, its market cap (share classes added up, or counted
/// once under [`DoubleCountPolicy::CompanyTotal`]) and its securities.
///
/// ```
/// # use ta_stream::index::{Security, Universe};
/// let universe = Universe::new(vec![
///     Security::new("A1", 3.0).with_company("A"),
///     Security::new("A2", 1.0).with_company("A"),
///     Security::new("B", 4.0),
/// ])?;
/// let a = universe.company("A").unwrap();
/// assert_eq!(a.market_cap(), 4.0);
/// assert_eq!(a.tickers().collect::<Vec<_>>(), ["A1", "A2"]);
/// assert_eq!(a.class_shares(), [0.75, 0.25]);
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Company {
    id: String,
    /// The market cap in the given unit (∞ when the sum of its classes exceeds `f64::MAX`).
    market_cap: f64,
    /// The market cap in the unit of `Universe::scale`: the market cap itself when the
    /// universe's total is finite, else its ratio to the largest security's market cap
    /// (finite; 0 only when it underflows, ~1e308 times smaller than the largest).
    relative: f64,
    /// (ticker, fraction of the company's weight) in ticker order.
    members: Vec<(String, f64)>,
}

impl Company {
    /// The company id.
    ///
    /// See [`Company`] for an example.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The company's market cap, in the unit of the securities' market caps. Share classes
    /// whose market caps add up beyond `f64::MAX` give `f64::INFINITY` here; the weights
    /// never use this sum (they are computed from ratios, see [`Universe`]).
    ///
    /// See [`Company`] for an example.
    pub fn market_cap(&self) -> f64 {
        self.market_cap
    }

    /// Its securities' tickers, in ticker order.
    ///
    /// See [`Company`] for an example.
    pub fn tickers(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(ticker, _)| ticker.as_str())
    }

    /// The fraction of the company's weight each security carries (same order as
    /// [`tickers`](Self::tickers); sums to 1).
    ///
    /// See [`Company`] for an example.
    pub fn class_shares(&self) -> Vec<f64> {
        self.members.iter().map(|&(_, share)| share).collect()
    }
}

/// A validated set of securities grouped into companies: the input of every weighting
/// method.
///
/// Validation: at least one security; every ticker and company id non-empty; tickers
/// unique; every market cap finite and > 0; and no company whose share classes all quote the
/// same market cap (see [`DoubleCountPolicy`]).
///
/// Securities are kept in ticker order and companies in id order, whatever the input order,
/// so that every result is independent of the order of the input rows.
///
/// # Magnitudes
///
/// Any finite market cap `> 0` is accepted, in any unit, from `f64::MIN_POSITIVE`-sized
/// values to `f64::MAX`: weights are computed from ratios, never from sums of raw caps. Every
/// market cap is divided by the largest one before anything is added up, so three caps of
/// `1e308` weigh a third each instead of overflowing to ∞. A market cap more than about
/// `1e308` times smaller than the largest has a ratio below the smallest `f64` and weighs
/// exactly 0 (as its true weight rounds to). Only the sums reported in the given unit
/// ([`total_market_cap`](Self::total_market_cap), [`Company::market_cap`]) can reach ∞.
///
/// ```
/// use ta_stream::index::{Security, Universe};
///
/// let huge = Universe::new(vec![
///     Security::new("A", 1e308),
///     Security::new("B", 1e308 * (1.0 + 1e-6)),
///     Security::new("C", 5e307),
/// ])?;
/// assert!((huge.security_weight("C").unwrap() - 0.2).abs() < 1e-6);
/// assert_eq!(huge.total_market_cap(), f64::INFINITY); // the sum in the unit only
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
///
/// # Example
///
/// ```
/// use ta_stream::index::{Security, Universe};
///
/// let universe = Universe::new(vec![
///     Security::new("MSFT", 3.0),
///     Security::new("AAPL", 1.0),
/// ])?;
/// assert_eq!(universe.len(), 2);
/// assert_eq!(universe.securities()[0].ticker(), "AAPL"); // ticker order
/// assert_eq!(universe.security_weight("MSFT"), Some(0.75));
/// # Ok::<(), ta_stream::index::WeightingError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "UniverseState", into = "UniverseState")
)]
pub struct Universe {
    securities: Vec<Security>,
    companies: Vec<Company>,
    policy: DoubleCountPolicy,
    double_counts: Vec<DoubleCount>,
    /// The unit of every `Company::relative`: 1, or the largest security market cap when
    /// the total market cap overflows.
    scale: f64,
    /// `Σ Company::relative`: finite (at most `n` in the scaled case).
    total_relative: f64,
}

impl Universe {
    /// A universe that refuses double-counted companies ([`DoubleCountPolicy::Reject`]).
    ///
    /// # Errors
    /// [`WeightingError::EmptyUniverse`], [`WeightingError::EmptyName`],
    /// [`WeightingError::DuplicateTicker`], [`WeightingError::InvalidMarketCap`],
    /// [`WeightingError::DoubleCounted`].
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe, WeightingError};
    /// let err = Universe::new(vec![Security::new("A", 1.0), Security::new("A", 2.0)]);
    /// assert_eq!(err, Err(WeightingError::DuplicateTicker { ticker: "A".into() }));
    /// ```
    pub fn new(securities: Vec<Security>) -> Result<Self, WeightingError> {
        Self::with_policy(securities, DoubleCountPolicy::Reject)
    }

    /// A universe with an explicit [`DoubleCountPolicy`].
    ///
    /// # Errors
    /// As [`new`](Self::new), except that [`WeightingError::DoubleCounted`] is only returned
    /// under [`DoubleCountPolicy::Reject`].
    ///
    /// See [`DoubleCountPolicy`] for an example.
    pub fn with_policy(
        mut securities: Vec<Security>,
        policy: DoubleCountPolicy,
    ) -> Result<Self, WeightingError> {
        if securities.is_empty() {
            return Err(WeightingError::EmptyUniverse);
        }
        for security in &securities {
            if security.ticker.trim().is_empty() {
                return Err(WeightingError::EmptyName {
                    field: "ticker",
                    value: security.ticker.clone(),
                });
            }
            if security.company.trim().is_empty() {
                return Err(WeightingError::EmptyName {
                    field: "company",
                    value: security.company.clone(),
                });
            }
            if !(security.market_cap.is_finite() && security.market_cap > 0.0) {
                return Err(WeightingError::InvalidMarketCap {
                    ticker: security.ticker.clone(),
                    value: security.market_cap,
                });
            }
        }
        securities.sort_by(|a, b| a.ticker.cmp(&b.ticker));
        if let Some(pair) = securities.windows(2).find(|w| match w {
            [a, b] => a.ticker == b.ticker,
            _ => false,
        }) {
            let ticker = pair.first().map(|s| s.ticker.clone()).unwrap_or_default();
            return Err(WeightingError::DuplicateTicker { ticker });
        }

        // Group by company id (sorted), members in ticker order.
        let mut order: Vec<usize> = (0..securities.len()).collect();
        order.sort_by(|&a, &b| {
            let (sa, sb) = (securities.get(a), securities.get(b));
            match (sa, sb) {
                (Some(sa), Some(sb)) => sa
                    .company
                    .cmp(&sb.company)
                    .then_with(|| sa.ticker.cmp(&sb.ticker)),
                _ => Ordering::Equal,
            }
        });
        let scale = securities.iter().map(|s| s.market_cap).fold(0.0, f64::max);
        let mut companies = Vec::new();
        let mut double_counts = Vec::new();
        let mut start = 0;
        while start < order.len() {
            let company_id = order
                .get(start)
                .and_then(|&i| securities.get(i))
                .map(|s| s.company.clone())
                .unwrap_or_default();
            let members: Vec<&Security> = order
                .iter()
                .skip(start)
                .filter_map(|&i| securities.get(i))
                .take_while(|s| s.company == company_id)
                .collect();
            start += members.len().max(1);
            let (company, double_count) = build_company(company_id, &members, policy, scale)?;
            companies.push(company);
            double_counts.extend(double_count);
        }
        // Weights are market caps over their total when that total is finite (exactly the
        // textbook ratio), and ratios to the largest security's market cap otherwise.
        let total: f64 = companies.iter().map(|c| c.market_cap).sum();
        let (scale, total_relative) = if total.is_finite() {
            for company in &mut companies {
                company.relative = company.market_cap;
            }
            (1.0, total)
        } else {
            (scale, companies.iter().map(|c| c.relative).sum())
        };
        Ok(Self {
            securities,
            companies,
            policy,
            double_counts,
            scale,
            total_relative,
        })
    }

    /// Number of securities.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// assert_eq!(Universe::new(vec![Security::new("A", 1.0)])?.len(), 1);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn len(&self) -> usize {
        self.securities.len()
    }

    /// Always `false`: a universe has at least one security.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// assert!(!Universe::new(vec![Security::new("A", 1.0)])?.is_empty());
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.securities.is_empty()
    }

    /// The securities, in ticker order.
    ///
    /// See [`Universe`] for an example.
    pub fn securities(&self) -> &[Security] {
        &self.securities
    }

    /// The companies, in id order.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// let u = Universe::new(vec![Security::new("B", 1.0), Security::new("A", 1.0)])?;
    /// assert_eq!(u.companies().iter().map(|c| c.id()).collect::<Vec<_>>(), ["A", "B"]);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn companies(&self) -> &[Company] {
        &self.companies
    }

    /// A security by ticker.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// let u = Universe::new(vec![Security::new("A", 1.0)])?;
    /// assert_eq!(u.security("A").map(|s| s.market_cap()), Some(1.0));
    /// assert!(u.security("Z").is_none());
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn security(&self, ticker: &str) -> Option<&Security> {
        self.securities
            .binary_search_by(|s| s.ticker.as_str().cmp(ticker))
            .ok()
            .and_then(|i| self.securities.get(i))
    }

    /// A company by id.
    ///
    /// See [`Company`] for an example.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.companies
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.companies.get(i))
    }

    /// The policy the universe was built with.
    ///
    /// ```
    /// # use ta_stream::index::{DoubleCountPolicy, Security, Universe};
    /// let u = Universe::new(vec![Security::new("A", 1.0)])?;
    /// assert_eq!(u.policy(), DoubleCountPolicy::Reject);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn policy(&self) -> DoubleCountPolicy {
        self.policy
    }

    /// The companies counted once under [`DoubleCountPolicy::CompanyTotal`] (empty under
    /// [`DoubleCountPolicy::Reject`], which refuses them).
    ///
    /// See [`DoubleCountPolicy`] for an example.
    pub fn double_counts(&self) -> &[DoubleCount] {
        &self.double_counts
    }

    /// The total market cap (each company counted once), in the unit of the market caps:
    /// `f64::INFINITY` when it exceeds `f64::MAX` (three caps of 1e308). The weights never
    /// use it: they are computed from ratios to the largest market cap.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// let u = Universe::new(vec![Security::new("A", 1.0), Security::new("B", 3.0)])?;
    /// assert_eq!(u.total_market_cap(), 4.0);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn total_market_cap(&self) -> f64 {
        self.scale * self.total_relative
    }

    /// A company's uncapped weight: its market cap over the total.
    ///
    /// See [`DoubleCountPolicy`] for an example.
    pub fn company_weight(&self, id: &str) -> Option<f64> {
        self.company(id).map(|c| c.relative / self.total_relative)
    }

    /// A security's uncapped weight (its company's weight times its share of the company).
    ///
    /// See [`Universe`] for an example.
    pub fn security_weight(&self, ticker: &str) -> Option<f64> {
        let security = self.security(ticker)?;
        let company = self.company(&security.company)?;
        let share = company
            .members
            .iter()
            .find(|(t, _)| t == ticker)
            .map(|&(_, share)| share)?;
        Some(company.relative / self.total_relative * share)
    }

    /// Pairs of securities of *different* companies that quote the same market cap (within
    /// a relative 1e-9): most likely share classes of one company that were not grouped,
    /// each carrying the whole company's market cap. A warning, not an error: group them
    /// with [`Security::with_company`] when they are one company. Pairs in ticker order.
    ///
    /// Securities are grouped in runs of market caps equal (within 1e-9) to the run's
    /// smallest; a run of more than 5 securities (an equal-weighted test universe, not the
    /// share classes of one company) is not reported, which also keeps the cost at
    /// O(n log n) whatever the data.
    ///
    /// ```
    /// # use ta_stream::index::{Security, Universe};
    /// let u = Universe::new(vec![
    ///     Security::new("GOOG", 1.89e12),
    ///     Security::new("GOOGL", 1.89e12),
    ///     Security::new("MSFT", 2.36e12),
    /// ])?;
    /// assert_eq!(u.suspected_double_counts(), [("GOOG".to_string(), "GOOGL".to_string())]);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn suspected_double_counts(&self) -> Vec<(String, String)> {
        let mut by_cap: Vec<&Security> = self.securities.iter().collect();
        by_cap.sort_by(|a, b| {
            a.market_cap
                .total_cmp(&b.market_cap)
                .then_with(|| a.ticker.cmp(&b.ticker))
        });
        let mut pairs = Vec::new();
        let mut start = 0;
        while let Some(first) = by_cap.get(start) {
            let run = by_cap
                .iter()
                .skip(start)
                .take_while(|s| same_cap(first.market_cap, s.market_cap))
                .count()
                .max(1);
            let members = by_cap
                .get(start..start.saturating_add(run))
                .unwrap_or_default();
            if run <= MAX_SUSPECTED_RUN {
                for (i, a) in members.iter().enumerate() {
                    for b in members.iter().skip(i + 1) {
                        if a.company != b.company {
                            let (x, y) = if a.ticker < b.ticker { (a, b) } else { (b, a) };
                            pairs.push((x.ticker.clone(), y.ticker.clone()));
                        }
                    }
                }
            }
            start = start.saturating_add(run);
        }
        pairs.sort();
        pairs
    }

    /// Company ids and uncapped weights, in id order.
    pub(crate) fn company_weights(&self) -> Vec<f64> {
        self.companies
            .iter()
            .map(|c| c.relative / self.total_relative)
            .collect()
    }
}

/// Builds one company from its members (non-empty, in ticker order); `scale` is the
/// largest market cap of the universe.
///
/// When the classes' market caps add up beyond `f64::MAX`, sums are taken over ratios to
/// the company's largest class (each in `(0, 1]`), so that neither the class shares nor
/// the company's weight overflow.
fn build_company(
    id: String,
    members: &[&Security],
    policy: DoubleCountPolicy,
    scale: f64,
) -> Result<(Company, Option<DoubleCount>), WeightingError> {
    let caps: Vec<f64> = members.iter().map(|s| s.market_cap).collect();
    let duplicated: Vec<usize> = (0..caps.len())
        .filter(|&i| {
            let cap = caps.get(i).copied().unwrap_or(0.0);
            caps.iter()
                .enumerate()
                .any(|(j, &other)| j != i && same_cap(cap, other))
        })
        .collect();
    // Every cap is finite and > 0 (checked by the caller), so `largest > 0` and
    // `quoted_sum > 0`.
    let largest = caps.iter().copied().fold(0.0, f64::max);
    let quoted_sum: f64 = caps.iter().sum();
    // Ratios to the largest class when the plain sum overflows (classes near `f64::MAX`).
    let ratios: Vec<f64> = if quoted_sum.is_finite() {
        caps.iter().map(|&c| c / quoted_sum).collect()
    } else {
        caps.iter().map(|&c| c / largest).collect()
    };
    // The company's market cap over its largest class: in `1..=members.len()`.
    let ratio_sum: f64 = if quoted_sum.is_finite() {
        quoted_sum / largest
    } else {
        ratios.iter().sum()
    };
    let mut double_count = None;
    let (market_cap, in_largest) = if duplicated.is_empty() {
        (quoted_sum, ratio_sum)
    } else {
        let tickers: Vec<String> = duplicated
            .iter()
            .filter_map(|&i| members.get(i).map(|s| s.ticker.clone()))
            .collect();
        let market_cap = duplicated
            .iter()
            .filter_map(|&i| caps.get(i).copied())
            .fold(0.0, f64::max);
        let found = DoubleCount {
            company: id.clone(),
            tickers,
            market_cap,
        };
        match policy {
            DoubleCountPolicy::Reject => {
                return Err(WeightingError::DoubleCounted {
                    company: found.company,
                    tickers: found.tickers,
                    market_cap: found.market_cap,
                })
            }
            // The largest value quoted, counted once.
            DoubleCountPolicy::CompanyTotal => {
                double_count = Some(found);
                (largest, 1.0)
            }
        }
    };
    let ratio_total: f64 = if quoted_sum.is_finite() {
        1.0
    } else {
        ratio_sum
    };
    let members = members
        .iter()
        .zip(&ratios)
        .map(|(s, &ratio)| (s.ticker.clone(), ratio / ratio_total))
        .collect();
    Ok((
        Company {
            id,
            market_cap,
            relative: largest / scale * in_largest,
            members,
        },
        double_count,
    ))
}

/// The serialized form of a [`Universe`]: its securities and policy; everything else is
/// rebuilt (and validated) on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UniverseState {
    securities: Vec<Security>,
    policy: DoubleCountPolicy,
}

#[cfg(feature = "serde")]
impl From<Universe> for UniverseState {
    fn from(universe: Universe) -> Self {
        Self {
            securities: universe.securities,
            policy: universe.policy,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<UniverseState> for Universe {
    type Error = WeightingError;

    fn try_from(state: UniverseState) -> Result<Self, WeightingError> {
        Self::with_policy(state.securities, state.policy)
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] Security, f64;
    tolerant: market_cap; exact: ticker, company, sector);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] DoubleCount, f64;
    tolerant: market_cap; exact: company, tickers);
