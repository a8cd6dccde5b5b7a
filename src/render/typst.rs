//! The minijinja environment that turns the view of an edition into Typst source.
//!
//! Escaping is the environment's formatter: every `{{ value }}` in a `.typ.j2`
//! template goes through [`typst_formatter`], which escapes it as Typst markup.
//! Content can therefore never run Typst code. Values needed in code position
//! (labels, strings to compare) use the `str` filter, which emits a Typst string
//! literal; used without it, a value is escaped markup and at worst a syntax error.

use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

use super::breaks::Mark;
use super::{RenderError, Templates};
use crate::view::View;

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
fn typst_formatter(out: &mut Output, _state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_safe() {
        return write!(out, "{value}").map_err(Error::from);
    }
    let text = match value.kind() {
        minijinja::value::ValueKind::Bool if value.is_true() => "true".into(),
        minijinja::value::ValueKind::Bool => "false".into(),
        _ => required(value)?,
    };
    let mut escaped = String::with_capacity(text.len());
    // Only text gets break opportunities (a number stays one piece, however long).
    match value.kind() {
        minijinja::value::ValueKind::String => escape_breaking(&text, &mut escaped),
        _ => escape_markup(&text, &mut escaped),
    }
    out.write_str(&escaped).map_err(Error::from)
}

/// Escaped markup of text with its break opportunities (long Latin tokens, URLs)
/// and what holds together (numbers, runs of Latin letters, URLs' pieces): see
/// `breaks`.
fn escape_breaking(s: &str, out: &mut String) {
    let mut last = 0;
    for mark in super::breaks::marks(s) {
        match mark {
            Mark::Break(at) => {
                escape_markup(&s[last..at], out);
                // A break opportunity that prints nothing: an empty inline box
                // is an object replacement character to Typst's line breaker,
                // which may break before and after it (UAX #14 CB); `;` ends
                // the call.
                out.push_str("#box();");
                last = at;
            }
            Mark::Hold(r) => {
                escape_markup(&s[last..r.start], out);
                // A box holds no break (and so splits no tag); its text is the
                // document's text as it is, for search, copy and bookmarks.
                out.push_str("#box[");
                escape_markup(&s[r.clone()], out);
                out.push_str("];");
                last = r.end;
            }
        }
    }
    escape_markup(&s[last..], out);
}

/// CJK punctuation Typst may trim at a line's start (opening brackets) and at
/// its end (closing brackets and stops). 「・」 is neither: it stays in its box,
/// since outside it a line could break before it and leave it alone.
const OPENING: &[char] = &['「', '『', '（', '【', '〔', '〈', '《', '［', '｛'];
const CLOSING: &[char] = &[
    '」', '』', '）', '】', '〕', '〉', '》', '］', '｝', '、', '。', '，', '．', '：', '；', '！',
    '？',
];

/// A value cut into phrases, as a call of style.typ's `phrases`: a string for
/// each phrase kept whole (set in a box, which adds no character to the text
/// and, holding no break, splits no tag; the layout sizes narrow columns from
/// these), escaped markup for a phrase too long to keep whole or holding a long
/// Latin token (it breaks as text does), `[#linebreak()]` for a typed line break.
fn filter_phrases(value: Value) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(value);
    }
    let mut args = Vec::new();
    for phrase in super::phrases::phrases(&required(&value)?) {
        let (body, newline) = match phrase.strip_suffix('\n') {
            Some(body) => (body, true),
            None => (phrase.as_str(), false),
        };
        if super::phrases::kept_whole(body) {
            // Brackets and stops at a box's edges stay outside it: Typst trims
            // CJK punctuation at a line's start and end, which inside a box
            // would draw the mark over its neighbour. Outside, line breaking
            // still holds them to the phrase (no break after 「 or before 」).
            let start = body.len() - body.trim_start_matches(OPENING).len();
            let (head, rest) = body.split_at(start);
            let (inner, tail) = rest.split_at(rest.trim_end_matches(CLOSING).len());
            args.push(content_block(head, escape_markup));
            if !inner.is_empty() {
                args.push(string_literal(inner));
            }
            args.push(content_block(tail, escape_markup));
        } else {
            args.push(content_block(body, escape_breaking));
        }
        if newline {
            args.push("[#linebreak()]".into());
        }
    }
    args.retain(|a| a != "[]");
    Ok(Value::from_safe_string(format!(
        "#phrases({});",
        args.join(", ")
    )))
}

