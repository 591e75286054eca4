//! Known answers for the levels, worked out by hand from the published rules (Bill Williams'
//! fractals, Murphy's 3% and two-day break rules, the classic floor-trader formulas): swing pivots and their tie rule, clustering into levels, breaks
//! of support, the previous reaction low and floor-trader pivots. Also: invalid parameters,
//! and the Nasdaq-100's daily bars in `tests/data/ndx_daily.csv` (swing pivots against the
//! naive rule, zig-zag legs, the levels around 2025-11-11).

use std::path::Path;

use chrono::{NaiveDate, TimeZone, Utc};
use ta_stream::bar::{Bar, Candle};
use ta_stream::levels::{
    cluster_prices, FloorPivots, LevelEvent, LevelsConfig, PivotKind, PivotLevels, PivotPeriod,
    ReactionLow, Role, SupportResistance, SwingKind, SwingPivots, Tolerance, ZigZag, ZigZagSource,
};
use ta_stream::{Error, Indicator};

fn candle(open: f64, high: f64, low: f64, close: f64) -> Candle {
    Candle::new(open, high, low, close, 0.0).expect("valid candle")
}

/// A bar that only matters through its high (low = high − 2).
fn high_bar(high: f64) -> Candle {
    candle(high - 1.0, high, high - 2.0, high - 1.0)
}

/// A bar that only matters through its low (high = low + 2).
fn low_bar(low: f64) -> Candle {
    candle(low + 1.0, low + 2.0, low, low + 1.0)
}

fn close_bar(close: f64) -> Candle {
    candle(close, close, close, close)
}

fn assert_close(actual: f64, expected: f64, label: &str) {
    assert!(
        (actual - expected).abs() < 5e-7,
        "{label}: got {actual}, expected {expected}"
    );
}

// ---------------------------------------------------------------- swing pivots

const SPEC_HIGHS: [f64; 11] = [10., 11., 13., 12., 11., 12., 14., 14., 13., 12., 15.];

/// `(confirmed on bar, pivot index, price)` of every pivot high.
fn pivot_highs(pivots: &mut SwingPivots, highs: &[f64]) -> Vec<(usize, u64, f64)> {
    highs
        .iter()
        .enumerate()
        .filter_map(|(t, &h)| {
            let pivot = pivots.update(high_bar(h))?.high?;
            assert_eq!(pivot.kind, SwingKind::High);
            assert_eq!(pivot.index + pivot.bars_ago, t as u64);
            Some((t, pivot.index, pivot.price))
        })
        .collect()
}

#[test]
fn spec_pivot_highs_follow_tradingview_ties() {
    let found = pivot_highs(&mut SwingPivots::new(2).unwrap(), &SPEC_HIGHS);
    // k = 2 confirmed on bar 4; k = 6 (first of the flat top 14, 14) confirmed on bar 8.
    assert_eq!(found, [(4, 2, 13.0), (8, 6, 14.0)]);
}

#[test]
fn a_rule_strict_on_both_sides_would_find_only_k_2() {
    // The spec's contrast case, written out, so that the difference is visible here.
    let strict: Vec<usize> = (2..SPEC_HIGHS.len() - 2)
        .filter(|&k| {
            (k - 2..k + 3)
                .filter(|&j| j != k)
                .all(|j| SPEC_HIGHS[k] > SPEC_HIGHS[j])
        })
        .collect();
    assert_eq!(strict, [2]);
}

#[test]
fn spec_pivot_lows_mirror_the_highs() {
    let mut pivots = SwingPivots::default();
    let found: Vec<(u64, f64)> = SPEC_HIGHS
        .iter()
        .filter_map(|&h| pivots.update(low_bar(30.0 - h))?.low)
        .map(|pivot| (pivot.index, pivot.price))
        .collect();
    assert_eq!(found, [(2, 17.0), (6, 16.0)]);
}

#[test]
fn pivots_are_reported_only_once_confirmed() {
    let mut pivots = SwingPivots::new(2).unwrap();
    let outputs = pivots.batch(&SPEC_HIGHS.map(high_bar));
    assert_eq!(outputs[..4], [None; 4], "warm-up is 5 bars");
    // Bar 2 is the high, but nothing is said before bar 4.
    assert_eq!(outputs[4].unwrap().high.map(|p| p.index), Some(2));
    assert!(outputs[5..8].iter().all(|o| o.unwrap().high.is_none()));
}

#[test]
fn asymmetric_sides_and_display() {
    // left 1, right 3: bar 2 (13) beats bar 1 and is >= bars 3, 4, 5; bar 6 (14) beats
    // bar 5 and is >= bars 7 (a tie), 8, 9.
    let mut pivots = SwingPivots::with_sides(1, 3).unwrap();
    let found = pivot_highs(&mut pivots, &SPEC_HIGHS);
    assert_eq!(found, [(5, 2, 13.0), (9, 6, 14.0)]);
    assert_eq!(pivots.to_string(), "SWING(1,3)");
    assert_eq!(pivots.warmup_period(), 5);
}

