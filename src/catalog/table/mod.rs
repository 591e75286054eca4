//! The table: one entry per function. A new indicator is one [`entry!`] line here, plus a
//! [`ToNumbers`] implementation if its output type is new.

use super::dynamic::{set, typed, Erased, MaybeSerde, ToNumbers, Typed, Values};
use super::info::{FunctionInfo, Group, InputKind, ParamInfo, ParamKind, Price};
use super::spec::{Spec, MA_CODES};
use crate::average::{
    Dema, Ema, Hma, Identity, Kama, Mavp, Rma, Sma, Tema, Trima, Vwma, Wma, Zlema, T3,
};
use crate::average::{HtTrendline, Mama, MamaOutput};
use crate::bar::Candle;
use crate::cycle::{
    HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode, MarketMode, Phasor, SineWave,
};
use crate::levels::{
    FloorPivots, LevelEvent, LevelsConfig, LevelsReading, PivotKind, PivotLevels, PivotPeriod,
    ReactionLow, SupportResistance, Swing, SwingKind, SwingPivots, SwingReading, Tolerance, ZigZag,
    ZigZagSource,
};
use crate::momentum::{FlatRsi, Macd, MacdOutput, Momentum, Roc, Rocp, Rsi, StochasticOutput};
use crate::price::{
    AverageDeviation, AveragePrice, HeikinAshi, MedianPrice, TypicalPrice, WeightedClose,
};
use crate::relative::{
    Beta, Correlation, Leadership, LeadershipEvent, Mansfield, PerformanceSpread, RatioLine,
    RatioLineOutput,
};
use crate::risk::{Drawdown, DrawdownOutput, RealizedVolatility, Returns};
use crate::sentiment::{Contrarian, PutCall, PutCallReading, Regime};
use crate::signal::{
    Cross, CrossLevel, Crossover, MaCross, MaCrossEvent, MaKind, MaPosition, MaPositionReading,
    Zone, ZoneEvent, ZoneReading, Zones,
};
use crate::statistics::{MidPoint, MidPrice, RollingMax, RollingMin};
use crate::trend::{ParabolicSar, SarSettings, StopOutput, SuperTrend, Trend};
use crate::volatility::{
    AccelerationBands, Atr, AverageDayRange, BandLines, Bands, Bollinger, ChaikinVolatility,
    Donchian, Keltner, MaBands, MassIndex, Natr, RelativeVolatility, StdDev, TrueRange, Variance,
};
use crate::{Error, Indicator, MAX_PERIOD};
use std::sync::LazyLock;

const PERIOD_MAX: f64 = MAX_PERIOD as f64;

pub(super) const fn int(
    name: &'static str,
    default: f64,
    min: f64,
    max: f64,
    help: &'static str,
) -> ParamInfo {
    ParamInfo {
        name,
        kind: ParamKind::Int,
        default,
        min,
        max,
        help,
    }
}

const fn float(
    name: &'static str,
    default: f64,
    min: f64,
    max: f64,
    help: &'static str,
) -> ParamInfo {
    ParamInfo {
        name,
        kind: ParamKind::Float,
        default,
        min,
        max,
        help,
    }
}

/// A period in `1..=100000` (`min` 2 where the typed indicator needs two inputs).
pub(super) const fn period(name: &'static str, default: f64, help: &'static str) -> ParamInfo {
    int(name, default, 1.0, PERIOD_MAX, help)
}

const fn matype(name: &'static str, codes: &'static [u8]) -> ParamInfo {
    ParamInfo {
        name,
        kind: ParamKind::MaType(codes),
        default: 0.0,
        min: 0.0,
        max: 13.0,
        help: "TA-Lib moving-average code",
    }
}

const TIMEPERIOD_30: ParamInfo = period("timeperiod", 30.0, "number of inputs");
pub(super) const HLC: &[Price] = &[Price::High, Price::Low, Price::Close];
const HL: &[Price] = &[Price::High, Price::Low];
const OHLC: &[Price] = &[Price::Open, Price::High, Price::Low, Price::Close];
pub(super) const REAL: &[&str] = &["real"];
const CROSS: &[&str] = &["cross"];
const BANDS: &[&str] = &["upperband", "middleband", "lowerband"];

/// One table line: name, group, TA-Lib or not, summary, inputs, parameters, outputs, the
/// typed indicators it builds, and the constructor from a checked [`Spec`].
macro_rules! entry {
    ($name:literal, $group:ident, $talib:literal, $summary:literal, $inputs:expr,
     [$($param:expr),* $(,)?], $outputs:expr, [$($ty:literal),+], $build:expr $(,)?) => {
        FunctionInfo {
            name: $name,
            group: Group::$group,
            talib: $talib,
            summary: $summary,
            inputs: $inputs,
            params: &[$($param),*],
            outputs: $outputs,
            types: &[$($ty),+],
            build: $build,
        }
    };
}

mod directional;
mod math;
mod momentum_averaged;
mod momentum_close;
mod momentum_range;
mod pattern;
mod statistics;
mod volume;

/// Every function, in the order the docs list them: TA-Lib's by group, then the crate's own.
/// Each family keeps its lines in its own file; the first ones are here.
pub(crate) static ENTRIES: LazyLock<Vec<FunctionInfo>> = LazyLock::new(|| {
    [
        TALIB_FIRST,
        momentum_averaged::ENTRIES,
        directional::ENTRIES,
        momentum_range::ENTRIES,
        momentum_close::ENTRIES,
        volume::ENTRIES,
        statistics::ENTRIES,
        math::ENTRIES,
        pattern::ENTRIES,
        OWN,
    ]
    .concat()
});

