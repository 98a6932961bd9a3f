// Pre-compressed copies for servers that send them as they are (nginx `gzip_static`, Caddy
// `precompressed`, Apache/IIS rewrite rules — README "Deploying on a school server"): next to
// every compressible file of the build, `<file>.gz` (the `gzip -9` command, the same figure as
// `make size`) and `<file>.br` (Brotli, quality 11, Node's built-in zlib): nothing to install. Run last by post-build.sh,
// after sw.sh: the copies are not in the service worker's list (the browser decodes what it
// downloads; the worker caches the files by their own names).
// Usage: node scripts/compress.mjs <dir>
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/compress.mjs <dir>");
  process.exit(2);
}
// Text and WebAssembly; the PNG icons are compressed already.
const compressible = /\.(html|js|mjs|wasm|css|txt|svg|json|webmanifest)$/;
const files = [];
(function walk(d) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (compressible.test(e.name)) files.push(p);
  }
})(dir);
let raw = 0, gz = 0, br = 0;
for (const f of files) {
  const data = readFileSync(f);
  const g = execFileSync("gzip", ["-9", "-n", "-c", f], { maxBuffer: 1 << 30 });
  const b = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  writeFileSync(f + ".gz", g);
  writeFileSync(f + ".br", b);
  raw += data.length; gz += g.length; br += b.length;
}
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log(`compress.mjs: ${files.length} files, ${kb(raw)} → gzip ${kb(gz)}, brotli ${kb(br)}`);
