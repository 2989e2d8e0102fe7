"""DataFrames in and out of libcohesion.

In: a DataFrame becomes a C++ Table. Its count columns are handed over as one float64
array; pandas stores a float64 block column-major, which is the Table's own layout, so
C++ reads it in place through its strides and the only copy is the one into the Table
(no Python code runs per cell). Validation (NaN, negative, duplicate codes, total below
the groups' sum) is the library's, with the CSV loaders' messages.

Out: result tables (dicts of numpy columns built in C++) become DataFrames with the
notes in ``df.attrs["notes"]`` and the title in ``df.attrs["title"]``.
"""
from __future__ import annotations

import os
from typing import Iterable, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import _cohesion
from ._cohesion import CohesionError, Table

_TOTAL_NAMES = ("total", "persons", "all_persons", "all usual residents")


def _error(source: str, row: int, column: str, message: str) -> CohesionError:
    """An error worded and located as the library's (core/error.hpp format_error)."""
    where = source + (f":{row}" if row else "")
    if column:
        where += f": column '{column}'"
    error = CohesionError(f"{where}: {message}")
    error.file, error.line, error.column, error.reason = source, row, column, message
    return error


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.split(",") if v]
    return list(value)


def _require(df: pd.DataFrame, name: str, role: str, source: str) -> None:
    if name not in df.columns:
        raise _error(source, 1, name, f"no {role} column '{name}'; the data frame has: "
                     + ", ".join(map(str, df.columns)))


def _numeric_block(df: pd.DataFrame, columns: Sequence[str], source: str) -> np.ndarray:
    """The count columns as one float64 array (a view when pandas already has one block)."""
    for c in columns:
        if not (pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])):
            converted = pd.to_numeric(df[c], errors="coerce")
            bad = np.flatnonzero(converted.isna().to_numpy() & df[c].notna().to_numpy())
            if len(bad):
                value = str(df[c].iloc[bad[0]])[:40]
                raise _error(source, int(bad[0]) + 1, str(c),
                             f"'{value}' is not a number (expected a non-negative count)")
    block = df[list(columns)]
    values = block.to_numpy(dtype=np.float64, na_value=np.nan)
    return values


def as_table(data, id: Optional[str] = None, groups=None, total=None, levels=None,
             source: str = "DataFrame") -> Table:
    """A libcohesion Table from a DataFrame (or a Table, returned as is, or a path, read
    with the CLI's readers).

    id: the area-code column (default: a named, non-range index, else the first column);
    groups: the count columns (default: every numeric column that is not id/total/level);
    total: the declared area total, e.g. "Persons" (default: a column named total/persons,
    any case; "-" or False for none); levels: hierarchy columns such as LSOA, LAD
    (default: every non-numeric column except id).
    """
    if isinstance(data, Table):
        return data
    if isinstance(data, (str, os.PathLike)):
        return read_table(os.fspath(data), id=id or "", groups=groups, total=total, levels=levels)
    if not isinstance(data, pd.DataFrame):
        raise TypeError("expected a pandas DataFrame, a cohesion Table or a path, got " + type(data).__name__)
    df = data
    if "geometry" in df.columns and hasattr(df, "geometry"):
        df = pd.DataFrame(df.drop(columns=df.geometry.name))
    if id is None:
        if not isinstance(df.index, pd.RangeIndex):
            df = df.reset_index()
        id = str(df.columns[0])
    _require(df, id, "id", source)
    codes = df[id].astype(str).tolist()
    if total is None:
        found = [c for c in df.columns if str(c).lower() in _TOTAL_NAMES and c != id]
        total = found[0] if found else None
    elif total is False or total == "-":
        total = None
    elif total is not None:
        _require(df, total, "total", source)
    group_list = _as_list(groups)
    level_list = _as_list(levels)
    for g in group_list:
        _require(df, g, "group", source)
    for lv in level_list:
        _require(df, lv, "level", source)
    taken = {id, total, *group_list, *level_list}
    if not group_list:
        group_list = [c for c in df.columns if c not in taken and pd.api.types.is_numeric_dtype(df[c])
                      and not pd.api.types.is_bool_dtype(df[c])]
    if levels is None:
        level_list = [c for c in df.columns if c not in taken and c not in group_list]
    if not group_list:
        raise _error(source, 0, "", "no group columns found (expected numeric count columns; name them with groups=)")
    counts = _numeric_block(df, group_list, source)
    totals = None
    if total is not None:
        totals = np.ascontiguousarray(_numeric_block(df, [total], source)[:, 0])
    level_pairs = [(str(lv), df[lv].astype(str).tolist()) for lv in level_list]
    return _cohesion.table_from_arrays(codes, [str(g) for g in group_list], counts, str(total or ""), totals,
                                       level_pairs, source, str(id))


def read_table(path: str, *, layout: str = "auto", id: str = "", groups=None, levels=None, total=None,
               where=None, aggregate: str = "", merge=None, residual: str = "", scheme: str = "",
               select=None, percent_of: str = "", percent_total: str = "total", levels_from: str = "",
               area_column: str = "", group_column: str = "", count_column: str = "",
               categories: str = "leaf", category_map: str = "") -> Table:
    """A table read by the CLI's readers (io/table_input): wide, long or ONS bulk CSV
    (.csv or .csv.gz), with the CLI's options (`where="LAD=Bedford"` is `--where`,
    `select=` is `--groups`, `groups=` is `--group-columns`, ...)."""
    if total is False:
        total = "-"
    return _cohesion.read_table(
        os.fspath(path), layout=layout, id=id or "", group_columns=_as_list(groups), level_columns=_as_list(levels),
        total=total or "", area_column=area_column, group_column=group_column, count_column=count_column,
        categories=categories, category_map=category_map, where=_as_list_where(where), aggregate=aggregate,
        merge=_as_list_where(merge), residual=residual, percent_of=percent_of, percent_total=percent_total,
        levels_from=levels_from, scheme=scheme, groups=_as_list(select))


def _as_list_where(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def table_frame(table: Table) -> pd.DataFrame:
    """A Table as a wide DataFrame: area code index, levels, groups, declared total."""
    frame = pd.DataFrame(table.counts, columns=table.group_names, index=pd.Index(table.area_codes, name="area"),
                         copy=True)
    for position, (name, labels) in enumerate(table.levels.items()):
        if name not in frame.columns:
            frame.insert(position, name, labels)
    if table.declared_total is not None:
        frame[table.declared_total_name] = table.declared_total
    frame.attrs["notes"] = list(table.history)
    frame.attrs["source"] = table.source
    return frame


def result_frame(result: dict) -> pd.DataFrame:
    """One result table (a dict from the extension) as a DataFrame."""
    frame = pd.DataFrame({name: column for name, column in zip(result["columns"], result["data"])},
                         columns=result["columns"])
    frame.attrs["title"] = result["title"]
    frame.attrs["notes"] = list(result["notes"])
    return frame


def result_frames(results: Iterable[dict]) -> list:
    return [result_frame(r) for r in results]


def named_frames(results: Iterable[dict], names: Sequence[str]) -> dict:
    """Several result tables keyed by a short name each (in the library's order)."""
    frames = result_frames(results)
    return dict(zip(names, frames)) if len(frames) == len(names) else {f.attrs["title"]: f for f in frames}
