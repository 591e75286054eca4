//! Volume: how much traded, and on which side of the price move.
//!
//! | Type | TA-Lib | Input | Output | Warm-up (inputs) |
//! |---|---|---|---|---|
//! | [`Obv`] | `OBV` | (close, volume) | running volume total | 1 |
//! | [`AccumulationDistribution`] | `AD` | [`Candle`] | running money-flow total | 1 |
//! | [`ChaikinOscillator`] | `ADOSC` | [`Candle`] | number | `max(fast, slow)` |
//! | [`ChaikinMoneyFlow`] | `CMF` | [`Candle`] | `−1..=1` | `n` |
//! | [`ForceIndex`] | `EFI` | (close, volume) | number | `n + 1` |
//! | [`MarketFacilitation`] | `MARKETFI` | [`Candle`] | `≥ 0` | 1 |
//! | [`VolumeIndex`] | `NVI`, `PVI` | (close, volume) | index (starts at 1000), `≥ 0` | 1 |
//! | [`PriceVolumeTrend`] | `PVT` | (close, volume) | running total | 1 |
//! | [`RelativeVolume`] | `RVOL` | volume | `≥ 0` | `n + 1` |
//! | [`Vwap`] | `VWAP` | [`Candle`] | price | 1 |
//! | [`AnchoredVwap`] | — | timestamped [`Bar`](crate::bar::Bar) | [`VwapBands`] (VWAP, `±k·σ` bands, `σ`) since the session's or your anchor | 1 |
//!
//! # Running totals that do not drift
//!
//! OBV, AD, PVT and VWAP are sums over the whole history. Each keeps its sums with
//! [`CompensatedSum`], so the total stays within about one
//! rounding of the exact sum however long the stream: ten million updates, or a huge volume
//! followed by small ones, leave no error behind (a plain `total += x` does). NVI and PVI
//! are running products: each changed bar adds one rounding of relative error (`2⁻⁵³`), so
//! after `m` changes the index is within `m·2⁻⁵³` (relative) of the exact product.
//!
//! # Inputs
//!
//! Volumes must be usable numbers and not negative; a negative volume is refused like a NaN
//! ([`try_update`](crate::Indicator::try_update) returns
//! [`Error::InvalidInput`](crate::Error::InvalidInput), `update` and `peek` leave the state
//! unchanged and return the last value). Candle inputs must be valid bars (`low ≤ open,
//! close ≤ high`, see [`Candle::validate`](crate::bar::Candle::validate)). The closes of
//! the indicators that divide by the previous close (NVI, PVI, PVT) must be positive. An
//! input that would carry a running total beyond the float range is refused too, so every
//! output is finite.
//!
//! # Events
//!
//! The usual readings are crosses: the Chaikin oscillator or the force index crossing zero,
//! OBV crossing its own average, CMF leaving `±0.05`. Feed the value to
//! [`CrossLevel`](crate::signal::CrossLevel) or, with an average, to
//! [`Crossover`](crate::signal::Crossover):
//!
//! ```
//! use ta_stream::signal::{Cross, CrossLevel};
//! use ta_stream::{bar::Candle, volume::ChaikinOscillator, Indicator};
//!
//! let mut adosc = ChaikinOscillator::new(2, 3)?;
//! let mut zero = CrossLevel::new(0.0)?;
//! let mut events = Vec::new();
//! // Closes at the low (selling) then at the high (buying).
//! for (i, close) in [10.0, 10.0, 10.0, 10.0, 12.0, 12.0].into_iter().enumerate() {
//!     let candle = Candle::new(close, 12.0, 10.0, close, 1000.0)?;
//!     if let Some(value) = adosc.update(candle) {
//!         if let Some(Some(cross)) = zero.update(value) {
//!             events.push((i, cross));
//!         }
//!     }
//! }
//! // The A/D line turns up on bar 4; the fast average crosses the slow one on bar 5.
//! assert_eq!(events, [(5, Cross::Above)]);
//! # Ok::<(), ta_stream::Error>(())
//! ```

mod accumulation_distribution;
mod anchored_vwap;
mod chaikin_money_flow;
mod chaikin_oscillator;
mod exp_average;
mod force_index;
mod market_facilitation;
mod obv;
mod price_volume_trend;
mod relative_volume;
mod volume_index;
mod vwap;

pub use accumulation_distribution::AccumulationDistribution;
pub use anchored_vwap::{AnchoredVwap, VwapAnchor, VwapBands};
pub use chaikin_money_flow::ChaikinMoneyFlow;
pub use chaikin_oscillator::ChaikinOscillator;
pub use force_index::ForceIndex;
pub use market_facilitation::MarketFacilitation;
pub use obv::Obv;
pub use price_volume_trend::PriceVolumeTrend;
pub use relative_volume::RelativeVolume;
pub use volume_index::{VolumeIndex, VolumeSide};
pub use vwap::Vwap;

