"""DataFrames in and out, the CLI's readers, and bad inputs as CohesionError with the
CLI's messages (never a crash)."""
import numpy as np
import pandas as pd
import pytest

import cohesion
from conftest import BEDFORD_CSV, GROUPS


def test_dataframe_and_csv_give_the_same_table(bedford_df):
    from_frame = cohesion.as_table(bedford_df, id="OA")
    from_file = cohesion.read_table(BEDFORD_CSV)
    assert from_frame.area_codes == from_file.area_codes
    assert from_frame.group_names == from_file.group_names == GROUPS
    assert np.array_equal(from_frame.counts, from_file.counts)
    assert from_frame.declared_total_name == "Persons"
    assert np.array_equal(from_frame.declared_total, from_file.declared_total)
    assert set(from_frame.levels) == {"LSOA", "MSOA", "LAD", "RGN"}
    a = cohesion.indices(from_frame, group="Pakistani")
    b = cohesion.indices(from_file, group="Pakistani")
    pd.testing.assert_frame_equal(a, b)


def test_round_trip(bedford_df):
    table = cohesion.as_table(bedford_df, id="OA")
    frame = cohesion.table_frame(table)
    assert list(frame.index) == list(bedford_df["OA"])
    assert np.array_equal(frame[GROUPS].to_numpy(), bedford_df[GROUPS].to_numpy(dtype=float))
    assert np.array_equal(frame["Persons"].to_numpy(), bedford_df["Persons"].to_numpy(dtype=float))
    assert list(frame["LAD"]) == list(bedford_df["LAD"])
    again = cohesion.as_table(frame)  # named index = the codes
    assert again.area_codes == table.area_codes and np.array_equal(again.counts, table.counts)


def test_counts_are_a_read_only_view(bedford_df):
    table = cohesion.as_table(bedford_df, id="OA")
    counts = table.counts
    assert counts.shape == (501, 14) and counts.flags["F_CONTIGUOUS"] and not counts.flags["WRITEABLE"]
    assert counts.base is not None
    del table  # the view keeps the table alive
    assert counts.sum() > 0


def test_c_ordered_and_integer_input(bedford_df):
    frame = bedford_df[["OA", *GROUPS]].copy()
    table = cohesion.as_table(frame, id="OA", total=False)
    c_ordered = pd.DataFrame(np.ascontiguousarray(frame[GROUPS].to_numpy(dtype=float)), columns=GROUPS)
    c_ordered.insert(0, "OA", frame["OA"])
    assert np.array_equal(cohesion.as_table(c_ordered, id="OA", total=False).counts, table.counts)


def test_read_table_options():
    luton = cohesion.read_table(BEDFORD_CSV, where="LSOA=E01017458", merge="Asian=Indian+Pakistani+Bangladeshi")
    assert luton.areas < 10 and "Asian" in luton.group_names and "Pakistani" not in luton.group_names
    assert any("E01017458" in h for h in luton.history)
    assert cohesion.as_table(BEDFORD_CSV).areas == 501


def test_filter_aggregate_merge(bedford_df):
    table = cohesion.as_table(bedford_df, id="OA")
    lsoa = table.aggregate("LSOA")
    assert lsoa.areas < table.areas
    assert np.isclose(lsoa.counts.sum(), table.counts.sum())
    assert table.filter("MSOA=E02003620").areas > 0


def bad(frame, **options):
    with pytest.raises(cohesion.CohesionError) as error:
        cohesion.indices(frame, **options)
    assert isinstance(error.value, ValueError)
    return str(error.value)


def test_bad_inputs(bedford_df):
    frame = bedford_df[["OA", "Persons", *GROUPS]].copy()
    nan = frame.copy()
    nan.loc[3, "Irish"] = np.nan
    assert bad(nan, id="OA") == "DataFrame:4: column 'Irish': missing value (expected a non-negative count)"
    negative = frame.copy()
    negative.loc[0, "Mixed"] = -2
    assert "negative count -2 (expected a non-negative count)" in bad(negative, id="OA")
    assert bad(frame, id="OA", groups=["Polish"]).startswith("DataFrame:1: column 'Polish': no group column")
    assert "column 'Nope'" in bad(frame, id="Nope")
    text = frame.astype({"Arab": object})
    text.loc[7, "Arab"] = "many"
    assert bad(text, id="OA", groups=GROUPS) == \
        "DataFrame:8: column 'Arab': 'many' is not a number (expected a non-negative count)"
    duplicate = frame.copy()
    duplicate.loc[5, "OA"] = duplicate.loc[4, "OA"]
    assert "duplicate area code" in bad(duplicate, id="OA")
    low_total = frame.copy()
    low_total.loc[2, "Persons"] = 1
    assert "is less than the sum of the group columns" in bad(low_total, id="OA")
    infinite = frame.copy()
    infinite.loc[1, "Other"] = np.inf
    assert "not a finite number" in bad(infinite, id="OA")


def test_errors_match_the_cli_reader(tmp_path, bedford_df):
    frame = bedford_df[["OA", *GROUPS]].copy()
    frame.loc[3, "Irish"] = -1
    path = tmp_path / "bad.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(cohesion.CohesionError) as from_file:
        cohesion.read_table(path)
    with pytest.raises(cohesion.CohesionError) as from_frame:
        cohesion.as_table(frame, id="OA")
    assert from_file.value.reason == from_frame.value.reason == "negative count -1 (expected a non-negative count)"
    assert from_file.value.column == from_frame.value.column == "Irish"
    assert from_file.value.line == 5 and from_frame.value.line == 4  # file lines count the header


def test_unknown_group_and_index(bedford_df):
    with pytest.raises(cohesion.CohesionError, match="Polish"):
        cohesion.indices(bedford_df, id="OA", group="Polish")
    with pytest.raises(cohesion.CohesionError):
        cohesion.indices(bedford_df, id="OA", index="no_such_index")
    with pytest.raises(cohesion.CohesionError):
        cohesion.read_table("/nonexistent/table.csv")
