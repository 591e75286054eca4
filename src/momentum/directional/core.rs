//! The shared core of the directional movement family: each bar's moves (+DM, −DM, true
//! range) and their Wilder sums with TA-Lib's seeding, then DX and ADX on top.

use crate::bar::Candle;
use crate::float::{from_usize, larger, lit};
use crate::window::RingBuffer;
use crate::{CheckedInput, Real};

/// `true` when the family can use `candle`: every number usable and `low ≤ close ≤ high`
/// (so the moves never exceed the true range and the DIs stay in `0..=100`).
#[inline]
pub(crate) fn accepts<T: Real>(candle: &Candle<T>) -> bool {
    candle.is_usable() & (candle.low <= candle.close) & (candle.close <= candle.high)
}

/// `true` when the ±DM indicators can use `candle`: every number usable and `low ≤ high`
/// (they read neither the open nor the close).
#[inline]
pub(crate) fn accepts_range<T: Real>(candle: &Candle<T>) -> bool {
    candle.is_usable() & (candle.low <= candle.high)
}

/// The prices of the last accepted bar that the next bar's moves are measured from.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Previous<T> {
    pub(crate) high: T,
    pub(crate) low: T,
    pub(crate) close: T,
}

impl<T: Real> Previous<T> {
    #[inline]
    pub(crate) fn of(candle: &Candle<T>) -> Self {
        Self {
            high: candle.high,
            low: candle.low,
            close: candle.close,
        }
    }

    /// Usable prices with `low ≤ high` (and the close inside unless `range_only`).
    #[cfg(feature = "serde")]
    pub(crate) fn is_valid(&self, range_only: bool) -> bool {
        let usable = self.high.is_usable() && self.low.is_usable() && self.close.is_usable();
        let inside = range_only || (self.low <= self.close && self.close <= self.high);
        usable && self.low <= self.high && inside
    }

    /// `max(H − L, |H − C_prev|, |L − C_prev|)` of `candle` after this bar.
    #[inline]
    pub(crate) fn true_range(&self, candle: &Candle<T>) -> T {
        // `larger`, not `max`: the three are never NaN (usable prices), and `max`'s NaN
        // handling takes six instructions where a comparison and a select take two.
        let range = candle.high - candle.low;
        let from_high = (candle.high - self.close).abs();
        larger(larger(range, from_high), (candle.low - self.close).abs())
    }

    /// `(+DM, −DM)` of `candle` after this bar: the larger of the up move `H − H_prev` and
    /// the down move `L_prev − L` when it is positive, 0 for the other and on a tie.
    #[inline]
    pub(crate) fn moves(&self, candle: &Candle<T>) -> (T, T) {
        let up = candle.high - self.high;
        let down = self.low - candle.low;
        let zero = T::zero();
        // `&`, not `&&`: one condition each, so a select rather than a branch on the data
        // (which way a bar moves is close to a coin toss, which no branch predictor learns).
        let up_wins = (up > zero) & (up > down);
        let down_wins = (down > zero) & (down > up);
        let plus = if up_wins { up } else { zero };
        let minus = if down_wins { down } else { zero };
        (plus, minus)
    }
}

/// The largest sum (or Wilder sum) of `moves` true ranges or moves of usable prices:
/// `moves · 2 · max_input`, with room for rounding.
#[cfg(feature = "serde")]
pub(crate) fn max_sum<T: Real>(moves: usize) -> T {
    from_usize::<T>(moves) * lit::<T>(2.0) * T::max_input() * (T::one() + lit::<T>(1e-6))
}

/// `scale · part / whole`, 0 when `whole` is 0, at most `scale` (rounding).
#[inline]
pub(crate) fn ratio<T: Real>(part: T, whole: T, scale: T) -> T {
    if whole == T::zero() {
        T::zero()
    } else {
        (scale * (part / whole)).min(scale).max(T::zero())
    }
}

