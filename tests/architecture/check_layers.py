#!/usr/bin/env python3
"""Fails on any #include from a lower layer of src/ to a higher one.

Usage: check_layers.py SRC_DIR          check the tree (ctest architecture.layers)
       check_layers.py --self-test      show that a back-edge is caught (ctest architecture.layers_self_test)

The library layers and their order come from `set(COHESION_LAYERS ...)` in SRC_DIR/CMakeLists.txt
(bottom first); the front ends follow in FRONT_ENDS order. A file in layer L may include headers
of L and of layers listed before L, nothing else. Prints one line per offending include and a
closing "N passed, M failed" line.
"""
import os
import re
import sys
import tempfile

FRONT_ENDS = ["server", "cli", "python"]  # thin layers over the library, each may use the ones before
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_0-9]+)/')


def layer_order(src):
    text = open(os.path.join(src, "CMakeLists.txt"), encoding="utf-8").read()
    text = re.sub(r"#[^\n]*", "", text)  # comments may hold parentheses
    m = re.search(r"set\(COHESION_LAYERS\s+(.*?)\)", text, re.S)
    if not m:
        raise SystemExit(f"check_layers: no set(COHESION_LAYERS ...) in {src}/CMakeLists.txt")
    return m.group(1).split() + FRONT_ENDS


def violations(src):
    order = layer_order(src)
    rank = {name: k for k, name in enumerate(order)}
    found = []
    for layer in sorted(os.listdir(src)):
        folder = os.path.join(src, layer)
        if not os.path.isdir(folder):
            continue
        if layer not in rank:
            found.append(f"{layer}/: a folder that is not a layer (add it to COHESION_LAYERS in the right place)")
            continue
        for root, _, files in os.walk(folder):
            for f in sorted(files):
                if not f.endswith((".hpp", ".cpp", ".h")):
                    continue
                path = os.path.join(root, f)
                for number, line in enumerate(open(path, encoding="utf-8", errors="replace"), 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) in rank and rank[m.group(1)] > rank[layer]:
                        found.append(f"{os.path.relpath(path, src)}:{number}: layer '{layer}' includes "
                                     f"'{m.group(1)}/', a higher layer")
    return found


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "core"))
        os.makedirs(os.path.join(tmp, "io"))
        with open(os.path.join(tmp, "CMakeLists.txt"), "w") as f:
            f.write("set(COHESION_LAYERS\n  core   # bottom\n  io)\n")
        with open(os.path.join(tmp, "io", "reader.cpp"), "w") as f:
            f.write('#include "core/table.hpp"\n')
        clean = violations(tmp)
        with open(os.path.join(tmp, "core", "table.cpp"), "w") as f:
            f.write('#include "io/reader.hpp"  // the back-edge\n')
        dirty = violations(tmp)
    ok_clean, ok_dirty = not clean, len(dirty) == 1 and "core/table.cpp:1" in dirty[0]
    print(f"{'ok' if ok_clean else 'FAILED'}: a tree without back-edges passes {clean}")
    print(f"{'ok' if ok_dirty else 'FAILED'}: a back-edge core -> io is caught: {dirty}")
    passed = ok_clean + ok_dirty
    print(f"{passed} passed, {2 - passed} failed")
    return 0 if passed == 2 else 1


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    found = violations(sys.argv[1])
    for v in found:
        print(v)
    print(f"{0 if found else 1} passed, {1 if found else 0} failed")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
