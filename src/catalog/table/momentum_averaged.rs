//! Momentum indicators built on moving averages of any `matype` (APO, PPO, PVO, MACDEXT,
//! MACDFIX, STOCHRSI, KDJ, TRIX, TSI, SMI, and STOCH/STOCHF with every `matype`).
//!
//! The typed indicators are generic over their averages; here they take [`AnyAverage`], the
//! moving average of a code chosen at run time, rather than one typed indicator per code
//! (`by_matype`): functions with two or three `matype`s would need 14² or 14³ of those.
//! STOCH and STOCHF with SMAs build the typed SMA stochastics (their steady-state path).

use core::fmt;

use super::super::dynamic::{set, typed, Erased, ToNumbers, Values};
use super::super::info::ParamKind;
use super::super::spec::{Spec, MA_CODES};
use super::{
    int, period, Average, FunctionInfo, Group, InputKind, MamaLine, ParamInfo, Price, HLC, REAL,
};
use crate::average::{Dema, Ema, Hma, Identity, Kama, Rma, Sma, Tema, Trima, Wma, Zlema, T3};
use crate::bar::Candle;
use crate::momentum::{
    Apo, FastStochastic, Kdj, KdjOutput, MaFastStochastic, MaStochastic, MacdExt, MacdFix, Ppo,
    Smi, SmiOutput, StochRsi, Stochastic, Trix, Tsi,
};
use crate::{Error, Indicator, MAX_PERIOD};

const PERIOD_MAX: f64 = MAX_PERIOD as f64;
const MACD: &[&str] = &["macd", "macdsignal", "macdhist"];

/// A `matype` parameter with the function's own default code.
const fn matype(name: &'static str, default: f64) -> ParamInfo {
    ParamInfo {
        name,
        kind: ParamKind::MaType(MA_CODES),
        default,
        min: 0.0,
        max: 13.0,
        help: "TA-Lib moving-average code",
    }
}

/// A period of at least 2 (TA-Lib's price-oscillator periods).
const fn period2(name: &'static str, default: f64, help: &'static str) -> ParamInfo {
    int(name, default, 2.0, PERIOD_MAX, help)
}

pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("APO", MomentumIndicators, true, "Absolute price oscillator: fast minus slow moving average", InputKind::Real,
        [period2("fastperiod", 12.0, "fast average"), period2("slowperiod", 26.0, "slow average"), matype("matype", 1.0)],
        REAL, ["Apo"], |s| typed(Apo::new(s.int(0), s.int(1), AnyAverage::builder(s.value(2), EMA_DEFAULT)?))),
    entry!("PPO", MomentumIndicators, true, "Percentage price oscillator: 100 × (fast − slow) / slow moving average (0 when |slow| < 1e-8)", InputKind::Real,
        [period2("fastperiod", 12.0, "fast average"), period2("slowperiod", 26.0, "slow average"), matype("matype", 1.0)],
        REAL, ["Ppo"], |s| typed(Ppo::new(s.int(0), s.int(1), AnyAverage::builder(s.value(2), EMA_DEFAULT)?))),
    entry!("MACDEXT", MomentumIndicators, true, "MACD with a moving-average type per line", InputKind::Real,
        [period2("fastperiod", 12.0, "fast average"), matype("fastmatype", 0.0),
         period2("slowperiod", 26.0, "slow average"), matype("slowmatype", 0.0),
         period("signalperiod", 9.0, "average of the MACD line"), matype("signalmatype", 0.0)],
        MACD, ["MacdExt"], macdext),
    entry!("MACDFIX", MomentumIndicators, true, "MACD 12/26 with TA-Lib's fixed constants 0.15 and 0.075", InputKind::Real,
        [period("signalperiod", 9.0, "EMA of the MACD line")],
        MACD, ["MacdFix"], |s| typed::<MacdFix>(MacdFix::new(s.int(0)))),
    entry!("TRIX", MomentumIndicators, true, "TRIX: 1-input rate of change (%) of a triple EMA", InputKind::Real,
        [period("timeperiod", 30.0, "EMA period")], REAL, ["Trix"], |s| typed::<Trix>(Trix::new(s.int(0)))),
    entry!("STOCH", MomentumIndicators, true, "Slow stochastic %K and %D, with any moving averages", InputKind::Prices(HLC),
        [period("fastk_period", 5.0, "high/low window"), period("slowk_period", 3.0, "average of fast %K"),
         matype("slowk_matype", 0.0), period("slowd_period", 3.0, "average of slow %K"),
         matype("slowd_matype", 0.0)],
        &["slowk", "slowd"], ["Stochastic", "MaStochastic"], stoch),
    entry!("STOCHF", MomentumIndicators, true, "Fast stochastic %K and %D, with any moving average", InputKind::Prices(HLC),
        [period("fastk_period", 5.0, "high/low window"), period("fastd_period", 3.0, "average of %K"),
         matype("fastd_matype", 0.0)],
        &["fastk", "fastd"], ["FastStochastic", "MaFastStochastic"], stochf),
    entry!("STOCHRSI", MomentumIndicators, true, "Stochastic RSI: the fast stochastic of Wilder's RSI", InputKind::Real,
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "RSI period"), period("fastk_period", 5.0, "window of RSI values"),
         period("fastd_period", 3.0, "average of %K"), matype("fastd_matype", 0.0)],
        &["fastk", "fastd"], ["StochRsi"],
        |s| typed(StochRsi::new(s.int(0), s.int(1), AnyAverage::new(s.value(3), SMA_DEFAULT, s.int(2))?))),
    entry!("KDJ", MomentumIndicators, true, "KDJ: slow stochastic K and D (Wilder's averages by default) and J = 3K − 2D", InputKind::Prices(HLC),
        [period("fastk_period", 9.0, "high/low window"), period("slowk_period", 3.0, "average of fast %K"),
         matype("slowk_matype", 13.0), period("slowd_period", 3.0, "average of K"),
         matype("slowd_matype", 13.0)],
        &["k", "d", "j"], ["Kdj"], kdj),
    entry!("TSI", MomentumIndicators, true, "True strength index: double-smoothed change over double-smoothed absolute change, in percent", InputKind::Real,
        [period2("firstperiod", 25.0, "first EMA"), period2("secondperiod", 13.0, "second EMA")],
        REAL, ["Tsi"], |s| typed::<Tsi>(Tsi::new(s.int(0), s.int(1)))),
    entry!("SMI", MomentumIndicators, true, "Stochastic momentum index: the close against the range's middle, double-smoothed, and its signal", InputKind::Prices(HLC),
        [period2("timeperiod", 13.0, "high/low window"), period2("fastperiod", 2.0, "second EMA"),
         period2("slowperiod", 25.0, "first EMA"), period2("signalperiod", 9.0, "EMA of the SMI")],
        &["smi", "smisignal"], ["Smi"], |s| typed::<Smi>(Smi::new(s.int(0), s.int(1), s.int(2), s.int(3)))),
    entry!("PVO", VolumeIndicators, true, "Percentage volume oscillator: the PPO of the volumes", InputKind::Prices(&[Price::Volume]),
        [period2("fastperiod", 12.0, "fast average"), period2("slowperiod", 26.0, "slow average"), matype("matype", 1.0)],
        REAL, ["Ppo"], |s| typed(Ppo::new(s.int(0), s.int(1), AnyAverage::builder(s.value(2), EMA_DEFAULT)?).map(Volumes))),
];

