//! Hand-computed weightings for every method, the errors for infeasible and invalid
//! universes, the special-rebalance monitor, the index calculator and the rebalance
//! calendar for 2024–2026. Weights are in percent in the comments.

use chrono::NaiveDate;
use ta_stream::index::capping::{aggregate_cap, cap_single, water_fill};
use ta_stream::index::{
    nasdaq100, select_sector, ucits, Breach, Constituent, DoubleCountPolicy, IndexCalculator,
    Level, PriceUpdate, RebalanceCalendar, RebalanceKind, SectorComposition, Security,
    SpecialRebalanceMonitor, Stage, Universe, Weighting, WeightingError,
};
use ta_stream::{Error, Indicator};

const TOL: f64 = 1e-12;

fn universe(rows: &[(&str, f64)], small: usize, small_cap: f64) -> Universe {
    let mut securities: Vec<Security> = rows.iter().map(|&(t, c)| Security::new(t, c)).collect();
    securities.extend((0..small).map(|i| Security::new(format!("Z{i:03}"), small_cap)));
    Universe::new(securities).expect("valid universe")
}

fn w(weighting: &Weighting, ticker: &str) -> f64 {
    weighting.weight(ticker).expect("ticker in weighting")
}

fn close(actual: f64, expected: f64) {
    approx::assert_abs_diff_eq!(actual, expected, epsilon = TOL);
}

// ---------------------------------------------------------------- Nasdaq-100 quarterly

/// A 40, B 20, C 10, 30 names at 1 (total 100).
/// Stage 1 (A 40 > 24): A → 20; AF = 80/60 lifts B to 26.7 > 20 → capped too;
/// AF = 60/40 = 1.5: C 15, small 1.5 each.
/// Stage 2: A + B + C = 55 ≥ 48 → f = 40/55: A = B = 160/11 ≈ 14.545, C = 120/11 ≈ 10.909;
/// the 30 small names share 60: 2 each (cap min(4.5, 10.9) not reached).
#[test]
fn quarterly_24_percent_trigger_then_48_percent() {
    let weighting =
        nasdaq100::quarterly(&universe(&[("A", 40.0), ("B", 20.0), ("C", 10.0)], 30, 1.0)).unwrap();
    close(w(&weighting, "A"), 0.16 / 1.1);
    close(w(&weighting, "B"), 0.16 / 1.1);
    close(w(&weighting, "C"), 0.12 / 1.1);
    close(w(&weighting, "Z000"), 0.02);
    close(weighting.total(), 1.0);

    let report = weighting.report();
    let stages = report.stages();
    assert_eq!(stages.len(), 2);
    let first = &stages[0];
    assert_eq!(
        (first.level(), first.stage(), first.round()),
        (Level::Company, Stage::SingleName, 1)
    );
    close(first.observed(), 0.40);
    assert_eq!(first.capped(), ["A", "B"]);
    close(first.adjustment_factor(), 1.5);
    assert_eq!(first.iterations(), 3);
    let second = &stages[1];
    assert_eq!(second.stage(), Stage::Aggregate);
    close(second.observed(), 0.55);
    assert_eq!(second.cohort(), ["A", "B", "C"]);
    close(second.scale().unwrap(), 0.40 / 0.55);
    close(second.adjustment_factor(), 0.60 / 0.45);
    assert!(second.capped().is_empty());
    assert_eq!(report.rounds(), 2); // round 2 only checks
}

