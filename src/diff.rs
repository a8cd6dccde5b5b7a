//! What changed between two editions, item by item: compared by the items'
//! identity (standard number, department and target number…), not by JSON lines.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::model::NumberedItem;
use crate::content::{Content, Part};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    /// A stable key the templates use to mark the item: `target:kumin:2`.
    pub key: String,
    /// The item in plain words: 区民課 目標2.
    pub item: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Numbered title-and-text items (principles, policy items) as comparable items.
fn numbered(
    out: &mut Vec<(String, String, String)>,
    key: &str,
    label: &str,
    items: &[NumberedItem],
) {
    for x in items {
        out.push((
            format!("{key}:{}", x.number),
            format!("{label}{}", x.number),
            format!("{}　{}", x.title, x.text),
        ));
    }
}

/// The comparable items of an edition, in document order: key → (item, text).
pub fn items(content: &Content) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for part in &content.chapters {
        match part {
            Part::Principles(p) => numbered(&mut out, "principle", "基本理念", &p.principles),
            Part::Sections(c) => {
                for s in &c.sections {
                    if let Some(policy) = &s.policy {
                        numbered(&mut out, "policy", "向上方針", &policy.items);
                    }
                    for t in &s.standard_tables {
                        for st in &t.standards {
                            let mut text = st.text.clone();
                            if let Some(n) = &st.note {
                                text.push_str(n);
                            }
                            let owner = st
                                .owner
                                .as_deref()
                                .map(|o| format!("（所管: {o}）"))
                                .unwrap_or_default();
                            out.push((
                                format!("standard:{}", st.number),
                                format!("基準{}", st.number),
                                format!("{text}{owner}（場面: {}）", st.scene),
                            ));
                        }
                    }
                    for sub in &s.subsections {
                        for w in &sub.working_teams {
                            let list: Vec<String> = w
                                .achievements
                                .iter()
                                .map(|a| match a {
                                    crate::content::model::Achievement::Text(t) => t.clone(),
                                    crate::content::model::Achievement::Detailed(d) => {
                                        format!("{}{}", d.text, d.detail)
                                    }
                                })
                                .collect();
                            out.push((
                                format!("team:{}", w.term),
                                format!("第{}期ワーキングチーム", w.term),
                                list.join("／"),
                            ));
                        }
                    }
                }
            }
            Part::Targets(t) => {
                numbered(
                    &mut out,
                    "target-policy",
                    "目標の章の向上方針",
                    &t.policy.items,
                );
                for div in &t.divisions {
                    for d in &div.departments {
                        for x in &d.targets {
                            out.push((
                                format!("target:{}:{}", d.id, x.number),
                                format!("{} 目標{}", d.short_name, x.number),
                                format!("{}（場面: {}）", x.text, x.scene),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The changes from `old` to `new`: removed items where they stood in the old
/// edition, then the new edition's added and changed items in its order.
pub fn diff(old: &Content, new: &Content) -> Vec<Change> {
    let old_items = items(old);
    let new_items = items(new);
    let old_map: BTreeMap<&str, (&str, &str)> = old_items
        .iter()
        .map(|(k, i, t)| (k.as_str(), (i.as_str(), t.as_str())))
        .collect();
    let new_map: BTreeMap<&str, (&str, &str)> = new_items
        .iter()
        .map(|(k, i, t)| (k.as_str(), (i.as_str(), t.as_str())))
        .collect();
    let mut out = Vec::new();
    for (key, item, text) in &new_items {
        match old_map.get(key.as_str()) {
            None => out.push(Change {
                kind: ChangeKind::Added,
                key: key.clone(),
                item: item.clone(),
                old: None,
                new: Some(text.clone()),
            }),
            Some((_, old_text)) if old_text != text => out.push(Change {
                kind: ChangeKind::Changed,
                key: key.clone(),
                item: item.clone(),
                old: Some(old_text.to_string()),
                new: Some(text.clone()),
            }),
            _ => {}
        }
    }
    for (key, item, text) in &old_items {
        if !new_map.contains_key(key.as_str()) {
            out.push(Change {
                kind: ChangeKind::Removed,
                key: key.clone(),
                item: item.clone(),
                old: Some(text.clone()),
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
        s.push_str(&format!("\n[{}] {}\n", c.kind.label(), c.item));
        if let Some(o) = &c.old {
            s.push_str(&format!("  旧: {o}\n"));
        }
        if let Some(n) = &c.new {
            s.push_str(&format!("  新: {n}\n"));
        }
    }
    s
}
