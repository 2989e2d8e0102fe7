// cohesion dashboard: one page over the `cohesion serve` API. It draws the areas' own
// polygons (no tile server needed; ?basemap=URL adds raster tiles), colours them by the
// chosen view, and explains what is shown in words. All numbers come from the API; this
// file fetches, classifies for colour, labels and draws.
import maplibregl from "maplibre-gl";
import { initNational } from "./national.js";
import { showFindings } from "./findings.js";
import { initScenarioView } from "./scenario.js";

const $ = (id) => document.getElementById(id);
const VIRIDIS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];
const QUALITATIVE = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#f0e442", "#000000"];
const NONE = "#dddddd";
const INDICES = "dissimilarity,isolation,interaction,atkinson,entropy,mutual_information,information_theory";

// Every view: what it shows in words, which property colours the map, how its values
// read, and which controls matter. `own` views come with their own areas (the later
// census's, or Census 2021's for targeting) from their endpoint.
const VIEWS = {
  share: {
    title: (g) => `Share of residents who are ${g}`, property: (g) => `${g}_share`, kind: "percent",
    group: true, level: true, note: (g) => `Each area coloured by the share of its residents who are ${g}.`,
  },
  lq: {
    title: (g) => `${g}: share here ÷ share in the town`, property: (g) => `location_quotient_${g}`, kind: "ratio",
    group: true, level: true,
    note: (g) => `Location quotient: 1 means ${g} people make up the same share here as in the whole town; 2 means twice that share.`,
  },
  local_segregation: {
    title: () => "How different each area's make-up is from the town's", property: () => "local_segregation",
    kind: "number", group: false, level: true,
    note: () => "Local segregation (Theil's local M): 0 where an area's mix of groups is the town's mix; higher where it differs more.",
  },
  hotspots: {
    title: (g) => `Clusters of high and low shares of ${g}`, property: () => "hot_spot", kind: "category",
    labels: { hot: "cluster of high shares", cold: "cluster of low shares", ns: "no significant cluster" },
    colours: { hot: "#d55e00", cold: "#0072b2", ns: NONE },
    group: true, level: false,
    note: (g) => `Areas where ${g} shares are high (or low) together with their neighbours' (Getis–Ord G*, 999 permutations, false discovery rate 5 %).`,
  },
  enclaves: {
    title: (g) => `Enclaves of ${g} residents`, property: () => "name", kind: "category", group: true, level: false,
    note: (g) => `Contiguous clusters of areas where ${g} shares are significantly high and at least 1.5 times the town's share, named after the places they cover; the table lists each enclave's people.`,
    // Enclaves by the places they cover ("Queens Park"): the numbered id and the core area's
    // code stay in the data files.
    summary: { title: "Enclaves", table: 0, skip: ["enclave", "core_area"], headings: { name: "enclave" } },
  },
  change: {
    own: { path: "/api/change", needs: "change" }, title: () => "How fast each area's make-up changed between the censuses",
    property: () => "pace", kind: "number", group: false, level: false,
    note: () => "Pace of change: how far each area's mix of groups moved between the two censuses (larger = faster). The fastest tenth are flagged.",
    summary: { title: "Why segregation changed between the censuses", table: 1 },
    fields: ["rank", "fast", "pace", "total_a", "total_b", "entropy_a", "entropy_b", "structural_contribution"],
    headings: { rank: "rank by pace (1 = fastest)" },
  },
  esol: {
    own: { path: "/api/target/esol", needs: "census" }, title: () => "Where English (ESOL) classes are most needed",
    property: () => "score", kind: "number", group: false, level: false,
    note: () => "Priority score from the share of residents who speak little or no English (smoothed, with 95 % intervals), how many such neighbours they have, recent arrivals and private renting (Census 2021).",
    summary: { title: "People reached if the top areas are served", table: 1 },
    fields: ["rank", "priority", "residents_3plus", "need", "need_rate_smoothed", "need_rate_lower", "need_rate_upper",
      "isolation", "accession_share", "private_rented_share", "score"],
  },
  hubs: {
    own: { path: "/api/target/hubs", needs: "census" }, title: () => "Nearest integration hub", property: () => "hub",
    kind: "category", group: false, level: false,
    note: () => "Sites chosen to bring the most people with little English within 800 m of a hub (Census 2021); each area coloured by its nearest hub, rings show 800 m.",
    summary: { title: "Hubs", table: 0, headings: { hub: "hub" } }, fields: ["hub", "site", "distance_m", "demand", "within_distance"],
  },
  licensing: {
    own: { path: "/api/target/licensing", needs: "census" }, title: () => "Selective licensing screen",
    property: () => "zone", kind: "category", group: false, level: false,
    note: () => "Areas with a high share of private renting (against England & Wales) and of recent arrivals, joined into contiguous candidate zones; the table shows each zone against the 20 % tests of the licensing rules.",
    summary: { title: "Candidate zones and the 20 % tests", table: 0 },
    fields: ["households", "private_rented", "private_rented_share", "vs_national", "accession_born_share", "candidate", "zone"],
  },
};

