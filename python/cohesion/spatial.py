"""Boundaries, spatial weights and the spatial analyses.

A GeoDataFrame's polygons go to C++ as WKB with its CRS (geo/wkb_layer): checked,
reprojected (British National Grid inside Great Britain, else UTM, or `crs=`) and
measured exactly as the CLI does for a file, so weights and indices agree with the CLI's.
"""
from __future__ import annotations

import os
import tempfile
from typing import Optional

import numpy as np
import pandas as pd

from . import _cohesion
from ._cohesion import AreaLayer, CohesionError
from .frames import _as_list, as_table, named_frames, result_frame


def _code_column(gdf, id: Optional[str]) -> Optional[str]:
    """The area-code column, by the CLI's rule for boundary layers (geo/area_layer.hpp)."""
    if id is not None:
        if id not in gdf.columns:
            raise CohesionError(f"GeoDataFrame:1: column '{id}': unknown code field; the layer has: "
                                + ", ".join(map(str, gdf.columns)))
        return id
    names = [str(c) for c in gdf.columns if c != gdf.geometry.name]
    for n in names:
        if len(n) > 2 and n.endswith("CD") and not any(x in n for x in ("LAD", "RGN", "UTLA")):
            return n
    for n in names:
        low = n.lower()
        if low in ("code", "id", "geography code", "area") or low.endswith("_code"):
            return n
    return None  # the index


def as_layer(boundaries, id: Optional[str] = None, crs: str = "") -> AreaLayer:
    """An AreaLayer from a GeoDataFrame (its code column `id`, default as the CLI picks
    one, else the index), a path to any OGR source, or an AreaLayer (returned as is).
    `crs` is the projected CRS for distances and areas (default: EPSG:27700 in Great
    Britain, else UTM)."""
    if isinstance(boundaries, AreaLayer):
        return boundaries
    if isinstance(boundaries, (str, os.PathLike)):
        return read_layer(boundaries, code_field=id or "", crs=crs)
    if not hasattr(boundaries, "geometry"):
        raise TypeError("expected a GeoDataFrame, a path or a cohesion AreaLayer, got " + type(boundaries).__name__)
    gdf = boundaries
    column = _code_column(gdf, id)
    codes = (gdf[column] if column else gdf.index.to_series()).astype(str).tolist()
    crs_text = gdf.crs.to_wkt() if gdf.crs is not None else ""
    wkb = [None if g is None else bytes(g.wkb) for g in gdf.geometry.values]
    return _cohesion.layer_from_wkb(codes, wkb, crs=crs_text, target_crs=crs, source="GeoDataFrame",
                                    code_field=column or "index")


def read_layer(path, layer: str = "", code_field: str = "", crs: str = "") -> AreaLayer:
    """Boundaries read with GDAL as `--boundaries` reads them (GeoJSON, GeoPackage,
    Shapefile, PostGIS "PG:...")."""
    return _cohesion.read_layer(os.fspath(path), layer=layer, code_field=code_field, crs=crs)


def layer_frame(layer: AreaLayer):
    """An AreaLayer as a GeoDataFrame in its projected CRS (area, area_km2, geometry)."""
    import geopandas as gpd
    from shapely import wkb as shapely_wkb
    geometry = gpd.GeoSeries([shapely_wkb.loads(b) for b in layer.wkb()], crs=layer.crs)
    return gpd.GeoDataFrame({"area": layer.codes, "area_km2": layer.area_km2}, geometry=geometry)


