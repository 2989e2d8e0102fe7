"""The aspatial analyses: each function is one call of the library function behind the
matching CLI command (docs/api.md), with the CLI's option names and defaults."""
from __future__ import annotations

import json
import os
from typing import Callable, Optional

import pandas as pd

from . import _cohesion
from .frames import _as_list, _as_list_where, as_table, named_frames, result_frame, result_frames

ProgressCallback = Optional[Callable[[int, int], None]]


def list_indices() -> pd.DataFrame:
    """Every index in the registry: name, kind, title, pysal/R name, whether simulated, ..."""
    return pd.DataFrame(_cohesion.list_indices())


def indices(data, group=None, *, index=None, versus: str = "", simulated: bool = True, simulations: int = 500,
            bootstrap: int = 0, randomisation: int = 0, confidence: float = 0.95, seed: int = 20170601,
            threads: int = 0, progress: ProgressCallback = None, **table_options) -> pd.DataFrame:
    """`cohesion indices`: every two-group index for each focal group (vs the rest, or vs
    `versus`) and every multigroup index, one row per index x group: value, and with
    `bootstrap` the bias-corrected estimate (docs/inference.md) in place of value, with raw_value,
    std_error, ci_lower, ci_upper, bias; with `randomisation`
    the expected_if_random and p_value."""
    table = as_table(data, **table_options)
    frame = result_frame(_cohesion.index_table(
        table, indices=_as_list(index), focal=_as_list(group), versus=versus, include_simulated=simulated,
        seed=seed, simulations=simulations, bootstrap=bootstrap, randomisation=randomisation,
        confidence=confidence, threads=threads, progress=progress))
    frame.attrs["kind"] = "indices"
    return frame


def local(data, index=None, *, threads: int = 0, boundaries=None, **table_options) -> pd.DataFrame:
    """`cohesion local`: per-area location quotients, local entropy, local segregation,
    local divergence. With `boundaries` (a GeoDataFrame) the result is a GeoDataFrame."""
    frame = result_frame(_cohesion.local_table(as_table(data, **table_options), indices=_as_list(index),
                                               threads=threads))
    frame.attrs["kind"] = "local"
    if boundaries is not None:
        from .spatial import with_geometry
        return with_geometry(frame, boundaries)
    return frame


def compare(a, b, *, index=None, group=None, bootstrap: int = 200, confidence: float = 0.95, seed: int = 20170601,
            label_a: str = "A", label_b: str = "B", threads: int = 0, progress: ProgressCallback = None,
            **table_options) -> pd.DataFrame:
    """`cohesion compare`: the indices on two tables, B - A with a bootstrap CI and p-value."""
    frame = result_frame(_cohesion.comparison_table(
        as_table(a, **table_options), as_table(b, **table_options), indices=_as_list(index), focal=_as_list(group),
        bootstrap=bootstrap, confidence=confidence, seed=seed, label_a=label_a, label_b=label_b, threads=threads,
        progress=progress))
    frame.attrs["kind"] = "indices"
    return frame


def decompose(data, within: str = "", *, parts: bool = True, **table_options) -> dict:
    """`cohesion decompose`: M and H between/within a level and by group. Returns
    {"summary", "parts", "groups"} (only "groups" without `within`)."""
    results = _cohesion.decomposition_tables(as_table(data, **table_options), within=within, skip_parts=not parts)
    names = (["summary", "parts", "groups"] if parts else ["summary", "groups"]) if within else ["groups"]
    return named_frames(results, names)


def typology(data, host: str, *, isolated: float = 0.80, non_isolated: float = 0.50, assimilation: float = 0.30,
             dominant: float = 0.60, ghetto: float = 0.30, boundaries=None, **table_options) -> dict:
    """`cohesion typology`: Poulsen-Johnston-Forrest types. Returns {"summary", "areas"}."""
    out = named_frames(_cohesion.typology_tables(
        as_table(data, **table_options), host=host, isolated=isolated, non_isolated=non_isolated,
        assimilation=assimilation, dominant=dominant, ghetto=ghetto), ["summary", "areas"])
    if boundaries is not None:
        from .spatial import with_geometry
        out["areas"] = with_geometry(out["areas"], boundaries)
    return out