// Plain names for the API's column names, and how to show each value.
const LABELS = {
  area: "area", level_area: "part of", population: "residents", rank: "priority rank (1 = highest)", priority: "in the top group",
  residents_3plus: "residents aged 3+", need: "cannot speak English well or at all", need_rate_smoothed: "share needing English (smoothed)",
  need_rate_lower: "lower 95 % bound", need_rate_upper: "upper 95 % bound", isolation: "share needing English in the neighbourhood",
  accession_share: "born in EU accession countries", private_rented_share: "households renting privately", score: "priority score",
  hub: "nearest hub", site: "hub site (place and area)", distance_m: "distance to the hub", demand: "people needing English",
  within_distance: "within the service distance", households: "households", private_rented: "privately rented households",
  vs_national: "private renting ÷ England & Wales", accession_born_share: "born in EU accession countries", candidate: "candidate area",
  zone: "zone", fast: "among the fastest tenth", pace: "pace of change", total_a: "residents, earlier census",
  total_b: "residents, later census", entropy_a: "diversity, earlier census", entropy_b: "diversity, later census",
  structural_contribution: "contribution to the change in segregation", enclave: "enclave", areas: "areas",
  group_name: "group", group_count: "people of the group", group_share: "share of the group", share_of_group_in_town: "of the group's people in town",
  area_km2: "area", component: "part", value: "value", meaning: "meaning", top_k_areas: "top areas served",
  need_reached: "people reached", share_of_need: "share of all in need", lon: "longitude", lat: "latitude",
  areas_served: "areas served", demand_served: "people served", demand_within_distance: "within the service distance",
  share_of_private_rented: "of the town's private renting (test: ≥ 20 %)", share_of_area: "of the town's area (test: ≤ 20 %)",
  core_area: "core area", name: "place", place: "place",
};
// The change API's parts of the change in segregation (Elbers 2021's Shapley
// decomposition: analysis/change_tables), in words; {a} and {b} are the censuses' years.
const COMPONENTS = {
  M_A: ["segregation in {a} (Theil's M)", "how unevenly the groups were spread over the areas in {a}"],
  M_B: ["segregation in {b} (Theil's M)", "how unevenly the groups were spread over the areas in {b}"],
  difference: ["change, {a} to {b}", "the sum of the five parts below"],
  additions: ["areas or groups new in {b}", "areas or groups only in the {b} census"],
  removals: ["areas or groups gone by {b}", "areas or groups only in the {a} census"],
  group_marginal: ["groups growing or shrinking", "change in the groups' overall sizes (composition)"],
  unit_marginal: ["areas growing or shrinking", "change in the areas' sizes"],
  structural: ["groups sorting differently", "true change in how groups are spread over the areas, sizes held fixed"],
};
// The dataset on show, as /api/datasets describes it.
const shownDataset = () => state.datasets.find((d) => d.name === state.dataset);
// A group in people's words (/api/datasets group_labels: "Other White" for OtherWhite).
const groupName = (g) => shownDataset()?.group_labels?.[g] ?? g;
// The censuses' years of the shown dataset (/api/datasets change_years); null when unknown.
function censusYears() {
  const years = shownDataset()?.change_years;
  return years ? { a: String(years[0]), b: String(years[1]) } : null;
}
const withYears = (text) => {
  const { a, b } = censusYears() ?? { a: "the earlier census", b: "the later census" };
  return text.replaceAll("{a}", a).replaceAll("{b}", b);
};
// A column's heading in words: the labels above, with the censuses' years where the API
// names the two censuses A and B (total_a: "residents, 2011").
function heading(column, headings = VIEWS[state.view]?.headings) {
  const own = headings?.[column];
  if (own) return own;
  const years = censusYears();
  if (years && /_(a|b)$/.test(column) && LABELS[column])
    return LABELS[column].replace(/(earlier|later) census$/, column.endsWith("_a") ? years.a : years.b);
  return LABELS[column] ?? column.replaceAll("_", " ");
}

