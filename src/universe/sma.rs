use core::fmt;

use super::{check_series, chunk_ranges, CHUNK};
use crate::error::check_period;
use crate::float::from_usize;
use crate::slice::all_usable;
use crate::slice::check_lengths;
use crate::{Error, Real};

/// [`Sma`](crate::average::Sma) over many series at once: one input per series per tick,
/// stored as structure of arrays.
///
/// Each series is exactly an `Sma` of the same period fed that series' inputs: bit for bit
/// the same outputs, the same drift-free window sum (a suffix-sum block rebuilt every
/// `period` accepted inputs, so nothing that left the window leaves a trace), the same
/// refusal of unusable inputs (a NaN in one series leaves that series' state untouched and
/// writes its last value; the other series update).
///
/// # Layout
///
/// The series are stored in blocks of 64, each block's windows slot-major (`slot × 64`)
/// and contiguous. A window costs `period` numbers and no more: when a block of inputs
/// completes, its values are replaced in place by their suffix sums (the sum of each slot
/// and the slots after it, added newest first), which is all the sum needs of them from
/// then on; each new input overwrites the oldest suffix sum, no longer needed either. So a
/// slot holds either an input pushed since the series' last rebuild or a partial sum of the
/// block before (5,000 series of SMA(200): 8 MB, half of a window plus a suffix array).
///
/// While the series of a block are full and at the same place in their windows, which is
/// always the case unless some of them ignored an input the others accepted, one tick reads
/// one contiguous row of the block (the old block's sums) and writes the row before it, the
/// loop over the series vectorises, and the block's suffix sums are rebuilt together, a row
/// at a time. A block whose series are out of step is updated series by series (same
/// results, slower).
///
/// # Example
///
/// ```
/// use ta_stream::universe::SmaUniverse;
///
/// let mut sma = SmaUniverse::new(2, 3)?; // 2 series, SMA(3)
/// let mut out = [0.0; 2];
/// for tick in [[1.0, 10.0], [2.0, f64::NAN], [3.0, 20.0], [4.0, 30.0]] {
///     sma.update(&tick, &mut out)?;
/// }
/// assert_eq!(out, [3.0, 20.0]); // (2+3+4)/3 and (10+20+30)/3: the NaN was ignored
/// assert_eq!(sma.value(1), Some(20.0));
/// let mut next = [0.0; 2];
/// sma.peek(&[5.0, 40.0], &mut next)?; // not committed
/// assert_eq!(next, [4.0, 30.0]);
/// # Ok::<(), ta_stream::Error>(())
/// ```
#[doc(alias = "SMA")]
#[derive(Debug, Clone)]
pub struct SmaUniverse<T: Real = f64> {
    period: usize,
    series: usize,
    /// The windows, at [`cell`](Self::cell)`(slot, s)` for series `s`'s slot `slot`, in
    /// storage order as in [`RollingSum`](crate::window::RollingSum): slots `..next` hold
    /// the values pushed since the series' last rebuild, slots `next..` the sums of the
    /// previous block's values from that slot on, added newest first (zeros before the
    /// first rebuild); the sum past the last slot is 0 and not stored.
    slots: Vec<T>,
    /// Sum of the values each series pushed since its last rebuild.
    recent: Vec<T>,
    /// Each series' window sum as the push that completed its last block computed it: the
    /// window sum while `next` is 0 (otherwise the sum is the old block's partial sum plus
    /// `recent`, exactly as the last push computed it, and this is not read).
    block_sum: Vec<T>,
    /// The slot each series writes next (its accepted inputs since its last rebuild). In an
    /// aligned block only the first series' entry is kept current (the others move with it
    /// and are written back when the block leaves the fast path): read it with
    /// [`next_of`](Self::next_of).
    next: Vec<usize>,
    /// Values in each window, saturating at `period`.
    len: Vec<usize>,
    /// Per block of [`CHUNK`] series: all full and writing the same slot next.
    aligned: Vec<bool>,
}

