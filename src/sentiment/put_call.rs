use core::fmt;

use crate::average::Sma;
use crate::float::{from_usize, lit};
use crate::volatility::Variance;
use crate::window::RingBuffer;
use crate::{CheckedInput, Error, Indicator, Real};

/// One day of option volume: puts and calls traded (or a ratio already computed).
///
/// Fields are public for convenience; [`OptionVolume::new`] validates them with a message,
/// and [`PutCall`] checks every input anyway: **a call volume of 0, a negative volume, a NaN
/// or an infinity** is ignored by `update` and rejected by `try_update` with
/// [`Error::InvalidInput`] (the ratio would be undefined or infinite), never turned into an
/// infinite ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OptionVolume<T = f64> {
    /// Put volume (contracts), `≥ 0`.
    pub puts: T,
    /// Call volume (contracts), `> 0`.
    pub calls: T,
}

impl<T: Real> OptionVolume<T> {
    /// A day's put and call volumes.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] saying which rule failed: a non-finite volume, a negative
    /// volume, or a call volume of 0.
    pub fn new(puts: T, calls: T) -> Result<Self, Error> {
        let volume = Self { puts, calls };
        volume.validate()?;
        Ok(volume)
    }

    /// A put/call ratio already computed (e.g. Cboe's published ratio): `puts = ratio`,
    /// `calls = 1`.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] unless `ratio` is finite and `≥ 0`.
    pub fn from_ratio(ratio: T) -> Result<Self, Error> {
        Self::new(ratio, T::one())
    }

    /// Checks the rules of [`OptionVolume::new`].
    ///
    /// # Errors
    /// [`Error::InvalidBar`] naming the first violated rule.
    pub fn validate(&self) -> Result<(), Error> {
        let rule = if !(self.puts.is_usable() && self.calls.is_usable()) {
            Some("volumes must be finite numbers")
        } else if self.puts < T::zero() || self.calls < T::zero() {
            Some("volumes must not be negative")
        } else if self.calls == T::zero() {
            Some("call volume is 0: the put/call ratio is undefined")
        } else {
            None
        };
        match rule {
            None => Ok(()),
            Some(rule) => Err(Error::InvalidBar(format!(
                "option volume (puts {:?}, calls {:?}): {rule}",
                self.puts, self.calls
            ))),
        }
    }

    /// `puts / calls`.
    pub fn ratio(&self) -> T {
        self.puts / self.calls
    }
}

impl<T: Real> CheckedInput for OptionVolume<T> {
    /// Finite, not too large, puts `≥ 0` and calls `> 0`.
    #[inline]
    fn is_usable(&self) -> bool {
        self.puts.is_usable()
            && self.calls.is_usable()
            && self.puts >= T::zero()
            && self.calls > T::zero()
    }
}

/// The sentiment a put/call reading stands for, from the most complacent to the most
/// fearful. Read contrarily: fear is bullish, complacency bearish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Regime {
    /// Very little put buying: extreme complacency (contrarian bearish).
    ExtremeComplacency,
    /// Little put buying: complacency.
    Complacency,
    /// Neither.
    Neutral,
    /// Heavy put buying: fear.
    Fear,
    /// Very heavy put buying: extreme fear (contrarian bullish).
    ExtremeFear,
}

impl Regime {
    /// −2 (extreme complacency) ..= +2 (extreme fear).
    pub fn level(self) -> i8 {
        self as i8 - 2
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::ExtremeComplacency => "extreme complacency",
            Self::Complacency => "complacency",
            Self::Neutral => "neutral",
            Self::Fear => "fear",
            Self::ExtremeFear => "extreme fear",
        })
    }
}

/// The contrarian reading of a regime change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Contrarian {
    /// The crowd became more fearful: contrarian buy.
    Bullish,
    /// The crowd became more complacent: contrarian sell.
    Bearish,
}

/// A change of [`Regime`] from one reading to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RegimeChange {
    /// The regime of the previous reading.
    pub from: Regime,
    /// The regime of this reading.
    pub to: Regime,
}