const COUNT = /^(population|residents_3plus|need|households|private_rented|demand|demand_served|demand_within_distance|need_reached|total_a|total_b|group_count|areas|areas_served|top_k_areas|rank|hub)$/;
const PERCENT = /(_share|^share_of_|need_rate|^isolation$|_pct$)/;

const state = { ready: false, dataset: null, datasets: [], areas: null, shown: null, indices: null, view: "share", summary: null };
window.cohesionState = state;  // read by the browser tests

async function api(path) {
  const response = await fetch(path);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

const status = (text) => { $("status").textContent = text; };
const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function option(select, value, label = value) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  select.appendChild(o);
}

// Numbers as people read them: whole counts with separators, shares as percentages, no
// float noise (|x| < 1e-9 is 0), distances in metres or kilometres.
function show(key, v, kind) {
  if (v == null || (typeof v === "number" && !Number.isFinite(v))) return "–";
  if (typeof v !== "number") return escapeHtml(v);
  if (Math.abs(v) < 1e-9) v = 0;
  if (key === "distance_m") return v >= 1000 ? `${(v / 1000).toFixed(1)} km` : `${Math.round(v)} m`;
  if (key === "area_km2") return `${v.toFixed(2)} km²`;
  if (kind === "percent" || PERCENT.test(key)) return `${(100 * v).toFixed(1)} %`;
  if (COUNT.test(key)) return Math.round(v).toLocaleString("en-GB");
  if (kind === "ratio") return v.toFixed(2);
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-GB") : v.toPrecision(3);
}

const basemap = new URLSearchParams(location.search).get("basemap");
const map = new maplibregl.Map({
  container: "map",
  style: {
    version: 8,
    sources: basemap ? { base: { type: "raster", tiles: [basemap], tileSize: 256 } } : {},
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#f4f4f0" } },
      ...(basemap ? [{ id: "base", type: "raster", source: "base" }] : []),
    ],
  },
  center: [-1.5, 52.5],
  zoom: 6,
  attributionControl: { customAttribution: "Contains National Statistics and OS data © Crown copyright, OGL v3.0" },
});
const mapLoaded = new Promise((resolve) => map.on("load", resolve));
let hubMarkers = [];

function bounds(collection) {
  let [x0, y0, x1, y1] = [180, 90, -180, -90];
  const visit = (c) => {
    if (typeof c[0] === "number") {
      x0 = Math.min(x0, c[0]); y0 = Math.min(y0, c[1]); x1 = Math.max(x1, c[0]); y1 = Math.max(y1, c[1]);
    } else c.forEach(visit);
  };
  collection.features.forEach((f) => visit(f.geometry.coordinates));
  return [[x0, y0], [x1, y1]];
}

// The built-up part of the town: the smaller half of the areas (output areas are drawn to
// hold similar numbers of people, so small ones are where people live densely). Most
// findings are there, and on the whole borough it is a tenth of the map's width.
function coreBounds(collection) {
  const sized = collection.features.map((f) => {
    const [[x0, y0], [x1, y1]] = bounds({ features: [f] });
    return [(x1 - x0) * (y1 - y0), f];
  }).sort((a, b) => a[0] - b[0]);
  return bounds({ features: sized.slice(0, Math.max(1, Math.ceil(sized.length / 2))).map(([, f]) => f) });
}

