"""Shared paths and tables for the Python package tests (run by ctest, label python:
/usr/bin/python3 -m pytest with PYTHONPATH=build/release/python)."""
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SHARED = Path(os.environ.get("COHESION_SHARED_DATA", ROOT.parent / "shared" / "data"))
REFERENCE = Path(os.environ.get("COHESION_REFERENCE", ROOT.parent / "shared" / "reference"))
BEDFORD_CSV = DATA / "bedford" / "oa2011_ethnicity.csv"
BEDFORD_GEOJSON = DATA / "bedford" / "oa2011.geojson"
GROUPS = ["WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese",
          "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other"]


@pytest.fixture(scope="session")
def bedford_df():
    import pandas as pd
    return pd.read_csv(BEDFORD_CSV)


@pytest.fixture(scope="session")
def bedford_gdf():
    import geopandas as gpd
    return gpd.read_file(BEDFORD_GEOJSON)


@pytest.fixture(scope="session")
def aspatial_reference():
    path = REFERENCE / "bedford2011_aspatial.json"
    if not path.exists():
        pytest.skip(f"no reference values at {path}")
    return json.loads(path.read_text())


def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
