//! The 61 candlestick patterns of TA-Lib, by id, and the signal a pattern gives.

use core::fmt;

/// What a pattern says on the bar that completes it, with TA-Lib's integer code.
///
/// TA-Lib reports `+100` for a bullish pattern, `−100` for a bearish one and `0` for none;
/// patterns without a direction (a doji) report `+100`; `CDLENGULFING`, `CDLHARAMI` and
/// `CDLHARAMICROSS` report `±80` when the pattern holds only with an equality at its edge;
/// `CDLHIKKAKE` and `CDLHIKKAKEMOD` report `±200` on the bar that confirms an earlier
/// pattern. A bar without a pattern is `None` in the indicators' outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Signal {
    /// A bullish pattern (or a white candle, for the patterns that only report colour):
    /// `+100`.
    Bullish,
    /// A bearish pattern (or a black candle): `−100`.
    Bearish,
    /// A pattern without a direction (doji, long-legged doji, ...): `+100`, as TA-Lib.
    Neutral,
    /// A bullish pattern that holds only with an equality at its edge: `+80`.
    WeakBullish,
    /// A bearish pattern that holds only with an equality at its edge: `−80`.
    WeakBearish,
    /// The confirmation of an earlier bullish pattern (Hikkake): `+200`.
    BullishConfirmed,
    /// The confirmation of an earlier bearish pattern (Hikkake): `−200`.
    BearishConfirmed,
}

impl Signal {
    /// TA-Lib's integer code: `±100`, `±80`, `±200` (`+100` for [`Signal::Neutral`]).
    ///
    /// ```
    /// use ta_stream::pattern::Signal;
    /// assert_eq!(Signal::Bearish.code(), -100);
    /// assert_eq!(Signal::WeakBullish.code(), 80);
    /// assert_eq!(Signal::BearishConfirmed.code(), -200);
    /// ```
    pub const fn code(self) -> i32 {
        match self {
            Self::Bullish | Self::Neutral => 100,
            Self::Bearish => -100,
            Self::WeakBullish => 80,
            Self::WeakBearish => -80,
            Self::BullishConfirmed => 200,
            Self::BearishConfirmed => -200,
        }
    }

    /// `true` for the bullish signals (`+80`, `+100`, `+200`), not [`Signal::Neutral`].
    pub const fn is_bullish(self) -> bool {
        matches!(
            self,
            Self::Bullish | Self::WeakBullish | Self::BullishConfirmed
        )
    }

    /// `true` for the bearish signals (`−80`, `−100`, `−200`).
    pub const fn is_bearish(self) -> bool {
        matches!(
            self,
            Self::Bearish | Self::WeakBearish | Self::BearishConfirmed
        )
    }

    /// `Bullish` for a positive colour or direction, `Bearish` otherwise (TA-Lib's
    /// `colour · 100`).
    #[inline]
    pub(crate) fn by_sign(positive: bool) -> Self {
        if positive {
            Self::Bullish
        } else {
            Self::Bearish
        }
    }

    /// The signal as three bits (for [`PatternSet`](super::PatternSet)); `0` is none.
    pub(crate) const fn bits(self) -> u8 {
        match self {
            Self::Bullish => 1,
            Self::Bearish => 2,
            Self::Neutral => 3,
            Self::WeakBullish => 4,
            Self::WeakBearish => 5,
            Self::BullishConfirmed => 6,
            Self::BearishConfirmed => 7,
        }
    }

    /// The signal of [`bits`](Self::bits).
    pub(crate) const fn from_bits(bits: u8) -> Option<Self> {
        match bits {
            1 => Some(Self::Bullish),
            2 => Some(Self::Bearish),
            3 => Some(Self::Neutral),
            4 => Some(Self::WeakBullish),
            5 => Some(Self::WeakBearish),
            6 => Some(Self::BullishConfirmed),
            7 => Some(Self::BearishConfirmed),
            _ => None,
        }
    }
}

impl fmt::Display for Signal {
    /// The signal in words: `bullish`, `bearish`, `neutral`, `weak bullish`,
    /// `weak bearish`, `bullish, confirmed`, `bearish, confirmed`.
    ///
    /// ```
    /// use ta_stream::pattern::Signal;
    /// assert_eq!(Signal::WeakBearish.to_string(), "weak bearish");
    /// assert_eq!(Signal::BullishConfirmed.to_string(), "bullish, confirmed");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Bullish => "bullish",
            Self::Bearish => "bearish",
            Self::Neutral => "neutral",
            Self::WeakBullish => "weak bullish",
            Self::WeakBearish => "weak bearish",
            Self::BullishConfirmed => "bullish, confirmed",
            Self::BearishConfirmed => "bearish, confirmed",
        })
    }
}

