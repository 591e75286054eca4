//! The slice path: an indicator over a whole input slice into a caller-provided output
//! slice ([`Indicator::update_slice`]), written once for every indicator whose output is a
//! number.

use crate::bar::Candle;
use crate::{Error, Indicator, Real};
use num_traits::Float;

/// Checks that `out` has one slot per input, then runs `update` over `inputs`, writing each
/// output (NaN for `None`) into its slot. The loop is the streaming loop, so the outputs are
/// bit for bit those of `update`; it allocates nothing.
#[inline]
pub(crate) fn update_slice<I>(
    indicator: &mut I,
    inputs: &[I::Input],
    out: &mut [I::Output],
) -> Result<(), Error>
where
    I: Indicator + ?Sized,
    I::Output: Real,
{
    check_lengths("out", inputs.len(), out.len())?;
    for (slot, &input) in out.iter_mut().zip(inputs) {
        *slot = indicator
            .update(input)
            .unwrap_or_else(<I::Output as num_traits::Float>::nan);
    }
    Ok(())
}

/// [`update_slice`] for indicators without heap storage, whose clone is a plain copy: the
/// loop runs on a local copy, which the compiler can keep in registers for the whole loop,
/// and the copy is written back at the end. The same `update` calls, so the same outputs
/// bit for bit.
#[inline]
pub(crate) fn update_slice_by_value<I>(
    indicator: &mut I,
    inputs: &[I::Input],
    out: &mut [I::Output],
) -> Result<(), Error>
where
    I: Indicator + Clone,
    I::Output: Real,
{
    let mut local = indicator.clone();
    update_slice(&mut local, inputs, out)?;
    *indicator = local;
    Ok(())
}

/// In the `Indicator` impl of an indicator without heap storage: its `update_slice` runs
/// [`update_slice_by_value`].
macro_rules! update_slice_on_a_copy {
    () => {
        /// The streaming loop on a copy of the state held in registers (see
        /// [`Indicator::update_slice`](crate::Indicator::update_slice)): the same outputs bit
        /// for bit.
        fn update_slice(
            &mut self,
            inputs: &[Self::Input],
            out: &mut [Self::Output],
        ) -> Result<(), crate::Error> {
            crate::slice::update_slice_by_value(self, inputs, out)
        }
    };
}
pub(crate) use update_slice_on_a_copy;

/// [`Indicator::batch`] through the indicator's slice path: [`update_slice`] (the
/// indicator's own) [`VALUE_CHUNK`] inputs at a time into a buffer on the stack, each
/// number then `Some` unless it is NaN. Every `Some` an indicator gives is finite (its
/// contract), so a NaN in the slice path's output is exactly a `None` of `update`: the
/// same outputs bit for bit, and the same state. Faster than collecting `update`'s outputs
/// one at a time, where the compiler keeps the state in memory and reloads it after each
/// output is written (RSI(14): 6.1 ns an input, 1.9 this way).
pub(crate) fn collect_by_slices<I>(indicator: &mut I, inputs: &[I::Input]) -> Vec<Option<I::Output>>
where
    I: Indicator + ?Sized,
    I::Output: Real,
{
    let mut outputs = Vec::with_capacity(inputs.len());
    let mut buffer = [<I::Output as num_traits::Float>::nan(); VALUE_CHUNK];
    for chunk in inputs.chunks(VALUE_CHUNK) {
        let numbers = buffer.get_mut(..chunk.len()).unwrap_or_default();
        // `update_slice` refuses only an output of the wrong length, before consuming
        // anything; the chunk goes through `update` then (never, in fact).
        if indicator.update_slice(chunk, numbers).is_ok() {
            let some_unless_nan = |&number: &I::Output| (!number.is_nan()).then_some(number);
            outputs.extend(numbers.iter().map(some_unless_nan));
        } else {
            outputs.extend(chunk.iter().map(|&input| indicator.update(input)));
        }
    }
    outputs
}

