//! Loading and validating an edition folder (`content/<edition>/`).

pub mod date;
pub mod model;
mod validate;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use model::*;

/// A loaded, validated edition.
#[derive(Debug, Clone)]
pub struct Content {
    /// The edition folder's name, e.g. `miyamae-r2`.
    pub name: String,
    pub dir: PathBuf,
    pub edition: Edition,
    pub chapters: Vec<Part>,
    pub annex: Vec<Part>,
    /// Every file read, in reading order: (name relative to the folder, bytes).
    pub sources: Vec<(String, Vec<u8>)>,
}

/// One chapter or annex item, typed by its kind.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Part {
    Principles(PrinciplesChapter),
    Sections(SectionsChapter),
    Targets(TargetsChapter),
    Regulation(Regulation),
    Roster(Roster),
    Memo(Memo),
    Results(Results),
}

/// One problem in the content, told to a clerk: which file, where, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file, relative to the edition folder (or the folder itself).
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The item in plain words, e.g. 「区民課 目標2」.
    pub item: Option<String>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, " {l}行{c}列")?;
        }
        if let Some(item) = &self.item {
            write!(f, "（{item}）")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// All problems found in one run.
#[derive(Debug, Clone)]
pub struct ContentErrors {
    pub dir: PathBuf,
    pub errors: Vec<ContentError>,
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "内容ファイルに {} 件の問題があります（{}）:",
            self.errors.len(),
            self.dir.display()
        )?;
        for e in &self.errors {
            writeln!(f, "- {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

struct Loader {
    dir: PathBuf,
    sources: Vec<(String, Vec<u8>)>,
    errors: Vec<ContentError>,
}

impl Loader {
    fn error(&mut self, file: &str, message: impl Into<String>) {
        self.errors.push(ContentError {
            file: file.to_string(),
            line: None,
            column: None,
            item: None,
            message: message.into(),
        });
    }

    fn read<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let path = self.dir.join(file);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.error(file, "ファイルがありません。edition.json に書かれたファイル名と、フォルダ内のファイル名を確かめてください");
                return None;
            }
            Err(e) => {
                self.error(file, format!("ファイルを読めません: {e}"));
                return None;
            }
        };
        self.sources.push((file.to_string(), bytes.clone()));
        let text = match decode(&bytes) {
            Ok(t) => t,
            Err(m) => {
                self.error(file, m);
                return None;
            }
        };
        match serde_json::from_str::<T>(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(json_error(file, &e));
                None
            }
        }
    }
}

/// Content files are UTF-8; a byte order mark (as Windows editors write it) is accepted.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err("ファイルが UTF-16 で保存されています。メモ帳などで「UTF-8」を選んで保存し直してください".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        "ファイルが UTF-8 ではありません（Shift_JIS で保存された可能性があります）。メモ帳などで「UTF-8」を選んで保存し直してください".to_string()
    })
}

/// A serde_json error as a clerk reads it.
fn json_error(file: &str, e: &serde_json::Error) -> ContentError {
    use serde_json::error::Category;
    let raw = e.to_string();
    // serde_json appends " at line L column C"; positions are reported separately.
    let detail = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m);
    let message = match e.classify() {
        Category::Syntax => format!(
            "JSON の書き方に誤りがあります（カンマ、引用符、括弧を確かめてください）: {detail}"
        ),
        Category::Eof => {
            "ファイルが途中で終わっています（閉じ括弧 } や ] が足りません）".to_string()
        }
        Category::Data => format!(
            "項目の内容が決まりと合いません: {}",
            translate_serde(detail)
        ),
        Category::Io => format!("ファイルを読めません: {detail}"),
    };
    ContentError {
        file: file.to_string(),
        line: Some(e.line()),
        column: Some(e.column()),
        item: None,
        message,
    }
}

fn translate_serde(detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        return format!("知らない項目名 {rest}");
    }
    if let Some(rest) = detail.strip_prefix("missing field ") {
        return format!("必要な項目 {rest} がありません");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        return format!("値の種類が違います（{rest}）");
    }
    detail.to_string()
}

/// Load and validate the edition in `dir`; all problems are reported together.
pub fn load(dir: &Path) -> Result<Content, ContentErrors> {
    let fail = |errors| ContentErrors {
        dir: dir.to_path_buf(),
        errors,
    };
    if !dir.is_dir() {
        return Err(fail(vec![ContentError {
            file: dir.display().to_string(),
            line: None,
            column: None,
            item: None,
            message: "版のフォルダが見つかりません。content/ の下のフォルダ名（例: content/miyamae-r2）を指定してください".into(),
        }]));
    }
    let mut loader = Loader {
        dir: dir.to_path_buf(),
        sources: Vec::new(),
        errors: Vec::new(),
    };
    let Some(edition) = loader.read::<Edition>("edition.json") else {
        return Err(fail(loader.errors));
    };
    let chapters = edition
        .chapters
        .iter()
        .filter_map(|r| load_part(&mut loader, r))
        .collect::<Vec<_>>();
    let annex = edition
        .annex
        .iter()
        .filter_map(|r| load_part(&mut loader, r))
        .collect::<Vec<_>>();
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "edition".into());
    let content = Content {
        name,
        dir: dir.to_path_buf(),
        edition,
        chapters,
        annex,
        sources: loader.sources,
    };
    let mut errors = loader.errors;
    if errors.is_empty() {
        errors.extend(validate::validate(&content));
    }
    if errors.is_empty() {
        Ok(content)
    } else {
        Err(fail(errors))
    }
}

fn load_part(loader: &mut Loader, r: &FileRef) -> Option<Part> {
    let f = r.file.as_str();
    if f.contains('/') || f.contains('\\') || !f.ends_with(".json") {
        loader.error(
            "edition.json",
            format!("ファイル名「{f}」は版のフォルダ直下の .json ファイル名にしてください"),
        );
        return None;
    }
    Some(match r.kind {
        PartKind::Principles => Part::Principles(loader.read(f)?),
        PartKind::Sections => Part::Sections(loader.read(f)?),
        PartKind::Targets => Part::Targets(loader.read(f)?),
        PartKind::Regulation => Part::Regulation(loader.read(f)?),
        PartKind::Roster => Part::Roster(loader.read(f)?),
        PartKind::Memo => Part::Memo(loader.read(f)?),
        PartKind::Results => Part::Results(loader.read(f)?),
    })
}

impl Content {
    /// Every department with its division, in document order.
    pub fn departments(&self) -> impl Iterator<Item = (&Division, &Department)> {
        self.chapters.iter().flat_map(|p| match p {
            Part::Targets(t) => t
                .divisions
                .iter()
                .flat_map(|d| d.departments.iter().map(move |dep| (d, dep)))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
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
