//! The universe path: every series of a universe is, bit for bit, a single streaming
//! indicator fed that series' inputs (unusable inputs in some series, whole ticks of them,
//! series that never get a usable input included), through `peek`, `update`, `value`,
//! `reset` and a serde round trip mid-stream; corrupt saved states are refused; the SMA's
//! window sums stay exact after a huge value passes through.
//!
//! Needs the `serde` feature (on by default): every property saves and loads mid-stream.
#![cfg(feature = "serde")]

use proptest::prelude::*;
use ta_stream::average::{Ema, Sma, Wma};
use ta_stream::bar::Candle;
use ta_stream::momentum::{FlatRsi, Rsi};
use ta_stream::universe::{EmaUniverse, RsiUniverse, SmaUniverse, Universe};
use ta_stream::volatility::Atr;
use ta_stream::{Error, Indicator, Real};

/// The API every universe shares, so that one checker drives them all.
trait AnyUniverse<T: Real>: Clone + PartialEq + std::fmt::Debug {
    fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error>;
    fn peek(&self, inputs: &[T], out: &mut [T]) -> Result<(), Error>;
    fn value(&self, series: usize) -> Option<T>;
    fn reset(&mut self);
    #[cfg(feature = "serde")]
    fn round_trip(&self) -> Self;
}

macro_rules! any_universe {
    ($($universe:ty),*) => {$(
        impl<T: Real + serde::Serialize + serde::de::DeserializeOwned> AnyUniverse<T> for $universe {
            fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
                <$universe>::update(self, inputs, out)
            }
            fn peek(&self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
                <$universe>::peek(self, inputs, out)
            }
            fn value(&self, series: usize) -> Option<T> {
                <$universe>::value(self, series)
            }
            fn reset(&mut self) {
                <$universe>::reset(self)
            }
            #[cfg(feature = "serde")]
            fn round_trip(&self) -> Self {
                let text = serde_json::to_string(self).unwrap();
                serde_json::from_str(&text).unwrap()
            }
        }
    )*};
}

any_universe!(SmaUniverse<T>, EmaUniverse<T>, RsiUniverse<T>);

impl<T, I> AnyUniverse<T> for Universe<I>
where
    T: Real,
    I: Indicator<Input = T, Output = T> + Clone + PartialEq + std::fmt::Debug,
    I: serde::Serialize + serde::de::DeserializeOwned,
{
    fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        Universe::update(self, inputs, out)
    }
    fn peek(&self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        Universe::peek(self, inputs, out)
    }
    fn value(&self, series: usize) -> Option<T> {
        Universe::value(self, series)
    }
    fn reset(&mut self) {
        Universe::reset(self)
    }
    #[cfg(feature = "serde")]
    fn round_trip(&self) -> Self {
        let text = serde_json::to_string(self).unwrap();
        serde_json::from_str(&text).unwrap()
    }
}

fn same_bits<T: Real>(a: T, b: T) -> bool {
    a.to_f64().map(f64::to_bits) == b.to_f64().map(f64::to_bits)
}

/// Feeds `ticks` (one row of `series` inputs each) to `universe` and to one `single` per
/// series, and checks at every tick: `peek`, then `update`, then `value`, bit for bit, NaN
/// where the single indicator has `None`. A serde round trip at tick `save_at` must change
/// nothing; at the end `reset` must give a fresh universe back.
fn check_universe<T, U, I>(mut universe: U, single: &I, ticks: &[Vec<T>], save_at: usize)
where
    T: Real,
    U: AnyUniverse<T>,
    I: Indicator<Input = T, Output = T> + Clone,
{
    let fresh = universe.clone();
    let series = ticks.first().map_or(0, Vec::len);
    let mut singles = vec![single.clone(); series];
    let mut out = vec![T::neg_infinity(); series];
    let mut peeked = vec![T::neg_infinity(); series];
    for (tick, inputs) in ticks.iter().enumerate() {
        if tick == save_at {
            let loaded = universe.round_trip();
            assert_eq!(loaded, universe, "round trip at tick {tick}");
            universe = loaded;
        }
        universe.peek(inputs, &mut peeked).unwrap();
        universe.update(inputs, &mut out).unwrap();
        for (s, (one, &x)) in singles.iter_mut().zip(inputs).enumerate() {
            let want_peek = one.peek(x);
            let want = one.update(x);
            let matches = |got: T, want: Option<T>| match want {
                Some(want) => same_bits(got, want),
                None => got.is_nan(),
            };
            assert!(
                matches(peeked[s], want_peek),
                "tick {tick} series {s} input {x:?}: peek {:?}, single {want_peek:?}",
                peeked[s]
            );
            assert!(
                matches(out[s], want),
                "tick {tick} series {s} input {x:?}: update {:?}, single {want:?}",
                out[s]
            );
            let value = universe.value(s);
            assert_eq!(
                value.map(|v| v.to_f64().map(f64::to_bits)),
                want.map(|v| v.to_f64().map(f64::to_bits)),
                "tick {tick} series {s}: value"
            );
        }
    }
    assert_eq!(universe.value(series), None, "past the last series");
    universe.reset();
    assert_eq!(universe, fresh, "reset");
}

