"""matplotlib figures for cohesion results: per-area maps, index intervals, Shapley bars.
Each takes a result DataFrame as returned by the package and returns the Axes."""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=(7, 6))
    return ax


def area_map(frame, column: str, ax=None, cmap: str = "viridis", legend: bool = True, title: Optional[str] = None,
             **kwargs):
    """A choropleth of one column of a per-area GeoDataFrame (local, hotspots, change, ...)."""
    ax = _axes(ax)
    categorical = not pd.api.types.is_numeric_dtype(frame[column])
    frame.plot(column=column, ax=ax, cmap=cmap if not categorical else "tab10", legend=legend,
               categorical=categorical, linewidth=0.1, edgecolor="white",
               missing_kwds={"color": "lightgrey"}, **kwargs)
    ax.set_axis_off()
    ax.set_title(title or column)
    return ax


def intervals(frame: pd.DataFrame, ax=None, label: str = "index_name", title: Optional[str] = None):
    """Index values with their bootstrap intervals (an `indices(..., bootstrap=n)` or
    `compare` result): one row per index x group, points and horizontal bars."""
    ax = _axes(ax)
    value = next(c for c in ("estimate", "value", "difference") if c in frame.columns)
    names = frame[label].astype(str)
    if "focal" in frame.columns:
        names = names + " — " + frame["focal"].astype(str)
    y = np.arange(len(frame))
    ax.plot(frame[value], y, "o", color="black")
    if "ci_lower" in frame.columns:
        ax.hlines(y, frame["ci_lower"], frame["ci_upper"], color="tab:blue", linewidth=2)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel(value)
    if value == "difference":
        ax.axvline(0, color="grey", linewidth=0.8)
    ax.set_title(title or frame.attrs.get("title", ""))
    return ax


def shapley(frame: pd.DataFrame, ax=None, title: Optional[str] = None):
    """The Shapley decomposition of the change in M (`change(...)["shapley"]`) as bars:
    one per component (the numeric column next to its label)."""
    ax = _axes(ax)
    labels = frame.iloc[:, 0].astype(str)
    numeric = [c for c in frame.columns[1:] if pd.api.types.is_numeric_dtype(frame[c])]
    values = frame[numeric[0]]
    colours = ["tab:red" if v > 0 else "tab:blue" for v in values]
    ax.barh(labels, values, color=colours)
    ax.axvline(0, color="grey", linewidth=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(numeric[0])
    ax.set_title(title or frame.attrs.get("title", ""))
    return ax


def profile(frame: pd.DataFrame, ax=None, title: Optional[str] = None):
    """A segregation profile (`cohesion.profile`): each index (x focal group) as a line
    across the scales, in the order they were computed (aspatial, distances, contiguity)."""
    ax = _axes(ax)
    scales = list(dict.fromkeys(frame["scale"].astype(str)))
    position = {s: k for k, s in enumerate(scales)}
    for (index, focal), rows in frame.groupby(["index_name", "focal"], sort=False):
        ax.plot([position[s] for s in rows["scale"].astype(str)], rows["value"], "o-",
                label=f"{index} — {focal}")
    ax.set_xticks(range(len(scales)), scales)
    ax.set_xlabel("scale")
    ax.set_ylabel("value")
    ax.legend(fontsize="small")
    ax.set_title(title or frame.attrs.get("title", ""))
    return ax


def _default_column(frame: pd.DataFrame) -> str:
    """The column a per-area map shows when none is chosen: attrs["plot_column"], else the
    first numeric column after the area code."""
    chosen = frame.attrs.get("plot_column")
    if chosen in frame.columns:
        return chosen
    geometry = getattr(frame, "_geometry_column_name", None)
    for c in frame.columns:
        if c not in ("area", geometry) and pd.api.types.is_numeric_dtype(frame[c]):
            return c
    raise ValueError("no column to map: pass column=")


@pd.api.extensions.register_dataframe_accessor("cohesion")
class CohesionAccessor:
    """`frame.cohesion.plot()`: the figure that suits a cohesion result, chosen by
    `frame.attrs["kind"]` — "indices" (values with intervals), "shapley" (bars),
    "profile" (lines across scales), "local" (a map of `column` when the frame is a
    GeoDataFrame, else a bar chart of it by area). Returns the matplotlib Axes."""

    def __init__(self, frame: pd.DataFrame):
        self._frame = frame

    @property
    def kind(self) -> Optional[str]:
        return self._frame.attrs.get("kind")

    def plot(self, column: Optional[str] = None, ax=None, **kwargs):
        frame, kind = self._frame, self.kind
        if kind == "indices":
            return intervals(frame, ax=ax, **kwargs)
        if kind == "shapley":
            return shapley(frame, ax=ax, **kwargs)
        if kind == "profile":
            return profile(frame, ax=ax, **kwargs)
        if kind == "local" or (kind is None and hasattr(frame, "geometry") and column is not None):
            column = column or _default_column(frame)
            if hasattr(frame, "geometry"):
                return area_map(frame, column, ax=ax, **kwargs)
            ax = _axes(ax)
            labels = frame["area"].astype(str) if "area" in frame.columns else frame.index.astype(str)
            ax.bar(labels, frame[column])
            ax.set_xticks([])
            ax.set_xlabel("area")
            ax.set_ylabel(column)
            ax.set_title(kwargs.get("title") or column)
            return ax
        raise ValueError(f"no cohesion plot for attrs['kind'] = {kind!r} (expected indices, local, shapley or "
                         "profile; a GeoDataFrame also maps with column=)")
