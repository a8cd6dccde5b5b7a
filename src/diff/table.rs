//! The 新旧対照表: the changed items side by side, 改正後 and 改正前, passage by
//! passage in document order, the changed characters marked; unchanged items
//! and passages stand as 「（略）」.

use serde::Serialize;

use super::chars::{self, Run};
use super::items::Item;
use super::matching::Aligned;
use super::{Change, ChangeKind};
use crate::content::Content;
use crate::content::date::fiscal_year_wareki;
use crate::content::model::{ComparisonForm, NewSide, TableForm};

/// One side of a row: its text as runs, and a note in brackets (（新設）); or
/// a table's rows (`grid`), set as a table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub runs: Vec<Run>,
    pub note: Option<String>,
    pub grid: Option<Vec<GridRow>>,
}

/// A row of a table inside a cell: its cells as runs, the changed characters
/// marked; a header row; or 「（略）」 for unchanged rows (`omitted`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GridRow {
    pub header: bool,
    pub omitted: bool,
    pub cells: Vec<Vec<Run>>,
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
    /// The 備考 column's words, on an item's head row.
    pub remark: Option<String>,
    pub new: Cell,
    pub old: Cell,
}

impl Row {
    /// 「（略）」: unchanged items (`rule`), or an item's unchanged passages.
    pub(super) fn omitted(rule: bool) -> Self {
        Row {
            rule,
            head: false,
            omitted: true,
            kind: None,
            remark: None,
            new: Cell::default(),
            old: Cell::default(),
        }
    }

    pub(super) fn passage(old: Cell, new: Cell) -> Self {
        Row {
            rule: false,
            head: false,
            omitted: false,
            kind: None,
            remark: None,
            new,
            old,
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
    /// A 備考 column.
    pub remarks: bool,
    /// The mark's name: 傍線 or 下線.
    pub mark: &'static str,
    pub rows: Vec<Row>,
    /// How many items changed.
    pub changes: usize,
}

/// The form the new edition asks for (`edition.json`'s `comparison`), or the default.
pub fn form_of(new: &Content) -> ComparisonForm {
    new.edition.comparison.unwrap_or_default()
}

/// The changes between two editions and their 新旧対照表 in `form`.
pub fn compare(old: &Content, new: &Content, form: &ComparisonForm) -> (Vec<Change>, Comparison) {
    let (old_items, new_items) = super::comparable(old, new);
    let aligned = super::matching::align(&old_items, &new_items);
    let (changes, rows) = rows(&aligned, form);
    let comparison = Comparison {
        new: Side::of(new),
        old: Side::of(old),
        new_first: form.new_side == NewSide::Left,
        remarks: form.remarks,
        mark: form.mark.word(),
        rows,
        changes: changes.len(),
    };
    (changes, comparison)
}

/// The changes and the rows of the table: each changed item's, a 「（略）」 row
/// for each run of unchanged items between them.
fn rows(aligned: &[Aligned], form: &ComparisonForm) -> (Vec<Change>, Vec<Row>) {
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
        out.push(head(&change, a.old, a.new, form.remarks));
        let none: &[String] = &[];
        let (o, n) = (
            a.old.map_or(none, |x| &x.parts),
            a.new.map_or(none, |x| &x.parts),
        );
        let detailed = form.form == TableForm::Detailed;
        super::body::body(o, n, detailed, &mut out);
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

/// An item's head row: its name on each side, a renumbering marked (in the
/// 備考 column, when there is one).
fn head(change: &Change, old: Option<&Item>, new: Option<&Item>, remarks: bool) -> Row {
    let mut remark = change.kind.label().to_string();
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
            if remarks && !from.is_empty() {
                // 備考: 移動（区民窓口担当 目標2から）, 番号変更（基準1から）.
                let whence = if o == n {
                    "（順序）".into()
                } else {
                    format!("（{o}から）")
                };
                remark.push_str(&whence);
            } else {
                old_cell.note = Some(to).filter(|s| !s.is_empty());
                new_cell.note = Some(from).filter(|s| !s.is_empty());
            }
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
        remark: remarks.then_some(remark),
        new: new_cell,
        old: old_cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::ItemId;

    #[test]
    fn a_renumbering_is_told_in_the_remarks_column_when_there_is_one() {
        let words = vec!["窓口で用件を伺います。".to_string()];
        let (old, new) = (
            Item::new(ItemId::standard("", 1), words.clone()),
            Item::new(ItemId::standard("", 2), words.clone()),
        );
        let change = Change {
            kind: ChangeKind::Renumbered,
            id: new.id.clone(),
            from: None,
            old: Some(words.clone()),
            new: Some(words),
        };
        let row = head(&change, Some(&old), Some(&new), true);
        assert_eq!(row.remark.as_deref(), Some("番号変更（基準1から）"));
        assert_eq!((row.old.note, row.new.note), (None, None));
        let row = head(&change, Some(&old), Some(&new), false);
        assert_eq!(row.new.note.as_deref(), Some("（基準1から番号変更）"));
    }
}
