//! Known answers for relative strength and put/call sentiment (small series worked out by hand
//! from the published definitions: StockCharts' price relative, Mansfield RS, IBD's RS rating,
//! the Cboe ratio and its z-score), the
//! Russell 2000 against the Nasdaq-100 over the first five trading days of 2026 from the real
//! closes in `tests/data/index_closes.csv`, and invalid parameters.

use ta_stream::relative::{
    percentile_ranks, Beta, Correlation, Leadership, LeadershipEvent, Mansfield, PerformanceSpread,
    RatioLine, Returns,
};
use ta_stream::sentiment::{
    Contrarian, Normalize, OptionVolume, PutCall, Regime, RegimeChange, Thresholds,
};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------- relative strength

/// B (NDX-like) and A (RUT-like): the worked example.
const B: [f64; 6] = [100.0, 101.0, 99.5, 102.0, 103.0, 101.5];
const A: [f64; 6] = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];

fn spec_pairs() -> Vec<(f64, f64)> {
    A.iter().copied().zip(B).collect()
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    approx::assert_abs_diff_eq!(actual, expected, epsilon = tolerance);
}

#[test]
fn spec_spread_is_4_5_points_and_log_spread_4_338030() {
    let pairs = spec_pairs();
    close(
        PerformanceSpread::anchored().batch(&pairs)[5].unwrap(),
        4.5,
        1e-12,
    );
    close(
        PerformanceSpread::new(5).unwrap().batch(&pairs)[5].unwrap(),
        4.5,
        1e-12,
    );
    let log = PerformanceSpread::anchored()
        .with_returns(Returns::Log)
        .batch(&pairs);
    close(log[5].unwrap(), 4.338030, 5e-7);
    // By hand: 100·(ln 1.06 − ln 1.015).
    close(
        log[5].unwrap(),
        100.0 * (1.06f64.ln() - 1.015f64.ln()),
        1e-12,
    );
}

#[test]
fn spec_ratio_change_is_4_433498_percent() {
    let out = RatioLine::anchored().batch(&spec_pairs());
    assert_eq!(out[0].unwrap().change_percent, 0.0);
    close(out[5].unwrap().change_percent, 4.433498, 5e-7);
    close(out[5].unwrap().ratio, 106.0 / 101.5, 1e-15);
}

#[test]
fn spec_beta_and_correlation_of_daily_returns() {
    let pairs = spec_pairs();
    let beta = Beta::new(5).unwrap().batch(&pairs);
    assert!(beta[..5].iter().all(Option::is_none));
    close(beta[5].unwrap(), 0.80947836, 5e-9);
    close(
        Beta::talib(5).unwrap().batch(&pairs)[5].unwrap(),
        0.80947836,
        5e-9,
    );
    close(
        Correlation::new(5).unwrap().batch(&pairs)[5].unwrap(),
        0.93353651,
        5e-9,
    );
    // talib.BETA(A, B, 5) takes A as the market: the reversed regression, fed (B, A).
    let reversed: Vec<(f64, f64)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
    close(
        Beta::talib(5).unwrap().batch(&reversed)[5].unwrap(),
        1.07660742,
        5e-9,
    );
}

#[test]
fn spec_mansfield_with_n_5() {
    let mut mansfield = Mansfield::new(5).unwrap();
    let out = mansfield.batch(&spec_pairs());
    assert!(out[..4].iter().all(Option::is_none));
    close(out[4].unwrap(), 1.035799, 5e-7);
    close(out[5].unwrap(), 2.121647, 5e-7);
    close(mansfield.relative_price().unwrap(), 104.433498, 5e-7);
}

// ---------------------------------------------------------------- the 2026 seed

/// The RUT and NDX closes of `dates`, from the real data.
fn closes_on(dates: &[&str]) -> Vec<(f64, f64)> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/index_closes.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (date, rut, ndx) = (column("date"), column("rut"), column("ndx"));
    dates
        .iter()
        .map(|wanted| {
            let row: Vec<&str> = lines
                .clone()
                .map(|line| line.split(',').collect::<Vec<_>>())
                .find(|cells| cells[date] == *wanted)
                .unwrap_or_else(|| panic!("no row for {wanted}"));
            (row[rut].parse().unwrap(), row[ndx].parse().unwrap())
        })
        .collect()
}