def with_geometry(frame: pd.DataFrame, boundaries, on: str = "area"):
    """A per-area result joined to its polygons (a GeoDataFrame in the boundaries' CRS)."""
    import geopandas as gpd
    if isinstance(boundaries, (str, os.PathLike)):
        boundaries = read_layer(boundaries)
    if isinstance(boundaries, AreaLayer):
        shapes = layer_frame(boundaries).set_index("area").geometry
    else:
        column = _code_column(boundaries, None)
        keys = (boundaries[column] if column else boundaries.index.to_series()).astype(str)
        shapes = gpd.GeoSeries(boundaries.geometry.values, index=keys.values, crs=boundaries.crs)
    geometry = shapes.reindex(frame[on].astype(str).values)
    out = gpd.GeoDataFrame(frame.copy(), geometry=geometry.values, crs=shapes.crs)
    out.attrs.update(frame.attrs)
    return out


class Weights:
    """Spatial weights (libcohesion's CSR Weights) with scipy/libpysal views."""

    def __init__(self, native):
        self._native = native

    @property
    def native(self):
        return self._native

    @property
    def n(self) -> int:
        return self._native.n

    @property
    def ids(self) -> list:
        return list(self._native.ids)

    @property
    def description(self) -> str:
        return self._native.description

    @property
    def sparse(self):
        """A scipy.sparse.csr_matrix (rows and columns in `ids` order)."""
        from scipy import sparse
        w = self._native
        return sparse.csr_matrix((w.values, w.neighbours, w.offsets), shape=(w.n, w.n))

    @property
    def neighbors(self) -> dict:
        """{id: [neighbour ids]} as libpysal's W.neighbors."""
        ids, nb, off = self.ids, self._native.neighbours, self._native.offsets
        return {ids[i]: [ids[j] for j in nb[off[i]:off[i + 1]]] for i in range(self.n)}

    @property
    def weights(self) -> dict:
        """{id: [weights]} as libpysal's W.weights."""
        ids, values, off = self.ids, self._native.values, self._native.offsets
        return {ids[i]: values[off[i]:off[i + 1]].tolist() for i in range(self.n)}

    @property
    def cardinalities(self) -> dict:
        off = self._native.offsets
        return {self.ids[i]: int(off[i + 1] - off[i]) for i in range(self.n)}

    @property
    def islands(self) -> list:
        return [self.ids[i] for i in self._native.islands()]

    def components(self) -> np.ndarray:
        return self._native.components()

    def row_standardised(self) -> "Weights":
        return Weights(self._native.row_standardised())

    def to_libpysal(self):
        """A libpysal.weights.W with the same neighbours and weights (needs libpysal)."""
        from libpysal.weights import W
        return W(self.neighbors, self.weights, id_order=self.ids, silence_warnings=True)

    def write(self, path) -> None:
        """GeoDa GAL (binary) or, for a .gwt path, GWT (weighted)."""
        path = os.fspath(path)
        if path.endswith(".gwt"):
            self._native.write_gwt(path)
        else:
            self._native.write_gal(path)

    @classmethod
    def from_dicts(cls, neighbors: dict, weights: Optional[dict] = None, ids=None,
                   description: str = "given weights") -> "Weights":
        """From libpysal-style dicts (e.g. a W's .neighbors and .weights)."""
        nbrs = {str(k): [str(j) for j in v] for k, v in neighbors.items()}
        wts = {str(k): [float(x) for x in v] for k, v in (weights or {}).items()}
        ids = [str(i) for i in (ids if ids is not None else neighbors.keys())]
        position = {i: k for k, i in enumerate(ids)}
        offsets, nb, values = [0], [], []
        for i in ids:
            row = nbrs.get(i, [])
            nb.extend(position[j] for j in row)
            values.extend(wts.get(i, [1.0] * len(row)))
            offsets.append(len(nb))
        return cls(_cohesion.weights_from_csr(offsets, nb, values, ids, description))

    def __repr__(self) -> str:
        return f"<cohesion Weights: {self.n} areas, {self.description}>"


def weights(boundaries, rule: str = "queen", *, snap: float = 0.0, id: Optional[str] = None, crs: str = "") -> Weights:
    """`cohesion weights`: queen, rook, knn:K, band:METRES, kernel:FUNCTION:METRES,
    adaptive:FUNCTION:K (or a .gal/.gwt file) over the boundaries, in their order."""
    return Weights(_cohesion.build_weights(as_layer(boundaries, id=id, crs=crs), rule=rule, snap=snap))


