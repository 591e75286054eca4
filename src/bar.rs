//! Bars: the [`Ohlcv`] trait for your own bar type, the [`Candle`] that OHLC indicators take,
//! and the provided [`Bar`] with a timestamp and validation.

use chrono::{DateTime, Utc};

use crate::{CheckedInput, Error, Real};

/// Open, high, low, close and volume of one period: the input of every OHLC indicator (ATR,
/// Stochastic, pivots, ...). Plain numbers, `Copy`, no timestamp.
///
/// Build one from your own bar type through [`Ohlcv::candle`], or directly:
///
/// ```
/// use ta_stream::bar::Candle;
///
/// let candle = Candle::new(100.0, 105.0, 99.0, 104.0, 1_000.0)?;
/// assert_eq!(candle.range(), 6.0);
/// assert!(Candle::new(100.0, 99.0, 101.0, 100.0, 0.0).is_err()); // high below low
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Candle<T = f64> {
    /// First traded price of the period.
    pub open: T,
    /// Highest price.
    pub high: T,
    /// Lowest price.
    pub low: T,
    /// Last traded price.
    pub close: T,
    /// Volume traded (0 when unknown).
    pub volume: T,
}

impl<T: Real> Candle<T> {
    /// A validated candle: see [`Candle::validate`].
    ///
    /// # Errors
    /// [`Error::InvalidBar`] naming the violated rule.
    pub fn new(open: T, high: T, low: T, close: T, volume: T) -> Result<Self, Error> {
        let candle = Self {
            open,
            high,
            low,
            close,
            volume,
        };
        candle.validate()?;
        Ok(candle)
    }

    /// Checks that every number is usable (finite, not absurdly large), `high >= low`, open
    /// and close lie within `[low, high]`, and the volume is not negative.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] naming the first violated rule.
    pub fn validate(&self) -> Result<(), Error> {
        let rule = if !self.is_usable() {
            Some("every price and the volume must be finite")
        } else if self.high < self.low {
            Some("high must not be below low")
        } else if self.open < self.low || self.open > self.high {
            Some("open must lie within [low, high]")
        } else if self.close < self.low || self.close > self.high {
            Some("close must lie within [low, high]")
        } else if self.volume < T::zero() {
            Some("volume must not be negative")
        } else {
            None
        };
        match rule {
            Some(rule) => Err(Error::InvalidBar(format!(
                "{rule} (open {:?}, high {:?}, low {:?}, close {:?}, volume {:?})",
                self.open, self.high, self.low, self.close, self.volume
            ))),
            None => Ok(()),
        }
    }

    /// `high − low`.
    pub fn range(&self) -> T {
        self.high - self.low
    }

    /// The candle a row of high, low and close columns stands for in the column paths
    /// (TA-Lib's shape): `(open: close, high, low, close, volume: 0)`, unchecked.
    #[inline]
    pub(crate) fn from_hlc(high: T, low: T, close: T) -> Self {
        Self {
            open: close,
            high,
            low,
            close,
            volume: T::zero(),
        }
    }

    /// The candle a row of open, high, low and close columns stands for in the column paths:
    /// `(open, high, low, close, volume: 0)`, unchecked.
    #[inline]
    pub(crate) fn from_ohlc(open: T, high: T, low: T, close: T) -> Self {
        Self {
            open,
            high,
            low,
            close,
            volume: T::zero(),
        }
    }

    /// The candle a row of high, low, close and volume columns stands for in the column
    /// paths: `(open: close, high, low, close, volume)`, unchecked.
    #[inline]
    pub(crate) fn from_hlcv(high: T, low: T, close: T, volume: T) -> Self {
        Self {
            open: close,
            high,
            low,
            close,
            volume,
        }
    }
}

impl<T: Real> CheckedInput for Candle<T> {
    /// The five numbers checked side by side, without a branch (see
    /// `float::all_usable`).
    #[inline]
    fn is_usable(&self) -> bool {
        crate::float::all_usable([self.open, self.high, self.low, self.close, self.volume])
    }
}

/// A validated candle from `(open, high, low, close, volume)`, as [`Candle::new`]: the order
/// of the parameters of `new`, and of most OHLCV files.
///
/// ```
/// use ta_stream::bar::Candle;
///
/// let candle = Candle::try_from((100.0, 105.0, 99.0, 104.0, 1_000.0))?;
/// assert_eq!(candle, Candle::new(100.0, 105.0, 99.0, 104.0, 1_000.0)?);
/// let row: Result<Candle, _> = (100.0, 99.0, 101.0, 100.0, 0.0).try_into();
/// assert!(row.is_err()); // high below low
/// # Ok::<(), ta_stream::Error>(())
/// ```
impl<T: Real> TryFrom<(T, T, T, T, T)> for Candle<T> {
    type Error = Error;

    fn try_from((open, high, low, close, volume): (T, T, T, T, T)) -> Result<Self, Error> {
        Self::new(open, high, low, close, volume)
    }
}

