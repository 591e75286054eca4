//! The slice path: an indicator over a whole input slice into a caller-provided output
//! slice ([`Indicator::update_slice`]), written once for every indicator whose output is a
//! number.

use crate::{Error, Indicator, Real};

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
