//! Names that look alike but are stored otherwise (NFC / NFD): compared in NFC,
//! and said in those words.

use crate::doc::*;

fn check(dir: &std::path::Path) -> String {
    let run = planpress(&["check", dir.to_str().unwrap()]);
    assert!(!run.status.success());
    String::from_utf8_lossy(&run.stderr).into_owned() + &String::from_utf8_lossy(&run.stdout)
}

/// A file saved with an NFD name (as a Mac writes it) listed in NFC: one error
/// that says why, not two that look identical.
#[test]
fn a_file_name_stored_otherwise_is_one_plain_error() {
    let dir = tmp("nfd-file");
    copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
    edit_json(&dir, "edition.json", |v| {
        for c in v["chapters"].as_array_mut().unwrap() {
            if c["file"] == "4-targets.json" {
                c["file"] = "4-目標が.json".into();
            }
        }
    });
    std::fs::rename(
        dir.join("4-targets.json"),
        dir.join("4-目標か\u{3099}.json"),
    )
    .unwrap();
    let said = check(&dir);
    assert!(
        said.contains("文字の表し方（Unicode の正規化: NFC と NFD）"),
        "{said}"
    );
    assert!(!said.contains("書かれていないファイル"), "{said}");
    assert!(said.contains("1 件の問題"), "{said}");
}

/// Two 課 whose names differ only in how they are stored are refused.
#[test]
fn department_names_stored_otherwise_are_refused() {
    let dir = tmp("nfd-department");
    copy_edition(&root().join("tests/fixtures/small-ward"), &dir);
    edit_json(&dir, "4-targets.json", |v| {
        let ds = &mut v["divisions"][0]["departments"];
        ds[0]["short_name"] = "架空が窓口".into();
        ds[1]["short_name"] = "架空か\u{3099}窓口".into();
    });
    let said = check(&dir);
    assert!(
        said.contains(
            "の名前と見た目は同じですが、文字の表し方（Unicode の正規化: NFC と NFD）が違います"
        ),
        "{said}"
    );
    assert!(said.contains("kumin-madoguchi"), "{said}");
}
