//! A streaming index-level calculator: shares fixed at a rebalance, one price at a time.

use core::fmt;

use crate::float::two_sum;
use crate::{CheckedInput, Error, Indicator, Real};

/// One constituent at a rebalance: ticker, index shares (shares outstanding times any
/// weighting factor) and price at the rebalance.
///
/// ```
/// use ta_stream::index::Constituent;
///
/// let aapl = Constituent::new("AAPL", 1_000.0, 230.0);
/// assert_eq!((aapl.ticker(), aapl.shares(), aapl.price()), ("AAPL", 1_000.0, 230.0));
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Constituent {
    ticker: String,
    shares: f64,
    price: f64,
}

impl Constituent {
    /// A constituent (checked when it enters an [`IndexCalculator`]).
    ///
    /// See [`Constituent`] for an example.
    pub fn new(ticker: impl Into<String>, shares: f64, price: f64) -> Self {
        Self {
            ticker: ticker.into(),
            shares,
            price,
        }
    }

    /// The ticker.
    ///
    /// See [`Constituent`] for an example.
    pub fn ticker(&self) -> &str {
        &self.ticker
    }

    /// The index shares.
    ///
    /// See [`Constituent`] for an example.
    pub fn shares(&self) -> f64 {
        self.shares
    }

    /// The price.
    ///
    /// See [`Constituent`] for an example.
    pub fn price(&self) -> f64 {
        self.price
    }
}

/// A new price for the constituent at `position` (its place in the rebalance list): the
/// input of [`IndexCalculator`] as an [`Indicator`].
///
/// ```
/// use ta_stream::index::PriceUpdate;
/// use ta_stream::CheckedInput;
///
/// assert!(PriceUpdate::new(0, 101.5).is_usable());
/// assert!(!PriceUpdate::new(0, 0.0).is_usable()); // prices are > 0
/// assert!(!PriceUpdate::new(0, 1e-300).is_usable()); // and in 1e-150..=1e150
/// assert_eq!(PriceUpdate::new(3, 1.0).position(), 3);
/// assert_eq!(PriceUpdate::new(3, 1.0).price(), 1.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PriceUpdate {
    position: usize,
    price: f64,
}

impl PriceUpdate {
    /// The price `price` for the constituent at `position`.
    ///
    /// See [`PriceUpdate`] for an example.
    pub fn new(position: usize, price: f64) -> Self {
        Self { position, price }
    }

    /// The constituent's position.
    ///
    /// See [`PriceUpdate`] for an example.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The new price.
    ///
    /// See [`PriceUpdate`] for an example.
    pub fn price(&self) -> f64 {
        self.price
    }
}

impl CheckedInput for PriceUpdate {
    /// A price in the usable range of prices: `1e-150..=1e150` (see [`Real`]).
    fn is_usable(&self) -> bool {
        positive(self.price)
    }
}

