//! The [`Indicator`] trait every indicator implements, and the iterator adapter.

use crate::{Error, Real};

/// An input an indicator checks before accepting it.
///
/// A number is usable when it is `0` or its magnitude lies between [`Real::min_input`] and
/// [`Real::max_input`] (`1e-150..=1e150` for `f64`): never NaN or ±∞. Composite inputs (pairs of prices, bars) are usable when all their numbers are.
pub trait CheckedInput: Copy {
    /// `true` when the input may enter an indicator's state.
    fn is_usable(&self) -> bool;
}

impl CheckedInput for f64 {
    /// A range test on the bits: with the sign shifted out, non-negative floats order as
    /// their bit patterns, so `0` or `1e-150..=1e150` is two integer comparisons and no
    /// branch (the same answer as comparing the magnitude with the bounds).
    #[inline]
    fn is_usable(&self) -> bool {
        const LEAST: u64 = 1e-150_f64.to_bits() << 1;
        const MOST: u64 = 1e150_f64.to_bits() << 1;
        let magnitude = self.to_bits() << 1;
        (magnitude.wrapping_sub(LEAST) <= MOST - LEAST) | (magnitude == 0)
    }
}

impl CheckedInput for f32 {
    /// The bit test of `f64`'s, for `0` or `1e-15..=1e15`.
    #[inline]
    fn is_usable(&self) -> bool {
        const LEAST: u32 = 1e-15_f32.to_bits() << 1;
        const MOST: u32 = 1e15_f32.to_bits() << 1;
        let magnitude = self.to_bits() << 1;
        (magnitude.wrapping_sub(LEAST) <= MOST - LEAST) | (magnitude == 0)
    }
}

impl<T: Real> CheckedInput for (T, T) {
    /// Both numbers checked side by side, without a branch (see `float::all_usable`).
    #[inline]
    fn is_usable(&self) -> bool {
        crate::float::all_usable([self.0, self.1])
    }
}

/// A streaming indicator: a small state machine fed one input at a time.
///
/// Every update is O(1) amortized, allocates nothing (all memory is reserved at
/// construction), and returns the current output, or `None` while the indicator is still
/// warming up.
///
/// # Unusable inputs
///
/// A NaN, an infinity or a magnitude outside the usable range (see [`Real`]: `0` or
/// `1e-150..=1e150` for `f64`) never enters the state, nor does an input with which a
/// particular indicator cannot compute a finite result (each such indicator documents which,
/// e.g. a non-positive price for a ratio):
/// - [`update`](Indicator::update) and [`peek`](Indicator::peek) **ignore** it: the state is
///   left exactly as it was and they return [`value`](Indicator::value), the last committed
///   output (so a stream with a missing print keeps its last reading), **without its events**:
///   an event (a cross, a zone entry, a regime change) belongs to the bar that caused it, so an
///   ignored input never repeats one;
/// - [`try_update`](Indicator::try_update) **rejects** it with [`Error::InvalidInput`], for
///   callers that want to know.
///
/// # Outputs
///
/// Every `Some` output is finite and inside its documented bounds (RSI in `0..=100`, ...)
/// for every sequence of accepted inputs, and every state reached that way serializes and
/// loads back identically (with the `serde` feature).
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
///
/// [`peek`](Indicator::peek), [`value`](Indicator::value) and
/// [`is_ready`](Indicator::is_ready) are `#[must_use]`: discarding their result does nothing,
/// so the compiler warns.
///
/// ```compile_fail
/// #![deny(unused_must_use)]
/// use ta_stream::{average::Sma, Indicator};
///
/// let sma = Sma::new(3)?;
/// sma.peek(1.0); // warning: unused return value of `peek` that must be used
/// # Ok::<(), ta_stream::Error>(())
/// ```
pub trait Indicator {
    /// What one update consumes: a price, a bar, a pair of prices.
    type Input: CheckedInput;
    /// What the indicator produces once warmed up.
    type Output: Copy;

    /// Feeds the next input and returns the new output (`None` while warming up).
    fn update(&mut self, input: Self::Input) -> Option<Self::Output>;

    /// What [`update`](Indicator::update) would return for `input`, without committing it:
    /// the value of a bar that is still forming. O(1) like `update`; the state is unchanged,
    /// so discarding the result is a bug (`#[must_use]`).
    #[must_use = "peek changes nothing: use `update` to commit the input"]
    fn peek(&self, input: Self::Input) -> Option<Self::Output>;

    /// The output of the last committed update (`None` while warming up).
    #[must_use]
    fn value(&self) -> Option<Self::Output>;

    /// Returns to the freshly constructed state; parameters are kept.
    fn reset(&mut self);

    /// Number of inputs up to and including the one that produces the first `Some` output
    /// (TA-Lib's lookback + 1).
    fn warmup_period(&self) -> usize;

    /// `true` once the indicator produces outputs.
    #[must_use]
    fn is_ready(&self) -> bool {
        self.value().is_some()
    }

    /// Like [`update`](Indicator::update), but an unusable input is an error instead of
    /// being ignored. The state is unchanged on error.
    fn try_update(&mut self, input: Self::Input) -> Result<Option<Self::Output>, Error> {
        if input.is_usable() {
            Ok(self.update(input))
        } else {
            Err(Error::InvalidInput)
        }
    }

