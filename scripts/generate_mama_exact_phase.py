#!/usr/bin/env python3
"""Exact in-phase zeros of MAMA on TA-Lib's own STOCHRSI %K: the proof behind the bars of
STOCHRSI with `fastd_matype` 7 (MAMA) that tests/talib_coverage.rs exempts from parity.

Usage (from anywhere; paths are resolved relative to this file):

    pip install ta-lib numpy
    python3 scripts/generate_mama_exact_phase.py

MAMA's phase is `atan(Q1/I1)`, and 0 when the in-phase component `I1` is 0 (TA-Lib's rule, the
crate's too). `I1` at bar t is the detrender of bar t − 3,
`adj·(a·s_u + b·s_{u−2} − b·s_{u−4} − a·s_{u−6})` (u = t − 3, a = 0.0962, b = 0.5769,
adj = 0.075·period + 0.54 > 0), with `s_u = (4x_u + 3x_{u−1} + 2x_{u−2} + x_{u−3})/10` the
smoothed input and `s_v = 0` before the transform starts (bar 12). Whether `I1` is 0 does
not depend on `adj` (a transcendental function of the history): it is 0 exactly when the
bracket is, which this script decides with `fractions.Fraction` from the exact doubles.

Where %K sits at exactly 0 or 100 for ten bars or more, the bracket is exactly 0. TA-Lib keeps
the smoothed value as running sums (add the new input, subtract the old ones), which leave a
residue there (100.00000000000477 instead of 100), so its `I1` is ~1e-13, not 0; its phase
is then ±90° instead of 0 and the adaptive alpha of a later bar differs (0.055 instead of
0.5). The crate evaluates the four-term smoothing directly: its smoothed value is exactly
100, its `I1` exactly 0, the exact decision.

Output: tests/data/talib/mama_exact_phase.csv, one row per bar of each case (bars counted
from the first %K value, the first input of TA-Lib's MAMA):
`case,bar,x,exact_in_phase_zero,talib_in_phase,talib_mama`: x the %K (TA-Lib's
STOCHRSI fastk with fastd_period 1), exact_in_phase_zero 1 or 0 (0 before bar 12, where
there is no I1; 1 at bars 12 to 14, which read a detrender from before the start), TA-Lib's HT_PHASOR in-phase
and MAMA of x (empty in their warm-up of 32 bars). It also prints, for each case, the bars
where the exact I1 is 0, with the smoothed value there exactly and as TA-Lib's running sums
give it (a double-precision replay of ta_MAMA.c's order of operations; TA-Lib shows no value
before bar 32) and TA-Lib's own in-phase where it shows one.
"""

import csv
import sys
from fractions import Fraction
from pathlib import Path

try:
    import numpy as np
    import talib
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"error: {exc}. Install the dependencies: pip install ta-lib numpy")

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "tests" / "data" / "talib" / "coverage" / "inputs.csv"
OUT = ROOT / "tests" / "data" / "talib" / "mama_exact_phase.csv"

A = Fraction(962, 10000)
B = Fraction(5769, 10000)
START = 12  # the bar where the Hilbert transform starts (TA-Lib's and the crate's)
LOOKBACK = 32

# (series, timeperiod, fastk_period, last bar written): each case runs past the first bar
# whose MAMA differs from the crate's (TA-Lib's alpha at 295, 303; zero_range's flip lies in
# the warm-up, its first output at 32 already differs).
CASES = [("ndx", 14, 5, 297), ("ndx", 5, 10, 305), ("zero_range", 14, 5, 34)]


def closes(name):
    with INPUTS.open() as f:
        return np.array([float(r["close"]) for r in csv.DictReader(f) if r["series"] == name])


def exact_in_phase_zero(x):
    """For every bar t, whether the exact I1 (the detrender bracket of bar t − 3) is 0; False
    before the transform starts (no I1 at all)."""
    s = {}
    for u in range(START, len(x)):
        s[u] = (4 * Fraction(x[u]) + 3 * Fraction(x[u - 1]) + 2 * Fraction(x[u - 2])
                + Fraction(x[u - 3])) / 10
    get = lambda v: s.get(v, Fraction(0))  # noqa: E731 - zero before the start
    bracket = {u: A * get(u) + B * get(u - 2) - B * get(u - 4) - A * get(u - 6) for u in s}
    # Bars 12 to 14 read a detrender from before the start: 0.
    return [t >= START and (t < START + 3 or bracket[t - 3] == 0) for t in range(len(x))]


def talib_style_smoothed(x):
    """TA-Lib's running weighted sums for the smoothed value, in doubles (ta_MAMA.c's
    order of operations): bar u's value for u >= 3."""
    out = {}
    sub = x[0] + x[1] + x[2]
    total = x[0] + x[1] * 2.0 + x[2] * 3.0
    trailing, trailing_idx = 0.0, 0
    for u in range(3, len(x)):
        sub += x[u]
        sub -= trailing
        total += x[u] * 4.0
        trailing = x[trailing_idx]
        trailing_idx += 1
        out[u] = total * 0.1
        total -= sub
    return out


def cell(v):
    return "" if np.isnan(v) else repr(float(v))


def main():
    rows = []
    for name, period, fast_k, last in CASES:
        fast, _ = talib.STOCHRSI(closes(name), period, fast_k, 1, 0)
        x = fast[~np.isnan(fast)][: last + 1]
        zero = exact_in_phase_zero(x)
        in_phase, _ = talib.HT_PHASOR(x)
        mama, _ = talib.MAMA(x, 0.5, 0.05)
        case = f"{name} STOCHRSI {period}/{fast_k}"
        smoothed = talib_style_smoothed(list(x))
        print(f"{case}: the exact I1 is 0 at bars {[t for t in range(len(x)) if zero[t]]}")
        for t in (t for t in range(START + 3, len(x)) if zero[t]):
            u = t - 3
            exact = (4 * Fraction(x[u]) + 3 * Fraction(x[u - 1]) + 2 * Fraction(x[u - 2])
                     + Fraction(x[u - 3])) / 10
            talib_i1 = f"{float(in_phase[t])!r}" if t >= LOOKBACK else "(warm-up)"
            print(f"  bar {t}: smoothed of bar {u} exact {float(exact)!r}, TA-Lib's running "
                  f"sums {float(smoothed[u])!r}; TA-Lib's HT_PHASOR in-phase {talib_i1}")
        for t in range(len(x)):
            rows.append([case, str(t), repr(float(x[t])), "1" if zero[t] else "0",
                         cell(in_phase[t]), cell(mama[t])])
    with OUT.open("w", newline="") as f:
        f.write("case,bar,x,exact_in_phase_zero,talib_in_phase,talib_mama\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
