use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::trend::{StopOutput, Trend};
use crate::{CheckedInput, Error, Indicator, Real};

/// The settings of TA-Lib's extended parabolic SAR (`SAREXT`), in its order; `Default` is
/// TA-Lib's defaults.
///
/// Accelerations are in `0..=1`; as in TA-Lib, an initial acceleration or a step above its
/// maximum is lowered to the maximum.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct SarSettings<T = f64> {
    /// `0`: the first direction from the first two bars (see [`ParabolicSar`]); `> 0`: start
    /// long with this SAR; `< 0`: start short with SAR `|start_value|`. Default 0.
    pub start_value: T,
    /// On a reversal, the new SAR is moved away from the price by this fraction of itself
    /// (`0..=1`). Default 0.
    pub offset_on_reverse: T,
    /// Acceleration factor when a long position starts. Default 0.02.
    pub acceleration_init_long: T,
    /// Step added at each new high while long. Default 0.02.
    pub acceleration_long: T,
    /// Largest acceleration while long. Default 0.2.
    pub acceleration_max_long: T,
    /// Acceleration factor when a short position starts. Default 0.02.
    pub acceleration_init_short: T,
    /// Step added at each new low while short. Default 0.02.
    pub acceleration_short: T,
    /// Largest acceleration while short. Default 0.2.
    pub acceleration_max_short: T,
}

impl<T: Real> Default for SarSettings<T> {
    fn default() -> Self {
        let (step, max) = (lit(0.02), lit(0.2));
        Self {
            start_value: T::zero(),
            offset_on_reverse: T::zero(),
            acceleration_init_long: step,
            acceleration_long: step,
            acceleration_max_long: max,
            acceleration_init_short: step,
            acceleration_short: step,
            acceleration_max_short: max,
        }
    }
}

fn check_fraction<T: Real>(name: &'static str, value: T) -> Result<T, Error> {
    if value >= T::zero() && value <= T::one() {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{value:?}"),
            expected: "0..=1",
        })
    }
}

impl<T: Real> SarSettings<T> {
    /// Checked, with TA-Lib's lowering of initial accelerations and steps to their maximum.
    fn checked(self) -> Result<Self, Error> {
        if !self.start_value.is_usable() {
            return Err(Error::InvalidParameter {
                name: "start_value",
                value: format!("{:?}", self.start_value),
                expected: "0 or a usable price (magnitude 1e-150..=1e150 for f64)",
            });
        }
        let max_long = check_fraction("acceleration_max_long", self.acceleration_max_long)?;
        let max_short = check_fraction("acceleration_max_short", self.acceleration_max_short)?;
        Ok(Self {
            start_value: self.start_value,
            offset_on_reverse: check_fraction("offset_on_reverse", self.offset_on_reverse)?,
            acceleration_init_long: check_fraction(
                "acceleration_init_long",
                self.acceleration_init_long,
            )?
            .min(max_long),
            acceleration_long: check_fraction("acceleration_long", self.acceleration_long)?
                .min(max_long),
            acceleration_max_long: max_long,
            acceleration_init_short: check_fraction(
                "acceleration_init_short",
                self.acceleration_init_short,
            )?
            .min(max_short),
            acceleration_short: check_fraction("acceleration_short", self.acceleration_short)?
                .min(max_short),
            acceleration_max_short: max_short,
        })
    }
}

