//! Start next year's edition from this year's: `planpress new <FROM> <TO>`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::content::{self, date::Date};

/// Copy the edition in `from` to `to` for the next fiscal year and return the files written.
pub fn next_edition(from: &Path, to: &Path) -> Result<Vec<String>, String> {
    // Only a valid edition is a starting point.
    let source = content::load(from).map_err(|e| e.to_string())?;
    let abs = |p: &Path| {
        p.canonicalize()
            .unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p))
    };
    if abs(to).starts_with(abs(from)) {
        return Err(format!(
            "新しい版のフォルダ {} を、もとの版のフォルダの中に作ることはできません",
            to.display()
        ));
    }
    if to.exists()
        && fs::read_dir(to)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(format!(
            "{} はすでにあり、空ではありません。新しいフォルダ名を指定してください",
            to.display()
        ));
    }
    let kinds: Vec<_> = source
        .edition
        .chapters
        .iter()
        .chain(&source.edition.annex)
        .map(|r| (r.file.clone(), r.kind))
        .collect();
    let mut files = Vec::new();
    // The common folder stays where it is, shared: the new edition names it.
    let sources = (source.sources.iter()).filter(|(n, _)| !n.starts_with(content::COMMON_ATTACHED));
    for (name, bytes) in sources {
        let mut v: Value =
            serde_json::from_slice(strip_bom(bytes)).map_err(|e| format!("{name}: {e}"))?;
        if name == "edition.json" {
            next_year_edition(&mut v, &previous_ref(from, to));
            if let Some(common) = &source.common {
                v["common"]["folder"] = common_ref(to, &common.dir).into();
            }
        } else {
            match kinds.iter().find(|(f, _)| f == name).map(|(_, k)| *k) {
                Some(content::model::PartKind::Targets) => clear_results(&mut v),
                Some(content::model::PartKind::Results) => {
                    v["fiscal_year"] = source.edition.fiscal_year.into();
                    if let Some(rows) = v.get_mut("rows") {
                        *rows = Value::Array(Vec::new());
                    }
                }
                _ => {}
            }
        }
        let text = serde_json::to_string_pretty(&v).expect("JSON serialises") + "\n";
        files.push((name.clone(), text.into_bytes()));
    }
    // The house style of `planpress lint` goes on to the next year unchanged.
    let style = from.join(crate::lint::style::FILE);
    if style.symlink_metadata().is_ok() {
        let name = crate::lint::style::FILE;
        let bytes = crate::fs::read_regular(&style, 1 << 20, crate::fs::Links::Content)
            .map_err(|e| format!("{name}: {e}"))?;
        files.push((name.to_string(), bytes));
    }
    // All or nothing: a full disk leaves no half edition for the rerun to refuse.
    crate::fs::write_new_folder(to, &files).map_err(|(path, e)| {
        format!(
            "{} を作れません（{}）: {}\n新しい版のフォルダは作っていません。空きを作るか、書き込めるフォルダを指定して、もう一度実行してください",
            to.display(),
            path.display(),
            crate::io_message::reason(&e)
        )
    })?;
    Ok(files.into_iter().map(|(n, _)| n).collect())
}

fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)
}

/// How the new edition names the old one: its folder name when they are siblings.
fn previous_ref(from: &Path, to: &Path) -> String {
    let abs = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (from_abs, to_abs) = (abs(from), abs(to));
    if from_abs.parent() == to_abs.parent()
        && let Some(name) = from_abs.file_name()
    {
        return name.to_string_lossy().into_owned();
    }
    relative(&to_abs, &from_abs).display().to_string()
}

/// How the new edition in `to` names the common folder `dir`: relative to it.
fn common_ref(to: &Path, dir: &Path) -> String {
    let abs = |p: &Path| {
        (p.canonicalize()).unwrap_or_else(|_| std::env::current_dir().unwrap_or_default().join(p))
    };
    let parent = to.parent().filter(|p| !p.as_os_str().is_empty());
    let to = abs(parent.unwrap_or(Path::new("."))).join(to.file_name().unwrap_or_default());
    relative(&to, &abs(dir))
        .display()
        .to_string()
        .replace('\\', "/")
}

/// `target` relative to the folder `base`.
fn relative(base: &Path, target: &Path) -> PathBuf {
    let b: Vec<_> = base.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    out
}

fn next_year_edition(v: &mut Value, previous: &str) {
    if let Some(y) = v["fiscal_year"].as_i64() {
        v["fiscal_year"] = (y + 1).into();
    }
    advance_date(&mut v["published"]);
    advance_date(&mut v["policy"]["date"]);
    v["previous"] = previous.into();
}

fn advance_date(v: &mut Value) {
    if let Some(d) = v.as_str().and_then(|s| Date::parse(s).ok()) {
        let mut next = Date {
            year: d.year + 1,
            ..d
        };
        // 29 February becomes 28 February in a common year.
        if next.month == 2 && next.day == Some(29) && Date::parse(&next.to_string()).is_err() {
            next.day = Some(28);
        }
        *v = next.to_string().into();
    }
}

/// Keep each department's targets as a starting point; clear last year's results.
fn clear_results(v: &mut Value) {
    crate::content::holder_values_mut(v, |dep| {
        let targets = dep.get_mut("targets").and_then(Value::as_array_mut);
        for t in targets.into_iter().flatten() {
            if let Some(o) = t.as_object_mut() {
                o.shift_remove("result");
                o.shift_remove("status");
            }
        }
    });
}
