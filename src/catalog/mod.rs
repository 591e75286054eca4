//! The catalog: every indicator by name, built at runtime from a spec string.
//!
//! Tools that do not know at compile time which indicators a user will ask for (screeners,
//! backtesters, strategy builders, SQL engines, bots reading a config file) list the
//! [`functions`], build a [`DynIndicator`] from a spec such as `"RSI(14)"`,
//! `"macd(12, 26, 9)"` or `"BBANDS(timeperiod=20, nbdevup=2.5)"`, feed it [`DynInput`]s and
//! read its [`DynOutput`] by position or by name. This is TA-Lib's abstract API
//! (`talib.abstract.Function('MACD')`) for this crate.
//!
//! ```
//! use ta_stream::catalog::{self, DynIndicator, DynInput};
//! use ta_stream::Indicator;
//!
//! let info = catalog::find("bbands").expect("a TA-Lib function");
//! assert_eq!(info.group.name(), "Overlap Studies");
//! assert_eq!(info.outputs, ["upperband", "middleband", "lowerband"]);
//!
//! let mut indicators: Vec<DynIndicator> = ["RSI(14)", "BBANDS(timeperiod=5, nbdevup=2.5)", "SMA"]
//!     .iter()
//!     .map(|spec| spec.parse())
//!     .collect::<Result<_, _>>()?;
//! for close in (0..40).map(|i| 100.0 + f64::from(i % 7)) {
//!     for indicator in &mut indicators {
//!         indicator.update(DynInput::real(close));
//!     }
//! }
//! assert_eq!(indicators[2].to_string(), "SMA(timeperiod=30)"); // TA-Lib's default
//! let bands = indicators[1].value().expect("warmed up");
//! assert!(bands.by_name("upperband") > bands.by_name("middleband"));
//! # Ok::<(), ta_stream::catalog::CatalogError>(())
//! ```
//!
//! # Specs
//!
//! `NAME` or `NAME(arguments)`, case-insensitive: arguments positional in TA-Lib's order,
//! then optionally by TA-Lib's parameter name (`name=value`); omitted parameters take
//! TA-Lib's defaults; `matype` takes TA-Lib's codes ([`MaType`]: 0 SMA, 1 EMA, 2 WMA,
//! 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA (its `mama` line, limits 0.5 and 0.05; the period
//! is ignored), 8 T3 (`vfactor` 0.7), 9 HMA, 10 identity, 11 the function's default (SMA),
//! 12 ZLEMA, 13 Wilder ([`Rma`](crate::average::Rma))).
//! Every mistake is a [`CatalogError`] that says what would be valid: the closest function
//! name, the parameter names, the range, the byte position of a syntax error.
//! [`Display`](std::fmt::Display) prints the canonical spec (every parameter by name), which
//! parses back to the same indicator.
//!
//! # Inputs and outputs
//!
//! A [`DynInput`] carries a bar's open, high, low, close and volume, a second series
//! (`real1`) and an optional timestamp; [`InputKind`] says what a function reads. Outputs are
//! numbers, in TA-Lib's order and with TA-Lib's names for TA-Lib's functions. `update`
//! returns `None` during warm-up exactly where TA-Lib has NaN; a value a reading lacks (a
//! pivot level a formula does not have, a swing not confirmed yet) is NaN. Events use
//! TA-Lib's pattern convention: **+100** for a bullish / upward event (golden cross, cross
//! above, entered overbought, asset leads, contrarian bullish), **−100** for the opposite,
//! **0** for none; zones and regimes are small integers (zone +1 overbought, 0 neutral,
//! −1 oversold; put/call regime −2 extreme complacency ..= +2 extreme fear). Each entry's
//! [`summary`](FunctionInfo::summary) says its coding.
//!
//! # Columns
//!
//! [`DynIndicator::run_columns`] runs over whole [`Columns`] into caller-provided output
//! slices, TA-Lib style (NaN during warm-up), bit-identical to streaming and without
//! allocating; the most used functions through their typed column paths.
//!
//! # State
//!
//! With the `serde` feature, a [`DynIndicator`] saves as `{version, spec, state}`; loading
//! parses the spec, deserializes the state into that typed indicator with its own
//! validation, and refuses a state whose parameters are not the spec's or another
//! [`STATE_VERSION`].
//!
//! # Cost
//!
//! The typed indicators stay the fast path. The dynamic layer adds one virtual call per
//! update (see `benches/catalog.rs`) and computes exactly what the typed indicator computes,
//! bit for bit.
//!
//! # Entries
//!
//! TA-Lib's functions, with TA-Lib's names, groups, parameters (names, order, defaults) and
//! outputs (checked against TA-Lib's abstract API by a test):
//!
//! | Name | Group | Inputs | Parameters (defaults) | Outputs | Typed |
//! |---|---|---|---|---|---|
//! | `SMA` | Overlap Studies | real | timeperiod=30 | real | [`Sma`](crate::average::Sma) |
//! | `EMA` | Overlap Studies | real | timeperiod=30 | real | [`Ema`](crate::average::Ema) |
//! | `WMA` | Overlap Studies | real | timeperiod=30 | real | [`Wma`](crate::average::Wma) |
//! | `DEMA` | Overlap Studies | real | timeperiod=30 | real | [`Dema`](crate::average::Dema) |
//! | `TEMA` | Overlap Studies | real | timeperiod=30 | real | [`Tema`](crate::average::Tema) |
//! | `TRIMA` | Overlap Studies | real | timeperiod=30 | real | [`Trima`](crate::average::Trima) |
//! | `KAMA` | Overlap Studies | real | timeperiod=30 | real | [`Kama`](crate::average::Kama) |
//! | `T3` | Overlap Studies | real | timeperiod=5, vfactor=0.7 | real | [`T3`](crate::average::T3) |
//! | `HMA` | Overlap Studies | real | timeperiod=20 | real | [`Hma`](crate::average::Hma) |
//! | `VWMA` | Overlap Studies | close, volume | timeperiod=30 | real | [`Vwma`](crate::average::Vwma) |
//! | `MAVP` | Overlap Studies | real, periods | minperiod=2, maxperiod=30, matype=0 | real | [`Mavp`](crate::average::Mavp) of the `matype`'s average |
//! | `ZLEMA` | Overlap Studies | real | timeperiod=30 | real | [`Zlema`](crate::average::Zlema) |
//! | `RMA` | Overlap Studies | real | timeperiod=30 | real | [`Rma`](crate::average::Rma) |
//! | `MA` | Overlap Studies | real | timeperiod=30, matype=0 | real | by `matype`: 0 SMA, 1 EMA, 2 WMA, 3 DEMA, 4 TEMA, 5 TRIMA, 6 KAMA, 7 MAMA, 8 T3, 9 HMA, 10 [`Identity`](crate::average::Identity), 11 SMA, 12 ZLEMA, 13 [`Rma`](crate::average::Rma) |
//! | `BBANDS` | Overlap Studies | real | timeperiod=20, nbdevup=2, nbdevdn=2, matype=0 | upperband, middleband, lowerband | [`Bollinger`](crate::volatility::Bollinger) (`matype` 0, 11), [`MaBands`](crate::volatility::MaBands) (the others) |
//! | `MIDPOINT` | Overlap Studies | real | timeperiod=14 | real | [`MidPoint`](crate::statistics::MidPoint) |
//! | `MIDPRICE` | Overlap Studies | high, low | timeperiod=14 | real | [`MidPrice`](crate::statistics::MidPrice) |
//! | `DONCHIAN` | Overlap Studies | high, low | timeperiod=20 | upperband, middleband, lowerband | [`Donchian`](crate::volatility::Donchian) |
//! | `ACCBANDS` | Overlap Studies | high, low, close | timeperiod=20 | upperband, middleband, lowerband | [`AccelerationBands`](crate::volatility::AccelerationBands) |
//! | `KC` | Overlap Studies | high, low, close | timeperiod=20, atrperiod=10, nbdev=2 | upperband, middleband, lowerband | [`Keltner`](crate::volatility::Keltner) |
//! | `SAR` | Overlap Studies | high, low | acceleration=0.02, maximum=0.2 | real | [`ParabolicSar`](crate::trend::ParabolicSar) |
//! | `SAREXT` | Overlap Studies | high, low | startvalue=0, offsetonreverse=0, accelerationinitlong=0.02, accelerationlong=0.02, accelerationmaxlong=0.2, accelerationinitshort=0.02, accelerationshort=0.02, accelerationmaxshort=0.2 | real (negative while short) | [`ParabolicSar::extended`](crate::trend::ParabolicSar::extended) |
//! | `SUPERTREND` | Overlap Studies | high, low, close | timeperiod=10, multiplier=3 | supertrend, trend (+1 up, −1 down) | [`SuperTrend`](crate::trend::SuperTrend) |
//! | `HT_TRENDLINE` | Overlap Studies | real | | real | [`HtTrendline`](crate::average::HtTrendline) |
//! | `MAMA` | Overlap Studies | real | fastlimit=0.5, slowlimit=0.05 | mama, fama | [`Mama`](crate::average::Mama) |
//! | `RSI` | Momentum Indicators | real | timeperiod=14 | real | [`Rsi`](crate::momentum::Rsi) ([`FlatRsi::TaLib`](crate::momentum::FlatRsi)) |
//! | `MACD` | Momentum Indicators | real | fastperiod=12, slowperiod=26, signalperiod=9 | macd, macdsignal, macdhist | [`Macd`](crate::momentum::Macd) |
//! | `ROC`, `ROCP`, `MOM` | Momentum Indicators | real | timeperiod=10 | real | [`Roc`](crate::momentum::Roc), [`Rocp`](crate::momentum::Rocp), [`Momentum`](crate::momentum::Momentum) |
//! | `STOCH` | Momentum Indicators | high, low, close | fastk_period=5, slowk_period=3, slowk_matype=0, slowd_period=3, slowd_matype=0 | slowk, slowd | [`Stochastic`](crate::momentum::Stochastic) (SMAs), [`MaStochastic`](crate::momentum::MaStochastic) (any `matype`) |
//! | `STOCHF` | Momentum Indicators | high, low, close | fastk_period=5, fastd_period=3, fastd_matype=0 | fastk, fastd | [`FastStochastic`](crate::momentum::FastStochastic) (SMA), [`MaFastStochastic`](crate::momentum::MaFastStochastic) (any `matype`) |
//! | `AROON` | Momentum Indicators | high, low | timeperiod=14 | aroondown, aroonup | [`Aroon`](crate::momentum::Aroon) |
//! | `AROONOSC` | Momentum Indicators | high, low | timeperiod=14 | real | [`AroonOscillator`](crate::momentum::AroonOscillator) |
//! | `CCI` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`Cci`](crate::momentum::Cci) |
//! | `WILLR` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`WilliamsR`](crate::momentum::WilliamsR) |
//! | `ULTOSC` | Momentum Indicators | high, low, close | timeperiod1=7, timeperiod2=14, timeperiod3=28 | real | [`UltimateOscillator`](crate::momentum::UltimateOscillator) |
//! | `VHF` | Momentum Indicators | real | timeperiod=28 | real | [`VerticalHorizontalFilter`](crate::momentum::VerticalHorizontalFilter) |
//! | `ERI` | Momentum Indicators | high, low, close | timeperiod=13 | bullpower, bearpower | [`ElderRay`](crate::momentum::ElderRay) |
//! | `FRACTAL` | Momentum Indicators | high, low | leftbars=2, rightbars=2 | swinghigh, swinglow (100 on the confirming bar, else 0) | [`Fractal`](crate::momentum::Fractal) |
//! | `AO` | Momentum Indicators | high, low | fastperiod=5, slowperiod=34 | real | [`AwesomeOscillator`](crate::momentum::AwesomeOscillator) |
//! | `AC` | Momentum Indicators | high, low | fastperiod=5, slowperiod=34, signalperiod=5 | real | [`Accelerator`](crate::momentum::Accelerator) |
//! | `FOSC` | Momentum Indicators | real | timeperiod=5 | real | [`ForecastOscillator`](crate::statistics::ForecastOscillator) |
//! | `PLUS_DM` | Momentum Indicators | high, low | timeperiod=14 | real | [`PlusDm`](crate::momentum::PlusDm) |
//! | `MINUS_DM` | Momentum Indicators | high, low | timeperiod=14 | real | [`MinusDm`](crate::momentum::MinusDm) |
//! | `PLUS_DI` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`PlusDi`](crate::momentum::PlusDi) |
//! | `MINUS_DI` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`MinusDi`](crate::momentum::MinusDi) |
//! | `DX` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`Dx`](crate::momentum::Dx) |
//! | `ADX` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`Adx`](crate::momentum::Adx) (all lines at once: [`Directional`](crate::momentum::Directional)) |
//! | `ADXR` | Momentum Indicators | high, low, close | timeperiod=14 | real | [`Adxr`](crate::momentum::Adxr) |
//! | `VORTEX` | Momentum Indicators | high, low, close | timeperiod=14 | plusvi, minusvi | [`Vortex`](crate::momentum::Vortex) |
//! | `CMO` | Momentum Indicators | real | timeperiod=14 | real | [`Cmo`](crate::momentum::Cmo) (Wilder-smoothed, as TA-Lib) |
//! | `CMOU` | Momentum Indicators | real | timeperiod=14 | real | [`Cmou`](crate::momentum::Cmou) (window sums) |
//! | `DPO` | Momentum Indicators | real | timeperiod=20 | real | [`Dpo`](crate::momentum::Dpo) |
//! | `ER` | Momentum Indicators | real | timeperiod=10 | real | [`EfficiencyRatio`](crate::momentum::EfficiencyRatio) |
//! | `IMI` | Momentum Indicators | open, close | timeperiod=14 | real | [`Imi`](crate::momentum::Imi) |
//! | `QSTICK` | Momentum Indicators | open, close | timeperiod=10 | real | [`Qstick`](crate::momentum::Qstick) |
//! | `BOP` | Momentum Indicators | open, high, low, close | | real | [`Bop`](crate::momentum::Bop) |
//! | `ROCR`, `ROCR100` | Momentum Indicators | real | timeperiod=10 | real | [`Rocr`](crate::momentum::Rocr), [`Rocr100`](crate::momentum::Rocr100) |
//! | `COPPOCK` | Momentum Indicators | real | wmaperiod=10, roc1period=11, roc2period=14 | real | [`Coppock`](crate::momentum::Coppock) |
//! | `WAD` | Momentum Indicators | high, low, close | | real | [`Wad`](crate::momentum::Wad) |
//! | `MFI` | Momentum Indicators | high, low, close, volume | timeperiod=14 | real | [`Mfi`](crate::momentum::Mfi) |
//! | `APO` | Momentum Indicators | real | fastperiod=12, slowperiod=26, matype=1 | real | [`Apo`](crate::momentum::Apo) |
//! | `PPO` | Momentum Indicators | real | fastperiod=12, slowperiod=26, matype=1 | real | [`Ppo`](crate::momentum::Ppo) |
//! | `MACDEXT` | Momentum Indicators | real | fastperiod=12, fastmatype=0, slowperiod=26, slowmatype=0, signalperiod=9, signalmatype=0 | macd, macdsignal, macdhist | [`MacdExt`](crate::momentum::MacdExt) |
//! | `MACDFIX` | Momentum Indicators | real | signalperiod=9 | macd, macdsignal, macdhist | [`MacdFix`](crate::momentum::MacdFix) |
//! | `TRIX` | Momentum Indicators | real | timeperiod=30 | real | [`Trix`](crate::momentum::Trix) |
//! | `STOCHRSI` | Momentum Indicators | real | timeperiod=14, fastk_period=5, fastd_period=3, fastd_matype=0 | fastk, fastd | [`StochRsi`](crate::momentum::StochRsi) |
//! | `KDJ` | Momentum Indicators | high, low, close | fastk_period=9, slowk_period=3, slowk_matype=13, slowd_period=3, slowd_matype=13 | k, d, j | [`Kdj`](crate::momentum::Kdj) |
//! | `TSI` | Momentum Indicators | real | firstperiod=25, secondperiod=13 | real | [`Tsi`](crate::momentum::Tsi) |
//! | `SMI` | Momentum Indicators | high, low, close | timeperiod=13, fastperiod=2, slowperiod=25, signalperiod=9 | smi, smisignal | [`Smi`](crate::momentum::Smi) |
//! | `AD` | Volume Indicators | high, low, close, volume | | real | [`AccumulationDistribution`](crate::volume::AccumulationDistribution) |
//! | `ADOSC` | Volume Indicators | high, low, close, volume | fastperiod=3, slowperiod=10 | real | [`ChaikinOscillator`](crate::volume::ChaikinOscillator) |
//! | `CMF` | Volume Indicators | high, low, close, volume | timeperiod=20 | real (−1..=1) | [`ChaikinMoneyFlow`](crate::volume::ChaikinMoneyFlow) |
//! | `EFI` | Volume Indicators | close, volume | timeperiod=13 | real | [`ForceIndex`](crate::volume::ForceIndex) |
//! | `MARKETFI` | Volume Indicators | high, low, volume | | real | [`MarketFacilitation`](crate::volume::MarketFacilitation) |
//! | `NVI`, `PVI` | Volume Indicators | close, volume | | real (from 1000) | [`VolumeIndex`](crate::volume::VolumeIndex) |
//! | `OBV` | Volume Indicators | close, volume | | real | [`Obv`](crate::volume::Obv) |
//! | `PVT` | Volume Indicators | close, volume | | real | [`PriceVolumeTrend`](crate::volume::PriceVolumeTrend) |
//! | `RVOL` | Volume Indicators | volume | timeperiod=20 | real | [`RelativeVolume`](crate::volume::RelativeVolume) |
//! | `VWAP` | Volume Indicators | high, low, close, volume | | real (cumulative since the first bar) | [`Vwap`](crate::volume::Vwap) |
//! | `PVO` | Volume Indicators | volume | fastperiod=12, slowperiod=26, matype=1 | real | [`Ppo`](crate::momentum::Ppo) of the volumes |
//! | `HT_DCPERIOD` | Cycle Indicators | real | | real | [`HtDcPeriod`](crate::cycle::HtDcPeriod) |
//! | `HT_DCPHASE` | Cycle Indicators | real | | real | [`HtDcPhase`](crate::cycle::HtDcPhase) |
//! | `HT_PHASOR` | Cycle Indicators | real | | inphase, quadrature | [`HtPhasor`](crate::cycle::HtPhasor) |
//! | `HT_SINE` | Cycle Indicators | real | | sine, leadsine | [`HtSine`](crate::cycle::HtSine) |
//! | `HT_TRENDMODE` | Cycle Indicators | real | | integer (1 trend, 0 cycle) | [`HtTrendMode`](crate::cycle::HtTrendMode) |
//! | `TYPPRICE` | Price Transform | high, low, close | | real | [`TypicalPrice`](crate::price::TypicalPrice) |
//! | `AVGPRICE` | Price Transform | open, high, low, close | | real | [`AveragePrice`](crate::price::AveragePrice) |
//! | `MEDPRICE` | Price Transform | high, low | | real | [`MedianPrice`](crate::price::MedianPrice) |
//! | `WCLPRICE` | Price Transform | high, low, close | | real | [`WeightedClose`](crate::price::WeightedClose) |
//! | `HA` | Price Transform | open, high, low, close | | haopen, hahigh, halow, haclose | [`HeikinAshi`](crate::price::HeikinAshi) |
//! | `AVGDEV` | Price Transform | real | timeperiod=14 | real | [`AverageDeviation`](crate::price::AverageDeviation) (O(n) per update) |
//! | `TRANGE` | Volatility Indicators | high, low, close | | real | [`TrueRange`](crate::volatility::TrueRange) |
//! | `ATR`, `NATR` | Volatility Indicators | high, low, close | timeperiod=14 | real | [`Atr`](crate::volatility::Atr), [`Natr`](crate::volatility::Natr) |
//! | `ADR` | Volatility Indicators | high, low | timeperiod=14 | real | [`AverageDayRange`](crate::volatility::AverageDayRange) |
//! | `CVI` | Volatility Indicators | high, low | timeperiod=10, rocperiod=10 | real | [`ChaikinVolatility`](crate::volatility::ChaikinVolatility) |
//! | `MASSI` | Volatility Indicators | high, low | fastperiod=9, slowperiod=25 | real | [`MassIndex`](crate::volatility::MassIndex) |
//! | `RVI` | Volatility Indicators | real | timeperiod=14, stddevperiod=10 | real | [`RelativeVolatility`](crate::volatility::RelativeVolatility) |
//! | `CDL2CROWS`, `CDL3BLACKCROWS`, `CDL3INSIDE`, `CDL3LINESTRIKE`, `CDL3OUTSIDE`, `CDL3STARSINSOUTH`, `CDL3WHITESOLDIERS`, `CDLABANDONEDBABY`, `CDLADVANCEBLOCK`, `CDLBELTHOLD`, `CDLBREAKAWAY`, `CDLCLOSINGMARUBOZU`, `CDLCONCEALBABYSWALL`, `CDLCOUNTERATTACK`, `CDLDARKCLOUDCOVER`, `CDLDOJI`, `CDLDOJISTAR`, `CDLDRAGONFLYDOJI`, `CDLENGULFING`, `CDLEVENINGDOJISTAR`, `CDLEVENINGSTAR`, `CDLGAPSIDESIDEWHITE`, `CDLGRAVESTONEDOJI`, `CDLHAMMER`, `CDLHANGINGMAN`, `CDLHARAMI`, `CDLHARAMICROSS`, `CDLHIGHWAVE`, `CDLHIKKAKE`, `CDLHIKKAKEMOD`, `CDLHOMINGPIGEON`, `CDLIDENTICAL3CROWS`, `CDLINNECK`, `CDLINVERTEDHAMMER` | Pattern Recognition | open, high, low, close | penetration=0.3 (`CDLABANDONEDBABY`, `CDLEVENINGDOJISTAR`, `CDLEVENINGSTAR`), penetration=0.5 (`CDLDARKCLOUDCOVER`); none for the others | integer (+100 bullish, −100 bearish, 0 none; ±80 weak engulfing / harami, ±200 Hikkake confirmation) | one per pattern in [`pattern`](crate::pattern) ([`Doji`](crate::pattern::Doji), ...) |
//! | `CDLKICKING`, `CDLKICKINGBYLENGTH`, `CDLLADDERBOTTOM`, `CDLLONGLEGGEDDOJI`, `CDLLONGLINE`, `CDLMARUBOZU`, `CDLMATCHINGLOW`, `CDLMATHOLD`, `CDLMORNINGDOJISTAR`, `CDLMORNINGSTAR`, `CDLONNECK`, `CDLPIERCING`, `CDLRICKSHAWMAN`, `CDLRISEFALL3METHODS`, `CDLSEPARATINGLINES`, `CDLSHOOTINGSTAR`, `CDLSHORTLINE`, `CDLSPINNINGTOP`, `CDLSTALLEDPATTERN`, `CDLSTICKSANDWICH`, `CDLTAKURI`, `CDLTASUKIGAP`, `CDLTHRUSTING`, `CDLTRISTAR`, `CDLUNIQUE3RIVER`, `CDLUPSIDEGAP2CROWS`, `CDLXSIDEGAP3METHODS` | Pattern Recognition | open, high, low, close | penetration=0.3 (`CDLMORNINGDOJISTAR`, `CDLMORNINGSTAR`), penetration=0.5 (`CDLMATHOLD`); none for the others | integer (+100 bullish, −100 bearish, 0 none; ±80 weak engulfing / harami, ±200 Hikkake confirmation) | one per pattern in [`pattern`](crate::pattern) ([`Doji`](crate::pattern::Doji), ...) |
//! | `VAR` | Statistic Functions | real | timeperiod=5, nbdev=1 (ignored, as in TA-Lib) | real | [`Variance`](crate::volatility::Variance) |
//! | `STDDEV` | Statistic Functions | real | timeperiod=5, nbdev=1 | real | [`StdDev`](crate::volatility::StdDev) |
//! | `BETA` | Statistic Functions | real0 (market), real1 (asset) | timeperiod=5 | real | [`Beta::talib`](crate::relative::Beta::talib) of (real1, real0) |
//! | `CORREL` | Statistic Functions | real0, real1 | timeperiod=30 | real | [`Correlation::talib`](crate::relative::Correlation::talib) |
//! | `LINEARREG` | Statistic Functions | real | timeperiod=14 | real | [`LinearRegression`](crate::statistics::LinearRegression) |
//! | `LINEARREG_ANGLE` | Statistic Functions | real | timeperiod=14 | real | [`RegressionAngle`](crate::statistics::RegressionAngle) |
//! | `LINEARREG_INTERCEPT` | Statistic Functions | real | timeperiod=14 | real | [`RegressionIntercept`](crate::statistics::RegressionIntercept) |
//! | `LINEARREG_SLOPE` | Statistic Functions | real | timeperiod=14 | real | [`RegressionSlope`](crate::statistics::RegressionSlope) |
//! | `TSF` | Statistic Functions | real | timeperiod=14 | real | [`TimeSeriesForecast`](crate::statistics::TimeSeriesForecast) |
//! | `PERCENTILE` | Statistic Functions | real | timeperiod=30, percentile=50 | real | [`Percentile`](crate::statistics::Percentile) |
//! | `PERCENTRANK` | Statistic Functions | real | timeperiod=100 | real | [`PercentRank`](crate::statistics::PercentRank) |
//! | `ACOS`, `ASIN`, `ATAN`, `CEIL`, `COS`, `COSH`, `EXP`, `FLOOR`, `LN`, `LOG10`, `SIN`, `SINH`, `SQRT`, `TAN`, `TANH` | Math Transform | real | | real (NaN outside the domain or on overflow) | [`MathTransform`](crate::math::MathTransform) |
//! | `MAX`, `MIN` | Math Operators | real | timeperiod=30 | real | [`RollingMax`](crate::statistics::RollingMax), [`RollingMin`](crate::statistics::RollingMin) |
//! | `ADD`, `SUB`, `MULT`, `DIV` | Math Operators | real0, real1 | | real (NaN where `DIV` divides by 0) | [`Arithmetic`](crate::math::Arithmetic) |
//! | `SUM` | Math Operators | real | timeperiod=30 | real | [`Sum`](crate::math::Sum) |
//! | `CUMSUM` | Math Operators | real | | real | [`CumulativeSum`](crate::math::CumulativeSum) |
//! | `MINMAX` | Math Operators | real | timeperiod=30 | min, max | [`MinMax`](crate::math::MinMax) |
//! | `MAXINDEX`, `MININDEX` | Math Operators | real | timeperiod=30 | integer (inputs counted from 0) | [`MaxIndex`](crate::math::MaxIndex), [`MinIndex`](crate::math::MinIndex) |
//! | `MINMAXINDEX` | Math Operators | real | timeperiod=30 | minidx, maxidx | [`MinMaxIndex`](crate::math::MinMaxIndex) |
//!
//! The crate's own:
//!
//! | Name | Group | Inputs | Parameters (defaults) | Outputs | Typed |
//! |---|---|---|---|---|---|
//! | `DMI` | Momentum Indicators | high, low, close | timeperiod=14 | plusdm, minusdm, plusdi, minusdi, dx, adx, adxr (NaN until ADX, ADXR start) | [`Directional`](crate::momentum::Directional) |
//! | `AVWAP` | Volume Indicators | timestamped bar | period=0 (0 day, 1 week, 2 month, UTC), nbdev=1 | vwap, upperband, lowerband, stddev | [`AnchoredVwap`](crate::volume::AnchoredVwap) |
//! | `CDLALL` | Pattern Recognition | open, high, low, close | | patterns, bullish, bearish (counts of the patterns on the bar) | [`CandlePatterns`](crate::pattern::CandlePatterns) |
//! | `MACROSS` | Signals | real | fastperiod=50, slowperiod=200, matype=0 | cross (+100 golden, −100 death) | [`MaCross`](crate::signal::MaCross) |
//! | `CROSSOVER` | Signals | fast, slow | | cross (+100 above, −100 below) | [`Crossover`](crate::signal::Crossover) |
//! | `CROSSLEVEL` | Signals | real | level=0 | cross | [`CrossLevel`](crate::signal::CrossLevel) |
//! | `ZONES` | Signals | real | overbought=70, oversold=30 | zone, entered, left | [`Zones`](crate::signal::Zones) |
//! | `MAPOSITION` | Signals | real | period1=20, period2=50, period3=200, matype=0 (0 SMA, 1 EMA) | ma1, ma2, ma3, aboveall, belowall | [`MaPosition`](crate::signal::MaPosition) |
//! | `DRAWDOWN` | Risk | real | | drawdown, maxdrawdown, duration, peak | [`Drawdown`](crate::risk::Drawdown) |
//! | `REALVOL` | Risk | real | timeperiod=20, periods_per_year=252, returns=0 (log; 1 simple) | real | [`RealizedVolatility`](crate::risk::RealizedVolatility) |
//! | `SWINGPIVOTS` | Levels | high, low | left=2, right=2 | high, highbarsago, low, lowbarsago | [`SwingPivots`](crate::levels::SwingPivots) |
//! | `ZIGZAG` | Levels | high, low, close | percent=5, source=0 (high/low; 1 close) | turn, price, barsago | [`ZigZag`](crate::levels::ZigZag) |
//! | `REACTIONLOW` | Levels | high, low, close | bars=2 | turn, price, barsago | [`ReactionLow`](crate::levels::ReactionLow) |
//! | `SUPPORTRESISTANCE` | Levels | high, low, close | bars=5, tolerance=1 | support, resistance, event, eventlevel | [`SupportResistance`](crate::levels::SupportResistance) |
//! | `FLOORPIVOTS` | Levels | timestamped bar | kind=0, period=0 | pivot, r1, s1, r2, s2, r3, s3, r4, s4, r5, s5 | [`FloorPivots`](crate::levels::FloorPivots) |
//! | `RATIOLINE` | Relative Strength | asset, benchmark | timeperiod=0 (anchored) | ratio, changepercent | [`RatioLine`](crate::relative::RatioLine) |
//! | `PERFSPREAD` | Relative Strength | asset, benchmark | timeperiod=0 (anchored) | real | [`PerformanceSpread`](crate::relative::PerformanceSpread) |
//! | `MANSFIELD` | Relative Strength | asset, benchmark | timeperiod=200 | real | [`Mansfield`](crate::relative::Mansfield) |
//! | `LEADERSHIP` | Relative Strength | asset, benchmark | timeperiod=50 | cross (+100 asset leads, −100 benchmark leads) | [`Leadership`](crate::relative::Leadership) |
//! | `PUTCALL` | Sentiment | puts, calls | smoothing=10, lookback=252 | ratio, smoothed, zscore, percentile, regime, contrarian | [`PutCall`](crate::sentiment::PutCall) |
//!
//! Not in the catalog, because they are not one stream per series:
//! [`IndexCalculator`](crate::index::IndexCalculator) (a whole index of constituents, keyed
//! by name), and the cross-sectional tools ([`relative::percentile_ranks`](crate::relative::percentile_ranks)
//! and the capped-weighting methods in [`index`](crate::index)).
//!
//! A test checks this table against the catalog, and another fails when a public indicator
//! type has no entry.

mod columns;
mod dynamic;
mod error;
mod info;
mod spec;
mod table;
mod typed_columns;

pub use columns::Columns;
pub use dynamic::{DynIndicator, DynInput, DynOutput, MAX_OUTPUTS, STATE_VERSION};
pub use error::CatalogError;
pub use info::{FunctionInfo, Group, InputKind, ParamInfo, ParamKind, Price};
pub use spec::{MaType, Spec, MAX_PARAMS};

/// Every function of the catalog, TA-Lib's first.
pub fn functions() -> &'static [FunctionInfo] {
    &table::ENTRIES
}

/// The function called `name` (case-insensitive).
///
/// ```
/// let rsi = ta_stream::catalog::find("rsi").expect("RSI is registered");
/// assert_eq!(rsi.params[0].name, "timeperiod");
/// assert_eq!(rsi.params[0].default, 14.0);
/// ```
pub fn find(name: &str) -> Option<&'static FunctionInfo> {
    table::ENTRIES
        .iter()
        .find(|info| info.name.eq_ignore_ascii_case(name))
}
