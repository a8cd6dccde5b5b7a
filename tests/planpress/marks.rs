//! Source marks (the editor's preview): each printed content value carries its
//! file and JSON pointer; the marks never move the layout, land on the page where
//! their text prints, and map a click and an item to the right places.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use planpress::marks::{SourceMark, mark_at, pages_for, source_marks};
use planpress::render::typst;
use planpress::{Built, Config, Pipeline};
use serde_json::Value;

use crate::doc::*;
use crate::fixtures::editions;

/// An edition built with source marks, once per test run.
fn marked(dir: &Path) -> &'static (Built, Vec<SourceMark>) {
    type Cache = std::sync::Mutex<
        std::collections::HashMap<std::path::PathBuf, &'static OnceLock<(Built, Vec<SourceMark>)>>,
    >;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cell = *(CACHE.get_or_init(Default::default).lock().unwrap())
        .entry(dir.to_path_buf())
        .or_insert_with(|| Box::leak(Box::new(OnceLock::new())));
    cell.get_or_init(|| {
        let config = Config {
            source_marks: true,
            ..Config::new(dir)
        };
        let built = planpress::build(&config)
            .unwrap_or_else(|e| panic!("build of {} with marks failed:\n{e}", dir.display()));
        let marks = planpress::marks::written_marks(&built.document, built.content());
        (built, marks)
    })
}

fn json(dir: &Path, file: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap()
}

/// Every target of an edition: (targets file, the target's pointer, its text).
fn targets(dir: &Path) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let edition = json(dir, "edition.json");
    for r in edition["chapters"].as_array().unwrap() {
        if r["kind"] != "targets" {
            continue;
        }
        let file = r["file"].as_str().unwrap().to_string();
        let root = json(dir, &file);
        let mut holders = Vec::new();
        for (i, div) in root["divisions"].as_array().unwrap().iter().enumerate() {
            holders.push((format!("/divisions/{i}"), div));
            for (j, d) in div["departments"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                holders.push((format!("/divisions/{i}/departments/{j}"), d));
                for (k, u) in d["units"].as_array().into_iter().flatten().enumerate() {
                    holders.push((format!("/divisions/{i}/departments/{j}/units/{k}"), u));
                }
            }
        }
        for (at, h) in holders {
            for (n, t) in h["targets"].as_array().into_iter().flatten().enumerate() {
                let text = t["text"].as_str().unwrap().to_string();
                out.push((file.clone(), format!("{at}/targets/{n}"), text));
            }
        }
    }
    out
}

