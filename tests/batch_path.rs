//! `Indicator::batch` of the indicators whose output is a number and that have no slice path
//! of their own (those that have one are checked the same way in `slice_path.rs`): bit for
//! bit the outputs of `update` called in a loop (`None` where it returns `None`), and the same
//! final state, whatever the inputs (unusable ones, extremes, zeros, flat stretches), in `f64`
//! and `f32`, over histories longer than the chunks `batch` runs the slice path in where it
//! does (CMO, EFI, VWAP, ADOSC, HMA, KAMA, SUM, RVI, RVOL, PERFSPREAD).
//! Such a `batch` reads a NaN of the slice path as `None`; a `Some(NaN)` from `update` (which
//! the crate's contract rules out) would fail here. MACD's `batch` runs its three-column path
//! (`lines_into`) likewise, checked the same way.

mod common;

use common::batch::check_batch_equals_streaming;
use proptest::prelude::*;
use ta_stream::average::{Ema, Hma, HtTrendline, Identity, Kama, Mavp, Sma, Trima, Vwma, Zlema};
use ta_stream::bar::Candle;
use ta_stream::cycle::{HtDcPeriod, HtDcPhase};
use ta_stream::math::{MathFunction, MathTransform, Sum};
use ta_stream::momentum::{
    Accelerator, Apo, AroonOscillator, AwesomeOscillator, Bop, Cci, Cmo, Cmou, Coppock, Dpo,
    EfficiencyRatio, Imi, Macd, MacdOutput, Ppo, Qstick, UltimateOscillator,
    VerticalHorizontalFilter, Wad, WilliamsR,
};
use ta_stream::price::{AverageDeviation, AveragePrice, MedianPrice, TypicalPrice, WeightedClose};
use ta_stream::relative::{Beta, Correlation, Mansfield, PerformanceSpread};
use ta_stream::risk::RealizedVolatility;
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, MidPrice, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};
use ta_stream::volatility::{AverageDayRange, ChaikinVolatility, MassIndex, RelativeVolatility};
use ta_stream::volume::{
    AccumulationDistribution, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex, MarketFacilitation,
    RelativeVolume, VolumeIndex, VolumeSide, Vwap,
};
use ta_stream::{Indicator, Real};

/// Mostly a walk of prices, with unusable values (NaN, ±∞, magnitudes out of range),
/// extremes, zeros and flat stretches; long enough for several of `batch`'s chunks.
fn values() -> impl Strategy<Value = Vec<f64>> {
    let value = prop_oneof![
        40 => 1.0..1000.0_f64,
        4 => -1e6..1e6_f64,
        2 => prop::sample::select(vec![5.0, 5.0, 5.0, 100.0]),
        1 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e151, -1e200, 1e-300, 0.0, -0.0,
            1e150, -1e150, 1e-150, 5e-324,
        ]),
    ];
    prop::collection::vec(value, 0..700)
}

/// Candles around a walk (volumes from 0 up), some with an unusable number, the close
/// outside the range, a zero range or an extreme magnitude.
fn candles(raw: &[(f64, f64, f64, f64, u8)]) -> Vec<Candle<f64>> {
    let mut close: f64 = 100.0;
    raw.iter()
        .map(|&(step, up, down, volume, poison)| {
            close = (close + step).max(1.0);
            let mut candle = Candle {
                open: close - step / 2.0,
                high: close + up,
                low: close - down,
                close,
                volume,
            };
            match poison {
                0 => candle.high = f64::NAN,
                1 => candle.close = f64::INFINITY,
                2 => candle.low = -1e300,
                3 => candle.volume = f64::NAN,
                4 => candle.close = candle.high + 1.0,
                5 => (candle.open, candle.high, candle.low) = (close, close, close),
                6 => {
                    candle = Candle {
                        open: 1e150,
                        high: 1e150,
                        low: 1e150,
                        close: 1e150,
                        volume,
                    }
                }
                _ => {}
            }
            candle
        })
        .collect()
}

fn raw_candles() -> impl Strategy<Value = Vec<(f64, f64, f64, f64, u8)>> {
    let volume = prop_oneof![8 => 0.0..1e6_f64, 1 => Just(0.0)];
    prop::collection::vec(
        (-5.0..5.0_f64, 0.0..3.0_f64, 0.0..3.0_f64, volume, 0..60u8),
        0..700,
    )
}