// ---------------------------------------------------------------- zig-zag

#[test]
fn zig_zag_on_highs_and_lows() {
    let bars = [
        candle(100.0, 101.0, 99.0, 100.0),  // 0
        candle(101.0, 106.0, 100.0, 105.0), // 1: 106 ≥ 99·1.05 → low 99 @0
        candle(105.0, 108.0, 104.0, 107.0), // 2: new high 108
        candle(107.0, 107.5, 103.0, 103.5), // 3: 103 > 108·0.95 = 102.6: nothing
        candle(103.5, 104.0, 102.0, 102.5), // 4: 102 ≤ 102.6 → high 108 @2
        candle(102.5, 103.0, 97.0, 98.0),   // 5: new low 97
        candle(98.0, 101.0, 97.5, 100.5),   // 6: 101 < 97·1.05 = 101.85: nothing
        candle(100.5, 102.0, 100.0, 101.9), // 7: 102 ≥ 101.85 → low 97 @5
    ];
    let mut zigzag = ZigZag::default();
    let turns: Vec<(usize, SwingKind, f64, u64)> = bars
        .iter()
        .enumerate()
        .filter_map(|(t, &bar)| {
            let turn = zigzag.update(bar).expect("no warm-up")?;
            assert_eq!(turn.index + turn.bars_ago, t as u64);
            Some((t, turn.kind, turn.price, turn.index))
        })
        .collect();
    assert_eq!(
        turns,
        [
            (1, SwingKind::Low, 99.0, 0),
            (4, SwingKind::High, 108.0, 2),
            (7, SwingKind::Low, 97.0, 5),
        ]
    );
    assert_eq!(
        zigzag.last_turn().map(|t| (t.price, t.bars_ago)),
        Some((97.0, 2))
    );
    let forming = zigzag.forming().expect("up-leg");
    assert_eq!(
        (forming.kind, forming.price, forming.index),
        (SwingKind::High, 102.0, 7)
    );
}

#[test]
fn zig_zag_on_closes_ignores_the_wicks() {
    let mut zigzag = ZigZag::new(5.0).unwrap().with_source(ZigZagSource::Close);
    // Wicks of ±10 % never count; closes move 3 %.
    let out: Vec<_> = [100.0, 103.0, 100.0, 103.0]
        .iter()
        .map(|&c| zigzag.update(candle(c, c * 1.1, c * 0.9, c)).unwrap())
        .collect();
    assert!(out.iter().all(Option::is_none));
    assert_eq!(zigzag.to_string(), "ZIGZAG(5%)[close]");
    assert_eq!(ZigZag::new(2.5).unwrap().to_string(), "ZIGZAG(2.5%)");
}

#[test]
fn zig_zag_flat_top_keeps_the_first_bar() {
    let mut zigzag = ZigZag::new(5.0).unwrap().with_source(ZigZagSource::Close);
    let closes = [100.0, 110.0, 120.0, 120.0, 110.0];
    let turns: Vec<_> = closes
        .iter()
        .filter_map(|&c| zigzag.update(close_bar(c)).unwrap())
        .map(|t| (t.kind, t.index))
        .collect();
    assert_eq!(turns, [(SwingKind::Low, 0), (SwingKind::High, 2)]);
}

// ---------------------------------------------------------------- clustering into levels

const SPEC_LOWS: [f64; 6] = [100.0, 100.8, 99.6, 105.0, 100.3, 105.4];

#[test]
fn spec_clusters_in_batch() {
    let clusters = cluster_prices(&SPEC_LOWS, 1.0);
    assert_eq!(clusters.len(), 2);
    assert_close(clusters[0].price, 100.175, "low level");
    assert_eq!(clusters[0].touches, 4);
    assert_close(clusters[1].price, 105.2, "high level");
    assert_eq!(clusters[1].touches, 2);
}

#[test]
fn a_minimum_anchor_would_split_the_cluster_the_mean_keeps() {
    // The spec's warning, checked with a minimum-anchored variant written out here.
    let mut sorted = SPEC_LOWS.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut minimum_anchored: Vec<Vec<f64>> = Vec::new();
    for p in sorted {
        match minimum_anchored.last_mut() {
            Some(cluster) if p - cluster[0] <= 0.01 * cluster[0] => cluster.push(p),
            _ => minimum_anchored.push(vec![p]),
        }
    }
    assert_eq!(minimum_anchored[0], [99.6, 100.0, 100.3]);
    assert_eq!(minimum_anchored[1], [100.8]);
    // The running mean keeps 100.8 in the cluster.
    assert_eq!(cluster_prices(&SPEC_LOWS, 1.0)[0].touches, 4);
}

