//! The contract of the index family under adversarial inputs: the streaming index level
//! (adversarial prices, serde fuzz), the weighting functions over market caps spanning 600
//! orders of magnitude, and regression tests for the exact cases of issue 15.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f64, adversarial_positive_f64s};
use proptest::prelude::*;
use ta_stream::index::capping::{aggregate_cap, cap_single, water_fill};
use ta_stream::index::{
    nasdaq100, select_sector, ucits, Constituent, IndexCalculator, PriceUpdate, Security, Universe,
    Weighting, WeightingError,
};
use ta_stream::{Error, Indicator};

// ------------------------------------------------------------------ the index level

/// A level is a usable number: finite and in `1e-150..=1e150`.
fn level_ok(level: &f64) -> bool {
    level.is_finite() && (1e-150..=1e150).contains(level)
}

/// Price updates: adversarial prices (some outside the usable range, some negative) for
/// positions 0..=3 of a 3-constituent basket (3 is out of range).
fn price_updates() -> impl Strategy<Value = Vec<PriceUpdate>> {
    prop_oneof![
        prop::collection::vec((0..4usize, adversarial_f64()), 0..60).prop_map(|updates| {
            updates
                .into_iter()
                .map(|(position, price)| PriceUpdate::new(position, price))
                .collect()
        }),
        (
            adversarial_positive_f64s(),
            prop::collection::vec(0..4usize, 1..8)
        )
            .prop_map(|(prices, positions)| {
                prices
                    .into_iter()
                    .zip(positions.iter().cycle())
                    .map(|(price, &position)| PriceUpdate::new(position, price))
                    .collect()
            }),
    ]
}

/// An ordinary basket at level 1000.
fn ordinary() -> IndexCalculator {
    IndexCalculator::from_weights(
        1000.0,
        &[("A", 0.5, 100.0), ("B", 0.3, 20.0), ("C", 0.2, 5.0)],
    )
    .expect("valid basket")
}

/// A basket of extreme magnitudes: one term of 1e300, one of 1e-300, one of 1; level 1.
fn extreme() -> IndexCalculator {
    IndexCalculator::from_shares(
        1.0,
        vec![
            Constituent::new("HUGE", 1e150, 1e150),
            Constituent::new("TINY", 1e-150, 1e-150),
            Constituent::new("ONE", 1.0, 1.0),
        ],
    )
    .expect("valid basket")
}

/// A basket of tiny terms at a large level (divisor 3e-290).
fn tiny() -> IndexCalculator {
    IndexCalculator::from_shares(
        1e-10,
        vec![
            Constituent::new("A", 1e-150, 1e-150),
            Constituent::new("B", 1e-150, 1e-150),
            Constituent::new("C", 1e-150, 1e-150),
        ],
    )
    .expect("valid basket")
}

adversarial_contract!(index_ordinary_contract, ordinary, price_updates(), level_ok);
adversarial_contract!(index_extreme_contract, extreme, price_updates(), level_ok);
adversarial_contract!(index_tiny_contract, tiny, price_updates(), level_ok);
serde_fuzz!(
    index_ordinary_serde_fuzz,
    ordinary,
    price_updates(),
    level_ok
);
serde_fuzz!(index_extreme_serde_fuzz, extreme, price_updates(), level_ok);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::adversarial::cases(128)))]

    /// After any accepted updates the drifted weights are finite, in `0..=1` (up to the
    /// running sum's 1e-9) and sum to 1, and `reset` returns to a valid checkpoint.
    #[test]
    fn index_weights_stay_finite_and_sum_to_one(updates in price_updates(), which in 0..3usize) {
        let mut index = [ordinary, extreme, tiny][which]();
        for &update in &updates {
            index.update(update);
        }
        let weights: Vec<f64> = index.weights().iter().map(|&(_, w)| w).collect();
        prop_assert!(weights.iter().all(|w| w.is_finite() && *w >= 0.0 && *w <= 1.0 + 1e-9));
        let total: f64 = weights.iter().sum();
        prop_assert!((total - 1.0).abs() < 1e-9, "weights sum to {}", total);
        index.reset();
        prop_assert!(level_ok(&index.level()));
        let json = serde_json::to_string(&index).unwrap();
        let back: IndexCalculator = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, index);
    }
}

