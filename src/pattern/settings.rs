//! TA-Lib's candle settings: what "long body", "short shadow", "near" mean, as multiples of an
//! average over recent candles.

use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::{Error, Real, MAX_PERIOD};

/// What a candle setting measures on a candle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum RangeKind {
    /// The real body, `|close − open|`.
    RealBody,
    /// The whole candle, `high − low`.
    HighLow,
    /// Both shadows, `(high − max(open, close)) + (min(open, close) − low)`; its average is
    /// halved, so that it compares with one shadow.
    Shadows,
}

impl RangeKind {
    /// This kind of range measured on `candle` (never negative for a valid candle).
    #[inline]
    pub fn of<T: Real>(self, candle: &Candle<T>) -> T {
        match self {
            Self::RealBody => (candle.close - candle.open).abs(),
            Self::HighLow => candle.high - candle.low,
            Self::Shadows => {
                let (top, bottom) = if candle.close >= candle.open {
                    (candle.close, candle.open)
                } else {
                    (candle.open, candle.close)
                };
                (candle.high - top) + (bottom - candle.low)
            }
        }
    }
}

/// One candle setting: a kind of range, the number of candles averaged, and a factor.
///
/// A candle's measure is compared with `factor · average`, the average being the mean
/// `range` of the `period` candles *before* the candle compared (halved for
/// [`RangeKind::Shadows`]); with `period = 0` the candle's own range is used instead (TA-Lib's
/// long shadows: "longer than `factor` times its own real body").
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CandleSetting {
    /// What is measured.
    pub range: RangeKind,
    /// Number of preceding candles averaged, `0..=100000` (0: the candle itself).
    pub period: usize,
    /// Multiple of the average, finite and `0..=1e6`.
    pub factor: f64,
}

impl CandleSetting {
    /// A setting from its three parts (checked when an indicator is built from it).
    pub const fn new(range: RangeKind, period: usize, factor: f64) -> Self {
        Self {
            range,
            period,
            factor,
        }
    }
}

/// The eleven candle settings of TA-Lib, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setting {
    /// A long real body: TA-Lib `BodyLong`, default real body above the 10-candle mean.
    BodyLong,
    /// A very long real body: `BodyVeryLong`, default above 3 × the 10-candle mean body.
    BodyVeryLong,
    /// A short real body: `BodyShort`, default below the 10-candle mean body.
    BodyShort,
    /// A doji body: `BodyDoji`, default at most 0.1 × the 10-candle mean high − low.
    BodyDoji,
    /// A long shadow: `ShadowLong`, default longer than the candle's own real body.
    ShadowLong,
    /// A very long shadow: `ShadowVeryLong`, default longer than twice the own real body.
    ShadowVeryLong,
    /// A short shadow: `ShadowShort`, default shorter than the 10-candle mean shadow.
    ShadowShort,
    /// A very short shadow: `ShadowVeryShort`, default below 0.1 × the 10-candle mean
    /// high − low.
    ShadowVeryShort,
    /// "Near" prices: `Near`, default within 0.2 × the 5-candle mean high − low.
    Near,
    /// "Far" prices: `Far`, default beyond 0.6 × the 5-candle mean high − low.
    Far,
    /// "Equal" prices: `Equal`, default within 0.05 × the 5-candle mean high − low.
    Equal,
}

impl Setting {
    /// All eleven, in TA-Lib's order.
    pub const ALL: [Setting; 11] = [
        Self::BodyLong,
        Self::BodyVeryLong,
        Self::BodyShort,
        Self::BodyDoji,
        Self::ShadowLong,
        Self::ShadowVeryLong,
        Self::ShadowShort,
        Self::ShadowVeryShort,
        Self::Near,
        Self::Far,
        Self::Equal,
    ];

    /// TA-Lib's name of the setting (`"BodyLong"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Self::BodyLong => "BodyLong",
            Self::BodyVeryLong => "BodyVeryLong",
            Self::BodyShort => "BodyShort",
            Self::BodyDoji => "BodyDoji",
            Self::ShadowLong => "ShadowLong",
            Self::ShadowVeryLong => "ShadowVeryLong",
            Self::ShadowShort => "ShadowShort",
            Self::ShadowVeryShort => "ShadowVeryShort",
            Self::Near => "Near",
            Self::Far => "Far",
            Self::Equal => "Equal",
        }
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The candle settings every pattern reads: TA-Lib's defaults, or your own.
///
/// | setting | range | period | factor |
/// |---|---|---|---|
/// | `BodyLong` | real body | 10 | 1.0 |
/// | `BodyVeryLong` | real body | 10 | 3.0 |
/// | `BodyShort` | real body | 10 | 1.0 |
/// | `BodyDoji` | high − low | 10 | 0.1 |
/// | `ShadowLong` | real body | 0 | 1.0 |
/// | `ShadowVeryLong` | real body | 0 | 2.0 |
/// | `ShadowShort` | shadows | 10 | 1.0 |
/// | `ShadowVeryShort` | high − low | 10 | 0.1 |
/// | `Near` | high − low | 5 | 0.2 |
/// | `Far` | high − low | 5 | 0.6 |
/// | `Equal` | high − low | 5 | 0.05 |
///
/// ```
/// use ta_stream::pattern::{CandleSettings, Setting};
///
/// let mut settings = CandleSettings::default(); // TA-Lib's
/// assert_eq!(settings.get(Setting::BodyDoji).period, 10);
/// settings.set(Setting::BodyDoji, settings.get(Setting::BodyDoji).with_factor(0.05));
/// assert!(settings.validate().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CandleSettings {
    settings: [CandleSetting; 11],
}

