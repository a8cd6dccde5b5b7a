//! Where a command writes by default (`out/…`, relative to the current folder),
//! and where it may write: never over what planpress reads.
//!
//! An output (a PDF, a folder of web pages, sheets, images or emitted source) may
//! not be an edition folder, lie inside one (the edition built, its previous
//! edition, or any other: their JSON is the clerks' work), or lie inside the
//! `--templates` folder. A folder that holds an `edition.json` is an edition,
//! whatever else it holds (a stray `main.typ` included). `--emit-typst` may only
//! write into an empty folder or one holding nothing but source it emitted before.

use std::path::{Component, Path, PathBuf};

use crate::content::load::folder_name;

/// The file every edition folder holds.
const EDITION_FILE: &str = "edition.json";
/// The file every folder of emitted source holds.
const EMITTED_MAIN: &str = "main.typ";

/// `out/<edition>.pdf`, or `out/<edition>-案.pdf` for a draft: a draft never
/// takes the published PDF's place. Relative: resolved against the current folder.
pub fn default_output(edition: &Path, draft: bool) -> PathBuf {
    let suffix = if draft { "-案" } else { "" };
    PathBuf::from("out").join(format!("{}{suffix}.pdf", folder_name(edition)))
}

/// `out/<edition>-<what>/`
pub fn default_dir(edition: &Path, what: &str) -> PathBuf {
    PathBuf::from("out").join(format!("{}-{what}", folder_name(edition)))
}

/// `out/<edition>-新旧対照表.pdf`: the editor's 新旧対照表 against the previous
/// edition (`planpress diff` writes where `--pdf` says).
pub fn default_comparison(edition: &Path) -> PathBuf {
    PathBuf::from("out").join(format!("{}-新旧対照表.pdf", folder_name(edition)))
}

/// Refuse `output` (a file or folder to be written) if it is or lies inside an
/// edition folder or `templates`. The message says what and where instead.
pub fn check(output: &Path, templates: Option<&Path>) -> Result<(), String> {
    let resolved = resolve(output);
    for dir in resolved.ancestors() {
        if is_edition(dir) {
            return Err(format!(
                "{} は版のフォルダ（{}）の中なので、書き出すと内容ファイルを上書きするおそれがあります。\
                 版のフォルダの外（例: out/）を指定してください",
                output.display(),
                dir.display()
            ));
        }
    }
    if let Some(t) = templates
        && resolved.starts_with(resolve(t))
    {
        return Err(format!(
            "{} はテンプレートのフォルダ（{}）の中です。テンプレートのフォルダの外を指定してください",
            output.display(),
            t.display()
        ));
    }
    Ok(())
}

/// Refuse a folder for `--emit-typst` that holds anything but earlier emitted
/// source, besides what `check` refuses.
pub fn check_emit_dir(dir: &Path, templates: Option<&Path>) -> Result<(), String> {
    check(dir, templates)?;
    let Ok(entries) = std::fs::read_dir(dir) else {
        // Not there yet (or not a folder: writing says so).
        return Ok(());
    };
    let entries: Vec<(String, bool)> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect();
    let has_main = entries.iter().any(|(n, d)| n == EMITTED_MAIN && !d);
    // What emitting writes: main.typ, the style modules, the attached files' folder.
    let others: Vec<&str> = entries
        .iter()
        .filter(|(n, d)| {
            !(if *d {
                n == crate::pipeline::ATTACHED
            } else {
                n.ends_with(".typ")
            })
        })
        .map(|(n, _)| n.as_str())
        .collect();
    if entries.is_empty() || (has_main && others.is_empty()) {
        return Ok(());
    }
    let shown: Vec<&str> = if others.is_empty() {
        entries.iter().map(|(n, _)| n.as_str()).collect()
    } else {
        others
    };
    Err(format!(
        "{} には Typst のソース以外のファイル（{}）があります。--emit-typst には空のフォルダか、\
         前に書き出したソースのフォルダを指定してください",
        dir.display(),
        shown.iter().take(3).cloned().collect::<Vec<_>>().join("、")
    ))
}

/// A folder that holds an edition's content: one with an `edition.json` (emitted
/// source keeps its copy of the content files in `attached/`).
fn is_edition(dir: &Path) -> bool {
    dir.join(EDITION_FILE).symlink_metadata().is_ok()
}

/// `path` made absolute, with symbolic links and `..` resolved as far as it
/// exists (the rest, not yet created, appended as written).
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest: Vec<Component> = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for c in rest.iter().rev() {
                match c {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    c => out.push(c),
                }
            }
            return out;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => return absolute,
        }
    }
}
