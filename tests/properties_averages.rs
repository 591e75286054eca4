//! Properties of the averages with more than one input (proptest): the common indicator
//! contract, and naive recomputations of VWMA (price, volume) and MAVP (price, period).
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use ta_stream::average::{Ema, Mavp, Sma, Vwma, Zlema};
use ta_stream::volatility::MaBands;
use ta_stream::Indicator;

/// (price, volume) pairs: prices, and volumes with zeros (whole windows of them sometimes).
fn price_volumes() -> impl Strategy<Value = Vec<(f64, f64)>> {
    let volume = prop_oneof![3 => 0.0..1e6_f64, 1 => Just(0.0), 1 => 1e9..1e12_f64];
    prop::collection::vec((1.0..1000.0_f64, volume), 0..120)
}

fn unusable_pair() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        Just((f64::NAN, 1.0)),
        Just((1.0, f64::NAN)),
        Just((f64::INFINITY, 1.0)),
        Just((1e300, 1.0)),
        Just((1.0, 1e300)),
    ]
}

/// (value, period) pairs: prices, and periods from 0 to 40 (clamped), fractional sometimes.
fn price_periods() -> impl Strategy<Value = Vec<(f64, f64)>> {
    let period =
        prop_oneof![3 => (0..40u32).prop_map(f64::from), 1 => 0.0..40.0_f64, 1 => -5.0..0.0_f64];
    prop::collection::vec((1.0..1000.0_f64, period), 0..120)
}

indicator_contract!(
    mavp_sma_contract,
    |n: usize| Mavp::new(2, n + 2, Sma::<f64>::new).unwrap(),
    price_periods(),
    unusable_pair()
);
indicator_contract!(
    mavp_ema_contract,
    |n: usize| Mavp::new(2, n + 2, Ema::<f64>::new).unwrap(),
    price_periods(),
    unusable_pair()
);

fn prices() -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(1.0..1000.0_f64, 0..120)
}

indicator_contract!(
    ma_bands_contract,
    |n: usize| MaBands::new(n + 1, 2.0, 1.5, Zlema::<f64>::new).unwrap(),
    prices(),
    prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(1e300)]
);

indicator_contract!(
    vwma_contract,
    |n: usize| Vwma::<f64>::new(n).unwrap(),
    price_volumes(),
    unusable_pair()
);

proptest! {
    #[test]
    fn ma_bands_are_the_ema_plus_and_minus_the_window_deviation(period in 2..30usize, xs in prices()) {
        let out = MaBands::new(period, 2.0, 0.5, Ema::<f64>::new).unwrap().batch(&xs);
        let emas = Ema::new(period).unwrap().batch(&xs);
        for (index, (lines, ema)) in out.iter().zip(&emas).enumerate() {
            prop_assert_eq!(lines.is_some(), ema.is_some(), "index {}", index);
            let (Some(lines), Some(ema)) = (lines, ema) else { continue };
            let window = &xs[index + 1 - period..=index];
            let mean = window.iter().sum::<f64>() / period as f64;
            let sigma = (window.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / period as f64).sqrt();
            prop_assert_eq!(lines.middle, *ema);
            prop_assert!((lines.upper - (ema + 2.0 * sigma)).abs() <= 1e-9 * mean, "index {}", index);
            prop_assert!((lines.lower - (ema - 0.5 * sigma)).abs() <= 1e-9 * mean, "index {}", index);
        }
    }

    #[test]
    fn mavp_sma_is_the_sma_of_the_clamped_period(low in 2..10usize, extra in 0..20usize, pairs in price_periods()) {
        let high = low + extra;
        let out = Mavp::new(low, high, Sma::<f64>::new).unwrap().batch(&pairs);
        for (index, value) in out.iter().enumerate() {
            if index + 1 < high {
                prop_assert!(value.is_none(), "output at index {}", index);
                continue;
            }
            let period = (pairs[index].1.trunc().max(low as f64) as usize).clamp(low, high);
            let window = &pairs[index + 1 - period..=index];
            let expected = window.iter().map(|(x, _)| x).sum::<f64>() / period as f64;
            let value = value.expect("ready");
            prop_assert!((value - expected).abs() <= 1e-12 * expected.abs(), "index {}: {} vs {}", index, value, expected);
        }
    }

    #[test]
    fn mavp_ema_seeds_each_period_where_the_longest_starts(low in 2..8usize, extra in 0..12usize, pairs in price_periods()) {
        // TA-Lib's rule: the EMA of period p starts at input `high − p`, seeded with the mean
        // of its first p inputs, so that every EMA is ready at input `high − 1`.
        let high = low + extra;
        let out = Mavp::new(low, high, Ema::<f64>::new).unwrap().batch(&pairs);
        for (index, value) in out.iter().enumerate() {
            if index + 1 < high {
                prop_assert!(value.is_none());
                continue;
            }
            let period = (pairs[index].1.trunc().max(low as f64) as usize).clamp(low, high);
            let start = high - period;
            let k = 2.0 / (period as f64 + 1.0);
            let mut ema = pairs[start..start + period].iter().map(|(x, _)| x).sum::<f64>() / period as f64;
            for (x, _) in &pairs[start + period..=index] {
                ema = (x - ema) * k + ema;
            }
            let value = value.expect("ready");
            prop_assert!((value - ema).abs() <= 1e-12 * ema.abs(), "index {}: {} vs {}", index, value, ema);
        }
    }

    #[test]
    fn vwma_is_the_volume_weighted_mean_of_its_window(period in 1..40usize, pairs in price_volumes()) {
        let out = Vwma::new(period).unwrap().batch(&pairs);
        for (index, value) in out.iter().enumerate() {
            if index + 1 < period {
                prop_assert!(value.is_none(), "output at index {}", index);
                continue;
            }
            let window = &pairs[index + 1 - period..=index];
            let volume: f64 = window.iter().map(|(_, v)| v).sum();
            let expected = if volume > 0.0 {
                window.iter().map(|(p, v)| p * v).sum::<f64>() / volume
            } else {
                window.iter().map(|(p, _)| p).sum::<f64>() / period as f64
            };
            let value = value.expect("ready");
            prop_assert!((value - expected).abs() <= 1e-9 * expected.abs(), "index {}: {} vs {}", index, value, expected);
            let (low, high) = window.iter().fold((f64::MAX, f64::MIN), |(l, h), (p, _)| (l.min(*p), h.max(*p)));
            prop_assert!(value >= low * (1.0 - 1e-12) && value <= high * (1.0 + 1e-12));
        }
    }

    #[test]
    fn vwma_refuses_negative_volumes(period in 1..10usize, pairs in price_volumes(), volume in -1e6..-1e-9_f64) {
        let mut vwma = Vwma::new(period).unwrap();
        vwma.batch(&pairs);
        let before = vwma.clone();
        prop_assert!(vwma.try_update((100.0, volume)).is_err());
        prop_assert_eq!(&vwma, &before);
        prop_assert_eq!(vwma.update((100.0, volume)), before.value());
        prop_assert_eq!(&vwma, &before);
    }
}
