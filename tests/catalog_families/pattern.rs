//! The catalog's typed references for the candlestick patterns: each pattern's typed
//! indicator on the real bars, its TA-Lib code as the number.

use crate::{candles, typed_run, DynInput, Row};
use ta_stream::pattern::*;

pub const SPECS: &[&str] = &[
    "CDL2CROWS",
    "CDL3BLACKCROWS",
    "CDL3INSIDE",
    "CDL3LINESTRIKE",
    "CDL3OUTSIDE",
    "CDL3STARSINSOUTH",
    "CDL3WHITESOLDIERS",
    "CDLABANDONEDBABY",
    "CDLABANDONEDBABY(0.1)",
    "CDLADVANCEBLOCK",
    "CDLBELTHOLD",
    "CDLBREAKAWAY",
    "CDLCLOSINGMARUBOZU",
    "CDLCONCEALBABYSWALL",
    "CDLCOUNTERATTACK",
    "CDLDARKCLOUDCOVER",
    "CDLDARKCLOUDCOVER(0.1)",
    "CDLDOJI",
    "CDLDOJISTAR",
    "CDLDRAGONFLYDOJI",
    "CDLENGULFING",
    "CDLEVENINGDOJISTAR",
    "CDLEVENINGDOJISTAR(0.1)",
    "CDLEVENINGSTAR",
    "CDLEVENINGSTAR(0.1)",
    "CDLGAPSIDESIDEWHITE",
    "CDLGRAVESTONEDOJI",
    "CDLHAMMER",
    "CDLHANGINGMAN",
    "CDLHARAMI",
    "CDLHARAMICROSS",
    "CDLHIGHWAVE",
    "CDLHIKKAKE",
    "CDLHIKKAKEMOD",
    "CDLHOMINGPIGEON",
    "CDLIDENTICAL3CROWS",
    "CDLINNECK",
    "CDLINVERTEDHAMMER",
    // ---- patterns from CDLKICKING on ----
    "CDLSEPARATINGLINES",
    "CDLSHOOTINGSTAR",
    "CDLSHORTLINE",
    "CDLSPINNINGTOP",
    "CDLSTALLEDPATTERN",
    "CDLSTICKSANDWICH",
    "CDLTAKURI",
    "CDLTASUKIGAP",
    "CDLTHRUSTING",
    "CDLTRISTAR",
    "CDLUNIQUE3RIVER",
    "CDLUPSIDEGAP2CROWS",
    "CDLXSIDEGAP3METHODS",
    // ---- end of the patterns ----
    "CDLALL",
];

fn integer(signal: Option<Signal>) -> Vec<f64> {
    vec![f64::from(code(signal))]
}

