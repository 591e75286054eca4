//! Momentum indicators of window highs and lows (AROON, AROONOSC, CCI, WILLR, ULTOSC, VHF, ERI, FRACTAL, AC, AO).

use super::{int, period, typed, FunctionInfo, Group, InputKind, HL, HLC, REAL};
use super::{set, ToNumbers, Values};
use crate::bar::Candle;
use crate::levels::SwingReading;
use crate::momentum::{
    Accelerator, Aroon, AroonOscillator, AroonOutput, AwesomeOscillator, Cci, ElderRay,
    ElderRayOutput, Fractal, UltimateOscillator, VerticalHorizontalFilter, WilliamsR,
};
use crate::{Error, Indicator, MAX_PERIOD};

const PERIOD_MAX: f64 = MAX_PERIOD as f64;

pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("AROON", MomentumIndicators, true, "Aroon down and up: 100·(n − bars since the lowest low / highest high)/n over n + 1 bars", InputKind::Prices(HL),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "bars looked back")], &["aroondown", "aroonup"], ["Aroon"],
        |s| typed::<Aroon>(Aroon::new(s.int(0)))),
    entry!("AROONOSC", MomentumIndicators, true, "Aroon oscillator: Aroon up − Aroon down, −100..=100", InputKind::Prices(HL),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "bars looked back")], REAL, ["AroonOscillator"],
        |s| typed::<AroonOscillator>(AroonOscillator::new(s.int(0)))),
    entry!("CCI", MomentumIndicators, true, "Commodity channel index: (typical price − its SMA)/(0.015 × mean deviation); O(n) per update", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of bars")], REAL, ["Cci"],
        |s| typed::<Cci>(Cci::new(s.int(0)))),
    entry!("WILLR", MomentumIndicators, true, "Williams %R: −100 × (highest high − close)/(highest high − lowest low), −100..=0", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "number of bars")], REAL, ["WilliamsR"],
        |s| typed::<WilliamsR>(WilliamsR::new(s.int(0)))),
    entry!("ULTOSC", MomentumIndicators, true, "Ultimate oscillator: buying pressure over true range in three windows, weighted 4:2:1, 0..=100", InputKind::Prices(HLC),
        [period("timeperiod1", 7.0, "first window"), period("timeperiod2", 14.0, "second window"),
         period("timeperiod3", 28.0, "third window")], REAL, ["UltimateOscillator"],
        |s| typed::<UltimateOscillator>(UltimateOscillator::new(s.int(0), s.int(1), s.int(2)))),
    entry!("VHF", MomentumIndicators, true, "Vertical horizontal filter: (highest − lowest close)/Σ|close changes|, 0..=1", InputKind::Real,
        [int("timeperiod", 28.0, 2.0, PERIOD_MAX, "number of changes")], REAL, ["VerticalHorizontalFilter"],
        |s| typed::<VerticalHorizontalFilter>(VerticalHorizontalFilter::new(s.int(0)))),
    entry!("ERI", MomentumIndicators, true, "Elder ray: bull power high − EMA(close), bear power low − EMA(close)", InputKind::Prices(HLC),
        [period("timeperiod", 13.0, "EMA of the closes")], &["bullpower", "bearpower"], ["ElderRay"],
        |s| typed::<ElderRay>(ElderRay::new(s.int(0)))),
    entry!("FRACTAL", MomentumIndicators, true, "Williams fractals, strict on both sides: 100 on the bar that confirms a swing high / low, rightbars after it", InputKind::Prices(HL),
        [period("leftbars", 2.0, "bars before the fractal"), period("rightbars", 2.0, "bars after it (the confirmation delay)")],
        &["swinghigh", "swinglow"], ["Fractal"],
        |s| typed::<FractalMarks>(Fractal::new(s.int(0), s.int(1)).map(FractalMarks))),
    entry!("AO", MomentumIndicators, true, "Awesome oscillator: SMA(fast) − SMA(slow) of the median price (high + low)/2", InputKind::Prices(HL),
        [int("fastperiod", 5.0, 2.0, PERIOD_MAX, "fast SMA"), int("slowperiod", 34.0, 2.0, PERIOD_MAX, "slow SMA")], REAL, ["AwesomeOscillator"],
        |s| typed::<AwesomeOscillator>(AwesomeOscillator::new(s.int(0), s.int(1)))),
    entry!("AC", MomentumIndicators, true, "Accelerator oscillator: AO − SMA(signal) of AO", InputKind::Prices(HL),
        [int("fastperiod", 5.0, 2.0, PERIOD_MAX, "fast SMA"), int("slowperiod", 34.0, 2.0, PERIOD_MAX, "slow SMA"),
         int("signalperiod", 5.0, 2.0, PERIOD_MAX, "SMA of AO")], REAL, ["Accelerator"],
        |s| typed::<Accelerator>(Accelerator::new(s.int(0), s.int(1), s.int(2)))),
];

impl ToNumbers for AroonOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.down, self.up]);
    }
}

impl ToNumbers for ElderRayOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.bull, self.bear]);
    }
}

/// TA-Lib's `FRACTAL` outputs: 100 where a swing high (low) is confirmed, 0 elsewhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Marks {
    high: bool,
    low: bool,
}

impl ToNumbers for Marks {
    fn write(&self, out: &mut Values) {
        let mark = |on: bool| if on { 100.0 } else { 0.0 };
        set(out, [mark(self.high), mark(self.low)]);
    }
}

fn marks(reading: SwingReading<f64>) -> Marks {
    Marks {
        high: reading.high.is_some(),
        low: reading.low.is_some(),
    }
}

/// [`Fractal`] with TA-Lib's numeric outputs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(crate) struct FractalMarks(Fractal<f64>);

impl Indicator for FractalMarks {
    type Input = Candle<f64>;
    type Output = Marks;

    #[inline]
    fn update(&mut self, bar: Candle<f64>) -> Option<Marks> {
        self.0.update(bar).map(marks)
    }

    fn peek(&self, bar: Candle<f64>) -> Option<Marks> {
        self.0.peek(bar).map(marks)
    }

    fn value(&self) -> Option<Marks> {
        self.0.value().map(marks)
    }

    fn reset(&mut self) {
        self.0.reset();
    }

    fn warmup_period(&self) -> usize {
        self.0.warmup_period()
    }

    fn try_update(&mut self, bar: Candle<f64>) -> Result<Option<Marks>, Error> {
        self.0.try_update(bar).map(|r| r.map(marks))
    }
}