/// Bars alternating between a peak (high 120) and a dip to each of `lows`, closing at 110:
/// with 1-bar pivots, every dip is a pivot low and every inner peak a pivot high.
fn dips(lows: &[f64]) -> Vec<Candle> {
    let peak = candle(110.0, 120.0, 109.0, 110.0);
    let mut bars = vec![peak];
    for &low in lows {
        bars.push(candle(110.0, 111.0, low, 110.0));
        bars.push(peak);
    }
    bars
}

fn one_bar_levels() -> SupportResistance {
    SupportResistance::new(LevelsConfig::default().with_bars(1)).unwrap()
}

#[test]
fn spec_clusters_streaming_from_pivot_lows() {
    let mut levels = one_bar_levels();
    let outputs = levels.batch(&dips(&SPEC_LOWS));
    let mut found: Vec<(f64, u64, Role)> = levels
        .levels()
        .map(|level| (level.price(), level.touches(), level.role()))
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(found.len(), 3, "{found:?}");
    assert_close(found[0].0, 100.175, "low level");
    assert_eq!((found[0].1, found[0].2), (4, Role::Support));
    assert_close(found[1].0, 105.2, "high level");
    assert_eq!((found[1].1, found[1].2), (2, Role::Support));
    // Peaks at bars 2, 4, …, 10 (bar 12 is not confirmed yet).
    assert_eq!(
        (found[2].0, found[2].1, found[2].2),
        (120.0, 5, Role::Resistance)
    );

    let last = outputs.last().unwrap().unwrap();
    assert_close(last.support.unwrap().price(), 105.2, "nearest support");
    assert_eq!(last.resistance.unwrap().price(), 120.0);
    // 100.8 (bar 3) joins the level of 100.0 on bar 4: a touch.
    match outputs[4].unwrap().event {
        Some(LevelEvent::Touch(level)) => {
            assert_close(level.price(), 100.4, "touched level");
            assert_eq!((level.first_touch(), level.last_touch()), (1, 3));
        }
        other => panic!("expected a touch, got {other:?}"),
    }
    assert_eq!(outputs[2].unwrap().event, None, "a new level is no event");
}

#[test]
fn atr_tolerance_clusters_within_a_multiple_of_atr() {
    // Most bars have a true range of 11 (the dip to 105 has 6): ATR(3) ≈ 9.9 on the bar that
    // confirms 105, and 0.6·ATR ≈ 5.9 merges it with the level at 100.
    let config = LevelsConfig::default()
        .with_bars(1)
        .with_tolerance(Tolerance::Atr {
            multiple: 0.6,
            period: 3,
        });
    let mut levels = SupportResistance::new(config).unwrap();
    assert_eq!(levels.warmup_period(), 4);
    levels.batch(&dips(&[100.0, 100.0, 100.0, 105.0]));
    let lows: Vec<(f64, u64)> = levels
        .levels()
        .filter(|level| level.role() == Role::Support)
        .map(|level| (level.price(), level.touches()))
        .collect();
    // The first dip (bar 1) is confirmed on bar 2, before the ATR is ready: not used.
    assert_eq!(lows, [(101.66666666666667, 3)]);
    assert_eq!(levels.to_string(), "SR(1, 0.6×ATR3)");
}

// ---------------------------------------------------------------- breaks of support

/// A support at 100 (one pivot low with 1-bar pivots), closes at 110 meanwhile; then `closes`.
fn support_then(config: LevelsConfig, closes: &[f64]) -> Vec<Option<LevelEvent>> {
    let mut levels = SupportResistance::new(config).unwrap();
    levels.batch(&[
        candle(110.0, 111.0, 105.0, 110.0),
        candle(110.0, 111.0, 100.0, 110.0),
        candle(110.0, 111.0, 105.0, 110.0),
    ]);
    assert_eq!(levels.value().unwrap().support.unwrap().price(), 100.0);
    closes
        .iter()
        .map(|&c| levels.update(candle(c, c.max(101.0), c, c)).unwrap().event)
        .collect()
}

fn config(break_percent: Option<f64>, break_closes: Option<usize>) -> LevelsConfig {
    LevelsConfig::default()
        .with_bars(1)
        .with_break_percent(break_percent)
        .with_break_closes(break_closes)
}

fn is_break(event: &Option<LevelEvent>) -> bool {
    matches!(event, Some(LevelEvent::Break(_)))
}

#[test]
fn one_close_more_than_3_percent_below_breaks_support() {
    let events = support_then(config(Some(3.0), None), &[96.9]);
    let Some(LevelEvent::Break(level)) = events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(
        (level.role(), level.breaks(), level.last_break()),
        (Role::Resistance, 1, Some(3))
    );
}

#[test]
fn one_close_just_below_support_is_not_a_break() {
    // 97.5 is 2.5 % below: within the 3 % filter; the next close recovers.
    let events = support_then(config(Some(3.0), Some(2)), &[97.5, 100.5, 99.0, 100.0]);
    assert!(events.iter().all(|e| !is_break(e)), "{events:?}");
    // Exactly 3 % below is not more than 3 %.
    let events = support_then(config(Some(3.0), None), &[97.0]);
    assert!(!is_break(&events[0]));
}

