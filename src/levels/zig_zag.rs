use core::fmt;

use crate::bar::Candle;
use crate::float::lit;
use crate::levels::{accepts, check_percent, fmt_percent, Swing, SwingKind};
use crate::{Error, Indicator, Real};

/// The prices a [`ZigZag`] follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub enum ZigZagSource {
    /// Highs for swing highs and up-legs, lows for swing lows and down-legs (bar charts).
    #[default]
    HighLow,
    /// Closes only (line charts).
    Close,
}

/// The leg being formed, with its running extreme `(price, bar index)`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
enum Leg<T> {
    /// No bar yet.
    Empty,
    /// No turn confirmed yet: the highest high and the lowest low so far.
    Undecided { high: (T, u64), low: (T, u64) },
    /// Rising from the last swing low; the highest high since.
    Up { extreme: (T, u64) },
    /// Falling from the last swing high; the lowest low since.
    Down { extreme: (T, u64) },
}

/// Zig-zag: swing highs and lows separated by reversals of at least a given percentage.
///
/// # Rule
///
/// With threshold `x` (percent) on highs `H` and lows `L` (both the close with
/// [`ZigZagSource::Close`]):
/// - on an **up-leg**, track the highest high `E`; a bar that makes no new high and whose low
///   is `L_t <= E·(1 − x/100)` **confirms `E` as a swing high** (at the bar where it
///   occurred), and a down-leg starts with extreme `L_t`;
/// - on a **down-leg**, mirrored: the lowest low `E` is confirmed as a swing low when a bar
///   that makes no new low has `H_t >= E·(1 + x/100)`;
/// - before the first turn, both the highest high and the lowest low are tracked; the first
///   reversal from either confirms it. If both reverse on the same bar, the older extreme is
///   confirmed (the high when both come from one bar) and the leg heads for the newer one;
/// - a new extreme is taken only when strictly beyond the old one, so in a flat top the first
///   bar is the swing high. A bar that makes a new extreme does not also confirm a reversal.
///
/// Prices are expected to be positive (percent moves).
///
/// # Output
///
/// `Option<`[`Swing`]`>`: the turning point confirmed on this bar, `None` on other bars;
/// outputs start with the first bar. A bar that is not a valid bar is ignored (see the
/// [module](crate::levels)): `update` and `peek` return `Some(None)` for it, so a turn is
/// reported once, on the bar that confirmed it. Confirmed turns never change. The **forming leg
/// repaints**: [`ZigZag::forming`] is the running extreme of the current leg, which moves
/// while the leg extends and becomes a turn only once the reversal is confirmed; do not
/// backtest on it.
///
/// # Parameters
///
/// - `percent`: reversal threshold in percent, `0 < x < 100`; 5 % by [`Default`] (the
///   Quantower default).
/// - the [`ZigZagSource`] ([`ZigZag::with_source`]): highs and lows by default.
///
/// # Example
///
/// ```
/// use ta_stream::bar::Candle;
/// use ta_stream::levels::{SwingKind, ZigZag, ZigZagSource};
/// use ta_stream::Indicator;
///
/// let mut zigzag = ZigZag::new(5.0)?.with_source(ZigZagSource::Close);
/// let close = |c: f64| Candle::new(c, c, c, c, 0.0);
/// let closes = [100.0, 104.0, 110.0, 106.0, 104.0, 108.0, 109.5];
/// let turns: Vec<_> = closes
///     .iter()
///     .filter_map(|&c| zigzag.update(close(c).unwrap()).flatten())
///     .map(|turn| (turn.kind, turn.price, turn.index, turn.bars_ago))
///     .collect();
/// assert_eq!(
///     turns,
///     [
///         (SwingKind::Low, 100.0, 0, 2),  // 110 is 10 % above 100: confirmed on bar 2
///         (SwingKind::High, 110.0, 2, 2), // 104 is 5.45 % below 110: confirmed on bar 4
///         (SwingKind::Low, 104.0, 4, 2),  // 109.5 is 5.29 % above 104: confirmed on bar 6
///     ],
/// );
/// let forming = zigzag.forming().expect("an up-leg");
/// assert_eq!((forming.kind, forming.price), (SwingKind::High, 109.5)); // repaints
/// assert_eq!(ZigZag::<f64>::default().to_string(), "ZIGZAG(5%)");
/// assert!(ZigZag::<f64>::new(0.0).is_err());
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// Arthur Merrill, *Filtered Waves* (1977); Quantower and TradingView "Zig Zag".
#[doc(alias = "zigzag")]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "ZigZagState<T>")
)]
pub struct ZigZag<T: Real = f64> {
    percent: T,
    source: ZigZagSource,
    leg: Leg<T>,
    /// The last confirmed turn and the bar that confirmed it.
    last_turn: Option<(Swing<T>, u64)>,
    /// Usable bars consumed.
    bars: u64,
}

