use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::levels::is_valid_bar;
use crate::slice::CHUNK;
use crate::{Error, Indicator, Real};

use super::cmo::check_at_least_two;
use super::up_down::{share, UpDown};

/// Money flow index: a volume-weighted RSI, the share of the money that flowed in on rising
/// typical prices over the last `n` candles, in `0..=100`.
///
/// # Formula
///
/// Typical price `TP = (H + L + C)/3`, money flow `MF = TP·V`. A candle whose `TP` is above
/// the previous one adds its `MF` to the positive flow, below to the negative flow, equal to
/// neither. Over the last `n` candles after the first, `P = Σ positive`, `N = Σ negative`:
/// `MFI = 100·P/(P + N)`, and **0** when `P + N = 0` (no change of the typical price, or only
/// zero volumes: TA-Lib's answer, an exact test at every scale). The sums are drift-free
/// window sums (bit for bit those of a [`RollingSum`](crate::window::RollingSum), in one
/// array of `n` values each); O(1) amortized per update.
///
/// # Inputs and range
///
/// Only valid candles with non-negative prices are accepted (usable numbers, the open and
/// the close within `[low, high]`, `low ≥ 0`, volume `≥ 0`): a negative money flow would
/// have no meaning. Any other candle is refused ([`try_update`](Indicator::try_update)
/// returns [`Error::InvalidInput`], `update` and `peek` ignore it). Every flow is then
/// non-negative, so every output lies in `0..=100`. A candle of zero volume still moves the
/// reference typical price.
///
/// # Parameters
///
/// `period` (`n`, TA-Lib `timeperiod`): `2..=100000`; 14 by [`Default`] (TA-Lib's default).
/// The first output comes after `n + 1` candles (`n` comparisons).
///
/// # Events
///
/// 80 and 20 are the usual overbought and oversold levels: [`signal::Zones`](crate::signal::Zones)
/// reports the bars on which the MFI enters and leaves them.
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Mfi, signal::{ZoneEvent, Zones}, Indicator};
///
/// let bar = |close: f64| Candle::new(close, close, close, close, 1000.0);
/// let mut mfi = Mfi::new(2)?;
/// let mut zones = Zones::new(80.0, 20.0)?;
/// let mut events = Vec::new();
/// for close in [10.0, 11.0, 12.0, 11.5, 11.0, 10.0] {
///     if let Some(reading) = mfi.update(bar(close)?).and_then(|m| zones.update(m)) {
///         events.extend(reading.events());
///     }
/// }
/// // 100 after two rises; a fall brings it back below 80, the next one to 0.
/// assert_eq!(events, [ZoneEvent::LeftOverbought, ZoneEvent::EnteredOversold]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Mfi, Indicator};
///
/// let bar = |close: f64, volume: f64| Candle::new(close, close, close, close, volume);
/// let mut mfi = Mfi::new(2)?;
/// assert_eq!(mfi.update(bar(10.0, 100.0)?), None);
/// assert_eq!(mfi.update(bar(12.0, 100.0)?), None); // +1200
/// assert_eq!(mfi.update(bar(11.0, 200.0)?), Some(100.0 * 1200.0 / 3400.0)); // −2200
/// assert_eq!(mfi.update(bar(11.0, 500.0)?), Some(0.0)); // unchanged: neither
/// assert_eq!(mfi.to_string(), "MFI(2)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Gene Quong and Avrum Soudack, "Volume-weighted RSI: money flow", *Technical Analysis of
/// Stocks & Commodities* (1989); TA-Lib `MFI`, matched at every index.
#[doc(alias = "MFI")]
#[doc(alias = "money flow index")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "MfiState<T>")
)]
pub struct Mfi<T: Real = f64> {
    /// The typical price of the last accepted candle.
    previous: Option<T>,
    /// Positive and negative money flow of the last `n` comparisons.
    flows: UpDown<T>,
}

impl Mfi {
    /// The money flow index over `period` candles.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `2..=100000`.
    pub fn new(period: usize) -> Result<Self, Error> {
        Self::new_generic(period)
    }
}

impl<T: Real> Mfi<T> {
    /// [`Mfi::new`] in any precision `T` (`f32`, or generic code): `Mfi::<f32>::new_generic(2)`.
    pub fn new_generic(period: usize) -> Result<Self, Error> {
        Ok(Self {
            previous: None,
            flows: UpDown::new(check_at_least_two("period", period)?)?,
        })
    }

    /// The period `n`.
    pub fn period(&self) -> usize {
        self.flows.period()
    }

