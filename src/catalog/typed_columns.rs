//! The typed column paths that [`DynIndicator::run_columns`](super::DynIndicator::run_columns)
//! takes for the indicators that have one: the slice paths of the averages, RSI, the
//! rolling extremes, the variance and the standard deviation, `bands_into`, MACD's `lines_into`, and the paths over high, low and
//! close columns. They give what the catalog's row-by-row loop gives, bit for bit (each is
//! its typed indicator's streaming loop, or proven equal to it), without a dynamic call and
//! a [`DynInput`](super::DynInput) per row.

use std::any::Any;

use super::Columns;
use crate::average::{Dema, Ema, Rma, Sma, Tema, Wma, T3};
use crate::momentum::{Adx, Cci, FastStochastic, Macd, Rsi, Stochastic, WilliamsR};
use crate::slice::all_usable;
use crate::statistics::{RollingMax, RollingMin};
use crate::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
use crate::{Error, Indicator};

/// Runs `indicator` (the catalog's typed indicator) over `columns` into `outputs` (already
/// checked: the columns it reads present, one output slice per output, every length the
/// same) through its typed column path: `Some` with the result, or `None` when it has none
/// and the row-by-row loop must run.
pub(super) fn run(
    indicator: &mut dyn Any,
    columns: &Columns<'_>,
    outputs: &mut [&mut [f64]],
) -> Option<Result<(), Error>> {
    if let (Some(close), [out]) = (columns.close, &mut *outputs) {
        macro_rules! real {
            ($($typ:ty),*) => {$(
                if let Some(indicator) = indicator.downcast_mut::<$typ>() {
                    return Some(indicator.update_slice(close, out));
                }
            )*};
        }
        real!(Sma, Ema, Wma, Dema, Tema, T3, Rma, Rsi, RollingMax, RollingMin, Variance, StdDev);
    }
    if let (Some(close), [upper, middle, lower]) = (columns.close, &mut *outputs) {
        if let Some(bollinger) = indicator.downcast_mut::<Bollinger>() {
            return Some(bollinger.bands_into(close, upper, middle, lower));
        }
        if let Some(macd) = indicator.downcast_mut::<Macd>() {
            return Some(macd.lines_into(close, upper, middle, lower));
        }
    }
    let (Some(high), Some(low), Some(close)) = (columns.high, columns.low, columns.close) else {
        return None;
    };
    // The row loop reads whole candles, open and volume included: an unusable one refuses
    // its row. The paths over three columns read the candle `(close, high, low, close, 0)`,
    // the same answer only when every open and volume given is usable.
    let usable = |column: Option<&[f64]>| column.is_none_or(all_usable);
    if !(usable(columns.open) && usable(columns.volume)) {
        return None;
    }
    if let [out] = &mut *outputs {
        macro_rules! hlc {
            ($($typ:ty),*) => {$(
                if let Some(indicator) = indicator.downcast_mut::<$typ>() {
                    return Some(indicator.hlc_into(high, low, close, out));
                }
            )*};
        }
        hlc!(WilliamsR, Atr, Natr, TrueRange, Cci, Adx);
    }
    if let [k, d] = outputs {
        if let Some(stochastic) = indicator.downcast_mut::<Stochastic>() {
            return Some(stochastic.hlc_lines_into(high, low, close, k, d));
        }
        if let Some(stochastic) = indicator.downcast_mut::<FastStochastic>() {
            return Some(stochastic.hlc_lines_into(high, low, close, k, d));
        }
    }
    None
}
