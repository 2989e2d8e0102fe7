"""Bootstrap, randomisation and comparison: tidy columns, identical results whatever the
thread count, progress callbacks (with the GIL) and cancellation by a raising callback."""
import numpy as np
import pytest

import cohesion


def test_bootstrap_and_randomisation_columns(bedford_df):
    frame = cohesion.indices(bedford_df, id="OA", group="Pakistani", index=["dissimilarity", "isolation"],
                             bootstrap=50, randomisation=50)
    for column in ("index_name", "focal", "estimate", "raw_value", "std_error", "ci_lower", "ci_upper", "bias",
                   "expected_if_random", "excess_over_random", "p_value"):
        assert column in frame.columns
    assert len(frame) == 2
    # The headline is the bias-corrected estimate, inside its own interval (docs/inference.md).
    assert ((frame["ci_lower"] <= frame["estimate"]) & (frame["estimate"] <= frame["ci_upper"])).all()
    assert any("bootstrap" in note for note in frame.attrs["notes"])


def test_threads_do_not_change_results(bedford_df):
    one = cohesion.indices(bedford_df, id="OA", group="Pakistani", index="dissimilarity", bootstrap=40, threads=1)
    two = cohesion.indices(bedford_df, id="OA", group="Pakistani", index="dissimilarity", bootstrap=40, threads=2)
    assert np.array_equal(one["ci_lower"], two["ci_lower"]) and np.array_equal(one["std_error"], two["std_error"])


def test_progress_callback(bedford_df):
    calls = []
    cohesion.indices(bedford_df, id="OA", group="Pakistani", index=["dissimilarity", "gini"], bootstrap=10,
                     progress=lambda done, total: calls.append((done, total)))
    # One set of resamples: progress counts replicate tables, each shared by every index.
    assert calls[-1] == (10, 10)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_raising_callback_cancels(bedford_df):
    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop()

    with pytest.raises(Stop):
        cohesion.indices(bedford_df, id="OA", group=["Pakistani", "Indian"], index="dissimilarity",
                         bootstrap=20, progress=stop)


def test_compare_two_towns(bedford_df):
    table = cohesion.as_table(bedford_df, id="OA")
    a = table.filter("MSOA=E02003620")
    b = table.filter("MSOA=E02003621")
    frame = cohesion.compare(a, b, index="mutual_information", bootstrap=30)
    assert list(frame.columns) == ["index_name", "focal", "versus", "A", "B", "difference", "raw_A", "raw_B",
                                   "raw_difference", "std_error", "ci_lower", "ci_upper", "p_value"]
    assert np.isclose(frame["difference"].iloc[0], frame["B"].iloc[0] - frame["A"].iloc[0])
    assert np.isclose(frame["raw_difference"].iloc[0], frame["raw_B"].iloc[0] - frame["raw_A"].iloc[0])


def test_invalid_threads(bedford_df):
    with pytest.raises(cohesion.CohesionError):
        cohesion.indices(bedford_df, id="OA", index="dissimilarity", threads=-1)