/// Index level from constituent prices, updated in O(1) per price.
///
/// # Formula
///
/// `level = Σ shares_i · price_i / divisor`. The market value is kept as a compensated
/// (Neumaier) running sum of `shares_i · (p_new − p_old)`, so that millions of updates do
/// not drift from the exact `Σ shares_i · price_i`. Weights drift with prices:
/// `w_i = shares_i · price_i / Σ shares · price`.
///
/// At a rebalance the basket changes (new shares, new members) but the level does not: the
/// divisor becomes `new market value / level before`.
///
/// # Parameters
///
/// - the starting level, in `1e-150..=1e150`;
/// - the constituents: 1 to [`MAX_CONSTITUENTS`] (1,000,000), unique non-empty tickers,
///   shares and prices in `1e-150..=1e150` (the usable range of [`Real`]), weights too for
///   [`from_weights`](Self::from_weights).
///
/// # Magnitudes
///
/// Every product `shares · price` is in `1e-300..=1e300`, so the market value is finite
/// (at most `1e306`) and never 0. The level stays in `1e-150..=1e150`, like any usable
/// input: a price that would take it out (a constituent moving by a factor of `1e300`) is
/// refused like a NaN. The divisor `market value / level` must be a normal `f64`: a basket
/// whose market value is more than ~1e300 times the level (or less than ~1e-300 times) is
/// refused at construction or rebalance with [`Error::InvalidParameter`] (`level`).
///
/// The running market value carries a bound of its own rounding error; when the bound
/// reaches `1e-9` of the market value (after ~500,000 updates, or at once after a
/// cancellation such as a dominant constituent falling by a factor of 1e9), the market
/// value is recomputed exactly in O(n). So a loaded checkpoint is checked against
/// `Σ shares · price` within that bound, and every state an update reaches passes the
/// check.
///
/// # As an [`Indicator`]
///
/// Input [`PriceUpdate`], output the level. A price outside `1e-150..=1e150`, a price that
/// would take the level out of `1e-150..=1e150`, or a position out of range is ignored by
/// [`update`](Indicator::update) and [`peek`](Indicator::peek) and rejected by
/// [`try_update`](Indicator::try_update) with [`Error::InvalidInput`].
/// [`reset`](Indicator::reset) restores the prices of the last rebalance. The level is
/// known from construction: `warmup_period() == 0`.
///
/// # Example
///
/// ```
/// use ta_stream::index::{Constituent, IndexCalculator, PriceUpdate};
/// use ta_stream::Indicator;
///
/// // 60% / 40% at level 1000.
/// let mut index = IndexCalculator::from_weights(1000.0, &[("AAA", 0.6, 50.0), ("BBB", 0.4, 20.0)])?;
/// assert!((index.level() - 1000.0).abs() < 1e-9);
/// // AAA +10%: the level rises 6%.
/// let level = index.update(PriceUpdate::new(0, 55.0)).unwrap();
/// assert!((level - 1060.0).abs() < 1e-9);
/// assert!((index.weight(0).unwrap() - 0.66 / 1.06).abs() < 1e-12); // drifted weight
/// index.set_price("BBB", 18.0)?; // by ticker
/// assert!((index.level() - 1020.0).abs() < 1e-9);
///
/// // Rebalance back to 50/50 at today's prices: the level is unchanged.
/// index.rebalance_to_weights(&[("AAA", 0.5, 55.0), ("CCC", 0.5, 10.0)])?;
/// assert!((index.level() - 1020.0).abs() < 1e-9);
/// index.update(PriceUpdate::new(1, 11.0)); // CCC +10%: level +5%
/// assert!((index.level() - 1071.0).abs() < 1e-9);
/// assert_eq!(index.to_string(), "INDEX(2 constituents)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "IndexCalculatorState")
)]
pub struct IndexCalculator {
    tickers: Vec<String>,
    /// Positions sorted by ticker, for lookups by ticker.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    by_ticker: Vec<usize>,
    shares: Vec<f64>,
    prices: Vec<f64>,
    rebalance_prices: Vec<f64>,
    market_value: f64,
    compensation: f64,
    /// An upper bound of how far `market_value + compensation` may be from the exact
    /// `Σ shares · price` (rounding accumulated since the last exact recomputation).
    drift: f64,
    divisor: f64,
}

/// The most constituents a basket may hold: `Σ shares · price` stays below `1e306`.
pub const MAX_CONSTITUENTS: usize = 1_000_000;

/// The running market value is recomputed exactly once its drift bound reaches this
/// fraction of it.
const DRIFT_LIMIT: f64 = 1e-9;

/// Drift added per update, relative to the market value before it: more than the rounding
/// of an exact recomputation (`~2⁻⁵³`), so that the bound also covers a state that was
/// loaded (checked within `CHECK_SLACK` of the recomputation).
const DRIFT_PER_UPDATE: f64 = 1.0 / (1u64 << 49) as f64;

/// Drift added per update relative to the numbers the compensation rounds: twice the unit
/// roundoff (`2⁻⁵³`).
const DRIFT_PER_ROUNDING: f64 = 1.0 / (1u64 << 52) as f64;