use crate::bar::Candle;
use crate::window::CompensatedSum;
use crate::Real;

/// `true` for a usable, non-negative volume.
#[inline]
pub(crate) fn is_volume<T: Real>(volume: T) -> bool {
    volume.is_usable() & (volume >= T::zero())
}

/// `true` for a usable (close, volume) pair with a volume `≥ 0`.
#[inline]
pub(crate) fn is_close_volume<T: Real>((close, volume): (T, T)) -> bool {
    close.is_usable() & is_volume(volume)
}

/// `true` for a usable (close, volume) pair with a positive close and a volume `≥ 0`.
#[inline]
pub(crate) fn is_positive_close_volume<T: Real>((close, volume): (T, T)) -> bool {
    is_close_volume((close, volume)) & (close > T::zero())
}

/// The money-flow volume of a candle: `((C − L) − (H − C)) / (H − L) · V`, 0 when `H = L`.
/// Within `±V` for a valid bar.
///
/// Without a branch: the flow is computed whatever the range (a flat candle's is NaN or
/// infinite, and clamped to `−V`), then a select keeps it or 0, so that a column path
/// computes a chunk's flows two at a time.
#[inline]
pub(crate) fn money_flow_volume<T: Real>(candle: &Candle<T>) -> T {
    let range = candle.high - candle.low;
    let position = (candle.close - candle.low) - (candle.high - candle.close);
    let flow = crate::float::clamp(
        position / range * candle.volume,
        -candle.volume,
        candle.volume,
    );
    if range > T::zero() {
        flow
    } else {
        T::zero()
    }
}

/// The column paths of the money-flow indicators (AD, ADOSC) in TA-Lib's shape: high, low,
/// close and volume columns (their lengths checked, see `slice::column_rows`), each row the
/// candle `(open: close, high, low, close, volume)` for `row` (the streaming update). A
/// chunk of usable rows that are all valid bars has its money-flow volumes written into
/// `out`, then goes to `add_up`, which replaces them by the outputs (or returns `false` to
/// decline the chunk, which then goes row by row).
pub(crate) fn money_flow_columns<S, T: Real>(
    state: &mut S,
    [high, low, close, volume]: [&[T]; 4],
    out: &mut [T],
    add_up: impl Fn(&mut S, &mut [T]) -> bool,
    row: impl Fn(&mut S, Candle<T>) -> Option<T>,
) -> Result<(), crate::Error> {
    let inputs = [
        ("high", high),
        ("low", low),
        ("close", close),
        ("volume", volume),
    ];
    crate::slice::column_rows(
        state,
        inputs,
        [("out", out)],
        |state, columns, [out]| {
            // Usable numbers (proven for the chunk) and a valid bar's order, every row.
            if !valid_hlcv_rows(columns) {
                return false;
            }
            money_flow_volumes_into(columns, out);
            add_up(state, out)
        },
        |state, [high, low, close, volume]| {
            let candle = Candle::from_hlcv(high, low, close, volume);
            [row(state, candle).unwrap_or_else(T::nan)]
        },
    )
}

/// `true` when every row of high, low, close and volume columns whose numbers are usable
/// (proven by the caller) is the valid bar `(open: close, high, low, close, volume)`: the
/// close within the range and the volume not negative. One pass without a branch.
#[inline]
fn valid_hlcv_rows<T: Real>([high, low, close, volume]: [&[T]; 4]) -> bool {
    let rows = high.iter().zip(low).zip(close).zip(volume);
    rows.fold(true, |valid, (((&h, &l), &c), &v)| {
        valid & (l <= c) & (c <= h) & (v >= T::zero())
    })
}

/// The money-flow volume of each row of high, low, close and volume columns into `out`,
/// without a dependency from one row to the next.
#[inline]
fn money_flow_volumes_into<T: Real>([high, low, close, volume]: [&[T]; 4], out: &mut [T]) {
    let rows = high.iter().zip(low).zip(close).zip(volume);
    for ((((&high, &low), &close), &volume), slot) in rows.zip(out) {
        *slot = money_flow_volume(&Candle::from_hlcv(high, low, close, volume));
    }
}

/// `sum + x`, or `None` when the total would leave the float range.
///
/// One test covers both parts: the total is their sum, which is NaN or infinite when either
/// part is (`∞ + finite = ∞`, `∞ − ∞ = NaN`), so a finite total means finite parts.
#[inline]
pub(crate) fn finite_plus<T: Real>(sum: CompensatedSum<T>, x: T) -> Option<CompensatedSum<T>> {
    let next = sum.plus(x);
    next.total().is_finite().then_some(next)
}

/// `true` when a loaded running sum is one that [`finite_plus`] can produce.
#[cfg(feature = "serde")]
pub(crate) fn is_finite_sum<T: Real>(sum: CompensatedSum<T>) -> bool {
    sum.is_finite() && sum.total().is_finite()
}