impl RegimeChange {
    /// The contrarian signal of this change: [`Contrarian::Bullish`] when sentiment moved
    /// *into or deeper into* fear (`to` is Fear or ExtremeFear and more fearful than `from`),
    /// [`Contrarian::Bearish`] into or deeper into complacency; `None` when it eased back
    /// toward neutral.
    pub fn contrarian(&self) -> Option<Contrarian> {
        if self.to.level() > 0 && self.to > self.from {
            Some(Contrarian::Bullish)
        } else if self.to.level() < 0 && self.to < self.from {
            Some(Contrarian::Bearish)
        } else {
            None
        }
    }
}

/// What [`Thresholds`] are compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum ThresholdScale {
    /// The z-score of the normalized series (the default: independent of the series' level).
    ZScore,
    /// The smoothed put/call ratio itself.
    Level,
}

/// The four boundaries between the five [`Regime`]s.
///
/// A value `v` is ExtremeFear if `v ≥ extreme_fear`, else Fear if `v ≥ fear`, else
/// ExtremeComplacency if `v ≤ extreme_complacency`, else Complacency if
/// `v ≤ complacency`, else Neutral.
///
/// | Constructor | Scale | Extreme compl. | Compl. | Fear | Extreme fear | Source |
/// |---|---|---|---|---|---|---|
/// | [`Default`] (all series) | z-score | −2.5 | −1.5 | +1.5 | +2.5 | the usual ±1.5σ / ±2.5σ reading |
/// | [`Thresholds::total_levels`] | smoothed ratio | 0.60 | 0.70 | 1.00 | 1.20 | practitioner levels for CPC |
/// | [`Thresholds::equity_levels`] | smoothed ratio | 0.50 | 0.60 | 0.80 | 1.00 | practitioner levels for CPCE |
///
/// The z-score defaults serve the total, equity and index series alike, because the z-score
/// removes their structural difference in level; that is why they are the default. The
/// level presets are folklore (low confidence); no level convention
/// exists for the index series (CPCI, often above 1).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Thresholds<T = f64> {
    scale: ThresholdScale,
    extreme_complacency: T,
    complacency: T,
    fear: T,
    extreme_fear: T,
}

impl Thresholds {
    /// Levels for Cboe's total ratio (CPC): complacency at 0.70 and below (0.60 extreme),
    /// fear at 1.00 and above (1.20 extreme).
    pub fn total_levels() -> Self {
        Self::total_levels_generic()
    }

    /// Levels for Cboe's equity-only ratio (CPCE): complacency at 0.60 and below (0.50
    /// extreme), fear at 0.80 and above (1.00 extreme).
    pub fn equity_levels() -> Self {
        Self::equity_levels_generic()
    }
}

impl<T: Real> Thresholds<T> {
    fn checked(scale: ThresholdScale, bounds: [T; 4]) -> Result<Self, Error> {
        let [extreme_complacency, complacency, fear, extreme_fear] = bounds;
        let ordered = bounds.iter().all(|b| b.is_usable())
            && extreme_complacency < complacency
            && complacency < fear
            && fear < extreme_fear;
        if !ordered {
            return Err(Error::InvalidParameter {
                name: "thresholds",
                value: format!("{bounds:?}"),
                expected: "finite and increasing: extreme_complacency < complacency < fear < \
                           extreme_fear",
            });
        }
        Ok(Self {
            scale,
            extreme_complacency,
            complacency,
            fear,
            extreme_fear,
        })
    }

    /// Boundaries on the z-score.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `thresholds` unless the four are finite and
    /// strictly increasing.
    pub fn z_score(
        extreme_complacency: T,
        complacency: T,
        fear: T,
        extreme_fear: T,
    ) -> Result<Self, Error> {
        Self::checked(
            ThresholdScale::ZScore,
            [extreme_complacency, complacency, fear, extreme_fear],
        )
    }

    /// Boundaries on the smoothed ratio.
    ///
    /// # Errors
    /// As [`Thresholds::z_score`].
    pub fn levels(
        extreme_complacency: T,
        complacency: T,
        fear: T,
        extreme_fear: T,
    ) -> Result<Self, Error> {
        Self::checked(
            ThresholdScale::Level,
            [extreme_complacency, complacency, fear, extreme_fear],
        )
    }