impl CandleSetting {
    /// The same setting with another factor.
    pub const fn with_factor(self, factor: f64) -> Self {
        Self { factor, ..self }
    }

    /// The same setting with another period.
    pub const fn with_period(self, period: usize) -> Self {
        Self { period, ..self }
    }
}

impl Default for CandleSettings {
    /// TA-Lib's default candle settings (the table above).
    fn default() -> Self {
        use RangeKind::{HighLow, RealBody, Shadows};
        Self {
            settings: [
                CandleSetting::new(RealBody, 10, 1.0),
                CandleSetting::new(RealBody, 10, 3.0),
                CandleSetting::new(RealBody, 10, 1.0),
                CandleSetting::new(HighLow, 10, 0.1),
                CandleSetting::new(RealBody, 0, 1.0),
                CandleSetting::new(RealBody, 0, 2.0),
                CandleSetting::new(Shadows, 10, 1.0),
                CandleSetting::new(HighLow, 10, 0.1),
                CandleSetting::new(HighLow, 5, 0.2),
                CandleSetting::new(HighLow, 5, 0.6),
                CandleSetting::new(HighLow, 5, 0.05),
            ],
        }
    }
}

/// Names of the checked fields, per setting, for error messages.
const PERIOD_NAMES: [&str; 11] = [
    "BodyLong.period",
    "BodyVeryLong.period",
    "BodyShort.period",
    "BodyDoji.period",
    "ShadowLong.period",
    "ShadowVeryLong.period",
    "ShadowShort.period",
    "ShadowVeryShort.period",
    "Near.period",
    "Far.period",
    "Equal.period",
];
const FACTOR_NAMES: [&str; 11] = [
    "BodyLong.factor",
    "BodyVeryLong.factor",
    "BodyShort.factor",
    "BodyDoji.factor",
    "ShadowLong.factor",
    "ShadowVeryLong.factor",
    "ShadowShort.factor",
    "ShadowVeryShort.factor",
    "Near.factor",
    "Far.factor",
    "Equal.factor",
];

/// Largest factor a setting accepts.
const MAX_FACTOR: f64 = 1e6;

impl CandleSettings {
    /// One setting.
    pub fn get(&self, setting: Setting) -> CandleSetting {
        // Every `Setting` has its slot: the fallback is never taken.
        self.settings
            .get(setting as usize)
            .copied()
            .unwrap_or(CandleSetting::new(RangeKind::RealBody, 0, 0.0))
    }

    /// Replaces one setting (checked by [`validate`](Self::validate) and by the indicators'
    /// constructors).
    pub fn set(&mut self, setting: Setting, value: CandleSetting) {
        if let Some(slot) = self.settings.get_mut(setting as usize) {
            *slot = value;
        }
    }

    /// The same settings with one replaced.
    pub fn with(mut self, setting: Setting, value: CandleSetting) -> Self {
        self.set(setting, value);
        self
    }

    /// Checks every period (`0..=100000`) and factor (finite, `0..=1e6`).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the setting's field (`"BodyDoji.factor"`).
    pub fn validate(&self) -> Result<(), Error> {
        let named = self.settings.iter().zip(PERIOD_NAMES).zip(FACTOR_NAMES);
        for ((setting, period_name), factor_name) in named {
            if setting.period > MAX_PERIOD {
                return Err(Error::InvalidParameter {
                    name: period_name,
                    value: setting.period.to_string(),
                    expected: "0..=100000",
                });
            }
            if !(0.0..=MAX_FACTOR).contains(&setting.factor) {
                return Err(Error::InvalidParameter {
                    name: factor_name,
                    value: setting.factor.to_string(),
                    expected: "0..=1000000 (finite)",
                });
            }
        }
        Ok(())
    }

    /// `factor · average` as TA-Lib computes it: `factor · (total / period) / d`, with `d = 2`
    /// for shadows and 1 otherwise, and `range(candle)` in place of the mean when the period
    /// is 0.
    #[inline]
    pub(crate) fn average<T: Real>(&self, setting: Setting, total: T, candle: &Candle<T>) -> T {
        let s = self.get(setting);
        let mean = if s.period != 0 {
            total / crate::float::from_usize::<T>(s.period)
        } else {
            s.range.of(candle)
        };
        let scaled = lit::<T>(s.factor) * mean;
        if s.range == RangeKind::Shadows {
            scaled / lit::<T>(2.0)
        } else {
            scaled
        }
    }
}