fn check_threshold<T: Real>(percent: T) -> Result<T, Error> {
    check_percent("percent", percent, 100.0, "a percentage in (0, 100)")
}

impl<T: Real> ZigZag<T> {
    /// A zig-zag reversing on moves of at least `percent` percent, on highs and lows.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming `percent` unless it is finite and in `(0, 100)`.
    pub fn new(percent: T) -> Result<Self, Error> {
        Ok(Self::with_valid(check_threshold(percent)?))
    }

    fn with_valid(percent: T) -> Self {
        Self {
            percent,
            source: ZigZagSource::HighLow,
            leg: Leg::Empty,
            last_turn: None,
            bars: 0,
        }
    }

    /// The same zig-zag following other prices. Meant for construction; on a zig-zag already
    /// fed, the new source applies from the next bar on.
    #[must_use]
    pub fn with_source(mut self, source: ZigZagSource) -> Self {
        self.source = source;
        self
    }

    /// The reversal threshold, in percent.
    pub fn percent(&self) -> T {
        self.percent
    }

    /// The prices followed.
    pub fn source(&self) -> ZigZagSource {
        self.source
    }

    /// The last confirmed turning point, with [`bars_ago`](Swing::bars_ago) counted from
    /// the last bar.
    pub fn last_turn(&self) -> Option<Swing<T>> {
        let (turn, _) = self.last_turn?;
        Some(self.aged(turn))
    }

    /// The running extreme of the leg being formed: a swing high on an up-leg, a swing low on
    /// a down-leg, `None` before the first turn. **Repaints**: it moves as the leg extends and
    /// is confirmed only by a later reversal.
    pub fn forming(&self) -> Option<Swing<T>> {
        let (kind, (price, index)) = match self.leg {
            Leg::Up { extreme } => (SwingKind::High, extreme),
            Leg::Down { extreme } => (SwingKind::Low, extreme),
            Leg::Empty | Leg::Undecided { .. } => return None,
        };
        Some(self.aged(Swing {
            kind,
            price,
            index,
            bars_ago: 0,
        }))
    }

    fn aged(&self, swing: Swing<T>) -> Swing<T> {
        Swing {
            bars_ago: self.bars.saturating_sub(1).saturating_sub(swing.index),
            ..swing
        }
    }

    /// The prices of `candle` this zig-zag follows: `(high, low)`.
    #[inline]
    fn prices(&self, candle: &Candle<T>) -> (T, T) {
        match self.source {
            ZigZagSource::HighLow => (candle.high, candle.low),
            ZigZagSource::Close => (candle.close, candle.close),
        }
    }

    /// The new leg and the turn confirmed (if any) on bar `t`; shared by `update` and `peek`.
    #[inline]
    fn next(&self, candle: &Candle<T>) -> (Leg<T>, Option<Swing<T>>) {
        let t = self.bars;
        let (high, low) = self.prices(candle);
        let ratio = self.percent / lit(100.0);
        let falls = |extreme: T| low <= extreme * (T::one() - ratio);
        let rises = |extreme: T| high >= extreme * (T::one() + ratio);
        let turn = |kind, (price, index): (T, u64)| Swing {
            kind,
            price,
            index,
            bars_ago: t.saturating_sub(index),
        };
        match self.leg {
            Leg::Empty => (
                Leg::Undecided {
                    high: (high, t),
                    low: (low, t),
                },
                None,
            ),
            Leg::Undecided {
                high: top,
                low: bottom,
            } => {
                let new_top = if high > top.0 { (high, t) } else { top };
                let new_bottom = if low < bottom.0 { (low, t) } else { bottom };
                let down = new_top.1 < t && falls(new_top.0);
                let up = new_bottom.1 < t && rises(new_bottom.0);
                match (down, up) {
                    // Both reverse: confirm the older extreme, and the leg heads for the
                    // newer one (which a later reversal will confirm).
                    (true, true) if new_bottom.1 < new_top.1 => (
                        Leg::Up { extreme: new_top },
                        Some(turn(SwingKind::Low, new_bottom)),
                    ),
                    (true, true) => (
                        Leg::Down {
                            extreme: new_bottom,
                        },
                        Some(turn(SwingKind::High, new_top)),
                    ),
                    (true, false) => (
                        Leg::Down { extreme: (low, t) },
                        Some(turn(SwingKind::High, new_top)),
                    ),
                    (false, true) => (
                        Leg::Up { extreme: (high, t) },
                        Some(turn(SwingKind::Low, new_bottom)),
                    ),
                    (false, false) => (
                        Leg::Undecided {
                            high: new_top,
                            low: new_bottom,
                        },
                        None,
                    ),
                }
            }
            Leg::Up { extreme } => {
                if high > extreme.0 {
                    (Leg::Up { extreme: (high, t) }, None)
                } else if falls(extreme.0) {
                    (
                        Leg::Down { extreme: (low, t) },
                        Some(turn(SwingKind::High, extreme)),
                    )
                } else {
                    (self.leg, None)
                }
            }
            Leg::Down { extreme } => {
                if low < extreme.0 {
                    (Leg::Down { extreme: (low, t) }, None)
                } else if rises(extreme.0) {
                    (
                        Leg::Up { extreme: (high, t) },
                        Some(turn(SwingKind::Low, extreme)),
                    )
                } else {
                    (self.leg, None)
                }
            }
        }
    }
}