#[test]
fn russell_2000_beat_the_nasdaq_100_by_about_4_points_in_the_first_five_days_of_2026() {
    // Base = the last close of 2025; end = the fifth trading day of 2026.
    let days = [
        "2025-12-31",
        "2026-01-02",
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
        "2026-01-08",
    ];
    let closes = closes_on(&days);
    let (rut_0, ndx_0) = closes[0];
    let (rut_5, ndx_5) = closes[5];
    // By hand from the raw closes.
    let rut_return = 100.0 * (rut_5 / rut_0 - 1.0);
    let ndx_return = 100.0 * (ndx_5 / ndx_0 - 1.0);
    let by_hand = rut_return - ndx_return;
    assert!((rut_return - 4.9155).abs() < 1e-3, "RUT {rut_return}");
    assert!((ndx_return - 1.0188).abs() < 1e-3, "NDX {ndx_return}");
    assert!((3.5..4.5).contains(&by_hand), "about 4 pp: {by_hand}");

    let anchored = PerformanceSpread::anchored().batch(&closes);
    close(anchored[5].unwrap(), by_hand, 1e-12);
    let rolling = PerformanceSpread::new(5).unwrap().batch(&closes);
    close(rolling[5].unwrap(), by_hand, 1e-12);
    let mut fixed = PerformanceSpread::since(rut_0, ndx_0).unwrap();
    let from_fixed = fixed.batch(&closes[1..]);
    close(from_fixed[4].unwrap(), by_hand, 1e-12);
    // Every day of the week: small caps ahead.
    assert!(from_fixed.iter().all(|s| s.unwrap() > 0.0));
}

// ---------------------------------------------------------------- leadership

#[test]
fn leadership_events_follow_the_ratio_line_through_its_average() {
    // Benchmark flat at 100, so the ratio line is the asset / 100.
    let asset = [
        100.0, 99.0, 98.0, 97.0, 96.0, 99.0, 103.0, 104.0, 98.0, 95.0,
    ];
    let mut leadership = Leadership::new(3).unwrap();
    let out: Vec<_> = asset
        .iter()
        .map(|&a| leadership.update((a, 100.0)))
        .collect();
    assert_eq!(out[..3], [None, None, None]);
    assert_eq!(out[5], Some(Some(LeadershipEvent::AssetLeads)));
    // SMA3 at 8: (103 + 104 + 98)/3 = 101.67 > 98: the benchmark takes over.
    assert_eq!(out[8], Some(Some(LeadershipEvent::BenchmarkLeads)));
    let events = out.iter().filter(|o| matches!(o, Some(Some(_)))).count();
    assert_eq!(events, 2);
}

#[test]
fn percentile_ranks_rate_the_strongest_99_and_the_weakest_1() {
    let ratings = percentile_ranks(&[10.0, 30.0, 20.0, 40.0, 50.0]);
    assert_eq!(ratings, [Some(1), Some(50), Some(26), Some(75), Some(99)]);
    let flat = percentile_ranks(&[1.0, 1.0, 1.0]);
    assert_eq!(flat, [Some(50), Some(50), Some(50)]);
    assert!(percentile_ranks::<f64>(&[]).is_empty());
}

// ---------------------------------------------------------------- put/call sentiment

fn spec_put_call() -> Vec<f64> {
    (0..30)
        .map(|i| {
            let i = f64::from(i);
            0.62 + 0.12 * (i / 2.5).sin() + 0.05 * i.cos()
        })
        .collect()
}

fn spec_readings() -> Vec<Option<ta_stream::sentiment::PutCallReading>> {
    let mut put_call = PutCall::new(10, 20).unwrap();
    spec_put_call()
        .into_iter()
        .map(|pc| put_call.update(OptionVolume::from_ratio(pc).unwrap()))
        .collect()
}

#[test]
fn spec_put_call_at_index_29() {
    let readings = spec_readings();
    assert!(readings[..19].iter().all(Option::is_none));
    let last = readings[29].unwrap();
    close(last.ratio, 0.483858, 5e-7);
    close(last.smoothed, 0.591807, 5e-7);
    close(last.z_score, -1.146552, 5e-7);
    close(last.percentile, 5.2632, 5e-5);
    assert_eq!(last.percentile, 100.0 / 19.0); // 1 of 19 earlier values is lower
    assert_eq!(last.regime, Regime::Neutral);
}

