"""cohesion: census segregation analysis from Python, a thin layer over libcohesion.

Every function calls the same library function as the matching ``cohesion`` CLI command
and returns pandas DataFrames (per-area results as GeoDataFrames when boundaries are
given); notes (inputs, conventions, seeds) are in ``df.attrs["notes"]``.
See docs/python.md.
"""
from ._cohesion import CohesionError, Table, AreaLayer, __version__  # noqa: F401
from .frames import as_table, read_table, table_frame  # noqa: F401
from .analyses import (  # noqa: F401
    list_indices, indices, local, compare, decompose, typology, harmonise, harmonise_areal, change,
    esol_targeting, hub_siting, licensing_screen, multilevel, run,
)
from .spatial import (  # noqa: F401
    Weights, as_layer, read_layer, weights, read_weights, spatial_indices, hotspots, enclaves,
    profile, emerging,
)
from . import compat, plot  # noqa: F401

__all__ = [
    "CohesionError", "Table", "AreaLayer", "Weights", "__version__",
    "as_table", "read_table", "table_frame", "list_indices", "indices", "local", "compare", "decompose",
    "typology", "harmonise", "harmonise_areal", "change", "esol_targeting", "hub_siting", "licensing_screen", "multilevel", "run",
    "as_layer", "read_layer", "weights", "read_weights", "spatial_indices", "hotspots", "enclaves",
    "profile", "emerging",
    "compat", "plot",
]
