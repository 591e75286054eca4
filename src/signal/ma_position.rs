use core::fmt;

use super::Relation;
use crate::average::{Ema, Sma};
use crate::error::check_period;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// The largest number of averages one [`MaPosition`] follows.
pub const MAX_AVERAGES: usize = 8;

/// Which moving average [`MaPosition`] computes for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum MaKind {
    /// A simple moving average, [`Sma`].
    Sma,
    /// An exponential moving average seeded like TA-Lib, [`Ema`].
    Ema,
}

impl fmt::Display for MaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Self::Sma => "SMA",
            Self::Ema => "EMA",
        })
    }
}

/// One of the averages, dispatched by `match` (no allocation, no virtual call).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
enum Average<T: Real> {
    Sma(Sma<T>),
    Ema(Ema<T>),
}

impl<T: Real> Average<T> {
    fn new(kind: MaKind, period: usize) -> Result<Self, Error> {
        Ok(match kind {
            MaKind::Sma => Self::Sma(Sma::new_generic(period)?),
            MaKind::Ema => Self::Ema(Ema::new_generic(period)?),
        })
    }

    fn kind(&self) -> MaKind {
        match self {
            Self::Sma(_) => MaKind::Sma,
            Self::Ema(_) => MaKind::Ema,
        }
    }

    fn period(&self) -> usize {
        match self {
            Self::Sma(average) => average.period(),
            Self::Ema(average) => average.period(),
        }
    }

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        match self {
            Self::Sma(average) => average.update(x),
            Self::Ema(average) => average.update(x),
        }
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        match self {
            Self::Sma(average) => average.peek(x),
            Self::Ema(average) => average.peek(x),
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        match self {
            Self::Sma(average) => average.value(),
            Self::Ema(average) => average.value(),
        }
    }

    fn reset(&mut self) {
        match self {
            Self::Sma(average) => average.reset(),
            Self::Ema(average) => average.reset(),
        }
    }

    fn warmup_period(&self) -> usize {
        match self {
            Self::Sma(average) => average.warmup_period(),
            Self::Ema(average) => average.warmup_period(),
        }
    }
}

impl<T: Real> fmt::Display for Average<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sma(average) => average.fmt(f),
            Self::Ema(average) => average.fmt(f),
        }
    }
}

/// Which averages a reading describes, fixed at construction: copied into every reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    /// Number of averages, 1..=MAX_AVERAGES.
    count: u8,
    /// Bit `i` set: average `i` is an EMA (an SMA otherwise).
    emas: u8,
    /// The periods (at most 100000: `u32` keeps a reading small enough to copy inline),
    /// zero past `count`.
    periods: [u32; MAX_AVERAGES],
}

impl Layout {
    fn of<T: Real>(averages: &[Average<T>]) -> Self {
        let mut layout = Self {
            count: 0,
            emas: 0,
            periods: [0; MAX_AVERAGES],
        };
        for (index, (period, average)) in layout.periods.iter_mut().zip(averages).enumerate() {
            *period = u32::try_from(average.period()).unwrap_or(u32::MAX);
            if average.kind() == MaKind::Ema {
                layout.emas |= 1 << index;
            }
            layout.count = layout.count.saturating_add(1);
        }
        layout
    }

    fn len(&self) -> usize {
        usize::from(self.count)
    }

    fn period(&self, index: usize) -> Option<usize> {
        let period = self.periods.get(index).copied()?;
        usize::try_from(period).ok()
    }

    fn kind(&self, index: usize) -> MaKind {
        if (self.emas >> index) & 1 == 1 {
            MaKind::Ema
        } else {
            MaKind::Sma
        }
    }
}

/// The price against one moving average, from a [`MaPositionReading`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyAverage<T: Real = f64> {
    kind: MaKind,
    period: usize,
    value: T,
    price: T,
}

impl<T: Real> KeyAverage<T> {
    /// SMA or EMA.
    pub fn kind(&self) -> MaKind {
        self.kind
    }

    /// The average's period.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The average's value on this bar.
    pub fn value(&self) -> T {
        self.value
    }

