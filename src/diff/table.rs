//! The 新旧対照表: the changed items side by side, 改正後 and 改正前, passage by
//! passage in document order, the changed characters marked; unchanged items
//! and passages stand as 「（略）」.

use serde::Serialize;

use super::chars::{self, Passage, Run};
use super::items::Item;
use super::matching::Aligned;
use super::{Change, ChangeKind};
use crate::content::Content;
use crate::content::date::fiscal_year_wareki;

/// One side of a row: its text as runs, and a note in brackets (（新設）).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub runs: Vec<Run>,
    pub note: Option<String>,
}

/// A row of the table: an item's name (`head`), one of its passages, or
/// 「（略）」 for what did not change (`omitted`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// A rule above: the row begins an item, or stands for unchanged items.
    pub rule: bool,
    pub head: bool,
    pub omitted: bool,
    /// 追加・削除・変更・移動, on an item's head row.
    pub kind: Option<ChangeKind>,
    pub new: Cell,
    pub old: Cell,
}

impl Row {
    /// 「（略）」: unchanged items (`rule`), or an item's unchanged passages.
    fn omitted(rule: bool) -> Self {
        Row {
            rule,
            head: false,
            omitted: true,
            kind: None,
            new: Cell::default(),
            old: Cell::default(),
        }
    }

    fn passage(old: Vec<Run>, new: Vec<Run>) -> Self {
        let cell = |runs| Cell { runs, note: None };
        Row {
            rule: false,
            head: false,
            omitted: false,
            kind: None,
            new: cell(new),
            old: cell(old),
        }
    }
}

/// An edition as the table's heading names it.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// The edition's folder name (miyamae-r3).
    pub name: String,
    /// 令和3年度
    pub fiscal: String,
    pub title: String,
}

impl Side {
    pub fn of(content: &Content) -> Self {
        Side {
            name: content.name.clone(),
            fiscal: fiscal_year_wareki(content.edition.fiscal_year),
            title: content.edition.title.clone(),
        }
    }
}

/// The whole table.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub new: Side,
    pub old: Side,
    /// 改正後 in the left column, as public bodies print it.
    pub new_first: bool,
    pub rows: Vec<Row>,
    /// How many items changed.
    pub changes: usize,
}

/// The changes between two editions and their 新旧対照表.
pub fn compare(old: &Content, new: &Content, new_first: bool) -> (Vec<Change>, Comparison) {
    let (old_items, new_items) = super::comparable(old, new);
    let aligned = super::matching::align(&old_items, &new_items);
    let (changes, rows) = rows(&aligned);
    let comparison = Comparison {
        new: Side::of(new),
        old: Side::of(old),
        new_first,
        rows,
        changes: changes.len(),
    };
    (changes, comparison)
}

/// The changes and the rows of the table: each changed item's, a 「（略）」 row
/// for each run of unchanged items between them.
fn rows(aligned: &[Aligned]) -> (Vec<Change>, Vec<Row>) {
    let mut changes = Vec::new();
    let mut out = Vec::new();
    let mut skipped = false;
    for a in aligned {
        let Some(change) = super::change(a) else {
            skipped = true;
            continue;
        };
        if std::mem::take(&mut skipped) {
            omit_items(&mut out);
        }
        out.push(head(&change, a.old, a.new));
        body(a.old, a.new, &mut out);
        changes.push(change);
    }
    if skipped && !out.is_empty() {
        omit_items(&mut out);
    }
    (changes, out)
}

/// 「（略）」 for unchanged items; one row says it for an item's unchanged
/// last passages too.
fn omit_items(out: &mut Vec<Row>) {
    if !out.last().is_some_and(|r| r.omitted) {
        out.push(Row::omitted(true));
    }
}

/// An item's head row: its name on each side, a renumbering marked.
fn head(change: &Change, old: Option<&Item>, new: Option<&Item>) -> Row {
    let (o, n) = (old.map(|x| x.id.label()), new.map(|x| x.id.label()));
    let (mut old_cell, mut new_cell) = (Cell::default(), Cell::default());
    match (&o, &n) {
        (Some(o), Some(n)) => {
            let (or, nr) = chars::marked(o, n);
            (old_cell.runs, new_cell.runs) = (or, nr);
            let (to, from) = match change.kind {
                ChangeKind::Moved if o == n => ("（順序を移動）".into(), "（順序を移動）".into()),
                ChangeKind::Moved => (format!("（{n}へ移動）"), format!("（{o}から移動）")),
                ChangeKind::Renumbered => {
                    (format!("（{n}に番号変更）"), format!("（{o}から番号変更）"))
                }
                _ => (String::new(), String::new()),
            };
            old_cell.note = Some(to).filter(|s| !s.is_empty());
            new_cell.note = Some(from).filter(|s| !s.is_empty());
        }
        (None, Some(n)) => {
            new_cell.runs = chars::whole(n, true);
            old_cell.note = Some("（新設）".into());
        }
        (Some(o), None) => {
            old_cell.runs = chars::whole(o, true);
            new_cell.note = Some("（削除）".into());
        }
        (None, None) => {}
    }
    Row {
        rule: true,
        head: true,
        omitted: false,
        kind: Some(change.kind),
        new: new_cell,
        old: old_cell,
    }
}

/// An item's passages: unchanged runs of them as 「（略）」, the others side by
/// side with their changed characters marked.
fn body(old: Option<&Item>, new: Option<&Item>, out: &mut Vec<Row>) {
    let none: &[String] = &[];
    let (o, n) = (
        old.map_or(none, |x| &x.parts),
        new.map_or(none, |x| &x.parts),
    );
    let mut last_same = false;
    for p in chars::passages(o, n) {
        match p {
            Passage::Same if last_same => {}
            Passage::Same => out.push(Row::omitted(false)),
            Passage::Changed(Some(a), Some(b)) => {
                let (or, nr) = chars::marked(a, b);
                out.push(Row::passage(or, nr));
            }
            Passage::Changed(a, b) => {
                let side = |x: Option<&str>| x.map(|t| chars::whole(t, true)).unwrap_or_default();
                out.push(Row::passage(side(a), side(b)));
            }
        }
        last_same = p == Passage::Same;
    }
}