/// The source with every mark taken out.
fn unmarked(source: &str) -> String {
    let (open, close) = ("#metadata((file: ", "))<planpress-source>");
    let mut out = String::new();
    let mut rest = source;
    while let Some(i) = rest.find(open) {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(close).expect("a mark is closed") + i + close.len();
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn marks_add_nothing_to_the_source_but_marks() {
    for (name, dir) in editions() {
        let config = Config::new(&dir);
        let prepared = Pipeline::new(config.clone()).prepare().unwrap();
        let off = typst::render(&prepared.view, &config.templates)
            .unwrap()
            .main;
        let on = (typst::render_marked(&prepared.view, &config.templates, true).unwrap()).main;
        assert!(
            !off.contains("planpress-source"),
            "{name}: a mark without marks"
        );
        assert!(
            on.matches("<planpress-source>").count() > 20,
            "{name}: few marks"
        );
        assert!(
            unmarked(&on) == off,
            "{name}: marks changed more than marks"
        );
    }
}

/// Every glyph of each page: (glyph id, x, y in 1/100 pt).
fn glyphs(built: &Built) -> Vec<Vec<(u16, i64, i64)>> {
    use ::typst::layout::{FrameItem, Transform};
    let at = |v: ::typst::layout::Abs| (v.to_pt() * 100.0).round() as i64;
    (built.document.pages().iter())
        .map(|page| {
            let mut out = Vec::new();
            each_item(&page.frame, Transform::identity(), &mut |ts, pos, item| {
                if let FrameItem::Text(t) = item {
                    let mut x = pos.x;
                    for g in &t.glyphs {
                        let p = ::typst::layout::Point::new(x + g.x_offset.at(t.size), pos.y);
                        let p = p.transform(ts);
                        out.push((g.id, at(p.x), at(p.y)));
                        x += g.x_advance.at(t.size);
                    }
                }
            });
            out
        })
        .collect()
}

#[test]
fn marks_never_move_the_layout() {
    for (name, dir) in editions() {
        let (on, _) = marked(&dir);
        let off = built_once(&dir);
        let (a, b) = (glyphs(off), glyphs(on));
        assert_eq!(a.len(), b.len(), "{name}: page count");
        for (page, (a, b)) in a.iter().zip(&b).enumerate() {
            let moved = (a.iter().zip(b)).find(|(g, h)| g != h);
            assert!(
                a.len() == b.len() && moved.is_none(),
                "{name}: page {} is laid out differently with marks: {moved:?}",
                page + 1
            );
        }
    }
}

#[test]
fn marks_never_move_a_drafts_layout() {
    // A draft: change bars, line numbers in the margin, the list of changes.
    let dir = root().join("tests/fixtures/fictional-r3");
    let draft = Config::new(&dir).draft(true, Some("2021-05-10")).unwrap();
    let off = planpress::build(&draft).unwrap();
    let on = planpress::build(&Config {
        source_marks: true,
        ..draft
    })
    .unwrap();
    assert!(source_marks(&on.document).len() > 100);
    assert!(
        glyphs(&off) == glyphs(&on),
        "a draft is laid out differently with marks"
    );
}

#[test]
fn every_mark_points_at_a_value_of_its_file() {
    for (name, dir) in editions() {
        let (_, marks) = marked(&dir);
        let files: BTreeSet<&str> = marks.iter().map(|m| m.file.as_str()).collect();
        let edition = json(&dir, "edition.json");
        let parts = ["chapters", "annex"].map(|k| edition[k].as_array().unwrap().clone());
        for r in parts.iter().flatten() {
            let file = r["file"].as_str().unwrap();
            assert!(files.contains(file), "{name}: nothing of {file} is marked");
        }
        for m in marks {
            let v = json(&dir, &m.file);
            let value = v.pointer(&m.pointer);
            assert!(
                value.is_some_and(|v| !v.is_null()),
                "{name}: {} {} is no value",
                m.file,
                m.pointer
            );
        }
    }
}

/// Where `text` starts printing on `page`: the position of the run nearest to
/// `near` among those the text's first characters start in.
fn printed_at(built: &Built, page: usize, text: &str, near: &SourceMark) -> Option<(f64, f64)> {
    let runs = &page_runs(built)[page];
    let head: String = normalize(text).chars().take(4).collect();
    (0..runs.len())
        .filter(|&k| {
            let joined: String = runs[k..].iter().take(8).map(|r| r.text.as_str()).collect();
            normalize(&joined).starts_with(&head) && !normalize(&runs[k].text).is_empty()
        })
        .map(|k| (runs[k].x.to_pt(), runs[k].y.to_pt()))
        .min_by(|a, b| {
            let d = |p: &(f64, f64)| (p.0 - near.x).powi(2) + (p.1 - near.y).powi(2);
            d(a).total_cmp(&d(b))
        })
}

#[test]
fn each_targets_text_is_marked_where_it_prints_and_a_click_there_finds_it() {
    for (name, dir) in editions() {
        let (built, marks) = marked(&dir);
        let pages = page_texts(built);
        for (file, target, text) in targets(&dir) {
            let pointer = format!("{target}/text");
            let found: Vec<&SourceMark> = (marks.iter())
                .filter(|m| m.file == file && m.pointer == pointer)
                .collect();
            assert_eq!(found.len(), 1, "{name}: marks of {pointer}");
            let mark = found[0];
            let head: String = normalize(&text).chars().take(6).collect();
            assert!(
                normalize(&pages[mark.page]).contains(&head),
                "{name}: {pointer} is marked on page {} but does not print there",
                mark.page + 1
            );
            let (x, y) = printed_at(built, mark.page, &text, mark)
                .unwrap_or_else(|| panic!("{name}: {pointer} not found on its page"));
            // A click on the first character, near its top.
            let hit = mark_at(marks, mark.page, x + 2.0, y - 7.0);
            assert_eq!(
                hit.map(|m| m.pointer.as_str()),
                Some(pointer.as_str()),
                "{name}: a click on {pointer}'s text"
            );
        }
    }
}

#[test]
fn a_departments_pages_are_those_its_targets_print_on() {
    for (name, dir) in editions() {
        let (built, marks) = marked(&dir);
        let mut printed = Vec::new();
        for (file, target, _) in targets(&dir) {
            let mark = (marks.iter())
                .find(|m| m.file == file && m.pointer == format!("{target}/text"))
                .unwrap();
            printed.push((file, target, mark.page));
        }
        let holders: BTreeSet<(&str, &str)> = (printed.iter())
            .map(|(f, t, _)| (f.as_str(), &t[..t.rfind("/targets/").unwrap()]))
            .collect();
        assert!(!holders.is_empty(), "{name}: no targets");
        for (file, holder) in holders {
            let expected: BTreeSet<usize> = (printed.iter())
                .filter(|(f, t, _)| f == file && planpress::marks::under(t, holder))
                .map(|(_, _, page)| *page)
                .collect();
            let pages = pages_for(marks, file, holder);
            assert_eq!(
                pages,
                expected.into_iter().collect::<Vec<_>>(),
                "{name}: {holder}"
            );
            // A value that prints nothing (its id) shows its department's pages.
            assert_eq!(pages_for(marks, file, &format!("{holder}/id")), pages);
            // A click on the name in its band (a unit's band starts with its 課's).
            let named = match holder.split_once("/units/") {
                Some((dept, _)) => format!("{dept}/full_name"),
                None if holder.contains("/departments/") => format!("{holder}/full_name"),
                None => format!("{holder}/name"),
            };
            let root = json(&dir, file);
            let label = root.pointer(&named).and_then(Value::as_str).unwrap();
            let first = (marks.iter())
                .find(|m| m.file == file && planpress::marks::under(&m.pointer, holder))
                .unwrap();
            let (x, y) = printed_at(built, first.page, label, first).unwrap();
            let hit = mark_at(marks, first.page, x + 2.0, y - 7.0).map(|m| m.pointer.as_str());
            assert_eq!(
                hit,
                Some(named.as_str()),
                "{name}: a click on {holder}'s band"
            );
        }
    }
}

/// Every string of a file holding Japanese text, with its pointer, but for the
/// keys that never print in the edition itself.
/// Besides those, edition.json's facts that the body does not print (city,
/// ward, office, the scenes and statuses allowed), a department's short name
/// (printed in the department index only, a list drawn from the grid as the
/// table of contents is: unmarked, so that a department's pages are its
/// targets'), and a table's number prefix (printed inside the computed No).
fn japanese_leaves(v: &Value, at: &str, out: &mut Vec<String>) {
    let unprinted = [
        "$schema",
        "id",
        "file",
        "kind",
        "result",
        "status",
        "city",
        "ward",
        "office",
        "scenes",
        "statuses",
        "short_name",
        "prefix",
    ];
    match v {
        Value::Object(m) => (m.iter())
            .filter(|(k, _)| !unprinted.contains(&k.as_str()))
            .for_each(|(k, v)| japanese_leaves(v, &format!("{at}/{k}"), out)),
        Value::Array(a) => {
            (a.iter().enumerate()).for_each(|(i, v)| japanese_leaves(v, &format!("{at}/{i}"), out))
        }
        Value::String(s) if s.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c)) => {
            out.push(at.to_string())
        }
        _ => {}
    }
}