/// A 12, B 10, C 9, D 8, E 6, F 5 (50 ≥ 48), G 4.4 just under the threshold, 76 names at
/// 0.6 (total 100). No company above 24%.
/// f = 40/50 = 0.8: A 9.6, B 8, C 7.2, D 6.4, E 4.8, F 4.0.
/// Others (G 4.4 + 45.6) water-filled to 60 with c = min(4.5, 4.0) = 4.0:
/// AF = 60/50 = 1.2 puts G at 5.28 > 4.0 → G capped at 4.0;
/// AF = 56/45.6: small names 0.6·56/45.6 ≈ 0.737.
/// Without rank preservation (cap 4.5 only) G would end at 4.5, above the cut F (4.0).
#[test]
fn quarterly_only_48_percent_with_rank_preservation() {
    let rows = [
        ("A", 12.0),
        ("B", 10.0),
        ("C", 9.0),
        ("D", 8.0),
        ("E", 6.0),
        ("F", 5.0),
        ("G", 4.4),
    ];
    let weighting = nasdaq100::quarterly(&universe(&rows, 76, 0.6)).unwrap();
    for (ticker, expected) in [
        ("A", 9.6),
        ("B", 8.0),
        ("C", 7.2),
        ("D", 6.4),
        ("E", 4.8),
        ("F", 4.0),
    ] {
        close(w(&weighting, ticker), expected / 100.0);
    }
    close(w(&weighting, "G"), 0.04);
    assert!(w(&weighting, "G") <= w(&weighting, "F"));
    close(w(&weighting, "Z000"), 0.006 * 56.0 / 45.6);
    close(weighting.total(), 1.0);

    let report = weighting.report();
    assert!(!report.triggered(Stage::SingleName));
    assert!(report.triggered(Stage::Aggregate));
    let stage = &report.stages()[0];
    assert_eq!(stage.cohort(), ["A", "B", "C", "D", "E", "F"]);
    assert_eq!(stage.capped(), ["G"]);
    close(stage.scale().unwrap(), 0.8);
    close(stage.adjustment_factor(), 56.0 / 45.6);
    // The generic engine gives the same numbers, and with the 4.5% cap alone G would
    // overtake F: the reason for the rank-preserving cap.
    let initial: Vec<f64> = rows
        .iter()
        .map(|&(_, c)| c / 100.0)
        .chain(std::iter::repeat_n(0.006, 76))
        .collect();
    let step = aggregate_cap(&initial, 0.045, 0.40, 0.045).unwrap();
    close(step.outsider_cap(), 0.04);
    let naive = water_fill(&initial[6..], &vec![0.045; 77], 0.60).unwrap();
    assert!(naive.weights()[0] > 0.8 * 0.05);
}

/// Exactly at the thresholds: A and B at 24% each (24/100 + 24/100 == 0.48 exactly in
/// f64), 52 names at 1%. Stage 1 does not fire (24% is not above 24%); the scheduled stage
/// 2 fires (48% ≥ 48%): f = 40/48, A = B = 20%, the others 60/52 each. The
/// special-rebalance monitor (> 48%) does not fire on the same weights.
#[test]
fn scheduled_test_is_at_least_48_but_special_test_is_above_48() {
    let u = universe(&[("A", 24.0), ("B", 24.0)], 52, 1.0);
    let initial: Vec<(&str, f64)> = u
        .securities()
        .iter()
        .map(|s| (s.ticker(), u.security_weight(s.ticker()).unwrap()))
        .collect();
    assert_eq!(initial[0].1 + initial[1].1, 0.48);
    assert!(SpecialRebalanceMonitor::check(initial.iter().copied())
        .unwrap()
        .is_empty());

    let weighting = nasdaq100::quarterly(&u).unwrap();
    let stages = weighting.report().stages();
    assert_eq!(stages.len(), 1, "{stages:#?}");
    assert_eq!(stages[0].stage(), Stage::Aggregate);
    close(w(&weighting, "A"), 0.20);
    close(w(&weighting, "Z000"), 0.60 / 52.0);

    // A hair above 48%: the monitor fires, heaviest company first.
    let breaches =
        SpecialRebalanceMonitor::check([("C", 0.0500001), ("A", 0.24), ("B", 0.19), ("D", 0.04)])
            .unwrap();
    assert_eq!(breaches.len(), 1);
    assert!(
        matches!(&breaches[0], Breach::Aggregate { companies, .. } if companies == &["A", "B", "C"])
    );
}

/// An already compliant universe is returned unchanged.
#[test]
fn compliant_universe_is_unchanged() {
    let u = universe(&[("A", 4.0), ("B", 3.0)], 60, 1.0);
    let weighting = nasdaq100::quarterly(&u).unwrap();
    assert!(weighting.report().stages().is_empty());
    for s in weighting.securities() {
        assert_eq!(s.weight(), s.initial());
    }
}

// ---------------------------------------------------------------- Nasdaq-100 December