// Quantile classes on the distinct values, so that many tied values (e.g. zeros) never
// collapse the classes into one.
function quantileBreaks(values, k) {
  const v = [...new Set(values.filter((x) => Number.isFinite(x)))].sort((a, b) => a - b);
  if (!v.length) return [];
  const b = [v[0]];
  for (let c = 1; c < k; c++) b.push(v[Math.min(v.length - 1, Math.floor((c * v.length) / k))]);
  b.push(v[v.length - 1]);
  return [...new Set(b)];
}

// Colours every feature by the current view and fills the legend.
function colour(collection, view, group) {
  const property = view.property(group);
  const legend = [];
  if (view.kind === "category") {
    const labels = [];
    for (const f of collection.features) {
      const raw = f.properties[property];
      const label = raw == null || raw === "" || raw === "no" ? "" : String(raw);
      if (!labels.includes(label)) labels.push(label);
    }
    labels.sort((a, b) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, "en", { numeric: true })));
    const colourOf = (label) => view.colours?.[label || "ns"] ?? (label === "" ? NONE : QUALITATIVE[labels.indexOf(label) % QUALITATIVE.length]);
    for (const f of collection.features) {
      const raw = f.properties[property];
      f.properties._colour = colourOf(raw == null || raw === "no" ? "" : String(raw));
    }
    for (const l of labels) {
      const text = view.labels?.[l || "ns"] ?? (l === "" ? (property === "zone" ? "not a candidate" : "none") :
        property === "hub" ? hubName(l) : l);
      legend.push([colourOf(l), text]);
    }
  } else {
    // The API's classes (the report's classification, report/classification.hpp), so the
    // same data looks the same in the dashboard and the report.
    const served = collection.classes?.[property];
    const values = collection.features.map((f) => f.properties[property]);
    const breaks = served ? served.breaks : quantileBreaks(values, 5);
    const classColour = served ? (c) => served.colours[Math.min(c, served.colours.length - 1)]
      : (c) => VIRIDIS[Math.round((c * (VIRIDIS.length - 1)) / Math.max(1, breaks.length - 2))];
    for (const f of collection.features) {
      const x = f.properties[property];
      let c = -1;
      if (Number.isFinite(x)) for (c = 0; c < breaks.length - 2 && x > breaks[c + 1]; c++);
      f.properties._colour = c < 0 ? "#cccccc" : classColour(c);
    }
    for (let c = 0; c + 1 < breaks.length; c++)
      legend.push([classColour(c), `${show(property, breaks[c], view.kind)} to ${show(property, breaks[c + 1], view.kind)}`]);
    if (breaks.length === 1) legend.push([classColour(0), `all ${show(property, breaks[0], view.kind)}`]);
  }
  const levelNote = state.level ? ` — each area shows its ${escapeHtml(state.level)}` : "";
  $("legend").innerHTML = `<b>${escapeHtml(view.title(groupName(group)))}</b>${levelNote}<br>` +
    legend.map(([c, l]) => `<i style="background:${c}"></i>${l}`).join("<br>");
  state.shown = { collection, property };
  state.legend = legend;  // read by the browser tests
}

function circle([lon, lat], metres) {
  const ring = [];
  for (let k = 0; k <= 64; k++) {
    const a = (2 * Math.PI * k) / 64;
    ring.push([lon + (metres * Math.cos(a)) / (111320 * Math.cos((lat * Math.PI) / 180)), lat + (metres * Math.sin(a)) / 110540]);
  }
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } };
}

// Hubs in words, as the report names them: "Hub 1: Queens Park" (the place of the hub's own
// area, else its site), from the hubs table and the places the areas carry.
function nameHubs(tables, collection) {
  state.hubNames = new Map();
  state.sitePlaces = new Map();
  if (state.view !== "hubs" || !tables) return;
  const placeOf = new Map(collection.features.map((f) => [f.properties.area, f.properties.place]));
  for (const h of tables[0].rows) {
    const place = placeOf.get(h.site);
    if (place) state.sitePlaces.set(h.site, place);
    state.hubNames.set(String(h.hub), `Hub ${h.hub}: ${place || h.site}`);
  }
}
const hubName = (hub) => state.hubNames?.get(String(hub)) ?? `hub ${hub}`;

