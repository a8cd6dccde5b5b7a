//! Where a command may write: never over what planpress reads.
//!
//! An output (a PDF, a folder of web pages, sheets, images or emitted source) may
//! not be an edition folder, lie inside one (the edition built, its previous
//! edition, or any other: their JSON is the clerks' work), or lie inside the
//! `--templates` folder. `--emit-typst` may only write into an empty folder or one
//! holding source it emitted before.

use std::path::{Component, Path, PathBuf};

/// The file every edition folder holds.
const EDITION_FILE: &str = "edition.json";
/// The file every folder of emitted source holds.
const EMITTED_MAIN: &str = "main.typ";

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
    let names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() || names.iter().any(|n| n == EMITTED_MAIN) {
        return Ok(());
    }
    Err(format!(
        "{} には Typst のソース以外のファイル（{}）があります。--emit-typst には空のフォルダか、\
         前に書き出したソースのフォルダを指定してください",
        dir.display(),
        names.iter().take(3).cloned().collect::<Vec<_>>().join("、")
    ))
}

/// A folder that holds an edition's content (not one of emitted source, which
/// holds a copy of the content files beside its `main.typ`).
fn is_edition(dir: &Path) -> bool {
    dir.join(EDITION_FILE).is_file() && !dir.join(EMITTED_MAIN).is_file()
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
