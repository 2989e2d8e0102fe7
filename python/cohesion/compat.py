"""pysal `segregation`-style classes over libcohesion, so a pysal script runs by
changing its import:

    from segregation.singlegroup import Dissim     ->  from cohesion.compat import Dissim
    Dissim(df, group_pop_var="Pakistani", total_pop_var="Persons").statistic

Each class computes the registry index whose `library_name` is the pysal class name
(`cohesion.list_indices()`). Differences from pysal (docs/python.md): the constructor
computes the statistic only (no `core_data` / geometry processing, no spatial `w=`,
`distance=`, `network=` or `decay=` arguments: use `cohesion.spatial_indices`); areas with
no people are left out, as every cohesion index does; simulated indices (ModifiedDissim,
BiasCorrectedDissim, ModifiedGini, DensityCorrectedDissim) use cohesion's seeded
simulation, so they agree with pysal within simulation error, not exactly.
"""
from __future__ import annotations

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


__all__ = [n for n in dir() if n[0].isupper()]