    /// [`Thresholds::total_levels`] in any precision `T` (`f32`, or generic code): `Thresholds::<f32>::total_levels_generic()`.
    pub fn total_levels_generic() -> Self {
        Self::preset(ThresholdScale::Level, [0.6, 0.7, 1.0, 1.2])
    }

    /// [`Thresholds::equity_levels`] in any precision `T` (`f32`, or generic code): `Thresholds::<f32>::equity_levels_generic()`.
    pub fn equity_levels_generic() -> Self {
        Self::preset(ThresholdScale::Level, [0.5, 0.6, 0.8, 1.0])
    }

    fn preset(scale: ThresholdScale, bounds: [f64; 4]) -> Self {
        let [a, b, c, d] = bounds;
        Self {
            scale,
            extreme_complacency: lit(a),
            complacency: lit(b),
            fear: lit(c),
            extreme_fear: lit(d),
        }
    }

    /// What the boundaries apply to.
    pub fn scale(&self) -> ThresholdScale {
        self.scale
    }

    /// `[extreme_complacency, complacency, fear, extreme_fear]`.
    pub fn bounds(&self) -> [T; 4] {
        [
            self.extreme_complacency,
            self.complacency,
            self.fear,
            self.extreme_fear,
        ]
    }

    /// The regime of `value` (a z-score or a level, per [`scale`](Thresholds::scale)).
    pub fn regime(&self, value: T) -> Regime {
        if value >= self.extreme_fear {
            Regime::ExtremeFear
        } else if value >= self.fear {
            Regime::Fear
        } else if value <= self.extreme_complacency {
            Regime::ExtremeComplacency
        } else if value <= self.complacency {
            Regime::Complacency
        } else {
            Regime::Neutral
        }
    }
}

impl<T: Real> Default for Thresholds<T> {
    /// z-score boundaries ±1.5 and ±2.5.
    fn default() -> Self {
        Self::preset(ThresholdScale::ZScore, [-2.5, -1.5, 1.5, 2.5])
    }
}

/// Which series the z-score and the percentile rank normalize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Normalize {
    /// The daily ratio. The default.
    #[default]
    Ratio,
    /// The smoothed ratio (less noise, later signals).
    Smoothed,
}

/// One reading of [`PutCall`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PutCallReading<T = f64> {
    /// Today's put/call ratio.
    pub ratio: T,
    /// Its simple moving average over the smoothing period.
    pub smoothed: T,
    /// `(x − mean)/sd` of the normalized series over the lookback, sample sd (`ddof = 1`),
    /// today included; 0 when the window is flat (within rounding noise, see [`PutCall`]).
    /// `|z| ≤ (L − 1)/√L`.
    pub z_score: T,
    /// Percentage (0–100) of the `L − 1` earlier values of the lookback strictly below
    /// today's (values within rounding noise of today's are ties, see [`PutCall`]).
    pub percentile: T,
    /// The regime per the [`Thresholds`].
    pub regime: Regime,
    /// The regime change on this reading (`None` on the first reading and when unchanged).
    pub change: Option<RegimeChange>,
}

/// The values of the lookback window in increasing order, for the percentile rank.
/// Memory is reserved for the whole window at construction, clone and deserialization.
#[derive(Debug, PartialEq)]
struct SortedWindow<T> {
    values: Vec<T>,
}

impl<T: Real> SortedWindow<T> {
    fn with_capacity(capacity: usize) -> Self {
        Self {
            values: Vec::with_capacity(capacity),
        }
    }

    /// Number of values strictly below `x`: a binary search.
    #[inline]
    fn count_below(&self, x: T) -> usize {
        self.values.partition_point(|&v| v < x)
    }

    /// Removes one copy of `old` (if given) and inserts `new`. Binary searches, then one
    /// move of the values in between: no allocation, O(L) copying in the worst case.
    #[inline]
    fn replace(&mut self, old: Option<T>, new: T) {
        if let Some(old) = old {
            let at = self.values.partition_point(|&v| v < old);
            if at < self.values.len() {
                self.values.remove(at);
            }
        }
        let at = self.values.partition_point(|&v| v < new);
        self.values.insert(at, new);
    }
}

