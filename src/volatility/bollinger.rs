use core::fmt;

use crate::float::{clamp, lit};
use crate::volatility::Variance;
use crate::{Error, Indicator, Real};

/// The output of [`Bollinger`]: the three bands, and where the input sits between them.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Bands<T = f64> {
    /// `middle + k·σ`.
    pub upper: T,
    /// The simple moving average of the window.
    pub middle: T,
    /// `middle − k·σ`.
    pub lower: T,
    /// `%B = (x − lower)/(upper − lower)`: 0 on the lower band, 1 on the upper one, outside
    /// `[0, 1]` beyond them. **0.5 when the bands coincide** (a flat window, `σ = 0`): the
    /// input is then on the middle band. Since `x` is in the window, `|x − middle| ≤
    /// σ·sqrt(n − 1)`, so `%B` lies in `0.5 ± sqrt(n − 1)/(2k)`; it is clamped to that range,
    /// which only ever absorbs rounding.
    pub percent_b: T,
    /// `(upper − lower)/middle`, the band width as a fraction of the middle band. 0 when the
    /// bands coincide, and 0 when the middle band is exactly 0 (a width relative to a zero
    /// price has no value; 0 is the crate's convention for a zero divisor, as in
    /// [`Roc`](crate::momentum::Roc) and [`Natr`](crate::volatility::Natr)); negative for a
    /// negative middle. A window whose mean is tiny against its spread (only possible with
    /// prices of both signs) saturates at `±T::MAX` instead of overflowing.
    pub bandwidth: T,
}

/// Bollinger Bands: a simple moving average and bands `k` population standard deviations
/// above and below it, with `%B` and the bandwidth.
///
/// # Formula
///
/// Over the last `n` inputs, with `SMA` their mean and `σ` their **population** standard
/// deviation (as TA-Lib and Bollinger himself; see [`Variance`] for the numerics):
/// - `middle = SMA_n`, `upper = middle + k·σ`, `lower = middle − k·σ` (the mean is read
///   from the variance's sums as `a + Σ(x − a)/n`, `a` a value of the window: the SMA to
///   about an ulp of the values, not always its last bit);
/// - `%B = (x − lower)/(upper − lower)`, 0.5 if `upper = lower`;
/// - `bandwidth = (upper − lower)/middle`, 0 if `upper = lower` or `middle = 0`.
///
/// First output after `n` inputs; `lower ≤ middle ≤ upper` always holds, and every output
/// is finite for every accepted input: with `|x| ≤ 1e150` (the usable range) and
/// `k ≤ 1000`, the bands stay below `1e154`; `%B` is clamped to its mathematical range
/// `0.5 ± sqrt(n − 1)/(2k)` (finite for `k ≥ 0.001`).
///
/// # Parameters
///
/// - `period` (`n`): `1..=100000`;
/// - `multiplier` (`k`): `0.001..=1000` (Bollinger uses 2; outside this range the bands are
///   no longer bands, and beyond it `k·σ` or `%B` could overflow).
///
/// [`Default`] is `BB(20, 2)`.
///
/// # Example
///
/// ```
/// use ta_stream::{volatility::Bollinger, Indicator};
///
/// let mut bb = Bollinger::new(4, 2.0)?;
/// bb.batch(&[2.0, 4.0, 4.0]);
/// let bands = bb.update(6.0).unwrap(); // mean 4, σ = sqrt(2)
/// assert_eq!(bands.middle, 4.0);
/// assert!((bands.upper - (4.0 + 2.0 * 2f64.sqrt())).abs() < 1e-12);
/// assert!(bands.percent_b > 0.5 && bands.percent_b < 1.0);
/// assert_eq!(Bollinger::<f64>::default().to_string(), "BB(20,2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// John Bollinger, *Bollinger on Bollinger Bands* (2001), <https://www.bollingerbands.com>;
/// TA-Lib `BBANDS` with `matype = SMA` and `nbdevup = nbdevdn = k`, matched at every index
/// by `tests/talib_volatility.rs`.
#[doc(alias = "BBANDS")]
#[doc(alias = "Bollinger Bands")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "BollingerState<T>")
)]
pub struct Bollinger<T: Real = f64> {
    variance: Variance<T>,
    multiplier: T,
    /// The last input, for `%B` (0 before the first).
    last: T,
    /// `sqrt(n − 1)/(2k)`, how far from 0.5 `%B` can be for an input in the window: a
    /// square root and a division, computed once.
    #[cfg_attr(feature = "serde", serde(skip))]
    percent_b_reach: T,
}

