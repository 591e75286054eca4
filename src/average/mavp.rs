use core::fmt;

use crate::float::from_usize;
use crate::{Error, Indicator, Real, MAX_PERIOD};

/// Most averages a [`Mavp`] keeps (`maxperiod − minperiod + 1`).
const MAX_AVERAGES: usize = 1000;

/// Moving average with a variable period: each input comes with the period to average it
/// over, and the output is that period's average at that input.
///
/// # Formula
///
/// With the period `p_t` clamped to `minperiod..=maxperiod` (and truncated toward zero, as
/// TA-Lib does), `MAVP_t = MA_{p_t}(x)_t`, where `MA_p` is the average `M` of period `p`.
/// Like TA-Lib, every period's average starts where the longest one does: each is fed from
/// the input at which its own warm-up ends together with the longest's, so the first output
/// comes after the longest warm-up (`maxperiod` inputs for an SMA) and recursive averages
/// (EMA, KAMA...) are seeded exactly as TA-Lib seeds them.
///
/// # Cost
///
/// One average per period in `minperiod..=maxperiod`, all updated on every input: an update
/// costs `maxperiod − minperiod + 1` updates of `M` (29 for TA-Lib's defaults 2..=30), and the
/// memory is the sum of their windows (O(`maxperiod²`) for window averages). At most 1000
/// periods. [`peek`](Indicator::peek) costs one `peek` of the selected average.
///
/// # Inputs
///
/// `(value, period)`, both usable (see [`Real`]); any usable period is accepted and clamped.
///
/// # Parameters
///
/// `minperiod`: `2..=100000` (TA-Lib's default 2); `maxperiod`: `minperiod..=100000` and at
/// most `minperiod + 999` (TA-Lib's default 30); the average `M`, built for each period by the
/// function given (TA-Lib's `matype`, default SMA).
///
/// # Example
///
/// ```
/// use ta_stream::{average::{Mavp, Sma}, Indicator};
///
/// let mut mavp = Mavp::new(2, 3, Sma::new)?;
/// let inputs = [(1.0, 2.0), (2.0, 3.0), (3.0, 2.0), (4.0, 3.0), (5.0, 9.0), (6.0, 0.0)];
/// // SMA(2) of 2, 3; SMA(3) of 2, 3, 4; SMA(3) (9 clamped to 3); SMA(2) (0 clamped to 2).
/// assert_eq!(mavp.batch(&inputs), [None, None, Some(2.5), Some(3.0), Some(4.0), Some(5.5)]);
/// assert_eq!(mavp.to_string(), "MAVP(2, 3, SMA)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `MAVP` (with every `matype`; the catalog builds MAMA's line for 7); matches it at every index.
#[doc(alias = "MAVP")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(
        try_from = "MavpState<M>",
        bound(
            serialize = "M: serde::Serialize",
            deserialize = "M: serde::Deserialize<'de> + Clone + Indicator<Output = <M as Indicator>::Input>, \
                           <M as Indicator>::Input: Real"
        )
    )
)]
pub struct Mavp<M> {
    min_period: usize,
    max_period: usize,
    /// The averages of periods `min_period..=max_period`.
    averages: Vec<M>,
    /// Inputs consumed, saturating at the longest warm-up.
    count: usize,
    /// The index in `averages` of the last input's period.
    selected: usize,
    /// Per average, the inputs skipped before it is fed (derived from the warm-ups).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    skips: Vec<usize>,
    /// The longest warm-up (derived).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    longest: usize,
}

