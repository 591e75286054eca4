//! Known answers (computed with TA-Lib 0.8.1 and pandas on Series B,
//! `C_i = 100 + 0.5·i + 3·sin(i/2)`, quoted to 10 decimals), the documented degenerate cases, and
//! the constructors' contracts (defaults, parameter errors, MACD's period swap).

use ta_stream::bar::Candle;
use ta_stream::momentum::{FastStochastic, Macd, Momentum, Roc, Rocp, Stochastic, WilliamsR};
use ta_stream::statistics::{RollingMax, RollingMin};
use ta_stream::{Error, Indicator};

/// The answers have 10 decimals: agreement to 1e-9 absolute is all they can prove.
const DECIMALS: f64 = 1e-9;

/// Series B, i = 0..39: C = 100 + 0.5i + 3·sin(i/2); H = C + 1 + 0.5|cos i|;
/// L = C − 1 − 0.5|sin i|.
fn series_b() -> Vec<Candle> {
    (0..40)
        .map(|i| {
            let x = f64::from(i);
            let close = 100.0 + 0.5 * x + 3.0 * (x / 2.0).sin();
            Candle {
                open: close,
                high: close + 1.0 + 0.5 * x.cos().abs(),
                low: close - 1.0 - 0.5 * x.sin().abs(),
                close,
                volume: 0.0,
            }
        })
        .collect()
}

fn assert_close(label: &str, actual: f64, expected: f64) {
    assert!(
        approx::abs_diff_eq!(actual, expected, epsilon = DECIMALS),
        "{label}: got {actual:.10}, expected {expected:.10}"
    );
}

#[test]
fn series_b_closes_as_in_the_spec() {
    assert_close("C_39", series_b()[39].close, 121.3166196092);
}

#[test]
fn macd_12_26_9_on_series_b() {
    let closes: Vec<f64> = series_b().iter().map(|c| c.close).collect();
    let outputs = Macd::default().batch(&closes);
    assert_eq!(outputs.iter().position(Option::is_some), Some(33));
    let expected = [
        (33, 3.5086138645, 3.7813600646, -0.2727462001),
        (34, 3.2449503148, 3.6740781146, -0.4291277999),
        (39, 3.3253892472, 3.2930463806, 0.0323428666),
    ];
    for (k, macd, signal, histogram) in expected {
        let output = outputs[k].unwrap();
        assert_close(&format!("MACD at {k}"), output.macd, macd);
        assert_close(&format!("signal at {k}"), output.signal, signal);
        assert_close(&format!("histogram at {k}"), output.histogram, histogram);
    }
    // The classic pitfall: both EMAs seeded from bar 0 gives 3.3240956526 at k = 33.
    assert!((outputs[33].unwrap().macd - 3.3240956526).abs() > 0.1);
}

#[test]
fn stochastic_14_3_3_on_series_b() {
    let outputs = Stochastic::default().batch(&series_b());
    assert_eq!(outputs.iter().position(Option::is_some), Some(17));
    for (k, slow_k, slow_d) in [
        (17, 87.7148132412, 87.7792746756),
        (39, 86.3356019464, 80.9464163655),
    ] {
        let output = outputs[k].unwrap();
        assert_close(&format!("slowK at {k}"), output.k, slow_k);
        assert_close(&format!("slowD at {k}"), output.d, slow_d);
    }
}

/// STOCHF's %D is STOCH's slow %K (same SMA of the same raw %K), and both lines start at
/// index 15 for 14/3.
#[test]
fn fast_stochastic_d_is_the_slow_k() {
    let bars = series_b();
    let fast = FastStochastic::default().batch(&bars);
    let slow = Stochastic::default().batch(&bars);
    assert_eq!(fast.iter().position(Option::is_some), Some(15));
    for index in 17..bars.len() {
        assert_eq!(
            fast[index].unwrap().d,
            slow[index].unwrap().k,
            "index {index}"
        );
    }
}

