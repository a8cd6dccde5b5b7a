//! Loading and validating an edition folder (`content/<edition>/`).

pub mod date;
mod describe;
mod diagnostic;
pub mod glyphs;
pub mod model;
mod spans;
mod validate;

use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use model::*;
use spans::Spans;

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
    /// Where in the file, as a JSON pointer, when the problem is about one value.
    pub pointer: Option<String>,
    /// Byte range in the file, once resolved.
    pub span: Option<Range<usize>>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The item in plain words, e.g. 「区民課 目標2 の本文」.
    pub item: Option<String>,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_string(),
            pointer: None,
            span: None,
            line: None,
            column: None,
            item: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    pub fn item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }
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

/// All problems found in one run, with the texts of the files to show them in.
#[derive(Debug, Clone)]
pub struct ContentErrors {
    pub dir: PathBuf,
    pub errors: Vec<ContentError>,
    /// (file, text) of every file that could be read as text.
    pub texts: Vec<(String, String)>,
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl ContentErrors {
    /// The report a clerk reads: each problem with the offending line of its file,
    /// coloured for a terminal when `color` is set.
    pub fn render(&self, color: bool) -> String {
        diagnostic::render(self, color)
    }
}

impl std::error::Error for ContentErrors {}

/// A read content file: its text, parsed value and value positions.
struct FileText {
    name: String,
    text: String,
    value: serde_json::Value,
    spans: Spans,
}

struct Loader {
    dir: PathBuf,
    sources: Vec<(String, Vec<u8>)>,
    files: Vec<FileText>,
    texts: Vec<(String, String)>,
    errors: Vec<ContentError>,
}

impl Loader {
    fn error(&mut self, file: &str, message: impl Into<String>) {
        self.errors.push(ContentError::new(file, message));
    }

    fn read<T: DeserializeOwned>(&mut self, file: &str) -> Option<T> {
        let path = self.dir.join(file);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.error(
                    file,
                    "ファイルがありません。edition.json に書かれたファイル名と、フォルダ内のファイル名を確かめてください",
                );
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
        self.texts.push((file.to_string(), text.clone()));
        let spans = Spans::scan(&text);
        let value: serde_json::Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                self.errors.push(json_error(file, &text, &spans, None, &e));
                return None;
            }
        };
        let typed = serde_json::from_str::<T>(&text);
        if let Err(e) = &typed {
            self.errors
                .push(json_error(file, &text, &spans, Some(&value), e));
        }
        self.files.push(FileText {
            name: file.to_string(),
            text,
            value,
            spans,
        });
        typed.ok()
    }

    /// Give each error a position and an item name from its pointer or line.
    fn resolve(&mut self) {
        for e in &mut self.errors {
            let Some(f) = self.files.iter().find(|f| f.name == e.file) else {
                continue;
            };
            if e.span.is_none()
                && let Some(p) = &e.pointer
            {
                e.span = f.spans.get(p);
                if e.item.is_none() {
                    e.item = Some(describe::describe(&f.value, p));
                }
            }
            if let Some(span) = &e.span
                && e.line.is_none()
            {
                let (l, c) = line_col(&f.text, span.start);
                e.line = Some(l);
                e.column = Some(c);
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..floor_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (columns as serde_json counts them: bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    floor_boundary(text, start + column.saturating_sub(1))
}

/// The nearest character boundary at or before `offset` (serde_json may point
/// inside a multi-byte character, e.g. at the end of a truncated Japanese string).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut o = offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// The end of the character that starts at `offset` (a one-character span).
fn next_boundary(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

const RESAVE: &str =
    "メモ帳などで開き、「名前を付けて保存」で文字コード「UTF-8」を選んで保存し直してください";

/// Content files are UTF-8; a byte order mark and CRLF line ends (as Windows editors
/// write them) are accepted. Other encodings are named, never silently misread.
fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (bytes[1] == 0 && bytes[3] == 0 || bytes[0] == 0 && bytes[2] == 0));
    if utf16 {
        return Err(format!("ファイルが UTF-16 で保存されています。{RESAVE}"));
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Ok(s),
        Err(_) if is_shift_jis(bytes) => Err(format!(
            "ファイルが Shift_JIS（CP932）で保存されています。このままでは文字化けするので読み込みません。{RESAVE}"
        )),
        Err(e) => Err(format!(
            "ファイルが UTF-8 ではありません（{}バイト目から読めません）。{RESAVE}",
            e.utf8_error().valid_up_to() + 1
        )),
    }
}

/// Whether `bytes` is well-formed Shift_JIS (CP932) with at least one double-byte character.
fn is_shift_jis(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut double = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => {
                let Some(&t) = bytes.get(i + 1) else {
                    return false;
                };
                if !matches!(t, 0x40..=0x7E | 0x80..=0xFC) {
                    return false;
                }
                double += 1;
                i += 2;
            }
            _ => return false,
        }
    }
    double > 0
}

