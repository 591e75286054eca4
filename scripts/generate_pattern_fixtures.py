#!/usr/bin/env python3
"""Generate the TA-Lib references of the candlestick-pattern parity test (tests/talib_patterns.rs).

Usage (paths are resolved relative to this file):

    pip install ta-lib numpy
    python3 scripts/generate_pattern_fixtures.py            # every series
    python3 scripts/generate_pattern_fixtures.py planted_first   # only these series

Writes tests/data/talib/patterns/<series>.csv: columns open, high, low, close, then one column
per TA-Lib call, named by the catalog spec that builds it (`CDLDOJI`, `CDLEVENINGSTAR(0.3)`):
TA-Lib's integer output, with an empty cell in the lookback (which TA-Lib fills with 0).
Every one of the 61 CDL functions has a column in every series; penetration patterns have
three (TA-Lib's default, 0 and 0.8).

Series:
- `ndx`: the real Nasdaq-100 daily bars of tests/data/talib/coverage/inputs.csv;
- `grid`: a seeded random walk on a 0.25 grid, so that equal prices (and the `>=` / `>`
  edges of the rules) are common;
- `trend`: seeded trending regimes with long bodies, gaps and short pauses (stars, soldiers,
  crows, windows);
- `settings`: the `grid` bars with every candle setting changed (see SETTINGS), checked
  against `CandlePatterns::with_settings`;
- `planted_first`, `planted_second`: hand-built instances of the rare patterns and their near
  misses (one section per half of the alphabet), each after a context of ordinary candles.

After writing, it counts, over all series with default settings, the bars where each pattern
fires with each sign, and prints the patterns that never fire (or miss a sign they can give).
Running it twice gives byte-identical files.
"""

import csv
import sys
from pathlib import Path

try:
    import numpy as np
    import talib
    from talib import abstract
    from talib import _ta_lib as ta_lib
except ImportError as exc:  # pragma: no cover - environment problem
    sys.exit(f"error: {exc}. Install the dependencies: pip install ta-lib numpy")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "talib" / "patterns"
COVERAGE_INPUTS = ROOT / "tests" / "data" / "talib" / "coverage" / "inputs.csv"

EXPECTED_TA_C = "0.8.1"

NAMES = sorted(talib.get_function_groups()["Pattern Recognition"])
PENETRATIONS = {"CDLABANDONEDBABY", "CDLDARKCLOUDCOVER", "CDLEVENINGDOJISTAR", "CDLEVENINGSTAR",
                "CDLMATHOLD", "CDLMORNINGDOJISTAR", "CDLMORNINGSTAR"}
# Patterns that can give both signs (the others give one).
TWO_SIGNED = {"CDL3INSIDE", "CDL3LINESTRIKE", "CDL3OUTSIDE", "CDLABANDONEDBABY", "CDLBELTHOLD",
              "CDLBREAKAWAY", "CDLCLOSINGMARUBOZU", "CDLCOUNTERATTACK", "CDLDOJISTAR",
              "CDLENGULFING", "CDLGAPSIDESIDEWHITE", "CDLHARAMI", "CDLHARAMICROSS",
              "CDLHIGHWAVE", "CDLHIKKAKE", "CDLHIKKAKEMOD", "CDLKICKING", "CDLKICKINGBYLENGTH",
              "CDLLONGLINE", "CDLMARUBOZU", "CDLRISEFALL3METHODS", "CDLSEPARATINGLINES",
              "CDLSHORTLINE", "CDLSPINNINGTOP", "CDLTASUKIGAP", "CDLTRISTAR",
              "CDLXSIDEGAP3METHODS"}

# TA-Lib's candle setting types, in order, and the `settings` series' replacements:
# (range type 0 real body / 1 high-low / 2 shadows, period, factor).
SETTING_NAMES = ["BodyLong", "BodyVeryLong", "BodyShort", "BodyDoji", "ShadowLong",
                 "ShadowVeryLong", "ShadowShort", "ShadowVeryShort", "Near", "Far", "Equal"]
