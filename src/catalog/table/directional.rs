//! The directional movement family (ADX, DX, ±DI, ±DM, ADXR) and the vortex indicator.

use super::{
    int, or_nan, period, set, typed, FunctionInfo, Group, InputKind, ToNumbers, Values, HL, HLC,
    PERIOD_MAX, REAL,
};
use crate::momentum::{
    Adx, Adxr, Directional, DirectionalOutput, Dx, MinusDi, MinusDm, PlusDi, PlusDm, Vortex,
    VortexOutput,
};

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
    // The crate's own: every line above from one update (ADX and ADXR NaN until they start).
    entry!("DMI", MomentumIndicators, false, "Wilder's directional movement system from one update: +DM, −DM, +DI, −DI, DX, ADX, ADXR (TA-Lib's lines)", InputKind::Prices(HLC),
        [int("timeperiod", 14.0, 2.0, PERIOD_MAX, "Wilder smoothing")], &["plusdm", "minusdm", "plusdi", "minusdi", "dx", "adx", "adxr"], ["Directional"],
        |s| typed::<Directional>(Directional::new(s.int(0)))),
];

impl ToNumbers for VortexOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(out, [self.plus, self.minus]);
    }
}

impl ToNumbers for DirectionalOutput<f64> {
    fn write(&self, out: &mut Values) {
        set(
            out,
            [
                self.plus_dm,
                self.minus_dm,
                self.plus_di,
                self.minus_di,
                self.dx,
                or_nan(self.adx),
                or_nan(self.adxr),
            ],
        );
    }
}
