use core::fmt;

use crate::bar::Candle;
use crate::error::check_period;
use crate::float::{clamp, lit};
use crate::slice::CHUNK;
use crate::window::{Extremum, MonotonicDeque, RollingSum};
use crate::{CheckedInput, Error, Indicator, Real};

/// One reading of a stochastic oscillator: `%K` and its moving average `%D`, both in
/// `[0, 100]` for every candle (clamped by construction).
///
/// For [`Stochastic`] these are the slow lines (TA-Lib's `slowk`, `slowd`); for
/// [`FastStochastic`] the fast ones (`fastk`, `fastd`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StochasticOutput<T = f64> {
    /// `%K`.
    pub k: T,
    /// `%D`, the moving average of `%K`.
    pub d: T,
}

/// The raw `%K` window shared by both oscillators (and
/// [`WilliamsR`](super::WilliamsR)): highest high and lowest low of the last `n` candles.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "RangeState<T>")
)]
pub(super) struct Range<T: Real> {
    highest: MonotonicDeque<T, false>,
    lowest: MonotonicDeque<T, false>,
}

impl<T: Real> Range<T> {
    pub(super) fn new(period: usize) -> Result<Self, Error> {
        Ok(Self::with_valid_period(check_period("fast_k", period)?))
    }

    /// For periods known to be valid (constants).
    pub(super) fn with_valid_period(period: usize) -> Self {
        Self {
            highest: MonotonicDeque::with_valid_period(period, Extremum::Max),
            lowest: MonotonicDeque::with_valid_period(period, Extremum::Min),
        }
    }

    pub(super) fn period(&self) -> usize {
        self.highest.period()
    }

    /// Candles pushed so far.
    #[cfg(feature = "serde")]
    pub(super) fn pushed(&self) -> u64 {
        self.highest.pushed()
    }

    /// Pushes the candle's high and low; `(HH, LL)` of the candles seen, up to `n` (the
    /// window's once [`full`](Self::full)).
    #[inline]
    pub(super) fn push_then_extremes(&mut self, candle: &Candle<T>) -> (T, T) {
        (
            self.highest.push_then_extreme::<false>(candle.high),
            self.lowest.push_then_extreme::<true>(candle.low),
        )
    }

    /// `(HH, LL)` once `n` candles have been seen.
    #[inline]
    pub(super) fn extremes(&self) -> Option<(T, T)> {
        if !self.full() {
            return None;
        }
        Some((self.highest.extreme()?, self.lowest.extreme()?))
    }

    /// `(HH, LL)` after pushing `candle`, without pushing it.
    #[inline]
    pub(super) fn peek_extremes(&self, candle: &Candle<T>) -> Option<(T, T)> {
        if self.highest.pushed().saturating_add(1) < self.period() as u64 {
            return None;
        }
        Some((
            self.highest.peek(candle.high)?,
            self.lowest.peek(candle.low)?,
        ))
    }

    /// `100·(C − LL)/(HH − LL)`, evaluated as TA-Lib 0.8.1 does (`100·((C − LL)/(HH − LL))`,
    /// exactly 100 when the close is the window's high) and clamped to `0..=100`; 0 when the
    /// window is flat, exactly by TA-Lib's test:
    /// `|HH − LL| ≤ 1e-14·(|HH| + |LL|)` (about 90 ulps of the prices, at every scale).
    #[inline]
    pub(super) fn fast_k(highest: T, lowest: T, close: T) -> T {
        let spread = highest - lowest;
        let flat = spread.abs() <= lit::<T>(FLAT_RANGE) * (highest.abs() + lowest.abs());
        if flat {
            T::zero()
        } else {
            percent(lit::<T>(100.0) * ((close - lowest) / spread))
        }
    }

    /// Pushes the candle; `%K` once `n` candles have been seen.
    #[inline]
    pub(super) fn update(&mut self, candle: &Candle<T>) -> Option<T> {
        let (highest, lowest) = self.push_then_extremes(candle);
        self.full()
            .then(|| Self::fast_k(highest, lowest, candle.close))
    }

