//! `planpress lint`'s settings: the house style (`lint.json`, `--style`) and
//! the document type of 公用文作成の考え方 (2022).

use crate::doc::*;
use crate::lint::{FIXTURE, lint, lint_json};

#[test]
fn the_house_style_leaves_only_the_deviations() {
    let dir = tmp("lint-style");
    copy_edition(&root().join(FIXTURE), &dir);
    std::fs::write(
        dir.join("lint.json"),
        r#"{ "accept": ["皆様"], "off": ["long-sentences", "brackets"] }"#,
    )
    .unwrap();
    let shared = tmp("lint-style-shared.json");
    std::fs::write(&shared, r#"{ "accept": ["分かりやすい"] }"#).unwrap();
    let d = dir.to_str().unwrap();
    // The settings are not a content file of the edition.
    let check = planpress(&["check", d]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    let (code, text, err) = lint(&[d, "--style", shared.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("そろえる表記は「皆様」です"), "{text}");
    assert!(text.contains("「皆さま」"), "{text}");
    assert!(
        !text.contains("「皆様」 "),
        "accepted places are not listed: {text}"
    );
    assert!(
        text.contains("そろえる表記は「分かりやすい」です"),
        "{text}"
    );
    assert!(
        !text.contains("[長い文]") && !text.contains("[括弧の対応]"),
        "{text}"
    );
    assert!(text.contains("[仮名で書く語]"), "{text}");

    // Next year's edition keeps the house style.
    let next = tmp("lint-style-next");
    let run = planpress(&["new", d, next.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        std::fs::read(next.join("lint.json")).unwrap(),
        std::fs::read(dir.join("lint.json")).unwrap()
    );
}

#[test]
fn a_mistake_in_the_house_style_is_named_with_its_line() {
    let dir = tmp("lint-style-wrong");
    copy_edition(&root().join(FIXTURE), &dir);
    std::fs::write(
        dir.join("lint.json"),
        "{\n  \"accept\": [\"皆様\"],\n  \"off\": [\"kanji\", \"spelling\"]\n}\n",
    )
    .unwrap();
    let (code, out, err) = lint(&[dir.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        err.contains("lint.json 3行: 「spelling」という検査はありません"),
        "{err}"
    );
    assert!(err.contains("long-sentences（長い文）"), "{err}");
}

#[test]
fn the_document_type_weighs_the_kanji_conjunctions() {
    // 解説・広報等 (the default): 「および」 is a note; 法令・告示・通知等 and
    // 記録・公開資料等 follow the principles: a fault, as --strict counts it.
    let (code, _, default_err) = lint(&[FIXTURE, "--strict"]);
    assert_eq!(code, Some(1));
    let faults = |err: &str| -> usize {
        let n = err.split("表記の問題が ").nth(1).unwrap();
        n.split(' ').next().unwrap().parse().unwrap()
    };
    for kind in ["法令・告示・通知等", "記録・公開資料等"] {
        let dir = tmp("lint-document-type");
        copy_edition(&root().join(FIXTURE), &dir);
        std::fs::write(
            dir.join("lint.json"),
            format!("{{ \"document_type\": \"{kind}\" }}"),
        )
        .unwrap();
        let d = dir.to_str().unwrap();
        let report = lint_json(d);
        assert_eq!(report["document_type"], kind);
        let oyobi = (report["findings"].as_array().unwrap().iter())
            .find(|f| f["rule"] == "kanji")
            .unwrap();
        assert_eq!(oyobi["note"], false, "{oyobi}");
        assert_eq!(
            oyobi["message"],
            "「および」は、公用文では接続詞として漢字で「及び」と書きます"
        );
        assert_eq!(
            oyobi["place"]["item"]
                .as_str()
                .map(|i| i.ends_with("(3) サービス向上目標 5番目の段落")),
            Some(true)
        );
        assert_eq!(oyobi["place"]["offset"], 3);
        let (code, text, err) = lint(&[d, "--strict"]);
        assert_eq!(code, Some(1));
        assert_eq!(faults(&err), faults(&default_err) + 1, "{err}");
        assert!(
            text.contains(&format!("文書の種類は「{kind}」として検査しました")),
            "{text}"
        );
    }
}