def read_weights(path, order) -> Weights:
    """A GeoDa GAL/GWT file, rows matched to `order` (area codes, or an AreaLayer / GeoDataFrame)."""
    if not isinstance(order, (list, tuple)):
        order = as_layer(order).codes
    return Weights(_cohesion.read_weights(os.fspath(path), [str(o) for o in order]))


def _spatial_data(data, boundaries, weights_rule, snap, code_field, crs, table_options):
    if boundaries is None:
        if not hasattr(data, "geometry"):
            raise CohesionError("spatial analyses need boundaries: pass a GeoDataFrame as data or boundaries=")
        boundaries = data
    layer = as_layer(boundaries, id=code_field, crs=crs)
    table = as_table(data, **table_options)
    source = boundaries if isinstance(boundaries, str) else "GeoDataFrame"
    if isinstance(weights_rule, Weights):
        # A Weights object (built, read or from libpysal dicts) goes through the same GWT
        # reader as `--weights FILE.gwt`, so its ids are checked against the areas the same way.
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "weights.gwt")
            weights_rule.write(path)
            return _cohesion.join_spatial(table, layer, rule=path, snap=snap, boundaries=source), boundaries
    return _cohesion.join_spatial(table, layer, rule=os.fspath(weights_rule), snap=snap, boundaries=source), boundaries


def spatial_indices(data, boundaries=None, *, group=None, index=None, proximity_unit: str = "km",
                    weights: str = "queen", snap: float = 0.0, code_field: Optional[str] = None, crs: str = "",
                    threads: int = 0, **table_options) -> pd.DataFrame:
    """`cohesion spatial`: spatial dissimilarity (Morrill, Wong), concentration,
    centralisation, clustering, proximity, ... of each group vs the rest.

    `data` is the count table (DataFrame with `id=`, `groups=`, ... as in `as_table`, a
    Table or a path); `boundaries` a GeoDataFrame (its code column `code_field`, by default
    as the CLI picks one), a path or an AreaLayer; omitted when `data` is a GeoDataFrame."""
    if proximity_unit not in ("km", "m"):
        raise CohesionError("proximity_unit: expected 'km' (Massey & Denton) or 'm' (pysal 2.5)")
    d, _ = _spatial_data(data, boundaries, weights, snap, code_field, crs, table_options)
    return result_frame(_cohesion.spatial_index_table(d, indices=_as_list(index), focal=_as_list(group),
                                                      proximity_unit_m=1.0 if proximity_unit == "m" else 1000.0,
                                                      threads=threads))


def hotspots(data, boundaries=None, *, group: str, variable: str = "share", permutations: int = 999,
             alpha: float = 0.05, fdr: bool = True, seed: int = 20170601, weights: str = "queen", snap: float = 0.0,
             code_field: Optional[str] = None, crs: str = "", threads: int = 0, **table_options) -> dict:
    """`cohesion hotspots`: {"global": Moran's I, "areas": per-area LISA and G* (a GeoDataFrame)}."""
    d, shapes = _spatial_data(data, boundaries, weights, snap, code_field, crs, table_options)
    out = named_frames(_cohesion.hot_spot_tables(d, group=group, variable=variable, permutations=permutations,
                                                 alpha=alpha, fdr=fdr, seed=seed, threads=threads),
                       ["global", "areas"])
    out["areas"] = with_geometry(out["areas"], shapes if not isinstance(shapes, str) else d.layer)
    out["areas"].attrs["kind"] = "local"
    return out