impl SmaUniverse {
    /// `series` simple moving averages over `period` inputs each.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `series` is at least 1 and `period` is in
    /// `1..=100000`.
    pub fn new(series: usize, period: usize) -> Result<Self, Error> {
        Self::new_generic(series, period)
    }
}

impl<T: Real> SmaUniverse<T> {
    /// [`SmaUniverse::new`] in any precision `T` (`f32`, or generic code): `SmaUniverse::<f32>::new_generic(2, 3)`.
    pub fn new_generic(series: usize, period: usize) -> Result<Self, Error> {
        let series = check_series(series)?;
        let period = check_period("period", period)?;
        let cells = period
            .checked_mul(series.div_ceil(CHUNK) * CHUNK)
            .ok_or_else(|| Error::InvalidParameter {
                name: "series",
                value: series.to_string(),
                expected: "a universe whose windows fit in memory",
            })?;
        Ok(Self {
            period,
            series,
            slots: vec![T::zero(); cells],
            recent: vec![T::zero(); series],
            block_sum: vec![T::zero(); series],
            next: vec![0; series],
            len: vec![0; series],
            aligned: vec![false; series.div_ceil(CHUNK)],
        })
    }

    /// The window length `n`.
    pub fn period(&self) -> usize {
        self.period
    }

    /// The number of series.
    pub fn series(&self) -> usize {
        self.series
    }

    /// Series `series`' current average (`None` while it warms up or past the last series).
    #[must_use]
    pub fn value(&self, series: usize) -> Option<T> {
        let full = *self.len.get(series)? == self.period;
        full.then(|| self.mean(self.window_sum(series)))
    }

    /// Writes every series' current average into `out` (NaN while warming up).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `out`) unless `out` has one slot per series.
    pub fn values(&self, out: &mut [T]) -> Result<(), Error> {
        check_lengths("out", self.series, out.len())?;
        for (series, slot) in out.iter_mut().enumerate() {
            *slot = self.value(series).unwrap_or_else(T::nan);
        }
        Ok(())
    }

    /// Back to the freshly constructed state; period and number of series are kept.
    pub fn reset(&mut self) {
        self.slots.fill(T::zero());
        self.recent.fill(T::zero());
        self.block_sum.fill(T::zero());
        self.next.fill(0);
        self.len.fill(0);
        self.aligned.fill(false);
    }

    /// Feeds one tick, `inputs[s]` to series `s`, and writes each series' average into
    /// `out[s]`: NaN while it warms up, its last value when its input is unusable (ignored,
    /// as [`Indicator::update`](crate::Indicator::update) ignores it). Allocates nothing.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series; nothing is consumed then.
    pub fn update(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        check_lengths("inputs", self.series, inputs.len())?;
        check_lengths("out", self.series, out.len())?;
        for (block, range) in chunk_ranges(self.series).enumerate() {
            let (Some(inputs), Some(out)) = (inputs.get(range.clone()), out.get_mut(range.clone()))
            else {
                continue;
            };
            let aligned = self.aligned.get(block).copied().unwrap_or(false);
            if !(aligned && all_usable(inputs) && self.update_block(range.start, inputs, out)) {
                if aligned {
                    self.leave_step(block, range.clone());
                }
                for (offset, (&x, slot)) in inputs.iter().zip(out.iter_mut()).enumerate() {
                    *slot = self.update_one(range.start + offset, x);
                }
                let in_step = self.in_step(range);
                if let Some(flag) = self.aligned.get_mut(block) {
                    *flag = in_step;
                }
            }
        }
        Ok(())
    }

    /// Writes into `out` what [`update`](Self::update) would, without committing anything.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (naming `inputs` or `out`) unless both have one slot per
    /// series.
    pub fn peek(&self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        check_lengths("inputs", self.series, inputs.len())?;
        check_lengths("out", self.series, out.len())?;
        for (series, (&x, slot)) in inputs.iter().zip(out.iter_mut()).enumerate() {
            *slot = self.peek_one(series, x).unwrap_or_else(T::nan);
        }
        Ok(())
    }

