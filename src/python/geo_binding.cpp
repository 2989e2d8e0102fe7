// Boundaries and weights in and out of Python: an AreaLayer from a GeoDataFrame's WKB and
// CRS (geo/wkb_layer, checked and projected as a file would be) or from any OGR source;
// Weights built by the CLI's rules (analysis/spatial_data) exposed as CSR arrays, which
// the package turns into scipy.sparse and libpysal-style dicts; GAL/GWT files; and the
// table joined to its polygons (SpatialData), the input of every spatial analysis.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "analysis/spatial_data.hpp"
#include "core/error.hpp"
#include "geo/wkb_layer.hpp"
#include "python/bindings.hpp"
#include "python/move_only.hpp"
#include "weights/gal_gwt.hpp"

namespace py = pybind11;


namespace cohesion::python {

namespace {

template <class T>
py::array_t<T> numpy_copy(const std::vector<T>& v) {
    return py::array_t<T>(static_cast<py::ssize_t>(v.size()), v.data());
}

py::array_t<std::int64_t> numpy_indices(const std::vector<std::size_t>& v) {
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(v.size()));
    auto o = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < v.size(); ++i) o(static_cast<py::ssize_t>(i)) = static_cast<std::int64_t>(v[i]);
    return out;
}

AreaLayer copy_layer(const AreaLayer& layer) {
    std::vector<std::size_t> all(layer.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    AreaLayer out = subset_layer(layer, all);
    out.warnings = layer.warnings;
    return out;
}

AreaLayer layer_from_wkb(std::vector<std::string> codes, const py::list& wkb, const std::string& crs,
                         const std::string& target_crs, const std::string& source, const std::string& code_field) {
    WkbAreas areas;
    areas.source = source;
    areas.code_field = code_field;
    areas.codes = std::move(codes);
    areas.crs = crs;
    if (static_cast<std::size_t>(py::len(wkb)) != areas.codes.size()) throw Error("internal: one WKB per code expected");
    areas.wkb.reserve(areas.codes.size());
    for (const auto& item : wkb) {
        if (item.is_none()) {
            areas.wkb.emplace_back();
            continue;
        }
        char* data = nullptr;
        Py_ssize_t size = 0;
        if (PyBytes_AsStringAndSize(item.ptr(), &data, &size) != 0) throw py::error_already_set();
        areas.wkb.emplace_back(data, static_cast<std::size_t>(size));  // the list keeps the bytes alive
    }
    AreaLayerOptions options;
    options.target_crs = target_crs;
    py::gil_scoped_release release;
    return area_layer_from_wkb(areas, options);
}

Weights weights_from_csr(const std::vector<std::size_t>& offsets, const std::vector<std::size_t>& neighbours,
                         const std::vector<double>& values, std::vector<std::string> ids, const std::string& description) {
    if (offsets.empty() || offsets.back() != neighbours.size() || values.size() != neighbours.size())
        throw Error(Location{"", 0, "weights"}, "inconsistent CSR arrays (offsets, neighbours, values)");
    const std::size_t n = offsets.size() - 1;
    std::vector<std::vector<std::pair<std::size_t, double>>> rows(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (offsets[i] > offsets[i + 1]) throw Error(Location{"", 0, "weights"}, "offsets must not decrease");
        for (std::size_t k = offsets[i]; k < offsets[i + 1]; ++k) {
            if (neighbours[k] >= n) throw Error(Location{"", 0, "weights"}, "neighbour index out of range");
            rows[i].emplace_back(neighbours[k], values[k]);
        }
    }
    return weights_from_weighted_lists(std::move(rows), std::move(ids), description);
}

}  // namespace