#[test]
fn spec_z20_extremes_are_at_19_and_28() {
    let readings = spec_readings();
    let z: Vec<(usize, f64)> = readings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r.z_score)))
        .collect();
    let max = z
        .iter()
        .copied()
        .fold((0, f64::MIN), |m, x| if x.1 > m.1 { x } else { m });
    let min = z
        .iter()
        .copied()
        .fold((0, f64::MAX), |m, x| if x.1 < m.1 { x } else { m });
    assert_eq!(max.0, 19);
    close(max.1, 1.6055, 5e-5);
    assert_eq!(min.0, 28);
    close(min.1, -1.5, 5e-5);
    // +1.6055 ≥ 1.5: fear on the first reading (no change: nothing before it).
    let first = readings[19].unwrap();
    assert_eq!(first.regime, Regime::Fear);
    assert_eq!(first.change, None);
    // Every change is reported once, with its contrarian reading.
    let changes: Vec<(usize, RegimeChange)> = readings
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.and_then(|r| r.change).map(|c| (i, c)))
        .collect();
    assert_eq!(changes[0].0, 20);
    assert_eq!(changes[0].1.from, Regime::Fear);
    assert_eq!(changes[0].1.contrarian(), None); // easing back to neutral
    let at_28 = readings[28].unwrap();
    let expected = if min.1 <= -1.5 {
        Regime::Complacency
    } else {
        Regime::Neutral
    };
    assert_eq!(at_28.regime, expected);
}

#[test]
fn contrarian_readings_of_regime_changes() {
    let change = |from, to| RegimeChange { from, to };
    use Regime::*;
    assert_eq!(
        change(Neutral, Fear).contrarian(),
        Some(Contrarian::Bullish)
    );
    assert_eq!(
        change(Fear, ExtremeFear).contrarian(),
        Some(Contrarian::Bullish)
    );
    assert_eq!(change(ExtremeFear, Fear).contrarian(), None);
    assert_eq!(
        change(Neutral, Complacency).contrarian(),
        Some(Contrarian::Bearish)
    );
    assert_eq!(
        change(ExtremeFear, ExtremeComplacency).contrarian(),
        Some(Contrarian::Bearish)
    );
    assert_eq!(change(Complacency, Neutral).contrarian(), None);
}

#[test]
fn a_total_put_call_of_1_1_reads_as_fear_on_the_level_thresholds() {
    // The seed note: "a Put/Call ratio of 1.1 points toward a cautious stance".
    let thresholds = Thresholds::total_levels();
    assert_eq!(thresholds.regime(1.1), Regime::Fear);
    assert_eq!(thresholds.regime(0.65), Regime::Complacency);
    assert_eq!(thresholds.regime(1.2), Regime::ExtremeFear);
    assert_eq!(Thresholds::equity_levels().regime(1.1), Regime::ExtremeFear);
    let mut put_call = PutCall::new(1, 2).unwrap().with_thresholds(thresholds);
    put_call.update(OptionVolume::new(900.0, 1000.0).unwrap());
    let reading = put_call
        .update(OptionVolume::new(1100.0, 1000.0).unwrap())
        .unwrap();
    assert_eq!(reading.regime, Regime::Fear);
    assert_eq!(
        reading.change.and_then(|c| c.contrarian()),
        None // the first reading had no predecessor; 0.9 → 1.1 shows up as the regime only
    );
}

#[test]
fn smoothed_normalization_waits_for_the_average() {
    let put_call = PutCall::<f64>::new(10, 20)
        .unwrap()
        .with_normalize(Normalize::Smoothed);
    assert_eq!(put_call.warmup_period(), 29);
    assert_eq!(put_call.to_string(), "PUTCALL(10,20,smoothed)");
    let mut put_call = put_call;
    let out: Vec<_> = spec_put_call()
        .into_iter()
        .map(|pc| put_call.update(OptionVolume::from_ratio(pc).unwrap()))
        .collect();
    assert!(out[..28].iter().all(Option::is_none));
    assert!(out[28].is_some());
}

