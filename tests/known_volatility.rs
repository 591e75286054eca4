//! Known answers (computed with TA-Lib 0.8.1 and pandas on a closed-form series, quoted to 10
//! decimals) for Bollinger Bands, ATR/NATR, drawdown and realized volatility.
//!
//! Series B, i = 0..39: `C_i = 100 + 0.5·i + 3·sin(i/2)`, `H_i = C_i + 1 + 0.5·|cos i|`,
//! `L_i = C_i − 1 − 0.5·|sin i|`. The series has no open; the candles use `open = C_i` (inside
//! `[L, H]`, so the candle is valid). No indicator here reads the open.
//!
//! The answers have 10 decimals (8 for the volatilities), so values are compared to 1e-9 (1e-8).

use ta_stream::bar::Candle;
use ta_stream::risk::{Drawdown, RealizedVolatility, Returns};
use ta_stream::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
use ta_stream::Indicator;

fn close(i: usize) -> f64 {
    let i = i as f64;
    100.0 + 0.5 * i + 3.0 * (i / 2.0).sin()
}

fn closes() -> Vec<f64> {
    (0..40).map(close).collect()
}

fn candles() -> Vec<Candle> {
    (0..40)
        .map(|i| {
            let c = close(i);
            let x = i as f64;
            let high = c + 1.0 + 0.5 * x.cos().abs();
            let low = c - 1.0 - 0.5 * x.sin().abs();
            Candle::new(c, high, low, c, 0.0).unwrap()
        })
        .collect()
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, tolerance: f64) {
    approx::assert_abs_diff_eq!(actual, expected, epsilon = tolerance);
}

#[test]
fn series_b_is_the_spec_series() {
    assert_close(closes()[39], 121.3166196092, 1e-10);
}

#[test]
fn bollinger_20_2_on_series_b() {
    let bands = Bollinger::new(20, 2.0).unwrap().batch(&closes());
    assert!(bands[18].is_none());
    let at19 = bands[19].unwrap();
    assert_close(at19.upper, 112.2916961921, 1e-9);
    assert_close(at19.middle, 105.3309806656, 1e-9);
    assert_close(at19.lower, 98.3702651391, 1e-9);
    let at39 = bands[39].unwrap();
    assert_close(at39.upper, 121.7961072266, 1e-9);
    assert_close(at39.lower, 106.7527104295, 1e-9);
    // The middle band is SMA20, whose known answer at k = 39 is checked too.
    assert_close(at39.middle, 114.2744088281, 1e-9);
    // The same via the default, and through %B / bandwidth definitions.
    assert_eq!(Bollinger::default().batch(&closes())[39], Some(at39));
    let c39 = closes()[39];
    assert_close(
        at39.percent_b,
        (c39 - 106.7527104295) / (121.7961072266 - 106.7527104295),
        1e-9,
    );
    assert_close(
        at39.bandwidth,
        (121.7961072266 - 106.7527104295) / 114.2744088281,
        1e-9,
    );
}

/// With the sample standard deviation instead, the upper band at k = 19 is 112.4725241108.
#[test]
fn sample_standard_deviation_gives_the_other_upper_band() {
    let sd = StdDev::sample(20).unwrap().batch(&closes())[19].unwrap();
    assert_close(105.3309806656 + 2.0 * sd, 112.4725241108, 1e-9);
    let var = Variance::sample(20).unwrap().batch(&closes())[19].unwrap();
    assert_close(var.sqrt(), sd, 1e-14);
}

#[test]
fn true_range_atr_and_natr_on_series_b() {
    let bars = candles();
    let tr = TrueRange::new().batch(&bars);
    assert_eq!(tr[0], None);
    assert_close(tr[1].unwrap(), 3.2084277687, 1e-9);

    let atr = Atr::new(14).unwrap().batch(&bars);
    assert!(atr[13].is_none());
    assert_close(atr[14].unwrap(), 2.7981682088, 1e-9);
    assert_close(atr[39].unwrap(), 2.8120944088, 1e-9);
    // ATR_14 is the plain mean of TR_1..TR_14.
    let mean: f64 = tr[1..=14].iter().map(|v| v.unwrap()).sum::<f64>() / 14.0;
    assert_close(atr[14].unwrap(), mean, 1e-12);

    let natr = Natr::new(14).unwrap().batch(&bars);
    assert_close(natr[14].unwrap(), 2.5678109232, 1e-9);
    assert_close(
        natr[39].unwrap(),
        100.0 * 2.8120944088 / 121.3166196092,
        1e-9,
    );
}

#[test]
fn drawdown_spec_example() {
    let prices = [100.0, 110.0, 105.0, 120.0, 90.0, 95.0];
    let out: Vec<_> = Drawdown::new()
        .batch(&prices)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    let percent: Vec<f64> = out.iter().map(|o| 100.0 * o.drawdown).collect();
    for (got, expected) in percent
        .iter()
        .zip([0.0, 0.0, -4.545455, 0.0, -25.0, -20.833333])
    {
        assert_close(*got, expected, 1e-6);
    }
    assert_eq!(out[5].max_drawdown, -0.25);
    let max: Vec<f64> = out.iter().map(|o| o.max_drawdown).collect();
    assert_eq!(
        max[..4]
            .iter()
            .map(|m| (m * 1e6).round())
            .collect::<Vec<_>>(),
        [0.0, 0.0, -45455.0, -45455.0]
    );
    let durations: Vec<u64> = out.iter().map(|o| o.duration).collect();
    assert_eq!(durations, [0, 0, 1, 0, 1, 2]);
    let peaks: Vec<(u64, f64)> = out.iter().map(|o| (o.peak_index, o.peak)).collect();
    assert_eq!(
        peaks,
        [
            (0, 100.0),
            (1, 110.0),
            (1, 110.0),
            (3, 120.0),
            (3, 120.0),
            (3, 120.0)
        ]
    );
}

