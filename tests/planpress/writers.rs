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
