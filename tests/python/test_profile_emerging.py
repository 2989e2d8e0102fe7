"""cohesion.profile and cohesion.emerging give the CLI's numbers (`cohesion profile`,
`cohesion emerging --format json` run as a subprocess)."""
import json
import os
import subprocess
from pathlib import Path

import pytest

import cohesion
from conftest import BEDFORD_CSV, BEDFORD_GEOJSON, DATA, ROOT

B = DATA / "bedford"
CLI = Path(os.environ.get("COHESION_CLI", ROOT / "build" / "release" / "bin" / "cohesion"))


def run_cli(*args):
    if not CLI.exists():
        pytest.skip(f"no cohesion CLI at {CLI} (set COHESION_CLI)")
    out = subprocess.run([str(CLI), *map(str, args), "--format", "json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def assert_same_rows(frame, rows, keys, numeric):
    assert len(frame) == len(rows)
    for (_, got), want in zip(frame.iterrows(), rows):
        for k in keys:
            assert str(got[k]) == str(want[k]), (k, got[k], want[k])
        for k in numeric:
            if want[k] is None:
                assert got[k] != got[k]  # NaN
            else:
                assert got[k] == pytest.approx(want[k], rel=1e-9, abs=1e-12), (k, dict(got), want)


def test_profile_matches_cli():
    frame = cohesion.profile(BEDFORD_CSV, BEDFORD_GEOJSON, group="Pakistani", distances=[250, 500, 1000, 2000])
    cli = run_cli("profile", BEDFORD_CSV, "--boundaries", BEDFORD_GEOJSON, "--group", "Pakistani")
    assert list(frame.columns) == cli["columns"]
    assert_same_rows(frame, cli["rows"], ["scale", "index_name", "focal"], ["value"])
    assert frame.attrs["kind"] == "profile"
    assert set(frame["scale"]) == {"aspatial", "250 m", "500 m", "1000 m", "2000 m", "queen neighbours"}


def test_profile_from_geodataframe(bedford_df, bedford_gdf):
    frame = cohesion.profile(bedford_df, bedford_gdf, group="Pakistani", distances=[500], contiguity=False,
                             index="dissimilarity")
    assert list(frame["scale"]) == ["aspatial", "500 m"]
    reference = cohesion.profile(BEDFORD_CSV, BEDFORD_GEOJSON, group="Pakistani", distances=[500],
                                 contiguity=False, index="dissimilarity")
    assert frame["value"].tolist() == pytest.approx(reference["value"].tolist(), rel=1e-9)


def test_profile_unknown_kernel():
    with pytest.raises(cohesion.CohesionError):
        cohesion.profile(BEDFORD_CSV, BEDFORD_GEOJSON, group="Pakistani", kernel="nonsense")


@pytest.fixture(scope="module")
def harmonised(tmp_path_factory):
    earlier = cohesion.read_table(BEDFORD_CSV, aggregate="LSOA",
                                  scheme=str(DATA / "schemes" / "ethnicity2011_broad5.csv"))
    table = cohesion.harmonise(earlier, B / "lookup_lsoa11_lsoa21.csv", "lsoa11_code", "lsoa21_code",
                               weights_table=str(B / "lsoa2021_ethnic5.csv"))
    path = tmp_path_factory.mktemp("emerging") / "a.csv"
    frame = cohesion.table_frame(table)
    frame.to_csv(path)  # area codes in the first column
    return table, path


def test_emerging_matches_cli(harmonised):
    table, path = harmonised
    later = cohesion.read_table(B / "lsoa2021_ethnic5.csv", scheme=str(DATA / "schemes" / "ethnicity2021_broad5.csv"))
    out = cohesion.emerging(table, later, B / "lsoa2021.geojson", group="Asian", permutations=199)
    cli = run_cli("emerging", path, B / "lsoa2021_ethnic5.csv", "--scheme-b", DATA / "schemes" / "ethnicity2021_broad5.csv",
                  "--boundaries", B / "lsoa2021.geojson", "--permutations", 199, "--group", "Asian")
    enclaves, areas = out["enclaves"], out["areas"]
    assert list(enclaves.columns) == cli[0]["columns"]
    assert enclaves.attrs["title"] == cli[0]["title"]
    assert_same_rows(enclaves, cli[0]["rows"], ["enclave", "status", "areas_a", "areas_b", "core_area"],
                     ["population_a", "population_b", "group_a", "group_b", "share_a", "share_b", "annual_growth"])
    assert enclaves["status"].iloc[0] == "persisting"
    assert len(areas) == 117 and hasattr(areas, "geometry")
    assert_same_rows(areas, cli[1]["rows"], ["area", "status", "enclave_a", "enclave_b"],
                     ["share_a", "share_b", "change_pp"])


def test_emerging_unknown_group(harmonised):
    table, _ = harmonised
    later = cohesion.read_table(B / "lsoa2021_ethnic5.csv", scheme=str(DATA / "schemes" / "ethnicity2021_broad5.csv"))
    with pytest.raises(cohesion.CohesionError, match="Polish"):
        cohesion.emerging(table, later, B / "lsoa2021.geojson", group="Polish", permutations=99)