    /// A valid candle with non-negative prices.
    #[inline]
    fn accepts(candle: &Candle<T>) -> bool {
        is_valid_bar(candle) & (candle.low >= T::zero())
    }

    /// The typical price, and the (positive, negative) flow against `previous`.
    #[inline]
    fn flow(previous: T, candle: &Candle<T>) -> (T, (T, T)) {
        let typical = (candle.high + candle.low + candle.close) / lit(3.0);
        let money = typical * candle.volume;
        // Two selects, not a branch: a rising or falling typical price is a coin toss.
        let positive = if typical > previous { money } else { T::zero() };
        let negative = if typical < previous { money } else { T::zero() };
        (typical, (positive, negative))
    }

    #[inline]
    fn index((positive, negative): (T, T)) -> T {
        share(positive, negative, T::zero())
    }

    #[inline]
    fn typical(candle: &Candle<T>) -> T {
        (candle.high + candle.low + candle.close) / lit(3.0)
    }
}

impl<T: Real> Mfi<T> {
    /// `true` when every candle is [`accepts`](Self::accepts)ed, in one pass of comparisons
    /// without a branch: each candle's order (`low ≤ open, close ≤ high`, volume `≥ 0`; NaN
    /// fails), and across the chunk the largest high and volume at most `max_input`, the
    /// smallest low and volume at least `min_input` (which proves every number usable and
    /// non-negative: every price lies between its low and high). A low or volume below
    /// `min_input` (zero is usable, a negative low is refused) leaves the answer to the
    /// exact check of each candle.
    fn accepts_all(candles: &[Candle<T>]) -> bool {
        let zero = T::zero();
        let (mut ordered, mut high, mut volume_max) = (true, zero, zero);
        let (mut low, mut volume_min) = (T::max_input(), T::max_input());
        for c in candles {
            ordered &= (c.low <= c.open)
                & (c.open <= c.high)
                & (c.low <= c.close)
                & (c.close <= c.high)
                & (c.volume >= zero);
            high = if c.high > high { c.high } else { high };
            volume_max = if c.volume > volume_max {
                c.volume
            } else {
                volume_max
            };
            low = if c.low < low { c.low } else { low };
            volume_min = if c.volume < volume_min {
                c.volume
            } else {
                volume_min
            };
        }
        let (least, most) = (T::min_input(), T::max_input());
        let proven = high <= most && volume_max <= most && low >= least && volume_min >= least;
        ordered && (proven || candles.iter().all(Self::accepts))
    }

    /// Up to [`CHUNK`] accepted candles on a full window, as their updates (bit for bit)
    /// in four passes: the typical prices (into `out`, divisions without a dependency from
    /// one candle to the next), the flows, the two sums in one run of pushes, the index.
    /// `false`, nothing done, for any other chunk.
    fn steady_chunk(&mut self, candles: &[Candle<T>], out: &mut [T]) -> bool {
        let Some(mut previous) = self.previous else {
            return false;
        };
        if !(self.flows.is_full() && candles.len() <= CHUNK && Self::accepts_all(candles)) {
            return false;
        }
        let (mut ups, mut downs) = ([T::zero(); CHUNK], [T::zero(); CHUNK]);
        let ups = ups.get_mut(..candles.len()).unwrap_or_default();
        let downs = downs.get_mut(..candles.len()).unwrap_or_default();
        for (typical, candle) in out.iter_mut().zip(candles) {
            *typical = Self::typical(candle);
        }
        for (((up, down), &typical), candle) in
            ups.iter_mut().zip(&mut *downs).zip(&*out).zip(candles)
        {
            let money = typical * candle.volume;
            *up = if typical > previous { money } else { T::zero() };
            *down = if typical < previous { money } else { T::zero() };
            previous = typical;
        }
        self.previous = Some(previous);
        self.flows.push_in_place(ups, downs);
        for ((slot, &up), &down) in out.iter_mut().zip(&*ups).zip(&*downs) {
            *slot = Self::index((up, down));
        }
        true
    }
}

impl<T: Real> Default for Mfi<T> {
    /// MFI(14), TA-Lib's default.
    fn default() -> Self {
        Self {
            previous: None,
            flows: UpDown::with_valid_period(14),
        }
    }
}

