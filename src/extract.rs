//! Recover the content files attached to an archived plan PDF: every file checked
//! before any is written, and only into a new or empty folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

mod attachments;
mod city;
mod common;
mod shape;

pub use attachments::{FILE_LIMIT, TOTAL_LIMIT, attachments};

/// The largest PDF read.
const PDF_LIMIT: u64 = 200 * 1024 * 1024;
/// The longest file name attached (planpress's own are far shorter).
const NAME_LIMIT: usize = 100;
/// The previous edition's files travel one folder down (see `pipeline::attachments`).
const PREVIOUS: &str = "previous/";

/// Write a PDF's attached content files into `dir`, which then builds the same PDF.
pub fn extract(pdf_path: &Path, dir: &Path) -> Result<Vec<String>, String> {
    let pdf =
        crate::fs::read_regular(pdf_path, PDF_LIMIT, crate::fs::Links::Follow).map_err(|e| {
            format!(
                "{}: {e}\nplanpress で作った PDF ファイルを指定してください",
                pdf_path.display()
            )
        })?;
    let new_dir = check_target(dir)?;
    let refuse = |e: String| {
        format!(
            "{} から内容ファイルを取り出せません: {e}\n何も書き出しませんでした。保管してある元の PDF（archive フォルダなど）から取り出してください",
            pdf_path.display()
        )
    };
    let files = attachments(&pdf).map_err(refuse)?;
    if files.is_empty() {
        return Err(format!(
            "{} には内容ファイルが添付されていません（planpress で作った公開用の PDF を指定してください）",
            pdf_path.display()
        ));
    }
    let (files, paths) = match city::wards(&files) {
        // A city summary: each ward into its folder.
        Some(wards) => {
            for (ward, group) in &wards {
                if !plain_json_name(&format!("{ward}.json")) {
                    let shown: String = ward.escape_debug().to_string().chars().take(60).collect();
                    return Err(refuse(format!(
                        "添付ファイルのフォルダ名「{shown}」は安全でないため取り出せません"
                    )));
                }
                check_names(group).map_err(refuse)?;
            }
            let paths = city::paths(dir, &wards);
            let files = (wards.into_iter())
                .flat_map(|(w, g)| g.into_iter().map(move |(n, b)| (format!("{w}/{n}"), b)))
                .collect();
            (files, paths)
        }
        None => {
            check_names(&files).map_err(refuse)?;
            let paths = common::plan(dir, &files)?;
            (files, paths)
        }
    };
    let mut written = Vec::new();
    if let Err(e) = write(dir, new_dir, &files, &paths, &mut written) {
        // Take back what this run wrote, newest first.
        for path in written.iter().rev() {
            let _ = fs::remove_file(path).or_else(|_| fs::remove_dir(path));
        }
        return Err(format!(
            "{e}\n書き出した分は消しました。書き込めるフォルダを指定してください"
        ));
    }
    Ok(paths
        .iter()
        .map(|(path, new)| shown(dir, path, *new))
        .collect())
}

/// A file extracted, as the clerk finds it: relative to `dir` (a common file
/// in the folder beside it as `../city-common-r7/common.json`).
fn shown(dir: &Path, path: &Path, new: bool) -> String {
    let slash = |p: &Path| p.to_string_lossy().replace('\\', "/");
    let name = match path.strip_prefix(dir) {
        Ok(inside) => slash(inside),
        Err(_) => match dir.parent().and_then(|d| path.strip_prefix(d).ok()) {
            Some(beside) => format!("../{}", slash(beside)),
            None => path.display().to_string(),
        },
    };
    if new {
        name
    } else {
        format!("{name}（同じ内容のものがすでにあるので、そのまま）")
    }
}

