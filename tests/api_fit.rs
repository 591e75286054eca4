//! The API-fit additions: `Candle` from a tuple or an array, the `chrono` re-export,
//! `percentile_ranks_of` for `Option` outputs, `Indicator::warm_up`, the `LevelsConfig`
//! builder, and matching the `#[non_exhaustive]` configuration enums from outside the crate.

use ta_stream::average::{Ema, Rma, Seed};
use ta_stream::bar::{Bar, Candle};
use ta_stream::chrono::{TimeZone, Utc};
use ta_stream::levels::{LevelsConfig, SupportResistance, Tolerance};
use ta_stream::momentum::{FlatRsi, Rsi};
use ta_stream::relative::{percentile_ranks, percentile_ranks_of};
use ta_stream::{Error, Indicator};

#[test]
fn candle_from_a_tuple_or_an_array_is_candle_new_in_open_high_low_close_volume_order() {
    let expected = Candle {
        open: 100.0,
        high: 105.0,
        low: 99.0,
        close: 104.0,
        volume: 1_000.0,
    };
    assert_eq!(
        Candle::try_from((100.0, 105.0, 99.0, 104.0, 1_000.0)),
        Ok(expected)
    );
    assert_eq!(
        Candle::try_from([100.0, 105.0, 99.0, 104.0, 1_000.0]),
        Ok(expected)
    );
    let single: Result<Candle<f32>, Error> = [1.0_f32, 2.0, 0.5, 1.5, 0.0].try_into();
    assert_eq!(single.map(|c| c.low), Ok(0.5));
}

#[test]
fn candle_from_a_tuple_or_an_array_is_validated() {
    let invalid = [
        (100.0, 99.0, 101.0, 100.0, 0.0),  // high below low
        (98.0, 105.0, 99.0, 104.0, 0.0),   // open below low
        (100.0, 105.0, 99.0, 106.0, 0.0),  // close above high
        (100.0, 105.0, 99.0, 104.0, -1.0), // negative volume
        (f64::NAN, 105.0, 99.0, 104.0, 0.0),
        (100.0, f64::INFINITY, 99.0, 104.0, 0.0),
        (100.0, 1e151, 99.0, 104.0, 0.0), // beyond the usable range
    ];
    for row in invalid {
        let (o, h, l, c, v) = row;
        assert!(
            matches!(Candle::try_from(row), Err(Error::InvalidBar(_))),
            "{row:?}"
        );
        assert!(
            matches!(Candle::try_from([o, h, l, c, v]), Err(Error::InvalidBar(_))),
            "{row:?}"
        );
    }
}

#[test]
fn chrono_is_re_exported_for_bar_timestamps() {
    let time = Utc
        .with_ymd_and_hms(2025, 11, 11, 15, 30, 0)
        .single()
        .unwrap();
    let bar = Bar::new(time, Candle::new(1.0, 2.0, 0.5, 1.5, 0.0).unwrap());
    // The same type as the crate's own `chrono`: the field takes it as is.
    let _: ta_stream::chrono::DateTime<ta_stream::chrono::Utc> = bar.timestamp;
    assert_eq!(bar.timestamp.to_rfc3339(), "2025-11-11T15:30:00+00:00");
}

#[test]
fn percentile_ranks_of_options_rates_none_as_none_and_the_rest_as_percentile_ranks() {
    // Expected by hand: 4 values, rating round(1 + 98·below/3).
    let outputs = [
        Some(4.0),
        None,
        Some(-1.0),
        Some(2.5),
        Some(0.0),
        Some(f64::NAN),
    ];
    assert_eq!(
        percentile_ranks_of(&outputs),
        [Some(99), None, Some(1), Some(66), Some(34), None]
    );
    // Ties share the average rating, as in `percentile_ranks`.
    assert_eq!(
        percentile_ranks_of(&[Some(1.0), Some(1.0), None, Some(2.0)]),
        [Some(26), Some(26), None, Some(99)]
    );
    assert_eq!(
        percentile_ranks_of(&[None, Some(3.0_f32)]),
        [None, Some(50)]
    );
    assert!(percentile_ranks_of::<f64>(&[]).is_empty());
    assert_eq!(percentile_ranks_of::<f64>(&[None, None]), [None, None]);
    // All `Some`: identical to `percentile_ranks` of the values.
    let values = [3.0, -2.0, 7.5, 3.0, 0.1, 12.0, -2.0];
    let wrapped: Vec<Option<f64>> = values.iter().copied().map(Some).collect();
    assert_eq!(percentile_ranks_of(&wrapped), percentile_ranks(&values));
}