/// TA-Lib's functions of the first coverage rounds.
static TALIB_FIRST: &[FunctionInfo] = &[
    // TA-Lib's functions, with TA-Lib's names, parameters, defaults and outputs.
    entry!("SMA", OverlapStudies, true, "Simple moving average", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Sma"], |s| typed::<Sma>(Sma::new(s.int(0)))),
    entry!("EMA", OverlapStudies, true, "Exponential moving average, seeded with the SMA of the first inputs", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Ema"], |s| typed::<Ema>(Ema::new(s.int(0)))),
    entry!("WMA", OverlapStudies, true, "Weighted moving average (linear weights)", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Wma"], |s| typed::<Wma>(Wma::new(s.int(0)))),
    entry!("DEMA", OverlapStudies, true, "Double exponential moving average", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Dema"], |s| typed::<Dema>(Dema::new(s.int(0)))),
    entry!("TEMA", OverlapStudies, true, "Triple exponential moving average", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Tema"], |s| typed::<Tema>(Tema::new(s.int(0)))),
    entry!("TRIMA", OverlapStudies, true, "Triangular moving average (the SMA of an SMA)", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Trima"], |s| typed::<Trima>(Trima::new(s.int(0)))),
    entry!("KAMA", OverlapStudies, true, "Kaufman adaptive moving average (efficiency-ratio smoothing)", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Kama"], |s| typed::<Kama>(Kama::new(s.int(0)))),
    entry!("T3", OverlapStudies, true, "Tillson's T3: six chained EMAs combined by the volume factor", InputKind::Real,
        [period("timeperiod", 5.0, "period of each EMA"), float("vfactor", 0.7, 0.0, 1.0, "volume factor")],
        REAL, ["T3"], |s| typed::<T3>(T3::new(s.int(0), s.value(1)))),
    entry!("HMA", OverlapStudies, true, "Hull moving average: WMA(√n) of 2·WMA(n/2) − WMA(n)", InputKind::Real,
        [period("timeperiod", 20.0, "number of inputs")], REAL, ["Hma"], |s| typed::<Hma>(Hma::new(s.int(0)))),
    entry!("VWMA", OverlapStudies, true, "Volume-weighted moving average of the close", InputKind::Prices(&[Price::Close, Price::Volume]),
        [TIMEPERIOD_30], REAL, ["Vwma"], |s| typed::<CloseVolume<Vwma>>(Vwma::new(s.int(0)).map(CloseVolume))),
    entry!("MAVP", OverlapStudies, true, "Moving average with a variable period, read from the second series", InputKind::Pair("real", "periods"),
        [int("minperiod", 2.0, 2.0, PERIOD_MAX, "shortest period"), int("maxperiod", 30.0, 2.0, PERIOD_MAX, "longest period"),
         matype("matype", MA_CODES)],
        REAL, ["Mavp"], |s| by_matype(s.value(2), VariablePeriod(s.int(0), s.int(1)))),
    entry!("ZLEMA", OverlapStudies, true, "Zero-lag EMA: the EMA of 2·x − x[(n−1)/2]", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Zlema"], |s| typed::<Zlema>(Zlema::new(s.int(0)))),
    entry!("RMA", OverlapStudies, true, "Wilder's moving average (α = 1/n), the smoothing inside RSI and ATR", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["Rma"], |s| typed::<Rma>(Rma::new(s.int(0)))),
    entry!("MA", OverlapStudies, true, "Moving average of the type `matype`", InputKind::Real,
        [TIMEPERIOD_30, matype("matype", MA_CODES)], REAL,
        ["Sma", "Ema", "Wma", "Dema", "Tema", "Trima", "Kama", "Mama", "T3", "Hma", "Identity", "Zlema", "Rma"],
        |s| by_matype(s.value(1), MovingAverage(s.int(0)))),
    entry!("BBANDS", OverlapStudies, true, "Bollinger bands: SMA ± nbdev population standard deviations", InputKind::Real,
        [period("timeperiod", 20.0, "number of inputs"),
         float("nbdevup", 2.0, 0.001, 1000.0, "deviations above the middle band"),
         float("nbdevdn", 2.0, 0.001, 1000.0, "deviations below the middle band"),
         matype("matype", MA_CODES)],
        &["upperband", "middleband", "lowerband"], ["Bollinger", "MaBands"], bbands),
    entry!("MIDPOINT", OverlapStudies, true, "Midpoint: (highest + lowest) / 2 of the last `timeperiod` values", InputKind::Real,
        [period("timeperiod", 14.0, "number of inputs")], REAL, ["MidPoint"], |s| typed::<MidPoint>(MidPoint::new(s.int(0)))),
    entry!("MIDPRICE", OverlapStudies, true, "Midprice: (highest high + lowest low) / 2 of the last `timeperiod` bars", InputKind::Prices(&[Price::High, Price::Low]),
        [period("timeperiod", 14.0, "number of bars")], REAL, ["MidPrice"], |s| typed::<MidPrice>(MidPrice::new(s.int(0)))),
    entry!("DONCHIAN", OverlapStudies, true, "Donchian channel: highest high, midpoint, lowest low of the last `timeperiod` bars", InputKind::Prices(&[Price::High, Price::Low]),
        [period("timeperiod", 20.0, "number of bars")], BANDS, ["Donchian"], |s| typed::<Donchian>(Donchian::new(s.int(0)))),
    entry!("ACCBANDS", OverlapStudies, true, "Acceleration bands: SMAs of the highs and lows widened by 4·(high − low)/(high + low), around the SMA of the closes", InputKind::Prices(HLC),
        [period("timeperiod", 20.0, "number of bars")], BANDS, ["AccelerationBands"], |s| typed::<AccelerationBands>(AccelerationBands::new(s.int(0)))),
    entry!("KC", OverlapStudies, true, "Keltner channel: EMA of the typical price ± nbdev ATRs", InputKind::Prices(HLC),
        [period("timeperiod", 20.0, "EMA of the typical price"), period("atrperiod", 10.0, "ATR period"),
         float("nbdev", 2.0, 0.001, 1000.0, "ATR multiple")],
        BANDS, ["Keltner"], |s| typed::<Keltner>(Keltner::new(s.int(0), s.int(1), s.value(2)))),
    entry!("SAR", OverlapStudies, true, "Parabolic SAR (Wilder's stop and reverse)", InputKind::Prices(&[Price::High, Price::Low]),
        [float("acceleration", 0.02, 0.0, 1.0, "initial acceleration and step"), float("maximum", 0.2, 0.0, 1.0, "largest acceleration")],
        REAL, ["ParabolicSar"], |s| typed::<ParabolicSar>(ParabolicSar::new(s.value(0), s.value(1)))),
    entry!("SAREXT", OverlapStudies, true, "Parabolic SAR, extended: start value, offset on reverse, long and short accelerations; negative while short", InputKind::Prices(&[Price::High, Price::Low]),
        [float("startvalue", 0.0, -1e150, 1e150, "0 automatic, > 0 start long at it, < 0 start short at its magnitude"),
         float("offsetonreverse", 0.0, 0.0, 1.0, "fraction the SAR moves away on a reversal"),
         float("accelerationinitlong", 0.02, 0.0, 1.0, "initial acceleration, long"),
         float("accelerationlong", 0.02, 0.0, 1.0, "acceleration step, long"),
         float("accelerationmaxlong", 0.2, 0.0, 1.0, "largest acceleration, long"),
         float("accelerationinitshort", 0.02, 0.0, 1.0, "initial acceleration, short"),
         float("accelerationshort", 0.02, 0.0, 1.0, "acceleration step, short"),
         float("accelerationmaxshort", 0.2, 0.0, 1.0, "largest acceleration, short")],
        REAL, ["ParabolicSar"], sarext),
    entry!("SUPERTREND", OverlapStudies, true, "SuperTrend: a stop multiplier ATRs from (high + low)/2, and the trend (+1 up, −1 down)", InputKind::Prices(HLC),
        [period("timeperiod", 10.0, "ATR period"), float("multiplier", 3.0, 0.001, 1000.0, "ATR multiple")],
        &["supertrend", "trend"], ["SuperTrend"], |s| typed::<SuperTrend>(SuperTrend::new(s.int(0), s.value(1)))),
    entry!("RSI", MomentumIndicators, true, "Wilder's relative strength index, 0..=100 (0 on a flat series, like TA-Lib)", InputKind::Real,
        [period("timeperiod", 14.0, "number of changes")], REAL, ["Rsi"],
        |s| typed::<Rsi>(Rsi::new(s.int(0)).map(|rsi| rsi.with_flat(FlatRsi::TaLib)))),
    entry!("MACD", MomentumIndicators, true, "Moving average convergence/divergence", InputKind::Real,
        [int("fastperiod", 12.0, 2.0, PERIOD_MAX, "fast EMA"), int("slowperiod", 26.0, 2.0, PERIOD_MAX, "slow EMA"),
         period("signalperiod", 9.0, "EMA of the MACD line")],
        &["macd", "macdsignal", "macdhist"], ["Macd"],
        |s| typed::<Macd>(Macd::new(s.int(0), s.int(1), s.int(2)))),
    entry!("ROC", MomentumIndicators, true, "Rate of change: 100 × (x / x[n] − 1)", InputKind::Real,
        [period("timeperiod", 10.0, "lag")], REAL, ["Roc"], |s| typed::<Roc>(Roc::new(s.int(0)))),
    entry!("ROCP", MomentumIndicators, true, "Rate of change as a fraction: (x − x[n]) / x[n]", InputKind::Real,
        [period("timeperiod", 10.0, "lag")], REAL, ["Rocp"], |s| typed::<Rocp>(Rocp::new(s.int(0)))),
    entry!("MOM", MomentumIndicators, true, "Momentum: x − x[n]", InputKind::Real,
        [period("timeperiod", 10.0, "lag")], REAL, ["Momentum"], |s| typed::<Momentum>(Momentum::new(s.int(0)))),
    entry!("MAX", MathOperators, true, "Highest value over the period", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["RollingMax"], |s| typed::<RollingMax>(RollingMax::new(s.int(0)))),
    entry!("MIN", MathOperators, true, "Lowest value over the period", InputKind::Real,
        [TIMEPERIOD_30], REAL, ["RollingMin"], |s| typed::<RollingMin>(RollingMin::new(s.int(0)))),
    entry!("VAR", StatisticFunctions, true, "Population variance (nbdev is ignored, as in TA-Lib)", InputKind::Real,
        [period("timeperiod", 5.0, "number of inputs"), float("nbdev", 1.0, -1e6, 1e6, "ignored (TA-Lib ignores it too)")],
        REAL, ["Variance"], |s| typed::<Variance>(Variance::new(s.int(0)))),
    entry!("STDDEV", StatisticFunctions, true, "Population standard deviation × nbdev", InputKind::Real,
        [period("timeperiod", 5.0, "number of inputs"), float("nbdev", 1.0, -1e6, 1e6, "multiplier")],
        REAL, ["StdDev"], stddev),
    entry!("TRANGE", VolatilityIndicators, true, "True range", InputKind::Prices(HLC),
        [], REAL, ["TrueRange"], |_| typed::<TrueRange>(Ok(TrueRange::new()))),
    entry!("ATR", VolatilityIndicators, true, "Average true range (Wilder's smoothing)", InputKind::Prices(HLC),
        [period("timeperiod", 14.0, "smoothing period")], REAL, ["Atr"], |s| typed::<Atr>(Atr::new(s.int(0)))),
    entry!("NATR", VolatilityIndicators, true, "ATR as a percentage of the close", InputKind::Prices(HLC),
        [period("timeperiod", 14.0, "smoothing period")], REAL, ["Natr"], |s| typed::<Natr>(Natr::new(s.int(0)))),
    // ---- Price transform (issue 10) ----
    entry!("TYPPRICE", PriceTransform, true, "Typical price: (high + low + close) / 3", InputKind::Prices(HLC),
        [], REAL, ["TypicalPrice"], |_| typed::<TypicalPrice>(Ok(TypicalPrice::new()))),
    entry!("AVGPRICE", PriceTransform, true, "Average price: (open + high + low + close) / 4", InputKind::Prices(OHLC),
        [], REAL, ["AveragePrice"], |_| typed::<AveragePrice>(Ok(AveragePrice::new()))),
    entry!("MEDPRICE", PriceTransform, true, "Median price: (high + low) / 2", InputKind::Prices(HL),
        [], REAL, ["MedianPrice"], |_| typed::<MedianPrice>(Ok(MedianPrice::new()))),
    entry!("WCLPRICE", PriceTransform, true, "Weighted close: (high + low + 2 × close) / 4", InputKind::Prices(HLC),
        [], REAL, ["WeightedClose"], |_| typed::<WeightedClose>(Ok(WeightedClose::new()))),
    entry!("HA", PriceTransform, true, "Heikin-Ashi candles (first open (open + close) / 2, as TA-Lib and TradingView)", InputKind::Prices(OHLC),
        [], &["haopen", "hahigh", "halow", "haclose"], ["HeikinAshi"], |_| typed::<HeikinAshi>(Ok(HeikinAshi::new()))),
    entry!("AVGDEV", PriceTransform, true, "Average (mean absolute) deviation from the window's mean; O(n) per update", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["AverageDeviation"],
        |s| typed::<AverageDeviation>(AverageDeviation::new(s.int(0)))),
    // ---- end of price transform ----
    // ---- Volatility (issue 10) ----
    entry!("ADR", VolatilityIndicators, true, "Average day range: SMA of high − low (a candle with high below low is refused)", InputKind::Prices(HL),
        [period("timeperiod", 14.0, "number of candles")], REAL, ["AverageDayRange"],
        |s| typed::<AverageDayRange>(AverageDayRange::new(s.int(0)))),
    entry!("CVI", VolatilityIndicators, true, "Chaikin's volatility: rate of change (%) of the EMA of high − low", InputKind::Prices(HL),
        [int("timeperiod", 10.0, 2.0, PERIOD_MAX, "EMA of the ranges"), period("rocperiod", 10.0, "rate-of-change lag")], REAL, ["ChaikinVolatility"],
        |s| typed::<ChaikinVolatility>(ChaikinVolatility::new(s.int(0), s.int(1)))),
    entry!("MASSI", VolatilityIndicators, true, "Dorsey's mass index: sum of EMA(range) / EMA(EMA(range))", InputKind::Prices(HL),
        [int("fastperiod", 9.0, 2.0, PERIOD_MAX, "EMA period"), int("slowperiod", 25.0, 2.0, PERIOD_MAX, "ratios summed")], REAL, ["MassIndex"],
        |s| typed::<MassIndex>(MassIndex::new(s.int(0), s.int(1)))),
    entry!("RVI", VolatilityIndicators, true, "Dorsey's relative volatility index, 0..=100: RSI of the standard deviation", InputKind::Real,
        [period("timeperiod", 14.0, "Wilder smoothing"), int("stddevperiod", 10.0, 2.0, PERIOD_MAX, "standard deviation window")], REAL, ["RelativeVolatility"],
        |s| typed::<RelativeVolatility>(RelativeVolatility::new(s.int(0), s.int(1)))),
    // ---- end of volatility ----
    entry!("BETA", StatisticFunctions, true, "Beta of real1's returns on real0's, as TA-Lib: real0 is the market, real1 the asset", InputKind::Pair("real0", "real1"),
        [int("timeperiod", 5.0, 2.0, PERIOD_MAX, "number of returns")], REAL, ["Beta"],
        |s| typed::<Swapped<Beta>>(Beta::talib(s.int(0)).map(Swapped))),
    entry!("CORREL", StatisticFunctions, true, "Pearson correlation of the two series (TA-Lib: of the values)", InputKind::Pair("real0", "real1"),
        [period("timeperiod", 30.0, "number of pairs")], REAL, ["Correlation"], |s| typed::<Correlation>(Correlation::talib(s.int(0)))),
    // Hilbert transform family and cycle indicators.
    entry!("HT_TRENDLINE", OverlapStudies, true, "Hilbert transform: instantaneous trendline", InputKind::Real,
        [], REAL, ["HtTrendline"], |_| typed::<HtTrendline>(Ok(HtTrendline::new()))),
    entry!("MAMA", OverlapStudies, true, "MESA adaptive moving average and its following average", InputKind::Real,
        [float("fastlimit", 0.5, 0.01, 0.99, "rate on a phase jump"), float("slowlimit", 0.05, 0.01, 0.99, "least rate")],
        &["mama", "fama"], ["Mama"], |s| typed::<Mama>(Mama::new(s.value(0), s.value(1)))),
    entry!("HT_DCPERIOD", CycleIndicators, true, "Hilbert transform: dominant cycle period in bars", InputKind::Real,
        [], REAL, ["HtDcPeriod"], |_| typed::<HtDcPeriod>(Ok(HtDcPeriod::new()))),
    entry!("HT_DCPHASE", CycleIndicators, true, "Hilbert transform: dominant cycle phase in degrees (−45..=315)", InputKind::Real,
        [], REAL, ["HtDcPhase"], |_| typed::<HtDcPhase>(Ok(HtDcPhase::new()))),
    entry!("HT_PHASOR", CycleIndicators, true, "Hilbert transform: in-phase and quadrature components", InputKind::Real,
        [], &["inphase", "quadrature"], ["HtPhasor"], |_| typed::<HtPhasor>(Ok(HtPhasor::new()))),
    entry!("HT_SINE", CycleIndicators, true, "Hilbert transform: sine of the dominant cycle phase and lead sine (+45°)", InputKind::Real,
        [], &["sine", "leadsine"], ["HtSine"], |_| typed::<HtSine>(Ok(HtSine::new()))),
    entry!("HT_TRENDMODE", CycleIndicators, true, "Hilbert transform: trend (1) or cycle (0) mode", InputKind::Real,
        [], &["integer"], ["HtTrendMode"], |_| typed::<HtTrendMode>(Ok(HtTrendMode::new()))),
];

/// The crate's own functions.
static OWN: &[FunctionInfo] = &[
    entry!("MACROSS", Signals, false, "Golden (+100) and death (−100) crosses of two moving averages, 0 otherwise", InputKind::Real,
        [period("fastperiod", 50.0, "fast average"), period("slowperiod", 200.0, "slow average"),
         matype("matype", MA_CODES)],
        CROSS, ["MaCross"], macross),
    entry!("CROSSOVER", Signals, false, "Crosses of two series: +100 fast above slow, −100 below, 0 otherwise", InputKind::Pair("fast", "slow"),
        [], CROSS, ["Crossover"], |_| typed::<Crossover>(Ok(Crossover::new()))),
    entry!("CROSSLEVEL", Signals, false, "Crosses of a level: +100 upward, −100 downward, 0 otherwise", InputKind::Real,
        [float("level", 0.0, -1e150, 1e150, "the level")], CROSS, ["CrossLevel"],
        |s| typed::<CrossLevel>(CrossLevel::new(s.value(0)))),
    entry!("ZONES", Signals, false, "Overbought (+1) / neutral (0) / oversold (−1) zones of an oscillator, with entry and exit events", InputKind::Real,
        [float("overbought", 70.0, -1e150, 1e150, "upper level"), float("oversold", 30.0, -1e150, 1e150, "lower level")],
        &["zone", "entered", "left"], ["Zones"], |s| typed::<Zones>(Zones::new(s.value(0), s.value(1)))),
    entry!("MAPOSITION", Signals, false, "Price against three moving averages: their values, above all (1/0), below all (1/0)", InputKind::Real,
        [period("period1", 20.0, "first average"), period("period2", 50.0, "second average"),
         period("period3", 200.0, "third average"), matype("matype", &[0, 1])],
        &["ma1", "ma2", "ma3", "aboveall", "belowall"], ["MaPosition"], maposition),
    entry!("DRAWDOWN", Risk, false, "Drawdown from the running peak (fraction), its maximum, duration in inputs, and the peak", InputKind::Real,
        [], &["drawdown", "maxdrawdown", "duration", "peak"], ["Drawdown"], |_| typed::<Drawdown>(Ok(Drawdown::new()))),
    entry!("REALVOL", Risk, false, "Annualized realized volatility: sample σ of returns × √periods_per_year", InputKind::Real,
        [int("timeperiod", 20.0, 2.0, PERIOD_MAX, "number of returns"),
         int("periods_per_year", 252.0, 1.0, 1e9, "annualization"),
         int("returns", 0.0, 0.0, 1.0, "0 log returns, 1 simple returns")],
        REAL, ["RealizedVolatility"], realvol),
    entry!("SWINGPIVOTS", Levels, false, "Swing highs and lows confirmed `right` bars later: price and bars ago (NaN when none)", InputKind::Prices(&[Price::High, Price::Low]),
        [period("left", 2.0, "bars on the left"), period("right", 2.0, "bars on the right")],
        &["high", "highbarsago", "low", "lowbarsago"], ["SwingPivots"],
        |s| typed::<SwingPivots>(SwingPivots::with_sides(s.int(0), s.int(1)))),
    entry!("ZIGZAG", Levels, false, "Confirmed zigzag turns: +100 a high, −100 a low, 0 none; its price and bars ago", InputKind::Prices(HLC),
        [float("percent", 5.0, 0.0, 100.0, "reversal in percent"), int("source", 0.0, 0.0, 1.0, "0 high/low, 1 close")],
        &["turn", "price", "barsago"], ["ZigZag"], zigzag),
    entry!("REACTIONLOW", Levels, false, "Last confirmed swing low below the close: −100 when one exists, its price and bars ago", InputKind::Prices(HLC),
        [period("bars", 2.0, "bars each side of a swing low")],
        &["turn", "price", "barsago"], ["ReactionLow"], |s| typed::<ReactionLow>(ReactionLow::new(s.int(0)))),
    entry!("SUPPORTRESISTANCE", Levels, false, "Nearest support and resistance from clustered swing pivots, and events (1 touch, 2 retest, 3 break)", InputKind::Prices(HLC),
        [period("bars", 5.0, "swing pivot bars each side"), float("tolerance", 1.0, 0.0, 100.0, "cluster width in percent")],
        &["support", "resistance", "event", "eventlevel"], ["SupportResistance"], support_resistance),
    entry!("FLOORPIVOTS", Levels, false, "Floor-trader pivots of the previous day/week/month (NaN for the levels a formula lacks)", InputKind::TimestampedBar,
        [int("kind", 0.0, 0.0, 5.0, "0 classic, 1 Fibonacci, 2 Camarilla, 3 Woodie, 4 Woodie (open), 5 DeMark"),
         int("period", 0.0, 0.0, 2.0, "0 day, 1 week, 2 month (UTC)")],
        &["pivot", "r1", "s1", "r2", "s2", "r3", "s3", "r4", "s4", "r5", "s5"], ["FloorPivots"], floor_pivots),
    entry!("RATIOLINE", Relative, false, "Asset / benchmark ratio and its change in percent over the period (0: since the first pair)", InputKind::Pair("asset", "benchmark"),
        [int("timeperiod", 0.0, 0.0, PERIOD_MAX, "lookback, 0 for anchored")],
        &["ratio", "changepercent"], ["RatioLine"],
        |s| match s.int(0) { 0 => typed::<RatioLine>(Ok(RatioLine::anchored())), n => typed::<RatioLine>(RatioLine::new(n)) }),
    entry!("PERFSPREAD", Relative, false, "Asset's return minus the benchmark's, in percentage points, over the period (0: since the first pair)", InputKind::Pair("asset", "benchmark"),
        [int("timeperiod", 0.0, 0.0, PERIOD_MAX, "lookback, 0 for anchored")],
        REAL, ["PerformanceSpread"],
        |s| match s.int(0) { 0 => typed::<PerformanceSpread>(Ok(PerformanceSpread::anchored())), n => typed::<PerformanceSpread>(PerformanceSpread::new(n)) }),
    entry!("MANSFIELD", Relative, false, "Mansfield relative strength: the ratio line against its SMA, in percent", InputKind::Pair("asset", "benchmark"),
        [period("timeperiod", 200.0, "SMA of the ratio")], REAL, ["Mansfield"], |s| typed::<Mansfield>(Mansfield::new(s.int(0)))),
    entry!("LEADERSHIP", Relative, false, "Rotation: +100 when the ratio line crosses above its SMA (asset leads), −100 below, 0 otherwise", InputKind::Pair("asset", "benchmark"),
        [period("timeperiod", 50.0, "SMA of the ratio")], CROSS, ["Leadership"], |s| typed::<Leadership>(Leadership::new(s.int(0)))),
    entry!("PUTCALL", Sentiment, false, "Put/call ratio: smoothed, z-score, percentile, regime (−2 extreme complacency ..= +2 extreme fear), contrarian event (+100 bullish, −100 bearish)", InputKind::Pair("puts", "calls"),
        [period("smoothing", 10.0, "SMA of the ratio"), int("lookback", 252.0, 2.0, PERIOD_MAX, "z-score and percentile window")],
        &["ratio", "smoothed", "zscore", "percentile", "regime", "contrarian"], ["PutCall"],
        |s| typed::<PutCall>(PutCall::new(s.int(0), s.int(1)))),
];

/// Calls `visit` with the moving-average type of TA-Lib code `code`.
fn by_matype<V: MaVisitor>(code: f64, visit: V) -> Result<Box<dyn Erased>, Error> {
    match code as u8 {
        0 => visit.visit::<Sma<f64>>(),
        1 => visit.visit::<Ema<f64>>(),
        2 => visit.visit::<Wma<f64>>(),
        3 => visit.visit::<Dema<f64>>(),
        4 => visit.visit::<Tema<f64>>(),
        5 => visit.visit::<Trima<f64>>(),
        6 => visit.visit::<Kama<f64>>(),
        7 => visit.visit::<MamaLine>(),
        8 => visit.visit::<T3<f64>>(),
        9 => visit.visit::<Hma<f64>>(),
        10 => visit.visit::<Identity<f64>>(),
        // 11: the function's own default, SMA for every function that takes a `matype`.
        11 => visit.visit::<Sma<f64>>(),
        12 => visit.visit::<Zlema<f64>>(),
        13 => visit.visit::<Rma<f64>>(),
        _ => Err(Error::InvalidParameter {
            name: "matype",
            value: code.to_string(),
            expected: "0..=13",
        }),
    }
}

/// A moving average the catalog builds from a period.
pub(super) trait Average:
    Indicator<Input = f64, Output = f64>
    + Clone
    + PartialEq
    + std::fmt::Debug
    + Send
    + Sync
    + 'static
    + MaybeSerde
{
    fn build(period: usize) -> Result<Self, Error>;
}

macro_rules! average {
    ($($ty:ident),*) => {$(
        impl Average for $ty<f64> {
            fn build(period: usize) -> Result<Self, Error> {
                $ty::new(period)
            }
        }
    )*};
}
average!(Sma, Ema, Wma, Dema, Tema, Trima, Kama, Hma, Zlema, Rma);

/// `MA` with `matype` 7: TA-Lib's MAMA line with its default limits (0.5, 0.05); the period is
/// ignored, except that a period of 1 copies the input, as TA-Lib does for every type.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) enum MamaLine {
    /// Period 2 or more: the MAMA line (boxed: it is 40 times the size of the other).
    Mama(Box<Mama<f64>>),
    /// Period 1: the input.
    Input(Identity<f64>),
}

impl Indicator for MamaLine {
    type Input = f64;
    type Output = f64;

    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        match self {
            Self::Mama(mama) => mama.update(x).map(|m| m.mama),
            Self::Input(input) => input.update(x),
        }
    }

    fn peek(&self, x: f64) -> Option<f64> {
        match self {
            Self::Mama(mama) => mama.peek(x).map(|m| m.mama),
            Self::Input(input) => input.peek(x),
        }
    }

    fn value(&self) -> Option<f64> {
        match self {
            Self::Mama(mama) => mama.value().map(|m| m.mama),
            Self::Input(input) => input.value(),
        }
    }

    fn reset(&mut self) {
        match self {
            Self::Mama(mama) => mama.reset(),
            Self::Input(input) => input.reset(),
        }
    }

    fn warmup_period(&self) -> usize {
        match self {
            Self::Mama(mama) => mama.warmup_period(),
            Self::Input(input) => input.warmup_period(),
        }
    }
}

impl Average for MamaLine {
    fn build(period: usize) -> Result<Self, Error> {
        Ok(match crate::error::check_period("timeperiod", period)? {
            1 => Self::Input(Identity::new()),
            _ => Self::Mama(Box::default()),
        })
    }
}

/// `MA` with `matype` 8: TA-Lib's T3 with its default volume factor.
impl Average for T3<f64> {
    fn build(period: usize) -> Result<Self, Error> {
        T3::new(period, 0.7)
    }
}

/// `matype` 10: no average; the period is ignored, as TA-Lib ignores it.
impl Average for Identity<f64> {
    fn build(_period: usize) -> Result<Self, Error> {
        Ok(Identity::new())
    }
}

/// What to build with the moving-average type of a `matype` code.
trait MaVisitor {
    fn visit<M: Average>(self) -> Result<Box<dyn Erased>, Error>
    where
        Typed<M>: Erased,
        Typed<MaCross<f64, M, M>>: Erased,
        Typed<Mavp<M>>: Erased,
        Typed<MaBands<M>>: Erased;
}

/// `BBANDS(timeperiod, nbdevup, nbdevdn)` around another average than the SMA.
struct BandsAround(usize, f64, f64);

impl MaVisitor for BandsAround {
    fn visit<M: Average>(self) -> Result<Box<dyn Erased>, Error>
    where
        Typed<M>: Erased,
        Typed<MaCross<f64, M, M>>: Erased,
        Typed<Mavp<M>>: Erased,
        Typed<MaBands<M>>: Erased,
    {
        typed::<MaBands<M>>(MaBands::new(self.0, self.1, self.2, M::build))
    }
}

/// `MAVP(minperiod, maxperiod)`.
struct VariablePeriod(usize, usize);

impl MaVisitor for VariablePeriod {
    fn visit<M: Average>(self) -> Result<Box<dyn Erased>, Error>
    where
        Typed<M>: Erased,
        Typed<MaCross<f64, M, M>>: Erased,
        Typed<Mavp<M>>: Erased,
        Typed<MaBands<M>>: Erased,
    {
        typed::<Mavp<M>>(Mavp::new(self.0, self.1, M::build))
    }
}

struct MovingAverage(usize);

impl MaVisitor for MovingAverage {
    fn visit<M: Average>(self) -> Result<Box<dyn Erased>, Error>
    where
        Typed<M>: Erased,
        Typed<MaCross<f64, M, M>>: Erased,
        Typed<Mavp<M>>: Erased,
        Typed<MaBands<M>>: Erased,
    {
        typed::<M>(M::build(self.0))
    }
}

struct CrossOfAverages(usize, usize);

impl MaVisitor for CrossOfAverages {
    fn visit<M: Average>(self) -> Result<Box<dyn Erased>, Error>
    where
        Typed<M>: Erased,
        Typed<MaCross<f64, M, M>>: Erased,
        Typed<Mavp<M>>: Erased,
        Typed<MaBands<M>>: Erased,
    {
        if self.0 >= self.1 {
            return Err(Error::InvalidParameter {
                name: "fastperiod",
                value: self.0.to_string(),
                expected: "less than `slowperiod`",
            });
        }
        typed::<MaCross<f64, M, M>>(Ok(MaCross::with_averages(
            M::build(self.0)?,
            M::build(self.1)?,
        )))
    }
}

fn macross(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    by_matype(s.value(2), CrossOfAverages(s.int(0), s.int(1)))
}

fn bbands(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let (period, up, down) = (s.int(0), s.value(1), s.value(2));
    let code = s.value(3);
    // 0 and 11 (BBANDS' own default) are the SMA: Bollinger bands.
    if code != 0.0 && code != 11.0 {
        return by_matype(code, BandsAround(period, up, down));
    }
    if up.to_bits() == down.to_bits() {
        typed::<Bollinger>(Bollinger::new(period, up))
    } else {
        typed(Ok(AsymmetricBands {
            upper: Bollinger::new(period, up)?,
            lower: Bollinger::new(period, down)?,
        }))
    }
}

fn sarext(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let settings = SarSettings {
        start_value: s.value(0),
        offset_on_reverse: s.value(1),
        acceleration_init_long: s.value(2),
        acceleration_long: s.value(3),
        acceleration_max_long: s.value(4),
        acceleration_init_short: s.value(5),
        acceleration_short: s.value(6),
        acceleration_max_short: s.value(7),
    };
    typed(ParabolicSar::extended(settings).map(SignedSar))
}

fn stddev(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let deviation = StdDev::<f64>::new(s.int(0));
    let factor = s.value(1);
    if factor == 1.0 {
        typed(deviation)
    } else {
        typed(deviation.map(|inner| Scaled { inner, factor }))
    }
}

fn maposition(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let kind = if s.int(3) == 1 {
        MaKind::Ema
    } else {
        MaKind::Sma
    };
    typed::<MaPosition>(MaPosition::new(&[
        (kind, s.int(0)),
        (kind, s.int(1)),
        (kind, s.int(2)),
    ]))
}

fn realvol(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let returns = if s.int(2) == 1 {
        Returns::Simple
    } else {
        Returns::Log
    };
    typed(
        RealizedVolatility::<f64>::new(s.int(0))
            .and_then(|vol| vol.with_periods_per_year(s.int(1)))
            .map(|vol| vol.with_returns(returns)),
    )
}

fn zigzag(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let source = if s.int(1) == 1 {
        ZigZagSource::Close
    } else {
        ZigZagSource::HighLow
    };
    typed::<ZigZag>(ZigZag::new(s.value(0)).map(|zigzag| zigzag.with_source(source)))
}

fn support_resistance(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    typed::<SupportResistance>(SupportResistance::new(LevelsConfig {
        bars: s.int(0),
        tolerance: Tolerance::Percent(s.value(1)),
        ..LevelsConfig::default()
    }))
}

fn floor_pivots(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let kind = match s.int(0) {
        1 => PivotKind::Fibonacci,
        2 => PivotKind::Camarilla,
        3 => PivotKind::Woodie,
        4 => PivotKind::WoodieOpen,
        5 => PivotKind::Demark,
        _ => PivotKind::Classic,
    };
    let period = match s.int(1) {
        1 => PivotPeriod::Week,
        2 => PivotPeriod::Month,
        _ => PivotPeriod::Day,
    };
    typed::<FloorPivots>(Ok(FloorPivots::new(kind, period)))
}

/// `STDDEV` with `nbdev ≠ 1`: the standard deviation times a constant.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Scaled {
    inner: StdDev<f64>,
    factor: f64,
}

impl Indicator for Scaled {
    type Input = f64;
    type Output = f64;

    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        self.inner.update(x).map(|v| v * self.factor)
    }

    fn peek(&self, x: f64) -> Option<f64> {
        self.inner.peek(x).map(|v| v * self.factor)
    }

    fn value(&self) -> Option<f64> {
        self.inner.value().map(|v| v * self.factor)
    }

    fn reset(&mut self) {
        self.inner.reset();
    }

    fn warmup_period(&self) -> usize {
        self.inner.warmup_period()
    }
}

/// TA-Lib's `BETA(real0, real1)` regresses `real1` on `real0`: the typed [`Beta`] takes
/// `(asset, benchmark)`, so the pair is swapped on the way in.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct Swapped<I>(I);

impl<I: Indicator<Input = (f64, f64)>> Indicator for Swapped<I> {
    type Input = (f64, f64);
    type Output = I::Output;

    #[inline]
    fn update(&mut self, (first, second): (f64, f64)) -> Option<I::Output> {
        self.0.update((second, first))
    }

    fn peek(&self, (first, second): (f64, f64)) -> Option<I::Output> {
        self.0.peek((second, first))
    }

    fn value(&self) -> Option<I::Output> {
        self.0.value()
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }

    fn try_update(&mut self, (first, second): (f64, f64)) -> Result<Option<I::Output>, Error> {
        self.0.try_update((second, first))
    }
}

/// A `(price, volume)` indicator fed from bars: the close and the volume.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct CloseVolume<I>(I);

impl<I: Indicator<Input = (f64, f64)>> Indicator for CloseVolume<I> {
    type Input = Candle<f64>;
    type Output = I::Output;

    #[inline]
    fn update(&mut self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.update((bar.close, bar.volume))
    }

    fn peek(&self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.peek((bar.close, bar.volume))
    }

    fn value(&self) -> Option<I::Output> {
        self.0.value()
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }

    fn try_update(&mut self, bar: Candle<f64>) -> Result<Option<I::Output>, Error> {
        self.0.try_update((bar.close, bar.volume))
    }
}

/// `SAREXT`: TA-Lib reports a short position's SAR as a negative number.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct SignedSar(ParabolicSar<f64>);

fn signed(output: StopOutput<f64>) -> f64 {
    match output.trend {
        Trend::Up => output.stop,
        Trend::Down => -output.stop,
    }
}

impl Indicator for SignedSar {
    type Input = Candle<f64>;
    type Output = f64;

    #[inline]
    fn update(&mut self, candle: Candle<f64>) -> Option<f64> {
        self.0.update(candle).map(signed)
    }

    fn peek(&self, candle: Candle<f64>) -> Option<f64> {
        self.0.peek(candle).map(signed)
    }

    fn value(&self) -> Option<f64> {
        self.0.value().map(signed)
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }
}

/// `BBANDS` with `nbdevup ≠ nbdevdn`: the upper and middle band of one, the lower of the
/// other.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct AsymmetricBands {
    upper: Bollinger<f64>,
    lower: Bollinger<f64>,
}

fn join(upper: Option<Bands<f64>>, lower: Option<Bands<f64>>) -> Option<Bands<f64>> {
    let (upper, lower) = (upper?, lower?);
    Some(Bands {
        lower: lower.lower,
        ..upper
    })
}

impl Indicator for AsymmetricBands {
    type Input = f64;
    type Output = Bands<f64>;

    #[inline]
    fn update(&mut self, x: f64) -> Option<Bands<f64>> {
        join(self.upper.update(x), self.lower.update(x))
    }

    fn peek(&self, x: f64) -> Option<Bands<f64>> {
        join(self.upper.peek(x), self.lower.peek(x))
    }

    fn value(&self) -> Option<Bands<f64>> {
        join(self.upper.value(), self.lower.value())
    }

    fn reset(&mut self) {
        self.upper.reset();
        self.lower.reset();
    }

    fn warmup_period(&self) -> usize {
        self.upper.warmup_period()
    }
}

// Outputs as numbers. Events use TA-Lib's pattern convention: +100 bullish / up, −100
// bearish / down, 0 none.

fn event(up: bool, down: bool) -> f64 {
    if up {
        100.0
    } else if down {
        -100.0
    } else {
        0.0
    }
}

fn or_nan(value: Option<f64>) -> f64 {
    value.unwrap_or(f64::NAN)
}

/// Heikin-Ashi candles: open, high, low, close (TA-Lib's `haopen`, `hahigh`, `halow`,
/// `haclose`); the volume is the input's and is not an output.
impl ToNumbers for Candle<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.open, self.high, self.low, self.close]);
    }
}