    /// The price on this bar.
    pub fn price(&self) -> T {
        self.price
    }

    /// The price against the average: [`Relation::Above`] ⇔ `price > average`.
    pub fn relation(&self) -> Relation {
        Relation::between(self.price, self.value)
    }

    /// `price > average` (strictly).
    pub fn is_above(&self) -> bool {
        self.price > self.value
    }

    /// `price < average` (strictly).
    pub fn is_below(&self) -> bool {
        self.price < self.value
    }

    /// Distance of the price from the average in percent, `100·(price/average − 1)`:
    /// positive above, negative below. `None` when the average is 0 or the ratio overflows.
    /// Meaningful for positive prices.
    pub fn distance_percent(&self) -> Option<T> {
        if self.value == T::zero() {
            return None;
        }
        let distance = lit::<T>(100.0) * (self.price / self.value - T::one());
        distance.is_finite().then_some(distance)
    }
}

/// The output of [`MaPosition`]: the price and its position against each configured
/// average, in the order given at construction.
///
/// `Copy` and allocation-free: the averages live in fixed arrays of [`MAX_AVERAGES`] slots.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MaPositionReading<T: Real = f64> {
    price: T,
    layout: Layout,
    /// Bit `i` set: average `i` has a value.
    ready: u8,
    /// The averages' values, zero where not ready.
    values: [T; MAX_AVERAGES],
}

impl<T: Real> MaPositionReading<T> {
    /// A reading of `price` with no average ready yet.
    #[inline]
    fn empty(price: T, layout: Layout) -> Self {
        Self {
            price,
            layout,
            ready: 0,
            values: [T::zero(); MAX_AVERAGES],
        }
    }

    /// Records the value of average `index` (nothing for `None`).
    #[inline]
    fn set(&mut self, index: usize, value: Option<T>) {
        if let (Some(value), Some(slot)) = (value, self.values.get_mut(index)) {
            *slot = value;
            self.ready |= 1 << index;
        }
    }

    /// The reading if at least one average has a value.
    #[inline]
    fn if_any(self) -> Option<Self> {
        (self.ready != 0).then_some(self)
    }

    /// The price (the last committed or previewed input).
    pub fn price(&self) -> T {
        self.price
    }

    /// One item per configured average, in construction order: `None` while that average
    /// warms up.
    pub fn averages(&self) -> impl ExactSizeIterator<Item = Option<KeyAverage<T>>> + '_ {
        (0..self.layout.len()).map(|index| self.get(index))
    }

    /// The `index`-th configured average, if it exists and has a value.
    #[inline]
    pub fn get(&self, index: usize) -> Option<KeyAverage<T>> {
        let ready = index < self.layout.len() && (self.ready >> index) & 1 == 1;
        Some(KeyAverage {
            kind: self.layout.kind(index),
            period: self.layout.period(index).filter(|_| ready)?,
            value: self.values.get(index).copied()?,
            price: self.price,
        })
    }

    /// The average of this kind and period, if configured and ready.
    pub fn find(&self, kind: MaKind, period: usize) -> Option<KeyAverage<T>> {
        (0..self.layout.len())
            .find(|&index| {
                self.layout.kind(index) == kind && self.layout.period(index) == Some(period)
            })
            .and_then(|index| self.get(index))
    }

    /// `true` once every configured average has a value.
    #[inline]
    pub fn is_complete(&self) -> bool {
        u32::from(self.ready) + 1 == 1 << self.layout.count
    }

    fn values(&self) -> impl Iterator<Item = T> + '_ {
        self.values.iter().copied().take(self.layout.len())
    }

    /// "Above all key moving averages": the price is strictly above every configured
    /// average. `None` until all of them have a value (until the 200th bar for SMA 200).
    #[inline]
    pub fn above_all(&self) -> Option<bool> {
        self.is_complete()
            .then(|| self.values().all(|average| self.price > average))
    }

    /// The price is strictly below every configured average; `None` until all are ready.
    #[inline]
    pub fn below_all(&self) -> Option<bool> {
        self.is_complete()
            .then(|| self.values().all(|average| self.price < average))
    }
}

