#!/usr/bin/env python3
"""Generate the TA-Lib references of the catalog parity test (tests/talib_coverage.rs).

Usage (from anywhere; paths are resolved relative to this file):

    pip install ta-lib numpy
    python3 scripts/generate_coverage_fixtures.py            # every function in CASES
    python3 scripts/generate_coverage_fixtures.py KAMA T3    # only these

Inputs: tests/data/talib/coverage/inputs.csv, written by this script from the committed real
data (the last NDX_ROWS daily bars of tests/data/ndx_daily.csv, with volume) and edge series in
closed form (flat bars, bars with high == low, gapping bars with zero and huge volumes).

Outputs: tests/data/talib/coverage/<NAME>.csv for every TA-Lib function in CASES: a `series`
column, then one column per parameter set and output, named by the catalog spec that builds
it (`KAMA(30)`, or `MAMA(0.5,0.05):fama` for a function with several outputs), one row per
input row. Every parameter is written, in TA-Lib's order, so the spec is the whole call.

What each function reads: `real` is the close; TA-Lib's two-series functions (`real0`,
`real1`) read the close and the open; price functions read their named columns, the volume
included; MAVP's `periods` is the `periods` column (2 to 31, changing every bar). Numbers are written with repr(float); TA-Lib's NaN (warm-up) is an empty cell, and so is
the lookback of an integer output (HT_TRENDMODE, patterns), which TA-Lib fills with 0.
Running the script twice with the same TA-Lib/numpy versions gives byte-identical files.

Settings: TA-Lib's defaults, set explicitly (classic EMA seeding, no unstable period).
"""

import csv
import math
import sys
from pathlib import Path

try:
    import numpy as np
    import talib
    from talib import abstract
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"error: {exc}. Install the dependencies: pip install ta-lib numpy")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = DATA / "talib" / "coverage"

# Versions the committed fixtures were generated with (see tests/data/README.md).
EXPECTED_TA_C = "0.8.1"
EXPECTED_WRAPPER = "0.8.2"

NDX_ROWS = 400  # the most recent daily bars: enough for a 100-bar period plus 300 outputs
EDGE_ROWS = 120

# Parameter sets per TA-Lib function: TA-Lib's defaults (`{}`) and at least two others
# (short and long periods; every `matype` where the function takes one). Only the
# parameters that differ from the defaults are listed.
# TA-Lib's Math Transform group: element-wise, no parameters.
MATH_TRANSFORMS = ["ACOS", "ASIN", "ATAN", "CEIL", "COS", "COSH", "EXP", "FLOOR", "LN", "LOG10",
                   "SIN", "SINH", "SQRT", "TAN", "TANH"]