/// Issue 15: "IndexCalculator after extreme price updates ('market value does not match
/// shares x prices')". A dominant constituent falling by 1e75 used to leave a running market
/// value that its own checkpoint refused (the difference `shares · (new − old)` lost the
/// small terms); now the state loads back identically and the level is exact.
#[test]
fn index_checkpoint_survives_extreme_price_updates() {
    let mut index = IndexCalculator::from_shares(
        1e100,
        vec![
            Constituent::new("BIG", 1e75, 1e75),
            Constituent::new("SMALL", 1.0, 1.0),
        ],
    )
    .unwrap();
    // BIG falls from 1e75 to 1e-75: the market value goes from 1e150 to 2.
    let level = index
        .try_update(PriceUpdate::new(0, 1e-75))
        .unwrap()
        .unwrap();
    assert!((index.market_value() - 2.0).abs() <= 2.0 * 1e-15);
    assert!((level - 2e-50).abs() <= 2e-50 * 1e-12, "{level}");
    let json = serde_json::to_string(&index).unwrap();
    let back: IndexCalculator = serde_json::from_str(&json).expect("own checkpoint");
    assert_eq!(back, index);
    // Back up and down many times: still a checkpoint, still exact.
    for step in 0..1000 {
        let price = if step % 2 == 0 { 1e75 } else { 1e-75 };
        index.try_update(PriceUpdate::new(0, price)).unwrap();
        index
            .try_update(PriceUpdate::new(1, 1.0 + step as f64 * 1e-3))
            .unwrap();
        let json = serde_json::to_string(&index).unwrap();
        let back: IndexCalculator = serde_json::from_str(&json).expect("own checkpoint");
        assert_eq!(back, index);
    }
    let exact = 1.0 + 1.0 + 999.0 * 1e-3; // BIG back at 1e-75: 1e75 · 1e-75
    assert!((index.market_value() - exact).abs() <= exact * 1e-12);
}

/// A market value of 1e200 at level 1 gives a divisor of 1e200: the constructor accepts it,
/// so the checkpoint must too (it used to require a divisor of at most 1e150).
#[test]
fn index_checkpoint_accepts_the_divisor_its_constructor_made() {
    let index =
        IndexCalculator::from_shares(1.0, vec![Constituent::new("A", 1e100, 1e100)]).unwrap();
    assert_eq!(index.divisor(), 1e200);
    let back: IndexCalculator =
        serde_json::from_str(&serde_json::to_string(&index).unwrap()).expect("own checkpoint");
    assert_eq!(back, index);
}

/// A price that would take the level out of `1e-150..=1e150` is refused like a NaN: the
/// state is unchanged, `update` and `peek` return the last level.
#[test]
fn index_level_never_leaves_the_usable_range() {
    let mut index =
        IndexCalculator::from_shares(1e100, vec![Constituent::new("A", 1.0, 1.0)]).unwrap();
    let before = index.clone();
    assert_eq!(
        index.try_update(PriceUpdate::new(0, 1e60)),
        Err(Error::InvalidInput)
    );
    assert_eq!(index, before);
    assert_eq!(index.update(PriceUpdate::new(0, 1e60)), Some(index.level()));
    assert_eq!(index.peek(PriceUpdate::new(0, 1e60)), Some(index.level()));
    assert!(index.set_price("A", 1e60).is_err());
    assert_eq!(index, before);
    // Within range: accepted.
    assert!(index.try_update(PriceUpdate::new(0, 1e40)).is_ok());
    assert!((index.level() - 1e140).abs() <= 1e140 * 1e-12);
    // Out-of-range positions and unusable prices are rejected by try_update.
    assert_eq!(
        index.try_update(PriceUpdate::new(1, 1.0)),
        Err(Error::InvalidInput)
    );
    assert_eq!(
        index.try_update(PriceUpdate::new(0, 1e-300)),
        Err(Error::InvalidInput)
    );
    // A basket whose market value is ~1e600 times the level has no normal divisor.
    assert!(
        IndexCalculator::from_shares(1e-150, vec![Constituent::new("A", 1e150, 1e150)]).is_err()
    );
}