    /// Where series `series`' slot `slot` (and its partial sum) is stored: the series are
    /// stored in blocks of [`CHUNK`], each block's windows contiguous and slot-major, so
    /// that a tick reads one contiguous row per block and a rebuild walks one contiguous
    /// block.
    #[inline]
    fn cell(&self, slot: usize, series: usize) -> usize {
        (series / CHUNK) * self.period * CHUNK + slot * CHUNK + series % CHUNK
    }

    /// The slot series `series` writes next (`None` past the last series): its own entry,
    /// or its block's first series' while the block is aligned.
    #[inline]
    fn next_of(&self, series: usize) -> Option<usize> {
        if series >= self.series {
            return None;
        }
        let aligned = self.aligned.get(series / CHUNK).copied().unwrap_or(false);
        let owner = if aligned {
            series - series % CHUNK
        } else {
            series
        };
        self.next.get(owner).copied()
    }

    /// Takes aligned block `block` (series `range`) off the fast path before its series are
    /// updated one by one: its position (the first series' entry) is written back to every
    /// series, and the block is no longer flagged aligned, so each series' own entry is read.
    fn leave_step(&mut self, block: usize, range: core::ops::Range<usize>) {
        if let Some(next) = self.next.get_mut(range) {
            if let Some((&mut first, rest)) = next.split_first_mut() {
                rest.fill(first);
            }
        }
        if let Some(flag) = self.aligned.get_mut(block) {
            *flag = false;
        }
    }

    /// Series `series`' window sum, bit for bit the one its last push computed.
    #[inline]
    fn window_sum(&self, series: usize) -> T {
        match self.next_of(series) {
            Some(0) => self.block_sum.get(series).copied().unwrap_or_else(T::nan),
            Some(next) => {
                self.old_block_sum(next, series)
                    + self.recent.get(series).copied().unwrap_or_else(T::nan)
            }
            None => T::nan(),
        }
    }

    #[inline]
    fn mean(&self, sum: T) -> T {
        sum / from_usize(self.period)
    }

    /// The old-block sum from `slot` on for `series` (0 past the last slot).
    #[inline]
    fn old_block_sum(&self, slot: usize, series: usize) -> T {
        if slot < self.period {
            self.slots
                .get(self.cell(slot, series))
                .copied()
                .unwrap_or_else(T::zero)
        } else {
            T::zero()
        }
    }

