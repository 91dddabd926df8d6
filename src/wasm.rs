//! The WebAssembly surface the extension loads (`pkg/`, built with `wasm-bindgen --target web`).
//!
//! ```js
//! import init, { Checker } from './pkg/second_opinion.js';
//! await init();
//! const checker = new Checker({ declared_interests: [], ignored_terms: [] });
//! checker.check('Pt NHS no 943 476 5919'); // -> [{ rule: 'nhs-number', start: 10, ... }]
//! ```

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Config, CATALOGUE, VERSION};

/// Plain JS objects (not `Map`s) so findings can be posted between extension contexts as-is.
/// Going through JSON text and the engine's own `JSON.parse` is one boundary crossing instead of
/// one per field: measured about three times faster than building the objects field by field.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|e| JsError::new(&format!("could not convert result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not convert result"))
}

#[wasm_bindgen(js_name = Checker)]
pub struct WasmChecker {
    inner: crate::Checker,
}

#[wasm_bindgen(js_class = Checker)]
impl WasmChecker {
    /// `config` is a settings object (see `Config`); `undefined` or `null` means defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<WasmChecker, JsError> {
        console_error_panic_hook::set_once();
        let config: Config = if config.is_undefined() || config.is_null() {
            Config::default()
        } else {
            serde_wasm_bindgen::from_value(config)
                .map_err(|e| JsError::new(&format!("invalid configuration: {e}")))?
        };
        Ok(WasmChecker {
            inner: crate::Checker::new(config),
        })
    }

    /// Findings for `text`, with offsets in UTF-16 code units (as JS strings count).
    pub fn check(&self, text: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.check(text))
    }

    /// The whole guidance catalogue.
    pub fn guidance(&self) -> Result<JsValue, JsError> {
        to_js(CATALOGUE)
    }

    /// Every rule id with its category and a one-line description (`RuleInfo`), so the options
    /// page and popup can name rules in words.
    pub fn rules(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.rules())
    }

    /// Every company name in the checker's lexicon, sorted: the options page completes declared
    /// interests from it. Static, so no checker has to be built for it.
    #[wasm_bindgen(js_name = companyNames)]
    pub fn company_names() -> Result<JsValue, JsError> {
        to_js(&crate::lexicon::company_names())
    }

    /// Compiles up to `max` of the rule patterns not compiled yet; returns how many are left.
    /// The background warms a new checker up with it in short tasks, so that a real check
    /// waits for a few patterns, not for all of them (see `pattern.rs`).
    #[wasm_bindgen(js_name = compilePending)]
    pub fn compile_pending(max: u32) -> u32 {
        crate::pattern::compile_pending(max as usize) as u32
    }

    /// The checker's version.
    pub fn version(&self) -> String {
        VERSION.to_string()
    }
}
