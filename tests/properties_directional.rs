//! Properties of the directional movement family (PLUS_DM, MINUS_DM, PLUS_DI, MINUS_DI, DX,
//! ADX, ADXR, the all-lines `Directional`) and VORTEX: the common contract
//! (`indicator_contract!`), each line against a naive recomputation written from its
//! definition, bounds, refused candles, flat cases, known answers from TA-Lib, events, and
//! parameter errors.
#![cfg(feature = "serde")]

mod common;

use common::strategies::{candle, candles, flat_candle, unusable};
use proptest::prelude::*;
use ta_stream::bar::Candle;
use ta_stream::momentum::{Adx, Adxr, Directional, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex};
use ta_stream::signal::{Cross, CrossLevel, Crossover};
use ta_stream::{Error, Indicator};

// ---------------------------------------------------------------------------------------
// Strategies

/// Ordinary candles, or stretches of flat ones between them (no direction, zero ranges).
fn series() -> impl Strategy<Value = Vec<Candle>> {
    prop_oneof![
        candles(80),
        prop::collection::vec(prop_oneof![2 => flat_candle(), 1 => candle()], 0..80),
        (flat_candle(), 0..60usize).prop_map(|(c, n)| vec![c; n]),
    ]
}

/// Candles every line refuses: an unusable number, or a high below the low.
fn refused_candle() -> impl Strategy<Value = Candle> {
    (0..6usize, unusable()).prop_map(|(field, bad)| {
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
            _ => (c.high, c.low) = (9.0, 11.0),
        }
        c
    })
}

/// Candles the lines that read the close refuse: those above, or a close outside the range.
fn refused_hlc_candle() -> impl Strategy<Value = Candle> {
    prop_oneof![
        refused_candle(),
        prop::sample::select(vec![8.0, 11.5]).prop_map(|close| Candle {
            open: 10.0,
            high: 11.0,
            low: 9.0,
            close,
            volume: 1.0,
        }),
    ]
}

// ---------------------------------------------------------------------------------------
// The common contract

indicator_contract!(
    plus_dm,
    |n| PlusDm::<f64>::new(n).unwrap(),
    series(),
    refused_candle()
);
indicator_contract!(
    minus_dm,
    |n| MinusDm::<f64>::new(n).unwrap(),
    series(),
    refused_candle()
);
indicator_contract!(
    plus_di,
    |n| PlusDi::<f64>::new(n).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    minus_di,
    |n| MinusDi::<f64>::new(n).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    dx,
    |n: usize| Dx::<f64>::new(n + 1).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    adx,
    |n: usize| Adx::<f64>::new(n / 2 + 2).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    adxr,
    |n: usize| Adxr::<f64>::new(n / 3 + 2).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    directional,
    |n: usize| Directional::<f64>::new(n / 3 + 2).unwrap(),
    series(),
    refused_hlc_candle()
);
indicator_contract!(
    vortex,
    |n| Vortex::<f64>::new(n).unwrap(),
    series(),
    refused_hlc_candle()
);

// ---------------------------------------------------------------------------------------
// Naive recomputations, from the definitions

/// Every line of the system over `cs`, computed bar by bar from Wilder's definitions with
/// TA-Lib's seeding and flat rules (see the module docs of `ta_stream::momentum::directional`):
/// `(+DM, −DM, +DI, −DI, DX, ADX, ADXR)` per bar, `None` where a line has no value yet.
#[allow(clippy::type_complexity)]
struct Naive {
    plus_dm: Vec<Option<f64>>,
    minus_dm: Vec<Option<f64>>,
    plus_di: Vec<Option<f64>>,
    minus_di: Vec<Option<f64>>,
    dx: Vec<Option<f64>>,
    adx: Vec<Option<f64>>,
    adxr: Vec<Option<f64>>,
}