#[test]
fn two_successive_closes_below_break_support() {
    let events = support_then(config(Some(3.0), Some(2)), &[99.5, 99.0]);
    assert!(!is_break(&events[0]));
    assert!(is_break(&events[1]));
    // The three-closes variant waits for a third.
    let events = support_then(config(None, Some(3)), &[99.5, 99.0, 98.5]);
    assert_eq!(
        events.iter().map(is_break).collect::<Vec<_>>(),
        [false, false, true]
    );
}

#[test]
fn broken_support_becomes_resistance_and_is_retested() {
    let mut levels = SupportResistance::new(config(Some(3.0), Some(2))).unwrap();
    let bars = [
        candle(110.0, 111.0, 105.0, 110.0),
        candle(110.0, 111.0, 100.0, 110.0), // pivot low 100
        candle(110.0, 111.0, 105.0, 110.0),
        candle(96.0, 97.0, 95.0, 96.0),  // 4 % below: broken
        candle(96.0, 100.2, 95.5, 97.0), // rally to 100.2: a pivot high near 100
        candle(96.0, 98.0, 94.0, 95.0),  // confirms it: a retest from below
    ];
    let outputs = levels.batch(&bars);
    let broken = outputs[3].unwrap();
    assert!(is_break(&broken.event));
    assert_eq!(broken.support, None);
    assert_eq!(broken.resistance.unwrap().price(), 100.0);
    match outputs[5].unwrap().event {
        Some(LevelEvent::Retest(level)) => {
            assert_close(level.price(), 100.1, "retested level");
            assert_eq!((level.role(), level.touches()), (Role::Resistance, 2));
        }
        other => panic!("expected a retest, got {other:?}"),
    }
    // Two closes back above the resistance break it upwards: support again.
    let up = levels.batch(&[close_bar(101.0), close_bar(101.5)]);
    let Some(LevelEvent::Break(level)) = up[1].unwrap().event else {
        panic!("{up:?}")
    };
    assert_eq!((level.role(), level.breaks()), (Role::Support, 2));
}

#[test]
fn levels_expire_by_age_and_by_count() {
    let aged = LevelsConfig::default().with_bars(1).with_max_age(Some(5));
    let mut levels = SupportResistance::new(aged).unwrap();
    levels.batch(&dips(&[100.0]));
    assert_eq!(levels.levels().count(), 1); // the dip; the peaks are unconfirmed
    levels.batch(&[close_bar(110.0); 6]);
    assert_eq!(levels.levels().count(), 0, "last touch at bar 1, now bar 8");

    let few = LevelsConfig::default().with_bars(1).with_capacity(2);
    let mut levels = SupportResistance::new(few).unwrap();
    levels.batch(&dips(&[100.0, 90.0, 80.0]));
    let mut prices: Vec<f64> = levels.levels().map(|level| level.price()).collect();
    prices.sort_by(f64::total_cmp);
    // 100 (the oldest touch) was evicted; the peak level at 120 keeps being touched.
    assert_eq!(prices, [80.0, 120.0]);
}

// ---------------------------------------------------------------- previous reaction low

#[test]
fn reaction_low_is_the_most_recent_pivot_low_below_the_close() {
    let mut reaction = ReactionLow::new(1).unwrap();
    // Pivot lows 95 (bar 1), 98 (bar 3), 97 (bar 5); closes between them at 105.
    let bars: Vec<Candle> = [105.0, 95.0, 105.0, 98.0, 105.0, 97.0, 105.0]
        .iter()
        .map(|&low| candle(105.0, 106.0, low, 105.0))
        .collect();
    let out = reaction.batch(&bars);
    assert_eq!(
        out[6].unwrap().map(|s| (s.price, s.index, s.bars_ago)),
        Some((97.0, 5, 1))
    );
    // The staircase keeps rising lows only: 98 is forgotten once 97 comes.
    let steps: Vec<f64> = reaction.swing_lows().map(|(_, p)| p).collect();
    assert_eq!(steps, [95.0, 97.0]);
    let at = |close: f64| reaction.peek(close_bar(close)).unwrap().map(|s| s.price);
    assert_eq!(at(97.5), Some(97.0));
    assert_eq!(at(97.0), Some(95.0), "strictly below the close");
    assert_eq!(at(94.0), None, "below every remembered low");
}

// ---------------------------------------------------------------- floor-trader pivots

/// The worked example: H = 110, L = 90, C = 108, previous open 95, today's open 107.
fn spec_levels(kind: PivotKind) -> PivotLevels {
    PivotLevels::compute(kind, &candle(95.0, 110.0, 90.0, 108.0), 107.0)
}