    /// Pushes the candle once `n` candles have been seen (the steady state): what
    /// [`update`](Self::update) returns then, without the `Option`.
    #[inline]
    fn update_full(&mut self, candle: &Candle<T>) -> T {
        let (highest, lowest) = self.push_then_extremes(candle);
        Self::fast_k(highest, lowest, candle.close)
    }

    /// `true` once `n` candles have been seen.
    #[inline]
    pub(super) fn full(&self) -> bool {
        self.highest.pushed() >= self.period() as u64
    }

    /// The fast chunk of the column paths ([`hlc_rows`](crate::slice::hlc_rows)): pushes
    /// every row of a chunk of usable `(high, low, close)` rows into a full window, through
    /// both deques' slice paths (runs up to a block's end, the extremes into buffers on the
    /// stack), and writes `value((HH, LL), close)` of each row into `out`: bit for bit what
    /// pushing candles of them and reading [`extremes`](Self::extremes) gives. The
    /// formula's loop is apart from the deques', so that the compiler can vectorise it. At
    /// most [`CHUNK`] rows.
    #[inline]
    pub(super) fn full_chunk_into(
        &mut self,
        [high, low, close]: [&[T]; 3],
        out: &mut [T],
        value: impl Fn((T, T), T) -> T,
    ) {
        let (mut highest, mut lowest) = ([T::nan(); CHUNK], [T::nan(); CHUNK]);
        let highest = highest.get_mut(..high.len()).unwrap_or_default();
        let lowest = lowest.get_mut(..low.len()).unwrap_or_default();
        self.highest.usable_extremes_into(high, highest);
        self.lowest.usable_extremes_into(low, lowest);
        let extremes = highest.iter().zip(&*lowest);
        for (((&highest, &lowest), &close), slot) in extremes.zip(close).zip(out.iter_mut()) {
            *slot = value((highest, lowest), close);
        }
    }

    /// [`full_chunk_into`](Self::full_chunk_into) with the raw `%K` of each row.
    #[inline]
    fn fast_k_chunk_into(&mut self, columns: [&[T]; 3], k: &mut [T]) {
        self.full_chunk_into(columns, k, |(highest, lowest), close| {
            Self::fast_k(highest, lowest, close)
        });
    }

    /// What [`update`](Self::update) would return.
    #[inline]
    pub(super) fn peek(&self, candle: &Candle<T>) -> Option<T> {
        if self.highest.pushed().saturating_add(1) < self.period() as u64 {
            return None;
        }
        let highest = self.highest.peek(candle.high)?;
        let lowest = self.lowest.peek(candle.low)?;
        Some(Self::fast_k(highest, lowest, candle.close))
    }

    /// Number of `%K` values produced so far.
    #[cfg(feature = "serde")]
    pub(super) fn produced(&self) -> u64 {
        self.highest
            .pushed()
            .saturating_add(1)
            .saturating_sub(self.period() as u64)
    }

