#!/usr/bin/env bash
# Trunk's post-build hook (Trunk runs hooks of one stage concurrently, so this runs the steps in
# order): split and optimise the wasm, add the lesson bundle under a content-hashed name (and
# tell index.html its name), then write the service worker over the finished file list.
set -euo pipefail
stage=${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}
src=${TRUNK_SOURCE_DIR:-.}
bash "$src/scripts/split.sh"
bash "$src/scripts/bundle.sh" "$src/lessons" > "$stage/content.txt"
hash=$(sha256sum "$stage/content.txt" | cut -c1-12)
mv "$stage/content.txt" "$stage/content-$hash.txt"
sed -i "s|<meta name=\"dvclab-content\" content=\"content.txt\">|<meta name=\"dvclab-content\" content=\"content-$hash.txt\">|" "$stage/index.html"
grep -q "content-$hash.txt" "$stage/index.html" || { echo "post-build.sh: no dvclab-content meta in index.html" >&2; exit 1; }
echo "lesson bundle: content-$hash.txt ($(wc -c < "$stage/content-$hash.txt") bytes)"
bash "$src/scripts/sw.sh"
