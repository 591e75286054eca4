#!/usr/bin/env python3
"""Writes tests/data/talib/abstract_info.json from TA-Lib's own abstract API.

For every TA-Lib function (talib.get_function_groups()): its name, group, inputs, parameters
(names, order, defaults), output names and order, as `talib.abstract.Function(name).info`
reports them. tests/catalog.rs checks every catalog entry that carries a TA-Lib name against
this file, so that names, defaults and output order are TA-Lib's, not retyped.

Usage: pip install ta-lib numpy; python3 scripts/generate_catalog_reference.py
"""

import json
import os

import talib
from talib import abstract

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "talib", "abstract_info.json")


def main():
    functions = []
    for group, names in talib.get_function_groups().items():
        for name in names:
            info = abstract.Function(name).info
            inputs = {}
            for key, value in info["input_names"].items():
                inputs[key] = list(value) if isinstance(value, (list, tuple)) else value
            functions.append(
                {
                    "name": name,
                    "group": group,
                    "inputs": inputs,
                    "parameters": [[key, value] for key, value in info["parameters"].items()],
                    "outputs": list(info["output_names"]),
                }
            )
    functions.sort(key=lambda f: f["name"])
    document = {
        "talib_version": talib.__version__,
        "ma_types": {str(code): name for code, name in talib.MA_Type._lookup.items()},
        "functions": functions,
    }
    with open(OUT, "w") as f:
        json.dump(document, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{len(functions)} functions -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
