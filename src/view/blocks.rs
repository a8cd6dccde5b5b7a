//! Paragraph content beyond text: lists with the marks the tool computes (・, or
//! the Japanese hierarchy 第1 → 1 → (1) → ア → (ア)), simple tables, and where
//! `page_of` references point.

use std::collections::HashMap;

use serde::Serialize;

use super::chapters::chapter_anchor;
use super::text::{Para, Refs, inline};
use crate::content::blocks::Place;
use crate::content::model::{ListItem, ListMarks, ListText, SimpleTable};
use crate::content::{Content, Part};

/// A list as printed: each item with its mark.
#[derive(Debug, Clone, Serialize)]
pub struct ListView {
    /// ・ bullets (an unordered list), or numbers.
    pub bullet: bool,
    pub items: Vec<ListEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ListEntry {
    /// 第1, 1, (1), ア, (ア) or ・
    pub mark: String,
    /// Its JSON pointer from the paragraph's: `/list/0`, `/list/0/list/2`.
    pub src: String,
    pub text: Para,
    pub sub: Option<ListView>,
}

/// A simple table as printed.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The order of the numbering hierarchy of official writing.
const HIERARCHY: [ListMarks; 5] = [
    ListMarks::Dai,
    ListMarks::Number,
    ListMarks::Paren,
    ListMarks::Kana,
    ListMarks::ParenKana,
];

/// The 50-sound order of katakana marks (ア, イ, ウ…).
const KANA: &str =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";

/// The mark of the `n`th item (from 1).
pub fn mark(marks: ListMarks, n: usize) -> String {
    let kana = || KANA.chars().nth((n - 1) % KANA.chars().count()).unwrap();
    match marks {
        ListMarks::Bullet => "・".into(),
        ListMarks::Dai => format!("第{n}"),
        ListMarks::Number => n.to_string(),
        ListMarks::Paren => format!("({n})"),
        ListMarks::Kana => kana().to_string(),
        ListMarks::ParenKana => format!("({})", kana()),
    }
}

/// The marks of a list inside an item marked `outer`: the next level down.
pub fn next(outer: ListMarks) -> ListMarks {
    match HIERARCHY.iter().position(|m| *m == outer) {
        Some(i) => HIERARCHY[(i + 1).min(HIERARCHY.len() - 1)],
        None => outer,
    }
}

/// The list at `base` (a JSON pointer from its paragraph's, `/list`).
pub fn list(items: &[ListItem], base: &str, marks: ListMarks, refs: &Refs) -> ListView {
    let entries = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let src = format!("{base}/{i}");
            let (text, sub) = match item {
                ListItem::Text(t) => (list_text(&ListText::Text(t.clone()), refs), None),
                ListItem::Mixed(m) => (list_text(&ListText::Mixed(m.clone()), refs), None),
                ListItem::Parent(p) => (
                    list_text(&p.text, refs),
                    Some(list(
                        &p.list,
                        &format!("{src}/list"),
                        p.marks.unwrap_or_else(|| next(marks)),
                        refs,
                    )),
                ),
            };
            ListEntry {
                src,
                mark: mark(marks, i + 1),
                text,
                sub,
            }
        })
        .collect();
    ListView {
        bullet: marks == ListMarks::Bullet,
        items: entries,
    }
}

fn list_text(t: &ListText, refs: &Refs) -> Para {
    match t {
        ListText::Text(t) => vec![super::text::Piece::Text { text: t.clone() }],
        ListText::Mixed(pieces) => pieces.iter().map(|p| inline(p, refs)).collect(),
    }
}

pub fn table(t: &SimpleTable) -> TableView {
    TableView {
        caption: t.caption.clone(),
        columns: t.columns.clone(),
        rows: t.rows.clone(),
    }
}

/// Every place a `page_of` may name, with its anchor and title.
pub fn page_targets(content: &Content) -> HashMap<Place, (String, String)> {
    let mut out = HashMap::new();
    for (i, (part, r)) in content
        .chapters
        .iter()
        .zip(&content.edition.chapters)
        .enumerate()
    {
        let anchor = chapter_anchor(i + 1);
        out.insert(
            Place::File(r.file.clone()),
            (anchor.clone(), part_title(part)),
        );
        if let Part::Sections(s) = part {
            for sec in &s.sections {
                out.insert(
                    Place::Section(r.file.clone(), sec.number),
                    (
                        format!("{anchor}-{}", sec.number),
                        format!("{}　{}", sec.number, sec.title),
                    ),
                );
            }
        }
    }
    for (i, (part, r)) in content.annex.iter().zip(&content.edition.annex).enumerate() {
        out.insert(
            Place::File(r.file.clone()),
            (format!("annex-{}", i + 1), part_title(part)),
        );
    }
    for (_, d) in content.departments() {
        out.insert(
            Place::Dept(d.id.clone()),
            (format!("dept-{}", d.id), d.full_name.clone()),
        );
    }
    out
}

fn part_title(part: &Part) -> String {
    match part {
        Part::Principles(p) => p.title.clone(),
        Part::Sections(s) => s.title.clone(),
        Part::Targets(t) => t.title.clone(),
        Part::Free(f) => f.title.clone(),
        Part::Regulation(r) => r.title.clone(),
        Part::Roster(r) => r.title.clone(),
        Part::Memo(m) => m.title.clone(),
        Part::Results(r) => r.title.clone(),
    }
}
