use core::fmt;

use super::Ema;
use crate::float::lit;
use crate::{Error, Indicator, Real};

/// Tillson's T3: six EMAs in a chain, combined so that the lag of one EMA is mostly removed
/// while the smoothness of six remains.
///
/// # Formula
///
/// `e1 = EMA_n(x)`, `e2 = EMA_n(e1)`, …, `e6 = EMA_n(e5)`, each seeded (like TA-Lib) with the
/// mean of its first `n` inputs. With the volume factor `v`:
///
/// `T3 = c1·e6 + c2·e5 + c3·e4 + c4·e3`, with `c1 = −v³`, `c2 = 3v² + 3v³`,
/// `c3 = −6v² − 3v − 3v³`, `c4 = 1 + 3v + v³ + 3v²` (the coefficients sum to 1).
///
/// This is the generalized DEMA `GD(x) = (1 + v)·EMA(x) − v·EMA(EMA(x))` applied three
/// times. The first output comes after `6(n − 1) + 1` inputs. O(1) per update.
///
/// # Parameters
///
/// `period` (`n`): `1..=100000` (TA-Lib's default is 5; `n = 1` gives the input itself).
/// `vfactor` (`v`): `0..=1` (TA-Lib's default 0.7; `v = 0` gives the EMA of an EMA of an EMA,
/// `v = 1` the DEMA of a DEMA of a DEMA).
///
/// # Bounds
///
/// The EMAs stay within the hull of the inputs; the combination extrapolates by at most
/// `|c1| + |c2| + |c3| + |c4| ≤ 27` times the largest input magnitude (at `v = 1`).
///
/// # Example
///
/// ```
/// use ta_stream::{average::T3, Indicator};
///
/// let mut t3: T3 = T3::new(2, 0.7)?;
/// // A straight line: every EMA lags it by the same amount, and the coefficients remove
/// // most of it (TA-Lib gives 6.55 and 7.55 here).
/// let out = t3.batch(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
/// assert_eq!(out[..6], [None; 6]);
/// assert!((out[6].unwrap() - 6.55).abs() < 1e-12);
/// assert!((out[7].unwrap() - 7.55).abs() < 1e-12);
/// assert_eq!(t3.to_string(), "T3(2, 0.7)");
/// # Ok::<(), ta_stream::Error>(())
/// ```
///
/// # Links
///
/// TA-Lib `T3` (and `MA` with `matype` 8, with `vfactor` 0.7); matches it at every index.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(try_from = "T3State<T>")
)]
pub struct T3<T: Real = f64> {
    /// `e1` to `e6`.
    emas: [Ema<T>; 6],
    vfactor: f64,
    /// `c1` to `c4`, derived from `vfactor`.
    #[cfg_attr(feature = "serde", serde(skip_serializing))]
    coefficients: [T; 4],
}

impl T3 {
    /// A T3 over `period` inputs per EMA, with volume factor `vfactor`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] unless `period` is in `1..=100000` and `vfactor` in
    /// `0..=1`.
    pub fn new(period: usize, vfactor: f64) -> Result<Self, Error> {
        Self::new_generic(period, vfactor)
    }
}

impl<T: Real> T3<T> {
    /// [`T3::new`] in any precision `T` (`f32`, or generic code): `T3::<f32>::new_generic(2, 0.7)`.
    pub fn new_generic(period: usize, vfactor: f64) -> Result<Self, Error> {
        if !(0.0..=1.0).contains(&vfactor) {
            return Err(Error::InvalidParameter {
                name: "vfactor",
                value: vfactor.to_string(),
                expected: "0..=1",
            });
        }
        let ema = Ema::new_generic(period)?;
        Ok(Self {
            emas: [
                ema.clone(),
                ema.clone(),
                ema.clone(),
                ema.clone(),
                ema.clone(),
                ema,
            ],
            vfactor,
            coefficients: Self::coefficients(vfactor),
        })
    }

    /// `c1..c4`, evaluated as TA-Lib evaluates them.
    fn coefficients(vfactor: f64) -> [T; 4] {
        let v: T = lit(vfactor);
        let v2 = v * v;
        let c1 = -v2 * v;
        let three: T = lit(3.0);
        let c2 = three * (v2 - c1);
        let c3 = -lit::<T>(6.0) * v2 - three * (v - c1);
        let c4 = T::one() + three * v - c1 + three * v2;
        [c1, c2, c3, c4]
    }

    /// The period `n` of each EMA.
    pub fn period(&self) -> usize {
        self.emas.first().map_or(1, Ema::period)
    }

    /// The volume factor `v`.
    pub fn vfactor(&self) -> f64 {
        self.vfactor
    }

    #[inline]
    fn combine(&self, e: [T; 6]) -> T {
        let [_, _, e3, e4, e5, e6] = e;
        let [c1, c2, c3, c4] = self.coefficients;
        c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3
    }
}

impl<T: Real> Indicator for T3<T> {
    type Input = T;
    type Output = T;

    crate::slice::batch_by_slices!();

    /// Once every stage is seeded, a chunk of usable inputs through the stages' steady
    /// steps on a copy held in registers: the same outputs bit for bit.
    fn update_slice(&mut self, inputs: &[T], out: &mut [T]) -> Result<(), Error> {
        super::ema::chain_slice(
            self,
            inputs,
            out,
            |t3| t3.emas.each_mut(),
            |t3, values| t3.combine(values),
        )
    }

    #[inline]
    fn update(&mut self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let mut e = [T::zero(); 6];
        let mut input = x;
        for (stage, (ema, slot)) in self.emas.iter_mut().zip(e.iter_mut()).enumerate() {
            input = if stage == 0 {
                ema.update(input)
            } else {
                ema.feed(input)
            }?;
            *slot = input;
        }
        Some(self.combine(e))
    }

    #[inline]
    fn peek(&self, x: T) -> Option<T> {
        if !x.is_usable() {
            return self.value();
        }
        let mut e = [T::zero(); 6];
        let mut input = x;
        for (stage, (ema, slot)) in self.emas.iter().zip(e.iter_mut()).enumerate() {
            input = if stage == 0 {
                ema.peek(input)
            } else {
                ema.peek_fed(input)
            }?;
            *slot = input;
        }
        Some(self.combine(e))
    }

    #[inline]
    fn value(&self) -> Option<T> {
        let mut e = [T::zero(); 6];
        for (ema, slot) in self.emas.iter().zip(e.iter_mut()) {
            *slot = ema.value()?;
        }
        Some(self.combine(e))
    }

    fn reset(&mut self) {
        self.emas.iter_mut().for_each(Ema::reset);
    }

    fn warmup_period(&self) -> usize {
        6 * (self.period() - 1) + 1
    }
}

impl<T: Real> fmt::Display for T3<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "T3({}, {})", self.period(), self.vfactor)
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct T3State<T: Real> {
    emas: [Ema<T>; 6],
    vfactor: f64,
}

#[cfg(feature = "serde")]
impl<T: Real> TryFrom<T3State<T>> for T3<T> {
    type Error = Error;

    fn try_from(state: T3State<T>) -> Result<Self, Error> {
        let mut t3 = Self::new_generic(1, state.vfactor)?;
        let [e1, e2, e3, e4, e5, e6] = &state.emas;
        super::ema::check_chain(&[e1, e2, e3, e4, e5, e6])?;
        if e1.seed() != super::Seed::Sma {
            return Err(crate::error::invalid_state(
                "T3's EMAs are seeded with the SMA",
            ));
        }
        t3.emas = state.emas;
        Ok(t3)
    }
}
