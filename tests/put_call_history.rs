//! The whole Cboe put/call history (2006-11-01 .. 2019-10-04, 3,253 days; see
//! `tests/data/README.md`) end to end: parse with line-numbered errors, feed the total,
//! equity and index series, check that every output is finite and in range, that the
//! regimes are sensible, and that z-scores and percentiles agree with a naive recomputation.

use ta_stream::sentiment::{OptionVolume, PutCall, PutCallReading, Regime, Thresholds};
use ta_stream::Indicator;

struct Day {
    date: String,
    total: OptionVolume,
    equity: OptionVolume,
    index: OptionVolume,
}

fn parse(text: &str) -> Result<Vec<Day>, String> {
    let mut lines = text.lines().enumerate();
    let (_, header) = lines.next().ok_or("empty file")?;
    let expected = "date,total_calls,total_puts,equity_calls,equity_puts,index_calls,index_puts";
    if header != expected {
        return Err(format!("line 1: unexpected header {header:?}"));
    }
    lines
        .map(|(number, line)| {
            let at = |message: String| format!("line {}: {message}", number + 1);
            let cells: Vec<&str> = line.split(',').collect();
            if cells.len() != 7 {
                return Err(at(format!("{} cells, expected 7", cells.len())));
            }
            let number_in = |i: usize| -> Result<f64, String> {
                cells[i]
                    .parse()
                    .map_err(|e| at(format!("column {i} ({:?}): {e}", cells[i])))
            };
            let volume = |calls: usize| -> Result<OptionVolume, String> {
                OptionVolume::new(number_in(calls + 1)?, number_in(calls)?)
                    .map_err(|e| at(e.to_string()))
            };
            Ok(Day {
                date: cells[0].to_owned(),
                total: volume(1)?,
                equity: volume(3)?,
                index: volume(5)?,
            })
        })
        .collect()
}

