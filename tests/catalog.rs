//! The catalog: TA-Lib's abstract API agrees with every TA-Lib entry, every entry's dynamic
//! indicator equals its typed indicator bit for bit on the real data, specs round-trip,
//! malformed specs give exact errors, every public indicator type is registered, and the
//! saved form round-trips and refuses bad input.
#![cfg(feature = "serde")]

mod catalog_families;
mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use ta_stream::average::{
    Dema, Ema, Hma, Identity, Kama, Mavp, Rma, Sma, Tema, Trima, Vwma, Wma, Zlema, T3,
};
use ta_stream::average::{HtTrendline, Mama};
use ta_stream::bar::{Bar, Candle};
use ta_stream::catalog::{self, Columns, DynIndicator, DynInput, ParamKind};
use ta_stream::cycle::{HtDcPeriod, HtDcPhase, HtPhasor, HtSine, HtTrendMode, MarketMode};
use ta_stream::levels::*;
use ta_stream::momentum::*;
use ta_stream::price::*;
use ta_stream::relative::*;
use ta_stream::risk::{Drawdown, RealizedVolatility, Returns};
use ta_stream::sentiment::{Contrarian, OptionVolume, PutCall, Regime};
use ta_stream::signal::*;
use ta_stream::statistics::{MidPoint, MidPrice, RollingMax, RollingMin};
use ta_stream::trend::{ParabolicSar, SarSettings, SuperTrend, Trend};
use ta_stream::volatility::*;
use ta_stream::Indicator;

use common::Fixture;

// ---------------------------------------------------------------- data

