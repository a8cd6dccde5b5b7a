//! The minijinja environment that turns an edition into Typst source.
//!
//! Escaping is the environment's default: every `{{ value }}` in a `.typ.j2`
//! template goes through [`typst_formatter`], which escapes it as Typst markup.
//! Content can therefore never run Typst code. Values needed in code position
//! (labels, strings to compare) use the `str` filter, which emits a Typst string
//! literal; used without it, a value is escaped markup and at worst a syntax error.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use crate::content::Content;
use crate::content::date::{Date, fiscal_year_wareki};

/// The layout files, embedded in the binary.
const EMBEDDED: &[(&str, &str)] = &[
    ("main.typ.j2", include_str!("../templates/main.typ.j2")),
    ("macros.typ.j2", include_str!("../templates/macros.typ.j2")),
    ("style.typ", include_str!("../templates/style.typ")),
];

/// The web edition's files, embedded in the binary (a second template set with
/// minijinja's HTML auto-escaping).
const WEB: &[(&str, &str)] = &[
    (
        "index.html.j2",
        include_str!("../templates/web/index.html.j2"),
    ),
    ("style.css", include_str!("../templates/web/style.css")),
];

/// Where the layout comes from: the binary, or a folder for layout work.
#[derive(Debug, Clone, Default)]
pub enum Templates {
    #[default]
    Embedded,
    Dir(PathBuf),
}

impl Templates {
    /// All layout files: (name, text). `.typ.j2` are templates, `.typ` static modules.
    pub fn files(&self) -> Result<Vec<(String, String)>, String> {
        match self {
            Templates::Embedded => Ok(EMBEDDED
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect()),
            Templates::Dir(dir) => read_dir_templates(dir),
        }
    }
}

fn read_dir_templates(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let entries = fs::read_dir(dir)
        .map_err(|e| format!("テンプレートのフォルダ {} を開けません: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // Only plain names Typst can address (letters, digits, - _ .).
        let plain = name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            && !name.starts_with('.');
        if plain && (name.ends_with(".typ.j2") || name.ends_with(".typ")) {
            let text = fs::read_to_string(&path)
                .map_err(|e| format!("テンプレート {} を読めません: {e}", path.display()))?;
            files.push((name.to_string(), text));
        }
    }
    files.sort();
    if !files.iter().any(|(n, _)| n == "main.typ.j2") {
        return Err(format!(
            "テンプレートのフォルダ {} に main.typ.j2 がありません",
            dir.display()
        ));
    }
    Ok(files)
}

/// The generated Typst project: `main.typ` and the static modules beside it.
#[derive(Debug, Clone)]
pub struct Generated {
    pub main: String,
    pub modules: Vec<(String, String)>,
}

/// Escape a string so that Typst markup prints it literally.
pub fn escape_markup(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' | '#' | '$' | '*' | '_' | '`' | '<' | '>' | '@' | '[' | ']' | '{' | '}' | '='
            | '+' | '-' | '/' | '~' | '"' | '\'' | '.' | ':' => {
                out.push('\\');
                out.push(c);
            }
            // A source newline would print as a space between Japanese characters
            // or end the paragraph; a line break inside a value is a forced break.
            // Every character Typst reads as a line end (typst-syntax's is_newline).
            '\n' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                out.push_str("#linebreak();")
            }
            '\r' => {}
            '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// A Typst string literal for code position.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The one chokepoint: every printed value is escaped as Typst markup, unless a
/// filter of this module marked it safe.
fn typst_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    // The web edition's templates use minijinja's own HTML escaping.
    if !matches!(state.auto_escape(), AutoEscape::Custom(_)) {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_safe() {
        return write!(out, "{value}").map_err(Error::from);
    }
    let text = match value.kind() {
        minijinja::value::ValueKind::Undefined | minijinja::value::ValueKind::None => {
            return Err(Error::new(
                ErrorKind::UndefinedError,
                "テンプレートが値のない項目を出力しようとしました",
            ));
        }
        minijinja::value::ValueKind::Bool => {
            if value.is_true() {
                "true".into()
            } else {
                "false".into()
            }
        }
        _ => value.to_string(),
    };
    let mut escaped = String::with_capacity(text.len());
    escape_markup(&text, &mut escaped);
    out.write_str(&escaped).map_err(Error::from)
}

fn filter_str(value: Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(Value::from_safe_string("none".into()));
    }
    Ok(Value::from_safe_string(string_literal(&value.to_string())))
}