fn assert_levels(kind: PivotKind, pivot: f64, resistances: &[f64], supports: &[f64]) {
    let levels = spec_levels(kind);
    assert_eq!(levels.kind, kind);
    assert_close(levels.pivot, pivot, &format!("{kind} pivot"));
    let r: Vec<f64> = levels.resistances().collect();
    let s: Vec<f64> = levels.supports().collect();
    assert_eq!(r.len(), resistances.len(), "{kind}: {r:?}");
    assert_eq!(s.len(), supports.len(), "{kind}: {s:?}");
    for (k, (a, e)) in r.iter().zip(resistances).enumerate() {
        assert_close(*a, *e, &format!("{kind} R{}", k + 1));
    }
    for (k, (a, e)) in s.iter().zip(supports).enumerate() {
        assert_close(*a, *e, &format!("{kind} S{}", k + 1));
    }
}

#[test]
fn spec_classic_pivots() {
    // R4 = 3PP + (H − 3L) = 148, R5 = 4PP + (H − 4L) = 160.666667 (TradingView);
    // S4 = 3PP − (3H − L) = 68, S5 = 4PP − (4H − L) = 60.666667.
    assert_levels(
        PivotKind::Classic,
        102.666667,
        &[115.333333, 122.666667, 135.333333, 148.0, 160.666667],
        &[95.333333, 82.666667, 75.333333, 68.0, 60.666667],
    );
}

#[test]
fn spec_fibonacci_pivots() {
    assert_levels(
        PivotKind::Fibonacci,
        102.666667,
        &[110.306667, 115.026667, 122.666667],
        &[95.026667, 90.306667, 82.666667],
    );
}

#[test]
fn spec_camarilla_pivots() {
    assert_levels(
        PivotKind::Camarilla,
        102.666667,
        &[109.833333, 111.666667, 113.5, 119.0],
        &[106.166667, 104.333333, 102.5, 97.0],
    );
}

#[test]
fn spec_woodie_pivots_both_forms() {
    assert_levels(PivotKind::Woodie, 104.0, &[118.0, 124.0], &[98.0, 84.0]);
    // Open form: PP = (H + L + 2·O_today)/4 = 103.5; R1 = 2PP − L, and so on.
    assert_levels(PivotKind::WoodieOpen, 103.5, &[117.0, 123.5], &[97.0, 83.5]);
}

#[test]
fn spec_demark_pivots_and_their_three_cases() {
    assert_levels(PivotKind::Demark, 104.5, &[119.0], &[99.0]);
    // C < O: X = H + 2L + C = 398; C = O: X = H + L + 2C = 416.
    let below = PivotLevels::compute(PivotKind::Demark, &candle(109.0, 110.0, 90.0, 108.0), 0.0);
    assert_eq!((below.pivot, below.r1, below.s1), (99.5, 109.0, 89.0));
    let equal = PivotLevels::compute(PivotKind::Demark, &candle(108.0, 110.0, 90.0, 108.0), 0.0);
    assert_eq!((equal.pivot, equal.r1, equal.s1), (104.0, 118.0, 98.0));
}

fn day_bar(y: i32, m: u32, d: u32, hour: u32, c: Candle) -> Bar {
    Bar::new(Utc.with_ymd_and_hms(y, m, d, hour, 0, 0).unwrap(), c)
}

#[test]
fn daily_pivots_aggregate_intraday_bars() {
    let mut pivots = FloorPivots::new(PivotKind::Classic, PivotPeriod::Day);
    assert_eq!(
        pivots.update(day_bar(2024, 3, 4, 14, candle(95.0, 100.0, 94.0, 99.0))),
        None
    );
    assert_eq!(
        pivots.update(day_bar(2024, 3, 4, 18, candle(99.0, 110.0, 90.0, 108.0))),
        None
    );
    // Next day: the worked example's candle (O 95, H 110, L 90, C 108) is yesterday's.
    let next = day_bar(2024, 3, 5, 14, candle(107.0, 108.0, 106.0, 107.5));
    assert_eq!(pivots.peek(next), Some(spec_levels(PivotKind::Classic)));
    assert_eq!(pivots.update(next), Some(spec_levels(PivotKind::Classic)));
    assert_eq!(
        pivots.previous().map(|c| (c.open, c.high, c.low, c.close)),
        Some((95.0, 110.0, 90.0, 108.0))
    );
    // A bar from an earlier day is ignored.
    let stale = day_bar(2024, 3, 4, 20, candle(1.0, 1.0, 1.0, 1.0));
    assert_eq!(pivots.update(stale), Some(spec_levels(PivotKind::Classic)));
    assert_eq!(pivots.to_string(), "PIVOTS(classic, day)");
}

#[test]
fn woodie_open_uses_the_open_of_the_new_period() {
    let mut pivots = FloorPivots::new(PivotKind::WoodieOpen, PivotPeriod::Day);
    pivots.update(day_bar(2024, 3, 4, 14, candle(95.0, 110.0, 90.0, 108.0)));
    let levels = pivots.update(day_bar(2024, 3, 5, 14, candle(107.0, 108.0, 106.0, 107.5)));
    assert_eq!(levels.map(|l| l.pivot), Some(103.5));
}