impl<T: Real> Bollinger<T> {
    /// Bands `multiplier` standard deviations around the `period`-input SMA.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000` and `multiplier` is
    /// finite and positive.
    pub fn new(period: usize, multiplier: T) -> Result<Self, Error> {
        let variance = Variance::new_generic(period)?;
        Ok(Self::assemble(
            variance,
            check_multiplier(multiplier)?,
            T::zero(),
        ))
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.variance.period()
    }

    /// The band multiplier `k`.
    pub fn multiplier(&self) -> T {
        self.multiplier
    }

    /// `(upper, middle, lower)` from the window's mean and variance.
    #[inline(always)]
    fn three_bands(&self, (middle, variance): (T, T)) -> (T, T, T) {
        let offset = self.multiplier * variance.sqrt();
        (middle + offset, middle, middle - offset)
    }

    #[inline]
    fn bands(&self, moments: (T, T), x: T) -> Bands<T> {
        let (upper, middle, lower) = self.three_bands(moments);
        let width = upper - lower;
        let (percent_b, bandwidth) = if width == T::zero() {
            (lit(0.5), T::zero())
        } else {
            let reach = self.percent_b_reach;
            let half: T = lit(0.5);
            let percent_b = clamp((x - lower) / width, half - reach, half + reach);
            let bandwidth = if middle == T::zero() {
                T::zero()
            } else {
                clamp(width / middle, T::min_value(), T::max_value())
            };
            (percent_b, bandwidth)
        };
        Bands {
            upper,
            middle,
            lower,
            percent_b,
            bandwidth,
        }
    }

    /// The slice path in TA-Lib's `BBANDS` shape: runs the indicator over `inputs` and
    /// writes the three bands of each update into `upper`, `middle` and `lower`, NaN while
    /// warming up. The bands are bit for bit those of [`update`](Indicator::update); `%B`
    /// and the bandwidth, which these columns do not hold, are not computed. An unusable
    /// input is ignored as `update` ignores it (its row repeats the previous bands).
    ///
    /// ```
    /// use ta_stream::volatility::Bollinger;
    ///
    /// let closes = [2.0, 4.0, 4.0, 6.0];
    /// let (mut upper, mut middle, mut lower) = ([0.0_f64; 4], [0.0; 4], [0.0; 4]);
    /// Bollinger::new(4, 2.0)?.bands_into(&closes, &mut upper, &mut middle, &mut lower)?;
    /// assert!(middle[2].is_nan());
    /// assert_eq!(middle[3], 4.0); // mean 4, σ = sqrt(2)
    /// assert_eq!(upper[3], 4.0 + 2.0 * 2f64.sqrt());
    /// assert_eq!(lower[3], 4.0 - 2.0 * 2f64.sqrt());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming the column) when `upper`, `middle` or `lower`
    /// differs in length from `inputs`; nothing is consumed then.
    pub fn bands_into(
        &mut self,
        inputs: &[T],
        upper: &mut [T],
        middle: &mut [T],
        lower: &mut [T],
    ) -> Result<(), Error> {
        for (name, column) in [("upper", &upper), ("middle", &middle), ("lower", &lower)] {
            crate::slice::check_lengths(name, inputs.len(), column.len())?;
        }
        // Chunks that end where the window's blocks do: a chunk of usable inputs on a window
        // whose last push completed a block goes a block at a time (the means into `middle`,
        // the variances into `upper`, then the bands from them); others value by value.
        let chunk = crate::slice::block_chunk(self.period());
        let columns = upper
            .chunks_mut(chunk)
            .zip(middle.chunks_mut(chunk))
            .zip(lower.chunks_mut(chunk));
        for (inputs, ((upper, middle), lower)) in inputs.chunks(chunk).zip(columns) {
            if crate::slice::all_usable(inputs)
                && self.variance.push_blocks_moments(inputs, middle, upper)
            {
                self.last = inputs.last().copied().unwrap_or(self.last);
                for ((upper, middle), lower) in upper.iter_mut().zip(&*middle).zip(lower.iter_mut())
                {
                    (*upper, _, *lower) = self.three_bands((*middle, *upper));
                }
                continue;
            }
            let columns = [("upper", upper), ("middle", middle), ("lower", lower)];
            crate::slice::update_columns(self, inputs, columns, |bollinger, x| {
                if x.is_usable() {
                    bollinger.variance.push(x);
                    bollinger.last = x;
                }
                let (upper, middle, lower) = bollinger.three_bands(bollinger.variance.moments()?);
                Some([upper, middle, lower])
            })?;
        }
        Ok(())
    }

