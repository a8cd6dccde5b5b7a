//! Programs that write the clerks' content files: never one over another's
//! edits, never a half-made edition, never last year's or another ward's workbook.

use std::path::Path;

use crate::doc::*;

/// A department's targets as the edition now holds them, for comparison.
fn targets_of(dir: &Path, department: &str) -> String {
    let content = planpress::content::load(dir).unwrap_or_else(|e| panic!("{e}"));
    let (_, d) = content
        .departments()
        .find(|(_, d)| d.id == department)
        .unwrap();
    format!("{:?}", d.targets)
}

/// Two departments' workbooks imported at the same moment: each import either
/// wrote (and its edits are in the file afterwards) or stopped, saying the file
/// changed meanwhile. Ten times over, as the race was lost ten times in ten.
#[test]
fn two_imports_at_once_never_lose_a_departments_edits() {
    let edited = root().join("tests/fixtures/sheets/edited");
    let books = [edited.join("区民課.xlsx"), edited.join("危機管理担当.xlsx")];
    for run in 0..10 {
        let dir = scratch_edition(&format!("writers-race-{run}"));
        let d = dir.to_str().unwrap().to_string();
        let outputs: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = books
                .iter()
                .map(|b| {
                    let d = d.clone();
                    s.spawn(move || planpress(&["import", &d, b.to_str().unwrap(), "--apply"]))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        let content = planpress::content::load(&dir).unwrap();
        let mut wrote = 0;
        for (book, out) in books.iter().zip(&outputs) {
            let stdout = String::from_utf8_lossy(&out.stdout);
            let stderr = String::from_utf8_lossy(&out.stderr);
            let name = book.file_name().unwrap().to_str().unwrap();
            if out.status.success() {
                assert!(stdout.contains("書き込みました"), "{stdout}");
                wrote += 1;
                // What the workbook says is what the file now holds.
                let returned =
                    planpress::sheets::read(&content, name, &std::fs::read(book).unwrap())
                        .unwrap_or_else(|e| panic!("{e:?}"));
                assert_eq!(
                    targets_of(&dir, &returned.department),
                    format!("{:?}", returned.targets),
                    "run {run}: {name} said it wrote, but its edits are gone"
                );
            } else {
                assert!(
                    stderr.contains("4-targets.json")
                        && stderr.contains("ほかのプログラム")
                        && stderr.contains("書き換えました")
                        && stderr.contains("もう一度実行してください"),
                    "run {run}: {name}: {stderr}"
                );
            }
        }
        assert!(wrote >= 1, "run {run}: neither import wrote");
        // No lock is left behind.
        assert!(!dir.join(".4-targets.json.lock").exists());
    }
}

/// `args` fail with a message containing `says`, and `file` keeps its bytes.
fn refused_keeping(args: &[&str], file: &Path, says: &str) {
    let before = std::fs::read(file).unwrap();
    let run = planpress(args);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert_eq!(std::fs::read(file).unwrap(), before, "{args:?} changed it");
}

/// A `main.typ` left in an edition folder (by an earlier `--emit-typst`) does not
/// make it a place to write: a folder with an edition.json is an edition.
#[test]
fn a_stray_main_typ_does_not_open_an_edition_to_outputs() {
    let ed = scratch_edition("writers-stray-main");
    let other = scratch_edition("writers-stray-other");
    for d in [&ed, &other] {
        std::fs::write(d.join("main.typ"), "// left by an earlier --emit-typst\n").unwrap();
    }
    let e = ed.to_str().unwrap();
    let json = ed.join("4-targets.json");
    refused_keeping(
        &["build", e, "-o", json.to_str().unwrap()],
        &json,
        "は版のフォルダ",
    );
    let theirs = other.join("4-targets.json");
    let pdf = tmp("writers-stray.pdf");
    refused_keeping(
        &[
            "build",
            e,
            "-o",
            pdf.to_str().unwrap(),
            "--emit-typst",
            other.to_str().unwrap(),
        ],
        &theirs,
        "は版のフォルダ",
    );
    // A folder of source beside a clerk's file is not one of emitted source only.
    let mixed = tmp("writers-mixed");
    std::fs::create_dir_all(&mixed).unwrap();
    std::fs::write(mixed.join("main.typ"), "// emitted\n").unwrap();
    std::fs::write(mixed.join("report.docx"), "a clerk's file").unwrap();
    refused_keeping(
        &[
            "build",
            e,
            "-o",
            pdf.to_str().unwrap(),
            "--emit-typst",
            mixed.to_str().unwrap(),
        ],
        &mixed.join("report.docx"),
        "report.docx",
    );
}

/// Emitted source holds no edition.json beside main.typ (its copy of the content
/// is in attached/), so writing it again is allowed, and an output inside it is not
/// an output inside an edition.
#[test]
fn emitted_source_is_not_an_edition() {
    let dir = tmp("writers-emit");
    let pdf = tmp("writers-emit.pdf");
    let args = [
        "build",
        EDITION,
        "-o",
        pdf.to_str().unwrap(),
        "--emit-typst",
        dir.to_str().unwrap(),
    ];
    for _ in 0..2 {
        let run = planpress(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    }
    assert!(dir.join("main.typ").is_file());
    assert!(!dir.join("edition.json").exists());
    assert_eq!(
        std::fs::read(dir.join("attached/edition.json")).unwrap(),
        std::fs::read(root().join(EDITION).join("edition.json")).unwrap()
    );
    // The PDF still carries each content file under its own name.
    let names: Vec<String> = planpress::extract::attachments(&std::fs::read(&pdf).unwrap())
        .unwrap()
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert!(names.iter().any(|n| n == "edition.json"), "{names:?}");
}

/// Run `args`, which must succeed.
fn ok(args: &[&str]) -> String {
    let run = planpress(args);
    assert!(
        run.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).into_owned()
}

/// Last year's workbook into this year's edition, or another ward's: refused,
/// naming both, and the targets file unchanged.
#[test]
fn a_workbook_of_another_year_or_ward_is_refused() {
    let r2 = scratch_edition("writers-year-r2");
    let r3 = tmp("writers-year-r3");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    ok(&["new", &s(&r2), &s(&r3)]);
    let books = tmp("writers-year-books");
    ok(&["sheets", &s(&r2), "-o", &s(&books)]);
    let kumin = s(&books.join("区民課.xlsx"));
    let targets = r3.join("4-targets.json");
    refused_keeping(
        &["import", &s(&r3), &kumin, "--apply"],
        &targets,
        "「川崎市宮前区 令和2年度の版（フォルダ writers-year-r2）」から作ったもので、取り込み先は「川崎市宮前区 令和3年度の版（フォルダ writers-year-r3）」",
    );
    // A workbook made before the identity sheet: the year in its title tells.
    let old = root().join("tests/fixtures/sheets/edited/区民課.xlsx");
    refused_keeping(
        &["import", &s(&r3), old.to_str().unwrap(), "--apply"],
        &targets,
        "別の年度のファイルは取り込めません",
    );
    // Another ward's edition, same departments and year.
    let other = scratch_edition("writers-year-other-ward");
    edit_json(&other, "edition.json", |v| v["ward"] = "架空区".into());
    let theirs = tmp("writers-year-other-books");
    ok(&["sheets", &s(&other), "-o", &s(&theirs)]);
    refused_keeping(
        &[
            "import",
            &s(&r2),
            &s(&theirs.join("区民課.xlsx")),
            "--apply",
        ],
        &r2.join("4-targets.json"),
        "「川崎市架空区 令和2年度の版（フォルダ writers-year-other-ward）」から作ったもので、取り込み先は「川崎市宮前区 令和2年度の版",
    );
    // Its own workbook still goes in.
    assert!(ok(&["import", &s(&r2), &kumin]).contains("変更はありません"));
}

/// A content file hard-linked to a file elsewhere is refused as a symbolic link
/// is: its text never shows in a message.
#[cfg(unix)]
#[test]
fn a_hard_linked_content_file_is_refused() {
    let ed = scratch_edition("writers-hard-link");
    let outside = tmp("writers-hard-link-secret");
    std::fs::write(&outside, "root:x:0:0:架空の秘密:/root:/bin/sh\n").unwrap();
    let file = ed.join("3-initiatives.json");
    std::fs::remove_file(&file).unwrap();
    std::fs::hard_link(&outside, &file).unwrap();
    let run = planpress(&["check", ed.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("3-initiatives.json") && err.contains("ハードリンク"),
        "{err}"
    );
    assert!(!err.contains("架空の秘密"), "{err}");
}

/// A folder where the PDF's name belongs (`-o .`, `-o /`, `-o dir/`) is told as
/// such, not as a file in use or a file on the way.
#[test]
fn a_folder_given_for_the_pdf_is_told_as_a_folder() {
    let existing = tmp("writers-folder-out");
    std::fs::create_dir_all(&existing).unwrap();
    let with_slash = format!("{}/", existing.display());
    let missing = format!("{}/", tmp("writers-folder-missing").display());
    for out in [".", "/", with_slash.as_str(), missing.as_str()] {
        let run = planpress(&["build", EDITION, "-o", out]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{out}: {err}");
        assert!(
            err.contains("ファイルではなくフォルダです")
                && err.contains("PDF のファイル名まで -o で指定してください"),
            "{out}: {err}"
        );
        assert!(
            !err.contains("使用中") && !err.contains("途中に"),
            "{out}: {err}"
        );
    }
    assert_eq!(std::fs::read_dir(&existing).unwrap().count(), 0);
}
