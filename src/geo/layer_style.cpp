#include "geo/layer_style.hpp"

#include "core/message_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "core/error.hpp"

namespace cohesion {

namespace {

const char* const kViridis[] = {"68,1,84", "59,82,139", "33,145,140", "94,201,98", "253,231,37"};
const char* const kViridisHex[] = {"#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"};
const char* const kQualitative[] = {"213,94,0",   "0,114,178",  "0,158,115", "204,121,167",
                                    "230,159,0",  "86,180,233", "240,228,66", "0,0,0"};
const char* const kQualitativeHex[] = {"#d55e00", "#0072b2", "#009e73", "#cc79a7",
                                       "#e69f00", "#56b4e9", "#f0e442", "#000000"};


std::string fill_symbol(std::size_t id, const std::string& rgb) {
    return fmt::format(
        R"(<symbol type="fill" name="{}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" pass="0" locked="0" enabled="1"><Option type="Map"><Option name="color" type="QString" value="{},255"/><Option name="outline_color" type="QString" value="255,255,255,255"/><Option name="outline_width" type="QString" value="0.1"/><Option name="outline_width_unit" type="QString" value="MM"/><Option name="style" type="QString" value="solid"/></Option></layer></symbol>)",
        id, rgb);
}

std::string qml(const std::string& renderer) {
    return R"(<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>)"
           "\n<qgis version=\"3.22.0\" styleCategories=\"Symbology|Labeling\">\n" +
           renderer + "\n</qgis>\n";
}

std::string sld(const std::string& layer, const std::string& rules) {
    return fmt::format(
        R"(<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" version="1.1.0" xmlns:se="http://www.opengis.net/se"><NamedLayer><se:Name>{}</se:Name><UserStyle><se:Name>{}</se:Name><se:FeatureTypeStyle>{}</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>
)",
        xml_escape(layer), xml_escape(layer), rules);
}

std::string sld_rule(const std::string& name, const std::string& filter, const std::string& hex) {
    return fmt::format(
        R"(<se:Rule><se:Name>{}</se:Name>{}<se:PolygonSymbolizer><se:Fill><se:SvgParameter name="fill">{}</se:SvgParameter></se:Fill><se:Stroke><se:SvgParameter name="stroke">#ffffff</se:SvgParameter><se:SvgParameter name="stroke-width">0.3</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>)",
        xml_escape(name), filter, hex);
}

std::string break_text(double v) { return fmt::format("{:.6g}", v); }

}  // namespace

