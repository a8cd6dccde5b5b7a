//! `planpress edit` against a hostile page, a hostile program on the same PC and a
//! careless clerk: no file lost or garbled, no request from elsewhere obeyed, no
//! body that stops the server.

use std::path::Path;

use serde_json::{Value, json};

use crate::edit_server::{get_json, http, post};
use crate::pages::copy_of;

pub fn token(running: &planpress::edit::Running) -> String {
    let address = running.address.trim_end_matches('/');
    address.rsplit('/').next().unwrap().to_string()
}

pub fn listed<'a>(edition: &'a Value, name: &str) -> &'a Value {
    let files = edition["files"].as_array().unwrap();
    files.iter().find(|f| f["name"] == name).unwrap()
}

/// The page's save of `text` over `name`, as it read it.
pub fn save(port: u16, t: &str, dir: &Path, name: &str, text: &str) -> (u16, Value) {
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
fn no_other_site_or_name_for_this_pc_may_save() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-csrf");
    let name = "annex-3-memo.json";
    let before = std::fs::read(dir.join(name)).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let base = listed(&edition, name)["hash"].as_str().unwrap().to_string();
    let body = json!({"file": name, "base": base, "text": "{\"probe\":1}"}).to_string();
    let own = format!("127.0.0.1:{port}");
    let cases: Vec<Vec<(String, String)>> = vec![
        vec![("Sec-Fetch-Site".into(), "none".into())],
        vec![("Sec-Fetch-Site".into(), "cross-site".into())],
        vec![("Origin".into(), "null".into())],
        vec![("Origin".into(), format!("http://{own}.evil.example"))],
        vec![("Origin".into(), format!("https://{own}"))],
        vec![("Origin".into(), format!("http://{own}/"))],
        vec![("Host".into(), format!("localhost.:{port}"))],
        vec![("Host".into(), format!("[::1]:{port}"))],
        vec![("Host".into(), "127.0.0.1".into())],
        vec![
            ("Host".into(), format!("evil.example:{port}")),
            ("Origin".into(), format!("http://evil.example:{port}")),
        ],
        vec![
            ("Host".into(), format!("evil.example:{port}")),
            ("Host".into(), own.clone()),
        ],
    ];
    for headers in &cases {
        let mut h: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        h.push(("Content-Type", "application/json"));
        let (status, answer) = http(port, "POST", &format!("/{t}/api/save"), &h, body.as_bytes());
        assert!(
            status == 403 || status == 400,
            "{headers:?}: {status} {answer}"
        );
    }
    assert_eq!(std::fs::read(dir.join(name)).unwrap(), before);
    // The same address in capitals is this server.
    let upper = format!("LOCALHOST:{port}");
    let (status, _) = http(
        port,
        "GET",
        &format!("/{t}/api/edition"),
        &[("Host", &upper)],
        b"",
    );
    assert_eq!(status, 200);
}

