//! What changed between two editions, item by item: compared by the items'
//! identity (standard number, department and target number…) and words, not by
//! JSON lines. `table` lays the changes out as a 新旧対照表.

use serde::Serialize;

use crate::content::{Content, Part};
use crate::item::{AnnexItem, ItemId};

mod annex;
mod body;
pub mod cells;
pub mod chars;
mod items;
pub mod matching;
pub mod table;

pub use items::{Item, items};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Moved,
    Renumbered,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "追加",
            ChangeKind::Removed => "削除",
            ChangeKind::Changed => "変更",
            ChangeKind::Moved => "移動",
            ChangeKind::Renumbered => "番号変更",
        }
    }
}

/// One changed item: its words before and after, passage by passage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The item as the new edition names it (the old one's, when removed).
    pub id: ItemId,
    /// A moved item: where it stood in the old edition.
    pub from: Option<ItemId>,
    pub old: Option<Vec<String>>,
    pub new: Option<Vec<String>>,
}

impl Change {
    /// The old words, passages joined with 「／」 (a row's cells with 「｜」).
    pub fn old_text(&self) -> Option<String> {
        self.old.as_deref().map(shown)
    }

    /// The new words, passages joined with 「／」 (a row's cells with 「｜」).
    pub fn new_text(&self) -> Option<String> {
        self.new.as_deref().map(shown)
    }
}

fn shown(passages: &[String]) -> String {
    let shown: Vec<String> = passages.iter().map(|p| cells::display(p)).collect();
    shown.join("／")
}

/// For tools (`--format json`): `{kind, key, item, from_key, from_item, old, new}`.
impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Change", 7)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("key", &self.id.key())?;
        s.serialize_field("item", &self.id.label())?;
        s.serialize_field("from_key", &self.from.as_ref().map(ItemId::key))?;
        s.serialize_field("from_item", &self.from.as_ref().map(ItemId::label))?;
        s.serialize_field("old", &self.old_text())?;
        s.serialize_field("new", &self.new_text())?;
        s.end()
    }
}

/// The items of both editions, side by side in document order. Results of
/// different years are not one item changed: next year's edition always
/// reports another year.
pub fn comparable(old: &Content, new: &Content) -> (Vec<Item>, Vec<Item>) {
    let (mut old_items, mut new_items) = (items(old), items(new));
    if results_year(old) != results_year(new) {
        let other = |x: &Item| !matches!(x.id, ItemId::Annex(AnnexItem::Result(..)));
        old_items.retain(other);
        new_items.retain(other);
    }
    (old_items, new_items)
}

/// The change an aligned pair of items makes, if any.
pub fn change(a: &matching::Aligned) -> Option<Change> {
    let parts = |x: Option<&Item>| x.map(|x| x.parts.clone());
    let kind = match (a.old, a.new) {
        (None, Some(_)) => ChangeKind::Added,
        (Some(_), None) => ChangeKind::Removed,
        _ if a.renumbered => ChangeKind::Renumbered,
        _ if a.moved => ChangeKind::Moved,
        (Some(o), Some(n)) if o.parts != n.parts => ChangeKind::Changed,
        _ => return None,
    };
    let id = a.new.or(a.old).expect("one side").id.clone();
    Some(Change {
        kind,
        id,
        from: a.old.filter(|_| a.moved).map(|o| o.id.clone()),
        old: parts(a.old),
        new: parts(a.new),
    })
}

/// The changes from `old` to `new`, in document order: each removed item where
/// it stood. A renamed department's targets are compared, not re-added; a
/// renumbered or moved item is one item moved.
pub fn diff(old: &Content, new: &Content) -> Vec<Change> {
    let (old_items, new_items) = comparable(old, new);
    (matching::align(&old_items, &new_items).iter())
        .filter_map(change)
        .collect()
}

/// The changes as the terminal shows them.
pub fn render_text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "変更はありません\n".into();
    }
    let mut s = format!("{} 件の変更があります\n", changes.len());
    for c in changes {
        let from = (c.from.as_ref())
            .filter(|f| f.label() != c.id.label())
            .map(|f| format!("（{} から）", f.label()))
            .unwrap_or_default();
        s.push_str(&format!("\n[{}] {}{from}\n", c.kind.label(), c.id.label()));
        if let Some(o) = c.old_text() {
            s.push_str(&format!("  旧: {o}\n"));
        }
        if let Some(n) = c.new_text() {
            s.push_str(&format!("  新: {n}\n"));
        }
    }
    s
}

/// The fiscal year the edition's results annex reports, if it has one.
fn results_year(content: &Content) -> Option<i32> {
    content.annex.iter().find_map(|p| match p {
        Part::Results(r) => Some(r.fiscal_year),
        _ => None,
    })
}
