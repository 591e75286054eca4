#!/usr/bin/env python3
"""TA-Lib's batch time per element for the rows of benches/peers.rs, as JSON, for the
TA-Lib column of scripts/peers_table.py.

Usage (from the repository's root, after `pip install ta-lib numpy`):

    python3 scripts/peers_talib_timings.py > target/criterion/peers-talib.json

Same data as the bench: the benches' 2,000,000-point xorshift64 random walk and the bars
scripts/talib_batch_timings.py builds around it (open = previous close, high/low 0.25 beyond
the body). Each figure is the best of 7 calls divided by the number of points, in ns of the
thread's CPU time (`time.thread_time`, as the bench measures by default: a loaded machine
disturbs it far less than wall-clock time).
"""

import json
import os
import sys
import time

import talib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from talib_batch_timings import POINTS, bars, random_walk  # noqa: E402

RUNS = 7
MFI_LIFT = 500.0


def main():
    talib.set_compatibility(0)
    talib.set_unstable_period("ALL", 0)
    data = bars(random_walk(POINTS))
    close, high, low, volume = data["close"], data["high"], data["low"], data["volume"]
    # MFI on the walk lifted by 500 (as benches/peers.rs): every price positive.
    lifted = bars(random_walk(POINTS) + MFI_LIFT)
    lifted_hlcv = (lifted["high"], lifted["low"], lifted["close"], lifted["volume"])
    calls = {
        "SMA(50)": lambda: talib.SMA(close, 50),
        "EMA(50)": lambda: talib.EMA(close, 50),
        "RSI(14)": lambda: talib.RSI(close, 14),
        "MACD(12,26,9)": lambda: talib.MACD(close, 12, 26, 9),
        "Bollinger(20,2)": lambda: talib.BBANDS(close, 20, 2.0, 2.0, 0),
        "ATR(14)": lambda: talib.ATR(high, low, close, 14),
        "Stochastic(14,3,3)": lambda: talib.STOCH(high, low, close, 14, 3, 0, 3, 0),
        "MAX(20)": lambda: talib.MAX(close, 20),
        "STDDEV(20)": lambda: talib.STDDEV(close, 20, 1.0),
        "WMA(20)": lambda: talib.WMA(close, 20),
        "OBV": lambda: talib.OBV(close, volume),
        "CCI(20)": lambda: talib.CCI(high, low, close, 20),
        "WILLR(14)": lambda: talib.WILLR(high, low, close, 14),
        "MFI(14)": lambda: talib.MFI(*lifted_hlcv, 14),
        "ADX(14)": lambda: talib.ADX(high, low, close, 14),
        "DEMA(30)": lambda: talib.DEMA(close, 30),
        "TEMA(30)": lambda: talib.TEMA(close, 30),
        "T3(5,0.7)": lambda: talib.T3(close, 5, 0.7),
        "TRIX(30)": lambda: talib.TRIX(close, 30),
        "ROC(10)": lambda: talib.ROC(close, 10),
        "MOM(10)": lambda: talib.MOM(close, 10),
        "MIDPOINT(14)": lambda: talib.MIDPOINT(close, 14),
        "NATR(14)": lambda: talib.NATR(high, low, close, 14),
        "AD": lambda: talib.AD(high, low, close, volume),
        "ADOSC(3,10)": lambda: talib.ADOSC(high, low, close, volume, 3, 10),
        "BOP": lambda: talib.BOP(data["open"], high, low, close),
    }
    result = {}
    for name, call in calls.items():
        best = float("inf")
        for _ in range(RUNS):
            start = time.thread_time()
            call()
            best = min(best, time.thread_time() - start)
        result[name] = round(best / POINTS * 1e9, 3)
    json.dump(result, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
