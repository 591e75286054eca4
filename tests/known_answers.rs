//! Known answers (computed with TA-Lib C 0.8.1 and pandas, quoted to 10 decimals): test
//! input A, `p_i = i + 3·sin(i)` for i = 1..20.

use ta_stream::average::{Ema, Seed, Sma};
use ta_stream::momentum::Rsi;
use ta_stream::Indicator;

/// The table's values are printed with 10 decimals.
const PRINTED: f64 = 5e-10;

fn input_a() -> Vec<f64> {
    (1..=20)
        .map(|i| f64::from(i) + 3.0 * f64::from(i).sin())
        .collect()
}

fn assert_table(label: &str, outputs: &[Option<f64>], table: &[(usize, f64)]) {
    for &(k, expected) in table {
        let actual = outputs[k].unwrap_or_else(|| panic!("{label}: no output at k = {k}"));
        approx::assert_abs_diff_eq!(actual, expected, epsilon = PRINTED);
    }
}

#[test]
fn input_a_matches_its_printed_prices() {
    let prices = input_a();
    assert!((prices[0] - 3.5244129544).abs() < PRINTED);
    assert!((prices[19] - 22.7388357522).abs() < PRINTED);
}

#[test]
fn rsi_14_on_input_a() {
    let out = Rsi::new(14).unwrap().batch(&input_a());
    assert!(
        out[..14].iter().all(Option::is_none),
        "RSI(14) needs 15 prices"
    );
    assert_table(
        "RSI(14)",
        &out,
        &[
            (14, 76.4289200336),
            (15, 70.9691186099),
            (16, 68.0259870530),
            (17, 70.1565015928),
            (18, 74.3365201265),
            (19, 77.3690232948),
        ],
    );
}

#[test]
fn ema_10_on_input_a() {
    let out = Ema::new(10).unwrap().batch(&input_a());
    assert!(out[..9].iter().all(Option::is_none));
    assert_table(
        "EMA(10)",
        &out,
        &[
            (9, 5.9233565114),
            (10, 6.3009333966),
            (13, 9.9228896830),
            (14, 11.2007031080),
            (15, 11.9162643702),
            (16, 12.3161813073),
            (17, 12.9399734805),
            (18, 14.1235476893),
            (19, 15.6899637007),
        ],
    );
}

#[test]
fn sma_10_on_input_a() {
    let out = Sma::new(10).unwrap().batch(&input_a());
    assert_table(
        "SMA(10)",
        &out,
        &[
            (9, 5.9233565114),
            (10, 6.3709181540),
            (13, 9.5450941144),
            (14, 11.0278577489),
            (15, 12.0253114033),
            (16, 12.5397961762),
            (17, 13.0176925281),
            (18, 13.9390201455),
            (19, 15.3761100540),
        ],
    );
}

/// `Seed::FirstValue` is pandas' `ewm(span=10, adjust=False)`.
#[test]
fn first_value_seeded_ema_10_is_pandas_adjust_false() {
    let out = Ema::with_seed(10, Seed::FirstValue)
        .unwrap()
        .batch(&input_a());
    assert_eq!(out[0], Some(input_a()[0]));
    assert_table(
        "ewm(span=10)",
        &out,
        &[
            (9, 6.8334363726),
            (10, 7.0455441922),
            (13, 10.3307193374),
            (14, 11.5343819161),
            (15, 12.1892743041),
            (16, 12.5395530714),
            (17, 13.1227321966),
            (18, 14.2730775479),
            (19, 15.8123063123),
        ],
    );
}

/// `p_i = i + sin(i)` is strictly increasing, so its RSI is 100 everywhere (all gains).
#[test]
fn rsi_of_a_strictly_increasing_series_is_100() {
    let prices: Vec<f64> = (1..=60)
        .map(|i| f64::from(i) + f64::from(i).sin())
        .collect();
    let out = Rsi::new(14).unwrap().batch(&prices);
    assert!(out[14..].iter().all(|v| *v == Some(100.0)));
}

#[test]
fn rsi_of_a_strictly_decreasing_series_is_0() {
    let prices: Vec<f64> = (1..=60).map(|i| 100.0 - f64::from(i)).collect();
    let out = Rsi::new(14).unwrap().batch(&prices);
    assert!(out[14..].iter().all(|v| *v == Some(0.0)));
}