CASES = {
    # ---- Overlap studies: moving averages ----
    "TRIMA": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 14}, {"timeperiod": 100}],
    "KAMA": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 10}, {"timeperiod": 100}],
    "T3": [{}, {"timeperiod": 1}, {"timeperiod": 2, "vfactor": 0.3}, {"timeperiod": 10, "vfactor": 1.0},
           {"timeperiod": 14, "vfactor": 0.0}, {"timeperiod": 16}],
    "HMA": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 7},
            {"timeperiod": 50}, {"timeperiod": 100}],
    "ZLEMA": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 14},
              {"timeperiod": 100}],
    "VWMA": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    # BBANDS with every matype: the middle band is MA(matype), the bands the population
    # standard deviation of the same window.
    "BBANDS": [{}] + [{"matype": k} for k in range(1, 14)]
              + [{"timeperiod": 5, "nbdevup": 1.5, "nbdevdn": 2.5, "matype": k}
                 for k in range(14)]
              + [{"timeperiod": 2, "matype": 1}],
    # Every matype, at the default periods 2..=30 and at 5..=12.
    "MAVP": [{}] + [{"matype": k} for k in range(1, 14)]
            + [{"minperiod": 5, "maxperiod": 12, "matype": k} for k in range(14)]
            + [{"minperiod": 3, "maxperiod": 3}],
    # Every matype at the default period and a short one; every matype at period 1 (TA-Lib
    # copies the input for any type). MAMA (7) ignores the period otherwise.
    "MA": [{}] + [{"matype": k} for k in range(1, 14)]
          + [{"timeperiod": 5, "matype": k} for k in range(14)]
          + [{"timeperiod": 1, "matype": k} for k in range(14)],
    "RMA": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    # ---- end of moving averages ----

    # ---- Overlap studies: the Hilbert transform family; cycle indicators ----
    # No parameters except MAMA's limits: one column per output (MAMA: defaults and two
    # other limit pairs, one with fastlimit below slowlimit).
    "HT_DCPERIOD": [{}],
    "HT_DCPHASE": [{}],
    "HT_PHASOR": [{}],
    "HT_SINE": [{}],
    "HT_TRENDLINE": [{}],
    "HT_TRENDMODE": [{}],
    "MAMA": [{}, {"fastlimit": 0.9, "slowlimit": 0.01}, {"fastlimit": 0.2, "slowlimit": 0.3}],
    # ---- end of Hilbert / cycle ----

    # ---- Overlap studies: bands, channels, stops ----
    "MIDPOINT": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "MIDPRICE": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "DONCHIAN": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "ACCBANDS": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "SAR": [{}, {"acceleration": 0.05, "maximum": 0.1}, {"acceleration": 0.01, "maximum": 0.5},
            {"acceleration": 0.3, "maximum": 0.2}],
    "SAREXT": [{}, {"startvalue": 20000.0}, {"startvalue": -25000.0, "offsetonreverse": 0.01},
               {"offsetonreverse": 0.05},
               {"accelerationinitlong": 0.01, "accelerationlong": 0.03, "accelerationmaxlong": 0.3,
                "accelerationinitshort": 0.04, "accelerationshort": 0.01, "accelerationmaxshort": 0.1},
               {"accelerationinitlong": 0.5, "accelerationshort": 0.4}],
    "SUPERTREND": [{}, {"timeperiod": 2, "multiplier": 1.0}, {"timeperiod": 3, "multiplier": 0.5},
                   {"timeperiod": 50, "multiplier": 4.5}],
    "KC": [{}, {"timeperiod": 2, "atrperiod": 2, "nbdev": 1.0}, {"timeperiod": 5, "atrperiod": 14, "nbdev": 1.5},
           {"timeperiod": 50, "atrperiod": 3}, {"timeperiod": 100, "atrperiod": 100, "nbdev": 2.5}],
    # ---- end of bands, channels, stops ----

    # ---- Price transform; volatility indicators ----
    # (the one-candle transforms and HA have no parameters: TA-Lib's call is the only case)
    "TYPPRICE": [{}],
    "AVGPRICE": [{}],
    "MEDPRICE": [{}],
    "WCLPRICE": [{}],
    "HA": [{}],
    "AVGDEV": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "ADR": [{}, {"timeperiod": 1}, {"timeperiod": 5}, {"timeperiod": 100}],
    "CVI": [{}, {"timeperiod": 2, "rocperiod": 1}, {"timeperiod": 5, "rocperiod": 3},
            {"timeperiod": 40, "rocperiod": 60}],
    "MASSI": [{}, {"fastperiod": 2, "slowperiod": 2}, {"fastperiod": 5, "slowperiod": 10},
              {"fastperiod": 30, "slowperiod": 100}],
    "RVI": [{}, {"timeperiod": 1, "stddevperiod": 2}, {"timeperiod": 5, "stddevperiod": 3},
            {"timeperiod": 60, "stddevperiod": 40}],
    # ---- end of price transform / volatility ----

    # ---- Momentum: averaged (APO, PPO, PVO, MACDEXT, MACDFIX, STOCHRSI, KDJ, TRIX, TSI, SMI, STOCH/STOCHF matypes) ----
    # APO, PPO: every matype at the default periods and at 3/10; short, swapped (slow < fast)
    # and long periods. PVO (the PPO of the volume): a few matypes.
    "APO": [{}] + [{"matype": k} for k in range(14) if k != 1]
           + [{"fastperiod": 3, "slowperiod": 10, "matype": k} for k in range(14)]
           + [{"fastperiod": 2, "slowperiod": 3}, {"fastperiod": 26, "slowperiod": 12},
              {"fastperiod": 50, "slowperiod": 100}],
    "PPO": [{}] + [{"matype": k} for k in range(14) if k != 1]
           + [{"fastperiod": 3, "slowperiod": 10, "matype": k} for k in range(14)]
           + [{"fastperiod": 2, "slowperiod": 3}, {"fastperiod": 26, "slowperiod": 12},
              {"fastperiod": 50, "slowperiod": 100}],
    "PVO": [{}, {"matype": 0}, {"matype": 6}, {"matype": 13}, {"fastperiod": 2, "slowperiod": 3},
            {"fastperiod": 30, "slowperiod": 10, "matype": 2}, {"fastperiod": 50, "slowperiod": 100}],
    # MACDEXT: each matype in every slot (three rotations), swapped periods with their types,
    # short and long periods.
    "MACDEXT": [{}] + [{"fastmatype": k, "slowmatype": (k + 3) % 14, "signalmatype": (k + 7) % 14}
                       for k in range(14)]
               + [{"fastperiod": 26, "fastmatype": 1, "slowperiod": 12, "slowmatype": 0},
                  {"fastperiod": 2, "slowperiod": 3, "signalperiod": 1},
                  {"fastmatype": 1, "slowmatype": 1, "signalmatype": 1},
                  {"fastperiod": 5, "fastmatype": 8, "slowperiod": 40, "slowmatype": 2,
                   "signalperiod": 20, "signalmatype": 6}],
    "MACDFIX": [{}, {"signalperiod": 1}, {"signalperiod": 2}, {"signalperiod": 50}],
    "TRIX": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    # STOCH, STOCHF, STOCHRSI, KDJ: every matype in each slot, short and long periods. %K is
    # TA-Lib 0.8.1's 100·((C − LL)/(HH − LL)), exactly 100 when the close is the window's high
    # (the older (C − LL)/((HH − LL)/100) can give 99.99999999999999 there, and KAMA's
    # efficiency ratio over a stretch of 100s then reads those ulps as noise: ER 0, not 1).
    # With MAMA (7), STOCHRSI's %D differs from TA-Lib's on three columns from one bar to the
    # end of the series (exempt in tests/talib_coverage.rs): where %K sits at exactly 0 or 100
    # for ten bars or more, TA-Lib's running WMA sums leave a residue (smoothed
    # 100.000000000005) that makes its in-phase component ~1e-13 instead of exactly 0, and
    # its phase turns on that residue; the crate's is the exact decision (proof:
    # scripts/generate_mama_exact_phase.py and the exact_phase test of src/average/mama.rs).
    "STOCH": [{}] + [{"slowk_matype": k, "slowd_matype": (k + 5) % 14} for k in range(14)]
             + [{"fastk_period": 14, "slowk_period": 5, "slowk_matype": k, "slowd_period": 4,
                 "slowd_matype": k} for k in range(14)]
             + [{"fastk_period": 1, "slowk_period": 1, "slowd_period": 1},
                {"fastk_period": 50, "slowk_period": 10, "slowd_period": 20}],
    "STOCHF": [{}] + [{"fastd_matype": k} for k in range(1, 14)]
              + [{"fastk_period": 14, "fastd_period": 5, "fastd_matype": k} for k in range(14)]
              + [{"fastk_period": 1, "fastd_period": 1}, {"fastk_period": 60, "fastd_period": 30}],
    "STOCHRSI": [{}] + [{"fastd_matype": k} for k in range(1, 14)]
                + [{"timeperiod": 5, "fastk_period": 10, "fastd_period": 4, "fastd_matype": k}
                   for k in range(14)]
                + [{"timeperiod": 2, "fastk_period": 1, "fastd_period": 1},
                   {"timeperiod": 3, "fastk_period": 2, "fastd_period": 2},
                   {"timeperiod": 50, "fastk_period": 30, "fastd_period": 10}],
    "KDJ": [{}] + [{"slowk_matype": k, "slowd_matype": (k + 5) % 14} for k in range(14)]
           + [{"fastk_period": 2, "slowk_period": 1, "slowd_period": 2},
              {"fastk_period": 50, "slowk_period": 10, "slowd_period": 20}],
    "TSI": [{}, {"firstperiod": 2, "secondperiod": 2}, {"firstperiod": 2, "secondperiod": 3},
            {"firstperiod": 5, "secondperiod": 2}, {"firstperiod": 100, "secondperiod": 50}],
    "SMI": [{}, {"timeperiod": 2, "fastperiod": 2, "slowperiod": 2, "signalperiod": 2},
            {"timeperiod": 3, "fastperiod": 3, "slowperiod": 2, "signalperiod": 2},
            {"timeperiod": 5, "fastperiod": 5, "slowperiod": 10, "signalperiod": 3},
            {"timeperiod": 50, "fastperiod": 10, "slowperiod": 60, "signalperiod": 30}],
    # ---- end of this section ----

    # ---- Momentum: directional movement and vortex ----
    # Period 1 is TA-Lib's unsmoothed case (±DI then fractions, not percents); 2 and 3 the
    # shortest seeds; 100 a long one. DX, ADX and ADXR start at 2.
    "PLUS_DM": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "MINUS_DM": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "PLUS_DI": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "MINUS_DI": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "DX": [{}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "ADX": [{}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 100}],
    "ADXR": [{}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 50}],
    "VORTEX": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 100}],
    # ---- end of this section ----

    # ---- Momentum: window highs and lows (AROON, CCI, WILLR, ULTOSC, VHF, ERI, FRACTAL, AC, AO) ----
    "AROON": [{}, {"timeperiod": 2}, {"timeperiod": 7}, {"timeperiod": 25}, {"timeperiod": 100}],
    "AROONOSC": [{}, {"timeperiod": 2}, {"timeperiod": 7}, {"timeperiod": 25}, {"timeperiod": 100}],
    "CCI": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 20}, {"timeperiod": 100}],
    "WILLR": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    # ULTOSC: TA-Lib sorts the periods, so an unsorted set is a case too.
    "ULTOSC": [{}, {"timeperiod1": 1, "timeperiod2": 1, "timeperiod3": 1},
               {"timeperiod1": 2, "timeperiod2": 3, "timeperiod3": 5},
               {"timeperiod1": 28, "timeperiod2": 7, "timeperiod3": 14},
               {"timeperiod1": 20, "timeperiod2": 50, "timeperiod3": 100}],
    "VHF": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "ERI": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "FRACTAL": [{}, {"leftbars": 1, "rightbars": 1}, {"leftbars": 1, "rightbars": 3},
                {"leftbars": 4, "rightbars": 1}, {"leftbars": 10, "rightbars": 10}],
    # AO and AC accept a fast period above the slow one, as TA-Lib does.
    "AO": [{}, {"fastperiod": 2, "slowperiod": 2}, {"fastperiod": 3, "slowperiod": 10},
           {"fastperiod": 10, "slowperiod": 3}, {"fastperiod": 20, "slowperiod": 100}],
    "AC": [{}, {"fastperiod": 2, "slowperiod": 3, "signalperiod": 2},
           {"fastperiod": 10, "slowperiod": 4, "signalperiod": 3},
           {"fastperiod": 20, "slowperiod": 100, "signalperiod": 50}],
    # ---- end of this section ----

    # ---- Momentum: closes and candles (CMO, CMOU, DPO, ER, IMI, QSTICK, BOP, ROCR, ROCR100, COPPOCK, WAD, MFI) ----
    "CMO": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "CMOU": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    # DPO: the close n/2 + 1 bars back against the SMA now; odd and even periods.
    "DPO": [{}, {"timeperiod": 2}, {"timeperiod": 3}, {"timeperiod": 7}, {"timeperiod": 100}],
    "ER": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "IMI": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "QSTICK": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "BOP": [{}],
    "ROCR": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 100}],
    "ROCR100": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 100}],
    "COPPOCK": [{}, {"wmaperiod": 1, "roc1period": 1, "roc2period": 1},
                {"wmaperiod": 2, "roc1period": 5, "roc2period": 2},
                {"wmaperiod": 30, "roc1period": 60, "roc2period": 40}],
    "WAD": [{}],
    "MFI": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    # ---- end of this section ----

    # ---- Volume indicators ----
    # Running totals and one-bar functions have no parameters: TA-Lib's call is the only case.
    # RVOL's periods keep a positive mean on the edge series (zero_range has a zero volume
    # every third bar: one previous bar could be 0, and TA-Lib's 0/0 or v/0 is not finite).
    "AD": [{}],
    "ADOSC": [{}, {"fastperiod": 2, "slowperiod": 2}, {"fastperiod": 5, "slowperiod": 3},
              {"fastperiod": 12, "slowperiod": 100}],
    "CMF": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "EFI": [{}, {"timeperiod": 1}, {"timeperiod": 2}, {"timeperiod": 100}],
    "MARKETFI": [{}],
    "NVI": [{}],
    "OBV": [{}],
    "PVI": [{}],
    "PVT": [{}],
    "RVOL": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "VWAP": [{}],
    # ---- end of this section ----

    # ---- Statistic functions (LINEARREG*, TSF, FOSC, PERCENTILE, PERCENTRANK) ----
    "LINEARREG": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "LINEARREG_ANGLE": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "LINEARREG_INTERCEPT": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "LINEARREG_SLOPE": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "TSF": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 100}],
    "FOSC": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    "PERCENTILE": [{}, {"timeperiod": 2, "percentile": 0.0}, {"timeperiod": 5, "percentile": 25.0},
                   {"timeperiod": 14, "percentile": 100.0}, {"timeperiod": 25, "percentile": 28.0},
                   {"timeperiod": 100, "percentile": 90.0}],
    "PERCENTRANK": [{}, {"timeperiod": 2}, {"timeperiod": 5}, {"timeperiod": 30}],
    # ---- end of this section ----

    # ---- Math operators and transforms ----
    "ADD": [{}],
    "SUB": [{}],
    "MULT": [{}],
    "DIV": [{}],
    "CUMSUM": [{}],
    "SUM": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    "MAXINDEX": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    "MININDEX": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    "MINMAX": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    "MINMAXINDEX": [{}, {"timeperiod": 2}, {"timeperiod": 14}, {"timeperiod": 100}],
    # The element-wise transforms on the prices (most of ACOS/ASIN is NaN there, EXP/COSH/SINH
    # overflow to ±inf, where the crate has no value); `math_transforms.csv` below covers
    # their whole domain.
    **{name: [{}] for name in MATH_TRANSFORMS},
    # ---- end of this section ----

    # ---- Pattern recognition (CDL*) ----
    # ---- end of this section ----
}


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------

