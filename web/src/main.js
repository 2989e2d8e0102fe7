// cohesion dashboard: one page over the `cohesion serve` API. It draws the areas'
// own polygons (no tile server needed; ?basemap=URL adds raster tiles), colours them by
// the chosen statistic, and shows the index table with bootstrap intervals. All numbers
// come from the API; this file only fetches, classifies for colour and draws.
import maplibregl from "maplibre-gl";

const $ = (id) => document.getElementById(id);
const VIRIDIS = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];
const CATEGORY = { hot: "#d55e00", cold: "#0072b2", ns: "#dddddd", "": "#dddddd", yes: "#d55e00", no: "#dddddd" };
// Views that are maps of their own (the later census's areas, or Census 2021 areas for
// targeting), each from its endpoint, shown when the dataset has what it needs.
const OWN_MAP_VIEWS = {
  change: { path: "/api/change", needs: "change", property: ["pace", false, false] },
  esol: { path: "/api/target/esol", needs: "census", property: ["score", false, false] },
  licensing: { path: "/api/target/licensing", needs: "census", property: ["candidate", false, true] },
};
const INDICES = "dissimilarity,isolation,interaction,atkinson,entropy,mutual_information,information_theory";

const state = { ready: false, dataset: null, datasets: [], areas: null, shown: null, indices: null, view: "share" };
window.cohesionState = state;  // read by the browser tests

async function api(path) {
  const response = await fetch(path);
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function status(text) {
  $("status").textContent = text;
}

function option(select, value, label = value) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = label;
  select.appendChild(o);
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

function quantileBreaks(values, k) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return [];
  const b = [v[0]];
  for (let c = 1; c < k; c++) b.push(v[Math.min(v.length - 1, Math.floor((c * v.length) / k))]);
  b.push(v[v.length - 1]);
  return [...new Set(b)];
}

const fmt = (x, percent) => (x == null || !Number.isFinite(x) ? "–" : percent ? `${(100 * x).toFixed(1)}%` : x.toPrecision(3));

// Colours every feature by the current view and fills the legend.
function colour(collection, property, percent, categorical) {
  const legend = [];
  if (categorical) {
    const labels = new Set();
    for (const f of collection.features) {
      const label = f.properties[property] ?? "";
      labels.add(label);
      f.properties._colour = CATEGORY[label] ?? VIRIDIS[[...labels].indexOf(label) % VIRIDIS.length];
    }
    for (const l of labels) legend.push([CATEGORY[l] ?? VIRIDIS[[...labels].indexOf(l) % VIRIDIS.length], l || "none"]);
  } else {
    const values = collection.features.map((f) => f.properties[property]);
    const breaks = quantileBreaks(values, 5);
    for (const f of collection.features) {
      const x = f.properties[property];
      let c = -1;
      if (Number.isFinite(x)) for (c = 0; c < breaks.length - 2 && x > breaks[c + 1]; c++);
      f.properties._colour = c < 0 ? "#cccccc" : VIRIDIS[Math.round((c * (VIRIDIS.length - 1)) / Math.max(1, breaks.length - 2))];
    }
    for (let c = 0; c + 1 < breaks.length; c++)
      legend.push([VIRIDIS[Math.round((c * (VIRIDIS.length - 1)) / Math.max(1, breaks.length - 2))],
        `${fmt(breaks[c], percent)} – ${fmt(breaks[c + 1], percent)}`]);
  }
  $("legend").innerHTML = `<b>${property}</b><br>` + legend.map(([c, l]) => `<i style="background:${c}"></i>${l}`).join("<br>");
  state.shown = { collection, property };
}

function viewProperty(group) {
  if (OWN_MAP_VIEWS[state.view]) return OWN_MAP_VIEWS[state.view].property;
  switch (state.view) {
    case "lq": return [`location_quotient:${group}`, false, false];
    case "local_segregation": return ["local_segregation", false, false];
    case "hotspots": return ["hot_spot", false, true];
    case "enclaves": return ["enclave", false, true];
    default: return [`${group}_share`, true, false];
  }
}

