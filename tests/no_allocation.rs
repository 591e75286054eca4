//! `update` and `peek` never allocate: a counting global allocator watches every indicator
//! stream through warm-up and steady state (and through the clone a checkpoint makes).
//! One test function only, so that no other test thread allocates meanwhile.
//!
//! The only unsafe code in the project: a counting wrapper that delegates to the system
//! allocator (the library itself forbids unsafe code).
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use ta_stream::average::{
    Dema, Ema, Hma, Identity, Kama, Mavp, Rma, Seed, Sma, Tema, Trima, Vwma, Wma, Zlema, T3,
};
use ta_stream::average::{HtTrendline, Mama};
use ta_stream::bar::Candle;
use ta_stream::cycle::{HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode};
use ta_stream::math::{
    Arithmetic, CumulativeSum, MathFunction, MathTransform, MaxIndex, MinMax, MinMaxIndex,
    Operator, Sum,
};
use ta_stream::momentum::{
    Accelerator, Aroon, AroonOscillator, AwesomeOscillator, Cci, ElderRay, Fractal,
    UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};
use ta_stream::momentum::{Adx, Adxr, Directional, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex};
use ta_stream::momentum::{
    Apo, Kdj, MaFastStochastic, MaStochastic, MacdExt, MacdFix, Ppo, Smi, StochRsi, Trix, Tsi,
};
use ta_stream::momentum::{
    Bop, Cmo, Cmou, Coppock, Dpo, EfficiencyRatio, Imi, Mfi, Qstick, Rocr, Rocr100, Wad,
};
use ta_stream::momentum::{FastStochastic, Macd, Momentum, Roc, Rocp, Rsi, Stochastic};
use ta_stream::price::{
    AverageDeviation, AveragePrice, HeikinAshi, MedianPrice, TypicalPrice, WeightedClose,
};
use ta_stream::risk::{Drawdown, RealizedVolatility};
use ta_stream::signal::{CrossLevel, Crossover, MaCross, MaKind, MaPosition, Zones};
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, MidPoint, MidPrice, PercentRank, Percentile,
    RegressionAngle, RegressionIntercept, RegressionSlope, RollingMax, RollingMin,
    TimeSeriesForecast,
};
use ta_stream::trend::{ParabolicSar, SarSettings, SuperTrend};
use ta_stream::volatility::{
    AccelerationBands, Atr, AverageDayRange, Bollinger, ChaikinVolatility, Donchian, Keltner,
    MassIndex, Natr, RelativeVolatility, StdDev, TrueRange, Variance,
};
use ta_stream::volume::{
    AccumulationDistribution, ChaikinMoneyFlow, ChaikinOscillator, ForceIndex, MarketFacilitation,
    Obv, PriceVolumeTrend, RelativeVolume, VolumeIndex, Vwap,
};
use ta_stream::Indicator;

struct Counting;

thread_local! {
    /// Only the test's own thread is counted: the test harness's threads, and the other
    /// tests running in parallel, allocate too.
    static COUNTED: Cell<bool> = const { Cell::new(false) };
    /// Allocations made by this thread while counted.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    if COUNTED.with(Cell::get) {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
    }
}

/// Allocations made so far by the calling thread while counted.
fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations made while streaming `inputs` through `indicator` (update and peek), and
/// through a clone of it made half-way.
fn allocations_while_streaming<I>(mut indicator: I, inputs: &[I::Input]) -> usize
where
    I: Indicator + Clone,
{
    let before = allocations();
    let (first, second) = inputs.split_at(inputs.len() / 2);
    for &x in first {
        std::hint::black_box(indicator.peek(x));
        std::hint::black_box(indicator.update(x));
    }
    let during = allocations() - before;
    let mut copy = indicator.clone();
    let after_clone = allocations();
    for &x in second {
        std::hint::black_box(indicator.update(x));
        std::hint::black_box(copy.peek(x));
        std::hint::black_box(copy.update(x));
    }
    during + (allocations() - after_clone)
}

