#!/usr/bin/env python3
"""Generate the TA-Lib reference fixtures under tests/data/talib/.

Usage (from anywhere; paths are resolved relative to this file):

    pip install ta-lib numpy
    python3 scripts/generate_fixtures.py

Inputs: tests/data/ndx_daily.csv and tests/data/index_closes.csv (committed
copies of the real data) plus edge series defined below in closed form. The
edge series use Python's `math` module (not numpy's vectorised sin) so that the
inputs do not depend on numpy's SIMD code paths; every fixture also carries its
inputs, so the Rust tests never recompute them.

Output format: CSV, header row, ',' separator, '\n' line endings, one row per
input point. Numbers are written with repr(float) (shortest round-trip form);
a NaN from TA-Lib (warm-up) is written as an empty cell. Running the script
twice with the same TA-Lib/numpy versions gives byte-identical files.
"""

import csv
import math
import sys
from pathlib import Path

try:
    import numpy as np
    import talib
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"error: {exc}. Install the dependencies: pip install ta-lib numpy")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = DATA / "talib"

# Versions the committed fixtures were generated with (see tests/data/README.md).
EXPECTED_TA_C = "0.8.1"
EXPECTED_WRAPPER = "0.8.2"

EDGE_LEN = 700  # period-200 TEMA has lookback 597, so 103 outputs remain
BAR_LEN = 300

MA_PERIODS = (2, 14, 50, 200)


# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------

def read_columns(path, columns):
    """Read named float columns from a CSV with a header row."""
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {c: np.array([float(r[c]) for r in rows], dtype=np.float64) for c in columns}


def series(fn, n=EDGE_LEN):
    return np.array([float(fn(i)) for i in range(n)], dtype=np.float64)


def spike_value(i):
    if i == 300:
        return 100000.0
    return 100.0 + math.sin(i / 7.0)


def flat_then_trend_value(i):
    # 250 points of 42.0, then +0.5 per step: 42.5 at i = 250, 43.0 at i = 251, ...
    if i < 250:
        return 42.0
    return 42.0 + 0.5 * (i - 249)


def single_series():
    ndx = read_columns(DATA / "ndx_daily.csv", ["close"])["close"]
    assert len(ndx) == 1919, f"expected 1919 NDX rows, got {len(ndx)}"
    return {
        "flat": series(lambda i: 5.0),
        "flat_then_trend": series(flat_then_trend_value),
        "increasing": series(lambda i: 1.0 + 0.25 * i),
        "decreasing": series(lambda i: 1000.0 - 0.75 * i),
        "alternating": series(lambda i: 10.0 if i % 2 == 0 else 11.0),
        "spike": series(spike_value),
        "tiny": series(lambda i: 1e-8 * (1.0 + 0.1 * math.sin(i / 5.0) + 0.001 * i)),
        "huge": series(lambda i: 1e12 * (1.0 + 0.1 * math.sin(i / 5.0) + 0.001 * i)),
        "ndx": ndx,
    }


def bars_from_close(close, open_):
    close = np.asarray(close, dtype=np.float64)
    return {
        "open": np.asarray(open_, dtype=np.float64),
        "high": close.copy(),
        "low": close.copy(),
        "close": close,
    }


