//! Known answers, computed by hand, for the bands, channels and stops of issue 10 where no
//! TA-Lib fixture covers them: the TradingView forms and the edge cases of the definitions.

use ta_stream::bar::Candle;
use ta_stream::trend::{ParabolicSar, SarSettings, SuperTrend, Trend};
use ta_stream::volatility::{AccelerationBands, Keltner, KeltnerSource};
use ta_stream::{Error, Indicator};

fn bar(open: f64, high: f64, low: f64, close: f64) -> Candle {
    Candle::new(open, high, low, close, 0.0).unwrap()
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

#[test]
fn keltner_tradingview_averages_the_close_and_talib_the_typical_price() {
    let bars = [
        bar(10.0, 12.0, 9.0, 12.0),
        bar(10.0, 11.0, 8.0, 11.0),
        bar(11.0, 13.0, 10.0, 13.0),
    ];
    // TradingView: EMA(2) of the closes seeded with mean(12, 11) = 11.5, then
    // 11.5 + (2/3)·(13 − 11.5) = 12.5; ATR(1) = the true range: 4, then 3.
    let mut tv = Keltner::tradingview(2, 1, 2.0).unwrap();
    assert_eq!(tv.source(), KeltnerSource::Close);
    let out: Vec<_> = tv.batch(&bars);
    assert_eq!(out[0], None);
    let b = out[1].unwrap();
    assert_eq!((b.upper, b.middle, b.lower), (19.5, 11.5, 3.5));
    let b = out[2].unwrap();
    assert!(
        near(b.middle, 12.5) && near(b.upper, 18.5) && near(b.lower, 6.5),
        "{b:?}"
    );
    // TA-Lib: typical prices 11, 10, 12: seed 10.5, then 10.5 + (2/3)·1.5 = 11.5.
    let b = Keltner::new(2, 1, 2.0).unwrap().batch(&bars)[2].unwrap();
    assert!(
        near(b.middle, 11.5) && near(b.upper, 17.5) && near(b.lower, 5.5),
        "{b:?}"
    );
    assert_eq!(tv.to_string(), "KC[close](2,1,2)");
}

#[test]
fn keltner_refuses_out_of_range_parameters_by_name() {
    let name = |r: Result<Keltner, Error>| match r {
        Err(Error::InvalidParameter { name, .. }) => name,
        other => panic!("{other:?}"),
    };
    assert_eq!(name(Keltner::new(0, 10, 2.0)), "period");
    assert_eq!(name(Keltner::new(20, 0, 2.0)), "atr_period");
    assert_eq!(name(Keltner::new(20, 10, 0.0)), "multiplier");
    assert_eq!(name(Keltner::new(20, 10, f64::NAN)), "multiplier");
}

#[test]
fn acceleration_bands_take_a_zero_ratio_when_high_plus_low_is_zero_and_refuse_overflow() {
    // high + low = 0: r = 0 (as TA-Lib), so the bands are the plain high and low.
    let mut bands = AccelerationBands::new(1).unwrap();
    let b = bands.update(bar(0.0, 1.0, -1.0, 0.5)).unwrap();
    assert_eq!((b.upper, b.middle, b.lower), (1.0, 0.5, -1.0));
    // high + low one ulp of 1e140 (≈ 2e123): r ≈ 4e17, high·(1 + r) ≈ 4e157 > 1e150: refused.
    let before = bands.clone();
    let low = -f64::from_bits(1e140_f64.to_bits() - 1);
    let bad = bar(0.0, 1e140, low, 0.0);
    assert_eq!(bands.try_update(bad), Err(Error::InvalidInput));
    assert_eq!(bands, before);
    assert_eq!(bands.update(bad), before.value());
}

fn stops(
    indicator: impl Indicator<Input = Candle, Output = ta_stream::trend::StopOutput>,
    bars: &[Candle],
) -> Vec<Option<(f64, Trend, bool)>> {
    let mut indicator = indicator;
    bars.iter()
        .map(|&b| indicator.update(b).map(|o| (o.stop, o.trend, o.flipped)))
        .collect()
}

#[test]
fn supertrend_talib_starts_up_after_n_plus_1_bars_and_tradingview_down_after_n() {
    let bars = [
        bar(10.0, 11.0, 9.0, 10.0),
        bar(10.0, 12.0, 9.0, 11.0),
        bar(10.0, 10.0, 7.0, 7.0),
        bar(10.0, 13.0, 10.0, 13.0),
    ];
    // TA-Lib: ATR(1) from the second bar (true ranges 3, 4, 6); midpoints 10.5, 8.5, 11.5.
    // Bar 1: bands 7.5 / 13.5, up at 7.5. Bar 2: lower kept at 7.5, upper min(12.5, 13.5);
    // close 7 < 7.5 flips down at 12.5. Bar 3: the close 7 was below 7.5, so the lower band
    // restarts at 5.5; close 13 > min(17.5, 12.5) flips up at 5.5.
    assert_eq!(
        stops(SuperTrend::new(1, 1.0).unwrap(), &bars),
        [
            None,
            Some((7.5, Trend::Up, false)),
            Some((12.5, Trend::Down, true)),
            Some((5.5, Trend::Up, true)),
        ]
    );
    // TradingView: the first bar's range 2 is its ATR: bands 8 / 12, down at 12. Bar 1: lower
    // max(7.5, 8), upper min(13.5, 12): still down at 12 (close 11). Bar 2: lower max(4.5, 8),
    // upper min(12.5, 12); close 7 is no flip down (already down). Bar 3: the close 7 was
    // below 8, lower restarts at 5.5; close 13 > 12 flips up at 5.5.
    assert_eq!(
        stops(SuperTrend::tradingview(1, 1.0).unwrap(), &bars),
        [
            Some((12.0, Trend::Down, false)),
            Some((12.0, Trend::Down, false)),
            Some((12.0, Trend::Down, false)),
            Some((5.5, Trend::Up, true)),
        ]
    );
}

#[test]
fn sarext_offsets_the_reversal_and_starts_where_told() {
    let bars = [
        bar(9.0, 10.0, 9.0, 10.0),
        bar(9.5, 11.0, 9.5, 11.0),
        bar(8.5, 11.5, 8.5, 11.5),
    ];
    // Long at 9 (−DM negative); the low 8.5 reaches the next SAR 9.04: short at the extreme
    // 11.5, moved up by 10 %: 12.65.
    let offset = SarSettings {
        offset_on_reverse: 0.1,
        ..SarSettings::default()
    };
    let out = stops(ParabolicSar::extended(offset).unwrap(), &bars);
    assert_eq!(out[1], Some((9.0, Trend::Up, false)));
    let (stop, trend, flipped) = out[2].unwrap();
    assert!(
        near(stop, 12.65) && trend == Trend::Down && flipped,
        "{:?}",
        out[2]
    );
    // A negative start value: short from the start at 20; the SAR then moves towards the
    // lowest low: 20 + 0.02·(9.5 − 20) = 19.79 for bar 2.
    let short = SarSettings {
        start_value: -20.0,
        ..SarSettings::default()
    };
    let out = stops(ParabolicSar::extended(short).unwrap(), &bars);
    assert_eq!(out[1], Some((20.0, Trend::Down, false)));
    let (stop, trend, _) = out[2].unwrap();
    assert!(near(stop, 19.79) && trend == Trend::Down, "{:?}", out[2]);
    // Parameters out of range are named.
    let bad = SarSettings {
        acceleration_max_short: 2.0,
        ..SarSettings::default()
    };
    assert!(matches!(
        ParabolicSar::extended(bad),
        Err(Error::InvalidParameter {
            name: "acceleration_max_short",
            ..
        })
    ));
    assert!(matches!(
        ParabolicSar::new(-0.1, 0.2),
        Err(Error::InvalidParameter {
            name: "acceleration",
            ..
        })
    ));
}

#[test]
fn an_ignored_bar_repeats_the_last_stop_without_its_flip() {
    let bars = [
        bar(10.0, 11.0, 9.0, 10.0),
        bar(10.0, 12.0, 9.0, 11.0),
        bar(10.0, 10.0, 7.0, 7.0),
    ];
    let mut st = SuperTrend::new(1, 1.0).unwrap();
    st.batch(&bars);
    let flip = st.value().unwrap();
    assert!(flip.flipped);
    let nan = Candle {
        close: f64::NAN,
        ..bars[0]
    };
    let quiet = st.update(nan).unwrap();
    assert_eq!(
        (quiet.stop, quiet.trend, quiet.flipped),
        (flip.stop, flip.trend, false)
    );
    assert_eq!(st.try_update(nan), Err(Error::InvalidInput));
}
