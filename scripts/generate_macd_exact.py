#!/usr/bin/env python3
"""Exact MACD(12, 26, 9) references (tests/talib_momentum.rs).

Usage: python3 scripts/generate_macd_exact.py   (standard library only)

For the inputs of tests/data/talib/single_flat_then_trend.csv and single_ndx.csv (every input
a float, taken exactly as a Fraction): the MACD line, signal and histogram of TA-Lib's
definition (EMAs with k = 2/(n + 1), the slow one seeded with the mean of its first 26
inputs, the fast one with the mean of the 12 inputs that end there, the signal with the mean
of the first 9 MACD values) computed in exact rational arithmetic and rounded once to the
nearest float. The histogram is a difference of two nearly equal lines wherever the series
trends steadily, so its rounding in any floating-point evaluation is large relative to it but
small relative to the lines: the test compares both TA-Lib's and the crate's with it.

Output: tests/data/talib/macd_exact.csv with columns series,index,macd,signal,histogram
(warm-up rows omitted). Deterministic: the same file on every run.
"""

import csv
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "talib"
OUT = DATA / "macd_exact.csv"
SERIES = ["flat_then_trend", "ndx"]


def ema(values, period):
    """TA-Lib's EMA of `values` (None before they start): SMA seed, then (x − s)·k + s."""
    k = Fraction(2, period + 1)
    out, seed, state = [], [], None
    for value in values:
        if value is None:
            out.append(None)
        elif state is None:
            seed.append(value)
            if len(seed) == period:
                state = sum(seed) / period
            out.append(state)
        else:
            state = state + (value - state) * k
            out.append(state)
    return out


def macd(inputs, fast=12, slow=26, signal=9):
    slow_line = ema(inputs, slow)
    # The fast EMA's seed window ends with the slow one's.
    fast_line = ema([None] * (slow - fast) + inputs[slow - fast:], fast)
    line = [f - s if f is not None and s is not None else None
            for f, s in zip(fast_line, slow_line)]
    signal_line = ema(line, signal)
    return line, signal_line


def main():
    with OUT.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["series", "index", "macd", "signal", "histogram"])
        for series in SERIES:
            with (DATA / f"single_{series}.csv").open() as source:
                inputs = [Fraction(float(row["input"])) for row in csv.DictReader(source)]
            line, signal = macd(inputs)
            for index, (m, s) in enumerate(zip(line, signal)):
                if s is None:
                    continue
                writer.writerow([series, index, repr(float(m)), repr(float(s)), repr(float(m - s))])


if __name__ == "__main__":
    main()
