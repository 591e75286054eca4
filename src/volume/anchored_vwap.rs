use core::fmt;

use crate::bar::{Bar, Candle};
#[cfg(feature = "serde")]
use crate::error::invalid_state;
use crate::levels::{is_valid_bar, PivotPeriod};
use crate::{Error, Indicator, Real};

use super::vwap::typical_price;

/// Where an [`AnchoredVwap`] starts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum VwapAnchor {
    /// At the first bar of every UTC day, ISO week or month (the bar timestamps decide, with
    /// the calendar of [`PivotPeriod`]): TradingView's "Session", "Week" and "Month" anchors.
    Session(PivotPeriod),
    /// Only where you say: at the first bar, and after each
    /// [`anchor`](AnchoredVwap::anchor) call (an earnings day, a swing low, a breakout).
    Manual,
}

/// An anchored VWAP's reading: the VWAP, the volume-weighted standard deviation of the
/// typical prices around it, and the bands `k` deviations away.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VwapBands<T = f64> {
    /// The volume-weighted average of the typical prices since the anchor.
    pub vwap: T,
    /// `vwap + k·σ`.
    pub upper: T,
    /// `vwap − k·σ`.
    pub lower: T,
    /// `σ`, the volume-weighted standard deviation of the typical prices since the anchor.
    pub deviation: T,
}

impl<T: Real> VwapBands<T> {
    /// The bands at another multiple `k` of the deviation (TradingView draws 1, 2 and 3):
    /// `(vwap + k·σ, vwap − k·σ)`.
    pub fn band(&self, k: T) -> (T, T) {
        (
            self.vwap + k * self.deviation,
            self.vwap - k * self.deviation,
        )
    }
}

/// The VWAP since an anchor (the session's first bar, or a bar you choose) with
/// standard-deviation bands, as TradingView's "VWAP" study draws it.
///
/// # Formula
///
/// Over the bars since the anchor, with the typical price `TP = (H + L + C)/3` (TradingView's
/// default source, `hlc3`) and the volume `V` as weight:
///
/// - `VWAP = Σ V·TP / Σ V`;
/// - `σ² = Σ V·(TP − VWAP)² / Σ V`, the volume-weighted (population) variance around it
///   (TradingView: `Σ V·TP² / Σ V − VWAP²`, the same quantity);
/// - bands `VWAP ± k·σ` (TradingView's default band multiplier is 1).
///
/// Both moments are updated with West's weighted incremental algorithm (`W += V`,
/// `δ = TP − VWAP`, `VWAP += δ·V/W`, `σ² = σ²·(W − V)/W + δ·(TP − VWAP)·V/W`): no
/// `E[x²] − E[x]²` cancellation, and nothing overflows for usable inputs. While the anchored
/// bars have no volume at all, the VWAP is the last typical price and `σ = 0`.
///
/// # Anchors
///
/// - [`VwapAnchor::Session`]: a new VWAP starts with the first bar of each UTC day, ISO week
///   or month (by [`PivotPeriod::key`]); a bar of an earlier period than the current one is
///   refused.
/// - [`VwapAnchor::Manual`]: the VWAP runs from the first bar until [`anchor`](Self::anchor)
///   says that the next bar starts a new one.
///
/// # Parameters
///
/// `multiplier` (`k`): `0..=1000`, default 1.
///
/// # Inputs and range
///
/// Timestamped [`Bar`]s with a valid candle ([`Candle::validate`]); an invalid one is
/// refused like a NaN. The VWAP lies within the range of the typical prices since the anchor
/// (up to rounding), `σ` is at most half that range, so every output is finite.
///
/// # Example
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use ta_stream::bar::{Bar, Candle};
/// use ta_stream::levels::PivotPeriod;
/// use ta_stream::volume::{AnchoredVwap, VwapAnchor};
/// use ta_stream::Indicator;
///
/// let at = |day, hour, price: f64, volume| {
///     let time = Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap();
///     Bar::new(time, Candle::new(price, price, price, price, volume).unwrap())
/// };
/// let mut vwap = AnchoredVwap::new(VwapAnchor::Session(PivotPeriod::Day), 2.0)?;
/// vwap.update(at(2, 14, 100.0, 300.0));
/// let day = vwap.update(at(2, 15, 104.0, 100.0)).unwrap();
/// // VWAP (300·100 + 100·104)/400 = 101; σ² = (300·1² + 100·3²)/400 = 3
/// assert_eq!(day.vwap, 101.0);
/// assert!((day.deviation - 3f64.sqrt()).abs() < 1e-12);
/// assert!((day.upper - (101.0 + 2.0 * 3f64.sqrt())).abs() < 1e-12);
/// // A new day: a new VWAP.
/// assert_eq!(vwap.update(at(3, 14, 110.0, 50.0)).unwrap().vwap, 110.0);
/// assert_eq!(vwap.to_string(), "AVWAP(day,2.0)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// A VWAP anchored at a bar of your choice:
///
/// ```
/// # use chrono::{TimeZone, Utc};
/// # use ta_stream::bar::{Bar, Candle};
/// use ta_stream::volume::{AnchoredVwap, VwapAnchor};
/// # use ta_stream::Indicator;
/// # let at = |day, price: f64| {
/// #     let time = Utc.with_ymd_and_hms(2026, 3, day, 21, 0, 0).unwrap();
/// #     Bar::new(time, Candle::new(price, price, price, price, 1000.0).unwrap())
/// # };
/// let mut vwap = AnchoredVwap::new(VwapAnchor::Manual, 1.0)?;
/// vwap.update(at(2, 100.0));
/// vwap.update(at(3, 90.0)); // the swing low: anchor the next VWAP here
/// vwap.anchor();
/// assert_eq!(vwap.value().unwrap().vwap, 95.0); // the reading stays until the next bar
/// assert_eq!(vwap.update(at(4, 96.0)).unwrap().vwap, 96.0);
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TradingView's built-in "VWAP" (anchor period, `hlc3` source, standard-deviation bands).
/// TA-Lib's `VWAP` is the never-anchored [`Vwap`](super::Vwap).
#[doc(alias = "AVWAP")]
#[doc(alias = "anchored VWAP")]
#[doc(alias = "session VWAP")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "AnchoredVwapState<T>")
)]
pub struct AnchoredVwap<T: Real = f64> {
    anchor: VwapAnchor,
    multiplier: T,
    /// The current period's key (sessions), `None` before the first bar.
    period: Option<i64>,
    /// `true` when the next bar starts a new VWAP (a manual anchor).
    restart: bool,
    /// `Σ V` since the anchor.
    weight: T,
    /// The VWAP.
    mean: T,
    /// The weighted variance.
    variance: T,
}