#[test]
fn defaults_are_the_conventional_parameters() {
    assert_eq!(Macd::<f64>::default(), Macd::new(12, 26, 9).unwrap());
    assert_eq!(
        Stochastic::<f64>::default(),
        Stochastic::new(14, 3, 3).unwrap()
    );
    assert_eq!(
        FastStochastic::<f64>::default(),
        FastStochastic::new(14, 3).unwrap()
    );
    assert_eq!(Roc::<f64>::default(), Roc::new(10).unwrap());
    assert_eq!(Rocp::<f64>::default(), Rocp::new(10).unwrap());
    assert_eq!(Momentum::<f64>::default(), Momentum::new(10).unwrap());
    let labels = [
        Macd::<f64>::default().to_string(),
        Stochastic::<f64>::default().to_string(),
        FastStochastic::<f64>::default().to_string(),
        Roc::<f64>::default().to_string(),
        Rocp::<f64>::default().to_string(),
        Momentum::<f64>::default().to_string(),
        RollingMax::<f64>::new(14).unwrap().to_string(),
        RollingMin::<f64>::new(200).unwrap().to_string(),
    ];
    assert_eq!(
        labels,
        [
            "MACD(12,26,9)",
            "STOCH(14,3,3)",
            "STOCHF(14,3)",
            "ROC(10)",
            "ROCP(10)",
            "MOM(10)",
            "MAX(14)",
            "MIN(200)"
        ]
    );
}

#[test]
fn warmup_periods_are_talib_lookbacks_plus_one() {
    assert_eq!(Macd::<f64>::default().warmup_period(), 34);
    assert_eq!(Stochastic::<f64>::default().warmup_period(), 18);
    assert_eq!(FastStochastic::<f64>::default().warmup_period(), 16);
    assert_eq!(Roc::<f64>::default().warmup_period(), 11);
    assert_eq!(RollingMax::<f64>::new(14).unwrap().warmup_period(), 14);
}

#[test]
fn macd_swaps_a_slow_period_below_the_fast_one_as_talib_does() {
    let swapped = Macd::<f64>::new(26, 12, 9).unwrap();
    assert_eq!(swapped, Macd::new(12, 26, 9).unwrap());
    assert_eq!((swapped.fast_period(), swapped.slow_period()), (12, 26));
    // Equal periods are accepted: the MACD line is identically 0.
    let mut equal = Macd::new(5, 5, 2).unwrap();
    for output in equal
        .batch(&[1.0, 4.0, 2.0, 8.0, 5.0, 7.0, 3.0])
        .into_iter()
        .flatten()
    {
        assert_eq!(
            (output.macd, output.signal, output.histogram),
            (0.0, 0.0, 0.0)
        );
    }
}

fn parameter_name(error: Error) -> &'static str {
    match error {
        Error::InvalidParameter { name, .. } => name,
        other => panic!("expected InvalidParameter, got {other:?}"),
    }
}

#[test]
fn invalid_parameters_are_named() {
    assert_eq!(
        parameter_name(Macd::<f64>::new(1, 26, 9).unwrap_err()),
        "fast"
    );
    assert_eq!(
        parameter_name(Macd::<f64>::new(12, 0, 9).unwrap_err()),
        "slow"
    );
    assert_eq!(
        parameter_name(Macd::<f64>::new(12, 26, 0).unwrap_err()),
        "signal"
    );
    assert_eq!(
        parameter_name(Macd::<f64>::new(12, 100_001, 9).unwrap_err()),
        "slow"
    );
    assert_eq!(
        Macd::<f64>::new(1, 26, 9).unwrap_err().to_string(),
        "invalid parameter `fast` = 1: expected 2..=100000"
    );
    assert_eq!(
        parameter_name(Stochastic::<f64>::new(0, 3, 3).unwrap_err()),
        "fast_k"
    );
    assert_eq!(
        parameter_name(Stochastic::<f64>::new(14, 0, 3).unwrap_err()),
        "slow_k"
    );
    assert_eq!(
        parameter_name(Stochastic::<f64>::new(14, 3, 0).unwrap_err()),
        "slow_d"
    );
    assert_eq!(
        parameter_name(FastStochastic::<f64>::new(14, 100_001).unwrap_err()),
        "fast_d"
    );
    assert_eq!(parameter_name(Roc::<f64>::new(0).unwrap_err()), "period");
    assert_eq!(parameter_name(Rocp::<f64>::new(0).unwrap_err()), "period");
    assert_eq!(
        parameter_name(Momentum::<f64>::new(100_001).unwrap_err()),
        "period"
    );
    assert_eq!(
        parameter_name(RollingMax::<f64>::new(0).unwrap_err()),
        "period"
    );
    assert_eq!(
        parameter_name(RollingMin::<f64>::new(0).unwrap_err()),
        "period"
    );
}

