//! `planpress edit` and what a careless clerk leaves on disk: a file the page
//! cannot show faithfully (not UTF-8, a key written twice, a number the browser
//! rounds) is never saved over, and no listed name reaches outside the folder.

use serde_json::{Value, json};

use crate::edit_hostile::{listed, save, token};
use crate::edit_server::{get_json, post};
use crate::pages::copy_of;

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
    assert!(
        answer["message"].as_str().unwrap().contains("UTF-8"),
        "{answer}"
    );
    assert_eq!(
        std::fs::read(dir.join(name)).unwrap(),
        bytes,
        "not a byte changed"
    );
}

#[test]
fn a_key_written_twice_on_disk_is_not_dropped_by_a_save() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-twice");
    let name = "annex-3-memo.json";
    // The clerk pasted the title twice in Notepad, each edited differently.
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let twice = text.replacen("\"date\"", "\"title\": \"架空の前の題名\",\n  \"date\"", 1);
    std::fs::write(dir.join(name), &twice).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let mut value: Value =
        serde_json::from_str(listed(&edition, name)["text"].as_str().unwrap()).unwrap();
    value["date"] = json!("2025-05-02");
    let (status, answer) = save(port, &t, &dir, name, &value.to_string());
    assert_ne!(status, 200, "{answer}");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains("「title」") && message.contains("4 行"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), twice);
}

/// `C:x.json` is a name on Linux, but on Windows a path on drive C (outside the
/// folder, whatever it is joined to): the edition may not name it, even unsaved.
#[test]
fn a_drive_letter_in_a_listed_name_is_refused() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-drive");
    let edition_text = std::fs::read_to_string(dir.join("edition.json")).unwrap();
    let mut edition: Value = serde_json::from_str(&edition_text).unwrap();
    let first = edition["chapters"][0]["file"].as_str().unwrap().to_string();
    std::fs::copy(dir.join(&first), dir.join("C:x.json")).unwrap();
    edition["chapters"][0]["file"] = json!("C:x.json");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let files = json!({"files": {"edition.json": edition.to_string()}});
    let (status, answer) = post(port, &t, "api/check", &files);
    assert_eq!(status, 200);
    let problems = answer["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["file"] == "edition.json"
            && p["pointer"] == "/chapters/0/file"
            && p["message"].as_str().unwrap().contains("「C:x.json」")),
        "{answer}"
    );
}

#[test]
fn a_number_the_browser_would_round_is_not_rewritten_by_a_save() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-number");
    let name = "annex-3-memo.json";
    // A long number typed without quotes: the browser holds it as 12345678901234567000.
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let typed = text.replacen(
        "\"date\"",
        "\"number\": 12345678901234567891,\n  \"date\"",
        1,
    );
    std::fs::write(dir.join(name), &typed).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let page = typed
        .replace("12345678901234567891", "12345678901234567000")
        .replace("2025-05-01", "2025-05-02");
    let (status, answer) = save(port, &t, &dir, name, &page);
    assert_ne!(status, 200, "{answer}");
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains("「12345678901234567891」") && message.contains("4 行"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), typed);
}
