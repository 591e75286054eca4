//! Candlestick patterns (TA-Lib's CDL functions): one line per pattern, and the crate's own
//! all-patterns screener.

use super::{float, set, typed, FunctionInfo, Group, InputKind, ToNumbers, Values, OHLC};
#[allow(clippy::wildcard_imports)]
use crate::pattern::*;

/// TA-Lib's integer output.
const INTEGER: &[&str] = &["integer"];

/// A pattern's `penetration` with its TA-Lib default.
const fn penetration(default: f64) -> super::ParamInfo {
    float(
        "penetration",
        default,
        0.0,
        1e6,
        "fraction of the first real body the last candle must reach into",
    )
}

// One line per pattern, in TA-Lib's order; names from CDLKICKING on after the marker.
pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("CDL2CROWS", PatternRecognition, true, "Two crows: after a long white candle, a black one gapping up and a second black one that opens inside it and closes inside the white body — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<TwoCrows>(Ok(TwoCrows::new()))),
    entry!("CDL3BLACKCROWS", PatternRecognition, true, "Three black crows: after a white candle, three black candles with very short lower shadows, each opening inside the previous body and closing lower — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeBlackCrows>(Ok(ThreeBlackCrows::new()))),
    entry!("CDL3INSIDE", PatternRecognition, true, "Three inside up/down: a harami (a long body, then a short one inside it) confirmed by a third candle closing beyond the first candle's open", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeInside>(Ok(ThreeInside::new()))),
    entry!("CDL3LINESTRIKE", PatternRecognition, true, "Three-line strike: three candles of one colour stepping in one direction, then a fourth of the other colour wiping them out", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeLineStrike>(Ok(ThreeLineStrike::new()))),
    entry!("CDL3OUTSIDE", PatternRecognition, true, "Three outside up/down: an engulfing pattern confirmed by a third candle closing further in its direction", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeOutside>(Ok(ThreeOutside::new()))),
    entry!("CDL3STARSINSOUTH", PatternRecognition, true, "Three stars in the south: three black candles of shrinking size, the selling drying up — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeStarsInSouth>(Ok(ThreeStarsInSouth::new()))),
    entry!("CDL3WHITESOLDIERS", PatternRecognition, true, "Three advancing white soldiers: three white candles with very short upper shadows, each opening within the previous body and closing higher — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ThreeWhiteSoldiers>(Ok(ThreeWhiteSoldiers::new()))),
    entry!("CDLABANDONEDBABY", PatternRecognition, true, "Abandoned baby: a doji isolated by price gaps between a long candle and an opposite candle that closes well into the first body", InputKind::Prices(OHLC),
        [penetration(0.3)], INTEGER, ["Candlestick"], |s| typed::<AbandonedBaby>(AbandonedBaby::new().with_penetration(s.value(0)))),
    entry!("CDLADVANCEBLOCK", PatternRecognition, true, "Advance block: three white soldiers losing strength (shrinking bodies or growing upper shadows) — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<AdvanceBlock>(Ok(AdvanceBlock::new()))),
    entry!("CDLBELTHOLD", PatternRecognition, true, "Belt-hold: a long candle opening at its extreme — a white one opening on its low, a black one on its high", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<BeltHold>(Ok(BeltHold::new()))),
    entry!("CDLBREAKAWAY", PatternRecognition, true, "Breakaway: a long candle, a gap in its direction, two more candles stepping on, then an opposite candle closing back inside the gap", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Breakaway>(Ok(Breakaway::new()))),
    entry!("CDLCLOSINGMARUBOZU", PatternRecognition, true, "Closing marubozu: a long candle closing at its extreme — a white one on its high, a black one on its low", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ClosingMarubozu>(Ok(ClosingMarubozu::new()))),
    entry!("CDLCONCEALBABYSWALL", PatternRecognition, true, "Concealing baby swallow: two black marubozu, a black candle gapping down whose upper shadow reaches back into the second body, swallowed by a fourth black candle — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ConcealingBabySwallow>(Ok(ConcealingBabySwallow::new()))),
    entry!("CDLCOUNTERATTACK", PatternRecognition, true, "Counterattack: two long opposite candles closing at (nearly) the same price", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Counterattack>(Ok(Counterattack::new()))),
    entry!("CDLDARKCLOUDCOVER", PatternRecognition, true, "Dark cloud cover: a long white candle, then a black one opening above its high and closing deep into its body — bearish", InputKind::Prices(OHLC),
        [penetration(0.5)], INTEGER, ["Candlestick"], |s| typed::<DarkCloudCover>(DarkCloudCover::new().with_penetration(s.value(0)))),
    entry!(
        "CDLDOJI",
        PatternRecognition,
        true,
        "Doji: open and close (almost) equal; +100",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Doji>(Ok(Doji::new()))
    ),
    entry!("CDLDOJISTAR", PatternRecognition, true, "Doji star: a long candle, then a doji whose body gaps away in the same direction — a warning of reversal", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<DojiStar>(Ok(DojiStar::new()))),
    entry!("CDLDRAGONFLYDOJI", PatternRecognition, true, "Dragonfly doji: a doji at the top of a long lower shadow, no upper shadow", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<DragonflyDoji>(Ok(DragonflyDoji::new()))),
    entry!(
        "CDLENGULFING",
        PatternRecognition,
        true,
        "Engulfing: a body swallowing the previous opposite body; ±100, ±80 at an equal edge",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Engulfing>(Ok(Engulfing::new()))
    ),
    entry!("CDLEVENINGDOJISTAR", PatternRecognition, true, "Evening doji star: an evening star whose star is a doji — bearish", InputKind::Prices(OHLC),
        [penetration(0.3)], INTEGER, ["Candlestick"], |s| typed::<EveningDojiStar>(EveningDojiStar::new().with_penetration(s.value(0)))),
    entry!(
        "CDLEVENINGSTAR",
        PatternRecognition,
        true,
        "Evening star: long white, short star gapping up, black closing into the first body; −100",
        InputKind::Prices(OHLC),
        [penetration(0.3)],
        INTEGER,
        ["Candlestick"],
        |s| typed::<EveningStar>(EveningStar::new().with_penetration(s.value(0)))
    ),
    entry!("CDLGAPSIDESIDEWHITE", PatternRecognition, true, "Up/down-gap side-by-side white lines: two similar white candles side by side, both gapping away from the candle before", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<GapSideBySideWhite>(Ok(GapSideBySideWhite::new()))),
    entry!("CDLGRAVESTONEDOJI", PatternRecognition, true, "Gravestone doji: a doji at the bottom of a long upper shadow, no lower shadow", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<GravestoneDoji>(Ok(GravestoneDoji::new()))),
    entry!(
        "CDLHAMMER",
        PatternRecognition,
        true,
        "Hammer: small body on a long lower shadow near the previous low; +100",
        InputKind::Prices(OHLC),
        [],
        INTEGER,
        ["Candlestick"],
        |_| typed::<Hammer>(Ok(Hammer::new()))
    ),
    entry!("CDLHANGINGMAN", PatternRecognition, true, "Hanging man: a hammer-shaped candle near the previous candle's high — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<HangingMan>(Ok(HangingMan::new()))),
    entry!("CDLHARAMI", PatternRecognition, true, "Harami: a long candle, then a short body inside its body", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Harami>(Ok(Harami::new()))),
    entry!("CDLHARAMICROSS", PatternRecognition, true, "Harami cross: a long candle, then a doji inside its body", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<HaramiCross>(Ok(HaramiCross::new()))),
    entry!("CDLHIGHWAVE", PatternRecognition, true, "High-wave candle: a short body with very long shadows on both sides — indecision", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<HighWave>(Ok(HighWave::new()))),
    entry!("CDLHIKKAKE", PatternRecognition, true, "Hikkake: an inside bar followed by a false breakout, and its confirmation within three bars", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Hikkake>(Ok(Hikkake::new()))),
    entry!("CDLHIKKAKEMOD", PatternRecognition, true, "Modified hikkake: two nested inside bars, the first closing near its extreme, then a false breakout, and its confirmation within three bars", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<HikkakeModified>(Ok(HikkakeModified::new()))),
    entry!("CDLHOMINGPIGEON", PatternRecognition, true, "Homing pigeon: a long black candle, then a short black body inside it — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<HomingPigeon>(Ok(HomingPigeon::new()))),
    entry!("CDLIDENTICAL3CROWS", PatternRecognition, true, "Identical three crows: three falling black candles, each opening at the previous close — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<IdenticalThreeCrows>(Ok(IdenticalThreeCrows::new()))),
    entry!("CDLINNECK", PatternRecognition, true, "In-neck: a long black candle, then a white one opening below its low and closing just at or above its close — bearish continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<InNeck>(Ok(InNeck::new()))),
    entry!("CDLINVERTEDHAMMER", PatternRecognition, true, "Inverted hammer: a small body at the bottom of a long upper shadow, gapping down from the previous body — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<InvertedHammer>(Ok(InvertedHammer::new()))),
    // ---- patterns from CDLKICKING on ----

    entry!("CDLKICKING", PatternRecognition, true, "Kicking: a marubozu, then an opposite-coloured marubozu gapping away from it — the second candle's direction", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Kicking>(Ok(Kicking::new()))),
    entry!("CDLKICKINGBYLENGTH", PatternRecognition, true, "Kicking by length: a kicking pattern whose direction is the colour of the longer marubozu", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<KickingByLength>(Ok(KickingByLength::new()))),
    entry!("CDLLADDERBOTTOM", PatternRecognition, true, "Ladder bottom: three falling black candles, a black one with an upper shadow, then a white one opening above its body and closing above its high — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<LadderBottom>(Ok(LadderBottom::new()))),
    entry!("CDLLONGLEGGEDDOJI", PatternRecognition, true, "Long-legged doji: a doji with a long upper or lower shadow — indecision", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<LongLeggedDoji>(Ok(LongLeggedDoji::new()))),
    entry!("CDLLONGLINE", PatternRecognition, true, "Long line: a long body with short shadows — the candle's direction", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<LongLine>(Ok(LongLine::new()))),
    entry!("CDLMARUBOZU", PatternRecognition, true, "Marubozu: a long body with (almost) no shadows — the candle's direction", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Marubozu>(Ok(Marubozu::new()))),
    entry!("CDLMATCHINGLOW", PatternRecognition, true, "Matching low: two black candles closing at (about) the same price — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<MatchingLow>(Ok(MatchingLow::new()))),
    entry!("CDLMATHOLD", PatternRecognition, true, "Mat hold: a long white candle, three short reaction candles gapping up and holding within its body, then a white candle closing above them — bullish continuation", InputKind::Prices(OHLC),
        [penetration(0.5)], INTEGER, ["Candlestick"], |s| typed::<MatHold>(MatHold::new().with_penetration(s.value(0)))),
    entry!("CDLMORNINGDOJISTAR", PatternRecognition, true, "Morning doji star: a morning star whose star is a doji — bullish", InputKind::Prices(OHLC),
        [penetration(0.3)], INTEGER, ["Candlestick"], |s| typed::<MorningDojiStar>(MorningDojiStar::new().with_penetration(s.value(0)))),
    entry!("CDLMORNINGSTAR", PatternRecognition, true, "Morning star: a long black candle, a short body gapping down below it, then a white candle closing well into the first body — bullish", InputKind::Prices(OHLC),
        [penetration(0.3)], INTEGER, ["Candlestick"], |s| typed::<MorningStar>(MorningStar::new().with_penetration(s.value(0)))),
    entry!("CDLONNECK", PatternRecognition, true, "On-neck: a long black candle, then a white one opening below its low and closing at (about) that low — bearish continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<OnNeck>(Ok(OnNeck::new()))),
    entry!("CDLPIERCING", PatternRecognition, true, "Piercing: a long black candle, then a long white one opening below its low and closing above its midpoint — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Piercing>(Ok(Piercing::new()))),
    entry!("CDLRICKSHAWMAN", PatternRecognition, true, "Rickshaw man: a doji with long shadows on both sides and its body near the middle of its range — indecision", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<RickshawMan>(Ok(RickshawMan::new()))),
    entry!("CDLRISEFALL3METHODS", PatternRecognition, true, "Rising / falling three methods: a long candle, three short opposite candles held within its range, then a long candle of the first colour beyond its close — continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<RisingFallingThreeMethods>(Ok(RisingFallingThreeMethods::new()))),
    entry!("CDLSEPARATINGLINES", PatternRecognition, true, "Separating lines: a candle opening where the previous, opposite-coloured one opened and running away from it with a long belt-hold body — continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<SeparatingLines>(Ok(SeparatingLines::new()))),
    entry!("CDLSHOOTINGSTAR", PatternRecognition, true, "Shooting star: a small body at the bottom of a long upper shadow, gapping up from the previous body — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ShootingStar>(Ok(ShootingStar::new()))),
    entry!("CDLSHORTLINE", PatternRecognition, true, "Short line: a short body with short shadows", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<ShortLine>(Ok(ShortLine::new()))),
    entry!("CDLSPINNINGTOP", PatternRecognition, true, "Spinning top: a short body with both shadows longer than the body — indecision", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<SpinningTop>(Ok(SpinningTop::new()))),
    entry!("CDLSTALLEDPATTERN", PatternRecognition, true, "Stalled pattern: two long white candles, then a short white one riding on the second's shoulder — the advance stalls, bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<StalledPattern>(Ok(StalledPattern::new()))),
    entry!("CDLSTICKSANDWICH", PatternRecognition, true, "Stick sandwich: two black candles closing at the same level around a white one trading above the first close — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<StickSandwich>(Ok(StickSandwich::new()))),
    entry!("CDLTAKURI", PatternRecognition, true, "Takuri: a dragonfly doji with a very long lower shadow", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Takuri>(Ok(Takuri::new()))),
    entry!("CDLTASUKIGAP", PatternRecognition, true, "Tasuki gap: a body gapping away in the trend, then an opposite candle opening inside it and closing inside the gap without filling it — continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<TasukiGap>(Ok(TasukiGap::new()))),
    entry!("CDLTHRUSTING", PatternRecognition, true, "Thrusting: a long black candle, then a white one opening below its low and closing into its body, but not above its midpoint — bearish continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Thrusting>(Ok(Thrusting::new()))),
    entry!("CDLTRISTAR", PatternRecognition, true, "Tristar: three dojis, the middle one gapping away from the other two — reversal", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<Tristar>(Ok(Tristar::new()))),
    entry!("CDLUNIQUE3RIVER", PatternRecognition, true, "Unique three river: a long black candle, a black harami-like candle making a lower low, then a short white candle opening above that low — bullish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<UniqueThreeRiver>(Ok(UniqueThreeRiver::new()))),
    entry!("CDLUPSIDEGAP2CROWS", PatternRecognition, true, "Upside gap two crows: a long white candle, a short black body gapping up, then a black candle engulfing it but closing above the first close — bearish", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<UpsideGapTwoCrows>(Ok(UpsideGapTwoCrows::new()))),
    entry!("CDLXSIDEGAP3METHODS", PatternRecognition, true, "Upside/downside gap three methods: two candles of one colour with a body gap between them, then an opposite candle closing the gap — continuation", InputKind::Prices(OHLC),
        [], INTEGER, ["Candlestick"], |_| typed::<GapThreeMethods>(Ok(GapThreeMethods::new()))),
    // ---- end of the patterns ----
    entry!(
        "CDLALL",
        PatternRecognition,
        false,
        "Every candlestick pattern on the bar: how many, how many bullish, how many bearish",
        InputKind::Prices(OHLC),
        [],
        &["patterns", "bullish", "bearish"],
        ["CandlePatterns"],
        |_| typed::<CandlePatterns>(Ok(CandlePatterns::new()))
    ),
];

/// TA-Lib's integer code.
impl ToNumbers for Option<Signal> {
    fn write(&self, out: &mut Values) {
        set(out, [f64::from(code(*self))]);
    }
}

/// The number of patterns found, bullish ones, bearish ones.
impl ToNumbers for PatternSet {
    fn write(&self, out: &mut Values) {
        let count = |keep: fn(Signal) -> bool| self.iter().filter(|&(_, s)| keep(s)).count() as f64;
        set(
            out,
            [
                self.len() as f64,
                count(Signal::is_bullish),
                count(Signal::is_bearish),
            ],
        );
    }
}
