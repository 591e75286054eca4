//! Properties of the candlestick patterns: the common contract (`indicator_contract!`) for
//! each pattern and for `CandlePatterns`, each pattern against a naive recomputation written
//! from its definition (plain means over the window, no running sums), no look-ahead,
//! the all-patterns set equal to the patterns one by one, refused candles, known answers and
//! parameter errors.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{candle, candles, flat_candle};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::catalog::{DynIndicator, DynInput};
use ta_stream::pattern::*;
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Inputs

/// Ordinary candles, with stretches of flat ones (zero bodies and ranges: every tie).
fn bars() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(80),
        prop::collection::vec(prop_oneof![1 => flat_candle(), 2 => candle()], 0..80),
    ]
}

/// Candles with an unusable number, or that are not candles.
fn refused_candle() -> impl Strategy<Value = Candle> {
    let bad = prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300]);
    (0..7usize, bad).prop_map(|(field, bad)| {
        let mut c = Candle {
            open: 10.0,
            high: 11.0,
            low: 9.0,
            close: 10.5,
            volume: 1.0,
        };
        match field {
            0 => c.open = bad,
            1 => c.high = bad,
            2 => c.low = bad,
            3 => c.close = bad,
            4 => c.volume = bad,
            5 => (c.high, c.low) = (9.0, 11.0),
            _ => c.close = 12.0,
        }
        c
    })
}

/// TA-Lib's settings with the averaging periods set from `n` (0 included).
fn settings(n: usize) -> CandleSettings {
    let mut settings = CandleSettings::default();
    for (i, setting) in Setting::ALL.into_iter().enumerate() {
        let s = settings.get(setting);
        settings.set(setting, s.with_period((n + i) % 13));
    }
    settings
}

// ---------------------------------------------------------------------------------------
// The common contract, with the averaging periods varied

indicator_contract!(
    two_crows,
    |n: usize| TwoCrows::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_black_crows,
    |n: usize| ThreeBlackCrows::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_inside,
    |n: usize| ThreeInside::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_line_strike,
    |n: usize| ThreeLineStrike::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_outside,
    |n: usize| ThreeOutside::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_stars_in_south,
    |n: usize| ThreeStarsInSouth::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    three_white_soldiers,
    |n: usize| ThreeWhiteSoldiers::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    abandoned_baby,
    |n: usize| AbandonedBaby::<f64>::with_settings(settings(n))
        .unwrap()
        .with_penetration(n as f64 / 40.0)
        .unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    advance_block,
    |n: usize| AdvanceBlock::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    belt_hold,
    |n: usize| BeltHold::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    breakaway,
    |n: usize| Breakaway::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    closing_marubozu,
    |n: usize| ClosingMarubozu::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    concealing_baby_swallow,
    |n: usize| ConcealingBabySwallow::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    counterattack,
    |n: usize| Counterattack::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    dark_cloud_cover,
    |n: usize| DarkCloudCover::<f64>::with_settings(settings(n))
        .unwrap()
        .with_penetration(n as f64 / 40.0)
        .unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    doji,
    |n: usize| Doji::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    doji_star,
    |n: usize| DojiStar::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    dragonfly_doji,
    |n: usize| DragonflyDoji::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    engulfing,
    |n: usize| Engulfing::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    evening_doji_star,
    |n: usize| EveningDojiStar::<f64>::with_settings(settings(n))
        .unwrap()
        .with_penetration(n as f64 / 40.0)
        .unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    evening_star,
    |n: usize| EveningStar::<f64>::with_settings(settings(n))
        .unwrap()
        .with_penetration(n as f64 / 40.0)
        .unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    gap_side_by_side_white,
    |n: usize| GapSideBySideWhite::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    gravestone_doji,
    |n: usize| GravestoneDoji::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    hammer,
    |n: usize| Hammer::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    hanging_man,
    |n: usize| HangingMan::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    harami,
    |n: usize| Harami::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    harami_cross,
    |n: usize| HaramiCross::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    high_wave,
    |n: usize| HighWave::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    hikkake,
    |n: usize| Hikkake::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    hikkake_modified,
    |n: usize| HikkakeModified::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    homing_pigeon,
    |n: usize| HomingPigeon::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    identical_three_crows,
    |n: usize| IdenticalThreeCrows::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    in_neck,
    |n: usize| InNeck::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    inverted_hammer,
    |n: usize| InvertedHammer::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    kicking,
    |n: usize| Kicking::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    kicking_by_length,
    |n: usize| KickingByLength::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    ladder_bottom,
    |n: usize| LadderBottom::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    long_legged_doji,
    |n: usize| LongLeggedDoji::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    long_line,
    |n: usize| LongLine::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    marubozu,
    |n: usize| Marubozu::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    matching_low,
    |n: usize| MatchingLow::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    mat_hold,
    |n: usize| MatHold::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    morning_doji_star,
    |n: usize| MorningDojiStar::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    morning_star,
    |n: usize| MorningStar::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    on_neck,
    |n: usize| OnNeck::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    piercing,
    |n: usize| Piercing::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    rickshaw_man,
    |n: usize| RickshawMan::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    rising_falling_three_methods,
    |n: usize| RisingFallingThreeMethods::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    separating_lines,
    |n: usize| SeparatingLines::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    shooting_star,
    |n: usize| ShootingStar::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    short_line,
    |n: usize| ShortLine::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    spinning_top,
    |n: usize| SpinningTop::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    stalled_pattern,
    |n: usize| StalledPattern::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    stick_sandwich,
    |n: usize| StickSandwich::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    takuri,
    |n: usize| Takuri::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    tasuki_gap,
    |n: usize| TasukiGap::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    thrusting,
    |n: usize| Thrusting::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    tristar,
    |n: usize| Tristar::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    unique_three_river,
    |n: usize| UniqueThreeRiver::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    upside_gap_two_crows,
    |n: usize| UpsideGapTwoCrows::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    gap_three_methods,
    |n: usize| GapThreeMethods::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);