/// The moments after one bar: (weight, mean, variance).
type Moments<T> = (T, T, T);

impl<T: Real> AnchoredVwap<T> {
    /// A VWAP anchored as `anchor` says, with bands `multiplier` deviations away.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `multiplier` is in `0..=1000`.
    pub fn new(anchor: VwapAnchor, multiplier: T) -> Result<Self, Error> {
        if !(multiplier >= T::zero() && multiplier <= crate::float::lit::<T>(1000.0)) {
            return Err(Error::InvalidParameter {
                name: "multiplier",
                value: format!("{multiplier:?}"),
                expected: "0..=1000",
            });
        }
        Ok(Self {
            anchor,
            multiplier,
            period: None,
            restart: false,
            weight: T::zero(),
            mean: T::zero(),
            variance: T::zero(),
        })
    }

    /// The next bar starts a new VWAP (its anchor). The current reading stays until then.
    pub fn anchor(&mut self) {
        self.restart = true;
    }

    /// The anchor rule.
    pub fn anchor_rule(&self) -> VwapAnchor {
        self.anchor
    }

    /// The band multiplier `k`.
    pub fn multiplier(&self) -> T {
        self.multiplier
    }

    /// `(starts a new VWAP, period key)` for `bar`, or `None` if it is refused.
    #[inline]
    fn placement(&self, bar: &Bar<T>) -> Option<(bool, Option<i64>)> {
        if !is_valid_bar(&bar.candle) {
            return None;
        }
        match self.anchor {
            VwapAnchor::Manual => Some((self.restart || self.period.is_none(), Some(0))),
            VwapAnchor::Session(period) => {
                let key = period.key(bar.timestamp);
                match self.period {
                    Some(current) if key < current => None,
                    Some(current) => Some((key > current || self.restart, Some(key))),
                    None => Some((true, Some(key))),
                }
            }
        }
    }

    /// The moments after `candle`, from fresh ones if `fresh`.
    #[inline]
    fn moments(&self, candle: &Candle<T>, fresh: bool) -> Moments<T> {
        let (weight, mean, variance) = if fresh {
            (T::zero(), T::zero(), T::zero())
        } else {
            (self.weight, self.mean, self.variance)
        };
        let price = typical_price(candle);
        let volume = candle.volume;
        let total = weight + volume;
        if total > T::zero() && weight > T::zero() {
            let share = volume / total;
            let delta = price - mean;
            let mean = mean + delta * share;
            let variance = variance * (weight / total) + delta * (price - mean) * share;
            (total, mean, variance.max(T::zero()))
        } else if total > T::zero() {
            (total, price, T::zero())
        } else {
            (T::zero(), price, T::zero())
        }
    }

