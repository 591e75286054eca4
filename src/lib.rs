//! # ta-stream
//!
//! Streaming technical-analysis indicators for Rust: every indicator is a small state machine
//! that takes one input and returns the current output in O(1), matches TA-Lib at every index,
//! and can be saved mid-stream (serde) and resumed exactly where it stopped.
//!
//! ```
//! use ta_stream::prelude::*;
//!
//! let closes = [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08];
//! let mut sma = Sma::new(5)?;
//! let mut rsi = Rsi::new(5)?;
//! for &close in &closes {
//!     sma.update(close);
//!     rsi.update(close);
//! }
//! let (Some(mean), Some(strength)) = (sma.value(), rsi.value()) else { unreachable!() };
//! assert!(closes[9] > mean && strength > 70.0); // above its average, overbought
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ## A tour, one family at a time
//!
//! Every example below runs as a doctest. Each indicator returns `None` while it warms up,
//! then `Some(value)` on every input.
//!
//! ### Averages
//!
//! [`Sma`](average::Sma) and [`Ema`](average::Ema) (seeded with the mean of the first `n`
//! inputs, like TA-Lib); [`peek`](Indicator::peek) previews a bar that is still forming
//! without committing it, and [`batch`](Indicator::batch) runs the same loop over a slice.
//!
//! ```
//! use ta_stream::average::{Ema, Sma};
//! use ta_stream::Indicator;
//!
//! let closes = [10.0, 11.0, 12.0, 13.0, 17.0];
//! let mut sma = Sma::new(3)?;
//! let mut ema = Ema::new(3)?; // α = 2/(3+1) = 0.5, seeded at 11 on the third close
//! for &close in &closes {
//!     sma.update(close);
//!     ema.update(close);
//! }
//! assert_eq!(sma.value(), Some(14.0)); // (12 + 13 + 17) / 3
//! assert_eq!(ema.value(), Some(14.5)); // 11 → 12 → 14.5
//! assert_eq!(sma.peek(18.0), Some(16.0)); // (13 + 17 + 18) / 3, not committed
//! assert_eq!(sma.value(), Some(14.0));
//! assert_eq!(Sma::new(3)?.batch(&closes), [None, None, Some(11.0), Some(12.0), Some(14.0)]);
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ### Oscillators: RSI and its zones
//!
//! [`Rsi`](momentum::Rsi) is Wilder's; [`Zones`](signal::Zones) turns any oscillator into
//! overbought/oversold zones (70/30 by default) with entry and exit events.
//!
//! ```
//! use ta_stream::momentum::Rsi;
//! use ta_stream::signal::{Zone, ZoneEvent, Zones};
//! use ta_stream::Indicator;
//!
//! let mut rsi = Rsi::new(5)?;
//! let mut zones = Zones::default(); // 70 / 30
//! let mut events = Vec::new();
//! // Five rises (RSI 100), then four falls of 2.
//! let closes: [f64; 10] = [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 13.0, 11.0, 9.0, 7.0];
//! for close in closes {
//!     if let Some(reading) = rsi.update(close).and_then(|value| zones.update(value)) {
//!         events.extend(reading.events());
//!     }
//! }
//! assert_eq!(events, [ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold]);
//! assert_eq!(zones.value().map(|reading| reading.zone()), Some(Zone::Oversold));
//! assert!((rsi.value().unwrap() - 25.75).abs() < 0.01);
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ### Crossovers: the golden cross
//!
//! [`MaCross::default()`](signal::MaCross) is the SMA 50 against the SMA 200. On a synthetic
//! series that falls for 250 days and then rises twice as fast, the SMA 50 crosses above the
//! SMA 200 on day 309, 59 days after the bottom:
//!
//! ```
//! use ta_stream::signal::{MaCross, MaCrossEvent};
//! use ta_stream::Indicator;
//!
//! let closes: Vec<f64> = (0..400_u32)
//!     .map(|t| match t {
//!         0..250 => 300.0 - f64::from(t),       // down by 1 a day...
//!         _ => 50.0 + 2.0 * f64::from(t - 250), // ...to 50 on day 250, then up by 2
//!     })
//!     .collect();
//! let mut cross = MaCross::default();
//! let events: Vec<(usize, MaCrossEvent)> = cross
//!     .batch(&closes)
//!     .into_iter()
//!     .enumerate()
//!     .filter_map(|(day, event)| Some((day, event??)))
//!     .collect();
//! assert_eq!(events, [(309, MaCrossEvent::GoldenCross)]);
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ### Levels: floor-trader pivots
//!
//! [`FloorPivots::default()`](levels::FloorPivots) gives the classic pivots of the previous
//! UTC day, from timestamped [`Bar`](bar::Bar)s: `P = (H + L + C) / 3`, `R1 = 2P − L`,
//! `S1 = 2P − H`, `R2 = P + (H − L)`, `S2 = P − (H − L)`.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ta_stream::bar::{Bar, Candle};
//! use ta_stream::levels::FloorPivots;
//! use ta_stream::Indicator;
//!
//! let day = |d| Utc.with_ymd_and_hms(2024, 1, d, 21, 0, 0).unwrap();
//! let mut pivots = FloorPivots::default();
//! // Monday: H = 110, L = 90, C = 100. No previous day yet.
//! assert_eq!(pivots.update(Bar::new(day(8), Candle::new(95.0, 110.0, 90.0, 100.0, 0.0)?)), None);
//! // Tuesday's levels come from Monday's bar.
//! let levels = pivots
//!     .update(Bar::new(day(9), Candle::new(101.0, 104.0, 99.0, 103.0, 0.0)?))
//!     .expect("Monday is over");
//! assert_eq!((levels.pivot, levels.r1, levels.s1), (100.0, 110.0, 90.0));
//! assert_eq!((levels.r2, levels.s2), (Some(120.0), Some(80.0)));
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ### Relative strength
//!
//! [`PerformanceSpread`](relative::PerformanceSpread) takes `(asset, benchmark)` pairs and
//! gives the asset's lead in percentage points; here A gains 6 % and B 1.5 %:
//!
//! ```
//! use ta_stream::relative::PerformanceSpread;
//! use ta_stream::Indicator;
//!
//! let b: [f64; 6] = [100.0, 101.0, 99.5, 102.0, 103.0, 101.5];
//! let a: [f64; 6] = [100.0, 102.0, 101.0, 104.0, 105.5, 106.0];
//! let mut spread = PerformanceSpread::anchored(); // since the first pair
//! for (&asset, &benchmark) in a.iter().zip(&b) {
//!     spread.update((asset, benchmark));
//! }
//! assert!((spread.value().unwrap() - 4.5).abs() < 1e-12); // 6 % − 1.5 % = 4.5 pp
//! ```
//!
//! ### Sentiment: the put/call ratio
//!
//! [`PutCall`](sentiment::PutCall) smooths the ratio of put to call volume and reads its
//! z-score contrarily: a burst of put buying is fear, which is bullish at extremes.
//!
//! ```
//! use ta_stream::sentiment::{Contrarian, OptionVolume, PutCall, Regime};
//! use ta_stream::Indicator;
//!
//! let mut put_call = PutCall::new(5, 20)?; // SMA 5 of the ratio, z-score over 20 days
//! for day in 0..30 {
//!     let puts = 600_000.0 + 20_000.0 * f64::from(day % 3); // a calm 0.60 to 0.64
//!     put_call.update(OptionVolume::new(puts, 1_000_000.0)?);
//! }
//! // A panic: 1.3 puts bought for every call.
//! let reading = put_call.update(OptionVolume::new(1_300_000.0, 1_000_000.0)?).unwrap();
//! assert_eq!(reading.regime, Regime::ExtremeFear);
//! assert_eq!(reading.change.and_then(|change| change.contrarian()), Some(Contrarian::Bullish));
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ### Index weighting
//!
//! [`index::nasdaq100::quarterly`] applies the Nasdaq-100 quarterly method to a universe of
//! market caps. One company at 30 % of the total is cut to 20 %, and the excess is spread
//! pro rata over the others (none of which reaches the 4.5 % of stage 2):
//!
//! ```
//! use ta_stream::index::{nasdaq100, Security, Stage, Universe};
//!
//! let mut caps = vec![Security::new("BIG", 30.0)];
//! caps.extend((0..20).map(|i| Security::new(format!("S{i:02}"), 3.5)));
//! let weighting = nasdaq100::quarterly(&Universe::new(caps)?)?;
//! assert!((weighting.weight("BIG").unwrap() - 0.20).abs() < 1e-12);
//! assert!((weighting.weight("S00").unwrap() - 0.04).abs() < 1e-12); // 3.5 % × 80/70
//! assert!(weighting.report().triggered(Stage::SingleName));
//! assert!(!weighting.report().triggered(Stage::Aggregate));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ### The catalog: any indicator from a string
//!
//! Tools that learn at runtime which indicators a user wants (a screener, a strategy file, a
//! SQL engine) build them by TA-Lib name from a spec, with TA-Lib's parameter names and
//! defaults, and read their outputs as numbers by position or name: see [`catalog`].
//!
//! ```
//! use ta_stream::catalog::{DynIndicator, DynInput};
//! use ta_stream::Indicator;
//!
//! let mut bands = DynIndicator::parse("BBANDS(timeperiod=3, nbdevup=2.5)")?;
//! assert_eq!(bands.to_string(), "BBANDS(timeperiod=3, nbdevup=2.5, nbdevdn=2, matype=0)");
//! for close in [10.0, 11.0, 12.0] {
//!     bands.update(DynInput::real(close));
//! }
//! let out = bands.value().expect("warmed up");
//! assert_eq!(out.by_name("middleband"), Some(11.0));
//! assert_eq!(bands.outputs(), ["upperband", "middleband", "lowerband"]);
//! # Ok::<(), ta_stream::catalog::CatalogError>(())
//! ```
//!
//! ## The common trait
//!
//! Every indicator implements [`Indicator`]: [`update`](Indicator::update) commits an input,
//! [`peek`](Indicator::peek) previews a forming bar, [`value`](Indicator::value),
//! [`reset`](Indicator::reset), [`warmup_period`](Indicator::warmup_period),
//! [`batch`](Indicator::batch) over a slice (the same loop, bit-identical) and an iterator
//! adapter ([`IndicatorIterExt::indicator`]). NaN, infinities and absurd magnitudes never
//! enter the state: see the trait's documentation for the policy.
//!
//! Two paths for bulk work keep those guarantees: [`update_slice`](Indicator::update_slice)
//! runs a whole input slice into an output slice you provide, TA-Lib style (NaN during
//! warm-up), bit-identical to `update` and without allocating (the fast way through a
//! history; the catalog's [`run_columns`](catalog::DynIndicator::run_columns) does the same
//! for indicators with several outputs, and typed column paths in TA-Lib's shape do it for
//! the most used of them: [`Bollinger::bands_into`](volatility::Bollinger::bands_into),
//! [`Macd::lines_into`](momentum::Macd::lines_into),
//! [`Stochastic::lines_into`](momentum::Stochastic::lines_into), and over high, low and
//! close columns [`Stochastic::hlc_lines_into`](momentum::Stochastic::hlc_lines_into),
//! [`WilliamsR::hlc_into`](momentum::WilliamsR::hlc_into) and
//! [`Atr::hlc_into`](volatility::Atr::hlc_into), over open, high, low and close
//! [`Bop::ohlc_into`](momentum::Bop::ohlc_into), over high, low, close and volume
//! [`AccumulationDistribution::hlcv_into`](volume::AccumulationDistribution::hlcv_into) and
//! [`ChaikinOscillator::hlcv_into`](volume::ChaikinOscillator::hlcv_into)); and
//! [`universe`] updates many series of one indicator at once (a screener over thousands of
//! stocks), one input per series per tick, with the series' states stored as structure of
//! arrays.
//!
//! ## Precision: f64 by default, f32 on request
//!
//! Every indicator is generic over its float type with `f64` as the default (`Rsi` is
//! `Rsi<f64>`). The constructors whose arguments do not name the float type
//! (`Rsi::new(14)`, `Crossover::new()`, `Ema::with_seed(10, seed)`, ...) are defined on the
//! `f64` type, so that a call infers without annotation. Each has a `_generic` twin for any
//! precision: `Rsi::<f32>::new_generic(14)`, or `Sma::new_generic(n)` in code generic over
//! `T: Real`. Constructors that take a value in the float type (`Bollinger::new(20, 2.0)`) or
//! another indicator (`Ppo::new(12, 26, Ema::new)`) take its type, and [`Default`] stays
//! generic: `let rsi: Rsi = Default::default();`.
//!
//! ```
//! use ta_stream::momentum::Rsi;
//! use ta_stream::Indicator;
//!
//! let mut rsi = Rsi::new(2)?; // Rsi<f64>
//! let mut rsi32 = Rsi::<f32>::new_generic(2)?;
//! // Changes +1 then −0.5: average gain 0.5, average loss 0.25, RSI = 100·0.5/0.75.
//! assert_eq!(rsi.batch(&[10.0, 11.0, 10.5])[2], Some(100.0 * (0.5 / 0.75)));
//! assert_eq!(rsi32.batch(&[10.0, 11.0, 10.5])[2], Some(100.0_f32 * (0.5 / 0.75)));
//! assert_eq!(Rsi::new(14)?.period(), 14);
//! # Ok::<(), ta_stream::Error>(())
//! ```
//!
//! ## Indicators
//!
//! `n` is the period; a [`Candle`](bar::Candle) is one bar's open, high, low, close, volume.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Sma`](average::Sma) | `SMA` | price | price | `n` |
//! | [`Ema`](average::Ema) | `EMA` | price | price | `n` (1 with [`Seed::FirstValue`](average::Seed)) |
//! | [`Wma`](average::Wma) | `WMA` | price | price | `n` |
//! | [`Rma`](average::Rma) | `RMA` (RSI/ATR smoothing) | price | price | `n` |
//! | [`Dema`](average::Dema) | `DEMA` | price | price | `2n − 1` |
//! | [`Tema`](average::Tema) | `TEMA` | price | price | `3n − 2` |
//! | [`Trima`](average::Trima) | `TRIMA` | price | price | `n` |
//! | [`Kama`](average::Kama) | `KAMA` | price | price | `n + 1` (1 for `n = 1`) |
//! | [`T3`](average::T3) | `T3` | price | price | `6(n − 1) + 1` |
//! | [`Hma`](average::Hma) | `HMA` | price | price | `n + ⌊√n⌋ − 1` |
//! | [`Zlema`](average::Zlema) | `ZLEMA` | price | price | `⌊(n − 1)/2⌋ + n` |
//! | [`Vwma`](average::Vwma) | `VWMA` | (price, volume) | price | `n` |
//! | [`Mavp`](average::Mavp) | `MAVP` | (price, period) | price | the longest average's |
//! | [`Identity`](average::Identity) | `MA` type 10 | price | price | 1 |
//! | [`MaBands`](volatility::MaBands) | `BBANDS` (any `matype`) | price | [`BandLines`](volatility::BandLines) | the average's, at least `n` |
//! | [`Mama`](average::Mama) | `MAMA` | price | [`MamaOutput`](average::MamaOutput) (MAMA, FAMA) | 33 |
//! | [`HtTrendline`](average::HtTrendline) | `HT_TRENDLINE` | price | price | 64 |
//! | [`HtDcPeriod`](cycle::HtDcPeriod) | `HT_DCPERIOD` | price | bars (`0..=50`) | 33 |
//! | [`HtDcPhase`](cycle::HtDcPhase) | `HT_DCPHASE` | price | degrees (`-45..=315`) | 64 |
//! | [`HtPhasor`](cycle::HtPhasor) | `HT_PHASOR` | price | [`Phasor`](cycle::Phasor) (in-phase, quadrature) | 33 |
//! | [`HtSine`](cycle::HtSine) | `HT_SINE` | price | [`SineWave`](cycle::SineWave) (sine, lead sine) | 64 |
//! | [`HtTrendMode`](cycle::HtTrendMode) | `HT_TRENDMODE` | price | [`MarketMode`](cycle::MarketMode) (trend or cycle) | 64 |
//! | [`Rsi`](momentum::Rsi) | `RSI` | price | 0..=100 | `n + 1` |
//! | [`Macd`](momentum::Macd) | `MACD` | price | [`MacdOutput`](momentum::MacdOutput) | `slow + signal − 1` (34) |
//! | [`Roc`](momentum::Roc), [`Rocp`](momentum::Rocp), [`Momentum`](momentum::Momentum) | `ROC`, `ROCP`, `MOM` | price | number | `n + 1` |
//! | [`Stochastic`](momentum::Stochastic) | `STOCH` | candle | [`StochasticOutput`](momentum::StochasticOutput) | `k + slow_k + slow_d − 2` (18) |
//! | [`FastStochastic`](momentum::FastStochastic) | `STOCHF` | candle | [`StochasticOutput`](momentum::StochasticOutput) | `k + d − 1` (16) |
//! | [`Aroon`](momentum::Aroon) | `AROON` | candle | [`AroonOutput`](momentum::AroonOutput) (down, up; 0..=100) | `n + 1` |
//! | [`AroonOscillator`](momentum::AroonOscillator) | `AROONOSC` | candle | −100..=100 | `n + 1` |
//! | [`Cci`](momentum::Cci) | `CCI` | candle | number (O(n) per update) | `n` |
//! | [`WilliamsR`](momentum::WilliamsR) | `WILLR` | candle | −100..=0 | `n` |
//! | [`UltimateOscillator`](momentum::UltimateOscillator) | `ULTOSC` | candle | 0..=100 | longest + 1 (29) |
//! | [`VerticalHorizontalFilter`](momentum::VerticalHorizontalFilter) | `VHF` | price | 0..=1 | `n + 1` |
//! | [`ElderRay`](momentum::ElderRay) | `ERI` | candle | [`ElderRayOutput`](momentum::ElderRayOutput) (bull, bear power) | `n` |
//! | [`Fractal`](momentum::Fractal) | `FRACTAL` | candle | [`SwingReading`](levels::SwingReading) (strict fractals, confirmed `right` bars later) | `left + right + 1` |
//! | [`AwesomeOscillator`](momentum::AwesomeOscillator) | `AO` | candle | price difference | `max(fast, slow)` (34) |
//! | [`Accelerator`](momentum::Accelerator) | `AC` | candle | price difference | `max(fast, slow) + signal − 1` (38) |
//! | [`MaStochastic`](momentum::MaStochastic), [`MaFastStochastic`](momentum::MaFastStochastic) | `STOCH`, `STOCHF` (any `matype`) | candle | [`StochasticOutput`](momentum::StochasticOutput) | `k − 1` + the averages' warm-ups |
//! | [`Apo`](momentum::Apo) | `APO` (any `matype`) | price | price difference | the slow average's (26) |
//! | [`Ppo`](momentum::Ppo) | `PPO`, `PVO` (any `matype`) | price or volume | percent | the slow average's (26) |
//! | [`MacdExt`](momentum::MacdExt) | `MACDEXT` (three `matype`s) | price | [`MacdOutput`](momentum::MacdOutput) | `max(fast, slow) + signal − 1` (34) |
//! | [`MacdFix`](momentum::MacdFix) | `MACDFIX` | price | [`MacdOutput`](momentum::MacdOutput) | `26 + signal − 1` (34) |
//! | [`Trix`](momentum::Trix) | `TRIX` | price | percent | `3(n − 1) + 2` (89) |
//! | [`Tsi`](momentum::Tsi) | `TSI` | price | −100..=100 | `r + s` (38) |
//! | [`StochRsi`](momentum::StochRsi) | `STOCHRSI` (any `matype`) | price | [`StochasticOutput`](momentum::StochasticOutput) | `n + k − 1` + the average's (21) |
//! | [`Kdj`](momentum::Kdj) | `KDJ` (any `matype`) | candle | [`KdjOutput`](momentum::KdjOutput) (K, D, J) | `k − 1` + the averages' (13) |
//! | [`Smi`](momentum::Smi) | `SMI` | candle | [`SmiOutput`](momentum::SmiOutput) (−100..=100) | `n + slow + fast + signal − 3` (46) |
//! | [`RollingMax`](statistics::RollingMax), [`RollingMin`](statistics::RollingMin) | `MAX`, `MIN` | price | price | `n` |
//! | [`Variance`](volatility::Variance), [`StdDev`](volatility::StdDev) | `VAR`, `STDDEV` | price | number | `n` |
//! | [`Bollinger`](volatility::Bollinger) | `BBANDS` | price | [`Bands`](volatility::Bands) (with %B, bandwidth) | `n` |
//! | [`TrueRange`](volatility::TrueRange) | `TRANGE` | candle | number | 2 |
//! | [`Atr`](volatility::Atr), [`Natr`](volatility::Natr) | `ATR`, `NATR` | candle | number | `n + 1` |
//! | [`MidPoint`](statistics::MidPoint) | `MIDPOINT` | price | price | `n` |
//! | [`MidPrice`](statistics::MidPrice) | `MIDPRICE` | candle | price | `n` |
//! | [`Donchian`](volatility::Donchian) | `DONCHIAN` | candle | [`Bands`](volatility::Bands) | `n` |
//! | [`AccelerationBands`](volatility::AccelerationBands) | `ACCBANDS` | candle | [`Bands`](volatility::Bands) | `n` |
//! | [`Keltner`](volatility::Keltner) | `KC` | candle | [`Bands`](volatility::Bands) | `max(n, atr + 1)` |
//! | [`ParabolicSar`](trend::ParabolicSar) | `SAR`, `SAREXT` | candle | [`StopOutput`](trend::StopOutput) (level, trend, flip) | 2 |
//! | [`SuperTrend`](trend::SuperTrend) | `SUPERTREND` | candle | [`StopOutput`](trend::StopOutput) (level, trend, flip) | `n + 1` |
//! | [`AverageDayRange`](volatility::AverageDayRange) | `ADR` | candle | price | `n` |
//! | [`ChaikinVolatility`](volatility::ChaikinVolatility) | `CVI` | candle | percent | `n + r` (20) |
//! | [`MassIndex`](volatility::MassIndex) | `MASSI` | candle | number | `2·fast + slow − 2` (41) |
//! | [`RelativeVolatility`](volatility::RelativeVolatility) | `RVI` | price | 0..=100 | `n + m − 1` (23) |
//! | [`PlusDm`](momentum::PlusDm), [`MinusDm`](momentum::MinusDm) | `PLUS_DM`, `MINUS_DM` | candle | Wilder sum of moves | `max(n, 2)` |
//! | [`PlusDi`](momentum::PlusDi), [`MinusDi`](momentum::MinusDi) | `PLUS_DI`, `MINUS_DI` | candle | 0..=100 | `n + 1` |
//! | [`Dx`](momentum::Dx) | `DX` | candle | 0..=100 | `n + 1` |
//! | [`Adx`](momentum::Adx) | `ADX` | candle | 0..=100 | `2n` (28) |
//! | [`Adxr`](momentum::Adxr) | `ADXR` | candle | 0..=100 | `3n − 1` (41) |
//! | [`Directional`](momentum::Directional) | all of the above | candle | [`DirectionalOutput`](momentum::DirectionalOutput) (ADX, ADXR as they start) | `n + 1` |
//! | [`Vortex`](momentum::Vortex) | `VORTEX` | candle | [`VortexOutput`](momentum::VortexOutput) (VI+, VI−) | `n + 1` |
//! | [`AveragePrice`](price::AveragePrice), [`MedianPrice`](price::MedianPrice), [`TypicalPrice`](price::TypicalPrice), [`WeightedClose`](price::WeightedClose) | `AVGPRICE`, `MEDPRICE`, `TYPPRICE`, `WCLPRICE` | candle | price | 1 |
//! | [`HeikinAshi`](price::HeikinAshi) | `HA` | candle | Heikin-Ashi [`Candle`](bar::Candle) | 1 |
//! | [`AverageDeviation`](price::AverageDeviation) | `AVGDEV` | price | number (O(n) per update) | `n` |
//! | [`LinearRegression`](statistics::LinearRegression), [`RegressionIntercept`](statistics::RegressionIntercept), [`TimeSeriesForecast`](statistics::TimeSeriesForecast) | `LINEARREG`, `LINEARREG_INTERCEPT`, `TSF` | price | price | `n` |
//! | [`RegressionSlope`](statistics::RegressionSlope), [`RegressionAngle`](statistics::RegressionAngle) | `LINEARREG_SLOPE`, `LINEARREG_ANGLE` | price | slope per input; degrees `−90..=90` | `n` |
//! | [`ForecastOscillator`](statistics::ForecastOscillator) | `FOSC` | price | percent | `n + 1` (6) |
//! | [`Percentile`](statistics::Percentile) | `PERCENTILE` | price | price (nearest rank) | `n` |
//! | [`PercentRank`](statistics::PercentRank) | `PERCENTRANK` | price | `0..=100` | `n + 1` (101) |
//! | [`Cmo`](momentum::Cmo) | `CMO` | price | `-100..=100` | `n + 1` |
//! | [`Cmou`](momentum::Cmou) | `CMOU` | price | `-100..=100` | `n + 1` |
//! | [`Dpo`](momentum::Dpo) | `DPO` | price | price difference | `max(n, ⌊n/2⌋ + 2)` |
//! | [`EfficiencyRatio`](momentum::EfficiencyRatio) | `ER` | price | `0..=1` | `n + 1` |
//! | [`Imi`](momentum::Imi) | `IMI` | candle (open, close) | `0..=100` | `n` |
//! | [`Qstick`](momentum::Qstick) | `QSTICK` | candle (open, close) | price difference | `n` |
//! | [`Bop`](momentum::Bop) | `BOP` | candle | `-1..=1` | 1 |
//! | [`Rocr`](momentum::Rocr), [`Rocr100`](momentum::Rocr100) | `ROCR`, `ROCR100` | price | ratio, percent | `n + 1` |
//! | [`Coppock`](momentum::Coppock) | `COPPOCK` | price | percent | `max(r1, r2) + w` (24) |
//! | [`Wad`](momentum::Wad) | `WAD` | candle | cumulative price | 1 |
//! | [`Mfi`](momentum::Mfi) | `MFI` | candle with volume | `0..=100` | `n + 1` |
//! | One [`Candlestick`](pattern::Candlestick) per pattern: [`Doji`](pattern::Doji), [`Engulfing`](pattern::Engulfing), [`Hammer`](pattern::Hammer), ... (see [`pattern`]) | `CDL*` (61) | candle | `Option<`[`Signal`](pattern::Signal)`>` (TA-Lib's ±100, ±80, ±200) | TA-Lib's lookback + 1 (1 to 15) |
//! | [`CandlePatterns`](pattern::CandlePatterns) | — | candle | [`PatternSet`](pattern::PatternSet): every pattern on the bar | the shortest lookback + 1 (3) |
//! | [`Drawdown`](risk::Drawdown) | — | price | [`DrawdownOutput`](risk::DrawdownOutput) | 1 |
//! | [`RealizedVolatility`](risk::RealizedVolatility) | — | price | annualised σ | `n + 1` |
//! | [`Crossover`](signal::Crossover), [`CrossLevel`](signal::CrossLevel) | — | pair / price | `Option<`[`Cross`](signal::Cross)`>` | 2 |
//! | [`MaCross`](signal::MaCross) | — | price | `Option<`[`MaCrossEvent`](signal::MaCrossEvent)`>` (golden/death) | slow + 1 |
//! | [`Zones`](signal::Zones) | — | oscillator value | [`ZoneReading`](signal::ZoneReading) | 1 |
//! | [`MaPosition`](signal::MaPosition) | — | price | [`MaPositionReading`](signal::MaPositionReading) | 1 (`above_all` once all are ready) |
//! | [`SwingPivots`](levels::SwingPivots) | — | candle | [`SwingReading`](levels::SwingReading) (pivots confirmed `N` bars later) | `2N + 1` |
//! | [`ZigZag`](levels::ZigZag) | — | candle | confirmed turn | 1 |
//! | [`SupportResistance`](levels::SupportResistance) | — | candle | nearest support/resistance, touch/break/retest events | pivots' |
//! | [`ReactionLow`](levels::ReactionLow) | — | candle | last confirmed swing low below the close | pivots' |
//! | [`FloorPivots`](levels::FloorPivots) | — | timestamped bar | [`PivotLevels`](levels::PivotLevels) of the previous day/week/month | one period |
//! | [`RatioLine`](relative::RatioLine), [`PerformanceSpread`](relative::PerformanceSpread) | — | (asset, benchmark) | ratio and change; spread in pp | 1 or `n + 1` |
//! | [`Mansfield`](relative::Mansfield) | — | (asset, benchmark) | Mansfield RS | `n` |
//! | [`Beta`](relative::Beta), [`Correlation`](relative::Correlation) | `BETA`, `CORREL` (`talib` modes) | (asset, benchmark) | number | `n + 1` (`n` for CORREL) |
//! | [`Leadership`](relative::Leadership) | — | (asset, benchmark) | rotation events | MA + 1 |
//! | [`PutCall`](sentiment::PutCall) | — | option volumes | smoothed ratio, z-score, percentile, regime, contrarian events | lookback |
//! | [`Sum`](math::Sum), [`CumulativeSum`](math::CumulativeSum) | `SUM`, `CUMSUM` | price | number (drift-free) | `n`; 1 |
//! | [`MinMax`](math::MinMax) | `MINMAX` | price | [`MinMaxOutput`](math::MinMaxOutput) | `n` |
//! | [`MaxIndex`](math::MaxIndex), [`MinIndex`](math::MinIndex), [`MinMaxIndex`](math::MinMaxIndex) | `MAXINDEX`, `MININDEX`, `MINMAXINDEX` | price | input index (from 0) | `n` |
//! | [`Arithmetic`](math::Arithmetic) | `ADD`, `SUB`, `MULT`, `DIV` | (a, b) | number (none where `DIV` divides by 0) | 1 |
//! | [`MathTransform`](math::MathTransform) | `ACOS` … `TANH` (15) | number | number (none outside the domain) | 1 |
//! | [`Obv`](volume::Obv) | `OBV` | (close, volume) | running volume total | 1 |
//! | [`AccumulationDistribution`](volume::AccumulationDistribution) | `AD` | candle | running money-flow total | 1 |
//! | [`ChaikinOscillator`](volume::ChaikinOscillator) | `ADOSC` | candle | number | `max(fast, slow)` (10) |
//! | [`ChaikinMoneyFlow`](volume::ChaikinMoneyFlow) | `CMF` | candle | `−1..=1` | `n` |
//! | [`ForceIndex`](volume::ForceIndex) | `EFI` | (close, volume) | number | `n + 1` |
//! | [`MarketFacilitation`](volume::MarketFacilitation) | `MARKETFI` | candle | `≥ 0` | 1 |
//! | [`VolumeIndex`](volume::VolumeIndex) | `NVI`, `PVI` | (close, volume) | index from 1000 | 1 |
//! | [`PriceVolumeTrend`](volume::PriceVolumeTrend) | `PVT` | (close, volume) | running total | 1 |
//! | [`RelativeVolume`](volume::RelativeVolume) | `RVOL` | volume | `≥ 0` (2 = twice the usual) | `n + 1` |
//! | [`Vwap`](volume::Vwap) | `VWAP` | candle | price (since the first bar) | 1 |
//! | [`AnchoredVwap`](volume::AnchoredVwap) | — | timestamped bar | [`VwapBands`](volume::VwapBands) since the session's or your anchor | 1 |
//! | [`IndexCalculator`](index::IndexCalculator) | — | constituent price | index level and drifted weights | 0 |
//!
//! Cross-sectional tools that are not streams: [`relative::percentile_ranks`] (RS rating
//! 1..99; [`relative::percentile_ranks_of`] for `Option` outputs) and the capped-weighting
//! methods in [`index`] ([`index::nasdaq100`],
//! [`index::select_sector`], [`index::ucits`], the [`index::capping`] engine) with their
//! audit reports.
//!
//! ## Conventions where sources disagree
//!
//! | Question | Default | Alternatives |
//! |---|---|---|
//! | EMA seed | mean of the first `n` inputs (TA-Lib) | [`Seed::FirstValue`](average::Seed) (pandas `adjust=False`) |
//! | RSI smoothing | Wilder's `α = 1/n`, SMA-seeded (TA-Lib) | none: EMA-based "RSI" is a different indicator |
//! | RSI of a flat series (`0/0`) | 50 ([`FlatRsi::Neutral`](momentum::FlatRsi)) | 0, TA-Lib's ([`FlatRsi::TaLib`](momentum::FlatRsi)) |
//! | NaN / ±∞ / \|x\| outside `1e-150..=1e150` (0 accepted) | ignored by `update` (returns the last value, without events) | rejected by `try_update` |
//! | Cross rule | TradingView: `a_t > b_t && a_{t−1} <= b_{t−1}`; a tie now is never a cross | [`CrossRule::Strict`](signal::CrossRule) (backtesting.py) |
//! | Bollinger deviation | population (TA-Lib) | [`Variance::sample`](volatility::Variance::sample) for `ddof = 1` |
//! | Stochastic `%K` when high = low | 0 (TA-Lib) | |
//! | ROC / ROCP with a zero base | 0 (TA-Lib) | |
//! | A math function outside its domain or overflowing (`LN(0)`, `EXP(710)`, `DIV(1, 0)`) | no value (TA-Lib: NaN or ±∞) | |
//! | Realised volatility | sample σ of log returns × √252 | simple returns, other periods per year |
//!
//! ## Stability
//!
//! What may grow in a minor release, and what is fixed until the next major one:
//! - **Configuration enums** (a choice of method: [`Seed`](average::Seed),
//!   [`FlatRsi`](momentum::FlatRsi), [`CrossRule`](signal::CrossRule),
//!   [`MaKind`](signal::MaKind), [`Returns`](risk::Returns),
//!   [`ZigZagSource`](levels::ZigZagSource), [`PivotKind`](levels::PivotKind),
//!   [`PivotPeriod`](levels::PivotPeriod), [`Tolerance`](levels::Tolerance),
//!   [`ThresholdScale`](sentiment::ThresholdScale), [`Normalize`](sentiment::Normalize)) and
//!   the errors are `#[non_exhaustive]`: a new method may be added, so a `match` on one needs
//!   a wildcard arm.
//! - **Configuration structs** with public fields ([`LevelsConfig`](levels::LevelsConfig)) are
//!   `#[non_exhaustive]`: build one from [`Default`] and its `with_*` methods (or set its
//!   fields), so that a new parameter, with its default, is not a breaking change. The other
//!   configurations ([`Thresholds`](sentiment::Thresholds), ...) have private fields and
//!   constructors already.
//! - **Outputs stay plain** (exhaustive): the output structs ([`MacdOutput`](momentum::MacdOutput),
//!   [`Bands`](volatility::Bands), [`LevelsReading`](levels::LevelsReading), ...) and the
//!   enums that describe what happened ([`Cross`](signal::Cross), [`Zone`](signal::Zone),
//!   [`Regime`](sentiment::Regime), [`LevelEvent`](levels::LevelEvent), ...) are the
//!   definition of the indicator, so that you can destructure them, match them exhaustively
//!   and build expected values in tests. A new quantity or event comes as a new indicator or
//!   type, never as a new field or variant of an existing one.
//! - [`peek`](Indicator::peek), [`value`](Indicator::value) and
//!   [`is_ready`](Indicator::is_ready) are `#[must_use]`: calling them only to discard the
//!   result is a bug (`update` is not: it is often called for its effect).
//! - **Saved state** (with `serde`): a [`Checkpoint`] (`{"format", "crate", "indicator",
//!   "state"}`) of format N loads in every later version that reads format N, and resumes
//!   exactly where it stopped. The format is [`STATE_FORMAT`], one number shared with the
//!   catalog's saved [`DynIndicator`](catalog::DynIndicator) (its `version`). Changing it is
//!   a CHANGELOG entry, and checkpoints of another format are then refused with
//!   [`Error::InvalidState`] ("checkpoint format 2 is not readable by ta-stream ..."), never
//!   misread. A checkpoint also records the indicator's label (`RSI(14)`): a state of other
//!   parameters is refused, and the labels are part of the format. The bare serde form of an
//!   indicator is its internal state, exact to this format and carrying no promise: every
//!   serde form refuses unknown and missing fields, so a bare state from another version is
//!   refused rather than misread, but it may stop loading in any release. Store
//!   `Checkpoint`s (or the catalog's saved form), not bare states.
//!
//! ## Features
//!
//! - `serde` (default): `Serialize`/`Deserialize` for every indicator, and [`Checkpoint`],
//!   the versioned form to store. Deserialization validates the state and refuses an
//!   inconsistent one with [`Error::InvalidState`] (or [`Error::InvalidParameter`] for a
//!   period out of range), and an unknown field by its name.
//! - `approx` (off by default): [`approx`](https://docs.rs/approx)'s `AbsDiffEq`, `RelativeEq`
//!   and `UlpsEq` for every output with float fields (MACD, bands, stochastics, pivots,
//!   levels, put/call readings, weights, the catalog's outputs...): the float fields compare
//!   with the tolerance, everything else (counts, kinds, events, names) exactly. See
//!   `approx_eq` for the list.
//!
//! ```
//! # #[cfg(feature = "approx")] {
//! use approx::assert_relative_eq;
//! use ta_stream::momentum::{Macd, MacdOutput};
//! use ta_stream::Indicator;
//!
//! let mut macd = Macd::<f64>::new(2, 3, 2)?;
//! for close in [10.0, 11.0, 12.0, 11.0, 13.0] {
//!     macd.update(close);
//! }
//! // TA-Lib's MACD(2, 3, 2) on these closes: 7/18, 10/27 and 1/54.
//! let expected = MacdOutput { macd: 7.0 / 18.0, signal: 10.0 / 27.0, histogram: 1.0 / 54.0 };
//! assert_relative_eq!(macd.value().unwrap(), expected, max_relative = 1e-9);
//! # }
//! # Ok::<(), ta_stream::Error>(())
//! ```