    pub(super) fn clear(&mut self) {
        self.highest.clear();
        self.lowest.clear();
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RangeState<T: Real> {
    highest: MonotonicDeque<T, false>,
    lowest: MonotonicDeque<T, false>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<RangeState<T>> for Range<T> {
    type Error = Error;

    fn try_from(state: RangeState<T>) -> Result<Self, Error> {
        let RangeState { highest, lowest } = state;
        if highest.extremum() != Extremum::Max
            || lowest.extremum() != Extremum::Min
            || highest.period() != lowest.period()
            || highest.pushed() != lowest.pushed()
        {
            return Err(crate::error::invalid_state(
                "stochastic high and low windows disagree (extremum, period or length)",
            ));
        }
        if !highest
            .candidates()
            .chain(lowest.candidates())
            .all(|x| x.is_usable())
        {
            return Err(crate::error::invalid_state(
                "stochastic high or low window holds a value outside the usable input range",
            ));
        }
        Ok(Self { highest, lowest })
    }
}

/// The relative width below which TA-Lib 0.8.1 treats the `HH − LL` range as zero:
/// `|HH − LL| ≤ 1e-14·(|HH| + |LL|)`, a window flat but for rounding.
pub(super) const FLAT_RANGE: f64 = 1e-14;

/// `x` clamped to `0..=100`: %K and %D by construction, whatever the rounding (a mean of
/// values ≤ 100 can round above 100) and whatever the candle (a close outside the window's
/// range reads 0 or 100).
#[inline]
fn percent<T: Real>(x: T) -> T {
    clamp(x, T::zero(), lit(100.0))
}

/// Pushes `x` into a rolling mean; the mean once full.
#[inline]
fn push_mean<T: Real>(sum: &mut RollingSum<T>, x: T) -> Option<T> {
    sum.push(x);
    mean(sum)
}

/// The mean [`push_mean`] would return.
#[inline]
fn peek_mean<T: Real>(sum: &RollingSum<T>, x: T) -> Option<T> {
    (sum.len() + 1 >= sum.period()).then(|| percent(sum.peek_mean(x)))
}

#[inline]
fn mean<T: Real>(sum: &RollingSum<T>) -> Option<T> {
    sum.is_full().then(|| full_mean(sum))
}

/// The mean of a full window (the steady state of [`push_mean`]).
#[inline]
fn full_mean<T: Real>(sum: &RollingSum<T>) -> T {
    percent(sum.mean())
}

/// `true` when a rolling mean fed from the `produced`-th value of its input on holds as many
/// values as it should, each a percentage in `0..=100` (the sums themselves are checked by
/// [`RollingSum`]).
#[cfg(feature = "serde")]
fn consistent_mean<T: Real>(sum: &RollingSum<T>, produced: u64) -> bool {
    sum.len() as u64 == produced.min(sum.period() as u64)
        && sum.iter().all(|x| x >= T::zero() && x <= lit(100.0))
}

/// Slow stochastic oscillator (Lane), with SMA smoothing: TA-Lib's `STOCH`.
///
/// # Formula
///
/// Over the last `fast_k` candles, with `HH` the highest high and `LL` the lowest low:
/// - `fastK = 100·(close − LL)/(HH − LL)`, and **0 for a flat window** (TA-Lib's answer),
///   with TA-Lib's own test: `|HH − LL| ≤ 1e-14·(|HH| + |LL|)`, a range within about 90 ulps
///   of the prices (relative, so the same at every price scale);
/// - `k = SMA_slow_k(fastK)` (TA-Lib's `slowk`);
/// - `d = SMA_slow_d(k)` (`slowd`).
///
/// The first output comes after `fast_k + slow_k + slow_d − 2` candles (TA-Lib's lookback
/// `(fast_k − 1) + (slow_k − 1) + (slow_d − 1)` plus one): 18 candles for 14/3/3, index 17.
/// `HH` and `LL` come from [`MonotonicDeque`]s: O(1) amortized, never a scan of the window.
///
/// Every output lies in `[0, 100]`: `fastK`, `k` and `d` are clamped to it, which absorbs
/// rounding (a mean of values ≤ 100 can round above 100) and reads a close outside the
/// window's range (a candle that is not valid, see [`Candle::validate`]) as 0 or 100, where
/// TA-Lib would go outside. No input is refused beyond the usable range (see
/// [`Real`](crate::Real)); with it, `HH − LL` is finite and never subnormal. Only
/// [`Candle::close`], `high` and `low` are used.
///
/// # Parameters
///
/// `fast_k`, `slow_k`, `slow_d`: each `1..=100000`; 14/3/3 by [`Default`] (Lane's periods;
/// TA-Lib's own default is 5/3/3).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Stochastic, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut stochastic = Stochastic::new(2, 2, 1)?;
/// assert_eq!(stochastic.update(candle(10.0, 8.0, 9.0)?), None);
/// assert_eq!(stochastic.update(candle(11.0, 9.0, 11.0)?), None); // fastK = 100
/// let out = stochastic.update(candle(11.0, 10.0, 10.0)?).unwrap(); // fastK = 50
/// assert_eq!((out.k, out.d), (75.0, 75.0));
/// assert_eq!(Stochastic::<f64>::default().to_string(), "STOCH(14,3,3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// George Lane, "Lane's Stochastics", *Technical Analysis of Stocks & Commodities* (1984);
/// TA-Lib `STOCH` with `slowk_matype = slowd_matype = 0` (SMA), matched at every index (see
/// `tests/talib_momentum.rs`). The unsmoothed version is [`FastStochastic`].
#[doc(alias = "STOCH")]
#[doc(alias = "KD")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "StochasticState<T>")
)]
pub struct Stochastic<T: Real = f64> {
    range: Range<T>,
    slow_k: RollingSum<T>,
    slow_d: RollingSum<T>,
    /// `true` once `%D` is produced: updates then take the steady-state path (no warm-up
    /// checks). Derived from the windows.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: bool,
}

impl Stochastic {
    /// The slow stochastic over `fast_k` candles, `%K` smoothed over `slow_k` values and `%D`
    /// over `slow_d`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first parameter outside `1..=100000`.
    pub fn new(fast_k: usize, slow_k: usize, slow_d: usize) -> Result<Self, Error> {
        Self::new_generic(fast_k, slow_k, slow_d)
    }
}

impl<T: Real> Stochastic<T> {
    /// [`Stochastic::new`] in any precision `T` (`f32`, or generic code): `Stochastic::<f32>::new_generic(2, 2, 1)`.
    pub fn new_generic(fast_k: usize, slow_k: usize, slow_d: usize) -> Result<Self, Error> {
        Ok(Self {
            range: Range::new(fast_k)?,
            slow_k: RollingSum::new_generic(check_period("slow_k", slow_k)?)?,
            slow_d: RollingSum::new_generic(check_period("slow_d", slow_d)?)?,
            warm: false,
        })
    }

