//! No command writes over what planpress reads: an output inside an edition
//! folder (this one, another, through `..` or a symbolic link) or inside the
//! `--templates` folder is refused before anything is built, and the files there
//! stay as they were.

use std::path::Path;

use crate::doc::*;

/// Every file under `dir` with its bytes, to compare before and after.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// `args` fail with exit 1 and a message naming the edition folder, and nothing
/// under `dir` changes.
fn refused(args: &[&str], dir: &Path, says: &str) {
    let before = files(dir);
    let run = planpress(args);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert_eq!(files(dir), before, "{args:?} changed {}", dir.display());
}

#[test]
fn no_output_lands_in_an_edition_folder() {
    let ed = scratch_edition("outputs-edition");
    let other = scratch_edition("outputs-other");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let e = s(&ed);
    let in_folder = "は版のフォルダ";
    // The clerk's JSON as the PDF's name: refused, the JSON kept.
    let json = s(&ed.join("4-targets.json"));
    refused(&["build", &e, "-o", &json], &ed, in_folder);
    // Into another edition, the folder itself, or by a way round.
    let into_other = s(&other.join("plan.pdf"));
    refused(&["build", &e, "-o", &into_other], &other, in_folder);
    refused(&["build", &e, "-o", &s(&other)], &other, in_folder);
    let round = format!(
        "{}/../{}/x.pdf",
        s(&ed),
        other.file_name().unwrap().to_str().unwrap()
    );
    refused(&["build", &e, "-o", &round], &other, in_folder);
    #[cfg(unix)]
    {
        let link = tmp("outputs-link");
        std::os::unix::fs::symlink(&other, &link).unwrap();
        refused(
            &["build", &e, "-o", &s(&link.join("x.pdf"))],
            &other,
            in_folder,
        );
    }
    // Emitted source, web pages, sheets, images and watch alike.
    refused(
        &["build", &e, "--emit-typst", &s(&other)],
        &other,
        in_folder,
    );
    refused(&["web", &e, "-o", &s(&ed.join("web"))], &ed, in_folder);
    refused(&["sheets", &e, "-o", &s(&other)], &other, in_folder);
    refused(
        &["preview", &e, "--pages", "1", "-o", &s(&other)],
        &other,
        in_folder,
    );
    refused(&["watch", &e, "-o", &json], &ed, in_folder);
}

#[test]
fn no_output_lands_in_the_templates_folder() {
    let templates = tmp("outputs-templates");
    std::fs::create_dir_all(&templates).unwrap();
    let t = templates.to_str().unwrap();
    std::fs::write(templates.join("note.txt"), "keep").unwrap();
    let out = templates.join("plan.pdf");
    refused(
        &[
            "build",
            EDITION,
            "--templates",
            t,
            "-o",
            out.to_str().unwrap(),
        ],
        &templates,
        "テンプレートのフォルダ",
    );
}

/// `--emit-typst` writes into an empty folder or over source it emitted before,
/// and nowhere else.
#[test]
fn emitted_source_goes_only_where_source_was() {
    let dir = tmp("outputs-emit");
    let d = dir.to_str().unwrap();
    let pdf = tmp("outputs-emit.pdf");
    let args = [
        "build",
        EDITION,
        "-o",
        pdf.to_str().unwrap(),
        "--emit-typst",
        d,
    ];
    for _ in 0..2 {
        let run = planpress(&args);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(dir.join("main.typ").is_file());
    }
    let other = tmp("outputs-emit-other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("report.docx"), "a clerk's file").unwrap();
    let args = [
        "build",
        EDITION,
        "-o",
        pdf.to_str().unwrap(),
        "--emit-typst",
        other.to_str().unwrap(),
    ];
    refused(&args, &other, "report.docx");
}

/// A place that cannot be written is told in Japanese, with what to do, never
/// as the system's English (`Is a directory (os error 21)`).
#[test]
fn an_unwritable_output_is_told_in_japanese() {
    let dir = tmp("outputs-a-folder");
    std::fs::create_dir_all(&dir).unwrap();
    let run = planpress(&["build", EDITION, "-o", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains("ファイルではなくフォルダです") && err.contains("-o で指定してください"),
        "{err}"
    );
    assert!(!err.contains("os error"), "{err}");
    let file = tmp("outputs-a-file");
    std::fs::write(&file, "x").unwrap();
    let run = planpress(&["web", EDITION, "-o", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn schema_archive_new_and_extract_write_no_edition_folder() {
    let ed = scratch_edition("outputs-others-edition");
    let s = |p: &Path| p.to_str().unwrap().to_string();
    let in_folder = "は版のフォルダ";
    // Schemas beside the clerk's JSON would make the edition fail its check.
    refused(&["schema", "-o", &s(&ed)], &ed, in_folder);
    // An archive (PDF and manifest.json) inside an edition.
    let content = tmp("outputs-others-content");
    copy_edition(&ed, &content.join("ed"));
    refused(
        &[
            "archive",
            "--content",
            &s(&content),
            "-o",
            &s(&ed.join("archive")),
        ],
        &ed,
        in_folder,
    );
    // A new edition or extracted files inside an edition.
    refused(&["new", &s(&ed), &s(&ed.join("next"))], &ed, in_folder);
    let pdf = tmp("outputs-others.pdf");
    let built = planpress(&["build", &s(&ed), "-o", &s(&pdf)]);
    assert!(built.status.success());
    refused(&["extract", &s(&pdf), &s(&ed.join("back"))], &ed, in_folder);
}

#[test]
fn an_output_named_as_a_pipe_or_device_is_left_alone() {
    // `-o /dev/full` (run as an administrator) replaced the device with the PDF:
    // a pipe stands in for it here.
    let pipe = tmp("outputs-pipe.pdf");
    fifo(&pipe);
    let run = planpress(&["build", EDITION, "-o", pipe.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("普通のファイルではありません"), "{err}");
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn an_output_name_near_the_length_limit_is_written() {
    // A 254-byte name is allowed; its temporary file's name was not.
    let out = tmp("outputs-long").join(format!("{}.pdf", "a".repeat(250)));
    let run = planpress(&["build", EDITION, "-o", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(out.is_file());
}