/// What a series does over the ticks.
#[derive(Debug, Clone, Copy)]
enum Pattern {
    /// Every input usable.
    Clean,
    /// Some inputs unusable.
    Gappy,
    /// Never a usable input.
    Dead,
    /// Unusable until half-way (listed late).
    Late,
}

fn pattern() -> impl Strategy<Value = Pattern> {
    prop_oneof![
        6 => Just(Pattern::Clean),
        2 => Just(Pattern::Gappy),
        1 => Just(Pattern::Dead),
        1 => Just(Pattern::Late),
    ]
}

fn unusable() -> impl Strategy<Value = f64> {
    prop::sample::select(vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e300,
        -1e151,
        1e-200,
    ])
}

/// `series` × `ticks` inputs (rows are ticks): prices with per-series patterns of unusable
/// inputs, and some ticks where no series has a usable input (a holiday).
fn matrix() -> impl Strategy<Value = Vec<Vec<f64>>> {
    (1..150usize, 0..70usize).prop_flat_map(|(series, ticks)| {
        (
            prop::collection::vec(pattern(), series),
            prop::collection::vec(
                prop::collection::vec((-3.0..3.0_f64, 0..12u8, unusable()), series),
                ticks,
            ),
            prop::collection::vec(0..25u8, ticks),
        )
            .prop_map(move |(patterns, raw, holidays)| {
                let mut prices = vec![100.0; series];
                raw.into_iter()
                    .zip(holidays)
                    .enumerate()
                    .map(|(tick, (row, holiday))| {
                        row.into_iter()
                            .zip(&patterns)
                            .zip(prices.iter_mut())
                            .map(|(((step, roll, bad), pattern), price)| {
                                *price += step;
                                let usable = holiday != 0
                                    && match pattern {
                                        Pattern::Clean => true,
                                        Pattern::Gappy => roll != 0,
                                        Pattern::Dead => false,
                                        Pattern::Late => tick >= ticks / 2,
                                    };
                                if usable {
                                    *price
                                } else {
                                    bad
                                }
                            })
                            .collect()
                    })
                    .collect()
            })
    })
}

fn to_f32(ticks: &[Vec<f64>]) -> Vec<Vec<f32>> {
    ticks
        .iter()
        .map(|row| row.iter().map(|&x| x as f32).collect())
        .collect()
}