impl<T: Real> Clone for SortedWindow<T> {
    fn clone(&self) -> Self {
        let mut values = Vec::with_capacity(self.values.capacity());
        values.extend_from_slice(&self.values);
        Self { values }
    }
}

/// Put/call ratio sentiment: the daily ratio, its moving average, its z-score and percentile
/// rank over a lookback, a contrarian [`Regime`] and the regime changes.
///
/// # Formula
///
/// - `PC_t = puts_t / calls_t` (volumes; or a ratio given directly,
///   [`OptionVolume::from_ratio`]);
/// - `smoothed_t = SMA_s(PC)_t` (5 = CNN Fear & Greed, 10, or 21 days);
/// - with `x` the normalized series ([`Normalize::Ratio`], the default, or
///   [`Normalize::Smoothed`]) and its last `L` values, today included:
///   `z_t = (x_t − mean_L)/sd_L` with the **sample** standard deviation (a drift-free
///   [`Variance`]; 0 if the window is flat), and `percentile_t = 100·#{earlier values <
///   x_t}/(L − 1)`;
/// - `regime_t` from the [`Thresholds`] applied to `z_t` (default) or to `smoothed_t`.
///
/// Read contrarily: a regime change into fear is [`Contrarian::Bullish`], into
/// complacency [`Contrarian::Bearish`] ([`RegimeChange::contrarian`]).
///
/// The percentile rank keeps the window sorted: binary searches plus one `memmove` of at
/// most `L` values per update (no allocation). Everything else is O(1).
///
/// # Ties and flat windows
///
/// Two values of the normalized series closer than `4·(s + 2)` ulps of their magnitude
/// are the same number: mathematically equal averages summed in a different order differ
/// by a few ulps, and that rounding noise must not move a percentile or create a regime.
/// So a window whose sample standard deviation is within that width of its values is flat
/// (`z = 0`), and the percentile counts only the earlier values below `x·(1 − width)`. Fed
/// 0.1, 0.2, 0.3 repeated, `PutCall::new(3, 3)` normalizing the smoothed ratio reads z 0,
/// percentile 0, Neutral, with no regime change.
///
/// # Refused inputs and bounds
///
/// [`OptionVolume`]: a call volume of 0, a negative volume, a volume outside the usable
/// input range (`0` or `1e-150..=1e150` for `f64`, `1e-15..=1e15` for `f32`, see
/// [`Real`](crate::Real)), a NaN or an infinity, and a pair whose **ratio** `puts/calls` is
/// outside that range (1e150 puts on 1e-150 calls: its square would overflow the
/// variance), is ignored by `update` and rejected by `try_update` with
/// [`Error::InvalidInput`]; [`OptionVolume::new`] explains the volume rules. On an ignored
/// input `update` and `peek` return the last reading **without** its regime change (an
/// event belongs to the bar that caused it).
///
/// Every reading is finite: `ratio` and `smoothed` in `0..=1e150`, `|z_score| ≤ (L − 1)/√L`
/// (the largest a sample z-score over `L` values can be; rounding is clamped to it),
/// `percentile` in `0..=100`.
///
/// # Parameters
///
/// - `smoothing` (`s`): `1..=100000`;
/// - `lookback` (`L`): `2..=100000` (20 to 252 is usual; CNN uses about two years);
/// - [`with_thresholds`](PutCall::with_thresholds), [`with_normalize`](PutCall::with_normalize).
///
/// [`Default`] is `s = 10`, `L = 252` (one trading year) with z-score thresholds ±1.5/±2.5.
/// The first reading needs `max(s, L)` inputs (`s + L − 1` when normalizing the smoothed
/// series).
///
/// # Example
///
/// ```
/// use ta_stream::sentiment::{OptionVolume, PutCall, Regime};
/// use ta_stream::Indicator;
///
/// // pc_i = 0.62 + 0.12·sin(i/2.5) + 0.05·cos(i).
/// let mut put_call = PutCall::new(10, 20)?;
/// let mut last = None;
/// for i in 0..30 {
///     let i = f64::from(i);
///     let pc = 0.62 + 0.12 * (i / 2.5).sin() + 0.05 * i.cos();
///     last = put_call.update(OptionVolume::from_ratio(pc)?);
/// }
/// let reading = last.unwrap();
/// assert!((reading.smoothed - 0.591807).abs() < 1e-6);
/// assert!((reading.z_score + 1.146552).abs() < 1e-6);
/// assert!((reading.percentile - 100.0 / 19.0).abs() < 1e-12);
/// assert_eq!(reading.regime, Regime::Neutral);
/// // Zero call volume is refused, never an infinite ratio.
/// assert!(OptionVolume::new(1000.0, 0.0).is_err());
/// assert_eq!(put_call.to_string(), "PUTCALL(10,20)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Cboe daily market statistics (total, equity, index put/call ratios); Wikipedia,
/// "Put/call ratio" (contrarian reading); CNN Fear & Greed index (5-day put/call).
#[doc(alias = "PCR")]
#[doc(alias = "put/call ratio")]
#[doc(alias = "CPC")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "PutCallState<T>")
)]
pub struct PutCall<T: Real = f64> {
    smoothing: Sma<T>,
    /// Sample variance of the normalized series over the lookback.
    variance: Variance<T>,
    /// The normalized series over the lookback, in order.
    window: RingBuffer<T>,
    /// The same values, sorted.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    sorted: SortedWindow<T>,
    normalize: Normalize,
    thresholds: Thresholds<T>,
    last: Option<PutCallReading<T>>,
}

