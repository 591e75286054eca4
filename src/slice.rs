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
