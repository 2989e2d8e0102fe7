#include "report/atlas_page.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <ogr_geometry.h>

#include <cmath>
#include <limits>
#include <map>

#include "geo/area_layer.hpp"
#include "report/classification.hpp"
#include "report/html_report.hpp"

namespace cohesion {

namespace {

constexpr double simplify_metres = 250.0;

struct Bounds {
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
};

// One polygon's rings as SVG path commands in hectometres, y flipped (north up).
void append_polygon(const OGRPolygon& polygon, std::string& d, Bounds& b) {
    auto ring = [&](const OGRLinearRing* r) {
        if (!r) return;
        for (int i = 0; i < r->getNumPoints(); ++i) {
            const long x = std::lround(r->getX(i) / 100.0), y = std::lround(-r->getY(i) / 100.0);
            b.x0 = std::min(b.x0, double(x)), b.x1 = std::max(b.x1, double(x));
            b.y0 = std::min(b.y0, double(y)), b.y1 = std::max(b.y1, double(y));
            d += fmt::format("{}{} {}", i == 0 ? "M" : "L", x, y);
        }
        d += "Z";
    };
    ring(polygon.getExteriorRing());
    for (int k = 0; k < polygon.getNumInteriorRings(); ++k) ring(polygon.getInteriorRing(k));
}

std::string svg_path(const OGRGeometry& g, Bounds& b) {
    std::string d;
    if (const auto* p = dynamic_cast<const OGRPolygon*>(&g)) append_polygon(*p, d, b);
    else if (const auto* m = dynamic_cast<const OGRMultiPolygon*>(&g))
        for (const auto* part : *m) append_polygon(*part, d, b);
    return d;
}

// Ordered: measures and groups keep the atlas's order (WhiteBrit, Irish, …), not the alphabet's.
using Json = nlohmann::ordered_json;

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

// The page's script: measure and group choosers, colours, legend, hover text, sortable table.
constexpr const char* script = R"JS(
const A = JSON.parse(document.getElementById('atlas-data').textContent);
const measureSel = document.getElementById('measure'), groupSel = document.getElementById('group');
const names = {dissimilarity: 'Dissimilarity D', isolation: 'Isolation', mutual_information: 'Mutual information M',
               information_theory: "Theil's H"};
const fmt = v => v === null ? '–' : (Math.abs(v) < 0.01 && v !== 0 ? v.toExponential(1) : v.toFixed(3));
const ordinal = n => n + (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({1: 'st', 2: 'nd', 3: 'rd'}[n % 10] || 'th'));
let sortColumn = 'rank', sortUp = true;
for (const m of Object.keys(A.views)) measureSel.add(new Option(names[m] || m, m));
function fillGroups() {
  groupSel.innerHTML = '';
  for (const g of Object.keys(A.views[measureSel.value])) groupSel.add(new Option(g, g));
}
function sentence(r, m, g) {
  const who = g === 'all groups' ? 'all groups' : g + ' residents';
  let s = `${r.lad}: ${who}' ${names[m] || m} ${fmt(r.estimate)}`;
  if (r.ci_lower !== null) s += ` (95 % interval ${fmt(r.ci_lower)} to ${fmt(r.ci_upper)})`;
  s += r.rank ? `, ${ordinal(r.rank)} of ${r.ranked_among} authorities` : ` (not ranked: ${r.reason || 'no value'})`;
  if (r.rank_lower) s += ` (rank interval ${r.rank_lower} to ${r.rank_upper})`;
  return s + (r.peers ? `; similar towns: ${r.peers}` : '');
}
function draw() {
  const m = measureSel.value, g = groupSel.value, view = A.views[m][g];
  const byCode = {};
  for (const r of view.rows) if (r.code) byCode[r.code] = r;
  const colour = v => {
    if (v === null) return '#dddddd';
    const b = view.breaks;
    for (let k = 1; k < b.length; ++k) if (v <= b[k]) return view.colours[k - 1];
    return view.colours[view.colours.length - 1];
  };
  for (const p of document.querySelectorAll('#map path')) {
    const r = byCode[p.dataset.code];
    p.setAttribute('fill', r ? (r.rank ? colour(r.estimate) : '#f3efe6') : '#dddddd');
    p.querySelector('title').textContent = r ? sentence(r, m, g) : p.dataset.name;
  }
  const legend = document.getElementById('legend');
  legend.innerHTML = `<strong>${names[m] || m}, ${g === 'all groups' ? 'all groups' : g + ' residents'}</strong> ` +
    '(0 = spread evenly; higher = living more apart)<br>' +
    view.colours.map((c, k) => `<span class="key" style="background:${c}"></span>${fmt(view.breaks[k])} to ${fmt(view.breaks[k + 1])}`).join(' ') +
    ' <span class="key" style="background:#f3efe6;outline:1px solid #ccc"></span>not ranked: too few of the group, or no different from chance' +
    ' <span class="key" style="background:#dddddd"></span>no value. Blank: authorities merged since 2011, with no 2021 boundary of their own';
  const rows = view.rows.slice().sort((a, b) => {
    let x = a[sortColumn], y = b[sortColumn];
    if (x === null || x === 0 || x === '') x = sortUp ? Infinity : -Infinity;
    if (y === null || y === 0 || y === '') y = sortUp ? Infinity : -Infinity;
    return (x < y ? -1 : x > y ? 1 : 0) * (sortUp ? 1 : -1);
  });
  document.querySelector('#table tbody').innerHTML = rows.map(r =>
    `<tr><td>${r.lad}</td><td>${r.region}</td><td>${fmt(r.estimate)}</td><td>${r.ci_lower === null ? '' : fmt(r.ci_lower) + ' – ' + fmt(r.ci_upper)}</td>` +
    `<td>${r.rank || ''}</td><td>${r.rank_lower ? r.rank_lower + ' – ' + r.rank_upper : ''}</td><td>${r.reason}</td><td>${r.peers}</td></tr>`).join('');
}
for (const th of document.querySelectorAll('#table th'))
  th.addEventListener('click', () => {
    sortUp = sortColumn === th.dataset.column ? !sortUp : true;
    sortColumn = th.dataset.column;
    draw();
  });
measureSel.addEventListener('change', () => { fillGroups(); draw(); });
groupSel.addEventListener('change', draw);
fillGroups();
draw();
)JS";

}  // namespace