impl ToNumbers for MacdOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.macd, self.signal, self.histogram]);
    }
}

impl ToNumbers for StochasticOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.k, self.d]);
    }
}

impl ToNumbers for StopOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.stop, f64::from(self.trend.sign())]);
    }
}

impl ToNumbers for BandLines<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.upper, self.middle, self.lower]);
    }
}

impl ToNumbers for Bands<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.upper, self.middle, self.lower]);
    }
}

impl ToNumbers for DrawdownOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(
            out,
            [
                self.drawdown,
                self.max_drawdown,
                self.duration as f64,
                self.peak,
            ],
        );
    }
}

impl ToNumbers for Option<Cross> {
    fn write(&self, out: &mut Values) {
        set(
            out,
            [event(
                *self == Some(Cross::Above),
                *self == Some(Cross::Below),
            )],
        );
    }
}

impl ToNumbers for Option<MaCrossEvent> {
    fn write(&self, out: &mut Values) {
        let golden = *self == Some(MaCrossEvent::GoldenCross);
        set(
            out,
            [event(golden, *self == Some(MaCrossEvent::DeathCross))],
        );
    }
}

impl ToNumbers for Option<LeadershipEvent> {
    fn write(&self, out: &mut Values) {
        let leads = *self == Some(LeadershipEvent::AssetLeads);
        set(
            out,
            [event(leads, *self == Some(LeadershipEvent::BenchmarkLeads))],
        );
    }
}

