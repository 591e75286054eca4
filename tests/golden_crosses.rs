//! Golden and death crosses (SMA 50 / SMA 200) of the Nasdaq-100's daily closes in
//! `tests/data/ndx_daily.csv`: the dates from `MaCross` must be those of a naive
//! recomputation (both SMAs summed window by window, TradingView's crossover rule).

use std::path::Path;

use ta_stream::signal::{MaCross, MaCrossEvent};
use ta_stream::Indicator;

/// `(date, close)` of every row.
fn ndx_closes() -> Vec<(String, f64)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ndx_daily.csv");
    let text = std::fs::read_to_string(&path).expect("bundled data");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let date = header
        .iter()
        .position(|&c| c == "date")
        .expect("date column");
    let close = header
        .iter()
        .position(|&c| c == "close")
        .expect("close column");
    lines
        .enumerate()
        .map(|(number, line)| {
            let cells: Vec<&str> = line.split(',').collect();
            let value = cells[close]
                .parse()
                .unwrap_or_else(|e| panic!("line {}: {e}", number + 2));
            (cells[date].to_owned(), value)
        })
        .collect()
}

/// The mean of `closes[end + 1 − n ..= end]`, summed from scratch.
fn naive_sma(closes: &[f64], end: usize, n: usize) -> f64 {
    closes[end + 1 - n..=end].iter().sum::<f64>() / n as f64
}

/// Dates of golden and death crosses, recomputed naively.
fn naive_crosses(days: &[(String, f64)]) -> (Vec<String>, Vec<String>) {
    let closes: Vec<f64> = days.iter().map(|(_, c)| *c).collect();
    let (mut golden, mut death) = (Vec::new(), Vec::new());
    for (t, (date, _)) in days.iter().enumerate().skip(200) {
        let (fast, slow) = (naive_sma(&closes, t, 50), naive_sma(&closes, t, 200));
        let (fast_before, slow_before) = (
            naive_sma(&closes, t - 1, 50),
            naive_sma(&closes, t - 1, 200),
        );
        if fast > slow && fast_before <= slow_before {
            golden.push(date.clone());
        }
        if fast < slow && fast_before >= slow_before {
            death.push(date.clone());
        }
    }
    (golden, death)
}

#[test]
fn ndx_golden_and_death_crosses_match_a_naive_recomputation() {
    let days = ndx_closes();
    assert!(days.len() > 1000, "expected years of daily data");
    let mut cross = MaCross::new(50, 200).unwrap();
    let (mut golden, mut death) = (Vec::new(), Vec::new());
    for (index, (date, close)) in days.iter().enumerate() {
        let output = cross.update(*close);
        assert_eq!(
            output.is_some(),
            index >= 200,
            "warm-up ends at the 201st close"
        );
        match output.flatten() {
            Some(MaCrossEvent::GoldenCross) => golden.push(date.clone()),
            Some(MaCrossEvent::DeathCross) => death.push(date.clone()),
            None => {}
        }
    }
    let (naive_golden, naive_death) = naive_crosses(&days);
    assert_eq!(golden, naive_golden, "golden crosses");
    assert_eq!(death, naive_death, "death crosses");
    assert!(!golden.is_empty(), "at least one golden cross");
    assert!(!death.is_empty(), "at least one death cross");
    // Golden and death alternate on this history (no touch of the two averages).
    let mut all: Vec<(&String, bool)> = golden
        .iter()
        .map(|d| (d, true))
        .chain(death.iter().map(|d| (d, false)))
        .collect();
    all.sort();
    assert!(all.windows(2).all(|w| w[0].1 != w[1].1), "{all:?}");
}

/// A checkpoint mid-history (serialized to JSON, as a stream processor would store it) resumes
/// into exactly the same crosses.
#[cfg(feature = "serde")]
#[cfg(feature = "serde")]
#[test]
fn a_checkpoint_mid_history_finds_the_same_crosses() {
    let days = ndx_closes();
    let closes: Vec<f64> = days.iter().map(|(_, c)| *c).collect();
    let whole = MaCross::new(50, 200).unwrap().batch(&closes);
    for split in [150, 200, 201, closes.len() / 2] {
        let mut first = MaCross::new(50, 200).unwrap();
        let mut outputs = first.batch(&closes[..split]);
        let json = serde_json::to_string(&first).unwrap();
        let mut second: MaCross = serde_json::from_str(&json).unwrap();
        outputs.extend(second.batch(&closes[split..]));
        assert_eq!(outputs, whole, "split at {split}");
    }
}
