//! The recursive smoother behind EMA, Wilder's RMA, RSI and (later) ATR, written once.

use crate::Real;

use crate::error::check_period;
use crate::float::from_usize;
#[cfg(feature = "serde")]
use crate::float::lit;
use crate::Error;

/// How the first output of an exponential average is obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum Seed {
    /// TA-Lib's default ("classic"): the first output, after `period` inputs, is the simple
    /// mean of those inputs; the recursion starts from it.
    #[default]
    Sma,
    /// The first input is the first output (pandas `ewm(adjust=false)`, TA-Lib's Metastock
    /// mode without its hidden warm-up). Outputs start at once, and depend on where the
    /// stream started for longer.
    FirstValue,
}

/// The recursion applied once seeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) enum Rule {
    /// `s = (x − s)·k + s` with `k = 2/(n+1)` (TA-Lib's EMA), evaluated as
    /// `s·(1 − k) + x·k` ([`ema_step`]): a multiplication and an addition on the
    /// loop-carried path, where TA-Lib's order has a subtraction too.
    Ema,
    /// `s = (s·(n−1) + x)/n` (Wilder; TA-Lib's RSI and ATR), evaluated as
    /// `s·((n−1)/n) + x·(1/n)`: no division on the loop-carried path. Differs from TA-Lib's
    /// evaluation order by a few ulps that do not accumulate (the recursion is contractive).
    Wilder,
}

/// An exponential smoother: seeded, then `s_t = f(s_{t−1}, x_t)`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "SmootherState<T>")
)]
pub(crate) struct Smoother<T: Real> {
    period: usize,
    seed: Seed,
    rule: Rule,
    /// Inputs consumed, saturating at the warm-up length.
    count: usize,
    /// The running sum of the seed inputs while warming up; the smoothed value after.
    state: T,
    /// The weight of the previous value: `1 − k` for [`Rule::Ema`], `(n − 1)/n` for
    /// [`Rule::Wilder`]; derived from `period`.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    keep: T,
    /// `n`, derived from `period`. Between `keep` and `take` on purpose: with the two
    /// weights side by side the compiler loads them as one pair and computes a step as
    /// `[s, x]·[keep, take]` and a horizontal sum, which puts two shuffles on the chain
    /// from one average to the next (measured 3.8 against 1.9 ns a step in a plain loop).
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    n: T,
    /// The weight of the new input: `k = 2/(n + 1)` for [`Rule::Ema`], `1/n` for
    /// [`Rule::Wilder`]; derived from `period`.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    take: T,
}

impl<T: Real> Smoother<T> {
    pub(crate) fn new(period: usize, seed: Seed, rule: Rule) -> Result<Self, Error> {
        Ok(Self::with_valid_period(
            check_period("period", period)?,
            seed,
            rule,
        ))
    }

    /// For periods already known to be valid (constants such as RSI's default 14).
    pub(crate) fn with_valid_period(period: usize, seed: Seed, rule: Rule) -> Self {
        let n: T = from_usize(period);
        let (keep, take) = match rule {
            Rule::Ema => ema_weights((T::one() + T::one()) / (n + T::one())),
            Rule::Wilder => ((n - T::one()) / n, T::one() / n),
        };
        Self {
            period,
            seed,
            rule,
            count: 0,
            state: T::zero(),
            keep,
            n,
            take,
        }
    }

    /// `true` when the state is no larger than `count` inputs of magnitude
    /// `largest_input` can make it: a seed's running sum is at most `count` of them, a
    /// smoothed value at most one (it is a weighted mean), with room for the rounding of
    /// `n` additions. Loading checks it with `4 × max_input` (the most any user feeds: inputs,
    /// differences of two inputs, true ranges, all at most `2 × max_input`), so every later
    /// update stays finite; users whose inputs are inputs check it with `max_input`.
    #[cfg(feature = "serde")]
    pub(crate) fn fed_at_most(&self, largest_input: T) -> bool {
        let slack = T::one() + lit::<T>(4.0) * self.n * T::epsilon();
        let bound = largest_input * slack;
        let bound = if self.count >= self.warmup_period() {
            bound
        } else {
            from_usize::<T>(self.count) * bound
        };
        self.state.abs() <= bound
    }