fn naive(cs: &[Candle], n: usize) -> Naive {
    let len = cs.len();
    let mut out = Naive {
        plus_dm: vec![None; len],
        minus_dm: vec![None; len],
        plus_di: vec![None; len],
        minus_di: vec![None; len],
        dx: vec![None; len],
        adx: vec![None; len],
        adxr: vec![None; len],
    };
    // The moves of bar t against bar t − 1 (t ≥ 1).
    let mut ups = vec![0.0; len];
    let mut downs = vec![0.0; len];
    let mut ranges = vec![0.0; len];
    for t in 1..len {
        let (c, p) = (cs[t], cs[t - 1]);
        let up = c.high - p.high;
        let down = p.low - c.low;
        ups[t] = if up > 0.0 && up > down { up } else { 0.0 };
        downs[t] = if down > 0.0 && down > up { down } else { 0.0 };
        ranges[t] = (c.high - c.low)
            .max((c.high - p.close).abs())
            .max((c.low - p.close).abs());
    }
    let nf = n as f64;
    let (mut sp, mut sm, mut sr) = (0.0, 0.0, 0.0);
    let (mut first_dx, mut dx_sum, mut dx_count) = (true, 0.0, 0);
    let mut adx: Option<f64> = None;
    for t in 1..len {
        if t < n {
            sp += ups[t];
            sm += downs[t];
            sr += ranges[t];
        } else {
            sp = sp - sp / nf + ups[t];
            sm = sm - sm / nf + downs[t];
            sr = sr - sr / nf + ranges[t];
        }
        if t + 1 >= n.max(2) {
            out.plus_dm[t] = Some(sp);
            out.minus_dm[t] = Some(sm);
        }
        if t < n {
            continue;
        }
        let scale = if n == 1 { 1.0 } else { 100.0 };
        let (pdi, mdi) = if sr == 0.0 {
            (0.0, 0.0)
        } else {
            (scale * sp / sr, scale * sm / sr)
        };
        out.plus_di[t] = Some(pdi);
        out.minus_di[t] = Some(mdi);
        if n < 2 {
            continue;
        }
        let directionless = sr == 0.0 || pdi + mdi == 0.0;
        let dx = (!directionless).then(|| 100.0 * (pdi - mdi).abs() / (pdi + mdi));
        out.dx[t] = match (dx, first_dx) {
            (Some(dx), _) => Some(dx),
            (None, true) => Some(0.0),
            (None, false) => out.dx[t - 1],
        };
        first_dx = false;
        if dx_count < n {
            dx_sum += dx.unwrap_or(0.0);
            dx_count += 1;
            if dx_count == n {
                adx = Some(dx_sum / nf);
            }
        } else if let (Some(dx), Some(a)) = (dx, adx) {
            adx = Some((a * (nf - 1.0) + dx) / nf);
        }
        out.adx[t] = adx;
        if t >= n - 1 {
            if let (Some(now), Some(before)) = (adx, out.adx[t + 1 - n]) {
                out.adxr[t] = Some((now + before) / 2.0);
            }
        }
    }
    out
}

fn close_to(a: f64, b: f64, relative: f64) -> bool {
    (a - b).abs() <= relative * a.abs().max(b.abs()).max(1.0)
}

fn agree(label: &str, got: &[Option<f64>], expected: &[Option<f64>]) -> Result<(), TestCaseError> {
    prop_assert_eq!(got.len(), expected.len());
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        match (g, e) {
            (Some(g), Some(e)) => {
                prop_assert!(
                    close_to(*g, *e, 1e-9),
                    "{} index {}: {} vs {}",
                    label,
                    i,
                    g,
                    e
                )
            }
            (g, e) => prop_assert_eq!(g.is_some(), e.is_some(), "{} index {}", label, i),
        }
    }
    Ok(())
}

