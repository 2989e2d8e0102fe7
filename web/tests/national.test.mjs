// Browser test of the dashboard's national view (run by ctest): makes a small atlas (three
// local authorities), starts `cohesion serve --atlas DIR --national` with no town dataset, so
// the dashboard opens on the map of authorities; clicks one, checks that the panel says what
// its value means in words (value, interval or rank, similar towns) with the API's number,
// opens the town ("Open Bedford") and checks the town views load its areas. Screenshots at
// 1280 and 768 px.
//   node national.test.mjs COHESION_BINARY WEB_DIST DATA_DIR SCREENSHOT_DIR [SHARED_DATA]
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { checker, launchChromium, waitForServer, watchPage } from "./browser_harness.mjs";

const [binary, web, data, shots] = process.argv.slice(2);
const shared = process.argv[6] ?? process.env.COHESION_SHARED_DATA ?? `${data}/../../shared/data`;
mkdirSync(shots, { recursive: true });
const port = 21000 + ((process.pid + 7) % 20000);
const base = `http://127.0.0.1:${port}`;
const { check, report } = checker();

const scratch = mkdtempSync(`${tmpdir()}/cohesion-national-`);
const atlas = `${scratch}/atlas`;
const made = spawnSync(binary, ["atlas", `${shared}/ew2011_oa_ethnicity.csv.gz`, "--where", "LAD=Bedford,Luton,Central Bedfordshire,Milton Keynes",
  "--randomisation", "0", "--peers", "2", "--out", atlas], { stdio: ["ignore", "ignore", "inherit"] });
if (made.status !== 0) {
  console.error("FAIL: cohesion atlas failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const server = spawn(binary, ["serve", "--port", String(port), "--web", web, "--atlas", atlas, "--national", "--national-data", shared],
  { stdio: ["ignore", "inherit", "inherit"] });
let browser;
const RAW = /(undefined|NaN|\[object|_share\b|ci_lower|ranked_among)/;

try {
  await waitForServer(base);  // --national reads the national table first: a few seconds
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const { errors, external } = watchPage(page, base);
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.cohesionNational?.ready === true, null, { timeout: 60000 });
  check(!(await page.locator("#national").isHidden()), "a server without town datasets opens on the national view");
  const shown = await page.evaluate(() => window.cohesionNational.collection.features.length);
  check(shown === 4, `national map shows ${shown} authorities, expected 4`);
  const legend = await page.locator("#national-legend").innerText();
  check(/dissimilarity/.test(legend) && /move/.test(legend), `legend in words: '${legend}'`);

  // Choose a group, then click Bedford on the map (its centre, from the features).
  await page.selectOption("#national-group", "Pakistani");
  await page.waitForFunction(() => window.cohesionNational.ready && window.cohesionNational.group === "Pakistani");
  await page.waitForTimeout(500);
  const point = await page.evaluate(() => {
    const f = window.cohesionNational.collection.features.find((x) => x.properties.lad === "Bedford");
    const ring = f.geometry.type === "Polygon" ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
    // A point inside: the mean of the outer ring's vertices (Bedford's outline is compact).
    return ring.reduce(([x, y], [a, b]) => [x + a / ring.length, y + b / ring.length], [0, 0]);
  });
  const box = await page.locator("#national-map").boundingBox();
  const xy = await page.evaluate((lngLat) => {
    const p = window.cohesionNationalMapProject?.(lngLat);
    return p ? { x: p.x, y: p.y } : null;
  }, point);
  check(xy !== null, "the national map can place a point");
  await page.mouse.click(box.x + xy.x, box.y + xy.y);
  await page.waitForTimeout(300);
  const panel = await page.locator("#national-panel").innerText();
  const api = await (await fetch(`${base}/api/atlas?measure=dissimilarity&group=Pakistani`)).json();
  const bedford = api.rows.find((r) => r.lad === "Bedford");
  check(panel.startsWith("Bedford: Pakistani residents' dissimilarity"), `panel reads '${panel}'`);
  check(panel.includes(bedford.estimate.toFixed(2)), `panel shows the API's value ${bedford.estimate.toFixed(2)}: '${panel}'`);
  check(panel.includes("similar towns:"), `panel names similar towns: '${panel}'`);
  check(bedford.rank ? panel.includes(`of ${bedford.ranked_among} authorities`) : panel.includes("not ranked"), `panel gives the rank: '${panel}'`);
  const coloured = await page.evaluate(() => window.cohesionNational.collection.features.filter((f) => f.properties.rank && f.properties._colour !== "#f3efe6").length);
  check(coloured > 0, "ranked authorities get class colours");
  check(!RAW.test(panel), `panel has no raw names: '${panel}'`);
  await page.screenshot({ path: `${shots}/national-1280.png` });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${shots}/national-768.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Open the town: its study is built from the national tables and the town views show it.
  await page.click("#open-town");
  await page.waitForFunction(() => window.cohesionState?.ready === true && window.cohesionState.dataset === "town:Bedford", null, { timeout: 90000 });
  const town = await page.evaluate(() => ({ features: window.cohesionState.shown.collection.features.length, hidden: document.querySelector("main").hidden }));
  check(town.features === 103, `Bedford's town view shows ${town.features} areas, expected its 103 LSOAs`);
  check(!town.hidden, "the town views are shown after opening the town");
  await page.screenshot({ path: `${shots}/national-town-1280.png` });

  check(!errors.length, `page errors: ${errors.join("; ")}`);
  check(!external.length, `requests outside the server: ${external.join(", ")}`);
} catch (e) {
  check(false, e.stack ?? String(e));
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  rmSync(scratch, { recursive: true, force: true });
}
report();