    fn peek_one(&self, series: usize, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value(series);
        }
        let len = *self.len.get(series)?;
        let next = self.next_of(series)?;
        let recent = *self.recent.get(series)? + x;
        let full_after = len + 1 >= self.period;
        full_after.then(|| self.mean(self.old_block_sum(next + 1, series) + recent))
    }

    /// One series, one input: [`RollingSum::push`](crate::window::RollingSum::push) on the
    /// series' column, then its output (NaN while warming up). Its block is not aligned,
    /// so its own `next` entry is current.
    fn update_one(&mut self, series: usize, x: T) -> T {
        if x.is_usable() {
            if let (Some(&next), Some(&recent)) = (self.next.get(series), self.recent.get(series)) {
                let recent = recent + x;
                let written = next + 1;
                let rebuild = written == self.period;
                let cell = self.cell(next, series);
                if let Some(slot) = self.slots.get_mut(cell) {
                    *slot = x;
                }
                if let Some(len) = self.len.get_mut(series) {
                    *len = (*len + 1).min(self.period);
                }
                if let Some(stored) = self.recent.get_mut(series) {
                    *stored = recent;
                }
                if let Some(stored) = self.next.get_mut(series) {
                    *stored = if rebuild { 0 } else { written };
                }
                if rebuild {
                    self.rebuild_one(series);
                }
            }
        }
        self.value(series).unwrap_or_else(T::nan)
    }

    /// The series' window is one block in storage order: its sum as the push computed it
    /// (`0 + recent`), its values replaced by their suffix sums newest first, and `recent`
    /// back to 0.
    fn rebuild_one(&mut self, series: usize) {
        if let (Some(recent), Some(block_sum)) =
            (self.recent.get_mut(series), self.block_sum.get_mut(series))
        {
            *block_sum = T::zero() + *recent;
            *recent = T::zero();
        }
        let mut running = T::zero();
        for slot in (0..self.period).rev() {
            let cell = self.cell(slot, series);
            if let Some(value) = self.slots.get_mut(cell) {
                running = running + *value;
                *value = running;
            }
        }
    }

    /// `true` when every series of `range` is full and writes the same slot next.
    fn in_step(&self, range: core::ops::Range<usize>) -> bool {
        let (Some(next), Some(len)) = (self.next.get(range.clone()), self.len.get(range)) else {
            return false;
        };
        let first = next.first().copied();
        len.iter().all(|&l| l == self.period) && next.iter().all(|&n| Some(n) == first)
    }

    /// The fast path for a block of series that are full, in step, with usable inputs:
    /// the same operations as [`update_one`](Self::update_one), a row at a time. `false`
    /// (nothing changed) if the block's rows cannot be borrowed, which never happens.
    fn update_block(&mut self, start: usize, inputs: &[T], out: &mut [T]) -> bool {
        let width = inputs.len();
        let end = start + width;
        let Some(&next) = self.next.get(start) else {
            return false;
        };
        let row = self.cell(next, start);
        let n: T = from_usize(self.period);
        let zeros = [T::zero(); CHUNK];
        // The row written and, one row on, the old block's sums read (its last row: none).
        let Some((written_rows, later_rows)) = self.slots.split_at_mut_checked(row + CHUNK) else {
            return false;
        };
        let old: &[T] = if next + 1 < self.period {
            later_rows.get(..width).unwrap_or_default()
        } else {
            zeros.get(..width).unwrap_or_default()
        };
        let (Some(slots), Some(recent)) = (
            written_rows.get_mut(row..row + width),
            self.recent.get_mut(start..end),
        ) else {
            return false;
        };
        if old.len() != width {
            return false;
        }
        let lanes = inputs
            .iter()
            .zip(old)
            .zip(slots)
            .zip(recent)
            .zip(out.iter_mut());
        for ((((&x, &old), slot), recent), out) in lanes {
            let added = *recent + x;
            let total = old + added;
            *recent = added;
            *slot = x;
            *out = total / n;
        }
        let written = next + 1;
        if written == self.period {
            self.rebuild_block(start, end);
        }
        // The block's position, kept in its first series' entry (see `next_of`).
        if let Some(next) = self.next.get_mut(start) {
            *next = if written == self.period { 0 } else { written };
        }
        true
    }

    /// [`rebuild_one`](Self::rebuild_one) for every series of `start..end` (at most
    /// [`CHUNK`]), a row at a time, and `recent` back to 0.
    fn rebuild_block(&mut self, start: usize, end: usize) {
        // Eight series at a time, whose running sums stay in registers down the rows.
        const LANES: usize = 8;
        for group in (start..end).step_by(LANES) {
            let width = (end - group).min(LANES);
            let mut running = [T::zero(); LANES];
            for slot in (0..self.period).rev() {
                let cells = self.cell(slot, group)..self.cell(slot, group) + width;
                let Some(values) = self.slots.get_mut(cells) else {
                    continue;
                };
                match <&mut [T; LANES]>::try_from(&mut *values) {
                    Ok(values) => accumulate(&mut running, values),
                    _ => accumulate(&mut running, values),
                }
            }
        }
        if let (Some(recent), Some(block_sum)) = (
            self.recent.get_mut(start..end),
            self.block_sum.get_mut(start..end),
        ) {
            for (recent, block_sum) in recent.iter_mut().zip(block_sum) {
                *block_sum = T::zero() + *recent;
                *recent = T::zero();
            }
        }
    }

    /// Recomputes each series' `recent` sum from the values it pushed since its last
    /// rebuild, with the additions the pushes performed (so a state reached by updates is
    /// left bit for bit as it was), and the blocks' alignment. The suffix sums are the slots
    /// themselves, and `block_sum` is loaded as saved.
    #[cfg(feature = "serde")]
    fn resync(&mut self) {
        for series in 0..self.series {
            let next = self.next.get(series).copied().unwrap_or(0);
            let recent = (0..next).fold(T::zero(), |total, slot| {
                total
                    + self
                        .slots
                        .get(self.cell(slot, series))
                        .copied()
                        .unwrap_or_else(T::zero)
            });
            if let Some(stored) = self.recent.get_mut(series) {
                *stored = recent;
            }
        }
        for (block, range) in chunk_ranges(self.series).enumerate() {
            let in_step = self.in_step(range);
            if let Some(flag) = self.aligned.get_mut(block) {
                *flag = in_step;
            }
        }
    }

    /// `block_sum` as saved: read only for a full series right after a rebuild, 0 for the
    /// others.
    #[cfg(feature = "serde")]
    fn saved_block_sum(&self, series: usize) -> T {
        let full = self.len.get(series) == Some(&self.period);
        match (full, self.next_of(series), self.block_sum.get(series)) {
            (true, Some(0), Some(&sum)) => sum,
            _ => T::zero(),
        }
    }
}