impl PutCall {
    /// Smoothing over `smoothing` days, z-score and percentile rank over `lookback` days,
    /// z-score thresholds ±1.5 / ±2.5.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `smoothing` is in `1..=100000` and `lookback` in
    /// `2..=100000`.
    pub fn new(smoothing: usize, lookback: usize) -> Result<Self, Error> {
        Self::new_generic(smoothing, lookback)
    }
}

impl<T: Real> PutCall<T> {
    /// [`PutCall::new`] in any precision `T` (`f32`, or generic code): `PutCall::<f32>::new_generic(3, 3)`.
    pub fn new_generic(smoothing: usize, lookback: usize) -> Result<Self, Error> {
        let smoothing = Sma::new_generic(crate::error::check_period("smoothing", smoothing)?)?;
        if lookback < 2 {
            return Err(Error::InvalidParameter {
                name: "lookback",
                value: lookback.to_string(),
                expected: "2..=100000",
            });
        }
        let lookback = crate::error::check_period("lookback", lookback)?;
        Ok(Self {
            smoothing,
            variance: Variance::sample_generic(lookback)?,
            window: RingBuffer::new(lookback)?,
            sorted: SortedWindow::with_capacity(lookback),
            normalize: Normalize::Ratio,
            thresholds: Thresholds::default(),
            last: None,
        })
    }

    /// The same indicator with other thresholds. Meant for construction.
    #[must_use]
    pub fn with_thresholds(mut self, thresholds: Thresholds<T>) -> Self {
        self.thresholds = thresholds;
        self
    }

    /// The same indicator normalizing the daily or the smoothed ratio. Meant for
    /// construction (on a fed indicator, call [`reset`](Indicator::reset) afterwards).
    #[must_use]
    pub fn with_normalize(mut self, normalize: Normalize) -> Self {
        self.normalize = normalize;
        self
    }

    /// The smoothing period `s`.
    pub fn smoothing(&self) -> usize {
        self.smoothing.period()
    }

    /// The lookback `L`.
    pub fn lookback(&self) -> usize {
        self.window.capacity()
    }

    /// The thresholds in use.
    pub fn thresholds(&self) -> Thresholds<T> {
        self.thresholds
    }

    /// Which series is normalized.
    pub fn normalize(&self) -> Normalize {
        self.normalize
    }

    /// The put/call ratio of `input` when the volumes are usable and the ratio is itself a
    /// usable number (see the type docs), else `None`.
    #[inline]
    fn usable_ratio(input: OptionVolume<T>) -> Option<T> {
        if !input.is_usable() {
            return None;
        }
        let ratio = input.ratio();
        ratio.is_usable().then_some(ratio)
    }