def harmonise_areal(data, from_boundaries, to_boundaries, *, id: Optional[str] = None, to_id: Optional[str] = None,
                    allow_unmatched: bool = False, progress: ProgressCallback = None, **table_options):
    """`cohesion harmonise --from-boundaries --to-boundaries`: the table moved onto other
    polygons by area overlap (GEOS intersections; people assumed spread evenly over each
    source area). Boundaries are GeoDataFrames, paths or AreaLayers; the target is read in
    the source's projected CRS. `progress(done, total)` counts source areas overlaid.
    Returns a Table whose history holds the notes."""
    from .spatial import as_layer
    source = as_layer(from_boundaries, id=id)
    target = as_layer(to_boundaries, id=to_id, crs=source.crs)
    table, notes = _cohesion.harmonise_areal(as_table(data, **table_options), source, target,
                                             allow_unmatched=allow_unmatched, progress=progress)
    return table


def harmonise(data, lookup: str, from_column: str, to_column: str, *, change_column: str = "", levels=None,
              weights_table: str = "", weights_id: str = "", weights_column: str = "", allow_unmatched: bool = False,
              progress: ProgressCallback = None, **table_options):
    """`cohesion harmonise --lookup`: the table moved onto another geography.
    `progress(done, total)` counts the table's areas apportioned. Returns a Table (use
    `table_frame` for a DataFrame); the notes are its history."""
    table, notes = _cohesion.harmonise(
        as_table(data, **table_options), lookup=os.fspath(lookup), from_column=from_column, to_column=to_column,
        change_column=change_column, level_columns=_as_list(levels), weights_table=weights_table,
        weights_id=weights_id, weights_column=weights_column, allow_unmatched=allow_unmatched, progress=progress)
    return table


def change(a, b, *, years: float = 10.0, top: float = 0.10, threshold: float = -1.0, label_a: str = "A",
           label_b: str = "B", national_a=None, national_b=None, national_label: str = "national",
           boundaries=None, **table_options) -> dict:
    """`cohesion change`: make-up in each year, the Shapley decomposition of the change in
    M, and the pace of change per area. Returns the tables keyed by their title's subject
    ("composition", "shapley", ..., "areas" last)."""
    results = _cohesion.change_tables(
        as_table(a, **table_options), as_table(b, **table_options), years=years, top=top, threshold=threshold,
        label_a=label_a, label_b=label_b,
        national_a=None if national_a is None else as_table(national_a),
        national_b=None if national_b is None else as_table(national_b), national_label=national_label)
    frames = result_frames(results)
    out = {}
    for frame in frames[:-1]:
        out[_key(frame.attrs["title"])] = frame
    if "shapley" in out:
        out["shapley"].attrs["kind"] = "shapley"
    areas = frames[-1]
    if boundaries is not None:
        from .spatial import with_geometry
        areas = with_geometry(areas, boundaries)
    out["areas"] = areas
    return out


def multilevel(data, levels, group=None, *, versus: str = "", omit=None, places=None, map_level: str = "",
               top: int = 10, bootstrap: int = 0, expected_draws: int = 100, seed: int = 2017, threads: int = 0,
               **table_options) -> list:
    """`cohesion multilevel`: the multilevel index of dissimilarity (MLID, Harris 2017) of
    `group` against `versus` (default: everyone else; no group = every group, one row each),
    each level's share of the variance, the areas' effects and impacts, and M/H split across
    every level at once. `levels` is the hierarchy, base first (e.g. ["LSOA", "MSOA", "LAD",
    "RGN"] or "LSOA,MSOA,LAD"). Returns the tables as DataFrames, in the CLI's order (their
    titles in attrs["title"])."""
    level_list = levels.split(",") if isinstance(levels, str) else list(levels)
    results = _cohesion.multilevel_tables(
        as_table(data, **table_options), levels=level_list, group=group or "", versus=versus,
        omit=_as_list(omit), places=_as_list(places), map_level=map_level, top=top, bootstrap=bootstrap,
        expected_draws=expected_draws, seed=seed, threads=threads)
    frames = result_frames(results)
    for frame in frames:
        frame.attrs["kind"] = "multilevel"
    return frames


def _key(title: str) -> str:
    lowered = title.lower()
    for word, key in (("shapley", "shapley"), ("decomposition", "shapley"), ("fastest", "fastest"),
                      ("national", "national"), ("make-up", "composition"), ("composition", "composition"),
                      ("group", "groups")):
        if word in lowered:
            return key
    return title