/// `dir` may be new (true) or an empty folder (false), never a link.
fn check_target(dir: &Path) -> Result<bool, String> {
    let shown = dir.display();
    let meta = match fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => {
            return Err(format!(
                "{shown} を確かめられません: {}",
                crate::io_message::reason(&e)
            ));
        }
        Ok(m) => m,
    };
    if meta.file_type().is_symlink() {
        return Err(format!(
            "{shown} はリンク（ショートカット）なので、その先には書き出しません。ふつうのフォルダを指定してください"
        ));
    }
    if !meta.is_dir() {
        return Err(format!(
            "{shown} はフォルダではありません。まだないフォルダの名前を指定してください"
        ));
    }
    let empty = fs::read_dir(dir)
        .map_err(|e| format!("{shown} を開けません: {}", crate::io_message::reason(&e)))?
        .next()
        .is_none();
    if !empty {
        return Err(format!(
            "{shown} にはすでにファイルがあります（上書きしません）。空のフォルダか、まだないフォルダを指定してください"
        ));
    }
    Ok(false)
}

/// Plain file names ending in .json, the previous edition's under `previous/`,
/// the common folder's under `common/` (the previous edition's too), each once
/// (ignoring case, as Windows does).
fn check_names(files: &[(String, Vec<u8>)]) -> Result<(), String> {
    let mut seen = std::collections::HashSet::new();
    for (name, _) in files {
        let file = name.strip_prefix(PREVIOUS).unwrap_or(name);
        let file = file
            .strip_prefix(crate::content::COMMON_ATTACHED)
            .unwrap_or(file);
        if !plain_json_name(file) {
            let shown: String = name.escape_debug().to_string().chars().take(60).collect();
            return Err(format!(
                "添付ファイルの名前「{shown}」は安全でないため取り出せません（.json で終わる {NAME_LIMIT} 文字までのファイル名だけを取り出します）"
            ));
        }
        if !seen.insert(name.to_lowercase()) {
            return Err(format!("添付ファイル「{name}」が二つあります"));
        }
    }
    Ok(())
}

fn plain_json_name(file: &str) -> bool {
    let stem = file.strip_suffix(".json").unwrap_or_default();
    // Names Windows keeps for devices, whatever the extension.
    let device = stem
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let reserved = ["CON", "PRN", "AUX", "NUL"].contains(&device.as_str())
        || (device.len() == 4
            && (device.starts_with("COM") || device.starts_with("LPT"))
            && device.ends_with(|c: char| c.is_ascii_digit()));
    !stem.is_empty()
        && file.chars().count() <= NAME_LIMIT
        && !file.starts_with('.')
        && !file.contains("..")
        && !file
            .chars()
            .any(|c| c.is_control() || "/\\:*?\"<>|".contains(c))
        && !reserved
}

/// Write every file as a new file (never through an existing one or a link),
/// recording each path created in `written`.
fn write(
    dir: &Path,
    new_dir: bool,
    files: &[(String, Vec<u8>)],
    paths: &[(PathBuf, bool)],
    written: &mut Vec<PathBuf>,
) -> Result<(), String> {
    let cannot = |path: &Path, e: std::io::Error| {
        format!(
            "{} を作れません: {}",
            path.display(),
            crate::io_message::reason(&e)
        )
    };
    let create = |path: &Path, written: &mut Vec<PathBuf>| {
        fs::create_dir(path).map_err(|e| cannot(path, e))?;
        written.push(path.to_path_buf());
        Ok::<(), String>(())
    };
    if new_dir {
        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).map_err(|e| cannot(parent, e))?;
        }
        create(dir, written)?;
    }
    for ((_, bytes), (path, new)) in files.iter().zip(paths) {
        // Not new: a common file already beside, with the same bytes.
        if !new {
            continue;
        }
        let missing: Vec<&Path> = (path.ancestors().skip(1))
            .take_while(|p| *p != dir && !p.exists())
            .collect();
        for folder in missing.into_iter().rev() {
            create(folder, written)?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(|e| {
                format!(
                    "{} に書き出せません: {}",
                    path.display(),
                    crate::io_message::reason(&e)
                )
            })?;
        written.push(path.clone());
        file.write_all(bytes)
            .and_then(|()| file.sync_all())
            .map_err(|e| {
                format!(
                    "{} に書き出せません: {}",
                    path.display(),
                    crate::io_message::reason(&e)
                )
            })?;
    }
    Ok(())
}
