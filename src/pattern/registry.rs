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
    Doji => super::doji::DojiRule,
    Engulfing => super::engulfing::EngulfingRule,
    EveningStar => super::evening_star::EveningStarRule,
    Hammer => super::hammer::HammerRule,
    // ---- patterns from CDLKICKING on ----

    // ---- end of the patterns ----
}
