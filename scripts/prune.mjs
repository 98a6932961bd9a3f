// Trims the main wasm module's exports and its JS glue after wasm-bindgen, before wasm-opt
// (split.sh):
//   1. classes the glue exports but nothing can ever create — no constructor and no `__wrap`
//      (wasm-bindgen adds `__wrap` only when Rust hands such an object to JS) — are removed
//      with their finalization registries, and so are the wasm exports only they call. Today
//      these are wasm-streams' IntoUnderlyingSource/Sink/ByteSource, which Leptos brings in
//      through server_fn (this app has no server functions); with their exports gone, wasm-opt
//      removes the stream code behind them (≈ 1.6 KB gzip of the main module, 0.4 KB of glue);
//   2. every other export the glue calls (`wasm.<name>`) gets a short name: the closure shims'
//      mangled names (`_ZN12wasm_bindgen7convert8closures…17h<16 hex digits>E`) and the
//      `__wbindgen_*` helpers. The chunk loader takes `memory`, `__indirect_function_table` and
//      `__wasm_split_shared0` from the main module: those keep their names.
// Usage: node scripts/prune.mjs <main _bg.wasm> <glue .js>
// Fails loudly (and so fails the build) when the files do not have the expected shape.
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!gluePath) {
  console.error("usage: node scripts/prune.mjs <main _bg.wasm> <glue .js>");
  process.exit(2);
}
const LOADER_NEEDS = new Set(["memory", "__indirect_function_table", "__wasm_split_shared0"]);

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
function encodeName(s) {
  const bytes = Buffer.from(s, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
}
const escape = (s) => s.replace(/[$]/g, "\\$");
const uses = (text, name) => text.match(new RegExp(`\\bwasm\\.${escape(name)}(?![\\w$])`, "g")) || [];

// ---- 1. classes nothing can create -----------------------------------------------------------
let glue = readFileSync(gluePath, "utf8");
const dropped = new Set();
const classes = [];
for (const m of glue.matchAll(/^export class (\w+) \{$/gm)) classes.push(m[1]);
for (const name of classes) {
  const start = glue.indexOf(`export class ${name} {\n`);
  const endLine = `if (Symbol.dispose) ${name}.prototype[Symbol.dispose] = ${name}.prototype.free;\n`;
  const end = glue.indexOf(endLine, start);
  if (end < 0) throw new Error(`prune.mjs: class ${name} does not end the way wasm-bindgen writes it`);
  const body = glue.slice(start, end + endLine.length);
  if (/\bconstructor\(|static __wrap\(/.test(body)) continue; // can be created: keep it
  if (new RegExp(`\\b${name}\\.__wrap\\b|Object\\.create\\(${name}\\.prototype`).test(glue)) continue;
  const registry = new RegExp(`const ${name}Finalization = [^;]*;\\n`);
  const reg = glue.match(registry);
  if (!reg) throw new Error(`prune.mjs: no finalization registry for class ${name}`);
  for (const m of (body + reg[0]).matchAll(/\bwasm\.([\w$]+)/g)) dropped.add(m[1]);
  glue = glue.slice(0, start) + glue.slice(end + endLine.length);
  glue = glue.replace(registry, "");
  if (new RegExp(`\\b${name}\\b`).test(glue)) throw new Error(`prune.mjs: class ${name} is still used by the glue`);
}
for (const name of dropped) {
  if (uses(glue, name).length) throw new Error(`prune.mjs: ${name} is still called by the glue`);
}

// ---- 2. the export section: drop, rename -----------------------------------------------------
const wasm = readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
let at = 8;
let seen = false;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, bodyAt] = readU32(wasm, at + 1);
  const body = wasm.subarray(bodyAt, bodyAt + size);
  if (id !== 7) {
    parts.push(wasm.subarray(at, bodyAt + size));
    at = bodyAt + size;
    continue;
  }
  seen = true;
  let [count, p] = readU32(body, 0);
  const kept = [];
  for (let i = 0; i < count; i++) {
    const [len, nameAt] = readU32(body, p);
    const field = body.toString("utf8", nameAt, nameAt + len);
    const descAt = nameAt + len;
    p = readU32(body, descAt + 1)[1]; // kind byte, then the index
    if (dropped.has(field)) continue;
    let newField = field;
    if (!LOADER_NEEDS.has(field) && uses(glue, field).length) {
      newField = "$" + renamed.size.toString(36);
      renamed.set(field, newField);
    }
    kept.push(encodeName(newField), body.subarray(descAt, p));
  }
  const newBody = Buffer.concat([u32(kept.length / 2), ...kept]);
  parts.push(Buffer.from([7]), u32(newBody.length), newBody);
  at = bodyAt + size;
}
if (!seen || renamed.size === 0) throw new Error(`prune.mjs: no exports the glue calls in ${wasmPath}: wrong files?`);
for (const [long, short] of renamed) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(long)}(?![\\w$])`, "g"), `wasm.${short}`);
}
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`prune.mjs: ${classes.length - [...classes].filter((c) => glue.includes(`class ${c} `)).length} unused classes and ${dropped.size} exports removed, ${renamed.size} exports renamed`);
