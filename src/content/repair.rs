//! One run tells every problem of every file: a value serde refuses (a date that
//! cannot be, a number written as text, an unknown item…) is reported, set aside
//! (replaced by a stand-in the model accepts) and the file read again, so the
//! document rules still check the rest of it. The rules' findings about a stand-in
//! are dropped (`Loader::set_aside`): only what the clerk wrote is judged.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::Value;
use serde_json::error::Category;

use super::error::ContentError;
use super::messages::{detail, json_error};
use super::position::{offset_of, value_at};
use super::spans::{Spans, pointer_token};

/// More problems than this in one file are not looked for (100 are shown).
const MAX_ROUNDS: usize = 300;

/// A file's typed value, read past its refused values: (the value, when every
/// refused value could be stood in for; the problems; the pointers set aside).
pub fn typed<T: DeserializeOwned>(
    file: &str,
    text: &str,
    spans: &Spans,
    original: &Value,
) -> (Option<T>, Vec<ContentError>, Vec<String>) {
    let mut errors = Vec::new();
    let e = match serde_json::from_str::<T>(text) {
        Ok(t) => return (Some(t), errors, Vec::new()),
        Err(e) => e,
    };
    // The first problem exactly as serde_json places it in the clerk's text.
    errors.push(json_error(file, text, spans, Some(original), &e));
    let mut value = original.clone();
    let mut aside: Vec<String> = Vec::new();
    let mut tried: HashMap<String, (usize, Value)> = HashMap::new();
    let mut mistyped: Vec<(String, String)> = Vec::new();
    let (mut current, mut cur_spans) = (text.to_string(), spans.clone());
    let mut e = e;
    for _ in 0..MAX_ROUNDS {
        if e.classify() != Category::Data {
            return (None, errors, aside);
        }
        let offset = value_at(&current, offset_of(&current, e.line(), e.column()));
        let Some((pointer, _)) = cur_spans.at(offset) else {
            return (None, errors, aside);
        };
        let what = detail(&e);
        let Some(set) = stand_in(&mut value, &pointer, &what, &mut tried) else {
            return (None, errors, aside);
        };
        if let Some(key) = field_name(&what, "unknown field `") {
            // A mistyped name: the item it was meant to be is missing for the
            // same mistake, told once (with the names allowed).
            mistyped.push((pointer.clone(), key.to_string()));
        }
        if !aside.iter().any(|a| under(&set, a)) {
            aside.push(set);
        }
        current = serde_json::to_string_pretty(&value).unwrap_or_default();
        cur_spans = Spans::scan(&current);
        e = match serde_json::from_str::<T>(&current) {
            Ok(t) => return (Some(t), errors, aside),
            Err(e) => e,
        };
        let offset = value_at(&current, offset_of(&current, e.line(), e.column()));
        let Some((pointer, _)) = cur_spans.at(offset) else {
            return (None, errors, aside);
        };
        // A problem of a stand-in is the stand-in's, not the clerk's.
        let missing = field_name(&detail(&e), "missing field `").map(str::to_string);
        let same_mistake = missing
            .is_some_and(|k| (mistyped.iter()).any(|(p, typed)| *p == pointer && alike(typed, &k)));
        let stood_in = aside
            .iter()
            .any(|a| under(&pointer, a) || is_field_of(&pointer, &e, a));
        if !stood_in && !same_mistake {
            let mut err = json_error(file, &current, &cur_spans, Some(&value), &e);
            place(&mut err, text, spans, &pointer, &detail(&e));
            errors.push(err);
        }
    }
    (None, errors, aside)
}

/// Whether a mistyped name was probably meant to be `name`: 「txt」 for 「text」,
/// 「num」 for 「number」.
fn alike(typed: &str, name: &str) -> bool {
    let (t, n) = (typed.to_lowercase(), name.to_lowercase());
    n.starts_with(&t) || t.starts_with(&n) || super::messages::nearest(&t, &[name]).is_some()
}

