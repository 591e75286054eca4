//! Properties of the price transforms: the common contract (`indicator_contract!`) for every
//! type, each output against a naive recomputation of its formula (exact rational
//! arithmetic where the formula allows), and bounds.
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::price::TypicalPrice;
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

// ---------------------------------------------------------------------------------------
// The common contract, for every type

indicator_contract!(
    typical_price,
    |_| TypicalPrice::<f64>::new(),
    candles(),
    unusable_candle()
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