function drawHubs(tables) {
  hubMarkers.forEach((m) => m.remove());
  hubMarkers = [];
  const rings = { type: "FeatureCollection", features: [] };
  if (state.view === "hubs" && tables) {
    for (const h of tables[0].rows) {
      const el = document.createElement("div");
      el.className = "hub-marker";
      el.textContent = h.hub;
      el.title = `${hubName(h.hub)}: ${show("demand_served", h.demand_served)} people needing English served`;
      hubMarkers.push(new maplibregl.Marker({ element: el }).setLngLat([h.lon, h.lat]).addTo(map));
      rings.features.push(circle([h.lon, h.lat], 800));
    }
  }
  map.getSource("rings").setData(rings);
}

async function drawMap() {
  const view = VIEWS[state.view];
  const group = $("group").value;
  let collection = state.areas;
  let tables = null;
  if (view.own) {
    const query = `dataset=${encodeURIComponent(state.dataset)}`;
    [collection, tables] = await Promise.all([api(`${view.own.path}?${query}&format=geojson`), api(`${view.own.path}?${query}`)]);
  } else if (state.view === "hotspots" || state.view === "enclaves") {
    const layer = await api(`/api/${state.view}?dataset=${encodeURIComponent(state.dataset)}&group=${encodeURIComponent(group)}&format=geojson`);
    if (state.view === "enclaves")
      tables = await api(`/api/enclaves?dataset=${encodeURIComponent(state.dataset)}&group=${encodeURIComponent(group)}`);
    const byArea = new Map(layer.features.map((f) => [f.properties.area, f.properties]));
    collection = {
      type: "FeatureCollection",
      classes: state.areas.classes,
      features: state.areas.features.map((f) => ({ ...f, properties: { ...f.properties, ...(byArea.get(f.properties.area) ?? {}) } })),
    };
  }
  nameHubs(tables, collection);
  colour(collection, view, group);
  state.summary = tables;
  showSummary(view, tables);
  await mapLoaded;
  const source = map.getSource("areas");
  // Until the map has drawn the new data, a click or hover would find the previous view's
  // areas (an output area in the change view): the view counts as ready once it is drawn.
  const drawn = new Promise((resolve) => {
    map.once("idle", resolve);
    setTimeout(resolve, 5000);  // a hidden or unsized map may never report idle
  });
  if (source) source.setData(collection);
  else {
    map.addSource("areas", { type: "geojson", data: collection });
    map.addSource("rings", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
    map.addLayer({ id: "fill", type: "fill", source: "areas", paint: { "fill-color": ["get", "_colour"], "fill-opacity": 0.85 } });
    map.addLayer({ id: "line", type: "line", source: "areas", paint: { "line-color": "#ffffff", "line-width": 0.3 } });
    map.addLayer({ id: "rings", type: "line", source: "rings", paint: { "line-color": "#d55e00", "line-width": 2, "line-dasharray": [2, 1] } });
    map.addLayer({ id: "selected", type: "line", source: "areas", paint: { "line-color": "#000", "line-width": 2.5 }, filter: ["==", ["get", "area"], ""] });
  }
  if (!state.fitted || view.own || state.lastOwn !== Boolean(view.own)) {
    map.fitBounds(coreBounds(collection), { padding: 20, duration: 0 });
    state.fitted = true;
  }
  state.lastOwn = Boolean(view.own);
  drawHubs(tables);
  await drawn;
  const codes = $("area-codes");
  codes.innerHTML = "";
  for (const f of collection.features.slice(0, 5000)) option(codes, f.properties.area);
  const places = [...new Set(collection.features.map((f) => f.properties.place).filter(Boolean))].sort();
  for (const p of places) option(codes, p);
}

// A row as people read it: the decomposition's parts named in words, hub sites by place.
function cellText(row, column) {
  const part = column === "component" || column === "meaning" ? COMPONENTS[row.component] : null;
  if (part) return escapeHtml(withYears(part[column === "component" ? 0 : 1]));
  if (column === "site" && state.sitePlaces?.has(row.site)) return escapeHtml(`${state.sitePlaces.get(row.site)} (${row.site})`);
  if (column === "name" && !row.name && row.enclave) return escapeHtml(row.enclave);  // no place layer: the id
  return show(column, row[column]);
}

function tableHtml(table, skip = [], headings) {
  const columns = table.columns.filter((c) => !skip.includes(c));
  return [`<tr>${columns.map((c) => `<th>${escapeHtml(heading(c, headings))}</th>`).join("")}</tr>`,
    table.rows.map((r) => `<tr>${columns.map((c) => `<td>${cellText(r, c)}</td>`).join("")}</tr>`).join("")];
}

function showSummary(view, tables) {
  const panel = $("summary-panel");
  if (!view.summary || !tables) {
    panel.hidden = true;
    return;
  }
  const table = tables[view.summary.table];
  panel.hidden = false;
  $("summary-title").textContent = view.summary.title;
  const [head, body] = tableHtml(table, ["lon", "lat", "source", ...(view.summary.skip ?? [])],
    { ...view.headings, ...view.summary.headings });
  $("summary").querySelector("thead").innerHTML = head;
  $("summary").querySelector("tbody").innerHTML = body || `<tr><td>none found</td></tr>`;
}

async function loadIndices() {
  const view = VIEWS[state.view];
  $("indices-panel").hidden = Boolean(view.own);
  if (view.own) return;
  const group = $("group").value, level = $("level").value;
  const query = `dataset=${encodeURIComponent(state.dataset)}&group=${encodeURIComponent(group)}&index=${INDICES}&bootstrap=100` +
    (level ? `&level=${encodeURIComponent(level)}` : "");
  const table = await api(`/api/indices?${query}`);
  state.indices = table;
  // With a bootstrap the API's `estimate` is bias-corrected (raw value minus the chance part,
  // as R segregation does) and its interval contains it; the raw value is shown beside it.
  // Without one (bootstrap=0) the only number is `value`.
  $("indices").querySelector("thead").innerHTML =
    "<tr><th>index</th><th>group</th><th>estimate</th><th>95% interval</th><th>raw</th></tr>";
  $("indices").querySelector("tbody").innerHTML = table.rows
    .map((r) => `<tr><td>${escapeHtml(r.index_name.replaceAll("_", " "))}</td><td>${escapeHtml(groupName(r.focal))}</td>` +
      `<td>${show("", r.estimate ?? r.value)}</td>` +
      `<td>${r.ci_lower == null ? "–" : `${show("", r.ci_lower)}–${show("", r.ci_upper)}`}</td>` +
      `<td>${show("", r.raw_value ?? r.value)}</td></tr>`)
    .join("");
}

function showArea(properties) {
  const view = VIEWS[state.view];
  map.setFilter("selected", ["==", ["get", "area"], properties.area ?? ""]);
  const title = `<b>${escapeHtml(properties.area)}</b>` + (properties.place ? ` in ${escapeHtml(properties.place)}` : "") +
    (properties.level_area ? ` (in ${escapeHtml(state.level)} ${escapeHtml(properties.level_area)})` : "");
  if (view.own) {
    const fields = view.fields.filter((k) => k in properties);
    $("area").innerHTML = `${title}<dl class="facts">` +
      fields.map((k) => `<dt>${escapeHtml(heading(k))}</dt><dd>${k === "hub" ? escapeHtml(hubName(properties.hub)) : cellText(properties, k)}</dd>`).join("") + "</dl>";
    return;
  }
  const groups = shownDataset().groups;
  const extra = state.view === "hotspots" ? `<br>${escapeHtml(VIEWS.hotspots.labels[properties.hot_spot] ?? "")}` :
    state.view === "enclaves" ? `<br>${properties.name ? `in the ${escapeHtml(properties.name)} enclave` : "not in an enclave"}` : "";
  $("area").innerHTML = `${title}, ${show("population", properties.population)} residents${extra}<br>` +
    groups.map((g) => {
      const s = properties[`${g}_share`] ?? 0;
      return `${escapeHtml(groupName(g))}: <span class="bar" style="width:${Math.round(150 * s)}px"></span> ${show("", s, "percent")}`;
    }).join("<br>");
}

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
}

