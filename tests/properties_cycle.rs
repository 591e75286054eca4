//! The Hilbert transform family (MAMA, HT_TRENDLINE and the cycle indicators): the contract
//! (batch == streaming, warm-up, peek, reset, serde, unusable inputs ignored), and a naive
//! recomputation of every output from the published formulas, written over whole arrays
//! (`v[t − k]`, 0 before the start) instead of the indicators' rolling state.
#![cfg(feature = "serde")]

mod common;

use common::strategies::unusable;
use proptest::prelude::*;
use ta_stream::average::{HtTrendline, Mama};
use ta_stream::cycle::{HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode, MarketMode};
use ta_stream::Indicator;

/// A random walk from a start in `10..1000`, steps up to ±2% (prices), with some flat bars.
fn walks() -> impl Strategy<Value = Vec<f64>> {
    (
        10.0..1000.0_f64,
        prop::collection::vec(prop_oneof![4 => -0.02..0.02_f64, 1 => Just(0.0)], 0..220),
    )
        .prop_map(|(start, steps)| {
            let mut price = start;
            steps
                .into_iter()
                .map(|step| {
                    price *= 1.0 + step;
                    price
                })
                .collect()
        })
}

indicator_contract!(
    ht_dcperiod,
    |_| HtDcPeriod::<f64>::new(),
    walks(),
    unusable()
);
indicator_contract!(ht_dcphase, |_| HtDcPhase::<f64>::new(), walks(), unusable());
indicator_contract!(ht_phasor, |_| HtPhasor::<f64>::new(), walks(), unusable());
indicator_contract!(ht_sine, |_| HtSine::<f64>::new(), walks(), unusable());
indicator_contract!(
    ht_trendmode,
    |_| HtTrendMode::<f64>::new(),
    walks(),
    unusable()
);
indicator_contract!(
    ht_trendline,
    |_| HtTrendline::<f64>::new(),
    walks(),
    unusable()
);
indicator_contract!(mama, |_| Mama::<f64>::default(), walks(), unusable());
indicator_contract!(
    mama_limits,
    |period: usize| Mama::<f64>::new(0.01 * period as f64, 0.3).unwrap(),
    walks(),
    unusable()
);

/// Every output of the family at one index, recomputed naively.
#[derive(Debug, Clone, Copy, Default)]
struct Naive {
    period: f64,
    in_phase: f64,
    quadrature: f64,
    mama: f64,
    fama: f64,
    phase: f64,
    sine: f64,
    lead_sine: f64,
    trendline: f64,
    trend: bool,
}

