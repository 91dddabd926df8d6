# Second Opinion. `make demo` and `make test` are the two commands most people need.
.PHONY: build wasm cli test test-rust test-wasm test-js test-e2e lint bench demo dist clean

WASM := target/wasm32-unknown-unknown/release/second_opinion.wasm

build: cli wasm

cli:
	cargo build --release --bin second-opinion

wasm:
	scripts/setup.sh rust
	cargo build --release --lib --target wasm32-unknown-unknown
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir pkg $(WASM)

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

test: lint test-rust test-wasm build

bench: build
	cargo bench --bench check
	node benches/wasm-bench.mjs

clean:
	rm -rf target pkg dist demo