    #[inline]
    fn reading(&self, mean: T, variance: T) -> VwapBands<T> {
        let deviation = variance.sqrt();
        VwapBands {
            vwap: mean,
            upper: mean + self.multiplier * deviation,
            lower: mean - self.multiplier * deviation,
            deviation,
        }
    }
}

impl<T: Real> Default for AnchoredVwap<T> {
    /// A daily session VWAP with 1-σ bands (TradingView's defaults).
    fn default() -> Self {
        Self {
            anchor: VwapAnchor::Session(PivotPeriod::Day),
            multiplier: T::one(),
            period: None,
            restart: false,
            weight: T::zero(),
            mean: T::zero(),
            variance: T::zero(),
        }
    }
}

impl<T: Real> Indicator for AnchoredVwap<T> {
    type Input = Bar<T>;
    type Output = VwapBands<T>;

    #[inline]
    fn update(&mut self, bar: Bar<T>) -> Option<VwapBands<T>> {
        if let Some((fresh, key)) = self.placement(&bar) {
            (self.weight, self.mean, self.variance) = self.moments(&bar.candle, fresh);
            self.period = key;
            self.restart = false;
        }
        self.value()
    }

    #[inline]
    fn peek(&self, bar: Bar<T>) -> Option<VwapBands<T>> {
        match self.placement(&bar) {
            Some((fresh, _)) => {
                let (_, mean, variance) = self.moments(&bar.candle, fresh);
                Some(self.reading(mean, variance))
            }
            None => self.value(),
        }
    }

    #[inline]
    fn value(&self) -> Option<VwapBands<T>> {
        self.period.map(|_| self.reading(self.mean, self.variance))
    }

    fn reset(&mut self) {
        *self = Self {
            period: None,
            restart: false,
            weight: T::zero(),
            mean: T::zero(),
            variance: T::zero(),
            ..*self
        };
    }

    fn warmup_period(&self) -> usize {
        1
    }

    /// Rejects an invalid candle, or a bar of a session before the current one.
    fn try_update(&mut self, bar: Bar<T>) -> Result<Option<VwapBands<T>>, Error> {
        match self.placement(&bar) {
            Some(_) => Ok(self.update(bar)),
            None => Err(Error::InvalidInput),
        }
    }
}

impl<T: Real> fmt::Display for AnchoredVwap<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.anchor {
            VwapAnchor::Session(period) => write!(f, "AVWAP({period},{:?})", self.multiplier),
            VwapAnchor::Manual => write!(f, "AVWAP(manual,{:?})", self.multiplier),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AnchoredVwapState<T: Real> {
    anchor: VwapAnchor,
    multiplier: T,
    period: Option<i64>,
    restart: bool,
    weight: T,
    mean: T,
    variance: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<AnchoredVwapState<T>> for AnchoredVwap<T> {
    type Error = Error;

    /// A multiplier in range; a weight `≥ 0` and finite; a usable VWAP; a variance in
    /// `0..=max_input²` (half the widest range of usable prices, squared); all zero before
    /// the first bar.
    fn try_from(state: AnchoredVwapState<T>) -> Result<Self, Error> {
        let fresh = Self::new(state.anchor, state.multiplier)?;
        // Rounding may carry a mean of inputs a few ulps past the largest input.
        let slack = T::one() + crate::float::lit::<T>(16.0) * T::epsilon();
        let limit = T::max_input() * T::max_input() * slack;
        let consistent = match state.period {
            None => {
                state.weight == T::zero() && state.mean == T::zero() && state.variance == T::zero()
            }
            Some(_) => {
                state.weight.is_finite()
                    && state.weight >= T::zero()
                    && state.mean.abs() <= T::max_input() * slack
                    && state.variance >= T::zero()
                    && state.variance <= limit
                    && (state.weight > T::zero() || state.variance == T::zero())
            }
        };
        if !consistent {
            return Err(invalid_state(
                "anchored VWAP weight, mean or variance beyond what valid bars give, or set \
                 before the first bar",
            ));
        }
        Ok(Self {
            period: state.period,
            restart: state.restart,
            weight: state.weight,
            mean: state.mean,
            variance: state.variance,
            ..fresh
        })
    }
}