#[test]
fn warm_up_returns_the_last_output_and_leaves_the_state_of_an_update_loop() {
    let history: Vec<f64> = (0..100)
        .map(|i| 50.0 + (f64::from(i) * 0.7).sin() * 3.0)
        .collect();
    let mut looped = Rsi::new(14).unwrap();
    let outputs = looped.batch(&history);
    let mut warmed = Rsi::new(14).unwrap();
    let last = warmed.warm_up(history.iter().copied());
    assert_eq!(last, *outputs.last().unwrap());
    assert_eq!(
        last.map(f64::to_bits),
        looped.value().map(f64::to_bits),
        "bit-identical"
    );
    assert_eq!(warmed, looped);
    // Streaming on after warm_up continues exactly as after the loop.
    assert_eq!(warmed.update(51.0), looped.update(51.0));
    // A Vec works as well as an iterator; an empty history changes nothing.
    let mut ema = Ema::with_seed(3, Seed::FirstValue).unwrap();
    assert_eq!(ema.warm_up(vec![1.0, 2.0, 3.0]), ema.value());
    let before = ema.clone();
    assert_eq!(ema.warm_up(Vec::new()), None);
    assert_eq!(ema, before);
}

#[test]
fn levels_config_builder_sets_each_field_and_keeps_the_other_defaults() {
    let default = LevelsConfig::<f64>::default();
    let built = LevelsConfig::default()
        .with_bars(3)
        .with_tolerance(Tolerance::Atr {
            multiple: 0.5,
            period: 10,
        })
        .with_break_percent(None)
        .with_break_closes(Some(4))
        .with_capacity(8)
        .with_max_age(None);
    let mut assigned = LevelsConfig::default();
    assigned.bars = 3;
    assigned.tolerance = Tolerance::Atr {
        multiple: 0.5,
        period: 10,
    };
    assigned.break_percent = None;
    assigned.break_closes = Some(4);
    assigned.capacity = 8;
    assigned.max_age = None;
    assert_eq!(built, assigned);
    assert_ne!(built, default);
    let only_bars = default.with_bars(2);
    assert_eq!(only_bars.bars, 2);
    assert_eq!(only_bars.with_bars(default.bars), default);
    assert!(SupportResistance::new(built).is_ok());
    let invalid = default.with_capacity(1);
    assert!(matches!(
        SupportResistance::new(invalid),
        Err(Error::InvalidParameter {
            name: "capacity",
            ..
        })
    ));
}

#[test]
fn non_exhaustive_configuration_enums_match_with_a_wildcard_outside_the_crate() {
    let describe = |flat: FlatRsi| match flat {
        FlatRsi::Neutral => "50",
        FlatRsi::TaLib => "0",
        _ => "a later convention",
    };
    assert_eq!(describe(FlatRsi::default()), "50");
    assert_eq!(describe(FlatRsi::TaLib), "0");
}

// f64 by default, f32 on request: the constructors whose arguments do not name the float type
// are on the default (f64) type, so a call without turbofish compiles on its own; each has a
// `_generic` twin for f32 and generic code. These tests are compile-time by construction (a
// constructor that stops inferring breaks the build) and check a value computed by hand.

/// Compiles only for an `f64` output: proof that the constructor inferred `f64`.
fn is_f64(_: Option<f64>) {}

#[test]
fn average_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::average::{Sma, Tema};
    // SMA(2) of 1, 3 is 2; EMA(2) seeded with the first value: 1, then 1 + (3 − 1)·2/3 = 7/3.
    assert_eq!(Sma::new(2)?.batch(&[1.0, 3.0]), [None, Some(2.0)]);
    assert_eq!(Sma::new(20)?.period(), 20);
    let mut ema = Ema::with_seed(2, Seed::FirstValue)?;
    assert_eq!(ema.update(1.0), Some(1.0));
    let next = ema.update(3.0);
    is_f64(next);
    assert!((next.unwrap_or(f64::NAN) - 7.0 / 3.0).abs() < 1e-12);
    is_f64(Tema::new(3)?.value());
    Ok(())
}

