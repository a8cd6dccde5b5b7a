//! `planpress edit` against a hostile page, a hostile program on the same PC and a
//! careless clerk: no file lost or garbled, no request from elsewhere obeyed, no
//! body that stops the server.

use std::path::Path;

use serde_json::{Value, json};

use crate::edit_server::{get_json, http, post};
use crate::pages::copy_of;

fn token(running: &planpress::edit::Running) -> String {
    let address = running.address.trim_end_matches('/');
    address.rsplit('/').next().unwrap().to_string()
}

fn listed<'a>(edition: &'a Value, name: &str) -> &'a Value {
    let files = edition["files"].as_array().unwrap();
    files.iter().find(|f| f["name"] == name).unwrap()
}

/// The page's save of `text` over `name`, as it read it.
fn save(port: u16, t: &str, dir: &Path, name: &str, text: &str) -> (u16, Value) {
    let edition = get_json(port, t, "api/edition");
    let base = listed(&edition, name)["hash"].as_str().unwrap().to_string();
    let _ = dir;
    post(
        port,
        t,
        "api/save",
        &json!({"file": name, "base": base, "text": text}),
    )
}

#[test]
fn a_file_not_in_utf8_is_never_overwritten_with_replacement_characters() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-sjis");
    let name = "1-principles.json";
    // Notepad's Shift_JIS in one string: 「あい」 as 82 A0 82 A2.
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let at = text.find("\":").unwrap() + 4;
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(b"\x82\xa0\x82\xa2");
    bytes.extend_from_slice(&text.as_bytes()[at..]);
    std::fs::write(dir.join(name), &bytes).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    // The page shows the text as it can (U+FFFD) and the clerk edits another value.
    let edition = get_json(port, &t, "api/edition");
    let shown = listed(&edition, name)["text"].as_str().unwrap();
    let mut value: Value = serde_json::from_str(shown).expect("the lossy text is still JSON");
    value["hostile_probe"] = json!("x");
    let (status, answer) = save(port, &t, &dir, name, &value.to_string());
    assert_ne!(status, 200, "{answer}");
    assert!(answer["message"].as_str().unwrap().contains("UTF-8"), "{answer}");
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), bytes, "not a byte changed");
}