pub fn reference(spec: &str) -> Option<(Vec<Row>, Vec<DynInput>)> {
    let bars = candles();
    let inputs = || bars.iter().map(|&c| DynInput::candle(c)).collect();
    let rows = match spec {
        "CDL2CROWS" => typed_run(TwoCrows::new(), &bars, integer),
        "CDL3BLACKCROWS" => typed_run(ThreeBlackCrows::new(), &bars, integer),
        "CDL3INSIDE" => typed_run(ThreeInside::new(), &bars, integer),
        "CDL3LINESTRIKE" => typed_run(ThreeLineStrike::new(), &bars, integer),
        "CDL3OUTSIDE" => typed_run(ThreeOutside::new(), &bars, integer),
        "CDL3STARSINSOUTH" => typed_run(ThreeStarsInSouth::new(), &bars, integer),
        "CDL3WHITESOLDIERS" => typed_run(ThreeWhiteSoldiers::new(), &bars, integer),
        "CDLABANDONEDBABY" => typed_run(AbandonedBaby::new(), &bars, integer),
        "CDLABANDONEDBABY(0.1)" => typed_run(
            AbandonedBaby::new().with_penetration(0.1).unwrap(),
            &bars,
            integer,
        ),
        "CDLADVANCEBLOCK" => typed_run(AdvanceBlock::new(), &bars, integer),
        "CDLBELTHOLD" => typed_run(BeltHold::new(), &bars, integer),
        "CDLBREAKAWAY" => typed_run(Breakaway::new(), &bars, integer),
        "CDLCLOSINGMARUBOZU" => typed_run(ClosingMarubozu::new(), &bars, integer),
        "CDLCONCEALBABYSWALL" => typed_run(ConcealingBabySwallow::new(), &bars, integer),
        "CDLCOUNTERATTACK" => typed_run(Counterattack::new(), &bars, integer),
        "CDLDARKCLOUDCOVER" => typed_run(DarkCloudCover::new(), &bars, integer),
        "CDLDARKCLOUDCOVER(0.1)" => typed_run(
            DarkCloudCover::new().with_penetration(0.1).unwrap(),
            &bars,
            integer,
        ),
        "CDLDOJI" => typed_run(Doji::new(), &bars, integer),
        "CDLDOJISTAR" => typed_run(DojiStar::new(), &bars, integer),
        "CDLDRAGONFLYDOJI" => typed_run(DragonflyDoji::new(), &bars, integer),
        "CDLENGULFING" => typed_run(Engulfing::new(), &bars, integer),
        "CDLEVENINGDOJISTAR" => typed_run(EveningDojiStar::new(), &bars, integer),
        "CDLEVENINGDOJISTAR(0.1)" => typed_run(
            EveningDojiStar::new().with_penetration(0.1).unwrap(),
            &bars,
            integer,
        ),
        "CDLEVENINGSTAR" => typed_run(EveningStar::new(), &bars, integer),
        "CDLEVENINGSTAR(0.1)" => typed_run(
            EveningStar::new().with_penetration(0.1).unwrap(),
            &bars,
            integer,
        ),
        "CDLGAPSIDESIDEWHITE" => typed_run(GapSideBySideWhite::new(), &bars, integer),
        "CDLGRAVESTONEDOJI" => typed_run(GravestoneDoji::new(), &bars, integer),
        "CDLHAMMER" => typed_run(Hammer::new(), &bars, integer),
        "CDLHANGINGMAN" => typed_run(HangingMan::new(), &bars, integer),
        "CDLHARAMI" => typed_run(Harami::new(), &bars, integer),
        "CDLHARAMICROSS" => typed_run(HaramiCross::new(), &bars, integer),
        "CDLHIGHWAVE" => typed_run(HighWave::new(), &bars, integer),
        "CDLHIKKAKE" => typed_run(Hikkake::new(), &bars, integer),
        "CDLHIKKAKEMOD" => typed_run(HikkakeModified::new(), &bars, integer),
        "CDLHOMINGPIGEON" => typed_run(HomingPigeon::new(), &bars, integer),
        "CDLIDENTICAL3CROWS" => typed_run(IdenticalThreeCrows::new(), &bars, integer),
        "CDLINNECK" => typed_run(InNeck::new(), &bars, integer),
        "CDLINVERTEDHAMMER" => typed_run(InvertedHammer::new(), &bars, integer),
        // ---- patterns from CDLKICKING on ----
        "CDLSEPARATINGLINES" => typed_run(SeparatingLines::new(), &bars, integer),
        "CDLSHOOTINGSTAR" => typed_run(ShootingStar::new(), &bars, integer),
        "CDLSHORTLINE" => typed_run(ShortLine::new(), &bars, integer),
        "CDLSPINNINGTOP" => typed_run(SpinningTop::new(), &bars, integer),
        "CDLSTALLEDPATTERN" => typed_run(StalledPattern::new(), &bars, integer),
        "CDLSTICKSANDWICH" => typed_run(StickSandwich::new(), &bars, integer),
        "CDLTAKURI" => typed_run(Takuri::new(), &bars, integer),
        "CDLTASUKIGAP" => typed_run(TasukiGap::new(), &bars, integer),
        "CDLTHRUSTING" => typed_run(Thrusting::new(), &bars, integer),
        "CDLTRISTAR" => typed_run(Tristar::new(), &bars, integer),
        "CDLUNIQUE3RIVER" => typed_run(UniqueThreeRiver::new(), &bars, integer),
        "CDLUPSIDEGAP2CROWS" => typed_run(UpsideGapTwoCrows::new(), &bars, integer),
        "CDLXSIDEGAP3METHODS" => typed_run(GapThreeMethods::new(), &bars, integer),
        // ---- end of the patterns ----
        "CDLALL" => typed_run(CandlePatterns::new(), &bars, |set| {
            let bullish = set.iter().filter(|(_, s)| s.is_bullish()).count();
            let bearish = set.iter().filter(|(_, s)| s.is_bearish()).count();
            vec![set.len() as f64, bullish as f64, bearish as f64]
        }),
        _ => return None,
    };
    Some((rows, inputs()))
}
