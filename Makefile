# DVC Lab — two commands: `make run` and `make test`. Both set up whatever is missing first
# (wasm32 target, trunk, the wasm-bindgen CLI matching Cargo.lock, wasm-opt; plus Chromium and
# ChromeDriver for tests) and skip every install that is already present at the right version.
# Facts behind the versions: ../shared/toolchain.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION    := 0.21.14
BINARYEN_VERSION := 132.0.0
AXE_VERSION      := 4.14.1
TERSER_VERSION   := 5.51.4
WASM_SPLIT_VERSION := 0.2.4
# Ralph, the real xAPI Learning Record Store the end-to-end tests start and stop (../shared/lrs.md).
RALPH_VERSION := 5.1.0
RALPH_REQUESTS_VERSION := 2.34.2
RALPH_VENV = $(TOOLS)/ralph
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
TOOLS := $(CURDIR)/.tools
export PATH := $(HOME)/.cargo/bin:$(TOOLS)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# make serve-dist: where and what (make run serves dist/ on 8080).
PORT ?= 8080
DIST ?= dist
# apt-get needs root; use sudo when we are not root and it exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: help run test setup setup-browser setup-lrs dist serve-dist size content-check content-report \
        fmt-check clippy test-native test-wasm test-e2e bench clean

help:
	@echo "make run    – set up, build and serve on http://127.0.0.1:8080"
	@echo "make test   – set up, then fmt, clippy (native + wasm), native, wasm (Chromium) and end-to-end tests"
	@echo "make dist   – release build into dist/ (static files; see README 'Deploying')"
	@echo "make serve-dist – serve the dist/ already built on http://127.0.0.1:\$$PORT (8080)"
	@echo "make size   – gzip size of every file in dist/ and the total"
	@echo "make bench  – release build, then sizes, cold start, lesson/quiz/walkthrough/save times in Chromium against the budgets"
	@echo "make setup-lrs – install Ralph $(RALPH_VERSION) (the LRS the tests use) into .tools/ralph, once"
	@echo "make content-check / content-report – check lessons / print the JSON summary"

## ---- set-up (idempotent) ----------------------------------------------------------------
setup:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || { echo "==> installing the wasm32 target"; rustup target add wasm32-unknown-unknown; }
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
	@trunk --version 2>/dev/null | grep -qF "$(TRUNK_VERSION)" \
	  || { echo "==> installing trunk $(TRUNK_VERSION) (about 15 min, once)"; cargo install --locked trunk --version $(TRUNK_VERSION); }
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
	  || { echo "==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 7 min, once)"; \
	       cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }
	@cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):" \
	  || { echo "==> installing wasm-split-cli $(WASM_SPLIT_VERSION) (about 2 min, once; cuts the wasm into page chunks)"; \
	       cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary; }
	@wasm-opt --version 2>/dev/null | grep -q "version $(firstword $(subst ., ,$(BINARYEN_VERSION)))" \
	  || { echo "==> installing wasm-opt (npm binaryen@$(BINARYEN_VERSION)) into .tools/"; \
	       npm install --silent --no-audit --no-fund --prefix "$(TOOLS)" binaryen@$(BINARYEN_VERSION); }
	@grep -qs '"version": "$(TERSER_VERSION)"' "$(TOOLS)/node_modules/terser/package.json" \
	  || { echo "==> installing terser $(TERSER_VERSION) into .tools/ (minifies the first download's JavaScript)"; \
	       npm install --silent --no-audit --no-fund --prefix "$(TOOLS)" terser@$(TERSER_VERSION); }

setup-browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null \
	  || { echo "==> installing chromium and chromium-driver"; \
	       $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; }
	@test -f "$(TOOLS)/node_modules/axe-core/axe.min.js" \
	  || { echo "==> installing axe-core $(AXE_VERSION) into .tools/ (accessibility audit)"; \
	       npm install --silent --no-audit --no-fund --prefix "$(TOOLS)" axe-core@$(AXE_VERSION); }

