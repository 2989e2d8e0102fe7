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


def test_w_argument_takes_neighbour_lists(gdf):
    """A W given as neighbour lists keyed by the frame's index (as libpysal's W.neighbors) is
    used as given: the queen neighbours give the default D(adj) exactly; cutting one area off
    from its neighbours changes it."""
    import cohesion

    queen = cohesion.weights(gdf.reset_index(), id="OA11CD")
    neighbours = {k: list(v) for k, v in queen.neighbors.items()}

    class W:
        neighbors = neighbours

    default = compat.SpatialDissim(gdf, "Pakistani", "Persons").statistic
    assert abs(compat.SpatialDissim(gdf, "Pakistani", "Persons", w=W()).statistic - default) <= 1e-12
    busiest = max(neighbours, key=lambda k: len(neighbours[k]))
    for other in neighbours[busiest]:
        neighbours[other] = [n for n in neighbours[other] if n != busiest]
    neighbours[busiest] = []
    assert abs(compat.SpatialDissim(gdf, "Pakistani", "Persons", w=W()).statistic - default) > 1e-9
    with pytest.raises(TypeError):
        compat.SpatialDissim(gdf, "Pakistani", "Persons", network="roads")
    with pytest.raises(ValueError):
        compat.BoundarySpatialDissim(gdf, "Pakistani", "Persons", standardize=False)
