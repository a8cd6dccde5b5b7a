//! The command as a clerk runs it.

use crate::doc::*;

#[test]
fn build_writes_the_pdf_and_says_where() {
    let out = tmp("cli-build.pdf");
    let emit = tmp("cli-emit");
    let run = planpress(&[
        "build",
        EDITION,
        "-o",
        out.to_str().unwrap(),
        "--emit-typst",
        emit.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pages = shipped().document.pages().len();
    assert!(
        stdout.contains(out.to_str().unwrap()) && stdout.contains(&format!("{pages} ページ")),
        "{stdout}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes == shipped().pdf,
        "the command and the library give the same PDF"
    );
    // The emitted folder is the exact source the World compiled.
    assert_eq!(
        std::fs::read_to_string(emit.join("main.typ")).unwrap(),
        shipped().generated.main
    );
    assert!(emit.join("style.typ").exists());
    // …with the files it attaches (in attached/, so the folder is no edition), so
    // the typst command compiles it as it is.
    assert!(!emit.join("edition.json").exists());
    assert_eq!(
        std::fs::read(emit.join("attached/edition.json")).unwrap(),
        std::fs::read(root().join(EDITION).join("edition.json")).unwrap()
    );
    assert!(
        !std::fs::read_dir(&emit).unwrap().any(|e| e
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "j2"))
    );
}

#[test]
fn check_validates_and_writes_nothing() {
    let run = planpress(&["check", EDITION]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("問題は見つかりませんでした"));
}

#[test]
fn content_errors_exit_1_with_a_japanese_message() {
    let dir = scratch_edition("cli-broken");
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][2]["departments"][0]["targets"][1]["number"] = 3.into();
        v["divisions"][2]["departments"][0]["targets"][0]["scene"] = "窓口".into();
    });
    let out = tmp("cli-broken.pdf");
    let run = planpress(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("4-targets.json"), "{err}");
    assert!(
        err.contains("区民課 目標3") && err.contains("ここは 2 のはず"),
        "{err}"
    );
    assert!(
        err.contains("区民課 目標1 の場面") && err.contains("「窓口」"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");

    // Content errors begin as every other failure does, in Japanese.
    assert!(
        err.contains("\nエラー: 4-targets.json") && !err.contains("error"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2_and_are_told_in_japanese() {
    let told = |args: &[&str], parts: &[&str]| {
        let run = planpress(args);
        let err = String::from_utf8_lossy(&run.stderr).to_string();
        assert_eq!(run.status.code(), Some(2), "{args:?}: {err}");
        for p in parts {
            assert!(err.contains(p), "{args:?}: no 「{p}」 in {err}");
        }
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{err}");
    };
    told(
        &["frobnicate"],
        &[
            "「frobnicate」というコマンドはありません",
            "planpress --help",
        ],
    );
    told(
        &["biuld", "content"],
        &["「biuld」というコマンドはありません", "もしかして: build"],
    );
    told(
        &["build"],
        &[
            "エラー: <版のフォルダ> が指定されていません",
            "書き方: planpress build [オプション] <版のフォルダ>",
        ],
    );
    told(
        &["build", EDITION, "--nope"],
        &["「--nope」という指定はありません"],
    );
    told(
        &["diff", EDITION, EDITION, "--order", "x"],
        &[
            "「x」は --order <順> には使えません",
            "使える値: new-old、old-new",
        ],
    );
    told(
        &["preview", EDITION, "--dpi", "abc"],
        &["（数を書いてください）"],
    );
    // Help and version print as they are, and succeed.
    assert!(planpress(&["--help"]).status.success());
    assert!(planpress(&["--version"]).status.success());
}

#[test]
fn a_failed_build_leaves_the_previous_pdf_intact() {
    let dir = scratch_edition("keep-previous");
    let out = tmp("keep-previous.pdf");
    let run = planpress(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    let first = std::fs::read(&out).unwrap();
    edit_json(&dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["text"] = "".into();
    });
    let run = planpress(&["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        std::fs::read(&out).unwrap() == first,
        "the previous PDF was touched"
    );
    // No temporary file is left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn racing_builds_leave_one_whole_pdf() {
    let out = tmp("race.pdf");
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_planpress"))
                .args(["build", EDITION, "-o", out.to_str().unwrap()])
                .current_dir(root())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert!(std::fs::read(&out).unwrap() == shipped().pdf);
}

#[test]
fn an_unwritable_output_is_a_clear_message() {
    // The output's folder is a file: nothing can be written there.
    let blocker = tmp("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let out = blocker.join("plan.pdf");
    let run = planpress(&["build", EDITION, "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("PDF を書き出せません") && err.contains("-o"),
        "{err}"
    );
}

#[test]
fn committed_schemas_match_the_model_and_content_uses_them() {
    let dir = root().join("content/schema");
    for (name, text) in planpress::schema::schemas() {
        let committed = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        assert!(
            committed == text,
            "content/schema/{name} is out of date: run `cargo run -- schema`"
        );
    }
    let built = shipped();
    let edition = &built.content().edition;
    assert_eq!(
        edition.schema.as_deref(),
        Some("../schema/edition.schema.json")
    );
    for r in edition.chapters.iter().chain(&edition.annex) {
        let v: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root().join(EDITION).join(&r.file)).unwrap(),
        )
        .unwrap();
        let expected = format!("../schema/{}", planpress::schema::file_for(r.kind));
        assert_eq!(v["$schema"].as_str(), Some(expected.as_str()), "{}", r.file);
    }
    // The command writes exactly these files.
    let out = tmp("schema-out");
    let run = planpress(&["schema", "-o", out.to_str().unwrap()]);
    assert!(run.status.success());
    for (name, text) in planpress::schema::schemas() {
        assert_eq!(std::fs::read_to_string(out.join(&name)).unwrap(), text);
    }
}

#[test]
fn extract_then_build_gives_the_same_pdf() {
    let dir = tmp("round-trip");
    let run = planpress(&["extract", "out-of-test.pdf", dir.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1), "a missing PDF is an error");
    let pdf = tmp("round-trip-source.pdf");
    std::fs::write(&pdf, &shipped().pdf).unwrap();
    let run = planpress(&["extract", pdf.to_str().unwrap(), dir.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let again = tmp("round-trip-again.pdf");
    let run = planpress(&[
        "build",
        dir.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        std::fs::read(&again).unwrap() == shipped().pdf,
        "build → extract → build changed the PDF"
    );
}

#[test]
fn gaps_are_warned_and_can_block_a_published_build() {
    let out = tmp("gaps.pdf");
    let run = planpress(&["build", EDITION, "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success());
    assert_eq!(
        err.matches("未収録の箇所があります").count(),
        shipped().prepared.view.gaps().len()
    );
    assert!(
        err.contains("annex-2-roster.json（宮前区役所サービス向上委員会委員名簿）"),
        "{err}"
    );
    let out = tmp("gaps-strict.pdf");
    let run = planpress(&[
        "build",
        EDITION,
        "-o",
        out.to_str().unwrap(),
        "--require-complete",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--require-complete"));
    assert!(!out.exists());
}

/// `--require-complete` goes by what would be printed: an annex item with nothing
/// in it is as incomplete as one marked "gap".
#[test]
fn require_complete_refuses_empty_annex_items_too() {
    let dir = scratch_edition("empty-annex");
    for file in ["annex-2-roster.json", "annex-3-memo.json"] {
        edit_json(&dir, file, |v| {
            v.as_object_mut().unwrap().remove("gap");
        });
    }
    let out = tmp("empty-annex.pdf");
    let args = ["build", dir.to_str().unwrap(), "-o", out.to_str().unwrap()];
    let run = planpress(&[&args[..], &["--require-complete"]].concat());
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for empty in [
        "annex-2-roster.json（宮前区役所サービス向上委員会委員名簿）: 中身がありません",
        "annex-3-memo.json（宮前区役所サービス向上委員会 第11期ワーキングチームの設置について）: 中身がありません",
    ] {
        assert!(err.contains(empty), "{err}");
    }
    assert!(!out.exists());
    // Without the option, the same build warns and writes the PDF.
    let run = planpress(&args);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("中身がありません"));
}

#[test]
fn control_characters_typed_on_the_command_line_are_not_echoed_raw() {
    let out = tmp("cli-controls.pdf");
    let out = out.to_str().unwrap();
    for args in [
        vec![
            "build",
            EDITION,
            "--draft",
            "--date",
            "x\u{1b}[2J",
            "-o",
            out,
        ],
        vec!["build", "no\u{7}such\u{1b}]0;t\u{7}", "-o", out],
        vec!["preview", EDITION, "--pages", "\u{1b}[31m", "-o", out],
    ] {
        let run = planpress(&args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            !err.chars().any(|c| c.is_control() && c != '\n'),
            "{args:?}: {err:?}"
        );
        assert!(
            err.contains("U+001B") || err.contains("U+0007"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_page_range_reversed_or_open_is_told_as_such() {
    use planpress::preview::select;
    let labels: Vec<String> = ["", "1", "2", "3", "4", "5", "資料1"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(select(&labels, "2-4").unwrap(), vec![2, 3, 4]);
    // A page asked for twice is drawn once (`1-5,1-5,…` drew each page again).
    assert_eq!(select(&labels, "3,3,2-4,3").unwrap(), vec![3, 2, 4]);
    let reversed = select(&labels, "5-3").unwrap_err();
    assert!(
        reversed.contains("5-3") && reversed.contains("逆"),
        "{reversed}"
    );
    for open in ["3-", "-3", " - "] {
        let err = select(&labels, open).unwrap_err();
        assert!(err.contains("範囲の始めと終わり"), "{open}: {err}");
    }
}