/// TA-Lib's directional movement: the Wilder sums of +DM, −DM and the true range.
///
/// Move `k` (the bar after `k` others) is added to a plain sum while `k < n`; from move `n`
/// on, each sum is `S − S/n + x` (computed as `S·(1 − 1/n) + x`). ±DM are read from move
/// `max(n − 1, 1)` on, ±DI from move `n` on: `100 · DM / TR` (the fraction `DM / TR` at
/// `n = 1`, as TA-Lib).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        from = "MovementState<T>",
        bound(deserialize = "T: Real + serde::Deserialize<'de>")
    )
)]
pub(crate) struct Movement<T> {
    period: usize,
    previous: Option<Previous<T>>,
    /// Moves added so far, counted up to `period`.
    moves: usize,
    plus: T,
    minus: T,
    range: T,
    /// Wilder's weights `(1 − 1/n, 1/n)`, derived from `period` once (a conversion and a
    /// division an update otherwise, which a loop may hoist but a call through a
    /// reference cannot).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    weights: (T, T),
}

/// The saved form of [`Movement`]: its fields without the derived weights.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MovementState<T> {
    period: usize,
    previous: Option<Previous<T>>,
    moves: usize,
    plus: T,
    minus: T,
    range: T,
}

#[cfg(feature = "serde")]
impl<T: Real> From<MovementState<T>> for Movement<T> {
    /// The weights derived from the period again (the owners check the rest).
    fn from(state: MovementState<T>) -> Self {
        Self {
            previous: state.previous,
            moves: state.moves,
            plus: state.plus,
            minus: state.minus,
            range: state.range,
            ..Self::new(state.period)
        }
    }
}