impl<T: Real> Default for ZigZag<T> {
    /// 5 % reversals on highs and lows.
    fn default() -> Self {
        Self::with_valid(lit(5.0))
    }
}

impl<T: Real> Indicator for ZigZag<T> {
    type Input = Candle<T>;
    type Output = Option<Swing<T>>;

    #[inline]
    fn update(&mut self, candle: Candle<T>) -> Option<Option<Swing<T>>> {
        if !accepts(&candle, self.bars) {
            return crate::signal::quiet(self.value());
        }
        let (leg, turn) = self.next(&candle);
        self.leg = leg;
        if let Some(turn) = turn {
            self.last_turn = Some((turn, self.bars));
        }
        // `accepts` keeps the count below MAX_BARS.
        self.bars = self.bars.saturating_add(1);
        Some(turn)
    }

    #[inline]
    fn peek(&self, candle: Candle<T>) -> Option<Option<Swing<T>>> {
        if !accepts(&candle, self.bars) {
            return crate::signal::quiet(self.value());
        }
        Some(self.next(&candle).1)
    }

    fn try_update(&mut self, candle: Candle<T>) -> Result<Option<Option<Swing<T>>>, Error> {
        if accepts(&candle, self.bars) {
            Ok(self.update(candle))
        } else {
            Err(Error::InvalidInput)
        }
    }

    #[inline]
    fn value(&self) -> Option<Option<Swing<T>>> {
        let t = self.bars.checked_sub(1)?;
        Some(
            self.last_turn
                .filter(|&(_, confirmed)| confirmed == t)
                .map(|(turn, _)| turn),
        )
    }

    fn reset(&mut self) {
        self.leg = Leg::Empty;
        self.last_turn = None;
        self.bars = 0;
    }

    fn warmup_period(&self) -> usize {
        1
    }
}

impl<T: Real> fmt::Display for ZigZag<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ZIGZAG(")?;
        fmt_percent(f, self.percent)?;
        f.write_str(")")?;
        match self.source {
            ZigZagSource::HighLow => Ok(()),
            ZigZagSource::Close => f.write_str("[close]"),
        }
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ZigZagState<T: Real> {
    percent: T,
    source: ZigZagSource,
    leg: Leg<T>,
    last_turn: Option<(Swing<T>, u64)>,
    bars: u64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<ZigZagState<T>> for ZigZag<T> {
    type Error = Error;

    fn try_from(state: ZigZagState<T>) -> Result<Self, Error> {
        let percent = check_threshold(state.percent)?;
        let bars = state.bars;
        if bars > crate::levels::MAX_BARS {
            return Err(crate::error::invalid_state(format!(
                "zig-zag counted {bars} bars, more than the 2^62 an indicator counts"
            )));
        }
        let seen = |(price, index): (T, u64)| price.is_usable() && index < bars;
        // The leg must fit the number of bars, and a trending leg must start at or after the
        // bar that confirmed the opposite turn.
        let leg_ok = match (state.leg, state.last_turn) {
            (Leg::Empty, None) => bars == 0,
            (Leg::Undecided { high, low }, None) => {
                bars > 0 && seen(high) && seen(low) && high.0 >= low.0
            }
            (Leg::Up { extreme }, Some((turn, _))) => {
                seen(extreme) && turn.kind == SwingKind::Low && extreme.1 >= turn.index
            }
            (Leg::Down { extreme }, Some((turn, _))) => {
                seen(extreme) && turn.kind == SwingKind::High && extreme.1 >= turn.index
            }
            _ => false,
        };
        let turn_ok = state.last_turn.is_none_or(|(turn, confirmed)| {
            turn.price.is_usable()
                && turn.index < confirmed
                && confirmed < bars
                && turn.bars_ago == confirmed - turn.index
        });
        if !leg_ok || !turn_ok {
            return Err(crate::error::invalid_state(
                "zig-zag leg and last turn are inconsistent with each other or the bar count",
            ));
        }
        Ok(Self {
            percent,
            source: state.source,
            leg: state.leg,
            last_turn: state.last_turn,
            bars,
        })
    }
}
