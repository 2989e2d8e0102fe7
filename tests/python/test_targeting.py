"""Targeting (Census 2021 OA tables) and a whole project, as the CLI runs them."""
import cohesion
from conftest import DATA

CENSUS = str(DATA / "bedford" / "census2021_oa")
LSOA = DATA / "bedford" / "lsoa2021.geojson"


def test_esol_targeting():
    out = cohesion.esol_targeting(CENSUS)
    assert set(out) == {"components", "reach", "areas"}
    assert len(out["areas"]) > 100 and out["areas"].attrs["notes"]


def test_licensing_and_hubs():
    import geopandas as gpd
    lsoas = gpd.read_file(LSOA)
    lic = cohesion.licensing_screen(CENSUS, aggregate="lsoa21cd", boundaries=lsoas)
    assert len(lic["areas"]) == len(lsoas) and lic["areas"].geometry.notna().all()
    stages = []
    hubs = cohesion.hub_siting(CENSUS, lsoas, aggregate="lsoa21cd", hubs=3, solver="heuristic",
                               progress=lambda done, total: stages.append((done, total)))
    assert len(hubs["hubs"]) == 3 and hubs["areas"].geometry.notna().all()
    # Maximal covering, heuristic: coverage, three hubs opened, the swaps, the allocation.
    assert stages == [(k, 6) for k in range(1, 7)]


def test_run_project(tmp_path):
    steps = cohesion.run(DATA / "bedford" / "bedford.toml", tmp_path)
    assert len(steps) > 5
    assert (tmp_path / "report.html").exists() and (tmp_path / "indices.csv").exists()


def test_run_bad_project(tmp_path):
    import pytest
    bad = tmp_path / "bad.toml"
    bad.write_text("[project]\nnme = 1\n")
    with pytest.raises(cohesion.CohesionError):
        cohesion.run(bad, tmp_path / "out")