#[test]
fn week_and_month_boundaries() {
    let key = |period: PivotPeriod, y, m, d| {
        period.key(Utc.with_ymd_and_hms(y, m, d, 23, 59, 59).unwrap())
    };
    // ISO weeks start on Monday: Sunday 2024-03-10 and Monday 2024-03-11 differ.
    assert_eq!(
        key(PivotPeriod::Week, 2024, 3, 4),
        key(PivotPeriod::Week, 2024, 3, 10)
    );
    assert_ne!(
        key(PivotPeriod::Week, 2024, 3, 10),
        key(PivotPeriod::Week, 2024, 3, 11)
    );
    // Across a year end: Tuesday 2024-12-31 and Thursday 2025-01-02 share ISO week 1 of 2025.
    assert_eq!(
        key(PivotPeriod::Week, 2024, 12, 31),
        key(PivotPeriod::Week, 2025, 1, 2)
    );
    assert_eq!(
        key(PivotPeriod::Month, 2024, 2, 1),
        key(PivotPeriod::Month, 2024, 2, 29)
    );
    assert!(key(PivotPeriod::Month, 2024, 12, 31) < key(PivotPeriod::Month, 2025, 1, 1));
    assert!(key(PivotPeriod::Day, 2024, 2, 29) < key(PivotPeriod::Day, 2024, 3, 1));
}

// ---------------------------------------------------------------- invalid parameters

fn parameter_name(error: Error) -> &'static str {
    match error {
        Error::InvalidParameter { name, .. } => name,
        other => panic!("unexpected error {other:?}"),
    }
}

#[test]
fn invalid_parameters_are_named() {
    assert_eq!(
        parameter_name(SwingPivots::<f64>::new(0).unwrap_err()),
        "bars"
    );
    assert_eq!(
        parameter_name(SwingPivots::<f64>::with_sides(2, 0).unwrap_err()),
        "right"
    );
    assert_eq!(
        parameter_name(SwingPivots::<f64>::with_sides(0, 2).unwrap_err()),
        "left"
    );
    assert_eq!(
        parameter_name(ReactionLow::<f64>::with_capacity(2, 0).unwrap_err()),
        "capacity"
    );
    for bad in [0.0, -5.0, 100.0, f64::NAN, f64::INFINITY] {
        assert_eq!(
            parameter_name(ZigZag::new(bad).unwrap_err()),
            "percent",
            "{bad}"
        );
    }
    let base = LevelsConfig::<f64>::default();
    let cases: [(LevelsConfig, &str); 8] = [
        (base.with_bars(0), "bars"),
        (base.with_tolerance(Tolerance::Percent(0.0)), "tolerance"),
        (
            base.with_tolerance(Tolerance::Atr {
                multiple: 1.0,
                period: 0,
            }),
            "atr_period",
        ),
        (base.with_break_percent(Some(f64::NAN)), "break_percent"),
        (base.with_break_closes(Some(0)), "break_closes"),
        (
            base.with_break_percent(None).with_break_closes(None),
            "break_percent",
        ),
        (base.with_capacity(1), "capacity"),
        (base.with_max_age(Some(0)), "max_age"),
    ];
    for (config, name) in cases {
        assert_eq!(
            parameter_name(SupportResistance::new(config).unwrap_err()),
            name
        );
    }
    let message = ZigZag::new(0.0).unwrap_err().to_string();
    assert_eq!(
        message,
        "invalid parameter `percent` = 0.0: expected a percentage in (0, 100)"
    );
}

#[test]
fn defaults_and_labels() {
    assert_eq!(SwingPivots::<f64>::default().warmup_period(), 5);
    assert_eq!(ZigZag::<f64>::default().percent(), 5.0);
    assert_eq!(ReactionLow::<f64>::default().to_string(), "REACTION_LOW(2)");
    assert_eq!(SupportResistance::<f64>::default().to_string(), "SR(5, 1%)");
    assert_eq!(SupportResistance::<f64>::default().warmup_period(), 11);
    assert_eq!(FloorPivots::<f64>::default().kind(), PivotKind::Classic);
}

// ---------------------------------------------------------------- real data: the Nasdaq-100

/// `(date, candle)` of every row of `tests/data/ndx_daily.csv`.
fn ndx_daily() -> Vec<(NaiveDate, Candle)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ndx_daily.csv");
    let text = std::fs::read_to_string(path).expect("bundled data");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("date,open,high,low,close,volume"));
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let number = |i: usize| cells[i].parse::<f64>().unwrap();
            let date = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").unwrap();
            let candle = Candle::new(number(1), number(2), number(3), number(4), number(5))
                .unwrap_or_else(|e| panic!("{date}: {e}"));
            (date, candle)
        })
        .collect()
}