#[test]
fn momentum_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::average::Sma;
    use ta_stream::momentum::{Adx, Kdj, Macd, MacdExt, Ppo, Roc, StochRsi};
    assert_eq!(Rsi::new(14)?.period(), 14);
    // Changes +1, −0.5: average gain 0.5, average loss 0.25, RSI = 100·0.5/0.75.
    let mut rsi = Rsi::new(2)?;
    assert_eq!(rsi.update(10.0), None);
    assert_eq!(rsi.update(11.0), None);
    let out = rsi.update(10.5);
    is_f64(out);
    assert!((out.unwrap_or(f64::NAN) - 200.0 / 3.0).abs() < 1e-9);
    // ROC(1) of 100 then 150: +50 %. (`Roc` comes from a macro: same rule.)
    assert_eq!(Roc::new(1)?.batch(&[100.0, 150.0]), [None, Some(50.0)]);
    is_f64(Adx::new(14)?.value());
    assert_eq!(Macd::new(12, 26, 9)?.to_string(), "MACD(12,26,9)");
    // Generic over an average: the average's constructor fixes the float type.
    let ppo = Ppo::new(12, 26, Ema::new)?;
    assert_eq!((ppo.fast_period(), ppo.slow_period()), (12, 26));
    is_f64(ppo.value());
    let macd = MacdExt::new(Ema::new(12)?, Ema::new(26)?, Sma::new(9)?);
    is_f64(macd.value().map(|out| out.macd));
    is_f64(
        StochRsi::new(14, 14, Sma::new(3)?)?
            .value()
            .map(|out| out.k),
    );
    is_f64(
        Kdj::new(9, Rma::new(3)?, Rma::new(3)?)?
            .value()
            .map(|out| out.j),
    );
    Ok(())
}

#[test]
fn signal_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::signal::{Cross, Crossover, MaCross, MaPosition};
    let mut cross = Crossover::new();
    assert_eq!(cross.update((1.0, 2.0)), None);
    assert_eq!(cross.update((3.0, 2.0)), Some(Some(Cross::Above)));
    let golden = MaCross::new(50, 200)?;
    assert_eq!(golden.fast().period(), 50);
    let _: &ta_stream::average::Sma<f64> = golden.slow();
    let ema_cross = MaCross::ema(12, 26)?;
    let _: &Ema<f64> = ema_cross.fast();
    assert!(MaPosition::key_averages().is_ok());
    Ok(())
}

#[test]
fn level_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::levels::{ReactionLow, SwingPivots};
    let levels = SupportResistance::new(LevelsConfig::new())?;
    assert_eq!(levels.config(), &LevelsConfig::<f64>::default());
    assert_eq!(levels.levels().count(), 0);
    let _: SwingPivots<f64> = SwingPivots::new(2)?;
    let _: ReactionLow<f64> = ReactionLow::new(3)?;
    Ok(())
}

#[test]
fn pattern_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::pattern::{CandlePatterns, CandleSettings, Doji, Engulfing, Signal};
    let mut doji = Doji::new();
    let candle = Candle::new(10.0, 11.0, 9.0, 10.5, 0.0)?;
    for _ in 0..10 {
        assert_eq!(doji.update(candle), None);
    }
    // Body 0.1 against 0.1 × the mean range 2 of the ten candles before: a doji.
    let flat = Candle::new(10.0, 11.0, 9.0, 10.1, 0.0)?;
    assert_eq!(doji.update(flat), Some(Some(Signal::Neutral)));
    assert_eq!(doji.penetration(), 0.0_f64);
    let _: Engulfing<f64> = Engulfing::with_settings(CandleSettings::default())?;
    let all = CandlePatterns::new();
    let _: &CandlePatterns<f64> = &all;
    assert!(all.patterns().count() > 60);
    Ok(())
}

