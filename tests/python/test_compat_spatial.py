"""pysal's spatial classes through cohesion.compat equal pysal 2.5's values for Bedford
(../shared/reference/bedford2011_spatial.json), with pysal's arguments."""
import json

import pytest

from cohesion import compat
from conftest import REFERENCE, close


@pytest.fixture(scope="module")
def pysal_values():
    path = REFERENCE / "bedford2011_spatial.json"
    if not path.exists():
        pytest.skip(f"no reference values at {path}")
    return json.loads(path.read_text())["spatial_indices_pysal_2_5"]


@pytest.fixture(scope="module")
def gdf(bedford_df, bedford_gdf):
    frame = bedford_gdf[["OA11CD", "geometry"]].merge(bedford_df, left_on="OA11CD", right_on="OA")
    return frame.set_index("OA11CD")


@pytest.mark.parametrize("cls, key, options", [
    ("SpatialDissim", "SpatialDissim", {}),
    ("SpatialDissim", "SpatialDissim_w_queen_standardize", {"standardize": True}),
    ("BoundarySpatialDissim", "BoundarySpatialDissim", {}),
    ("PARDissim", "PARDissim", {}),
    ("AbsoluteConcentration", "AbsoluteConcentration", {}),
    ("RelativeConcentration", "RelativeConcentration", {}),
    ("AbsoluteCentralization", "AbsoluteCentralization", {}),
    ("RelativeCentralization", "RelativeCentralization", {}),
    ("AbsoluteCentralization", "AbsoluteCentralization_center_median", {"center": "median"}),
    ("RelativeCentralization", "RelativeCentralization_center_median", {"center": "median"}),
    ("SpatialProxProf", "SpatialProxProf", {}),
    ("Delta", "Delta", {}),
])
def test_pysal_spatial_classes(gdf, pysal_values, cls, key, options):
    statistic = getattr(compat, cls)(gdf, "Pakistani", "Persons", **options).statistic
    assert close(statistic, pysal_values[key]), (cls, options, statistic, pysal_values[key])


def test_w_argument_takes_neighbour_lists(gdf, pysal_values):
    """A W given as neighbour lists keyed by the frame's index (as libpysal's W.neighbors)
    gives the same D(adj) as the default queen contiguity."""
    default = compat.SpatialDissim(gdf, "Pakistani", "Persons")
    touching = {}
    geoms = gdf.geometry
    index = gdf.sindex
    for key, geom in zip(gdf.index, geoms):
        near = index.query(geom, predicate="intersects")
        touching[key] = [gdf.index[j] for j in near if gdf.index[j] != key]

    class W:
        neighbors = touching

    given = compat.SpatialDissim(gdf, "Pakistani", "Persons", w=W())
    assert abs(given.statistic - default.statistic) < 1e-3
    with pytest.raises(TypeError):
        compat.SpatialDissim(gdf, "Pakistani", "Persons", network="roads")