fn series_of(ticks: &[Vec<f64>]) -> usize {
    ticks.first().map_or(1, Vec::len)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn sma_universe_is_a_streaming_sma_per_series(ticks in matrix(), period in 1..12usize, save_at in 0..80usize) {
        let series = series_of(&ticks);
        check_universe(SmaUniverse::<f64>::new(series, period).unwrap(), &Sma::new(period).unwrap(), &ticks, save_at);
        let ticks = to_f32(&ticks);
        check_universe(SmaUniverse::<f32>::new_generic(series, period).unwrap(), &Sma::new_generic(period).unwrap(), &ticks, save_at);
    }

    #[test]
    fn ema_universe_is_a_streaming_ema_per_series(ticks in matrix(), period in 1..12usize, save_at in 0..80usize) {
        let series = series_of(&ticks);
        check_universe(EmaUniverse::<f64>::new(series, period).unwrap(), &Ema::new(period).unwrap(), &ticks, save_at);
        let ticks = to_f32(&ticks);
        check_universe(EmaUniverse::<f32>::new_generic(series, period).unwrap(), &Ema::new_generic(period).unwrap(), &ticks, save_at);
    }

    #[test]
    fn rsi_universe_is_a_streaming_rsi_per_series(ticks in matrix(), period in 1..12usize, save_at in 0..80usize, talib in any::<bool>()) {
        let series = series_of(&ticks);
        let flat = if talib { FlatRsi::TaLib } else { FlatRsi::Neutral };
        check_universe(
            RsiUniverse::<f64>::new(series, period).unwrap().with_flat(flat),
            &Rsi::new(period).unwrap().with_flat(flat),
            &ticks,
            save_at,
        );
        let ticks = to_f32(&ticks);
        check_universe(
            RsiUniverse::<f32>::new_generic(series, period).unwrap().with_flat(flat),
            &Rsi::new_generic(period).unwrap().with_flat(flat),
            &ticks,
            save_at,
        );
    }

    #[test]
    fn generic_universe_is_a_streaming_indicator_per_series(ticks in matrix(), period in 1..12usize, save_at in 0..80usize) {
        let series = series_of(&ticks);
        let wma = Wma::<f64>::new(period).unwrap();
        check_universe(Universe::new(series, wma.clone()).unwrap(), &wma, &ticks, save_at);
    }

    /// Flat stretches (repeated prices) exercise the RSI's `0/0` policy across series.
    #[test]
    fn rsi_universe_on_flat_prices(raw in prop::collection::vec(prop::collection::vec(prop::sample::select(vec![5.0, 5.0, 5.0, 6.0, f64::NAN]), 70), 0..40), period in 1..6usize) {
        let series = 70;
        check_universe(
            RsiUniverse::<f64>::new(series, period).unwrap().with_flat(FlatRsi::TaLib),
            &Rsi::new(period).unwrap().with_flat(FlatRsi::TaLib),
            &raw,
            usize::MAX,
        );
    }
}

/// Candles, through the generic universe: ATR per series equals a streaming ATR.
#[test]
fn generic_universe_over_candles() {
    let series = 5;
    let mut universe = Universe::new(series, Atr::<f64>::new(3).unwrap()).unwrap();
    let mut singles = vec![Atr::<f64>::new(3).unwrap(); series];
    let mut out = vec![0.0; series];
    for tick in 0..40 {
        let inputs: Vec<Candle<f64>> = (0..series)
            .map(|s| {
                let close = 100.0 + ((tick * (s + 3)) % 11) as f64;
                let mut candle =
                    Candle::new(close, close + 1.5, close - 0.5 * s as f64, close, 0.0).unwrap();
                if (tick + s) % 7 == 0 {
                    candle.high = f64::NAN; // unusable: ignored by this series only
                }
                candle
            })
            .collect();
        universe.update(&inputs, &mut out).unwrap();
        for (s, (one, &candle)) in singles.iter_mut().zip(&inputs).enumerate() {
            let want = one.update(candle);
            assert_eq!(out[s].is_nan(), want.is_none(), "tick {tick} series {s}");
            if let Some(want) = want {
                assert_eq!(out[s].to_bits(), want.to_bits(), "tick {tick} series {s}");
            }
        }
    }
    assert_eq!(universe.members(), singles.as_slice());
}

/// An independent reference: after a 1e15 spike has left every window, each series' SMA is
/// the exact mean of small integers (exactly representable), whatever phase the series is at.
/// Many series in step (the fast path over whole blocks of 64) until one input of one
/// series is refused mid-window, saved while every block is in step: each series still
/// equals its single indicator (the proptests above rarely keep 64 series in step).
#[test]
fn blocks_in_step_then_one_refused_input() {
    let series = 150;
    let ticks: Vec<Vec<f64>> = (0..60)
        .map(|tick| {
            (0..series)
                .map(|s| {
                    let refused = (tick == 23 && s == 70) || (tick == 41 && s == 149);
                    if refused {
                        f64::NAN
                    } else {
                        100.0 + ((tick * 7 + s * 13) % 17) as f64 - 0.25 * s as f64
                    }
                })
                .collect()
        })
        .collect();
    for period in [1, 5, 14] {
        let sma = Sma::new(period).unwrap();
        check_universe(SmaUniverse::new(series, period).unwrap(), &sma, &ticks, 19);
        check_universe(SmaUniverse::new(series, period).unwrap(), &sma, &ticks, 30);
        let rsi = Rsi::new(period).unwrap();
        check_universe(RsiUniverse::new(series, period).unwrap(), &rsi, &ticks, 30);
        let ema = Ema::new(period).unwrap();
        check_universe(EmaUniverse::new(series, period).unwrap(), &ema, &ticks, 30);
    }
}