impl<T: Real> Movement<T> {
    /// For a period already checked to be in `1..=100000`.
    pub(crate) fn new(period: usize) -> Self {
        let share = from_usize::<T>(period).recip();
        Self {
            period,
            previous: None,
            moves: 0,
            plus: T::zero(),
            minus: T::zero(),
            range: T::zero(),
            weights: (T::one() - share, share),
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.period
    }

    /// Commits an accepted candle.
    #[inline]
    pub(crate) fn push(&mut self, candle: &Candle<T>) {
        if let Some(previous) = self.previous {
            let (plus, minus) = previous.moves(candle);
            let range = previous.true_range(candle);
            if self.moves + 1 < self.period {
                self.plus = self.plus + plus;
                self.minus = self.minus + minus;
                self.range = self.range + range;
            } else {
                self.smooth(plus, minus, range);
            }
            self.moves = (self.moves + 1).min(self.period);
        }
        self.previous = Some(Previous::of(candle));
    }

    /// [`push`](Self::push) once the sums are smoothed (`moves == period`), `previous` the
    /// last accepted bar: the same steps without the counting.
    #[inline(always)]
    fn steady_push(&mut self, previous: Previous<T>, candle: &Candle<T>) {
        let (plus, minus) = previous.moves(candle);
        self.smooth(plus, minus, previous.true_range(candle));
        self.previous = Some(Previous::of(candle));
    }

    /// Wilder's step of the three sums.
    #[inline(always)]
    fn smooth(&mut self, plus: T, minus: T, range: T) {
        // `S − S/n + x` as `S·(1 − 1/n) + x`: a multiplication, not a division, on each
        // sum's chain from one update to the next (the same value to an ulp).
        let (keep, _) = self.weights();
        self.plus = self.plus * keep + plus;
        self.minus = self.minus * keep + minus;
        self.range = self.range * keep + range;
    }

    /// The copy `push` would leave (for `peek`).
    #[inline]
    pub(crate) fn pushed(mut self, candle: &Candle<T>) -> Self {
        self.push(candle);
        self
    }

    /// Smoothed `(+DM, −DM)`, from move `max(n − 1, 1)` on.
    #[inline]
    pub(crate) fn dm(&self) -> Option<(T, T)> {
        (self.moves >= (self.period - 1).max(1)).then_some((self.plus, self.minus))
    }

    /// Wilder's weights `(1 − 1/n, 1/n)`: of the smoothed value and of the new one.
    #[inline]
    pub(crate) fn weights(&self) -> (T, T) {
        self.weights
    }

    /// `true` from move `n` on, when the DIs (and so DX) exist.
    #[inline]
    pub(crate) fn has_di(&self) -> bool {
        self.moves >= self.period
    }

    /// `(+DI, −DI)`, from move `n` on: percentages, or fractions at `n = 1` (as TA-Lib).
    #[inline]
    pub(crate) fn di(&self) -> Option<(T, T)> {
        if self.moves < self.period {
            return None;
        }
        let scale = if self.period == 1 {
            T::one()
        } else {
            lit(100.0)
        };
        Some((
            ratio(self.plus, self.range, scale),
            ratio(self.minus, self.range, scale),
        ))
    }

    /// `true` when the smoothed true range is 0 (a flat stretch): no direction.
    #[inline]
    pub(crate) fn is_flat(&self) -> bool {
        self.range == T::zero()
    }

    pub(crate) fn reset(&mut self) {
        *self = Self::new(self.period);
    }

    /// A loaded state: a period in range (checked by the caller), a count up to it, a
    /// previous bar of the kind the indicator accepts once any move was counted, and sums
    /// that are finite, never negative and within what that many moves of usable prices
    /// give.
    #[cfg(feature = "serde")]
    pub(crate) fn check(&self, range_only: bool) -> Result<(), crate::Error> {
        // A sum of `k` moves (`k` up to `n`) is at most `k · 2 · max_input`, and the Wilder
        // step keeps it there; no move before the second bar.
        let bound = max_sum::<T>(self.moves);
        let sum_ok = |s: T| s.is_finite() && s >= T::zero() && s <= bound;
        let consistent = self.moves <= self.period
            && self.previous.is_none_or(|p| p.is_valid(range_only))
            && (self.previous.is_some() || self.moves == 0)
            && sum_ok(self.plus)
            && sum_ok(self.minus)
            && sum_ok(self.range);
        if consistent {
            Ok(())
        } else {
            Err(crate::error::invalid_state(
                "directional movement: count beyond the period, invalid previous bar, or a \
                 sum negative, not finite or beyond what usable prices give",
            ))
        }
    }
}

/// DX and ADX on top of the [`Movement`] (period `n ≥ 2`), as TA-Lib.
///
/// `DX = 100 · |+DI − −DI| / (+DI + −DI)`, from move `n` on, computed from the smoothed
/// moves (`100 · |+DM − −DM| / (+DM + −DM)`). A flat bar (smoothed true range 0, or
/// `+DM + −DM = 0`) has no DX: the DX line repeats its last value (0 for the
/// first), the ADX is left as it is. The first ADX is the sum of the first `n` DX (flat ones
/// counting 0) over `n`, at move `2n − 1`; then `ADX = (ADX · (n − 1) + DX) / n`, computed
/// as `ADX·(1 − 1/n) + DX/n`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        deny_unknown_fields,
        bound(deserialize = "T: Real + serde::Deserialize<'de>")
    )
)]
pub(crate) struct Strength<T> {
    movement: Movement<T>,
    /// The DX line's last value.
    dx: Option<T>,
    /// DX values counted, up to `n`.
    count: usize,
    /// The sum of the first DX values, until the first ADX.
    sum: T,
    adx: Option<T>,
}

