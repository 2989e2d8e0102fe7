#!/usr/bin/env python3
"""Fails on a string literal naming a command-line flag ("--where") in src/ outside src/cli/.

Usage: check_flag_names.py SRC_DIR        check the tree (ctest architecture.flag_names)
       check_flag_names.py --self-test    show that a flag in a library message is caught

Why: the library is called from the command line, the project file and the HTTP API, and a
message about `--merge` means nothing to someone who wrote `merge = [...]` in a TOML file or
sent `?group=`. Library errors name the field (cohesion::Field, core/error.hpp) and mention
other fields with field_ref(); each front end names them in its own terms. Comments may name
flags; string literals may not, except the few in ALLOWED (text about how the server itself
was started, and an example command line). Prints one line per literal and "N passed, M failed".
"""
import os
import re
import sys
import tempfile

from guard_report import report

FLAG = re.compile(r"--[a-z]")

# (file under src/, text of the literal it may contain): each says why.
ALLOWED = [
    # The OpenAPI description and the 403 describe how the server was started (serve's options).
    ("server/openapi.cpp", ""),
    ("server/api.cpp", "--token"),
    ("server/api.cpp", "--allow-host"),
    # A dataset served without census tables, change or an atlas: the client is told how the
    # server must be started.
    ("server/api_routes_targeting.cpp", "--census"),
    ("server/api_routes_datasets.cpp", "serve --project"),
    ("server/api_routes_national.cpp", "start it with --"),
    # The docstring of the Python function that runs a cohesion command line.
    ("python/run_binding.cpp", "'--output'"),
    # The index formulas page (`cohesion docs`, docs/indices.md) documents the commands' options.
    ("analysis/index_docs.cpp", ""),
]


def literals(text):
    """(line, contents) of every string literal in C++ source, comments skipped."""
    out, i, line, n = [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif c == "'" and not (i > 0 and (text[i - 1].isalnum())):  # a char literal; 1'000 digit separators aside
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if not m:
                i += 1
                continue
            close = ")" + m.group(1) + '"'
            end = text.find(close, i + m.end())
            end = n if end < 0 else end
            out.append((line, text[i + m.end():end]))
            line += text.count("\n", i, end)
            i = end + len(close)
        elif c == '"':
            j, s = i + 1, []
            while j < n and text[j] != '"' and text[j] != "\n":
                if text[j] == "\\":
                    s.append(text[j:j + 2])
                    j += 2
                else:
                    s.append(text[j])
                    j += 1
            out.append((line, "".join(s)))
            i = j + 1
        else:
            i += 1
    return out


def violations(src):
    found = []
    checked = 0
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel_root = os.path.relpath(root, src)
        if rel_root == "cli" or rel_root.startswith("cli" + os.sep):
            continue
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp", ".h")):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            checked += 1
            for line, text in literals(open(path, encoding="utf-8", errors="replace").read()):
                if not FLAG.search(text):
                    continue
                if any(rel == f and allowed in text for f, allowed in ALLOWED):
                    continue
                shown = text if len(text) <= 80 else text[:77] + "..."
                found.append(f"src/{rel}:{line}: \"{shown}\" names a command-line flag; throw Error(Field{{\"...\"}}, ...) "
                             "or mention the field with field_ref(\"...\") (core/error.hpp)")
    return checked, found


def self_test():
    with tempfile.TemporaryDirectory() as src:
        os.makedirs(os.path.join(src, "core"))
        os.makedirs(os.path.join(src, "cli"))
        with open(os.path.join(src, "core", "bad.cpp"), "w") as f:
            f.write('// a comment may say --where\nvoid f() { throw Error("check --where"); }\n'
                    'const char* ok = "a - b -- c"; char q = \'"\';\n')
        with open(os.path.join(src, "cli", "fine.cpp"), "w") as f:
            f.write('void g() { add_option("--where", w); }\n')
        _, found = violations(src)
        if len(found) != 1 or "bad.cpp:2" not in found[0]:
            print("self-test failed: expected exactly src/core/bad.cpp:2, got", found)
            return 1
        print("self-test: caught", found[0])
        print("1 passed, 0 failed")
        return 0


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "--self-test":
        return self_test()
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    return report(*violations(sys.argv[1]))


if __name__ == "__main__":
    sys.exit(main())
