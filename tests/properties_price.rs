//! Properties of the price transforms: the common contract (`indicator_contract!`) for every
//! type, each output against a naive recomputation of its formula (exact rational
//! arithmetic where the formula allows), and bounds.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::price::{
    AverageDeviation, AveragePrice, HeikinAshi, MedianPrice, TypicalPrice, WeightedClose,
};
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
                volume: 1000.0,
            }
        })
}

/// Realistic candles, or flat ones (every price the same).
fn candles() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        prop::collection::vec(candle(), 0..120),
        prop::collection::vec(prop::sample::select(vec![5.0, 6.0]), 0..60).prop_map(|cs| cs
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
    let bad = prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e200,
    ]);
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

/// Prices of both signs over many magnitudes, with rare spikes and flat stretches.
fn values() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        20 => -1e6..1e6_f64,
        3 => -1e-6..1e-6_f64,
        1 => prop::sample::select(vec![std::f64::consts::PI * 1e13, 0.0, -0.0]),
    ];
    prop_oneof![
        prop::collection::vec(value, 0..120),
        prop::collection::vec(1.0..1000.0_f64, 0..120),
        prop::collection::vec(prop::sample::select(vec![99.0, 100.0, 100.5]), 0..80),
    ]
}

// ---------------------------------------------------------------------------------------
// The common contract, for every type

