//! Index weighting: capped and modified market-cap weights (Nasdaq-100, S&P Select Sector,
//! UCITS 10/40), the special-rebalance monitor, sector composition, the rebalance calendar,
//! and a streaming index-level calculator.
//!
//! | Item | What it does |
//! |---|---|
//! | [`Universe`] | validated securities grouped into companies; refuses (or counts once) a company whose share classes all quote the same market cap |
//! | [`capping`] | the engine: [`water_fill`](capping::water_fill), [`cap_single`](capping::cap_single), [`aggregate_cap`](capping::aggregate_cap) with rank preservation |
//! | [`nasdaq100::quarterly`], [`nasdaq100::annual`] | NDX company stages 24%→20% and 4.5%/48%→40%; December security stages 15%→14% and top 5 40%→38.5% |
//! | [`select_sector::weights`] | S&P Select Sector rule from 2024-09-20 (24%→23%, 4.8%/50%→45%) |
//! | [`ucits::weights`] | UCITS 10/40 approximation with buffers 9% / 4.5% / 36% |
//! | [`SpecialRebalanceMonitor`] | end-of-day check: a company > 24% or companies > 4.5% summing > 48% |
//! | [`SectorComposition`] | weights added up by sector |
//! | [`RebalanceCalendar`] | third Fridays, effective dates, reference and announcement dates |
//! | [`IndexCalculator`] | index level from prices, O(1) per price update, continuous across rebalances |
//!
//! Every weighting returns a [`Weighting`]: security and company weights plus a
//! [`WeightingReport`] (stages triggered, adjustment factors, names capped, rounds, double
//! counts resolved and suspected double counts: securities of different companies quoting
//! the same market cap). Results do not depend on the order of the input rows (the
//! universe is kept in ticker order) nor on the unit of the market caps (only ratios
//! matter).
//!
//! # Accepted inputs and magnitudes
//!
//! - **Market caps** ([`Universe`]): any finite number `> 0`, from the smallest subnormal
//!   to `f64::MAX`; zero, negative, NaN and ∞ are refused with
//!   [`WeightingError::InvalidMarketCap`]. The engine works on ratios: when the market caps
//!   add up beyond `f64::MAX` (three of `1e308`), each is divided by the largest before
//!   anything is summed, so any finite caps give weights that are finite and sum to 1. A
//!   cap more than ~1e308 times smaller than the largest has a weight below the smallest
//!   `f64`: it weighs 0 (and cannot take weight from capped names, which may make a cap
//!   infeasible).
//! - **Capping engine** ([`capping::water_fill`], [`capping::cap_single`]): weights,
//!   caps and target finite and `>= 0`; weights of any magnitude (raw market caps are
//!   fine: each round rescales the free weights by the largest of them when their sum
//!   overflows or is below `1e-150`). [`capping::aggregate_cap`] takes weights whose sum is
//!   finite. Unusable values are [`WeightingError::InvalidInput`]; caps too low for the
//!   target are [`WeightingError::Infeasible`]. Successful results are finite, respect
//!   their caps and add up to the target within a relative `1e-12`.
//! - **Monitor and sectors** ([`SpecialRebalanceMonitor`], [`SectorComposition`]): weights
//!   in `0..=1e150`, so that their sums stay finite.
//! - **Index level** ([`IndexCalculator`]): shares, prices, weights and the level in
//!   `1e-150..=1e150` (the usable range of [`Real`](crate::Real)), at most
//!   [`index_level::MAX_CONSTITUENTS`] constituents; a price that would take the level out
//!   of that range is refused like a NaN. Every state it reaches is a valid checkpoint.
//! - **Calendar** ([`RebalanceCalendar`]): a month outside `1..=12` (0, 13, `u32::MAX`) or
//!   a year chrono cannot represent (`i32::MIN`, `i32::MAX`) is an
//!   [`Error::InvalidParameter`](crate::Error::InvalidParameter), as is a date whose
//!   neighbouring trading days fall outside chrono's range; never a panic.
//!
//! Error messages print numbers with at most 12 significant digits (a 4% cap reads `0.04`,
//! not `0.04000000000000001`) and count names in the singular or plural as they should.
//!
//! # Worked example: the 48% trigger and rank preservation
//!
//! Six large companies weigh 10%, 9%, 8%, 8%, 7% and 6% (48% together: stage 2 triggers,
//! since the scheduled test is `>= 48%`), one company is just under the threshold at 4.4%,
//! and 79 small ones share the remaining 47.6%. The cohort is scaled by `f = 40/48`: the
//! smallest member falls from 6% to 5%. The rest (60%) is water-filled over the others,
//! each capped at `min(4.5%, 5%) = 4.5%`: the 4.4% company grows to
//! `4.4% × 60/51.99 ≈ 5.08%` uncapped, more than the cut 6% company, so the cap holds it
//! at 4.5% and the ranks are kept.
//!
//! ```
//! use ta_stream::index::{nasdaq100, Security, Stage, Universe};
//!
//! let mut rows: Vec<Security> = [("A", 100.0), ("B", 90.0), ("C", 80.0), ("D", 80.0), ("E", 70.0), ("F", 60.0), ("G", 44.0)]
//!     .into_iter()
//!     .map(|(t, cap)| Security::new(t, cap))
//!     .collect();
//! rows.extend((0..79).map(|i| Security::new(format!("S{i:02}"), 476.0 / 79.0)));
//! let weighting = nasdaq100::quarterly(&Universe::new(rows)?)?;
//!
//! let w = |t| weighting.weight(t).unwrap();
//! assert!((w("A") - 0.10 * 40.0 / 48.0).abs() < 1e-12);
//! assert!((w("F") - 0.05).abs() < 1e-12);
//! assert!((w("G") - 0.045).abs() < 1e-12); // held at 4.5%, below F
//! assert!(w("G") < w("F"));
//! let large: f64 = ["A", "B", "C", "D", "E", "F"].iter().map(|&t| w(t)).sum();
//! assert!((large - 0.40).abs() < 1e-12);
//! assert!((weighting.total() - 1.0).abs() < 1e-12);
//!
//! let stage = &weighting.report().stages()[0];
//! assert_eq!(stage.stage(), Stage::Aggregate);
//! assert_eq!(stage.capped(), ["G"]);
//! # Ok::<(), ta_stream::index::WeightingError>(())
//! ```

pub mod calendar;
pub mod capping;
mod error;
pub mod index_level;
pub mod monitor;
pub mod nasdaq100;
pub mod sectors;
pub mod select_sector;
pub mod ucits;
mod universe;
mod weighting;

pub use calendar::{RebalanceCalendar, RebalanceDates, RebalanceKind};
pub use capping::{Level, Method, Stage, StageReport, WeightingReport};
pub use error::WeightingError;
pub use index_level::{Constituent, IndexCalculator, PriceUpdate};
pub use monitor::{Breach, MonitorReading, SpecialRebalanceMonitor};
pub use sectors::SectorComposition;
pub use universe::{Company, DoubleCount, DoubleCountPolicy, Security, Universe};
pub use weighting::{CompanyWeight, SecurityWeight, Weighting};