def esol_targeting(census: str, *, where=None, aggregate: str = "", neighbourhood: str = "msoa21cd",
                   weights=("need=0.4", "isolation=0.2", "accession=0.2", "private_rented=0.2"), top: int = 10,
                   confidence: float = 0.95, boundaries=None) -> dict:
    """`cohesion target esol`: {"components", "reach", "areas"} (the ranking)."""
    results = _cohesion.esol_targeting(os.fspath(census), where=_as_list_where(where), aggregate=aggregate,
                                       neighbourhood=neighbourhood, weights=list(weights), top=top,
                                       confidence=confidence)
    out = named_frames(results, ["components", "reach", "areas"])
    if boundaries is not None and "areas" in out:
        from .spatial import with_geometry
        out["areas"] = with_geometry(out["areas"], boundaries)
    return out


def hub_siting(census: str, boundaries, *, where=None, aggregate: str = "", demand: str = "need",
               model: str = "maximal-covering", hubs: int = 3, distance: float = 800.0, solver: str = "auto",
               time_limit: float = 60.0, candidates: str = "", allow_outside: bool = False,
               p: Optional[int] = None, progress: ProgressCallback = None) -> dict:
    """`cohesion target hubs`: {"hubs", "areas"} (each area with its nearest hub).
    `hubs` is the number of hubs, as `--hubs` on the command line and `hubs` in a project
    and the HTTP API (`p`, its earlier name, is still accepted). `progress(done, total)`
    counts solver stages (hubs opened, or CBC's model built and solved)."""
    from .spatial import as_layer, with_geometry
    if p is not None:
        hubs = p
    layer = as_layer(boundaries)
    results = _cohesion.hub_siting(os.fspath(census), where=_as_list_where(where), aggregate=aggregate, layer=layer,
                                   demand=demand, model=model, p=hubs, distance=distance, solver=solver,
                                   time_limit=time_limit, candidates=candidates, allow_outside=allow_outside,
                                   progress=progress)
    out = named_frames(results, ["hubs", "areas"])
    out["areas"] = with_geometry(out["areas"], boundaries if not isinstance(boundaries, str) else layer)
    return out


def licensing_screen(census: str, *, where=None, aggregate: str = "", boundaries=None, weights: str = "queen",
                     min_private_rented: Optional[float] = None, min_accession: Optional[float] = None) -> dict:
    """`cohesion target licensing`: {"zones", "areas"}; with boundaries candidate areas that
    touch form zones and the land-area test is made."""
    kwargs = {}
    if min_private_rented is not None:
        kwargs["min_private_rented"] = min_private_rented
    if min_accession is not None:
        kwargs["min_accession"] = min_accession
    spatial = None
    if boundaries is not None:
        from .spatial import as_layer
        tenure = _cohesion.census_topic(os.fspath(census), where=_as_list_where(where), aggregate=aggregate,
                                        topic="ts054")
        spatial = _cohesion.join_spatial(tenure, as_layer(boundaries), rule=weights)
    results = _cohesion.licensing_screen(os.fspath(census), where=_as_list_where(where), aggregate=aggregate,
                                         spatial=spatial, **kwargs)
    out = named_frames(results, ["zones", "areas"])
    if boundaries is not None:
        from .spatial import with_geometry
        out["areas"] = with_geometry(out["areas"], boundaries)
    return out


def run(project: str, out_dir: Optional[str] = None) -> pd.DataFrame:
    """`cohesion run PROJECT`: every analysis of a project file and the report, into
    `out_dir` (default: the project's output folder). Returns the steps with their times
    (run.json)."""
    args = ["run", os.fspath(project)]
    if out_dir is not None:
        args += ["--output", os.fspath(out_dir)]
    _cohesion.run_command(args)
    folder = out_dir
    if folder is None:
        return pd.DataFrame()
    with open(os.path.join(folder, "run.json"), encoding="utf-8") as f:
        log = json.load(f)
    frame = pd.DataFrame(log["rows"], columns=log["columns"])
    frame.attrs["title"] = log.get("title", "")
    frame.attrs["notes"] = log.get("notes", [])
    return frame