// ---------------------------------------------------------------- errors

#[test]
fn zero_calls_negative_volumes_and_nan_are_errors_not_infinities() {
    for (puts, calls, needle) in [
        (100.0, 0.0, "call volume is 0"),
        (-1.0, 10.0, "negative"),
        (10.0, -1.0, "negative"),
        (f64::NAN, 10.0, "finite"),
        (10.0, f64::INFINITY, "finite"),
    ] {
        let err = OptionVolume::new(puts, calls).unwrap_err();
        assert!(matches!(err, Error::InvalidBar(_)), "{err}");
        assert!(err.to_string().contains(needle), "{err}");
        let mut put_call = PutCall::new(1, 2).unwrap();
        let raw = OptionVolume { puts, calls };
        assert_eq!(put_call.try_update(raw), Err(Error::InvalidInput));
        assert_eq!(put_call.update(raw), None);
    }
    assert!(OptionVolume::from_ratio(-0.5).is_err());
    assert_eq!(OptionVolume::new(0.0, 5.0).unwrap().ratio(), 0.0);
}

#[test]
fn invalid_parameters_name_the_parameter() {
    let name = |err: Error| match err {
        Error::InvalidParameter { name, .. } => name,
        other => panic!("{other}"),
    };
    assert_eq!(name(Beta::<f64>::new(1).unwrap_err()), "period");
    assert_eq!(name(Beta::<f64>::talib(100_001).unwrap_err()), "period");
    assert_eq!(name(Correlation::<f64>::talib(1).unwrap_err()), "period");
    assert_eq!(name(Mansfield::<f64>::new(0).unwrap_err()), "period");
    assert_eq!(name(RatioLine::<f64>::new(0).unwrap_err()), "period");
    assert_eq!(
        name(PerformanceSpread::<f64>::new(0).unwrap_err()),
        "period"
    );
    assert_eq!(
        name(PerformanceSpread::since(0.0, 1.0).unwrap_err()),
        "base"
    );
    assert_eq!(name(Leadership::<f64>::new(0).unwrap_err()), "period");
    assert_eq!(name(PutCall::<f64>::new(0, 20).unwrap_err()), "smoothing");
    assert_eq!(name(PutCall::<f64>::new(10, 1).unwrap_err()), "lookback");
    assert_eq!(
        name(Thresholds::z_score(-1.0, -2.0, 1.0, 2.0).unwrap_err()),
        "thresholds"
    );
    assert_eq!(
        name(Thresholds::levels(0.5, 0.6, f64::NAN, 1.0).unwrap_err()),
        "thresholds"
    );
}

#[test]
fn non_positive_prices_are_ignored_by_update_and_rejected_by_try_update() {
    let mut spread = PerformanceSpread::anchored();
    spread.update((100.0, 100.0));
    assert_eq!(spread.update((0.0, 100.0)), Some(0.0));
    assert_eq!(spread.try_update((100.0, -1.0)), Err(Error::InvalidInput));
    let mut correlation = Correlation::talib(2).unwrap(); // raw values: any sign
    correlation.update((-1.0, 0.0));
    close(correlation.update((1.0, 2.0)).unwrap(), 1.0, 1e-15);
}

#[test]
fn labels() {
    assert_eq!(Beta::<f64>::new(20).unwrap().to_string(), "BETA(20)");
    assert_eq!(
        Beta::<f64>::new(20)
            .unwrap()
            .with_returns(Returns::Log)
            .to_string(),
        "BETA(20,log)"
    );
    assert_eq!(
        Correlation::<f64>::new(20).unwrap().to_string(),
        "CORREL(20,returns)"
    );
    assert_eq!(RatioLine::<f64>::new(5).unwrap().to_string(), "RS(5)");
    assert_eq!(PerformanceSpread::<f64>::anchored().to_string(), "SPREAD");
    assert_eq!(Leadership::<f64>::default().to_string(), "LEADERSHIP(50)");
    assert_eq!(PutCall::<f64>::default().to_string(), "PUTCALL(10,252)");
    assert_eq!(Regime::ExtremeFear.to_string(), "extreme fear");
    assert_eq!(LeadershipEvent::AssetLeads.to_string(), "asset leads");
}