#[test]
fn hostile_bodies_are_refused_and_the_server_goes_on() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-json");
    let name = "annex-3-memo.json";
    let before = std::fs::read(dir.join(name)).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let deep_object = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
    for text in [
        deep.as_str(),
        &deep_object,
        "{\"fiscal_year\": 1e400}",
        "{\"a\": \"\\ud800\"}",
        "{\"a\": 1, ",
        "",
    ] {
        let (status, answer) = save(port, &t, &dir, name, text);
        assert_eq!(status, 422, "{}: {answer}", &text[..text.len().min(20)]);
        assert_eq!(std::fs::read(dir.join(name)).unwrap(), before);
    }
    let origin = format!("http://127.0.0.1:{port}");
    let headers = [
        ("Origin", origin.as_str()),
        ("Content-Type", "application/json"),
    ];
    let raw =
        |route: &str, body: &[u8]| http(port, "POST", &format!("/{t}/api/{route}"), &headers, body);
    // Bodies the JSON reader refuses: invalid UTF-8, a lone surrogate, too deep, too big.
    let big = format!("{{\"files\":{{\"{name}\":\"{}\"}}}}", "あ".repeat(6 << 20));
    for body in [
        b"{\"files\":{\"a.json\":\"\xff\xfe\"}}".to_vec(),
        deep.clone().into_bytes(),
        big.into_bytes(),
    ] {
        for route in ["check", "preview", "save", "make"] {
            let (status, _) = raw(route, &body);
            assert!((400..500).contains(&status), "{route}: {status}");
        }
    }
    // Unsaved files the pipeline reads: deep, huge numbers, a 15 MB string.
    let long = format!("{{\"title\": \"{}\"}}", "x".repeat(15 << 20));
    for (file, text) in [
        ("edition.json", deep.as_str()),
        (name, &deep_object),
        ("edition.json", "{\"fiscal_year\": 1e400}"),
        (name, &long),
    ] {
        let files = json!({"files": {file: text}});
        let body = files.to_string();
        let (status, answer) = raw("check", body.as_bytes());
        assert_eq!(status, 200, "check: {answer}");
        assert!(
            answer.contains("\"error\""),
            "{}",
            &answer[..answer.len().min(400)]
        );
        let (status, answer) = raw("preview", body.as_bytes());
        assert_eq!(status, 200, "preview: {answer}");
    }
    let (status, answer) = raw("make", b"{\"what\":\"../../pdf\"}");
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("作れません"), "{answer}");
    let edition = get_json(port, &t, "api/edition");
    assert_eq!(
        listed(&edition, name)["text"].as_str().unwrap().as_bytes(),
        &before[..]
    );
}