/// The slack of the loaded-state check `|stored − exact| ≤ drift + slack · exact`: the
/// rounding of the exact recomputation itself.
#[cfg(feature = "serde")]
const CHECK_SLACK: f64 = 1.0 / (1u64 << 50) as f64;

/// The running sum of one update: market value, compensation and drift bound.
#[derive(Debug, Clone, Copy)]
struct Running {
    market_value: f64,
    compensation: f64,
    drift: f64,
}

fn invalid(name: &'static str, value: String, expected: &'static str) -> Error {
    Error::InvalidParameter {
        name,
        value,
        expected,
    }
}

/// A share count, price, weight or level in the usable range `1e-150..=1e150`.
fn positive(x: f64) -> bool {
    x >= f64::min_input() && x <= f64::max_input()
}

/// A divisor: a normal, finite float `> 0`.
fn valid_divisor(x: f64) -> bool {
    x.is_normal() && x > 0.0
}

/// `true` when the drift bound calls for an exact recomputation.
fn drift_too_large(drift: f64, market_value: f64) -> bool {
    let limit = DRIFT_LIMIT * market_value;
    drift.is_nan() || limit.is_nan() || drift > limit
}

const RANGE: &str = "a finite number in 1e-150..=1e150";

impl IndexCalculator {
    /// An index of `constituents` (index shares and prices) starting at `level`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a level, shares or price outside `1e-150..=1e150`
    /// (`level`, `shares`, `price`), a level too far from the market value for a normal
    /// divisor (`level`), an empty list or more than [`MAX_CONSTITUENTS`] (`constituents`),
    /// or an empty or repeated ticker (`ticker`).
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let index = IndexCalculator::from_shares(100.0, vec![
    ///     Constituent::new("A", 10.0, 5.0),
    ///     Constituent::new("B", 5.0, 10.0),
    /// ])?;
    /// assert_eq!(index.level(), 100.0);
    /// assert_eq!(index.divisor(), 1.0); // market value 100 / level 100
    /// assert_eq!(index.weights(), [("A", 0.5), ("B", 0.5)]);
    /// assert!(IndexCalculator::from_shares(100.0, vec![]).is_err());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn from_shares(level: f64, constituents: Vec<Constituent>) -> Result<Self, Error> {
        if !positive(level) {
            return Err(invalid("level", level.to_string(), RANGE));
        }
        let mut index = Self::basket(constituents)?;
        index.divisor = divisor_for(index.market_value, level)?;
        Ok(index)
    }

    /// An index holding `(ticker, weight, price)` at `level`: shares are
    /// `weight · level / price`, with weights normalised to sum to 1.
    ///
    /// # Errors
    /// As [`from_shares`](Self::from_shares) (shares computed out of range included), and
    /// for a weight outside `1e-150..=1e150` (`weight`).
    ///
    /// See [`IndexCalculator`] for an example.
    pub fn from_weights(level: f64, constituents: &[(&str, f64, f64)]) -> Result<Self, Error> {
        if !positive(level) {
            return Err(invalid("level", level.to_string(), RANGE));
        }
        let basket = Self::weights_to_shares(level, constituents)?;
        Self::from_shares(level, basket)
    }

    fn weights_to_shares(
        level: f64,
        constituents: &[(&str, f64, f64)],
    ) -> Result<Vec<Constituent>, Error> {
        let mut total = 0.0;
        for &(ticker, weight, price) in constituents {
            if !positive(weight) {
                return Err(invalid("weight", format!("{ticker}: {weight}"), RANGE));
            }
            if !positive(price) {
                return Err(invalid("price", format!("{ticker}: {price}"), RANGE));
            }
            total += weight;
        }
        Ok(constituents
            .iter()
            .map(|&(ticker, weight, price)| {
                Constituent::new(ticker, weight / total * level / price, price)
            })
            .collect())
    }

    /// Validates a basket; the divisor is left at 1.
    fn basket(constituents: Vec<Constituent>) -> Result<Self, Error> {
        if constituents.is_empty() || constituents.len() > MAX_CONSTITUENTS {
            return Err(invalid(
                "constituents",
                format!("{} constituents", constituents.len()),
                "1..=1000000 constituents",
            ));
        }
        for c in &constituents {
            if c.ticker.trim().is_empty() {
                return Err(invalid(
                    "ticker",
                    format!("{:?}", c.ticker),
                    "a non-empty ticker",
                ));
            }
            if !positive(c.shares) {
                return Err(invalid(
                    "shares",
                    format!("{}: {}", c.ticker, c.shares),
                    RANGE,
                ));
            }
            if !positive(c.price) {
                return Err(invalid(
                    "price",
                    format!("{}: {}", c.ticker, c.price),
                    RANGE,
                ));
            }
        }
        let tickers: Vec<String> = constituents.iter().map(|c| c.ticker.clone()).collect();
        let mut by_ticker: Vec<usize> = (0..tickers.len()).collect();
        by_ticker.sort_by(|&a, &b| tickers.get(a).cmp(&tickers.get(b)));
        if let Some(pair) = by_ticker.windows(2).find(|w| match w {
            [a, b] => tickers.get(*a) == tickers.get(*b),
            _ => false,
        }) {
            let ticker = pair
                .first()
                .and_then(|&i| tickers.get(i))
                .cloned()
                .unwrap_or_default();
            return Err(invalid("ticker", ticker, "unique tickers"));
        }
        let shares: Vec<f64> = constituents.iter().map(|c| c.shares).collect();
        let prices: Vec<f64> = constituents.iter().map(|c| c.price).collect();
        let market_value = exact_market_value(&shares, &prices);
        Ok(Self {
            tickers,
            by_ticker,
            shares,
            rebalance_prices: prices.clone(),
            prices,
            market_value,
            compensation: 0.0,
            drift: 0.0,
            divisor: 1.0,
        })
    }

    /// Replaces the basket (new members, new shares, prices at the rebalance) keeping the
    /// level continuous: the divisor becomes `new market value / level before`.
    ///
    /// # Errors
    /// As [`from_shares`](Self::from_shares); the index is unchanged on error.
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let mut index = IndexCalculator::from_shares(100.0, vec![Constituent::new("A", 10.0, 10.0)])?;
    /// index.rebalance(vec![Constituent::new("A", 5.0, 10.0), Constituent::new("B", 1.0, 150.0)])?;
    /// assert!((index.level() - 100.0).abs() < 1e-12);
    /// assert!((index.divisor() - 2.0).abs() < 1e-12); // market value 200, level 100
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn rebalance(&mut self, constituents: Vec<Constituent>) -> Result<(), Error> {
        let level = self.level();
        let mut next = Self::basket(constituents)?;
        next.divisor = divisor_for(next.market_value, level)?;
        *self = next;
        Ok(())
    }

    /// Rebalances to `(ticker, weight, price)` at the current level (shares =
    /// `weight · level / price`).
    ///
    /// # Errors
    /// As [`from_weights`](Self::from_weights); the index is unchanged on error.
    ///
    /// See [`IndexCalculator`] for an example.
    pub fn rebalance_to_weights(&mut self, constituents: &[(&str, f64, f64)]) -> Result<(), Error> {
        let basket = Self::weights_to_shares(self.level(), constituents)?;
        self.rebalance(basket)
    }

    /// The index level.
    ///
    /// See [`IndexCalculator`] for an example.
    pub fn level(&self) -> f64 {
        (self.market_value + self.compensation) / self.divisor
    }

    /// The divisor.
    ///
    /// See [`from_shares`](Self::from_shares) for an example.
    pub fn divisor(&self) -> f64 {
        self.divisor
    }

    /// The market value `Σ shares · price` (compensated running sum).
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let index = IndexCalculator::from_shares(10.0, vec![Constituent::new("A", 3.0, 7.0)])?;
    /// assert_eq!(index.market_value(), 21.0);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn market_value(&self) -> f64 {
        self.market_value + self.compensation
    }

