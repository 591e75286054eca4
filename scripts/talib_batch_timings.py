#!/usr/bin/env python3
"""TA-Lib's batch time per element for the functions of the coverage fixtures, to set next
to the crate's criterion figures (ns per update) measured on the same machine.

Usage:

    pip install ta-lib numpy
    python3 scripts/talib_batch_timings.py            # every function in CASES
    python3 scripts/talib_batch_timings.py KAMA T3    # only these

Each function runs at TA-Lib's default parameters over the benches' 2,000,000-point random
walk (the same xorshift64 walk as benches/*.rs; bars are built around it: open = previous
close, high/low = max/min of open and close ± 0.25, volume 1000 + 100·|change|); the figure is
the best of 7 runs divided by the number of points. Prints a Markdown table.
"""

import sys
import time

import numpy as np
import talib
from talib import abstract

from generate_coverage_fixtures import CASES

POINTS = 2_000_000
RUNS = 7


def random_walk(n):
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1
    price = 100.0
    out = np.empty(n, dtype=np.float64)
    for i in range(n):
        state ^= (state << 13) & mask
        state ^= state >> 7
        state ^= (state << 17) & mask
        price += (state >> 11) / float(1 << 53) - 0.5
        out[i] = price
    return out


def bars(close):
    open_ = np.concatenate([[close[0]], close[:-1]])
    return {
        "open": open_,
        "high": np.maximum(open_, close) + 0.25,
        "low": np.minimum(open_, close) - 0.25,
        "close": close,
        "volume": 1000.0 + 100.0 * np.abs(close - open_),
    }


def main(names):
    talib.set_compatibility(0)
    talib.set_unstable_period("ALL", 0)
    inputs = bars(random_walk(POINTS))
    print(f"TA-Lib {talib.__ta_version__}, {POINTS} points, best of {RUNS}\n")
    print("| function | TA-Lib batch ns/element |")
    print("|---|---|")
    for name in names or sorted(CASES):
        fn = abstract.Function(name)
        if "price0" in fn.input_names:
            fn.input_names = {"price0": "close", "price1": "open"}
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            fn(inputs)
            best = min(best, time.perf_counter() - start)
        print(f"| {name} | {best / POINTS * 1e9:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
