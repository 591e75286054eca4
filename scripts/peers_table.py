#!/usr/bin/env python3
"""Turns the output of `cargo bench --bench peers` into the README's speed table.

Usage (from the repository's root):

    cargo bench --bench peers
    python3 scripts/peers_talib_timings.py > target/criterion/peers-talib.json   # optional
    python3 scripts/peers_table.py [--label before] [--csv]

Reads target/criterion/peers-*/<library>/new/sample.json (criterion's samples: iterations
and total time of each) and benchmark.json (the number of elements of a pass), prints ns per
update of the best sample (the least disturbed by the rest of a shared machine; `--median`
for criterion's median estimate instead; `--base` reads criterion's previous run, `base/`)
for the crate, the hand-written loop (a running sum where the indicator has one), the
drift-free hand loop (the crate's drift-free sums written plainly, for SMA, WMA, STDDEV,
Bollinger, MFI, the stochastic, OBV, AD and ADOSC) and each peer, with the crate's ratio to both loops and to the fastest peer that
computes the same numbers, and the slice path's
(`update_slice`, or the column paths `bands_into` and `lines_into`, where the bench times it) ratio to TA-Lib's batch call (the bench checks that before
timing), then the memory table the bench wrote (target/criterion/peers-memory.json).
A TA-Lib batch column is added when target/criterion/peers-talib.json exists; TA-Lib counts as
a peer for the "fastest peer" ratio.
"""

import argparse
import datetime
import json
import os
import platform
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CRITERION = os.path.join(ROOT, "target", "criterion")

ROWS = [
    ("sma50", "SMA(50)"),
    ("ema50", "EMA(50)"),
    ("rsi14", "RSI(14)"),
    ("macd", "MACD(12,26,9)"),
    # The streaming update read for all five outputs (upper, middle, lower, %B, bandwidth),
    # as the hand loops compute them; the peers compute the three bands only, so their
    # ratio is taken on the next row.
    ("bollinger", "Bollinger(20,2), 5 outputs", {"no_peer_ratio": True,
                                                 "talib": "Bollinger(20,2)"}),
    # The streaming update read for the three bands only, as the peers compute them (an
    # inlined update drops the divisions of %B and the bandwidth when nobody reads them).
    ("bollinger", "Bollinger(20,2), 3 bands", {"ours": "ta_stream_bands", "loops": False,
                                               "talib": "Bollinger(20,2)"}),
    ("atr14", "ATR(14)"),
    ("stochastic", "Stochastic(14,3,3)"),
    ("max20", "MAX(20)"),
    ("stddev20", "STDDEV(20)"),
    ("wma20", "WMA(20)"),
    ("obv", "OBV"),
    ("cci20", "CCI(20)"),
    ("willr14", "WILLR(14)"),
    ("mfi14", "MFI(14)"),
    ("adx14", "ADX(14)"),
    # TA-Lib functions `kand` also has (no hand loop but for AD and ADOSC, which have a plain
    # and a drift-free one).
    ("dema30", "DEMA(30)"),
    ("tema30", "TEMA(30)"),
    ("t3", "T3(5,0.7)"),
    ("trix30", "TRIX(30)"),
    ("roc10", "ROC(10)"),
    ("mom10", "MOM(10)"),
    ("midpoint14", "MIDPOINT(14)"),
    ("natr14", "NATR(14)"),
    ("ad", "AD"),
    ("adosc", "ADOSC(3,10)"),
    ("bop", "BOP"),
]
PEERS = ["ta", "yata", "kand"]


def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ns_per_update(group, library, run="new", median=False):
    base = os.path.join(CRITERION, f"peers-{group}", library, run)
    try:
        with open(os.path.join(base, "estimates.json")) as f:
            estimates = json.load(f)
        with open(os.path.join(base, "sample.json")) as f:
            sample = json.load(f)
        with open(os.path.join(base, "benchmark.json")) as f:
            benchmark = json.load(f)
    except OSError:
        return None
    elements = (benchmark.get("throughput") or {}).get("Elements")
    if not elements:
        return None
    if median:
        return estimates["median"]["point_estimate"] / elements
    best = min(t / i for t, i in zip(sample["times"], sample["iters"]))
    return best / elements


