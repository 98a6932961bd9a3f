#!/usr/bin/env bash
# Prints the gzip -9 size of every file in the release build, then two totals (make size):
#   shell — what a first visit downloads to show the home page: index.html (with the inlined
#           CSS), the app's JS and main wasm module, the chunk loader and the icon;
#   all   — every file: the page chunks (downloaded when a page is first opened), the lesson
#           bundle (when a lesson or walkthrough is first opened), pictures, icons, sw.js.
# The pre-compressed copies (`<file>.gz`, `<file>.br`, scripts/compress.mjs) are not counted:
# a server sends one of them instead of the file, never as well; they are listed on one line.
# The bench (make bench) measures the first screen in Chromium from its own resource timeline.
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0; shell_raw=0; shell_gz=0
printf '%-48s %10s %10s  %s\n' "file" "bytes" "gzip" "when"
while IFS= read -r f; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  name=${f#"$dir"/}
  case "$name" in
    index.html|dvc-lab-*.js|dvc-lab-*_bg.wasm|split-*.js|favicon-*)
      when="shell"; shell_raw=$((shell_raw + raw)); shell_gz=$((shell_gz + gz)) ;;
    content-*.txt) when="first lesson or walkthrough opened" ;;
    *.wasm) when="page first opened" ;;
    *) when="as needed / offline copy" ;;
  esac
  printf '%-48s %10d %10d  %s\n' "$name" "$raw" "$gz" "$when"
done < <(find "$dir" -type f ! -name '*.gz' ! -name '*.br' | sort)
printf '%-48s %10d %10d\n' "SHELL (first visit, home page)" "$shell_raw" "$shell_gz"
printf '%-48s %10d %10d\n' "TOTAL (every file)" "$total_raw" "$total_gz"
printf 'pre-compressed copies (not counted): %d .gz, %d .br\n' \
  "$(find "$dir" -type f -name '*.gz' | wc -l)" "$(find "$dir" -type f -name '*.br' | wc -l)"
awk -v s="$shell_gz" -v b="$total_gz" 'BEGIN { printf "shell gzip: %.1f KB (budget 150 KB)\ntotal gzip: %.1f KB\n", s / 1024, b / 1024 }'
