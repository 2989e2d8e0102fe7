"""Boundaries from a GeoDataFrame (WKB + CRS) give the same layer, weights and spatial
results as the CLI's file reader; weights as scipy/libpysal views and GAL/GWT files."""
import numpy as np
import pytest

import cohesion
from conftest import BEDFORD_GEOJSON, REFERENCE


@pytest.fixture(scope="module")
def queen(bedford_gdf):
    return cohesion.weights(bedford_gdf, "queen")


def test_layer_from_geodataframe_matches_file(bedford_gdf):
    from_frame = cohesion.as_layer(bedford_gdf)
    from_file = cohesion.read_layer(BEDFORD_GEOJSON)
    assert from_frame.codes == from_file.codes
    assert from_frame.crs == from_file.crs == "EPSG:27700"
    assert np.allclose(from_frame.area_km2, from_file.area_km2, rtol=1e-12)
    assert np.allclose(from_frame.centroid_x, from_file.centroid_x, rtol=1e-12)


def test_weights_match_file_and_reference(bedford_gdf, queen):
    from_file = cohesion.weights(str(BEDFORD_GEOJSON), "queen")
    assert queen.neighbors == from_file.neighbors
    matrix = queen.sparse
    assert matrix.shape == (501, 501) and (matrix != matrix.T).nnz == 0
    reference = REFERENCE / "bedford2011_queen.gal"
    if reference.exists():
        gal = cohesion.read_weights(reference, queen.ids)
        assert {k: sorted(v) for k, v in gal.neighbors.items()} == {k: sorted(v) for k, v in queen.neighbors.items()}


def test_gal_gwt_round_trip(tmp_path, queen):
    queen.write(tmp_path / "q.gal")
    again = cohesion.read_weights(tmp_path / "q.gal", queen.ids)
    assert again.neighbors == queen.neighbors
    knn = cohesion.weights(cohesion.as_layer(cohesion.read_layer(BEDFORD_GEOJSON)), "knn:4")
    knn.write(tmp_path / "k.gwt")
    assert cohesion.read_weights(tmp_path / "k.gwt", knn.ids).neighbors == knn.neighbors
    assert set(len(v) for v in knn.neighbors.values()) == {4}


def test_weights_dicts_round_trip(queen):
    rebuilt = cohesion.Weights.from_dicts(queen.neighbors, queen.weights)
    assert (rebuilt.sparse != queen.sparse).nnz == 0


def test_libpysal_view(queen):
    libpysal = pytest.importorskip("libpysal")
    w = queen.to_libpysal()
    assert w.n == 501 and w.neighbors == queen.neighbors


def test_spatial_indices_frame_equals_file(bedford_df, bedford_gdf):
    a = cohesion.spatial_indices(bedford_df, bedford_gdf, id="OA", group="Pakistani",
                                 index=["spatial_dissimilarity", "absolute_concentration"])
    b = cohesion.spatial_indices(bedford_df, str(BEDFORD_GEOJSON), id="OA", group="Pakistani",
                                 index=["spatial_dissimilarity", "absolute_concentration"])
    assert np.allclose(a["value"], b["value"], rtol=1e-12)
    assert len(a) == 2


def test_hotspots_and_enclaves(bedford_df, bedford_gdf):
    hot = cohesion.hotspots(bedford_df, bedford_gdf, id="OA", group="Pakistani", permutations=99)
    assert "Moran's I (row-standardised)" in list(hot["global"]["statistic"])
    areas = hot["areas"]
    assert len(areas) == 501 and areas.crs is not None and areas.geometry.notna().all()
    assert set(areas["hot_spot"]) <= {"hot", "cold", "ns"}
    found = cohesion.enclaves(bedford_df, bedford_gdf, id="OA", group="Pakistani")
    assert len(found["enclaves"]) >= 1
    assert found["areas"].geometry.notna().all()


def test_spatial_bad_inputs(bedford_df, bedford_gdf):
    import geopandas as gpd
    no_crs = gpd.GeoDataFrame({"OA11CD": bedford_gdf["OA11CD"]}, geometry=list(bedford_gdf.to_crs(27700).geometry))
    with pytest.raises(cohesion.CohesionError, match="no coordinate reference system"):
        cohesion.as_layer(no_crs)
    with pytest.raises(cohesion.CohesionError, match="weights"):
        cohesion.weights(bedford_gdf, "knn:zero")
    lines = bedford_gdf.copy()
    lines["geometry"] = lines.geometry.boundary
    with pytest.raises(cohesion.CohesionError, match="expected a Polygon"):
        cohesion.as_layer(lines)
    reprojected = bedford_gdf.to_crs(4326)
    assert cohesion.as_layer(reprojected).crs == "EPSG:27700"


def test_a_weights_object_drives_the_spatial_analyses(bedford_df, bedford_gdf):
    """Weights built in Python (here from neighbour dicts) are used as given: the same
    queen neighbours give the same D(adj); dropping every neighbour of one area changes it."""
    queen = cohesion.weights(bedford_gdf)
    rebuilt = cohesion.Weights.from_dicts(queen.neighbors, ids=queen.ids)
    default = cohesion.spatial_indices(bedford_df, bedford_gdf, id="OA", group="Pakistani",
                                       index="spatial_dissimilarity")
    given = cohesion.spatial_indices(bedford_df, bedford_gdf, id="OA", group="Pakistani",
                                     index="spatial_dissimilarity", weights=rebuilt)
    assert np.isclose(given["value"].iloc[0], default["value"].iloc[0], rtol=1e-12)
    neighbours = {k: list(v) for k, v in queen.neighbors.items()}
    busiest = max(neighbours, key=lambda k: len(neighbours[k]))
    for other in neighbours[busiest]:
        neighbours[other] = [n for n in neighbours[other] if n != busiest]
    neighbours[busiest] = []
    fewer = cohesion.spatial_indices(bedford_df, bedford_gdf, id="OA", group="Pakistani",
                                     index="spatial_dissimilarity",
                                     weights=cohesion.Weights.from_dicts(neighbours, ids=queen.ids))
    assert not np.isclose(fewer["value"].iloc[0], default["value"].iloc[0], rtol=1e-9)


def test_local_statistics_equal_the_reference(bedford_df):
    """Every area's local Moran (Anselin's scaling, conditional z) and Getis-Ord G* z, and the
    global Moran's I with its randomisation z, as in ../shared/reference (esda/pysal), to 1e-9."""
    import json

    import pandas as pd
    from conftest import REFERENCE

    path = REFERENCE / "bedford2011_local_moran.csv"
    if not path.exists():
        pytest.skip(f"no reference values at {path}")
    reference = pd.read_csv(path).set_index("OA")
    found = cohesion.hotspots(bedford_df, str(BEDFORD_GEOJSON), id="OA", group="Pakistani", permutations=99)
    areas = found["areas"].set_index("area")
    expected = reference.loc[areas.index]
    for column, ref in [("lisa_i", "Ii_anselin"), ("lisa_z", "Z_Ii_cond"), ("gi_star_z", "Z_Gi_star")]:
        assert np.allclose(areas[column], expected[ref], rtol=1e-9, atol=1e-12), column
    moran = json.loads((REFERENCE / "bedford2011_spatial.json").read_text())["autocorrelation"][
        "moran_global_row_standardised"]
    stats = dict(zip(found["global"]["statistic"], found["global"]["value"]))
    assert abs(stats["Moran's I (row-standardised)"] - moran["I"]) <= 1e-9 * moran["I"]
    assert abs(stats["z (randomisation)"] - moran["z_rand"]) <= 1e-9 * moran["z_rand"]