#[test]
fn drawdown_ends_when_the_peak_is_reached_again() {
    let out = Drawdown::new().batch(&[10.0, 8.0, 10.0, 9.0]);
    let last = out[3].unwrap();
    assert_eq!((last.peak_index, last.duration), (2, 1));
    assert_eq!(out[2].unwrap().drawdown, 0.0);
    assert_eq!(last.max_drawdown, 8.0 / 10.0 - 1.0);
}

#[test]
fn realized_volatility_on_series_b() {
    let prices = closes();
    let log = RealizedVolatility::new(20).unwrap().batch(&prices);
    assert!(log[19].is_none() && log[20].is_some());
    assert_close(log[39].unwrap(), 0.15163807, 1e-8);
    let simple = RealizedVolatility::new(20)
        .unwrap()
        .with_returns(Returns::Simple)
        .batch(&prices);
    assert_close(simple[39].unwrap(), 0.15234147, 1e-8);
    // TA-Lib 0.8.1: talib.STDDEV (population) of the same log returns, × sqrt(252), is 0.14779851.
    let returns: Vec<f64> = prices.windows(2).map(|w| (w[1] / w[0]).ln()).collect();
    let population = StdDev::new(20).unwrap().batch(&returns)[38].unwrap() * 252f64.sqrt();
    assert_close(population, 0.14779851, 1e-8);
    // Unannualized: divide out sqrt(252).
    let daily = RealizedVolatility::new(20)
        .unwrap()
        .with_periods_per_year(1)
        .unwrap()
        .batch(&prices)[39]
        .unwrap();
    assert_close(daily * 252f64.sqrt(), log[39].unwrap(), 1e-15);
}

#[test]
fn labels() {
    assert_eq!(Bollinger::new(20, 2.0).unwrap().to_string(), "BB(20,2)");
    assert_eq!(
        Bollinger::new(10, 1.5_f32).unwrap().to_string(),
        "BB(10,1.5)"
    );
    assert_eq!(Atr::<f64>::default().to_string(), "ATR(14)");
    assert_eq!(Natr::<f64>::default().to_string(), "NATR(14)");
    assert_eq!(TrueRange::<f64>::new().to_string(), "TR");
    assert_eq!(StdDev::<f64>::new(20).unwrap().to_string(), "STDDEV(20)");
    assert_eq!(
        StdDev::<f64>::sample(20).unwrap().to_string(),
        "STDDEV(20,ddof=1)"
    );
    assert_eq!(Variance::<f64>::new(20).unwrap().to_string(), "VAR(20)");
    assert_eq!(Drawdown::<f64>::new().to_string(), "DD");
    let rv = RealizedVolatility::<f64>::new(30)
        .unwrap()
        .with_returns(Returns::Simple)
        .with_periods_per_year(52)
        .unwrap();
    assert_eq!(rv.to_string(), "RV(30,52,simple)");
}

#[test]
fn non_positive_prices_are_ignored_by_ratio_indicators() {
    let mut dd: Drawdown = Drawdown::new();
    dd.update(100.0);
    let before = dd.clone();
    assert_eq!(dd.update(0.0), before.value());
    assert_eq!(dd.update(-5.0), before.value());
    assert_eq!(dd, before);
    assert_eq!(dd.try_update(-5.0), Err(ta_stream::Error::InvalidInput));
    let mut rv: RealizedVolatility = RealizedVolatility::new(2).unwrap();
    rv.batch(&[100.0, 0.0, 101.0, -3.0, 99.0]);
    let clean = RealizedVolatility::new(2)
        .unwrap()
        .batch(&[100.0, 101.0, 99.0]);
    assert_eq!(rv.value(), clean[2]);
    assert!(rv.value().unwrap().is_finite());
}

#[test]
fn flat_windows_give_exact_zeros_and_documented_band_answers() {
    let flat = [7.25; 30];
    assert!(Variance::new(10)
        .unwrap()
        .batch(&flat)
        .iter()
        .flatten()
        .all(|&v| v == 0.0));
    let bands = Bollinger::new(10, 2.0).unwrap().batch(&flat)[29].unwrap();
    assert_eq!((bands.upper, bands.middle, bands.lower), (7.25, 7.25, 7.25));
    assert_eq!((bands.percent_b, bands.bandwidth), (0.5, 0.0));
    // A zero middle band with bands apart: bandwidth 0 (the zero-divisor convention, as
    // NATR and ROC; never ±∞), %B still defined.
    let around_zero = Bollinger::new(2, 2.0).unwrap().batch(&[-1.0, 1.0])[1].unwrap();
    assert_eq!(around_zero.middle, 0.0);
    assert_eq!(around_zero.bandwidth, 0.0);
    assert_eq!(around_zero.percent_b, 0.75); // bands at ±2: x = 1 is 3/4 of the way up
                                             // NATR of a zero close is 0 (TA-Lib).
    let bar = |c: f64| Candle::new(c, c + 1.0, c - 1.0, c, 0.0).unwrap();
    let natr = Natr::new(1).unwrap().batch(&[bar(1.0), bar(0.0)]);
    assert_eq!(natr[1], Some(0.0));
}