/// Whether `pointer` is `base` or lies inside it.
pub fn under(pointer: &str, base: &str) -> bool {
    pointer == base
        || pointer
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A missing or unknown field of a stand-in object.
fn is_field_of(pointer: &str, e: &serde_json::Error, base: &str) -> bool {
    let d = detail(e);
    (d.starts_with("missing field") || d.starts_with("unknown field")) && under(pointer, base)
}

/// Where a problem found in the re-read text stands in the clerk's text.
fn place(err: &mut ContentError, text: &str, spans: &Spans, pointer: &str, detail: &str) {
    err.line = None;
    err.column = None;
    err.span = None;
    let Some(range) = spans.get(pointer) else {
        return;
    };
    err.span = Some(if detail.starts_with("missing field") {
        // At the object's closing brace, as serde_json places it.
        range.end.saturating_sub(1)..range.end
    } else if let Some(key) = field_name(detail, "unknown field `") {
        // At the unknown key itself.
        let quoted = format!("\"{key}\"");
        let inside = &text[range.clone()];
        match inside.find(&quoted) {
            Some(i) => range.start + i..range.start + i + quoted.len(),
            None => range,
        }
    } else {
        range
    });
}

fn field_name<'a>(detail: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = detail.strip_prefix(prefix)?;
    Some(rest.split('`').next().unwrap_or(rest))
}

/// Set the value at `pointer` aside for the problem `detail`: remove an unknown
/// field, add a missing one, or replace a refused value by the next stand-in.
/// Returns the pointer of what was set aside, or None when nothing can stand in.
fn stand_in(
    root: &mut Value,
    pointer: &str,
    detail: &str,
    tried: &mut HashMap<String, (usize, Value)>,
) -> Option<String> {
    if detail.starts_with("duplicate field") {
        // The parsed value keeps one of the two: read on from it.
        return Some(pointer.to_string());
    }
    if let Some(key) = field_name(detail, "unknown field `") {
        root.pointer_mut(pointer)?.as_object_mut()?.remove(key);
        return Some(format!("{pointer}/{}", pointer_token(key)));
    }
    if let Some(key) = field_name(detail, "missing field `") {
        let at = format!("{pointer}/{}", pointer_token(key));
        let candidate = next_candidate(tried, &at, &Value::Null, detail)?;
        root.pointer_mut(pointer)?
            .as_object_mut()?
            .insert(key.to_string(), candidate);
        return Some(at);
    }
    let slot = root.pointer_mut(pointer)?;
    let was = slot.clone();
    *slot = next_candidate(tried, pointer, &was, detail)?;
    Some(pointer.to_string())
}

/// The next stand-in for the value at `pointer`: first what the clerk probably
/// meant (the number written as text), then a value of each shape in turn.
fn next_candidate(
    tried: &mut HashMap<String, (usize, Value)>,
    pointer: &str,
    was: &Value,
    detail: &str,
) -> Option<Value> {
    // The candidates follow from what the clerk wrote, not from the stand-in
    // tried last (a number too large for its item, stood in for as text, would
    // otherwise shift the list past the number that fits).
    let (n, was) = tried
        .entry(pointer.to_string())
        .or_insert_with(|| (0, was.clone()));
    let mut candidates: Vec<Value> = Vec::new();
    match &*was {
        Value::String(s) => {
            let digits: String = s
                .trim()
                .chars()
                .map(|c| match c {
                    '０'..='９' => {
                        char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                    }
                    _ => c,
                })
                .collect();
            if let Ok(n) = digits.parse::<u64>() {
                candidates.push(n.into());
            }
        }
        Value::Number(n) => candidates.push(Value::String(n.to_string())),
        _ => {}
    }
    // The values an enum allows: "expected one of `a`, `b`".
    if let Some((_, allowed)) = detail.split_once("expected one of ")
        && let Some(first) = allowed.split('`').nth(1)
    {
        candidates.push(Value::String(first.to_string()));
    }
    candidates.extend([
        Value::String("2000-01-01".into()),
        Value::from(1),
        Value::Array(Vec::new()),
        Value::Object(Default::default()),
        Value::Bool(false),
        Value::Null,
    ]);
    let next = candidates.get(*n).cloned();
    *n += 1;
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        number: u32,
        text: String,
    }

    #[test]
    fn a_number_too_large_is_stood_in_for_and_the_rest_read_on() {
        let text = r#"{"number": 4294967296, "text": "x"}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let spans = Spans::scan(text);
        let (typed, errors, aside) = typed::<Item>("f.json", text, &spans, &value);
        assert!(typed.is_some(), "{errors:?}");
        assert_eq!(aside, ["/number"]);
        assert_eq!(errors.len(), 1);
    }
}
