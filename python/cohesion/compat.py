"""pysal `segregation`-style classes over libcohesion, so a pysal script runs by
changing its import:

    from segregation.singlegroup import Dissim     ->  from cohesion.compat import Dissim
    Dissim(df, group_pop_var="Pakistani", total_pop_var="Persons").statistic

Each class computes the registry index whose `library_name` is the pysal class name
(`cohesion.list_indices()`). Differences from pysal (docs/python.md): the constructor
computes the statistic only (no `core_data`); areas with no people are left out, as every
cohesion index does; ModifiedDissim, BiasCorrectedDissim and ModifiedGini are cohesion's
exact expectations under random allocation (pysal simulates them: the values agree within
pysal's simulation error; the `*_simulated` registry indices simulate as pysal does).

Spatial classes (SpatialDissim, BoundarySpatialDissim, PerimeterAreaRatioSpatialDissim,
AbsoluteConcentration, RelativeConcentration, AbsoluteCentralization,
RelativeCentralization, SpatialProxProf, ...) take a GeoDataFrame as pysal's do; `w=`
takes a libpysal W (or anything with `neighbors` keyed by the frame's index) and defaults
to queen contiguity of the polygons, as pysal's; distances are in the layer's metres.
Network (`network=`) and kernel-decay (`decay=`/`distance=`) arguments are not accepted:
use `cohesion.profile` for local environments.
"""
from __future__ import annotations

import os
import tempfile
from typing import Optional, Sequence

import pandas as pd

from . import _cohesion
from .frames import as_table


class _SingleGroup:
    """A two-group index of `group_pop_var` against the rest of `total_pop_var`."""
    _name = ""
    _simulated = False

    def __init__(self, data: pd.DataFrame, group_pop_var: str, total_pop_var: str, seed: int = 20170601,
                 iterations: int = 500, **unsupported):
        _reject(type(self).__name__, unsupported)
        self.data = data
        self.group_pop_var = group_pop_var
        self.total_pop_var = total_pop_var
        frame = pd.DataFrame({"id": range(len(data)), group_pop_var: data[group_pop_var],
                              total_pop_var: data[total_pop_var]})
        table = as_table(frame, id="id", groups=[group_pop_var], total=total_pop_var, levels=[])
        result = _cohesion.index_table(table, indices=[self._name], focal=[group_pop_var], seed=seed,
                                       simulations=iterations)
        self.statistic = float(result["data"][result["columns"].index("value")][0])


class _MultiGroup:
    """A multigroup index over the `groups` columns (their sum is the unit total)."""
    _name = ""

    def __init__(self, data: pd.DataFrame, groups: Sequence[str], **unsupported):
        _reject(type(self).__name__, unsupported)
        self.data = data
        self.groups = list(groups)
        frame = pd.DataFrame({"id": range(len(data)), **{g: data[g] for g in self.groups}})
        table = as_table(frame, id="id", groups=self.groups, total=False, levels=[])
        result = _cohesion.index_table(table, indices=[self._name])
        self.statistic = float(result["data"][result["columns"].index("value")][0])


class _SpatialSingleGroup:
    """A spatial two-group index of `group_pop_var` against the rest of `total_pop_var`,
    on the polygons of the GeoDataFrame `data`."""
    _name = ""
    _options: dict = {}

    def __init__(self, data, group_pop_var: str, total_pop_var: str, w=None, **options):
        from .spatial import spatial_indices
        unsupported = {k: v for k, v in options.items() if k not in self._options}
        _reject(type(self).__name__, unsupported)
        if not hasattr(data, "geometry"):
            raise TypeError(f"cohesion.compat.{type(self).__name__}: data must be a GeoDataFrame (as in pysal)")
        self.data, self.group_pop_var, self.total_pop_var, self.w = data, group_pop_var, total_pop_var, w
        name = self._name
        for option, value in options.items():
            name = self._options[option](name, value)
        ids = [str(i) for i in data.index]
        frame = data[[group_pop_var, total_pop_var, data.geometry.name]].copy()
        frame.insert(0, "id", ids)
        # The rest of the population as a second group: the table is then a proper
        # two-group table (the indices read the focal group against the unit total).
        rest = f"{total_pop_var} minus {group_pop_var}"
        frame[rest] = frame[total_pop_var] - frame[group_pop_var]
        with tempfile.TemporaryDirectory() as folder:
            rule = "queen"
            if w is not None:
                rule = os.path.join(folder, "w.gal")
                _write_gal(w, rule)
            result = spatial_indices(frame, frame, group=group_pop_var, index=name, proximity_unit="m",
                                     weights=rule, code_field="id", id="id", groups=[group_pop_var, rest],
                                     total=total_pop_var, levels=[])
        self.statistic = float(result["value"].iloc[0])


def _write_gal(w, path: str) -> None:
    """A libpysal-style W (its `neighbors`, keyed by the data frame's index) as a GAL file."""
    neighbours = getattr(w, "neighbors", w)
    with open(path, "w") as f:
        f.write(f"{len(neighbours)}\n")
        for key, others in neighbours.items():
            f.write(f"{key} {len(others)}\n{' '.join(str(o) for o in others)}\n")


def _standardize(name: str, value) -> str:
    return name + "_standardized" if value and name == "spatial_dissimilarity" else name


def _center(name: str, value) -> str:
    if value not in ("mean", "median"):
        raise ValueError("center must be 'mean' or 'median'")
    return name + "_median" if value == "median" else name


