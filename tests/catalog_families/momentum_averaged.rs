//! The catalog's typed references for this family: momentum built on moving averages.

use crate::{candles, closes, typed_run, DynInput, Row};
use ta_stream::average::{Dema, Ema, Kama, Rma, Sma, Tema, Wma, T3};
use ta_stream::momentum::{
    Apo, Kdj, MaFastStochastic, MaStochastic, MacdExt, MacdFix, Ppo, Smi, StochRsi, Trix, Tsi,
};
use ta_stream::Indicator;

pub const SPECS: &[&str] = &[
    "APO",
    "APO(5, 20, 2)",
    "PPO",
    "PPO(20, 5, 0)",
    "PVO",
    "PVO(3, 10, 6)",
    "MACDEXT",
    "MACDEXT(12, 1, 26, 3, 9, 2)",
    "MACDFIX",
    "MACDFIX(4)",
    "TRIX",
    "TRIX(5)",
    "STOCH(5, 3, 1, 3, 4)",
    "STOCHF(14, 3, 8)",
    "STOCHRSI",
    "STOCHRSI(10, 5, 4, 1)",
    "KDJ",
    "KDJ(5, 3, 0, 4, 2)",
    "TSI",
    "TSI(5, 3)",
    "SMI",
    "SMI(5, 3, 8, 4)",
];

fn single() -> Vec<DynInput> {
    closes().into_iter().map(DynInput::real).collect()
}

fn ohlc() -> Vec<DynInput> {
    candles().into_iter().map(DynInput::candle).collect()
}

fn one(x: f64) -> Vec<f64> {
    vec![x]
}

fn macd_lines(m: ta_stream::momentum::MacdOutput) -> Vec<f64> {
    vec![m.macd, m.signal, m.histogram]
}

fn stochastic_lines(s: ta_stream::momentum::StochasticOutput) -> Vec<f64> {
    vec![s.k, s.d]
}

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let volumes = || candles().iter().map(|c| c.volume).collect::<Vec<_>>();
    Some(match spec {
        "APO" => (
            typed_run(Apo::new(12, 26, Ema::<f64>::new).unwrap(), &closes(), one),
            single(),
        ),
        "APO(5, 20, 2)" => (
            typed_run(Apo::new(5, 20, Wma::<f64>::new).unwrap(), &closes(), one),
            single(),
        ),
        "PPO" => (
            typed_run(Ppo::new(12, 26, Ema::<f64>::new).unwrap(), &closes(), one),
            single(),
        ),
        "PPO(20, 5, 0)" => (
            typed_run(Ppo::new(5, 20, Sma::<f64>::new).unwrap(), &closes(), one),
            single(),
        ),
        "PVO" => (
            typed_run(Ppo::new(12, 26, Ema::<f64>::new).unwrap(), &volumes(), one),
            ohlc(),
        ),
        "PVO(3, 10, 6)" => (
            typed_run(Ppo::new(3, 10, Kama::<f64>::new).unwrap(), &volumes(), one),
            ohlc(),
        ),
        "MACDEXT" => (
            typed_run(
                MacdExt::new(
                    Sma::new(12).unwrap(),
                    Sma::new(26).unwrap(),
                    Sma::new(9).unwrap(),
                ),
                &closes(),
                macd_lines,
            ),
            single(),
        ),
        "MACDEXT(12, 1, 26, 3, 9, 2)" => (
            typed_run(
                MacdExt::new(
                    Ema::new(12).unwrap(),
                    Dema::new(26).unwrap(),
                    Wma::new(9).unwrap(),
                ),
                &closes(),
                macd_lines,
            ),
            single(),
        ),
        "MACDFIX" => (
            typed_run(MacdFix::new(9).unwrap(), &closes(), macd_lines),
            single(),
        ),
        "MACDFIX(4)" => (
            typed_run(MacdFix::new(4).unwrap(), &closes(), macd_lines),
            single(),
        ),
        "TRIX" => (typed_run(Trix::new(30).unwrap(), &closes(), one), single()),
        "TRIX(5)" => (typed_run(Trix::new(5).unwrap(), &closes(), one), single()),
        "STOCH(5, 3, 1, 3, 4)" => (
            typed_run(
                MaStochastic::new(5, Ema::new(3).unwrap(), Tema::new(3).unwrap()).unwrap(),
                &candles(),
                stochastic_lines,
            ),
            ohlc(),
        ),
        "STOCHF(14, 3, 8)" => (
            typed_run(
                MaFastStochastic::new(14, T3::new(3, 0.7).unwrap()).unwrap(),
                &candles(),
                stochastic_lines,
            ),
            ohlc(),
        ),
        "STOCHRSI" => (
            typed_run(
                StochRsi::new(14, 5, Sma::new(3).unwrap()).unwrap(),
                &closes(),
                stochastic_lines,
            ),
            single(),
        ),
        "STOCHRSI(10, 5, 4, 1)" => (
            typed_run(
                StochRsi::new(10, 5, Ema::new(4).unwrap()).unwrap(),
                &closes(),
                stochastic_lines,
            ),
            single(),
        ),
        "KDJ" => (
            typed_run(
                Kdj::new(9, Rma::new(3).unwrap(), Rma::new(3).unwrap()).unwrap(),
                &candles(),
                |o| vec![o.k, o.d, o.j],
            ),
            ohlc(),
        ),
        "KDJ(5, 3, 0, 4, 2)" => (
            typed_run(
                Kdj::new(5, Sma::new(3).unwrap(), Wma::new(4).unwrap()).unwrap(),
                &candles(),
                |o| vec![o.k, o.d, o.j],
            ),
            ohlc(),
        ),
        "TSI" => (
            typed_run(Tsi::new(25, 13).unwrap(), &closes(), one),
            single(),
        ),
        "TSI(5, 3)" => (typed_run(Tsi::new(5, 3).unwrap(), &closes(), one), single()),
        "SMI" | "SMI(5, 3, 8, 4)" => {
            let smi = if spec == "SMI" {
                Smi::new(13, 2, 25, 9).unwrap()
            } else {
                Smi::new(5, 3, 8, 4).unwrap()
            };
            (
                typed_run(smi, &candles(), |o| vec![o.smi, o.signal]),
                ohlc(),
            )
        }
        _ => return None,
    })
}

/// The typed indicators' warm-ups are the catalog's.
#[test]
fn typed_warmups_are_talibs_lookback_plus_one() {
    assert_eq!(
        Apo::new(12, 26, Ema::<f64>::new).unwrap().warmup_period(),
        26
    );
    assert_eq!(
        MacdExt::new(
            Sma::<f64>::new(12).unwrap(),
            Sma::new(26).unwrap(),
            Sma::new(9).unwrap()
        )
        .warmup_period(),
        34
    );
    assert_eq!(MacdFix::<f64>::default().warmup_period(), 34);
    assert_eq!(Trix::<f64>::default().warmup_period(), 89);
    assert_eq!(Tsi::<f64>::default().warmup_period(), 38);
    assert_eq!(Smi::<f64>::default().warmup_period(), 46);
    let kdj: Kdj = Kdj::default();
    assert_eq!(kdj.warmup_period(), 13);
    let stoch_rsi: StochRsi = StochRsi::default();
    assert_eq!(stoch_rsi.warmup_period(), 21);
}