const csvCell = (v) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v ?? "");

// The group shown first: the top of the API's ranking (/api/ranking: the report's rule, so
// the dashboard opens on the report's key-figure group); without a ranked group, the
// largest group after the largest one (in most English towns the largest minority).
async function defaultGroup(d) {
  try {
    const ranking = await api(`/api/ranking?dataset=${encodeURIComponent(d.name)}`);
    state.ranking = ranking;
    if (ranking.top && d.groups.includes(ranking.top)) return ranking.top;
  } catch (e) {
    // fall through to the size rule
  }
  const totals = d.groups.map((g) => state.areas.features.reduce((s, f) => s + (f.properties[`${g}_share`] ?? 0) * (f.properties.population ?? 0), 0));
  const order = d.groups.map((g, i) => [totals[i], g]).sort((a, b) => b[0] - a[0]);
  return (order[1] ?? order[0])[1];
}

function applyControls() {
  const view = VIEWS[state.view];
  $("group-control").hidden = !view.group;
  $("level-control").hidden = !view.level;
  $("view-note").textContent = view.note(groupName($("group").value));
}

async function refresh(what) {
  state.ready = false;
  status("loading…");
  $("area").textContent = "Click an area on the map, or find it by code above.";
  $("hover").textContent = "";
  if (map.getLayer("selected")) map.setFilter("selected", ["==", ["get", "area"], ""]);
  try {
    const d = state.datasets.find((x) => x.name === $("dataset").value);
    if (what === "dataset") {
      // A town built on demand may have left the server's bounded cache: ask for it again
      // (instant while it is still there).
      if (d.name.startsWith("town:")) await api(`/api/town?name=${encodeURIComponent(d.name.slice(5))}`);
      state.dataset = d.name;
      state.fitted = false;
      $("level").innerHTML = "";
      option($("level"), "", "as given");
      d.levels.forEach((l) => option($("level"), l));
      for (const o of $("view").querySelectorAll("option[data-needs]")) o.disabled = !d[o.dataset.needs];
      if (VIEWS[state.view].own && !d[VIEWS[state.view].own.needs]) $("view").value = state.view = "share";
      state.level = "";
      state.areas = await api(`/api/areas?dataset=${encodeURIComponent(d.name)}&format=geojson`);
      $("group").innerHTML = "";
      d.groups.forEach((g) => option($("group"), g, d.group_labels?.[g] ?? g));
      $("group").value = await defaultGroup(d);
      // The findings come from the whole study (seconds the first time): not awaited.
      state.findings = null;
      showFindings($("findings-panel"), d, {
        api,
        available: (view) => !VIEWS[view].own || Boolean(d[VIEWS[view].own.needs]),
        select: (view, group) => {
          if (group && VIEWS[view].group && d.groups.includes(group)) $("group").value = group;
          $("view").value = state.view = view;
          refresh("view");
        },
      }).then((rows) => { state.findings = rows; });
    } else if (what === "level") {
      state.level = $("level").value;
      state.areas = await api(`/api/areas?dataset=${encodeURIComponent(d.name)}&format=geojson` +
        (state.level ? `&level=${encodeURIComponent(state.level)}` : ""));
    }
    applyControls();
    await Promise.all([drawMap(), loadIndices()]);
    status("");
    state.ready = true;
  } catch (e) {
    status(`error: ${e.message}`);
  }
}