impl<T: Real> Indicator for Mfi<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline(always)]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if !Self::accepts(&candle) {
            return self.value();
        }
        let Some(previous) = self.previous else {
            self.previous = Some(Self::typical(&candle));
            return None;
        };
        let (typical, (positive, negative)) = Self::flow(previous, &candle);
        self.previous = Some(typical);
        self.flows.push(positive, negative).map(Self::index)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if !Self::accepts(&candle) {
            return self.value();
        }
        let (_, (positive, negative)) = Self::flow(self.previous?, &candle);
        self.flows.peek(positive, negative).map(Self::index)
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.flows.sums().map(Self::index)
    }

    crate::slice::batch_by_slices!();

    /// In chunks of candles: a chunk of accepted candles on a full window goes through the
    /// typical prices, the flows, the sums and the index one pass each, any other candle by
    /// candle through `update`. Bit for bit the streaming outputs and state.
    fn update_slice(&mut self, inputs: &[Candle<T>], out: &mut [T]) -> Result<(), Error> {
        crate::slice::check_lengths("out", inputs.len(), out.len())?;
        for (candles, out) in inputs.chunks(CHUNK).zip(out.chunks_mut(CHUNK)) {
            if !self.steady_chunk(candles, out) {
                crate::slice::update_slice(self, candles, out)?;
            }
        }
        Ok(())
    }

    fn reset(&mut self) {
        self.previous = None;
        self.flows.clear();
    }

    fn warmup_period(&self) -> usize {
        self.period() + 1
    }

    /// Rejects candles that are not valid bars, or have a negative price.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        if Self::accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Mfi<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MFI({})", self.period())
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MfiState<T: Real> {
    previous: Option<T>,
    flows: UpDown<T>,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<MfiState<T>> for Mfi<T> {
    type Error = Error;

    /// Flows in `0..=max_input²` (with room), never positive and negative at once, and a
    /// typical price in `0..=max_input` once a flow was counted.
    fn try_from(state: MfiState<T>) -> Result<Self, Error> {
        check_at_least_two("period", state.flows.period())?;
        let largest = T::max_input() * T::max_input() * lit(1.000_001);
        let consistent = state.flows.is_consistent(largest, true)
            && state
                .previous
                .is_none_or(|tp| tp >= T::zero() && tp <= T::max_input())
            && (state.previous.is_some() || state.flows.is_empty());
        if !consistent {
            return Err(crate::error::invalid_state(
                "MFI money flows are inconsistent",
            ));
        }
        Ok(Self {
            previous: state.previous,
            flows: state.flows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Mfi;
    use crate::bar::Candle;
    use crate::Real;

    /// The chunk check answers exactly what checking each candle answers, over chunks of
    /// one to four candles whose numbers are drawn from the edges: zeros of both signs, the
    /// usable range's ends and just past them, NaN, infinities, negatives, and ordinary
    /// numbers in and out of order.
    fn chunk_check_is_each_candles_check<T: Real>() {
        let (least, most) = (T::min_input(), T::max_input());
        let half = T::from(0.5).unwrap_or_else(T::zero);
        let numbers = [
            T::zero(),
            -T::zero(),
            least,
            least * half,
            most,
            most + most,
            T::nan(),
            T::infinity(),
            -T::one(),
            T::one(),
            T::from(5.0).unwrap_or_else(T::one),
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut pick = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            numbers
                .get((state % numbers.len() as u64) as usize)
                .copied()
                .unwrap_or_else(T::zero)
        };
        let ordinary = |low: T, high: T, volume: T| Candle {
            open: high,
            high,
            low,
            close: low,
            volume,
        };
        let mut accepted = 0;
        for round in 0..200_000 {
            let len = 1 + round % 4;
            let chunk: Vec<Candle<T>> = (0..len)
                .map(|_| {
                    if round % 3 == 0 {
                        // Bars in order (open at the high, close at the low), their
                        // low, high and volume drawn from the edges.
                        let (low, high, volume) = (pick(), pick(), pick());
                        ordinary(low, if high >= low { high } else { low }, volume)
                    } else {
                        Candle {
                            open: pick(),
                            high: pick(),
                            low: pick(),
                            close: pick(),
                            volume: pick(),
                        }
                    }
                })
                .collect();
            let each = chunk.iter().all(Mfi::accepts);
            accepted += usize::from(each);
            assert_eq!(Mfi::accepts_all(&chunk), each, "{chunk:?}");
        }
        // Both answers occur often enough for the comparison to mean something.
        assert!(accepted > 1000, "{accepted} chunks accepted");
    }

    #[test]
    fn chunk_check_is_each_candles_check_f64() {
        chunk_check_is_each_candles_check::<f64>();
    }

    #[test]
    fn chunk_check_is_each_candles_check_f32() {
        chunk_check_is_each_candles_check::<f32>();
    }
}