#[test]
fn no_indicator_allocates_in_update_or_peek() {
    COUNTED.with(|counted| counted.set(true));
    // The harness itself sees allocations.
    let before = allocations();
    std::hint::black_box(vec![0_u8; 16]);
    assert!(allocations() > before);

    let prices: Vec<f64> = (0..2_000)
        .map(|i| 100.0 + (f64::from(i) / 7.0).sin() * 5.0 + f64::from(i % 13))
        .collect();
    let volume_candles: Vec<Candle<f64>> = prices
        .iter()
        .enumerate()
        .map(|(i, &close)| {
            let volume = 1000.0 + f64::from(i as u32 % 17) * 50.0;
            Candle::new(close, close + 1.0, close - 1.5, close, volume).unwrap()
        })
        .collect();
    let close_volumes: Vec<(f64, f64)> =
        volume_candles.iter().map(|c| (c.close, c.volume)).collect();
    let volumes: Vec<f64> = volume_candles.iter().map(|c| c.volume).collect();
    for period in [1, 2, 14, 200] {
        let counts = [
            (
                "SMA",
                allocations_while_streaming(Sma::new(period).unwrap(), &prices),
            ),
            (
                "EMA",
                allocations_while_streaming(Ema::new(period).unwrap(), &prices),
            ),
            (
                "EMA first value",
                allocations_while_streaming(
                    Ema::with_seed(period, Seed::FirstValue).unwrap(),
                    &prices,
                ),
            ),
            (
                "RMA",
                allocations_while_streaming(Rma::new(period).unwrap(), &prices),
            ),
            (
                "WMA",
                allocations_while_streaming(Wma::new(period).unwrap(), &prices),
            ),
            (
                "MIDPOINT",
                allocations_while_streaming(MidPoint::new(period).unwrap(), &prices),
            ),
            (
                "TRIMA",
                allocations_while_streaming(Trima::new(period).unwrap(), &prices),
            ),
            (
                "MAMA",
                allocations_while_streaming(Mama::default(), &prices),
            ),
            (
                "HT_TRENDLINE",
                allocations_while_streaming(HtTrendline::new(), &prices),
            ),
            (
                "HT_DCPERIOD",
                allocations_while_streaming(HtDcPeriod::new(), &prices),
            ),
            (
                "HT_DCPHASE",
                allocations_while_streaming(HtDcPhase::new(), &prices),
            ),
            (
                "HT_PHASOR",
                allocations_while_streaming(HtPhasor::new(), &prices),
            ),
            (
                "HT_SINE",
                allocations_while_streaming(HtSine::new(), &prices),
            ),
            (
                "HT_TRENDMODE",
                allocations_while_streaming(HtTrendMode::new(), &prices),
            ),
            (
                "KAMA",
                allocations_while_streaming(Kama::new(period).unwrap(), &prices),
            ),
            (
                "T3",
                allocations_while_streaming(T3::new(period, 0.7).unwrap(), &prices),
            ),
            (
                "HMA",
                allocations_while_streaming(Hma::new(period).unwrap(), &prices),
            ),
            (
                "ZLEMA",
                allocations_while_streaming(Zlema::new(period).unwrap(), &prices),
            ),
            (
                "IDENTITY",
                allocations_while_streaming(Identity::new(), &prices),
            ),
            (
                "RVI",
                allocations_while_streaming(
                    RelativeVolatility::new(period, period.max(2)).unwrap(),
                    &prices,
                ),
            ),
            (
                "AVGDEV",
                allocations_while_streaming(AverageDeviation::new(period.max(2)).unwrap(), &prices),
            ),
            (
                "DEMA",
                allocations_while_streaming(Dema::new(period).unwrap(), &prices),
            ),
            (
                "TEMA",
                allocations_while_streaming(Tema::new(period).unwrap(), &prices),
            ),
            (
                "RSI",
                allocations_while_streaming(Rsi::new(period).unwrap(), &prices),
            ),
        ];
        for (name, count) in counts {
            assert_eq!(
                count, 0,
                "{name}({period}) allocated {count} times while streaming"
            );
        }
    }
    let candles: Vec<Candle<f64>> = prices
        .iter()
        .map(|&close| Candle {
            open: close - 0.5,
            high: close + 1.0,
            low: close - 1.5,
            close,
            volume: 1_000.0,
        })
        .collect();
    let pairs: Vec<(f64, f64)> = prices.iter().map(|&p| (p, 105.0)).collect();
    let one_sma = |period| MaPosition::new(&[(MaKind::Sma, period)]).unwrap();
    for period in [2, 14, 200] {
        let counts = [
            (
                "MACD",
                allocations_while_streaming(Macd::new(period, period + 12, 9).unwrap(), &prices),
            ),
            (
                "VWMA",
                allocations_while_streaming(Vwma::new(period).unwrap(), &pairs),
            ),
            (
                "MAVP",
                allocations_while_streaming(
                    Mavp::new(2, period, Ema::new).unwrap(),
                    &prices
                        .iter()
                        .enumerate()
                        .map(|(i, &p)| (p, (i % 40) as f64))
                        .collect::<Vec<_>>(),
                ),
            ),
            (
                "BBANDS(EMA)",
                allocations_while_streaming(
                    ta_stream::volatility::MaBands::new(period, 2.0, 2.0, Ema::new).unwrap(),
                    &prices,
                ),
            ),
            (
                "ROC",
                allocations_while_streaming(Roc::new(period).unwrap(), &prices),
            ),
            (
                "ROCP",
                allocations_while_streaming(Rocp::new(period).unwrap(), &prices),
            ),
            (
                "MOM",
                allocations_while_streaming(Momentum::new(period).unwrap(), &prices),
            ),
            (
                "MAX",
                allocations_while_streaming(RollingMax::new(period).unwrap(), &prices),
            ),
            (
                "MIN",
                allocations_while_streaming(RollingMin::new(period).unwrap(), &prices),
            ),
            (
                "VAR",
                allocations_while_streaming(Variance::new(period).unwrap(), &prices),
            ),
            (
                "STDDEV",
                allocations_while_streaming(StdDev::new(period).unwrap(), &prices),
            ),
            (
                "BBANDS",
                allocations_while_streaming(Bollinger::new(period, 2.0).unwrap(), &prices),
            ),
            (
                "realised volatility",
                allocations_while_streaming(RealizedVolatility::new(period).unwrap(), &prices),
            ),
            (
                "drawdown",
                allocations_while_streaming(Drawdown::new(), &prices),
            ),
            (
                "MIDPRICE",
                allocations_while_streaming(MidPrice::new(period).unwrap(), &candles),
            ),
            (
                "DONCHIAN",
                allocations_while_streaming(Donchian::new(period).unwrap(), &candles),
            ),
            (
                "ACCBANDS",
                allocations_while_streaming(AccelerationBands::new(period).unwrap(), &candles),
            ),
            (
                "KC",
                allocations_while_streaming(Keltner::new(period, 10, 2.0).unwrap(), &candles),
            ),
            (
                "SAR",
                allocations_while_streaming(ParabolicSar::new(0.02, 0.2).unwrap(), &candles),
            ),
            (
                "SAREXT",
                allocations_while_streaming(
                    ParabolicSar::extended(SarSettings::default()).unwrap(),
                    &candles,
                ),
            ),
            (
                "SUPERTREND",
                allocations_while_streaming(SuperTrend::new(period, 3.0).unwrap(), &candles),
            ),
            (
                "STOCH",
                allocations_while_streaming(Stochastic::new(period, 3, 3).unwrap(), &candles),
            ),
            (
                "STOCHF",
                allocations_while_streaming(FastStochastic::new(period, 3).unwrap(), &candles),
            ),
            (
                "TRANGE",
                allocations_while_streaming(TrueRange::new(), &candles),
            ),
            (
                "ATR",
                allocations_while_streaming(Atr::new(period).unwrap(), &candles),
            ),
            (
                "NATR",
                allocations_while_streaming(Natr::new(period).unwrap(), &candles),
            ),
            (
                "TYPPRICE",
                allocations_while_streaming(TypicalPrice::new(), &candles),
            ),
            (
                "AVGPRICE",
                allocations_while_streaming(AveragePrice::new(), &candles),
            ),
            (
                "MEDPRICE",
                allocations_while_streaming(MedianPrice::new(), &candles),
            ),
            (
                "WCLPRICE",
                allocations_while_streaming(WeightedClose::new(), &candles),
            ),
            (
                "HA",
                allocations_while_streaming(HeikinAshi::new(), &candles),
            ),
            (
                "ADR",
                allocations_while_streaming(AverageDayRange::new(period).unwrap(), &candles),
            ),
            (
                "CVI",
                allocations_while_streaming(
                    ChaikinVolatility::new(period.max(2), period).unwrap(),
                    &candles,
                ),
            ),
            (
                "MASSI",
                allocations_while_streaming(
                    MassIndex::new(period.max(2), period.max(2)).unwrap(),
                    &candles,
                ),
            ),
            (
                "AROON",
                allocations_while_streaming(Aroon::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "AROONOSC",
                allocations_while_streaming(AroonOscillator::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "CCI",
                allocations_while_streaming(Cci::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "WILLR",
                allocations_while_streaming(WilliamsR::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "ULTOSC",
                allocations_while_streaming(
                    UltimateOscillator::new(period, 2 * period, 4 * period).unwrap(),
                    &candles,
                ),
            ),
            (
                "VHF",
                allocations_while_streaming(
                    VerticalHorizontalFilter::new(period.max(2)).unwrap(),
                    &prices,
                ),
            ),
            (
                "ERI",
                allocations_while_streaming(ElderRay::new(period).unwrap(), &candles),
            ),
            (
                "FRACTAL",
                allocations_while_streaming(Fractal::new(period, period).unwrap(), &candles),
            ),
            (
                "AO",
                allocations_while_streaming(
                    AwesomeOscillator::new(period.max(2), 2 * period.max(2)).unwrap(),
                    &candles,
                ),
            ),
            (
                "AC",
                allocations_while_streaming(
                    Accelerator::new(period.max(2), 2 * period.max(2), period.max(2)).unwrap(),
                    &candles,
                ),
            ),
            (
                "crossover",
                allocations_while_streaming(Crossover::new(), &pairs),
            ),
            (
                "cross level",
                allocations_while_streaming(CrossLevel::new(105.0).unwrap(), &prices),
            ),
            (
                "MA cross",
                allocations_while_streaming(MaCross::new(period, 2 * period).unwrap(), &prices),
            ),
            (
                "zones",
                allocations_while_streaming(Zones::new(104.0, 96.0).unwrap(), &prices),
            ),
            (
                "MA position",
                allocations_while_streaming(one_sma(period), &prices),
            ),
            (
                "APO",
                allocations_while_streaming(
                    Apo::new(period.max(2), 2 * period.max(2), Ema::new).unwrap(),
                    &prices,
                ),
            ),
            (
                "PPO",
                allocations_while_streaming(
                    Ppo::new(period.max(2), 2 * period.max(2), Kama::new).unwrap(),
                    &prices,
                ),
            ),
            (
                "MACDEXT",
                allocations_while_streaming(
                    MacdExt::new(
                        Ema::new(period).unwrap(),
                        Dema::new(2 * period).unwrap(),
                        Wma::new(period).unwrap(),
                    ),
                    &prices,
                ),
            ),
            (
                "MACDFIX",
                allocations_while_streaming(MacdFix::new(period).unwrap(), &prices),
            ),
            (
                "TRIX",
                allocations_while_streaming(Trix::new(period).unwrap(), &prices),
            ),
            (
                "TSI",
                allocations_while_streaming(Tsi::new(period, period).unwrap(), &prices),
            ),
            (
                "STOCHRSI",
                allocations_while_streaming(
                    StochRsi::new(period, period, Ema::new(3).unwrap()).unwrap(),
                    &prices,
                ),
            ),
            (
                "STOCH any average",
                allocations_while_streaming(
                    MaStochastic::new(period, Tema::new(3).unwrap(), Rma::new(3).unwrap()).unwrap(),
                    &candles,
                ),
            ),
            (
                "STOCHF any average",
                allocations_while_streaming(
                    MaFastStochastic::new(period, Hma::new(4).unwrap()).unwrap(),
                    &candles,
                ),
            ),
            (
                "KDJ",
                allocations_while_streaming(
                    Kdj::new(period, Rma::new(3).unwrap(), Rma::new(3).unwrap()).unwrap(),
                    &candles,
                ),
            ),
            (
                "SMI",
                allocations_while_streaming(Smi::new(period, 2, period, 9).unwrap(), &candles),
            ),
            (
                "SUM",
                allocations_while_streaming(Sum::new(period).unwrap(), &prices),
            ),
            (
                "CUMSUM",
                allocations_while_streaming(CumulativeSum::new(), &prices),
            ),
            (
                "MINMAX",
                allocations_while_streaming(MinMax::new(period).unwrap(), &prices),
            ),
            (
                "MAXINDEX",
                allocations_while_streaming(MaxIndex::new(period).unwrap(), &prices),
            ),
            (
                "MINMAXINDEX",
                allocations_while_streaming(MinMaxIndex::new(period).unwrap(), &prices),
            ),
            (
                "LN",
                allocations_while_streaming(MathTransform::new(MathFunction::Ln), &prices),
            ),
            (
                "DIV",
                allocations_while_streaming(Arithmetic::new(Operator::Div), &pairs),
            ),
            (
                "LINEARREG",
                allocations_while_streaming(LinearRegression::new(period.max(2)).unwrap(), &prices),
            ),
            (
                "LINEARREG_ANGLE",
                allocations_while_streaming(RegressionAngle::new(period.max(2)).unwrap(), &prices),
            ),
            (
                "LINEARREG_INTERCEPT",
                allocations_while_streaming(
                    RegressionIntercept::new(period.max(2)).unwrap(),
                    &prices,
                ),
            ),
            (
                "LINEARREG_SLOPE",
                allocations_while_streaming(RegressionSlope::new(period.max(2)).unwrap(), &prices),
            ),
            (
                "TSF",
                allocations_while_streaming(
                    TimeSeriesForecast::new(period.max(2)).unwrap(),
                    &prices,
                ),
            ),
            (
                "FOSC",
                allocations_while_streaming(
                    ForecastOscillator::new(period.max(2)).unwrap(),
                    &prices,
                ),
            ),
            (
                "PERCENTILE",
                allocations_while_streaming(Percentile::new(period.max(2), 75.0).unwrap(), &prices),
            ),
            (
                "PERCENTILE (cloned while warming up)",
                allocations_while_streaming(Percentile::new(1500, 50.0).unwrap(), &prices),
            ),
            (
                "PERCENTRANK",
                allocations_while_streaming(PercentRank::new(period.max(2)).unwrap(), &prices),
            ),
            (
                "OBV",
                allocations_while_streaming(Obv::new(), &close_volumes),
            ),
            (
                "AD",
                allocations_while_streaming(AccumulationDistribution::new(), &volume_candles),
            ),
            (
                "ADOSC",
                allocations_while_streaming(
                    ChaikinOscillator::new(period.max(2), 2 * period.max(2)).unwrap(),
                    &volume_candles,
                ),
            ),
            (
                "CMF",
                allocations_while_streaming(
                    ChaikinMoneyFlow::new(period.max(2)).unwrap(),
                    &volume_candles,
                ),
            ),
            (
                "EFI",
                allocations_while_streaming(ForceIndex::new(period).unwrap(), &close_volumes),
            ),
            (
                "MARKETFI",
                allocations_while_streaming(MarketFacilitation::new(), &volume_candles),
            ),
            (
                "NVI",
                allocations_while_streaming(VolumeIndex::negative(), &close_volumes),
            ),
            (
                "PVI",
                allocations_while_streaming(VolumeIndex::positive(), &close_volumes),
            ),
            (
                "PVT",
                allocations_while_streaming(PriceVolumeTrend::new(), &close_volumes),
            ),
            (
                "RVOL",
                allocations_while_streaming(RelativeVolume::new(period).unwrap(), &volumes),
            ),
            (
                "VWAP",
                allocations_while_streaming(Vwap::new(), &volume_candles),
            ),
            (
                "PLUS_DM",
                allocations_while_streaming(PlusDm::new(period).unwrap(), &candles),
            ),
            (
                "MINUS_DM",
                allocations_while_streaming(MinusDm::new(period).unwrap(), &candles),
            ),
            (
                "PLUS_DI",
                allocations_while_streaming(PlusDi::new(period).unwrap(), &candles),
            ),
            (
                "MINUS_DI",
                allocations_while_streaming(MinusDi::new(period).unwrap(), &candles),
            ),
            (
                "DX",
                allocations_while_streaming(Dx::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "ADX",
                allocations_while_streaming(Adx::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "ADXR",
                allocations_while_streaming(Adxr::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "DMI",
                allocations_while_streaming(Directional::new(period.max(2)).unwrap(), &candles),
            ),
            (
                "VORTEX",
                allocations_while_streaming(Vortex::new(period).unwrap(), &candles),
            ),
            (
                "CMO",
                allocations_while_streaming(Cmo::new(period).unwrap(), &prices),
            ),
            (
                "CMOU",
                allocations_while_streaming(Cmou::new(period).unwrap(), &prices),
            ),
            (
                "DPO",
                allocations_while_streaming(Dpo::new(period).unwrap(), &prices),
            ),
            (
                "ER",
                allocations_while_streaming(EfficiencyRatio::new(period).unwrap(), &prices),
            ),
            (
                "IMI",
                allocations_while_streaming(Imi::new(period).unwrap(), &candles),
            ),
            (
                "QSTICK",
                allocations_while_streaming(Qstick::new(period).unwrap(), &candles),
            ),
            ("BOP", allocations_while_streaming(Bop::new(), &candles)),
            (
                "ROCR",
                allocations_while_streaming(Rocr::new(period).unwrap(), &prices),
            ),
            (
                "ROCR100",
                allocations_while_streaming(Rocr100::new(period).unwrap(), &prices),
            ),
            (
                "COPPOCK",
                allocations_while_streaming(
                    Coppock::new(period, period + 1, period.max(3) - 1).unwrap(),
                    &prices,
                ),
            ),
            ("WAD", allocations_while_streaming(Wad::new(), &candles)),
            (
                "MFI",
                allocations_while_streaming(Mfi::new(period).unwrap(), &candles),
            ),
            (
                "CDL2CROWS",
                allocations_while_streaming(ta_stream::pattern::TwoCrows::new(), &candles),
            ),
            (
                "CDL3BLACKCROWS",
                allocations_while_streaming(ta_stream::pattern::ThreeBlackCrows::new(), &candles),
            ),
            (
                "CDL3INSIDE",
                allocations_while_streaming(ta_stream::pattern::ThreeInside::new(), &candles),
            ),
            (
                "CDL3LINESTRIKE",
                allocations_while_streaming(ta_stream::pattern::ThreeLineStrike::new(), &candles),
            ),
            (
                "CDL3OUTSIDE",
                allocations_while_streaming(ta_stream::pattern::ThreeOutside::new(), &candles),
            ),
            (
                "CDL3STARSINSOUTH",
                allocations_while_streaming(ta_stream::pattern::ThreeStarsInSouth::new(), &candles),
            ),
            (
                "CDL3WHITESOLDIERS",
                allocations_while_streaming(
                    ta_stream::pattern::ThreeWhiteSoldiers::new(),
                    &candles,
                ),
            ),
            (
                "CDLABANDONEDBABY",
                allocations_while_streaming(ta_stream::pattern::AbandonedBaby::new(), &candles),
            ),
            (
                "CDLADVANCEBLOCK",
                allocations_while_streaming(ta_stream::pattern::AdvanceBlock::new(), &candles),
            ),
            (
                "CDLBELTHOLD",
                allocations_while_streaming(ta_stream::pattern::BeltHold::new(), &candles),
            ),
            (
                "CDLBREAKAWAY",
                allocations_while_streaming(ta_stream::pattern::Breakaway::new(), &candles),
            ),
            (
                "CDLCLOSINGMARUBOZU",
                allocations_while_streaming(ta_stream::pattern::ClosingMarubozu::new(), &candles),
            ),
            (
                "CDLCONCEALBABYSWALL",
                allocations_while_streaming(
                    ta_stream::pattern::ConcealingBabySwallow::new(),
                    &candles,
                ),
            ),
            (
                "CDLCOUNTERATTACK",
                allocations_while_streaming(ta_stream::pattern::Counterattack::new(), &candles),
            ),
            (
                "CDLDARKCLOUDCOVER",
                allocations_while_streaming(ta_stream::pattern::DarkCloudCover::new(), &candles),
            ),
            (
                "CDLDOJI",
                allocations_while_streaming(ta_stream::pattern::Doji::new(), &candles),
            ),
            (
                "CDLDOJISTAR",
                allocations_while_streaming(ta_stream::pattern::DojiStar::new(), &candles),
            ),
            (
                "CDLDRAGONFLYDOJI",
                allocations_while_streaming(ta_stream::pattern::DragonflyDoji::new(), &candles),
            ),
            (
                "CDLENGULFING",
                allocations_while_streaming(ta_stream::pattern::Engulfing::new(), &candles),
            ),
            (
                "CDLEVENINGDOJISTAR",
                allocations_while_streaming(ta_stream::pattern::EveningDojiStar::new(), &candles),
            ),
            (
                "CDLEVENINGSTAR",
                allocations_while_streaming(ta_stream::pattern::EveningStar::new(), &candles),
            ),
            (
                "CDLGAPSIDESIDEWHITE",
                allocations_while_streaming(
                    ta_stream::pattern::GapSideBySideWhite::new(),
                    &candles,
                ),
            ),
            (
                "CDLGRAVESTONEDOJI",
                allocations_while_streaming(ta_stream::pattern::GravestoneDoji::new(), &candles),
            ),
            (
                "CDLHAMMER",
                allocations_while_streaming(ta_stream::pattern::Hammer::new(), &candles),
            ),
            (
                "CDLHANGINGMAN",
                allocations_while_streaming(ta_stream::pattern::HangingMan::new(), &candles),
            ),
            (
                "CDLHARAMI",
                allocations_while_streaming(ta_stream::pattern::Harami::new(), &candles),
            ),
            (
                "CDLHARAMICROSS",
                allocations_while_streaming(ta_stream::pattern::HaramiCross::new(), &candles),
            ),
            (
                "CDLHIGHWAVE",
                allocations_while_streaming(ta_stream::pattern::HighWave::new(), &candles),
            ),
            (
                "CDLHIKKAKE",
                allocations_while_streaming(ta_stream::pattern::Hikkake::new(), &candles),
            ),
            (
                "CDLHIKKAKEMOD",
                allocations_while_streaming(ta_stream::pattern::HikkakeModified::new(), &candles),
            ),
            (
                "CDLHOMINGPIGEON",
                allocations_while_streaming(ta_stream::pattern::HomingPigeon::new(), &candles),
            ),
            (
                "CDLIDENTICAL3CROWS",
                allocations_while_streaming(
                    ta_stream::pattern::IdenticalThreeCrows::new(),
                    &candles,
                ),
            ),
            (
                "CDLINNECK",
                allocations_while_streaming(ta_stream::pattern::InNeck::new(), &candles),
            ),
            (
                "CDLINVERTEDHAMMER",
                allocations_while_streaming(ta_stream::pattern::InvertedHammer::new(), &candles),
            ),
            // ---- patterns from CDLKICKING on ----
            (
                "CDLKICKING",
                allocations_while_streaming(ta_stream::pattern::Kicking::new(), &candles),
            ),
            (
                "CDLKICKINGBYLENGTH",
                allocations_while_streaming(ta_stream::pattern::KickingByLength::new(), &candles),
            ),
            (
                "CDLLADDERBOTTOM",
                allocations_while_streaming(ta_stream::pattern::LadderBottom::new(), &candles),
            ),
            (
                "CDLLONGLEGGEDDOJI",
                allocations_while_streaming(ta_stream::pattern::LongLeggedDoji::new(), &candles),
            ),
            (
                "CDLLONGLINE",
                allocations_while_streaming(ta_stream::pattern::LongLine::new(), &candles),
            ),
            (
                "CDLMARUBOZU",
                allocations_while_streaming(ta_stream::pattern::Marubozu::new(), &candles),
            ),
            (
                "CDLMATCHINGLOW",
                allocations_while_streaming(ta_stream::pattern::MatchingLow::new(), &candles),
            ),
            (
                "CDLMATHOLD",
                allocations_while_streaming(ta_stream::pattern::MatHold::new(), &candles),
            ),
            (
                "CDLMORNINGDOJISTAR",
                allocations_while_streaming(ta_stream::pattern::MorningDojiStar::new(), &candles),
            ),
            (
                "CDLMORNINGSTAR",
                allocations_while_streaming(ta_stream::pattern::MorningStar::new(), &candles),
            ),
            (
                "CDLONNECK",
                allocations_while_streaming(ta_stream::pattern::OnNeck::new(), &candles),
            ),
            (
                "CDLPIERCING",
                allocations_while_streaming(ta_stream::pattern::Piercing::new(), &candles),
            ),
            (
                "CDLRICKSHAWMAN",
                allocations_while_streaming(ta_stream::pattern::RickshawMan::new(), &candles),
            ),
            (
                "CDLRISEFALL3METHODS",
                allocations_while_streaming(
                    ta_stream::pattern::RisingFallingThreeMethods::new(),
                    &candles,
                ),
            ),
            (
                "CDLSEPARATINGLINES",
                allocations_while_streaming(ta_stream::pattern::SeparatingLines::new(), &candles),
            ),
            (
                "CDLSHOOTINGSTAR",
                allocations_while_streaming(ta_stream::pattern::ShootingStar::new(), &candles),
            ),
            (
                "CDLSHORTLINE",
                allocations_while_streaming(ta_stream::pattern::ShortLine::new(), &candles),
            ),
            (
                "CDLSPINNINGTOP",
                allocations_while_streaming(ta_stream::pattern::SpinningTop::new(), &candles),
            ),
            (
                "CDLSTALLEDPATTERN",
                allocations_while_streaming(ta_stream::pattern::StalledPattern::new(), &candles),
            ),
            (
                "CDLSTICKSANDWICH",
                allocations_while_streaming(ta_stream::pattern::StickSandwich::new(), &candles),
            ),
            (
                "CDLTAKURI",
                allocations_while_streaming(ta_stream::pattern::Takuri::new(), &candles),
            ),
            (
                "CDLTASUKIGAP",
                allocations_while_streaming(ta_stream::pattern::TasukiGap::new(), &candles),
            ),
            (
                "CDLTHRUSTING",
                allocations_while_streaming(ta_stream::pattern::Thrusting::new(), &candles),
            ),
            (
                "CDLTRISTAR",
                allocations_while_streaming(ta_stream::pattern::Tristar::new(), &candles),
            ),
            (
                "CDLUNIQUE3RIVER",
                allocations_while_streaming(ta_stream::pattern::UniqueThreeRiver::new(), &candles),
            ),
            (
                "CDLUPSIDEGAP2CROWS",
                allocations_while_streaming(ta_stream::pattern::UpsideGapTwoCrows::new(), &candles),
            ),
            (
                "CDLXSIDEGAP3METHODS",
                allocations_while_streaming(ta_stream::pattern::GapThreeMethods::new(), &candles),
            ),
            // ---- end of the patterns ----
            (
                "CDLALL",
                allocations_while_streaming(ta_stream::pattern::CandlePatterns::new(), &candles),
            ),
        ];
        for (name, count) in counts {
            assert_eq!(
                count, 0,
                "{name}({period}) allocated {count} times while streaming"
            );
        }
    }
}

/// Allocations made by `Indicator::warm_up` over `inputs`, and whether its result and final
/// state are those of an `update` loop over the same inputs.
fn warm_up_allocations<I>(indicator: &I, inputs: &[I::Input]) -> usize
where
    I: Indicator + Clone + PartialEq + std::fmt::Debug,
    I::Output: PartialEq + std::fmt::Debug,
{
    let mut looped = indicator.clone();
    let mut last = None;
    for &x in inputs {
        last = looped.update(x);
    }
    let mut warmed = indicator.clone();
    let before = allocations();
    let returned = std::hint::black_box(warmed.warm_up(inputs.iter().copied()));
    let allocations = allocations() - before;
    assert_eq!(returned, last, "warm_up returns the last update's output");
    assert_eq!(warmed, looped, "warm_up leaves the state of an update loop");
    allocations
}

#[test]
fn warm_up_allocates_nothing_and_equals_an_update_loop() {
    COUNTED.with(|counted| counted.set(true));
    let mut prices: Vec<f64> = (0..500)
        .map(|i| 100.0 + (f64::from(i) / 5.0).sin() * 8.0 + f64::from(i % 7))
        .collect();
    prices[250] = f64::NAN; // ignored by warm_up exactly as by update
    let candles: Vec<Candle<f64>> = prices
        .iter()
        .filter(|p| p.is_finite())
        .map(|&close| Candle::new(close, close + 1.0, close - 1.5, close, 10.0).unwrap())
        .collect();
    let counts = [
        ("SMA", warm_up_allocations(&Sma::new(20).unwrap(), &prices)),
        ("EMA", warm_up_allocations(&Ema::new(20).unwrap(), &prices)),
        ("RSI", warm_up_allocations(&Rsi::new(14).unwrap(), &prices)),
        (
            "MACD",
            warm_up_allocations(&Macd::new(12, 26, 9).unwrap(), &prices),
        ),
        (
            "BBANDS",
            warm_up_allocations(&Bollinger::new(20, 2.0).unwrap(), &prices),
        ),
        ("ATR", warm_up_allocations(&Atr::new(14).unwrap(), &candles)),
        (
            "STOCH",
            warm_up_allocations(&Stochastic::new(14, 3, 3).unwrap(), &candles),
        ),
        (
            "RSI, history shorter than its warm-up",
            warm_up_allocations(&Rsi::new(14).unwrap(), &prices[..5]),
        ),
        (
            "SMA, no history",
            warm_up_allocations(&Sma::<f64>::new(3).unwrap(), &[]),
        ),
    ];
    for (name, count) in counts {
        assert_eq!(count, 0, "{name} allocated {count} times in warm_up");
    }
    // An empty or too short history leaves the indicator warming up.
    assert_eq!(
        Rsi::new(14).unwrap().warm_up(prices[..5].iter().copied()),
        None
    );
}

/// Allocations made by `Indicator::update_slice` over `inputs`, after checking that its
/// outputs and final state are bit for bit those of an `update` loop over the same inputs.
fn slice_allocations<I>(indicator: &I, inputs: &[I::Input]) -> usize
where
    I: Indicator<Output = f64> + Clone + PartialEq + std::fmt::Debug,
{
    let mut looped = indicator.clone();
    let expected: Vec<u64> = inputs
        .iter()
        .map(|&x| looped.update(x).unwrap_or(f64::NAN).to_bits())
        .collect();
    let mut sliced = indicator.clone();
    let mut out = vec![0.0; inputs.len()];
    let before = allocations();
    sliced.update_slice(inputs, &mut out).unwrap();
    let allocations = allocations() - before;
    let outputs: Vec<u64> = out.iter().map(|x| x.to_bits()).collect();
    assert_eq!(
        outputs, expected,
        "update_slice gives the update loop's outputs"
    );
    assert_eq!(
        sliced, looped,
        "update_slice leaves the state of an update loop"
    );
    allocations
}

#[test]
fn slice_paths_of_the_directional_lines_allocate_nothing() {
    COUNTED.with(|counted| counted.set(true));
    let candles: Vec<Candle<f64>> = (0..300)
        .map(|i| {
            let close = 100.0 + (f64::from(i) / 5.0).sin() * 8.0 + f64::from(i % 7);
            Candle::new(close, close + 1.0, close - 1.5, close, 10.0).unwrap()
        })
        .collect();
    let counts = [
        (
            "+DM",
            slice_allocations(&PlusDm::new(14).unwrap(), &candles),
        ),
        (
            "-DM",
            slice_allocations(&MinusDm::new(14).unwrap(), &candles),
        ),
        (
            "+DI",
            slice_allocations(&PlusDi::new(14).unwrap(), &candles),
        ),
        (
            "-DI",
            slice_allocations(&MinusDi::new(14).unwrap(), &candles),
        ),
        ("DX", slice_allocations(&Dx::new(14).unwrap(), &candles)),
        ("ADX", slice_allocations(&Adx::new(14).unwrap(), &candles)),
        ("ADXR", slice_allocations(&Adxr::new(14).unwrap(), &candles)),
    ];
    for (name, count) in counts {
        assert_eq!(count, 0, "{name} allocated {count} times in update_slice");
    }
}