/// Checks every indicator of numbers read from one price each.
fn check_prices<T: Real + std::fmt::Debug>(inputs: &[T], period: usize, split: usize) {
    let p = period;
    check_batch_equals_streaming("HMA", &Hma::<T>::new_generic(p).unwrap(), inputs, split);
    check_batch_equals_streaming("HT_TRENDLINE", &HtTrendline::<T>::default(), inputs, split);
    check_batch_equals_streaming("IDENTITY", &Identity::<T>::default(), inputs, split);
    check_batch_equals_streaming("KAMA", &Kama::<T>::new_generic(p).unwrap(), inputs, split);
    check_batch_equals_streaming("TRIMA", &Trima::<T>::new_generic(p).unwrap(), inputs, split);
    check_batch_equals_streaming("ZLEMA", &Zlema::<T>::new_generic(p).unwrap(), inputs, split);
    check_batch_equals_streaming("HT_DCPERIOD", &HtDcPeriod::<T>::default(), inputs, split);
    check_batch_equals_streaming("HT_DCPHASE", &HtDcPhase::<T>::default(), inputs, split);
    check_batch_equals_streaming("SUM", &Sum::<T>::new_generic(p).unwrap(), inputs, split);
    for function in [
        MathFunction::Sqrt,
        MathFunction::Ln,
        MathFunction::Exp,
        MathFunction::Acos,
    ] {
        let transform = MathTransform::<T>::new_generic(function);
        check_batch_equals_streaming("math transform", &transform, inputs, split);
    }
    let apo = Apo::new(p, p + 3, Ema::<T>::new_generic).unwrap();
    check_batch_equals_streaming("APO", &apo, inputs, split);
    let ppo = Ppo::new(p, p + 3, Sma::<T>::new_generic).unwrap();
    check_batch_equals_streaming("PPO", &ppo, inputs, split);
    check_batch_equals_streaming("CMO", &Cmo::<T>::new_generic(p).unwrap(), inputs, split);
    check_batch_equals_streaming("CMOU", &Cmou::<T>::new_generic(p).unwrap(), inputs, split);
    let coppock = Coppock::<T>::new_generic(p, p + 2, p + 1).unwrap();
    check_batch_equals_streaming("COPPOCK", &coppock, inputs, split);
    check_batch_equals_streaming("DPO", &Dpo::<T>::new_generic(p).unwrap(), inputs, split);
    let er = EfficiencyRatio::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("ER", &er, inputs, split);
    let vhf = VerticalHorizontalFilter::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("VHF", &vhf, inputs, split);
    let avgdev = AverageDeviation::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("AVGDEV", &avgdev, inputs, split);
    let volatility = RealizedVolatility::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("realised volatility", &volatility, inputs, split);
    let fosc = ForecastOscillator::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("FOSC", &fosc, inputs, split);
    let linearreg = LinearRegression::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("LINEARREG", &linearreg, inputs, split);
    let slope = RegressionSlope::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("LINEARREG_SLOPE", &slope, inputs, split);
    let intercept = RegressionIntercept::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("LINEARREG_INTERCEPT", &intercept, inputs, split);
    let angle = RegressionAngle::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("LINEARREG_ANGLE", &angle, inputs, split);
    let tsf = TimeSeriesForecast::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("TSF", &tsf, inputs, split);
    let rank = PercentRank::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("PERCENTRANK", &rank, inputs, split);
    let percentile = Percentile::<T>::new_generic(p, 90.0).unwrap();
    check_batch_equals_streaming("PERCENTILE", &percentile, inputs, split);
    let rvi = RelativeVolatility::<T>::new_generic(p, p).unwrap();
    check_batch_equals_streaming("RVI", &rvi, inputs, split);
    let rvol = RelativeVolume::<T>::new_generic(p).unwrap();
    check_batch_equals_streaming("RVOL", &rvol, inputs, split);
}

/// Checks every indicator of numbers read from two numbers each: `pairs` of prices, and
/// (price, volume) with the volume the second price's magnitude.
fn check_pairs(pairs: &[(f64, f64)], period: usize, split: usize) {
    let p = period;
    let volumes: Vec<(f64, f64)> = pairs.iter().map(|&(x, y)| (x, y.abs())).collect();
    check_batch_equals_streaming("VWMA", &Vwma::new(p).unwrap(), &volumes, split);
    check_batch_equals_streaming("EFI", &ForceIndex::new(p).unwrap(), &volumes, split);
    for side in [VolumeSide::Falling, VolumeSide::Rising] {
        check_batch_equals_streaming("NVI/PVI", &VolumeIndex::new(side), &volumes, split);
    }
    check_batch_equals_streaming("BETA", &Beta::new(p).unwrap(), pairs, split);
    check_batch_equals_streaming("CORREL", &Correlation::new(p).unwrap(), pairs, split);
    check_batch_equals_streaming("Mansfield", &Mansfield::new(p).unwrap(), pairs, split);
    let spread = PerformanceSpread::new(p).unwrap();
    check_batch_equals_streaming("PERFSPREAD", &spread, pairs, split);
    // The period column: periods from 0 to 40, some unusable.
    let periods: Vec<(f64, f64)> = pairs.iter().map(|&(x, y)| (x, (y % 41.0).abs())).collect();
    let mavp = Mavp::new(2, p + 5, Ema::new).unwrap();
    check_batch_equals_streaming("MAVP", &mavp, &periods, split);
}