/// TA-Lib's integer code of an output: the signal's code, `0` for none.
///
/// ```
/// use ta_stream::pattern::{code, Signal};
/// assert_eq!(code(Some(Signal::Bullish)), 100);
/// assert_eq!(code(None), 0);
/// ```
pub const fn code(signal: Option<Signal>) -> i32 {
    match signal {
        Some(signal) => signal.code(),
        None => 0,
    }
}

macro_rules! pattern_ids {
    ($($variant:ident => $name:literal, $title:literal, $doc:literal;)*) => {
        /// The 61 candlestick patterns of TA-Lib, in TA-Lib's (alphabetical) order; each
        /// carries its TA-Lib function name ([`PatternId::name`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        pub enum PatternId {
            $(#[doc = $doc] $variant,)*
        }

        impl PatternId {
            /// Every pattern, in TA-Lib's order (the order of the discriminants).
            pub const ALL: [PatternId; 61] = [$(Self::$variant),*];

            /// TA-Lib's function name, e.g. `"CDLDOJI"`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)*
                }
            }

            /// The pattern's name in words, for reports and charts, e.g. `"Evening star"`
            /// (its direction is the [`Signal`] found with it).
            ///
            /// ```
            /// use ta_stream::pattern::PatternId;
            /// assert_eq!(PatternId::EveningStar.title(), "Evening star");
            /// assert_eq!(PatternId::ThreeWhiteSoldiers.title(), "Three white soldiers");
            /// ```
            pub const fn title(self) -> &'static str {
                match self {
                    $(Self::$variant => $title,)*
                }
            }

            /// The pattern of a TA-Lib function name (`"CDLDOJI"`), if it is one.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

