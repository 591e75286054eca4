//! The contract under adversarial inputs and serde fuzz for the Hilbert transform family
//! (MAMA, HT_TRENDLINE and the cycle indicators), in `f64` and `f32`: every output finite and
//! within its documented bounds, every reachable state a checkpoint, mutated checkpoints
//! refused or safe. The sequences are long enough (up to 200 inputs) to pass the 63-bar
//! lookback.
#![cfg(feature = "serde")]

mod common;

use common::adversarial::{adversarial_f32, adversarial_f64};
use proptest::prelude::*;
use ta_stream::average::{HtTrendline, Mama, MamaOutput};
use ta_stream::cycle::{
    HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode, MarketMode, Phasor, SineWave,
};
use ta_stream::Indicator;

/// Adversarial `f64` sequences past the longest lookback: independent draws, a repeated value
/// with spikes (flat stretches at extreme scales), alternating extremes.
fn long_f64s() -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(adversarial_f64(), 0..200),
        (
            adversarial_f64(),
            prop::collection::vec((0..160usize, adversarial_f64()), 0..6),
            60..160usize
        )
            .prop_map(|(x, spikes, n)| {
                let mut xs = vec![x; n];
                for (at, spike) in spikes {
                    if let Some(slot) = xs.get_mut(at) {
                        *slot = spike;
                    }
                }
                xs
            }),
        (adversarial_f64(), 60..160usize)
            .prop_map(|(x, n)| (0..n).map(|i| if i % 2 == 0 { x } else { -x }).collect()),
    ]
}

fn long_f32s() -> impl Strategy<Value = Vec<f32>> {
    prop_oneof![
        prop::collection::vec(adversarial_f32(), 0..200),
        (adversarial_f32(), 60..160usize)
            .prop_map(|(x, n)| (0..n).map(|i| if i % 2 == 0 { x } else { -x }).collect()),
    ]
}

/// The largest usable input magnitude, with room for rounding.
const M: f64 = 1.000_000_1e150;
const M32: f64 = 1.000_001e15;

fn finite_within<T: Into<f64> + Copy>(x: T, low: f64, high: f64) -> bool {
    let x: f64 = x.into();
    x.is_finite() && (low..=high).contains(&x)
}

fn period<T: Into<f64> + Copy>(x: &T) -> bool {
    finite_within(*x, 0.0, 50.0)
}

fn phase<T: Into<f64> + Copy>(x: &T) -> bool {
    finite_within(*x, -45.0, 315.0)
}

fn sine<T: Into<f64> + Copy>(s: &SineWave<T>) -> bool {
    finite_within(s.sine, -1.0, 1.0) && finite_within(s.lead_sine, -1.0, 1.0)
}

fn phasor(m: f64) -> impl Fn(&Phasor<f64>) -> bool {
    move |p| {
        finite_within(p.in_phase, -6.0 * m, 6.0 * m)
            && finite_within(p.quadrature, -34.0 * m, 34.0 * m)
    }
}

fn average(m: f64) -> impl Fn(&f64) -> bool {
    move |x| finite_within(*x, -m, m)
}

fn mama<T: Into<f64> + Copy>(m: f64) -> impl Fn(&MamaOutput<T>) -> bool {
    move |o| finite_within(o.mama, -m, m) && finite_within(o.fama, -m, m)
}

fn mode(_: &MarketMode) -> bool {
    true
}

adversarial_contract!(ht_dcperiod_f64, HtDcPeriod::<f64>::new, long_f64s(), period);
adversarial_contract!(
    ht_dcperiod_f32,
    HtDcPeriod::<f32>::new_generic,
    long_f32s(),
    period
);
adversarial_contract!(ht_dcphase_f64, HtDcPhase::<f64>::new, long_f64s(), phase);
adversarial_contract!(
    ht_dcphase_f32,
    HtDcPhase::<f32>::new_generic,
    long_f32s(),
    phase
);
adversarial_contract!(ht_phasor_f64, HtPhasor::<f64>::new, long_f64s(), phasor(M));
adversarial_contract!(ht_sine_f64, HtSine::<f64>::new, long_f64s(), sine);
adversarial_contract!(ht_sine_f32, HtSine::<f32>::new_generic, long_f32s(), sine);
adversarial_contract!(ht_trendmode_f64, HtTrendMode::<f64>::new, long_f64s(), mode);
adversarial_contract!(
    ht_trendline_f64,
    HtTrendline::<f64>::new,
    long_f64s(),
    average(M)
);
adversarial_contract!(mama_f64, Mama::<f64>::default, long_f64s(), mama(M));
adversarial_contract!(
    mama_f32,
    || Mama::<f32>::new(0.9, 0.01).unwrap(),
    long_f32s(),
    mama(M32)
);

serde_fuzz!(
    ht_dcperiod_serde_fuzz,
    HtDcPeriod::<f64>::new,
    long_f64s(),
    period
);
serde_fuzz!(
    ht_dcphase_serde_fuzz,
    HtDcPhase::<f64>::new,
    long_f64s(),
    phase
);
serde_fuzz!(
    ht_phasor_serde_fuzz,
    HtPhasor::<f64>::new,
    long_f64s(),
    phasor(M)
);
serde_fuzz!(ht_sine_serde_fuzz, HtSine::<f64>::new, long_f64s(), sine);
serde_fuzz!(
    ht_trendmode_serde_fuzz,
    HtTrendMode::<f64>::new,
    long_f64s(),
    mode
);
serde_fuzz!(
    ht_trendline_serde_fuzz,
    HtTrendline::<f64>::new,
    long_f64s(),
    average(M)
);
serde_fuzz!(mama_serde_fuzz, Mama::<f64>::default, long_f64s(), mama(M));