def enclaves(data, boundaries=None, *, group: str, lisa: bool = False, min_areas: int = 2, min_lq: float = 1.5,
             permutations: int = 999,
             alpha: float = 0.05, fdr: bool = True, seed: int = 20170601, weights: str = "queen", snap: float = 0.0,
             code_field: Optional[str] = None, crs: str = "", threads: int = 0, **table_options) -> dict:
    """`cohesion enclaves`: {"enclaves": the list, "areas": member areas (a GeoDataFrame)}.
    Member areas need a location quotient of at least `min_lq` (docs/conventions.md)."""
    d, shapes = _spatial_data(data, boundaries, weights, snap, code_field, crs, table_options)
    out = named_frames(_cohesion.enclave_tables(d, group=group, permutations=permutations, alpha=alpha, fdr=fdr,
                                                seed=seed, use_lisa=lisa, min_areas=min_areas, min_lq=min_lq,
                                                threads=threads),
                       ["enclaves", "areas"])
    out["areas"] = with_geometry(out["areas"], shapes if not isinstance(shapes, str) else d.layer)
    out["areas"].attrs["kind"] = "local"
    return out


def profile(data, boundaries=None, *, group=None, distances=(250, 500, 1000, 2000), kernel: str = "triangular",
            contiguity: bool = True, round: bool = False, index=None, weights: str = "queen", snap: float = 0.0,
            code_field: Optional[str] = None, crs: str = "", threads: int = 0, **table_options) -> pd.DataFrame:
    """`cohesion profile`: segregation across geographic scales — each index computed on
    local environments (a `kernel` on area centroids with bandwidth each of `distances`
    in metres, each area counting itself fully; Reardon et al. 2008), plus the aspatial
    value and (unless `contiguity=False`) the `weights` neighbourhoods. Two-group indices
    for each `group` (default every group) vs the rest; multigroup ones for "all groups".
    Columns scale, index, focal, value (as the CLI's); attrs["kind"] = "profile"."""
    d, _ = _spatial_data(data, boundaries, weights, snap, code_field, crs, table_options)
    names = _as_list(index) or ["dissimilarity", "isolation", "multi_dissimilarity", "mutual_information",
                                "information_theory"]
    frame = result_frame(_cohesion.profile_table(d, distances=[float(x) for x in distances], kernel=kernel,
                                                 contiguity=contiguity, round=round, focal=_as_list(group),
                                                 indices=names, weights_rule=os.fspath(weights), threads=threads))
    frame.attrs["kind"] = "profile"
    return frame


def emerging(a, b, boundaries=None, *, group: str, lisa: bool = False, min_areas: int = 2, min_lq: float = 1.5,
             years: float = 10.0,
             permutations: int = 999, alpha: float = 0.05, fdr: bool = True, seed: int = 20170601,
             weights: str = "queen", snap: float = 0.0, code_field: Optional[str] = None, crs: str = "",
             label_a: str = "A", label_b: str = "B", threads: int = 0, **table_options) -> dict:
    """`cohesion emerging A B`: the group's enclaves in each census (same areas — harmonise
    first — same weights and seed), matched into emerging / persisting / dissolved.
    Returns {"enclaves": one row per enclave with its status and annualised growth,
    "areas": per-area membership in each year (a GeoDataFrame, attrs["kind"] = "local",
    mapped by `status`)}. `b` is restricted to A's areas, as the CLI does."""
    d, shapes = _spatial_data(a, boundaries, weights, snap, code_field, crs, table_options)
    out = named_frames(_cohesion.emerging_tables(d, as_table(b, **table_options), group=group,
                                                 permutations=permutations, alpha=alpha, fdr=fdr, seed=seed,
                                                 use_lisa=lisa, min_areas=min_areas, min_lq=min_lq, years=years,
                                                 label_a=label_a, label_b=label_b, threads=threads),
                       ["enclaves", "areas"])
    out["areas"] = with_geometry(out["areas"], shapes if not isinstance(shapes, str) else d.layer)
    out["areas"].attrs["kind"] = "local"
    out["areas"].attrs["plot_column"] = "status"
    return out