/// Alpha has two share classes AA 10 and AB 7 (company 17); B 9, C 8, D 7, E 4, and 55
/// names at 1 (total 100).
/// Company level: max 17 < 24; companies above 4.5: 17 + 9 + 8 + 7 = 41 < 48: nothing.
/// Security level: max 10 < 15; top 5 = AA 10, B 9, C 8, AB 7, D 7 = 41 ≥ 40 → scaled by
/// 38.5/41; others (E 4 + 55) water-filled to 61.5 under min(4.4, 7·38.5/41 ≈ 6.57) = 4.4:
/// AF = 61.5/59, E = 4·61.5/59 ≈ 4.17 < 4.4.
/// The company level is not revisited: Alpha ends at 17·38.5/41 ≈ 15.96.
#[test]
fn december_with_two_share_classes() {
    let mut rows = vec![
        Security::new("AA", 10.0).with_company("Alpha"),
        Security::new("AB", 7.0).with_company("Alpha"),
    ];
    rows.extend([("B", 9.0), ("C", 8.0), ("D", 7.0), ("E", 4.0)].map(|(t, c)| Security::new(t, c)));
    rows.extend((0..55).map(|i| Security::new(format!("Z{i:03}"), 1.0)));
    let u = Universe::new(rows).unwrap();

    // Quarterly: compliant, nothing happens.
    assert!(nasdaq100::quarterly(&u)
        .unwrap()
        .report()
        .stages()
        .is_empty());

    let weighting = nasdaq100::annual(&u).unwrap();
    let f = 38.5 / 41.0;
    for (ticker, cap) in [
        ("AA", 10.0),
        ("B", 9.0),
        ("C", 8.0),
        ("AB", 7.0),
        ("D", 7.0),
    ] {
        close(w(&weighting, ticker), cap * f / 100.0);
    }
    close(w(&weighting, "E"), 0.04 * 61.5 / 59.0);
    close(w(&weighting, "Z000"), 0.01 * 61.5 / 59.0);
    close(weighting.company_weight("Alpha").unwrap(), 0.17 * f);
    close(weighting.total(), 1.0);

    let stages = weighting.report().stages();
    assert_eq!(stages.len(), 1);
    assert_eq!(
        (stages[0].level(), stages[0].stage()),
        (Level::Security, Stage::Aggregate)
    );
    assert_eq!(stages[0].cohort(), ["AA", "AB", "B", "C", "D"]);
    close(stages[0].observed(), 0.41);
}

/// A security above 15%: every security capped at 14%, then the top 5 scaled to 38.5%.
/// X 16, Y 2 (one company "XY", 18 < 24), 82 names at 1 (total 100).
/// Company level: XY 18 < 24; above 4.5: 18 < 48. Security level: X 16 > 15 → 14;
/// AF = 86/84: Y 2·86/84, small 86/84. Top 5: X 14 + Y 2.048 + 3·1.024 = 19.1 < 40.
#[test]
fn december_security_cap_at_14() {
    let mut rows = vec![
        Security::new("X", 16.0).with_company("XY"),
        Security::new("Y", 2.0).with_company("XY"),
    ];
    rows.extend((0..82).map(|i| Security::new(format!("Z{i:03}"), 1.0)));
    let weighting = nasdaq100::annual(&Universe::new(rows).unwrap()).unwrap();
    close(w(&weighting, "X"), 0.14);
    close(w(&weighting, "Y"), 0.02 * 86.0 / 84.0);
    close(w(&weighting, "Z000"), 0.01 * 86.0 / 84.0);
    let stages = weighting.report().stages();
    assert_eq!(stages.len(), 1);
    assert_eq!(
        (stages[0].level(), stages[0].stage()),
        (Level::Security, Stage::SingleName)
    );
    assert_eq!(stages[0].capped(), ["X"]);
}

// ---------------------------------------------------------------- double counts