def ndx_bars():
    with open(DATA / "ndx_daily.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = rows[-NDX_ROWS:]
    return {k: [float(r[k]) for r in rows] for k in ("open", "high", "low", "close", "volume")}


def edge_bars(name):
    bars = {k: [] for k in ("open", "high", "low", "close", "volume")}
    for i in range(EDGE_ROWS):
        if name == "flat":
            o = h = l = c = 5.0
            v = 1000.0
        elif name == "zero_range":
            o = h = l = c = 100.0 + math.sin(i / 3.0)
            v = 0.0 if i % 3 == 0 else 500.0 + 10.0 * i
        elif name == "gaps":
            c = 100.0 + 10.0 * ((i // 5) % 2) + math.sin(i)
            o = c + (0.5 if i % 2 == 0 else -0.5)
            h, l = c + 1.0, c - 1.0
            v = (0.0, 1e9, 250.0, 3e12)[i % 4]
        else:
            raise ValueError(name)
        for k, x in zip(("open", "high", "low", "close", "volume"), (o, h, l, c, v)):
            bars[k].append(x)
    return bars


def all_series():
    series = {"ndx": ndx_bars()}
    for name in ("flat", "zero_range", "gaps"):
        series[name] = edge_bars(name)
    for bars in series.values():
        bars["periods"] = [float(2 + (7 * i) % 30) for i in range(len(bars["close"]))]
    return {name: {k: np.array(v, dtype=np.float64) for k, v in bars.items()}
            for name, bars in series.items()}


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def fmt(v):
    v = float(v)
    if math.isnan(v):
        return ""
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"  # TA-Lib's overflow; the crate has no value there
    return repr(v)


def spec_value(v):
    if float(v) == int(v):
        return str(int(v))
    return repr(float(v))


def run(name, params, bars):
    fn = abstract.Function(name)
    names = fn.input_names
    if "price0" in names:  # two series: real0 = close, real1 = open
        fn.input_names = {"price0": "close", "price1": "open"}
    fn.parameters = params
    out = fn(bars)
    outputs = out if isinstance(out, list) else [out]
    columns = []
    for o in outputs:
        column = np.asarray(o, dtype=np.float64)
        if np.issubdtype(np.asarray(o).dtype, np.integer):
            # TA-Lib fills an integer output's lookback with 0, not NaN: no value there.
            column[:min(fn.lookback, len(column))] = np.nan
        columns.append(column)
    return fn, columns


def columns_of(name, cases, series):
    header, columns = ["series"], []
    for params in cases:
        fn = abstract.Function(name)
        unknown = set(params) - set(fn.parameters)
        if unknown:
            raise ValueError(f"{name}: unknown parameters {sorted(unknown)}")
        full = dict(fn.parameters)
        full.update(params)
        spec = f"{name}({','.join(spec_value(v) for v in full.values())})"
        per_series = [run(name, full, bars)[1] for bars in series.values()]
        output_names = fn.output_names
        for k, out_name in enumerate(output_names):
            header.append(spec if len(output_names) == 1 else f"{spec}:{out_name}")
            columns.append(np.concatenate([outs[k] for outs in per_series]))
    labels = [s for s, bars in series.items() for _ in range(len(bars["close"]))]
    return header, labels, columns


def write(path, header, labels, columns):
    with open(path, "w", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for i, label in enumerate(labels):
            fh.write(",".join([label] + [fmt(c[i]) for c in columns]) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({len(labels)} rows, {len(header) - 1} columns)")


def write_math_transforms():
    """Each Math Transform over its whole domain: ±1.5 in steps of 1/64 (exact in binary:
    both sides of ±1, 0, and exact ±1), then values that round, overflow or leave a domain."""
    xs = [k / 64.0 for k in range(-96, 97)]
    xs += [-1e150, -750.0, -709.0, -100.5, -2.5, -1e-150, 0.5, 2.5, 3.0, 100.5, 709.0, 710.0,
           1e15, 1e150, 12345.678, 24000.25]
    x = np.array(xs, dtype=np.float64)
    path = DATA / "talib" / "math_transforms.csv"
    header = ["series", "x"] + MATH_TRANSFORMS
    columns = [x] + [getattr(talib, name)(x) for name in MATH_TRANSFORMS]
    write(path, header, ["x"] * len(xs), columns)


def main(names):
    c_version = talib.__ta_version__
    if isinstance(c_version, bytes):
        c_version = c_version.decode()
    print(f"TA-Lib C library {c_version}; Python wrapper ta-lib {talib.__version__}; "
          f"numpy {np.__version__}")
    if not c_version.startswith(EXPECTED_TA_C) or talib.__version__ != EXPECTED_WRAPPER:
        print(f"warning: committed fixtures were made with TA-Lib C {EXPECTED_TA_C} / "
              f"ta-lib {EXPECTED_WRAPPER}; outputs may differ", file=sys.stderr)
    talib.set_compatibility(0)
    talib.set_unstable_period("ALL", 0)

    OUT.mkdir(parents=True, exist_ok=True)
    series = all_series()
    with open(OUT / "inputs.csv", "w", newline="") as fh:
        fh.write("series,open,high,low,close,volume,periods\n")
        for label, bars in series.items():
            for i in range(len(bars["close"])):
                fh.write(",".join([label] + [fmt(bars[k][i]) for k in
                                             ("open", "high", "low", "close", "volume",
                                              "periods")]) + "\n")
    unknown = [n for n in names if n not in CASES]
    if unknown:
        sys.exit(f"error: not in CASES: {unknown}")
    for name in names or sorted(CASES):
        write(OUT / f"{name}.csv", *columns_of(name, CASES[name], series))
    if not names or set(names) & set(MATH_TRANSFORMS):
        write_math_transforms()


if __name__ == "__main__":
    main(sys.argv[1:])
