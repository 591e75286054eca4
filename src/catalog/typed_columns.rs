//! The typed column paths that [`DynIndicator::run_columns`](super::DynIndicator::run_columns)
//! takes for the indicators that have one: the slice paths of the averages, RSI, the
//! rolling extremes, the variance and the standard deviation, `bands_into`, MACD's
//! `lines_into`, the paths over high, low and close columns, BOP's over four, AD's and
//! ADOSC's over four with the volume, and MFI's slice path over candles. They give what the
//! catalog's row-by-row loop gives, bit for bit (each is its typed indicator's streaming
//! loop, or proven equal to it), without a dynamic call and a
//! [`DynInput`](super::DynInput) per row.

use std::any::Any;

use super::Columns;
use crate::average::{Dema, Ema, Rma, Sma, Tema, Wma, T3};
use crate::bar::Candle;
use crate::momentum::{Adx, Bop, Cci, FastStochastic, Macd, Mfi, Rsi, Stochastic, WilliamsR};
use crate::slice::all_usable;
use crate::statistics::{RollingMax, RollingMin};
use crate::volatility::{Atr, Bollinger, Natr, StdDev, TrueRange, Variance};
use crate::volume::{AccumulationDistribution, ChaikinOscillator};
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
    if let Some(result) = run_bar_columns(indicator, columns, [high, low, close], outputs) {
        return Some(result);
    }
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

/// The bar indicators whose paths read other columns than high, low and close (or candles):
/// BOP over open, high, low and close, AD and ADOSC over high, low, close and volume, MFI
/// over candles. `None` when `indicator` is none of them, or when its path would not give
/// the row loop's answer for these columns (see each condition).
fn run_bar_columns(
    indicator: &mut dyn Any,
    columns: &Columns<'_>,
    [high, low, close]: [&[f64]; 3],
    outputs: &mut [&mut [f64]],
) -> Option<Result<(), Error>> {
    let [out] = outputs else {
        return None;
    };
    if let Some(mfi) = indicator.downcast_mut::<Mfi>() {
        return Some(candle_chunks(mfi, columns, out));
    }
    if let (Some(volume), true) = (columns.volume, opens_could_be_closes(columns, high, low)) {
        if let Some(ad) = indicator.downcast_mut::<AccumulationDistribution>() {
            return Some(ad.hlcv_into(high, low, close, volume, out));
        }
        if let Some(adosc) = indicator.downcast_mut::<ChaikinOscillator>() {
            return Some(adosc.hlcv_into(high, low, close, volume, out));
        }
    }
    // BOP's rows are the candles `(open, high, low, close, 0)`: the row loop's when every
    // volume given is one its check accepts (usable, not negative).
    let volumes_accepted = columns
        .volume
        .is_none_or(|volume| all_usable(volume) && volume.iter().all(|&v| v >= 0.0));
    if let (Some(open), true) = (columns.open, volumes_accepted) {
        if let Some(bop) = indicator.downcast_mut::<Bop>() {
            return Some(bop.ohlc_into(open, high, low, close, out));
        }
    }
    None
}

/// `true` when reading each row's open as its close changes no row's check: no open given,
/// or every open usable and within its row's low and high (a row's check asks no more of
/// its open). AD and ADOSC read no open otherwise.
fn opens_could_be_closes(columns: &Columns<'_>, high: &[f64], low: &[f64]) -> bool {
    columns.open.is_none_or(|open| {
        all_usable(open)
            && open
                .iter()
                .zip(high)
                .zip(low)
                .all(|((&open, &high), &low)| (low <= open) & (open <= high))
    })
}

/// Rows per chunk of [`candle_chunks`]: its candles live on the stack.
const CANDLES: usize = 64;

/// `indicator`'s slice path over the rows' candles (as the row loop builds them), a chunk
/// of [`CANDLES`] at a time on the stack: its `update` row by row, bit for bit.
fn candle_chunks<I>(indicator: &mut I, columns: &Columns<'_>, out: &mut [f64]) -> Result<(), Error>
where
    I: Indicator<Input = Candle<f64>, Output = f64>,
{
    let mut candles = [Candle::default(); CANDLES];
    for (chunk, out) in out.chunks_mut(CANDLES).enumerate() {
        let candles = candles.get_mut(..out.len()).unwrap_or_default();
        for (offset, candle) in candles.iter_mut().enumerate() {
            *candle = columns.candle_at(chunk * CANDLES + offset);
        }
        indicator.update_slice(candles, out)?;
    }
    Ok(())
}