/// Code 11 is the function's own default: EMA for APO, PPO and PVO.
const EMA_DEFAULT: u8 = 1;
/// SMA for MACDEXT, STOCH, STOCHF and STOCHRSI.
const SMA_DEFAULT: u8 = 0;
/// Wilder's for KDJ.
const RMA_DEFAULT: u8 = 13;

fn macdext(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let mut fast = (s.int(0), s.value(1));
    let mut slow = (s.int(2), s.value(3));
    // TA-Lib swaps the periods, with their types, when slow < fast.
    if slow.0 < fast.0 {
        core::mem::swap(&mut fast, &mut slow);
    }
    let build = |(period, code): (usize, f64)| AnyAverage::new(code, SMA_DEFAULT, period);
    typed(Ok(MacdExt::new(
        build(fast)?,
        build(slow)?,
        build((s.int(4), s.value(5)))?,
    )))
}

/// `true` for the codes that build the SMA here: 0, and 11 where the default is the SMA.
fn is_sma(code: f64) -> bool {
    code == 0.0 || code == 11.0
}

fn stoch(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let (fast_k, slow_k, slow_d) = (s.int(0), s.int(1), s.int(3));
    if is_sma(s.value(2)) && is_sma(s.value(4)) {
        // The SMA case: the typed indicator with its steady-state path.
        return typed::<Stochastic>(Stochastic::new(fast_k, slow_k, slow_d));
    }
    typed(MaStochastic::new(
        fast_k,
        AnyAverage::new(s.value(2), SMA_DEFAULT, slow_k)?,
        AnyAverage::new(s.value(4), SMA_DEFAULT, slow_d)?,
    ))
}

fn stochf(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    let (fast_k, fast_d) = (s.int(0), s.int(1));
    if is_sma(s.value(2)) {
        return typed::<FastStochastic>(FastStochastic::new(fast_k, fast_d));
    }
    typed(MaFastStochastic::new(
        fast_k,
        AnyAverage::new(s.value(2), SMA_DEFAULT, fast_d)?,
    ))
}

fn kdj(s: &Spec) -> Result<Box<dyn Erased>, Error> {
    typed(Kdj::new(
        s.int(0),
        AnyAverage::new(s.value(2), RMA_DEFAULT, s.int(1))?,
        AnyAverage::new(s.value(4), RMA_DEFAULT, s.int(3))?,
    ))
}