/// Loaded states are checked against `Σ shares · price` within the drift bound they carry;
/// a mutated bound, an unnormalized compensation or a level out of range is refused.
#[test]
fn index_deserialize_refuses_states_an_update_could_not_keep() {
    let mut index = ordinary();
    index.update(PriceUpdate::new(0, 101.0));
    let json = serde_json::to_value(&index).unwrap();
    let load = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut state = json.clone();
        edit(&mut state);
        serde_json::from_value::<IndexCalculator>(state)
    };
    assert!(load(&|_| {}).is_ok());
    assert!(load(&|s| s["drift"] = 1e300.into()).is_err());
    assert!(load(&|s| s["drift"] = (-1.0).into()).is_err());
    assert!(load(&|s| s["compensation"] = 1.0.into()).is_err());
    assert!(load(&|s| s["divisor"] = 1e-310.into()).is_err());
    assert!(load(&|s| s["divisor"] = 1e-200.into()).is_err()); // level 1e200
    assert!(load(&|s| s["prices"][1] = 1e-300.into()).is_err());
    let market_value = json["market_value"].as_f64().unwrap();
    assert!(load(&|s| s["market_value"] = (market_value * (1.0 + 1e-12)).into()).is_err());
}

// ------------------------------------------------------------------ weighting

/// Weights of a successful method: finite, `>= 0`, summing to 1 within 1e-12.
fn sane(weighting: &Weighting) -> Result<(), TestCaseError> {
    for s in weighting.securities() {
        prop_assert!(
            s.weight().is_finite() && s.weight() >= 0.0,
            "{}: {}",
            s.ticker(),
            s.weight()
        );
        prop_assert!(s.initial().is_finite() && s.initial() >= 0.0);
    }
    for c in weighting.companies() {
        prop_assert!(c.weight().is_finite() && c.weight() >= 0.0);
    }
    prop_assert!(
        (weighting.total() - 1.0).abs() < 1e-12,
        "total {}",
        weighting.total()
    );
    Ok(())
}

fn sum_above(weights: impl Iterator<Item = f64>, threshold: f64) -> f64 {
    weights.filter(|&w| w > threshold).sum()
}

/// Market caps from every region: ordinary, huge (up to `f64::MAX`), tiny (down to the
/// smallest subnormal), and unusable ones (0, negative, NaN, ∞), which a universe refuses.
fn adversarial_cap() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => 1e6..1e13_f64,
        2 => 1e300..=f64::MAX,
        2 => 1e-320..1e-290_f64,
        1 => (-300.0..308.0_f64).prop_map(|e| 10f64.powf(e)),
        1 => prop::sample::select(vec![
            f64::MAX, 1e308, 1e307, f64::MIN_POSITIVE, 5e-324, 1e-300, 1.0,
            0.0, -1.0, f64::NAN, f64::INFINITY,
        ]),
    ]
}

/// Cap vectors: independent draws, one repeated value (the "three of 1e308"), or
/// two magnitudes mixed (600 orders of magnitude apart).
fn adversarial_caps() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(adversarial_cap(), 1..60),
        (adversarial_cap(), 1..60usize).prop_map(|(cap, n)| vec![cap; n]),
        (adversarial_cap(), adversarial_cap(), 1..60usize, 0..60usize).prop_map(
            |(a, b, na, nb)| {
                let mut caps = vec![a; na];
                caps.extend((0..nb).map(|i| b * (1.0 + i as f64 * 1e-3)));
                caps
            }
        ),
    ]
}

/// A universe of `caps`; every 7th security is a second class of the previous company.
fn universe(caps: &[f64]) -> Result<Universe, WeightingError> {
    let rows = caps
        .iter()
        .enumerate()
        .map(|(i, &cap)| {
            let security = Security::new(format!("T{i:03}"), cap);
            if i % 7 == 6 {
                security.with_company(format!("T{:03}", i - 1))
            } else {
                security
            }
        })
        .collect();
    Universe::new(rows)
}

