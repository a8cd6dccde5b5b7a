//! Reading an edition folder: every listed file, decoded, parsed, validated, with
//! every problem of every file reported together.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

use serde::de::DeserializeOwned;

use super::commas;
use super::decode::decode;
use super::error::{ContentError, ContentErrors};
use super::model::*;
use super::position::Lines;
use super::source::read_regular;
use super::spans::Spans;
use super::validate as rules;
use super::{Content, Part, describe, glyphs, limits, normal, required};

pub(crate) mod common;
mod missing;
mod part;
use part::load_part;

/// A read content file: its text, parsed value and value positions.
struct FileText {
    name: String,
    /// The text as the clerk wrote it.
    text: String,
    value: serde_json::Value,
    /// Positions in the text read: the clerk's, or with left-out commas put in.
    spans: Spans,
    /// Where left-out commas were put in (`commas::mend`), in the clerk's text.
    commas: Vec<usize>,
}

struct Loader {
    dir: PathBuf,
    /// Files read from here instead of the folder (a change not yet written).
    overrides: Vec<(String, Vec<u8>)>,
    sources: Vec<(String, Vec<u8>)>,
    files: Vec<FileText>,
    texts: Vec<(String, String)>,
    errors: Vec<ContentError>,
    /// (file, pointer) of each value set aside for a stand-in (`repair`).
    aside: Vec<(String, String)>,
}

impl Loader {
    /// Whether a value at `pointer` of `file` was set aside: the rules' findings
    /// about it are about the stand-in, not what the clerk wrote.
    fn set_aside(&self, file: &str, pointer: &str) -> bool {
        (self.aside.iter()).any(|(f, p)| f == file && super::repair::under(pointer, p))
    }

    fn error(&mut self, file: &str, message: impl Into<String>) {
        self.errors.push(ContentError::new(file, message));
    }

    fn read<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let path = self.dir.join(file);
        let overridden = self
            .overrides
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, b)| b.clone());
        let bytes = match overridden {
            Some(b) => b,
            None => self.read_file(file, &path)?,
        };
        self.parse(file, bytes)
    }

    fn read_file(&mut self, file: &str, path: &Path) -> Option<Vec<u8>> {
        if fs::symlink_metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
            let m = if file == "edition.json" && path.parent() == Some(self.dir.as_path()) {
                missing::no_edition_json(&self.dir)
            } else if normal::spelled_otherwise(&self.dir, file).is_some() {
                normal::FILE_STORED_OTHERWISE.to_string()
            } else {
                "ファイルがありません。edition.json に書かれたファイル名と、フォルダ内のファイル名を確かめてください".to_string()
            };
            self.error(file, m);
            return None;
        }
        match read_regular(path) {
            Ok(b) => Some(b),
            Err(m) => {
                self.error(file, m);
                None
            }
        }
    }

    fn parse<T: DeserializeOwned>(&mut self, file: &str, bytes: Vec<u8>) -> Option<T> {
        self.sources.push((file.to_string(), bytes.clone()));
        let text = match decode(&bytes) {
            Ok(t) => t,
            Err(m) => {
                self.error(file, m);
                return None;
            }
        };
        self.texts.push((file.to_string(), text.clone()));
        let spans = Spans::scan(&text);
        let (read, spans, commas, value) = match serde_json::from_str(&text) {
            Ok(v) => (text.clone(), spans, Vec::new(), v),
            Err(e) => {
                let m = commas::mend(file, &text, &spans, e);
                self.errors.extend(m.errors);
                let value = m.value?;
                let spans = Spans::scan(&m.text);
                (m.text, spans, m.commas, value)
            }
        };
        let (typed, mut errors, aside) = super::repair::typed::<T>(file, &read, &spans, &value);
        if !commas.is_empty() {
            errors
                .iter_mut()
                .for_each(|e| commas::place(e, &text, &commas));
        }
        self.errors.extend(errors);
        (self.aside).extend(aside.into_iter().map(|p| (file.to_string(), p)));
        self.files.push(FileText {
            name: file.to_string(),
            text,
            value,
            spans,
            commas,
        });
        typed
    }

    /// Give each error a position and an item name from its pointer or line.
    fn resolve(&mut self) {
        let lines: Vec<Lines> = self.files.iter().map(|f| Lines::new(&f.text)).collect();
        for e in &mut self.errors {
            let Some(i) = self.files.iter().position(|f| f.name == e.file) else {
                continue;
            };
            let f = &self.files[i];
            if e.span.is_none()
                && let Some(p) = &e.pointer
            {
                e.span = (f.spans.get(p)).map(|r| {
                    commas::original(r.start, &f.commas)..commas::original(r.end, &f.commas)
                });
                if e.item.is_none() {
                    e.item = Some(describe::describe(&f.value, p));
                }
            }
            if let Some(span) = &e.span
                && e.line.is_none()
            {
                // The column only for the problems shown (`columns`): on a file
                // of one long line each is a count of all characters before it.
                e.line = Some(lines[i].line(span.start));
            }
        }
    }
}