impl<T: Real> Strength<T> {
    /// For a period already checked to be in `2..=100000`.
    pub(crate) fn new(period: usize) -> Self {
        Self {
            movement: Movement::new(period),
            dx: None,
            count: 0,
            sum: T::zero(),
            adx: None,
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.movement.period()
    }

    pub(crate) fn movement(&self) -> &Movement<T> {
        &self.movement
    }

    /// Commits an accepted candle.
    #[inline(always)]
    pub(crate) fn push(&mut self, candle: &Candle<T>) {
        // Warm (an ADX, so `n` DX values and smoothed sums): the steady path, the same
        // steps as below without the counting of the warm-up.
        if let (Some(adx), Some(previous)) = (self.adx, self.movement.previous) {
            self.movement.steady_push(previous, candle);
            if let Some(dx) = self.dx_of_sums() {
                self.dx = Some(dx);
                self.adx = Some(self.smoothed(adx, dx));
            }
            return;
        }
        self.general_push(candle);
    }

    /// [`push`](Self::push) at any point of the warm-up: the sums, then DX and its average.
    #[inline(always)]
    fn general_push(&mut self, candle: &Candle<T>) {
        self.movement.push(candle);
        if !self.movement.has_di() {
            return;
        }
        let dx = self.dx_of_sums();
        self.dx = dx.or(self.dx).or(Some(T::zero()));
        let n = self.period();
        if self.count < n {
            self.sum = self.sum + dx.unwrap_or(T::zero());
            self.count += 1;
            if self.count == n {
                self.adx = Some((self.sum / from_usize(n)).min(lit(100.0)));
            }
        } else if let (Some(dx), Some(adx)) = (dx, self.adx) {
            self.adx = Some(self.smoothed(adx, dx));
        }
    }

    /// DX from the smoothed moves, `None` on a flat stretch (no range, or no move).
    /// `100·|−DI − +DI| / (+DI + −DI)` is `100·|−DM − +DM| / (+DM + −DM)` (the true range
    /// cancels), one division fewer between the sums and the ADX.
    #[inline(always)]
    fn dx_of_sums(&self) -> Option<T> {
        let (plus, minus) = (self.movement.plus, self.movement.minus);
        let total = plus + minus;
        (!self.movement.is_flat() && total != T::zero())
            .then(|| ratio((minus - plus).abs(), total, lit(100.0)))
    }

    /// Wilder's step of the ADX: `(ADX·(n − 1) + DX)/n` as `ADX·(1 − 1/n) + DX/n`, a
    /// multiplication and an addition on the ADX's chain from one update to the next.
    #[inline(always)]
    fn smoothed(&self, adx: T, dx: T) -> T {
        let (keep, share) = self.movement.weights();
        (adx * keep + dx * share).min(lit(100.0))
    }

    /// The copy `push` would leave (for `peek`).
    #[inline]
    pub(crate) fn pushed(mut self, candle: &Candle<T>) -> Self {
        self.push(candle);
        self
    }

    pub(crate) fn dx(&self) -> Option<T> {
        self.dx
    }

    pub(crate) fn adx(&self) -> Option<T> {
        self.adx
    }

    pub(crate) fn reset(&mut self) {
        *self = Self::new(self.period());
    }

    /// A loaded state: the movement's checks, then a DX exactly when the DIs exist, a count
    /// up to `n` and no larger than the DX values a count of moves allows, an ADX exactly
    /// once `n` DX were counted, and every value within `0..=100` (the sum within
    /// `0..=100 · count`).
    #[cfg(feature = "serde")]
    pub(crate) fn check(&self, range_only: bool) -> Result<(), crate::Error> {
        self.movement.check(range_only)?;
        let n = self.period();
        let percent = |v: T| v.is_finite() && v >= T::zero() && v <= lit(100.0);
        let consistent = n >= 2
            && self.dx.is_some() == self.movement.di().is_some()
            && self.count <= n
            && (self.count > 0) == self.dx.is_some()
            && self.adx.is_some() == (self.count == n)
            && self.dx.is_none_or(percent)
            && self.adx.is_none_or(percent)
            && self.sum.is_finite()
            && self.sum >= T::zero()
            && self.sum <= lit::<T>(100.0) * from_usize::<T>(self.count);
        if consistent {
            Ok(())
        } else {
            Err(crate::error::invalid_state(
                "DX/ADX state out of step with the directional movement, or a value outside \
                 0..=100",
            ))
        }
    }
}

/// [`Strength`] and the last `n` ADX values, for ADXR: `(ADX_t + ADX_{t−n+1}) / 2`, as TA-Lib.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        deny_unknown_fields,
        bound(deserialize = "T: Real + serde::Deserialize<'de>")
    )
)]
pub(crate) struct Rating<T: Copy> {
    strength: Strength<T>,
    /// The last `n` ADX values, oldest first.
    history: RingBuffer<T>,
}