/// Where the SAR is in its stream.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
enum Phase<T> {
    /// No bar yet.
    Empty,
    /// The first bar's high and low.
    First { high: T, low: T },
    /// In a position.
    Running(Position<T>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Position<T> {
    /// The last output.
    output: StopOutput<T>,
    /// The SAR for the next bar.
    sar: T,
    /// The extreme point: highest high while long, lowest low while short.
    extreme: T,
    /// The acceleration factor.
    acceleration: T,
    /// The last bar's high and low.
    high: T,
    low: T,
}

/// Wilder's parabolic stop and reverse: a stop that trails the price and accelerates towards
/// each new extreme, and reverses the position when the price reaches it.
///
/// # Formula
///
/// While long, with extreme point `EP` (the highest high since the position opened) and
/// acceleration `AF`, the SAR of the next bar is `SAR + AF·(EP − SAR)`, but never above the
/// low of this bar or the previous one; each new high sets `EP` and raises `AF` by the step,
/// up to the maximum. A low at or below the SAR reverses to short: the new SAR is the extreme
/// point (at least the last two highs), moved up by `offset_on_reverse·SAR`, `EP` becomes the
/// low and `AF` the short's initial acceleration. Short is the mirror image.
///
/// The first output is on the second bar. With `start_value` 0 the first position is short
/// when the second bar's down move `low₁ − low₀` (its −DM) is positive and larger than its
/// up move `high₁ − high₀`, long otherwise; the SAR starts at the first bar's low (long) or
/// high (short) and `EP` at the second bar's high (long) or low (short). On that second bar
/// the "last two bars" of the bounds are the second bar alone. Only the high and low are read.
///
/// The output is a [`StopOutput`]: the SAR of this bar, the position after it, and `flipped`
/// on a reversal (not on the first output, which only sets the trend). TA-Lib's `SAREXT` reports a short's SAR as a negative number; here it is
/// the positive level with [`Trend::Down`].
///
/// # Parameters
///
/// [`new`](Self::new) (TA-Lib `SAR`): `acceleration` (initial value and step, default 0.02)
/// and `maximum` (default 0.2), both in `0..=1`; an acceleration above the maximum is
/// lowered to it. [`extended`](Self::extended) (TA-Lib `SAREXT`): [`SarSettings`].
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, trend::{ParabolicSar, Trend}, Indicator};
///
/// let bar = |high, low| Candle::new(low, high, low, high, 0.0);
/// let mut sar = ParabolicSar::new(0.02, 0.2)?;
/// assert_eq!(sar.update(bar(10.0, 9.0)?), None);
/// // −DM = 9 − 9.5 < 0: long, SAR at the first low 9, EP the second high 11.
/// let first = sar.update(bar(11.0, 9.5)?).unwrap();
/// assert_eq!((first.stop, first.trend, first.flipped), (9.0, Trend::Up, false));
/// // Next SAR 9 + 0.02·(11 − 9) = 9.04; a low of 8.5 reaches it: short at EP 11.5.
/// let flip = sar.update(bar(11.5, 8.5)?).unwrap();
/// assert_eq!((flip.stop, flip.trend, flip.flipped), (11.5, Trend::Down, true));
/// assert_eq!(sar.to_string(), "SAR(0.02,0.2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `SAR` and `SAREXT`; matches them at every index (`SAREXT` with its sign).
#[doc(alias = "SAR")]
#[doc(alias = "SAREXT")]
#[doc(alias = "parabolic SAR")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ParabolicSarState<T>")
)]
pub struct ParabolicSar<T: Real = f64> {
    settings: SarSettings<T>,
    /// Built by [`ParabolicSar::extended`] (for `Display`).
    extended: bool,
    phase: Phase<T>,
}

impl<T: Real> ParabolicSar<T> {
    /// TA-Lib's `SAR(acceleration, maximum)`: the same initial acceleration and step for
    /// both positions.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless both are in `0..=1`.
    pub fn new(acceleration: T, maximum: T) -> Result<Self, Error> {
        let acceleration = check_fraction("acceleration", acceleration)?;
        let maximum = check_fraction("maximum", maximum)?;
        let settings = SarSettings {
            acceleration_init_long: acceleration,
            acceleration_long: acceleration,
            acceleration_max_long: maximum,
            acceleration_init_short: acceleration,
            acceleration_short: acceleration,
            acceleration_max_short: maximum,
            ..SarSettings::default()
        };
        Ok(Self {
            settings: settings.checked()?,
            extended: false,
            phase: Phase::Empty,
        })
    }

    /// TA-Lib's `SAREXT` with `settings`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the setting: `start_value` unusable (see
    /// [`Real`](crate::Real)), or an acceleration or `offset_on_reverse` outside `0..=1`.
    pub fn extended(settings: SarSettings<T>) -> Result<Self, Error> {
        Ok(Self {
            settings: settings.checked()?,
            extended: true,
            phase: Phase::Empty,
        })
    }

    /// The settings in use (initial accelerations and steps already lowered to their
    /// maximum).
    pub fn settings(&self) -> SarSettings<T> {
        self.settings
    }

    /// The phase after a usable bar.
    fn next(&self, high: T, low: T) -> Phase<T> {
        let s = &self.settings;
        match self.phase {
            Phase::Empty => Phase::First { high, low },
            Phase::First {
                high: first_high,
                low: first_low,
            } => {
                let long = if s.start_value == T::zero() {
                    let (down, up) = (first_low - low, high - first_high);
                    !(down > T::zero() && down > up)
                } else {
                    s.start_value > T::zero()
                };
                let sar = if s.start_value != T::zero() {
                    s.start_value.abs()
                } else if long {
                    first_low
                } else {
                    first_high
                };
                let opened = Position {
                    output: StopOutput {
                        stop: sar,
                        trend: if long { Trend::Up } else { Trend::Down },
                        flipped: false,
                    },
                    sar,
                    extreme: if long { high } else { low },
                    acceleration: if long {
                        s.acceleration_init_long
                    } else {
                        s.acceleration_init_short
                    },
                    high,
                    low,
                };
                // The first output sets the trend: a reversal on that bar is no flip.
                let mut first = self.step(opened, high, low);
                first.output.flipped = false;
                Phase::Running(first)
            }
            Phase::Running(position) => Phase::Running(self.step(position, high, low)),
        }
    }