/// An error is clear: no "1 names", and no number with more than 12 significant digits
/// (binary noise such as `0.04000000000000001`).
fn clear(error: &WeightingError) -> Result<(), TestCaseError> {
    let text = error.to_string();
    prop_assert!(!text.is_empty());
    prop_assert!(!text.contains(" 1 names"), "{}", text);
    for token in text.split(|c: char| !(c.is_ascii_digit() || c == '.')) {
        let mantissa = token.split('e').next().unwrap_or_default();
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        let significant = digits.trim_start_matches('0').trim_end_matches('0');
        prop_assert!(significant.len() <= 12, "binary noise in {}", text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::adversarial::cases(256)))]

    /// `water_fill` on raw weights of any magnitude: an error, or weights that are finite,
    /// at most their caps, and add up to the target.
    #[test]
    fn water_fill_any_magnitudes(weights in adversarial_caps(), cap in 0.0..1.0_f64) {
        let caps = vec![cap; weights.len()];
        match water_fill(&weights, &caps, 1.0) {
            Ok(fill) => {
                let w = fill.weights();
                prop_assert!(w.iter().all(|x| x.is_finite() && *x >= 0.0 && *x <= cap), "{:?}", w);
                let total: f64 = w.iter().sum();
                prop_assert!((total - 1.0).abs() < 1e-12, "total {}", total);
                prop_assert!(fill.adjustment_factor().is_finite());
            }
            Err(error) => {
                clear(&error)?;
                // Refused only for unusable weights or too little room under the caps.
                let usable = weights.iter().all(|w| w.is_finite() && *w >= 0.0);
                let room: f64 = weights.iter().filter(|&&w| w > 0.0).map(|_| cap).sum();
                prop_assert!(!usable || room < 1.0 + 1e-9, "{}", error);
            }
        }
    }

    /// `cap_single` and `aggregate_cap` on raw weights: an error or sane weights.
    #[test]
    fn cap_single_and_aggregate_cap_any_magnitudes(weights in adversarial_caps()) {
        match cap_single(&weights, 0.2) {
            Ok(fill) => {
                let w = fill.weights();
                prop_assert!(w.iter().all(|x| x.is_finite() && *x >= 0.0 && *x <= 0.2));
                prop_assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
            Err(error) => clear(&error)?,
        }
        match aggregate_cap(&weights, 0.045, 0.40, 0.045) {
            Ok(step) => prop_assert!(step.weights().iter().all(|x| x.is_finite() && *x >= 0.0)),
            Err(error) => clear(&error)?,
        }
    }

    /// Every method on universes of adversarial market caps: a clear error, or weights that
    /// are finite, sum to 1 and respect the method's limits.
    #[test]
    fn methods_any_magnitudes(caps in adversarial_caps()) {
        let universe = match universe(&caps) {
            Ok(universe) => universe,
            Err(error) => {
                clear(&error)?;
                let double_counted = matches!(error, WeightingError::DoubleCounted { .. });
                prop_assert!(double_counted || caps.iter().any(|c| !(c.is_finite() && *c > 0.0)), "{}", error);
                return Ok(());
            }
        };
        let uncapped: Vec<f64> = universe.companies().iter().map(|c| universe.company_weight(c.id()).unwrap()).collect();
        prop_assert!(uncapped.iter().all(|w| w.is_finite() && *w >= 0.0));
        prop_assert!((uncapped.iter().sum::<f64>() - 1.0).abs() < 1e-12);

        match nasdaq100::quarterly(&universe) {
            Ok(weighting) => {
                sane(&weighting)?;
                let companies = weighting.companies().iter().map(|c| c.weight());
                prop_assert!(companies.clone().all(|w| w <= 0.24 + 1e-12));
                prop_assert!(sum_above(companies, 0.045) < 0.48 + 1e-12);
            }
            Err(error) => clear(&error)?,
        }
        match nasdaq100::annual(&universe) {
            Ok(weighting) => {
                sane(&weighting)?;
                let mut weights: Vec<f64> = weighting.securities().iter().map(|s| s.weight()).collect();
                weights.sort_by(|a, b| b.total_cmp(a));
                prop_assert!(weights[0] <= 0.15 + 1e-12);
                prop_assert!(weights.iter().take(5).sum::<f64>() < 0.40 + 1e-12);
            }
            Err(error) => clear(&error)?,
        }
        match select_sector::weights(&universe) {
            Ok(weighting) => {
                sane(&weighting)?;
                let companies = weighting.companies().iter().map(|c| c.weight());
                prop_assert!(companies.clone().all(|w| w <= 0.24 + 1e-12));
                prop_assert!(sum_above(companies, 0.048) <= 0.50 + 1e-12);
            }
            Err(error) => clear(&error)?,
        }
        match ucits::weights(&universe) {
            Ok(weighting) => {
                sane(&weighting)?;
                let companies = weighting.companies().iter().map(|c| c.weight());
                prop_assert!(companies.clone().all(|w| w <= 0.09 + 1e-12));
                prop_assert!(sum_above(companies, 0.045) <= 0.36 + 1e-12);
            }
            Err(error) => clear(&error)?,
        }
    }

    /// The unit of the market caps does not matter, even at the ends of the range: a
    /// universe scaled to caps near `f64::MAX` or near `1e-300` weighs like the original.
    #[test]
    fn weights_do_not_depend_on_the_magnitude(caps in prop::collection::vec(1.0..1000.0_f64, 1..40), top in prop::sample::select(vec![f64::MAX, 1e308, 1e-290, 1e-300])) {
        let reference = universe(&caps).unwrap();
        let largest = caps.iter().copied().fold(0.0, f64::max);
        let scaled: Vec<f64> = caps.iter().map(|c| c / largest * top).collect();
        let scaled = universe(&scaled).unwrap();
        for (a, b) in reference.companies().iter().zip(scaled.companies()) {
            let (wa, wb) = (reference.company_weight(a.id()).unwrap(), scaled.company_weight(b.id()).unwrap());
            prop_assert!((wa - wb).abs() < 1e-12, "{} vs {}", wa, wb);
        }
        if let (Ok(a), Ok(b)) = (nasdaq100::quarterly(&reference), nasdaq100::quarterly(&scaled)) {
            for (x, y) in a.securities().iter().zip(b.securities()) {
                prop_assert!((x.weight() - y.weight()).abs() < 1e-12);
            }
        }
    }
}

