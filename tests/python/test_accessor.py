"""`frame.cohesion.plot()` picks the figure from attrs["kind"] and returns an Axes."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

import cohesion  # noqa: E402
from conftest import BEDFORD_CSV, BEDFORD_GEOJSON, DATA  # noqa: E402

B = DATA / "bedford"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_indices_plot():
    frame = cohesion.indices(BEDFORD_CSV, group="Pakistani", simulated=False)
    assert frame.attrs["kind"] == "indices"
    assert isinstance(frame.cohesion.plot(), Axes)


def test_local_plot_table_and_map(bedford_gdf):
    frame = cohesion.local(BEDFORD_CSV)
    assert frame.attrs["kind"] == "local"
    assert isinstance(frame.cohesion.plot("local_divergence"), Axes)
    mapped = cohesion.local(BEDFORD_CSV, boundaries=bedford_gdf)
    assert mapped.attrs["kind"] == "local" and hasattr(mapped, "geometry")
    ax = mapped.cohesion.plot("local_divergence")
    assert isinstance(ax, Axes) and ax.get_title() == "local_divergence"
    assert isinstance(mapped.cohesion.plot(), Axes)  # default column


def test_shapley_plot():
    earlier = cohesion.read_table(BEDFORD_CSV, aggregate="LSOA",
                                  scheme=str(DATA / "schemes" / "ethnicity2011_broad5.csv"))
    later = cohesion.read_table(B / "lsoa2021_ethnic5.csv", scheme=str(DATA / "schemes" / "ethnicity2021_broad5.csv"))
    a = cohesion.harmonise(earlier, B / "lookup_lsoa11_lsoa21.csv", "lsoa11_code", "lsoa21_code",
                           weights_table=str(B / "lsoa2021_ethnic5.csv"))
    frame = cohesion.change(a, later)["shapley"]
    assert frame.attrs["kind"] == "shapley"
    assert isinstance(frame.cohesion.plot(), Axes)


def test_profile_plot():
    frame = cohesion.profile(BEDFORD_CSV, BEDFORD_GEOJSON, group="Pakistani", index="dissimilarity,isolation")
    ax = frame.cohesion.plot()
    assert isinstance(ax, Axes)
    assert len(ax.get_lines()) == 2


def test_plain_frame_has_no_plot():
    import pandas as pd
    with pytest.raises(ValueError, match="kind"):
        pd.DataFrame({"a": [1]}).cohesion.plot()
