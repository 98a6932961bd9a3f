#!/usr/bin/env bash
# Lets a built app talk to the school's or ward's Learning Record Store: adds its origin to
# `connect-src` in index.html's Content-Security-Policy (which otherwise allows only the app's
# own server), then writes the offline worker's version and the pre-compressed copies of the two
# changed files again, so returning browsers take the new page. Run once per deployment, after
# `make dist` (or on a copy of dist/). Not needed with a relay on the school's own server
# (`/lrs`, README "Nhiều trường: kho dữ liệu học tập (LRS)"), which is 'self'.
# Usage: scripts/allow-lrs.sh <dist> <origin>...   e.g. scripts/allow-lrs.sh dist https://lrs.phuong.vn
set -euo pipefail
dist=${1:?usage: scripts/allow-lrs.sh <dist> <origin>...}
shift
[ $# -gt 0 ] || { echo "usage: scripts/allow-lrs.sh <dist> <origin>..." >&2; exit 2; }
src=$(cd "$(dirname "$0")/.." && pwd)
page="$dist/index.html"
[ -f "$page" ] || { echo "allow-lrs: no $page (run make dist first)" >&2; exit 1; }
for origin in "$@"; do
  # An origin only: scheme, host, optional port; no path, no wildcard.
  [[ "$origin" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$ ]] \
    || { echo "allow-lrs: '$origin' is not an origin such as https://lrs.phuong.vn (no path, no *)" >&2; exit 2; }
  if grep -qE "connect-src [^;\"]*[ ']${origin//./\\.}[ ;\"]" "$page"; then
    echo "allow-lrs: $origin is already allowed"
    continue
  fi
  sed -i -E "s#connect-src ([^;\"]*)#connect-src \1 $origin#" "$page"
  grep -q "connect-src [^;\"]* $origin" "$page" || { echo "allow-lrs: no connect-src in $page" >&2; exit 1; }
  echo "allow-lrs: connect-src now allows $origin"
done
TRUNK_STAGING_DIR="$dist" TRUNK_SOURCE_DIR="$src" bash "$src/scripts/sw.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$page" "$dist/sw.js" "$tmp/"
node "$src/scripts/compress.mjs" "$tmp" > /dev/null
cp "$tmp/index.html.gz" "$tmp/index.html.br" "$dist/"
cp "$tmp/sw.js.gz" "$tmp/sw.js.br" "$dist/"
