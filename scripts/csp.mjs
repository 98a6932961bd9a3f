// Writes the Content-Security-Policy's script hashes into the built index.html (post-build.sh,
// after every other change to index.html): the policy allows scripts from the app's own files
// ('self') and exactly the inline scripts that index.html carries, by their SHA-256 — so a
// script injected into the page, or one of the inline scripts changed, does not run.
// Usage: node scripts/csp.mjs <dist/index.html>
// Fails loudly (and so fails the build) when the placeholder or the scripts are not found.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/csp.mjs <index.html>");
  process.exit(2);
}
const html = readFileSync(file, "utf8");
const placeholder = "CSP-SCRIPT-HASHES";
if (!html.includes(placeholder)) {
  console.error(`csp.mjs: no ${placeholder} in ${file} (the CSP <meta> is missing)`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/i.test(attrs)) continue;
  hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
}
if (hashes.length === 0) {
  console.error(`csp.mjs: no inline script in ${file}`);
  process.exit(1);
}
// The policy must come before the first script, or the scripts before it are not covered.
const csp = html.search(/<meta[^>]+Content-Security-Policy/i);
const firstScript = html.search(/<script\b/i);
if (csp < 0 || csp > firstScript) {
  console.error("csp.mjs: the Content-Security-Policy <meta> must come before the first script");
  process.exit(1);
}
writeFileSync(file, html.replace(placeholder, [...new Set(hashes)].join(" ")));
console.log(`csp: ${hashes.length} inline scripts allowed by hash`);