    #[cfg(feature = "serde")]
    pub(crate) fn is_wilder(&self) -> bool {
        self.rule == Rule::Wilder
    }

    #[cfg(feature = "serde")]
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// The running seed sum while warming up, the smoothed value after.
    #[inline]
    pub(crate) fn state(&self) -> T {
        self.state
    }

    /// Replaces the smoothed value, for a caller that ran [`ema_step`] on a copy of it (a
    /// steady-state loop holding it in a register); the count is unchanged.
    #[inline]
    pub(crate) fn set_state(&mut self, state: T) {
        self.state = state;
    }

    /// `(keep, take)`: the weights of the previous value and of the input in a step.
    #[inline]
    pub(crate) fn weights(&self) -> (T, T) {
        (self.keep, self.take)
    }

    pub(crate) fn period(&self) -> usize {
        self.period
    }

    pub(crate) fn seed(&self) -> Seed {
        self.seed
    }

    /// Inputs needed before the first output.
    pub(crate) fn warmup_period(&self) -> usize {
        match self.seed {
            Seed::Sma => self.period,
            Seed::FirstValue => 1,
        }
    }

    /// `(count, state)` after consuming `x`; shared by `update` and `peek`.
    #[inline]
    fn next(&self, x: T) -> (usize, T) {
        let warmup = self.warmup_period();
        if self.count >= warmup {
            let smoothed = match self.rule {
                Rule::Ema => self.peek_ema_step(x),
                Rule::Wilder => self.peek_wilder_step(x),
            };
            (self.count, smoothed)
        } else if self.count + 1 == warmup {
            let seeded = match self.seed {
                Seed::Sma => (self.state + x) / self.n,
                Seed::FirstValue => x,
            };
            (warmup, seeded)
        } else {
            (self.count + 1, self.state + x)
        }
    }

    /// `true` once seeded: every later input goes through the recursion alone.
    #[inline]
    pub(crate) fn is_warm(&self) -> bool {
        self.count >= self.warmup_period()
    }

    /// The steady-state step of [`Rule::Ema`], for a caller that knows this smoother is an
    /// EMA past its warm-up ([`is_warm`](Self::is_warm)): exactly what
    /// [`update`](Self::update) computes then, without its bookkeeping.
    #[inline]
    pub(crate) fn ema_step(&mut self, x: T) -> T {
        self.state = self.peek_ema_step(x);
        self.state
    }

    /// What [`ema_step`](Self::ema_step) would return, without committing.
    #[inline]
    pub(crate) fn peek_ema_step(&self, x: T) -> T {
        ema_step(self.state, x, self.keep, self.take)
    }

    /// The steady-state step of [`Rule::Wilder`], for a caller that knows this smoother is
    /// Wilder's past its warm-up: exactly what [`update`](Self::update) computes then.
    #[inline]
    pub(crate) fn wilder_step(&mut self, x: T) -> T {
        self.state = self.peek_wilder_step(x);
        self.state
    }

    /// What [`wilder_step`](Self::wilder_step) would return, without committing.
    #[inline]
    pub(crate) fn peek_wilder_step(&self, x: T) -> T {
        self.state * self.keep + x * self.take
    }

    #[inline]
    pub(crate) fn update(&mut self, x: T) -> Option<T> {
        (self.count, self.state) = self.next(x);
        self.value()
    }

    #[inline]
    pub(crate) fn peek(&self, x: T) -> Option<T> {
        let (count, state) = self.next(x);
        (count >= self.warmup_period()).then_some(state)
    }

    #[inline]
    pub(crate) fn value(&self) -> Option<T> {
        (self.count >= self.warmup_period()).then_some(self.state)
    }

    pub(crate) fn reset(&mut self) {
        self.count = 0;
        self.state = T::zero();
    }
}

/// `(keep, take)` for an EMA with smoothing constant `k` in `(0, 1]`: `keep = 1 − k` rounded,
/// then `take = 1 − keep`, which is exact (`keep` is in `[0, 1]` and within a factor 2 of 1,
/// or `k` is at least ½ and `take` is `k` itself), so the two weights sum to exactly 1. With
/// `take = k` instead, `keep`'s rounding would bias every step by up to half an ulp of the
/// average, and the bias would add up over about `1/k` steps; this way `take` differs from
/// `k` by at most an ulp of 1, which only moves the average by that much of `x − s`.
pub(crate) fn ema_weights<T: Real>(k: T) -> (T, T) {
    let keep = T::one() - k;
    (keep, T::one() - keep)
}