fn history() -> Vec<Day> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cboe_put_call.csv");
    parse(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn parse_errors_name_the_line() {
    let header = "date,total_calls,total_puts,equity_calls,equity_puts,index_calls,index_puts";
    let zero_calls = format!("{header}\n2019-01-02,1,1,1,1,1,1\n2019-01-03,0,5,1,1,1,1\n");
    let err = parse(&zero_calls).err().unwrap();
    assert!(
        err.starts_with("line 3:") && err.contains("call volume is 0"),
        "{err}"
    );
    let garbage = format!("{header}\n2019-01-02,1,x,1,1,1,1\n");
    assert!(parse(&garbage).err().unwrap().starts_with("line 2:"));
}

#[test]
fn the_file_is_the_documented_one() {
    let days = history();
    assert_eq!(days.len(), 3253);
    assert_eq!(days[0].date, "2006-11-01");
    assert_eq!(days[3252].date, "2019-10-04");
    assert!(days.windows(2).all(|w| w[0].date < w[1].date));
    // First row: total 1,271,445 puts / 1,401,036 calls.
    assert!((days[0].total.ratio() - 1_271_445.0 / 1_401_036.0).abs() < 1e-15);
}

/// Feeds one series; returns the readings.
fn run(series: impl Fn(&Day) -> OptionVolume, put_call: PutCall) -> Vec<Option<PutCallReading>> {
    let mut put_call = put_call;
    history()
        .iter()
        .map(|day| put_call.update(series(day)))
        .collect()
}

fn mean_sd(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ss = values.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>();
    (mean, (ss / (n - 1.0)).sqrt())
}

#[test]
fn every_series_end_to_end_with_a_naive_recomputation() {
    type Series = fn(&Day) -> OptionVolume;
    let all: [(&str, Series); 3] = [
        ("total", |d| d.total),
        ("equity", |d| d.equity),
        ("index", |d| d.index),
    ];
    let days = history();
    for (name, series) in all {
        let (smoothing, lookback) = (10, 252);
        let readings = run(series, PutCall::new(smoothing, lookback).unwrap());
        let ratios: Vec<f64> = days.iter().map(|d| series(d).ratio()).collect();
        let mut counts = [0usize; 5];
        let mut changes = 0;
        for (index, reading) in readings.iter().enumerate() {
            assert_eq!(reading.is_some(), index + 1 >= lookback, "{name} {index}");
            let Some(r) = reading else { continue };
            assert!(r.ratio.is_finite() && r.ratio > 0.0);
            assert!(r.smoothed.is_finite() && r.smoothed > 0.0);
            assert!(
                r.z_score.is_finite() && r.z_score.abs() < 20.0,
                "{name} {index}"
            );
            assert!((0.0..=100.0).contains(&r.percentile));
            counts[r.regime as usize] += 1;
            changes += usize::from(r.change.is_some());
            // Naive recomputation on a sample of days.
            if index % 97 == 0 || index == days.len() - 1 {
                let window = &ratios[index + 1 - lookback..=index];
                let (mean, sd) = mean_sd(window);
                let z = (ratios[index] - mean) / sd;
                assert!(
                    (r.z_score - z).abs() < 1e-9,
                    "{name} {index}: {} vs {z}",
                    r.z_score
                );
                let ma = ratios[index + 1 - smoothing..=index].iter().sum::<f64>() / 10.0;
                assert!((r.smoothed - ma).abs() < 1e-12);
                let below = window[..lookback - 1]
                    .iter()
                    .filter(|&&x| x < ratios[index])
                    .count();
                assert_eq!(r.percentile, 100.0 * below as f64 / 251.0);
            }
        }
        let total: usize = counts.iter().sum();
        println!("{name}: regimes (extreme compl., compl., neutral, fear, extreme fear) = {counts:?}, {changes} changes");
        // Sensible: neutral dominates, both fear and complacency occur, extremes are rare.
        assert!(
            counts[Regime::Neutral as usize] * 10 > total * 6,
            "{name}: {counts:?}"
        );
        assert!(counts[Regime::Fear as usize] > 0 && counts[Regime::Complacency as usize] > 0);
        assert!(counts[0] + counts[4] < total / 10, "{name}: {counts:?}");
        assert!(changes > 50 && changes < total / 2, "{name}: {changes}");
    }
}

#[test]
fn equity_ratios_sit_below_index_ratios_and_level_thresholds_see_it() {
    let days = history();
    let mean = |f: fn(&Day) -> OptionVolume| {
        days.iter().map(|d| f(d).ratio()).sum::<f64>() / days.len() as f64
    };
    let (equity, index) = (mean(|d| d.equity), mean(|d| d.index));
    assert!(
        equity < 0.8 && index > 1.0,
        "equity {equity}, index {index}"
    );
    // Level thresholds on the 21-day equity average: mostly neutral or complacent.
    let readings = run(
        |d| d.equity,
        PutCall::new(21, 252)
            .unwrap()
            .with_thresholds(Thresholds::equity_levels()),
    );
    let fearful = readings
        .iter()
        .flatten()
        .filter(|r| r.regime >= Regime::Fear)
        .count();
    assert!(fearful * 10 < readings.iter().flatten().count());
}

#[cfg(feature = "serde")]
#[test]
fn resuming_from_json_mid_history_changes_nothing() {
    let days = history();
    let mut straight = PutCall::new(10, 252).unwrap();
    let mut first = PutCall::new(10, 252).unwrap();
    let split = 1_700;
    for day in &days[..split] {
        straight.update(day.total);
        first.update(day.total);
    }
    let mut resumed: PutCall =
        serde_json::from_str(&serde_json::to_string(&first).unwrap()).unwrap();
    for day in &days[split..] {
        assert_eq!(straight.update(day.total), resumed.update(day.total));
    }
}

#[test]
fn percentiles_of_published_two_decimal_ratios_do_not_depend_on_rounding() {
    // Cboe publishes the ratio with two decimals, so equal 5-day averages recur, summed in
    // different orders: mathematically equal, they used to round apart by an ulp and move
    // the percentile by whole ranks. Reference: the averages in exact integer hundredths.
    use ta_stream::sentiment::Normalize;
    let (smoothing, lookback) = (5, 20);
    let hundredths: Vec<i64> = history()
        .iter()
        .map(|day| (day.total.ratio() * 100.0).round() as i64)
        .collect();
    let mut put_call = PutCall::new(smoothing, lookback)
        .unwrap()
        .with_normalize(Normalize::Smoothed);
    let mut sums: Vec<i64> = Vec::new();
    let (mut checked, mut ties) = (0, 0);
    for (index, &h) in hundredths.iter().enumerate() {
        let reading = put_call.update(OptionVolume::from_ratio(h as f64 / 100.0).unwrap());
        if index + 1 >= smoothing {
            sums.push(hundredths[index + 1 - smoothing..=index].iter().sum());
        }
        let Some(reading) = reading else { continue };
        let window = &sums[sums.len() - lookback..];
        let (today, earlier) = window.split_last().unwrap();
        let below = earlier.iter().filter(|&&s| s < *today).count();
        ties += earlier.iter().filter(|&&s| s == *today).count();
        let expected = 100.0 * below as f64 / (lookback - 1) as f64;
        assert_eq!(reading.percentile, expected, "day {index}");
        if window.iter().all(|&s| s == *today) {
            assert_eq!(reading.z_score, 0.0, "day {index}");
        }
        checked += 1;
    }
    assert_eq!(checked, hundredths.len() - (smoothing + lookback - 2));
    assert!(
        ties > 500,
        "the data has equal averages to tell apart: {ties}"
    );
}
