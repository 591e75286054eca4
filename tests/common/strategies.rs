//! Proptest strategies for ordinary inputs (the adversarial ones are in `adversarial`):
//! positive prices, valid candles with volume, and series of them; and the unusable numbers
//! every indicator refuses.
#![allow(dead_code)]

use proptest::prelude::*;
use ta_stream::bar::Candle;

/// An input no indicator accepts: NaN, ±∞, or a finite value beyond the usable range
/// (`Real::max_input`, 1e150 for `f64`).
pub fn unusable() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e200,
    ])
}

/// A price in 1..1000.
pub fn price() -> impl Strategy<Value = f64> {
    1.0..1000.0_f64
}

/// Up to `max_len` prices.
pub fn prices(max_len: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(price(), 0..max_len)
}

/// A valid candle: open at a base price in 1..1000, high up to 20 above, low up to 20 below
/// (but above 0), the close anywhere in between, a volume in 0..1e6 (0 one time in ten).
pub fn candle() -> impl Strategy<Value = Candle> {
    (
        price(),
        0.0..20.0_f64,
        0.0..20.0_f64,
        0.0..=1.0_f64,
        prop_oneof![1 => Just(0.0), 9 => 0.0..1e6_f64],
    )
        .prop_map(|(base, up, down, close, volume)| {
            let (high, low) = (base + up, (base - down).max(0.5));
            Candle {
                open: base.clamp(low, high),
                high,
                low,
                close: low + close * (high - low),
                volume,
            }
        })
}

/// Up to `max_len` candles, independent of each other (gaps between bars included).
pub fn candles(max_len: usize) -> impl Strategy<Value = Vec<Candle>> {
    prop::collection::vec(candle(), 0..max_len)
}

/// A candle whose high equals its low (a flat bar), at a price in 1..1000.
pub fn flat_candle() -> impl Strategy<Value = Candle> {
    (price(), 0.0..1e6_f64).prop_map(|(p, volume)| Candle {
        open: p,
        high: p,
        low: p,
        close: p,
        volume,
    })
}
