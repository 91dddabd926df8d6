//! The exported WASM `Checker`, run under Node by `wasm-bindgen-test-runner`
//! (`make test-wasm`). Only `#[wasm_bindgen_test]` functions run there.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use second_opinion::wasm::WasmChecker;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property readable")
}

/// An exported method's result, which must be an array.
fn array(result: Result<JsValue, wasm_bindgen::JsError>) -> Array {
    result
        .map_err(|_| "call failed")
        .unwrap()
        .dyn_into::<Array>()
        .expect("an array")
}

fn findings(checker: &WasmChecker, text: &str) -> Array {
    array(checker.check(text))
}

fn find_rule(findings: &Array, rule: &str) -> Option<JsValue> {
    findings
        .iter()
        .find(|f| get(f, "rule").as_string().as_deref() == Some(rule))
}

#[wasm_bindgen_test]
fn default_config_from_undefined() {
    let checker = WasmChecker::new(JsValue::UNDEFINED)
        .map_err(|_| "new failed")
        .unwrap();
    assert_eq!(checker.version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn offsets_after_emoji_are_utf16_units() {
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    let text = "😷👩‍⚕️ email jo.bloggs@example.com today";
    let found = findings(&checker, text);
    let email = find_rule(&found, "email-address").expect("email found");
    let expected_start = text[..text.find("jo.").unwrap()].encode_utf16().count() as f64;
    assert_eq!(get(&email, "start").as_f64(), Some(expected_start));
    assert_eq!(
        get(&email, "end").as_f64(),
        Some(expected_start + "jo.bloggs@example.com".len() as f64)
    );
    // Plain objects, not Maps, so results can be posted between extension contexts.
    assert!(email.is_instance_of::<Object>() && !email.is_instance_of::<js_sys::Map>());
    assert!(get(&email, "guidance").is_instance_of::<Array>());
}

#[wasm_bindgen_test]
fn nhs_number_after_emoji() {
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    let found = findings(&checker, "🩺 pt NHS no 943 476 5919");
    let nhs = find_rule(&found, "nhs-number").expect("nhs number found");
    assert_eq!(get(&nhs, "start").as_f64(), Some(13.0));
    assert_eq!(
        get(&nhs, "text").as_string().as_deref(),
        Some("943 476 5919")
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets() {
    // A JS string with lone surrogates crosses into Rust with each one replaced by U+FFFD,
    // which is also one UTF-16 unit, so offsets still match the JS string.
    let mut units: Vec<u16> = vec![0xD800, b' ' as u16, 0xDC00, b' ' as u16];
    units.extend("mail a@example.org".encode_utf16());
    let js = JsString::from_char_code(&units);
    assert!(!js.is_valid_utf16());
    let text: String = js.as_string().expect("converts lossily");
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    let found = findings(&checker, &text);
    let email = find_rule(&found, "email-address").expect("email found");
    assert_eq!(get(&email, "start").as_f64(), Some(9.0));
    assert_eq!(get(&email, "end").as_f64(), Some(units.len() as f64));
}

#[wasm_bindgen_test]
fn bad_config_is_a_clear_error() {
    let config = Object::new();
    Reflect::set(&config, &"declared_interests".into(), &"not a list".into()).unwrap();
    assert!(WasmChecker::new(config.into()).is_err());
}

#[wasm_bindgen_test]
fn empty_and_large_texts() {
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    assert_eq!(findings(&checker, "").length(), 0);
    let big = "ا… שלום 🙂 ".repeat(60_000);
    let found = findings(&checker, &big);
    let len = big.encode_utf16().count() as f64;
    for f in found.iter() {
        let (s, e) = (
            get(&f, "start").as_f64().unwrap(),
            get(&f, "end").as_f64().unwrap(),
        );
        assert!(s <= e && e <= len);
    }
}

#[wasm_bindgen_test]
fn guidance_catalogue_is_exported() {
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    let catalogue = array(checker.guidance());
    assert!(catalogue.length() >= 10);
    let first = catalogue.get(0);
    assert!(get(&first, "url")
        .as_string()
        .unwrap()
        .starts_with("https://www.gmc-uk.org/"));
}

#[wasm_bindgen_test]
fn company_names_are_exported_sorted() {
    let names = WasmChecker::company_names()
        .map_err(|_| "companyNames failed")
        .unwrap()
        .dyn_into::<Array>()
        .unwrap();
    assert!(names.length() >= 150, "{} companies", names.length());
    let names: Vec<String> = names.iter().map(|n| n.as_string().unwrap()).collect();
    assert!(names.iter().any(|n| n == "Novo Nordisk"), "{names:?}");
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
}

#[wasm_bindgen_test]
fn rules_are_described_in_words() {
    let checker = WasmChecker::new(JsValue::NULL)
        .map_err(|_| "new failed")
        .unwrap();
    let rules = array(checker.rules());
    let nhs = rules
        .iter()
        .find(|r| get(r, "id").as_string().as_deref() == Some("nhs-number"))
        .expect("nhs-number described");
    assert_eq!(
        get(&nhs, "category").as_string().as_deref(),
        Some("confidentiality")
    );
    assert!(get(&nhs, "description")
        .as_string()
        .is_some_and(|d| d.contains("NHS")));
}

#[wasm_bindgen_test]
fn pending_patterns_can_be_compiled_ahead() {
    let checker = WasmChecker::new(JsValue::UNDEFINED).unwrap();
    let mut left = WasmChecker::compile_pending(4);
    for _ in 0..1000 {
        if left == 0 {
            break;
        }
        left = WasmChecker::compile_pending(4);
    }
    assert_eq!(left, 0, "every pattern compiled after enough steps");
    assert!(find_rule(&findings(&checker, "NHS no 943 476 5919"), "nhs-number").is_some());
}
