//! `planpress archive` never trusts, rewrites or hangs on what it archived before.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::doc::{EDITION, copy_edition, fifo, planpress_within, root, tmp};

/// A content folder holding the shipped edition, archived once: (archive folder, args).
fn archived(name: &str) -> (PathBuf, Vec<String>) {
    let base = tmp(name);
    copy_edition(&root().join(EDITION), &base.join("content/miyamae-r2"));
    let archive = base.join("archive");
    let args: Vec<String> = ["archive", "--content"]
        .into_iter()
        .map(String::from)
        .chain([base.join("content").display().to_string(), "-o".into()])
        .chain([archive.display().to_string()])
        .collect();
    let run = run(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    (archive, args)
}

fn run(args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    planpress_within(60, &args)
}

fn stderr(run: &Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

/// Every file of a folder with its bytes, to show nothing changed.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_tampered_truncated_or_deleted_archived_pdf_is_refused_and_kept() {
    let (archive, args) = archived("archive-tampered");
    let pdf = archive.join("miyamae-r2.pdf");
    let good = std::fs::read(&pdf).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x01;
    let damages: [(&str, Option<Vec<u8>>); 3] = [
        ("one bit flipped", Some(flipped)),
        ("truncated", Some(good[..good.len() / 3].to_vec())),
        ("deleted", None),
    ];
    for (what, damaged) in damages {
        match &damaged {
            Some(bytes) => std::fs::write(&pdf, bytes).unwrap(),
            None => std::fs::remove_file(&pdf).unwrap(),
        }
        let before = snapshot(&archive);
        let run = run(&args);
        let message = stderr(&run);
        assert_eq!(run.status.code(), Some(1), "{what}: {message}");
        assert!(
            message.contains("miyamae-r2.pdf")
                && message.contains("バックアップから元の PDF を戻して"),
            "{what}: {message}"
        );
        assert!(!String::from_utf8_lossy(&run.stdout).contains("前回と同じ"));
        assert_eq!(snapshot(&archive), before, "{what}: the archive changed");
        std::fs::write(&pdf, &good).unwrap();
    }
    // Restored, it verifies again.
    let run = run(&args);
    assert!(run.status.success() && String::from_utf8_lossy(&run.stdout).contains("前回と同じ"));
}

#[test]
fn an_unreadable_manifest_is_refused_not_rewritten() {
    let (archive, args) = archived("archive-bad-manifest");
    let manifest = archive.join("manifest.json");
    std::fs::write(&manifest, "{\"editions\": [ {\"edition\": \"miyamae-r2\",").unwrap();
    let before = snapshot(&archive);
    let run = run(&args);
    let message = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{message}");
    assert!(
        message.contains("manifest.json")
            && message.contains("バックアップから manifest.json を元に戻して"),
        "{message}"
    );
    assert_eq!(snapshot(&archive), before);
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_manifest_is_refused_at_once() {
    let (archive, args) = archived("archive-pipe-manifest");
    let manifest = archive.join("manifest.json");
    std::fs::remove_file(&manifest).unwrap();
    fifo(&manifest);
    let run = planpress_within(20, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let message = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{message}");
    assert!(
        message.contains("manifest.json") && message.contains("普通のファイルではありません"),
        "{message}"
    );
}

#[test]
fn a_killed_write_leaves_no_temporary_file_behind_the_next_run() {
    let (archive, args) = archived("archive-stale-temp");
    // What a killed run leaves (its process gone), and files that are not ours.
    let stale = archive.join(".manifest.json.999999999-0.tmp");
    let live = archive.join(format!(".manifest.json.{}-0.tmp", std::process::id()));
    let other = archive.join(".manifest.json.notes.tmp");
    for f in [&stale, &live, &other] {
        std::fs::write(f, "half").unwrap();
    }
    let run = run(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert!(
        live.exists() && other.exists(),
        "a file not left by a killed run was removed"
    );
}

#[test]
fn a_broken_edition_stops_the_archive_before_any_pdf_is_written() {
    // The editions before it were written without a manifest entry; edited later,
    // they were then refused as changed against that unrecorded PDF.
    let base = tmp("archive-broken-later");
    let content = base.join("content");
    copy_edition(&root().join(EDITION), &content.join("a-fine"));
    copy_edition(&root().join(EDITION), &content.join("b-broken"));
    std::fs::write(content.join("b-broken/1-principles.json"), "{").unwrap();
    let archive = base.join("archive");
    let args: Vec<String> = ["archive", "--content"]
        .into_iter()
        .map(String::from)
        .chain([content.display().to_string(), "-o".into()])
        .chain([archive.display().to_string()])
        .collect();
    let run = run(&args);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("b-broken"), "{}", stderr(&run));
    let written = std::fs::read_dir(&archive).map_or(0, |d| d.count());
    assert_eq!(written, 0, "files written to {}", archive.display());
}