#[test]
fn relative_sentiment_universe_and_other_constructors_infer_f64() -> Result<(), Error> {
    use ta_stream::relative::Correlation;
    use ta_stream::sentiment::{PutCall, Thresholds};
    use ta_stream::statistics::{LinearRegression, RollingMax};
    use ta_stream::universe::RsiUniverse;
    use ta_stream::volatility::Atr;
    use ta_stream::volume::Obv;
    // Pairs on the line y = 2x + 1: r = 1 (TA-Lib mode correlates the inputs themselves).
    let r = Correlation::talib(3)?.batch(&[(1.0, 3.0), (2.0, 5.0), (3.0, 7.0)]);
    is_f64(r[2]);
    assert!((r[2].unwrap_or(f64::NAN) - 1.0).abs() < 1e-12);
    is_f64(Correlation::new(20)?.value());
    assert_eq!(
        RollingMax::new(3)?.batch(&[1.0, 5.0, 2.0, 0.0]),
        [None, None, Some(5.0), Some(5.0)]
    );
    is_f64(LinearRegression::new(14)?.value());
    is_f64(Atr::new(14)?.value());
    is_f64(Obv::new().value());
    let _: PutCall<f64> = PutCall::new(3, 20)?;
    let _: Thresholds<f64> = Thresholds::total_levels();
    let universe = RsiUniverse::new(3, 14)?;
    let _: &RsiUniverse<f64> = &universe;
    Ok(())
}

#[test]
fn float_window_building_blocks_infer_f64() -> Result<(), Error> {
    use ta_stream::window::{CompensatedSum, Extremum, MonotonicDeque, RollingSum};
    // Sum of the last 3 of 1, 2, 3, 4: 9.
    let mut sum = RollingSum::new(3)?;
    for x in [1.0, 2.0, 3.0, 4.0] {
        sum.push(x);
    }
    assert_eq!(sum.sum(), 9.0_f64);
    assert_eq!(RollingSum::new(20)?.period(), 20);
    let _: MonotonicDeque<f64> = MonotonicDeque::new(3, Extremum::Max)?;
    let _: CompensatedSum<f64> = CompensatedSum::new();
    let _: RollingSum<f32> = RollingSum::new_generic(3)?;
    Ok(())
}

#[test]
fn f32_and_generic_code_use_the_generic_twins() -> Result<(), Error> {
    use ta_stream::average::Sma;
    use ta_stream::pattern::Doji;
    use ta_stream::signal::{Cross, Crossover};
    use ta_stream::Real;

    // The same RSI as above in f32.
    let mut rsi = Rsi::<f32>::new_generic(2)?;
    let out: Vec<Option<f32>> = rsi.batch(&[10.0_f32, 11.0, 10.5]);
    assert!((out[2].unwrap_or(f32::NAN) - 200.0 / 3.0).abs() < 1e-4);
    let mut cross = Crossover::<f32>::new_generic();
    assert_eq!(cross.update((1.0, 2.0)), None);
    assert_eq!(cross.update((3.0, 2.0)), Some(Some(Cross::Above)));
    let _: Doji<f32> = Doji::new_generic();

    // In generic code the float type comes from the context.
    fn sma_last<T: Real>(period: usize, xs: &[T]) -> Result<Option<T>, Error> {
        let mut sma = Sma::new_generic(period)?;
        Ok(sma.batch(xs).last().copied().flatten())
    }
    assert_eq!(sma_last(2, &[1.0_f32, 3.0])?, Some(2.0_f32));
    assert_eq!(sma_last(2, &[1.0_f64, 3.0])?, Some(2.0_f64));
    Ok(())
}

#[test]
fn explicit_f64_and_default_still_work() -> Result<(), Error> {
    // `::<f64>::new` is the same constructor; `Default` stays generic and infers from a type.
    assert_eq!(Rsi::<f64>::new(14)?, Rsi::new(14)?);
    let rsi: Rsi = Default::default();
    assert_eq!(rsi.period(), 14);
    let rsi32: Rsi<f32> = Rsi::default();
    assert_eq!(rsi32.period(), 14);
    Ok(())
}
