//! Properties of the midpoints, bands, channels and stops of issue 10: the common contract
//! (`indicator_contract!`) for every candle-input type, and naive recomputations of each
//! formula from its definition (window scans, plain loops), independent of the crate.
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::statistics::MidPrice;
use ta_stream::trend::{ParabolicSar, SarSettings, StopOutput, SuperTrend, Trend};
use ta_stream::volatility::{AccelerationBands, Donchian, Keltner};
use ta_stream::Indicator;

// ---------------------------------------------------------------------------------------
// Strategies

fn candle() -> impl Strategy<Value = Candle> {
    (
        1.0..1000.0_f64,
        0.0..20.0_f64,
        0.0..20.0_f64,
        0.0..=1.0_f64,
        0.0..=1.0_f64,
    )
        .prop_map(|(base, up, down, open, close)| {
            let (high, low) = (base + up, base - down);
            Candle {
                open: low + open * (high - low),
                high,
                low,
                close: low + close * (high - low),
                volume: 0.0,
            }
        })
}

/// Realistic bars, or flat bars on a few levels (high = low = close, repeated extremes).
fn candles() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        prop::collection::vec(candle(), 0..120),
        prop::collection::vec(prop::sample::select(vec![5.0, 6.0, 7.0]), 0..60).prop_map(|cs| cs
            .into_iter()
            .map(|c| Candle {
                open: c,
                high: c,
                low: c,
                close: c,
                volume: 0.0
            })
            .collect()),
    ]
}

fn unusable_candle() -> impl Strategy<Value = Candle> {
    let bad = prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300]);
    (0..5usize, bad).prop_map(|(field, bad)| {
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
            _ => c.volume = bad,
        }
        c
    })
}

fn highest(window: &[Candle]) -> f64 {
    window.iter().map(|c| c.high).fold(f64::MIN, f64::max)
}

fn lowest(window: &[Candle]) -> f64 {
    window.iter().map(|c| c.low).fold(f64::MAX, f64::min)
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    mid_price,
    |n| MidPrice::<f64>::new(n).unwrap(),
    candles(),
    unusable_candle()
);