void bind_geo(py::module_& m) {
    py::class_<AreaLayer>(m, "AreaLayer", "Area polygons, projected, with areas and centroids (libcohesion's AreaLayer)")
        .def_property_readonly("size", &AreaLayer::size)
        .def_readonly("source", &AreaLayer::source)
        .def_readonly("code_field", &AreaLayer::code_field)
        .def_readonly("crs", &AreaLayer::crs)
        .def_readonly("codes", &AreaLayer::codes)
        .def_readonly("warnings", &AreaLayer::warnings)
        .def_readonly("repaired", &AreaLayer::repaired)
        .def_property_readonly("area_km2", [](const AreaLayer& l) { return numpy_copy(l.area_km2); })
        .def_property_readonly("perimeter_m", [](const AreaLayer& l) { return numpy_copy(l.perimeter_m); })
        .def_property_readonly("centroid_x", [](const AreaLayer& l) { return numpy_copy(l.centroid_x); })
        .def_property_readonly("centroid_y", [](const AreaLayer& l) { return numpy_copy(l.centroid_y); })
        .def("wkb",
             [](const AreaLayer& l) {
                 py::list out;
                 for (const auto& g : l.geometry) {
                     std::string bytes(static_cast<std::size_t>(g->WkbSize()), '\0');
                     g->exportToWkb(wkbNDR, reinterpret_cast<unsigned char*>(bytes.data()), wkbVariantIso);
                     out.append(py::bytes(bytes));
                 }
                 return out;
             },
             "The projected polygons (in `crs`) as WKB, one per area");

    m.def("layer_from_wkb", &layer_from_wkb, py::arg("codes"), py::arg("wkb"), py::arg("crs") = "",
          py::arg("target_crs") = "", py::arg("source") = "GeoDataFrame", py::arg("code_field") = "id");
    m.def(
        "read_layer",
        [](const std::string& path, const std::string& layer, const std::string& code_field, const std::string& crs) {
            py::gil_scoped_release release;
            return load_area_layer(path, AreaLayerOptions{layer, code_field, crs});
        },
        py::arg("path"), py::arg("layer") = "", py::arg("code_field") = "", py::arg("crs") = "");

    py::class_<Weights>(m, "Weights", "Spatial weights in CSR form (libcohesion's Weights)")
        .def_readonly("n", &Weights::n)
        .def_readonly("ids", &Weights::ids)
        .def_readonly("description", &Weights::description)
        .def_property_readonly("offsets", [](const Weights& w) { return numpy_indices(w.offsets); })
        .def_property_readonly("neighbours", [](const Weights& w) { return numpy_indices(w.neighbours); })
        .def_property_readonly("values", [](const Weights& w) { return numpy_copy(w.values); })
        .def("islands", [](const Weights& w) { return numpy_indices(w.islands()); })
        .def("components",
             [](const Weights& w) {
                 std::size_t count = 0;
                 return numpy_indices(connected_components(w, &count));
             })
        .def("row_standardised", &row_standardised)
        .def("write_gal", &write_gal, py::arg("path"))
        .def("write_gwt", &write_gwt, py::arg("path"), py::arg("source_name") = "cohesion");

    m.def(
        "build_weights",
        [](const AreaLayer& layer, const std::string& rule, double snap) {
            py::gil_scoped_release release;
            return build_weights(WeightsSpec{rule, snap}, layer);
        },
        py::arg("layer"), py::arg("rule") = "queen", py::arg("snap") = 0.0);
    m.def("weights_from_csr", &weights_from_csr, py::arg("offsets"), py::arg("neighbours"), py::arg("values"),
          py::arg("ids"), py::arg("description") = "given weights");
    m.def("read_weights", &read_weights_file, py::arg("path"), py::arg("order"));

    py::class_<SpatialData>(m, "SpatialData", "A table joined to its polygons, with weights")
        .def_readonly("table", &SpatialData::table)
        .def_readonly("layer", &SpatialData::layer)
        .def_readonly("weights", &SpatialData::weights)
        .def_readonly("notes", &SpatialData::notes)
        .def_property_readonly("feature", [](const SpatialData& d) { return numpy_indices(d.feature); });
    m.def(
        "join_spatial",
        [](const Table& table, const AreaLayer& layer, const std::string& rule, double snap, const std::string& boundaries) {
            Table t = table;
            AreaLayer l = copy_layer(layer);
            py::gil_scoped_release release;
            return join_spatial(std::move(t), std::move(l), WeightsSpec{rule, snap}, boundaries);
        },
        py::arg("table"), py::arg("layer"), py::arg("rule") = "queen", py::arg("snap") = 0.0,
        py::arg("boundaries") = "GeoDataFrame");
}

}  // namespace cohesion::python