    /// Relative width under which two values of the normalized series count as equal:
    /// `4·(s + 2)` ulps. A smoothed value is a sum of `s` ratios divided by `s`, so equal
    /// windows summed in a different order can differ by a few ulps per term.
    #[inline]
    fn tie_width(&self) -> T {
        T::epsilon() * from_usize::<T>(4 * (self.smoothing() + 2))
    }

    /// The largest `|z|` a sample z-score can take over `L` values: `(L − 1)/√L`.
    #[inline]
    fn z_bound(&self) -> T {
        let lookback: T = from_usize(self.lookback());
        (lookback - T::one()) / lookback.sqrt()
    }

    /// The reading for `ratio` after the committed inputs; shared by `update` and `peek`.
    #[inline]
    fn next(&self, ratio: T) -> Option<PutCallReading<T>> {
        let smoothed = self.smoothing.peek(ratio);
        let x = match self.normalize {
            Normalize::Ratio => ratio,
            Normalize::Smoothed => smoothed?,
        };
        let (mean, variance) = self.variance.peek_moments(x)?;
        let smoothed = smoothed?;
        let tie = self.tie_width();
        // A spread within rounding noise of the values themselves is a flat window.
        let sd = variance.max(T::zero()).sqrt();
        let z_score = if sd > tie * mean.abs().max(x.abs()) {
            let bound = self.z_bound();
            ((x - mean) / sd).max(-bound).min(bound)
        } else {
            T::zero()
        };
        // Values within the tie width of `x` are ties, not "below".
        let threshold = x - tie * x.abs();
        let evicted_below = self
            .window
            .next_evicted()
            .is_some_and(|old| old < threshold);
        let below = self
            .sorted
            .count_below(threshold)
            .saturating_sub(usize::from(evicted_below));
        let earlier = from_usize::<T>(self.lookback() - 1);
        let percentile = (lit::<T>(100.0) * from_usize(below) / earlier).min(lit(100.0));
        let regime = self.thresholds.regime(match self.thresholds.scale {
            ThresholdScale::ZScore => z_score,
            ThresholdScale::Level => smoothed,
        });
        let change = self
            .last
            .filter(|last| last.regime != regime)
            .map(|last| RegimeChange {
                from: last.regime,
                to: regime,
            });
        Some(PutCallReading {
            ratio,
            smoothed,
            z_score,
            percentile,
            regime,
            change,
        })
    }

    /// What an ignored input returns: the last reading without its regime change (an event
    /// belongs to the bar that caused it).
    #[inline]
    fn quiet(&self) -> Option<PutCallReading<T>> {
        self.last.map(|last| PutCallReading {
            change: None,
            ..last
        })
    }
}

impl<T: Real> Default for PutCall<T> {
    /// Smoothing 10 days, lookback 252 days, z-score thresholds ±1.5 / ±2.5.
    fn default() -> Self {
        Self {
            smoothing: Sma::with_valid_period(10),
            variance: Variance::sample_generic(252)
                .unwrap_or_else(|_| Variance::with_valid_period(252)),
            window: RingBuffer::with_valid_capacity(252),
            sorted: SortedWindow::with_capacity(252),
            normalize: Normalize::Ratio,
            thresholds: Thresholds::default(),
            last: None,
        }
    }
}

impl<T: Real> Indicator for PutCall<T> {
    type Input = OptionVolume<T>;
    type Output = PutCallReading<T>;

    #[inline]
    fn update(&mut self, input: OptionVolume<T>) -> Option<PutCallReading<T>> {
        let Some(ratio) = Self::usable_ratio(input) else {
            return self.quiet();
        };
        let output = self.next(ratio);
        let smoothed = self.smoothing.update(ratio);
        let x = match self.normalize {
            Normalize::Ratio => Some(ratio),
            Normalize::Smoothed => smoothed,
        };
        if let Some(x) = x {
            self.variance.push(x);
            let evicted = self.window.push(x);
            self.sorted.replace(evicted, x);
        }
        self.last = output;
        output
    }