impl ToNumbers for ZoneReading {
    fn write(&self, out: &mut Values) {
        let zone = match self.zone() {
            Zone::Overbought => 1.0,
            Zone::Neutral => 0.0,
            Zone::Oversold => -1.0,
        };
        let entered = self.entry();
        let left = self.exit();
        set(
            out,
            [
                zone,
                event(
                    entered == Some(ZoneEvent::EnteredOverbought),
                    entered == Some(ZoneEvent::EnteredOversold),
                ),
                event(
                    left == Some(ZoneEvent::LeftOverbought),
                    left == Some(ZoneEvent::LeftOversold),
                ),
            ],
        );
    }
}

impl ToNumbers for MaPositionReading<f64> {
    fn write(&self, out: &mut Values) {
        let average = |index| or_nan(self.get(index).map(|key| key.value()));
        let flag = |value: Option<bool>| or_nan(value.map(|yes| f64::from(u8::from(yes))));
        set(
            out,
            [
                average(0),
                average(1),
                average(2),
                flag(self.above_all()),
                flag(self.below_all()),
            ],
        );
    }
}

impl ToNumbers for SwingReading<f64> {
    fn write(&self, out: &mut Values) {
        let price = |swing: Option<Swing<f64>>| or_nan(swing.map(|s| s.price));
        let ago = |swing: Option<Swing<f64>>| or_nan(swing.map(|s| s.bars_ago as f64));
        set(
            out,
            [
                price(self.high),
                ago(self.high),
                price(self.low),
                ago(self.low),
            ],
        );
    }
}

