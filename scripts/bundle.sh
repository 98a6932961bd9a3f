#!/usr/bin/env bash
# Prints the lesson bundle: every lesson, glossary and walkthrough file the build checked
# (build.rs uses the same selection), each as \x01 + name + newline + text. The browser fetches
# it once, the first time a page needs lessons (src/content/mod.rs `Sources::from_bundle`), so
# the lesson text is not part of the first-visit download.
set -euo pipefail
dir=${1:-lessons}
shopt -s nullglob
for f in "$dir"/*.vi.md "$dir"/*.en.md; do
  printf '\001%s\n' "$(basename "$f")"
  cat "$f"
done
for f in "$dir"/walkthroughs/*.vi.md "$dir"/walkthroughs/*.en.md; do
  printf '\001walkthroughs/%s\n' "$(basename "$f")"
  cat "$f"
done
# The last line: a bundle without it was cut short on the way.
printf '\001end\n'