    /// Number of constituents.
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let index = IndexCalculator::from_shares(10.0, vec![Constituent::new("A", 3.0, 7.0)])?;
    /// assert_eq!(index.len(), 1);
    /// assert!(!index.is_empty());
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.tickers.len()
    }

    /// Always `false`: an index has at least one constituent.
    ///
    /// See [`len`](Self::len) for an example.
    pub fn is_empty(&self) -> bool {
        self.tickers.is_empty()
    }

    /// The position of a ticker (O(log n)); use it once, then update by position.
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let index = IndexCalculator::from_shares(10.0, vec![
    ///     Constituent::new("B", 1.0, 1.0), Constituent::new("A", 1.0, 1.0),
    /// ])?;
    /// assert_eq!(index.position("A"), Some(1));
    /// assert_eq!(index.position("Z"), None);
    /// assert_eq!(index.ticker(1), Some("A"));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn position(&self, ticker: &str) -> Option<usize> {
        self.by_ticker
            .binary_search_by(|&i| {
                self.tickers
                    .get(i)
                    .map(String::as_str)
                    .unwrap_or_default()
                    .cmp(ticker)
            })
            .ok()
            .and_then(|k| self.by_ticker.get(k).copied())
    }

    /// The ticker at `position`.
    ///
    /// See [`position`](Self::position) for an example.
    pub fn ticker(&self, position: usize) -> Option<&str> {
        self.tickers.get(position).map(String::as_str)
    }

    /// The current price at `position`.
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let index = IndexCalculator::from_shares(10.0, vec![Constituent::new("A", 3.0, 7.0)])?;
    /// assert_eq!(index.price(0), Some(7.0));
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn price(&self, position: usize) -> Option<f64> {
        self.prices.get(position).copied()
    }

    /// The drifted weight of the constituent at `position` (O(1)).
    ///
    /// See [`IndexCalculator`] for an example.
    pub fn weight(&self, position: usize) -> Option<f64> {
        let total = self.market_value();
        Some(self.shares.get(position)? * self.prices.get(position)? / total)
    }

    /// All drifted weights, `(ticker, weight)` in rebalance order.
    ///
    /// See [`from_shares`](Self::from_shares) for an example.
    pub fn weights(&self) -> Vec<(&str, f64)> {
        let total = self.market_value();
        self.tickers
            .iter()
            .zip(self.shares.iter().zip(&self.prices))
            .map(|(t, (s, p))| (t.as_str(), s * p / total))
            .collect()
    }

    /// Sets a price by ticker and returns the new level.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for an unknown ticker (`ticker`), a price outside
    /// `1e-150..=1e150` or one that would take the level out of that range (`price`); the
    /// state is unchanged on error.
    ///
    /// See [`IndexCalculator`] for an example.
    pub fn set_price(&mut self, ticker: &str, price: f64) -> Result<f64, Error> {
        let position = self
            .position(ticker)
            .ok_or_else(|| invalid("ticker", ticker.to_owned(), "a constituent's ticker"))?;
        if !positive(price) {
            return Err(invalid("price", format!("{ticker}: {price}"), RANGE));
        }
        let next = self.running_with(position, price).ok_or_else(|| {
            invalid(
                "price",
                format!("{ticker}: {price}"),
                "a price that keeps the level in 1e-150..=1e150",
            )
        })?;
        self.commit(position, price, next);
        Ok(self.level())
    }

    /// Recomputes the market value exactly from shares and prices (O(n)); the running sum
    /// never needs it in practice, but a long-lived process may call it at each close.
    ///
    /// ```
    /// # use ta_stream::index::{Constituent, IndexCalculator};
    /// let mut index = IndexCalculator::from_shares(10.0, vec![Constituent::new("A", 3.0, 7.0)])?;
    /// index.set_price("A", 8.0)?;
    /// index.recompute();
    /// assert_eq!(index.market_value(), 24.0);
    /// # Ok::<(), ta_stream::Error>(())
    /// ```
    pub fn recompute(&mut self) {
        self.market_value = exact_market_value(&self.shares, &self.prices);
        self.compensation = 0.0;
        self.drift = 0.0;
    }

    /// The running sum after setting `position` to `price`, or `None` for a bad position or
    /// a price that would take the level out of `1e-150..=1e150`.
    ///
    /// The change `shares · price − shares · old` is split exactly into its rounded value and
    /// error (the old term is the same rounded product that was added, so the terms
    /// telescope); the value goes into the sum and both rounding errors into the
    /// compensation (Neumaier). Only the compensation's own roundings are lost: the drift
    /// bound grows by more than them. Once the bound reaches [`DRIFT_LIMIT`] of the market
    /// value, or the compensation outgrows the market value (after a cancellation), the
    /// market value is recomputed exactly (O(n): every ~500,000 updates in steady state).
    #[inline]
    fn running_with(&self, position: usize, price: f64) -> Option<Running> {
        let shares = *self.shares.get(position)?;
        let old = *self.prices.get(position)?;
        let (change, change_error) = two_sum(shares * price, -(shares * old));
        let (market_value, sum_error) = two_sum(self.market_value, change);
        let compensation = self.compensation + (change_error + sum_error);
        let drift = self.drift
            + DRIFT_PER_UPDATE * (self.market_value + self.compensation)
            + DRIFT_PER_ROUNDING * (change_error.abs() + sum_error.abs() + compensation.abs());
        let value = market_value + compensation;
        let next = if drift_too_large(drift, value) || compensation.abs() > value {
            Running {
                market_value: exact_market_value_with(&self.shares, &self.prices, position, price),
                compensation: 0.0,
                drift: 0.0,
            }
        } else {
            Running {
                market_value,
                compensation,
                drift,
            }
        };
        positive((next.market_value + next.compensation) / self.divisor).then_some(next)
    }

    fn commit(&mut self, position: usize, price: f64, next: Running) {
        if let Some(slot) = self.prices.get_mut(position) {
            *slot = price;
            self.market_value = next.market_value;
            self.compensation = next.compensation;
            self.drift = next.drift;
        }
    }
}