#[test]
fn ndx_swing_pivots_equal_the_naive_rule() {
    let days = ndx_daily();
    let highs: Vec<f64> = days.iter().map(|(_, c)| c.high).collect();
    let lows: Vec<f64> = days.iter().map(|(_, c)| c.low).collect();
    for (left, right) in [(2, 2), (5, 5), (3, 7)] {
        let mut pivots = SwingPivots::with_sides(left, right).unwrap();
        let (mut streamed_highs, mut streamed_lows) = (Vec::new(), Vec::new());
        for (t, (_, candle)) in days.iter().enumerate() {
            if let Some(reading) = pivots.update(*candle) {
                for pivot in reading.pivots() {
                    assert_eq!(pivot.index + right as u64, t as u64);
                    let list = match pivot.kind {
                        SwingKind::High => &mut streamed_highs,
                        SwingKind::Low => &mut streamed_lows,
                    };
                    list.push((pivot.index as usize, pivot.price));
                }
            }
        }
        let naive =
            |series: &[f64], better: fn(f64, f64) -> bool, not_worse: fn(f64, f64) -> bool| {
                (left..series.len() - right)
                    .filter(|&k| {
                        (k - left..k).all(|j| better(series[k], series[j]))
                            && (k + 1..=k + right).all(|j| not_worse(series[k], series[j]))
                    })
                    .map(|k| (k, series[k]))
                    .collect::<Vec<_>>()
            };
        let naive_highs = naive(&highs, |a, b| a > b, |a, b| a >= b);
        let naive_lows = naive(&lows, |a, b| a < b, |a, b| a <= b);
        assert_eq!(streamed_highs, naive_highs, "highs, sides {left}/{right}");
        assert_eq!(streamed_lows, naive_lows, "lows, sides {left}/{right}");
        assert!(naive_highs.len() > 50 && naive_lows.len() > 50);
    }
}

#[test]
fn ndx_zig_zag_legs_alternate_and_move_at_least_the_threshold() {
    let days = ndx_daily();
    let candles: Vec<Candle> = days.iter().map(|(_, c)| *c).collect();
    let turns: Vec<_> = ZigZag::default()
        .batch(&candles)
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    assert!(turns.len() > 20, "{} turns", turns.len());
    for pair in turns.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        assert_ne!(a.kind, b.kind, "turns alternate");
        assert!(a.index < b.index);
        let move_percent = 100.0 * (b.price / a.price - 1.0);
        match a.kind {
            SwingKind::High => assert!(move_percent <= -5.0 * (1.0 - 1e-12), "{a:?} → {b:?}"),
            SwingKind::Low => assert!(move_percent >= 5.0 * (1.0 - 1e-12), "{a:?} → {b:?}"),
        }
    }
    // Each turn after the first is the extreme of the bars up to the next turn.
    for triple in turns.windows(3) {
        let (turn, next) = (triple[1], triple[2]);
        for candle in &candles[turn.index as usize..next.index as usize] {
            match turn.kind {
                SwingKind::High => assert!(candle.high <= turn.price),
                SwingKind::Low => assert!(candle.low >= turn.price),
            }
        }
    }
}

#[test]
fn ndx_levels_around_2025_11_11() {
    let days = ndx_daily();
    let mut levels = SupportResistance::default();
    let target = NaiveDate::from_ymd_opt(2025, 11, 11).unwrap();
    let mut breaks = 0;
    let mut reading = None;
    let mut close = 0.0;
    for (date, candle) in &days {
        let output = levels.update(*candle);
        breaks += usize::from(matches!(
            output.and_then(|r| r.event),
            Some(LevelEvent::Break(_))
        ));
        if *date == target {
            reading = output;
            close = candle.close;
            break;
        }
    }
    let reading = reading.expect("2025-11-11 is in the data");
    let mut live: Vec<_> = levels.levels().collect();
    live.sort_by(|a, b| a.price().total_cmp(&b.price()));
    println!("NDX close on {target}: {close}; {breaks} breaks so far");
    for level in &live {
        println!(
            "  {:>9.2} {:<10} touches {} (bars {}..{}), breaks {}",
            level.price(),
            level.role(),
            level.touches(),
            level.first_touch(),
            level.last_touch(),
            level.breaks()
        );
    }
    let support = reading.support.expect("a support below the market");
    let resistance = reading.resistance.expect("a resistance above the market");
    println!(
        "  nearest support {:.2}, resistance {:.2}",
        support.price(),
        resistance.price()
    );
    assert!(support.price() < resistance.price());
    // An unbroken support sits at most 3 % above the close (the break filter) …
    assert!(
        support.price() <= close * 1.03,
        "support {}",
        support.price()
    );
    assert!(
        resistance.price() >= close * 0.97,
        "resistance {}",
        resistance.price()
    );
    // … and the nearest levels are within 15 % of the market (not years-old extremes).
    assert!(support.price() > close * 0.85 && resistance.price() < close * 1.15);
    assert!(!live.is_empty() && live.len() <= 16);
    assert!(
        breaks > 10,
        "seven years of daily bars break levels often: {breaks}"
    );
}

