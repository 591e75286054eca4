//! Properties of the averages with more than one input (proptest): the common indicator
//! contract, and naive recomputations of VWMA (price, volume) and MAVP (price, period).
#![cfg(feature = "serde")]

mod common;

use proptest::prelude::*;
use ta_stream::average::Vwma;
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

indicator_contract!(
    vwma_contract,
    |n: usize| Vwma::<f64>::new(n).unwrap(),
    price_volumes(),
    unusable_pair()
);

proptest! {
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