/// The divisor making `market_value` read as `level`.
fn divisor_for(market_value: f64, level: f64) -> Result<f64, Error> {
    let divisor = market_value / level;
    if valid_divisor(divisor) && positive(market_value / divisor) {
        Ok(divisor)
    } else {
        Err(invalid(
            "level",
            format!("{level} for a market value of {market_value}"),
            "a level whose ratio to the basket's market value is a normal f64 (within about 1e300 of it)",
        ))
    }
}

/// `Σ shares · price` with the price at `position` replaced by `price`.
fn exact_market_value_with(shares: &[f64], prices: &[f64], position: usize, price: f64) -> f64 {
    compensated(
        shares
            .iter()
            .zip(prices)
            .enumerate()
            .map(|(i, (s, &p))| s * if i == position { price } else { p }),
    )
}

/// `Σ shares · price` with compensated summation.
fn exact_market_value(shares: &[f64], prices: &[f64]) -> f64 {
    compensated(shares.iter().zip(prices).map(|(s, p)| s * p))
}

/// The compensated (Neumaier) sum of `terms`.
fn compensated(terms: impl Iterator<Item = f64>) -> f64 {
    let (sum, compensation) = terms.fold((0.0, 0.0), |(sum, comp), term| {
        let (next, error) = two_sum(sum, term);
        (next, comp + error)
    });
    sum + compensation
}