    /// The `%K` window length in candles.
    pub fn fast_k_period(&self) -> usize {
        self.range.period()
    }

    /// The smoothing of `%K`.
    pub fn slow_k_period(&self) -> usize {
        self.slow_k.period()
    }

    /// The smoothing of `%D`.
    pub fn slow_d_period(&self) -> usize {
        self.slow_d.period()
    }

    /// The slice path in TA-Lib's `STOCH` shape: runs the indicator over `candles` and writes
    /// `%K` and `%D` of each update into `k` and `d`, NaN while warming up; bit for bit
    /// [`update`](Indicator::update)'s outputs. An unusable candle is ignored as `update`
    /// ignores it (its row repeats the previous one).
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::Stochastic};
    ///
    /// // Each close is its window's high: `%K` is 100, and so are its averages.
    /// let bars: Vec<Candle> = (0..8)
    ///     .map(|i| f64::from(i))
    ///     .map(|x| Candle::new(x, x + 1.0, x - 1.0, x + 1.0, 100.0))
    ///     .collect::<Result<_, _>>()?;
    /// let (mut k, mut d) = ([0.0_f64; 8], [0.0; 8]);
    /// Stochastic::new(3, 2, 2)?.lines_into(&bars, &mut k, &mut d)?;
    /// assert!(k[3].is_nan() && d[3].is_nan());
    /// assert_eq!((k[4], d[4]), (100.0, 100.0));
    /// assert_eq!((k[7], d[7]), (100.0, 100.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `k` or `d` differs in length
    /// from `candles`; nothing is consumed then.
    pub fn lines_into(
        &mut self,
        candles: &[Candle<T>],
        k: &mut [T],
        d: &mut [T],
    ) -> Result<(), Error> {
        write_lines(self, candles, k, d)
    }

