//! The catalog's typed references for this family.

use crate::{closes, typed_run, DynInput, Row};
use ta_stream::statistics::{
    ForecastOscillator, LinearRegression, PercentRank, Percentile, RegressionAngle,
    RegressionIntercept, RegressionSlope, TimeSeriesForecast,
};

pub const SPECS: &[&str] = &[
    "LINEARREG",
    "LINEARREG(3)",
    "LINEARREG_ANGLE",
    "LINEARREG_ANGLE(50)",
    "LINEARREG_INTERCEPT",
    "LINEARREG_INTERCEPT(2)",
    "LINEARREG_SLOPE",
    "LINEARREG_SLOPE(30)",
    "TSF",
    "TSF(7)",
    "FOSC",
    "FOSC(20)",
    "PERCENTILE",
    "PERCENTILE(10, 90)",
    "PERCENTRANK",
    "PERCENTRANK(20)",
];

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let single = || closes().into_iter().map(DynInput::real).collect::<Vec<_>>();
    let one = |x: f64| vec![x];
    let rows = match spec {
        "LINEARREG" => typed_run(LinearRegression::new(14).unwrap(), &closes(), one),
        "LINEARREG(3)" => typed_run(LinearRegression::new(3).unwrap(), &closes(), one),
        "LINEARREG_ANGLE" => typed_run(RegressionAngle::new(14).unwrap(), &closes(), one),
        "LINEARREG_ANGLE(50)" => typed_run(RegressionAngle::new(50).unwrap(), &closes(), one),
        "LINEARREG_INTERCEPT" => typed_run(RegressionIntercept::new(14).unwrap(), &closes(), one),
        "LINEARREG_INTERCEPT(2)" => typed_run(RegressionIntercept::new(2).unwrap(), &closes(), one),
        "LINEARREG_SLOPE" => typed_run(RegressionSlope::new(14).unwrap(), &closes(), one),
        "LINEARREG_SLOPE(30)" => typed_run(RegressionSlope::new(30).unwrap(), &closes(), one),
        "TSF" => typed_run(TimeSeriesForecast::new(14).unwrap(), &closes(), one),
        "TSF(7)" => typed_run(TimeSeriesForecast::new(7).unwrap(), &closes(), one),
        "FOSC" => typed_run(ForecastOscillator::new(5).unwrap(), &closes(), one),
        "FOSC(20)" => typed_run(ForecastOscillator::new(20).unwrap(), &closes(), one),
        "PERCENTILE" => typed_run(Percentile::new(30, 50.0).unwrap(), &closes(), one),
        "PERCENTILE(10, 90)" => typed_run(Percentile::new(10, 90.0).unwrap(), &closes(), one),
        "PERCENTRANK" => typed_run(PercentRank::new(100).unwrap(), &closes(), one),
        "PERCENTRANK(20)" => typed_run(PercentRank::new(20).unwrap(), &closes(), one),
        _ => return None,
    };
    Some((rows, single()))
}
