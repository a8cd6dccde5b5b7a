//! Loading and validating an edition folder (`content/<edition>/`).

pub mod blocks;
mod commas;
pub mod date;
pub(crate) mod decode;
mod describe;
mod diagnostic;
mod error;
pub mod glyphs;
mod holders;
pub mod limits;
pub mod load;
mod messages;
pub mod model;
pub mod normal;
mod position;
mod repair;
mod required;
pub mod source;
mod spans;
pub mod texts;
mod validate;

use std::path::{Path, PathBuf};

use model::*;

pub use diagnostic::SEVERITY;
pub use error::{ContentError, ContentErrors};
pub use holders::{Holder, Place, holder_values_mut, holders};
pub use load::common::{ATTACHED as COMMON_ATTACHED, FILE as COMMON_FILE, common_dir};
pub use load::{Read, load, read, validate};

/// A loaded, validated edition.
#[derive(Debug, Clone)]
pub struct Content {
    /// The edition folder's name, e.g. `miyamae-r2`.
    pub name: String,
    pub dir: PathBuf,
    pub edition: Edition,
    pub chapters: Vec<Part>,
    pub annex: Vec<Part>,
    /// Every file read, in reading order: (name relative to the folder, bytes;
    /// the common folder's under `common/`).
    pub sources: Vec<(String, Vec<u8>)>,
    /// The city's common layer, when `edition.json` names a common folder.
    pub common: Option<CommonUse>,
}

/// The common layer an edition uses, as applied in the load stage.
#[derive(Debug, Clone)]
pub struct CommonUse {
    /// The common folder.
    pub dir: PathBuf,
    /// `common.json` as messages name it, relative to the edition folder
    /// (`../city-common-r7/common.json`).
    pub file: String,
    pub fiscal_year: i32,
    /// What the ward overrides, a line each (`check` lists them as お知らせ).
    pub notices: Vec<String>,
    /// Where the common standards tables were put.
    pub placed: Vec<Placed>,
    /// Where the common principles and policy items were put.
    pub worded: Vec<Worded>,
    /// The fields of `edition.json` taken from the common file.
    pub fields: Vec<model::CommonField>,
}

/// The common items put first in a ward's list of principles or policy items.
#[derive(Debug, Clone)]
pub struct Worded {
    /// The ward's file and its list (`/principles`, `/sections/2/policy/items`).
    pub file: String,
    pub list: String,
    /// The list in the common file (`/principles`, `/policy`).
    pub common: String,
    /// The ward's overrides (`/common_principles/overrides`).
    pub overrides: String,
    /// How many items came from the common file.
    pub count: usize,
    /// (item, override, fields): a common item the ward rewords, its entry in
    /// the overrides and the fields that entry writes.
    pub overridden: Vec<(usize, usize, Vec<&'static str>)>,
}

/// The common tables put first in a section's `standard_tables`.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The sections file and the section's index in it.
    pub file: String,
    pub section: usize,
    /// How many tables came from the common file.
    pub tables: usize,
    /// (table, standard, override, fields): a common standard the ward
    /// overrides, the index of its entry in `common_standards.overrides`, and
    /// the fields that entry writes (the others stay the common file's).
    pub overridden: Vec<(usize, usize, usize, Vec<&'static str>)>,
}

impl CommonUse {
    /// A rule's message about a field taken from the common file, said of
    /// that file (「edition.json の scenes」 → 「../city-common-r7/common.json の scenes」).
    pub fn reword(&self, message: &str) -> String {
        let mut m = message.to_string();
        for f in &self.fields {
            let name = f.name();
            m = m.replace(
                &format!("edition.json の {name}"),
                &format!("{} の {name}", self.file),
            );
        }
        m
    }

