#!/usr/bin/env python3
"""Time the same national aspatial jobs through cohesion (Python) and pysal `segregation`
2.5 in ONE Python process, check the values agree, and compare with the C++ CLI.

    PYTHONPATH=build/release/python:../shared/anchors/src/pysal-segregation-v2.5 \
        /usr/bin/python3 bench/python_vs_pysal.py [--cli build/release/bin/cohesion] [--json out.json]

Jobs on ../shared/data/ew2011_oa_ethnicity.csv.gz (181,408 OAs x 14 groups): every
deterministic two-group index pysal has (Pakistani vs the rest, total = Persons) and every
multigroup index except MultiGini (pysal's needs n x n temporaries: 260 GB here). Timed:
pysal's constructor per index (median of --repeat calls; numba-jitted ones after a warm-up
call), cohesion's `indices` call on the same list, and the whole `--no-simulated` suite from
Python (read + indices) against the CLI doing the same (`cohesion indices FILE --group
Pakistani --no-simulated`, wall time of the process, best of --repeat).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
import pandas as pd

import cohesion

GROUPS = ["WhiteBrit", "Irish", "OtherWhite", "Mixed", "Indian", "Pakistani", "Bangladeshi", "Chinese",
          "OtherAsian", "BlkAfrican", "BlkCaribbean", "OtherBlk", "Arab", "Other"]
TWO = ["Dissim", "Gini", "Entropy", "Atkinson", "Isolation", "Interaction", "CorrelationR", "ConProf", "MinMax"]
MULTI = ["MultiDissim", "MultiNormExposure", "MultiInfoTheory", "MultiRelativeDiversity", "MultiSquaredCoefVar",
         "MultiDiversity", "SimpsonsConcentration", "SimpsonsInteraction", "MultiDivergence"]


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), value


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--csv", default=os.path.join(root, "..", "shared", "data", "ew2011_oa_ethnicity.csv.gz"))
    p.add_argument("--cli", default=os.path.join(root, "build", "release", "bin", "cohesion"))
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--json")
    a = p.parse_args()
    warnings.filterwarnings("ignore")
    from segregation import singlegroup, multigroup

    out = {"data": os.path.basename(a.csv), "indices": {}}
    t_read_py, _, table = best(lambda: cohesion.read_table(a.csv), a.repeat)
    df = pd.read_csv(a.csv)
    out["units"] = int(len(df))
    registry = cohesion.list_indices().set_index("library_name")["name"]

    two_names = [registry[n] for n in TWO]
    multi_names = [registry[n] for n in MULTI]
    t_two, _, two = best(lambda: cohesion.indices(table, group="Pakistani", index=two_names), a.repeat)
    t_multi, _, multi = best(lambda: cohesion.indices(table, group=[], index=multi_names), a.repeat)
    t_df, _, _ = best(lambda: cohesion.indices(df, id="OA", group="Pakistani", index=two_names + multi_names),
                      a.repeat)
    ours = {**dict(zip(two["index_name"], two["value"])), **dict(zip(multi["index_name"], multi["value"]))}

    pysal_total = 0.0
    worst = 0.0
    for name in TWO + MULTI:
        cls = getattr(singlegroup, name, None) or getattr(multigroup, name)
        if name in TWO:
            call = lambda: cls(df, group_pop_var="Pakistani", total_pop_var="Persons").statistic  # noqa: E731
        else:
            call = lambda: cls(df, groups=GROUPS).statistic  # noqa: E731
        call()  # warm-up: numba compilation and caches are not what is measured
        t_min, t_med, value = best(call, a.repeat)
        mine = float(ours[registry[name]])
        rel = abs(mine - value) / max(abs(value), 1e-300)
        worst = max(worst, rel)
        pysal_total += t_med
        out["indices"][name] = {"cohesion_name": registry[name], "pysal": value, "cohesion": mine,
                                "relative_difference": rel, "pysal_seconds": t_med}
        print(f"{name:24s} pysal {t_med * 1e3:9.1f} ms  value {value:.10g}  cohesion {mine:.10g}  rel {rel:.1e}",
              flush=True)
    cohesion_total = t_two + t_multi
    out.update({
        "cohesion_seconds_same_indices": cohesion_total,
        "cohesion_seconds_same_indices_from_dataframe": t_df,
        "pysal_seconds_same_indices": pysal_total,
        "speedup_vs_pysal": pysal_total / cohesion_total,
        "speedup_vs_pysal_from_dataframe": pysal_total / t_df,
        "worst_relative_difference": worst,
    })

    # The national --no-simulated suite: Python in-process vs the CLI process.
    def python_suite():
        t = cohesion.read_table(a.csv)
        return cohesion.indices(t, group="Pakistani", simulated=False)
    python_suite()
    t_suite, t_suite_med, _ = best(python_suite, a.repeat)
    cli = [a.cli, "indices", a.csv, "--group", "Pakistani", "--no-simulated", "--format", "csv"]
    t_cli, t_cli_med, _ = best(lambda: subprocess.run(cli, check=True, capture_output=True), a.repeat)
    out.update({"python_suite_seconds": t_suite, "cli_suite_seconds": t_cli,
                "python_over_cli": t_suite / t_cli, "python_read_seconds": t_read_py})
    print(json.dumps({k: v for k, v in out.items() if k != "indices"}, indent=2))
    if worst > 1e-9:
        print(f"values differ: worst relative difference {worst:.2e}", file=sys.stderr)
        return 1
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