impl ToNumbers for Option<Swing<f64>> {
    fn write(&self, out: &mut Values) {
        let turn = self.map_or(0.0, |swing| {
            event(swing.kind == SwingKind::High, swing.kind == SwingKind::Low)
        });
        set(
            out,
            [
                turn,
                or_nan(self.map(|swing| swing.price)),
                or_nan(self.map(|swing| swing.bars_ago as f64)),
            ],
        );
    }
}

impl ToNumbers for LevelsReading<f64> {
    fn write(&self, out: &mut Values) {
        let (code, level) = match self.event {
            None => (0.0, f64::NAN),
            Some(LevelEvent::Touch(level)) => (1.0, level.price()),
            Some(LevelEvent::Retest(level)) => (2.0, level.price()),
            Some(LevelEvent::Break(level)) => (3.0, level.price()),
        };
        set(
            out,
            [
                or_nan(self.support.map(|level| level.price())),
                or_nan(self.resistance.map(|level| level.price())),
                code,
                level,
            ],
        );
    }
}

impl ToNumbers for PivotLevels<f64> {
    fn write(&self, out: &mut Values) {
        set(
            out,
            [
                self.pivot,
                self.r1,
                self.s1,
                or_nan(self.r2),
                or_nan(self.s2),
                or_nan(self.r3),
                or_nan(self.s3),
                or_nan(self.r4),
                or_nan(self.s4),
                or_nan(self.r5),
                or_nan(self.s5),
            ],
        );
    }
}

impl ToNumbers for RatioLineOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.ratio, self.change_percent]);
    }
}

impl ToNumbers for PutCallReading<f64> {
    fn write(&self, out: &mut Values) {
        let regime = match self.regime {
            Regime::ExtremeComplacency => -2.0,
            Regime::Complacency => -1.0,
            Regime::Neutral => 0.0,
            Regime::Fear => 1.0,
            Regime::ExtremeFear => 2.0,
        };
        let contrarian = self.change.and_then(|change| change.contrarian());
        set(
            out,
            [
                self.ratio,
                self.smoothed,
                self.z_score,
                self.percentile,
                regime,
                event(
                    contrarian == Some(Contrarian::Bullish),
                    contrarian == Some(Contrarian::Bearish),
                ),
            ],
        );
    }
}

impl ToNumbers for MamaOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.mama, self.fama]);
    }
}

impl ToNumbers for Phasor<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.in_phase, self.quadrature]);
    }
}

impl ToNumbers for SineWave<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.sine, self.lead_sine]);
    }
}

impl ToNumbers for MarketMode {
    fn write(&self, out: &mut Values) {
        set(out, [f64::from(self.code())]);
    }
}