impl Indicator for IndexCalculator {
    type Input = PriceUpdate;
    type Output = f64;

    fn update(&mut self, input: PriceUpdate) -> Option<f64> {
        let _ = self.try_update(input);
        self.value()
    }

    fn try_update(&mut self, input: PriceUpdate) -> Result<Option<f64>, Error> {
        if !input.is_usable() {
            return Err(Error::InvalidInput);
        }
        match self.running_with(input.position, input.price) {
            Some(next) => {
                self.commit(input.position, input.price, next);
                Ok(self.value())
            }
            None => Err(Error::InvalidInput),
        }
    }

    fn peek(&self, input: PriceUpdate) -> Option<f64> {
        if !input.is_usable() {
            return self.value();
        }
        match self.running_with(input.position, input.price) {
            Some(next) => Some((next.market_value + next.compensation) / self.divisor),
            None => self.value(),
        }
    }

    fn value(&self) -> Option<f64> {
        Some(self.level())
    }

    fn reset(&mut self) {
        self.prices.clone_from(&self.rebalance_prices);
        self.recompute();
    }

    fn warmup_period(&self) -> usize {
        0
    }
}

impl fmt::Display for IndexCalculator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "INDEX({} constituents)", self.len())
    }
}

/// The serialized form of an [`IndexCalculator`], validated on the way in.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct IndexCalculatorState {
    tickers: Vec<String>,
    shares: Vec<f64>,
    prices: Vec<f64>,
    rebalance_prices: Vec<f64>,
    market_value: f64,
    compensation: f64,
    /// Absent from checkpoints written before it existed: 0.
    #[serde(default)]
    drift: f64,
    divisor: f64,
}

