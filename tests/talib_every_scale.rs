//! TA-Lib parity at every magnitude: TA-Lib 0.8.1's functions are scale-invariant (an input
//! multiplied by `s` gives outputs multiplied by `s`, `s²` or 1: checked in Python at 1e±12
//! and 1e±100 for every function below, with its flat-window tests relative to the prices),
//! and the parity tests match them at the fixtures' scale. This file checks that the crate's
//! TA-Lib modes are scale-equivariant too, bit for bit under a power-of-two scaling that
//! takes the fixtures to about 1e±120: no absolute threshold decides anything.

mod common;

use common::Fixture;
use ta_stream::average::{Dema, Ema, Rma, Sma, Tema, Wma};
use ta_stream::bar::Candle;
use ta_stream::momentum::{FastStochastic, FlatRsi, Macd, Momentum, Roc, Rocp, Rsi, Stochastic};
use ta_stream::statistics::{RollingMax, RollingMin};
use ta_stream::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
use ta_stream::Indicator;

/// `2^400 ≈ 2.6e120` and `2^-400`: exact scalings that keep the fixtures' prices, their
/// squares and their smallest differences normal and inside the usable range.
const SCALES: [i32; 2] = [400, -400];

fn scale(x: f64, power: i32) -> f64 {
    x * 2f64.powi(power)
}

fn prices() -> Vec<f64> {
    let mut all = Vec::new();
    for series in ["ndx", "flat_then_trend", "alternating", "spike"] {
        all.extend(Fixture::load(&format!("talib/single_{series}.csv")).values("input"));
    }
    all
}

fn candles() -> Vec<Candle> {
    let mut all = Vec::new();
    for series in ["ndx", "flat_bars", "zero_range", "gaps"] {
        let fixture = Fixture::load(&format!("talib/bars_{series}.csv"));
        let [open, high, low, close] = ["open", "high", "low", "close"].map(|c| fixture.values(c));
        all.extend((0..close.len()).map(|i| Candle {
            open: open[i],
            high: high[i],
            low: low[i],
            close: close[i],
            volume: 0.0,
        }));
    }
    all
}

/// Runs `make()` on `inputs` and on `inputs` scaled by `2^k` (through `scale_input`), and
/// checks every projected output scales by `2^(k·degree)` exactly.
fn check<I, In: Copy>(
    label: &str,
    make: impl Fn() -> I,
    inputs: &[In],
    scale_input: impl Fn(In, i32) -> In,
    project: impl Fn(&I::Output) -> Vec<(f64, i32)>,
) where
    I: Indicator<Input = In>,
{
    let reference = make().batch(inputs);
    for k in SCALES {
        let scaled: Vec<In> = inputs.iter().map(|&x| scale_input(x, k)).collect();
        let outputs = make().batch(&scaled);
        for (index, (got, want)) in outputs.iter().zip(&reference).enumerate() {
            assert_eq!(got.is_some(), want.is_some(), "{label} 2^{k} index {index}");
            if let (Some(got), Some(want)) = (got, want) {
                for ((g, degree), (w, _)) in project(got).into_iter().zip(project(want)) {
                    let expected = scale(w, k * degree);
                    assert_eq!(
                        g.to_bits(),
                        expected.to_bits(),
                        "{label} 2^{k} index {index}: {g:e} vs {expected:e}"
                    );
                }
            }
        }
    }
}

fn price(x: &f64) -> Vec<(f64, i32)> {
    vec![(*x, 1)]
}

fn ratio(x: &f64) -> Vec<(f64, i32)> {
    vec![(*x, 0)]
}

fn scale_candle(c: Candle, k: i32) -> Candle {
    Candle {
        open: scale(c.open, k),
        high: scale(c.high, k),
        low: scale(c.low, k),
        close: scale(c.close, k),
        volume: c.volume,
    }
}

#[test]
fn averages_are_scale_equivariant() {
    let xs = prices();
    for n in [2, 14, 50] {
        check("SMA", || Sma::new(n).unwrap(), &xs, scale, price);
        check("EMA", || Ema::new(n).unwrap(), &xs, scale, price);
        check("WMA", || Wma::new(n).unwrap(), &xs, scale, price);
        check("RMA", || Rma::new(n).unwrap(), &xs, scale, price);
        check("DEMA", || Dema::new(n).unwrap(), &xs, scale, price);
        check("TEMA", || Tema::new(n).unwrap(), &xs, scale, price);
    }
}

#[test]
fn momentum_is_scale_equivariant() {
    let xs = prices();
    check(
        "RSI",
        || Rsi::new(14).unwrap().with_flat(FlatRsi::TaLib),
        &xs,
        scale,
        ratio,
    );
    check("RSI neutral", || Rsi::new(2).unwrap(), &xs, scale, ratio);
    check("ROC", || Roc::new(10).unwrap(), &xs, scale, ratio);
    check("ROCP", || Rocp::new(10).unwrap(), &xs, scale, ratio);
    check("MOM", || Momentum::new(10).unwrap(), &xs, scale, price);
    check("MACD", Macd::default, &xs, scale, |o| {
        vec![(o.macd, 1), (o.signal, 1), (o.histogram, 1)]
    });
    check("MAX", || RollingMax::new(14).unwrap(), &xs, scale, price);
    check("MIN", || RollingMin::new(14).unwrap(), &xs, scale, price);
    let bars = candles();
    let lines = |o: &ta_stream::momentum::StochasticOutput| vec![(o.k, 0), (o.d, 0)];
    check("STOCH", Stochastic::default, &bars, scale_candle, lines);
    check(
        "STOCHF",
        FastStochastic::default,
        &bars,
        scale_candle,
        lines,
    );
    check(
        "STOCHF 1",
        || FastStochastic::new(1, 1).unwrap(),
        &bars,
        scale_candle,
        lines,
    );
}

#[test]
fn volatility_is_scale_equivariant() {
    let xs = prices();
    check(
        "VAR",
        || Variance::new(5).unwrap(),
        &xs,
        scale,
        |x| vec![(*x, 2)],
    );
    check("STDDEV", || StdDev::new(20).unwrap(), &xs, scale, price);
    check(
        "BBANDS",
        || Bollinger::new(20, 2.0).unwrap(),
        &xs,
        scale,
        |b| {
            vec![
                (b.upper, 1),
                (b.middle, 1),
                (b.lower, 1),
                (b.percent_b, 0),
                (b.bandwidth, 0),
            ]
        },
    );
    let bars = candles();
    check("TRANGE", TrueRange::new, &bars, scale_candle, price);
    check("ATR", || Atr::new(14).unwrap(), &bars, scale_candle, price);
    check(
        "NATR",
        || Natr::new(14).unwrap(),
        &bars,
        scale_candle,
        ratio,
    );
}