#[test]
fn every_printed_value_is_marked() {
    let mut missing = BTreeSet::new();
    for (name, dir) in editions() {
        let (built, marks) = marked(&dir);
        // A value printed nowhere (a gap the previous edition's results close).
        let text = normalize(&page_texts(built).concat());
        for entry in std::fs::read_dir(&dir).unwrap() {
            let file = entry.unwrap().file_name().to_string_lossy().to_string();
            if !file.ends_with(".json") {
                continue;
            }
            let mut leaves = Vec::new();
            japanese_leaves(&json(&dir, &file), "", &mut leaves);
            let root = json(&dir, &file);
            let value = |leaf: &str| root.pointer(leaf).and_then(Value::as_str).map(normalize);
            let printed = |leaf: &String| value(leaf).is_some_and(|v| text.contains(&v));
            for leaf in leaves.into_iter().filter(|l| printed(l)) {
                // A scene merged over a run of standards prints once, with the
                // run's first: a row's scene is then its own row's.
                let within = match leaf.strip_suffix("/scene") {
                    Some(row) if leaf.contains("/standards/") => row.to_string(),
                    _ => leaf.clone(),
                };
                let marked = (marks.iter()).any(|m| {
                    m.file == file
                        && (planpress::marks::under(&leaf, &m.pointer)
                            || planpress::marks::under(&m.pointer, &within))
                });
                if !marked {
                    let shape: String = leaf
                        .chars()
                        .map(|c| if c.is_ascii_digit() { 'N' } else { c })
                        .collect();
                    missing.insert(format!("{name} {file} {shape}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "not marked: {missing:#?}");
}