/// Position of the price against a set of key moving averages: above or below each, by how
/// many percent, and whether it is above all of them.
///
/// # Formula
///
/// For each configured average `MA_n` (SMA or EMA, up to [`MAX_AVERAGES`]):
/// - above ⇔ `C_t > MA_n(t)`, below ⇔ `C_t < MA_n(t)` (equal is neither);
/// - distance = `100·(C_t/MA_n(t) − 1)` percent;
/// - above all ⇔ above every configured average; undefined (`None`) until the slowest one
///   has a value.
///
/// # Output
///
/// A [`MaPositionReading`], from the bar on which the *fastest* average gets its first value
/// (the others read `None` until theirs). Update cost is one update per average plus a
/// fixed-size copy; nothing is allocated after construction.
///
/// # Parameters
///
/// 1 to [`MAX_AVERAGES`] distinct `(kind, period)` pairs, periods in `1..=100000`:
/// [`MaPosition::sma`], [`MaPosition::ema`], [`MaPosition::new`] for a mix (10/21 EMAs with
/// 50/200 SMAs), [`MaPosition::key_averages`] for the usual SMA 20, 50 and 200.
///
/// # Example
///
/// ```
/// use ta_stream::signal::{MaKind, MaPosition};
/// use ta_stream::Indicator;
///
/// let mut position = MaPosition::sma(&[2, 4])?;
/// position.batch(&[10.0, 11.0, 12.0]);
/// let reading = position.update(14.0).unwrap(); // SMA 2 = 13, SMA 4 = 11.75
/// let sma2 = reading.find(MaKind::Sma, 2).unwrap();
/// assert!(sma2.is_above());
/// assert_eq!(sma2.distance_percent(), Some(100.0 * (14.0 / 13.0 - 1.0)));
/// assert_eq!(reading.above_all(), Some(true));
/// assert_eq!(position.to_string(), "MA_POSITION(SMA(2), SMA(4))");
///
/// let key = MaPosition::key_averages()?; // SMA 20, 50, 200
/// assert_eq!(key.warmup_period(), 20);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// The 20/50/200-day averages of trend analysis (price above or below each, and above all).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MaPositionState<T>")
)]
pub struct MaPosition<T: Real = f64> {
    /// 1..=MAX_AVERAGES distinct averages, allocated once at construction.
    averages: Vec<Average<T>>,
    /// The last committed input (`None` before the first).
    price: Option<T>,
    /// Kinds and periods of `averages`, derived from them.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    layout: Layout,
}

/// Checks the list of averages: 1..=MAX_AVERAGES, valid periods, no duplicates.
fn check_averages(name: &'static str, averages: &[(MaKind, usize)]) -> Result<(), Error> {
    let invalid = |expected: &'static str| Error::InvalidParameter {
        name,
        value: format!("{averages:?}"),
        expected,
    };
    if averages.is_empty() || averages.len() > MAX_AVERAGES {
        return Err(invalid("1 to 8 moving averages"));
    }
    for &(_, period) in averages {
        check_period(name, period)?;
    }
    let distinct = averages.iter().enumerate().all(|(index, average)| {
        !averages
            .iter()
            .skip(index + 1)
            .any(|other| other == average)
    });
    if distinct {
        Ok(())
    } else {
        Err(invalid("distinct moving averages"))
    }
}

impl MaPosition {
    /// Position against the given mix of averages, in this order.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `averages` unless there are 1 to 8 distinct pairs
    /// with periods in `1..=100000`.
    pub fn new(averages: &[(MaKind, usize)]) -> Result<Self, Error> {
        Self::new_generic(averages)
    }

    /// Position against SMAs of the given periods.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `periods` unless there are 1 to 8 distinct periods
    /// in `1..=100000`.
    pub fn sma(periods: &[usize]) -> Result<Self, Error> {
        Self::sma_generic(periods)
    }

    /// Position against TA-Lib-seeded EMAs of the given periods.
    ///
    /// # Errors
    /// As [`MaPosition::sma`].
    pub fn ema(periods: &[usize]) -> Result<Self, Error> {
        Self::ema_generic(periods)
    }

