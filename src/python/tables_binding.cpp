// Table in and out of Python. In: counts from a numpy array read in place through its
// strides (pandas keeps a float64 block of a DataFrame column-major, which is exactly
// the Table's layout), validated by core/table_from_arrays with the CSV loaders' messages;
// or a file through io/table_input (the CLI's readers and options). Out: the counts as a
// read-only numpy view of the Table's own storage (no copy), kept alive by the Table.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "core/table_from_arrays.hpp"
#include "core/table_operations.hpp"
#include "io/table_input.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;

namespace cohesion::python {

namespace {

Table table_from_arrays(std::vector<std::string> codes, std::vector<std::string> groups,
                        const py::array_t<double>& counts, const std::string& total_name,
                        const std::optional<py::array_t<double>>& totals,
                        const std::vector<std::pair<std::string, std::vector<std::string>>>& levels,
                        const std::string& source, const std::string& id_column) {
    if (counts.ndim() != 2 || counts.shape(0) != static_cast<py::ssize_t>(codes.size()) ||
        counts.shape(1) != static_cast<py::ssize_t>(groups.size()))
        throw Error("internal: counts must be an areas x groups array");
    TableColumns c;
    c.source = source;
    c.id_column = id_column;
    c.area_codes = std::move(codes);
    c.group_names = std::move(groups);
    c.counts = counts.data();
    c.row_stride = static_cast<std::size_t>(counts.strides(0)) / sizeof(double);
    c.column_stride = static_cast<std::size_t>(counts.strides(1)) / sizeof(double);
    if (counts.strides(0) < 0 || counts.strides(1) < 0 || counts.strides(0) % sizeof(double) || counts.strides(1) % sizeof(double))
        throw Error("internal: counts must have positive, aligned strides");
    c.total_name = total_name;
    if (totals) {
        if (totals->ndim() != 1 || totals->shape(0) != static_cast<py::ssize_t>(c.area_codes.size()) ||
            totals->strides(0) != sizeof(double))
            throw Error("internal: totals must be a contiguous vector, one per area");
        c.totals = std::span<const double>(totals->data(), c.area_codes.size());
    }
    for (const auto& [name, labels] : levels) c.levels.push_back(Level{name, labels});
    py::gil_scoped_release release;  // validation and the one copy into the Table
    return table_from_columns(std::move(c));
}

InputLayout layout_of(const std::string& text) { return parse_input_layout(text); }

}  // namespace

void bind_tables(py::module_& m) {
    py::class_<Table>(m, "Table", "Areas x groups of non-negative counts (libcohesion's Table)")
        .def_property_readonly("areas", &Table::areas)
        .def_property_readonly("groups", &Table::groups)
        .def_property_readonly("area_codes", &Table::area_codes)
        .def_property_readonly("group_names", &Table::group_names)
        .def_property_readonly("counts",
                               [](py::object self) {
                                   const Table& t = self.cast<const Table&>();
                                   const py::ssize_t n = static_cast<py::ssize_t>(t.areas());
                                   const py::ssize_t k = static_cast<py::ssize_t>(t.groups());
                                   static const double empty = 0.0;
                                   const double* data = k > 0 && n > 0 ? t.column(0).data() : &empty;
                                   py::array_t<double> view({n, k}, {static_cast<py::ssize_t>(sizeof(double)),
                                                                     static_cast<py::ssize_t>(sizeof(double)) * n},
                                                            data, self);
                                   py::detail::array_proxy(view.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
                                   return view;
                               },
                               "areas x groups counts: a read-only view of the table's column-major storage")
        .def_property_readonly("declared_total_name", &Table::declared_total_name)
        .def_property_readonly("declared_total",
                               [](const Table& t) -> py::object {
                                   if (!t.has_declared_total()) return py::none();
                                   const auto v = t.declared_total();
                                   return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
                               })
        .def_property_readonly("levels",
                               [](const Table& t) {
                                   py::dict out;
                                   for (const auto& level : t.levels()) out[py::str(level.name)] = level.labels;
                                   return out;
                               })
        .def_property_readonly("source", &Table::source)
        .def_property_readonly("history", &Table::history)
        .def("filter", [](const Table& t, const std::string& where) { return filter_areas(t, where); }, py::arg("where"),
             "Keep the areas with LEVEL=VALUE")
        .def("select_areas", &select_area_codes, py::arg("codes"))
        .def("aggregate", &aggregate, py::arg("level"))
        .def("merge", &merge_groups, py::arg("expression"), "NAME=A+B+...: replace groups by their sum")
        .def("select_groups", &select_groups, py::arg("groups"))
        .def("residual", &add_residual_group, py::arg("name"))
        .def("__repr__", [](const Table& t) {
            return "<cohesion Table: " + std::to_string(t.areas()) + " areas x " + std::to_string(t.groups()) +
                   " groups from " + (t.source().empty() ? std::string("memory") : t.source()) + ">";
        });

    m.def("table_from_arrays", &table_from_arrays, py::arg("codes"), py::arg("groups"), py::arg("counts"),
          py::arg("total_name") = "", py::arg("totals") = std::nullopt,
          py::arg("levels") = std::vector<std::pair<std::string, std::vector<std::string>>>{},
          py::arg("source") = "DataFrame", py::arg("id_column") = "id");

    m.def(
        "read_table",
        [](const std::string& path, const std::string& layout, const std::string& id, const std::vector<std::string>& group_columns,
           const std::vector<std::string>& level_columns, const std::string& total, const std::string& area_column,
           const std::string& group_column, const std::string& count_column, const std::string& categories,
           const std::string& category_map, const std::vector<std::string>& where, const std::string& aggregate_to,
           const std::vector<std::string>& merges, const std::string& residual, const std::string& percent_of,
           const std::string& percent_total, const std::string& levels_from, const std::string& scheme,
           const std::vector<std::string>& groups) {
            TableInput input;
            input.path = path;
            input.layout = layout_of(layout);
            input.wide.id_column = id;
            input.wide.group_columns = group_columns;
            input.wide.level_columns = level_columns;
            input.wide.total_column = total;
            input.long_format.area_column = area_column;
            input.long_format.group_column = group_column;
            input.long_format.count_column = count_column;
            if (categories == "leaf") input.ons.level = OnsCategoryLevel::leaf;
            else if (categories == "top") input.ons.level = OnsCategoryLevel::top;
            else throw Error(Field{"categories"}, "expected 'leaf' or 'top', got '" + categories + "'");
            input.category_map_path = category_map;
            input.where = where;
            input.aggregate_to = aggregate_to;
            input.merges = merges;
            input.residual_name = residual;
            input.percent_of = percent_of;
            input.percent_total_column = percent_total;
            input.levels_from = levels_from;
            input.scheme_path = scheme;
            input.groups = groups;
            py::gil_scoped_release release;
            return load_table(input);
        },
        py::arg("path"), py::arg("layout") = "auto", py::arg("id") = "", py::arg("group_columns") = std::vector<std::string>{},
        py::arg("level_columns") = std::vector<std::string>{}, py::arg("total") = "", py::arg("area_column") = "",
        py::arg("group_column") = "", py::arg("count_column") = "", py::arg("categories") = "leaf",
        py::arg("category_map") = "", py::arg("where") = std::vector<std::string>{}, py::arg("aggregate") = "",
        py::arg("merge") = std::vector<std::string>{}, py::arg("residual") = "", py::arg("percent_of") = "",
        py::arg("percent_total") = "total", py::arg("levels_from") = "", py::arg("scheme") = "",
        py::arg("groups") = std::vector<std::string>{});
}

}  // namespace cohesion::python