/// Issue 15: "three of 1e308 ... return Ok with every weight 0". Each weighs a third.
#[test]
fn three_caps_of_1e308_weigh_a_third_each() {
    let caps = [1e308; 3];
    let fill = water_fill(&caps, &[0.5; 3], 1.0).unwrap();
    assert!(fill
        .weights()
        .iter()
        .all(|&w| (w - 1.0 / 3.0).abs() < 1e-15));
    let rows = ["A", "B", "C"].map(|t| Security::new(t, 1e308)).to_vec();
    let universe = Universe::new(rows).unwrap();
    for t in ["A", "B", "C"] {
        assert!((universe.security_weight(t).unwrap() - 1.0 / 3.0).abs() < 1e-15);
    }
    assert_eq!(universe.total_market_cap(), f64::INFINITY);
    // Three names cannot meet a 24% cap: a clear error, not zero weights.
    let error = nasdaq100::quarterly(&universe).unwrap_err();
    assert_eq!(
        error.to_string(),
        "infeasible single-name cap: 3 names capped at 0.2 cannot add up to 1"
    );
}

/// Issue 15: "thirty of 1e307 ... return Ok with every weight 0". Each weighs a thirtieth.
#[test]
fn thirty_caps_of_1e307_weigh_a_thirtieth_each() {
    let caps = vec![1e307; 30];
    let fill = water_fill(&caps, &[0.05; 30], 1.0).unwrap();
    assert!(fill
        .weights()
        .iter()
        .all(|&w| (w - 1.0 / 30.0).abs() < 1e-15));
    let fill = cap_single(&caps, 0.05).unwrap();
    assert!(fill
        .weights()
        .iter()
        .all(|&w| (w - 1.0 / 30.0).abs() < 1e-15));
    let rows: Vec<Security> = (0..30)
        .map(|i| Security::new(format!("S{i:02}"), 1e307))
        .collect();
    let universe = Universe::new(rows).unwrap();
    for weighting in [
        nasdaq100::quarterly(&universe).unwrap(),
        nasdaq100::annual(&universe).unwrap(),
        select_sector::weights(&universe).unwrap(),
        ucits::weights(&universe).unwrap(),
    ] {
        for s in weighting.securities() {
            assert!((s.weight() - 1.0 / 30.0).abs() < 1e-15, "{}", s.weight());
            assert!((s.initial() - 1.0 / 30.0).abs() < 1e-15);
        }
    }
}