LayerStyle default_layer_style(const ResultTable& table, const std::string& column) {
    const auto at = std::find(table.columns.begin(), table.columns.end(), column);
    if (at == table.columns.end()) throw Error(Location{"", 0, column}, "no such column to style the map layer by");
    const auto c = static_cast<std::size_t>(at - table.columns.begin());
    std::vector<std::string> categories;
    std::vector<double> numbers;
    std::set<std::string> seen;
    for (const auto& row : table.rows) {
        if (c >= row.size()) continue;
        if (const auto* s = std::get_if<std::string>(&row[c])) {
            if (!s->empty() && seen.insert(*s).second) categories.push_back(*s);
        } else {
            const double v = cell_number(row[c]);
            if (std::isfinite(v)) numbers.push_back(v);
        }
    }
    LayerStyle style;
    style.name = "cohesion: " + column;
    const std::string attr = xml_escape(column);
    std::string symbols, items, rules;
    if (!categories.empty()) {
        // Categories: in order of first appearance, at most eight colours, then repeated.
        std::sort(categories.begin(), categories.end());
        for (std::size_t k = 0; k < categories.size(); ++k) {
            const bool quiet = categories[k] == "ns" || categories[k] == "no" || categories[k] == "not significant";
            const std::string rgb = quiet ? "221,221,221" : kQualitative[k % 8];
            const std::string hex = quiet ? "#dddddd" : kQualitativeHex[k % 8];
            items += fmt::format(R"(<category value="{}" symbol="{}" label="{}" render="true"/>)",
                                 xml_escape(categories[k]), k, xml_escape(categories[k]));
            symbols += fill_symbol(k, rgb);
            rules += sld_rule(categories[k],
                              fmt::format(R"(<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>{}</ogc:PropertyName><ogc:Literal>{}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>)",
                                          attr, xml_escape(categories[k])),
                              hex);
        }
        style.qml = qml(fmt::format(
            R"(<renderer-v2 type="categorizedSymbol" attr="{}" symbollevels="0" enableorderby="0" forceraster="0"><categories>{}</categories><symbols>{}</symbols></renderer-v2>)",
            attr, items, symbols));
    } else {
        // Numbers: quantile class breaks (equal counts), the classes that tie collapsed.
        std::sort(numbers.begin(), numbers.end());
        std::vector<double> breaks;
        if (!numbers.empty()) {
            breaks.push_back(numbers.front());
            for (int k = 1; k <= 5; ++k) {
                const double b = numbers[std::min(numbers.size() - 1, numbers.size() * k / 5)];
                if (b > breaks.back() || k == 5) breaks.push_back(std::max(b, breaks.back()));
            }
            breaks.back() = numbers.back();
        }
        const std::size_t classes = breaks.size() > 1 ? breaks.size() - 1 : 0;
        for (std::size_t k = 0; k < classes; ++k) {
            const std::size_t colour = classes == 1 ? 2 : k * 4 / (classes - 1);
            const std::string label = break_text(breaks[k]) + " – " + break_text(breaks[k + 1]);
            items += fmt::format(R"(<range lower="{}" upper="{}" symbol="{}" label="{}" render="true"/>)",
                                 fmt::format("{}", breaks[k]), fmt::format("{}", breaks[k + 1]), k, xml_escape(label));
            symbols += fill_symbol(k, kViridis[colour]);
            rules += sld_rule(
                label,
                fmt::format(R"(<ogc:Filter><ogc:And><ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyName>{0}</ogc:PropertyName><ogc:Literal>{1}</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo><ogc:PropertyIsLessThanOrEqualTo><ogc:PropertyName>{0}</ogc:PropertyName><ogc:Literal>{2}</ogc:Literal></ogc:PropertyIsLessThanOrEqualTo></ogc:And></ogc:Filter>)",
                            attr, breaks[k], breaks[k + 1]),
                kViridisHex[colour]);
        }
        style.qml = qml(fmt::format(
            R"(<renderer-v2 type="graduatedSymbol" attr="{}" graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0"><ranges>{}</ranges><symbols>{}</symbols><mode name="quantile"/></renderer-v2>)",
            attr, items, symbols));
    }
    style.sld = sld(column, rules);
    return style;
}

LayerStyle zone_outline_style(const std::string& label_column) {
    LayerStyle style;
    style.name = "cohesion: zone outlines";
    const std::string attr = xml_escape(label_column);
    style.qml = qml(fmt::format(
        R"(<renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0"><symbols><symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" pass="0" locked="0" enabled="1"><Option type="Map"><Option name="color" type="QString" value="0,0,0,0"/><Option name="outline_color" type="QString" value="0,0,0,255"/><Option name="outline_width" type="QString" value="0.6"/><Option name="outline_width_unit" type="QString" value="MM"/><Option name="style" type="QString" value="no"/></Option></layer></symbol></symbols></renderer-v2>
<labeling type="simple"><settings calloutType="simple"><text-style fieldName="{}" fontSize="9" textColor="0,0,0,255"/><text-buffer bufferDraw="1" bufferSize="1" bufferColor="255,255,255,255"/></settings></labeling>)",
        attr));
    style.sld = sld(label_column,
                    R"(<se:Rule><se:Name>zones</se:Name><se:PolygonSymbolizer><se:Stroke><se:SvgParameter name="stroke">#000000</se:SvgParameter><se:SvgParameter name="stroke-width">2</se:SvgParameter></se:Stroke></se:PolygonSymbolizer></se:Rule>)");
    return style;
}

}  // namespace cohesion
