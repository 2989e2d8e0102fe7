// What the browser tests share: waiting for `cohesion serve` to answer, Debian's chromium
// through playwright-core (software WebGL for MapLibre), and a page watched for script
// errors and for requests that leave the server (the dashboard must need no network).
import { chromium } from "playwright-core";

export async function waitForServer(base, tries = 400) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    if (i > tries) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--use-gl=angle", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"],
  });
}

// Collects the page's script errors and any request outside `base`.
export function watchPage(page, base) {
  const errors = [], external = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) external.push(r.url()); });
  return { errors, external };
}

// Counted checks: each failure is printed; report() prints the closing line ctest reads
// ("N passed, M failed") and sets the exit code.
export function checker() {
  let failures = 0, checks = 0;
  const check = (ok, message) => {
    checks++;
    if (!ok) {
      failures++;
      console.error(`FAIL: ${message}`);
    }
  };
  const report = () => {
    console.log(`${checks - failures} passed, ${failures} failed`);
    process.exitCode = failures ? 1 : 0;
  };
  return { check, report };
}
