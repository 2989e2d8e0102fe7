// Browser test of the dashboard (run by ctest): starts `cohesion serve` with the built
// dashboard on a free port, drives Debian's chromium headless through playwright-core,
// opens every view, clicks an area in each, and checks that what a person reads is in
// words (legend titles, area panels, summaries), that the controls follow the view, and
// that the numbers equal the API's, and that the findings panel shows the report's
// sentences with links that switch the view. Saves a screenshot of every view at 1280
// and 768 px.
//   node dashboard.test.mjs COHESION_BINARY WEB_DIST DATA_DIR SCREENSHOT_DIR
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { checker, launchChromium, waitForServer, watchPage } from "./browser_harness.mjs";

const [binary, web, data, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const port = 21000 + (process.pid % 20000);
const base = `http://127.0.0.1:${port}`;
const { check, report } = checker();

// The bundled project: the 2011 OA table with its polygons, change 2011 -> 2021 and the
// Census 2021 targeting tables, as dataset "Bedford".
const server = spawn(binary, ["serve", "--port", String(port), "--web", web, "--project", `${data}/bedford/bedford.toml`],
  { stdio: ["ignore", "inherit", "inherit"] });
let browser;
// What a person must never read: API column names, raw floats, placeholders.
const RAW = /(_share\b|location_quotient_|local_segregation_|residents_3plus|\be[+-]\d|undefined|NaN|\[object|\bM_[AB]\b|_marginal\b|_[ab]\b|WhiteBrit|OtherWhite)/;

async function ready(page, property) {
  await page.waitForFunction((p) => window.cohesionState?.ready === true && (!p || window.cohesionState.shown.property === p),
    property, { timeout: 90000 });
}

async function clickAnArea(page, name) {
  const before = await page.locator("#area").innerText();
  const box = await page.locator("#map").boundingBox();
  // Several points near the centre: one of them is on an area of the map.
  for (const [fx, fy] of [[0.5, 0.5], [0.45, 0.55], [0.55, 0.45], [0.4, 0.4], [0.6, 0.6]]) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(250);
    if ((await page.locator("#area").innerText()) !== before) break;
  }
  const text = await page.locator("#area").innerText();
  check(text !== before, `${name}: clicking the map shows an area`);
  check(!RAW.test(text), `${name}: the area panel reads '${text.slice(0, 200)}'`);
  return text;
}

try {
  await waitForServer(base, 200);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const { errors, external } = watchPage(page, base);
  await page.goto(`${base}/`);
  await ready(page);

  const first = await page.evaluate(() => ({
    features: window.cohesionState.shown.collection.features.length,
    rows: window.cohesionState.indices.rows.length,
    group: document.getElementById("group").value,
  }));
  check(first.features === 501, `map shows ${first.features} areas, expected 501`);
  check(first.rows >= 5, `index table has ${first.rows} rows`);
  // The default group is the report's key-figure group: the top of the API's ranking.
  const ranking = await (await fetch(`${base}/api/ranking?dataset=Bedford`)).json();
  check(ranking.top && first.group === ranking.top, `default group is the ranking's top (${ranking.top}), got ${first.group}`);
  check(await page.locator("#map canvas").count(), "no map canvas");

  // Change the group: the map property and the table follow; the table equals the API.
  await page.selectOption("#group", "Pakistani");
  await ready(page, "Pakistani_share");
  check((await page.locator("#indices tbody").innerText()).includes("Pakistani"), "index table did not switch to Pakistani");
  // The panel bootstraps: its raw value equals the plain API value, and its headline
  // (bias-corrected) estimate sits inside the interval shown.
  const row = await page.evaluate(() => window.cohesionState.indices.rows.find((r) => r.index_name === "dissimilarity"));
  const d = row.raw_value;
  check(row.ci_lower <= row.estimate && row.estimate <= row.ci_upper, `estimate ${row.estimate} outside its interval`);
  check((await page.locator("#indices tbody").innerText()).includes(row.estimate.toPrecision(3)), "index table does not show the estimate");
  const api = await (await fetch(`${base}/api/indices?dataset=Bedford&index=dissimilarity&group=Pakistani`)).json();
  check(Math.abs(d - api.rows[0].value) < 1e-12, `table D ${d} differs from the API ${api.rows[0].value}`);

  const views = [
    ["share", "Pakistani_share", { group: true, indices: true }],
    ["lq", "location_quotient_Pakistani", { group: true, indices: true }],
    ["local_segregation", "local_segregation", { group: false, indices: true }],
    ["hotspots", "hot_spot", { group: true, indices: true }],
    ["enclaves", "name", { group: true, indices: true, summary: true }],
    ["change", "pace", { group: false, indices: false, summary: true }],
    ["esol", "score", { group: false, indices: false, summary: true }],
    ["hubs", "hub", { group: false, indices: false, summary: true }],
    ["licensing", "zone", { group: false, indices: false, summary: true }],
  ];
  for (const [view, property, expect] of views) {
    await page.selectOption("#view", view);
    await ready(page, property);
    const seen = await page.evaluate((p) => {
      const values = window.cohesionState.shown.collection.features.map((f) => f.properties[p]);
      return {
        features: values.length,
        finite: values.filter((v) => Number.isFinite(v)).length,
        colours: new Set(window.cohesionState.shown.collection.features.map((f) => f.properties._colour)).size,
      };
    }, property);
    check(seen.colours > 1, `${view}: the map has ${seen.colours} colour(s)`);
    // One classification: a numeric map's legend is the API's classes (the report's).
    const classes = await page.evaluate((p) => ({
      served: window.cohesionState.shown.collection.classes?.[p] ?? null,
      legend: window.cohesionState.legend.map(([colour]) => colour),
    }), property);
    if (!["hotspots", "enclaves", "hubs", "licensing"].includes(view)) {
      check(classes.served !== null, `${view}: the API sent no classes for ${property}`);
      check(JSON.stringify(classes.legend) === JSON.stringify(classes.served?.colours),
        `${view}: legend colours ${classes.legend} differ from the API's ${classes.served?.colours}`);
      check(classes.served && classes.served.breaks.length >= 4, `${view}: only ${classes.served?.breaks.length} class edges (tied values collapsed the classes?)`);
    }
    const legend = await page.locator("#legend").innerText();
    check(legend.length > 10 && !RAW.test(legend), `${view}: legend reads '${legend.slice(0, 120)}'`);
    check((await page.locator("#group-control").isVisible()) === expect.group, `${view}: group selector visible = ${!expect.group}`);
    check((await page.locator("#indices-panel").isVisible()) === expect.indices, `${view}: index panel visible = ${!expect.indices}`);
    if (expect.summary) {
      const summary = await page.locator("#summary").innerText();
      check(await page.locator("#summary-panel").isVisible(), `${view}: no summary table`);
      check(!RAW.test(summary), `${view}: summary reads '${summary.slice(0, 200)}'`);
    }
    check((await page.locator("#view-note").innerText()).length > 40, `${view}: no sentence says what the map shows`);
    if (view === "local_segregation") check(seen.finite > 400, `local segregation: only ${seen.finite} areas have a value`);
    if (view === "hubs") {
      check((await page.locator(".hub-marker").count()) === 3, "hubs: expected 3 hub markers");
      // Hubs in words, in the hubs table's order: "Hub 1: Queens Park", not LSOA codes.
      check(/Hub 1: [A-Z][a-z].*\n.*Hub 2: [A-Z][a-z].*\n.*Hub 3: [A-Z][a-z]/.test(legend) && !/E0\d{7}/.test(legend),
        `hubs: legend reads '${legend}'`);
    }
    if (view === "enclaves") {
      // Enclaves named by place, without area codes, and the table fits its panel (not cut off).
      const summary = await page.locator("#summary").innerText();
      check(!/E0\d{7}/.test(summary) && !/enclave \d/.test(summary),
        `enclaves: the table reads '${summary.slice(0, 200)}'`);
      const fits = await page.evaluate(() => {
        const t = document.querySelector("#summary");
        return t.scrollWidth <= t.parentElement.clientWidth + 1;
      });
      check(fits, "enclaves: the enclave table is wider than its panel");
    }
    if (view === "change") {
      const summary = await page.locator("#summary").innerText();
      check(/segregation in 2011/.test(summary) && /groups sorting differently/.test(summary),
        `change: the decomposition does not read in words with years: '${summary.slice(0, 200)}'`);
    }
    if (view === "esol") {
      const csv = await (await fetch(`${base}/api/target/esol?dataset=Bedford&format=csv`)).text();
      check(seen.features === csv.trim().split("\n").length - 1, "ESOL map and API differ in areas");
    }
    const text = await clickAnArea(page, view);
    if (view === "esol") check(/priority rank/.test(text), `esol: area panel has no priority rank: ${text}`);
    if (view === "licensing") check(/households renting privately/.test(text), `licensing: panel reads ${text}`);
    // The clicked area is one of this view's areas (the change view's 2021 LSOAs, not an
    // output area left over from the previous view), with its values.
    if (view === "change") check(/^E01\d{6}/.test(text) && /rank by pace/.test(text), `change: area panel reads ${text}`);
    await page.screenshot({ path: `${shots}/dashboard-${view}-1280.png` });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(300);
    // At 768 px nothing may be cut off: the panels flow below the map.
    const cut = await page.evaluate(() => {
      const t = document.querySelector("#indices-panel:not([hidden]) table, #summary-panel:not([hidden]) table");
      return t ? t.getBoundingClientRect().right > window.innerWidth + 1 && !t.closest(".table-scroll") : false;
    });
    check(!cut, `${view}: a table is cut off at 768 px`);
    await page.screenshot({ path: `${shots}/dashboard-${view}-768.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The findings panel: the report's first-page sentences from /api/findings (the same
  // library function as `cohesion findings`), each linking to the view behind it.
  await page.waitForFunction(() => Array.isArray(window.cohesionState?.findings), null, { timeout: 120000 });
  // Choosing a map folds the panel away; a click on its heading opens it again.
  check(!(await page.locator("#findings").isVisible()), "the findings panel stays open over the views");
  await page.click("#findings-panel summary");
  const findings = await (await fetch(`${base}/api/findings?dataset=Bedford`)).json();
  const panel = await page.locator("#findings").innerText();
  check(findings.rows.length >= 4, `/api/findings has ${findings.rows.length} findings`);
  for (const f of findings.rows) check(panel.includes(f.text), `the findings panel lacks: ${f.text.slice(0, 80)}`);
  check(/Bangladeshi residents \(3,225\) live the most apart/.test(panel), `findings panel reads '${panel.slice(0, 160)}'`);
  check(!RAW.test(panel), `findings panel has raw values: '${panel.slice(0, 200)}'`);
  const enclaveFinding = findings.rows.find((f) => f.topic === "enclaves");
  await page.click('#findings li[data-topic="enclaves"] a.finding-link');
  await ready(page, "name");
  check(await page.locator("#view").inputValue() === "enclaves", "the enclaves finding did not switch to the enclaves view");
  check(await page.locator("#group").inputValue() === enclaveFinding.group_name,
    `the enclaves finding shows group ${await page.locator("#group").inputValue()}, expected ${enclaveFinding.group_name}`);
  await page.screenshot({ path: `${shots}/dashboard-findings-1280.png` });
  await page.click('#findings li[data-topic="change"] a.finding-link');
  await ready(page, "pace");
  check(await page.locator("#view").inputValue() === "change", "the change finding did not switch to the change view");
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}/dashboard-findings-768.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Back to the group the checks below use (the selector is hidden in the change view).
  await page.evaluate(() => { document.getElementById("group").value = "Pakistani"; });
  // "What if" (scenario.js): pick a scenario, run it against the baseline as a server job
  // (POST /api/scenario-runs, progress from its status URL), then the trajectory chart with
  // bands and the end-state map of the 2021 areas; the numbers are the run's own tables.
  await page.click("#whatif-open");
  await page.waitForFunction(() => document.querySelectorAll("#whatif-scenario option").length > 0, null, { timeout: 30000 });
  const listed = (await (await fetch(`${base}/api/scenarios`)).json()).scenarios;
  check(listed.length === 2 && listed.every((s) => s.dataset === "Bedford"), `/api/scenarios lists ${listed.length} scenarios`);
  check((await page.locator("#whatif-assumption").innerText()).startsWith("Assumption:"), "what if: no assumption shown");
  await page.selectOption("#whatif-group", "Asian");
  await page.click("#whatif-run");
  await page.waitForFunction(() => /model runs/.test(document.getElementById("whatif-status").textContent), null, { timeout: 30000 });
  await page.waitForFunction(() => ["done", "failed", "cancelled"].includes(window.cohesionScenario.state), null, { timeout: 120000 });
  const w = await page.evaluate(() => {
    const v = window.cohesionScenario;
    return { state: v.state, drawn: v.shown?.drawn, series: v.chart?.map((s) => s.length), caption: v.caption,
      job: v.job, shares: v.shown?.values };
  });
  check(w.state === "done", `what if: the run ended ${w.state}: ${w.job?.error ?? ""}`);
  check(w.drawn === 117, `what if: the map shows ${w.drawn} areas, expected Bedford's 117 LSOAs`);
  check(JSON.stringify(w.series) === "[11,11]", `what if: chart series lengths ${JSON.stringify(w.series)} (baseline and scenario, 2021-2031)`);
  check((await page.locator("#whatif-chart .band").count()) === 2, "what if: the chart has no bands");
  check(/^If nothing changes, the model puts Asian dissimilarity at about 0\.\d\d in 2031/.test(w.caption) && !RAW.test(w.caption),
    `what if: caption reads '${w.caption}'`);
  check(/changes most is in [A-Z][a-z].* \(E0\d{7}\)/.test(w.caption), `what if: the area is not named by its place: '${w.caption}'`);
  // The map's difference for one area equals the run's end-state table.
  const end = w.job.result.find((t) => t.columns.includes("households")).rows;
  const code = Object.keys(w.shares)[0];
  const at = (name) => end.find((r) => r.scenario === name && r.code === code)["Asian_share_pct"] / 100;
  check(Math.abs(w.shares[code] - (at(w.job.scenario) - at("baseline"))) < 1e-12, `what if: map value of ${code} differs from the table`);
  await page.screenshot({ path: `${shots}/dashboard-whatif-1280.png` });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}/dashboard-whatif-768.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.click("#whatif-close");
  check(await page.locator("#whatif").isHidden(), "what if: close did not hide the view");

  // Switching views clears the area panel: no stale area from another view.
  await page.selectOption("#view", "share");
  await ready(page, "Pakistani_share");
  check((await page.locator("#area").innerText()).startsWith("Click an area"), "the area panel kept the previous view's area");

  // Level: the map follows (each output area shows its LSOA), and so does the table.
  await page.selectOption("#level", "LSOA");
  await ready(page, "Pakistani_share");
  const lsoa = await page.evaluate(() => window.cohesionState.shown.collection.features.filter((f) => f.properties.level_area).length);
  check(lsoa === 501, `level LSOA: ${lsoa} areas carry their LSOA`);
  check((await page.locator("#legend").innerText()).includes("LSOA"), "level LSOA: the legend does not say so");
  await page.selectOption("#level", "");
  await ready(page, "Pakistani_share");

  // Search by code.
  await page.fill("#search", "E00088132");
  await page.press("#search", "Enter");
  await page.waitForTimeout(300);
  check((await page.locator("#area").innerText()).includes("E00088132"), "search did not show the area");

  // Search by ward name (the project's [report] places): the panel shows an area in it.
  await page.fill("#search", "Queens Park");
  await page.press("#search", "Enter");
  await page.waitForTimeout(300);
  check((await page.locator("#area").innerText()).includes("Queens Park"), "search by ward name did not show an area in it");

  // Download the map data as CSV and check it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  check(csv[0] === "area,Pakistani_share", `CSV header is '${csv[0]}'`);
  check(csv.length === 502, `CSV has ${csv.length - 1} rows, expected 501`);

  check(!errors.length, `page errors: ${errors.join("; ")}`);
  check(!external.length, `requests outside the server: ${external.join(", ")}`);
} catch (e) {
  check(false, e.stack ?? String(e));
} finally {
  await browser?.close();
  server.kill("SIGTERM");
}
report();