/// In the `Indicator` impl of an indicator whose output is a number: its `batch` runs
/// [`collect_by_slices`].
macro_rules! batch_by_slices {
    () => {
        /// [`update`](crate::Indicator::update) over `inputs`, one output per input, bit for
        /// bit: run through [`update_slice`](crate::Indicator::update_slice) a chunk at a
        /// time, NaN read as `None` (every `Some` output is finite), which is faster than
        /// collecting the outputs of `update` one at a time.
        fn batch(&mut self, inputs: &[Self::Input]) -> Vec<Option<Self::Output>> {
            crate::slice::collect_by_slices(self, inputs)
        }
    };
}
pub(crate) use batch_by_slices;

/// The slice path of an indicator with several outputs, in TA-Lib's shape: one
/// caller-provided column per output. Checks every column's length against the inputs'
/// (naming the first that differs, before anything is consumed), then runs `row` over the
/// inputs and writes its `K` numbers into each column, NaN where it gives `None`. `row` is
/// the indicator's update (or the part of it the columns hold), so the columns are bit for bit
/// the streaming outputs; nothing is allocated.
#[inline]
pub(crate) fn update_columns<I, X, T, const K: usize>(
    indicator: &mut I,
    inputs: &[X],
    columns: [(&'static str, &mut [T]); K],
    mut row: impl FnMut(&mut I, X) -> Option<[T; K]>,
) -> Result<(), Error>
where
    I: ?Sized,
    X: Copy,
    T: Real,
{
    for (name, column) in &columns {
        check_lengths(name, inputs.len(), column.len())?;
    }
    let mut columns = columns.map(|(_, column)| column);
    for (index, &input) in inputs.iter().enumerate() {
        let values = row(indicator, input).unwrap_or([T::nan(); K]);
        for (column, value) in columns.iter_mut().zip(values) {
            if let Some(slot) = column.get_mut(index) {
                *slot = value;
            }
        }
    }
    Ok(())
}

/// Inputs per chunk of [`value_chunks`]: enough for one usability check to cost little per
/// input, few enough for a chunk's inputs and outputs to stay in the first-level cache.
pub(crate) const VALUE_CHUNK: usize = 256;

/// The slice path of an indicator of numbers whose output is a number, with a fast path:
/// checks `out`'s length, then runs the inputs in chunks of [`VALUE_CHUNK`]. A chunk whose
/// inputs are all usable goes to `chunk` (the indicator's steady-state path over the chunk
/// into its outputs), which returns `false` to decline it (a state still warming up); a
/// declined chunk, and any chunk with an unusable input, goes input by input through
/// `update` (NaN for `None`). The fast path must give what `update` gives on those inputs,
/// bit for bit, and leave the same state.
pub(crate) fn value_chunks<I, T>(
    indicator: &mut I,
    inputs: &[T],
    out: &mut [T],
    chunk: impl Fn(&mut I, &[T], &mut [T]) -> bool,
) -> Result<(), Error>
where
    I: Indicator<Input = T, Output = T> + ?Sized,
    T: Real,
{
    value_chunks_of(VALUE_CHUNK, indicator, inputs, out, chunk)
}

/// [`value_chunks`] in chunks of `length` inputs (at least 1): for a fast path that goes a
/// whole window block at a time, a multiple of the block, so that chunks end where blocks
/// do ([`block_chunk`]).
pub(crate) fn value_chunks_of<I, T>(
    length: usize,
    indicator: &mut I,
    inputs: &[T],
    out: &mut [T],
    chunk: impl Fn(&mut I, &[T], &mut [T]) -> bool,
) -> Result<(), Error>
where
    I: Indicator<Input = T, Output = T> + ?Sized,
    T: Real,
{
    check_lengths("out", inputs.len(), out.len())?;
    let length = length.max(1);
    for (inputs, out) in inputs.chunks(length).zip(out.chunks_mut(length)) {
        if !(all_usable(inputs) && chunk(indicator, inputs, out)) {
            update_slice(indicator, inputs, out)?;
        }
    }
    Ok(())
}

/// The chunk length for [`value_chunks_of`] of a window of `period` values kept in blocks
/// of `period`: the largest multiple of `period` within [`VALUE_CHUNK`], or one block.
pub(crate) fn block_chunk(period: usize) -> usize {
    let period = period.max(1);
    period * (VALUE_CHUNK / period).max(1)
}

/// Rows per chunk of [`hlc_rows`]: long enough for the rolling windows' runs, short enough
/// for a chunk's buffers to stay in the first-level cache.
pub(crate) const CHUNK: usize = 64;

/// The column paths over high, low and close columns (TA-Lib's shape for bar indicators):
/// [`column_rows`] over the columns `high`, `low` and `close`, each row the candle
/// `(open: close, high, low, close, volume: 0)` for `row` (the streaming update).
pub(crate) fn hlc_rows<S, T: Real, const K: usize>(
    state: &mut S,
    [high, low, close]: [&[T]; 3],
    outputs: [(&'static str, &mut [T]); K],
    chunk: impl Fn(&mut S, [&[T]; 3], [&mut [T]; K]) -> bool,
    row: impl Fn(&mut S, Candle<T>) -> [T; K],
) -> Result<(), Error> {
    column_rows(
        state,
        [("high", high), ("low", low), ("close", close)],
        outputs,
        chunk,
        |state, [high, low, close]| row(state, Candle::from_hlc(high, low, close)),
    )
}

/// The column paths over `N` input columns of bars (TA-Lib's shape): checks the lengths of
/// the columns and of the `K` outputs against the first column's (naming the first that
/// differs; nothing is consumed then), then runs the rows in chunks of [`CHUNK`]. A chunk
/// whose numbers are all usable goes to `chunk` (the indicator's fast path over the chunk's
/// columns into the chunk's outputs), which returns `false` to decline it (a state still
/// warming up, a row it cannot take); a declined chunk, and any chunk with an unusable
/// number, goes row by row through `row` (the streaming update of the bar the row stands
/// for). The fast path must give what `row` gives on those rows, bit for bit.
pub(crate) fn column_rows<S, T: Real, const N: usize, const K: usize>(
    state: &mut S,
    inputs: [(&'static str, &[T]); N],
    outputs: [(&'static str, &mut [T]); K],
    chunk: impl Fn(&mut S, [&[T]; N], [&mut [T]; K]) -> bool,
    row: impl Fn(&mut S, [T; N]) -> [T; K],
) -> Result<(), Error> {
    let rows = inputs.first().map_or(0, |(_, column)| column.len());
    for (name, column) in &inputs {
        check_lengths(name, rows, column.len())?;
    }
    for (name, output) in &outputs {
        check_lengths(name, rows, output.len())?;
    }
    let inputs = inputs.map(|(_, column)| column);
    let mut outputs = outputs.map(|(_, output)| output);
    for start in (0..rows).step_by(CHUNK) {
        let end = (start + CHUNK).min(rows);
        let columns = inputs.map(|column| column.get(start..end).unwrap_or_default());
        let usable = columns.iter().all(|column| all_usable(column));
        let outs = outputs
            .each_mut()
            .map(|output| output.get_mut(start..end).unwrap_or_default());
        if usable && chunk(state, columns, outs) {
            continue;
        }
        for index in 0..end - start {
            let numbers = columns.map(|column| column.get(index).copied().unwrap_or_else(T::nan));
            let values = row(state, numbers);
            for (output, value) in outputs.iter_mut().zip(values) {
                if let Some(slot) = output.get_mut(start + index) {
                    *slot = value;
                }
            }
        }
    }
    Ok(())
}

/// [`hlc_rows`] for an indicator of candles whose output is a number, into one column
/// named `out`: `chunk` is its fast path, the row path its `update` (NaN for `None`).
pub(crate) fn hlc_values<I, T>(
    indicator: &mut I,
    columns: [&[T]; 3],
    out: &mut [T],
    chunk: impl Fn(&mut I, [&[T]; 3], &mut [T]) -> bool,
) -> Result<(), Error>
where
    I: Indicator<Input = Candle<T>, Output = T>,
    T: Real,
{
    hlc_rows(
        indicator,
        columns,
        [("out", out)],
        |indicator, columns, [out]| chunk(indicator, columns, out),
        |indicator, candle| [indicator.update(candle).unwrap_or_else(T::nan)],
    )
}

/// `Ok` when a slice named `name` holds `found` slots where `expected` are needed.
pub(crate) fn check_lengths(
    name: &'static str,
    expected: usize,
    found: usize,
) -> Result<(), Error> {
    if expected == found {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("a slice of {found} values"),
            expected: "one value per input (the same length as the inputs)",
        })
    }
}

/// `true` when every input is usable ([`CheckedInput::is_usable`](crate::CheckedInput)), as
/// branch-free passes (the compiler vectorises them) instead of a branch per input.
///
/// A first pass decides most slices in three operations per input: the sum of the
/// magnitudes is at least each magnitude (adding non-negative numbers never rounds below a
/// term) and is NaN or infinite if any input is, so a sum within the usable range and a
/// smallest magnitude at or above the usable minimum prove every input usable. Only when
/// that proof fails (an input of 0, an unusable input, or usable inputs whose sum is past
/// the range) does the exact pass decide.
#[inline]
pub(crate) fn all_usable<T: crate::Real>(inputs: &[T]) -> bool {
    const LANES: usize = 8;
    let (min, max) = (T::min_input(), T::max_input());
    let mut sums = [T::zero(); LANES];
    let mut least = [max; LANES];
    let chunks = inputs.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        let Ok(chunk) = <&[T; LANES]>::try_from(chunk) else {
            continue;
        };
        for ((sum, least), &x) in sums.iter_mut().zip(&mut least).zip(chunk) {
            let magnitude = x.abs();
            *sum = *sum + magnitude;
            // Not `min`: a NaN may be dropped here, the sum keeps it.
            *least = if magnitude < *least {
                magnitude
            } else {
                *least
            };
        }
    }
    // Pairwise across the lanes (as vector operations), not one lane after the other.
    let pairwise = |[a, b, c, d, e, f, g, h]: [T; LANES], op: fn(T, T) -> T| {
        op(op(op(a, e), op(c, g)), op(op(b, f), op(d, h)))
    };
    let total = pairwise(sums, |a, b| a + b);
    let smallest = pairwise(least, |a, b| if a < b { a } else { b });
    let proven = total <= max && smallest >= min && rest.iter().all(|&x| x.is_usable());
    proven || exactly_usable(inputs)
}

/// [`all_usable`]'s exact pass: each input's own check, without a branch per input.
fn exactly_usable<T: crate::Real>(inputs: &[T]) -> bool {
    let (min, max) = (T::min_input(), T::max_input());
    inputs.iter().fold(true, |all, &x| {
        let magnitude = x.abs();
        all & (magnitude <= max) & ((magnitude >= min) | (magnitude == T::zero()))
    })
}

#[cfg(test)]
mod tests {
    use super::all_usable;
    use crate::CheckedInput;

    /// The fast proof and the exact pass together answer exactly what checking each input
    /// answers, whatever the length (lanes of 8 and a remainder) and wherever the odd input
    /// sits: zeros (usable, but they defeat the proof), the range's edges and just past
    /// them, NaN, infinities, subnormals, and sums past the range of inputs each in it.
    #[test]
    fn all_usable_is_every_input_usable() {
        let odd = [
            0.0,
            -0.0,
            1e-150,
            -1e-150,
            1e-150 * (1.0 - f64::EPSILON),
            1e150,
            -1e150,
            1e150 * (1.0 + f64::EPSILON),
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE / 4.0,
            1e-300,
            f64::MAX,
        ];
        for length in [1, 7, 8, 9, 16, 63, 64] {
            for at in [0, length / 2, length - 1] {
                for &x in &odd {
                    for background in [100.0, 1e150, 0.0] {
                        let mut inputs = vec![background; length];
                        if let Some(slot) = inputs.get_mut(at) {
                            *slot = x;
                        }
                        let want = inputs.iter().all(|&v| v.is_usable());
                        assert_eq!(
                            all_usable(&inputs),
                            want,
                            "{x:e} at {at} of {length} among {background:e}"
                        );
                        let narrow: Vec<f32> = inputs.iter().map(|&v| v as f32).collect();
                        let want = narrow.iter().all(|&v| v.is_usable());
                        assert_eq!(all_usable(&narrow), want, "f32 {x:e} at {at} of {length}");
                    }
                }
            }
        }
    }
}