#[test]
fn double_count_is_rejected_or_counted_once() {
    let rows = vec![
        Security::new("GOOG", 1.89e12).with_company("Alphabet"),
        Security::new("GOOGL", 1.89e12).with_company("Alphabet"),
        Security::new("MSFT", 2.36e12),
    ];
    match Universe::new(rows.clone()) {
        Err(WeightingError::DoubleCounted {
            company,
            tickers,
            market_cap,
        }) => {
            assert_eq!(company, "Alphabet");
            assert_eq!(tickers, ["GOOG", "GOOGL"]);
            assert_eq!(market_cap, 1.89e12);
        }
        other => panic!("expected DoubleCounted, got {other:?}"),
    }
    let u = Universe::with_policy(rows, DoubleCountPolicy::CompanyTotal).unwrap();
    close(u.total_market_cap(), 4.25e12);
    close(u.company_weight("Alphabet").unwrap(), 1.89 / 4.25);
    close(u.security_weight("GOOG").unwrap(), 0.5 * 1.89 / 4.25);
    assert_eq!(u.double_counts()[0].tickers(), ["GOOG", "GOOGL"]);
    // Not grouped at all: flagged as a suspicion, not an error.
    let ungrouped = Universe::new(vec![
        Security::new("GOOG", 1.89e12),
        Security::new("GOOGL", 1.89e12),
        Security::new("MSFT", 2.36e12),
    ])
    .unwrap();
    assert_eq!(
        ungrouped.suspected_double_counts(),
        [("GOOG".to_string(), "GOOGL".to_string())]
    );
    // Distinct classes of one company are fine and split pro rata.
    let u = Universe::new(vec![
        Security::new("GOOG", 0.9e12).with_company("Alphabet"),
        Security::new("GOOGL", 1.0e12).with_company("Alphabet"),
    ])
    .unwrap();
    close(u.company_weight("Alphabet").unwrap(), 1.0);
    close(u.security_weight("GOOG").unwrap(), 0.9 / 1.9);
}

// ---------------------------------------------------------------- errors

#[test]
fn infeasible_constraints_are_errors() {
    // A 5% single-name cap with 19 names.
    assert!(matches!(
        cap_single(&[1.0; 19], 0.05),
        Err(WeightingError::Infeasible { names: 19, .. })
    ));
    assert!(cap_single(&[1.0; 20], 0.05).is_ok());
    // Stage 1 with 4 companies: 4 × 20% < 100%.
    let u = universe(
        &[("A", 50.0), ("B", 20.0), ("C", 20.0), ("D", 10.0)],
        0,
        1.0,
    );
    let err = nasdaq100::quarterly(&u).unwrap_err();
    assert!(matches!(
        err,
        WeightingError::Infeasible {
            constraint: "single-name cap",
            ..
        }
    ));
    // Stage 2 with every company above 4.5%: nobody to take the 60%.
    let u = universe(&[], 10, 1.0);
    let err = nasdaq100::quarterly(&u).unwrap_err();
    assert!(
        matches!(
            err,
            WeightingError::Infeasible {
                constraint: "aggregate cap",
                ..
            }
        ),
        "{err}"
    );
    // December: fewer than 14 securities outside the top 5 cannot carry 61.5% at 4.4%.
    let u = universe(&[], 18, 1.0);
    assert!(matches!(
        nasdaq100::annual(&u),
        Err(WeightingError::Infeasible { .. })
    ));
    // UCITS needs at least 12 names at 9%.
    assert!(matches!(
        ucits::weights(&universe(&[], 11, 1.0)),
        Err(WeightingError::Infeasible { .. })
    ));
    // Select Sector stage 1 with 4 companies.
    let u = universe(
        &[("A", 70.0), ("B", 10.0), ("C", 10.0), ("D", 10.0)],
        0,
        1.0,
    );
    assert!(matches!(
        select_sector::weights(&u),
        Err(WeightingError::Infeasible { .. })
    ));
}

#[test]
fn invalid_universes_are_errors() {
    assert_eq!(Universe::new(vec![]), Err(WeightingError::EmptyUniverse));
    for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let err =
            Universe::new(vec![Security::new("A", 1.0), Security::new("B", bad)]).unwrap_err();
        assert!(
            matches!(err, WeightingError::InvalidMarketCap { ref ticker, .. } if ticker == "B"),
            "{err}"
        );
    }
    assert_eq!(
        Universe::new(vec![Security::new("A", 1.0), Security::new("A", 2.0)]),
        Err(WeightingError::DuplicateTicker { ticker: "A".into() })
    );
    assert!(matches!(
        Universe::new(vec![Security::new(" ", 1.0)]),
        Err(WeightingError::EmptyName {
            field: "ticker",
            ..
        })
    ));
    assert!(matches!(
        Universe::new(vec![Security::new("A", 1.0).with_company("")]),
        Err(WeightingError::EmptyName {
            field: "company",
            ..
        })
    ));
    // The engine refuses unusable inputs.
    assert!(matches!(
        water_fill(&[1.0, -1.0], &[1.0, 1.0], 1.0),
        Err(WeightingError::InvalidInput {
            name: "weight",
            index: 1,
            ..
        })
    ));
    assert!(matches!(
        water_fill(&[1.0], &[1.0, 1.0], 1.0),
        Err(WeightingError::InvalidInput { name: "length", .. })
    ));
    assert!(matches!(
        water_fill(&[1.0], &[f64::NAN], 1.0),
        Err(WeightingError::InvalidInput { name: "cap", .. })
    ));
    assert!(matches!(
        cap_single(&[1.0], 0.0),
        Err(WeightingError::InvalidInput { .. })
    ));
    let message = Universe::new(vec![
        Security::new("GOOG", 5.0).with_company("Alphabet"),
        Security::new("GOOGL", 5.0).with_company("Alphabet"),
    ])
    .unwrap_err()
    .to_string();
    assert_eq!(
        message,
        "company `Alphabet` is double counted: its share classes [\"GOOG\", \"GOOGL\"] all quote the same market cap 5"
    );
}

