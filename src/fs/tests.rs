//! Tests of writing and reading files.

use std::io::{Error, ErrorKind};

use super::*;

/// A file changed since it was read is not overwritten, and the clerk is told;
/// a lock a killed run left is taken over.
#[test]
fn a_content_file_changed_meanwhile_is_kept() {
    let dir = std::env::temp_dir().join(format!("planpress-content-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("4-targets.json");
    fs::write(&file, b"theirs").unwrap();
    let e = write_content(&file, Some(b"mine as read"), b"mine").unwrap_err();
    assert!(
        e.contains("4-targets.json") && e.contains("書き換えました") && e.contains("もう一度"),
        "{e}"
    );
    assert_eq!(fs::read(&file).unwrap(), b"theirs");
    // Absent when read, there now: the same.
    assert!(write_content(&file, None, b"mine").is_err());
    // A lock whose process has ended (where that can be told) does not stop the write.
    if Path::new("/proc/self").exists() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        fs::write(lock_path(&file), pid.to_string()).unwrap();
    }
    write_content(&file, Some(b"theirs"), b"mine").unwrap();
    assert_eq!(fs::read(&file).unwrap(), b"mine");
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, ["4-targets.json"]);
    fs::remove_dir_all(&dir).unwrap();
}

/// Windows refuses to rename onto a PDF a viewer has open: the clerk is told to
/// close it, the previous PDF stays, and no temporary file is left.
#[test]
fn a_pdf_open_in_a_viewer_is_kept_and_the_clerk_told_to_close_it() {
    let dir = std::env::temp_dir().join(format!("planpress-in-use-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("宮前区.pdf");
    fs::write(&pdf, b"previous").unwrap();
    let denied = |_: &Path, _: &Path| Err(Error::from(ErrorKind::PermissionDenied));
    let e = write_through(&pdf, b"new", denied).unwrap_err();
    assert!(crate::io_message::reason(&e).contains("閉じてから、もう一度実行してください"));
    let shown = crate::error::BuildError::Write {
        path: pdf.clone(),
        error: e,
    }
    .to_string();
    assert!(
        shown.contains("前の PDF はそのまま残しています")
            && shown.contains("PDF を閉じてから、もう一度実行してください")
            && !shown.contains("-o で指定"),
        "{shown}"
    );
    assert_eq!(fs::read(&pdf).unwrap(), b"previous");
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, ["宮前区.pdf"]);
    // Where there was no file to replace, the system's reason stands.
    let e = write_through(&dir.join("new.pdf"), b"new", denied).unwrap_err();
    assert!(!is_in_use(&e));
    fs::remove_dir_all(&dir).unwrap();
}