fn filter_wareki(value: String) -> Result<String, Error> {
    Date::parse(&value)
        .map(|d| d.wareki())
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, e))
}

fn filter_nendo(year: i32) -> String {
    fiscal_year_wareki(year)
}

/// A Typst `datetime(..)` for a content date (the first of the month if no day).
fn filter_datetime(value: String) -> Result<Value, Error> {
    let d = Date::parse(&value).map_err(|e| Error::new(ErrorKind::InvalidOperation, e))?;
    Ok(Value::from_safe_string(format!(
        "datetime(year: {}, month: {}, day: {})",
        d.year,
        d.month,
        d.day.unwrap_or(1)
    )))
}

pub fn environment(files: &[(String, String)]) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".typ.j2") {
            AutoEscape::Custom("typst".into())
        } else if name.ends_with(".html.j2") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(typst_formatter);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.add_filter("str", filter_str);
    env.add_filter("wareki", filter_wareki);
    env.add_filter("nendo", filter_nendo);
    env.add_filter("datetime", filter_datetime);
    for (name, text) in files {
        if name.ends_with(".typ.j2") {
            env.add_template_owned(name.clone(), mark_lines(name, text))?;
        } else if name.ends_with(".html.j2") {
            env.add_template_owned(name.clone(), text.clone())?;
        }
    }
    Ok(env)
}

/// The comment that ties a line of generated source to its template line.
pub const MARKER: &str = "// @template ";