/// A Typst content block of `s`, escaped by `escape`.
fn content_block(s: &str, escape: fn(&str, &mut String)) -> String {
    let mut block = String::from("[");
    escape(s, &mut block);
    block.push(']');
    block
}

/// Markup of table-cell text: ordinary breaking, each katakana word kept whole
/// in a box (up to the length a narrow column holds). A longer one (up to a
/// phrase's length) is labelled `<planpress-long-word>`: a table that widens its
/// columns to hold it (the annex tables) boxes it, others let it break.
fn filter_words(value: Value) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(value);
    }
    let text = required(&value)?;
    let mut out = String::new();
    for (piece, word) in super::phrases::katakana_words(&text) {
        let n = piece.chars().count();
        if word && n <= super::phrases::LONGEST_WORD {
            out.push_str("#box[");
            escape_markup(piece, &mut out);
            out.push_str("];");
        } else if word && n <= super::phrases::LONGEST {
            out.push_str("#text(");
            out.push_str(&string_literal(piece));
            out.push_str(")<planpress-long-word>");
        } else {
            escape_breaking(piece, &mut out);
        }
    }
    Ok(Value::from_safe_string(out))
}

/// The text of a value a template prints: none is a template fault.
fn required(value: &Value) -> Result<String, Error> {
    if value.is_undefined() || value.is_none() {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            "テンプレートが値のない項目を出力しようとしました",
        ));
    }
    Ok(value.to_string())
}

fn filter_str(value: Value) -> Result<Value, Error> {
    if value.is_undefined() || value.is_none() {
        return Ok(Value::from_safe_string("none".into()));
    }
    Ok(Value::from_safe_string(string_literal(&value.to_string())))
}

/// The Typst environment: every template is escaped as Typst markup, and the only
/// filters that mark text safe are `str` (a Typst string literal, itself escaped)
/// and `phrases` and `words` (escaped markup, its phrases or katakana words boxed;
/// none stays none, for `opt`).
pub fn environment(files: &[(String, String)]) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
    env.set_formatter(typst_formatter);
    env.set_syntax(super::syntax()?);
    // Built-in filters that mark text safe would let it skip Typst escaping.
    for unsafe_filter in ["safe", "escape", "e"] {
        env.remove_filter(unsafe_filter);
    }
    env.add_filter("str", filter_str);
    env.add_filter("phrases", filter_phrases);
    env.add_filter("words", filter_words);
    // The editor's preview asks for source marks (macros.typ.j2 `src`).
    env.add_global("source_marks", false);
    for (name, text) in files {
        if name.ends_with(".typ.j2") {
            env.add_template_owned(name.clone(), mark_lines(name, text))?;
        }
    }
    Ok(env)
}

/// The comment that ties a line of generated source to its template line.
const MARKER: &str = "// @template ";

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

/// A line of generated source without its marker comment.
pub fn strip_marker(line: &str) -> &str {
    line.split(MARKER).next().unwrap_or("")
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

/// Render the PDF's Typst source: `main.typ` from `main.typ.j2` and the view,
/// plus the static `.typ` modules.
pub fn render(view: &View, templates: &Templates) -> Result<Generated, RenderError> {
    render_marked(view, templates, false)
}

/// `render`, laying a source mark before every printed content value when
/// `marks` (the editor's preview, [`crate::marks`]); without, the same source.
pub fn render_marked(
    view: &View,
    templates: &Templates,
    marks: bool,
) -> Result<Generated, RenderError> {
    render_with("main.typ.j2", view, templates, marks)
}

/// Render another document of the same layout files (`compare.typ.j2`, the
/// 新旧対照表) as `main.typ`, with the static `.typ` modules.
pub fn render_document(
    template: &str,
    context: &impl serde::Serialize,
    templates: &Templates,
) -> Result<Generated, RenderError> {
    render_with(template, context, templates, false)
}

fn render_with(
    template: &str,
    context: &impl serde::Serialize,
    templates: &Templates,
    marks: bool,
) -> Result<Generated, RenderError> {
    let files = templates.typst_files()?;
    let mut env = environment(&files).map_err(RenderError::from_minijinja)?;
    env.add_global("source_marks", marks);
    let main = env
        .get_template(template)
        .and_then(|t| t.render(Value::from(Serde(context))))
        .map_err(RenderError::from_minijinja)?;
    let modules = files
        .into_iter()
        .filter(|(n, _)| n.ends_with(".typ") && !n.ends_with(".typ.j2"))
        .collect();
    Ok(Generated { main, modules })
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