#[test]
fn sma_universe_sums_do_not_drift() {
    let (series, period) = (130, 7);
    let mut universe = SmaUniverse::<f64>::new(series, period).unwrap();
    let mut out = vec![0.0; series];
    let mut history: Vec<Vec<f64>> = vec![Vec::new(); series];
    for tick in 0..10_000usize {
        let inputs: Vec<f64> = (0..series)
            .map(|s| {
                if tick == 500 + s {
                    1e15
                } else if (tick * 31 + s * 17) % 97 == 0 {
                    f64::NAN
                } else {
                    ((tick * 7 + s * 3) % 13) as f64
                }
            })
            .collect();
        universe.update(&inputs, &mut out).unwrap();
        for (s, &x) in inputs.iter().enumerate() {
            if !x.is_nan() {
                history[s].push(x);
            }
        }
    }
    for (s, accepted) in history.iter().enumerate() {
        let window = &accepted[accepted.len() - period..];
        let exact: f64 = window.iter().sum::<f64>() / period as f64;
        assert_eq!(out[s], exact, "series {s}: window {window:?}");
    }
}

#[test]
fn slices_of_the_wrong_length_are_refused_and_consume_nothing() {
    let mut sma = SmaUniverse::<f64>::new(3, 2).unwrap();
    let mut rsi = RsiUniverse::<f64>::new(3, 2).unwrap();
    let mut ema = EmaUniverse::<f64>::new(3, 2).unwrap();
    let mut generic = Universe::new(3, Sma::<f64>::new(2).unwrap()).unwrap();
    let mut out3 = [0.0; 3];
    let mut out2 = [0.0; 2];
    for inputs in [&[1.0, 2.0][..], &[1.0, 2.0, 3.0, 4.0]] {
        let err = sma.update(inputs, &mut out3).unwrap_err();
        assert!(
            matches!(err, Error::InvalidParameter { name: "inputs", .. }),
            "{err}"
        );
        assert!(rsi.update(inputs, &mut out3).is_err());
        assert!(ema.update(inputs, &mut out3).is_err());
        assert!(generic.update(inputs, &mut out3).is_err());
        assert!(sma.peek(inputs, &mut out3).is_err());
    }
    let err = sma.update(&[1.0, 2.0, 3.0], &mut out2).unwrap_err();
    assert!(
        matches!(err, Error::InvalidParameter { name: "out", .. }),
        "{err}"
    );
    assert!(rsi.update(&[1.0, 2.0, 3.0], &mut out2).is_err());
    assert!(ema.update(&[1.0, 2.0, 3.0], &mut out2).is_err());
    assert!(generic.update(&[1.0, 2.0, 3.0], &mut out2).is_err());
    assert_eq!(sma, SmaUniverse::new(3, 2).unwrap());
    assert_eq!(rsi, RsiUniverse::new(3, 2).unwrap());
    assert_eq!(ema, EmaUniverse::new(3, 2).unwrap());
    assert_eq!(generic, Universe::new(3, Sma::new(2).unwrap()).unwrap());
}

#[test]
fn invalid_parameters_are_refused_with_their_name() {
    let name = |err: Error| match err {
        Error::InvalidParameter { name, .. } => name,
        other => panic!("{other}"),
    };
    assert_eq!(name(SmaUniverse::<f64>::new(0, 3).unwrap_err()), "series");
    assert_eq!(name(SmaUniverse::<f64>::new(3, 0).unwrap_err()), "period");
    assert_eq!(
        name(SmaUniverse::<f64>::new(3, 100_001).unwrap_err()),
        "period"
    );
    assert_eq!(name(RsiUniverse::<f64>::new(0, 3).unwrap_err()), "series");
    assert_eq!(name(RsiUniverse::<f64>::new(3, 0).unwrap_err()), "period");
    assert_eq!(name(EmaUniverse::<f64>::new(0, 3).unwrap_err()), "series");
    assert_eq!(name(EmaUniverse::<f64>::new(3, 0).unwrap_err()), "period");
    assert_eq!(
        name(Universe::new(0, Sma::<f64>::new(3).unwrap()).unwrap_err()),
        "series"
    );
    assert_eq!(
        SmaUniverse::<f64>::new(0, 3).unwrap_err().to_string(),
        "invalid parameter `series` = 0: expected 1..=100000000"
    );
}

