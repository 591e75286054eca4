//! The registered patterns: one line per pattern, its id and its rule. [`CandlePatterns`]
//! (super::CandlePatterns) and the catalog dispatch on [`PatternId`] through this list.

use crate::bar::Candle;
use crate::Real;

use super::core::{step as step_rule, History, Rule, Tracker};
use super::{CandleSettings, PatternId, Signal};

macro_rules! registry {
    ($($id:ident => $rule:ty,)*) => {
        /// TA-Lib's lookback of `id` with `settings`; `None` for a pattern not implemented.
        pub(crate) fn lookback(id: PatternId, settings: &CandleSettings) -> Option<usize> {
            #[allow(unreachable_patterns)]
            match id {
                $(PatternId::$id => Some(<$rule as Rule>::lookback(settings)),)*
                _ => None,
            }
        }

        /// The default penetration of `id`, if it takes one.
        pub(crate) fn penetration(id: PatternId) -> Option<f64> {
            #[allow(unreachable_patterns)]
            match id {
                $(PatternId::$id => <$rule as Rule>::PENETRATION,)*
                _ => None,
            }
        }

        /// Number of averages `id` reads.
        #[cfg(feature = "serde")]
        pub(crate) fn averages(id: PatternId) -> usize {
            #[allow(unreachable_patterns)]
            match id {
                $(PatternId::$id => <$rule as Rule>::AVERAGES.len(),)*
                _ => 0,
            }
        }

        /// One bar of pattern `id` (see [`step_rule`]).
        #[inline]
        pub(crate) fn step<T: Real>(
            id: PatternId,
            tracker: &mut Tracker<T>,
            history: &History<T>,
            candle: Candle<T>,
            settings: &CandleSettings,
            penetration: T,
            lookback: usize,
        ) -> Option<Option<Signal>> {
            #[allow(unreachable_patterns)]
            match id {
                $(PatternId::$id => step_rule::<$rule, T>(
                    tracker, history, candle, settings, penetration, lookback,
                ),)*
                _ => None,
            }
        }
    };
}

// One line per pattern, in TA-Lib's order. Names before "CDLK" first, then the others.
registry! {
    TwoCrows => super::two_crows::TwoCrowsRule,
    ThreeBlackCrows => super::three_black_crows::ThreeBlackCrowsRule,
    ThreeInside => super::three_inside::ThreeInsideRule,
    ThreeLineStrike => super::three_line_strike::ThreeLineStrikeRule,
    ThreeOutside => super::three_outside::ThreeOutsideRule,
    ThreeStarsInSouth => super::three_stars_in_south::ThreeStarsInSouthRule,
    ThreeWhiteSoldiers => super::three_white_soldiers::ThreeWhiteSoldiersRule,
    AbandonedBaby => super::abandoned_baby::AbandonedBabyRule,
    AdvanceBlock => super::advance_block::AdvanceBlockRule,
    BeltHold => super::belt_hold::BeltHoldRule,
    Breakaway => super::breakaway::BreakawayRule,
    ClosingMarubozu => super::closing_marubozu::ClosingMarubozuRule,
    ConcealingBabySwallow => super::concealing_baby_swallow::ConcealingBabySwallowRule,
    Counterattack => super::counterattack::CounterattackRule,
    DarkCloudCover => super::dark_cloud_cover::DarkCloudCoverRule,
    Doji => super::doji::DojiRule,
    DojiStar => super::doji_star::DojiStarRule,
    DragonflyDoji => super::dragonfly_doji::DragonflyDojiRule,
    Engulfing => super::engulfing::EngulfingRule,
    EveningDojiStar => super::evening_doji_star::EveningDojiStarRule,
    EveningStar => super::evening_star::EveningStarRule,
    GapSideBySideWhite => super::gap_side_by_side_white::GapSideBySideWhiteRule,
    GravestoneDoji => super::gravestone_doji::GravestoneDojiRule,
    Hammer => super::hammer::HammerRule,
    HangingMan => super::hanging_man::HangingManRule,
    Harami => super::harami::HaramiRule,
    HaramiCross => super::harami_cross::HaramiCrossRule,
    HighWave => super::high_wave::HighWaveRule,
    Hikkake => super::hikkake::HikkakeRule,
    HikkakeModified => super::hikkake_modified::HikkakeModifiedRule,
    HomingPigeon => super::homing_pigeon::HomingPigeonRule,
    IdenticalThreeCrows => super::identical_three_crows::IdenticalThreeCrowsRule,
    InNeck => super::in_neck::InNeckRule,
    InvertedHammer => super::inverted_hammer::InvertedHammerRule,
    // ---- patterns from CDLKICKING on ----

    Kicking => super::kicking::KickingRule,
    KickingByLength => super::kicking_by_length::KickingByLengthRule,
    LadderBottom => super::ladder_bottom::LadderBottomRule,
    LongLeggedDoji => super::long_legged_doji::LongLeggedDojiRule,
    LongLine => super::long_line::LongLineRule,
    Marubozu => super::marubozu::MarubozuRule,
    MatchingLow => super::matching_low::MatchingLowRule,
    MatHold => super::mat_hold::MatHoldRule,
    MorningDojiStar => super::morning_doji_star::MorningDojiStarRule,
    MorningStar => super::morning_star::MorningStarRule,
    OnNeck => super::on_neck::OnNeckRule,
    Piercing => super::piercing::PiercingRule,
    RickshawMan => super::rickshaw_man::RickshawManRule,
    RisingFallingThreeMethods => super::rising_falling_three_methods::RisingFallingThreeMethodsRule,
    SeparatingLines => super::separating_lines::SeparatingLinesRule,
    ShootingStar => super::shooting_star::ShootingStarRule,
    ShortLine => super::short_line::ShortLineRule,
    SpinningTop => super::spinning_top::SpinningTopRule,
    StalledPattern => super::stalled_pattern::StalledPatternRule,
    StickSandwich => super::stick_sandwich::StickSandwichRule,
    Takuri => super::takuri::TakuriRule,
    TasukiGap => super::tasuki_gap::TasukiGapRule,
    Thrusting => super::thrusting::ThrustingRule,
    Tristar => super::tristar::TristarRule,
    UniqueThreeRiver => super::unique_three_river::UniqueThreeRiverRule,
    UpsideGapTwoCrows => super::upside_gap_two_crows::UpsideGapTwoCrowsRule,
    GapThreeMethods => super::gap_three_methods::GapThreeMethodsRule,
    // ---- end of the patterns ----
}