#[test]
fn many_saves_at_once_keep_exactly_one_and_previews_all_answer() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-many");
    let name = "annex-3-memo.json";
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let file = listed(&edition, name);
    let base = file["hash"].as_str().unwrap().to_string();
    let value: Value = serde_json::from_str(file["text"].as_str().unwrap()).unwrap();
    let answers: Vec<(u16, Value, String)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..200)
            .map(|i| {
                let (t, base, mut value) = (&t, &base, value.clone());
                s.spawn(move || {
                    if i % 2 == 1 {
                        let files = json!({"files": {}, "file": name, "pointer": ""});
                        let (status, answer) = post(port, t, "api/preview", &files);
                        return (status, answer, String::new());
                    }
                    value["title"] = json!(format!("架空の設置について（{i}）"));
                    let text = value.to_string();
                    let body = json!({"file": name, "base": base, "text": text});
                    let (status, answer) = post(port, t, "api/save", &body);
                    (status, answer, text)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let (saves, previews): (Vec<_>, Vec<_>) = answers.iter().partition(|a| !a.2.is_empty());
    let won: Vec<_> = saves.iter().filter(|a| a.0 == 200).collect();
    assert_eq!(won.len(), 1, "exactly one save wins");
    assert!(
        saves.iter().all(|a| a.0 == 200 || a.0 == 409),
        "the others are told"
    );
    let on_disk: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
    let wanted: Value = serde_json::from_str(&won[0].2).unwrap();
    assert_eq!(on_disk, wanted);
    assert!(
        previews.iter().all(|a| a.0 == 200),
        "every preview answered"
    );
    assert!(
        previews
            .iter()
            .any(|a| a.1["pages"].as_array().is_some_and(|p| !p.is_empty()))
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_lock_left_by_a_killed_run_does_not_stop_the_next_save() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-lock");
    let name = "annex-3-memo.json";
    // A run killed mid-save: its lock (a process that is gone) and its temporary file.
    std::fs::write(dir.join(format!(".{name}.lock")), "4000000").unwrap();
    std::fs::write(dir.join(format!(".{name}.4000000-0.tmp")), "{\"half").unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let mut value: Value =
        serde_json::from_str(listed(&edition, name)["text"].as_str().unwrap()).unwrap();
    value["hostile_probe"] = json!(1);
    let started = std::time::Instant::now();
    let (status, answer) = save(port, &t, &dir, name, &value.to_string());
    assert_eq!(status, 200, "{answer}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(!dir.join(format!(".{name}.lock")).exists());
}

#[test]
fn work_in_progress_is_saved_as_typed_and_the_pdf_refuses_it() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-wip");
    let work = dir.parent().unwrap().join("edit-hostile-wip-out");
    let name = "annex-3-memo.json";
    let running = planpress::edit::start_in(&dir, 0, &work).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let mut value: Value =
        serde_json::from_str(listed(&edition, name)["text"].as_str().unwrap()).unwrap();
    value["date"] = json!("2025-13-45");
    value["未知の項目"] = json!("<img src=x onerror=alert(1)>");
    let (status, answer) = save(port, &t, &dir, name, &value.to_string());
    assert_eq!(status, 200, "{answer}");
    let on_disk: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
    assert_eq!(on_disk, value, "kept as typed, the unknown key too");
    let (_, checked) = post(port, &t, "api/check", &json!({"files": {}}));
    let problems = checked["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p["file"] == name && p["severity"] == "error"),
        "{checked}"
    );
    let (_, made) = post(port, &t, "api/make", &json!({"what": "pdf"}));
    assert_eq!(made["ok"], false, "{made}");
    assert!(
        !work.join("out").exists()
            || std::fs::read_dir(work.join("out"))
                .unwrap()
                .next()
                .is_none()
    );
}

#[test]
fn names_in_edition_json_never_leave_the_folder() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-names");
    let outside = dir
        .parent()
        .unwrap()
        .join("edit-hostile-names-outside.json");
    std::fs::write(&outside, "{}\n").unwrap();
    std::fs::create_dir(dir.join("folder.json")).unwrap();
    let long = format!("{}.json", "長".repeat(200));
    let mut edition: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("edition.json")).unwrap()).unwrap();
    let bad = [
        "../edit-hostile-names-outside.json".to_string(),
        outside.to_str().unwrap().to_string(),
        r"C:\Windows\x.json".into(),
        "x.json.".into(),
        "x.json ".into(),
        "x\0.json".into(),
        "folder.json".into(),
        long.clone(),
    ];
    for file in &bad {
        let entry = json!({"file": file, "kind": "memo"});
        edition["annex"].as_array_mut().unwrap().push(entry);
    }
    std::fs::write(dir.join("edition.json"), edition.to_string()).unwrap();
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    let names: Vec<&str> = answer["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    for file in &bad[..6] {
        assert!(!names.contains(&file.as_str()), "{file}");
    }
    let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    for file in &bad {
        let body = json!({"file": file, "base": empty, "text": "{\"x\":1}"});
        let (status, answer) = post(port, &t, "api/save", &body);
        assert_ne!(status, 200, "{file}: {answer}");
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "{}\n");
    assert!(dir.join("folder.json").is_dir());
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_link_after_the_page_read_it_is_not_written_through() {
    let dir = copy_of("tests/fixtures/small-ward", "edit-hostile-swap");
    let name = "annex-3-memo.json";
    let running = planpress::edit::start(&dir, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let edition = get_json(port, &t, "api/edition");
    let file = listed(&edition, name);
    let base = file["hash"].as_str().unwrap().to_string();
    // Another program puts a link to a file elsewhere with the same bytes.
    let elsewhere = dir
        .parent()
        .unwrap()
        .join("edit-hostile-swap-elsewhere.json");
    std::fs::rename(dir.join(name), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join(name)).unwrap();
    let before = std::fs::read(&elsewhere).unwrap();
    let body = json!({"file": name, "base": base, "text": "{\"x\":1}"});
    let (status, answer) = post(port, &t, "api/save", &body);
    assert_ne!(status, 200, "{answer}");
    assert_eq!(std::fs::read(&elsewhere).unwrap(), before);
    assert!(
        std::fs::symlink_metadata(dir.join(name))
            .unwrap()
            .is_symlink()
    );
}
