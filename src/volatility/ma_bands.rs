use core::fmt;

use super::StdDev;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// The three lines of [`MaBands`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BandLines<T = f64> {
    /// `middle + up·σ`.
    pub upper: T,
    /// The moving average.
    pub middle: T,
    /// `middle − down·σ`.
    pub lower: T,
}

/// Bollinger-style bands around any moving average: TA-Lib's `BBANDS` with a `matype`.
///
/// # Formula
///
/// Over the last `n` inputs, with `M` the moving average of period `n` (EMA, KAMA, ...) and
/// `σ` the population standard deviation of the same `n` inputs (about their own mean, as
/// TA-Lib computes it whatever the average):
///
/// `middle = M_n(x)`, `upper = middle + up·σ`, `lower = middle − down·σ`.
///
/// The first output comes when both `M` and `σ` have one (after `max(warm-up of M, n)`
/// inputs). O(1) per update when `M` is. For the SMA (`matype` 0), [`Bollinger`](super::Bollinger)
/// adds `%B` and the bandwidth.
///
/// # Parameters
///
/// `period` (`n`): `2..=100000` (TA-Lib's default 20); `up`, `down`: `0.001..=1000` (TA-Lib's
/// `nbdevup` and `nbdevdn`, default 2); the average `M`, built for `n` by the function given.
///
/// # Bounds
///
/// `σ` is at most `1e150` (`1e15` for `f32`), so the bands stay within `1001` times the
/// average's own bound.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Ema, volatility::MaBands, Indicator};
///
/// let mut bands = MaBands::new(3, 2.0, 1.0, Ema::new)?;
/// let out = bands.batch(&[1.0, 2.0, 3.0]);
/// let lines = out[2].unwrap();
/// let sigma = (2.0_f64 / 3.0).sqrt(); // of 1, 2, 3
/// assert_eq!(lines.middle, 2.0); // EMA(3) seeded with the mean
/// assert!((lines.upper - (2.0 + 2.0 * sigma)).abs() < 1e-12);
/// assert!((lines.lower - (2.0 - sigma)).abs() < 1e-12);
/// assert_eq!(bands.to_string(), "BBANDS(3, 2, 1, EMA)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `BBANDS` with `matype` ≠ 0; matches it at every index.
#[doc(alias = "BBANDS")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "MaBandsState<M, T>",
        bound(
            serialize = "M: serde::Serialize, T: serde::Serialize",
            deserialize = "M: serde::Deserialize<'de> + Indicator<Input = T, Output = T>, \
                           T: serde::Deserialize<'de>"
        )
    )
)]
pub struct MaBands<M, T: Real = f64> {
    average: M,
    deviation: StdDev<T>,
    up: f64,
    down: f64,
}

impl<M, T> MaBands<M, T>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// Bands `up` and `down` standard deviations around `build(period)`, the average of
    /// period `period` (`Ema::new`, `Kama::new`, ...).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000` and `up`, `down` in
    /// `0.001..=1000`; any error of `build`.
    pub fn new(
        period: usize,
        up: f64,
        down: f64,
        build: impl FnOnce(usize) -> Result<M, Error>,
    ) -> Result<Self, Error> {
        if !(2..=crate::MAX_PERIOD).contains(&period) {
            return Err(Error::InvalidParameter {
                name: "period",
                value: period.to_string(),
                expected: "2..=100000",
            });
        }
        Self::check_multiplier("up", up)?;
        Self::check_multiplier("down", down)?;
        Ok(Self {
            average: build(period)?,
            deviation: StdDev::new_generic(period)?,
            up,
            down,
        })
    }

    fn check_multiplier(name: &'static str, value: f64) -> Result<(), Error> {
        if (0.001..=1000.0).contains(&value) {
            Ok(())
        } else {
            Err(Error::InvalidParameter {
                name,
                value: value.to_string(),
                expected: "0.001..=1000",
            })
        }
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.deviation.period()
    }

    #[inline]
    fn lines(&self, middle: Option<T>, sigma: Option<T>) -> Option<BandLines<T>> {
        let (middle, sigma) = (middle?, sigma?);
        Some(BandLines {
            upper: middle + lit::<T>(self.up) * sigma,
            middle,
            lower: middle - lit::<T>(self.down) * sigma,
        })
    }
}

impl<M, T> Indicator for MaBands<M, T>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = T;
    type Output = BandLines<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<BandLines<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let middle = self.average.update(x);
        let sigma = self.deviation.update(x);
        self.lines(middle, sigma)
    }

    #[inline]
    fn peek(&self, x: T) -> Option<BandLines<T>> {
        if !x.is_usable() {
            return self.value();
        }
        self.lines(self.average.peek(x), self.deviation.peek(x))
    }

    #[inline]
    fn value(&self) -> Option<BandLines<T>> {
        self.lines(self.average.value(), self.deviation.value())
    }

    fn reset(&mut self) {
        self.average.reset();
        self.deviation.reset();
    }

    fn warmup_period(&self) -> usize {
        self.average.warmup_period().max(self.period())
    }
}

impl<M: fmt::Display, T: Real> fmt::Display for MaBands<M, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.average.to_string();
        let kind = name.split('(').next().unwrap_or("");
        write!(
            f,
            "BBANDS({}, {}, {}, {kind})",
            self.deviation.period(),
            self.up,
            self.down
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MaBandsState<M, T: Real> {
    average: M,
    deviation: StdDev<T>,
    up: f64,
    down: f64,
}

#[cfg(feature = "serde")]
impl<M, T> TryFrom<MaBandsState<M, T>> for MaBands<M, T>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Error = Error;

    /// The average and the deviation validate themselves; the multipliers are checked here.
    fn try_from(state: MaBandsState<M, T>) -> Result<Self, Error> {
        Self::check_multiplier("up", state.up)?;
        Self::check_multiplier("down", state.down)?;
        if state.deviation.period() < 2 || state.deviation.ddof() != 0 {
            return Err(crate::error::invalid_state(
                "BBANDS deviation is not a population deviation over 2 or more inputs",
            ));
        }
        Ok(Self {
            average: state.average,
            deviation: state.deviation,
            up: state.up,
            down: state.down,
        })
    }
}
