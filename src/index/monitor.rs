//! The Nasdaq-100 special-rebalance monitor on end-of-day company weights.

use core::fmt;

use crate::Error;

/// A breach of a special-rebalance constraint.
///
/// See [`SpecialRebalanceMonitor`] for an example.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Breach {
    /// A company weighs more than the single-company limit (24%).
    SingleCompany {
        /// The company.
        company: String,
        /// Its weight.
        weight: f64,
    },
    /// The companies above the large threshold (4.5%) weigh more than the aggregate limit
    /// (48%) together.
    Aggregate {
        /// Their total weight.
        total: f64,
        /// The companies above the threshold, heaviest first.
        companies: Vec<String>,
    },
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SingleCompany { company, weight } => {
                write!(f, "{company} weighs {:.2}% (> 24%)", weight * 100.0)
            }
            Self::Aggregate { total, companies } if companies.len() == 1 => write!(
                f,
                "1 company above 4.5% weighs {:.2}% (> 48%)",
                total * 100.0
            ),
            Self::Aggregate { total, companies } => write!(
                f,
                "{} companies above 4.5% weigh {:.2}% together (> 48%)",
                companies.len(),
                total * 100.0
            ),
        }
    }
}

/// One end-of-day check: the breaches of the day and whether the previous day had any.
///
/// See [`SpecialRebalanceMonitor`] for an example.
#[derive(Debug, Clone, PartialEq)]
pub struct MonitorReading {
    breaches: Vec<Breach>,
    previously_breached: bool,
}

impl MonitorReading {
    /// The breaches of the day (single-company breaches first, heaviest first).
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn breaches(&self) -> &[Breach] {
        &self.breaches
    }

    /// `true` when a special rebalance may be triggered: at least one breach.
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn is_breached(&self) -> bool {
        !self.breaches.is_empty()
    }

    /// `true` on the first day of a breach (none the day before): the event to act on.
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn started(&self) -> bool {
        self.is_breached() && !self.previously_breached
    }

    /// `true` on the first day without a breach after one or more days with a breach.
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn ended(&self) -> bool {
        !self.is_breached() && self.previously_breached
    }
}

/// Watches end-of-day company weights for the Nasdaq-100 special-rebalance triggers.
///
/// # Rule
///
/// "A special rebalance may be triggered if either of the following weighting constraints
/// are breached, based on end-of-day values":
/// - no company's weight may **exceed 24%**;
/// - the aggregate weight of the companies whose weights **exceed 4.5%** may **not exceed
///   48%**.
///
/// Both tests are strict: exactly 48% is not a breach here, although the *scheduled*
/// rebalance caps at 48% or more ([`nasdaq100::AGGREGATE_TRIGGER`](super::nasdaq100::AGGREGATE_TRIGGER)).
///
/// Input: `(company, weight)` pairs for one day; several entries of one company (share
/// classes) are added up. Weights are fractions (drifted weights, e.g. from
/// [`IndexCalculator::weights`](super::IndexCalculator::weights)).
///
/// # Example
///
/// ```
/// use ta_stream::index::{Breach, SpecialRebalanceMonitor};
///
/// let mut monitor = SpecialRebalanceMonitor::new();
/// let quiet = monitor.update([("MSFT", 0.12), ("AAPL", 0.11), ("NVDA", 0.10), ("AMZN", 0.07)])?;
/// assert!(!quiet.is_breached());
///
/// // July 2023: six companies above 4.5% weigh 50.9% (GOOGL + GOOG counted as Alphabet).
/// let day = [("MSFT", 0.128), ("AAPL", 0.121), ("Alphabet", 0.073), ("Alphabet", 0.0),
///            ("NVDA", 0.07), ("AMZN", 0.068), ("TSLA", 0.049), ("META", 0.044)];
/// let reading = monitor.update(day)?;
/// assert!(reading.started());
/// let Breach::Aggregate { total, companies } = &reading.breaches()[0] else { panic!() };
/// assert!((total - 0.509).abs() < 1e-12);
/// assert_eq!(companies.len(), 6);
/// assert_eq!(reading.breaches()[0].to_string(), "6 companies above 4.5% weigh 50.90% together (> 48%)");
///
/// assert!(!monitor.update(day)?.started()); // still breached, not a new event
/// assert!(monitor.update([("MSFT", 0.10)])?.ended());
/// assert!(monitor.update([("X", f64::NAN)]).is_err());
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SpecialRebalanceMonitor {
    breached: bool,
}

/// Single-company limit of the special-rebalance test: 24% (strictly above is a breach).
pub const SINGLE_LIMIT: f64 = 0.24;
/// Weight above which a company counts toward the aggregate: 4.5%.
pub const LARGE_THRESHOLD: f64 = 0.045;
/// Aggregate limit of the special-rebalance test: 48% (strictly above is a breach).
pub const AGGREGATE_LIMIT: f64 = 0.48;

impl SpecialRebalanceMonitor {
    /// A monitor that has seen no day yet.
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn new() -> Self {
        Self::default()
    }