SETTINGS = [(0, 7, 1.5), (1, 4, 0.9), (2, 3, 1.2), (0, 6, 0.25), (2, 3, 1.0), (0, 2, 2.5),
            (0, 4, 0.8), (1, 0, 0.2), (1, 8, 0.3), (0, 3, 1.1), (2, 6, 0.1)]


def specs(name):
    if name in PENETRATIONS:
        default = abstract.Function(name).info["parameters"]["penetration"]
        return [(f"{name}({default:g})", {}), (f"{name}(0)", {"penetration": 0.0}),
                (f"{name}(0.8)", {"penetration": 0.8})]
    return [(name, {})]


def ndx():
    rows = [r for r in csv.DictReader(COVERAGE_INPUTS.open()) if r["series"] == "ndx"]
    return [tuple(float(r[k]) for k in ("open", "high", "low", "close")) for r in rows]


def grid(n=1500, seed=13):
    rng = np.random.default_rng(seed)
    base = 100.0
    bars = []
    for _ in range(n):
        base += float(rng.integers(-3, 4)) * 0.5
        o = base + float(rng.integers(-4, 5)) * 0.25
        c = base + float(rng.integers(-4, 5)) * 0.25
        h = max(o, c) + float(rng.integers(0, 4)) * 0.25
        lo = min(o, c) - float(rng.integers(0, 4)) * 0.25
        bars.append((o, h, lo, c))
    return bars


def trend(n=1000, seed=29):
    rng = np.random.default_rng(seed)
    price = 200.0
    bars = []
    direction = 1
    while len(bars) < n:
        if rng.random() < 0.15:
            direction = -direction
        kind = rng.random()
        if kind < 0.15:  # a gap
            price += direction * float(rng.integers(1, 6)) * 0.5
        body = float(rng.integers(0, 12)) * 0.25 if kind < 0.85 else float(rng.integers(0, 2)) * 0.25
        sign = direction if rng.random() < 0.7 else -direction
        o = price
        c = price + sign * body
        h = max(o, c) + float(rng.integers(0, 5)) * 0.25 * (rng.random() < 0.6)
        lo = min(o, c) - float(rng.integers(0, 5)) * 0.25 * (rng.random() < 0.6)
        bars.append((o, h, lo, c))
        price = c + float(rng.integers(-1, 2)) * 0.25
        price = max(price, 20.0)
    return bars


def context(n=12, price=100.0):
    """Ordinary candles: alternating bodies of 1, ranges of 2."""
    bars = []
    for i in range(n):
        o, c = (price - 0.5, price + 0.5) if i % 2 == 0 else (price + 0.5, price - 0.5)
        bars.append((o, price + 1.0, price - 1.0, c))
    return bars


def checked(bars):
    """The bars, after checking that each is a candle (low <= open, close <= high)."""
    for i, (o, h, lo, c) in enumerate(bars):
        assert lo <= min(o, c) and max(o, c) <= h, f"bar {i} is not a candle: {(o, h, lo, c)}"
    return bars