/// A serde_json error as a clerk reads it.
fn json_error(
    file: &str,
    text: &str,
    spans: &Spans,
    value: Option<&serde_json::Value>,
    e: &serde_json::Error,
) -> ContentError {
    use serde_json::error::Category;
    let raw = e.to_string();
    // serde_json appends " at line L column C"; positions are reported separately.
    let detail = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(m, _)| m);
    let message = match e.classify() {
        Category::Syntax => format!(
            "JSON の書き方に誤りがあります（{}）。この位置の直前のカンマ「,」、引用符「\"」、括弧を確かめてください",
            syntax_words(detail)
        ),
        Category::Eof => "ファイルが途中で終わっています。閉じ括弧「}」や「]」、引用符「\"」が足りないか、ファイルの後ろが消えています".to_string(),
        Category::Data => data_words(detail),
        Category::Io => format!("ファイルを読めません: {detail}"),
    };
    let offset = offset_of(text, e.line(), e.column());
    let mut err = ContentError::new(file, message);
    err.line = Some(e.line());
    err.column = Some(line_col(text, offset).1);
    err.span = Some(offset..next_boundary(text, offset));
    if let (Some(v), Some((pointer, range))) = (value, spans.at(offset))
        && !pointer.is_empty()
    {
        err.item = Some(describe::describe(v, pointer));
        // A value of the wrong kind: underline the whole value.
        if e.classify() == Category::Data
            && !detail.starts_with("missing field")
            && !detail.starts_with("unknown field")
        {
            let (l, c) = line_col(text, range.start);
            err.line = Some(l);
            err.column = Some(c);
            err.span = Some(range);
        }
    }
    err
}

fn syntax_words(detail: &str) -> String {
    match detail {
        d if d.starts_with("expected `,` or `}`") => {
            "「,」か「}」があるはずの所に別の文字があります".into()
        }
        d if d.starts_with("expected `,` or `]`") => {
            "「,」か「]」があるはずの所に別の文字があります".into()
        }
        d if d.starts_with("expected `:`") => "項目名の後に「:」がありません".into(),
        d if d.starts_with("expected value") => "値があるはずの所に別の文字があります".into(),
        d if d.starts_with("trailing comma") => "最後の項目の後に余分な「,」があります".into(),
        d if d.starts_with("key must be a string") => "項目名が「\"」で囲まれていません".into(),
        d if d.starts_with("control character") => {
            "文字列の中に改行やタブがそのまま入っています（改行は \\n と書きます）".into()
        }
        d if d.starts_with("trailing characters") => {
            "JSON の終わりの後に余分な文字があります".into()
        }
        d if d.starts_with("invalid escape") => {
            "「\\」の後の文字が正しくありません（\\ を書くときは \\\\ と書きます）".into()
        }
        d => d.to_string(),
    }
}