#![forbid(unsafe_code)]
// docs.rs builds with `--cfg docsrs` on nightly: feature-gated items get a badge.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
// No input may make the library panic: none of the panicking shortcuts in library code.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

#[cfg(feature = "approx")]
#[cfg_attr(docsrs, doc(cfg(feature = "approx")))]
pub mod approx_eq;
pub mod average;
pub mod bar;
pub mod catalog;
mod checkpoint;
pub mod cycle;
mod error;
mod float;
pub mod index;
mod indicator;
pub mod levels;
pub mod math;
pub mod momentum;
pub mod pattern;
pub mod price;
pub mod relative;
pub mod risk;
pub mod sentiment;
pub mod signal;
mod slice;
pub mod statistics;
pub mod trend;
pub mod universe;
pub mod volatility;
pub mod volume;
pub mod window;

#[cfg(feature = "serde")]
pub use checkpoint::Checkpoint;
pub use checkpoint::STATE_FORMAT;
/// The [`chrono`](https://docs.rs/chrono) crate, re-exported: [`Bar`](bar::Bar) and
/// [`Observation`](relative::Observation) carry a `chrono::DateTime<Utc>`, and
/// [`FloorPivots`](levels::FloorPivots) groups bars by calendar periods, so
/// `use ta_stream::chrono::{TimeZone, Utc};` builds their timestamps with the very version
/// the crate uses, without a separate dependency.
///
/// ```
/// use ta_stream::bar::{Bar, Candle};
/// use ta_stream::chrono::{TimeZone, Utc};
///
/// let time = Utc.with_ymd_and_hms(2025, 11, 11, 0, 0, 0).single().expect("a valid date");
/// let bar = Bar::new(time, Candle::new(100.0, 105.0, 99.0, 104.0, 1_000.0)?);
/// assert_eq!(bar.timestamp, time);
/// # Ok::<(), ta_stream::Error>(())
/// ```
pub use chrono;
pub use error::{Error, MAX_PERIOD};
pub use float::Real;
pub use indicator::{CheckedInput, Indicator, IndicatorIterExt, Outputs};

/// Everything needed for day-to-day use: `use ta_stream::prelude::*;`.
pub mod prelude {
    pub use crate::average::{Dema, Ema, Rma, Seed, Sma, Tema, Wma};
    pub use crate::bar::{Bar, Candle, Ohlcv};
    pub use crate::catalog::{DynIndicator, DynInput};
    pub use crate::levels::{FloorPivots, ReactionLow, SupportResistance, SwingPivots, ZigZag};
    pub use crate::momentum::{
        FastStochastic, FlatRsi, Macd, Momentum, Roc, Rocp, Rsi, Stochastic,
    };
    pub use crate::relative::{Beta, Correlation, Mansfield, PerformanceSpread, RatioLine};
    pub use crate::risk::{Drawdown, RealizedVolatility};
    pub use crate::sentiment::PutCall;
    pub use crate::signal::{
        Cross, CrossLevel, Crossover, MaCross, MaCrossEvent, MaPosition, Zones,
    };
    pub use crate::statistics::{RollingMax, RollingMin};
    pub use crate::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
    #[cfg(feature = "serde")]
    pub use crate::Checkpoint;
    pub use crate::{Error, Indicator, IndicatorIterExt, Real};
}

/// The README's examples, compiled and run as doctests so that they never go stale.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