    /// The indicator, with its constant `%B` reach computed from `n` and `k`.
    fn assemble(variance: Variance<T>, multiplier: T, last: T) -> Self {
        let spread = crate::float::from_usize::<T>(variance.period() - 1).sqrt();
        Self {
            variance,
            multiplier,
            last,
            percent_b_reach: spread / (lit::<T>(2.0) * multiplier),
        }
    }
}

/// The smallest and largest multiplier accepted.
const MULTIPLIER_RANGE: (f64, f64) = (1e-3, 1e3);

fn check_multiplier<T: Real>(multiplier: T) -> Result<T, Error> {
    let (low, high) = MULTIPLIER_RANGE;
    if multiplier >= lit(low) && multiplier <= lit(high) {
        Ok(multiplier)
    } else {
        Err(Error::InvalidParameter {
            name: "multiplier",
            value: format!("{multiplier:?}"),
            expected: "0.001..=1000",
        })
    }
}

impl<T: Real> Default for Bollinger<T> {
    /// `BB(20, 2)`, Bollinger's own defaults.
    fn default() -> Self {
        Self::assemble(Variance::with_valid_period(20), lit(2.0), T::zero())
    }
}

impl<T: Real> Indicator for Bollinger<T> {
    type Input = T;
    type Output = Bands<T>;

    #[inline(always)]
    fn update(&mut self, x: T) -> Option<Bands<T>> {
        if !x.is_usable() {
            return self.value();
        }
        self.variance.push(x);
        self.last = x;
        self.value()
    }

    #[inline]
    fn peek(&self, x: T) -> Option<Bands<T>> {
        if !x.is_usable() {
            return self.value();
        }
        Some(self.bands(self.variance.peek_moments(x)?, x))
    }

    #[inline]
    fn value(&self) -> Option<Bands<T>> {
        Some(self.bands(self.variance.moments()?, self.last))
    }

    fn reset(&mut self) {
        self.variance.clear();
        self.last = T::zero();
    }

    fn warmup_period(&self) -> usize {
        self.period()
    }
}

impl<T: Real + fmt::Display> fmt::Display for Bollinger<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BB({},{})", self.period(), self.multiplier)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BollingerState<T: Real> {
    variance: Variance<T>,
    multiplier: T,
    last: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<BollingerState<T>> for Bollinger<T> {
    type Error = Error;

    fn try_from(state: BollingerState<T>) -> Result<Self, Error> {
        let multiplier = check_multiplier(state.multiplier)?;
        if state.variance.ddof() != 0 {
            return Err(crate::error::invalid_state(
                "Bollinger bands use the population variance (ddof 0)",
            ));
        }
        if state.last != state.variance.newest().unwrap_or_else(T::zero) {
            return Err(crate::error::invalid_state(
                "Bollinger last input is not the newest value of its window",
            ));
        }
        Ok(Self::assemble(state.variance, multiplier, state.last))
    }
}