fn data_words(detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (key, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        let mut m = format!("項目名「{key}」は使えません。");
        if let Some(near) = nearest(key, &allowed) {
            m.push_str(&format!("「{near}」の書き間違いではありませんか。"));
        }
        if !allowed.is_empty() {
            m.push_str(&format!("ここで使える項目名: {}", allowed.join(", ")));
        }
        return m;
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`');
        return format!("必要な項目「{key}」がありません。\"{key}\": … を加えてください");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "値の種類が違います（{}が書かれていますが、ここには{}を書きます）",
            type_word(found),
            type_word(expected)
        );
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (v, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        return format!(
            "「{v}」は使えません。次のどれかにしてください: {}",
            allowed.join(", ")
        );
    }
    if detail.contains("untagged enum Paragraph") || detail.contains("untagged enum Inline") {
        return "段落は文字列で書くか、文字列と {\"ref\": \"target_pages\"} を並べた配列で書いてください".into();
    }
    if detail.contains("untagged enum Achievement") {
        return "実績は文字列か、{\"text\": …, \"detail\": …} の形で書いてください".into();
    }
    if detail.starts_with("invalid value: integer") {
        return "番号や年には 0 以上の整数を書いてください".into();
    }
    detail.to_string()
}

fn type_word(t: &str) -> String {
    let t = t.trim();
    match t {
        _ if t.starts_with("a string") || t.starts_with("string") => {
            "文字列（\"…\" で囲んだ文）".into()
        }
        _ if t.starts_with("integer") || t.starts_with("u32") || t.starts_with("i32") => {
            "数".into()
        }
        _ if t.starts_with("a sequence") || t == "sequence" => "配列（[ … ]）".into(),
        _ if t.starts_with("struct") || t == "map" || t.starts_with("a map") => {
            "項目のまとまり（{ … }）".into()
        }
        _ if t.starts_with("boolean") => "true/false".into(),
        _ if t.starts_with("null") => "null".into(),
        _ if t.starts_with("floating point") => "小数".into(),
        _ => t.to_string(),
    }
}

/// The allowed name closest to a mistyped one, if it is close enough to be a typo.
fn nearest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|a| (levenshtein(key, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min()
        .map(|(_, a)| a)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Load and validate the edition in `dir`; all problems are reported together.
pub fn load(dir: &Path) -> Result<Content, ContentErrors> {
    if !dir.is_dir() {
        return Err(ContentErrors {
            dir: dir.to_path_buf(),
            errors: vec![ContentError::new(
                &dir.display().to_string(),
                "版のフォルダが見つかりません。content/ の下のフォルダ名（例: content/miyamae-r2）を指定してください",
            )],
            texts: Vec::new(),
        });
    }
    let mut loader = Loader {
        dir: dir.to_path_buf(),
        sources: Vec::new(),
        files: Vec::new(),
        texts: Vec::new(),
        errors: Vec::new(),
    };
    let edition = loader.read::<Edition>("edition.json");
    // With a broken edition.json, its file lists may still be readable: the other
    // files are then checked too, so one run reports everything it can.
    let lists = match &edition {
        Some(ed) => Some((ed.chapters.clone(), ed.annex.clone())),
        None => loader.files.first().and_then(|f| {
            let list =
                |k: &str| serde_json::from_value::<Vec<FileRef>>(f.value.get(k)?.clone()).ok();
            Some((list("chapters")?, list("annex")?))
        }),
    };
    let mut chapters = Vec::new();
    let mut annex = Vec::new();
    if let Some((chapter_refs, annex_refs)) = &lists {
        for (i, r) in chapter_refs.iter().enumerate() {
            chapters.extend(load_part(&mut loader, r, &format!("/chapters/{i}")));
        }
        for (i, r) in annex_refs.iter().enumerate() {
            annex.extend(load_part(&mut loader, r, &format!("/annex/{i}")));
        }
        loader
            .errors
            .extend(validate::unlisted_files(dir, chapter_refs, annex_refs));
    }
    // Characters the fonts cannot print, in every file that parsed.
    for f in &loader.files {
        for u in glyphs::scan(&f.value) {
            loader.errors.push(
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
    if let Some(edition) = edition {
        let complete =
            chapters.len() == edition.chapters.len() && annex.len() == edition.annex.len();
        let parts: Vec<(&str, &Part)> = chapters
            .iter()
            .chain(&annex)
            .map(|(f, p)| (f.as_str(), p))
            .collect();
        loader
            .errors
            .extend(validate::validate(&edition, &parts, complete));
        if loader.errors.is_empty() {
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "edition".into());
            return Ok(Content {
                name,
                dir: dir.to_path_buf(),
                edition,
                chapters: chapters.into_iter().map(|(_, p)| p).collect(),
                annex: annex.into_iter().map(|(_, p)| p).collect(),
                sources: loader.sources,
            });
        }
    }
    loader.resolve();
    let mut errors = loader.errors;
    errors.sort_by(|a, b| {
        (file_order(&loader.texts, &a.file), a.line)
            .cmp(&(file_order(&loader.texts, &b.file), b.line))
    });
    Err(ContentErrors {
        dir: dir.to_path_buf(),
        errors,
        texts: loader.texts,
    })
}

/// Errors are listed file by file in reading order, then by line.
fn file_order(texts: &[(String, String)], file: &str) -> usize {
    texts
        .iter()
        .position(|(f, _)| f == file)
        .unwrap_or(usize::MAX)
}

fn load_part(loader: &mut Loader, r: &FileRef, pointer: &str) -> Option<(String, Part)> {
    let f = r.file.as_str();
    if f.contains('/') || f.contains('\\') || !f.ends_with(".json") {
        loader.errors.push(
            ContentError::new(
                "edition.json",
                format!(
                    "ファイル名「{f}」は、版のフォルダの中にある .json ファイルの名前にしてください"
                ),
            )
            .at(format!("{pointer}/file")),
        );
        return None;
    }
    let part = match r.kind {
        PartKind::Principles => Part::Principles(loader.read(f)?),
        PartKind::Sections => Part::Sections(loader.read(f)?),
        PartKind::Targets => Part::Targets(loader.read(f)?),
        PartKind::Regulation => Part::Regulation(loader.read(f)?),
        PartKind::Roster => Part::Roster(loader.read(f)?),
        PartKind::Memo => Part::Memo(loader.read(f)?),
        PartKind::Results => Part::Results(loader.read(f)?),
    };
    Some((f.to_string(), part))
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

    /// Texts not yet supplied, marked as gaps in the content: (file, what, note).
    pub fn gaps(&self) -> Vec<(String, String, String)> {
        let files = self
            .edition
            .chapters
            .iter()
            .chain(&self.edition.annex)
            .map(|r| r.file.clone());
        let mut out = Vec::new();
        for (file, part) in files.zip(self.chapters.iter().chain(&self.annex)) {
            let mut push = |what: String, gap: &Option<String>| {
                if let Some(g) = gap {
                    out.push((file.clone(), what, g.clone()));
                }
            };
            match part {
                Part::Sections(c) => {
                    for s in &c.sections {
                        if let Some(p) = &s.pdca {
                            push(
                                format!("{} {} のPDCAサイクルの図", s.number, s.title),
                                &p.gap,
                            );
                        }
                    }
                }
                Part::Regulation(r) => push(r.title.clone(), &r.gap),
                Part::Roster(r) => push(r.title.clone(), &r.gap),
                Part::Memo(m) => push(m.title.clone(), &m.gap),
                Part::Results(r) => push(r.title.clone(), &r.gap),
                _ => {}
            }
        }
        out
    }

    /// Where the previous edition is: an archived copy in `previous/` (as
    /// `planpress extract` writes it), else the folder `edition.json` names.
    pub fn previous_dir(&self) -> Option<PathBuf> {
        let archived = self.dir.join("previous");
        if archived.join("edition.json").is_file() {
            return Some(archived);
        }
        let name = self.edition.previous.as_deref()?;
        let path = Path::new(name);
        Some(if path.components().count() == 1 {
            self.dir.parent().unwrap_or(Path::new(".")).join(path)
        } else {
            self.dir.join(path)
        })
    }

    /// Generate the results annex from the previous edition's targets and results
    /// (its marked gap stays when there is no previous edition).
    pub fn fill_results(&mut self, previous: &Content) {
        let rows: Vec<ResultRow> = previous
            .departments()
            .flat_map(|(_, d)| {
                d.targets.iter().map(|t| ResultRow {
                    department: d.short_name.clone(),
                    number: t.number,
                    target: t.text.clone(),
                    result: t.result.clone(),
                    status: t.status,
                })
            })
            .collect();
        for part in &mut self.annex {
            if let Part::Results(r) = part
                && r.rows.is_empty()
            {
                r.fiscal_year = previous.edition.fiscal_year;
                r.rows = rows.clone();
                r.gap = None;
            }
        }
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
