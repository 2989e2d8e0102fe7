#!/usr/bin/env python3
"""Fails on an output field name in src/ that an analyst could not use unquoted.

Usage: check_field_names.py SRC_DIR KEYWORDS     check the tree (ctest architecture.field_names)
       check_field_names.py --self-test KEYWORDS show that `index` and "share MAE" are caught

Why (issue 13 §5): the columns of a ResultTable become CSV headers, JSON keys, GeoJSON
properties and GeoPackage fields, which people use in pandas, R, SQL and QGIS expressions.
Each must be snake_case (^[A-Za-z][A-Za-z0-9_]*$) and not an SQL keyword (KEYWORDS,
tests/data/sql_keywords.txt). The CLI test CliRun.BundledBedfordProjectWritesEveryOutputAndTheReport
checks the files of a whole study; this check reads the source, so it also covers the tables
that study does not write (atlas, findings, simulate --validate, ...). It looks at the string
literals in `columns = {...}`, `columns.push_back(...)`, `columns.emplace_back(...)`,
`columns.insert(..., {...})` and `OGRFieldDefn name("...")`. A literal joined to a group name
(`"share_" + g`) is part of a name: only its characters are checked. Prints one line per
name refused and "N passed, M failed".
"""
import os
import re
import sys
import tempfile

from guard_report import report

PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
PART = re.compile(r"^[A-Za-z0-9_]*$")
# The places a field name is written, and the text that holds the names (group "body").
SITES = [
    re.compile(r"\bcolumns\s*=\s*\{(?P<body>[^{}]*)\}"),
    re.compile(r"\bcolumns\.(?:push_back|emplace_back)\((?P<body>[^;]*?)\)\s*;"),
    re.compile(r"\bcolumns\.insert\([^;{]*\{(?P<body>[^{}]*)\}\s*\)"),
    re.compile(r"\bOGRFieldDefn\s+\w+\((?P<body>\"[^\"]*\")"),
]
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def keywords(path):
    words = set()
    for line in open(path, encoding="utf-8"):
        if not line.startswith("#"):
            words.update(line.split())
    return words


def without_comments(text):
    """The source with // and /* */ comments blanked (newlines kept, so lines still count)."""
    out, i, n = [], 0, len(text)
    while i < n:
        if text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def refused(body, words):
    """(name, why) for each literal in a site's body that is not a plain field name."""
    found = []
    for m in LITERAL.finditer(body):
        name = m.group(1)
        before = body[:m.start()].rstrip()[-1:]
        after = body[m.end():].lstrip()[:1]
        whole = before in ("", "{", ",", "(") and after in ("", "}", ",", ")")
        if whole and not PLAIN.match(name):
            found.append((name, "not snake_case"))
        elif not whole and not PART.match(name):
            found.append((name, "part of a name that is not snake_case"))
        elif whole and name.lower() in words:
            found.append((name, "an SQL keyword"))
    return found


def violations(src, words):
    found, checked = [], 0
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".cpp"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src).replace(os.sep, "/")
            text = without_comments(open(path, encoding="utf-8", errors="replace").read())
            for site in SITES:
                for m in site.finditer(text):
                    checked += 1
                    line = text.count("\n", 0, m.start()) + 1
                    for field, why in refused(m.group("body"), words):
                        found.append(f"src/{rel}:{line}: output field \"{field}\" is {why}; use a snake_case name "
                                     "such as index_name or group_name (docs/conventions.md)")
    return checked, found


def self_test(words):
    with tempfile.TemporaryDirectory() as src:
        os.makedirs(os.path.join(src, "analysis"))
        with open(os.path.join(src, "analysis", "bad.cpp"), "w") as f:
            f.write('// columns = {"index"} in a comment is fine\n'
                    'void f() { t.columns = {"index_name", "index", "rank"};\n'
                    '  for (auto& g : groups) t.columns.push_back("share_" + g);\n'
                    '  t.columns.push_back("share MAE"); }\n')
        _, found = violations(src, words)
        if len(found) != 2 or "bad.cpp:2" not in found[0] or "\"index\"" not in found[0] or "bad.cpp:4" not in found[1]:
            print("self-test failed: expected src/analysis/bad.cpp:2 (index) and :4 (share MAE), got", found)
            return 1
        for f in found:
            print("self-test: caught", f)
        print("1 passed, 0 failed")
        return 0


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--self-test":
        return self_test(keywords(sys.argv[2]))
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    return report(*violations(sys.argv[1], keywords(sys.argv[2])))


if __name__ == "__main__":
    sys.exit(main())