# ---- planted patterns, names before CDLK ----
def planted_first():
    """Rare patterns of the first half of the alphabet, each with near misses.

    Each instance follows 14 context candles (body 1, range 2 around 100): a long body is
    longer than 1, a doji body at most 0.2, a very short shadow under 0.2, "near" 0.4.
    """
    def near_miss(instance, index, **change):
        bars = [list(b) for b in instance]
        for field, value in change.items():
            bars[index]["ohlc".index(field)] = value
        return [tuple(b) for b in bars]

    instances = []
    # CDL3BLACKCROWS: a white candle, then three black ones with tiny lower shadows, each
    # opening within the previous body.
    crows = [(99.0, 101.5, 98.8, 101.0), (100.8, 101.0, 99.45, 99.5),
             (100.0, 100.1, 98.45, 98.5), (99.0, 99.1, 97.45, 97.5)]
    instances += [crows, near_miss(crows, 3, l=97.0)]
    # CDL3STARSINSOUTH: long black with a long lower shadow, a smaller black within it, a
    # small black marubozu inside the second's range.
    stars = [(101.0, 101.2, 97.5, 99.5), (100.5, 100.6, 98.5, 99.8), (99.6, 99.62, 99.18, 99.2)]
    instances += [stars, near_miss(stars, 2, h=100.0)]
    # CDLABANDONEDBABY, both ways: a doji isolated by gaps between two long bodies.
    top = [(99.0, 101.2, 98.9, 101.0), (101.6, 101.8, 101.4, 101.6), (101.2, 101.3, 99.3, 99.4)]
    bottom = [(101.0, 101.1, 98.8, 99.0), (98.4, 98.6, 98.2, 98.4), (98.8, 100.7, 98.7, 100.6)]
    instances += [top, bottom, near_miss(top, 2, h=101.4), near_miss(bottom, 2, c=99.5)]
    # CDLBREAKAWAY, both ways.
    up = [(99.0, 101.1, 98.9, 101.0), (101.5, 102.1, 101.4, 102.0), (102.0, 102.5, 101.9, 102.4),
          (102.4, 102.9, 102.3, 102.8), (102.8, 102.85, 101.1, 101.2)]
    down = [(101.0, 101.1, 98.9, 99.0), (98.5, 98.6, 97.9, 98.0), (98.0, 98.1, 97.5, 97.6),
            (97.6, 97.7, 97.1, 97.2), (97.2, 98.9, 97.1, 98.8)]
    instances += [up, down, near_miss(up, 4, c=100.9, l=100.8), near_miss(down, 2, h=98.7)]
    # CDLCONCEALBABYSWALL: two black marubozu, a black gapping down with an upper shadow into
    # the second body, a black engulfing it.
    swallow = [(101.0, 101.05, 99.45, 99.5), (99.4, 99.45, 97.95, 98.0),
               (97.6, 98.3, 96.9, 97.0), (98.4, 98.5, 96.4, 96.5)]
    instances += [swallow, near_miss(swallow, 2, h=97.7)]
    # CDLHIKKAKEMOD, both ways, each confirmed on the next bar.
    bull = [(100.5, 102.0, 98.0, 99.5), (100.5, 101.5, 98.5, 98.6), (100.0, 101.0, 99.0, 99.5),
            (100.2, 100.5, 98.8, 99.0), (99.5, 101.6, 99.4, 101.5)]
    bear = [(100.5, 102.0, 98.0, 99.5), (99.0, 101.5, 98.5, 101.4), (99.5, 101.0, 99.0, 100.5),
            (100.0, 101.3, 99.3, 101.0), (100.5, 100.6, 98.7, 98.8)]
    instances += [bull, bear, near_miss(bull, 1, c=99.5), near_miss(bear, 4, c=99.2)]
    # CDL3LINESTRIKE, bearish: three falling black candles, a white one wiping them out.
    strike = [(101.0, 101.1, 99.9, 100.0), (100.2, 100.3, 99.1, 99.2),
              (99.4, 99.5, 98.3, 98.4), (98.2, 101.3, 98.1, 101.2)]
    instances += [strike, near_miss(strike, 3, c=100.9)]
    bars = []
    for instance in instances:
        bars += context(14) + instance
    return checked(bars)


# ---- planted patterns, names from CDLKICKING on ----
def late_second_instances():
    """Rare patterns from CDLSEPARATINGLINES on, each with near misses (the context of
    `planted_first`: a long body is longer than 1, a short one shorter than 1, a doji body at
    most 0.2)."""
    def near_miss(instance, index, **change):
        bars = [list(b) for b in instance]
        for field, value in change.items():
            bars[index]["ohlc".index(field)] = value
        return [tuple(b) for b in bars]

    instances = []
    # CDLTRISTAR, bearish: three dojis, the middle one gapping up, the third below it.
    tristar = [(100.0, 100.5, 99.5, 100.1), (101.0, 101.5, 100.5, 101.05),
               (100.5, 101.0, 100.0, 100.55)]
    instances += [tristar, near_miss(tristar, 2, o=101.0, h=101.1, c=101.05)]
    # CDLUNIQUE3RIVER: a long black candle, a black harami-like one with a lower low, a short
    # white one opening above that low.
    river = [(101.5, 102.0, 98.5, 99.0), (101.0, 101.5, 98.0, 99.5), (98.8, 99.4, 98.7, 99.2)]
    instances += [river, near_miss(river, 2, o=98.0, l=98.0), near_miss(river, 1, l=98.5),
                  near_miss(river, 1, o=101.6, h=101.7)]
    # CDLXSIDEGAP3METHODS, upside: two white candles with a body gap, a black one opening in
    # the second body and closing in the first.
    upside = [(99.5, 101.2, 99.3, 101.0), (101.5, 103.2, 101.4, 103.0), (102.5, 102.7, 100.3, 100.5)]
    instances += [upside, near_miss(upside, 2, o=103.0, h=103.1), near_miss(upside, 2, c=101.0),
                  near_miss(upside, 1, o=101.0, l=100.9)]
    return instances