fn csv(relative: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let path = format!("{}/tests/data/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .filter(|line| !line.is_empty())
        .map(|line| line.split(',').map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn bars() -> Vec<Bar<f64>> {
    let (_, rows) = csv("ndx_daily.csv");
    rows.iter()
        .map(|row| {
            let date = NaiveDate::parse_from_str(&row[0], "%Y-%m-%d").unwrap();
            let timestamp = Utc.from_utc_datetime(&date.and_hms_opt(21, 0, 0).unwrap());
            let x = |i: usize| row[i].parse::<f64>().unwrap();
            Bar::new(
                timestamp,
                Candle::new(x(1), x(2), x(3), x(4), x(5)).unwrap(),
            )
        })
        .collect()
}

fn closes() -> Vec<f64> {
    bars().iter().map(|bar| bar.candle.close).collect()
}

fn candles() -> Vec<Candle<f64>> {
    bars().iter().map(|bar| bar.candle).collect()
}

/// (NDX, SPX) closes.
fn pairs() -> Vec<(f64, f64)> {
    let (_, rows) = csv("index_closes.csv");
    rows.iter()
        .map(|row| (row[1].parse().unwrap(), row[2].parse().unwrap()))
        .collect()
}

/// (total puts, total calls).
fn option_volumes() -> Vec<(f64, f64)> {
    let (_, rows) = csv("cboe_put_call.csv");
    rows.iter()
        .map(|row| (row[2].parse().unwrap(), row[1].parse().unwrap()))
        .collect()
}

/// One output row as bit patterns (NaN for absent values), `None` in warm-up.
type Row = Option<Vec<u64>>;

fn bits(values: &[f64]) -> Row {
    Some(values.iter().map(|v| v.to_bits()).collect())
}

fn typed_run<I: Indicator>(
    mut indicator: I,
    inputs: &[I::Input],
    numbers: impl Fn(I::Output) -> Vec<f64>,
) -> Vec<Row> {
    inputs
        .iter()
        .map(|&input| indicator.update(input).and_then(|out| bits(&numbers(out))))
        .collect()
}

fn dyn_run(spec: &str, inputs: &[DynInput]) -> Vec<Row> {
    let mut indicator = DynIndicator::parse(spec).unwrap();
    inputs
        .iter()
        .map(|&input| indicator.update(input).and_then(|out| bits(out.as_slice())))
        .collect()
}

fn nan(value: Option<f64>) -> f64 {
    value.unwrap_or(f64::NAN)
}

fn code(up: bool, down: bool) -> f64 {
    if up {
        100.0
    } else if down {
        -100.0
    } else {
        0.0
    }
}

fn swing(turn: Option<Swing<f64>>) -> Vec<f64> {
    vec![
        turn.map_or(0.0, |s| {
            code(s.kind == SwingKind::High, s.kind == SwingKind::Low)
        }),
        nan(turn.map(|s| s.price)),
        nan(turn.map(|s| s.bars_ago as f64)),
    ]
}

/// For one spec: the typed indicator's outputs written independently of the catalog, on the
/// input the spec's function reads, and the same inputs as `DynInput`s.
fn typed_reference(spec: &str) -> (Vec<Row>, Vec<DynInput>) {
    let single = || closes().into_iter().map(DynInput::real).collect::<Vec<_>>();
    let ohlc = || {
        candles()
            .into_iter()
            .map(DynInput::candle)
            .collect::<Vec<_>>()
    };
    let pair = || pairs().into_iter().map(DynInput::from).collect::<Vec<_>>();
    let one = |x: f64| vec![x];
    match spec {
        "SMA" => (typed_run(Sma::new(30).unwrap(), &closes(), one), single()),
        "SMA(50)" => (typed_run(Sma::new(50).unwrap(), &closes(), one), single()),
        "EMA(12)" => (typed_run(Ema::new(12).unwrap(), &closes(), one), single()),
        "WMA(20)" => (typed_run(Wma::new(20).unwrap(), &closes(), one), single()),
        "DEMA(20)" => (typed_run(Dema::new(20).unwrap(), &closes(), one), single()),
        "TEMA(20)" => (typed_run(Tema::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 0)" => (typed_run(Sma::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 1)" => (typed_run(Ema::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 2)" => (typed_run(Wma::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 3)" => (typed_run(Dema::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 4)" => (typed_run(Tema::new(20).unwrap(), &closes(), one), single()),
        "TRIMA(20)" => (typed_run(Trima::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 5)" => (typed_run(Trima::new(20).unwrap(), &closes(), one), single()),
        "HT_TRENDLINE" => (typed_run(HtTrendline::new(), &closes(), one), single()),
        "MAMA" | "MAMA(0.9, 0.01)" => {
            let mut mama = if spec == "MAMA" {
                Mama::default()
            } else {
                Mama::new(0.9, 0.01).unwrap()
            };
            let rows = closes()
                .iter()
                .map(|&x| mama.update(x).and_then(|m| bits(&[m.mama, m.fama])))
                .collect();
            (rows, single())
        }
        "HT_DCPERIOD" => (typed_run(HtDcPeriod::new(), &closes(), one), single()),
        "HT_DCPHASE" => (typed_run(HtDcPhase::new(), &closes(), one), single()),
        "HT_PHASOR" => (
            typed_run(HtPhasor::new(), &closes(), |p| {
                vec![p.in_phase, p.quadrature]
            }),
            single(),
        ),
        "HT_SINE" => (
            typed_run(HtSine::new(), &closes(), |s| vec![s.sine, s.lead_sine]),
            single(),
        ),
        "HT_TRENDMODE" => (
            typed_run(HtTrendMode::new(), &closes(), |m| {
                vec![if m == MarketMode::Trend { 1.0 } else { 0.0 }]
            }),
            single(),
        ),
        "KAMA(10)" => (typed_run(Kama::new(10).unwrap(), &closes(), one), single()),
        "T3" => (
            typed_run(T3::new(5, 0.7).unwrap(), &closes(), one),
            single(),
        ),
        "T3(8, 0.4)" => (
            typed_run(T3::new(8, 0.4).unwrap(), &closes(), one),
            single(),
        ),
        "HMA(16)" => (typed_run(Hma::new(16).unwrap(), &closes(), one), single()),
        "ZLEMA(12)" => (typed_run(Zlema::new(12).unwrap(), &closes(), one), single()),
        "VWMA(10)" => {
            let pairs: Vec<(f64, f64)> = candles().iter().map(|c| (c.close, c.volume)).collect();
            (typed_run(Vwma::new(10).unwrap(), &pairs, one), ohlc())
        }
        "MAVP(3, 12, 1)" => {
            // The benchmark's last digit as the period: 3..=12 after clamping.
            let pairs: Vec<(f64, f64)> = pairs()
                .iter()
                .map(|&(a, b)| (a, (b as u64 % 10) as f64 + 3.0))
                .collect();
            let inputs = pairs.iter().map(|&p| DynInput::from(p)).collect();
            (
                typed_run(Mavp::new(3, 12, Ema::new).unwrap(), &pairs, one),
                inputs,
            )
        }
        "BBANDS(10, 2, 1.5, 6)" => (
            typed_run(
                MaBands::new(10, 2.0, 1.5, Kama::new).unwrap(),
                &closes(),
                |b| vec![b.upper, b.middle, b.lower],
            ),
            single(),
        ),
        "MA(20, 6)" => (typed_run(Kama::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 7)" => (
            typed_run(Mama::default(), &closes(), |m| vec![m.mama]),
            single(),
        ),
        "MA(20, 8)" => (
            typed_run(T3::new(20, 0.7).unwrap(), &closes(), one),
            single(),
        ),
        "MA(20, 9)" => (typed_run(Hma::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 10)" => (typed_run(Identity::new(), &closes(), one), single()),
        "MA(20, 11)" => (typed_run(Sma::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 12)" => (typed_run(Zlema::new(20).unwrap(), &closes(), one), single()),
        "MA(20, 13)" => (typed_run(Rma::new(20).unwrap(), &closes(), one), single()),
        "MACROSS(5, 20, 9)" => (
            typed_run(
                MaCross::with_averages(Hma::new(5).unwrap(), Hma::new(20).unwrap()),
                &closes(),
                |e| {
                    vec![code(
                        e == Some(MaCrossEvent::GoldenCross),
                        e == Some(MaCrossEvent::DeathCross),
                    )]
                },
            ),
            single(),
        ),
        "BBANDS" => (
            typed_run(Bollinger::new(20, 2.0).unwrap(), &closes(), |b| {
                vec![b.upper, b.middle, b.lower]
            }),
            single(),
        ),
        "BBANDS(10, 1.5, 2.5)" => {
            let mut up = Bollinger::new(10, 1.5).unwrap();
            let mut down = Bollinger::new(10, 2.5).unwrap();
            let rows = closes()
                .iter()
                .map(|&x| match (up.update(x), down.update(x)) {
                    (Some(u), Some(d)) => bits(&[u.upper, u.middle, d.lower]),
                    _ => None,
                })
                .collect();
            (rows, single())
        }
        "MIDPOINT(10)" => (
            typed_run(MidPoint::new(10).unwrap(), &closes(), one),
            single(),
        ),
        "MIDPRICE(10)" => (
            typed_run(MidPrice::new(10).unwrap(), &candles(), one),
            ohlc(),
        ),
        "DONCHIAN(10)" => (
            typed_run(Donchian::new(10).unwrap(), &candles(), |b| {
                vec![b.upper, b.middle, b.lower]
            }),
            ohlc(),
        ),
        "ACCBANDS(10)" => (
            typed_run(AccelerationBands::new(10).unwrap(), &candles(), |b| {
                vec![b.upper, b.middle, b.lower]
            }),
            ohlc(),
        ),
        "KC(10, 5, 1.5)" => (
            typed_run(Keltner::new(10, 5, 1.5).unwrap(), &candles(), |b| {
                vec![b.upper, b.middle, b.lower]
            }),
            ohlc(),
        ),
        "SAR" => (
            typed_run(ParabolicSar::new(0.02, 0.2).unwrap(), &candles(), |o| {
                vec![o.stop]
            }),
            ohlc(),
        ),
        "SAREXT(0, 0.01, 0.01, 0.03, 0.3)" => {
            let settings = SarSettings {
                offset_on_reverse: 0.01,
                acceleration_init_long: 0.01,
                acceleration_long: 0.03,
                acceleration_max_long: 0.3,
                ..SarSettings::default()
            };
            let signed = |o: ta_stream::trend::StopOutput| {
                vec![if o.trend == Trend::Up {
                    o.stop
                } else {
                    -o.stop
                }]
            };
            (
                typed_run(
                    ParabolicSar::extended(settings).unwrap(),
                    &candles(),
                    signed,
                ),
                ohlc(),
            )
        }
        "SUPERTREND(7, 2)" => (
            typed_run(SuperTrend::new(7, 2.0).unwrap(), &candles(), |o| {
                vec![o.stop, if o.trend == Trend::Up { 1.0 } else { -1.0 }]
            }),
            ohlc(),
        ),
        "RSI" => (
            typed_run(
                Rsi::new(14).unwrap().with_flat(FlatRsi::TaLib),
                &closes(),
                one,
            ),
            single(),
        ),
        "MACD" => (
            typed_run(Macd::new(12, 26, 9).unwrap(), &closes(), |m| {
                vec![m.macd, m.signal, m.histogram]
            }),
            single(),
        ),
        "ROC" => (typed_run(Roc::new(10).unwrap(), &closes(), one), single()),
        "ROCP(5)" => (typed_run(Rocp::new(5).unwrap(), &closes(), one), single()),
        "MOM(7)" => (
            typed_run(Momentum::new(7).unwrap(), &closes(), one),
            single(),
        ),
        "STOCH" => (
            typed_run(Stochastic::new(5, 3, 3).unwrap(), &candles(), |s| {
                vec![s.k, s.d]
            }),
            ohlc(),
        ),
        "STOCHF(14, 3)" => (
            typed_run(FastStochastic::new(14, 3).unwrap(), &candles(), |s| {
                vec![s.k, s.d]
            }),
            ohlc(),
        ),
        "MAX(14)" => (
            typed_run(RollingMax::new(14).unwrap(), &closes(), one),
            single(),
        ),
        "MIN(14)" => (
            typed_run(RollingMin::new(14).unwrap(), &closes(), one),
            single(),
        ),
        "VAR(20)" => (
            typed_run(Variance::new(20).unwrap(), &closes(), one),
            single(),
        ),
        "STDDEV(20)" => (
            typed_run(StdDev::new(20).unwrap(), &closes(), one),
            single(),
        ),
        "STDDEV(20, 2)" => (
            typed_run(StdDev::new(20).unwrap(), &closes(), |x| vec![x * 2.0]),
            single(),
        ),
        "TRANGE" => (typed_run(TrueRange::new(), &candles(), one), ohlc()),
        "ATR" => (typed_run(Atr::new(14).unwrap(), &candles(), one), ohlc()),
        "NATR" => (typed_run(Natr::new(14).unwrap(), &candles(), one), ohlc()),
        "TYPPRICE" => (typed_run(TypicalPrice::new(), &candles(), one), ohlc()),
        "AVGPRICE" => (typed_run(AveragePrice::new(), &candles(), one), ohlc()),
        "MEDPRICE" => (typed_run(MedianPrice::new(), &candles(), one), ohlc()),
        "WCLPRICE" => (typed_run(WeightedClose::new(), &candles(), one), ohlc()),
        "HA" => (
            typed_run(HeikinAshi::new(), &candles(), |c| {
                vec![c.open, c.high, c.low, c.close]
            }),
            ohlc(),
        ),
        "AVGDEV" => (
            typed_run(AverageDeviation::new(14).unwrap(), &closes(), one),
            single(),
        ),
        "AVGDEV(5)" => (
            typed_run(AverageDeviation::new(5).unwrap(), &closes(), one),
            single(),
        ),
        "ADR" => (
            typed_run(AverageDayRange::new(14).unwrap(), &candles(), one),
            ohlc(),
        ),
        "CVI" => (
            typed_run(ChaikinVolatility::new(10, 10).unwrap(), &candles(), one),
            ohlc(),
        ),
        "CVI(5, 3)" => (
            typed_run(ChaikinVolatility::new(5, 3).unwrap(), &candles(), one),
            ohlc(),
        ),
        "MASSI" => (
            typed_run(MassIndex::new(9, 25).unwrap(), &candles(), one),
            ohlc(),
        ),
        "MASSI(5, 10)" => (
            typed_run(MassIndex::new(5, 10).unwrap(), &candles(), one),
            ohlc(),
        ),
        "RVI" => (
            typed_run(RelativeVolatility::new(14, 10).unwrap(), &closes(), one),
            single(),
        ),
        "RVI(5, 3)" => (
            typed_run(RelativeVolatility::new(5, 3).unwrap(), &closes(), one),
            single(),
        ),
        "BETA(20)" => {
            // TA-Lib's BETA(real0 = market, real1 = asset); the typed Beta takes (asset, market).
            let swapped: Vec<(f64, f64)> = pairs().iter().map(|&(a, b)| (b, a)).collect();
            (typed_run(Beta::talib(20).unwrap(), &swapped, one), pair())
        }
        "CORREL(20)" => (
            typed_run(Correlation::talib(20).unwrap(), &pairs(), one),
            pair(),
        ),
        "RMA" => (typed_run(Rma::new(30).unwrap(), &closes(), one), single()),
        "MACROSS(20, 50)" => (
            typed_run(MaCross::new(20, 50).unwrap(), &closes(), |e| {
                vec![code(
                    e == Some(MaCrossEvent::GoldenCross),
                    e == Some(MaCrossEvent::DeathCross),
                )]
            }),
            single(),
        ),
        "MACROSS(10, 30, 1)" => (
            typed_run(MaCross::ema(10, 30).unwrap(), &closes(), |e| {
                vec![code(
                    e == Some(MaCrossEvent::GoldenCross),
                    e == Some(MaCrossEvent::DeathCross),
                )]
            }),
            single(),
        ),
        "CROSSOVER" => (
            // NDX against 3.2 × SPX-ish: use the raw pair, which crosses nowhere, and the
            // data's own crosses of NDX/SPX ratios via CROSSLEVEL below.
            typed_run(Crossover::new(), &pairs(), |c| {
                vec![code(c == Some(Cross::Above), c == Some(Cross::Below))]
            }),
            pair(),
        ),
        "CROSSLEVEL(15000)" => (
            typed_run(CrossLevel::new(15000.0).unwrap(), &closes(), |c| {
                vec![code(c == Some(Cross::Above), c == Some(Cross::Below))]
            }),
            single(),
        ),
        "ZONES(60, 40)" => {
            let rsi: Vec<f64> = Rsi::new(14)
                .unwrap()
                .batch(&closes())
                .into_iter()
                .flatten()
                .collect();
            let rows = typed_run(Zones::new(60.0, 40.0).unwrap(), &rsi, |z| {
                let zone = match z.zone() {
                    Zone::Overbought => 1.0,
                    Zone::Neutral => 0.0,
                    Zone::Oversold => -1.0,
                };
                vec![
                    zone,
                    code(
                        z.entry() == Some(ZoneEvent::EnteredOverbought),
                        z.entry() == Some(ZoneEvent::EnteredOversold),
                    ),
                    code(
                        z.exit() == Some(ZoneEvent::LeftOverbought),
                        z.exit() == Some(ZoneEvent::LeftOversold),
                    ),
                ]
            });
            (rows, rsi.into_iter().map(DynInput::real).collect())
        }
        "MAPOSITION" | "MAPOSITION(10, 20, 50, 1)" => {
            let (kind, periods) = if spec == "MAPOSITION" {
                (MaKind::Sma, [20, 50, 200])
            } else {
                (MaKind::Ema, [10, 20, 50])
            };
            let averages: Vec<(MaKind, usize)> = periods.iter().map(|&p| (kind, p)).collect();
            let flag = |b: Option<bool>| nan(b.map(|b| if b { 1.0 } else { 0.0 }));
            (
                typed_run(MaPosition::new(&averages).unwrap(), &closes(), |r| {
                    let ma = |i| nan(r.get(i).map(|k| k.value()));
                    vec![
                        ma(0),
                        ma(1),
                        ma(2),
                        flag(r.above_all()),
                        flag(r.below_all()),
                    ]
                }),
                single(),
            )
        }
        "DRAWDOWN" => (
            typed_run(Drawdown::new(), &closes(), |d| {
                vec![d.drawdown, d.max_drawdown, d.duration as f64, d.peak]
            }),
            single(),
        ),
        "REALVOL" => (
            typed_run(RealizedVolatility::new(20).unwrap(), &closes(), one),
            single(),
        ),
        "REALVOL(10, 52, 1)" => (
            typed_run(
                RealizedVolatility::new(10)
                    .unwrap()
                    .with_periods_per_year(52)
                    .unwrap()
                    .with_returns(Returns::Simple),
                &closes(),
                one,
            ),
            single(),
        ),
        "SWINGPIVOTS(3, 2)" => (
            typed_run(SwingPivots::with_sides(3, 2).unwrap(), &candles(), |r| {
                let price = |s: Option<Swing<f64>>| nan(s.map(|s| s.price));
                let ago = |s: Option<Swing<f64>>| nan(s.map(|s| s.bars_ago as f64));
                vec![price(r.high), ago(r.high), price(r.low), ago(r.low)]
            }),
            ohlc(),
        ),
        "ZIGZAG" => (
            typed_run(ZigZag::new(5.0).unwrap(), &candles(), swing),
            ohlc(),
        ),
        "ZIGZAG(3, 1)" => (
            typed_run(
                ZigZag::new(3.0).unwrap().with_source(ZigZagSource::Close),
                &candles(),
                swing,
            ),
            ohlc(),
        ),
        "REACTIONLOW(3)" => (
            typed_run(ReactionLow::new(3).unwrap(), &candles(), swing),
            ohlc(),
        ),
        "SUPPORTRESISTANCE" => (
            typed_run(
                SupportResistance::new(LevelsConfig::default()).unwrap(),
                &candles(),
                |r| {
                    let (event, level) = match r.event {
                        None => (0.0, f64::NAN),
                        Some(LevelEvent::Touch(l)) => (1.0, l.price()),
                        Some(LevelEvent::Retest(l)) => (2.0, l.price()),
                        Some(LevelEvent::Break(l)) => (3.0, l.price()),
                    };
                    vec![
                        nan(r.support.map(|l| l.price())),
                        nan(r.resistance.map(|l| l.price())),
                        event,
                        level,
                    ]
                },
            ),
            ohlc(),
        ),
        "FLOORPIVOTS" | "FLOORPIVOTS(2, 1)" => {
            let pivots = if spec == "FLOORPIVOTS" {
                FloorPivots::default()
            } else {
                FloorPivots::new(PivotKind::Camarilla, PivotPeriod::Week)
            };
            (
                typed_run(pivots, &bars(), |p| {
                    vec![
                        p.pivot,
                        p.r1,
                        p.s1,
                        nan(p.r2),
                        nan(p.s2),
                        nan(p.r3),
                        nan(p.s3),
                        nan(p.r4),
                        nan(p.s4),
                        nan(p.r5),
                        nan(p.s5),
                    ]
                }),
                bars().into_iter().map(DynInput::bar).collect(),
            )
        }
        "RATIOLINE" => (
            typed_run(RatioLine::anchored(), &pairs(), |r| {
                vec![r.ratio, r.change_percent]
            }),
            pair(),
        ),
        "RATIOLINE(20)" => (
            typed_run(RatioLine::new(20).unwrap(), &pairs(), |r| {
                vec![r.ratio, r.change_percent]
            }),
            pair(),
        ),
        "PERFSPREAD" => (
            typed_run(PerformanceSpread::anchored(), &pairs(), one),
            pair(),
        ),
        "PERFSPREAD(60)" => (
            typed_run(PerformanceSpread::new(60).unwrap(), &pairs(), one),
            pair(),
        ),
        "MANSFIELD(50)" => (
            typed_run(Mansfield::new(50).unwrap(), &pairs(), one),
            pair(),
        ),
        "LEADERSHIP(20)" => (
            typed_run(Leadership::new(20).unwrap(), &pairs(), |e| {
                vec![code(
                    e == Some(LeadershipEvent::AssetLeads),
                    e == Some(LeadershipEvent::BenchmarkLeads),
                )]
            }),
            pair(),
        ),
        "PUTCALL" => {
            let volumes: Vec<OptionVolume<f64>> = option_volumes()
                .iter()
                .map(|&(puts, calls)| OptionVolume::new(puts, calls).unwrap())
                .collect();
            let rows = typed_run(PutCall::new(10, 252).unwrap(), &volumes, |r| {
                let regime = match r.regime {
                    Regime::ExtremeComplacency => -2.0,
                    Regime::Complacency => -1.0,
                    Regime::Neutral => 0.0,
                    Regime::Fear => 1.0,
                    Regime::ExtremeFear => 2.0,
                };
                let contrarian = r.change.and_then(|c| c.contrarian());
                vec![
                    r.ratio,
                    r.smoothed,
                    r.z_score,
                    r.percentile,
                    regime,
                    code(
                        contrarian == Some(Contrarian::Bullish),
                        contrarian == Some(Contrarian::Bearish),
                    ),
                ]
            });
            (
                rows,
                option_volumes().into_iter().map(DynInput::from).collect(),
            )
        }
        other => catalog_families::reference(other)
            .unwrap_or_else(|| panic!("no typed reference for {other}")),
    }
}

/// Every entry of the first rounds at least once, with defaults and with other parameters;
/// the families' own lists are in `catalog_families`.
const FIRST_SPECS: &[&str] = &[
    "SMA",
    "SMA(50)",
    "EMA(12)",
    "WMA(20)",
    "DEMA(20)",
    "TEMA(20)",
    "TRIMA(20)",
    "MA(20, 5)",
    "KAMA(10)",
    "T3",
    "T3(8, 0.4)",
    "HMA(16)",
    "ZLEMA(12)",
    "VWMA(10)",
    "MAVP(3, 12, 1)",
    "BBANDS(10, 2, 1.5, 6)",
    "MA(20, 6)",
    "MA(20, 7)",
    "MA(20, 8)",
    "MA(20, 9)",
    "MA(20, 10)",
    "MA(20, 11)",
    "MA(20, 12)",
    "MA(20, 13)",
    "MACROSS(5, 20, 9)",
    "MA(20, 0)",
    "MA(20, 1)",
    "MA(20, 2)",
    "MA(20, 3)",
    "MA(20, 4)",
    "HT_TRENDLINE",
    "MAMA",
    "MAMA(0.9, 0.01)",
    "HT_DCPERIOD",
    "HT_DCPHASE",
    "HT_PHASOR",
    "HT_SINE",
    "HT_TRENDMODE",
    "BBANDS",
    "BBANDS(10, 1.5, 2.5)",
    "MIDPOINT(10)",
    "MIDPRICE(10)",
    "DONCHIAN(10)",
    "ACCBANDS(10)",
    "KC(10, 5, 1.5)",
    "SAR",
    "SAREXT(0, 0.01, 0.01, 0.03, 0.3)",
    "SUPERTREND(7, 2)",
    "RSI",
    "MACD",
    "ROC",
    "ROCP(5)",
    "MOM(7)",
    "STOCH",
    "STOCHF(14, 3)",
    "MAX(14)",
    "MIN(14)",
    "VAR(20)",
    "STDDEV(20)",
    "STDDEV(20, 2)",
    "TRANGE",
    "ATR",
    "NATR",
    "TYPPRICE",
    "AVGPRICE",
    "MEDPRICE",
    "WCLPRICE",
    "HA",
    "AVGDEV",
    "AVGDEV(5)",
    "ADR",
    "CVI",
    "CVI(5, 3)",
    "MASSI",
    "MASSI(5, 10)",
    "RVI",
    "RVI(5, 3)",
    "BETA(20)",
    "CORREL(20)",
    "RMA",
    "MACROSS(20, 50)",
    "MACROSS(10, 30, 1)",
    "CROSSOVER",
    "CROSSLEVEL(15000)",
    "ZONES(60, 40)",
    "MAPOSITION",
    "MAPOSITION(10, 20, 50, 1)",
    "DRAWDOWN",
    "REALVOL",
    "REALVOL(10, 52, 1)",
    "SWINGPIVOTS(3, 2)",
    "ZIGZAG",
    "ZIGZAG(3, 1)",
    "REACTIONLOW(3)",
    "SUPPORTRESISTANCE",
    "FLOORPIVOTS",
    "FLOORPIVOTS(2, 1)",
    "RATIOLINE",
    "RATIOLINE(20)",
    "PERFSPREAD",
    "PERFSPREAD(60)",
    "MANSFIELD(50)",
    "LEADERSHIP(20)",
    "PUTCALL",
];

/// Every spec the tests below run: the first rounds' and every family's.
fn specs() -> Vec<&'static str> {
    FIRST_SPECS
        .iter()
        .chain(
            catalog_families::SPECS
                .iter()
                .flat_map(|family| family.iter()),
        )
        .copied()
        .collect()
}

#[test]
fn every_entry_has_a_typed_reference_spec() {
    for info in catalog::functions() {
        let covered = specs()
            .iter()
            .any(|spec| DynIndicator::parse(spec).unwrap().info().name == info.name);
        assert!(covered, "{} has no spec in SPECS", info.name);
    }
}

#[test]
fn dynamic_equals_typed_bit_for_bit_on_the_real_data() {
    for spec in specs() {
        let (expected, inputs) = typed_reference(spec);
        let actual = dyn_run(spec, &inputs);
        assert_eq!(actual.len(), expected.len());
        for (index, (a, e)) in actual.iter().zip(&expected).enumerate() {
            assert_eq!(a, e, "{spec}: row {index}");
        }
        assert!(
            expected.iter().any(Option::is_some),
            "{spec}: never warmed up"
        );
    }
}

#[test]
fn columns_equal_streaming_bit_for_bit() {
    for spec in specs() {
        let (_, inputs) = typed_reference(spec);
        let streamed = dyn_run(spec, &inputs);
        let column = |f: fn(&DynInput) -> f64| inputs.iter().map(f).collect::<Vec<f64>>();
        let (open, high, low, close, volume, second) = (
            column(|i| i.open),
            column(|i| i.high),
            column(|i| i.low),
            column(|i| i.close),
            column(|i| i.volume),
            column(|i| i.second),
        );
        let times: Vec<_> = inputs
            .iter()
            .map(|i| i.timestamp.unwrap_or_default())
            .collect();
        let mut columns = Columns::ohlcv(&open, &high, &low, &close, &volume);
        columns.second = Some(&second);
        if inputs[0].timestamp.is_some() {
            columns = columns.with_timestamps(&times);
        }
        let mut indicator = DynIndicator::parse(spec).unwrap();
        let mut outputs = vec![vec![0.0; inputs.len()]; indicator.outputs().len()];
        let mut slices: Vec<&mut [f64]> = outputs.iter_mut().map(Vec::as_mut_slice).collect();
        indicator.run_columns(&columns, &mut slices).unwrap();
        for (row, expected) in streamed.iter().enumerate() {
            let got: Vec<u64> = outputs.iter().map(|out| out[row].to_bits()).collect();
            match expected {
                Some(expected) => assert_eq!(&got, expected, "{spec}: row {row}"),
                None => assert!(
                    got.iter().all(|&b| f64::from_bits(b).is_nan()),
                    "{spec}: row {row}"
                ),
            }
        }
    }
}

#[test]
fn column_runs_refuse_missing_columns_and_wrong_lengths() {
    let x = [1.0, 2.0, 3.0];
    let mut out = [0.0; 3];
    let mut atr = DynIndicator::parse("ATR(2)").unwrap();
    assert_eq!(
        atr.run_columns(&Columns::real(&x), &mut [&mut out])
            .unwrap_err()
            .to_string(),
        "ATR: needs the high column"
    );
    let mut sma = DynIndicator::parse("SMA(2)").unwrap();
    let mut short = [0.0; 2];
    assert_eq!(
        sma.run_columns(&Columns::real(&x), &mut [&mut short])
            .unwrap_err()
            .to_string(),
        "SMA: expected 1 output slices (real) of 3 rows each"
    );
    assert_eq!(
        sma.run_columns(&Columns::pair(&x, &[1.0]), &mut [&mut out])
            .unwrap_err()
            .to_string(),
        "SMA: columns of different lengths (3 and 1)"
    );
}

// ---------------------------------------------------------------- TA-Lib fixtures

fn fixture_through_catalog(
    fixture: &Fixture,
    column: &str,
    spec: &str,
    output: usize,
    inputs: &[DynInput],
) {
    let mut indicator = DynIndicator::parse(spec).unwrap();
    let actual: Vec<Option<f64>> = inputs
        .iter()
        .map(|&input| indicator.update(input).and_then(|out| out.get(output)))
        .collect();
    let label = format!("{} {column} via {spec}", fixture.name);
    if spec.starts_with("STOCH") {
        // As tests/talib_momentum.rs: 1e-9 relative or 1e-7 absolute (1e-9 of the 0..100
        // scale), for TA-Lib's running-sum residues such as 2.7e-14 where the exact value is 0.
        let expected = fixture.column(column);
        assert_eq!(actual.len(), expected.len(), "{label}");
        for (index, (a, e)) in actual.iter().zip(expected).enumerate() {
            match (a, e) {
                (Some(a), Some(e)) => assert!(
                    approx::relative_eq!(*a, *e, epsilon = 1e-7, max_relative = 1e-9),
                    "{label}: index {index}: {a} vs {e}"
                ),
                (None, None) => {}
                _ => panic!("{label}: index {index}: warm-up differs"),
            }
        }
    } else if column == "macdhist" {
        common::assert_histogram_matches(&label, &actual, fixture, 1e-9);
    } else {
        common::assert_matches(&label, &actual, fixture.column(column), 1e-9);
    }
}

#[test]
fn talib_fixtures_pass_through_the_catalog() {
    let single = [
        ("sma", "SMA"),
        ("ema", "EMA"),
        ("wma", "WMA"),
        ("dema", "DEMA"),
        ("tema", "TEMA"),
        ("rsi", "RSI"),
    ];
    for series in common::SINGLE_SERIES {
        let fixture = Fixture::load(&format!("talib/single_{series}.csv"));
        let inputs: Vec<DynInput> = fixture
            .values("input")
            .into_iter()
            .map(DynInput::real)
            .collect();
        for (prefix, name) in single {
            for period in common::PERIODS {
                let spec = format!("{name}({period})");
                fixture_through_catalog(&fixture, &format!("{prefix}_{period}"), &spec, 0, &inputs);
            }
        }
        for (column, spec, output) in [
            ("roc_10", "ROC(10)", 0),
            ("rocp_10", "ROCP(10)", 0),
            ("mom_10", "MOM(10)", 0),
            ("stddev_20", "STDDEV(20)", 0),
            ("var_20", "VAR(20)", 0),
            ("max_14", "MAX(14)", 0),
            ("max_200", "MAX(200)", 0),
            ("min_14", "MIN(14)", 0),
            ("min_200", "MIN(200)", 0),
            ("macd", "MACD", 0),
            ("macdsignal", "MACD", 1),
            ("macdhist", "MACD", 2),
            ("bb_upper", "BBANDS(20, 2, 2, 0)", 0),
            ("bb_middle", "BBANDS(20, 2, 2, 0)", 1),
            ("bb_lower", "BBANDS(20, 2, 2, 0)", 2),
        ] {
            fixture_through_catalog(&fixture, column, spec, output, &inputs);
        }
    }
    for series in ["ndx", "flat_bars", "gaps", "zero_range"] {
        let fixture = Fixture::load(&format!("talib/bars_{series}.csv"));
        let (o, h, l, c) = (
            fixture.values("open"),
            fixture.values("high"),
            fixture.values("low"),
            fixture.values("close"),
        );
        let inputs: Vec<DynInput> = (0..c.len())
            .map(|i| DynInput {
                open: o[i],
                high: h[i],
                low: l[i],
                close: c[i],
                volume: 0.0,
                second: c[i],
                timestamp: None,
            })
            .collect();
        for (column, spec, output) in [
            ("trange", "TRANGE", 0),
            ("atr_14", "ATR(14)", 0),
            ("natr_14", "NATR(14)", 0),
            ("slowk", "STOCH(14, 3, 0, 3, 0)", 0),
            ("slowd", "STOCH(14, 3, 0, 3, 0)", 1),
            ("fastk", "STOCHF(14, 3, 0)", 0),
            ("fastd", "STOCHF(14, 3, 0)", 1),
        ] {
            fixture_through_catalog(&fixture, column, spec, output, &inputs);
        }
    }
    let fixture = Fixture::load("talib/pairs_ndx_spx.csv");
    let (ndx, spx) = (fixture.values("ndx"), fixture.values("spx"));
    // TA-Lib's calls: BETA(spx, ndx), CORREL(ndx, spx).
    let spx_ndx: Vec<DynInput> = spx
        .iter()
        .zip(&ndx)
        .map(|(&s, &n)| DynInput::pair(s, n))
        .collect();
    let ndx_spx: Vec<DynInput> = ndx
        .iter()
        .zip(&spx)
        .map(|(&n, &s)| DynInput::pair(n, s))
        .collect();
    fixture_through_catalog(&fixture, "beta_spx_ndx_5", "BETA(5)", 0, &spx_ndx);
    fixture_through_catalog(&fixture, "beta_spx_ndx_20", "BETA(20)", 0, &spx_ndx);
    fixture_through_catalog(&fixture, "correl_ndx_spx_20", "CORREL(20)", 0, &ndx_spx);
    fixture_through_catalog(&fixture, "correl_ndx_spx_60", "CORREL(60)", 0, &ndx_spx);
}

// ---------------------------------------------------------------- TA-Lib's abstract API

#[test]
fn talib_entries_agree_with_talibs_abstract_api() {
    let path = format!(
        "{}/tests/data/talib/abstract_info.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let functions = document["functions"].as_array().unwrap();
    assert_eq!(functions.len(), 201);
    let mut checked = 0;
    for info in catalog::functions().iter().filter(|info| info.talib) {
        let talib = functions
            .iter()
            .find(|f| f["name"] == info.name)
            .unwrap_or_else(|| panic!("{} is not a TA-Lib function", info.name));
        assert_eq!(talib["group"], info.group.name(), "{}: group", info.name);
        let params = talib["parameters"].as_array().unwrap();
        assert_eq!(
            params.len(),
            info.params.len(),
            "{}: number of parameters",
            info.name
        );
        for (talib, ours) in params.iter().zip(info.params) {
            assert_eq!(talib[0], ours.name, "{}: parameter order", info.name);
            assert_eq!(
                talib[1].as_f64().unwrap(),
                ours.default,
                "{}: default of {}",
                info.name,
                ours.name
            );
            if ours.name.ends_with("matype") {
                assert!(
                    matches!(ours.kind, ParamKind::MaType(_)),
                    "{}: {} is a matype",
                    info.name,
                    ours.name
                );
            }
        }
        let outputs: Vec<&str> = talib["outputs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap())
            .collect();
        assert_eq!(outputs, info.outputs, "{}: outputs", info.name);
        let inputs = talib["inputs"].as_object().unwrap();
        match info.inputs {
            catalog::InputKind::Real => {
                assert!(inputs.contains_key("price"), "{}: inputs", info.name)
            }
            catalog::InputKind::Pair(..) => assert_eq!(inputs.len(), 2, "{}: inputs", info.name),
            catalog::InputKind::Prices(prices) => {
                let names: Vec<&str> = prices.iter().map(|p| p.name()).collect();
                // A price series next to the bar prices (VWMA: `price` close, `prices`
                // volume) comes first.
                let series = inputs.get("price").map(|p| p.as_str().unwrap());
                let talib: Vec<&str> = series
                    .into_iter()
                    .chain(
                        inputs["prices"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|p| p.as_str().unwrap()),
                    )
                    .collect();
                assert_eq!(names, talib, "{}: prices", info.name);
            }
            catalog::InputKind::TimestampedBar => {
                panic!("{}: TA-Lib has no timestamped input", info.name)
            }
        }
        checked += 1;
    }
    // Every one of TA-Lib 0.8.1's functions is in the catalog, each once.
    assert_eq!(
        checked, 201,
        "{checked} of TA-Lib's 201 functions in the catalog"
    );
    let codes = document["ma_types"].as_object().unwrap();
    for code in 0..14_u8 {
        assert!(codes.contains_key(&code.to_string()));
        assert!(catalog::MaType::from_code(code).is_some());
    }
    assert!(catalog::MaType::from_code(14).is_none());
}

// ---------------------------------------------------------------- registration and warm-up

/// Types that implement `Indicator` but are not one stream per series.
const EXCLUDED: &[(&str, &str)] = &[(
    "IndexCalculator",
    "a whole index of constituents keyed by name, not one stream per series",
)];

/// Every `.rs` file under `src/` except the catalog's own, with its text.
fn source_files() -> Vec<String> {
    let mut texts = Vec::new();
    let root = format!("{}/src", env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("catalog") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                texts.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    texts
}

/// The leading identifier of `text` (letters, digits, `_`).
fn identifier(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The types that implement `Indicator`: written out (`impl<...> Indicator for Name<...>`) or
/// made by a macro whose body implements it (`crate::Indicator for $name`), whose
/// invocations name the type first after their doc comments and attributes.
fn public_indicator_types() -> Vec<String> {
    let files = source_files();
    let mut found = Vec::new();
    let mut macros = Vec::new();
    for text in &files {
        let mut current_macro = None;
        for line in text.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("macro_rules! ") {
                current_macro = Some(identifier(rest));
            }
            let Some(rest) = line.split("Indicator for ").nth(1) else {
                continue;
            };
            if rest.starts_with('$') {
                macros.extend(current_macro.clone());
            } else if line.starts_with("impl") {
                let name = identifier(rest);
                if name != "Box" {
                    found.push(name);
                }
            }
        }
    }
    assert!(macros.len() >= 5, "indicator macros found: {macros:?}");
    for text in &files {
        let mut lines = text.lines().map(str::trim);
        while let Some(line) = lines.next() {
            let invokes = macros.iter().any(|m| {
                let called = line.split(&format!("{m}!")).nth(1);
                !line.starts_with("macro_rules!")
                    && called.is_some_and(|rest| rest.starts_with('(') || rest.starts_with(" {"))
            });
            if invokes {
                let name = lines
                    .by_ref()
                    .find(|l| !l.is_empty() && !l.starts_with("///") && !l.starts_with("#["))
                    .map(identifier)
                    .unwrap_or_default();
                found.push(name);
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn every_public_indicator_type_has_an_entry() {
    let types = public_indicator_types();
    // Written out and macro-made (Rocr100, Adx, MaxIndex, LinearRegression, TypicalPrice, ...).
    for made in [
        "Rocr100",
        "Adx",
        "PlusDm",
        "MaxIndex",
        "LinearRegression",
        "TypicalPrice",
    ] {
        assert!(
            types.iter().any(|t| t == made),
            "{made} not found in {types:?}"
        );
    }
    assert!(types.len() >= 140, "found {} types: {types:?}", types.len());
    for name in &types {
        if EXCLUDED.iter().any(|(excluded, _)| excluded == name) {
            assert!(catalog::functions()
                .iter()
                .all(|info| !info.types.contains(&name.as_str())));
            continue;
        }
        assert!(
            catalog::functions().iter().any(|info| info.types.contains(&name.as_str())),
            "public indicator type {name} has no catalog entry (add a line to src/catalog/table.rs)"
        );
    }
}

#[test]
fn warmup_is_the_typed_warmup_and_the_first_output_comes_there() {
    let typed_warmups: &[(&str, usize)] = &[
        ("SMA", Sma::<f64>::new(30).unwrap().warmup_period()),
        ("MACD", Macd::<f64>::new(12, 26, 9).unwrap().warmup_period()),
        (
            "STOCH",
            Stochastic::<f64>::new(5, 3, 3).unwrap().warmup_period(),
        ),
        (
            "BBANDS(10, 1.5, 2.5)",
            Bollinger::<f64>::new(10, 1.5).unwrap().warmup_period(),
        ),
        ("RSI", Rsi::<f64>::new(14).unwrap().warmup_period()),
        ("MA(20, 4)", Tema::<f64>::new(20).unwrap().warmup_period()),
        (
            "MACROSS(20, 50)",
            MaCross::<f64>::new(20, 50).unwrap().warmup_period(),
        ),
        ("BETA(20)", Beta::<f64>::talib(20).unwrap().warmup_period()),
        (
            "PUTCALL",
            PutCall::<f64>::new(10, 252).unwrap().warmup_period(),
        ),
        (
            "SWINGPIVOTS(3, 2)",
            SwingPivots::<f64>::with_sides(3, 2)
                .unwrap()
                .warmup_period(),
        ),
    ];
    for (spec, warmup) in typed_warmups {
        assert_eq!(
            DynIndicator::parse(spec).unwrap().warmup_period(),
            *warmup,
            "{spec}"
        );
    }
    for spec in specs() {
        let (_, inputs) = typed_reference(spec);
        let outputs = dyn_run(spec, &inputs);
        let warmup = DynIndicator::parse(spec).unwrap().warmup_period();
        if warmup >= 1 {
            assert!(
                outputs[..warmup - 1].iter().all(Option::is_none),
                "{spec}: output before the warm-up"
            );
        }
    }
}

// ---------------------------------------------------------------- specs

#[test]
fn specs_parse_case_insensitively_positionally_and_by_name() {
    let canonical = |spec: &str| DynIndicator::parse(spec).unwrap().to_string();
    assert_eq!(canonical("SMA"), "SMA(timeperiod=30)");
    assert_eq!(canonical("sma(50)"), "SMA(timeperiod=50)");
    assert_eq!(
        canonical(" macd( 12 ,26, 9 ) "),
        "MACD(fastperiod=12, slowperiod=26, signalperiod=9)"
    );
    assert_eq!(
        canonical("BBANDS(timeperiod=20, nbdevup=2.5)"),
        "BBANDS(timeperiod=20, nbdevup=2.5, nbdevdn=2, matype=0)"
    );
    assert_eq!(
        canonical("bbands(10, NBDEVDN=1.5)"),
        "BBANDS(timeperiod=10, nbdevup=2, nbdevdn=1.5, matype=0)"
    );
    assert_eq!(
        canonical("MA(matype=1, timeperiod=10)"),
        "MA(timeperiod=10, matype=1)"
    );
    assert_eq!(canonical("TRANGE()"), "TRANGE()");
    assert_eq!(canonical("stddev(5, 1e0)"), "STDDEV(timeperiod=5, nbdev=1)");
}

#[test]
fn malformed_specs_give_exact_errors() {
    let cases: &[(&str, &str)] = &[
        ("", "malformed spec `` at byte 0: expected a function name"),
        ("(14)", "malformed spec `(14)` at byte 0: expected a function name"),
        ("RSX(14)", "unknown function `RSX`; did you mean `RSI`?"),
        ("SMAA", "unknown function `SMAA`; did you mean `SMA`?"),
        ("FOOBARBAZ", "unknown function `FOOBARBAZ`"),
        ("SMA 14", "malformed spec `SMA 14` at byte 4: expected `(` or the end of the spec"),
        ("SMA(14", "malformed spec `SMA(14` at byte 6: expected `,` or `)`"),
        ("SMA(14,)", "malformed spec `SMA(14,)` at byte 7: expected a number"),
        ("SMA(abc)", "malformed spec `SMA(abc)` at byte 4: expected a number or `name=value`"),
        ("SMA(1.2.3)", "malformed spec `SMA(1.2.3)` at byte 4: expected a number"),
        ("SMA(14) x", "malformed spec `SMA(14) x` at byte 8: unexpected text after `)`"),
        ("SMA(period=14)", "SMA has no parameter `period`; its parameters are: timeperiod"),
        ("TRANGE(x=1)", "TRANGE has no parameter `x`; its parameters are: none"),
        ("SMA(14, 15)", "SMA takes at most 1 parameters, 2 given"),
        ("SMA(timeperiod=5, 6)", "malformed spec `SMA(timeperiod=5, 6)` at byte 18: positional argument after a named one"),
        ("SMA(5, timeperiod=6)", "SMA: parameter `timeperiod` given twice"),
        ("SMA(0)", "SMA: parameter `timeperiod` = 0: expected a whole number in 1..=100000"),
        ("SMA(2.5)", "SMA: parameter `timeperiod` = 2.5: expected a whole number in 1..=100000"),
        ("SMA(100001)", "SMA: parameter `timeperiod` = 100001: expected a whole number in 1..=100000"),
        ("MA(30, 14)", "MA: parameter `matype` = 14: expected one of 0 (SMA), 1 (EMA), 2 (WMA), 3 (DEMA), 4 (TEMA), 5 (TRIMA), 6 (KAMA), 7 (MAMA), 8 (T3), 9 (HMA), 10 (identity), 11 (default), 12 (ZLEMA), 13 (Wilder)"),
        ("STOCHF(5, 3, 14)", "STOCHF: parameter `fastd_matype` = 14: expected one of 0 (SMA), 1 (EMA), 2 (WMA), 3 (DEMA), 4 (TEMA), 5 (TRIMA), 6 (KAMA), 7 (MAMA), 8 (T3), 9 (HMA), 10 (identity), 11 (default), 12 (ZLEMA), 13 (Wilder)"),
        ("BBANDS(20, 0)", "BBANDS: parameter `nbdevup` = 0: expected 0.001..=1000"),
        ("MACD(1)", "MACD: parameter `fastperiod` = 1: expected a whole number in 2..=100000"),
        ("MACROSS(200, 50)", "MACROSS: invalid parameter `fastperiod` = 200: expected less than `slowperiod`"),
        ("ZONES(30, 70)", "ZONES: invalid parameter `overbought` = 30.0: expected a level above `oversold`"),
    ];
    let mut failures = Vec::new();
    for (spec, message) in cases {
        let got = match DynIndicator::parse(spec) {
            Ok(indicator) => format!("Ok({indicator})"),
            Err(err) => err.to_string(),
        };
        if got != *message {
            failures.push(format!("{spec:?}: got {got:?}, expected {message:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn any_spec() -> impl Strategy<Value = String> {
    let names: Vec<&'static str> = catalog::functions().iter().map(|info| info.name).collect();
    (
        proptest::sample::select(names),
        proptest::collection::vec(0.0..1.0f64, 8),
        any::<bool>(),
    )
        .prop_map(|(name, fractions, lower)| {
            let info = catalog::find(name).unwrap();
            let args: Vec<String> = info
                .params
                .iter()
                .zip(fractions)
                .map(|(param, f)| match param.kind {
                    ParamKind::Int => {
                        let max = param.max.min(param.min + 300.0);
                        format!(
                            "{}={}",
                            param.name,
                            (param.min + (f * (max - param.min)).floor())
                        )
                    }
                    ParamKind::Float => format!(
                        "{}={}",
                        param.name,
                        param.min.max(-100.0) + f * (param.max.min(100.0) - param.min.max(-100.0))
                    ),
                    ParamKind::MaType(codes) => format!(
                        "{}={}",
                        param.name,
                        codes[(f * codes.len() as f64) as usize % codes.len()]
                    ),
                })
                .collect();
            let name = if lower {
                name.to_lowercase()
            } else {
                name.to_owned()
            };
            format!("{name}({})", args.join(", "))
        })
}

proptest! {
    #[test]
    fn display_parses_back_to_the_same_spec_and_indicator(spec in any_spec(), closes in proptest::collection::vec(1.0..100.0f64, 0..60)) {
        // Some parameter combinations are refused together (fast >= slow); those must say so.
        let Ok(mut indicator) = DynIndicator::parse(&spec) else {
            let err = DynIndicator::parse(&spec).unwrap_err();
            prop_assert!(matches!(err, catalog::CatalogError::Invalid { .. }), "{}: {}", spec, err);
            return Ok(());
        };
        let canonical = indicator.to_string();
        let mut again = DynIndicator::parse(&canonical).unwrap();
        prop_assert_eq!(again.spec(), indicator.spec());
        prop_assert_eq!(&again.to_string(), &canonical);
        prop_assert_eq!(&again, &indicator);
        for close in closes {
            let input = DynInput::pair(close, close * 0.9);
            prop_assert_eq!(indicator.update(input), again.update(input));
        }
        prop_assert_eq!(&again, &indicator);
    }
}

proptest! {
    #[test]
    fn parsing_any_text_never_panics(text in "\\PC{0,40}", prefix in proptest::sample::select(vec!["", "SMA(", "BBANDS(", "ma(matype="])) {
        let text = format!("{prefix}{text}");
        if let Ok(indicator) = DynIndicator::parse(&text) {
            let again = DynIndicator::parse(&indicator.to_string()).unwrap();
            prop_assert_eq!(again.spec(), indicator.spec());
        }
    }
}

#[test]
fn the_module_docs_table_lists_every_entry_with_its_defaults() {
    let docs =
        std::fs::read_to_string(format!("{}/src/catalog/mod.rs", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let rows: Vec<&str> = docs
        .lines()
        .filter(|line| line.starts_with("//! | `"))
        .collect();
    for info in catalog::functions() {
        let name = format!("`{}`", info.name);
        let row = rows
            .iter()
            .find(|row| {
                row.split('|')
                    .nth(1)
                    .is_some_and(|cell| cell.split(", ").any(|n| n.trim() == name))
            })
            .unwrap_or_else(|| panic!("{} is not in the table of src/catalog/mod.rs", info.name));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        assert!(
            cells[2] == info.group.name(),
            "{}: group {:?}",
            info.name,
            cells[2]
        );
        for param in info.params {
            let text = format!("{}={}", param.name, param.default);
            assert!(
                cells[4].contains(&text),
                "{}: the docs do not say {text}",
                info.name
            );
        }
        for output in info.outputs {
            assert!(
                cells[5].contains(output),
                "{}: the docs do not list output {output}",
                info.name
            );
        }
    }
}

// ---------------------------------------------------------------- serde

#[test]
fn saved_mid_stream_resumes_identically() {
    for spec in specs() {
        let (_, inputs) = typed_reference(spec);
        let half = inputs.len() / 2;
        let mut original = DynIndicator::parse(spec).unwrap();
        for &input in &inputs[..half] {
            original.update(input);
        }
        let json = serde_json::to_string(&original).unwrap();
        assert!(
            json.starts_with(&format!(
                "{{\"version\":1,\"spec\":\"{}\",\"state\":",
                original
            )),
            "{json}"
        );
        let mut restored: DynIndicator = serde_json::from_str(&json).unwrap();
        assert_eq!(restored, original, "{spec}");
        for &input in &inputs[half..] {
            assert_eq!(restored.update(input), original.update(input), "{spec}");
        }
    }
}

#[test]
fn saved_form_refuses_bad_version_spec_order_and_state() {
    let mut rsi = DynIndicator::parse("RSI(5)").unwrap();
    for x in [1.0, 2.0, 3.0, 2.5, 2.0, 4.0, 5.0] {
        rsi.update(DynInput::real(x));
    }
    let json = serde_json::to_string(&rsi).unwrap();
    let state = &json[json.find("\"state\":").unwrap() + 8..json.len() - 1];
    let load = |text: &str| {
        serde_json::from_str::<DynIndicator>(text)
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert!(load(&json.replace("\"version\":1", "\"version\":2"))
        .contains("unsupported catalog state version 2; expected 1"));
    assert!(load(&json.replace("RSI(timeperiod=5)", "RSX(5)"))
        .contains("unknown function `RSX`; did you mean `RSI`?"));
    // The state of an RSI(5) under the spec of an RSI(6).
    assert!(
        load(&json.replace("RSI(timeperiod=5)", "RSI(timeperiod=6)"))
            .contains("the state's parameters are not the spec's")
    );
    // The state of an RSI under an SMA's spec.
    assert!(serde_json::from_str::<DynIndicator>(
        &json.replace("RSI(timeperiod=5)", "SMA(timeperiod=5)")
    )
    .is_err());
    assert!(load(&format!(
        "{{\"version\":1,\"state\":{state},\"spec\":\"RSI(5)\"}}"
    ))
    .contains("`spec` must come before `state`"));
    assert!(load("{\"version\":1,\"spec\":\"RSI(5)\"}").contains("missing field `state`"));
    assert!(load(&format!("{{\"spec\":\"RSI(5)\",\"state\":{state}}}"))
        .contains("missing field `version`"));
    // A corrupted typed state is refused by the typed indicator's own validation.
    let corrupted = json.replacen("\"period\":5", "\"period\":0", 1);
    assert_ne!(corrupted, json, "the RSI state names its period");
    assert!(serde_json::from_str::<DynIndicator>(&corrupted).is_err());
}

// ---------------------------------------------------------------- Box and the contract

#[test]
fn a_cross_of_boxed_averages_equals_the_typed_cross() {
    type Average = Box<dyn Indicator<Input = f64, Output = f64>>;
    let fast: Average = Box::new(Sma::new(20).unwrap());
    let slow: Average = Box::new(Sma::new(50).unwrap());
    let mut boxed = MaCross::with_averages(fast, slow);
    let mut typed = MaCross::new(20, 50).unwrap();
    let closes = closes();
    assert_eq!(boxed.batch(&closes), typed.batch(&closes));
    assert!(typed.batch(&closes).iter().flatten().any(Option::is_some));
}

#[test]
fn dynamic_indicators_are_send_sync_clone_and_keep_together() {
    fn assert_traits<T: Send + Sync + Clone + std::fmt::Debug + std::fmt::Display>() {}
    assert_traits::<DynIndicator>();
    let mut all: Vec<DynIndicator> = ["RSI(14)", "MACD", "STOCH"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    for candle in candles() {
        for indicator in &mut all {
            indicator.update(candle.into());
        }
    }
    assert!(all.iter().all(Indicator::is_ready));
    let out = all[1].value().unwrap();
    assert_eq!(out.by_name("MACDHIST"), out.get(2));
}

fn dyn_inputs() -> impl Strategy<Value = Vec<DynInput>> {
    proptest::collection::vec((1.0..1000.0f64, 0.0..0.05f64, 0.0..0.05f64), 0..120).prop_map(
        |rows| {
            rows.into_iter()
                .map(|(close, up, down)| DynInput {
                    open: close,
                    high: close * (1.0 + up),
                    low: close * (1.0 - down),
                    close,
                    volume: 1000.0,
                    second: close * 0.5 + 10.0,
                    timestamp: None,
                })
                .collect()
        },
    )
}

fn unusable() -> impl Strategy<Value = DynInput> {
    prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(1e300)].prop_map(DynInput::real)
}

indicator_contract!(
    dyn_rsi,
    |n: usize| DynIndicator::parse(&format!("RSI({n})")).unwrap(),
    dyn_inputs(),
    unusable()
);
indicator_contract!(
    dyn_macd,
    |n: usize| DynIndicator::parse(&format!("MACD({}, {}, 3)", n + 1, n + 6)).unwrap(),
    dyn_inputs(),
    unusable()
);
indicator_contract!(
    dyn_stoch,
    |n: usize| DynIndicator::parse(&format!("STOCH({n})")).unwrap(),
    dyn_inputs(),
    unusable()
);
indicator_contract!(
    dyn_beta,
    |n: usize| DynIndicator::parse(&format!("BETA({})", n + 1)).unwrap(),
    dyn_inputs(),
    unusable()
);

// ---------------------------------------------------------------- adversarial (issue 15's harness)

fn adversarial_dyn_inputs() -> impl Strategy<Value = Vec<DynInput>> {
    common::adversarial::adversarial_f64s()
        .prop_map(|xs| xs.into_iter().map(DynInput::real).collect())
}

fn finite(out: &ta_stream::catalog::DynOutput) -> bool {
    out.as_slice().iter().all(|v| v.is_finite())
}

adversarial_contract!(
    dyn_sma_adversarial,
    || DynIndicator::parse("SMA(5)").unwrap(),
    adversarial_dyn_inputs(),
    finite
);
adversarial_contract!(
    dyn_rsi_adversarial,
    || DynIndicator::parse("RSI(5)").unwrap(),
    adversarial_dyn_inputs(),
    |out: &ta_stream::catalog::DynOutput| finite(out) && (0.0..=100.0).contains(&out.as_slice()[0])
);
serde_fuzz!(
    dyn_sma_serde_fuzz,
    || DynIndicator::parse("SMA(5)").unwrap(),
    adversarial_dyn_inputs(),
    finite
);
serde_fuzz!(
    dyn_bbands_serde_fuzz,
    || DynIndicator::parse("BBANDS(5, 1.5, 2.5)").unwrap(),
    adversarial_dyn_inputs(),
    finite
);

// ------------------------------------------------ run_columns through the typed column paths

/// Columns around a walk with rare unusable numbers in every column (open and volume
/// included, which the typed paths over three columns do not read) and long usable
/// stretches (whole chunks of the typed paths).
fn odd_columns() -> impl Strategy<Value = Vec<[f64; 5]>> {
    let number = prop_oneof![
        400 => Just(None),
        1 => prop::sample::select(vec![Some(f64::NAN), Some(f64::INFINITY), Some(1e200), Some(0.0), Some(-0.0)]),
    ];
    let row = (
        -3.0..3.0_f64,
        0.0..2.0_f64,
        0.0..2.0_f64,
        [
            number.clone(),
            number.clone(),
            number.clone(),
            number.clone(),
            number,
        ],
    );
    prop::collection::vec(row, 0..400).prop_map(|rows| {
        let mut close = 100.0;
        rows.into_iter()
            .map(|(step, up, down, odd)| {
                close += step;
                let usual = [close - step, close + up, close - down, close, 1000.0 + up];
                let mut row = [0.0; 5];
                for ((slot, usual), odd) in row.iter_mut().zip(usual).zip(odd) {
                    *slot = odd.unwrap_or(usual);
                }
                row
            })
            .collect()
    })
}

/// AD and ADOSC read no open, but a row's check refuses an open that is not usable: an open
/// of 1e-200 (within its bar, too small to be usable) refuses its row in `run_columns` as
/// in the row loop.
#[test]
fn an_unusable_open_refuses_its_row_in_the_columns_of_ad_and_adosc() {
    let (high, low, close, volume) = ([2.0; 3], [-1.0; 3], [1.0, 0.5, 1.5], [10.0; 3]);
    let open = [1.0, 1e-200, 1.0];
    let columns = Columns::ohlcv(&open, &high, &low, &close, &volume);
    for spec in ["AD", "ADOSC(2, 3)"] {
        let mut by_rows = DynIndicator::parse(spec).unwrap();
        let expected: Vec<f64> = (0..3)
            .map(|row| {
                let input = DynInput {
                    open: open[row],
                    high: high[row],
                    low: low[row],
                    close: close[row],
                    volume: volume[row],
                    second: f64::NAN,
                    timestamp: None,
                };
                by_rows
                    .update(input)
                    .map_or(f64::NAN, |out| out.as_slice()[0])
            })
            .collect();
        let mut out = [0.0; 3];
        DynIndicator::parse(spec)
            .unwrap()
            .run_columns(&columns, &mut [&mut out])
            .unwrap();
        let bits = |values: &[f64]| values.iter().map(|x| x.to_bits()).collect::<Vec<u64>>();
        assert_eq!(bits(&out), bits(&expected), "{spec}");
    }
    // AD's refused row repeats the line before it.
    let mut ad = [0.0; 3];
    DynIndicator::parse("AD")
        .unwrap()
        .run_columns(&columns, &mut [&mut ad])
        .unwrap();
    assert_eq!(ad[1], ad[0]);
    assert_ne!(ad[2], ad[1]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `run_columns` (the typed column paths for the first functions, the typed indicators'
    /// row loops for the others): bit for bit what `update` gives row by row over the same
    /// rows, the same final state, with only the three price columns or all five given (an
    /// unusable open or volume refuses its row), the opens within their bars or not.
    #[test]
    fn run_columns_equals_updates_row_by_row(rows in odd_columns(), all_five in any::<bool>(), opens_inside in any::<bool>()) {
        let specs = [
            "SMA(5)", "EMA(5)", "WMA(5)", "DEMA(5)", "TEMA(5)", "T3(5)", "RMA(5)", "RSI(5)", "MAX(5)",
            "MIN(5)", "VAR(5)", "STDDEV(5)", "BBANDS(5)", "MACD(3, 6, 2)", "STOCH(5, 3, 0, 3, 0)",
            "STOCHF(5, 3, 0)", "WILLR(5)", "ATR(5)", "NATR(5)", "TRANGE", "CCI(5)", "ADX(5)",
            "MFI(5)", "AD", "ADOSC(2, 4)", "BOP",
            // Through the typed indicators' own row loops.
            "OBV", "KAMA(5)", "CDLHAMMER", "MOM(3)", "TRIMA(5)",
            "CORREL(5)", "BETA(5)", "STOCH(5, 3, 1, 3, 2)", "SAR", "STDDEV(5, 2)",
        ];
        // Opens within their bars' ranges (as in valid bars), or anywhere: AD and ADOSC
        // take their path over four columns only in the first case.
        let rows: Vec<[f64; 5]> = rows
            .iter()
            .map(|&[o, h, l, c, v]| [if opens_inside && l <= h { o.clamp(l, h) } else { o }, h, l, c, v])
            .collect();
        let column = |k: usize| rows.iter().map(|row| row[k]).collect::<Vec<f64>>();
        let [open, high, low, close, volume] = [0, 1, 2, 3, 4].map(column);
        let mut columns = if all_five {
            Columns::ohlcv(&open, &high, &low, &close, &volume)
        } else {
            Columns::hlc(&high, &low, &close)
        };
        // The second series of the pair functions: the opens.
        columns.second = Some(&open);
        for spec in specs {
            let mut by_rows = DynIndicator::parse(spec).unwrap();
            let expected: Vec<Option<Vec<u64>>> = rows
                .iter()
                .map(|&[o, h, l, c, v]| {
                    let (open, volume) = if all_five { (o, v) } else { (c, 0.0) };
                    let input = DynInput { open, high: h, low: l, close: c, volume, second: o, timestamp: None };
                    by_rows.update(input).map(|out| out.as_slice().iter().map(|x| x.to_bits()).collect())
                })
                .collect();
            let mut by_columns = DynIndicator::parse(spec).unwrap();
            let mut outputs = vec![vec![0.0; rows.len()]; by_columns.outputs().len()];
            let mut slices: Vec<&mut [f64]> = outputs.iter_mut().map(Vec::as_mut_slice).collect();
            match by_columns.run_columns(&columns, &mut slices) {
                // Open or volume, which only the five columns give.
                Err(error) if !all_five && error.to_string().contains("needs the") => continue,
                result => result.unwrap(),
            }
            for (row, expected) in expected.iter().enumerate() {
                let got: Vec<u64> = outputs.iter().map(|out| out[row].to_bits()).collect();
                match expected {
                    Some(expected) => prop_assert_eq!(&got, expected, "{} row {}", spec, row),
                    None => prop_assert!(got.iter().all(|&b| f64::from_bits(b).is_nan()), "{} row {}", spec, row),
                }
            }
            prop_assert_eq!(&by_columns, &by_rows, "{}: final states", spec);
        }
    }
}