    /// The usual key averages: SMA 20, 50 and 200.
    ///
    /// # Errors
    /// None in practice (the periods are valid); fallible like every constructor built on
    /// [`Sma::new`].
    pub fn key_averages() -> Result<Self, Error> {
        Self::key_averages_generic()
    }
}

impl<T: Real> MaPosition<T> {
    /// [`MaPosition::new`] in any precision `T` (`f32`, or generic code): `MaPosition::<f32>::new_generic(&[(MaKind::Sma, 50)])`.
    pub fn new_generic(averages: &[(MaKind, usize)]) -> Result<Self, Error> {
        Self::build("averages", averages)
    }

    /// [`MaPosition::sma`] in any precision `T` (`f32`, or generic code): `MaPosition::<f32>::sma_generic(&[50, 200])`.
    pub fn sma_generic(periods: &[usize]) -> Result<Self, Error> {
        Self::of_kind(MaKind::Sma, periods)
    }

    /// [`MaPosition::ema`] in any precision `T` (`f32`, or generic code): `MaPosition::<f32>::ema_generic(&[50, 200])`.
    pub fn ema_generic(periods: &[usize]) -> Result<Self, Error> {
        Self::of_kind(MaKind::Ema, periods)
    }

    /// [`MaPosition::key_averages`] in any precision `T` (`f32`, or generic code): `MaPosition::<f32>::key_averages_generic()`.
    pub fn key_averages_generic() -> Result<Self, Error> {
        Self::sma_generic(&[20, 50, 200])
    }

    fn of_kind(kind: MaKind, periods: &[usize]) -> Result<Self, Error> {
        let mut pairs = [(kind, 0); MAX_AVERAGES];
        if periods.len() > MAX_AVERAGES {
            return Err(Error::InvalidParameter {
                name: "periods",
                value: format!("{periods:?}"),
                expected: "1 to 8 moving averages",
            });
        }
        for (pair, &period) in pairs.iter_mut().zip(periods) {
            pair.1 = period;
        }
        let pairs = pairs.get(..periods.len()).unwrap_or_default();
        check_averages("periods", pairs).map_err(|error| match error {
            Error::InvalidParameter { name, expected, .. } => Error::InvalidParameter {
                name,
                value: format!("{periods:?}"),
                expected,
            },
            other => other,
        })?;
        Self::build("periods", pairs)
    }

    fn build(name: &'static str, averages: &[(MaKind, usize)]) -> Result<Self, Error> {
        check_averages(name, averages)?;
        let averages = averages
            .iter()
            .map(|&(kind, period)| Average::new(kind, period))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Self {
            layout: Layout::of(&averages),
            averages,
            price: None,
        })
    }

    /// The configured averages as `(kind, period)`, in order.
    pub fn averages(&self) -> impl ExactSizeIterator<Item = (MaKind, usize)> + '_ {
        self.averages
            .iter()
            .map(|average| (average.kind(), average.period()))
    }
}

impl<T: Real> Indicator for MaPosition<T> {
    type Input = T;
    type Output = MaPositionReading<T>;

