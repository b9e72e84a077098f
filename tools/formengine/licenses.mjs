// Writes THIRD-PARTY-LICENSES.txt beside the built bundle: every npm package the bundle is
// made of (the production dependency tree), with its version, licence and licence text.
// Run by `npm run build` after vite.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = new URL("../../src/saylau/web/static/web/vendor/odk-web-forms/THIRD-PARTY-LICENSES.txt", import.meta.url);
const dirs = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { encoding: "utf8" })
  .split("\n").filter((d) => d.includes("node_modules"));
const seen = new Set();
const parts = [];
for (const dir of [...new Set(dirs)].sort()) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const key = `${pkg.name}@${pkg.version}`;
  if (seen.has(key) || pkg.name.startsWith("@types/")) continue;
  seen.add(key);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\..*)?$/i.test(f));
  const text = file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), "utf8").trim() : "(no licence file in the package; licence field above)";
  parts.push(`== ${key} (${typeof pkg.license === "string" ? pkg.license : JSON.stringify(pkg.license)})\n\n${text}\n`);
}
const header = `Third-party software in odk-web-forms*.js (built by tools/formengine; see BUILD.md).
@getodk/web-forms ships one pre-built file that already contains its own parts
(@getodk/xforms-engine, @getodk/xpath with tree-sitter, PrimeVue, Solid's reactivity,
a Temporal polyfill, Papa Parse...); their licence comments are kept at the end of
odk-web-forms-index-*.js. ODK Web Forms itself is Apache-2.0 (LICENSE in this folder).

`;
writeFileSync(OUT, header + parts.join("\n"));
console.log(`${parts.length} packages -> ${OUT.pathname}`);
