// Browser test of the dashboard (run by ctest): starts `cohesion serve` with the built
// dashboard on a free port, drives Debian's chromium headless through playwright-core,
// and checks that the map and index table load, follow a change of group, and that the
// CSV download holds what the map shows. Saves a screenshot next to the build.
//   node dashboard.test.mjs COHESION_BINARY WEB_DIST DATA_DIR SCREENSHOT
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [binary, web, data, screenshot] = process.argv.slice(2);
const port = 21000 + (process.pid % 20000);
const fail = (message) => {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
};

// The bundled project: the 2011 OA table with its polygons, change 2011 -> 2021 and the
// Census 2021 targeting tables, as dataset "Bedford".
const server = spawn(binary, ["serve", "--port", String(port), "--web", web, "--project", `${data}/bedford/bedford.toml`],
  { stdio: ["ignore", "inherit", "inherit"] });
let browser;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {}
    if (i > 200) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const external = [];
  page.on("request", (r) => { if (!r.url().startsWith(`http://127.0.0.1:${port}`) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) external.push(r.url()); });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.cohesionState?.ready === true, null, { timeout: 60000 });

  const first = await page.evaluate(() => ({
    features: window.cohesionState.shown.collection.features.length,
    property: window.cohesionState.shown.property,
    rows: window.cohesionState.indices.rows.length,
    group: document.getElementById("group").value,
  }));
  if (first.features !== 501) fail(`map shows ${first.features} areas, expected 501`);
  if (first.rows < 5) fail(`index table has ${first.rows} rows`);
  if (!(await page.locator("#map canvas").count())) fail("no map canvas");
  if (!(await page.locator("#indices tbody tr").count())) fail("index table is empty");

  // Change the group: the map property and the table follow.
  await page.selectOption("#group", "Pakistani");
  await page.waitForFunction(() => window.cohesionState.ready && window.cohesionState.shown.property === "Pakistani_share",
    null, { timeout: 60000 });
  const table = await page.locator("#indices tbody").innerText();
  if (!table.includes("Pakistani")) fail("index table did not switch to Pakistani");
  // The panel bootstraps: its raw value equals the plain API value, and its headline
  // (bias-corrected) estimate sits inside the interval shown.
  const row = await page.evaluate(() => window.cohesionState.indices.rows.find((r) => r.index === "dissimilarity"));
  const d = row.raw_value;
  if (!(row.ci_lower <= row.estimate && row.estimate <= row.ci_upper)) fail(`estimate ${row.estimate} outside its interval`);
  if (!table.includes(row.estimate.toPrecision(3))) fail("index table does not show the estimate");
  const api = await (await fetch(`http://127.0.0.1:${port}/api/indices?dataset=Bedford&index=dissimilarity&group=Pakistani`)).json();
  if (Math.abs(d - api.rows[0].value) > 1e-12) fail(`table D ${d} differs from the API ${api.rows[0].value}`);

  // Hot spots view, then download the map data as CSV and check it.
  await page.selectOption("#view", "hotspots");
  await page.waitForFunction(() => window.cohesionState.ready && window.cohesionState.shown.property === "hot_spot",
    null, { timeout: 60000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const csv = readFileSync(await download.path(), "utf8").trim().split("\n");
  if (csv[0] !== "area,hot_spot") fail(`CSV header is '${csv[0]}'`);
  if (csv.length !== 502) fail(`CSV has ${csv.length - 1} rows, expected 501`);
  if (!csv.slice(1).some((l) => l.endsWith(",hot"))) fail("no hot spot in the CSV");

  // ESOL priority view: its own map of the 2021 LSOAs, coloured by the API's score.
  await page.selectOption("#view", "esol");
  await page.waitForFunction(() => window.cohesionState.ready && window.cohesionState.shown.property === "score",
    null, { timeout: 60000 });
  const esol = await page.evaluate(() => window.cohesionState.shown.collection.features.map((f) => [f.properties.area, f.properties.score]));
  const esolApi = await (await fetch(`http://127.0.0.1:${port}/api/target/esol?dataset=Bedford&format=csv`)).text();
  const apiRows = esolApi.trim().split("\n").length - 1;
  if (esol.length !== apiRows) fail(`ESOL map shows ${esol.length} areas, the API has ${apiRows}`);
  if (!esol.every(([, score]) => Number.isFinite(score))) fail("an ESOL area has no score");
  // Pace of change between the censuses, on the 2021 LSOAs.
  await page.selectOption("#view", "change");
  await page.waitForFunction(() => window.cohesionState.ready && window.cohesionState.shown.property === "pace",
    null, { timeout: 60000 });
  const changeAreas = await page.evaluate(() => window.cohesionState.shown.collection.features.length);
  const changeCsv = await (await fetch(`http://127.0.0.1:${port}/api/change?dataset=Bedford&format=csv`)).text();
  if (changeAreas !== changeCsv.trim().split("\n").length - 1)
    fail(`change map shows ${changeAreas} areas, the API has ${changeCsv.trim().split("\n").length - 1}`);
  await page.selectOption("#view", "share");
  await page.waitForFunction(() => window.cohesionState.ready && window.cohesionState.shown.property === "Pakistani_share",
    null, { timeout: 60000 });

  // Click an area: its composition appears.
  const box = await page.locator("#map").boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshot, fullPage: true });
  if (errors.length) fail(`page errors: ${errors.join("; ")}`);
  if (external.length) fail(`requests outside the server: ${external.join(", ")}`);
  if (!process.exitCode) console.log("dashboard test passed; screenshot " + screenshot);
} catch (e) {
  fail(e.stack ?? String(e));
} finally {
  await browser?.close();
  server.kill("SIGTERM");
}