#[cfg(feature = "serde")]
impl TryFrom<IndexCalculatorState> for IndexCalculator {
    type Error = Error;

    fn try_from(state: IndexCalculatorState) -> Result<Self, Error> {
        let n = state.tickers.len();
        if state.shares.len() != n || state.prices.len() != n || state.rebalance_prices.len() != n {
            return Err(crate::error::invalid_state(format!(
                "index calculator: {n} tickers but {} shares, {} prices, {} rebalance prices",
                state.shares.len(),
                state.prices.len(),
                state.rebalance_prices.len()
            )));
        }
        let basket: Vec<Constituent> = state
            .tickers
            .iter()
            .zip(state.shares.iter().zip(&state.rebalance_prices))
            .map(|(t, (&s, &p))| Constituent::new(t.clone(), s, p))
            .collect();
        let mut index = Self::basket(basket)?;
        if let Some((i, p)) = state.prices.iter().enumerate().find(|(_, &p)| !positive(p)) {
            return Err(crate::error::invalid_state(format!(
                "index calculator: price {p} at position {i} is not in 1e-150..=1e150"
            )));
        }
        if !valid_divisor(state.divisor) {
            return Err(crate::error::invalid_state(format!(
                "index calculator: divisor {} is not a normal number > 0",
                state.divisor
            )));
        }
        // `reset` goes back to the rebalance prices: their level must be valid too.
        let at_rebalance = index.market_value / state.divisor;
        if !positive(at_rebalance) {
            return Err(crate::error::invalid_state(format!(
                "index calculator: level at the rebalance prices {at_rebalance} is not in \
                 1e-150..=1e150"
            )));
        }
        let exact = exact_market_value(&state.shares, &state.prices);
        let stored = state.market_value + state.compensation;
        // The compensation never outgrows the market value (an update recomputes first).
        let normalized = stored > 0.0 && state.compensation.abs() <= stored;
        let drift_ok = state.drift >= 0.0 && !drift_too_large(state.drift, stored);
        if !(normalized && drift_ok && (stored - exact).abs() <= state.drift + CHECK_SLACK * exact)
        {
            return Err(crate::error::invalid_state(format!(
                "index calculator: market value {stored} (compensation {}, drift bound {}) \
                 does not match shares × prices {exact}",
                state.compensation, state.drift
            )));
        }
        let level = stored / state.divisor;
        if !positive(level) {
            return Err(crate::error::invalid_state(format!(
                "index calculator: level {level} is not in 1e-150..=1e150"
            )));
        }
        index.prices = state.prices;
        index.market_value = state.market_value;
        index.compensation = state.compensation;
        index.drift = state.drift;
        index.divisor = state.divisor;
        Ok(index)
    }
}
