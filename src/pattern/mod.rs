//! Candlestick patterns: TA-Lib's 61 `CDL*` functions, streaming.
//!
//! A pattern is reported on the bar that completes it, decided from that bar and the ones
//! before, never from a later one. TA-Lib decides "long body", "short shadow", "near"... by
//! comparing a candle with a multiple of an average over the candles before it: its
//! [candle settings](CandleSettings) (the kind of range, the number of candles averaged, a
//! factor). The crate keeps TA-Lib's defaults and running averages, so every pattern matches
//! TA-Lib 0.8.1 at every bar, warm-up included; [`CandleSettings`] changes them.
//!
//! - One indicator per pattern, named after it ([`Doji`], [`Hammer`], [`Engulfing`], ...,
//!   each with TA-Lib's name as a doc alias): a [`Candlestick`] whose output is
//!   `Option<Signal>` once warmed up (`None`: no pattern on this bar).
//! - [`CandlePatterns`]: every pattern at once, reporting a [`PatternSet`] per bar (no
//!   allocation) — what a screener wants.
//!
//! Signals follow TA-Lib's convention ([`Signal::code`]): `+100` bullish, `−100` bearish,
//! `+100` for patterns without a direction (doji), `±80` for engulfing and harami patterns
//! that hold only with an equality at their edge, `±200` for the confirmation of a Hikkake.
//! The catalog reports the codes, as TA-Lib.
//!
//! ## Patterns `CDL2CROWS` to `CDLINVERTEDHAMMER`
//!
//! | Pattern | TA-Lib | Candles | Signals | Lookback (defaults) |
//! |---|---|---|---|---|
//! | [`Doji`] | `CDLDOJI` | 1 | neutral | 10 |
//! | [`Engulfing`] | `CDLENGULFING` | 2 | ±100, ±80 | 2 |
//! | [`EveningStar`] | `CDLEVENINGSTAR` | 3 | −100 | 12 |
//! | [`Hammer`] | `CDLHAMMER` | 2 | +100 | 11 |
//!
//! ## Patterns `CDLKICKING` to `CDLXSIDEGAP3METHODS`
//!
//! | Pattern | TA-Lib | Candles | Signals | Lookback (defaults) |
//! |---|---|---|---|---|

mod all;
mod core;
mod id;
mod registry;
mod settings;

pub use self::all::{CandlePatterns, PatternSet};
pub use self::core::{Candlestick, Context, Memory, Rule, Shape};
pub use self::id::{code, PatternId, Signal};
pub use self::settings::{CandleSetting, CandleSettings, RangeKind, Setting};

// One module and one `pub use` per pattern, in TA-Lib's order.
mod doji;
mod engulfing;
mod evening_star;
mod hammer;
// ---- patterns from CDLKICKING on ----

// ---- end of the patterns ----

pub use doji::{Doji, DojiRule};
pub use engulfing::{Engulfing, EngulfingRule};
pub use evening_star::{EveningStar, EveningStarRule};
pub use hammer::{Hammer, HammerRule};
// ---- patterns from CDLKICKING on ----

// ---- end of the patterns ----