/// The column of each problem placed by its span (the shown ones: see `resolve`).
fn columns(files: &[FileText], errors: &mut [ContentError]) {
    for e in errors.iter_mut().filter(|e| e.column.is_none()) {
        if let (Some(span), Some(f)) = (&e.span, files.iter().find(|f| f.name == e.file)) {
            e.column = Some(super::position::line_col(&f.text, span.start).1);
        }
    }
}

/// Load and validate the edition in `dir`; all problems are reported together.
pub fn load(dir: &Path) -> Result<Content, ContentErrors> {
    validate(read(dir)?)
}

/// Load and validate the edition in `dir` as it would be with `changed` files
/// (name, bytes) in place of its own: a change checked before it is written.
pub fn load_with(dir: &Path, changed: Vec<(String, Vec<u8>)>) -> Result<Content, ContentErrors> {
    validate(read_with(dir, changed)?)
}

/// An edition's files, read and parsed, not yet checked against the document rules.
pub struct Read {
    loader: Loader,
    edition: Option<Edition>,
    chapters: Loaded,
    annex: Loaded,
    common: Option<super::CommonUse>,
}

/// The load stage: every file `edition.json` lists, decoded and parsed. Problems
/// found here are kept and reported with those `validate` finds.
pub fn read(dir: &Path) -> Result<Read, ContentErrors> {
    read_with(dir, Vec::new())
}

fn read_with(dir: &Path, overrides: Vec<(String, Vec<u8>)>) -> Result<Read, ContentErrors> {
    if !dir.is_dir() {
        return Err(ContentErrors {
            dir: dir.to_path_buf(),
            errors: vec![ContentError::new(
                &dir.display().to_string(),
                missing::no_folder(dir),
            )],
            more: 0,
            texts: Vec::new(),
            no_folder: true,
            previous: None,
        });
    }
    let mut loader = Loader {
        dir: dir.to_path_buf(),
        overrides,
        sources: Vec::new(),
        files: Vec::new(),
        texts: Vec::new(),
        errors: Vec::new(),
        aside: Vec::new(),
    };
    let mut edition = loader.read::<Edition>("edition.json");
    let (mut chapters, annex) = loader.read_parts(edition.as_ref());
    let common = common::apply(&mut loader, edition.as_mut(), &mut chapters);
    Ok(Read {
        loader,
        edition,
        chapters,
        annex,
        common,
    })
}