impl<T: Real> Rating<T> {
    /// For a period already checked to be in `2..=100000`.
    pub(crate) fn new(period: usize) -> Self {
        Self {
            strength: Strength::new(period),
            history: RingBuffer::with_valid_capacity(period),
        }
    }

    pub(crate) fn period(&self) -> usize {
        self.strength.period()
    }

    pub(crate) fn strength(&self) -> &Strength<T> {
        &self.strength
    }

    /// Commits an accepted candle.
    #[inline]
    pub(crate) fn push(&mut self, candle: &Candle<T>) {
        self.strength.push(candle);
        if let Some(adx) = self.strength.adx() {
            self.history.push(adx);
        }
    }

    /// The strength `push` would leave and the ADXR it would give (for `peek`).
    #[inline]
    pub(crate) fn pushed(&self, candle: &Candle<T>) -> (Strength<T>, Option<T>) {
        let strength = self.strength.pushed(candle);
        let history = &self.history;
        // The value n − 1 bars before the new one: the second oldest once full, the
        // oldest when one short.
        let base = if history.is_full() {
            history.iter().nth(1)
        } else if history.len() + 1 == history.capacity() {
            history.oldest()
        } else {
            None
        };
        let adxr = match (strength.adx(), base) {
            (Some(adx), Some(base)) => Some(Self::average(adx, base)),
            _ => None,
        };
        (strength, adxr)
    }

    #[inline]
    fn average(now: T, before: T) -> T {
        ((now + before) / lit(2.0)).min(lit(100.0))
    }

    /// `(ADX + ADX n − 1 bars ago) / 2`, once `n` ADX values exist.
    #[inline]
    pub(crate) fn adxr(&self) -> Option<T> {
        if !self.history.is_full() {
            return None;
        }
        Some(Self::average(
            self.history.newest()?,
            self.history.oldest()?,
        ))
    }

    pub(crate) fn reset(&mut self) {
        self.strength.reset();
        self.history.clear();
    }

    /// A loaded state: the strength's checks, `n` slots, ADX values in `0..=100`, the
    /// newest being the current ADX, and none before the first ADX.
    #[cfg(feature = "serde")]
    pub(crate) fn check(&self, range_only: bool) -> Result<(), crate::Error> {
        self.strength.check(range_only)?;
        let percent = |v: T| v.is_finite() && v >= T::zero() && v <= lit(100.0);
        let consistent = self.history.capacity() == self.period()
            && self.history.iter().all(percent)
            && self.history.newest() == self.strength.adx();
        if consistent {
            Ok(())
        } else {
            Err(crate::error::invalid_state(
                "ADXR history: wrong length, a value outside 0..=100, or out of step with the ADX",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::average::smoother::test_candles;

    #[test]
    fn the_steady_path_is_the_general_path_bit_for_bit() {
        // A flat start (no range: DX undefined, the ADX held) and then a random walk.
        let flat = Candle::new(50.0, 50.0, 50.0, 50.0, 0.0).unwrap();
        let candles = core::iter::repeat_n(flat, 60).chain(test_candles(600));
        let mut strength = Strength::new(5);
        let (mut steady, mut steady_flat) = (0, 0);
        for candle in candles.filter(accepts) {
            let mut general = strength;
            general.general_push(&candle);
            if strength.adx.is_some() {
                steady += 1;
                steady_flat += usize::from(strength.movement.is_flat());
            }
            strength.push(&candle);
            assert_eq!(format!("{strength:?}"), format!("{general:?}"));
        }
        assert!(
            steady > 550 && steady_flat > 40,
            "{steady} steady, {steady_flat} flat"
        );
    }
}
