"""Every Bedford value of ../shared/reference/bedford2011_aspatial.json reachable through
the Python API, to 1e-9 relative (simulated ones within the file's 0.01)."""
import pytest

import cohesion
from conftest import GROUPS, close


@pytest.fixture(scope="module")
def pakistani(bedford_df):
    return cohesion.indices(bedford_df, group="Pakistani", id="OA", total="Persons", simulated=True)


@pytest.fixture(scope="module")
def multigroup(bedford_df):
    return cohesion.indices(bedford_df[["OA", *GROUPS]], id="OA", total=False, group=[])


def library_value(frame, library_name, focal=None):
    names = cohesion.list_indices().set_index("library_name")["name"]
    rows = frame[frame["index_name"] == names[library_name]]
    if focal is not None:
        rows = rows[rows["focal"] == focal]
    assert len(rows) == 1, (library_name, rows)
    return float(rows["value"].iloc[0])


def test_two_group_indices(pakistani, aspatial_reference):
    for name, expected in aspatial_reference["twogroup"].items():
        assert close(library_value(pakistani, name, "Pakistani"), expected), name


def test_two_group_simulated_indices(pakistani, aspatial_reference):
    for name, expected in aspatial_reference["twogroup_stochastic"].items():
        assert abs(library_value(pakistani, name, "Pakistani") - expected) <= 0.01, name


def test_pair(bedford_df, aspatial_reference):
    frame = cohesion.indices(bedford_df, group="Pakistani", versus="WhiteBrit", index="dissimilarity", id="OA")
    assert close(frame["value"].iloc[0], aspatial_reference["twogroup_pair"]["Dissim_Pakistani_vs_WhiteBrit"])


def test_multigroup_indices(multigroup, aspatial_reference):
    for name, expected in aspatial_reference["multigroup"].items():
        library_name = "MultiDiversity(normalized)" if name == "MultiDiversity_normalized" else name
        assert close(library_value(multigroup, library_name), expected), name


def test_mutual_information_within(bedford_df, aspatial_reference):
    ref = aspatial_reference["mutual_information"]
    table = cohesion.as_table(bedford_df[["OA", "LSOA", "MSOA", *GROUPS]], id="OA", total=False)
    for level in ("MSOA", "LSOA"):
        summary = cohesion.decompose(table, within=level)["summary"].set_index("component")
        assert close(summary.loc["total", "M"], ref["M"])
        assert close(summary.loc["total", "H"], ref["H"])
        assert close(summary.loc[f"within {level}", "M"], ref[f"within_{level}"]["M"])
        assert close(summary.loc[f"within {level}", "H"], ref[f"within_{level}"]["H"])


def test_local_segregation(bedford_df, aspatial_reference):
    ref = aspatial_reference["mutual_local"]
    frame = cohesion.local(bedford_df[["OA", *GROUPS]], id="OA", total=False, index="local_segregation")
    ls_column = [c for c in frame.columns if c.startswith("local_segregation") or c == "ls"][0]
    ls = frame.set_index("area")[ls_column]
    assert close(ls.max(), ref["ls_max"])
    assert close(ls.min(), ref["ls_min"])
    assert close(ls.mean(), ref["ls_mean"])
    assert ls.idxmax() == ref["unit_max_ls"]
    for unit in ref["first_units"]:
        assert close(ls[unit["unit"]], unit["ls"])
    population = frame.set_index("area")["population"]
    assert close(float((population / population.sum() * ls).sum()), ref["sum_p_ls"])


def test_compat_classes(bedford_df, aspatial_reference):
    from cohesion import compat
    two = aspatial_reference["twogroup"]
    assert close(compat.Dissim(bedford_df, "Pakistani", "Persons").statistic, two["Dissim"])
    assert close(compat.GiniSeg(bedford_df, group_pop_var="Pakistani", total_pop_var="Persons").statistic, two["Gini"])
    assert close(compat.Entropy(bedford_df, "Pakistani", "Persons").statistic, two["Entropy"])
    assert close(compat.Isolation(bedford_df, "Pakistani", "Persons").statistic, two["Isolation"])
    assert close(compat.Exposure(bedford_df, "Pakistani", "Persons").statistic, two["Interaction"])
    assert close(compat.Atkinson(bedford_df, "Pakistani", "Persons").statistic, two["Atkinson"])
    multi = aspatial_reference["multigroup"]
    assert close(compat.MultiDissim(bedford_df, groups=GROUPS).statistic, multi["MultiDissim"])
    assert close(compat.MultiInformationTheory(bedford_df, GROUPS).statistic, multi["MultiInfoTheory"])
    assert close(compat.MultiGini(bedford_df, GROUPS).statistic, multi["MultiGini"])
    assert close(compat.MultiDiversity(bedford_df, GROUPS, normalized=True).statistic,
                 multi["MultiDiversity_normalized"])
    assert close(compat.SimpsonsInteraction(bedford_df, GROUPS).statistic, multi["SimpsonsInteraction"])
