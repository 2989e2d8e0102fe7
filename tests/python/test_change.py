"""Harmonisation and change 2011 -> 2021 (Bedford LSOAs, five groups), the Shapley
decomposition of the change in M, and typology/decomposition results as frames."""
import numpy as np
import pytest

import cohesion
from conftest import DATA

B = DATA / "bedford"


@pytest.fixture(scope="module")
def tables():
    earlier = cohesion.read_table(B / "oa2011_ethnicity.csv", aggregate="LSOA",
                                  scheme=str(DATA / "schemes" / "ethnicity2011_broad5.csv"))
    later = cohesion.read_table(B / "lsoa2021_ethnic5.csv", scheme=str(DATA / "schemes" / "ethnicity2021_broad5.csv"))
    harmonised = cohesion.harmonise(earlier, B / "lookup_lsoa11_lsoa21.csv", "lsoa11_code", "lsoa21_code",
                                    change_column="change_code", weights_table=str(B / "lsoa2021_ethnic5.csv"))
    return harmonised, later


def test_harmonised_table_keeps_people(tables):
    harmonised, later = tables
    assert harmonised.group_names == later.group_names
    assert harmonised.areas == later.areas
    assert harmonised.history


def test_change_and_shapley(tables):
    harmonised, later = tables
    out = cohesion.change(harmonised, later, label_a="2011", label_b="2021")
    assert "areas" in out and len(out["areas"]) == later.areas
    shapley = [f for k, f in out.items() if "hapley" in f.attrs["title"] or k == "shapley"]
    assert shapley, list(out)
    m_a = cohesion.indices(harmonised, index="mutual_information")["value"].iloc[0]
    m_b = cohesion.indices(later, index="mutual_information")["value"].iloc[0]
    numbers = shapley[0].select_dtypes("number")
    assert np.isclose(numbers.iloc[:, 0].abs().max(), abs(numbers.iloc[:, 0]).max())
    text = " ".join(str(v) for v in shapley[0].iloc[:, 0])
    assert text  # component labels
    values = {str(k): v for k, v in zip(shapley[0].iloc[:, 0], numbers.iloc[:, 0])}
    total = [v for k, v in values.items() if "total" in k.lower() or "difference" in k.lower()]
    if total:
        assert np.isclose(total[0], m_b - m_a, rtol=1e-9, atol=1e-12)


def test_change_map(tables):
    import geopandas as gpd
    harmonised, later = tables
    out = cohesion.change(harmonised, later, boundaries=gpd.read_file(B / "lsoa2021.geojson"))
    assert out["areas"].geometry.notna().all()


def test_typology_and_decompose(bedford_df):
    result = cohesion.typology(bedford_df, host="WhiteBrit", id="OA")
    assert result["summary"]["areas"].sum() == len(result["areas"])
    parts = cohesion.decompose(bedford_df, within="MSOA", id="OA")
    assert set(parts) == {"summary", "parts", "groups"}
    assert np.isclose(parts["groups"]["share_of_M"].sum(), 1.0)


def test_areal_harmonisation_equals_the_cli(tmp_path):
    """OA counts moved onto the 2021 LSOAs by polygon overlap: the same numbers as
    `cohesion harmonise --from-boundaries --to-boundaries`, and nobody lost."""
    import json
    import os
    import subprocess

    data = os.path.join(os.path.dirname(__file__), "..", "..", "data", "bedford")
    table = cohesion.read_table(f"{data}/oa2011_ethnicity.csv")
    moved = cohesion.harmonise_areal(table, f"{data}/oa2011.geojson", f"{data}/lsoa2021.geojson")
    frame = cohesion.table_frame(moved)
    cli = os.environ.get("COHESION_CLI", os.path.join(os.path.dirname(__file__), "..", "..", "build", "release", "bin",
                                                      "cohesion"))
    if not os.path.exists(cli):
        pytest.skip("the cohesion CLI is not built")
    out = subprocess.run([cli, "harmonise", f"{data}/oa2011_ethnicity.csv", "--from-boundaries", f"{data}/oa2011.geojson",
                          "--to-boundaries", f"{data}/lsoa2021.geojson", "--format", "json"],
                         check=True, capture_output=True, text=True)
    rows = json.loads(out.stdout)["rows"]
    assert len(rows) == len(frame)
    groups = list(table.group_names)
    first_group = groups[0]
    by_area = {r["code"]: r[first_group] for r in rows}
    for area, value in zip(frame.index, frame[first_group]):
        assert abs(value - by_area[area]) <= 1e-9 * max(1.0, abs(value))
    assert abs(frame[groups].to_numpy().sum() - cohesion.table_frame(table)[groups].to_numpy().sum()) < 1e-6


def test_shapley_equals_r_segregation(tables):
    """The Shapley decomposition of the change in M on harmonised 2021 LSOAs equals R
    segregation's mutual_difference with converged IPF (../shared/reference), to 1e-9."""
    import json
    from conftest import REFERENCE

    path = REFERENCE / "change_2011_2021.json"
    if not path.exists():
        pytest.skip(f"no reference values at {path}")
    rows = json.loads(path.read_text())["results"]["bedford"]["mutual_difference_harmonised"]["shapley_converged"]["rows"]
    expected = {r["stat"]: r["est"] for r in rows}
    harmonised, later = tables
    shapley = cohesion.change(harmonised, later)["shapley"]
    found = dict(zip(shapley["component"], shapley["value"]))
    for ours, theirs in [("M_A", "M1"), ("M_B", "M2"), ("difference", "diff"), ("additions", "additions"),
                         ("removals", "removals"), ("group_marginal", "group_marginal"),
                         ("unit_marginal", "unit_marginal"), ("structural", "structural")]:
        assert abs(found[ours] - expected[theirs]) <= 1e-9 * max(abs(expected[theirs]), 1e-6), ours


def test_harmonise_progress_counts_areas_in_order():
    """Both harmonisations count to their total, 1, 2, ... in order (areas apportioned;
    source areas overlaid)."""
    earlier = cohesion.read_table(B / "oa2011_ethnicity.csv", aggregate="LSOA")
    calls = []
    cohesion.harmonise(earlier, B / "lookup_lsoa11_lsoa21.csv", "lsoa11_code", "lsoa21_code",
                       progress=lambda done, total: calls.append((done, total)))
    assert calls == [(k + 1, earlier.areas) for k in range(earlier.areas)]
    output_areas = cohesion.read_table(B / "oa2011_ethnicity.csv")
    overlaid = []
    cohesion.harmonise_areal(output_areas, B / "oa2011.geojson", B / "lsoa2021.geojson",
                             progress=lambda done, total: overlaid.append((done, total)))
    assert overlaid == [(k + 1, output_areas.areas) for k in range(output_areas.areas)]
