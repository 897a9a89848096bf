// Bundles packages/tracker into one minified file served at /sdk/atrium.js (public/sdk/atrium.js), and
// prints its gzipped size: the tracker must stay under 6 KB gzipped.
import { build } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");
const outfile = path.join(ROOT, "public/sdk/atrium.js");
mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [path.join(ROOT, "packages/tracker/src/atrium.ts")],
  outfile,
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none",
});
const code = readFileSync(outfile);
const gzipped = gzipSync(code, { level: 9 }).length;
console.log(`[tracker] public/sdk/atrium.js: ${code.length} bytes, ${gzipped} bytes gzipped`);
if (gzipped > 6 * 1024) {
  console.error("[tracker] over the 6 KB gzipped budget");
  process.exit(1);
}