/// `running += value; value = running`, lane by lane (one row of a rebuild, in place).
#[inline(always)]
fn accumulate<T: Real>(running: &mut [T], values: &mut [T]) {
    for (running, value) in running.iter_mut().zip(values) {
        *running = *running + *value;
        *value = *running;
    }
}

impl<T: Real> PartialEq for SmaUniverse<T> {
    /// Same parameters and same state: the slots (values and partial sums), positions and
    /// sums (the sum of a block already left is never read again, and not saved).
    fn eq(&self, other: &Self) -> bool {
        self.period == other.period
            && self.series == other.series
            && self.slots == other.slots
            && (0..self.series).all(|series| self.next_of(series) == other.next_of(series))
            && self.len == other.len
            && self.recent == other.recent
            && (0..self.series).all(|series| self.window_sum(series) == other.window_sum(series))
    }
}

impl<T: Real> fmt::Display for SmaUniverse<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SMA({}) x {}", self.period, self.series)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "SmaUniverse")]
struct SmaUniverseState<S> {
    period: usize,
    series: usize,
    /// Series by series, each window's slots in storage order (`series × period`): the
    /// values pushed since the series' last rebuild (`..next`), then the suffix sums of the
    /// block before (zeros for slots not pushed yet).
    windows: S,
    next: Vec<usize>,
    len: Vec<usize>,
    /// Each series' window sum as the push that completed its last block computed it, for
    /// a full series whose `next` is 0; 0 for the others.
    block_sums: S,
}

/// Saves the slots, positions and the sums of just-completed blocks; `recent` is derived
/// from the slots on load.
#[cfg(feature = "serde")]
impl<T: Real + serde::Serialize> serde::Serialize for SmaUniverse<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let windows: Vec<T> = (0..self.series)
            .flat_map(|series| (0..self.period).map(move |slot| (slot, series)))
            .map(|(slot, series)| {
                self.slots
                    .get(self.cell(slot, series))
                    .copied()
                    .unwrap_or_else(T::zero)
            })
            .collect();
        SmaUniverseState {
            period: self.period,
            series: self.series,
            windows,
            next: (0..self.series)
                .map(|series| self.next_of(series).unwrap_or(0))
                .collect(),
            len: self.len.clone(),
            block_sums: (0..self.series)
                .map(|series| self.saved_block_sum(series))
                .collect(),
        }
        .serialize(serializer)
    }
}