/// One step of an exponential moving average: `s·(1 − k) + x·k`, with `keep = 1 − k` and
/// `take = k`, and exactly `s` when `x = s`.
///
/// Written as two products and a sum, the step's dependency from one value to the next is a
/// multiplication and an addition; TA-Lib's `(x − s)·k + s` puts a subtraction before them
/// (half as much latency again, in a loop where that chain is the whole cost). Its one
/// exact property, that an input equal to the average leaves it unchanged (a flat series
/// keeps its average, and an oscillator built on averages reads exactly 0), is kept by
/// returning `s` itself then. That case goes through `black_box` (the identity, opaque to
/// the compiler), so that it stays a branch, predicted since it is taken only on a repeat of
/// the average, and the comparison stays off that chain: as a select it sat on it, and as a
/// call (to a `#[cold]` function), which may overwrite every floating-point register, it led
/// the compiler to keep MACD's averages in memory around it. The two forms differ by an ulp
/// or so of the values.
#[inline(always)]
pub(crate) fn ema_step<T: Real>(state: T, x: T, keep: T, take: T) -> T {
    if x == state {
        return core::hint::black_box(state);
    }
    state * keep + x * take
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SmootherState<T> {
    period: usize,
    seed: Seed,
    rule: Rule,
    count: usize,
    state: T,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SmootherState<T>> for Smoother<T> {
    type Error = Error;

    fn try_from(saved: SmootherState<T>) -> Result<Self, Error> {
        let mut smoother = Self::new(saved.period, saved.seed, saved.rule)?;
        if saved.count > smoother.warmup_period() {
            return Err(crate::error::invalid_state(format!(
                "smoother count {} exceeds its warm-up of {}",
                saved.count,
                smoother.warmup_period()
            )));
        }
        smoother.count = saved.count;
        smoother.state = saved.state;
        if !smoother.fed_at_most(lit::<T>(4.0) * T::max_input()) {
            return Err(crate::error::invalid_state(
                "smoother state is not finite, too large for its inputs, or not zero before \
                 the first input",
            ));
        }
        Ok(smoother)
    }
}

/// A deterministic random walk (xorshift64) around 50 with a NaN every 97 inputs, for the
/// unit tests that compare an indicator's steady-state path with its general one.
#[cfg(test)]
pub(crate) fn test_walk(length: usize) -> impl Iterator<Item = f64> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut price = 50.0;
    (0..length).map(move |i| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        price += (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
        if i % 97 == 50 {
            f64::NAN
        } else {
            price
        }
    })
}

/// Candles around [`test_walk`]: open at the previous close, wicks 0.25 beyond the body
/// (a NaN close where the walk has one).
#[cfg(test)]
pub(crate) fn test_candles(length: usize) -> impl Iterator<Item = crate::bar::Candle<f64>> {
    let mut previous = 50.0;
    test_walk(length).map(move |close| {
        let open = previous;
        if close.is_finite() {
            previous = close;
        }
        let (high, low) = (open.max(close) + 0.25, open.min(close) - 0.25);
        crate::bar::Candle {
            open,
            high,
            low,
            close,
            volume: 0.0,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bare_steps_are_the_steady_recursions() {
        for rule in [Rule::Ema, Rule::Wilder] {
            let mut general = Smoother::<f64>::new(5, Seed::Sma, rule).unwrap();
            let mut bare = general.clone();
            for x in test_walk(300).filter(|x| x.is_finite()) {
                let expected = general.update(x);
                if bare.is_warm() {
                    let step = match rule {
                        Rule::Ema => (bare.peek_ema_step(x), bare.ema_step(x)),
                        Rule::Wilder => (bare.peek_wilder_step(x), bare.wilder_step(x)),
                    };
                    assert_eq!(Some(step.0), expected);
                    assert_eq!(Some(step.1), expected);
                } else {
                    assert_eq!(bare.update(x), expected);
                }
                assert_eq!(bare, general);
            }
            assert!(general.is_warm());
        }
    }
}
