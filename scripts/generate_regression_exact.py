#!/usr/bin/env python3
"""Exact least-squares references for the regression family (tests/properties_statistics.rs).

Usage: python3 scripts/generate_regression_exact.py   (needs numpy and ta-lib)

A series at 1e7 with small moves (every input a float, taken exactly as a Fraction), and for
periods 2, 14 and 100 the slope, the line's end (LINEARREG) and the forecast (TSF) computed in
exact rational arithmetic from the definition (x_j = j over the window, least squares), then
rounded once to the nearest float; next to them TA-Lib's LINEARREG_SLOPE, LINEARREG and TSF,
so the test can show how far each implementation lands from the exact line.

Output: tests/data/talib/regression_exact.csv with columns
  period,index,input,slope,end,forecast,talib_slope,talib_end,talib_forecast
(warm-up rows omitted). Deterministic: the same file on every run.
"""

import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import talib

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "talib" / "regression_exact.csv"
ROWS = 300


def series():
    # 1e7 with moves of a few hundredths: the sums are ~1e9 and the slope ~1e-3 to 1e-1.
    return [1e7 + 0.37 * math.sin(i / 5.0) + 0.011 * i + 0.003 * ((i * 7) % 5)
            for i in range(ROWS)]


def exact_line(window):
    n = len(window)
    ys = [Fraction(y) for y in window]
    xbar = Fraction(n - 1, 2)
    ybar = sum(ys) / n
    sxx = sum((Fraction(j) - xbar) ** 2 for j in range(n))
    sxy = sum((Fraction(j) - xbar) * (y - ybar) for j, y in enumerate(ys))
    slope = sxy / sxx
    end = ybar + slope * (Fraction(n - 1) - xbar)
    forecast = ybar + slope * (Fraction(n) - xbar)
    return slope, end, forecast


def main():
    ys = series()
    arr = np.array(ys, dtype=np.float64)
    with open(OUT, "w") as fh:
        fh.write("period,index,input,slope,end,forecast,talib_slope,talib_end,talib_forecast\n")
        for n in (2, 14, 100):
            ts = talib.LINEARREG_SLOPE(arr, n)
            te = talib.LINEARREG(arr, n)
            tf = talib.TSF(arr, n)
            for i in range(n - 1, ROWS):
                slope, end, forecast = exact_line(ys[i + 1 - n:i + 1])
                fh.write(",".join([str(n), str(i), repr(ys[i]), repr(float(slope)),
                                   repr(float(end)), repr(float(forecast)), repr(float(ts[i])),
                                   repr(float(te[i])), repr(float(tf[i]))]) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