fn percent(values: &[Option<f64>]) -> bool {
    values.iter().flatten().all(|v| (0.0..=100.0).contains(v))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_line_is_its_naive_recomputation(period in 1..20usize, cs in series()) {
        let expected = naive(&cs, period);
        agree("+DM", &PlusDm::new(period).unwrap().batch(&cs), &expected.plus_dm)?;
        agree("-DM", &MinusDm::new(period).unwrap().batch(&cs), &expected.minus_dm)?;
        agree("+DI", &PlusDi::new(period).unwrap().batch(&cs), &expected.plus_di)?;
        agree("-DI", &MinusDi::new(period).unwrap().batch(&cs), &expected.minus_di)?;
        if period >= 2 {
            agree("DX", &Dx::new(period).unwrap().batch(&cs), &expected.dx)?;
            agree("ADX", &Adx::new(period).unwrap().batch(&cs), &expected.adx)?;
            agree("ADXR", &Adxr::new(period).unwrap().batch(&cs), &expected.adxr)?;
        }
    }

    #[test]
    fn lines_in_their_ranges(period in 1..20usize, cs in series()) {
        let top = if period == 1 { 1.0 } else { 100.0 };
        for di in [PlusDi::new(period).unwrap().batch(&cs), MinusDi::new(period).unwrap().batch(&cs)] {
            prop_assert!(di.iter().flatten().all(|v| (0.0..=top).contains(v)));
        }
        prop_assert!(PlusDm::new(period).unwrap().batch(&cs).iter().flatten().all(|v| *v >= 0.0));
        if period >= 2 {
            prop_assert!(percent(&Dx::new(period).unwrap().batch(&cs)));
            prop_assert!(percent(&Adx::new(period).unwrap().batch(&cs)));
            prop_assert!(percent(&Adxr::new(period).unwrap().batch(&cs)));
        }
        for out in Vortex::new(period).unwrap().batch(&cs).into_iter().flatten() {
            prop_assert!(out.plus >= 0.0 && out.minus >= 0.0 && out.plus.is_finite() && out.minus.is_finite());
        }
    }

    #[test]
    fn directional_is_every_line_bit_for_bit(period in 2..15usize, cs in series()) {
        let all = Directional::new(period).unwrap().batch(&cs);
        let pick = |f: fn(&ta_stream::momentum::DirectionalOutput) -> Option<f64>| {
            all.iter().map(|o| o.as_ref().and_then(f)).collect::<Vec<_>>()
        };
        // The DIs and DX start together; ±DM one bar earlier (not in the output then).
        let from_di = |line: Vec<Option<f64>>| {
            line.into_iter()
                .enumerate()
                .map(|(i, v)| if i < period { None } else { v })
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(pick(|o| Some(o.plus_dm)), from_di(PlusDm::new(period).unwrap().batch(&cs)));
        prop_assert_eq!(pick(|o| Some(o.minus_dm)), from_di(MinusDm::new(period).unwrap().batch(&cs)));
        prop_assert_eq!(pick(|o| Some(o.plus_di)), PlusDi::new(period).unwrap().batch(&cs));
        prop_assert_eq!(pick(|o| Some(o.minus_di)), MinusDi::new(period).unwrap().batch(&cs));
        prop_assert_eq!(pick(|o| Some(o.dx)), Dx::new(period).unwrap().batch(&cs));
        prop_assert_eq!(pick(|o| o.adx), Adx::new(period).unwrap().batch(&cs));
        prop_assert_eq!(pick(|o| o.adxr), Adxr::new(period).unwrap().batch(&cs));
    }

    #[test]
    fn vortex_is_its_window_sums(period in 1..20usize, cs in series()) {
        let out = Vortex::new(period).unwrap().batch(&cs);
        for (t, value) in out.iter().enumerate() {
            prop_assert_eq!(value.is_some(), t >= period, "index {}", t);
            let Some(value) = value else { continue };
            let (mut plus, mut minus, mut range) = (0.0, 0.0, 0.0);
            for i in t + 1 - period..=t {
                let (c, p) = (cs[i], cs[i - 1]);
                plus += (c.high - p.low).abs();
                minus += (c.low - p.high).abs();
                range += (c.high - c.low).max((c.high - p.close).abs()).max((c.low - p.close).abs());
            }
            let (vp, vm) = if range == 0.0 { (0.0, 0.0) } else { (plus / range, minus / range) };
            prop_assert!(close_to(value.plus, vp, 1e-12), "index {}: {} vs {}", t, value.plus, vp);
            prop_assert!(close_to(value.minus, vm, 1e-12), "index {}: {} vs {}", t, value.minus, vm);
        }
    }

    #[test]
    fn f32_follows_f64(cs in candles(80)) {
        let cs32: Vec<Candle<f32>> = cs
            .iter()
            .map(|c| Candle {
                open: c.open as f32,
                high: c.high as f32,
                low: c.low as f32,
                close: (c.close as f32).clamp(c.low as f32, c.high as f32),
                volume: c.volume as f32,
            })
            .collect();
        let wide = Adx::<f64>::new(5).unwrap().batch(&cs);
        let narrow = Adx::<f32>::new_generic(5).unwrap().batch(&cs32);
        for (w, n) in wide.iter().zip(&narrow) {
            prop_assert_eq!(w.is_some(), n.is_some());
            if let (Some(w), Some(n)) = (w, n) {
                prop_assert!((w - f64::from(*n)).abs() < 0.05, "{} vs {}", w, n);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Known answers, edges, events and errors

fn bar(high: f64, low: f64, close: f64) -> Candle {
    Candle::new(close, high, low, close, 0.0).unwrap()
}

/// A small series and TA-Lib 0.8.1's outputs on it (`talib.PLUS_DI(h, l, c, 3)` etc.).
fn known_series() -> Vec<Candle> {
    let h = [10.0, 11.0, 12.5, 12.0, 11.0, 11.5, 13.0, 14.0];
    let l = [8.0, 9.5, 10.0, 10.5, 9.0, 9.5, 11.0, 12.5];
    let c = [9.0, 10.5, 12.0, 11.0, 9.5, 11.0, 12.5, 13.5];
    (0..8).map(|i| bar(h[i], l[i], c[i])).collect()
}

fn assert_close(got: &[Option<f64>], talib: &[Option<f64>]) {
    assert_eq!(got.len(), talib.len());
    for (i, (g, t)) in got.iter().zip(talib).enumerate() {
        match (g, t) {
            (Some(g), Some(t)) => assert!((g - t).abs() < 1e-8, "index {i}: {g} vs TA-Lib {t}"),
            _ => assert_eq!(g.is_some(), t.is_some(), "index {i}: {g:?} vs TA-Lib {t:?}"),
        }
    }
}

#[test]
fn known_answers_from_talib() {
    let cs = known_series();
    // talib.PLUS_DM(h, l, 2), ... on these bars (TA-Lib 0.8.1); period 1 of the DIs is a
    // fraction, as TA-Lib's.
    assert_close(
        &PlusDm::new(2).unwrap().batch(&cs),
        &[
            None,
            Some(1.0),
            Some(2.0),
            Some(1.0),
            Some(0.5),
            Some(0.75),
            Some(1.875),
            Some(1.9375),
        ],
    );
    assert_close(
        &MinusDm::new(3).unwrap().batch(&cs),
        &[
            None,
            None,
            Some(0.0),
            Some(0.0),
            Some(1.5),
            Some(1.0),
            Some(0.6666666666666667),
            Some(0.44444444444444453),
        ],
    );
    assert_close(
        &PlusDi::new(1).unwrap().batch(&cs),
        &[
            None,
            Some(0.5),
            Some(0.6),
            Some(0.0),
            Some(0.0),
            Some(0.25),
            Some(0.75),
            Some(0.6666666666666666),
        ],
    );
    assert_close(
        &PlusDi::new(3).unwrap().batch(&cs),
        &[
            None,
            None,
            None,
            Some(37.03703703703704),
            Some(22.222222222222225),
            Some(23.26388888888889),
            Some(41.88888888888889),
            Some(49.03123764333729),
        ],
    );
    assert_close(
        &MinusDi::new(2).unwrap().batch(&cs),
        &[
            None,
            None,
            Some(0.0),
            Some(0.0),
            Some(41.37931034482759),
            Some(19.672131147540984),
            Some(9.6),
            Some(5.429864253393665),
        ],
    );
    assert_close(
        &Dx::new(2).unwrap().batch(&cs),
        &[
            None,
            None,
            Some(100.0),
            Some(100.0),
            Some(50.000000000000014),
            Some(0.0),
            Some(66.66666666666666),
            Some(82.35294117647058),
        ],
    );
    assert_close(
        &Adx::new(2).unwrap().batch(&cs),
        &[
            None,
            None,
            None,
            Some(100.0),
            Some(75.0),
            Some(37.5),
            Some(52.08333333333333),
            Some(67.21813725490196),
        ],
    );
    assert_close(
        &Adx::new(3).unwrap().batch(&cs),
        &[
            None,
            None,
            None,
            None,
            None,
            Some(41.87913955805638),
            Some(46.40739888062865),
            Some(54.38148936364254),
        ],
    );
    assert_close(
        &Adxr::new(2).unwrap().batch(&cs),
        &[
            None,
            None,
            None,
            None,
            Some(87.5),
            Some(56.25),
            Some(44.791666666666664),
            Some(59.650735294117645),
        ],
    );
    let vortex = Vortex::new(3).unwrap().batch(&cs);
    let plus: Vec<_> = vortex.iter().map(|v| v.map(|v| v.plus)).collect();
    let minus: Vec<_> = vortex.iter().map(|v| v.map(|v| v.minus)).collect();
    assert_close(
        &plus,
        &[
            None,
            None,
            None,
            Some(1.3333333333333333),
            Some(0.9166666666666666),
            Some(0.9090909090909091),
            Some(1.0833333333333333),
            Some(1.6363636363636365),
        ],
    );
    assert_close(
        &minus,
        &[
            None,
            None,
            None,
            Some(0.5833333333333334),
            Some(1.0),
            Some(1.1818181818181819),
            Some(0.8333333333333334),
            Some(0.45454545454545453),
        ],
    );
}

#[test]
fn flat_candles_give_talibs_answers() {
    let flat = vec![bar(5.0, 5.0, 5.0); 12];
    assert_eq!(PlusDm::new(3).unwrap().batch(&flat)[11], Some(0.0));
    assert_eq!(PlusDi::new(3).unwrap().batch(&flat)[11], Some(0.0)); // TR sum 0: DI 0
    assert_eq!(Dx::new(3).unwrap().batch(&flat)[3], Some(0.0)); // the first DX: 0
    assert_eq!(Adx::new(3).unwrap().batch(&flat)[11], Some(0.0));
    let vortex = Vortex::new(3).unwrap().batch(&flat)[11].unwrap();
    assert_eq!((vortex.plus, vortex.minus), (0.0, 0.0));
    // After a trend, a flat stretch: DX repeats its last value, ADX keeps its value, while
    // the DIs keep the ratio of their decaying sums.
    let mut cs: Vec<Candle> = (0..8)
        .map(|i| bar(11.0 + i as f64, 9.0 + i as f64, 10.0 + i as f64))
        .collect();
    let last_close = cs[7].close;
    cs.extend(vec![bar(last_close, last_close, last_close); 6]);
    let dx = Dx::new(3).unwrap().batch(&cs);
    let adx = Adx::new(3).unwrap().batch(&cs);
    assert_eq!(dx[7], Some(100.0));
    assert!(dx[8..].iter().all(|v| *v == Some(100.0)));
    assert!(adx[8..].iter().all(|v| *v == adx[7]));
}

#[test]
fn a_close_outside_the_range_is_refused_by_the_lines_that_read_it() {
    let odd = Candle {
        open: 10.0,
        high: 11.0,
        low: 9.0,
        close: 12.0,
        volume: 0.0,
    };
    let mut dm = PlusDm::new(2).unwrap();
    let mut di = PlusDi::new(2).unwrap();
    let mut lines = Directional::new(2).unwrap();
    for i in 0..4 {
        let b = bar(11.0 + i as f64, 9.0, 10.0);
        dm.update(b);
        di.update(b);
        lines.update(b);
    }
    assert!(dm.try_update(odd).is_ok()); // ±DM read only the high and the low
    let before = (di.clone(), lines.clone());
    assert_eq!(di.try_update(odd), Err(Error::InvalidInput));
    assert_eq!(lines.try_update(odd), Err(Error::InvalidInput));
    assert_eq!(di.update(odd), before.0.value());
    assert_eq!((di, lines), before);
}

#[test]
fn adx_through_25_and_di_crossings_are_signal_events() {
    // A fall, then a rise: −DI leads, then +DI crosses above it, once.
    let mids: Vec<f64> = (0..40)
        .map(|i| {
            if i < 15 {
                200.0 - 2.0 * i as f64
            } else {
                170.0 + 3.0 * (i - 15) as f64
            }
        })
        .collect();
    let cs: Vec<Candle> = mids.iter().map(|&m| bar(m + 1.5, m - 1.5, m)).collect();
    let mut lines = Directional::new(5).unwrap();
    let mut turn = Crossover::new();
    let mut di_events = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        let Some(out) = lines.update(c) else { continue };
        if let Some(Some(cross)) = turn.update((out.plus_di, out.minus_di)) {
            di_events.push((i, cross));
        }
    }
    // TA-Lib's PLUS_DI/MINUS_DI(5) on these bars: 16.43 / 43.06 at bar 16, 28.26 / 32.92 at
    // bar 17, 37.00 / 25.43 at bar 18.
    assert_eq!(di_events, [(18, Cross::Above)]);

    // Forty bars of chop (no trend, ADX about 11), then a climb: ADX rises through 25 once.
    let mids: Vec<f64> = (0..40)
        .map(|i| if i % 2 == 0 { 99.0 } else { 101.0 })
        .chain((1..=20).map(|k| 100.0 + 2.0 * k as f64))
        .collect();
    let cs: Vec<Candle> = mids.iter().map(|&m| bar(m + 1.5, m - 1.5, m)).collect();
    let mut adx = Adx::new(5).unwrap();
    let mut strong = CrossLevel::new(25.0).unwrap();
    let mut adx_events = Vec::new();
    for (i, &c) in cs.iter().enumerate() {
        if let Some(Some(cross)) = adx.update(c).and_then(|value| strong.update(value)) {
            adx_events.push((i, cross));
        }
    }
    // TA-Lib's ADX(5) on these bars: 24.76 at bar 42, 32.14 at bar 43.
    assert_eq!(adx_events, [(43, Cross::Above)]);
}

#[test]
fn parameters_out_of_range_are_named() {
    let message = |e: Error| e.to_string();
    assert_eq!(
        message(PlusDm::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert_eq!(
        message(MinusDi::<f64>::new(100_001).unwrap_err()),
        "invalid parameter `period` = 100001: expected 1..=100000"
    );
    for e in [
        Dx::<f64>::new(1).unwrap_err(),
        Adx::<f64>::new(1).unwrap_err(),
        Adxr::<f64>::new(1).unwrap_err(),
        Directional::<f64>::new(1).unwrap_err(),
    ] {
        assert_eq!(
            message(e),
            "invalid parameter `period` = 1: expected 2..=100000"
        );
    }
    assert_eq!(
        message(Vortex::<f64>::new(0).unwrap_err()),
        "invalid parameter `period` = 0: expected 1..=100000"
    );
    assert_eq!(PlusDm::<f64>::default().warmup_period(), 14);
    assert_eq!(PlusDm::<f64>::new(1).unwrap().warmup_period(), 2);
    assert_eq!(PlusDi::<f64>::default().warmup_period(), 15);
    assert_eq!(Dx::<f64>::default().warmup_period(), 15);
    assert_eq!(Adx::<f64>::default().warmup_period(), 28);
    assert_eq!(Adxr::<f64>::default().warmup_period(), 41);
    assert_eq!(Directional::<f64>::default().warmup_period(), 15);
    assert_eq!(Vortex::<f64>::default().warmup_period(), 15);
    let labels = [
        PlusDm::<f64>::default().to_string(),
        MinusDm::<f64>::default().to_string(),
        PlusDi::<f64>::default().to_string(),
        MinusDi::<f64>::default().to_string(),
        Dx::<f64>::default().to_string(),
        Adx::<f64>::default().to_string(),
        Adxr::<f64>::default().to_string(),
        Directional::<f64>::default().to_string(),
        Vortex::<f64>::default().to_string(),
    ];
    assert_eq!(
        labels,
        [
            "+DM(14)",
            "-DM(14)",
            "+DI(14)",
            "-DI(14)",
            "DX(14)",
            "ADX(14)",
            "ADXR(14)",
            "DMI(14)",
            "VORTEX(14)"
        ]
    );
}

#[test]
fn a_corrupt_state_is_refused() {
    let mut adx = Adx::<f64>::new(3).unwrap();
    adx.batch(&known_series());
    let json = serde_json::to_string(&adx).unwrap();
    assert_eq!(serde_json::from_str::<Adx>(&json).unwrap(), adx);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The saved movement holds its sums and counts, not Wilder's weights derived from the
    // period (derived again on loading: the loaded state equals the saved one, above).
    let movement = value
        .pointer("/core/movement")
        .unwrap()
        .as_object()
        .unwrap();
    let mut fields: Vec<&str> = movement.keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["minus", "moves", "period", "plus", "previous", "range"]
    );
    let mut extra = value.clone();
    let movement = extra.pointer_mut("/core/movement").unwrap();
    movement
        .as_object_mut()
        .unwrap()
        .insert("weights".into(), serde_json::json!([0.5, 0.5]));
    assert!(
        serde_json::from_value::<Adx>(extra).is_err(),
        "an unknown field accepted"
    );
    for (path, bad) in [
        ("/core/adx", serde_json::json!(101.0)),
        ("/core/movement/range", serde_json::json!(-1.0)),
        ("/core/count", serde_json::json!(9)),
    ] {
        let mut broken = value.clone();
        *broken.pointer_mut(path).unwrap() = bad;
        assert!(
            matches!(serde_json::from_value::<Adx>(broken), Err(e) if e.to_string().contains("invalid indicator state")),
            "{path} accepted"
        );
    }
}
