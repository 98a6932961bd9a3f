// Shrinks the first download's JavaScript/wasm pair after wasm-bindgen and wasm-opt (split.sh):
//   1. every import the main wasm module takes from its JS glue (`__wbg_<name>_<hash>`, ~190 of
//      them, ~60 bytes each and incompressible hashes) is renamed to a short name, in the wasm
//      import section and in the glue's import object alike;
//   2. the glue and the chunk loader are minified with terser (from .tools/, see Makefile).
// Usage: node scripts/minify.mjs <main _bg.wasm> <glue .js> <loader .js>
// Fails loudly (and so fails the build) when the files do not have the expected shape.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [wasmPath, gluePath, loaderPath] = process.argv.slice(2);
if (!loaderPath) {
  console.error("usage: node scripts/minify.mjs <main _bg.wasm> <glue .js> <loader .js>");
  process.exit(2);
}
const tools = path.join(path.dirname(new URL(import.meta.url).pathname), "..", ".tools");
const { minify } = createRequire(path.join(tools, "package.json"))("terser");

// ---- 1. short import names ---------------------------------------------------------------
const wasm = readFileSync(wasmPath);
// wasm-bindgen names the import module after the wasm file: "./<stem>_bg.js".
const glueModule = "./" + path.basename(wasmPath).replace(/\.wasm$/, ".js");

function readU32(buf, at) {
  let result = 0, shift = 0, byte;
  do {
    byte = buf[at++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [result >>> 0, at];
}
function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}
function name(buf, at) {
  const [len, start] = readU32(buf, at);
  return [buf.toString("utf8", start, start + len), start + len];
}
function encodeName(s) {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
}
// a, b, …, Z, aa, ab, … (valid JS identifiers and wasm names)
const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
function shortName(i) {
  let s = "";
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return "_" + s; // never clashes with the glue's own `__wbg_…`/`__wbindgen_…` names
}

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyAt] = readU32(wasm, at + 1);
  const body = wasm.subarray(bodyAt, bodyAt + size);
  if (id !== 2) {
    parts.push(wasm.subarray(at, bodyAt + size));
    at = bodyAt + size;
    continue;
  }
  // The import section: module name, field name, then the import's description.
  let [count, p] = readU32(body, 0);
  const out = [u32(count)];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = name(body, p);
    [field, p] = name(body, p);
    const descAt = p;
    const kind = body[p++];
    if (kind === 0) [, p] = readU32(body, p); // function: type index
    else if (kind === 1) { p++; const flags = body[p++]; [, p] = readU32(body, p); if (flags & 1) [, p] = readU32(body, p); } // table
    else if (kind === 2) { const flags = body[p++]; [, p] = readU32(body, p); if (flags & 1) [, p] = readU32(body, p); } // memory
    else if (kind === 3) p += 2; // global
    else throw new Error(`unknown import kind ${kind}`);
    let newField = field;
    if (module === glueModule && kind === 0) {
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      newField = renamed.get(field);
    }
    out.push(encodeName(module), encodeName(newField), body.subarray(descAt, p));
  }
  const newBody = Buffer.concat(out);
  parts.push(Buffer.from([2]), u32(newBody.length), newBody);
  at = bodyAt + size;
}
if (renamed.size === 0) throw new Error(`no imports from ${glueModule} in ${wasmPath}: wrong files?`);

let glue = readFileSync(gluePath, "utf8");
for (const [long, short] of renamed) {
  // Each import is one key of the glue's import object: `        __wbg_…: function(…`.
  const key = new RegExp(`(^|[\\s{,])${long}:`, "gm");
  const hits = glue.match(key);
  if (!hits || hits.length !== 1) throw new Error(`import ${long} found ${hits ? hits.length : 0} times in the glue`);
  glue = glue.replace(key, `$1${short}:`);
}

// ---- 2. terser ------------------------------------------------------------------------
const options = { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } };
const small = await minify(glue, options);
const loader = await minify(readFileSync(loaderPath, "utf8"), options);
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, small.code);
writeFileSync(loaderPath, loader.code);
console.log(`minify.mjs: ${renamed.size} imports renamed; glue and loader minified`);
