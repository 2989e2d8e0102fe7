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


def intervals(frame: pd.DataFrame, ax=None, label: str = "index", title: Optional[str] = None):
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
