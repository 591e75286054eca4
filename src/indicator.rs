//! The [`Indicator`] trait every indicator implements, and the iterator adapter.

use num_traits::Float;

use crate::Error;

/// An input an indicator can check before accepting it.
///
/// Implemented for every [`Float`] (finite means not NaN and not infinite). Composite inputs
/// (bars, pairs) are finite when all their fields are.
pub trait FiniteInput: Copy {
    /// `true` when every number in the input is finite.
    fn all_finite(&self) -> bool;
}

impl<T: Float> FiniteInput for T {
    #[inline]
    fn all_finite(&self) -> bool {
        self.is_finite()
    }
}

/// A streaming indicator: a small state machine fed one input at a time.
///
/// Every update is O(1) amortized, allocates nothing, and returns the current output, or
/// `None` while the indicator is still warming up.
///
/// # Non-finite inputs
///
/// A NaN or an infinity never enters the state:
/// - [`update`](Indicator::update) and [`peek`](Indicator::peek) **ignore** it: the state is
///   left exactly as it was and they return [`value`](Indicator::value), the last committed
///   output (so a stream with a missing print keeps its last reading);
/// - [`try_update`](Indicator::try_update) **rejects** it with [`Error::NonFiniteInput`], for
///   callers that want to know.
///
/// # Example
///
/// ```
/// use ta_stream::{average::Sma, Indicator};
///
/// let mut sma = Sma::new(3)?;
/// assert_eq!(sma.update(1.0), None); // warming up
/// assert_eq!(sma.update(2.0), None);
/// assert_eq!(sma.update(3.0), Some(2.0));
/// assert_eq!(sma.peek(6.0), Some(11.0 / 3.0)); // the forming bar, not committed
/// assert_eq!(sma.update(f64::NAN), Some(2.0)); // ignored
/// assert_eq!(sma.warmup_period(), 3);
/// # Ok::<(), ta_stream::Error>(())
/// ```
pub trait Indicator {
    /// What one update consumes: a price, a bar, a pair of prices.
    type Input: FiniteInput;
    /// What the indicator produces once warmed up.
    type Output: Copy;

    /// Feeds the next input and returns the new output (`None` while warming up).
    fn update(&mut self, input: Self::Input) -> Option<Self::Output>;

    /// What [`update`](Indicator::update) would return for `input`, without committing it:
    /// the value of a bar that is still forming. Same cost as `update`; the state is unchanged.
    fn peek(&self, input: Self::Input) -> Option<Self::Output>;

    /// The output of the last committed update (`None` while warming up).
    fn value(&self) -> Option<Self::Output>;

    /// Returns to the freshly constructed state; parameters are kept.
    fn reset(&mut self);

    /// Number of inputs consumed before the first `Some` output (TA-Lib's lookback + 1).
    fn warmup_period(&self) -> usize;

    /// `true` once the indicator produces outputs.
    fn is_ready(&self) -> bool {
        self.value().is_some()
    }

    /// Like [`update`](Indicator::update), but a non-finite input is an error instead of
    /// being ignored. The state is unchanged on error.
    fn try_update(&mut self, input: Self::Input) -> Result<Option<Self::Output>, Error> {
        if input.all_finite() {
            Ok(self.update(input))
        } else {
            Err(Error::NonFiniteInput)
        }
    }

    /// Runs [`update`](Indicator::update) over a slice and collects one output per input.
    /// Bit-identical to calling `update` in a loop (it is that loop).
    fn batch(&mut self, inputs: &[Self::Input]) -> Vec<Option<Self::Output>> {
        inputs.iter().map(|&input| self.update(input)).collect()
    }
}

/// Adds [`indicator`](IndicatorIterExt::indicator) to every iterator.
///
/// ```
/// use ta_stream::{average::Sma, IndicatorIterExt};
///
/// let closes = [1.0, 2.0, 3.0, 4.0];
/// let sma: Vec<Option<f64>> = closes.iter().copied().indicator(Sma::new(2)?).collect();
/// assert_eq!(sma, [None, Some(1.5), Some(2.5), Some(3.5)]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
pub trait IndicatorIterExt: Iterator + Sized {
    /// Feeds every item to `indicator` and yields its outputs, one per item.
    fn indicator<I>(self, indicator: I) -> Outputs<Self, I>
    where
        I: Indicator<Input = Self::Item>,
    {
        Outputs {
            inputs: self,
            indicator,
        }
    }
}

impl<It: Iterator> IndicatorIterExt for It {}

/// Iterator returned by [`IndicatorIterExt::indicator`].
#[derive(Debug, Clone)]
pub struct Outputs<It, I> {
    inputs: It,
    indicator: I,
}

impl<It, I> Outputs<It, I> {
    /// The indicator, with every input consumed so far applied.
    pub fn indicator(&self) -> &I {
        &self.indicator
    }

    /// Gives the indicator back, to keep streaming into it.
    pub fn into_indicator(self) -> I {
        self.indicator
    }
}

impl<It, I> Iterator for Outputs<It, I>
where
    It: Iterator,
    I: Indicator<Input = It::Item>,
{
    type Item = Option<I::Output>;

    fn next(&mut self) -> Option<Self::Item> {
        self.inputs.next().map(|input| self.indicator.update(input))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inputs.size_hint()
    }
}