async function drawMap() {
  const group = $("group").value;
  let collection = state.areas;
  if (OWN_MAP_VIEWS[state.view]) {
    collection = await api(`${OWN_MAP_VIEWS[state.view].path}?dataset=${state.dataset}&format=geojson`);
  } else if (state.view === "hotspots" || state.view === "enclaves") {
    const which = state.view === "hotspots" ? "hotspots" : "enclaves";
    const layer = await api(`/api/${which}?dataset=${state.dataset}&group=${encodeURIComponent(group)}&format=geojson`);
    const byArea = new Map(layer.features.map((f) => [f.properties.area, f.properties]));
    collection = {
      type: "FeatureCollection",
      features: state.areas.features.map((f) => ({
        ...f, properties: { ...f.properties, ...(byArea.get(f.properties.area) ?? {}) },
      })),
    };
  }
  const [property, percent, categorical] = viewProperty(group);
  colour(collection, property, percent, categorical);
  await mapLoaded;
  const source = map.getSource("areas");
  if (source) source.setData(collection);
  else {
    map.addSource("areas", { type: "geojson", data: collection });
    map.addLayer({ id: "fill", type: "fill", source: "areas", paint: { "fill-color": ["get", "_colour"], "fill-opacity": 0.85 } });
    map.addLayer({ id: "line", type: "line", source: "areas", paint: { "line-color": "#ffffff", "line-width": 0.3 } });
    map.fitBounds(bounds(collection), { padding: 20, duration: 0 });
  }
}

async function loadIndices() {
  const group = $("group").value, level = $("level").value;
  const query = `dataset=${state.dataset}&group=${encodeURIComponent(group)}&index=${INDICES}&bootstrap=100` +
    (level ? `&level=${encodeURIComponent(level)}` : "");
  const table = await api(`/api/indices?${query}`);
  state.indices = table;
  // With a bootstrap the API's `estimate` is bias-corrected (raw value minus the chance part,
  // as R segregation does) and its interval contains it; the raw value is shown beside it.
  // Without one (older servers, bootstrap=0) the only number is `value`.
  $("indices").querySelector("thead").innerHTML =
    "<tr><th>index</th><th>group</th><th>estimate</th><th>95% interval</th><th>raw</th></tr>";
  $("indices").querySelector("tbody").innerHTML = table.rows
    .map((r) => `<tr><td>${r.index}</td><td>${r.focal}</td><td>${fmt(r.estimate ?? r.value)}</td>` +
      `<td>${r.ci_lower == null ? "–" : `${fmt(r.ci_lower)}–${fmt(r.ci_upper)}`}</td>` +
      `<td>${fmt(r.raw_value ?? r.value)}</td></tr>`)
    .join("");
}

function showArea(properties) {
  if (OWN_MAP_VIEWS[state.view]) {
    $("area").innerHTML = `<b>${properties.area}</b><br>` + Object.entries(properties)
      .filter(([k]) => k !== "area" && !k.startsWith("_"))
      .map(([k, v]) => `${k}: ${typeof v === "number" ? fmt(v) : v ?? "–"}`).join("<br>");
    return;
  }
  const groups = state.datasets.find((d) => d.name === state.dataset).groups;
  $("area").innerHTML = `<b>${properties.area}</b>, ${Math.round(properties.population)} residents<br>` +
    groups.map((g) => {
      const s = properties[`${g}_share`] ?? 0;
      return `${g}: <span class="bar" style="width:${Math.round(150 * s)}px"></span> ${fmt(s, true)}`;
    }).join("<br>");
}

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
}

const csvCell = (v) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v ?? "");

async function refresh(what) {
  state.ready = false;
  status("loading…");
  try {
    if (what === "dataset") {
      const d = state.datasets.find((x) => x.name === $("dataset").value);
      state.dataset = d.name;
      $("group").innerHTML = "";
      d.groups.forEach((g) => option($("group"), g));
      $("group").value = d.groups[Math.min(5, d.groups.length - 1)];
      $("level").innerHTML = "";
      option($("level"), "", "areas");
      d.levels.forEach((l) => option($("level"), l));
      for (const o of $("view").querySelectorAll("option[data-needs]")) o.disabled = !d[o.dataset.needs];
      if (OWN_MAP_VIEWS[state.view] && !d[OWN_MAP_VIEWS[state.view].needs]) $("view").value = state.view = "share";
      state.areas = await api(`/api/areas?dataset=${d.name}&format=geojson`);
    }
    await Promise.all([drawMap(), loadIndices()]);
    status("");
    state.ready = true;
  } catch (e) {
    status(`error: ${e.message}`);
  }
}

map.on("mousemove", "fill", (e) => {
  const p = e.features[0].properties;
  const [property, percent] = viewProperty($("group").value);
  $("hover").textContent = `${p.area}: ${typeof p[property] === "number" ? fmt(p[property], percent) : p[property] ?? "–"}`;
});
map.on("click", "fill", (e) => showArea(e.features[0].properties));
$("dataset").addEventListener("change", () => refresh("dataset"));
$("group").addEventListener("change", () => refresh("group"));
$("level").addEventListener("change", () => refresh("level"));
$("view").addEventListener("change", () => { state.view = $("view").value; refresh("view"); });
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

(async () => {
  try {
    state.datasets = await api("/api/datasets");
    state.datasets.forEach((d) => option($("dataset"), d.name));
    await refresh("dataset");
  } catch (e) {
    status(`error: ${e.message}`);
  }
})();
