//! What a change of the city's common folder does to each ward: every edition
//! beside the old common folder that uses it, loaded once as it is and once
//! with the new common folder in its place (an unsaved `edition.json`, the
//! load stage's overlay), and compared as `diff` compares two editions.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::content::{self, Content};

/// One ward's edition under the old and the new common folder.
pub struct WardChange {
    pub ward: PathBuf,
    pub old: Content,
    pub new: Content,
}

/// Whether `dir` is a common folder (a `common.json`, no `edition.json`).
pub fn is_common(dir: &Path) -> bool {
    dir.join("common.json").is_file() && !dir.join("edition.json").exists()
}

/// Each edition beside `old_common` that names it, with the new folder in its
/// place. A ward that cannot be loaded either way is told, with its name.
pub fn ward_changes(old_common: &Path, new_common: &Path) -> Result<Vec<WardChange>, String> {
    let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
    let new_year = read_json(&new_common.join("common.json"))?
        .get("fiscal_year")
        .and_then(Value::as_i64)
        .ok_or_else(|| {
            format!(
                "{} の common.json に年度（fiscal_year）がありません",
                new_common.display()
            )
        })?;
    // The folder the common folder lies in (also for `.` or `..`).
    let parent = &content::folder_of(old_common);
    let mut wards: Vec<PathBuf> = std::fs::read_dir(parent)
        .map_err(|e| format!("{}: {}", parent.display(), crate::io_message::reason(&e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("edition.json").is_file())
        .collect();
    wards.sort();
    let mut out = Vec::new();
    for ward in wards {
        let mut edition = read_json(&ward.join("edition.json"))?;
        // The folder as loading finds it (a plain name lies beside the ward).
        let Some(uses) = content::common_named_in(&ward) else {
            continue;
        };
        if !same(&uses, old_common) {
            continue;
        }
        let label = crate::city::ward_label(&ward);
        let old = content::load(&ward).map_err(|e| format!("{label}: {e}"))?;
        edition["common"]["folder"] = relative(&ward, new_common).into();
        edition["common"]["fiscal_year"] = new_year.into();
        let text = serde_json::to_string_pretty(&edition).expect("JSON serialises");
        let new = content::load::load_with(&ward, vec![("edition.json".into(), text.into_bytes())])
            .map_err(|e| format!("{label}（新しい共通の内容で）: {e}"))?;
        out.push(WardChange { ward, old, new });
    }
    if out.is_empty() {
        return Err(format!(
            "{} を使う区の版が、同じフォルダ（{}）にありません",
            old_common.display(),
            parent.display()
        ));
    }
    Ok(out)
}

/// `new_common` as the ward's `edition.json` names it: beside the ward,
/// `../<name>`; else its absolute path.
fn relative(ward: &Path, new_common: &Path) -> String {
    let (w, n) = (ward.canonicalize().ok(), new_common.canonicalize().ok());
    match (w.as_deref().and_then(Path::parent), n.as_deref()) {
        (Some(wp), Some(n)) if n.parent() == Some(wp) => {
            format!("../{}", n.file_name().unwrap_or_default().to_string_lossy())
        }
        _ => new_common.display().to_string(),
    }
}

/// A JSON file, its byte-order mark allowed; the error in the clerk's words.
pub(crate) fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: {}", path.display(), crate::io_message::reason(&e)))?;
    serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "{}: JSON として読めません（{} 行 {} 列）",
            path.display(),
            e.line(),
            e.column()
        )
    })
}
