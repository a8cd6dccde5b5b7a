//! Only regular files inside the folders are read: a pipe, a device, a link or a
//! folder in a file's place is refused with a message, never waited on.

use std::path::Path;

use crate::doc::*;

/// Run planpress (a hang fails the test after 30 s): exit code and everything it
/// printed.
pub fn planpress_within(args: &[&str]) -> (i32, String) {
    let run = crate::doc::planpress_within(30, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    (run.status.code().unwrap_or(-1), text)
}

fn check(dir: &Path) -> (i32, String) {
    planpress_within(&["check", dir.to_str().unwrap()])
}

#[test]
fn a_pipe_in_place_of_a_content_file_is_refused_not_waited_on() {
    for file in ["1-principles.json", "edition.json"] {
        let dir = scratch_edition(&format!("reading/fifo-{file}"));
        fifo(&dir.join(file));
        let (code, out) = check(&dir);
        assert_eq!(code, 1, "{out}");
        assert!(
            out.contains(&format!("{file}: 普通のファイルではありません")),
            "{out}"
        );
    }
}

#[test]
fn a_pipe_in_the_previous_edition_is_refused_too() {
    let (r2, r3) = edition_pair("reading/fifo-previous");
    fifo(&r2.join("4-targets.json"));
    let (code, out) = check(&r3);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("4-targets.json: 普通のファイルではありません"),
        "{out}"
    );
}

#[test]
fn links_and_folders_in_place_of_files_are_refused() {
    let dir = scratch_edition("reading/links");
    std::fs::remove_file(dir.join("1-principles.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("1-principles.json")).unwrap();
    std::fs::remove_file(dir.join("2-approach.json")).unwrap();
    std::fs::create_dir(dir.join("2-approach.json")).unwrap();
    let (code, out) = check(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("1-principles.json: シンボリックリンク（ショートカットのような別名のファイル）は読みません"),
        "{out}"
    );
    assert!(
        out.contains("2-approach.json: ファイルではなくフォルダです"),
        "{out}"
    );
    assert!(!out.contains("os error"), "{out}");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let dir = scratch_edition("reading/big");
    let mut text = std::fs::read_to_string(dir.join("1-principles.json")).unwrap();
    text.push_str(&" ".repeat(21 * 1024 * 1024));
    std::fs::write(dir.join("1-principles.json"), text).unwrap();
    let (code, out) = check(&dir);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("1-principles.json: ファイルが大きすぎます（20 MB まで）"),
        "{out}"
    );
}

#[test]
fn a_template_folder_link_is_not_followed() {
    let dir = pdf_templates_copy("reading/link-templates");
    // A link could put any file of the machine into the PDF.
    std::fs::remove_file(dir.join("style.typ")).unwrap();
    std::os::unix::fs::symlink(root().join("Cargo.toml"), dir.join("style.typ")).unwrap();
    let out = tmp("reading/link-templates.pdf");
    let (code, text) = planpress_within(&[
        "build",
        EDITION,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("style.typ を読めません: シンボリックリンク"),
        "{text}"
    );
    assert!(!out.exists());
}

#[test]
fn a_pipe_in_place_of_a_template_is_refused_not_waited_on() {
    let dir = pdf_templates_copy("reading/fifo-templates");
    fifo(&dir.join("main.typ.j2"));
    let out = tmp("reading/fifo-templates.pdf");
    let (code, text) = planpress_within(&[
        "build",
        EDITION,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_ne!(code, 0, "{text}");
    assert!(
        text.contains("main.typ.j2 を読めません: 普通のファイルではありません"),
        "{text}"
    );
}

/// A pipe named as a returned workbook is refused, not waited on.
#[test]
fn a_pipe_given_as_a_workbook_is_refused_not_waited_on() {
    let dir = tmp("reading/fifo-workbook");
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("区民課.xlsx");
    fifo(&xlsx);
    let (code, text) = planpress_within(&["import", EDITION, xlsx.to_str().unwrap()]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("区民課.xlsx") && text.contains("普通のファイルではありません"),
        "{text}"
    );
}

#[test]
fn a_linked_web_folder_in_the_templates_is_not_followed() {
    let dir = tmp("reading/link-web-templates");
    std::fs::create_dir_all(&dir).unwrap();
    // web/ a link to a folder elsewhere: its files would get into the web edition.
    std::os::unix::fs::symlink(root().join("templates/web"), dir.join("web")).unwrap();
    let out = tmp("reading/link-web-out");
    let (code, text) = planpress_within(&[
        "web",
        EDITION,
        "--templates",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("シンボリックリンク"), "{text}");
    assert!(!out.exists());
}