def planted_second():
    """Rare patterns of the second half of the alphabet, each with near misses."""
    bars = []
    bars += planted_kicking_to_rise_fall()
    for instance in late_second_instances():
        bars += context(14) + instance
    return checked(bars)


def planted_kicking_to_rise_fall():
    """CDLKICKING to CDLRISEFALL3METHODS: instances and near misses, each after 14 context
    candles (body 1, range 2 around 100: a long body is longer than 1, a very short shadow
    under 0.2, "equal" within 0.1)."""
    def near_miss(instance, index, **change):
        bars = [list(b) for b in instance]
        for field, value in change.items():
            bars[index]["ohlc".index(field)] = value
        return [tuple(b) for b in bars]

    instances = []
    # CDLKICKING / CDLKICKINGBYLENGTH: opposite marubozu gapping apart, both ways; a shorter
    # second marubozu (by length: the first colour); equal bodies; no gap.
    kick_up = [(101.0, 101.05, 98.95, 99.0), (101.5, 104.05, 101.45, 104.0)]
    kick_down = [(99.0, 101.05, 98.95, 101.0), (98.5, 98.55, 96.45, 96.5)]
    kick_short = [(101.0, 101.05, 98.95, 99.0), (101.5, 103.05, 101.45, 103.0)]
    kick_equal = [(101.0, 101.05, 98.95, 99.0), (101.5, 103.55, 101.45, 103.5)]
    instances += [kick_up, kick_down, kick_short, kick_equal,
                  near_miss(kick_up, 1, o=101.04, l=101.0)]
    # CDLMATHOLD: long white, three short reaction candles, white close above their highs.
    mat = [(99.0, 101.05, 98.95, 101.0), (101.6, 101.7, 101.3, 101.4),
           (101.2, 101.3, 100.7, 100.8), (100.9, 101.0, 100.5, 100.6),
           (100.7, 102.1, 100.6, 102.0)]
    instances += [mat, near_miss(mat, 4, h=101.65, c=101.6), near_miss(mat, 3, o=100.2, l=100.0, c=100.1)]
    # CDLRISEFALL3METHODS, both ways.
    rising = [(99.0, 101.05, 98.95, 101.0), (100.8, 100.9, 100.3, 100.4),
              (100.5, 100.6, 99.9, 100.0), (100.1, 100.2, 99.5, 99.6),
              (99.7, 101.8, 99.65, 101.7)]
    falling = [(101.0, 101.05, 98.95, 99.0), (99.2, 99.7, 99.1, 99.6),
               (99.5, 100.1, 99.4, 100.0), (99.9, 100.5, 99.8, 100.4),
               (100.3, 100.35, 98.2, 98.3)]
    instances += [rising, falling, near_miss(rising, 4, h=101.0, c=100.9),
                  near_miss(falling, 3, c=99.95, h=100.0)]
    # CDLLADDERBOTTOM.
    ladder = [(102.0, 102.1, 100.9, 101.0), (101.5, 101.6, 100.4, 100.5),
              (101.0, 101.1, 99.9, 100.0), (100.2, 100.8, 99.4, 99.5),
              (100.3, 101.6, 100.2, 101.5)]
    instances += [ladder, near_miss(ladder, 4, h=100.75, c=100.7)]
    # CDLPIERCING, CDLONNECK, CDLMATCHINGLOW.
    piercing = [(101.0, 101.1, 98.9, 99.0), (98.5, 100.6, 98.4, 100.5)]
    on_neck = [(101.0, 101.1, 98.9, 99.0), (98.0, 98.95, 97.9, 98.9)]
    matching = [(100.5, 101.0, 99.0, 99.5), (100.0, 100.5, 99.4, 99.5)]
    instances += [piercing, near_miss(piercing, 1, c=99.9, h=100.0), on_neck,
                  near_miss(on_neck, 1, c=99.05, h=99.1), matching,
                  near_miss(matching, 1, c=99.35, l=99.3)]
    # CDLMORNINGSTAR, CDLMORNINGDOJISTAR.
    star = [(101.0, 101.1, 98.9, 99.0), (98.5, 98.6, 98.2, 98.4), (98.8, 100.7, 98.7, 100.6)]
    doji = [(101.0, 101.1, 98.9, 99.0), (98.4, 98.6, 98.2, 98.4), (98.8, 100.7, 98.7, 100.6)]
    instances += [star, doji, near_miss(star, 2, c=99.5, h=99.6)]
    bars = []
    for instance in instances:
        bars += context(14) + instance
    return bars