    #[inline]
    fn update(&mut self, x: T) -> Option<MaPositionReading<T>> {
        if !x.is_usable() {
            return self.value();
        }
        self.price = Some(x);
        let mut reading = MaPositionReading::empty(x, self.layout);
        for (index, average) in self.averages.iter_mut().enumerate() {
            reading.set(index, average.update(x));
        }
        reading.if_any()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<MaPositionReading<T>> {
        if !x.is_usable() {
            return self.value();
        }
        let mut reading = MaPositionReading::empty(x, self.layout);
        for (index, average) in self.averages.iter().enumerate() {
            reading.set(index, average.peek(x));
        }
        reading.if_any()
    }

    #[inline]
    fn value(&self) -> Option<MaPositionReading<T>> {
        let mut reading = MaPositionReading::empty(self.price?, self.layout);
        for (index, average) in self.averages.iter().enumerate() {
            reading.set(index, average.value());
        }
        reading.if_any()
    }

    fn reset(&mut self) {
        self.price = None;
        for average in &mut self.averages {
            average.reset();
        }
    }

    fn warmup_period(&self) -> usize {
        self.averages
            .iter()
            .map(Average::warmup_period)
            .min()
            .unwrap_or(1)
    }
}

impl<T: Real> fmt::Display for MaPosition<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MA_POSITION(")?;
        for (index, average) in self.averages.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            average.fmt(f)?;
        }
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MaPositionState<T: Real> {
    averages: Vec<Average<T>>,
    price: Option<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MaPositionState<T>> for MaPosition<T> {
    type Error = Error;

    /// Checks the configuration like the constructors, then that the averages are in step:
    /// they have seen the same prices, so one that needs more inputs is never ready before
    /// one that needs fewer, and any value implies a remembered price.
    fn try_from(state: MaPositionState<T>) -> Result<Self, Error> {
        let mut pairs = [(MaKind::Sma, 0); MAX_AVERAGES];
        if state.averages.len() > MAX_AVERAGES {
            return Err(crate::error::invalid_state(format!(
                "MA position follows {} averages, at most {MAX_AVERAGES} are allowed",
                state.averages.len()
            )));
        }
        for (pair, average) in pairs.iter_mut().zip(&state.averages) {
            *pair = (average.kind(), average.period());
        }
        check_averages(
            "averages",
            pairs.get(..state.averages.len()).unwrap_or_default(),
        )?;
        let seeds_ok = state.averages.iter().all(|average| match average {
            Average::Sma(_) => true,
            Average::Ema(ema) => ema.seed() == crate::average::Seed::Sma,
        });
        let in_step = state.averages.iter().all(|slower| {
            slower.value().is_none()
                || state.averages.iter().all(|faster| {
                    faster.warmup_period() > slower.warmup_period() || faster.value().is_some()
                })
        });
        let any_ready = state
            .averages
            .iter()
            .any(|average| average.value().is_some());
        let price_ok = match state.price {
            Some(price) => price.is_usable(),
            None => !any_ready,
        };
        if !(seeds_ok && in_step && price_ok) {
            return Err(crate::error::invalid_state(
                "MA position: averages out of step, an EMA not seeded like TA-Lib, or no price",
            ));
        }
        Ok(Self {
            layout: Layout::of(&state.averages),
            averages: state.averages,
            price: state.price,
        })
    }
}

#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([T: Real] KeyAverage<T>, T;
    tolerant: value, price; exact: kind, period);
#[cfg(feature = "approx")]
crate::approx_eq::approx_fields!([T: Real] MaPositionReading<T>, T;
    tolerant: price, values; exact: layout, ready);

#[cfg(all(test, feature = "approx"))]
mod approx_tests {
    use super::*;
    use crate::approx_eq::check_fields;

    #[test]
    fn key_average_compares_every_field() {
        let base = KeyAverage {
            kind: MaKind::Sma,
            period: 50,
            value: 101.5,
            price: 99.25,
        };
        check_fields(
            &base,
            &[|v| &mut v.value, |v| &mut v.price],
            &[|v| v.kind = MaKind::Ema, |v| v.period = 200],
        );
    }

    #[test]
    fn ma_position_reading_compares_every_field() {
        let layout = Layout {
            count: 2,
            emas: 0b10,
            periods: [50, 200, 0, 0, 0, 0, 0, 0],
        };
        let mut base = MaPositionReading::empty(100.5, layout);
        base.ready = 0b11;
        base.values = [101.0, 97.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let mut tolerant: Vec<fn(&mut MaPositionReading<f64>) -> &mut f64> = vec![
            |v| &mut v.price,
            |v| &mut v.values[0],
            |v| &mut v.values[1],
            |v| &mut v.values[2],
            |v| &mut v.values[3],
            |v| &mut v.values[4],
            |v| &mut v.values[5],
            |v| &mut v.values[6],
        ];
        tolerant.push(|v| &mut v.values[7]);
        check_fields(
            &base,
            &tolerant,
            &[
                |v| v.ready = 0b01,
                |v| v.layout.count = 3,
                |v| v.layout.emas = 0b01,
                |v| v.layout.periods[1] = 100,
            ],
        );
    }
}
