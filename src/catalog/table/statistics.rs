//! Statistic functions: linear regression, time-series forecast, percentiles.

use super::{float, int, typed, FunctionInfo, Group, InputKind, PERIOD_MAX, REAL};
use crate::statistics::{
    ForecastOscillator, LinearRegression, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};

// One declarative line per function, as in the table of `mod.rs`.
#[rustfmt::skip]
pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("LINEARREG", StatisticFunctions, true, "Linear regression: the least-squares line's value at the newest input", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["LinearRegression"],
        |s| typed::<LinearRegression>(LinearRegression::new(s.int(0)))),
    entry!("LINEARREG_ANGLE", StatisticFunctions, true, "Linear regression angle, in degrees", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["RegressionAngle"],
        |s| typed::<RegressionAngle>(RegressionAngle::new(s.int(0)))),
    entry!("LINEARREG_INTERCEPT", StatisticFunctions, true, "Linear regression intercept: the line's value at the oldest input", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["RegressionIntercept"],
        |s| typed::<RegressionIntercept>(RegressionIntercept::new(s.int(0)))),
    entry!("LINEARREG_SLOPE", StatisticFunctions, true, "Linear regression slope, per input", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["RegressionSlope"],
        |s| typed::<RegressionSlope>(RegressionSlope::new(s.int(0)))),
    entry!("TSF", StatisticFunctions, true, "Time series forecast: the least-squares line one input ahead", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of inputs")], REAL, ["TimeSeriesForecast"],
        |s| typed::<TimeSeriesForecast>(TimeSeriesForecast::new(s.int(0)))),
    entry!("FOSC", MomentumIndicators, true, "Forecast oscillator: 100·(input − previous TSF)/input", InputKind::Real,
        [int("timeperiod", 5.0, 2.0, PERIOD_MAX, "regression window")], REAL, ["ForecastOscillator"],
        |s| typed::<ForecastOscillator>(ForecastOscillator::new(s.int(0)))),
    entry!("PERCENTILE", StatisticFunctions, true, "Rolling percentile, nearest rank", InputKind::Real,
        [int("timeperiod", 30.0, 2.0, PERIOD_MAX, "number of inputs"), float("percentile", 50.0, 0.0, 100.0, "percent")],
        REAL, ["Percentile"], |s| typed::<Percentile>(Percentile::new(s.int(0), s.value(1)))),
    entry!("PERCENTRANK", StatisticFunctions, true, "Percent of the previous inputs strictly below the current one", InputKind::Real,
        [int("timeperiod", 100.0, 2.0, PERIOD_MAX, "number of earlier inputs")], REAL, ["PercentRank"],
        |s| typed::<PercentRank>(PercentRank::new(s.int(0)))),
];