impl ToNumbers for KdjOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.k, self.d, self.j]);
    }
}

impl ToNumbers for SmiOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.smi, self.signal]);
    }
}

/// The moving average of a TA-Lib `matype` code, chosen at run time.
// Built once per catalog indicator: its size is not a per-update cost.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) enum AnyAverage {
    Sma(Sma<f64>),
    Ema(Ema<f64>),
    Wma(Wma<f64>),
    Dema(Dema<f64>),
    Tema(Tema<f64>),
    Trima(Trima<f64>),
    Kama(Kama<f64>),
    Mama(MamaLine),
    T3(T3<f64>),
    Hma(Hma<f64>),
    Identity(Identity<f64>),
    Zlema(Zlema<f64>),
    Rma(Rma<f64>),
}

/// Runs `$body` on the average inside, whatever its type.
macro_rules! each {
    ($value:expr, $average:ident => $body:expr) => {
        match $value {
            AnyAverage::Sma($average) => $body,
            AnyAverage::Ema($average) => $body,
            AnyAverage::Wma($average) => $body,
            AnyAverage::Dema($average) => $body,
            AnyAverage::Tema($average) => $body,
            AnyAverage::Trima($average) => $body,
            AnyAverage::Kama($average) => $body,
            AnyAverage::Mama($average) => $body,
            AnyAverage::T3($average) => $body,
            AnyAverage::Hma($average) => $body,
            AnyAverage::Identity($average) => $body,
            AnyAverage::Zlema($average) => $body,
            AnyAverage::Rma($average) => $body,
        }
    };
}

impl AnyAverage {
    /// The average of code `code` (11: `default`, the function's own) over `period`.
    pub(crate) fn new(code: f64, default: u8, period: usize) -> Result<Self, Error> {
        let code = if code == 11.0 {
            f64::from(default)
        } else {
            code
        };
        Ok(match code as u8 {
            0 => Self::Sma(Average::build(period)?),
            1 => Self::Ema(Average::build(period)?),
            2 => Self::Wma(Average::build(period)?),
            3 => Self::Dema(Average::build(period)?),
            4 => Self::Tema(Average::build(period)?),
            5 => Self::Trima(Average::build(period)?),
            6 => Self::Kama(Average::build(period)?),
            7 => Self::Mama(Average::build(period)?),
            8 => Self::T3(Average::build(period)?),
            9 => Self::Hma(Average::build(period)?),
            10 => Self::Identity(Average::build(period)?),
            12 => Self::Zlema(Average::build(period)?),
            13 => Self::Rma(Average::build(period)?),
            _ => {
                return Err(Error::InvalidParameter {
                    name: "matype",
                    value: code.to_string(),
                    expected: "0..=13",
                })
            }
        })
    }

    /// A builder of averages of code `code`, checked once.
    pub(crate) fn builder(
        code: f64,
        default: u8,
    ) -> Result<impl Fn(usize) -> Result<Self, Error>, Error> {
        Self::new(code, default, 2)?;
        Ok(move |period| Self::new(code, default, period))
    }
}

impl Indicator for AnyAverage {
    type Input = f64;
    type Output = f64;

    #[inline]
    fn update(&mut self, x: f64) -> Option<f64> {
        each!(self, average => average.update(x))
    }

    #[inline]
    fn peek(&self, x: f64) -> Option<f64> {
        each!(self, average => average.peek(x))
    }

    #[inline]
    fn value(&self) -> Option<f64> {
        each!(self, average => average.value())
    }

    fn reset(&mut self) {
        each!(self, average => average.reset())
    }

    fn warmup_period(&self) -> usize {
        each!(self, average => average.warmup_period())
    }
}

impl fmt::Display for AnyAverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Mama(_) => f.write_str("MAMA"),
            Self::Sma(average) => average.fmt(f),
            Self::Ema(average) => average.fmt(f),
            Self::Wma(average) => average.fmt(f),
            Self::Dema(average) => average.fmt(f),
            Self::Tema(average) => average.fmt(f),
            Self::Trima(average) => average.fmt(f),
            Self::Kama(average) => average.fmt(f),
            Self::T3(average) => average.fmt(f),
            Self::Hma(average) => average.fmt(f),
            Self::Identity(average) => average.fmt(f),
            Self::Zlema(average) => average.fmt(f),
            Self::Rma(average) => average.fmt(f),
        }
    }
}

/// `PVO`: an oscillator of the volumes, fed from bars.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct Volumes<I>(I);

impl<I: Indicator<Input = f64>> Indicator for Volumes<I> {
    type Input = Candle<f64>;
    type Output = I::Output;

    #[inline]
    fn update(&mut self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.update(bar.volume)
    }

    fn peek(&self, bar: Candle<f64>) -> Option<I::Output> {
        self.0.peek(bar.volume)
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
        self.0.try_update(bar.volume)
    }
}
