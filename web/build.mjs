// Bundles the dashboard into dist/ (one JS file, one CSS file, index.html): no CDN, no
// network at run time. Called by CMake (`npm run build`) when npm is available.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const out = process.argv[2] ?? "dist";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outfile: `${out}/app.js`,
  logLevel: "warning",
});
const css = readFileSync("node_modules/maplibre-gl/dist/maplibre-gl.css", "utf8") + readFileSync("src/style.css", "utf8");
writeFileSync(`${out}/app.css`, css);
copyFileSync("src/index.html", `${out}/index.html`);