/// The family's formulas over whole arrays, with the transform starting at index `start`
/// (12 or 37); MAMA with limits `fast`, `slow`.
fn naive(xs: &[f64], start: usize, fast: f64, slow: f64) -> Vec<Naive> {
    let n = xs.len();
    let at = |v: &[f64], t: usize, k: usize| if t >= k { v[t - k] } else { 0.0 };
    let (mut s, mut det, mut i1, mut q1) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let (mut i2, mut q2, mut re, mut im) = (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let (mut p, mut sp, mut avg) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    let mut out = vec![Naive::default(); n];
    let (mut phase_prev, mut mama, mut fama) = (0.0, 0.0, 0.0);
    let (mut dc_phase, mut sine, mut lead) = (0.0_f64, 0.0_f64, 0.0_f64);
    let mut days = 0_usize;
    let hilbert = |v: &[f64], t: usize, adjust: f64| {
        (0.0962 * at(v, t, 0) + 0.5769 * at(v, t, 2) - 0.5769 * at(v, t, 4) - 0.0962 * at(v, t, 6))
            * adjust
    };
    for t in start..n {
        let adjust = 0.075 * at(&p, t, 1) + 0.54;
        s[t] = (4.0 * xs[t] + 3.0 * xs[t - 1] + 2.0 * xs[t - 2] + xs[t - 3]) / 10.0;
        det[t] = hilbert(&s, t, adjust);
        i1[t] = at(&det, t, 3);
        q1[t] = hilbert(&det, t, adjust);
        let j_i = hilbert(&i1, t, adjust);
        let j_q = hilbert(&q1, t, adjust);
        i2[t] = 0.2 * (i1[t] - j_q) + 0.8 * at(&i2, t, 1);
        q2[t] = 0.2 * (q1[t] + j_i) + 0.8 * at(&q2, t, 1);
        re[t] = 0.2 * (i2[t] * at(&i2, t, 1) + q2[t] * at(&q2, t, 1)) + 0.8 * at(&re, t, 1);
        im[t] = 0.2 * (i2[t] * at(&q2, t, 1) - q2[t] * at(&i2, t, 1)) + 0.8 * at(&im, t, 1);
        let previous = at(&p, t, 1);
        let mut period = previous;
        if im[t] != 0.0 && re[t] != 0.0 {
            period = 360.0 / (im[t] / re[t]).atan().to_degrees();
        }
        period = period
            .min(1.5 * previous)
            .max(0.67 * previous)
            .clamp(6.0, 50.0);
        p[t] = 0.2 * period + 0.8 * previous;
        sp[t] = 0.33 * p[t] + 0.67 * at(&sp, t, 1);

        // MAMA.
        let phase = if i1[t] != 0.0 {
            (q1[t] / i1[t]).atan().to_degrees()
        } else {
            0.0
        };
        let delta = (phase_prev - phase).max(1.0);
        phase_prev = phase;
        let alpha = if delta > 1.0 {
            (fast / delta).max(slow)
        } else {
            fast
        };
        mama = alpha * xs[t] + (1.0 - alpha) * mama;
        fama = alpha / 2.0 * mama + (1.0 - alpha / 2.0) * fama;

        // Phase: a Fourier sum over the dominant cycle of smoothed prices.
        let whole = (sp[t] + 0.5).floor() as usize;
        let (mut real, mut imag) = (0.0, 0.0);
        for k in 0..whole {
            let angle = 2.0 * std::f64::consts::PI * k as f64 / whole as f64;
            real += angle.sin() * at(&s, t, k);
            imag += angle.cos() * at(&s, t, k);
        }
        let previous_phase = dc_phase;
        if imag != 0.0 {
            dc_phase = (real / imag).atan().to_degrees();
        } else if real != 0.0 {
            dc_phase += 90.0 * real.signum();
        }
        dc_phase += 90.0 + 360.0 / sp[t];
        if imag < 0.0 {
            dc_phase += 180.0;
        }
        if dc_phase > 315.0 {
            dc_phase -= 360.0;
        }
        let (sine_prev, lead_prev) = (sine, lead);
        sine = dc_phase.to_radians().sin();
        lead = (dc_phase + 45.0).to_radians().sin();

        // Trendline: the mean of the inputs over the dominant cycle, then a 4-bar WMA.
        avg[t] = (0..whole).map(|k| at(xs, t, k)).sum::<f64>() / (whole.max(1) as f64);
        let trendline =
            (4.0 * avg[t] + 3.0 * at(&avg, t, 1) + 2.0 * at(&avg, t, 2) + at(&avg, t, 3)) / 10.0;

        // Trend mode.
        let mut trend = true;
        if (sine > lead && sine_prev <= lead_prev) || (sine < lead && sine_prev >= lead_prev) {
            days = 0;
            trend = false;
        }
        days += 1;
        if (days as f64) < sp[t] / 2.0 {
            trend = false;
        }
        let advance = dc_phase - previous_phase;
        if advance > 0.67 * 360.0 / sp[t] && advance < 1.5 * 360.0 / sp[t] {
            trend = false;
        }
        if trendline != 0.0 && ((s[t] - trendline) / trendline).abs() >= 0.015 {
            trend = true;
        }
        out[t] = Naive {
            period: sp[t],
            in_phase: i1[t],
            quadrature: q1[t],
            mama,
            fama,
            phase: dc_phase,
            sine,
            lead_sine: lead,
            trendline,
            trend,
        };
    }
    out
}

fn close(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * scale.max(b.abs())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_short_lookback_family_is_its_formulas(xs in walks()) {
        let reference = naive(&xs, 12, 0.5, 0.05);
        let scale = xs.iter().fold(1.0_f64, |m, x| m.max(x.abs()));
        let (mut period, mut phasor, mut mama) = (HtDcPeriod::new(), HtPhasor::new(), Mama::default());
        for (t, (&x, r)) in xs.iter().zip(&reference).enumerate() {
            let (p, f, m) = (period.update(x), phasor.update(x), mama.update(x));
            prop_assert_eq!(p.is_some(), t >= 32);
            if let (Some(p), Some(f), Some(m)) = (p, f, m) {
                prop_assert!(close(p, r.period, 1.0), "t {}: period {} vs {}", t, p, r.period);
                prop_assert!(close(f.in_phase, r.in_phase, scale), "t {}: inphase {} vs {}", t, f.in_phase, r.in_phase);
                prop_assert!(close(f.quadrature, r.quadrature, scale), "t {}: quadrature", t);
                prop_assert!(close(m.mama, r.mama, scale) && close(m.fama, r.fama, scale), "t {}: {:?} vs {:?}", t, m, r);
            }
        }
    }

    #[test]
    fn the_long_lookback_family_is_its_formulas(xs in walks()) {
        let reference = naive(&xs, 37, 0.5, 0.05);
        let scale = xs.iter().fold(1.0_f64, |m, x| m.max(x.abs()));
        let (mut phase, mut sine, mut trendline, mut mode) =
            (HtDcPhase::new(), HtSine::new(), HtTrendline::new(), HtTrendMode::new());
        for (t, (&x, r)) in xs.iter().zip(&reference).enumerate() {
            let outputs = (phase.update(x), sine.update(x), trendline.update(x), mode.update(x));
            prop_assert_eq!(outputs.0.is_some(), t >= 63);
            if let (Some(ph), Some(sw), Some(tl), Some(md)) = outputs {
                prop_assert!(close(ph, r.phase, 360.0), "t {}: phase {} vs {}", t, ph, r.phase);
                prop_assert!(close(sw.sine, r.sine, 1.0) && close(sw.lead_sine, r.lead_sine, 1.0), "t {}: sine", t);
                prop_assert!(close(tl, r.trendline, scale), "t {}: trendline {} vs {}", t, tl, r.trendline);
                prop_assert_eq!(md == MarketMode::Trend, r.trend, "t {}", t);
                prop_assert!((-45.0..=315.0).contains(&ph));
            }
        }
    }
}