    /// One bar of a position: its output and the SAR of the next bar.
    fn step(&self, p: Position<T>, high: T, low: T) -> Position<T> {
        let s = &self.settings;
        let (previous_high, previous_low) = (p.high, p.low);
        let below = |x: T| x.min(previous_low).min(low);
        let above = |x: T| x.max(previous_high).max(high);
        let towards = |sar: T, extreme: T, acceleration: T| sar + acceleration * (extreme - sar);
        let (output, sar, extreme, acceleration) = match p.output.trend {
            Trend::Up if low <= p.sar => {
                let stop = above(p.extreme);
                let stop = stop + stop * s.offset_on_reverse;
                let acceleration = s.acceleration_init_short;
                let sar = above(towards(stop, low, acceleration));
                (stop, sar, low, acceleration)
            }
            Trend::Up => {
                let (extreme, acceleration) = if high > p.extreme {
                    let raised =
                        (p.acceleration + s.acceleration_long).min(s.acceleration_max_long);
                    (high, raised)
                } else {
                    (p.extreme, p.acceleration)
                };
                (
                    p.sar,
                    below(towards(p.sar, extreme, acceleration)),
                    extreme,
                    acceleration,
                )
            }
            Trend::Down if high >= p.sar => {
                let stop = below(p.extreme);
                let stop = stop - stop * s.offset_on_reverse;
                let acceleration = s.acceleration_init_long;
                let sar = below(towards(stop, high, acceleration));
                (stop, sar, high, acceleration)
            }
            Trend::Down => {
                let (extreme, acceleration) = if low < p.extreme {
                    let raised =
                        (p.acceleration + s.acceleration_short).min(s.acceleration_max_short);
                    (low, raised)
                } else {
                    (p.extreme, p.acceleration)
                };
                (
                    p.sar,
                    above(towards(p.sar, extreme, acceleration)),
                    extreme,
                    acceleration,
                )
            }
        };
        let reversed = match p.output.trend {
            Trend::Up => low <= p.sar,
            Trend::Down => high >= p.sar,
        };
        let trend = match (p.output.trend, reversed) {
            (Trend::Up, true) | (Trend::Down, false) => Trend::Down,
            _ => Trend::Up,
        };
        Position {
            output: StopOutput {
                stop: output,
                trend,
                flipped: reversed,
            },
            sar,
            extreme,
            acceleration,
            high,
            low,
        }
    }
}

impl<T: Real> Indicator for ParabolicSar<T> {
    type Input = Candle<T>;
    type Output = StopOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<StopOutput<T>> {
        if !candle.is_usable() {
            return self.value().map(StopOutput::quiet);
        }
        self.phase = self.next(candle.high, candle.low);
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StopOutput<T>> {
        if !candle.is_usable() {
            return self.value().map(StopOutput::quiet);
        }
        match self.next(candle.high, candle.low) {
            Phase::Running(position) => Some(position.output),
            _ => None,
        }
    }

    #[inline]
    fn value(&self) -> Option<StopOutput<T>> {
        match self.phase {
            Phase::Running(position) => Some(position.output),
            _ => None,
        }
    }

    fn reset(&mut self) {
        self.phase = Phase::Empty;
    }

    fn warmup_period(&self) -> usize {
        2
    }
}

impl<T: Real + fmt::Display> fmt::Display for ParabolicSar<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.settings;
        if self.extended {
            write!(
                f,
                "SAREXT({},{},{},{},{},{},{},{})",
                s.start_value,
                s.offset_on_reverse,
                s.acceleration_init_long,
                s.acceleration_long,
                s.acceleration_max_long,
                s.acceleration_init_short,
                s.acceleration_short,
                s.acceleration_max_short
            )
        } else {
            write!(
                f,
                "SAR({},{})",
                s.acceleration_long, s.acceleration_max_long
            )
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ParabolicSarState<T: Real> {
    settings: SarSettings<T>,
    extended: bool,
    phase: Phase<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ParabolicSarState<T>> for ParabolicSar<T> {
    type Error = Error;

    fn try_from(state: ParabolicSarState<T>) -> Result<Self, Error> {
        let settings = state.settings.checked()?;
        if settings != state.settings {
            return Err(crate::error::invalid_state(
                "SAR settings with an acceleration above its maximum",
            ));
        }
        let s = &settings;
        // A SAR is an input, or an input moved by the offset (at most 1) on a reversal: within
        // twice the largest usable input (rounding included).
        let bound = T::max_input() + T::max_input();
        let level = |x: T| x.is_finite() && x.abs() <= bound;
        let valid = match state.phase {
            Phase::Empty => true,
            Phase::First { high, low } => high.is_usable() && low.is_usable(),
            Phase::Running(p) => {
                let max = match p.output.trend {
                    Trend::Up => s.acceleration_max_long,
                    Trend::Down => s.acceleration_max_short,
                };
                p.high.is_usable()
                    && p.low.is_usable()
                    && p.extreme.is_usable()
                    && level(p.sar)
                    && level(p.output.stop)
                    && p.acceleration >= T::zero()
                    && p.acceleration <= max
            }
        };
        if !valid {
            return Err(crate::error::invalid_state(
                "SAR prices unusable, level beyond the inputs, or acceleration out of range",
            ));
        }
        Ok(Self {
            settings,
            extended: state.extended,
            phase: state.phase,
        })
    }
}
