//! Known answers, computed by hand, for the bands, channels and stops of issue 10 where no
//! TA-Lib fixture covers them: the TradingView forms and the edge cases of the definitions.

use ta_stream::bar::Candle;
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
    assert!(near(b.middle, 12.5) && near(b.upper, 18.5) && near(b.lower, 6.5), "{b:?}");
    // TA-Lib: typical prices 11, 10, 12: seed 10.5, then 10.5 + (2/3)·1.5 = 11.5.
    let b = Keltner::new(2, 1, 2.0).unwrap().batch(&bars)[2].unwrap();
    assert!(near(b.middle, 11.5) && near(b.upper, 17.5) && near(b.lower, 5.5), "{b:?}");
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