indicator_contract!(
    typical_price,
    |_| TypicalPrice::<f64>::new(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    average_price,
    |_| AveragePrice::<f64>::new(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    median_price,
    |_| MedianPrice::<f64>::new(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    weighted_close,
    |_| WeightedClose::<f64>::new(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    heikin_ashi,
    |_| HeikinAshi::<f64>::new(),
    candles(),
    unusable_candle()
);
indicator_contract!(
    average_deviation,
    |n: usize| AverageDeviation::<f64>::new(n + 1).unwrap(),
    values(),
    unusable()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations

/// `value` is the correctly rounded `numerator / denominator` (up to one ulp), checked
/// without floating-point division: `|value·d − n|` must be below one ulp of `value` times
/// `d`, computed with an exact two-product.
fn is_rounded_ratio(value: f64, numerator: f64, denominator: f64, terms: f64) -> bool {
    // The numerator itself is a sum of `terms` rounded additions.
    let slack = (terms + 1.0) * f64::EPSILON * (value.abs() * denominator + numerator.abs());
    (value * denominator - numerator).abs() <= slack
}

proptest! {
    #[test]
    fn typical_price_is_the_mean_of_high_low_close(cs in candles()) {
        let out = TypicalPrice::new().batch(&cs);
        for (c, value) in cs.iter().zip(out) {
            let value = value.expect("no warm-up");
            prop_assert!(is_rounded_ratio(value, c.high + c.low + c.close, 3.0, 2.0));
            let (low, high) = (c.high.min(c.low).min(c.close), c.high.max(c.low).max(c.close));
            prop_assert!(low <= value && value <= high, "{} outside [{}, {}]", value, low, high);
        }
    }
}

proptest! {
    #[test]
    fn average_median_and_weighted_prices_are_their_means(cs in candles()) {
        let average = AveragePrice::new().batch(&cs);
        let median = MedianPrice::new().batch(&cs);
        let weighted = WeightedClose::new().batch(&cs);
        for (i, c) in cs.iter().enumerate() {
            let (a, m, w) = (average[i].unwrap(), median[i].unwrap(), weighted[i].unwrap());
            prop_assert!(is_rounded_ratio(a, c.open + c.high + c.low + c.close, 4.0, 3.0));
            prop_assert!(is_rounded_ratio(m, c.high + c.low, 2.0, 1.0));
            prop_assert!(is_rounded_ratio(w, c.high + c.low + 2.0 * c.close, 4.0, 2.0));
            for x in [a, m, w] {
                prop_assert!(c.low <= x && x <= c.high, "{} outside [{}, {}]", x, c.low, c.high);
            }
        }
    }

    #[test]
    fn heikin_ashi_follows_its_recurrence(cs in candles()) {
        // Written from the definition: first open (O + C)/2, then the mean of the previous
        // Heikin-Ashi open and close.
        let out = HeikinAshi::new().batch(&cs);
        let mut previous: Option<(f64, f64)> = None;
        for (c, ha) in cs.iter().zip(out) {
            let ha = ha.expect("no warm-up");
            let open = match previous {
                None => (c.open + c.close) / 2.0,
                Some((o, cl)) => (o + cl) / 2.0,
            };
            let close = (c.open + c.high + c.low + c.close) / 4.0;
            prop_assert_eq!(ha.open, open);
            prop_assert_eq!(ha.close, close);
            prop_assert_eq!(ha.high, [c.high, open, close].into_iter().fold(f64::MIN, f64::max));
            prop_assert_eq!(ha.low, [c.low, open, close].into_iter().fold(f64::MAX, f64::min));
            prop_assert_eq!(ha.volume, c.volume);
            prop_assert!(ha.low <= ha.open.min(ha.close) && ha.open.max(ha.close) <= ha.high);
            previous = Some((open, close));
        }
    }

    #[test]
    fn average_deviation_is_the_naive_one(period in 2..40usize, xs in values()) {
        let out = AverageDeviation::new(period).unwrap().batch(&xs);
        for (index, value) in out.iter().enumerate() {
            match value {
                None => prop_assert!(index + 1 < period),
                Some(value) => {
                    let window = &xs[index + 1 - period..=index];
                    let mean = window.iter().sum::<f64>() / period as f64;
                    let naive = window.iter().map(|x| (x - mean).abs()).sum::<f64>() / period as f64;
                    let scale = window.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
                    prop_assert!((value - naive).abs() <= 1e-12 * scale, "{} vs {}", value, naive);
                    let low = window.iter().copied().fold(f64::MAX, f64::min);
                    let high = window.iter().copied().fold(f64::MIN, f64::max);
                    prop_assert!(*value >= 0.0 && *value <= (high - low) / 2.0 + 1e-12 * scale);
                }
            }
        }
    }
}

#[test]
fn average_deviation_refuses_a_period_below_2() {
    let err = AverageDeviation::<f64>::new(1).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid parameter `period` = 1: expected 2..=100000"
    );
    assert!(AverageDeviation::<f64>::new(100_001).is_err());
    assert_eq!(AverageDeviation::<f64>::new(2).unwrap().warmup_period(), 2);
}

#[test]
fn average_deviation_known_values() {
    // TA-Lib AVGDEV(3) on 1, 2, 4, 8: means 7/3 and 14/3, average deviations 10/9 and 20/9.
    let out = AverageDeviation::<f64>::new(3)
        .unwrap()
        .batch(&[1.0, 2.0, 4.0, 8.0]);
    assert_eq!(out[..2], [None, None]);
    assert!((out[2].unwrap() - 10.0 / 9.0).abs() < 1e-15);
    assert!((out[3].unwrap() - 20.0 / 9.0).abs() < 1e-15);
    assert_eq!(
        AverageDeviation::new(3).unwrap().batch(&[5.0; 4])[3],
        Some(0.0)
    );
}

#[test]
fn heikin_ashi_refuses_a_state_it_cannot_reach() {
    let mut ha = HeikinAshi::new();
    ha.update(Candle::new(10.0, 13.0, 9.0, 12.0, 100.0).unwrap());
    let json = serde_json::to_string(&ha).unwrap();
    let again: HeikinAshi = serde_json::from_str(&json).unwrap();
    assert_eq!(again, ha);
    let unordered = json.replace("\"high\":13.0", "\"high\":5.0");
    assert_ne!(unordered, json);
    assert!(serde_json::from_str::<HeikinAshi>(&unordered).is_err());
    let huge = json.replace("\"high\":13.0", "\"high\":1e300");
    assert!(serde_json::from_str::<HeikinAshi>(&huge).is_err());
}

#[test]
fn typical_price_known_values() {
    let c = |h: f64, l: f64, cl: f64| Candle {
        open: cl,
        high: h,
        low: l,
        close: cl,
        volume: 0.0,
    };
    let mut typical = TypicalPrice::new();
    assert_eq!(typical.update(c(12.0, 9.0, 12.0)), Some(11.0));
    assert_eq!(typical.update(c(3.0, 0.0, 0.0)), Some(1.0));
    assert_eq!(typical.peek(c(6.0, 3.0, 3.0)), Some(4.0));
    assert_eq!(typical.value(), Some(1.0));
    assert_eq!(typical.warmup_period(), 1);
}
