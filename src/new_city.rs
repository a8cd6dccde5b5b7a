//! Next year's editions for a whole city, in one command: `planpress new <city
//! folder>`. Each common folder gets its next version (its year counted up,
//! unless that version is there already), each ward's edition its next year's
//! (as `planpress new` makes it), naming the next common version.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common_change::{is_common, read_json};

/// What was made: (from, to) for each common folder, then each ward.
pub struct Made {
    pub common: Vec<(PathBuf, PathBuf, bool)>,
    pub wards: Vec<(PathBuf, PathBuf)>,
}

/// The folder for next year's version of `from`, beside it: its name with the
/// number at its end counted up (`midori-r7` → `midori-r8`), else `-next`.
pub fn next_name(from: &Path) -> PathBuf {
    let name = crate::content::load::folder_name(from);
    let parent = crate::content::folder_of(from);
    let stem = name.trim_end_matches(|c: char| c.is_ascii_digit());
    match name[stem.len()..].parse::<u32>() {
        Ok(n) => parent.join(format!("{stem}{}", n + 1)),
        Err(_) => parent.join(format!("{name}-next")),
    }
}

/// Make next year's common folders and editions for every ward in `city`.
/// Nothing is overwritten: a ward whose next folder exists stops the run
/// before anything is written.
pub fn next_city(city: &Path) -> Result<Made, String> {
    // The newest edition of each ward: one no other edition names as its previous.
    let all = crate::city::editions(city)?;
    let previous: Vec<PathBuf> = (all.iter())
        .filter_map(|w| crate::content::previous_named_in(w)?.canonicalize().ok())
        .collect();
    let wards: Vec<PathBuf> = (all.into_iter())
        .filter(|w| !w.canonicalize().is_ok_and(|c| previous.contains(&c)))
        .collect();
    let mut commons: Vec<PathBuf> = std::fs::read_dir(city)
        .map_err(|e| format!("{}: {}", city.display(), crate::io_message::reason(&e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_common(p))
        .collect();
    commons.sort();
    for w in &wards {
        let to = next_name(w);
        if to.exists() {
            return Err(format!(
                "{} の翌年度の版のフォルダ {} がすでにあります。何も作りませんでした。そのフォルダを移すか、区ごとに planpress new を使ってください",
                w.display(),
                to.display()
            ));
        }
    }
    let mut made = Made {
        common: Vec::new(),
        wards: Vec::new(),
    };
    for c in &commons {
        let to = next_name(c);
        let mut common = read_json(&c.join("common.json"))?;
        let year = common["fiscal_year"].as_i64().unwrap_or_default() + 1;
        if to.exists() {
            let there = read_json(&to.join("common.json"))?;
            if there["fiscal_year"].as_i64() != Some(year) {
                return Err(format!(
                    "{} はすでにありますが、{} 年度の共通の内容ではありません。何も作りませんでした",
                    to.display(),
                    year
                ));
            }
            made.common.push((c.clone(), to, false));
            continue;
        }
        common["fiscal_year"] = year.into();
        let mut files = vec![(
            "common.json".to_string(),
            (serde_json::to_string_pretty(&common).expect("JSON serialises") + "\n").into_bytes(),
        )];
        for entry in std::fs::read_dir(c).map_err(|e| e.to_string())?.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name != "common.json" && entry.path().is_file() {
                let bytes =
                    crate::fs::read_regular(&entry.path(), 16 << 20, crate::fs::Links::Content)
                        .map_err(|e| format!("{}: {e}", entry.path().display()))?;
                files.push((name, bytes));
            }
        }
        crate::fs::write_new_folder(&to, &files).map_err(|(p, e)| {
            format!(
                "{} に書き出せません: {}",
                p.display(),
                crate::io_message::reason(&e)
            )
        })?;
        made.common.push((c.clone(), to, true));
    }
    for w in &wards {
        let to = next_name(w);
        crate::new::next_edition(w, &to)
            .map_err(|e| format!("{}: {e}", crate::city::ward_label(w)))?;
        follow_common(w, &to, &made.common)?;
        made.wards.push((w.clone(), to));
    }
    Ok(made)
}

/// The new edition names the next version of the common folder this year's used.
fn follow_common(
    from: &Path,
    to: &Path,
    commons: &[(PathBuf, PathBuf, bool)],
) -> Result<(), String> {
    let path = to.join("edition.json");
    let read = std::fs::read(&path)
        .map_err(|e| format!("{}: {}", path.display(), crate::io_message::reason(&e)))?;
    let mut edition: Value =
        serde_json::from_slice(&read).map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(folder) = edition.pointer("/common/folder").and_then(Value::as_str) else {
        return Ok(());
    };
    let used = from.join(folder).canonicalize().ok();
    let Some((_, next, _)) = commons
        .iter()
        .find(|(c, _, _)| c.canonicalize().ok() == used)
    else {
        return Ok(());
    };
    let year = read_json(&next.join("common.json"))?["fiscal_year"].clone();
    edition["common"]["folder"] = format!("../{}", crate::content::load::folder_name(next)).into();
    edition["common"]["fiscal_year"] = year;
    let bytes = serde_json::to_string_pretty(&edition).expect("JSON serialises") + "\n";
    crate::fs::write_content(&path, Some(&read), bytes.as_bytes())
}