    /// [`lines_into`](Self::lines_into) over columns, TA-Lib's `STOCH` shape: `high`, `low`
    /// and `close` in, `%K` and `%D` of each row into `k` and `d`, NaN while warming up.
    /// Each row is the candle `(open: close, high, low, close, volume: 0)`: the lines and
    /// the final state are bit for bit those of [`update`](Indicator::update) over those
    /// candles (a row with an unusable number is ignored, its lines repeat the previous
    /// ones). Reads 24 bytes a row where a [`Candle`] holds 40, and takes a chunk of usable
    /// rows through the window's slice path once warm.
    ///
    /// ```
    /// use ta_stream::momentum::Stochastic;
    ///
    /// // Each close is its window's high: `%K` is 100, and so are its averages.
    /// let close: Vec<f64> = (1..=8).map(f64::from).collect();
    /// let low: Vec<f64> = close.iter().map(|c| c - 2.0).collect();
    /// let (mut k, mut d) = ([0.0_f64; 8], [0.0; 8]);
    /// Stochastic::new(3, 2, 2)?.hlc_lines_into(&close, &low, &close, &mut k, &mut d)?;
    /// assert!(k[3].is_nan() && d[3].is_nan());
    /// assert_eq!((k[4], d[4]), (100.0, 100.0));
    /// assert_eq!((k[7], d[7]), (100.0, 100.0));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close`, `k` or `d`
    /// differs in length from `high`; nothing is consumed then.
    pub fn hlc_lines_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        k: &mut [T],
        d: &mut [T],
    ) -> Result<(), Error> {
        hlc_lines(self, [high, low, close], k, d, Self::steady_chunk)
    }

    /// [`hlc_lines_into`](Self::hlc_lines_into)'s chunk of usable rows once warm: the raw
    /// `%K` of every row from the window's slice path (into `k`), then the steady updates'
    /// smoothing, row by row.
    fn steady_chunk(&mut self, columns: [&[T]; 3], [k, d]: [&mut [T]; 2]) -> bool {
        if !self.warm {
            return false;
        }
        self.range.fast_k_chunk_into(columns, k);
        for (k, d) in k.iter_mut().zip(d.iter_mut()) {
            self.slow_k.push_inlined(*k);
            *k = full_mean(&self.slow_k);
            self.slow_d.push_inlined(*k);
            *d = full_mean(&self.slow_d);
        }
        true
    }
}

/// The column path of both stochastics: `%K` and `%D` of each update into `k` and `d`.
fn write_lines<T: Real, I>(
    indicator: &mut I,
    candles: &[Candle<T>],
    k: &mut [T],
    d: &mut [T],
) -> Result<(), Error>
where
    I: Indicator<Input = Candle<T>, Output = StochasticOutput<T>>,
{
    let columns = [("k", k), ("d", d)];
    crate::slice::update_columns(indicator, candles, columns, |indicator, candle| {
        let out = indicator.update(candle)?;
        Some([out.k, out.d])
    })
}

/// The column path of both stochastics over high, low and close: `steady_chunk` on chunks
/// of usable rows, `update` row by row otherwise.
fn hlc_lines<T: Real, I>(
    indicator: &mut I,
    columns: [&[T]; 3],
    k: &mut [T],
    d: &mut [T],
    steady_chunk: impl Fn(&mut I, [&[T]; 3], [&mut [T]; 2]) -> bool,
) -> Result<(), Error>
where
    I: Indicator<Input = Candle<T>, Output = StochasticOutput<T>>,
{
    let lines = |out: Option<StochasticOutput<T>>| out.map_or([T::nan(); 2], |out| [out.k, out.d]);
    crate::slice::hlc_rows(
        indicator,
        columns,
        [("k", k), ("d", d)],
        steady_chunk,
        |indicator, candle| lines(indicator.update(candle)),
    )
}

impl<T: Real> Default for Stochastic<T> {
    /// STOCH(14, 3, 3), Lane's periods.
    fn default() -> Self {
        Self {
            range: Range::with_valid_period(14),
            slow_k: RollingSum::with_valid_period(3),
            slow_d: RollingSum::with_valid_period(3),
            warm: false,
        }
    }
}