    /// The breaches in one day's weights, without changing the monitor's state.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`weight`) for a weight that is negative, NaN or above
    /// `1e150` (so that sums of weights stay finite).
    ///
    /// ```
    /// # use ta_stream::index::SpecialRebalanceMonitor;
    /// let breaches = SpecialRebalanceMonitor::check([("NVDA", 0.25), ("AAPL", 0.24), ("MSFT", 0.05)])?;
    /// assert_eq!(breaches.len(), 2); // NVDA > 24% (AAPL at 24% is not), and 54% > 48%
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn check<'a>(
        weights: impl IntoIterator<Item = (&'a str, f64)>,
    ) -> Result<Vec<Breach>, Error> {
        let mut companies: Vec<(&str, f64)> = Vec::new();
        for (company, weight) in weights {
            // At most 1e150 each, so that sums of them stay finite.
            if !(weight >= 0.0 && weight <= <f64 as crate::Real>::max_input()) {
                return Err(Error::InvalidParameter {
                    name: "weight",
                    value: format!("{company}: {weight}"),
                    expected: "a fraction in 0..=1e150",
                });
            }
            companies.push((company, weight));
        }
        companies.sort_by(|a, b| a.0.cmp(b.0));
        let mut grouped: Vec<(&str, f64)> = Vec::with_capacity(companies.len());
        for (company, weight) in companies {
            match grouped.last_mut() {
                Some(last) if last.0 == company => last.1 += weight,
                _ => grouped.push((company, weight)),
            }
        }
        grouped.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let mut breaches: Vec<Breach> = grouped
            .iter()
            .filter(|(_, w)| *w > SINGLE_LIMIT)
            .map(|&(company, weight)| Breach::SingleCompany {
                company: company.to_owned(),
                weight,
            })
            .collect();
        let large: Vec<&(&str, f64)> = grouped
            .iter()
            .filter(|(_, w)| *w > LARGE_THRESHOLD)
            .collect();
        let total: f64 = large.iter().map(|(_, w)| w).sum();
        if total > AGGREGATE_LIMIT {
            breaches.push(Breach::Aggregate {
                total,
                companies: large.iter().map(|(c, _)| (*c).to_owned()).collect(),
            });
        }
        Ok(breaches)
    }

    /// Checks one day's weights and remembers whether they breached, so that the reading
    /// tells a new breach from a continuing one.
    ///
    /// # Errors
    /// As [`check`](Self::check); the state is unchanged on error.
    ///
    /// See [`SpecialRebalanceMonitor`] for an example.
    pub fn update<'a>(
        &mut self,
        weights: impl IntoIterator<Item = (&'a str, f64)>,
    ) -> Result<MonitorReading, Error> {
        let breaches = Self::check(weights)?;
        let reading = MonitorReading {
            previously_breached: self.breached,
            breaches,
        };
        self.breached = reading.is_breached();
        Ok(reading)
    }

    /// `true` when the last day checked had a breach.
    ///
    /// ```
    /// # use ta_stream::index::SpecialRebalanceMonitor;
    /// let mut monitor = SpecialRebalanceMonitor::new();
    /// monitor.update([("NVDA", 0.30)])?;
    /// assert!(monitor.is_breached());
    /// monitor.reset();
    /// assert!(!monitor.is_breached());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn is_breached(&self) -> bool {
        self.breached
    }

    /// Forgets the last day.
    ///
    /// See [`is_breached`](Self::is_breached) for an example.
    pub fn reset(&mut self) {
        self.breached = false;
    }
}

/// Same kind of breach and the same companies, the weights near each other.
#[cfg(feature = "approx")]
impl crate::approx_eq::Near<f64> for Breach {
    fn near(&self, other: &Self, tol: crate::approx_eq::Tol<f64>) -> bool {
        match (self, other) {
            (
                Self::SingleCompany { company, weight },
                Self::SingleCompany {
                    company: other_company,
                    weight: other_weight,
                },
            ) => company == other_company && weight.near(other_weight, tol),
            (
                Self::Aggregate { total, companies },
                Self::Aggregate {
                    total: other_total,
                    companies: other_companies,
                },
            ) => companies == other_companies && total.near(other_total, tol),
            _ => false,
        }
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_from_near!([] Breach, f64);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] MonitorReading, f64;
    tolerant: breaches; exact: previously_breached);

#[cfg(all(test, feature = "approx"))]
mod approx_tests {
    use super::*;
    use crate::approx_eq::check_fields;

    #[test]
    fn monitor_reading_compares_every_field() {
        let base = MonitorReading {
            breaches: vec![
                Breach::SingleCompany {
                    company: "Apple".to_owned(),
                    weight: 0.25,
                },
                Breach::Aggregate {
                    total: 0.5,
                    companies: vec!["Apple".to_owned(), "Microsoft".to_owned()],
                },
            ],
            previously_breached: true,
        };
        fn single(v: &mut MonitorReading) -> &mut f64 {
            match v.breaches.first_mut() {
                Some(Breach::SingleCompany { weight, .. }) => weight,
                _ => panic!("first breach is single"),
            }
        }
        fn aggregate(v: &mut MonitorReading) -> &mut f64 {
            match v.breaches.last_mut() {
                Some(Breach::Aggregate { total, .. }) => total,
                _ => panic!("last breach is aggregate"),
            }
        }
        check_fields(
            &base,
            &[single, aggregate],
            &[
                |v| v.previously_breached = false,
                |v| {
                    v.breaches.pop();
                },
                |v| v.breaches.swap(0, 1),
            ],
        );
    }
}
