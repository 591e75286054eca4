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
//! | [`TwoCrows`] | `CDL2CROWS` | 3 | −100 | 12 |
//! | [`ThreeBlackCrows`] | `CDL3BLACKCROWS` | 4 | −100 | 13 |
//! | [`ThreeInside`] | `CDL3INSIDE` | 3 | +100, −100 | 12 |
//! | [`ThreeLineStrike`] | `CDL3LINESTRIKE` | 4 | +100, −100 | 8 |
//! | [`ThreeOutside`] | `CDL3OUTSIDE` | 3 | +100, −100 | 3 |
//! | [`ThreeStarsInSouth`] | `CDL3STARSINSOUTH` | 3 | +100 | 12 |
//! | [`ThreeWhiteSoldiers`] | `CDL3WHITESOLDIERS` | 3 | +100 | 12 |
//! | [`AbandonedBaby`] | `CDLABANDONEDBABY` | 3 | +100, −100 | 12 |
//! | [`AdvanceBlock`] | `CDLADVANCEBLOCK` | 3 | −100 | 12 |
//! | [`BeltHold`] | `CDLBELTHOLD` | 1 | +100, −100 | 10 |
//! | [`Breakaway`] | `CDLBREAKAWAY` | 5 | +100, −100 | 14 |
//! | [`ClosingMarubozu`] | `CDLCLOSINGMARUBOZU` | 1 | +100, −100 | 10 |
//! | [`ConcealingBabySwallow`] | `CDLCONCEALBABYSWALL` | 4 | +100 | 13 |
//! | [`Counterattack`] | `CDLCOUNTERATTACK` | 2 | +100, −100 | 11 |
//! | [`DarkCloudCover`] | `CDLDARKCLOUDCOVER` | 2 | −100 | 11 |
//! | [`Doji`] | `CDLDOJI` | 1 | neutral (+100) | 10 |
//! | [`DojiStar`] | `CDLDOJISTAR` | 2 | −100, +100 | 11 |
//! | [`DragonflyDoji`] | `CDLDRAGONFLYDOJI` | 1 | neutral (+100) | 10 |
//! | [`Engulfing`] | `CDLENGULFING` | 2 | ±100, ±80 | 2 |
//! | [`EveningDojiStar`] | `CDLEVENINGDOJISTAR` | 3 | −100 | 12 |
//! | [`EveningStar`] | `CDLEVENINGSTAR` | 3 | −100 | 12 |
//! | [`GapSideBySideWhite`] | `CDLGAPSIDESIDEWHITE` | 3 | +100, −100 | 7 |
//! | [`GravestoneDoji`] | `CDLGRAVESTONEDOJI` | 1 | neutral (+100) | 10 |
//! | [`Hammer`] | `CDLHAMMER` | 2 | +100 | 11 |
//! | [`HangingMan`] | `CDLHANGINGMAN` | 2 | −100 | 11 |
//! | [`Harami`] | `CDLHARAMI` | 2 | +100, +80, −100, −80 | 11 |
//! | [`HaramiCross`] | `CDLHARAMICROSS` | 2 | +100, +80, −100, −80 | 11 |
//! | [`HighWave`] | `CDLHIGHWAVE` | 1 | +100, −100 | 10 |
//! | [`Hikkake`] | `CDLHIKKAKE` | 3 | ±100, ±200 | 5 |
//! | [`HikkakeModified`] | `CDLHIKKAKEMOD` | 4 | ±100, ±200 | 10 |
//! | [`HomingPigeon`] | `CDLHOMINGPIGEON` | 2 | +100 | 11 |
//! | [`IdenticalThreeCrows`] | `CDLIDENTICAL3CROWS` | 3 | −100 | 12 |
//! | [`InNeck`] | `CDLINNECK` | 2 | −100 | 11 |
//! | [`InvertedHammer`] | `CDLINVERTEDHAMMER` | 2 | +100 | 11 |
//!
//! ## Patterns `CDLKICKING` to `CDLXSIDEGAP3METHODS`
//!
//! | Pattern | TA-Lib | Candles | Signals | Lookback (defaults) |
//! |---|---|---|---|---|
//! | [`Kicking`] | `CDLKICKING` | 2 | +100, −100 | 11 |
//! | [`KickingByLength`] | `CDLKICKINGBYLENGTH` | 2 | +100, −100 | 11 |
//! | [`LadderBottom`] | `CDLLADDERBOTTOM` | 5 | +100 | 14 |
//! | [`LongLeggedDoji`] | `CDLLONGLEGGEDDOJI` | 1 | neutral (+100) | 10 |
//! | [`LongLine`] | `CDLLONGLINE` | 1 | +100, −100 | 10 |
//! | [`Marubozu`] | `CDLMARUBOZU` | 1 | +100, −100 | 10 |
//! | [`MatchingLow`] | `CDLMATCHINGLOW` | 2 | +100 | 6 |
//! | [`MatHold`] | `CDLMATHOLD` | 5 | +100 | 14 |
//! | [`MorningDojiStar`] | `CDLMORNINGDOJISTAR` | 3 | +100 | 12 |
//! | [`MorningStar`] | `CDLMORNINGSTAR` | 3 | +100 | 12 |
//! | [`OnNeck`] | `CDLONNECK` | 2 | −100 | 11 |
//! | [`Piercing`] | `CDLPIERCING` | 2 | +100 | 11 |
//! | [`RickshawMan`] | `CDLRICKSHAWMAN` | 1 | neutral (+100) | 10 |
//! | [`RisingFallingThreeMethods`] | `CDLRISEFALL3METHODS` | 5 | +100, −100 | 14 |
//! | [`SeparatingLines`] | `CDLSEPARATINGLINES` | 2 | +100, −100 | 11 |
//! | [`ShootingStar`] | `CDLSHOOTINGSTAR` | 2 | −100 | 11 |
//! | [`ShortLine`] | `CDLSHORTLINE` | 1 | +100, −100 | 10 |
//! | [`SpinningTop`] | `CDLSPINNINGTOP` | 1 | +100, −100 | 10 |
//! | [`StalledPattern`] | `CDLSTALLEDPATTERN` | 3 | −100 | 12 |
//! | [`StickSandwich`] | `CDLSTICKSANDWICH` | 3 | +100 | 7 |
//! | [`Takuri`] | `CDLTAKURI` | 1 | neutral (+100) | 10 |
//! | [`TasukiGap`] | `CDLTASUKIGAP` | 3 | +100, −100 | 7 |
//! | [`Thrusting`] | `CDLTHRUSTING` | 2 | −100 | 11 |
//! | [`Tristar`] | `CDLTRISTAR` | 3 | +100, −100 | 12 |
//! | [`UniqueThreeRiver`] | `CDLUNIQUE3RIVER` | 3 | +100 | 12 |
//! | [`UpsideGapTwoCrows`] | `CDLUPSIDEGAP2CROWS` | 3 | −100 | 12 |
//! | [`GapThreeMethods`] | `CDLXSIDEGAP3METHODS` | 3 | +100, −100 | 2 |

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
mod abandoned_baby;
mod advance_block;
mod belt_hold;
mod breakaway;
mod closing_marubozu;
mod concealing_baby_swallow;
mod counterattack;
mod dark_cloud_cover;
mod doji;
mod doji_star;
mod dragonfly_doji;
mod engulfing;
mod evening_doji_star;
mod evening_star;
mod gap_side_by_side_white;
mod gravestone_doji;
mod hammer;
mod hanging_man;
mod harami;
mod harami_cross;
mod high_wave;
mod hikkake;
mod hikkake_modified;
mod homing_pigeon;
mod identical_three_crows;
mod in_neck;
mod inverted_hammer;
mod three_black_crows;
mod three_inside;
mod three_line_strike;
mod three_outside;
mod three_stars_in_south;
mod three_white_soldiers;
mod two_crows;
// ---- patterns from CDLKICKING on ----

