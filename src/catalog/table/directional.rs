//! The directional movement family (ADX, DX, ±DI, ±DM, ADXR) and the vortex indicator.

use super::{period, typed, FunctionInfo, Group, InputKind, ToNumbers, Values, HL, HLC, PERIOD_MAX, REAL};
use super::{int, set};
use crate::momentum::{Adx, Adxr, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex, VortexOutput};

pub(super) static ENTRIES: &[FunctionInfo] = &[
    entry!("PLUS_DM", MomentumIndicators, true, "Plus directional movement: Wilder's running sum of the up moves", InputKind::Prices(HL),
        [period("timeperiod", 14.0, "Wilder smoothing")], REAL, ["PlusDm"], |s| typed::<PlusDm>(PlusDm::new(s.int(0)))),
    entry!("MINUS_DM", MomentumIndicators, true, "Minus directional movement: Wilder's running sum of the down moves", InputKind::Prices(HL),
        [period("timeperiod", 14.0, "Wilder smoothing")], REAL, ["MinusDm"], |s| typed::<MinusDm>(MinusDm::new(s.int(0)))),
    entry!("PLUS_DI", MomentumIndicators, true, "Plus directional indicator: 100 · +DM / TR, Wilder-smoothed (a fraction at period 1, as TA-Lib)", InputKind::Prices(HLC),
        [period("timeperiod", 14.0, "Wilder smoothing")], REAL, ["PlusDi"], |s| typed::<PlusDi>(PlusDi::new(s.int(0)))),
    entry!("MINUS_DI", MomentumIndicators, true, "Minus directional indicator: 100 · −DM / TR, Wilder-smoothed (a fraction at period 1, as TA-Lib)", InputKind::Prices(HLC),
        [period("timeperiod", 14.0, "Wilder smoothing")], REAL, ["MinusDi"], |s| typed::<MinusDi>(MinusDi::new(s.int(0)))),
    entry!("DX", MomentumIndicators, true, "Directional movement index: 100 · |+DI − −DI| / (+DI + −DI)", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "Wilder smoothing")], REAL, ["Dx"], |s| typed::<Dx>(Dx::new(s.int(0)))),
    entry!("ADX", MomentumIndicators, true, "Average directional movement index: Wilder's average of DX, 0..=100", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "Wilder smoothing")], REAL, ["Adx"], |s| typed::<Adx>(Adx::new(s.int(0)))),
    entry!("ADXR", MomentumIndicators, true, "ADX rating: (ADX + ADX timeperiod − 1 bars ago) / 2", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "Wilder smoothing and lag")], REAL, ["Adxr"], |s| typed::<Adxr>(Adxr::new(s.int(0)))),
    entry!("VORTEX", MomentumIndicators, true, "Vortex indicator: Σ|H − previous L| and Σ|L − previous H| over Σ true range", InputKind::Prices(HLC),
        [period("timeperiod", 14.0, "number of bars")], &["plusvi", "minusvi"], ["Vortex"], |s| typed::<Vortex>(Vortex::new(s.int(0)))),
];

impl ToNumbers for VortexOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.plus, self.minus]);
    }
}
