// The dashboard's national view: every local authority of a finished atlas (`cohesion serve
// --atlas DIR`, /api/atlas) coloured by one measure and group, a legend in words, a panel
// saying what the chosen authority's value means ("Bedford: Pakistani residents'
// dissimilarity 0.62 (95 % interval …), 12th of 331 authorities; similar towns: …"), and
// "Open this town", which builds the town's study on demand from the national tables
// (/api/town, `serve --national`) and hands it to the town views. Own module, own map: main.js
// only calls initNational() with its fetch helper and a function that opens a dataset.
import maplibregl from "maplibre-gl";

const $ = (id) => document.getElementById(id);
const NONE = "#dddddd";
const UNRANKED = "#f3efe6";
const MEASURES = {
  dissimilarity: { name: "dissimilarity", what: "share of the group that would have to move for it to be spread like everyone else (0 = spread evenly, 1 = completely apart)" },
  isolation: { name: "isolation", what: "the group's average share of the people in its members' own areas" },
  mutual_information: { name: "mutual information M", what: "how much knowing the area tells about a resident's group (0 = nothing; higher = more apart)" },
  information_theory: { name: "Theil's H", what: "M as a share of the town's diversity (0 = every area has the town's mix, 1 = no area is mixed)" },
};
const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const ordinal = (n) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[n % 10] ?? "th"}`;
const number = (v) => (v == null || !Number.isFinite(v) ? "–" : Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(2) : v.toPrecision(2));
const who = (group) => (group === "all groups" ? "all groups'" : `${group} residents'`);

// One sentence a person can read aloud about one authority.
export function authoritySentence(p, measure, group) {
  let s = `${p.lad}: ${who(group)} ${MEASURES[measure]?.name ?? measure} ${number(p.estimate)}`;
  if (p.ci_lower != null && p.ci_upper != null) s += ` (95 % interval ${number(p.ci_lower)} to ${number(p.ci_upper)})`;
  if (p.rank) {
    s += `, ${ordinal(p.rank)} of ${p.ranked_among} authorities`;
    if (p.rank_lower) s += ` (between ${ordinal(p.rank_lower)} and ${ordinal(p.rank_upper)})`;
  } else s += `, not ranked: ${p.reason || "no value"}`;
  if (p.peers) s += `; similar towns: ${p.peers.split("; ").slice(0, 5).join(", ")}`;
  return `${s}.`;
}

