//! Beta and correlation against TA-Lib 0.8.1 at every index of `talib/pairs_ndx_spx.csv`
//! (NDX and S&P 500 daily closes, 1,253 rows; see `tests/data/README.md`): warm-up positions
//! must agree exactly, values within 1e-9 relative; and at every magnitude, on the small pair
//! fixtures `talib/pairs_{scaled_1e-6,scaled_1e-9,tiny_moves,flat}.csv` (300 rows each).
//!
//! TA-Lib's `BETA(x, y)` treats its FIRST argument as the market, so the fixture's
//! `beta_spx_ndx_N = BETA(spx, ndx, N)` is the beta of the NDX against the S&P 500: our
//! [`Beta`] fed `(asset = ndx, benchmark = spx)`. `CORREL(ndx, spx, N)` is the correlation
//! of the raw prices: [`Correlation::talib`].

mod common;

use common::{assert_matches, Fixture};
use ta_stream::relative::{Beta, Correlation};
use ta_stream::Indicator;

const TOLERANCE: f64 = 1e-9;

fn pairs(fixture: &Fixture) -> Vec<(f64, f64)> {
    let ndx = fixture.values("ndx");
    let spx = fixture.values("spx");
    assert_eq!(ndx.len(), 1253);
    ndx.into_iter().zip(spx).collect()
}

#[test]
fn beta_matches_talib_with_the_market_as_its_first_argument() {
    let fixture = Fixture::load("talib/pairs_ndx_spx.csv");
    let pairs = pairs(&fixture);
    for period in [5, 20] {
        let column = format!("beta_spx_ndx_{period}");
        for beta in [Beta::talib(period).unwrap(), Beta::new(period).unwrap()] {
            let actual = beta.clone().batch(&pairs);
            let worst = assert_matches(&column, &actual, fixture.column(&column), TOLERANCE);
            println!("{column} ({beta}): worst relative difference {worst:e}");
        }
    }
}

#[test]
fn the_reversed_pair_is_the_reversed_regression_not_the_fixture() {
    // Feeding (spx, ndx) gives the beta of the S&P 500 on the NDX: a different number, and
    // beta(A on B)·beta(B on A) = ρ² of the returns.
    let fixture = Fixture::load("talib/pairs_ndx_spx.csv");
    let pairs = pairs(&fixture);
    let swapped: Vec<(f64, f64)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    let forward = Beta::new(20).unwrap().batch(&pairs);
    let backward = Beta::new(20).unwrap().batch(&swapped);
    let rho = Correlation::new(20).unwrap().batch(&pairs);
    let expected = fixture.column("beta_spx_ndx_20");
    let mut differing = 0;
    for index in 20..pairs.len() {
        let (f, b, r) = (
            forward[index].unwrap(),
            backward[index].unwrap(),
            rho[index].unwrap(),
        );
        assert!((f * b - r * r).abs() < 1e-9, "index {index}");
        if (b - expected[index].unwrap()).abs() > 1e-3 {
            differing += 1;
        }
    }
    assert!(
        differing > 1000,
        "the reversed regression should not match the fixture"
    );
}

#[test]
fn correlation_in_talib_mode_matches_correl_on_prices() {
    let fixture = Fixture::load("talib/pairs_ndx_spx.csv");
    let pairs = pairs(&fixture);
    for period in [20, 60] {
        let column = format!("correl_ndx_spx_{period}");
        let actual = Correlation::talib(period).unwrap().batch(&pairs);
        let worst = assert_matches(&column, &actual, fixture.column(&column), TOLERANCE);
        println!("{column}: worst relative difference {worst:e}");
        // Symmetric in its two arguments.
        let swapped: Vec<(f64, f64)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
        let reversed = Correlation::talib(period).unwrap().batch(&swapped);
        assert_matches(&column, &reversed, fixture.column(&column), TOLERANCE);
    }
}

#[test]
fn first_outputs_sit_where_talib_puts_them() {
    let fixture = Fixture::load("talib/pairs_ndx_spx.csv");
    // BETA: lookback N (first output at index N); CORREL: lookback N − 1.
    assert!(fixture.column("beta_spx_ndx_5")[4].is_none());
    assert!(fixture.column("beta_spx_ndx_5")[5].is_some());
    assert!(fixture.column("correl_ndx_spx_20")[18].is_none());
    assert!(fixture.column("correl_ndx_spx_20")[19].is_some());
    assert_eq!(Beta::<f64>::talib(5).unwrap().warmup_period(), 6);
    assert_eq!(Correlation::<f64>::talib(20).unwrap().warmup_period(), 20);
    assert_eq!(Correlation::<f64>::new(20).unwrap().warmup_period(), 21);
}

/// The small-magnitude pair fixtures (300 rows each, same columns as `pairs_ndx_spx.csv`):
/// the real closes scaled by 1e-6 and 1e-9, the NDX against a benchmark moving by about
/// 1e-9 per bar, and a pair with flat stretches (both flat, then the benchmark alone).
const SMALL_PAIRS: [&str; 4] = ["scaled_1e-6", "scaled_1e-9", "tiny_moves", "flat"];

#[test]
fn beta_and_correlation_match_talib_at_every_magnitude() {
    for name in SMALL_PAIRS {
        let fixture = Fixture::load(&format!("talib/pairs_{name}.csv"));
        let ndx = fixture.values("ndx");
        let spx = fixture.values("spx");
        assert_eq!(ndx.len(), 300, "{name}");
        let pairs: Vec<(f64, f64)> = ndx.into_iter().zip(spx).collect();
        for period in [5, 20] {
            let column = format!("beta_spx_ndx_{period}");
            for beta in [Beta::talib(period).unwrap(), Beta::new(period).unwrap()] {
                let actual = beta.clone().batch(&pairs);
                let label = format!("{name} {column} ({beta})");
                let worst = assert_matches(&label, &actual, fixture.column(&column), TOLERANCE);
                println!("{label}: worst relative difference {worst:e}");
            }
        }
        for period in [20, 60] {
            let column = format!("correl_ndx_spx_{period}");
            let actual = Correlation::talib(period).unwrap().batch(&pairs);
            let label = format!("{name} {column}");
            let worst = assert_matches(&label, &actual, fixture.column(&column), TOLERANCE);
            println!("{label}: worst relative difference {worst:e}");
        }
    }
}

#[test]
fn the_flat_fixture_really_has_flat_windows_and_talib_reads_them_as_zero() {
    let fixture = Fixture::load("talib/pairs_flat.csv");
    // Rows 100..170: both flat (the 20-bar windows ending at 120..170 are flat in both);
    // rows 220..: the benchmark alone.
    let beta = fixture.column("beta_spx_ndx_20");
    let correl = fixture.column("correl_ndx_spx_20");
    for index in 125..170 {
        assert_eq!(beta[index], Some(0.0), "beta {index}");
        assert_eq!(correl[index], Some(0.0), "correl {index}");
    }
    for index in 245..300 {
        assert_eq!(beta[index], Some(0.0), "beta {index}");
        assert_eq!(correl[index], Some(0.0), "correl {index}");
    }
}