#[test]
fn display_names_the_indicator_and_the_number_of_series() {
    assert_eq!(
        SmaUniverse::<f64>::new(5000, 50).unwrap().to_string(),
        "SMA(50) x 5000"
    );
    assert_eq!(
        RsiUniverse::<f64>::new(3, 14).unwrap().to_string(),
        "RSI(14) x 3"
    );
    assert_eq!(
        EmaUniverse::<f64>::new(3, 9).unwrap().to_string(),
        "EMA(9) x 3"
    );
    assert_eq!(
        Universe::new(2, Atr::<f64>::new(14).unwrap())
            .unwrap()
            .to_string(),
        "ATR(14) x 2"
    );
}

#[cfg(feature = "serde")]
mod saved_states {
    use super::*;
    use serde_json::{json, Value};

    fn warmed_sma() -> SmaUniverse<f64> {
        let mut sma = SmaUniverse::new(3, 3).unwrap();
        let mut out = [0.0; 3];
        for tick in 0..5 {
            let x = f64::from(tick);
            sma.update(&[x, f64::NAN, x * 2.0], &mut out).unwrap();
        }
        sma
    }

    fn warmed_rsi() -> RsiUniverse<f64> {
        let mut rsi = RsiUniverse::new(2, 3).unwrap();
        let mut out = [0.0; 2];
        for x in [1.0, 3.0, 2.0, 5.0, 4.0] {
            rsi.update(&[x, -x], &mut out).unwrap();
        }
        rsi
    }

    fn warmed_ema() -> EmaUniverse<f64> {
        let mut ema = EmaUniverse::new(2, 3).unwrap();
        let mut out = [0.0; 2];
        for x in [1.0, 3.0, 2.0, 5.0] {
            ema.update(&[x, f64::NAN], &mut out).unwrap();
        }
        ema
    }

    fn refused<T: serde::de::DeserializeOwned>(state: Value) -> bool {
        serde_json::from_value::<T>(state).is_err()
    }

    fn edited(state: &impl serde::Serialize, edit: impl FnOnce(&mut Value)) -> Value {
        let mut value = serde_json::to_value(state).unwrap();
        edit(&mut value);
        value
    }

    #[test]
    fn saved_states_load_back_identically() {
        let sma = warmed_sma();
        let text = serde_json::to_string(&sma).unwrap();
        assert_eq!(
            serde_json::from_str::<SmaUniverse<f64>>(&text).unwrap(),
            sma
        );
        let rsi = warmed_rsi();
        let text = serde_json::to_string(&rsi).unwrap();
        assert_eq!(
            serde_json::from_str::<RsiUniverse<f64>>(&text).unwrap(),
            rsi
        );
        let ema = warmed_ema();
        let text = serde_json::to_string(&ema).unwrap();
        assert_eq!(
            serde_json::from_str::<EmaUniverse<f64>>(&text).unwrap(),
            ema
        );
    }