/// Checks every indicator of numbers read from candles.
fn check_candles(bars: &[Candle<f64>], period: usize, split: usize) {
    let p = period;
    check_batch_equals_streaming("AC", &Accelerator::default(), bars, split);
    check_batch_equals_streaming("AROONOSC", &AroonOscillator::new(p).unwrap(), bars, split);
    check_batch_equals_streaming("AO", &AwesomeOscillator::default(), bars, split);
    check_batch_equals_streaming("BOP", &Bop::new(), bars, split);
    check_batch_equals_streaming("CCI", &Cci::new(p).unwrap(), bars, split);
    check_batch_equals_streaming("IMI", &Imi::new(p).unwrap(), bars, split);
    check_batch_equals_streaming("QSTICK", &Qstick::new(p).unwrap(), bars, split);
    let ultosc = UltimateOscillator::new(p, p + 1, p + 2).unwrap();
    check_batch_equals_streaming("ULTOSC", &ultosc, bars, split);
    check_batch_equals_streaming("WAD", &Wad::new(), bars, split);
    check_batch_equals_streaming("WILLR", &WilliamsR::new(p).unwrap(), bars, split);
    check_batch_equals_streaming("TYPPRICE", &TypicalPrice::new(), bars, split);
    check_batch_equals_streaming("AVGPRICE", &AveragePrice::new(), bars, split);
    check_batch_equals_streaming("MEDPRICE", &MedianPrice::new(), bars, split);
    check_batch_equals_streaming("WCLPRICE", &WeightedClose::new(), bars, split);
    check_batch_equals_streaming("MIDPRICE", &MidPrice::new(p).unwrap(), bars, split);
    check_batch_equals_streaming("ADR", &AverageDayRange::new(p).unwrap(), bars, split);
    let cvi = ChaikinVolatility::new(p, p + 1).unwrap();
    check_batch_equals_streaming("CVI", &cvi, bars, split);
    check_batch_equals_streaming("MASSI", &MassIndex::new(p, p + 2).unwrap(), bars, split);
    check_batch_equals_streaming("AD", &AccumulationDistribution::new(), bars, split);
    check_batch_equals_streaming("CMF", &ChaikinMoneyFlow::new(p).unwrap(), bars, split);
    let adosc = ChaikinOscillator::new(p, p + 3).unwrap();
    check_batch_equals_streaming("ADOSC", &adosc, bars, split);
    check_batch_equals_streaming("MARKETFI", &MarketFacilitation::new(), bars, split);
    check_batch_equals_streaming("VWAP", &Vwap::new(), bars, split);
}

/// MACD's `batch`, which runs its three-column path: every line of every output bit for bit
/// that of `update` in a loop, and the same final state.
fn check_macd(inputs: &[f64], (fast, slow, signal): (usize, usize, usize), split: usize) {
    let indicator = Macd::new(fast, slow, signal).unwrap();
    let mut streaming = indicator.clone();
    let expected: Vec<_> = inputs.iter().map(|&x| streaming.update(x)).collect();
    let mut batched = indicator;
    let (first, second) = inputs.split_at(split.min(inputs.len()));
    let mut got = batched.batch(first);
    got.extend(batched.batch(second));
    let bits = |out: &Option<MacdOutput<f64>>| {
        out.map(|o| [o.macd, o.signal, o.histogram].map(f64::to_bits))
    };
    assert_eq!(got.len(), expected.len());
    for (index, (got, want)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(
            bits(got),
            bits(want),
            "MACD, index {index}: batch {got:?}, streaming {want:?}"
        );
    }
    assert_eq!(batched, streaming, "MACD: final states differ");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn batch_of_prices_equals_streaming(inputs in values(), period in 2..20usize, split in 0..700usize) {
        check_prices(&inputs, period, split);
    }

    #[test]
    fn batch_of_prices_equals_streaming_f32(inputs in values(), period in 2..20usize, split in 0..700usize) {
        let inputs: Vec<f32> = inputs.iter().map(|&x| x as f32).collect();
        check_prices(&inputs, period, split);
    }

    #[test]
    fn batch_of_pairs_equals_streaming(asset in values(), benchmark in values(), period in 2..20usize, split in 0..700usize) {
        let pairs: Vec<(f64, f64)> = asset.into_iter().zip(benchmark).collect();
        check_pairs(&pairs, period, split);
    }

    #[test]
    fn macd_batch_equals_streaming(inputs in values(), fast in 2..12usize, longer in 1..20usize, signal in 1..10usize, split in 0..700usize) {
        check_macd(&inputs, (fast, fast + longer, signal), split);
    }

    #[test]
    fn batch_of_candles_equals_streaming(raw in raw_candles(), period in 2..20usize, split in 0..700usize) {
        check_candles(&candles(&raw), period, split);
    }
}
