//! Every piece of text a clerk typed in an edition, with where it stands: its
//! file, JSON pointer, line and the item in plain words (「区民課 目標2 の本文」).
//! Read by `planpress lint`.

use serde_json::Value;

use super::Content;
use super::decode::decode;
use super::describe::describe;
use super::position::Lines;
use super::spans::{Spans, pointer_token};

/// One string value of a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The file, relative to the edition folder.
    pub file: String,
    /// Its JSON pointer (`/divisions/0/departments/1/targets/0/text`).
    pub pointer: String,
    /// The item in plain words.
    pub item: String,
    /// The line of the file it starts on (from 1).
    pub line: usize,
    pub text: String,
}

/// Keys whose values are not prose: references, codes, dates, settings, and the
/// words chosen from a list the edition defines (scenes, statuses).
const NOT_PROSE: &[&str] = &[
    "$schema",
    "id",
    "kind",
    "file",
    "page_of",
    "ref",
    "date",
    "published",
    "as_of",
    "numbering",
    "subitem_style",
    "previous",
    "email",
    "phone",
    "fax",
    "marks",
    "scene",
    "status",
];

/// Every prose string of the edition's files, file by file in reading order.
pub fn texts(content: &Content) -> Vec<Text> {
    let mut out = Vec::new();
    for (file, bytes) in &content.sources {
        let Ok(source) = decode(bytes) else { continue };
        let Ok(value) = serde_json::from_str::<Value>(&source) else {
            continue;
        };
        let spans = Spans::scan(&source);
        let lines = Lines::new(&source);
        let mut strings = Vec::new();
        walk(&value, String::new(), None, &mut strings);
        for (pointer, text) in strings {
            let line = spans.get(&pointer).map_or(0, |r| lines.line(r.start));
            out.push(Text {
                file: file.clone(),
                item: describe(&value, &pointer),
                pointer,
                line,
                text,
            });
        }
    }
    out
}

fn walk(v: &Value, at: String, key: Option<&str>, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if !key.is_some_and(|k| NOT_PROSE.contains(&k)) => {
            out.push((at, s.clone()))
        }
        Value::Array(items) if inline(items) => {
            // Text with references in it (「別掲（」, {"ref"}, 「）のとおり」): one text.
            out.push((at, items.iter().filter_map(Value::as_str).collect()));
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                walk(x, format!("{at}/{i}"), key, out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                walk(x, format!("{at}/{}", pointer_token(k)), Some(k), out);
            }
        }
        _ => {}
    }
}

/// Whether an array is one text with references in it: strings and
/// `{"ref"}`・`{"page_of"}` objects.
fn inline(items: &[Value]) -> bool {
    let reference = |v: &Value| {
        v.as_object()
            .is_some_and(|o| o.keys().all(|k| k == "ref" || k == "page_of"))
    };
    items.iter().any(Value::is_string)
        && items.iter().any(reference)
        && items.iter().all(|v| v.is_string() || reference(v))
}

/// The line (from 1) of the value at `pointer` in the JSON `source`, for
/// messages about a file that is not content (the lint settings).
pub fn line_of(source: &str, pointer: &str) -> Option<usize> {
    let range = Spans::scan(source).get(pointer)?;
    Some(Lines::new(source).line(range.start))
}