/// Share classes near `f64::MAX` in one company: the company's weight does not overflow.
#[test]
fn share_classes_whose_sum_overflows_keep_their_split() {
    let universe = Universe::new(vec![
        Security::new("X1", 1.5e308).with_company("X"),
        Security::new("X2", 0.5e308).with_company("X"),
        Security::new("Y", 1e308),
    ])
    .unwrap();
    assert!((universe.company_weight("X").unwrap() - 2.0 / 3.0).abs() < 1e-15);
    assert!((universe.security_weight("X1").unwrap() - 0.5).abs() < 1e-15);
    assert!((universe.security_weight("X2").unwrap() - 1.0 / 6.0).abs() < 1e-15);
    assert_eq!(universe.company("X").unwrap().class_shares(), [0.75, 0.25]);
}

/// Issue 15: "two tickers quoting the same whole-company cap but not grouped into one
/// company are double counted silently": the weighting report lists them.
#[test]
fn weighting_report_lists_suspected_double_counts() {
    let mut rows = vec![
        Security::new("GOOG", 1.89e12),
        Security::new("GOOGL", 1.89e12),
    ];
    rows.extend((0..40).map(|i| Security::new(format!("S{i:02}"), 1e11 + i as f64 * 1e9)));
    let universe = Universe::new(rows).unwrap();
    let expected = [("GOOG".to_string(), "GOOGL".to_string())];
    for weighting in [
        nasdaq100::quarterly(&universe).unwrap(),
        nasdaq100::annual(&universe).unwrap(),
        select_sector::weights(&universe).unwrap(),
        ucits::weights(&universe).unwrap(),
    ] {
        assert_eq!(weighting.report().suspected_double_counts(), expected);
    }
    // Equal-weighted test universes (runs of more than 5 equal caps) are not suspects, and
    // the check stays O(n log n): 10,000 equal caps.
    let rows: Vec<Security> = (0..10_000)
        .map(|i| Security::new(format!("E{i:05}"), 1.0))
        .collect();
    let universe = Universe::new(rows).unwrap();
    assert!(universe.suspected_double_counts().is_empty());
    let weighting = nasdaq100::quarterly(&universe).unwrap();
    assert!(weighting.report().suspected_double_counts().is_empty());
}

/// Issue 15: error texts read "cap: 0.04000000000000001" and "1 names".
#[test]
fn errors_print_readable_numbers_and_plurals() {
    let error = cap_single(&[1.0; 24], 0.04000000000000001).unwrap_err();
    assert_eq!(
        error.to_string(),
        "infeasible single-name cap: 24 names capped at 0.04 cannot add up to 1"
    );
    let error = water_fill(&[1.0, 0.0], &[0.5, 1.0], 1.0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "infeasible cap: 1 name capped at 0.5 cannot add up to 1"
    );
    let error = water_fill(&[1.0], &[0.1 + 0.2], 1.0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "infeasible cap: 1 name capped at 0.3 cannot add up to 1"
    );
    let error = water_fill(&[1e-300], &[1.0], 1e308).unwrap_err();
    assert_eq!(
        error.to_string(),
        "infeasible cap: 1 name capped at 1 cannot add up to 1e308"
    );
    let error = Universe::new(vec![Security::new("A", -0.1 - 0.2)]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid market cap for `A`: -0.3 (expected a finite number > 0)"
    );
    let error = water_fill(&[f64::NAN], &[1.0], 1.0).unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid weight at position 0: NaN (expected a finite number >= 0)"
    );
}