impl<T: Real> Indicator for Stochastic<T> {
    type Input = Candle<T>;
    type Output = StochasticOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        if self.warm {
            // The steady state: exactly the steps below, without their warm-up checks.
            let fast_k = self.range.update_full(&candle);
            self.slow_k.push_inlined(fast_k);
            let k = full_mean(&self.slow_k);
            self.slow_d.push_inlined(k);
            let d = full_mean(&self.slow_d);
            return Some(StochasticOutput { k, d });
        }
        let fast_k = self.range.update(&candle)?;
        let k = push_mean(&mut self.slow_k, fast_k)?;
        let d = push_mean(&mut self.slow_d, k)?;
        self.warm = true;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let fast_k = self.range.peek(&candle)?;
        let k = peek_mean(&self.slow_k, fast_k)?;
        let d = peek_mean(&self.slow_d, k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn value(&self) -> Option<StochasticOutput<T>> {
        Some(StochasticOutput {
            k: mean(&self.slow_k)?,
            d: mean(&self.slow_d)?,
        })
    }

    fn reset(&mut self) {
        self.range.clear();
        self.slow_k.clear();
        self.slow_d.clear();
        self.warm = false;
    }

    fn warmup_period(&self) -> usize {
        self.range.period() + self.slow_k.period() + self.slow_d.period() - 2
    }
}

impl<T: Real> fmt::Display for Stochastic<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "STOCH({},{},{})",
            self.fast_k_period(),
            self.slow_k_period(),
            self.slow_d_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct StochasticState<T: Real> {
    range: Range<T>,
    slow_k: RollingSum<T>,
    slow_d: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<StochasticState<T>> for Stochastic<T> {
    type Error = Error;

    fn try_from(state: StochasticState<T>) -> Result<Self, Error> {
        let StochasticState {
            range,
            slow_k,
            slow_d,
        } = state;
        let fast_k_values = range.produced();
        let k_values = (fast_k_values + 1).saturating_sub(slow_k.period() as u64);
        if !consistent_mean(&slow_k, fast_k_values) || !consistent_mean(&slow_d, k_values) {
            return Err(crate::error::invalid_state(
                "stochastic averages do not match the number of candles seen",
            ));
        }
        let warm = slow_d.is_full();
        Ok(Self {
            range,
            slow_k,
            slow_d,
            warm,
        })
    }
}

/// Fast stochastic oscillator: raw `%K` and its SMA `%D`, aligned as TA-Lib's `STOCHF`.
///
/// # Formula
///
/// Over the last `fast_k` candles, with `HH` the highest high and `LL` the lowest low:
/// - `k = 100·(close − LL)/(HH − LL)` in `0..=100`, and **0 for a flat window** (TA-Lib's
///   answer and test, see [`Stochastic`]);
/// - `d = SMA_fast_d(k)`.
///
/// Both lines start together, once `%D` exists: after `fast_k + fast_d − 1` candles (index
/// 15 for 14/3). TA-Lib's `STOCHF` truncates `fastk` the same way, so the first `fast_d − 1`
/// values of `%K` are not reported. Candles are not validated (see [`Stochastic`]).
///
/// # Parameters
///
/// `fast_k`, `fast_d`: each `1..=100000`; 14/3 by [`Default`] (TA-Lib's own default is 5/3).
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::FastStochastic, Indicator};
///
/// let candle = |high: f64, low: f64, close: f64| Candle::new(close, high, low, close, 0.0);
/// let mut stochastic = FastStochastic::new(2, 2)?;
/// assert_eq!(stochastic.update(candle(10.0, 8.0, 9.0)?), None);
/// assert_eq!(stochastic.update(candle(11.0, 9.0, 11.0)?), None); // %K = 100, not reported
/// let out = stochastic.update(candle(11.0, 10.0, 10.0)?).unwrap();
/// assert_eq!((out.k, out.d), (50.0, 75.0));
/// // A flat window (HH == LL) reads 0, as in TA-Lib.
/// let flat = candle(5.0, 5.0, 5.0)?;
/// assert_eq!(FastStochastic::new(1, 1)?.update(flat).map(|out| out.k), Some(0.0));
/// assert_eq!(FastStochastic::<f64>::default().to_string(), "STOCHF(14,3)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `STOCHF` with `fastd_matype = 0` (SMA), matched at every index (see
/// `tests/talib_momentum.rs`). The smoothed version is [`Stochastic`].
#[doc(alias = "STOCHF")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "FastStochasticState<T>")
)]
pub struct FastStochastic<T: Real = f64> {
    range: Range<T>,
    fast_d: RollingSum<T>,
    /// `true` once `%D` is produced: updates then take the steady-state path. Derived from
    /// the window.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    warm: bool,
}

