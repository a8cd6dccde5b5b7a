//! Files as the clerks' Windows PCs make them: content saved by Notepad (a byte
//! order mark, CRLF line ends) in folders with Japanese names.

use std::path::Path;

use crate::doc::*;

/// Rewrite every JSON file of `dir` as Windows Notepad saves it: BOM and CRLF.
fn save_as_notepad(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.starts_with('\u{feff}') && !text.contains('\r'));
            let crlf = text.replace('\n', "\r\n");
            std::fs::write(&path, format!("\u{feff}{crlf}")).unwrap();
        }
    }
}

#[test]
fn notepad_files_in_a_japanese_folder_build_the_same_pages() {
    let dir = tmp("windows-notepad").join("宮前区 令和2年度");
    copy_edition(&root().join(EDITION), &dir);
    save_as_notepad(&dir);
    let built = build(&dir);
    assert_eq!(page_texts(&built), page_texts(shipped()));
    assert_eq!(page_labels(&built), page_labels(shipped()));
}

/// The message `check` gives for a target numbered "一" in `dir`, saved as
/// Notepad would or not; the folder's name replaced by DIR.
fn mistake_shown(dir: &Path, notepad: bool) -> String {
    edit_json(dir, "4-targets.json", |v| {
        v["divisions"][0]["departments"][0]["targets"][0]["number"] = "一".into();
    });
    if notepad {
        save_as_notepad(dir);
    }
    let run = planpress(&["check", dir.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    String::from_utf8_lossy(&run.stderr).replace(dir.to_str().unwrap(), "DIR")
}

/// A mistake in a CRLF file is shown at the same line and column as in the LF file.
#[test]
fn a_mistake_in_a_notepad_file_is_shown_at_its_line() {
    let lf = mistake_shown(&scratch_edition("windows-mistake-lf"), false);
    let crlf = mistake_shown(&scratch_edition("windows-mistake-crlf"), true);
    assert!(
        lf.contains("4-targets.json:") && lf.contains("目標"),
        "{lf}"
    );
    assert_eq!(crlf, lf);
}
