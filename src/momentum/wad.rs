use core::fmt;

use crate::bar::Candle;
#[cfg(feature = "serde")]
use crate::float::lit;
use crate::levels::{is_valid_bar, MAX_BARS};
use crate::window::CompensatedSum;
use crate::{Error, Indicator, Real};

/// Williams accumulation/distribution: the running total of each close's move measured from
/// the true low (on an up close) or the true high (on a down close).
///
/// # Formula
///
/// With the previous close `C'`, true high `TH = max(H, C')` and true low `TL = min(L, C')`:
/// `AD_t = C − TL` when `C > C'`, `C − TH` when `C < C'`, 0 when `C = C'`; and
/// `WAD_t = Σ AD` since the first candle, whose own term is 0 (it has no previous close).
/// One output per candle from the first (TA-Lib's lookback 0).
///
/// The total is a [`CompensatedSum`]: it carries the rounding error of every addition, so it
/// stays within about one rounding of the exact sum of the terms however long the stream
/// (a plain running sum drifts by about one rounding per candle, and keeps the loss of a
/// huge term forever). Divergence of the line from the price is the usual reading.
///
/// # Inputs and range
///
/// Only valid candles are accepted (usable numbers, the open and the close within
/// `[low, high]`, volume `≥ 0`; see [`Candle::validate`]); any other candle is refused
/// ([`try_update`](Indicator::try_update) returns [`Error::InvalidInput`], `update` and
/// `peek` ignore it). A term is at most `2·max_input`; the number of candles is capped at
/// 2⁶² (later candles are refused), so every output is finite, `f32` included.
///
/// # Example
///
/// ```
/// use ta_stream::{bar::Candle, momentum::Wad, Indicator};
///
/// let mut wad = Wad::new();
/// assert_eq!(wad.update(Candle::new(10.0, 11.0, 9.0, 10.0, 0.0)?), Some(0.0));
/// // up close: 12 − min(11, 10) = 2
/// assert_eq!(wad.update(Candle::new(11.0, 13.0, 11.0, 12.0, 0.0)?), Some(2.0));
/// // down close: 10 − max(11, 12) = −2
/// assert_eq!(wad.update(Candle::new(11.0, 11.0, 9.0, 10.0, 0.0)?), Some(0.0));
/// assert_eq!(wad.to_string(), "WAD");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Larry Williams' accumulation/distribution; TA-Lib `WAD`, matched at every index.
#[doc(alias = "WAD")]
#[doc(alias = "Williams accumulation distribution")]
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "WadState<T>")
)]
pub struct Wad<T: Real = f64> {
    /// The last close.
    previous: Option<T>,
    /// The running total of the terms.
    total: CompensatedSum<T>,
    /// Candles accepted.
    candles: u64,
}

impl Wad {
    /// Williams' accumulation/distribution line (no parameter).
    pub fn new() -> Self {
        Self::new_generic()
    }
}

impl<T: Real> Wad<T> {
    /// [`Wad::new`] in any precision `T` (`f32`, or generic code): `Wad::<f32>::new_generic()`.
    pub fn new_generic() -> Self {
        Self {
            previous: None,
            total: CompensatedSum::new_generic(),
            candles: 0,
        }
    }

    #[inline]
    fn accepts(&self, candle: &Candle<T>) -> bool {
        is_valid_bar(candle) & (self.candles < MAX_BARS)
    }

    /// The candle's term against `previous`.
    #[inline]
    fn term(previous: T, candle: &Candle<T>) -> T {
        let close = candle.close;
        // Both terms and two selects, not a branch: a rising or falling close is a coin
        // toss. At most one is nonzero (a rising term is positive, a falling one negative).
        let rising = close - candle.low.min(previous);
        let falling = close - candle.high.max(previous);
        let up = if close > previous { rising } else { T::zero() };
        let down = if close < previous { falling } else { T::zero() };
        up + down
    }

    #[inline]
    fn next_total(&self, candle: &Candle<T>) -> CompensatedSum<T> {
        match self.previous {
            Some(previous) => self.total.plus(Self::term(previous, candle)),
            None => self.total,
        }
    }
}

impl<T: Real> Indicator for Wad<T> {
    type Input = Candle<T>;
    type Output = T;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<T> {
        if self.accepts(&candle) {
            self.total = self.next_total(&candle);
            self.previous = Some(candle.close);
            self.candles += 1;
        }
        self.value()
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<T> {
        if self.accepts(&candle) {
            Some(self.next_total(&candle).total())
        } else {
            self.value()
        }
    }

    #[inline]
    fn value(&self) -> Option<T> {
        self.previous.map(|_| self.total.total())
    }

    fn reset(&mut self) {
        *self = Self::new_generic();
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects candles that are not valid bars, and any after 2⁶² candles.
    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<T>, Error> {
        if self.accepts(&candle) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }
}

impl<T: Real> fmt::Display for Wad<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WAD")
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WadState<T> {
    previous: Option<T>,
    total: CompensatedSum<T>,
    candles: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<WadState<T>> for Wad<T> {
    type Error = Error;

    /// A usable last close exactly when candles were counted (at most 2⁶²), and a total no
    /// larger than that many terms of `2·max_input` make.
    fn try_from(state: WadState<T>) -> Result<Self, Error> {
        let counted = state.candles > 0 && state.candles <= MAX_BARS;
        let bound = lit::<T>(2.0)
            * T::max_input()
            * T::from(state.candles).unwrap_or_else(T::max_value)
            * lit(1.000_001);
        let consistent = match state.previous {
            Some(close) => {
                counted
                    && close.is_usable()
                    && state.total.is_finite()
                    && state.total.parts().0.abs() <= bound
                    && state.total.parts().1.abs() <= bound
            }
            None => state.candles == 0 && state.total == CompensatedSum::new_generic(),
        };
        if !consistent {
            return Err(crate::error::invalid_state(
                "WAD total or candle count inconsistent with its last close",
            ));
        }
        Ok(Self {
            previous: state.previous,
            total: state.total,
            candles: state.candles,
        })
    }
}
