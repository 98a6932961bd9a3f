#!/usr/bin/env bash
# Trunk post-build hook: cuts the app's wasm into the first-visit module and lazily loaded page
# chunks (Leptos `#[lazy_route]` split points, see src/app.rs), then optimises every piece.
#
# Trunk has already run cargo and wasm-bindgen; it skips wasm-opt (data-wasm-opt="0" in
# index.html) because the optimiser must run on the pieces. Here:
#   1. wasm-split-cli reads the linked wasm (built with --emit-relocs, .cargo/config.toml) and
#      writes the main module, the chunks and their loader `__wasm_split.js`;
#   2. wasm-bindgen turns the main module into the same `<name>.js` + `<name>_bg.wasm` pair Trunk
#      wrote (so index.html's loader is unchanged) — replacing Trunk's unsplit pair;
#   3. scripts/prune.mjs drops the glue's classes nothing can create and the exports only they
#      call (so wasm-opt removes the code behind them), and gives the other exports short names;
#   4. wasm-opt -Oz on every wasm file, in parallel;
#   5. scripts/minify.mjs gives the main module's ~190 JS imports short names (in the wasm and
#      the glue) and minifies the glue and the loader with terser (.tools/, Makefile `setup`);
#   6. every chunk and the loader get a content hash in their file name, so a browser never
#      mixes a cached chunk with a newer main module.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
src=${TRUNK_SOURCE_DIR:-.}
profile=${TRUNK_PROFILE:-release}
target_dir=${CARGO_TARGET_DIR:-$src/target}
input="$target_dir/wasm32-unknown-unknown/$profile/dvc-lab.wasm"
[ -f "$input" ] || { echo "split.sh: $input not found" >&2; exit 1; }

js=$(cd "$stage" && ls dvc-lab-*.js | head -n 1)
stem=${js%.js}
[ -f "$stage/${stem}_bg.wasm" ] || { echo "split.sh: ${stem}_bg.wasm not in the build" >&2; exit 1; }

# The same linked wasm always gives the same pieces: reuse them (`make run` on a warm machine
# then serves in seconds instead of re-optimising every piece).
key=$( { sha256sum "$input" | cut -c1-32; echo "$stem"; sha256sum "$0" "$src/scripts/prune.mjs" "$src/scripts/minify.mjs" | cut -c1-32; } | sha256sum | cut -c1-24)
cache="$target_dir/split-cache/$key"
if [ -f "$cache/done" ]; then
  find "$cache" -maxdepth 1 -type f ! -name done -exec cp {} "$stage/" \;
  echo "split.sh: reused the pieces of an identical build ($key)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$input" "$work/split" --out-name "$stem"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$work/bg" --out-name "$stem" "$work/split/$stem.wasm"
rm "$work/split/$stem.wasm"
node "$src/scripts/prune.mjs" "$work/bg/${stem}_bg.wasm" "$work/bg/$stem.js"

cp "$work/bg/$stem.js" "$stage/$stem.js"
cp "$work/bg/${stem}_bg.wasm" "$stage/${stem}_bg.wasm"
if [ -d "$work/bg/snippets" ]; then cp -r "$work/bg/snippets" "$stage/"; fi

# Optimise the main module and every chunk (2 at a time on a 2-core machine is the sweet spot;
# more jobs only compete for memory).
jobs=$(nproc 2>/dev/null || echo 2)
printf '%s\0' "$stage/${stem}_bg.wasm" "$work"/split/*.wasm |
  xargs -0 -P "$jobs" -I{} wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --strip-debug --strip-producers {} -o {} 2> >(grep -v 'unknown name subsection' >&2 || true)

# Content-hashed names: chunks first (the loader names them), then the loader (main names it).
loader="$work/split/__wasm_split.js"
# A school server that sends .wasm with another type than application/wasm (IIS without a
# MIME map) makes streaming compilation fail; fall back to compiling the downloaded bytes,
# as wasm-bindgen's own loader does for the main module.
sed -i 's/WebAssembly\.instantiateStreaming(src, imports)/dvclabInstantiate(src, imports)/g' "$loader"
grep -q 'dvclabInstantiate(src, imports)' "$loader" || { echo "split.sh: loader changed shape; update the fallback" >&2; exit 1; }
cat >> "$loader" <<'JS'
async function dvclabInstantiate(src, imports) {
    const response = await src;
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    try {
        return await WebAssembly.instantiateStreaming(response.clone(), imports);
    } catch (e) {
        if ((response.headers.get("Content-Type") || "").startsWith("application/wasm")) throw e;
        return await WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
JS
for f in "$work"/split/*.wasm; do
  base=$(basename "$f" .wasm)
  short=${base%_[0-9]*}         # split___teacher_route_view_<location hash> → split___teacher_route_view
  short=${short#split___}
  short=${short%_route_view}
  hash=$(sha256sum "$f" | cut -c1-12)
  new="${short}-$hash.wasm"
  mv "$f" "$stage/$new"
  sed -i "s|\"\./$base\.wasm\"|\"./$new\"|g" "$loader"
done
node "$src/scripts/minify.mjs" "$stage/${stem}_bg.wasm" "$stage/$stem.js" "$loader"
hash=$(sha256sum "$loader" | cut -c1-12)
mv "$loader" "$stage/split-$hash.js"
# Only the `import … from"./__wasm_split.js"` statements (terser drops the space); the key of
# the same name in the wasm's import object stays.
sed -i -E "s#from ?\"\./__wasm_split\.js\"#from\"./split-$hash.js\"#g" "$stage/$stem.js"
grep -q "split-$hash.js" "$stage/$stem.js" || { echo "split.sh: loader import not found in $stem.js" >&2; exit 1; }

# Remember the pieces (keep the three newest builds).
mkdir -p "$cache"
cp "$stage/$stem.js" "$stage/${stem}_bg.wasm" "$stage/split-$hash.js" "$cache/"
find "$stage" -maxdepth 1 -name '*.wasm' ! -name "${stem}_bg.wasm" -exec cp {} "$cache/" \;
touch "$cache/done"
ls -1dt "$target_dir"/split-cache/*/ 2>/dev/null | tail -n +4 | xargs -r rm -rf

n=$(find "$stage" -maxdepth 1 -name '*.wasm' | wc -l)
echo "split.sh: main module + $((n - 1)) lazily loaded pieces"
