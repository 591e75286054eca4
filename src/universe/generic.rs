use core::fmt;

use super::check_series;
use crate::slice::check_lengths;
use crate::{Error, Indicator, Real};

/// Any indicator over many series at once, with the API of the structure-of-arrays
/// universes ([`SmaUniverse`](super::SmaUniverse), ...): one instance per series, updated in
/// a loop.
///
/// For an indicator that has a structure-of-arrays universe, prefer that one (it is several
/// times faster); this type serves every other indicator, including those whose input is a
/// candle or a pair.
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::universe::Universe;
/// use ta_stream::volatility::Atr;
///
/// let mut atr = Universe::new(2, Atr::new(2)?)?;
/// let bar = |close: f64| Candle::new(close, close + 1.0, close - 1.0, close, 0.0);
/// let mut out = [0.0; 2];
/// for (a, b) in [(10.0, 20.0), (11.0, 20.0), (12.0, 21.0)] {
///     atr.update(&[bar(a)?, bar(b)?], &mut out)?;
/// }
/// assert_eq!(out, [2.0, 2.0]);
/// assert_eq!(atr.value(0), Some(2.0));
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "UniverseState<I>")
)]
#[cfg_attr(
    feature = "serde",
    serde(bound(
        serialize = "I: serde::Serialize",
        deserialize = "I: serde::Deserialize<'de>"
    ))
)]
pub struct Universe<I> {
    members: Vec<I>,
}

impl<I: Indicator + Clone> Universe<I> {
    /// `series` copies of `indicator` (usually freshly constructed), one per series.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `series` is at least 1.
    pub fn new(series: usize, indicator: I) -> Result<Self, Error> {
        let series = check_series(series)?;
        Ok(Self {
            members: vec![indicator; series],
        })
    }

    /// The number of series.
    pub fn series(&self) -> usize {
        self.members.len()
    }

    /// Series `series`' indicator (`None` past the last series).
    pub fn get(&self, series: usize) -> Option<&I> {
        self.members.get(series)
    }

    /// Every series' indicator, in series order.
    pub fn members(&self) -> &[I] {
        &self.members
    }

    /// Series `series`' current output (`None` while it warms up or past the last series).
    #[must_use]
    pub fn value(&self, series: usize) -> Option<I::Output> {
        self.members.get(series)?.value()
    }

    /// Every series back to its freshly constructed state.
    pub fn reset(&mut self) {
        self.members.iter_mut().for_each(Indicator::reset);
    }

    /// Feeds one tick, `inputs[s]` to series `s`, and writes each series' output into
    /// `out[s]` (NaN while it warms up; its last value when its input is ignored).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series; nothing is consumed then.
    pub fn update(&mut self, inputs: &[I::Input], out: &mut [I::Output]) -> Result<(), Error>
    where
        I::Output: Real,
    {
        self.update_with(inputs, out, |output| {
            output.unwrap_or_else(<I::Output as num_traits::Float>::nan)
        })
    }

    /// Like [`update`](Self::update) for any output type (a struct, an event): writes
    /// `write(output)` into each slot.
    ///
    /// ```
    /// use ta_stream::momentum::{Macd, MacdOutput};
    /// use ta_stream::universe::Universe;
    ///
    /// let mut macd = Universe::new(2, Macd::new(2, 3, 2)?)?;
    /// let mut out: [Option<MacdOutput>; 2] = [None; 2];
    /// for tick in [[10.0, 5.0], [11.0, 5.0], [12.0, 5.0], [11.0, 5.0]] {
    ///     macd.update_with(&tick, &mut out, |output| output)?;
    /// }
    /// assert_eq!(out[1].map(|m| m.macd), Some(0.0));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`update`](Self::update).
    pub fn update_with<O>(
        &mut self,
        inputs: &[I::Input],
        out: &mut [O],
        mut write: impl FnMut(Option<I::Output>) -> O,
    ) -> Result<(), Error> {
        check_lengths("inputs", self.members.len(), inputs.len())?;
        check_lengths("out", self.members.len(), out.len())?;
        for ((member, &x), slot) in self.members.iter_mut().zip(inputs).zip(out) {
            *slot = write(member.update(x));
        }
        Ok(())
    }

    /// Writes into `out` what [`update`](Self::update) would, without committing anything.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series.
    pub fn peek(&self, inputs: &[I::Input], out: &mut [I::Output]) -> Result<(), Error>
    where
        I::Output: Real,
    {
        check_lengths("inputs", self.members.len(), inputs.len())?;
        check_lengths("out", self.members.len(), out.len())?;
        for ((member, &x), slot) in self.members.iter().zip(inputs).zip(out) {
            *slot = member
                .peek(x)
                .unwrap_or_else(<I::Output as num_traits::Float>::nan);
        }
        Ok(())
    }
}

impl<I: fmt::Display> fmt::Display for Universe<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.members.first() {
            Some(first) => write!(f, "{first} x {}", self.members.len()),
            None => write!(f, "empty universe"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UniverseState<I> {
    members: Vec<I>,
}

#[cfg(feature = "serde")]
impl<I> TryFrom<UniverseState<I>> for Universe<I> {
    type Error = Error;

    /// Each member was validated by its own deserialization; the universe needs one.
    fn try_from(state: UniverseState<I>) -> Result<Self, Error> {
        check_series(state.members.len())?;
        Ok(Self {
            members: state.members,
        })
    }
}