// ---------------------------------------------------------------- water-filling

/// 50/30/15/5 with caps 25% each: AF = 1 caps A and B; AF = 50/20 = 2.5 puts C at
/// 37.5 > 25 → capped; AF = 25/5 = 5: D at 25 = its cap, not above: stays uncapped.
#[test]
fn water_fill_cascades() {
    let fill = water_fill(&[0.50, 0.30, 0.15, 0.05], &[0.25; 4], 1.0).unwrap();
    for (&got, expected) in fill.weights().iter().zip([0.25, 0.25, 0.25, 0.25]) {
        close(got, expected);
    }
    assert_eq!(fill.capped(), [0, 1, 2]);
    close(fill.adjustment_factor(), 5.0);
    assert_eq!(fill.iterations(), 3);
    // Different caps per name, and a target below the sum (scaling down).
    let fill = water_fill(&[4.0, 4.0, 2.0], &[1.0, 3.0, 3.0], 5.0).unwrap();
    close(fill.weights()[0], 1.0);
    close(fill.weights()[1], 8.0 / 3.0);
    close(fill.weights()[2], 4.0 / 3.0);
}

// ---------------------------------------------------------------- S&P Select Sector 2024

/// A 20, B 20, C 10, D 5 (55 > 50), 45 names at 1 (total 100). No company above 24%.
/// Cohort: 45·w/55: A = B = 16.36, C = 8.18, D = 4.09 → floored at 4.5.
/// Freed: 55 − (16.36·2 + 8.18 + 4.5) = 9.59 → recipients (45 names) 54.59/45 each.
#[test]
fn select_sector_floor_and_recipients() {
    let weighting = select_sector::weights(&universe(
        &[("A", 20.0), ("B", 20.0), ("C", 10.0), ("D", 5.0)],
        45,
        1.0,
    ))
    .unwrap();
    close(w(&weighting, "A"), 0.45 * 20.0 / 55.0);
    close(w(&weighting, "C"), 0.45 * 10.0 / 55.0);
    close(w(&weighting, "D"), 0.045);
    let cohort = 0.45 * 50.0 / 55.0 + 0.045;
    close(w(&weighting, "Z000"), (1.0 - cohort) / 45.0);
    close(weighting.total(), 1.0);
    assert_eq!(weighting.report().stages().len(), 1);
}

/// A 26 > 24: capped at 23 (AF = 77/74); then A 23 + B 20.81 + C 8.32 = 52.14 > 50:
/// cohort to 45 pro rata, 46 recipients share the rest.
#[test]
fn select_sector_both_stages() {
    let weighting =
        select_sector::weights(&universe(&[("A", 26.0), ("B", 20.0), ("C", 8.0)], 46, 1.0))
            .unwrap();
    let af = 77.0 / 74.0;
    let cohort = 23.0 + 28.0 * af;
    close(w(&weighting, "A"), 0.45 * 23.0 / cohort);
    close(w(&weighting, "B"), 0.45 * 20.0 * af / cohort);
    close(w(&weighting, "Z000"), 0.55 / 46.0);
    let stages = weighting.report().stages();
    assert_eq!(stages.len(), 2);
    assert_eq!(stages[0].stage(), Stage::SingleName);
    assert_eq!(stages[1].stage(), Stage::Aggregate);
    assert!(weighting.report().triggered(Stage::Aggregate));
}

