//! `planpress edit`'s server rules, without a browser: the token, Host and Origin
//! checks, sizes, the files it may touch, and saving (only what changed, never
//! over a change made elsewhere, nothing dropped).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use serde_json::{Value, json};

use crate::doc::*;
use crate::fixtures::editions;
use crate::pages::copy_of;

/// A raw HTTP/1.1 exchange: (status, body).
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        req += &format!("Host: 127.0.0.1:{port}\r\n");
    }
    for (k, v) in headers {
        req += &format!("{k}: {v}\r\n");
    }
    req += "\r\n";
    s.write_all(req.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// The page's own POST: same Origin, JSON.
pub fn post(port: u16, token: &str, route: &str, body: &Value) -> (u16, Value) {
    let origin = format!("http://127.0.0.1:{port}");
    let (status, text) = http(
        port,
        "POST",
        &format!("/{token}/{route}"),
        &[("Origin", &origin), ("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    );
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

pub fn get_json(port: u16, token: &str, route: &str) -> Value {
    let (status, text) = http(port, "GET", &format!("/{token}/{route}"), &[], b"");
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

pub fn token(running: &planpress::edit::Running) -> String {
    running
        .address
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

fn file<'a>(edition: &'a Value, name: &str) -> &'a Value {
    edition["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == name)
        .unwrap()
}

#[test]
fn only_this_run_s_page_on_this_pc_is_answered() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-guard");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    assert!(running.address.starts_with("http://127.0.0.1:"));
    let (status, body) = http(port, "GET", &format!("/{t}/"), &[], b"");
    assert_eq!(status, 200);
    assert!(body.contains("<html lang=\"ja\""));
    // No token, a wrong one, one a character short.
    for path in [
        "/".to_string(),
        "/0123/".into(),
        format!("/{}/", &t[1..]),
        format!("/{t}x/api/edition"),
    ] {
        let (status, body) = http(port, "GET", &path, &[], b"");
        assert_eq!(status, 403, "{path}");
        assert!(body.contains("アドレスが違います"), "{body}");
    }
    // DNS rebinding: a foreign name for 127.0.0.1.
    let (status, body) = http(
        port,
        "GET",
        &format!("/{t}/api/edition"),
        &[("Host", &format!("evil.example:{port}"))],
        b"",
    );
    assert_eq!(status, 403);
    assert!(body.contains("127.0.0.1"), "{body}");
    // Another site's form or script.
    let (status, _) = http(
        port,
        "POST",
        &format!("/{t}/api/check"),
        &[
            ("Origin", "http://evil.example"),
            ("Content-Type", "application/json"),
        ],
        b"{}",
    );
    assert_eq!(status, 403);
    let (status, _) = http(
        port,
        "POST",
        &format!("/{t}/api/check"),
        &[("Content-Type", "application/json")],
        b"{}",
    );
    assert_eq!(status, 403, "a change without Origin");
    let (status, _) = post(port, &t, "api/check", &json!({}));
    assert_eq!(status, 200);
    // Sizes are limited.
    let big = vec![b' '; 17 << 20];
    let origin = format!("http://127.0.0.1:{port}");
    let (status, _) = http(
        port,
        "POST",
        &format!("/{t}/api/check"),
        &[("Origin", &origin), ("Content-Type", "application/json")],
        &big,
    );
    assert_eq!(status, 413);
}

#[test]
fn no_name_from_the_browser_is_used_as_a_path() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-paths");
    let outside = dir.parent().unwrap().join("edit-paths-outside.json");
    std::fs::write(&outside, "{}\n").unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let base = planpress_hash(b"{}\n");
    for name in [
        "../edit-paths-outside.json",
        outside.to_str().unwrap(),
        "edition.json/..",
        "nothere.json",
    ] {
        let (status, answer) = post(
            port,
            &t,
            "api/save",
            &json!({"file": name, "base": base, "text": "{\"x\":1}"}),
        );
        assert_eq!(status, 404, "{name}: {answer}");
        assert!(
            answer["message"]
                .as_str()
                .unwrap()
                .contains("この版のファイルではありません")
        );
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{}\n");
    // Assets by name in the binary only.
    let (status, _) = http(
        port,
        "GET",
        &format!("/{t}/assets/..%2F..%2FCargo.toml"),
        &[],
        b"",
    );
    assert_eq!(status, 404);
}

#[cfg(unix)]
#[test]
fn a_listed_file_that_is_a_link_is_neither_read_nor_written() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-link");
    let edition: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("edition.json")).unwrap()).unwrap();
    let name = edition["chapters"][0]["file"].as_str().unwrap().to_string();
    let elsewhere = dir.parent().unwrap().join("edit-link-elsewhere.json");
    std::fs::rename(dir.join(&name), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join(&name)).unwrap();
    let before = std::fs::read(&elsewhere).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    assert_eq!(
        file(&answer, &name)["text"],
        "",
        "a link's target is not shown"
    );
    let (status, _) = post(
        port,
        &t,
        "api/save",
        &json!({"file": name, "base": planpress_hash(&before), "text": "{}"}),
    );
    assert_ne!(status, 200);
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
}

fn planpress_hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Open every fixture edition and save every file as opened: nothing is written.
#[test]
fn opening_and_saving_every_edition_changes_no_byte() {
    for (name, fixture) in editions() {
        let dir = tmp(&format!("edit-roundtrip-{name}"));
        copy_edition(&fixture, &dir);
        let before = snapshot(&dir);
        let running = planpress::edit::start(&dir, 0).unwrap();
        let (port, t) = (running.port, token(&running));
        let answer = get_json(port, &t, "api/edition");
        for f in answer["files"].as_array().unwrap() {
            let (status, saved) = post(
                port,
                &t,
                "api/save",
                &json!({"file": f["name"], "base": f["hash"], "text": f["text"]}),
            );
            assert_eq!(status, 200, "{name} {}: {saved}", f["name"]);
            assert_eq!(saved["saved"], false, "{name} {}", f["name"]);
        }
        assert_eq!(snapshot(&dir), before, "{name}");
    }
}

/// Every file of a folder: (name, bytes), by name.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A department's target edited: exactly that value changes in the file, in its
/// place; a save over a change made elsewhere is refused and writes nothing.
#[test]
fn a_save_changes_only_the_edited_value_and_never_overwrites_another_change() {
    let dir = copy_of("tests/fixtures/large-ward", "edit-save");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    let targets = answer["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "targets")
        .unwrap();
    let name = targets["name"].as_str().unwrap().to_string();
    let path = dir.join(&name);
    // The file in fmt's form first, so the line comparison below is exact.
    planpress::fmt::format_edition(&dir).unwrap();
    let answer = get_json(port, &t, "api/edition");
    let targets = file(&answer, &name).clone();
    let before = std::fs::read_to_string(&path).unwrap();
    let mut value: Value = serde_json::from_str(targets["text"].as_str().unwrap()).unwrap();
    let department = value["divisions"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .flat_map(|d| d["departments"].as_array_mut().unwrap().iter_mut())
        .find(|d| d["targets"].as_array().is_some_and(|t| t.len() >= 2))
        .unwrap();
    let old_text = department["targets"][1]["text"]
        .as_str()
        .unwrap()
        .to_string();
    department["targets"][1]["text"] =
        json!("窓口の待ち時間を短くします（編集画面で書き換えた架空の目標）");
    // The page may send keys in another order: the file keeps its own.
    let sent = reversed_keys(&value);
    let (status, saved) = post(
        port,
        &t,
        "api/save",
        &json!({"file": name, "base": targets["hash"], "text": sent.to_string()}),
    );
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["saved"], true);
    let after = std::fs::read_to_string(&path).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].0.contains(&old_text) && changed[0].1.contains("編集画面で書き換えた"));
    // The same page saves again from its old base: refused, the file kept.
    let (status, refused) = post(
        port,
        &t,
        "api/save",
        &json!({"file": name, "base": targets["hash"], "text": value.to_string()}),
    );
    assert_eq!(status, 409);
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("保存しませんでした"),
        "{refused}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
    // Not JSON: refused with a line and column.
    let (status, refused) = post(
        port,
        &t,
        "api/save",
        &json!({"file": name, "base": saved["hash"], "text": "{\"title\": "}),
    );
    assert_eq!(status, 422);
    assert!(refused["message"].as_str().unwrap().contains("行"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), after);
}

fn reversed_keys(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .rev()
                .map(|(k, v)| (k.clone(), reversed_keys(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(reversed_keys).collect()),
        v => v.clone(),
    }
}

/// The page's unsaved text is checked with `check`'s rules and words, placed by
/// its JSON pointer; the file on disk is not touched.
#[test]
fn unsaved_changes_are_checked_with_checks_words_at_their_field() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-check");
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    assert_eq!(
        answer["problems"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["severity"] == "error")
            .count(),
        0
    );
    let parts = answer["parts"].as_array().unwrap();
    assert_eq!(parts[0]["label"], "表紙・版の情報");
    let targets = answer["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "targets")
        .unwrap();
    let name = targets["name"].as_str().unwrap();
    let mut value: Value = serde_json::from_str(targets["text"].as_str().unwrap()).unwrap();
    let (i, j) = first_department(&value);
    let dept_name = value["divisions"][i]["departments"][j]["full_name"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        parts.iter().any(|p| p["label"] == dept_name.as_str()
            && p["pointer"] == format!("/divisions/{i}/departments/{j}")),
        "{parts:?}"
    );
    // A department added in the page is listed before it is saved.
    let mut added = value.clone();
    let mut new_department = added["divisions"][i]["departments"][j].clone();
    new_department["id"] = json!("kasou-shinsetsu");
    new_department["full_name"] = json!("架空新設課");
    added["divisions"][i]["departments"]
        .as_array_mut()
        .unwrap()
        .push(new_department);
    let (_, checked) = post(
        port,
        &t,
        "api/check",
        &json!({"files": {name: added.to_string()}}),
    );
    let n = added["divisions"][i]["departments"]
        .as_array()
        .unwrap()
        .len()
        - 1;
    assert!(
        checked["parts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["label"] == "架空新設課"
                && p["pointer"] == format!("/divisions/{i}/departments/{n}")),
        "{}",
        checked["parts"]
    );
    value["divisions"][i]["departments"][j]["targets"][0]["text"] = json!("");
    let (status, checked) = post(
        port,
        &t,
        "api/check",
        &json!({"files": {name: value.to_string()}}),
    );
    assert_eq!(status, 200);
    let problems = checked["problems"].as_array().unwrap();
    let p = problems
        .iter()
        .find(|p| p["severity"] == "error")
        .expect("the emptied text is a problem");
    assert_eq!(p["file"], name);
    assert!(
        p["pointer"]
            .as_str()
            .unwrap()
            .starts_with(&format!("/divisions/{i}/departments/{j}/targets/0")),
        "{p}"
    );
    assert!(p["item"].as_str().unwrap().contains("目標1"), "{p}");
    // The same words as `planpress check` on that file.
    std::fs::write(dir.join(name), value.to_string()).unwrap();
    let out = planpress(&["check", dir.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains(p["message"].as_str().unwrap()));
}

fn first_department(v: &Value) -> (usize, usize) {
    for (i, d) in v["divisions"].as_array().unwrap().iter().enumerate() {
        for (j, dep) in d["departments"].as_array().unwrap().iter().enumerate() {
            if dep["targets"].as_array().is_some_and(|t| !t.is_empty()) {
                return (i, j);
            }
        }
    }
    panic!("no department with targets")
}