mod gap_three_methods;
mod kicking;
mod kicking_by_length;
mod ladder_bottom;
mod long_legged_doji;
mod long_line;
mod marubozu;
mod mat_hold;
mod matching_low;
mod morning_doji_star;
mod morning_star;
mod on_neck;
mod piercing;
mod rickshaw_man;
mod rising_falling_three_methods;
mod separating_lines;
mod shooting_star;
mod short_line;
mod spinning_top;
mod stalled_pattern;
mod stick_sandwich;
mod takuri;
mod tasuki_gap;
mod thrusting;
mod tristar;
mod unique_three_river;
mod upside_gap_two_crows;
// ---- end of the patterns ----

pub use abandoned_baby::{AbandonedBaby, AbandonedBabyRule};
pub use advance_block::{AdvanceBlock, AdvanceBlockRule};
pub use belt_hold::{BeltHold, BeltHoldRule};
pub use breakaway::{Breakaway, BreakawayRule};
pub use closing_marubozu::{ClosingMarubozu, ClosingMarubozuRule};
pub use concealing_baby_swallow::{ConcealingBabySwallow, ConcealingBabySwallowRule};
pub use counterattack::{Counterattack, CounterattackRule};
pub use dark_cloud_cover::{DarkCloudCover, DarkCloudCoverRule};
pub use doji::{Doji, DojiRule};
pub use doji_star::{DojiStar, DojiStarRule};
pub use dragonfly_doji::{DragonflyDoji, DragonflyDojiRule};
pub use engulfing::{Engulfing, EngulfingRule};
pub use evening_doji_star::{EveningDojiStar, EveningDojiStarRule};
pub use evening_star::{EveningStar, EveningStarRule};
pub use gap_side_by_side_white::{GapSideBySideWhite, GapSideBySideWhiteRule};
pub use gravestone_doji::{GravestoneDoji, GravestoneDojiRule};
pub use hammer::{Hammer, HammerRule};
pub use hanging_man::{HangingMan, HangingManRule};
pub use harami::{Harami, HaramiRule};
pub use harami_cross::{HaramiCross, HaramiCrossRule};
pub use high_wave::{HighWave, HighWaveRule};
pub use hikkake::{Hikkake, HikkakeRule};
pub use hikkake_modified::{HikkakeModified, HikkakeModifiedRule};
pub use homing_pigeon::{HomingPigeon, HomingPigeonRule};
pub use identical_three_crows::{IdenticalThreeCrows, IdenticalThreeCrowsRule};
pub use in_neck::{InNeck, InNeckRule};
pub use inverted_hammer::{InvertedHammer, InvertedHammerRule};
pub use three_black_crows::{ThreeBlackCrows, ThreeBlackCrowsRule};
pub use three_inside::{ThreeInside, ThreeInsideRule};
pub use three_line_strike::{ThreeLineStrike, ThreeLineStrikeRule};
pub use three_outside::{ThreeOutside, ThreeOutsideRule};
pub use three_stars_in_south::{ThreeStarsInSouth, ThreeStarsInSouthRule};
pub use three_white_soldiers::{ThreeWhiteSoldiers, ThreeWhiteSoldiersRule};
pub use two_crows::{TwoCrows, TwoCrowsRule};
// ---- patterns from CDLKICKING on ----

