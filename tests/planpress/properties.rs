//! Whatever a clerk types into a free-text field is printed as typed: Typst markup,
//! template syntax, Japanese text, white space and very long words alike.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use serde_json::Value;

use crate::doc::*;

/// The pieces strings are made of: everything Typst or minijinja would treat
/// specially, plus ordinary Japanese and Latin text the fonts print.
const PIECES: &[&str] = &[
    "#",
    "$",
    "*",
    "_",
    "`",
    "<",
    ">",
    "@",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "/",
    "=",
    "+",
    "-",
    "~",
    "\"",
    "'",
    ".",
    ":",
    ";",
    "(",
    ")",
    "//",
    "/*",
    "*/",
    "...",
    "--",
    "---",
    "-?",
    "1.",
    "= ",
    "- ",
    "+ ",
    "/ x:",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{{ edition.title }}",
    "{% if true %}",
    "#read(\"/etc/passwd\")",
    "#import \"@preview/x:0.1.0\"",
    "<label>",
    "@ref",
    "$x^2$",
    "\\u{41}",
    "https://example.jp/a_b",
    "あ",
    "区役所",
    "髙",
    "目標",
    "カナ",
    "ｶﾅ",
    "、",
    "。",
    "「",
    "」",
    "（",
    "）",
    "・",
    "！",
    "？",
    "～",
    "①",
    "ABC",
    "abc",
    "123",
    "１２３",
    " ",
    "  ",
    "\u{3000}",
    "\n",
    "x\ny",
    "Supercalifragilisticexpialidociousandthensomemoreletterswithoutanybreakopportunity",
];

/// Keys whose values are identifiers, references or dates, not free text.
const NOT_TEXT: &[&str] = &[
    "$schema",
    "file",
    "kind",
    "id",
    "scene",
    "scenes",
    "ref",
    "published",
    "date",
];

/// Fields of edition.json that go into the PDF's metadata, not onto its pages.
const NOT_PRINTED: &[&str] = &["/city", "/ward", "/office", "/title"];

/// JSON pointers of every free-text string value.
fn text_fields(v: &Value, pointer: String, key: &str, out: &mut Vec<String>) {
    if NOT_TEXT.contains(&key) {
        return;
    }
    match v {
        Value::String(_) => out.push(pointer),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| text_fields(x, format!("{pointer}/{i}"), key, out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| text_fields(x, format!("{pointer}/{k}"), k, out)),
        _ => {}
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn any_text_in_any_field_prints_literally() {
    let files: Vec<String> = std::fs::read_dir(root().join(EDITION))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    let mut fields = Vec::new();
    for f in &files {
        let v: Value =
            serde_json::from_str(&std::fs::read_to_string(root().join(EDITION).join(f)).unwrap())
                .unwrap();
        let mut ptrs = Vec::new();
        text_fields(&v, String::new(), "", &mut ptrs);
        if f == "edition.json" {
            ptrs.retain(|p| !NOT_PRINTED.contains(&p.as_str()));
        }
        // The PDCA figure's labels stand in a drawing of fixed size: a long one
        // is refused by the layout check (tests/planpress/layout.rs), not printed.
        ptrs.retain(|p| !p.contains("/pdca/"));
        fields.extend(ptrs.into_iter().map(|p| (f.clone(), p)));
    }
    assert!(fields.len() > 150, "{} free-text fields", fields.len());

    let piece = prop::sample::select(PIECES);
    // A string with at least one visible piece.
    let text = (
        prop::collection::vec(piece, 0..8),
        prop::sample::select(&PIECES[..PIECES.len() - 10]),
    )
        .prop_map(|(mut v, visible)| {
            v.insert(v.len() / 2, visible);
            v.concat()
        })
        .prop_filter("visible", |s| !s.trim().is_empty());
    let strings = prop::collection::vec(text, fields.len());

    let config = Config {
        cases: 12,
        rng_seed: RngSeed::Fixed(20200601),
        failure_persistence: None,
        max_shrink_iters: 64,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let case = std::sync::atomic::AtomicUsize::new(0);
    runner
        .run(&strings, |strings| {
            let n = case.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let dir = scratch_edition(&format!("prop-{n}"));
            for ((file, pointer), s) in fields.iter().zip(&strings) {
                edit_json(&dir, file, |v| {
                    *v.pointer_mut(pointer).unwrap() = Value::String(s.clone())
                });
            }
            let built = planpress::build(&planpress::Config::new(&dir))
                .map_err(|e| TestCaseError::fail(format!("build failed: {e}")))?;
            let text = squash(&page_texts(&built).concat());
            for ((file, pointer), s) in fields.iter().zip(&strings) {
                prop_assert!(
                    text.contains(&squash(s)),
                    "{file}{pointer}: {s:?} not printed literally"
                );
            }
            Ok(())
        })
        .unwrap();
}
