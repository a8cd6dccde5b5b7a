//! Commas left out between two values, the commonest slip in a hand-edited file:
//! each is told where it belongs (the end of the value that needs it), put in,
//! and the file read on, so the rest of it is checked in the same run.

use serde_json::Value;

use super::describe;
use super::error::ContentError;
use super::messages::{detail, json_error};
use super::position::{line_col, offset_of};
use super::spans::Spans;

/// More left-out commas than this in one file: the file is not read on.
const MAX_COMMAS: usize = 50;

/// A file's text with its left-out commas put in, as far as that makes it JSON.
pub struct Mended {
    /// The value, when the text with the commas put in is JSON.
    pub value: Option<Value>,
    /// The text read (with the commas).
    pub text: String,
    /// Where each comma belongs in the clerk's text, in order.
    pub commas: Vec<usize>,
    /// Each left-out comma, then what else stopped the reading, placed in the
    /// clerk's text.
    pub errors: Vec<ContentError>,
}

/// Put in the commas left out of `text` (whose reading failed with `e`).
pub fn mend(file: &str, text: &str, spans: &Spans, mut e: serde_json::Error) -> Mended {
    let mut fixed = text.to_string();
    let mut commas: Vec<usize> = Vec::new();
    let mut errors: Vec<ContentError> = Vec::new();
    loop {
        let scanned = if commas.is_empty() {
            spans.clone()
        } else {
            Spans::scan(&fixed)
        };
        let found = (commas.len() < MAX_COMMAS)
            .then(|| missing_comma(file, &fixed, &scanned, &e))
            .flatten();
        let Some(mut err) = found else {
            let mut err = json_error(file, &fixed, &scanned, None, &e);
            if !commas.is_empty() {
                place(&mut err, text, &commas);
            }
            errors.push(err);
            return Mended {
                value: None,
                text: fixed,
                commas,
                errors,
            };
        };
        let at = err.span.as_ref().map_or(0, |s| s.end);
        if !commas.is_empty() {
            place(&mut err, text, &commas);
        }
        errors.push(err);
        commas.push(original(at, &commas));
        fixed.insert(at, ',');
        match serde_json::from_str::<Value>(&fixed) {
            Ok(v) => {
                // Name the values the commas belong after, now the whole file reads.
                for err in errors.iter_mut().filter(|x| x.item.is_none()) {
                    if let Some(p) = err.pointer.take().filter(|p| !p.is_empty()) {
                        err.item = Some(describe::describe(&v, &p));
                    }
                }
                return Mended {
                    value: Some(v),
                    text: fixed,
                    commas,
                    errors,
                };
            }
            Err(next) => e = next,
        }
    }
}

/// A place in the text with the commas put in → the same place in the clerk's.
pub fn original(offset: usize, commas: &[usize]) -> usize {
    let before = (commas.iter().enumerate())
        .filter(|&(i, &p)| p + i < offset)
        .count();
    offset - before
}

/// A problem found in the text with the commas put in, placed in the clerk's
/// text (its line and column counted there again).
pub fn place(err: &mut ContentError, text: &str, commas: &[usize]) {
    if let Some(span) = &err.span {
        let span = original(span.start, commas)..original(span.end, commas);
        let (line, column) = line_col(text, span.start);
        err.line = Some(line);
        err.column = Some(column);
        err.span = Some(span);
    }
}

/// A comma left out between two values (serde_json stops at the next value, often
/// on the next line): the problem placed at the end of the value that needs the
/// comma, with that value named. None when the fault is something else.
pub fn missing_comma(
    file: &str,
    text: &str,
    spans: &Spans,
    e: &serde_json::Error,
) -> Option<ContentError> {
    let d = detail(e);
    if !(d.starts_with("expected `,` or `}`") || d.starts_with("expected `,` or `]`")) {
        return None;
    }
    let at = offset_of(text, e.line(), e.column());
    let next = text[at..].chars().next()?;
    let before = &text[..at];
    let end = before.trim_end().len();
    // A value starts where the comma should have been, after a space or line end.
    let starts_value = next == '"' || next == '{' || next == '[' || next == '-';
    if end == at || end == 0 || !(starts_value || next.is_ascii_alphanumeric()) {
        return None;
    }
    let last = floor_char(text, end - 1);
    let mut err = ContentError::new(
        file,
        "カンマ（,）が抜けていませんか。この値の後に「,」を書いて、次の項目と区切ってください",
    );
    err.line = Some(line_col(text, last).0);
    err.column = Some(line_col(text, last).1);
    err.span = Some(last..end);
    let fixed = format!("{},{}", &text[..end], &text[end..]);
    // The value is named when the file reads with this comma put in; else
    // once all its commas are (`mend`).
    let pointer = spans.at(last).map(|(p, _)| p).filter(|p| !p.is_empty());
    match (serde_json::from_str::<Value>(&fixed), pointer) {
        (Ok(v), Some(p)) => err.item = Some(describe::describe(&v, &p)),
        (_, p) => err.pointer = p,
    }
    Some(err)
}

/// The start of the character that holds byte `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
