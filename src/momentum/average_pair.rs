//! The core of APO and PPO (and PVO): two moving averages of the same input, both fed from
//! the first input on, the shorter period first.

use crate::{Error, Indicator, Real};

/// Two averages of one input, periods `fast ≤ slow` (swapped at construction when given the
/// other way round, as TA-Lib swaps them).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct AveragePair<M> {
    fast: M,
    slow: M,
    fast_period: usize,
    slow_period: usize,
}

/// Checks a period of a price oscillator: `2..=100000`, TA-Lib's range.
pub(crate) fn check_oscillator_period(name: &'static str, value: usize) -> Result<usize, Error> {
    if (2..=crate::MAX_PERIOD).contains(&value) {
        Ok(value)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "2..=100000",
        })
    }
}

impl<M, T> AveragePair<M>
where
    M: Indicator<Input = T, Output = T>,
    T: Real,
{
    pub(crate) fn new(
        fast: usize,
        slow: usize,
        build: impl Fn(usize) -> Result<M, Error>,
    ) -> Result<Self, Error> {
        let fast = check_oscillator_period("fast", fast)?;
        let slow = check_oscillator_period("slow", slow)?;
        let (fast, slow) = (fast.min(slow), fast.max(slow));
        Ok(Self {
            fast: build(fast)?,
            slow: build(slow)?,
            fast_period: fast,
            slow_period: slow,
        })
    }

    /// For periods known to be valid and ordered, with their averages.
    pub(crate) fn from_parts(fast: M, slow: M, fast_period: usize, slow_period: usize) -> Self {
        Self {
            fast,
            slow,
            fast_period,
            slow_period,
        }
    }

    pub(crate) fn periods(&self) -> (usize, usize) {
        (self.fast_period, self.slow_period)
    }

    /// `(fast, slow)` after the input (unchecked: the caller checks it).
    #[inline]
    pub(crate) fn update(&mut self, x: T) -> Option<(T, T)> {
        let fast = self.fast.update(x);
        let slow = self.slow.update(x);
        Some((fast?, slow?))
    }

    #[inline]
    pub(crate) fn peek(&self, x: T) -> Option<(T, T)> {
        Some((self.fast.peek(x)?, self.slow.peek(x)?))
    }

    #[inline]
    pub(crate) fn value(&self) -> Option<(T, T)> {
        Some((self.fast.value()?, self.slow.value()?))
    }

    pub(crate) fn reset(&mut self) {
        self.fast.reset();
        self.slow.reset();
    }

    pub(crate) fn warmup_period(&self) -> usize {
        self.fast.warmup_period().max(self.slow.warmup_period())
    }

    /// The kind of average, from its label (`"EMA(12)"` gives `"EMA"`).
    pub(crate) fn kind(&self) -> String
    where
        M: core::fmt::Display,
    {
        let label = self.slow.to_string();
        label.split('(').next().unwrap_or("").to_owned()
    }

    /// A loaded pair: periods in range and ordered, and no slow value without a fast one
    /// (both are fed every input; the fast one never warms up later), now and for the rest
    /// of the warm-up: a copy is fed until both are ready (at most the slow warm-up), so a
    /// fast average left behind the slow one is refused now rather than after a few updates.
    #[cfg(feature = "serde")]
    pub(crate) fn check(self, what: &str) -> Result<Self, Error>
    where
        M: Clone,
    {
        check_oscillator_period("fast", self.fast_period)?;
        check_oscillator_period("slow", self.slow_period)?;
        let ordered = self.fast_period <= self.slow_period
            && self.fast.warmup_period() <= self.slow.warmup_period();
        let in_step = |pair: &Self| pair.slow.value().is_none() || pair.fast.value().is_some();
        let mut stays_in_step = in_step(&self);
        let mut probe = (self.value().is_none() && ordered).then(|| self.clone());
        for _ in 0..self.slow.warmup_period() {
            let Some(pair) = probe.as_mut() else { break };
            pair.fast.update(T::one());
            pair.slow.update(T::one());
            stays_in_step &= in_step(pair);
            if !stays_in_step || pair.value().is_some() {
                break;
            }
        }
        if !ordered || !stays_in_step {
            return Err(crate::error::invalid_state(format!(
                "{what}: the fast average must be the shorter one and ready no later than the slow one"
            )));
        }
        Ok(self)
    }
}