    #[test]
    fn corrupt_sma_states_are_refused() {
        let sma = warmed_sma();
        let refuse = |edit: &dyn Fn(&mut Value)| {
            let state = edited(&sma, |v| edit(v));
            assert!(
                refused::<SmaUniverse<f64>>(state.clone()),
                "accepted {state}"
            );
        };
        refuse(&|v| v["period"] = json!(0));
        refuse(&|v| v["period"] = json!(4));
        refuse(&|v| v["series"] = json!(0));
        refuse(&|v| v["series"] = json!(2));
        refuse(&|v| v["windows"][0] = json!(null));
        refuse(&|v| v["windows"][0] = json!(1e300));
        refuse(&|v| {
            v["windows"]
                .as_array_mut()
                .unwrap()
                .pop()
                .map(drop)
                .unwrap_or(())
        });
        refuse(&|v| v["next"][0] = json!(3));
        refuse(&|v| v["len"][0] = json!(4));
        refuse(&|v| v["len"][1] = json!(1)); // series 1 pushed nothing: next 0, length 1
        refuse(&|v| v["windows"][3] = json!(5.0)); // series 1 never pushed: its slots are 0
        refuse(&|v| v["next"].as_array_mut().unwrap().push(json!(0)));
        refuse(&|v| v["len"] = json!([3, 0]));
        // Series 0 pushed 0..5 with period 3: slots [3, 4, 2], the last the old block's
        // suffix sum (its value 2), bounded by one usable value.
        assert_eq!(
            edited(&sma, |_| {})["windows"],
            json!([3.0, 4.0, 2.0, 0.0, 0.0, 0.0, 6.0, 8.0, 4.0])
        );
        refuse(&|v| v["windows"][2] = json!(1e300));
        refuse(&|v| v["windows"][2] = json!(null));
        // Only a series whose block just completed has a block sum.
        refuse(&|v| v["block_sums"][0] = json!(1.0));
        refuse(&|v| {
            v["block_sums"]
                .as_array_mut()
                .unwrap()
                .pop()
                .map(drop)
                .unwrap_or(())
        });
    }

    /// Right after a block completes, the window is all suffix sums, and the window sum the
    /// push computed (oldest first) is saved with them: the state resumes bit for bit, and a
    /// block sum that no rounding of those values explains is refused.
    #[test]
    fn a_state_saved_as_a_block_completes_resumes_bit_for_bit() {
        let inputs = [0.1, 0.7, 1e-3, 0.3, 0.9, 0.2];
        let mut sma = SmaUniverse::new(1, 3).unwrap();
        let mut single = Sma::new(3).unwrap();
        let mut out = [0.0];
        for &x in &inputs[..3] {
            sma.update(&[x], &mut out).unwrap();
            single.update(x);
        }
        let saved = serde_json::to_value(&sma).unwrap();
        assert_eq!(saved["next"], json!([0]));
        // The suffix sums newest first, the block sum oldest first.
        assert_eq!(
            saved["windows"],
            json!([1e-3 + 0.7 + 0.1, 1e-3 + 0.7, 1e-3])
        );
        assert_eq!(saved["block_sums"], json!([0.0 + (0.1 + 0.7 + 1e-3)]));
        let mut loaded: SmaUniverse<f64> = serde_json::from_value(saved.clone()).unwrap();
        assert_eq!(loaded, sma);
        for &x in &inputs[3..] {
            loaded.update(&[x], &mut out).unwrap();
            assert_eq!(Some(out[0]), single.update(x));
        }
        let mut wrong = saved.clone();
        wrong["block_sums"][0] = json!(0.9);
        assert!(refused::<SmaUniverse<f64>>(wrong));
        let mut infinite = saved;
        infinite["block_sums"][0] = json!(null);
        assert!(refused::<SmaUniverse<f64>>(infinite));
    }

    #[test]
    fn corrupt_rsi_states_are_refused() {
        let rsi = warmed_rsi();
        let refuse = |edit: &dyn Fn(&mut Value)| {
            let state = edited(&rsi, |v| edit(v));
            assert!(
                refused::<RsiUniverse<f64>>(state.clone()),
                "accepted {state}"
            );
        };
        refuse(&|v| v["period"] = json!(0));
        refuse(&|v| v["count"][0] = json!(5));
        refuse(&|v| v["count"] = json!([]));
        refuse(&|v| v["gains"][0] = json!(-1.0));
        refuse(&|v| v["losses"][1] = json!(1e300));
        refuse(&|v| v["previous"][0] = json!(1e300));
        refuse(&|v| v["previous"][0] = json!(null));
        refuse(&|v| v["gains"].as_array_mut().unwrap().push(json!(0.0)));
        refuse(&|v| {
            v["count"][1] = json!(0); // no input yet, but a previous one and averages
        });
    }