// ---------------------------------------------------------------- UCITS 10/40

/// B0..B5 at 10, 40 names at 1 (total 100). Cap 9: six at 9 (54), small 46/40 = 1.15.
/// 54 > 36: fix B5 at 4.5 → five at 9 (45), small 50.5/40; 45 > 36: fix B4 → four at 9
/// (36), small 55/40 = 1.375. 36 ≤ 36: done.
#[test]
fn ucits_36_9_4_5() {
    let rows: Vec<(String, f64)> = (0..6).map(|i| (format!("B{i}"), 10.0)).collect();
    let rows: Vec<(&str, f64)> = rows.iter().map(|(t, c)| (t.as_str(), *c)).collect();
    let weighting = ucits::weights(&universe(&rows, 40, 1.0)).unwrap();
    for t in ["B0", "B1", "B2", "B3"] {
        close(w(&weighting, t), 0.09);
    }
    close(w(&weighting, "B4"), 0.045);
    close(w(&weighting, "B5"), 0.045);
    close(w(&weighting, "Z000"), 0.01375);
    close(weighting.total(), 1.0);
    let stages = weighting.report().stages();
    assert_eq!(stages.len(), 3);
    assert_eq!(stages[1].cohort(), ["B5"]);
    assert_eq!(stages[2].cohort(), ["B4"]);
}

// ---------------------------------------------------------------- monitor and sectors

#[test]
fn monitor_single_company_breach() {
    let mut monitor = SpecialRebalanceMonitor::new();
    let reading = monitor
        .update([("NVDA", 0.245), ("MSFT", 0.10), ("REST", 0.02)])
        .unwrap();
    assert!(reading.started());
    assert_eq!(reading.breaches().len(), 1);
    assert_eq!(
        reading.breaches()[0],
        Breach::SingleCompany {
            company: "NVDA".into(),
            weight: 0.245
        }
    );
    assert_eq!(
        reading.breaches()[0].to_string(),
        "NVDA weighs 24.50% (> 24%)"
    );
    // Share classes add up: 0.13 + 0.12 = 0.25 > 0.24.
    let breaches =
        SpecialRebalanceMonitor::check([("Alphabet", 0.13), ("Alphabet", 0.12)]).unwrap();
    assert!(matches!(&breaches[0], Breach::SingleCompany { company, .. } if company == "Alphabet"));
    assert!(SpecialRebalanceMonitor::check([("A", -0.1)]).is_err());
}

#[test]
fn sector_composition_from_weighting() {
    let rows: Vec<Security> = (0..40)
        .map(|i| {
            Security::new(format!("S{i:02}"), 1.0 + i as f64).with_sector(if i % 2 == 0 {
                "Even"
            } else {
                "Odd"
            })
        })
        .collect();
    let weighting = nasdaq100::quarterly(&Universe::new(rows).unwrap()).unwrap();
    let composition = SectorComposition::from_weighting(&weighting);
    // Odd: caps 2, 4, ..., 40 = 420; even: 1, 3, ..., 39 = 400; total 820.
    close(composition.weight("Odd").unwrap(), 420.0 / 820.0);
    assert_eq!(composition.largest().unwrap().0, "Odd");
    close(composition.total(), 1.0);
}

// ---------------------------------------------------------------- index calculator

#[test]
fn index_level_is_continuous_across_a_rebalance() {
    let mut index = IndexCalculator::from_shares(
        1000.0,
        vec![
            Constituent::new("A", 10.0, 50.0),
            Constituent::new("B", 20.0, 25.0),
        ],
    )
    .unwrap();
    close(index.divisor(), 1.0); // 500 + 500 = 1000
    index.update(PriceUpdate::new(0, 60.0)); // A +20% → market value 1100
    close(index.level(), 1100.0);
    close(index.weight(0).unwrap(), 600.0 / 1100.0);
    // New basket: B and C; market value 20·25 + 40·10 = 900; divisor = 900/1100.
    index
        .rebalance(vec![
            Constituent::new("B", 20.0, 25.0),
            Constituent::new("C", 40.0, 10.0),
        ])
        .unwrap();
    close(index.level(), 1100.0);
    close(index.divisor(), 900.0 / 1100.0);
    assert_eq!(index.position("A"), None);
    // C +10%: market value 940; level 940 / (900/1100).
    let level = index.update(PriceUpdate::new(1, 11.0)).unwrap();
    close(level, 940.0 * 1100.0 / 900.0);
    // peek equals update on a clone; unusable inputs are ignored.
    let mut clone = index.clone();
    assert_eq!(
        index.peek(PriceUpdate::new(0, 26.0)),
        clone.update(PriceUpdate::new(0, 26.0))
    );
    assert_eq!(index.update(PriceUpdate::new(0, f64::NAN)), Some(level));
    assert_eq!(index.update(PriceUpdate::new(9, 1.0)), Some(level));
    assert_eq!(
        index.try_update(PriceUpdate::new(0, -1.0)),
        Err(Error::InvalidInput)
    );
    assert!(index.set_price("ZZZ", 1.0).is_err());
    // reset: back to the rebalance prices.
    index.reset();
    close(index.level(), 1100.0);
}