SERIES = {
    "ndx": ndx,
    "grid": grid,
    "trend": trend,
    "settings": grid,
    "planted_first": planted_first,
    "planted_second": planted_second,
}


def run(bars, name, params):
    o, h, lo, c = (np.array([b[k] for b in bars], dtype=float) for k in range(4))
    out = getattr(talib, name)(o, h, lo, c, **params)
    lookback = abstract.Function(name, **params).lookback
    return ["" if i < lookback else str(int(v)) for i, v in enumerate(out)]


def write(series):
    bars = SERIES[series]()
    if not bars:
        return None
    if series == "settings":
        for index, (kind, period, factor) in enumerate(SETTINGS):
            ta_lib._ta_set_candle_settings(index, kind, period, factor)
    columns = {}
    try:
        for name in NAMES:
            for spec, params in specs(name):
                columns[spec] = run(bars, name, params)
    finally:
        ta_lib._ta_restore_candle_default_settings(11)
    path = OUT / f"{series}.csv"
    with path.open("w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["open", "high", "low", "close", *columns])
        for i, bar in enumerate(bars):
            out.writerow([repr(x) for x in bar] + [columns[k][i] for k in columns])
    print(f"wrote {path.relative_to(ROOT)} ({len(bars)} bars)")
    return columns


def main():
    version = talib.__ta_version__.decode().split()[0]
    if version != EXPECTED_TA_C:
        print(f"warning: TA-Lib C {version}, fixtures were made with {EXPECTED_TA_C}")
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = sys.argv[1:] or list(SERIES)
    for series in wanted:
        if series not in SERIES:
            sys.exit(f"unknown series {series}; known: {', '.join(SERIES)}")
    for series in wanted:
        write(series)
    # Coverage, with default settings, over every committed series.
    fired = {name: [0, 0] for name in NAMES}
    for series in SERIES:
        if series == "settings":
            continue
        bars = SERIES[series]()
        if not bars:
            continue
        for name in NAMES:
            for spec, params in specs(name):
                for v in run(bars, name, params):
                    if v and int(v) > 0:
                        fired[name][0] += 1
                    elif v and int(v) < 0:
                        fired[name][1] += 1
    missing = []
    for name in NAMES:
        up, down = fired[name]
        if up + down == 0:
            missing.append(f"{name}: never fires")
        elif name in TWO_SIGNED and (up == 0 or down == 0):
            missing.append(f"{name}: only {'bullish' if up else 'bearish'} (+{up} / -{down})")
    print(f"{len(NAMES) - len(missing)} of {len(NAMES)} patterns fire with every sign they have")
    for line in missing:
        print("  " + line)


if __name__ == "__main__":
    main()
