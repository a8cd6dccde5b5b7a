//! What changed between two editions, item by item: compared by the items'
//! identity (standard number, department and target number…), not by JSON lines.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::content::model::{
    Achievement, FreeSection, NumberedItem, Paragraph, Section, Standard, WorkingTeam,
};
use crate::content::{Content, Part};
use crate::item::{AnnexItem, ItemId};

mod annex;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "追加",
            ChangeKind::Removed => "削除",
            ChangeKind::Changed => "変更",
        }
    }
}

/// One changed item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    pub id: ItemId,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// For tools (`--format json`): `{kind, key, item, old, new}`.
impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Change", 5)?;
        s.serialize_field("kind", &self.kind)?;
        s.serialize_field("key", &self.id.key())?;
        s.serialize_field("item", &self.id.label())?;
        s.serialize_field("old", &self.old)?;
        s.serialize_field("new", &self.new)?;
        s.end()
    }
}

/// Numbered title-and-text items (principles, policy items) as comparable items.
fn numbered(out: &mut Vec<(ItemId, String)>, id: fn(u32) -> ItemId, items: &[NumberedItem]) {
    for x in items {
        out.push((id(x.number), format!("{}　{}", x.title, x.text)));
    }
}

fn standard_text(st: &Standard) -> String {
    let mut text = st.text.clone();
    if let Some(n) = &st.note {
        text.push_str(n);
    }
    let owner = st
        .owner
        .as_deref()
        .map(|o| format!("（所管: {o}）"))
        .unwrap_or_default();
    format!("{text}{owner}（場面: {}）", st.scene)
}

fn team_text(w: &WorkingTeam) -> String {
    let list: Vec<String> = w
        .achievements
        .iter()
        .map(|a| match a {
            Achievement::Text(t) => t.clone(),
            Achievement::Detailed(d) => format!("{}{}", d.text, d.detail),
        })
        .collect();
    list.join("／")
}

/// A section of a chapter of the edition's own as one text: its title, then
/// its paragraphs' and subsections' words (lists and tables cell by cell).
fn free_section_text(s: &FreeSection) -> String {
    let text = |ps: &[Paragraph]| {
        ps.iter()
            .map(crate::content::blocks::plain_text)
            .collect::<Vec<_>>()
    };
    let mut parts = vec![s.title.clone()];
    parts.extend(text(&s.paragraphs));
    for sub in &s.subsections {
        parts.push(sub.title.clone());
        parts.extend(text(&sub.paragraphs));
    }
    parts.join("／")
}

/// A numbered section's own words: its paragraphs, then each subsection's
/// title and paragraphs (its policy, standards and teams are items of their own).
fn section_text(s: &Section) -> String {
    let text = |ps: &[Paragraph]| {
        ps.iter()
            .map(crate::content::blocks::plain_text)
            .collect::<Vec<_>>()
    };
    let mut parts = text(&s.paragraphs);
    for sub in &s.subsections {
        parts.push(sub.title.clone());
        parts.extend(text(&sub.paragraphs));
    }
    parts.join("／")
}

/// The comparable items of an edition, in document order, with their text.
pub fn items(content: &Content) -> Vec<(ItemId, String)> {
    let mut out = Vec::new();
    let ed = &content.edition;
    if let Some(s) = &ed.secretariat {
        out.push((ItemId::Secretariat, s.clone()));
    }
    if let Some(c) = &ed.contact {
        let ways = [
            ("電話", &c.phone),
            ("メール", &c.email),
            ("所在地", &c.address),
        ];
        let text = std::iter::once(c.section.clone())
            .chain(
                ways.iter()
                    .filter_map(|(w, v)| v.as_ref().map(|v| format!("{w}: {v}"))),
            )
            .collect::<Vec<_>>()
            .join("、");
        out.push((ItemId::Contact, text));
    }
    for (part, r) in content.chapters.iter().zip(&content.edition.chapters) {
        match part {
            Part::Principles(p) => numbered(&mut out, ItemId::Principle, &p.principles),
            Part::Sections(c) => {
                for s in &c.sections {
                    let id = ItemId::Section(r.file.clone(), s.number, s.title.clone());
                    out.push((id, section_text(s)));
                    if let Some(policy) = &s.policy {
                        numbered(&mut out, ItemId::Policy, &policy.items);
                    }
                    for t in &s.standard_tables {
                        for st in &t.standards {
                            let id = ItemId::standard(t.item_prefix(), st.number);
                            out.push((id, standard_text(st)));
                        }
                    }
                    for w in s.subsections.iter().flat_map(|sub| &sub.working_teams) {
                        out.push((ItemId::Team(w.term), team_text(w)));
                    }
                }
            }
            Part::Targets(t) => {
                numbered(&mut out, ItemId::TargetPolicy, &t.policy.items);
                for (_, d) in crate::content::holders(t) {
                    for x in &d.targets {
                        let text = format!("{}（場面: {}）", x.text, x.scene);
                        out.push((d.item(x.number), text));
                    }
                }
            }
            Part::Free(f) => {
                for (i, s) in f.sections.iter().enumerate() {
                    let id = ItemId::FreeSection(r.file.clone(), f.title.clone(), i as u32 + 1);
                    out.push((id, free_section_text(s)));
                }
            }
            _ => {}
        }
    }
    for part in &content.annex {
        annex::items(&mut out, part);
    }
    out
}

/// The changes from `old` to `new`: the new edition's added and changed items in
/// its order, then removed items where they stood in the old edition. Items are
/// matched by key, so a renamed department's targets are compared, not re-added.
pub fn diff(old: &Content, new: &Content) -> Vec<Change> {
    let (mut old_items, mut new_items) = (items(old), items(new));
    // The results of different years are not one item changed: next year's
    // edition always reports another year.
    if results_year(old) != results_year(new) {
        let other =
            |(id, _): &(ItemId, String)| !matches!(id, ItemId::Annex(AnnexItem::Result(..)));
        old_items.retain(other);
        new_items.retain(other);
    }
    let old_map: BTreeMap<String, &str> = old_items
        .iter()
        .map(|(id, t)| (id.key(), t.as_str()))
        .collect();
    let new_keys: BTreeSet<String> = new_items.iter().map(|(id, _)| id.key()).collect();
    let mut out = Vec::new();
    for (id, text) in &new_items {
        let (kind, old) = match old_map.get(&id.key()) {
            None => (ChangeKind::Added, None),
            Some(old_text) if old_text != text => (ChangeKind::Changed, Some(old_text.to_string())),
            _ => continue,
        };
        out.push(Change {
            kind,
            id: id.clone(),
            old,
            new: Some(text.clone()),
        });
    }
    for (id, text) in old_items {
        if !new_keys.contains(&id.key()) {
            out.push(Change {
                kind: ChangeKind::Removed,
                id,
                old: Some(text),
                new: None,
            });
        }
    }
    out
}

/// The changes as the terminal shows them.
pub fn render_text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "変更はありません\n".into();
    }
    let mut s = format!("{} 件の変更があります\n", changes.len());
    for c in changes {
        s.push_str(&format!("\n[{}] {}\n", c.kind.label(), c.id.label()));
        if let Some(o) = &c.old {
            s.push_str(&format!("  旧: {o}\n"));
        }
        if let Some(n) = &c.new {
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