/// A validated candle from `[open, high, low, close, volume]`, as [`Candle::new`].
///
/// ```
/// use ta_stream::bar::Candle;
///
/// let rows = [[100.0, 105.0, 99.0, 104.0, 1_000.0], [104.0, 106.0, 103.0, 105.5, 800.0]];
/// let candles = rows
///     .into_iter()
///     .map(Candle::try_from)
///     .collect::<Result<Vec<Candle>, _>>()?;
/// assert_eq!(candles[1].close, 105.5);
/// assert!(Candle::try_from([1.0, 2.0, 0.5, 1.5, -1.0]).is_err()); // negative volume
/// # Ok::<(), ta_stream::Error>(())
/// ```
impl<T: Real> TryFrom<[T; 5]> for Candle<T> {
    type Error = Error;

    fn try_from([open, high, low, close, volume]: [T; 5]) -> Result<Self, Error> {
        Self::new(open, high, low, close, volume)
    }
}

/// Your bar type, seen by the crate: implement the five accessors and every OHLC indicator
/// takes your bars through [`candle`](Ohlcv::candle).
///
/// ```
/// use ta_stream::bar::Ohlcv;
///
/// struct MyBar { o: f64, h: f64, l: f64, c: f64 }
///
/// impl Ohlcv for MyBar {
///     fn open(&self) -> f64 { self.o }
///     fn high(&self) -> f64 { self.h }
///     fn low(&self) -> f64 { self.l }
///     fn close(&self) -> f64 { self.c }
///     fn volume(&self) -> f64 { 0.0 }
/// }
///
/// let candle = MyBar { o: 1.0, h: 2.0, l: 0.5, c: 1.5 }.candle();
/// assert_eq!(candle.high, 2.0);
/// ```
pub trait Ohlcv<T: Real = f64> {
    /// First traded price of the period.
    fn open(&self) -> T;
    /// Highest price.
    fn high(&self) -> T;
    /// Lowest price.
    fn low(&self) -> T;
    /// Last traded price.
    fn close(&self) -> T;
    /// Volume traded.
    fn volume(&self) -> T;
    /// The numbers as a [`Candle`], the input of OHLC indicators (not validated; see
    /// [`Candle::validate`]).
    fn candle(&self) -> Candle<T> {
        Candle {
            open: self.open(),
            high: self.high(),
            low: self.low(),
            close: self.close(),
            volume: self.volume(),
        }
    }
}

impl<T: Real> Ohlcv<T> for Candle<T> {
    fn open(&self) -> T {
        self.open
    }
    fn high(&self) -> T {
        self.high
    }
    fn low(&self) -> T {
        self.low
    }
    fn close(&self) -> T {
        self.close
    }
    fn volume(&self) -> T {
        self.volume
    }
    fn candle(&self) -> Candle<T> {
        *self
    }
}

/// A timestamped bar: a validated [`Candle`] and the UTC time its period starts.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ta_stream::bar::{Bar, BarSequence, Candle};
///
/// let day = |d| Utc.with_ymd_and_hms(2024, 1, d, 0, 0, 0).unwrap();
/// let bar = Bar::new(day(2), Candle::new(10.0, 11.0, 9.0, 10.5, 500.0)?);
/// let mut sequence = BarSequence::new();
/// assert!(sequence.check(&bar).is_ok());
/// let earlier = Bar::new(day(1), bar.candle);
/// assert!(sequence.check(&earlier).is_err()); // timestamps must increase
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Bar<T = f64> {
    /// Start of the bar's period.
    pub timestamp: DateTime<Utc>,
    /// Its prices and volume.
    pub candle: Candle<T>,
}

impl<T: Real> Bar<T> {
    /// A bar from a timestamp and a candle (validate the candle with [`Candle::new`]).
    pub fn new(timestamp: DateTime<Utc>, candle: Candle<T>) -> Self {
        Self { timestamp, candle }
    }
}

impl<T: Real> Ohlcv<T> for Bar<T> {
    fn open(&self) -> T {
        self.candle.open
    }
    fn high(&self) -> T {
        self.candle.high
    }
    fn low(&self) -> T {
        self.candle.low
    }
    fn close(&self) -> T {
        self.candle.close
    }
    fn volume(&self) -> T {
        self.candle.volume
    }
    fn candle(&self) -> Candle<T> {
        self.candle
    }
}

impl<T: Real> CheckedInput for Bar<T> {
    #[inline]
    fn is_usable(&self) -> bool {
        self.candle.is_usable()
    }
}

/// Validates a stream of bars: each candle valid, timestamps strictly increasing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct BarSequence {
    last: Option<DateTime<Utc>>,
}

impl BarSequence {
    /// A validator that has seen no bar.
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks `bar` against the rules and the previous bar, and remembers it if valid.
    ///
    /// # Errors
    /// [`Error::InvalidBar`] if the candle is invalid or the timestamp does not follow the
    /// previous bar's.
    pub fn check<T: Real>(&mut self, bar: &Bar<T>) -> Result<(), Error> {
        bar.candle.validate()?;
        if let Some(last) = self.last.filter(|last| bar.timestamp <= *last) {
            return Err(Error::InvalidBar(format!(
                "timestamp {} does not follow the previous bar's {last}",
                bar.timestamp
            )));
        }
        self.last = Some(bar.timestamp);
        Ok(())
    }
}