/// The validate stage: printable characters and the document rules; every problem
/// of every file together, or the edition.
pub fn validate(read: Read) -> Result<Content, ContentErrors> {
    let Read {
        mut loader,
        edition,
        chapters,
        annex,
        common,
    } = read;
    loader.scan_values();
    if let Some(edition) = edition {
        let complete =
            chapters.len() == edition.chapters.len() && annex.len() == edition.annex.len();
        let parts: Vec<(&str, &Part)> = chapters
            .iter()
            .chain(&annex)
            .map(|(f, p)| (f.as_str(), p))
            .collect();
        let unknown = |p: &str| loader.set_aside("edition.json", p);
        let known = rules::Known {
            scenes: !unknown("/scenes"),
            statuses: !unknown("/statuses"),
            year: !unknown("/fiscal_year"),
        };
        // A common value set aside is the common file's, seen in the ward's.
        let aside = |file: &str, p: &str| {
            loader.set_aside(file, p)
                || (common.as_ref()).is_some_and(|c| {
                    let (f, q) = c.source_of(file, p);
                    f != file && loader.set_aside(&f, &q)
                })
        };
        let mut found = rules::validate(&edition, &parts, complete, known, &aside);
        found.extend(required::edition(&edition));
        for f in &loader.files {
            found.extend(super::blocks::check(&f.name, &f.value, &parts));
        }
        for (file, part) in &parts {
            found.extend(required::part(file, part));
        }
        if known.year {
            found.extend(super::check_previous(&loader.dir, &edition));
        }
        if let Some(c) = &common {
            common::placed(c, &mut found);
        }
        // What the rules say of a stand-in is not the clerk's problem.
        found.retain(|e| !e.pointer.as_deref().is_some_and(|p| aside(&e.file, p)));
        loader.errors.extend(found);
        if loader.errors.is_empty() {
            return Ok(Content {
                name: folder_name(&loader.dir),
                dir: loader.dir,
                edition,
                chapters: chapters.into_iter().map(|(_, p)| p).collect(),
                annex: annex.into_iter().map(|(_, p)| p).collect(),
                sources: loader.sources,
                common,
            });
        }
    }
    Err(loader.into_errors())
}

/// The edition folder's name: `content/miyamae-r2` → `miyamae-r2`.
pub fn folder_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "edition".into())
}

type Loaded = Vec<(String, Part)>;

impl Loader {
    /// Every chapter and annex file `edition.json` lists. With a broken
    /// edition.json its file lists may still be readable: the other files are then
    /// checked too, so one run reports everything it can.
    fn read_parts(&mut self, edition: Option<&Edition>) -> (Loaded, Loaded) {
        let lists = match edition {
            Some(ed) => Some((ed.chapters.clone(), ed.annex.clone())),
            None => self.files.first().and_then(|f| {
                let list =
                    |k: &str| serde_json::from_value::<Vec<FileRef>>(f.value.get(k)?.clone()).ok();
                Some((list("chapters")?, list("annex")?))
            }),
        };
        let mut chapters = Vec::new();
        let mut annex = Vec::new();
        if let Some((chapter_refs, annex_refs)) = &lists {
            for (i, r) in chapter_refs.iter().enumerate() {
                chapters.extend(load_part(self, r, &format!("/chapters/{i}")));
            }
            for (i, r) in annex_refs.iter().enumerate() {
                annex.extend(load_part(self, r, &format!("/annex/{i}")));
            }
            let unlisted = rules::unlisted_files(&self.dir, chapter_refs, annex_refs);
            self.errors.extend(unlisted);
        }
        (chapters, annex)
    }

    /// Unprintable characters and passed limits (`limits`), in every parsed file.
    fn scan_values(&mut self) {
        let values = self.files.iter().map(|f| (&*f.name, &f.value));
        self.errors.extend(limits::check(values));
        for f in &self.files {
            for u in glyphs::scan(&f.value) {
                self.errors.push(
                    ContentError::new(
                        &f.name,
                        format!(
                            "{} は{}なので印刷できません（{}文字目）。別の字に置き換えるか、削除してください",
                            u.shown,
                            u.reason,
                            u.index + 1
                        ),
                    )
                    .at(u.pointer),
                );
            }
        }
    }

    /// The problems found, placed and sorted: file by file, then by line.
    fn into_errors(mut self) -> ContentErrors {
        self.resolve();
        let mut errors = self.errors;
        errors.sort_by(|a, b| {
            (file_order(&self.texts, &a.file), a.line)
                .cmp(&(file_order(&self.texts, &b.file), b.line))
        });
        let more = errors.len().saturating_sub(SHOWN);
        errors.truncate(SHOWN);
        columns(&self.files, &mut errors);
        ContentErrors {
            dir: self.dir,
            errors,
            more,
            texts: self.texts,
            no_folder: false,
            previous: None,
        }
    }
}

/// At most this many problems are shown; the rest are counted.
const SHOWN: usize = 100;

/// Errors are listed file by file in reading order, then by line.
fn file_order(texts: &[(String, String)], file: &str) -> usize {
    texts
        .iter()
        .position(|(f, _)| f == file)
        .unwrap_or(usize::MAX)
}