    /// Runs [`update`](Indicator::update) over a slice and collects one output per input.
    /// Bit-identical to calling `update` in a loop, with the same final state. It allocates
    /// the result, an `Option` per value. Most indicators with a slice path of their own
    /// (SMA, EMA, RSI, WMA, MAX, STDDEV, ATR, OBV, ...) and a few others run it through
    /// [`update_slice`](Indicator::update_slice), a chunk of inputs at a time into a buffer
    /// on the stack, NaN read as `None` (every `Some` they give is finite): 1.1 to 3 times
    /// faster than collecting `update`'s outputs one by one (RSI(14): 1.9 ns an input
    /// against 6.0), which the others do. `update_slice` itself, into a slice you provide,
    /// is the fastest path for whole histories.
    fn batch(&mut self, inputs: &[Self::Input]) -> Vec<Option<Self::Output>> {
        inputs.iter().map(|&input| self.update(input)).collect()
    }

    /// The slice path, TA-Lib style: runs [`update`](Indicator::update) over `inputs` and
    /// writes one output per input into the caller's `out`, NaN where `update` returns
    /// `None` (warm-up). Bit-identical to calling `update` in a loop, allocates nothing, and
    /// is the fast way to run a whole history: [`batch`](Indicator::batch) returns an
    /// `Option` per value (twice the memory). An unusable input is ignored as `update`
    /// ignores it, so its slot repeats the last output (NaN while warming up). For
    /// indicators with a number as output; those with several outputs run over columns with
    /// [`DynIndicator::run_columns`](crate::catalog::DynIndicator::run_columns), the most used
    /// also with typed column paths
    /// ([`Bollinger::bands_into`](crate::volatility::Bollinger::bands_into),
    /// [`Macd::lines_into`](crate::momentum::Macd::lines_into),
    /// [`Stochastic::lines_into`](crate::momentum::Stochastic::lines_into)). Bar indicators
    /// also run over high, low and close columns, as TA-Lib's functions read them
    /// ([`WilliamsR::hlc_into`](crate::momentum::WilliamsR::hlc_into),
    /// [`Atr::hlc_into`](crate::volatility::Atr::hlc_into),
    /// [`Stochastic::hlc_lines_into`](crate::momentum::Stochastic::hlc_lines_into), ...).
    ///
    /// ```
    /// use ta_stream::{average::Sma, Indicator};
    ///
    /// let closes = [1.0, 2.0, 3.0, f64::NAN, 5.0];
    /// let mut sma = [0.0; 5];
    /// Sma::new(2)?.update_slice(&closes, &mut sma)?;
    /// assert!(sma[0].is_nan());
    /// assert_eq!(sma[1..], [1.5, 2.5, 2.5, 4.0]); // the NaN is ignored
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `out`) when `out` and `inputs` differ in length;
    /// nothing is consumed then.
    fn update_slice(
        &mut self,
        inputs: &[Self::Input],
        out: &mut [Self::Output],
    ) -> Result<(), Error>
    where
        Self::Output: crate::Real,
    {
        crate::slice::update_slice(self, inputs, out)
    }

    /// Feeds every input of a history (a slice, a `Vec`, any iterator) and returns the last
    /// output: warms an indicator up without allocating (unlike `batch(..).last()`).
    /// Bit-identical to calling [`update`](Indicator::update) in a loop (it is that loop);
    /// an unusable input is ignored as `update` ignores it. `None` for an empty history or
    /// while still warming up.
    ///
    /// ```
    /// use ta_stream::{momentum::Rsi, Indicator};
    ///
    /// let history = [44.3, 44.1, 44.2, 43.6, 44.3, 44.8, 45.1, 45.4, 45.8, 46.1];
    /// let mut rsi = Rsi::new(5)?;
    /// let last = rsi.warm_up(history);
    /// assert!(rsi.is_ready());
    /// assert_eq!(last, rsi.value());
    /// // then stream live inputs as usual
    /// let live = rsi.update(46.3);
    /// assert!(live.is_some());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    fn warm_up<I>(&mut self, inputs: I) -> Option<Self::Output>
    where
        I: IntoIterator<Item = Self::Input>,
        Self: Sized,
    {
        let mut last = None;
        for input in inputs {
            last = self.update(input);
        }
        last
    }
}

/// A boxed indicator is an indicator, so a `Box<dyn Indicator<...>>` works wherever one is
/// expected, e.g. the averages of a [`MaCross`](crate::signal::MaCross):
///
/// ```
/// use ta_stream::average::{Ema, Sma};
/// use ta_stream::signal::MaCross;
/// use ta_stream::Indicator;
///
/// type Average = Box<dyn Indicator<Input = f64, Output = f64>>;
/// let fast: Average = Box::new(Ema::new(3)?);
/// let slow: Average = Box::new(Sma::new(5)?);
/// let mut cross = MaCross::with_averages(fast, slow);
/// cross.batch(&[5.0, 4.0, 3.0, 2.0, 1.0, 2.0, 4.0, 6.0]);
/// assert_eq!(cross.warmup_period(), 6);
/// # Ok::<(), ta_stream::Error>(())
/// ```
impl<I: Indicator + ?Sized> Indicator for Box<I> {
    type Input = I::Input;
    type Output = I::Output;

    #[inline]
    fn update(&mut self, input: Self::Input) -> Option<Self::Output> {
        (**self).update(input)
    }

    #[inline]
    fn peek(&self, input: Self::Input) -> Option<Self::Output> {
        (**self).peek(input)
    }

    fn value(&self) -> Option<Self::Output> {
        (**self).value()
    }

    fn reset(&mut self) {
        (**self).reset();
    }

    fn warmup_period(&self) -> usize {
        (**self).warmup_period()
    }

    fn is_ready(&self) -> bool {
        (**self).is_ready()
    }

    fn try_update(&mut self, input: Self::Input) -> Result<Option<Self::Output>, Error> {
        (**self).try_update(input)
    }

    fn update_slice(
        &mut self,
        inputs: &[Self::Input],
        out: &mut [Self::Output],
    ) -> Result<(), Error>
    where
        Self::Output: crate::Real,
    {
        (**self).update_slice(inputs, out)
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
