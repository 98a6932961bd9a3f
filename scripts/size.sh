#!/usr/bin/env bash
# Prints the gzip -9 size of every file in the release build and the total (make size).
set -euo pipefail
dir=${1:-dist}
total_raw=0; total_gz=0
printf '%-48s %10s %10s\n' "file" "bytes" "gzip"
while IFS= read -r f; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d\n' "TOTAL" "$total_raw" "$total_gz"
awk -v b="$total_gz" 'BEGIN { printf "total gzip: %.1f KB\n", b / 1024 }'