    #[test]
    fn corrupt_ema_states_are_refused() {
        let ema = warmed_ema();
        let refuse = |edit: &dyn Fn(&mut Value)| {
            let state = edited(&ema, |v| edit(v));
            assert!(
                refused::<EmaUniverse<f64>>(state.clone()),
                "accepted {state}"
            );
        };
        refuse(&|v| v["period"] = json!(100_001));
        refuse(&|v| v["count"][0] = json!(4));
        refuse(&|v| v["state"][0] = json!(1e151));
        refuse(&|v| v["state"][1] = json!(1.0)); // no input yet: the sum is 0
        refuse(&|v| v["state"] = json!([1.0]));
        refuse(&|v| v["count"] = json!([3]));
    }

    #[test]
    fn corrupt_generic_states_are_refused() {
        let mut universe = Universe::new(2, Sma::<f64>::new(2).unwrap()).unwrap();
        let mut out = [0.0; 2];
        universe.update(&[1.0, 2.0], &mut out).unwrap();
        let text = serde_json::to_string(&universe).unwrap();
        assert_eq!(
            serde_json::from_str::<Universe<Sma<f64>>>(&text).unwrap(),
            universe
        );
        assert!(refused::<Universe<Sma<f64>>>(json!({ "members": [] })));
        let corrupt = edited(&universe, |v| v["members"][1]["sum"]["sum"] = json!(1e300));
        assert!(refused::<Universe<Sma<f64>>>(corrupt));
    }

    /// Any leaf of a saved state replaced by an extreme number: refused, or a state whose
    /// outputs stay finite (and within 0..=100 for the RSI) on the rest of the stream.
    fn mutations_keep_the_contract<U>(
        state: &U,
        mut feed: impl FnMut(&mut U, &mut [f64]) -> Result<(), Error>,
    ) where
        U: serde::Serialize + serde::de::DeserializeOwned,
    {
        let original = serde_json::to_value(state).unwrap();
        let mut paths = Vec::new();
        collect_leaves(&original, &mut Vec::new(), &mut paths);
        let replacements = [
            json!(-1.0),
            json!(0),
            json!(1e150),
            json!(-1e150),
            json!(1e300),
            json!(7),
            json!(usize::MAX),
        ];
        for path in &paths {
            for replacement in &replacements {
                let mut mutated = original.clone();
                *pointer(&mut mutated, path) = replacement.clone();
                if let Ok(mut loaded) = serde_json::from_value::<U>(mutated) {
                    let mut out = vec![0.0; 64];
                    for _ in 0..8 {
                        feed(&mut loaded, &mut out).unwrap();
                        assert!(
                            out.iter().all(|x| x.is_nan() || x.is_finite()),
                            "{path:?} = {replacement}: {out:?}"
                        );
                    }
                }
            }
        }
    }

    fn collect_leaves(value: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(json!(index));
                    collect_leaves(item, path, out);
                    path.pop();
                }
            }
            Value::Object(fields) => {
                for (key, item) in fields {
                    path.push(json!(key));
                    collect_leaves(item, path, out);
                    path.pop();
                }
            }
            _ => out.push(path.clone()),
        }
    }

    fn pointer<'a>(value: &'a mut Value, path: &[Value]) -> &'a mut Value {
        path.iter().fold(value, |value, step| match step {
            Value::String(key) => &mut value[key.as_str()],
            Value::Number(index) => &mut value[index.as_u64().unwrap() as usize],
            _ => unreachable!(),
        })
    }

    #[test]
    fn mutated_states_are_refused_or_stay_finite() {
        let series = 3;
        let ticks = [1e150, -1e150, 1e-150];
        let mut tick = 0;
        mutations_keep_the_contract(&warmed_sma(), |u: &mut SmaUniverse<f64>, out| {
            tick += 1;
            u.update(&vec![ticks[tick % 3]; series], &mut out[..series])
        });
        mutations_keep_the_contract(&warmed_rsi(), |u: &mut RsiUniverse<f64>, out| {
            tick += 1;
            u.update(&[ticks[tick % 3]; 2], &mut out[..2])?;
            assert!(out[..2]
                .iter()
                .all(|x| x.is_nan() || (0.0..=100.0).contains(x)));
            Ok(())
        });
        mutations_keep_the_contract(&warmed_ema(), |u: &mut EmaUniverse<f64>, out| {
            tick += 1;
            u.update(&[ticks[tick % 3]; 2], &mut out[..2])
        });
    }
}