std::string atlas_page_html(const AtlasFolder& atlas) {
    // Every measure and group: rows plus the classification of their estimates.
    Json views = Json::object();
    for (const auto& index : atlas.indices()) {
        for (const auto& group : atlas.groups(index)) {
            Json rows = Json::array();
            std::vector<double> values;
            for (const auto& r : atlas.rows) {
                if (r.index != index || r.group != group) continue;
                // Classes over ranked authorities only: values the ranking rule set aside (too few
                // of the group, or no different from chance) are drawn pale, never as a class.
                values.push_back(r.rank > 0 ? r.estimate : std::numeric_limits<double>::quiet_NaN());
                const auto peers = atlas.peers.find(r.lad);
                std::string peer_list;
                if (peers != atlas.peers.end())
                    for (std::size_t k = 0; k < peers->second.size() && k < 5; ++k)
                        peer_list += (k ? ", " : "") + peers->second[k];
                rows.push_back({{"lad", r.lad}, {"code", r.code}, {"region", r.region},
                                {"estimate", number(r.estimate)}, {"ci_lower", number(r.ci_lower)},
                                {"ci_upper", number(r.ci_upper)}, {"rank", r.rank}, {"rank_lower", r.rank_lower},
                                {"rank_upper", r.rank_upper}, {"ranked_among", r.ranked_among},
                                {"reason", r.reason}, {"peers", peer_list}});
            }
            const MapClasses c = map_classes(values);
            views[index][group] = {{"rows", rows}, {"breaks", c.breaks}, {"colours", c.colours}};
        }
    }
    std::string paths;
    Bounds b;
    if (!atlas.polygons.empty()) {
        AreaLayerOptions o;
        o.code_field = "code";
        const AreaLayer layer = load_area_layer(atlas.polygons, o);
        std::map<std::string, std::string> lad_of;
        for (const auto& t : atlas.towns) lad_of[t.code] = t.lad;
        for (std::size_t k = 0; k < layer.size(); ++k) {
            std::unique_ptr<OGRGeometry> g(layer.geometry[k]->SimplifyPreserveTopology(simplify_metres));
            const std::string d = svg_path(g && !g->IsEmpty() ? *g : *layer.geometry[k], b);
            const std::string name = html_escape(lad_of.count(layer.codes[k]) ? lad_of[layer.codes[k]] : layer.codes[k]);
            paths += fmt::format("<path data-code=\"{}\" data-name=\"{}\" d=\"{}\"><title>{}</title></path>\n",
                                 html_escape(layer.codes[k]), name, d, name);
        }
    }
    // JSON inside <script>: "</" would end the element.
    std::string data = views.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    for (std::size_t at = 0; (at = data.find("</", at)) != std::string::npos; at += 3) data.replace(at, 2, "<\\/");
    std::string notes;
    for (const auto& n : atlas.notes) notes += "<li>" + html_escape(n) + "</li>";
    const std::string map =
        paths.empty() ? "<p>No polygons: the atlas was written without boundaries.</p>"
                      : fmt::format("<svg id=\"map\" viewBox=\"{} {} {} {}\" role=\"img\" aria-label=\"Map of local "
                                    "authorities\">\n{}</svg>",
                                    b.x0 - 20, b.y0 - 20, b.x1 - b.x0 + 40, b.y1 - b.y0 + 40, paths);
    return fmt::format(R"HTML(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Segregation by local authority — cohesion atlas</title>
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; margin: 1.2em; color: #222; }}
h1 {{ font-size: 1.4em; margin: 0 0 .3em; }}
.layout {{ display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }}
#map {{ width: min(560px, 100%); height: auto; background: #f4f7fa; }}
#map path {{ stroke: #fff; stroke-width: 4; vector-effect: non-scaling-stroke; stroke-width: .4; }}
#map path:hover {{ stroke: #000; stroke-width: 1.5; }}
.side {{ flex: 1; min-width: 320px; }}
.key {{ display: inline-block; width: 1em; height: 1em; vertical-align: middle; margin: 0 .2em 0 .6em; }}
table {{ border-collapse: collapse; font-size: 13px; margin-top: .8em; }}
th {{ cursor: pointer; text-align: left; background: #eef; position: sticky; top: 0; }}
th, td {{ padding: 2px 6px; border-bottom: 1px solid #ddd; }}
.scroll {{ max-height: 70vh; overflow: auto; }}
.notes {{ color: #555; font-size: 13px; }}
</style></head><body>
<h1>Segregation by local authority</h1>
<p>Choose a measure and a group; hover over an authority for its value, interval, rank and similar towns.
Click a column heading to sort.</p>
<label>Measure <select id="measure"></select></label> <label>Group <select id="group"></select></label>
<p id="legend"></p>
<div class="layout">{}
<div class="side scroll"><table id="table"><thead><tr>
<th data-column="lad">Local authority</th><th data-column="region">Region</th><th data-column="estimate">Value</th>
<th data-column="ci_lower">95 % interval</th><th data-column="rank">Rank</th><th data-column="rank_lower">Rank interval</th>
<th data-column="reason">Not ranked because</th><th data-column="peers">Similar towns</th></tr></thead><tbody></tbody></table></div>
</div>
<h2>Notes</h2><ul class="notes">{}</ul>
<script type="application/json" id="atlas-data">{{"views":{}}}</script>
<script>{}</script>
</body></html>
)HTML",
                       map, notes, data, script);
}

}  // namespace cohesion