pattern_ids! {
    TwoCrows => "CDL2CROWS", "Two crows", "Two crows (bearish, 3 candles).";
    ThreeBlackCrows => "CDL3BLACKCROWS", "Three black crows", "Three black crows (bearish, 4 candles).";
    ThreeInside => "CDL3INSIDE", "Three inside up/down", "Three inside up/down (3 candles).";
    ThreeLineStrike => "CDL3LINESTRIKE", "Three-line strike", "Three-line strike (4 candles).";
    ThreeOutside => "CDL3OUTSIDE", "Three outside up/down", "Three outside up/down (3 candles).";
    ThreeStarsInSouth => "CDL3STARSINSOUTH", "Three stars in the south", "Three stars in the south (bullish, 3 candles).";
    ThreeWhiteSoldiers => "CDL3WHITESOLDIERS", "Three white soldiers", "Three advancing white soldiers (bullish, 3 candles).";
    AbandonedBaby => "CDLABANDONEDBABY", "Abandoned baby", "Abandoned baby (3 candles, penetration).";
    AdvanceBlock => "CDLADVANCEBLOCK", "Advance block", "Advance block (bearish, 3 candles).";
    BeltHold => "CDLBELTHOLD", "Belt-hold", "Belt-hold (1 candle).";
    Breakaway => "CDLBREAKAWAY", "Breakaway", "Breakaway (5 candles).";
    ClosingMarubozu => "CDLCLOSINGMARUBOZU", "Closing marubozu", "Closing marubozu (1 candle).";
    ConcealingBabySwallow => "CDLCONCEALBABYSWALL", "Concealing baby swallow", "Concealing baby swallow (bullish, 4 candles).";
    Counterattack => "CDLCOUNTERATTACK", "Counterattack", "Counterattack (2 candles).";
    DarkCloudCover => "CDLDARKCLOUDCOVER", "Dark cloud cover", "Dark cloud cover (bearish, 2 candles, penetration).";
    Doji => "CDLDOJI", "Doji", "Doji (1 candle, no direction).";
    DojiStar => "CDLDOJISTAR", "Doji star", "Doji star (2 candles).";
    DragonflyDoji => "CDLDRAGONFLYDOJI", "Dragonfly doji", "Dragonfly doji (1 candle, no direction).";
    Engulfing => "CDLENGULFING", "Engulfing", "Engulfing pattern (2 candles).";
    EveningDojiStar => "CDLEVENINGDOJISTAR", "Evening doji star", "Evening doji star (bearish, 3 candles, penetration).";
    EveningStar => "CDLEVENINGSTAR", "Evening star", "Evening star (bearish, 3 candles, penetration).";
    GapSideBySideWhite => "CDLGAPSIDESIDEWHITE", "Gap side-by-side white lines", "Up/down-gap side-by-side white lines (3 candles).";
    GravestoneDoji => "CDLGRAVESTONEDOJI", "Gravestone doji", "Gravestone doji (1 candle, no direction).";
    Hammer => "CDLHAMMER", "Hammer", "Hammer (bullish, 1 candle after a context candle).";
    HangingMan => "CDLHANGINGMAN", "Hanging man", "Hanging man (bearish, 1 candle after a context candle).";
    Harami => "CDLHARAMI", "Harami", "Harami (2 candles).";
    HaramiCross => "CDLHARAMICROSS", "Harami cross", "Harami cross (2 candles).";
    HighWave => "CDLHIGHWAVE", "High wave", "High-wave candle (1 candle).";
    Hikkake => "CDLHIKKAKE", "Hikkake", "Hikkake (3 candles, then its confirmation).";
    HikkakeModified => "CDLHIKKAKEMOD", "Modified hikkake", "Modified hikkake (4 candles, then its confirmation).";
    HomingPigeon => "CDLHOMINGPIGEON", "Homing pigeon", "Homing pigeon (bullish, 2 candles).";
    IdenticalThreeCrows => "CDLIDENTICAL3CROWS", "Identical three crows", "Identical three crows (bearish, 3 candles).";
    InNeck => "CDLINNECK", "In-neck", "In-neck (bearish, 2 candles).";
    InvertedHammer => "CDLINVERTEDHAMMER", "Inverted hammer", "Inverted hammer (bullish, 2 candles).";
    Kicking => "CDLKICKING", "Kicking", "Kicking (2 candles).";
    KickingByLength => "CDLKICKINGBYLENGTH", "Kicking by the longer marubozu", "Kicking, direction by the longer marubozu (2 candles).";
    LadderBottom => "CDLLADDERBOTTOM", "Ladder bottom", "Ladder bottom (bullish, 5 candles).";
    LongLeggedDoji => "CDLLONGLEGGEDDOJI", "Long-legged doji", "Long-legged doji (1 candle, no direction).";
    LongLine => "CDLLONGLINE", "Long line", "Long line candle (1 candle).";
    Marubozu => "CDLMARUBOZU", "Marubozu", "Marubozu (1 candle).";
    MatchingLow => "CDLMATCHINGLOW", "Matching low", "Matching low (bullish, 2 candles).";
    MatHold => "CDLMATHOLD", "Mat hold", "Mat hold (5 candles, penetration).";
    MorningDojiStar => "CDLMORNINGDOJISTAR", "Morning doji star", "Morning doji star (bullish, 3 candles, penetration).";
    MorningStar => "CDLMORNINGSTAR", "Morning star", "Morning star (bullish, 3 candles, penetration).";
    OnNeck => "CDLONNECK", "On-neck", "On-neck (bearish, 2 candles).";
    Piercing => "CDLPIERCING", "Piercing", "Piercing (bullish, 2 candles).";
    RickshawMan => "CDLRICKSHAWMAN", "Rickshaw man", "Rickshaw man (1 candle, no direction).";
    RisingFallingThreeMethods => "CDLRISEFALL3METHODS", "Rising/falling three methods", "Rising/falling three methods (5 candles).";
    SeparatingLines => "CDLSEPARATINGLINES", "Separating lines", "Separating lines (2 candles).";
    ShootingStar => "CDLSHOOTINGSTAR", "Shooting star", "Shooting star (bearish, 2 candles).";
    ShortLine => "CDLSHORTLINE", "Short line", "Short line candle (1 candle).";
    SpinningTop => "CDLSPINNINGTOP", "Spinning top", "Spinning top (1 candle).";
    StalledPattern => "CDLSTALLEDPATTERN", "Stalled pattern", "Stalled pattern (bearish, 3 candles).";
    StickSandwich => "CDLSTICKSANDWICH", "Stick sandwich", "Stick sandwich (bullish, 3 candles).";
    Takuri => "CDLTAKURI", "Takuri", "Takuri, a dragonfly doji with a very long lower shadow (1 candle).";
    TasukiGap => "CDLTASUKIGAP", "Tasuki gap", "Tasuki gap (3 candles).";
    Thrusting => "CDLTHRUSTING", "Thrusting", "Thrusting (bearish, 2 candles).";
    Tristar => "CDLTRISTAR", "Tristar", "Tristar (3 candles).";
    UniqueThreeRiver => "CDLUNIQUE3RIVER", "Unique three river", "Unique three river (bullish, 3 candles).";
    UpsideGapTwoCrows => "CDLUPSIDEGAP2CROWS", "Upside gap two crows", "Upside gap two crows (bearish, 3 candles).";
    GapThreeMethods => "CDLXSIDEGAP3METHODS", "Gap three methods", "Upside/downside gap three methods (3 candles).";
}

impl fmt::Display for PatternId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
