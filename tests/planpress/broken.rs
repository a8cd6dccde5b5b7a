//! Broken editions, each with the exact message a clerk sees.
//!
//! Each folder of `tests/fixtures/broken/` is the shipped edition with changes:
//! `edits.json` (text replacements in its files), files that replace or join its
//! files, and `remove.txt` (files to delete). `expected.txt` is what `planpress check`
//! prints; `SNAPSHOTS=overwrite cargo test` rewrites the snapshots after a deliberate
//! change of wording (review the diff before committing).

use std::path::Path;

use crate::doc::*;

#[derive(serde::Deserialize)]
struct Edit {
    file: String,
    find: String,
    replace: String,
    count: Option<usize>,
}

/// Compose a case's edition in a scratch folder.
fn compose(case: &Path) -> std::path::PathBuf {
    let name = case.file_name().unwrap().to_str().unwrap();
    let dir = scratch_edition(&format!("broken/{name}"));
    for entry in std::fs::read_dir(case).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_string();
        match file.as_str() {
            "expected.txt" => {}
            "remove.txt" => {
                for f in std::fs::read_to_string(&path)
                    .unwrap()
                    .lines()
                    .filter(|l| !l.is_empty())
                {
                    std::fs::remove_file(dir.join(f)).unwrap();
                }
            }
            "edits.json" => {
                let edits: Vec<Edit> =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                for e in edits {
                    let target = dir.join(&e.file);
                    let text = std::fs::read_to_string(&target).unwrap();
                    assert!(
                        text.contains(&e.find),
                        "{name}: {:?} not in {}",
                        e.find,
                        e.file
                    );
                    let text = match e.count {
                        Some(n) => text.replacen(&e.find, &e.replace, n),
                        None => text.replace(&e.find, &e.replace),
                    };
                    std::fs::write(&target, text).unwrap();
                }
            }
            _ => {
                std::fs::copy(&path, dir.join(&file)).unwrap();
            }
        }
    }
    dir
}

#[test]
fn each_broken_edition_gets_its_message() {
    let cases = root().join("tests/fixtures/broken");
    let mut dirs: Vec<_> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 15);
    let mut failures = Vec::new();
    for case in dirs {
        let name = case.file_name().unwrap().to_str().unwrap().to_string();
        let dir = compose(&case);
        let run = planpress(&["check", dir.to_str().unwrap()]);
        let shown = format!(
            "exit {}\n{}{}",
            run.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&run.stdout),
            String::from_utf8_lossy(&run.stderr)
        )
        .replace(dir.to_str().unwrap(), "<edition>");
        // Exit codes: a case named ok-* passes, every other case is a content error.
        let expected_code = if name.starts_with("ok-") { 0 } else { 1 };
        if run.status.code() != Some(expected_code) {
            failures.push(format!(
                "{name}: exit {:?}, expected {expected_code}\n{shown}",
                run.status.code()
            ));
        }
        assert!(
            !shown.contains("panicked") && !shown.contains("RUST_BACKTRACE"),
            "{name}: {shown}"
        );
        let expected = format!("tests/fixtures/broken/{name}/expected.txt");
        failures.extend(snapshot(&expected, &shown).map(|d| format!("{d}\n--- shown\n{shown}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
