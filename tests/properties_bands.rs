//! Properties of the midpoints, bands, channels and stops of issue 10: the common contract
//! (`indicator_contract!`) for every candle-input type, and naive recomputations of each
//! formula from its definition (window scans, plain loops), independent of the crate.
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::statistics::MidPrice;
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

// ---------------------------------------------------------------------------------------
// Naive recomputations

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