#[test]
fn index_level_invalid_inputs() {
    assert!(IndexCalculator::from_shares(0.0, vec![Constituent::new("A", 1.0, 1.0)]).is_err());
    assert!(IndexCalculator::from_shares(1.0, vec![Constituent::new("A", -1.0, 1.0)]).is_err());
    assert!(IndexCalculator::from_shares(1.0, vec![Constituent::new("A", 1.0, f64::NAN)]).is_err());
    assert!(IndexCalculator::from_shares(
        1.0,
        vec![
            Constituent::new("A", 1.0, 1.0),
            Constituent::new("A", 1.0, 1.0)
        ]
    )
    .is_err());
    assert!(IndexCalculator::from_weights(1.0, &[("A", 0.0, 1.0)]).is_err());
    let mut index = IndexCalculator::from_weights(100.0, &[("A", 1.0, 1.0)]).unwrap();
    let before = index.clone();
    assert!(index.rebalance(vec![]).is_err());
    assert_eq!(index, before); // unchanged on error
}

/// A million price updates: the running market value stays within 1e-12 of the exact one.
#[test]
fn index_level_does_not_drift() {
    let n = 100;
    let basket: Vec<Constituent> = (0..n)
        .map(|i| Constituent::new(format!("S{i:03}"), 1.0 + i as f64 * 1e3, 10.0 + i as f64))
        .collect();
    let mut index = IndexCalculator::from_shares(10_000.0, basket).unwrap();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for step in 0..1_000_000usize {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let position = step % n;
        let old = index.price(position).unwrap();
        let change = 1.0 + ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 0.02;
        index.update(PriceUpdate::new(position, old * change));
    }
    let running = index.market_value();
    let mut exact = index.clone();
    exact.recompute();
    let relative = (running - exact.market_value()).abs() / exact.market_value();
    assert!(relative < 1e-12, "drift {relative:e}");
}

#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn index_level_serde_round_trip_and_validation() {
    let mut index =
        IndexCalculator::from_weights(100.0, &[("A", 0.5, 10.0), ("B", 0.5, 20.0)]).unwrap();
    index.update(PriceUpdate::new(0, 11.0));
    let json = serde_json::to_string(&index).unwrap();
    let mut restored: IndexCalculator = serde_json::from_str(&json).unwrap();
    assert_eq!(restored, index);
    assert_eq!(
        restored.update(PriceUpdate::new(1, 21.0)),
        index.update(PriceUpdate::new(1, 21.0))
    );
    assert_eq!(restored.position("B"), Some(1));
    let corrupt = json.replace("\"divisor\":", "\"divisor\":-");
    assert!(serde_json::from_str::<IndexCalculator>(&corrupt).is_err());
    let wrong_value = json.replace("\"market_value\":", "\"market_value\":1");
    assert!(serde_json::from_str::<IndexCalculator>(&wrong_value).is_err());
    // Universes and reports round-trip too; a universe is re-validated.
    let u = universe(&[("A", 30.0)], 40, 1.0);
    let weighting = nasdaq100::quarterly(&u).unwrap();
    let back: Weighting =
        serde_json::from_str(&serde_json::to_string(&weighting).unwrap()).unwrap();
    assert_eq!(back, weighting);
    let back: Universe = serde_json::from_str(&serde_json::to_string(&u).unwrap()).unwrap();
    assert_eq!(back, u);
    let bad = r#"{"securities":[{"ticker":"A","company":"A","market_cap":-1.0,"sector":null}],"policy":"Reject"}"#;
    assert!(serde_json::from_str::<Universe>(bad).is_err());
}