export function initNational({ api, openTown, hasTown = () => true }) {
  const state = { ready: false, measure: "dissimilarity", group: "", collection: null, selected: null };
  window.cohesionNational = state;  // read by the browser tests
  let map = null;

  function legend(collection) {
    const classes = collection.classes?.estimate;
    const m = MEASURES[state.measure];
    const rows = classes ? classes.colours.map((c, k) => `<i style="background:${c}"></i>${number(classes.breaks[k])} to ${number(classes.breaks[k + 1])}`) : [];
    rows.push(`<i style="background:${UNRANKED};outline:1px solid #ccc"></i>not ranked: too few of the group, or no different from chance`);
    rows.push(`<i style="background:${NONE}"></i>no value`);
    $("national-legend").innerHTML = `<b>${escapeHtml(who(state.group).replace(/'$/, ""))}: ${escapeHtml(m?.name ?? state.measure)}</b><br>` +
      `<small>${escapeHtml(m?.what ?? "")}</small><br>${rows.join("<br>")}`;
  }

  function colourFeatures(collection) {
    const classes = collection.classes?.estimate;
    for (const f of collection.features) {
      const x = f.properties.estimate;
      let c = -1;
      if (classes && Number.isFinite(x)) for (c = 0; c < classes.breaks.length - 2 && x > classes.breaks[c + 1]; c++);
      // Not ranked (too few of the group, or no different from chance): pale, never a class colour.
      f.properties._colour = !f.properties.rank ? UNRANKED : c < 0 ? NONE : classes.colours[Math.min(c, classes.colours.length - 1)];
    }
  }

  function choose(p) {
    state.selected = p;
    map.setFilter("national-selected", ["==", ["get", "code"], p.code]);
    $("national-panel").innerHTML = `<p>${escapeHtml(authoritySentence(p, state.measure, state.group))}</p>` +
      (openTown ? `<button id="open-town">Open ${escapeHtml(p.lad)}</button>` : "");
    $("open-town")?.addEventListener("click", () => openThis(p.lad));
  }

  async function openThis(name) {
    $("national-status").textContent = `building ${name} from the national tables…`;
    try {
      const town = await api(`/api/town?name=${encodeURIComponent(name)}`);
      $("national-status").textContent = "";
      show(false);
      await openTown(town);
    } catch (e) {
      $("national-status").textContent = `error: ${e.message}`;
    }
  }

  async function draw() {
    state.ready = false;
    const query = `measure=${encodeURIComponent(state.measure)}` + (state.group ? `&group=${encodeURIComponent(state.group)}` : "");
    const collection = await api(`/api/atlas?${query}&format=geojson`);
    state.group = collection.group;
    if (!$("national-measure").options.length) {
      for (const m of collection.measures) $("national-measure").add(new Option(MEASURES[m]?.name ?? m, m));
    }
    const groups = collection.groups[state.measure] ?? [];
    $("national-group").innerHTML = "";
    for (const g of groups) $("national-group").add(new Option(g, g));
    $("national-group").value = state.group;
    $("national-measure").value = state.measure;
    colourFeatures(collection);
    legend(collection);
    state.collection = collection;
    if (!map) {
      map = new maplibregl.Map({
        container: "national-map",
        style: { version: 8, sources: {}, layers: [{ id: "background", type: "background", paint: { "background-color": "#f4f7fa" } }] },
        center: [-2.5, 53], zoom: 5,
        attributionControl: { customAttribution: "Contains National Statistics and OS data © Crown copyright, OGL v3.0" },
      });
      await new Promise((resolve) => map.on("load", resolve));
      window.cohesionNationalMapProject = (lngLat) => map.project(lngLat);  // for the browser tests
      map.addSource("lads", { type: "geojson", data: collection });
      map.addLayer({ id: "national-fill", type: "fill", source: "lads", paint: { "fill-color": ["get", "_colour"], "fill-opacity": 0.9 } });
      map.addLayer({ id: "national-line", type: "line", source: "lads", paint: { "line-color": "#fff", "line-width": 0.4 } });
      map.addLayer({ id: "national-selected", type: "line", source: "lads", paint: { "line-color": "#000", "line-width": 2.5 }, filter: ["==", ["get", "code"], ""] });
      const box = [[180, 90], [-180, -90]];
      const visit = (c) => {
        if (typeof c[0] === "number") {
          box[0][0] = Math.min(box[0][0], c[0]); box[0][1] = Math.min(box[0][1], c[1]);
          box[1][0] = Math.max(box[1][0], c[0]); box[1][1] = Math.max(box[1][1], c[1]);
        } else c.forEach(visit);
      };
      collection.features.forEach((f) => visit(f.geometry.coordinates));
      map.fitBounds(box, { padding: 20, duration: 0 });
      map.on("mousemove", "national-fill", (e) => {
        $("national-hover").textContent = authoritySentence(e.features[0].properties, state.measure, state.group);
      });
      map.on("mouseleave", "national-fill", () => { $("national-hover").textContent = ""; });
      map.on("click", "national-fill", (e) => {
        const code = e.features[0].properties.code;
        choose(state.collection.features.find((f) => f.properties.code === code).properties);
      });
    } else map.getSource("lads").setData(collection);
    if (state.selected) {
      const again = collection.features.find((f) => f.properties.code === state.selected.code);
      if (again) choose(again.properties);
    }
    state.ready = true;
  }

  // The national view replaces the town views (main) while shown.
  async function show(on) {
    $("national").hidden = !on;
    document.querySelector("main").hidden = on;
    document.body.classList.toggle("national", on);  // the town controls hide (style.css)
    $("show-national").textContent = on ? "town view" : "national view";
    $("show-national").hidden = on && !hasTown();
    if (on && map) map.resize();
    if (on && !state.collection) await draw().catch((e) => { $("national-status").textContent = `error: ${e.message}`; });
  }

  $("national-measure").addEventListener("change", () => { state.measure = $("national-measure").value; state.group = ""; draw(); });
  $("national-group").addEventListener("change", () => { state.group = $("national-group").value; draw(); });
  $("show-national").addEventListener("click", () => show($("national").hidden));
  // Shown only when the server has an atlas.
  return api("/api/atlas?format=json&measure=dissimilarity").then(async () => {
    $("show-national").hidden = false;
    state.available = true;
    return { show, openTown: openThis };
  }, () => {
    state.available = false;
    return null;
  });
}