    /// Where a value of the edition as loaded was written: `(file, pointer)`.
    /// The common tables are the common file's; the ward's own tables are
    /// where the ward wrote them, before the common ones were put in front.
    pub fn source_of(&self, file: &str, pointer: &str) -> (String, String) {
        let same = || (file.to_string(), pointer.to_string());
        for w in self.worded.iter().filter(|w| w.file == file) {
            let Some(rest) = pointer.strip_prefix(&format!("{}/", w.list)) else {
                continue;
            };
            let (k, tail) = rest.split_once('/').map_or((rest, ""), |(a, b)| (a, b));
            let Ok(k) = k.parse::<usize>() else {
                return same();
            };
            let tail = if tail.is_empty() {
                String::new()
            } else {
                format!("/{tail}")
            };
            if k >= w.count {
                return (
                    file.to_string(),
                    format!("{}/{}{tail}", w.list, k - w.count),
                );
            }
            let field = tail.trim_start_matches('/').split('/').next().unwrap_or("");
            if let Some((_, o, fields)) = w.overridden.iter().find(|x| x.0 == k)
                && (tail.is_empty() || fields.contains(&field))
            {
                return (file.to_string(), format!("{}/{o}{tail}", w.overrides));
            }
            return (self.file.clone(), format!("{}/{k}{tail}", w.common));
        }
        for p in self.placed.iter().filter(|p| p.file == file) {
            let head = format!("/sections/{}/standard_tables/", p.section);
            let Some(rest) = pointer.strip_prefix(&head) else {
                continue;
            };
            let (t, tail) = rest.split_once('/').unwrap_or((rest, ""));
            let Ok(t) = t.parse::<usize>() else {
                return same();
            };
            let tail = if tail.is_empty() {
                String::new()
            } else {
                format!("/{tail}")
            };
            if t >= p.tables {
                return (file.to_string(), format!("{head}{}{tail}", t - p.tables));
            }
            let standard = tail
                .strip_prefix("/standards/")
                .map(|r| r.split_once('/').map_or((r, ""), |(a, b)| (a, b)));
            if let Some((k, after)) = standard
                && let Ok(k) = k.parse::<usize>()
                && let Some((_, _, o, fields)) = p.overridden.iter().find(|x| (x.0, x.1) == (t, k))
                && (after.is_empty() || fields.contains(&after.split('/').next().unwrap_or("")))
            {
                let after = if after.is_empty() {
                    String::new()
                } else {
                    format!("/{after}")
                };
                return (
                    file.to_string(),
                    format!(
                        "/sections/{}/common_standards/overrides/{o}{after}",
                        p.section
                    ),
                );
            }
            return (self.file.clone(), format!("/standard_tables/{t}{tail}"));
        }
        same()
    }
}

/// One chapter or annex item, typed by its kind.
#[derive(Debug, Clone)]
pub enum Part {
    Principles(PrinciplesChapter),
    Sections(SectionsChapter),
    Targets(TargetsChapter),
    Free(FreeChapter),
    Regulation(Regulation),
    Roster(Roster),
    Memo(Memo),
    Results(Results),
}

impl Content {
    /// Every unit that holds targets (課, 担当), with its 部, in document order.
    pub fn departments(&self) -> std::vec::IntoIter<Holder> {
        (self.chapters.iter())
            .flat_map(|p| match p {
                Part::Targets(t) => holders(t),
                _ => Vec::new(),
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Where the previous edition is: an archived copy in `previous/` (as
    /// `planpress extract` writes it), else the folder `edition.json` names.
    pub fn previous_dir(&self) -> Option<PathBuf> {
        previous_dir(&self.dir, self.edition.previous.as_deref())
    }

    /// Every service standard, in document order.
    pub fn standards(&self) -> impl Iterator<Item = &Standard> {
        self.chapters.iter().flat_map(|p| match p {
            Part::Sections(c) => c
                .sections
                .iter()
                .flat_map(|s| s.standard_tables.iter().flat_map(|t| t.standards.iter()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    }
}

/// Why `text` does not read as a `T`, in `check`'s words, each problem placed
/// (for a file read outside an edition, such as `fmt`'s common.json).
pub fn problems_reading<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Vec<String> {
    let spans = spans::Spans::scan(text);
    let found = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => repair::typed::<T>(file, text, &spans, &value).1,
        Err(e) => vec![messages::json_error(file, text, &spans, None, &e)],
    };
    found.iter().map(ToString::to_string).collect()
}

/// A content file's text, decoded as loading decodes it.
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    decode::decode(bytes).ok()
}

/// Where the previous edition of the edition in `dir` is, when `previous` names
/// one (or an archived copy is in `previous/`).
fn previous_dir(dir: &Path, previous: Option<&str>) -> Option<PathBuf> {
    let archived = dir.join("previous");
    if archived.join("edition.json").is_file() {
        return Some(archived);
    }
    let path = Path::new(previous?);
    Some(if path.components().count() == 1 {
        folder_of(dir).join(path)
    } else {
        dir.join(path)
    })
}

/// The folder `dir` lies in: its parent, also for `.` or a path ending in `..`
/// (whose lexical parent is not the folder it lies in).
pub fn folder_of(dir: &Path) -> PathBuf {
    match (dir.file_name(), dir.parent()) {
        (Some(_), Some(p)) if !p.as_os_str().is_empty() => p.to_path_buf(),
        (Some(_), _) => PathBuf::from("."),
        (None, _) => dir.join(".."),
    }
}

/// The previous edition the edition in `dir` names, read from its `edition.json`
/// even when the edition does not load (for `watch`, which follows it anyway).
pub fn previous_named_in(dir: &Path) -> Option<PathBuf> {
    let bytes = source::read_regular(&dir.join("edition.json")).ok();
    let text = bytes.and_then(|b| decode::decode(&b).ok());
    let value: Option<serde_json::Value> = text.and_then(|t| serde_json::from_str(&t).ok());
    let named = value.as_ref().and_then(|v| v.get("previous")?.as_str());
    previous_dir(dir, named)
}

/// The city's common folder the edition in `dir` names (`common.folder` in its
/// `edition.json`, or an archived copy in `common/`), read without loading
/// the edition (`watch` follows it even while the edition does not load).
pub fn common_named_in(dir: &Path) -> Option<PathBuf> {
    let folder = common_folder_in(dir)?;
    Some(load::common::common_dir(dir, &folder))
}

/// The common file the edition in `dir` names, as messages name it
/// (`../city-common-r7/common.json`), when it is there.
pub fn common_file_named_in(dir: &Path) -> Option<String> {
    let folder = common_folder_in(dir)?;
    let path = load::common::common_dir(dir, &folder).join(load::common::FILE);
    path.is_file().then(|| load::common::shown(dir, &folder))
}

fn common_folder_in(dir: &Path) -> Option<String> {
    let bytes = source::read_regular(&dir.join("edition.json")).ok();
    let text = bytes.and_then(|b| decode::decode(&b).ok());
    let value: Option<serde_json::Value> = text.and_then(|t| serde_json::from_str(&t).ok());
    let folder = value.as_ref()?.get("common")?.get("folder")?.as_str()?;
    if folder.trim().is_empty() || Path::new(folder).has_root() {
        return None;
    }
    Some(folder.to_string())
}

/// The previous edition must be another folder, for an earlier year. (A folder
/// that is not there is a warning of the build, not a content error.)
fn check_previous(dir: &Path, ed: &Edition) -> Option<ContentError> {
    let named = ed.previous.as_deref();
    let named = named.filter(|p| !p.trim().is_empty() && !Path::new(p).has_root())?;
    let prev = previous_dir(dir, Some(named))?;
    let at = |m: String| Some(ContentError::new("edition.json", m).at("/previous"));
    if dir.canonicalize().ok()? == prev.canonicalize().ok()? {
        return at("previous にこの版自身のフォルダが書かれています。前年度の版のフォルダ名を書いてください".into());
    }
    let bytes = source::read_regular(&prev.join("edition.json")).ok()?;
    let value: serde_json::Value = serde_json::from_str(&decode::decode(&bytes).ok()?).ok()?;
    let year = value.get("fiscal_year")?.as_i64()?;
    (year >= i64::from(ed.fiscal_year)).then_some(())?;
    at(format!(
        "previous の版（{named}）の年度 {year} が、この版の年度 {} と同じか後になっています。前年度の版のフォルダ名を書いてください",
        ed.fiscal_year
    ))
}
