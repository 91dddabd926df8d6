#!/usr/bin/env bash
# Installs what building and testing need on a fresh machine. Idempotent: skips what is present.
#   scripts/setup.sh rust      wasm32 target and the wasm-bindgen CLI matching Cargo.toml
#   scripts/setup.sh node      npm packages (package-lock.json)
#   scripts/setup.sh browsers  Debian's Chromium (and Firefox ESR + geckodriver for the Firefox test)
#   scripts/setup.sh model     a Python virtualenv (.venv-model) with what training the scorer needs
#   scripts/setup.sh presidio  a Python virtualenv (.venv-presidio) with Microsoft Presidio (`make presidio`)
set -euo pipefail
cd "$(dirname "$0")/.."

wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml
}

setup_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
  local want; want=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    # --locked fails here: it wants a dependency version this registry mirror lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

setup_node() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
  fi
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

setup_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  if [ "${SKIP_FIREFOX:-}" != 1 ]; then
    command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
  fi
  if [ "${SKIP_FIREFOX:-}" != 1 ] && ! command -v geckodriver >/dev/null; then
    cargo install geckodriver
  fi
}

# setup_venv DIR REQUIREMENTS: a virtualenv in DIR with REQUIREMENTS, rebuilt when they change.
setup_venv() {
  if [ ! -x "$1/bin/python" ] || [ "$2" -nt "$1/.installed" ]; then
    python3 -m venv "$1"
    "$1/bin/pip" install -q --disable-pip-version-check -r "$2"
    touch "$1/.installed"
  fi
}

for what in "${@:-rust node browsers}"; do
  case "$what" in
    rust) setup_rust ;;
    node) setup_node ;;
    browsers) setup_browsers ;;
    model) setup_venv .venv-model scripts/model-requirements.txt ;;
    presidio) setup_venv .venv-presidio scripts/presidio-requirements.txt ;;
    *) echo "setup.sh: unknown target '$what' (rust, node, browsers, model, presidio)" >&2; exit 2 ;;
  esac
done