map.on("mousemove", "fill", (e) => {
  const p = e.features[0].properties;
  const view = VIEWS[state.view];
  const property = view.property($("group").value);
  let value = p[property];
  if (view.kind === "category") value = view.labels?.[value || "ns"] ?? (value == null || value === "" || value === "no"
    ? (property === "zone" ? "not a candidate" : "none") : property === "hub" ? hubName(value) : value);
  $("hover").textContent = `${p.area}${p.place ? ` (${p.place})` : ""}: ${show(property, value, view.kind).replace(/&amp;/g, "&")}`;
});
map.on("mouseleave", "fill", () => { $("hover").textContent = ""; });
map.on("click", "fill", (e) => showArea(e.features[0].properties));
// The "What if" view (scenario.js) runs the project's scenarios for the chosen town.
const whatIf = initScenarioView({ datasetName: () => $("dataset").value });
$("dataset").addEventListener("change", () => whatIf.reset());
$("dataset").addEventListener("change", () => refresh("dataset"));
$("group").addEventListener("change", () => refresh("group"));
$("level").addEventListener("change", () => refresh("level"));
$("view").addEventListener("change", () => {
  state.view = $("view").value;
  // The findings open the page; once a map is chosen, its own notes and tables come first.
  $("findings-panel").querySelector("details").open = false;
  refresh("view");
});
$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const wanted = $("search").value.trim().toLowerCase();
  if (!wanted || !state.shown) return;
  const features = state.shown.collection.features;
  const f = features.find((x) => String(x.properties.area).toLowerCase() === wanted) ??
    features.find((x) => String(x.properties.area).toLowerCase().startsWith(wanted));
  // A place name (e.g. a ward) finds all of its areas: the map shows them, the panel the first.
  const named = f ? [] : features.filter((x) => String(x.properties.place ?? "").toLowerCase() === wanted ||
    (wanted.length >= 3 && String(x.properties.place ?? "").toLowerCase().startsWith(wanted)));
  if (named.length) {
    status("");
    map.fitBounds(bounds({ features: named }), { padding: 60, duration: 0, maxZoom: 15 });
    showArea(named[0].properties);
    return;
  }
  if (!f) {
    status(`no area '${$("search").value}' on this map`);
    return;
  }
  status("");
  map.fitBounds(bounds({ features: [f] }), { padding: 80, duration: 0, maxZoom: 15 });
  showArea(f.properties);
});
$("whole-town").addEventListener("click", () => {
  if (state.shown) map.fitBounds(bounds(state.shown.collection), { padding: 20, duration: 0 });
});
$("download-csv").addEventListener("click", () => {
  const { collection, property } = state.shown;
  download("cohesion_map.csv", `area,${property}\n` +
    collection.features.map((f) => `${csvCell(f.properties.area)},${csvCell(f.properties[property])}`).join("\n") + "\n", "text/csv");
});
$("download-geojson").addEventListener("click", () => {
  const { collection } = state.shown;
  const clean = { ...collection, features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, _colour: undefined } })) };
  download("cohesion_map.geojson", JSON.stringify(clean), "application/geo+json");
});
$("download-indices").addEventListener("click", () => {
  const cols = state.indices.columns;
  download("cohesion_indices.csv", cols.join(",") + "\n" + state.indices.rows.map((r) => cols.map((c) => csvCell(r[c])).join(",")).join("\n") + "\n", "text/csv");
});

// A town opened from the national view (/api/town): added to the datasets and shown.
async function openTown(town) {
  if (!state.datasets.some((d) => d.name === town.dataset)) {
    state.datasets.push({ name: town.dataset, groups: town.groups, group_labels: town.group_labels, levels: town.levels,
      boundaries: town.boundaries, census: false, change: false });
    option($("dataset"), town.dataset, town.name);
  }
  $("dataset").value = town.dataset;
  await refresh("dataset");
}

(async () => {
  try {
    state.datasets = await api("/api/datasets");
    state.datasets.forEach((d) => option($("dataset"), d.name));
    const national = await initNational({ api, openTown, hasTown: () => state.datasets.length > 0 });
    if (state.datasets.length) await refresh("dataset");
    else if (national) await national.show(true);  // a national server: start on the map of authorities
  } catch (e) {
    status(`error: ${e.message}`);
  }
})();