indicator_contract!(
    all_patterns,
    |n: usize| CandlePatterns::<f64>::with_settings(settings(n)).unwrap(),
    bars(),
    refused_candle()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions: `factor × mean of the range over the
// `period` candles before the compared one` (halved for shadows; the candle's own range for
// period 0).

fn range(kind: RangeKind, c: &Candle) -> f64 {
    match kind {
        RangeKind::RealBody => (c.close - c.open).abs(),
        RangeKind::HighLow => c.high - c.low,
        RangeKind::Shadows => (c.high - c.close.max(c.open)) + (c.close.min(c.open) - c.low),
    }
}

/// The average of `setting` for the candle at `at`.
fn average(settings: &CandleSettings, setting: Setting, bars: &[Candle], at: usize) -> f64 {
    let s: CandleSetting = settings.get(setting);
    let mean = if s.period == 0 {
        range(s.range, &bars[at])
    } else {
        bars[at - s.period..at]
            .iter()
            .map(|c| range(s.range, c))
            .sum::<f64>()
            / s.period as f64
    };
    let scaled = s.factor * mean;
    if s.range == RangeKind::Shadows {
        scaled / 2.0
    } else {
        scaled
    }
}

fn body(c: &Candle) -> f64 {
    (c.close - c.open).abs()
}

/// `true` unless `x` is within a relative 1e-9 of `limit` (a tie the running sums may
/// decide either way).
fn clear_of(x: f64, limit: f64) -> bool {
    (x - limit).abs() > 1e-9 * (x.abs() + limit.abs() + 1e-12)
}

fn naive_doji(s: &CandleSettings, bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let limit = average(s, Setting::BodyDoji, bars, i);
    let b = body(&bars[i]);
    Some(((b <= limit).then_some(Signal::Neutral), clear_of(b, limit)))
}

fn naive_hammer(s: &CandleSettings, bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let (prior, c) = (&bars[i - 1], &bars[i]);
    let checks = [
        (average(s, Setting::BodyShort, bars, i), body(c), true),
        (
            average(s, Setting::ShadowLong, bars, i),
            c.close.min(c.open) - c.low,
            false,
        ),
        (
            average(s, Setting::ShadowVeryShort, bars, i),
            c.high - c.close.max(c.open),
            true,
        ),
    ];
    let near = prior.low + average(s, Setting::Near, bars, i - 1);
    let bottom = c.close.min(c.open);
    let clear = checks.iter().all(|&(limit, x, _)| clear_of(x, limit)) && clear_of(bottom, near);
    let found = checks
        .iter()
        .all(|&(limit, x, below)| if below { x < limit } else { x > limit })
        && bottom <= near;
    Some((found.then_some(Signal::Bullish), clear))
}

fn naive_evening_star(
    s: &CandleSettings,
    bars: &[Candle],
    i: usize,
    penetration: f64,
) -> Option<(Option<Signal>, bool)> {
    let (first, star, last) = (&bars[i - 2], &bars[i - 1], &bars[i]);
    let long = average(s, Setting::BodyLong, bars, i - 2);
    let short_star = average(s, Setting::BodyShort, bars, i - 1);
    let short_last = average(s, Setting::BodyShort, bars, i);
    let found = body(first) > long
        && first.close >= first.open
        && body(star) <= short_star
        && star.close.min(star.open) > first.close.max(first.open)
        && body(last) > short_last
        && last.close < last.open
        && last.close < first.close - body(first) * penetration;
    let clear = clear_of(body(first), long)
        && clear_of(body(star), short_star)
        && clear_of(body(last), short_last);
    Some((found.then_some(Signal::Bearish), clear))
}

fn naive_engulfing(bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let (a, b) = (&bars[i - 1], &bars[i]);
    let (a_white, b_white) = (a.close >= a.open, b.close >= b.open);
    // White body from b.open up to b.close covering a's body (open above close) or the mirror.
    let found = if b_white && !a_white {
        (b.close >= a.open && b.open < a.close) || (b.close > a.open && b.open <= a.close)
    } else if !b_white && a_white {
        (b.open >= a.close && b.close < a.open) || (b.open > a.close && b.close <= a.open)
    } else {
        false
    };
    let equal_edge = b.open == a.close || b.close == a.open;
    let signal = found.then_some(match (b_white, equal_edge) {
        (true, false) => Signal::Bullish,
        (true, true) => Signal::WeakBullish,
        (false, false) => Signal::Bearish,
        (false, true) => Signal::WeakBearish,
    });
    Some((signal, true))
}

/// Marubozu (`shadow` = ShadowVeryShort) and long line (`shadow` = ShadowShort): a long body,
/// both shadows shorter than `shadow`, the candle's colour.
fn naive_long_body(
    s: &CandleSettings,
    shadow: Setting,
    bars: &[Candle],
    i: usize,
) -> Option<(Option<Signal>, bool)> {
    let c = &bars[i];
    let long = average(s, Setting::BodyLong, bars, i);
    let short = average(s, shadow, bars, i);
    let upper = c.high - c.close.max(c.open);
    let lower = c.close.min(c.open) - c.low;
    let found = body(c) > long && upper < short && lower < short;
    let clear = clear_of(body(c), long) && clear_of(upper, short) && clear_of(lower, short);
    let signal = if c.close >= c.open {
        Signal::Bullish
    } else {
        Signal::Bearish
    };
    Some((found.then_some(signal), clear))
}

fn naive_piercing(s: &CandleSettings, bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let (a, b) = (&bars[i - 1], &bars[i]);
    let (long_a, long_b) = (
        average(s, Setting::BodyLong, bars, i - 1),
        average(s, Setting::BodyLong, bars, i),
    );
    let found = a.close < a.open
        && body(a) > long_a
        && b.close >= b.open
        && body(b) > long_b
        && b.open < a.low
        && b.close < a.open
        && b.close > a.close + body(a) * 0.5;
    let clear = clear_of(body(a), long_a) && clear_of(body(b), long_b);
    Some((found.then_some(Signal::Bullish), clear))
}

fn colour(c: &Candle) -> Signal {
    if c.close >= c.open {
        Signal::Bullish
    } else {
        Signal::Bearish
    }
}

fn naive_spinning_top(
    s: &CandleSettings,
    bars: &[Candle],
    i: usize,
) -> Option<(Option<Signal>, bool)> {
    let c = &bars[i];
    let limit = average(s, Setting::BodyShort, bars, i);
    let b = body(c);
    let upper = c.high - c.close.max(c.open);
    let lower = c.close.min(c.open) - c.low;
    let found = b < limit && upper > b && lower > b;
    Some((found.then(|| colour(c)), clear_of(b, limit)))
}

fn naive_tristar(s: &CandleSettings, bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let (a, b, c) = (&bars[i - 2], &bars[i - 1], &bars[i]);
    // One doji limit, that of the first candle, for all three.
    let limit = average(s, Setting::BodyDoji, bars, i - 2);
    let dojis = [a, b, c].iter().all(|x| body(x) <= limit);
    let clear = [a, b, c].iter().all(|x| clear_of(body(x), limit));
    let (top, bottom) = (
        |x: &Candle| x.close.max(x.open),
        |x: &Candle| x.close.min(x.open),
    );
    let signal = if !dojis {
        None
    } else if bottom(b) > top(a) && top(c) < top(b) {
        Some(Signal::Bearish)
    } else if top(b) < bottom(a) && bottom(c) > bottom(b) {
        Some(Signal::Bullish)
    } else {
        None
    };
    Some((signal, clear))
}

fn naive_gap_three_methods(bars: &[Candle], i: usize) -> Option<(Option<Signal>, bool)> {
    let (a, b, c) = (&bars[i - 2], &bars[i - 1], &bars[i]);
    let white = |x: &Candle| x.close >= x.open;
    let (top, bottom) = (
        |x: &Candle| x.close.max(x.open),
        |x: &Candle| x.close.min(x.open),
    );
    let gap = if white(a) {
        bottom(b) > top(a)
    } else {
        top(b) < bottom(a)
    };
    let found = white(a) == white(b)
        && white(b) != white(c)
        && gap
        && bottom(b) < c.open
        && c.open < top(b)
        && bottom(a) < c.close
        && c.close < top(a);
    Some((found.then(|| colour(a)), true))
}

/// Compares `outputs` with the naive answer at every decided bar where it is clear of ties.
fn agree(
    outputs: &[Option<Option<Signal>>],
    lookback: usize,
    naive: impl Fn(usize) -> Option<(Option<Signal>, bool)>,
) -> Result<(), TestCaseError> {
    for (i, out) in outputs.iter().enumerate() {
        prop_assert_eq!(out.is_some(), i >= lookback, "bar {}", i);
        if let (Some(out), Some((expected, clear))) =
            (out, (i >= lookback).then(|| naive(i)).flatten())
        {
            if clear {
                prop_assert_eq!(*out, expected, "bar {}", i);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn doji_is_its_definition(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        let lookback = s.get(Setting::BodyDoji).period;
        let out = Doji::with_settings(s).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_doji(&s, &xs, i))?;
    }

    #[test]
    fn hammer_is_its_definition(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        let lookback = [Setting::BodyShort, Setting::ShadowLong, Setting::ShadowVeryShort, Setting::Near]
            .map(|setting| s.get(setting).period).into_iter().max().unwrap() + 1;
        let out = Hammer::with_settings(s).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_hammer(&s, &xs, i))?;
    }

    #[test]
    fn evening_star_is_its_definition(xs in bars(), n in 0..20usize, p in 0.0..1.0_f64) {
        let s = settings(n);
        let lookback = s.get(Setting::BodyLong).period.max(s.get(Setting::BodyShort).period) + 2;
        let out = EveningStar::with_settings(s).unwrap().with_penetration(p).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_evening_star(&s, &xs, i, p))?;
    }

    #[test]
    fn engulfing_is_its_definition(xs in bars()) {
        let out = Engulfing::new().batch(&xs);
        agree(&out, 2, |i| naive_engulfing(&xs, i))?;
    }

    #[test]
    fn marubozu_and_long_line_are_their_definitions(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        for (shadow, out) in [
            (Setting::ShadowVeryShort, Marubozu::with_settings(s).unwrap().batch(&xs)),
            (Setting::ShadowShort, LongLine::with_settings(s).unwrap().batch(&xs)),
        ] {
            let lookback = s.get(Setting::BodyLong).period.max(s.get(shadow).period);
            agree(&out, lookback, |i| naive_long_body(&s, shadow, &xs, i))?;
        }
    }

    #[test]
    fn piercing_is_its_definition(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        let lookback = s.get(Setting::BodyLong).period + 1;
        let out = Piercing::with_settings(s).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_piercing(&s, &xs, i))?;
    }

    #[test]
    fn spinning_top_is_its_definition(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        let lookback = s.get(Setting::BodyShort).period;
        let out = SpinningTop::with_settings(s).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_spinning_top(&s, &xs, i))?;
    }

    #[test]
    fn tristar_is_its_definition(xs in bars(), n in 0..20usize) {
        let s = settings(n);
        let lookback = s.get(Setting::BodyDoji).period + 2;
        let out = Tristar::with_settings(s).unwrap().batch(&xs);
        agree(&out, lookback, |i| naive_tristar(&s, &xs, i))?;
    }

    #[test]
    fn gap_three_methods_is_its_definition(xs in bars()) {
        let out = GapThreeMethods::new().batch(&xs);
        agree(&out, 2, |i| naive_gap_three_methods(&xs, i))?;
    }

    /// A pattern is decided from the bars up to it: another future never changes a past
    /// output.
    #[test]
    fn no_look_ahead(xs in bars(), ys in candles(20), zs in candles(20)) {
        let mut one = xs.clone();
        one.extend(&ys);
        let mut other = xs.clone();
        other.extend(&zs);
        let a = CandlePatterns::new().batch(&one);
        let b = CandlePatterns::new().batch(&other);
        prop_assert_eq!(&a[..xs.len()], &b[..xs.len()]);
    }

    /// The set holds exactly what each pattern's own indicator says (through the catalog,
    /// TA-Lib's code), on every bar.
    #[test]
    fn the_set_is_the_patterns_one_by_one(xs in bars()) {
        let patterns = CandlePatterns::new();
        let ids: Vec<PatternId> = patterns.patterns().collect();
        let sets = patterns.clone().batch(&xs);
        for id in ids {
            let mut single = DynIndicator::parse(id.name()).unwrap();
            for (i, (set, &x)) in sets.iter().zip(&xs).enumerate() {
                let out = single.update(DynInput::candle(x)).map(|o| o.as_slice()[0] as i32);
                match out {
                    Some(expected) => prop_assert_eq!(set.map(|set| code(set.get(id))), Some(expected), "{} bar {}", id, i),
                    None => prop_assert!(set.is_none_or(|set| !set.contains(id)), "{} bar {}", id, i),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, parameters, ids

fn c(o: f64, h: f64, l: f64, cl: f64) -> Candle {
    Candle::new(o, h, l, cl, 0.0).unwrap()
}

#[test]
fn a_doji_at_the_limit_is_a_doji_and_just_above_is_not() {
    // Mean range 2 → limit 0.2 (0.1 × 2) for a body of exactly 0.25 - 0.05 ... use binary fractions.
    let mut bars = vec![c(10.0, 11.0, 9.0, 10.5); 10]; // range 2: limit 0.2
    bars.push(c(10.0, 11.0, 9.0, 10.1875)); // body 0.1875 < 0.2
    bars.push(c(10.0, 11.0, 9.0, 10.25)); // body 0.25 > 0.2
    let out = Doji::new().batch(&bars);
    assert_eq!(out[9], None);
    assert_eq!(out[10], Some(Some(Signal::Neutral)));
    assert_eq!(out[11], Some(None));
}

#[test]
fn ids_names_and_codes() {
    assert_eq!(PatternId::ALL.len(), 61);
    for (i, id) in PatternId::ALL.iter().enumerate() {
        assert_eq!(*id as usize, i);
        assert_eq!(PatternId::from_name(id.name()), Some(*id));
        assert!(id.name().starts_with("CDL"));
    }
    let mut names: Vec<&str> = PatternId::ALL.iter().map(|id| id.name()).collect();
    let sorted = {
        let mut s = names.clone();
        s.sort_unstable();
        s
    };
    assert_eq!(names, sorted, "TA-Lib's (alphabetical) order");
    names.dedup();
    assert_eq!(names.len(), 61);
    assert_eq!(PatternId::from_name("CDLNOPE"), None);
    let codes: Vec<i32> = [
        Signal::Bullish,
        Signal::Bearish,
        Signal::Neutral,
        Signal::WeakBullish,
        Signal::WeakBearish,
        Signal::BullishConfirmed,
        Signal::BearishConfirmed,
    ]
    .map(Signal::code)
    .to_vec();
    assert_eq!(codes, [100, -100, 100, 80, -80, 200, -200]);
}

#[test]
fn warmups_and_labels_are_talibs() {
    // TA-Lib's lookbacks + 1 (from talib.abstract: CDLDOJI 10, CDLENGULFING 2, ...).
    assert_eq!(Doji::<f64>::new().warmup_period(), 11);
    assert_eq!(Engulfing::<f64>::new().warmup_period(), 3);
    assert_eq!(EveningStar::<f64>::new().warmup_period(), 13);
    assert_eq!(Hammer::<f64>::new().warmup_period(), 12);
    assert_eq!(CandlePatterns::<f64>::new().warmup_period(), 3);
    assert_eq!(Hammer::<f64>::default().to_string(), "CDLHAMMER");
    assert_eq!(
        EveningStar::<f64>::new()
            .with_penetration(0.5)
            .unwrap()
            .to_string(),
        "CDLEVENINGSTAR(0.5)"
    );
}

fn message(error: Error) -> String {
    error.to_string()
}

#[test]
fn parameter_errors_name_the_parameter_the_value_and_the_range() {
    assert_eq!(
        message(
            EveningStar::<f64>::new()
                .with_penetration(-0.1)
                .unwrap_err()
        ),
        "invalid parameter `penetration` = -0.1: expected 0..=1000000 (finite)"
    );
    assert_eq!(
        message(
            EveningStar::<f64>::new()
                .with_penetration(f64::NAN)
                .unwrap_err()
        ),
        "invalid parameter `penetration` = NaN: expected 0..=1000000 (finite)"
    );
    let too_long = CandleSettings::default().with(
        Setting::Near,
        CandleSetting::new(RangeKind::HighLow, 100_001, 0.2),
    );
    assert_eq!(
        message(Doji::<f64>::with_settings(too_long).unwrap_err()),
        "invalid parameter `Near.period` = 100001: expected 0..=100000"
    );
    let negative = CandleSettings::default().with(
        Setting::BodyDoji,
        CandleSetting::new(RangeKind::HighLow, 10, -1.0),
    );
    assert_eq!(
        message(CandlePatterns::<f64>::with_settings(negative).unwrap_err()),
        "invalid parameter `BodyDoji.factor` = -1: expected 0..=1000000 (finite)"
    );
    assert_eq!(
        message(
            CandlePatterns::<f64>::new()
                .with_penetration(PatternId::Doji, 0.3)
                .unwrap_err()
        ),
        "invalid parameter `id` = CDLDOJI: expected a pattern with a penetration parameter"
    );
}

#[test]
fn a_changed_penetration_reaches_the_all_patterns_indicator() {
    let mut bars = vec![c(10.0, 10.6, 9.4, 10.5); 12];
    bars.push(c(10.0, 12.1, 9.9, 12.0));
    bars.push(c(12.3, 12.6, 12.2, 12.4));
    bars.push(c(12.2, 12.3, 11.2, 11.5)); // 0.5 into the first body of 2: 25 %
    let default = CandlePatterns::new().batch(&bars)[14].unwrap();
    assert_eq!(default.get(PatternId::EveningStar), None); // needs 30 %
    let deeper = CandlePatterns::new()
        .with_penetration(PatternId::EveningStar, 0.2)
        .unwrap()
        .batch(&bars)[14]
        .unwrap();
    assert_eq!(deeper.get(PatternId::EveningStar), Some(Signal::Bearish));
}

#[test]
fn a_loaded_state_that_updates_cannot_produce_is_refused() {
    let mut doji = Doji::<f64>::new();
    for _ in 0..12 {
        doji.update(c(10.0, 11.0, 9.0, 10.5));
    }
    let json = serde_json::to_string(&doji).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // A history of the wrong size for the lookback.
    let mut wrong = value.clone();
    wrong["history"]["capacity"] = serde_json::json!(3);
    assert!(serde_json::from_value::<Doji>(wrong).is_err());
    // A candle that is not a candle.
    let mut wrong = value.clone();
    wrong["history"]["candles"][0]["high"] = serde_json::json!(1.0);
    assert!(serde_json::from_value::<Doji>(wrong).is_err());
    // A penetration for a pattern that has none.
    let mut wrong = value.clone();
    wrong["penetration"] = serde_json::json!(0.3);
    assert!(serde_json::from_value::<Doji>(wrong).is_err());
    // An output before the warm-up.
    let mut fresh = serde_json::to_value(Doji::<f64>::new()).unwrap();
    fresh["ready"] = serde_json::json!(true);
    assert!(serde_json::from_value::<Doji>(fresh).is_err());
    assert_eq!(serde_json::from_value::<Doji>(value).unwrap(), doji);
}
