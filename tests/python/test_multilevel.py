"""cohesion.multilevel (MLID and M/H across every level) on Bedford: the same tables, with the
same numbers, as `cohesion multilevel --format json`."""
import json
import math
import os
import subprocess

import pytest

import cohesion
from conftest import BEDFORD_CSV, ROOT

CLI = os.environ.get("COHESION_CLI", str(ROOT / "build" / "release" / "bin" / "cohesion"))


def cli_json(*args):
    if not os.path.exists(CLI):
        pytest.skip(f"no CLI at {CLI}")
    run = subprocess.run([CLI, "multilevel", str(BEDFORD_CSV), *args, "--format", "json"], capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout)


def same(a, b):
    if isinstance(a, float) and math.isnan(a):
        return b is None or (isinstance(b, float) and math.isnan(b))
    if isinstance(a, float) or isinstance(b, float):
        return b is not None and a is not None and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)
    return a == b


def test_pair_equals_the_cli():
    frames = cohesion.multilevel(BEDFORD_CSV, "OA,LSOA,MSOA", "Pakistani", versus="WhiteBrit", expected_draws=5)
    expected = cli_json("--levels", "OA,LSOA,MSOA", "--group", "Pakistani", "--versus", "WhiteBrit",
                        "--expected-draws", "5")
    tables = expected if isinstance(expected, list) else expected.get("tables", expected)
    assert [f.attrs["title"] for f in frames] == [t["title"] for t in tables]
    for frame, table in zip(frames, tables):
        assert list(frame.columns) == table["columns"]
        assert len(frame) == len(table["rows"])
        for (_, row), want in zip(frame.iterrows(), table["rows"]):
            for column in table["columns"]:
                value = want[column]
                got = row[column]
                got = got.item() if hasattr(got, "item") else got
                assert same(got, value), (frame.attrs["title"], column, got, value)
    # The MLID index and each level's share of the variance are there.
    assert any("Multilevel index of dissimilarity" in f.attrs["title"] for f in frames)


def test_every_group_and_bad_level():
    frames = cohesion.multilevel(BEDFORD_CSV, ["OA", "LSOA", "MSOA"], expected_draws=0)
    every = [f for f in frames if "each group against everyone else" in f.attrs["title"]]
    assert every and len(every[0]) == 14
    with pytest.raises(cohesion.CohesionError, match="LSAO"):
        cohesion.multilevel(BEDFORD_CSV, "OA,LSAO,MSOA")