// ---------------------------------------------------------------- events once, valid bars

/// A candle whose high is below its low: not a valid bar.
fn inverted() -> Candle {
    Candle {
        open: 100.0,
        high: 99.0,
        low: 101.0,
        close: 100.0,
        volume: 0.0,
    }
}

fn nan_candle() -> Candle {
    Candle {
        close: f64::NAN,
        ..high_bar(100.0)
    }
}

#[test]
fn swing_pivots_fed_up_to_a_pivot_then_nan_report_it_once() {
    let mut pivots = SwingPivots::new(1).unwrap();
    pivots.update(high_bar(10.0));
    pivots.update(high_bar(12.0));
    let confirmed = pivots.update(high_bar(11.0)).unwrap();
    assert_eq!(confirmed.high.map(|pivot| pivot.price), Some(12.0));
    for bad in [nan_candle(), inverted()] {
        let before = pivots.clone();
        let quiet = pivots.update(bad).unwrap();
        assert!(quiet.is_empty(), "{quiet:?}");
        assert!(pivots.peek(bad).unwrap().is_empty());
        assert_eq!(pivots.try_update(bad), Err(Error::InvalidInput));
        assert_eq!(pivots, before);
    }
    assert_eq!(pivots.value(), Some(confirmed));
    assert!(pivots.update(high_bar(10.5)).unwrap().high.is_none());
}

#[test]
fn zig_zag_fed_up_to_a_turn_then_nan_reports_it_once() {
    let mut zigzag = ZigZag::new(5.0).unwrap().with_source(ZigZagSource::Close);
    zigzag.update(close_bar(100.0));
    let turn = zigzag.update(close_bar(110.0)).unwrap();
    assert_eq!(
        turn.map(|t| (t.kind, t.price)),
        Some((SwingKind::Low, 100.0))
    );
    assert_eq!(zigzag.update(nan_candle()), Some(None));
    assert_eq!(zigzag.peek(inverted()), Some(None));
    assert_eq!(zigzag.try_update(inverted()), Err(Error::InvalidInput));
    assert_eq!(zigzag.value(), Some(turn));
    assert_eq!(zigzag.update(close_bar(111.0)), Some(None));
}

#[test]
fn support_resistance_fed_up_to_a_break_then_nan_reports_it_once() {
    let mut levels = one_bar_levels();
    for bar in dips(&[100.0, 100.5]) {
        levels.update(bar);
    }
    let mut broken = None;
    for close in [100.0, 99.0] {
        broken = levels.update(close_bar(close));
    }
    let broken = broken.expect("warmed up");
    assert!(
        matches!(broken.event, Some(LevelEvent::Break(_))),
        "{broken:?}"
    );
    for quiet in [levels.peek(nan_candle()), levels.update(inverted())] {
        let quiet = quiet.expect("warmed up");
        assert_eq!((quiet.event, quiet.events), (None, 0));
        assert_eq!(quiet.support, broken.support);
        assert_eq!(quiet.resistance, broken.resistance);
    }
    assert_eq!(levels.value(), Some(broken));
}

#[test]
fn reaction_low_is_a_level_and_an_ignored_bar_keeps_it() {
    let mut reaction = ReactionLow::new(1).unwrap();
    for bar in [low_bar(100.0), low_bar(95.0), low_bar(98.0), low_bar(99.0)] {
        reaction.update(bar);
    }
    let last = reaction.value();
    assert_eq!(last.flatten().map(|swing| swing.price), Some(95.0));
    assert_eq!(reaction.update(nan_candle()), last);
    assert_eq!(reaction.peek(inverted()), last);
    assert_eq!(reaction.try_update(inverted()), Err(Error::InvalidInput));
}

#[test]
fn floor_pivots_refuse_a_bar_of_an_earlier_period_and_an_invalid_bar() {
    let mut daily = FloorPivots::<f64>::default();
    daily.update(day_bar(2024, 1, 2, 10, candle(100.0, 110.0, 90.0, 108.0)));
    let levels = daily.update(day_bar(2024, 1, 3, 10, candle(107.0, 109.0, 105.0, 106.0)));
    assert!(levels.is_some());
    let before = daily.clone();
    let earlier = day_bar(2024, 1, 2, 12, candle(100.0, 200.0, 50.0, 150.0));
    assert_eq!(daily.try_update(earlier), Err(Error::InvalidInput));
    assert_eq!(daily.update(earlier), levels);
    let invalid = Bar::new(earlier.timestamp + chrono::Duration::days(1), inverted());
    assert_eq!(daily.try_update(invalid), Err(Error::InvalidInput));
    assert_eq!(daily.peek(invalid), levels);
    assert_eq!(daily, before);
}