    #[inline]
    fn peek(&self, input: OptionVolume<T>) -> Option<PutCallReading<T>> {
        match Self::usable_ratio(input) {
            Some(ratio) => self.next(ratio),
            None => self.quiet(),
        }
    }

    #[inline]
    fn value(&self) -> Option<PutCallReading<T>> {
        self.last
    }

    fn reset(&mut self) {
        self.smoothing.reset();
        self.variance.clear();
        self.window.clear();
        self.sorted.values.clear();
        self.last = None;
    }

    fn warmup_period(&self) -> usize {
        match self.normalize {
            Normalize::Ratio => self.smoothing().max(self.lookback()),
            Normalize::Smoothed => self.smoothing() + self.lookback() - 1,
        }
    }

    /// Rejects unusable volumes, a call volume of 0 and ratios outside the usable range
    /// with [`Error::InvalidInput`].
    fn try_update(&mut self, input: OptionVolume<T>) -> Result<Option<PutCallReading<T>>, Error> {
        if Self::usable_ratio(input).is_some() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for PutCall<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PUTCALL({},{}", self.smoothing(), self.lookback())?;
        if self.normalize == Normalize::Smoothed {
            f.write_str(",smoothed")?;
        }
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PutCallState<T: Real> {
    smoothing: Sma<T>,
    variance: Variance<T>,
    window: RingBuffer<T>,
    normalize: Normalize,
    thresholds: Thresholds<T>,
    last: Option<PutCallReading<T>>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<PutCallState<T>> for PutCall<T> {
    type Error = Error;

    /// The sorted copy is rebuilt from the window (it is not trusted from the input); the
    /// window must match the variance, hold usable non-negative values, and the last
    /// reading must be consistent with the thresholds.
    fn try_from(state: PutCallState<T>) -> Result<Self, Error> {
        let lookback = state.window.capacity();
        let mut put_call = Self::new_generic(state.smoothing.period(), lookback)?;
        let bounds = state.thresholds.bounds();
        let [a, b, c, d] = bounds;
        let thresholds = Thresholds::checked(state.thresholds.scale, [a, b, c, d])?;
        put_call.thresholds = thresholds;
        // Ratios are usable and non-negative; normalized values (ratios or their averages)
        // are finite, non-negative and at most the largest usable number.
        let ratio_ok = |x: T| x.is_usable() && x >= T::zero();
        let normalized_ok = |x: T| x.is_finite() && x >= T::zero() && x <= T::max_input();
        let variance_values = state.variance.window();
        let window_ok = state.variance.period() == lookback
            && state.variance.ddof() == 1
            && variance_values.len() == state.window.len()
            && variance_values.iter().eq(state.window.iter())
            && state.window.iter().all(normalized_ok)
            // The smoothed ratios are usable (checked by `Sma`) and non-negative, the older
            // ones within the error of their recovery from suffix sums.
            && state
                .smoothing
                .window_values()
                .iter()
                .all(|&(value, error)| value + error >= T::zero());
        let z_bound = put_call.z_bound();
        let last_ok = state.last.is_none_or(|reading| {
            let value = match thresholds.scale {
                ThresholdScale::ZScore => reading.z_score,
                ThresholdScale::Level => reading.smoothed,
            };
            ratio_ok(reading.ratio)
                && normalized_ok(reading.smoothed)
                && reading.z_score.abs() <= z_bound
                && (T::zero()..=lit(100.0)).contains(&reading.percentile)
                && thresholds.regime(value) == reading.regime
                && reading
                    .change
                    .is_none_or(|change| change.to == reading.regime && change.from != change.to)
                && state.window.is_full()
                && state.smoothing.value().is_some()
        });
        if !(window_ok && last_ok) {
            return Err(crate::error::invalid_state(
                "put/call: the window, the variance and the last reading do not agree",
            ));
        }
        for x in state.window.iter() {
            put_call.sorted.replace(None, x);
        }
        put_call.smoothing = state.smoothing;
        put_call.variance = state.variance;
        put_call.window = state.window;
        put_call.normalize = state.normalize;
        put_call.last = state.last;
        Ok(put_call)
    }
}
