//! What a clerk reads when a command is mistyped or a folder is wrong, and how
//! items are named: one language, one form (「エラー:」), the thing to do.

use crate::doc::*;

#[test]
fn a_missing_edition_folder_is_said_to_be_missing() {
    for command in ["check", "build", "lint", "sheets"] {
        let run = planpress(&[command, "content/no-such-edition"]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{command}: {err}");
        assert!(
            err.starts_with("エラー: 版のフォルダ content/no-such-edition がありません"),
            "{command}: {err}"
        );
        // Not a problem in content files; the editions there are named.
        assert!(!err.contains("内容ファイルに"), "{command}: {err}");
        assert!(err.contains("content/miyamae-r2"), "{command}: {err}");
    }
}

#[test]
fn help_is_japanese_throughout() {
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["diff", "-h"],
        &["archive", "--help"],
    ] {
        let run = planpress(args);
        assert!(run.status.success(), "{args:?}");
        let out = String::from_utf8_lossy(&run.stdout);
        assert!(
            out.contains("使い方: planpress") && out.contains("使い方を表示します"),
            "{args:?}: {out}"
        );
        for english in [
            "Print",
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "[default",
            "possible values",
            "OPTIONS",
            "<EDITION>",
            "<OLD>",
        ] {
            assert!(!out.contains(english), "{args:?}: 「{english}」 in\n{out}");
        }
    }
    // `planpress help diff`, as clap's help command took it, gives the same help.
    let help = planpress(&["help", "diff"]);
    assert!(help.status.success());
    assert_eq!(help.stdout, planpress(&["diff", "--help"]).stdout);
    let out = String::from_utf8_lossy(&planpress(&["diff", "--help"]).stdout).to_string();
    assert!(
        out.contains("<前年度の版> <今年度の版>")
            && out.contains("省略時は text。使える値: text、json"),
        "{out}"
    );
}

#[test]
fn new_onto_an_edition_names_a_folder_for_one() {
    let base = tmp("new-onto");
    copy_edition(&root().join(EDITION), &base.join("kaede-r2"));
    copy_edition(&root().join(EDITION), &base.join("kaede-r3"));
    let run = planpress(&[
        "new",
        base.join("kaede-r2").to_str().unwrap(),
        base.join("kaede-r3").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with("エラー: ") && !err.contains("out/"),
        "{err}"
    );
    // The next name not taken, beside the edition it starts from.
    assert!(
        err.contains(&format!("例: {}", base.join("kaede-r4").display())),
        "{err}"
    );
}

#[test]
fn a_draft_is_written_beside_the_published_pdf_never_over_it() {
    let work = tmp("draft-name");
    let edition = work.join("content/kaede-r2");
    copy_edition(&root().join("tests/fixtures/small-ward"), &edition);
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
            .args(args)
            .current_dir(&work)
            .output()
            .unwrap()
    };
    let published = run(&["build", "content/kaede-r2"]);
    assert!(
        published.status.success(),
        "{}",
        String::from_utf8_lossy(&published.stderr)
    );
    let before = std::fs::read(work.join("out/kaede-r2.pdf")).unwrap();
    let draft = run(&[
        "build",
        "content/kaede-r2",
        "--draft",
        "--date",
        "2026-05-01",
    ]);
    let said = String::from_utf8_lossy(&draft.stdout);
    assert!(
        draft.status.success(),
        "{}",
        String::from_utf8_lossy(&draft.stderr)
    );
    assert!(said.contains("out/kaede-r2-案.pdf"), "{said}");
    assert!(work.join("out/kaede-r2-案.pdf").is_file());
    assert!(
        std::fs::read(work.join("out/kaede-r2.pdf")).unwrap() == before,
        "the published PDF was replaced by the draft"
    );
}

/// An edition with a second regulation (a copy of the first under another title
/// and file), its first article's text as given.
fn with_second_regulation(name: &str, text: &str) -> std::path::PathBuf {
    let dir = tmp(name);
    copy_edition(&root().join("tests/fixtures/full-model"), &dir);
    let mut rules: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("annex-1-regulation.json")).unwrap(),
    )
    .unwrap();
    rules["title"] = "かえで区役所窓口部会運営要領（架空）".into();
    rules["articles"][0]["clauses"][0]["text"] = text.into();
    std::fs::write(
        dir.join("annex-5-rules.json"),
        serde_json::to_string_pretty(&rules).unwrap(),
    )
    .unwrap();
    edit_json(&dir, "edition.json", |v| {
        let annex = v["annex"].as_array_mut().unwrap();
        annex.push(serde_json::json!({"kind": "regulation", "file": "annex-5-rules.json"}));
    });
    dir
}

#[test]
fn a_second_regulations_articles_are_named_by_its_own_title() {
    let old = with_second_regulation(
        "second-reg-old",
        "この要領は、窓口部会の運営に関し必要な事項を定める。",
    );
    let new = with_second_regulation(
        "second-reg-new",
        "この要領は、窓口部会の設置及び運営に関し必要な事項を定める。",
    );
    let changes = planpress::diff::diff(
        &planpress::content::load(&old).unwrap(),
        &planpress::content::load(&new).unwrap_or_else(|e| panic!("{e}")),
    );
    let labels: Vec<String> = changes.iter().map(|c| c.id.label()).collect();
    // Only the second regulation's article changed: named by its title, and the
    // main regulation's 第1条 (the same number, the same words before) is not.
    assert_eq!(labels, ["かえで区役所窓口部会運営要領（架空） 第1条"]);
}

#[test]
fn the_previous_editions_problems_come_in_the_same_run() {
    let base = tmp("previous-too");
    copy_edition(
        &root().join("tests/fixtures/full-model"),
        &base.join("full-model"),
    );
    copy_edition(
        &root().join("tests/fixtures/full-model-next"),
        &base.join("next"),
    );
    edit_json(&base.join("next"), "edition.json", |v| {
        v["published"] = "2026-02-30".into()
    });
    edit_json(&base.join("full-model"), "edition.json", |v| {
        v["policy"]["date"] = "2025-13".into()
    });
    let run = planpress(&["check", base.join("next").to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    let this = err.find("2026-02-30").unwrap_or_else(|| panic!("{err}"));
    let before = err
        .find("前年度の版: 内容ファイルに 1 件の問題があります")
        .unwrap_or_else(|| panic!("{err}"));
    let previous = err.find("2025-13").unwrap_or_else(|| panic!("{err}"));
    assert!(this < before && before < previous, "{err}");
}
