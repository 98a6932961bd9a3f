#!/usr/bin/env bash
# Trunk's post-build hook (Trunk runs hooks of one stage concurrently, so this runs the steps in
# order): split and optimise the wasm, add the lesson bundle under a content-hashed name (and
# tell index.html its name), write the service worker over the finished file list, and last
# the pre-compressed .gz/.br copies of every text and wasm file (not in the worker's list).
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
src=${TRUNK_SOURCE_DIR:-.}
bash "$src/scripts/split.sh"
# The chunk loader's hashed name into index.html's loader script (its modulepreload).
loader=$(cd "$stage" && ls split-*.js | head -n 1)
sed -i "s#__wasm_split\.js#$loader#g" "$stage/index.html"
grep -q "$loader" "$stage/index.html" || { echo "post-build.sh: no chunk-loader preload in index.html" >&2; exit 1; }
bash "$src/scripts/bundle.sh" "$src/lessons" > "$stage/content.txt"
hash=$(sha256sum "$stage/content.txt" | cut -c1-12)
mv "$stage/content.txt" "$stage/content-$hash.txt"
# (Trunk's minifier may drop the quotes: content=content.txt.)
sed -i -E "s#(content=\"?)content\.txt(\"?)#\1content-$hash.txt\2#" "$stage/index.html"
grep -q "content-$hash.txt" "$stage/index.html" || { echo "post-build.sh: no dvclab-content meta in index.html" >&2; exit 1; }
echo "lesson bundle: content-$hash.txt ($(wc -c < "$stage/content-$hash.txt") bytes)"
# The pages' styles, under a content-hashed name too (the frame's are inlined in index.html).
# The app checks that the sheet arrived whole by its last line (app::STYLES_END).
[ "$(tail -n 1 "$src/assets/pages.css")" = "/* end of pages.css */" ] \
  || { echo "post-build.sh: assets/pages.css must end with the line '/* end of pages.css */'" >&2; exit 1; }
hash=$(sha256sum "$src/assets/pages.css" | cut -c1-12)
cp "$src/assets/pages.css" "$stage/pages-$hash.css"
sed -i -E "s#(content=\"?)pages\.css(\"?)#\1pages-$hash.css\2#" "$stage/index.html"
grep -q "pages-$hash.css" "$stage/index.html" || { echo "post-build.sh: no dvclab-pages-css meta in index.html" >&2; exit 1; }
# The Content-Security-Policy's hashes of the inline scripts, once index.html is final.
node "$src/scripts/csp.mjs" "$stage/index.html"
bash "$src/scripts/sw.sh"
node "$src/scripts/compress.mjs" "$stage"