indicator_contract!(
    donchian,
    |n| Donchian::<f64>::new(n).unwrap(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    acceleration_bands,
    |n| AccelerationBands::<f64>::new(n).unwrap(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    keltner,
    |n| Keltner::<f64>::new(n, (n * 7) % 11 + 1, 2.0).unwrap(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    keltner_tradingview,
    |n| Keltner::<f64>::tradingview(n, 10, 1.5).unwrap(),
    candles(),
    unusable_candle()
);

/// An ignored input returns the last output without its event.
fn quiet(last: Option<StopOutput>) -> Option<StopOutput> {
    last.map(|o| StopOutput {
        flipped: false,
        ..o
    })
}

indicator_contract!(
    parabolic_sar,
    |n| ParabolicSar::<f64>::new(0.01 * n as f64, 0.2).unwrap(),
    candles(),
    unusable_candle(),
    quiet = quiet
);
indicator_contract!(
    parabolic_sar_extended,
    |n| ParabolicSar::<f64>::extended(SarSettings {
        start_value: if n % 3 == 0 {
            0.0
        } else if n % 3 == 1 {
            100.0
        } else {
            -500.0
        },
        offset_on_reverse: 0.01,
        acceleration_init_short: 0.05,
        ..SarSettings::default()
    })
    .unwrap(),
    candles(),
    unusable_candle(),
    quiet = quiet
);
indicator_contract!(
    super_trend,
    |n| SuperTrend::<f64>::new(n, 3.0).unwrap(),
    candles(),
    unusable_candle(),
    quiet = quiet
);
indicator_contract!(
    super_trend_tradingview,
    |n| SuperTrend::<f64>::tradingview(n, 1.5).unwrap(),
    candles(),
    unusable_candle(),
    quiet = quiet
);

// ---------------------------------------------------------------------------------------
// Naive recomputations

fn close_enough(ours: f64, expected: f64) -> bool {
    (ours - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Keltner from its definition with plain loops: both averages seeded at bar
/// `w = max(n, m + 1)` with the plain means of the last `n` prices and `m` true ranges.
fn naive_keltner(
    bars: &[Candle],
    n: usize,
    m: usize,
    k: f64,
    typical: bool,
) -> Vec<Option<[f64; 3]>> {
    let price = |c: &Candle| {
        if typical {
            (c.high + c.low + c.close) / 3.0
        } else {
            c.close
        }
    };
    let ranges: Vec<f64> = (1..bars.len())
        .map(|i| {
            let p = bars[i - 1].close;
            (bars[i].high - bars[i].low)
                .max((p - bars[i].high).abs())
                .max((bars[i].low - p).abs())
        })
        .collect();
    let w = n.max(m + 1);
    let mut state: Option<(f64, f64)> = None;
    let mut out = Vec::new();
    for i in 0..bars.len() {
        if i + 1 == w {
            let prices: Vec<f64> = bars[i + 1 - n..=i].iter().map(price).collect();
            state = Some((mean(&prices), mean(&ranges[i - m..i])));
        } else if let Some((ema, atr)) = state {
            let alpha = 2.0 / (n as f64 + 1.0);
            state = Some((
                ema + alpha * (price(&bars[i]) - ema),
                (atr * (m as f64 - 1.0) + ranges[i - 1]) / m as f64,
            ));
        }
        out.push(state.map(|(ema, atr)| [ema + k * atr, ema, ema - k * atr]));
    }
    out
}

proptest! {
    #[test]
    fn midprice_is_halfway_between_the_highest_high_and_lowest_low(period in 1..40usize, bars in candles()) {
        let out = MidPrice::new(period).unwrap().batch(&bars);
        for (index, value) in out.iter().enumerate() {
            match value {
                Some(value) => {
                    let window = &bars[index + 1 - period..=index];
                    prop_assert_eq!(*value, (highest(window) + lowest(window)) / 2.0, "index {}", index);
                }
                None => prop_assert!(index + 1 < period, "no output at index {}", index),
            }
        }
    }
}

proptest! {
    #[test]
    fn donchian_is_the_highest_high_and_lowest_low(period in 1..40usize, bars in candles()) {
        let out = Donchian::new(period).unwrap().batch(&bars);
        for (index, value) in out.iter().enumerate() {
            match value {
                Some(b) => {
                    let window = &bars[index + 1 - period..=index];
                    let (upper, lower) = (highest(window), lowest(window));
                    prop_assert_eq!((b.upper, b.middle, b.lower), (upper, (upper + lower) / 2.0, lower));
                    let close = bars[index].close;
                    let percent_b = if upper == lower { 0.5 } else { (close - lower) / (upper - lower) };
                    prop_assert!(close_enough(b.percent_b, percent_b) && (0.0..=1.0).contains(&b.percent_b));
                }
                None => prop_assert!(index + 1 < period, "no output at index {}", index),
            }
        }
    }

    #[test]
    fn acceleration_bands_are_smas_of_the_widened_highs_and_lows(period in 1..40usize, bars in candles()) {
        let out = AccelerationBands::new(period).unwrap().batch(&bars);
        for (index, value) in out.iter().enumerate() {
            match value {
                Some(b) => {
                    let window = &bars[index + 1 - period..=index];
                    let ratio = |c: &Candle| 4.0 * (c.high - c.low) / (c.high + c.low);
                    let upper: Vec<f64> = window.iter().map(|c| c.high * (1.0 + ratio(c))).collect();
                    let lower: Vec<f64> = window.iter().map(|c| c.low * (1.0 - ratio(c))).collect();
                    let closes: Vec<f64> = window.iter().map(|c| c.close).collect();
                    prop_assert!(close_enough(b.upper, mean(&upper)), "index {}: {} vs {}", index, b.upper, mean(&upper));
                    prop_assert!(close_enough(b.middle, mean(&closes)));
                    prop_assert!(close_enough(b.lower, mean(&lower)));
                }
                None => prop_assert!(index + 1 < period, "no output at index {}", index),
            }
        }
    }

    #[test]
    fn keltner_is_an_ema_plus_minus_an_atr_seeded_together(n in 1..30usize, m in 1..30usize, k in 0.5..3.0_f64, bars in candles(), typical in any::<bool>()) {
        let mut kc = if typical { Keltner::new(n, m, k) } else { Keltner::tradingview(n, m, k) }.unwrap();
        let out = kc.batch(&bars);
        let expected = naive_keltner(&bars, n, m, k, typical);
        for (index, (ours, theirs)) in out.iter().zip(&expected).enumerate() {
            match (ours, theirs) {
                (Some(b), Some([upper, middle, lower])) => prop_assert!(
                    close_enough(b.upper, *upper) && close_enough(b.middle, *middle) && close_enough(b.lower, *lower),
                    "index {}: {:?} vs {:?}", index, b, theirs
                ),
                (None, None) => {}
                _ => prop_assert!(false, "index {}: {:?} vs {:?}", index, ours, theirs),
            }
        }
    }
}

/// SuperTrend from its definition with plain loops (TA-Lib's rules): Wilder's ATR seeded with
/// the mean of the first `n` true ranges, then the ratcheting bands and the flips.
fn naive_supertrend(bars: &[Candle], n: usize, k: f64) -> Vec<Option<(f64, i8)>> {
    let mut out = vec![None; bars.len()];
    let mut ranges = Vec::new();
    let mut atr: Option<f64> = None;
    let mut state: Option<(f64, f64, i8)> = None; // lower, upper, trend
    for i in 1..bars.len() {
        let p = bars[i - 1].close;
        let b = bars[i];
        let range = (b.high - b.low)
            .max((p - b.high).abs())
            .max((b.low - p).abs());
        ranges.push(range);
        atr = match atr {
            None if ranges.len() == n => Some(ranges.iter().sum::<f64>() / n as f64),
            None => None,
            Some(a) => Some((a * (n as f64 - 1.0) + range) / n as f64),
        };
        let Some(a) = atr else { continue };
        let middle = (b.high + b.low) / 2.0;
        let (basic_lower, basic_upper) = (middle - k * a, middle + k * a);
        let next = match state {
            None => (basic_lower, basic_upper, 1),
            Some((lower, upper, trend)) => {
                let lower = if p > lower {
                    basic_lower.max(lower)
                } else {
                    basic_lower
                };
                let upper = if p < upper {
                    basic_upper.min(upper)
                } else {
                    basic_upper
                };
                let trend = if trend == 1 && b.close < lower {
                    -1
                } else if trend == -1 && b.close > upper {
                    1
                } else {
                    trend
                };
                (lower, upper, trend)
            }
        };
        state = Some(next);
        out[i] = Some((if next.2 == 1 { next.0 } else { next.1 }, next.2));
    }
    out
}

proptest! {
    #[test]
    fn supertrend_follows_its_definition(n in 1..20usize, k in 0.5..4.0_f64, bars in candles()) {
        let ours = SuperTrend::new(n, k).unwrap().batch(&bars);
        let expected = naive_supertrend(&bars, n, k);
        let mut previous: Option<Trend> = None;
        for (index, (ours, theirs)) in ours.iter().zip(&expected).enumerate() {
            match (ours, theirs) {
                (Some(o), Some((stop, trend))) => {
                    prop_assert!(close_enough(o.stop, *stop), "index {}: {:?} vs {:?}", index, o, theirs);
                    prop_assert_eq!(o.trend.sign(), *trend, "index {}", index);
                    prop_assert_eq!(o.flipped, previous.is_some_and(|p| p != o.trend), "index {}", index);
                    previous = Some(o.trend);
                }
                (None, None) => {}
                _ => prop_assert!(false, "index {}: {:?} vs {:?}", index, ours, theirs),
            }
        }
    }

    #[test]
    fn a_sar_is_beyond_the_bar_it_protects_and_flips_when_reached(acceleration in 0.0..0.3_f64, bars in candles()) {
        let out = ParabolicSar::new(acceleration, 0.3).unwrap().batch(&bars);
        let mut previous: Option<Trend> = None;
        for (index, o) in out.iter().enumerate() {
            let Some(o) = o else {
                prop_assert!(index == 0, "no output at index {}", index);
                continue;
            };
            let bar = bars[index];
            // Not reversed: the bar stayed strictly on its side of the SAR. Reversed (or the
            // first output, which may reverse the first direction without a flip): the new
            // stop is the extreme point, on the other side of (or at) the bar.
            let reversed = o.flipped || index == 1;
            match o.trend {
                Trend::Up => prop_assert!(if reversed { o.stop <= bar.low } else { o.stop < bar.low }, "index {}: {:?} {:?}", index, o, bar),
                Trend::Down => prop_assert!(if reversed { o.stop >= bar.high } else { o.stop > bar.high }, "index {}: {:?} {:?}", index, o, bar),
            }
            prop_assert_eq!(o.flipped, previous.is_some_and(|p| p != o.trend));
            previous = Some(o.trend);
        }
    }
}
