//! `planpress edit` on a ward of a city (issue 25): the city's common file is one
//! of the ward's parts, read, checked and saved by the same rules as the ward's
//! own files; a common folder opened itself says how to edit it.

use serde_json::{Value, json};

use crate::common_layer::scratch_city;
use crate::doc::planpress;
use crate::edit_server::{get_json, post, snapshot, token};

const COMMON: &str = "../common-r7/common.json";

#[test]
fn a_wards_editor_checks_and_saves_the_citys_common_file_by_the_writing_rule() {
    let city = scratch_city("edit-city");
    let ward = city.join("asagiri-r7");
    let path = city.join("common-r7/common.json");
    let running = planpress::edit::start(&ward, 0).unwrap();
    let (port, t) = (running.port, token(&running));
    let answer = get_json(port, &t, "api/edition");
    let common = (answer["files"].as_array().unwrap().iter())
        .find(|f| f["name"] == COMMON)
        .unwrap_or_else(|| panic!("the common file is not listed: {}", answer["files"]))
        .clone();
    assert_eq!(common["kind"], "common");
    let parts = answer["parts"].as_array().unwrap();
    assert!(
        parts
            .iter()
            .any(|p| p["file"] == COMMON
                && p["label"] == "架空市 令和7年度の共通の内容（全区に共通）"),
        "{parts:?}"
    );

    // Unsaved: a common principle emptied is told at its field in the common file.
    let mut value: Value = serde_json::from_str(common["text"].as_str().unwrap()).unwrap();
    let mut emptied = value.clone();
    emptied["principles"][2]["text"] = json!("");
    let (status, checked) = post(
        port,
        &t,
        "api/check",
        &json!({"files": {COMMON: emptied.to_string()}}),
    );
    assert_eq!(status, 200, "{checked}");
    let problems = checked["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p["file"] == COMMON
            && p["pointer"] == "/principles/2/text"
            && p["message"].as_str().unwrap().contains("文章が空です")),
        "{problems:?}"
    );

    // Saved: exactly that value changes; no file of the ward is written.
    let wards_before = snapshot(&ward);
    let others_before = snapshot(&city.join("midori-r7"));
    let changed = "画面から市の担当が改めた共通の基本理念の本文です。";
    value["principles"][0]["text"] = json!(changed);
    let (status, saved) = post(
        port,
        &t,
        "api/save",
        &json!({"file": COMMON, "base": common["hash"], "text": value.to_string()}),
    );
    assert_eq!(status, 200, "{saved}");
    let on_disk: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(on_disk, value);
    assert_eq!(snapshot(&ward), wards_before);
    assert_eq!(snapshot(&city.join("midori-r7")), others_before);
    let pdf = crate::doc::build(&city.join("midori-r7"));
    assert!(
        !crate::common_layer::text(&pdf).contains(changed),
        "みどり区 prints its own principles"
    );
    let shirakawa = crate::doc::build(&city.join("shirakawa-r7"));
    assert!(
        crate::common_layer::text(&shirakawa).contains(changed),
        "the other ward using it follows"
    );

    // Saved over a change made elsewhere (the old hash): refused, nothing written.
    let now = std::fs::read(&path).unwrap();
    value["principles"][1]["text"] = json!("上書きしてはいけない変更です。");
    let (status, refused) = post(
        port,
        &t,
        "api/save",
        &json!({"file": COMMON, "base": common["hash"], "text": value.to_string()}),
    );
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("保存しませんでした"),
        "{refused}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), now);

    // Another ward's file, named from the browser: not this edition's, not written.
    let other = "../midori-r7/edition.json";
    let (status, _) = post(
        port,
        &t,
        "api/save",
        &json!({"file": other, "base": "", "text": "{}"}),
    );
    assert_eq!(status, 404);
    assert_eq!(snapshot(&city.join("midori-r7")), others_before);
}

#[test]
fn a_common_folder_opened_itself_says_which_ward_opens_it() {
    let city = crate::common_layer::city();
    let run = planpress(&[
        "edit",
        "--no-open",
        city.join("common-r7").to_str().unwrap(),
    ]);
    assert!(!run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("は市の共通フォルダです"), "{said}");
    assert!(said.contains("「市の共通の内容」で編集できます"), "{said}");
    assert!(
        said.contains("planpress edit") && said.contains("asagiri-r7"),
        "{said}"
    );
}