/// Checks the shape, the positions, every pushed value (each was an accepted input), every
/// suffix sum (finite, within what the values after it could sum to) and every saved block
/// sum (within rounding of the suffix sums it was computed with), then derives `recent` with
/// the operations the updates performed: a saved state loads back bit for bit.
#[cfg(feature = "serde")]
impl<'de, T: Real + serde::Deserialize<'de>> serde::Deserialize<'de> for SmaUniverse<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let state = SmaUniverseState::<Vec<T>>::deserialize(deserializer)?;
        Self::try_from(state).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<SmaUniverseState<Vec<T>>> for SmaUniverse<T> {
    type Error = Error;

    fn try_from(state: SmaUniverseState<Vec<T>>) -> Result<Self, Error> {
        let mut loaded = Self::new_generic(state.series, state.period)?;
        let period = loaded.period;
        let shape_ok = Some(state.windows.len()) == period.checked_mul(loaded.series)
            && state.next.len() == loaded.series
            && state.len.len() == loaded.series
            && state.block_sums.len() == loaded.series;
        if !shape_ok {
            return Err(crate::error::invalid_state(format!(
                "SMA universe of {} series of period {period} needs {} window values and one \
                 position, length and block sum per series",
                loaded.series,
                period * loaded.series
            )));
        }
        let positions_ok =
            state.next.iter().zip(&state.len).all(|(&next, &len)| {
                next < period && len <= period && (len == period || next == len)
            });
        if !positions_ok {
            return Err(crate::error::invalid_state(
                "SMA universe positions out of range (write slot below the period, length at \
                 most the period and equal to the write slot until full)",
            ));
        }
        let columns = state
            .windows
            .chunks(period)
            .zip(&state.next)
            .zip(&state.len);
        let values_ok =
            columns
                .zip(&state.block_sums)
                .all(|(((column, &next), &len), &block_sum)| {
                    column_ok(column, next, len == period) && {
                        // The block sum the last push computed, oldest first, against the
                        // block's first suffix sum, newest first: a few roundings apart.
                        let first = column.first().copied().unwrap_or_else(T::zero);
                        if len == period && next == 0 {
                            block_sum.is_finite()
                                && (block_sum - first).abs() <= rounding_bound(column)
                        } else {
                            block_sum == T::zero()
                        }
                    }
                });
        if !values_ok {
            return Err(crate::error::invalid_state(
                "SMA universe window holds a value, partial sum or block sum no update could \
                 have produced",
            ));
        }
        for (index, &x) in state.windows.iter().enumerate() {
            let cell = loaded.cell(index % period, index / period);
            if let Some(slot) = loaded.slots.get_mut(cell) {
                *slot = x;
            }
        }
        loaded.next = state.next;
        loaded.len = state.len;
        loaded.block_sum = state.block_sums;
        loaded.resync();
        let finite = loaded.recent.iter().all(|x| x.is_finite())
            && (0..loaded.series).all(|series| loaded.window_sum(series).is_finite());
        if !finite {
            return Err(crate::error::invalid_state(
                "SMA universe window sum overflows",
            ));
        }
        Ok(loaded)
    }
}

/// One series' saved slots: the values pushed since its last rebuild (`..next`) usable; the
/// rest, once full, suffix sums of as many usable values (finite, at most that many times
/// the largest usable magnitude); before that, zeros.
#[cfg(feature = "serde")]
fn column_ok<T: Real>(column: &[T], next: usize, full: bool) -> bool {
    let period = column.len();
    column.iter().enumerate().all(|(slot, &x)| {
        if slot < next {
            x.is_usable()
        } else if full {
            x.is_finite() && x.abs() <= from_usize::<T>(period - slot) * T::max_input()
        } else {
            x == T::zero()
        }
    })
}

/// How far two sums of a block's values in different orders may be apart: a few roundings
/// of the sum of their magnitudes, each value recovered from the suffix sums as the
/// difference of two neighbours.
#[cfg(feature = "serde")]
fn rounding_bound<T: Real>(suffixes: &[T]) -> T {
    let magnitude = suffixes
        .iter()
        .zip(suffixes.iter().skip(1).chain(core::iter::once(&T::zero())))
        .fold(T::zero(), |sum, (&from, &after)| sum + (from - after).abs());
    crate::float::sum_rounding(magnitude, suffixes.len())
}