impl<M, T> Mavp<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    /// A variable-period average over `min_period..=max_period`, `build(p)` making the
    /// average of period `p` (`Sma::new`, `Ema::new`, ...).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `min_period` is in `2..=100000` and `max_period` in
    /// `min_period..=100000` and at most `min_period + 999`; any error of `build`.
    pub fn new(
        min_period: usize,
        max_period: usize,
        build: impl FnMut(usize) -> Result<M, Error>,
    ) -> Result<Self, Error> {
        Self::check(min_period, max_period)?;
        let averages = (min_period..=max_period)
            .map(build)
            .collect::<Result<Vec<M>, Error>>()?;
        Ok(Self::with_averages(min_period, max_period, averages, 0, 0))
    }

    fn check(min_period: usize, max_period: usize) -> Result<(), Error> {
        if !(2..=MAX_PERIOD).contains(&min_period) {
            return Err(Error::InvalidParameter {
                name: "minperiod",
                value: min_period.to_string(),
                expected: "2..=100000",
            });
        }
        if max_period < min_period
            || max_period > MAX_PERIOD
            || max_period - min_period >= MAX_AVERAGES
        {
            return Err(Error::InvalidParameter {
                name: "maxperiod",
                value: max_period.to_string(),
                expected: "minperiod..=100000, at most minperiod + 999",
            });
        }
        Ok(())
    }

    fn with_averages(
        min_period: usize,
        max_period: usize,
        averages: Vec<M>,
        count: usize,
        selected: usize,
    ) -> Self {
        let longest = averages.iter().map(M::warmup_period).max().unwrap_or(1);
        let skips = averages
            .iter()
            .map(|average| longest.saturating_sub(average.warmup_period()))
            .collect();
        Self {
            min_period,
            max_period,
            averages,
            count,
            selected,
            skips,
            longest,
        }
    }

    /// One average per period, each ready exactly when the inputs it was fed make it so.
    #[cfg(feature = "serde")]
    fn consistent(&self) -> bool
    where
        M: Indicator,
    {
        let shape_ok = self.averages.len() == self.max_period - self.min_period + 1
            && self.selected < self.averages.len()
            && self.count <= self.longest;
        shape_ok
            && self
                .averages
                .iter()
                .zip(&self.skips)
                .all(|(average, skip)| {
                    let fed = self.count.saturating_sub(*skip);
                    average.is_ready() == (fed >= average.warmup_period())
                })
    }

    /// The shortest period, `minperiod`.
    pub fn min_period(&self) -> usize {
        self.min_period
    }

    /// The longest period, `maxperiod`.
    pub fn max_period(&self) -> usize {
        self.max_period
    }

    /// The index of the average for `period`, clamped and truncated.
    #[inline]
    fn index_of(&self, period: T) -> usize {
        let chosen = if period <= from_usize(self.min_period) {
            self.min_period
        } else if period >= from_usize(self.max_period) {
            self.max_period
        } else {
            period.to_usize().unwrap_or(self.min_period)
        };
        chosen - self.min_period
    }
}

impl<M, T> Indicator for Mavp<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    type Input = (T, T);
    type Output = T;

    #[inline]
    fn update(&mut self, (x, period): (T, T)) -> Option<T> {
        if !(x.is_usable() && period.is_usable()) {
            return self.value();
        }
        for (average, &skip) in self.averages.iter_mut().zip(&self.skips) {
            if self.count >= skip {
                average.update(x);
            }
        }
        self.count = (self.count + 1).min(self.longest);
        self.selected = self.index_of(period);
        self.value()
    }

    #[inline]
    fn peek(&self, (x, period): (T, T)) -> Option<T> {
        if !(x.is_usable() && period.is_usable()) {
            return self.value();
        }
        if self.count + 1 < self.longest {
            return None;
        }
        self.averages.get(self.index_of(period))?.peek(x)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        if self.count < self.longest {
            return None;
        }
        self.averages.get(self.selected)?.value()
    }

    fn reset(&mut self) {
        self.averages.iter_mut().for_each(M::reset);
        self.count = 0;
        self.selected = 0;
    }

    fn warmup_period(&self) -> usize {
        self.longest
    }
}

impl<M: fmt::Display> fmt::Display for Mavp<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.averages.first().map(ToString::to_string);
        let kind = name
            .as_deref()
            .and_then(|name| name.split('(').next())
            .unwrap_or("");
        write!(f, "MAVP({}, {}, {kind})", self.min_period, self.max_period)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MavpState<M> {
    min_period: usize,
    max_period: usize,
    averages: Vec<M>,
    count: usize,
    selected: usize,
}

#[cfg(feature = "serde")]
impl<M> TryFrom<MavpState<M>> for Mavp<M>
where
    M: Indicator<Output = <M as Indicator>::Input> + Clone,
    M::Input: Real,
{
    type Error = Error;

    fn try_from(state: MavpState<M>) -> Result<Self, Error> {
        Self::check(state.min_period, state.max_period)?;
        let mavp = Self::with_averages(
            state.min_period,
            state.max_period,
            state.averages,
            state.count,
            state.selected,
        );
        if !mavp.consistent() {
            return Err(crate::error::invalid_state(
                "MAVP averages do not match its periods or the inputs it consumed",
            ));
        }
        // Averages whose own progress disagrees with the inputs counted can look consistent
        // now and break it later in the warm-up: replay the rest of the warm-up on a copy
        // (at most `longest − count` updates) and refuse the state if any step breaks it.
        // Once every average is ready, it stays ready.
        let mut probe = mavp.clone();
        while probe.count < probe.longest {
            let period = crate::float::from_usize::<M::Input>(probe.min_period);
            probe.update((period, period)); // a usable value: the period itself
            if !probe.consistent() {
                return Err(crate::error::invalid_state(
                    "MAVP averages would not stay in step with the inputs it consumed",
                ));
            }
        }
        Ok(mavp)
    }
}