// ---------------------------------------------------------------- calendar

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Third Fridays and effective dates for 2024–2026, checked against a wall calendar.
/// Juneteenth 2026 (Fri 2026-06-19) is the third Friday of June 2026 and a holiday.
#[test]
fn calendar_2024_to_2026() {
    let holidays = [
        date(2024, 11, 28),
        date(2025, 11, 27),
        date(2026, 6, 19),
        date(2026, 11, 26),
    ];
    let calendar = RebalanceCalendar::new(holidays);
    let expected = [
        // (year, month, reference, third Friday, effective)
        (
            2024,
            3,
            date(2024, 2, 29),
            date(2024, 3, 15),
            date(2024, 3, 18),
        ),
        (
            2024,
            6,
            date(2024, 5, 31),
            date(2024, 6, 21),
            date(2024, 6, 24),
        ),
        (
            2024,
            9,
            date(2024, 8, 30),
            date(2024, 9, 20),
            date(2024, 9, 23),
        ),
        (
            2024,
            12,
            date(2024, 11, 29),
            date(2024, 12, 20),
            date(2024, 12, 23),
        ),
        (
            2025,
            3,
            date(2025, 2, 28),
            date(2025, 3, 21),
            date(2025, 3, 24),
        ),
        (
            2025,
            6,
            date(2025, 5, 30),
            date(2025, 6, 20),
            date(2025, 6, 23),
        ),
        (
            2025,
            9,
            date(2025, 8, 29),
            date(2025, 9, 19),
            date(2025, 9, 22),
        ),
        (
            2025,
            12,
            date(2025, 11, 28),
            date(2025, 12, 19),
            date(2025, 12, 22),
        ),
        (
            2026,
            3,
            date(2026, 2, 27),
            date(2026, 3, 20),
            date(2026, 3, 23),
        ),
        (
            2026,
            6,
            date(2026, 5, 29),
            date(2026, 6, 19),
            date(2026, 6, 22),
        ),
        (
            2026,
            9,
            date(2026, 8, 31),
            date(2026, 9, 18),
            date(2026, 9, 21),
        ),
        (
            2026,
            12,
            date(2026, 11, 30),
            date(2026, 12, 18),
            date(2026, 12, 21),
        ),
    ];
    for (year, month, reference, third, effective) in expected {
        let dates = calendar.rebalance(year, month).unwrap();
        assert_eq!(dates.reference(), reference, "{year}-{month}");
        assert_eq!(dates.third_friday(), third, "{year}-{month}");
        assert_eq!(dates.effective(), effective, "{year}-{month}");
        let kind = if month == 12 {
            RebalanceKind::Annual
        } else {
            RebalanceKind::Quarterly
        };
        assert_eq!(dates.kind(), kind);
    }
    // Announcements: 6 trading days before the effective date.
    assert_eq!(
        calendar.rebalance(2024, 12).unwrap().announcement(),
        date(2024, 12, 13)
    );
    assert_eq!(
        calendar.rebalance(2025, 12).unwrap().announcement(),
        date(2025, 12, 12)
    );
    // June 2026: the 19th is a holiday, so the 6 days are 18, 17, 16, 15, 12, 11.
    assert_eq!(
        calendar.rebalance(2026, 6).unwrap().announcement(),
        date(2026, 6, 11)
    );
    // A holiday on the Monday after a third Friday pushes the effective date to Tuesday.
    let closed_monday = RebalanceCalendar::new([date(2025, 12, 22)]);
    assert_eq!(
        closed_monday.rebalance(2025, 12).unwrap().effective(),
        date(2025, 12, 23)
    );
    // next_rebalance and errors.
    assert_eq!(
        calendar
            .next_rebalance(date(2024, 12, 23))
            .unwrap()
            .effective(),
        date(2024, 12, 23)
    );
    assert_eq!(
        calendar
            .next_rebalance(date(2024, 12, 24))
            .unwrap()
            .effective(),
        date(2025, 3, 24)
    );
    assert!(calendar.rebalance(2025, 4).is_err());
    assert!(RebalanceCalendar::third_friday(2025, 13).is_err());
    assert!(calendar.last_trading_day_of_month(2025, 0).is_err());
    assert_eq!(calendar.year(2026).unwrap().len(), 4);
}