# A Python venv with Ralph, pinned. The check reads the installed metadata (no network), so an
# install that is already there at the right version costs a fraction of a second. `requests` is
# imported by Ralph's API (its OIDC module) but is not among the `lrs` extra's dependencies.
# A venv made under another path (a moved or copied checkout) has scripts that start the old
# path's Python: it is made again.
setup-lrs:
	@if [ "$$("$(RALPH_VENV)/bin/python" -c 'import importlib.metadata as m, requests; print(m.version("ralph-malph"))' 2>/dev/null)" \
	      != "$(RALPH_VERSION)" ] || [ ! -x "$(RALPH_VENV)/bin/ralph" ] \
	   || [ "$$(head -n 1 "$(RALPH_VENV)/bin/ralph")" != "#!$(RALPH_VENV)/bin/python3" ]; then \
	  command -v python3 >/dev/null \
	    || { echo "make setup-lrs needs python3 (3.9 or newer): apt-get install python3 python3-venv"; exit 1; }; \
	  python3 -c 'import venv, ensurepip' 2>/dev/null \
	    || { echo "==> installing python3-venv (Debian keeps Python's venv module apart)"; \
	         $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; } \
	    || true; \
	  python3 -c 'import venv, ensurepip' 2>/dev/null \
	    || { echo "make setup-lrs needs Python's venv module: apt-get install python3-venv"; exit 1; }; \
	  echo "==> installing Ralph $(RALPH_VERSION) (the xAPI LRS the tests use) into .tools/ralph (about a minute, once)"; \
	  [ "$$(head -n 1 "$(RALPH_VENV)/bin/pip" 2>/dev/null)" = "#!$(RALPH_VENV)/bin/python3" ] \
	    || { rm -rf "$(RALPH_VENV)"; python3 -m venv "$(RALPH_VENV)"; }; \
	  "$(RALPH_VENV)/bin/pip" install --quiet --disable-pip-version-check \
	    'ralph-malph[lrs,cli]==$(RALPH_VERSION)' 'requests==$(RALPH_REQUESTS_VERSION)'; \
	fi

## ---- build and run --------------------------------------------------------------------
dist: setup
	trunk build --release --offline

# The release build (exactly what `make test` tests, built once), then scripts/serve.py serves
# dist/ as a school server should: application/wasm, the .br/.gz copies, deep links. Not
# `trunk serve`: its live-reload script breaks in this build and it writes that page into dist/.
run: dist
	@$(MAKE) --no-print-directory serve-dist

serve-dist:
	@command -v python3 >/dev/null || { echo "make run needs python3 to serve dist/ (apt-get install python3)"; exit 1; }
	python3 scripts/serve.py --bind 127.0.0.1 --port $(PORT) "$(DIST)"

size:
	@test -f dist/index.html || $(MAKE) --no-print-directory dist
	@bash scripts/size.sh dist

content-check:
	@cargo test --quiet --workspace --lib content:: 2>&1 | grep -E "^(test result|---- |error)|panicked at"

content-report:
	@cargo run --quiet --example content_report

## ---- tests: one invocation, each layer once, failing on the first error -------------------
test: setup setup-browser setup-lrs
	@$(MAKE) --no-print-directory fmt-check clippy test-native test-wasm dist test-e2e
	@echo "==> make test: all layers passed"

fmt-check:
	cargo fmt --all -- --check
	@echo "==> fmt: ok"

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
	@echo "==> clippy (native + wasm32): ok"

test-native:
	cargo test --workspace --lib --bins --examples
	@echo "==> native tests: ok"

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web --features web-test
	@echo "==> wasm-bindgen tests in headless Chromium: ok"

test-e2e:
	DVC_DIST="$(CURDIR)/dist" cargo test --test e2e
	@echo "==> end-to-end tests against the release build: ok"

## ---- measurements (not part of make test: nothing there is timed) -------------------------
# Prints a table and one JSON object; BENCH_STRICT=1 makes a failed budget fail the command.
bench: setup setup-browser setup-lrs dist
	@bash scripts/size.sh dist | tail -n 2
	DVC_BENCH=1 DVC_DIST="$(CURDIR)/dist" cargo test --test e2e

clean:
	cargo clean
	rm -rf dist