impl FastStochastic {
    /// The fast stochastic over `fast_k` candles, `%D` over `fast_d` values of `%K`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first parameter outside `1..=100000`.
    pub fn new(fast_k: usize, fast_d: usize) -> Result<Self, Error> {
        Self::new_generic(fast_k, fast_d)
    }
}

impl<T: Real> FastStochastic<T> {
    /// [`FastStochastic::new`] in any precision `T` (`f32`, or generic code): `FastStochastic::<f32>::new_generic(2, 2)`.
    pub fn new_generic(fast_k: usize, fast_d: usize) -> Result<Self, Error> {
        Ok(Self {
            range: Range::new(fast_k)?,
            fast_d: RollingSum::new_generic(check_period("fast_d", fast_d)?)?,
            warm: false,
        })
    }

    /// The `%K` window length in candles.
    pub fn fast_k_period(&self) -> usize {
        self.range.period()
    }

    /// The smoothing of `%D`.
    pub fn fast_d_period(&self) -> usize {
        self.fast_d.period()
    }

    /// The slice path in TA-Lib's `STOCHF` shape: runs the indicator over `candles` and writes
    /// `%K` and `%D` of each update into `k` and `d`, NaN while warming up; bit for bit
    /// [`update`](Indicator::update)'s outputs. An unusable candle is ignored as `update`
    /// ignores it (its row repeats the previous one).
    ///
    /// ```
    /// use ta_stream::{bar::Candle, momentum::FastStochastic};
    ///
    /// // Each close is its window's high: `%K` is 100, and so are its averages.
    /// let bars: Vec<Candle> = (0..8)
    ///     .map(|i| f64::from(i))
    ///     .map(|x| Candle::new(x, x + 1.0, x - 1.0, x + 1.0, 100.0))
    ///     .collect::<Result<_, _>>()?;
    /// let (mut k, mut d) = ([0.0_f64; 8], [0.0; 8]);
    /// FastStochastic::new(3, 2)?.lines_into(&bars, &mut k, &mut d)?;
    /// assert!(k[2].is_nan() && d[2].is_nan());
    /// assert_eq!((k[3], d[3]), (100.0, 100.0));
    /// assert_eq!((k[7], d[7]), (100.0, 100.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `k` or `d` differs in length
    /// from `candles`; nothing is consumed then.
    pub fn lines_into(
        &mut self,
        candles: &[Candle<T>],
        k: &mut [T],
        d: &mut [T],
    ) -> Result<(), Error> {
        write_lines(self, candles, k, d)
    }

    /// [`lines_into`](Self::lines_into) over columns, TA-Lib's `STOCHF` shape: `high`, `low`
    /// and `close` in, `%K` and `%D` of each row into `k` and `d`, NaN while warming up.
    /// Each row is the candle `(open: close, high, low, close, volume: 0)`: the lines and
    /// the final state are bit for bit those of [`update`](Indicator::update) over those
    /// candles (a row with an unusable number is ignored, its lines repeat the previous
    /// ones). Reads 24 bytes a row where a [`Candle`] holds 40, and takes a chunk of usable
    /// rows through the window's slice path once warm.
    ///
    /// ```
    /// use ta_stream::momentum::FastStochastic;
    ///
    /// // Each close is its window's high: `%K` is 100, and so are its averages.
    /// let close: Vec<f64> = (1..=8).map(f64::from).collect();
    /// let low: Vec<f64> = close.iter().map(|c| c - 2.0).collect();
    /// let (mut k, mut d) = ([0.0_f64; 8], [0.0; 8]);
    /// FastStochastic::new(3, 2)?.hlc_lines_into(&close, &low, &close, &mut k, &mut d)?;
    /// assert!(k[2].is_nan() && d[2].is_nan());
    /// assert_eq!((k[3], d[3]), (100.0, 100.0));
    /// assert_eq!((k[7], d[7]), (100.0, 100.0));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `low`, `close`, `k` or `d`
    /// differs in length from `high`; nothing is consumed then.
    pub fn hlc_lines_into(
        &mut self,
        high: &[T],
        low: &[T],
        close: &[T],
        k: &mut [T],
        d: &mut [T],
    ) -> Result<(), Error> {
        hlc_lines(self, [high, low, close], k, d, Self::steady_chunk)
    }