def bar_series():
    ndx = read_columns(DATA / "ndx_daily.csv", ["open", "high", "low", "close"])
    assert len(ndx["close"]) == 1919

    flat = series(lambda i: 5.0, BAR_LEN)
    zero_range_close = series(lambda i: 100.0 + math.sin(i / 3.0), BAR_LEN)

    gaps_close = series(lambda i: 100.0 + 10.0 * ((i // 5) % 2) + math.sin(i), BAR_LEN)
    gaps = {
        # open alternates above/below the close: +0.5 on even bars, -0.5 on odd bars
        "open": np.array([c + (0.5 if i % 2 == 0 else -0.5) for i, c in enumerate(gaps_close)]),
        "high": gaps_close + 1.0,
        "low": gaps_close - 1.0,
        "close": gaps_close,
    }
    return {
        "ndx": ndx,
        "flat_bars": bars_from_close(flat, flat),
        "zero_range": bars_from_close(zero_range_close, zero_range_close),
        "gaps": gaps,
    }


# --------------------------------------------------------------------------
# Indicators
# --------------------------------------------------------------------------

def single_columns(x):
    cols = {"input": x}
    for name, fn in (("sma", talib.SMA), ("ema", talib.EMA), ("wma", talib.WMA),
                     ("dema", talib.DEMA), ("tema", talib.TEMA), ("rsi", talib.RSI)):
        for p in MA_PERIODS:
            cols[f"{name}_{p}"] = fn(x, timeperiod=p)
    cols["roc_10"] = talib.ROC(x, timeperiod=10)
    cols["rocp_10"] = talib.ROCP(x, timeperiod=10)
    cols["mom_10"] = talib.MOM(x, timeperiod=10)
    cols["stddev_20"] = talib.STDDEV(x, timeperiod=20, nbdev=1)
    cols["var_20"] = talib.VAR(x, timeperiod=20, nbdev=1)
    for p in (14, 200):
        cols[f"max_{p}"] = talib.MAX(x, timeperiod=p)
    for p in (14, 200):
        cols[f"min_{p}"] = talib.MIN(x, timeperiod=p)
    macd, signal, hist = talib.MACD(x, fastperiod=12, slowperiod=26, signalperiod=9)
    cols["macd"], cols["macdsignal"], cols["macdhist"] = macd, signal, hist
    upper, middle, lower = talib.BBANDS(x, timeperiod=20, nbdevup=2, nbdevdn=2, matype=0)
    cols["bb_upper"], cols["bb_middle"], cols["bb_lower"] = upper, middle, lower
    return cols


def bar_columns(b):
    o, h, l, c = b["open"], b["high"], b["low"], b["close"]
    cols = {"open": o, "high": h, "low": l, "close": c}
    cols["trange"] = talib.TRANGE(h, l, c)
    cols["atr_14"] = talib.ATR(h, l, c, timeperiod=14)
    cols["natr_14"] = talib.NATR(h, l, c, timeperiod=14)
    cols["slowk"], cols["slowd"] = talib.STOCH(
        h, l, c, fastk_period=14, slowk_period=3, slowk_matype=0,
        slowd_period=3, slowd_matype=0)
    cols["fastk"], cols["fastd"] = talib.STOCHF(
        h, l, c, fastk_period=14, fastd_period=3, fastd_matype=0)
    return cols


def pair_columns():
    d = read_columns(DATA / "index_closes.csv", ["ndx", "spx"])
    ndx, spx = d["ndx"], d["spx"]
    assert len(ndx) == 1253, f"expected 1253 index_closes rows, got {len(ndx)}"
    return {
        "ndx": ndx,
        "spx": spx,
        # TA-Lib's BETA treats its FIRST argument as the market (the regressor).
        "beta_spx_ndx_5": talib.BETA(spx, ndx, timeperiod=5),
        "beta_spx_ndx_20": talib.BETA(spx, ndx, timeperiod=20),
        "correl_ndx_spx_20": talib.CORREL(ndx, spx, timeperiod=20),
        "correl_ndx_spx_60": talib.CORREL(ndx, spx, timeperiod=60),
    }


SMALL_PAIR_LEN = 300  # rows of each small-magnitude pair fixture


def beta_correl_columns(ndx, spx):
    """BETA and CORREL of one pair series; the market is BETA's FIRST argument."""
    return {
        "ndx": ndx,
        "spx": spx,
        "beta_spx_ndx_5": talib.BETA(spx, ndx, timeperiod=5),
        "beta_spx_ndx_20": talib.BETA(spx, ndx, timeperiod=20),
        "correl_ndx_spx_20": talib.CORREL(ndx, spx, timeperiod=20),
        "correl_ndx_spx_60": talib.CORREL(ndx, spx, timeperiod=60),
    }


def small_pair_series():
    """Pair series at magnitudes where a fixed zero threshold breaks: the real closes
    scaled by 1e-6 and 1e-9, a benchmark that moves by about 1e-9 per bar, and a pair with
    flat stretches (both flat, then the benchmark alone)."""
    d = read_columns(DATA / "index_closes.csv", ["ndx", "spx"])
    ndx, spx = d["ndx"][:SMALL_PAIR_LEN], d["spx"][:SMALL_PAIR_LEN]
    flat_ndx = ndx.copy()
    flat_spx = spx.copy()
    flat_ndx[100:170] = ndx[100]
    flat_spx[60:170] = spx[60]
    flat_spx[220:] = spx[220]
    tiny = series(lambda i: 1.0 + 1e-9 * math.sin(i / 3.0), SMALL_PAIR_LEN)
    return {
        "scaled_1e-6": (ndx * 1e-6, spx * 1e-6),
        "scaled_1e-9": (ndx * 1e-9, spx * 1e-9),
        "tiny_moves": (ndx, tiny),
        "flat": (flat_ndx, flat_spx),
    }


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def fmt(v):
    v = float(v)
    if math.isnan(v):
        return ""
    if math.isinf(v):
        raise ValueError("infinite value in fixture")
    return repr(v)


def write_csv(path, cols):
    names = list(cols)
    n = len(cols[names[0]])
    for k in names:
        assert len(cols[k]) == n, f"{path.name}: column {k} has {len(cols[k])} rows, expected {n}"
    with open(path, "w", newline="") as fh:
        fh.write(",".join(names) + "\n")
        for i in range(n):
            fh.write(",".join(fmt(cols[k][i]) for k in names) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({n} rows, {len(names)} columns)")


def main():
    c_version = talib.__ta_version__
    if isinstance(c_version, bytes):
        c_version = c_version.decode()
    print(f"TA-Lib C library {c_version}; Python wrapper ta-lib {talib.__version__}; "
          f"numpy {np.__version__}")
    if not c_version.startswith(EXPECTED_TA_C) or talib.__version__ != EXPECTED_WRAPPER:
        print(f"warning: committed fixtures were made with TA-Lib C {EXPECTED_TA_C} / "
              f"ta-lib {EXPECTED_WRAPPER}; outputs may differ", file=sys.stderr)

    # Defaults, set explicitly: classic EMA seeding (SMA of the first n values),
    # no unstable period.
    talib.set_compatibility(0)
    talib.set_unstable_period("ALL", 0)

    OUT.mkdir(parents=True, exist_ok=True)
    for name, x in single_series().items():
        write_csv(OUT / f"single_{name}.csv", single_columns(x))
    for name, b in bar_series().items():
        write_csv(OUT / f"bars_{name}.csv", bar_columns(b))
    write_csv(OUT / "pairs_ndx_spx.csv", pair_columns())
    for name, (ndx, spx) in small_pair_series().items():
        write_csv(OUT / f"pairs_{name}.csv", beta_correl_columns(ndx, spx))


if __name__ == "__main__":
    main()
