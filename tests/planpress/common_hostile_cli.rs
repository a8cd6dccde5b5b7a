//! The common layer's commands (issue 25) against what a clerk may do: a
//! terminal opened in a folder, a PDF extracted there, fmt of a common file
//! that does not read, the editor given names it did not list.

use std::path::Path;

use serde_json::json;

use crate::common_layer::{edit, scratch_city};

/// `planpress args` run from inside `cwd` (a clerk's terminal opened in a folder).
fn run_in(cwd: &Path, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

#[test]
fn check_of_the_folder_the_terminal_is_in_finds_the_common_folder_beside_it() {
    let city = scratch_city("hostile-dot");
    let ward = city.join("shirakawa-r7");
    // A folder name beside the edition, as the model's documentation allows.
    edit(&ward.join("edition.json"), |v| {
        v["common"]["folder"] = json!("common-r7");
    });
    let (ok, said) = run_in(&ward, &["check", "."]);
    assert!(ok, "{said}");
    // check in the common folder itself: the wards beside it that use it.
    let (ok, said) = run_in(&city.join("common-r7"), &["check", "."]);
    assert!(
        ok && said.contains("3 区すべてに問題は見つかりませんでした"),
        "{said}"
    );
}

#[test]
fn extract_into_the_empty_folder_the_terminal_is_in_puts_the_common_folder_beside_it() {
    let built = crate::doc::built_once(&crate::common_layer::city().join("shirakawa-r7"));
    let place = crate::doc::tmp("hostile-extract-dot");
    let out = place.join("shirakawa-r7");
    std::fs::create_dir_all(&out).unwrap();
    let pdf = place.join("plan.pdf");
    std::fs::write(&pdf, &built.pdf).unwrap();
    let (ok, said) = run_in(&out, &["extract", "../plan.pdf", "."]);
    assert!(ok, "{said}");
    assert!(said.contains("../common-r7/common.json"), "{said}");
    assert!(place.join("common-r7/common.json").is_file(), "{said}");
    assert!(
        !out.join("common-r7").exists(),
        "written inside the edition"
    );
    let (ok, said) = run_in(&out, &["check", "."]);
    assert!(ok, "{said}");
}

#[test]
fn the_editor_saves_the_common_file_only_by_its_listed_name_and_says_when_it_moved() {
    use crate::edit_server::{get_json, post, token};
    let city = scratch_city("hostile-edit");
    let ward = city.join("shirakawa-r7");
    let path = city.join("common-r7/common.json");
    let before = std::fs::read(&path).unwrap();
    let running = planpress::edit::start(&ward, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    let file = |name: &str| {
        (answer["files"].as_array().unwrap().iter())
            .find(|f| f["name"] == name)
            .unwrap()
            .clone()
    };
    let common = file("../common-r7/common.json");
    let mut value: serde_json::Value =
        serde_json::from_str(common["text"].as_str().unwrap()).unwrap();
    value["city"] = json!("別の名前の架空市");
    let text = value.to_string();
    for name in [
        "..\\common-r7\\common.json",
        "../common-r7/./common.json",
        "../common-r7//common.json",
        "../common-r8/../common-r7/common.json",
        path.to_str().unwrap(),
        "common.json",
        "../common-r7/common.json ",
    ] {
        let body = json!({"file": name, "base": common["hash"], "text": text});
        let (status, _) = post(port, &t, "api/save", &body);
        assert_eq!(status, 404, "{name}");
        // Checked with it: the name is not the common file's, so not used.
        let (_, checked) = post(port, &t, "api/check", &json!({"files": {name: "{"}}));
        assert_eq!(checked["problems"], json!([]), "{name}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // edition.json saved naming next year's common folder: the page's common
    // file is no longer this edition's, and the clerk is told why.
    let edition = file("edition.json");
    let mut e: serde_json::Value = serde_json::from_str(edition["text"].as_str().unwrap()).unwrap();
    e["common"]["folder"] = json!("../common-r8");
    let body = json!({"file": "edition.json", "base": edition["hash"], "text": e.to_string()});
    assert_eq!(post(port, &t, "api/save", &body).0, 200);
    let body = json!({"file": "../common-r7/common.json", "base": common["hash"], "text": text});
    let (status, refused) = post(port, &t, "api/save", &body);
    assert_eq!(status, 404);
    let said = refused["message"].as_str().unwrap();
    assert!(said.contains("common.folder"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn fmt_of_a_common_file_it_cannot_read_says_why_in_japanese_and_writes_nothing() {
    let city = scratch_city("hostile-fmt");
    let path = city.join("common-r7/common.json");
    edit(&path, |v| v["fiscal_year"] = json!("2025"));
    let before = std::fs::read(&path).unwrap();
    let (ok, said) = run_in(&city, &["fmt", "common-r7"]);
    assert!(!ok, "{said}");
    assert!(
        said.contains("（年度）") && said.contains("数を書きます"),
        "{said}"
    );
    assert!(!said.contains("invalid type"), "{said}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn watch_rebuilds_when_the_common_folder_it_lacked_comes_back() {
    use crate::live::{spawn_watch, wait_for, with_watcher};
    let city = scratch_city("hostile-watch");
    let ward = city.join("asagiri-r7");
    let away = crate::doc::tmp("hostile-watch-common");
    std::fs::rename(city.join("common-r7"), &away).unwrap();
    let out = crate::doc::tmp("hostile-watch.pdf");
    let (child, rx) = spawn_watch(&[ward.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    with_watcher(child, || {
        wait_for(&rx, "直して保存すると作り直します");
        assert!(!out.exists());
        // Put back by the clerk: the PDF is made without touching the ward.
        std::fs::rename(&away, city.join("common-r7")).unwrap();
        wait_for(&rx, "作り直しました");
        assert!(out.is_file());
    });
}

#[test]
fn diff_of_two_common_versions_run_in_the_old_one_finds_its_wards() {
    let city = scratch_city("hostile-diff-dot");
    // One ward names its common folder by a plain name (beside it).
    edit(&city.join("midori-r7/edition.json"), |v| {
        v["common"]["folder"] = json!("common-r7");
    });
    let (ok, said) = run_in(&city.join("common-r7"), &["diff", ".", "../common-r8"]);
    assert!(ok, "{said}");
    for ward in [
        "あさぎり区（asagiri-r7）",
        "みどり区（midori-r7）",
        "しらかわ区（shirakawa-r7）",
    ] {
        assert!(said.contains(&format!("== {ward}")), "{ward}: {said}");
    }
}