def fmt(x):
    if x is None:
        return "—"
    return f"{x:.2f}" if x < 100 else f"{x:.0f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--label", default="", help="a word for the header line")
    parser.add_argument("--median", action="store_true", help="criterion's median, not the best sample")
    parser.add_argument("--base", action="store_true", help="criterion's previous run (base/)")
    args = parser.parse_args()
    run = "base" if args.base else "new"

    talib = {}
    talib_path = os.path.join(CRITERION, "peers-talib.json")
    if os.path.exists(talib_path):
        with open(talib_path) as f:
            talib = json.load(f)

    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    label = f" ({args.label})" if args.label else ""
    print(f"ns per update{label}, {when}, {cpu()}, {os.cpu_count()} cores, "
          "one run of `cargo bench --bench peers` ("
          + ("criterion's median" if args.median else "best") + " of 10 samples, "
          "2,000,000 updates a pass)\n")
    header = ["indicator", "ta-stream", "ta-stream slice", "hand loop", "drift-free loop",
              "ta 0.5", "yata 0.7", "kand 0.2 (batch)"]
    if talib:
        header.append("TA-Lib batch")
    header += ["vs hand loop", "vs drift-free loop", "vs fastest peer", "slice vs TA-Lib"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for group, name, *options in ROWS:
        options = options[0] if options else {}
        ours = ns_per_update(group, options.get("ours", "ta_stream"), run, args.median)
        if ours is None and "ours" in options:
            continue  # a bench run from before that row existed
        loops = options.get("loops", True)
        loop = ns_per_update(group, "hand_loop", run, args.median) if loops else None
        drift_free = ns_per_update(group, "drift_free_loop", run, args.median) if loops else None
        peers = [ns_per_update(group, peer, run, args.median) for peer in PEERS]
        sliced = ns_per_update(group, "ta_stream_slice", run, args.median)
        cells = [name, fmt(ours), fmt(sliced), fmt(loop), fmt(drift_free)] + [fmt(p) for p in peers]
        known = [p for p in peers if p is not None]
        talib_name = options.get("talib", name)
        t = talib.get(talib_name)
        if talib:
            cells.append(fmt(t))
            if t is not None:
                known.append(t)
        fastest = None if options.get("no_peer_ratio") or not known else min(known)
        cells.append(f"{ours / loop:.2f}x" if ours and loop else "—")
        cells.append(f"{ours / drift_free:.2f}x" if ours and drift_free else "—")
        cells.append(f"{ours / fastest:.2f}x" if ours and fastest else "—")
        cells.append(f"{sliced / t:.2f}x" if sliced and t else "—")
        print("| " + " | ".join(cells) + " |")

    memory_path = os.path.join(CRITERION, "peers-memory.json")
    if os.path.exists(memory_path):
        with open(memory_path) as f:
            memory = json.load(f)
        print("\nMemory per instance, bytes (`size_of` + heap):\n")
        libraries = []
        for row in memory:
            if row["library"] not in libraries:
                libraries.append(row["library"])
        print("| indicator | " + " | ".join(libraries) + " |")
        print("|" + "---|" * (len(libraries) + 1))
        indicators = []
        for row in memory:
            if row["indicator"] not in indicators:
                indicators.append(row["indicator"])
        for indicator in indicators:
            cells = [indicator]
            for library in libraries:
                found = [r for r in memory if r["indicator"] == indicator and r["library"] == library]
                if found:
                    r = found[0]
                    cells.append(f"{r['size_of'] + r['heap']:,} ({r['size_of']} + {r['heap']:,})")
                else:
                    cells.append("—")
            print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
