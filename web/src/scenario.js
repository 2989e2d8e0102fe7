// "What if" view of the dashboard: pick one of the project's scenarios, run it against the
// baseline as a job on the server (POST /api/scenario-runs, then its status URL until done,
// with progress in model runs; closing the view cancels a run still going), and see the
// index trajectories with their bands (inline SVG) and a map of the end state on the 2021
// areas — the chosen group's share under the scenario, or its difference from the baseline.
// Every number comes from the run's tables (the same as `cohesion simulate --format json`);
// this file draws them and says in words what they are and are not.
const SVG = "http://www.w3.org/2000/svg";
const DIVERGING = ["#2166ac", "#67a9cf", "#f7f7f7", "#ef8a62", "#b2182b"];
const SEQUENTIAL = ["#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"];
const LINE = ["#444444", "#d55e00", "#0072b2", "#009e73"];

const view = { open: false, state: "idle", job: null, result: null, polygons: null, shown: null, chart: null, caption: "" };
window.cohesionScenario = view;  // read by the browser tests

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const two = (v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
const points = (v) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(100 * v).toFixed(1)} points`;
const pct = (v) => `${(100 * v).toFixed(1)} %`;

function el(tag, attrs = {}, parent = null) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  if (parent) parent.appendChild(e);
  return e;
}

async function call(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

// The run's three tables: trajectories, end state per area, areas that change most.
function tablesOf(result) {
  const find = (column) => result.find((t) => t.columns.includes(column));
  return { trajectories: find("difference_from_baseline"), end: find("households"), most: find("change_points") };
}

function drawChart(svg, trajectories, index, scenario) {
  svg.innerHTML = "";
  const rows = trajectories.rows.filter((r) => r.index_name === index);
  const names = ["baseline", scenario];
  const series = names.map((name) => rows.filter((r) => r.scenario === name).sort((a, b) => a.year - b.year));
  const all = series.flat();
  const W = 440, H = 230, L = 48, R = 10, T = 10, B = 26;
  const xs = all.map((r) => r.year), lo = Math.min(...all.map((r) => r.low)), hi = Math.max(...all.map((r) => r.high));
  const pad = (hi - lo) * 0.1 || 0.01;
  const X = (x) => L + (x - Math.min(...xs)) / (Math.max(...xs) - Math.min(...xs) || 1) * (W - L - R);
  const Y = (y) => T + (1 - (y - (lo - pad)) / (hi - lo + 2 * pad)) * (H - T - B);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  for (let k = 0; k <= 4; k++) {
    const v = lo - pad + (hi - lo + 2 * pad) * k / 4;
    el("svg:line", { x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: "#ddd" }, svg);
    el("svg:text", { x: L - 4, y: Y(v) + 3, "text-anchor": "end", "font-size": 9, text: v.toFixed(3) }, svg);
  }
  for (const year of [...new Set(xs)].filter((y, i, a) => i % 2 === 0 || i === a.length - 1))
    el("svg:text", { x: X(year), y: H - 8, "text-anchor": "middle", "font-size": 9, text: year }, svg);
  series.forEach((s, k) => {
    if (!s.length) return;
    const band = s.map((r) => `${X(r.year)},${Y(r.high)}`).concat([...s].reverse().map((r) => `${X(r.year)},${Y(r.low)}`));
    el("svg:polygon", { points: band.join(" "), fill: LINE[k], "fill-opacity": 0.18, class: "band" }, svg);
    el("svg:polyline", { points: s.map((r) => `${X(r.year)},${Y(r.value)}`).join(" "), fill: "none", stroke: LINE[k],
      "stroke-width": 2, class: "trajectory" }, svg);
  });
  return series;
}

// Polygons (GeoJSON lon/lat) as SVG paths, equirectangular around the town's middle latitude.
function drawMap(svg, polygons, values, diverging) {
  svg.innerHTML = "";
  const rings = [];
  for (const f of polygons.features) {
    const g = f.geometry;
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    rings.push([f.properties.area, polys]);
  }
  const pts = rings.flatMap(([, polys]) => polys.flat(2));
  const lats = pts.map((p) => p[1]), lons = pts.map((p) => p[0]);
  const k = Math.cos(((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI / 180);
  const x0 = Math.min(...lons) * k, x1 = Math.max(...lons) * k, y0 = Math.min(...lats), y1 = Math.max(...lats);
  const W = 440, H = 360, s = Math.min(W / (x1 - x0), H / (y1 - y0));
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const finite = [...values.values()].filter(Number.isFinite);
  const m = Math.max(...finite.map(Math.abs), 1e-9), min = Math.min(...finite), max = Math.max(...finite);
  const colour = (v) => {
    if (!Number.isFinite(v)) return "#dddddd";
    if (diverging) return DIVERGING[Math.min(4, Math.floor((v / m + 1) / 2 * 5))];
    return SEQUENTIAL[Math.min(4, Math.floor((v - min) / (max - min || 1) * 5))];
  };
  let drawn = 0;
  for (const [code, polys] of rings) {
    if (!values.has(code)) continue;
    const d = polys.map((poly) => poly.map((ring) => "M" + ring.map(([lon, lat]) =>
      `${((lon * k - x0) * s).toFixed(1)},${((y1 - lat) * s).toFixed(1)}`).join("L") + "Z").join("")).join("");
    const path = el("svg:path", { d, fill: colour(values.get(code)), stroke: "#fff", "stroke-width": 0.4, "data-area": code }, svg);
    el("svg:title", { text: `${code}: ${diverging ? points(values.get(code)) : pct(values.get(code))}` }, path);
    drawn++;
  }
  const legend = diverging
    ? DIVERGING.map((c, i) => [c, points(m * (-1 + (2 * i + 1) / 5))])
    : SEQUENTIAL.map((c, i) => [c, pct(min + (max - min) * (i + 0.5) / 5)]);
  return { drawn, legend };
}

export function initScenarioView({ datasetName }) {
  const header = document.querySelector("header");
  const open = el("button", { id: "whatif-open", type: "button", text: "What if…",
    title: "Run one of the project's scenarios against the baseline with the residential-mobility model" }, header);
  const panel = el("section", { id: "whatif", hidden: "" }, document.body);
  panel.innerHTML = `
    <div class="whatif-head"><h2>What if…? <small>model projections under stated assumptions</small></h2>
      <button id="whatif-close" type="button">close</button></div>
    <div class="whatif-controls">
      <label>Scenario <select id="whatif-scenario"></select></label>
      <label>Group <select id="whatif-group"></select></label>
      <label>Map <select id="whatif-map">
        <option value="difference">change against the baseline</option>
        <option value="share">share under the scenario</option></select></label>
      <button id="whatif-run" type="button">Run</button>
      <span id="whatif-status" role="status"></span></div>
    <p id="whatif-assumption"></p>
    <div class="whatif-figures">
      <figure><svg id="whatif-chart" role="img" aria-label="index trajectories"></svg>
        <figcaption id="whatif-chart-key"></figcaption></figure>
      <figure><svg id="whatif-map-svg" role="img" aria-label="end-state map"></svg>
        <figcaption id="whatif-map-key"></figcaption></figure></div>
    <p id="whatif-caption"></p>
    <p class="whatif-warning">These are model projections, not forecasts. In the 2011 → 2021 validation the model did not
      beat the simple town-trend baseline, and its baseline mixes faster than the town did: read the difference between
      a scenario and the baseline (the same runs), not the levels (docs/simulation.md).</p>`;
  const $ = (id) => document.getElementById(id);
  let scenarios = [];

  async function load() {
    const all = (await call("/api/scenarios")).scenarios;
    scenarios = all.filter((s) => s.dataset === datasetName());
    $("whatif-scenario").innerHTML = "";
    for (const s of scenarios) el("option", { value: s.name, text: s.name }, $("whatif-scenario"));
    $("whatif-group").innerHTML = "";
    for (const g of scenarios[0]?.groups ?? []) el("option", { value: g, text: g }, $("whatif-group"));
    $("whatif-status").textContent = scenarios.length ? "" : "this town's project has no [[scenario]] blocks";
    $("whatif-run").disabled = !scenarios.length;
    describe();
    if (!view.polygons) {
      try {
        view.polygons = await call(`/api/change?dataset=${encodeURIComponent(datasetName())}&format=geojson`);
      } catch (e) {
        view.polygons = { features: [] };  // no 2021 polygons: the chart alone
      }
    }
  }

  function describe() {
    const s = scenarios.find((x) => x.name === $("whatif-scenario").value);
    $("whatif-assumption").textContent = s ? `Assumption: ${s.assumption || "none stated"}.` : "";
  }

  function render() {
    if (!view.result) return;
    const { trajectories, end } = tablesOf(view.result);
    const scenario = view.job.scenario, group = $("whatif-group").value;
    const index = `D: ${group}`;
    view.chart = drawChart($("whatif-chart"), trajectories, index, scenario);
    $("whatif-chart-key").innerHTML = `Dissimilarity of ${escapeHtml(group)} households from everyone else (0 = spread evenly, 1 = apart): ` +
      `<b style="color:${LINE[0]}">baseline</b> and <b style="color:${LINE[1]}">${escapeHtml(scenario)}</b>; shaded: 5th–95th percentile of ${view.job.replicates} runs.`;
    const share = new Map(), base = new Map();
    for (const r of end.rows) (r.scenario === "baseline" ? base : r.scenario === scenario ? share : new Map()).set(r.code, r[`${group}_share_pct`] / 100);
    const difference = $("whatif-map").value === "difference";
    const values = new Map([...share].map(([code, v]) => [code, difference ? v - (base.get(code) ?? NaN) : v]));
    view.shown = { values: Object.fromEntries(values), ...drawMap($("whatif-map-svg"), view.polygons, values, difference) };
    const year = Math.max(...trajectories.rows.map((r) => r.year));
    $("whatif-map-key").innerHTML = `${escapeHtml(group)} households' share in ${year} ${difference ? "under the scenario minus the baseline" : "under the scenario"}, per 2021 area: ` +
      view.shown.legend.map(([c, label]) => `<i style="background:${c}"></i>${escapeHtml(label)}`).join(" ");
    const at = (name) => trajectories.rows.find((r) => r.index_name === index && r.scenario === name && r.year === year);
    const b = at("baseline"), s = at(scenario);
    let text = "";
    if (b && s) {
      const apart = s.low > b.high || s.high < b.low;
      text = `If nothing changes, the model puts ${group} dissimilarity at about ${two(b.value)} in ${year} (range ${two(b.low)}–${two(b.high)}); ` +
        `with “${scenario}” it would be about ${two(s.value)} (range ${two(s.low)}–${two(s.high)}), ` +
        (Math.abs(s.value - b.value) < 0.005 ? "less than 0.01 from the baseline"
          : `${s.value - b.value >= 0 ? "+" : "−"}${two(Math.abs(s.value - b.value))} against the baseline`) +
        (apart ? "." : ", within the run-to-run range: the model cannot tell them apart.");
      let most = null;
      for (const [code, v] of share) {
        const d = v - (base.get(code) ?? v);
        if (!most || Math.abs(d) > Math.abs(most[1])) most = [code, d];
      }
      // Named by its place where the areas carry one (a project's places): "in Queens Park (E01017477)".
      const place = most && view.polygons?.features.find((f) => f.properties.area === most[0])?.properties.place;
      if (most && Math.abs(most[1]) > 0)
        text += ` The area where ${group} households' share changes most is ${place ? `in ${place} (${most[0]})` : most[0]} (${points(most[1])}).`;
    }
    view.caption = text;
    $("whatif-caption").textContent = text;
  }

  async function run() {
    const name = $("whatif-scenario").value;
    view.result = null;
    view.state = "queued";
    $("whatif-run").disabled = true;
    try {
      let job = await call(`/api/scenario-runs?dataset=${encodeURIComponent(datasetName())}&scenario=${encodeURIComponent(name)}`,
        { method: "POST" });
      view.job = job;
      while (job.state === "queued" || job.state === "running") {
        $("whatif-status").textContent = `${job.state === "queued" ? "waiting in the queue" : "running"}: ` +
          `${job.progress.done} of ${job.progress.total} model runs done`;
        await new Promise((r) => setTimeout(r, 400));
        if (!view.open) return;
        job = await call(job.status_url);
        view.job = job;
      }
      view.state = job.state;
      if (job.state !== "done") throw new Error(job.error ?? `the run was ${job.state}`);
      view.result = job.result;
      $("whatif-status").textContent = `done: ${job.progress.total} model runs`;
      render();
    } catch (e) {
      view.state = "failed";
      $("whatif-status").textContent = `error: ${e.message}`;
    } finally {
      $("whatif-run").disabled = false;
    }
  }

  open.addEventListener("click", async () => {
    view.open = true;
    panel.style.top = `${Math.ceil(header.getBoundingClientRect().bottom)}px`;
    panel.hidden = false;
    try {
      await load();
    } catch (e) {
      $("whatif-status").textContent = `error: ${e.message}`;
    }
  });
  $("whatif-close").addEventListener("click", () => {
    view.open = false;
    panel.hidden = true;
    const job = view.job;  // a run still going is nobody's any more: cancel it
    if (job && (job.state === "queued" || job.state === "running")) fetch(job.status_url, { method: "DELETE" }).catch(() => {});
  });
  window.addEventListener("resize", () => { panel.style.top = `${Math.ceil(header.getBoundingClientRect().bottom)}px`; });
  $("whatif-run").addEventListener("click", run);
  $("whatif-scenario").addEventListener("change", describe);
  $("whatif-group").addEventListener("change", render);
  $("whatif-map").addEventListener("change", render);
  return { reset: () => { view.polygons = null; view.result = null; } };
}