/// Append a marker comment to each template line that starts a Typst call or
/// heading, so a Typst error in the generated source can name the template line.
/// Lines with template tags are left alone, and text lines too (a comment there
/// could change a paragraph's spacing).
fn mark_lines(name: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let code = body.trim_start();
        if code.starts_with('#')
            && !body.contains("{%")
            && !body.contains("{#")
            && !body.contains("//")
        {
            out.push_str(body);
            out.push_str(&format!(" {MARKER}{name}:{}", i + 1));
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Where a line of generated `main.typ` came from: the nearest marker at or above it.
pub fn template_origin(generated: &str, line: usize) -> Option<String> {
    generated
        .lines()
        .take(line + 1)
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .find_map(|l| l.split_once(MARKER).map(|(_, at)| at.trim().to_string()))
}

/// Render an edition: `main.typ` from `main.typ.j2`, plus the static `.typ` modules.
pub fn render(
    content: &Content,
    attachments: &[String],
    draft: Option<&crate::Draft>,
    templates: &Templates,
) -> Result<Generated, RenderError> {
    let files = templates.files().map_err(RenderError::Templates)?;
    let env = environment(&files).map_err(RenderError::from_minijinja)?;
    let main = env
        .get_template("main.typ.j2")
        .and_then(|t| t.render(context(content, attachments, draft)))
        .map_err(RenderError::from_minijinja)?;
    let modules = files
        .into_iter()
        .filter(|(n, _)| n.ends_with(".typ") && !n.ends_with(".typ.j2"))
        .collect();
    Ok(Generated { main, modules })
}

/// What every template set sees of the content.
fn base_context(content: &Content) -> BTreeMap<&'static str, Value> {
    let mut ctx = BTreeMap::new();
    ctx.insert("edition", Value::from(Serde(&content.edition)));
    ctx.insert("name", Value::from(content.name.clone()));
    ctx.insert("chapters", Value::from(Serde(&content.chapters)));
    ctx.insert("annex", Value::from(Serde(&content.annex)));
    ctx
}

fn context(content: &Content, attachments: &[String], draft: Option<&crate::Draft>) -> Value {
    let mut ctx = base_context(content);
    ctx.insert("attachments", Value::from(Serde(attachments)));
    ctx.insert("draft", Value::from(Serde(draft)));
    // The keys of new or changed items, for change bars (empty unless a draft).
    let changed: Vec<&str> = draft
        .iter()
        .flat_map(|d| d.changes.iter())
        .map(|c| c.key.as_str())
        .collect();
    ctx.insert("changed", Value::from(Serde(&changed)));
    Value::from(ctx)
}

/// The web edition: `index.html`, its stylesheet and the fonts it uses.
pub fn render_web(content: &Content) -> Result<Vec<(String, Vec<u8>)>, RenderError> {
    let files: Vec<(String, String)> = WEB
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let env = environment(&files).map_err(RenderError::from_minijinja)?;
    let mut ctx = base_context(content);
    // 「別掲（P10～P15）」 becomes a link to the target chapter.
    let targets = content
        .chapters
        .iter()
        .position(|p| matches!(p, crate::content::Part::Targets(_)));
    let title = match targets.map(|i| &content.chapters[i]) {
        Some(crate::content::Part::Targets(t)) => t.title.clone(),
        _ => String::new(),
    };
    ctx.insert(
        "targets_anchor",
        Value::from(format!("chapter-{}", targets.map_or(0, |i| i + 1))),
    );
    ctx.insert("targets_title", Value::from(title));
    let html = env
        .get_template("index.html.j2")
        .and_then(|t| t.render(Value::from(ctx)))
        .map_err(RenderError::from_minijinja)?;
    let css = files
        .into_iter()
        .find(|(n, _)| n == "style.css")
        .map(|(_, t)| t)
        .unwrap_or_default();
    let mut out = vec![
        ("index.html".to_string(), html.into_bytes()),
        ("style.css".to_string(), css.into_bytes()),
    ];
    for (name, data) in crate::fonts::FONT_FILES
        .iter()
        .filter(|(n, _)| n.starts_with("BIZUDGothic"))
    {
        out.push((format!("fonts/{name}"), data.to_vec()));
    }
    out.push((
        "fonts/OFL.txt".into(),
        include_bytes!("../fonts/OFL.txt").to_vec(),
    ));
    Ok(out)
}

/// A defect of the layout templates, not of the content.
#[derive(Debug)]
pub enum RenderError {
    Templates(String),
    Template {
        name: Option<String>,
        line: Option<usize>,
        detail: String,
    },
}

impl RenderError {
    fn from_minijinja(e: Error) -> Self {
        let mut detail = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            detail.push_str(&format!("\n  原因: {s}"));
            source = s.source();
        }
        RenderError::Template {
            name: e.name().map(str::to_string),
            line: e.line(),
            detail,
        }
    }
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Templates(m) => write!(f, "{m}"),
            RenderError::Template { name, line, detail } => {
                write!(
                    f,
                    "テンプレートの不具合です（内容ファイルの誤りではありません）"
                )?;
                if let Some(n) = name {
                    write!(f, ": templates/{n}")?;
                    if let Some(l) = line {
                        write!(f, " {l}行目")?;
                    }
                }
                write!(f, "\n  {detail}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_end_survives_escaping() {
        let mut out = String::new();
        escape_markup("a\nb\u{2028}c\u{2029}d\u{85}e\u{b}f\u{c}g\r\nh", &mut out);
        assert!(!out.chars().any(typst::syntax::is_newline), "{out:?}");
    }

    #[test]
    fn escapes_every_markup_character() {
        let mut out = String::new();
        escape_markup(
            "#read(\"/etc/passwd\") $x$ *a* _b_ <c> @d [e] \\ // f",
            &mut out,
        );
        assert_eq!(
            out,
            "\\#read(\\\"\\/etc\\/passwd\\\") \\$x\\$ \\*a\\* \\_b\\_ \\<c\\> \\@d \\[e\\] \\\\ \\/\\/ f"
        );
    }
}