pub use gap_three_methods::{GapThreeMethods, GapThreeMethodsRule};
pub use kicking::{Kicking, KickingRule};
pub use kicking_by_length::{KickingByLength, KickingByLengthRule};
pub use ladder_bottom::{LadderBottom, LadderBottomRule};
pub use long_legged_doji::{LongLeggedDoji, LongLeggedDojiRule};
pub use long_line::{LongLine, LongLineRule};
pub use marubozu::{Marubozu, MarubozuRule};
pub use mat_hold::{MatHold, MatHoldRule};
pub use matching_low::{MatchingLow, MatchingLowRule};
pub use morning_doji_star::{MorningDojiStar, MorningDojiStarRule};
pub use morning_star::{MorningStar, MorningStarRule};
pub use on_neck::{OnNeck, OnNeckRule};
pub use piercing::{Piercing, PiercingRule};
pub use rickshaw_man::{RickshawMan, RickshawManRule};
pub use rising_falling_three_methods::{RisingFallingThreeMethods, RisingFallingThreeMethodsRule};
pub use separating_lines::{SeparatingLines, SeparatingLinesRule};
pub use shooting_star::{ShootingStar, ShootingStarRule};
pub use short_line::{ShortLine, ShortLineRule};
pub use spinning_top::{SpinningTop, SpinningTopRule};
pub use stalled_pattern::{StalledPattern, StalledPatternRule};
pub use stick_sandwich::{StickSandwich, StickSandwichRule};
pub use takuri::{Takuri, TakuriRule};
pub use tasuki_gap::{TasukiGap, TasukiGapRule};
pub use thrusting::{Thrusting, ThrustingRule};
pub use tristar::{Tristar, TristarRule};
pub use unique_three_river::{UniqueThreeRiver, UniqueThreeRiverRule};
pub use upside_gap_two_crows::{UpsideGapTwoCrows, UpsideGapTwoCrowsRule};
// ---- end of the patterns ----