/// TA-Lib writes 0 when the base `x_{t−n}` is exactly 0 (the ratio is undefined); so do we.
#[test]
fn roc_and_rocp_over_a_zero_base_are_zero() {
    let inputs = [0.0, 0.0, 5.0, -3.0];
    assert_eq!(
        Roc::new(1).unwrap().batch(&inputs),
        [None, Some(0.0), Some(0.0), Some(-160.0)]
    );
    assert_eq!(
        Rocp::new(1).unwrap().batch(&inputs),
        [None, Some(0.0), Some(0.0), Some(-1.6)]
    );
    assert_eq!(
        Momentum::new(1).unwrap().batch(&inputs),
        [None, Some(0.0), Some(5.0), Some(-8.0)]
    );
    // -0.0 is zero too.
    assert_eq!(Roc::new(1).unwrap().batch(&[-0.0, 2.0]), [None, Some(0.0)]);
}

/// HH == LL (a flat window) gives fastK = 0, as TA-Lib; a window that becomes flat again
/// returns to 0.
#[test]
fn a_flat_window_reads_zero() {
    let flat = Candle {
        open: 5.0,
        high: 5.0,
        low: 5.0,
        close: 5.0,
        volume: 0.0,
    };
    let up = Candle {
        open: 5.0,
        high: 7.0,
        low: 5.0,
        close: 7.0,
        volume: 0.0,
    };
    let mut fast = FastStochastic::new(2, 1).unwrap();
    assert_eq!(fast.update(flat), None);
    assert_eq!(fast.update(flat).map(|o| o.k), Some(0.0));
    assert_eq!(fast.update(up).map(|o| o.k), Some(100.0));
    assert_eq!(fast.update(flat).map(|o| o.k), Some(0.0)); // (5 − 5)/(7 − 5)
    assert_eq!(fast.update(flat).map(|o| o.k), Some(0.0)); // flat window again
}

#[test]
fn rolling_extremes_report_the_age_of_their_extreme() {
    let mut max = RollingMax::new(3).unwrap();
    assert_eq!(max.age(), None);
    max.batch(&[1.0, 9.0, 2.0]);
    assert_eq!((max.value(), max.age()), (Some(9.0), Some(1)));
    let mut min = RollingMin::new(3).unwrap();
    min.batch(&[4.0, 1.0, 2.0, 3.0]);
    assert_eq!((min.value(), min.age()), (Some(1.0), Some(2)));
}

#[test]
fn williams_r_reads_exactly_its_ends() {
    // HH 144.7, LL 127.34: −100·(HH − C)/(HH − LL) is −100 exactly at C = LL and 0 at
    // C = HH, as TA-Lib 0.8.1 computes it. (The order (HH − C)/((HH − LL)/−100) gives
    // −99.99999999999999 at LL.)
    let mut willr = WilliamsR::new(2).unwrap();
    let bars = [
        Candle::new(130.0, 144.7, 130.0, 140.0, 0.0).unwrap(),
        Candle::new(130.0, 135.0, 127.34, 127.34, 0.0).unwrap(),
        Candle::new(130.0, 144.7, 129.0, 144.7, 0.0).unwrap(),
    ];
    assert_eq!(willr.batch(&bars), [None, Some(-100.0), Some(0.0)]);
    let (high, low, close) = (
        [144.7, 135.0, 144.7],
        [130.0, 127.34, 129.0],
        [140.0, 127.34, 144.7],
    );
    let mut out = [f64::NAN; 3];
    WilliamsR::new(2)
        .unwrap()
        .hlc_into(&high, &low, &close, &mut out)
        .unwrap();
    assert_eq!(out[1..], [-100.0, 0.0]);
}
