//! Where an extracted edition's common files go: the common folder beside the
//! edition (as `edition.json`'s `common.folder` names it), so the extracted
//! folders build as the originals did; a previous edition's stay inside it.

use std::path::{Path, PathBuf};

use crate::content::{COMMON_ATTACHED, COMMON_FILE};

/// Each attached file's path on disk, and whether to write it (not a common
/// file already there with the same bytes). A common folder beside `dir`
/// holding other bytes is refused before anything is written.
pub fn plan(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<(PathBuf, bool)>, String> {
    let beside = beside_folder(dir, files);
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let Some(file) = name.strip_prefix(COMMON_ATTACHED) else {
            paths.push((dir.join(name), true));
            continue;
        };
        let Some(folder) = &beside else {
            paths.push((dir.join(name), true));
            continue;
        };
        let path = folder.join(file);
        match std::fs::read(&path) {
            Ok(there) if there == *bytes => paths.push((path, false)),
            Ok(_) => {
                return Err(format!(
                    "共通フォルダ {} にはすでに違う内容の {file} があります（上書きしません）。別の場所に取り出してください",
                    folder.display()
                ));
            }
            Err(_) if path.exists() => {
                return Err(format!("{} を読めません", path.display()));
            }
            Err(_) => paths.push((path, true)),
        }
    }
    Ok(paths)
}

/// The common folder beside `dir` that the attached edition.json names, when
/// it names a plain sibling folder (`city-common-r7` or `../city-common-r7`);
/// any other path is not followed (the files then go into `dir/common/`,
/// which the edition reads first).
fn beside_folder(dir: &Path, files: &[(String, Vec<u8>)]) -> Option<PathBuf> {
    files
        .iter()
        .find(|(n, _)| *n == format!("{COMMON_ATTACHED}{COMMON_FILE}"))?;
    let (_, edition) = files.iter().find(|(n, _)| n == "edition.json")?;
    let text = crate::content::decode_text(edition)?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    let folder = value.get("common")?.get("folder")?.as_str()?;
    let name = folder.strip_prefix("../").unwrap_or(folder);
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| c.is_control() || "/\\:*?\"<>|".contains(c));
    plain.then(|| crate::content::folder_of(dir).join(name))
}