    /// [`hlc_lines_into`](Self::hlc_lines_into)'s chunk of usable rows once warm: `%K` of
    /// every row from the window's slice path, then `%D`, row by row.
    fn steady_chunk(&mut self, columns: [&[T]; 3], [k, d]: [&mut [T]; 2]) -> bool {
        if !self.warm {
            return false;
        }
        self.range.fast_k_chunk_into(columns, k);
        for (&k, d) in k.iter().zip(d.iter_mut()) {
            self.fast_d.push_inlined(k);
            *d = full_mean(&self.fast_d);
        }
        true
    }
}

impl<T: Real> Default for FastStochastic<T> {
    /// STOCHF(14, 3).
    fn default() -> Self {
        Self {
            range: Range::with_valid_period(14),
            fast_d: RollingSum::with_valid_period(3),
            warm: false,
        }
    }
}

impl<T: Real> Indicator for FastStochastic<T> {
    type Input = Candle<T>;
    type Output = StochasticOutput<T>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        if self.warm {
            let k = self.range.update_full(&candle);
            self.fast_d.push_inlined(k);
            let d = full_mean(&self.fast_d);
            return Some(StochasticOutput { k, d });
        }
        let k = self.range.update(&candle)?;
        let d = push_mean(&mut self.fast_d, k)?;
        self.warm = true;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<StochasticOutput<T>> {
        if !candle.is_usable() {
            return self.value();
        }
        let k = self.range.peek(&candle)?;
        let d = peek_mean(&self.fast_d, k)?;
        Some(StochasticOutput { k, d })
    }

    #[inline]
    fn value(&self) -> Option<StochasticOutput<T>> {
        Some(StochasticOutput {
            // The newest value of the window is the last %K: O(1) (`last` of slices).
            k: self.fast_d.iter().last()?,
            d: mean(&self.fast_d)?,
        })
    }

    fn reset(&mut self) {
        self.range.clear();
        self.fast_d.clear();
        self.warm = false;
    }

    fn warmup_period(&self) -> usize {
        self.range.period() + self.fast_d.period() - 1
    }
}

impl<T: Real> fmt::Display for FastStochastic<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "STOCHF({},{})",
            self.fast_k_period(),
            self.fast_d_period()
        )
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FastStochasticState<T: Real> {
    range: Range<T>,
    fast_d: RollingSum<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<FastStochasticState<T>> for FastStochastic<T> {
    type Error = Error;

    fn try_from(state: FastStochasticState<T>) -> Result<Self, Error> {
        let FastStochasticState { range, fast_d } = state;
        if !consistent_mean(&fast_d, range.produced()) {
            return Err(crate::error::invalid_state(
                "stochastic average does not match the number of candles seen",
            ));
        }
        let warm = fast_d.is_full();
        Ok(Self {
            range,
            fast_d,
            warm,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::average::smoother::test_candles;

    /// Each update on the steady-state path gives what the general path gives from the
    /// same state, bit for bit, and leaves the same state (`peek` too).
    #[test]
    fn the_steady_path_is_the_general_path_bit_for_bit() {
        let mut slow = Stochastic::<f64>::new(5, 3, 2).unwrap();
        let mut fast = FastStochastic::<f64>::new(5, 3).unwrap();
        let mut steady = 0;
        for candle in test_candles(600) {
            let (mut slow_general, mut fast_general) = (slow.clone(), fast.clone());
            slow_general.warm = false;
            fast_general.warm = false;
            steady += usize::from(slow.warm && fast.warm);
            assert_eq!(slow.peek(candle), slow_general.peek(candle));
            assert_eq!(slow.update(candle), slow_general.update(candle));
            if candle.close.is_finite() {
                assert_eq!(slow, slow_general);
            }
            assert_eq!(fast.peek(candle), fast_general.peek(candle));
            assert_eq!(fast.update(candle), fast_general.update(candle));
            if candle.close.is_finite() {
                assert_eq!(fast, fast_general);
            }
        }
        assert!(steady > 500, "only {steady} steady updates");
    }
}