def _standardized_only(name: str, value) -> str:
    """pysal's default (standardize=True) is the index cohesion registers; the unstandardised
    variant is not one, so it is refused rather than silently ignored."""
    if not value:
        raise ValueError("standardize=False is not available for this index (pysal's default, True, is)")
    return name


def _spatial(cls_name: str, registry_name: str, **options):
    return type(cls_name, (_SpatialSingleGroup,), {"_name": registry_name, "_options": options,
                                                  "__doc__": f"pysal {cls_name}: cohesion '{registry_name}'"})


def _reject(name: str, unsupported: dict) -> None:
    if unsupported:
        raise TypeError(f"cohesion.compat.{name} does not take {', '.join(sorted(unsupported))} "
                        "(spatial variants: use cohesion.spatial_indices)")


def _single(cls_name: str, registry_name: str):
    return type(cls_name, (_SingleGroup,), {"_name": registry_name, "__doc__": f"pysal {cls_name}: cohesion '{registry_name}'"})


def _multi(cls_name: str, registry_name: str):
    return type(cls_name, (_MultiGroup,), {"_name": registry_name, "__doc__": f"pysal {cls_name}: cohesion '{registry_name}'"})


Dissim = _single("Dissim", "dissimilarity")
Gini = _single("Gini", "gini")
GiniSeg = Gini  # pysal < 2.0 name
Entropy = _single("Entropy", "entropy")
Isolation = _single("Isolation", "isolation")
Interaction = _single("Interaction", "interaction")
Exposure = Interaction  # pysal < 2.0 name
CorrelationR = _single("CorrelationR", "correlation_ratio")
ConProf = _single("ConProf", "concentration_profile")
MinMax = _single("MinMax", "minmax")
ModifiedDissim = _single("ModifiedDissim", "modified_dissimilarity")
BiasCorrectedDissim = _single("BiasCorrectedDissim", "bias_corrected_dissimilarity")
DensityCorrectedDissim = _single("DensityCorrectedDissim", "density_corrected_dissimilarity")
ModifiedGini = _single("ModifiedGini", "modified_gini")


class Atkinson(_SingleGroup):
    """pysal Atkinson(b): cohesion 'atkinson' (b = 0.5), 'atkinson_b01', 'atkinson_b09'."""

    def __init__(self, data, group_pop_var, total_pop_var, b: float = 0.5, **kwargs):
        names = {0.5: "atkinson", 0.1: "atkinson_b01", 0.9: "atkinson_b09"}
        if b not in names:
            raise ValueError("cohesion.compat.Atkinson: b must be 0.1, 0.5 or 0.9 (the registered indices)")
        self._name = names[b]
        self.b = b
        super().__init__(data, group_pop_var, total_pop_var, **kwargs)


MultiDissim = _multi("MultiDissim", "multi_dissimilarity")
MultiGini = _multi("MultiGini", "multi_gini")
MultiNormExposure = _multi("MultiNormExposure", "normalized_exposure")
MultiNormalizedExposure = MultiNormExposure
MultiInfoTheory = _multi("MultiInfoTheory", "information_theory")
MultiInformationTheory = MultiInfoTheory
MultiRelativeDiversity = _multi("MultiRelativeDiversity", "relative_diversity")
MultiSquaredCoefVar = _multi("MultiSquaredCoefVar", "squared_coefficient_of_variation")
MultiSquaredCoefficientVariation = MultiSquaredCoefVar
SimpsonsConcentration = _multi("SimpsonsConcentration", "simpsons_concentration")
SimpsonsInteraction = _multi("SimpsonsInteraction", "simpsons_interaction")
MultiDivergence = _multi("MultiDivergence", "divergence")


class MultiDiversity(_MultiGroup):
    """pysal MultiDiversity(normalized=False): cohesion 'diversity' / 'diversity_normalized'."""

    def __init__(self, data, groups, normalized: bool = False, **kwargs):
        self._name = "diversity_normalized" if normalized else "diversity"
        self.normalized = normalized
        super().__init__(data, groups, **kwargs)



# Spatial indices (pysal segregation.singlegroup spatial classes).
SpatialDissim = _spatial("SpatialDissim", "spatial_dissimilarity", standardize=_standardize)
BoundarySpatialDissim = _spatial("BoundarySpatialDissim", "boundary_spatial_dissimilarity",
                                 standardize=_standardized_only)
PerimeterAreaRatioSpatialDissim = _spatial("PerimeterAreaRatioSpatialDissim", "perimeter_area_dissimilarity",
                                           standardize=_standardized_only)
PARDissim = PerimeterAreaRatioSpatialDissim  # pysal 2.5 name
AbsoluteConcentration = _spatial("AbsoluteConcentration", "absolute_concentration")
RelativeConcentration = _spatial("RelativeConcentration", "relative_concentration")
AbsoluteCentralization = _spatial("AbsoluteCentralization", "absolute_centralization", center=_center)
RelativeCentralization = _spatial("RelativeCentralization", "relative_centralization", center=_center)
AbsoluteClustering = _spatial("AbsoluteClustering", "absolute_clustering")
RelativeClustering = _spatial("RelativeClustering", "relative_clustering")
SpatialProximity = _spatial("SpatialProximity", "spatial_proximity")
SpatialProxProf = _spatial("SpatialProxProf", "spatial_proximity_profile")
DistanceDecayIsolation = _spatial("DistanceDecayIsolation", "distance_decay_isolation")
DistanceDecayExposure = _spatial("DistanceDecayExposure", "distance_decay_exposure")
Delta = _spatial("Delta", "delta")  # needs the areas of the polygons

__all__ = [n for n in dir() if n[0].isupper()]
