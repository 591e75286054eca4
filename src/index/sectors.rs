//! Weights added up by sector.

use crate::Error;

/// The weight of each sector in a portfolio or index, heaviest first.
///
/// Built from `(sector, weight)` pairs in any unit (fractions or percentages: the
/// composition keeps the unit, and [`total`](Self::total) says what it adds up to).
/// Securities without a sector go to `"Unknown"` when built from a
/// [`Weighting`](super::Weighting).
///
/// # Example
///
/// ```
/// use ta_stream::index::SectorComposition;
///
/// let composition = SectorComposition::new([
///     ("Information Technology", 9.442),
///     ("Information Technology", 8.326),
///     ("Consumer Discretionary", 5.156),
///     ("Communication Services", 3.622),
/// ])?;
/// let (largest, weight) = composition.largest().unwrap();
/// assert_eq!(largest, "Information Technology");
/// assert!((weight - 17.768).abs() < 1e-12);
/// assert_eq!(composition.weight("Consumer Discretionary"), Some(5.156));
/// assert_eq!(composition.len(), 3);
/// assert!((composition.total() - 26.546).abs() < 1e-12);
/// assert_eq!(composition.iter().next().map(|(s, _)| s), Some("Information Technology"));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SectorComposition {
    sectors: Vec<(String, f64)>,
}

impl SectorComposition {
    /// Adds up the weights by sector (exact sector names; leading and trailing spaces
    /// trimmed).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`weight`) for a weight that is negative, NaN or above
    /// `1e150` (so that sums of weights stay finite).
    ///
    /// See [`SectorComposition`] for an example.
    pub fn new<S: AsRef<str>>(weights: impl IntoIterator<Item = (S, f64)>) -> Result<Self, Error> {
        let mut rows: Vec<(String, f64)> = Vec::new();
        for (sector, weight) in weights {
            let sector = sector.as_ref().trim();
            // At most 1e150 each, so that sums of them stay finite.
            if !(weight >= 0.0 && weight <= <f64 as crate::Real>::max_input()) {
                return Err(Error::InvalidParameter {
                    name: "weight",
                    value: format!("{sector}: {weight}"),
                    expected: "a number in 0..=1e150",
                });
            }
            rows.push((sector.to_owned(), weight));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let mut sectors: Vec<(String, f64)> = Vec::new();
        for (sector, weight) in rows {
            match sectors.last_mut() {
                Some(last) if last.0 == sector => last.1 += weight,
                _ => sectors.push((sector, weight)),
            }
        }
        sectors.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(Self { sectors })
    }

    /// The sector composition of a [`Weighting`](super::Weighting) (capped weights).
    ///
    /// ```
    /// # use ta_stream::index::{nasdaq100, SectorComposition, Security, Universe};
    /// let rows: Vec<_> = (0..30)
    ///     .map(|i| Security::new(format!("S{i:02}"), 1.0).with_sector(if i < 20 { "Tech" } else { "Health" }))
    ///     .collect();
    /// let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
    /// let composition = SectorComposition::from_weighting(&weighting);
    /// assert!((composition.weight("Tech").unwrap() - 2.0 / 3.0).abs() < 1e-12);
    /// # Ok::<(), ta_stream::index::WeightingError>(())
    /// ```
    pub fn from_weighting(weighting: &super::Weighting) -> Self {
        let rows = weighting
            .securities()
            .iter()
            .map(|s| (s.sector().unwrap_or("Unknown"), s.weight()));
        // Capped weights are finite and >= 0, so this cannot fail; fall back to empty.
        Self::new(rows).unwrap_or(Self {
            sectors: Vec::new(),
        })
    }

    /// Sectors and their weights, heaviest first (ties by name).
    ///
    /// See [`SectorComposition`] for an example.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.sectors.iter().map(|(s, w)| (s.as_str(), *w))
    }

    /// The heaviest sector.
    ///
    /// See [`SectorComposition`] for an example.
    pub fn largest(&self) -> Option<(&str, f64)> {
        self.iter().next()
    }

    /// One sector's weight.
    ///
    /// See [`SectorComposition`] for an example.
    pub fn weight(&self, sector: &str) -> Option<f64> {
        self.iter().find(|(s, _)| *s == sector).map(|(_, w)| w)
    }

    /// Number of sectors.
    ///
    /// See [`SectorComposition`] for an example.
    pub fn len(&self) -> usize {
        self.sectors.len()
    }

    /// `true` when there is no sector.
    ///
    /// ```
    /// # use ta_stream::index::SectorComposition;
    /// assert!(SectorComposition::new(Vec::<(&str, f64)>::new())?.is_empty());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty()
    }

    /// The sum of all sector weights (1 for fractions, 100 for percentages, up to rounding
    /// and cash).
    ///
    /// See [`SectorComposition`] for an example.
    pub fn total(&self) -> f64 {
        self.sectors.iter().map(|(_, w)| w).sum()
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([] SectorComposition, f64; tolerant: sectors; exact:);
