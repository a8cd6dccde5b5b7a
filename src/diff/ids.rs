//! A department's id is how the change list, the 新旧対照表, the draft's bars and
//! the returned workbooks know it from one edition to the next. An id that
//! disappears while a department of the same name appears is most likely
//! mistyped: `check` warns of it, and the comparison pairs the two by name, so
//! the department and its targets are not shown as moved.

use std::collections::HashMap;

use super::items::Item;
use crate::content::{Content, Part};
use crate::item::{Dept, ItemId};

/// A unit of the organisation as the targets file gives it: its id, its names
/// (full and short, or a 担当's own), and the file.
struct Unit {
    id: String,
    names: Vec<String>,
    /// How messages name it: 区民課, or 区民課 戸籍担当.
    label: String,
    file: String,
}

fn units(content: &Content) -> Vec<Unit> {
    let mut out = Vec::new();
    for (part, r) in content.chapters.iter().zip(&content.edition.chapters) {
        let Part::Targets(t) = part else { continue };
        let mut push = |id: &str, names: Vec<String>, label: String| {
            if !id.is_empty() {
                out.push(Unit {
                    id: id.to_string(),
                    names,
                    label,
                    file: r.file.clone(),
                })
            }
        };
        for div in &t.divisions {
            if let (Some(id), Some(name)) = (&div.id, &div.name) {
                push(id, vec![name.clone()], name.clone());
            }
            for d in &div.departments {
                let names = vec![d.full_name.clone(), d.short_name.clone()];
                push(&d.id, names, d.full_name.clone());
                for u in &d.units {
                    let label = format!("{} {}", d.short_name, u.name);
                    push(&u.id, vec![label.clone()], label);
                }
            }
        }
    }
    out
}

/// An id of the old edition gone, and the id the department of the same name
/// has in the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    pub old_id: String,
    pub new_id: String,
    /// The department in the new edition: 区民課.
    pub label: String,
    /// The new edition's targets file.
    pub file: String,
}

/// The ids gone from `old` whose department, by one of its names, is in `new`
/// under an id `old` does not have (each name matching one unit on each side).
pub fn renamed(old: &Content, new: &Content) -> Vec<Renamed> {
    let (old_units, new_units) = (units(old), units(new));
    let has = |units: &[Unit], id: &str| units.iter().any(|u| u.id == id);
    let gone: Vec<&Unit> = (old_units.iter())
        .filter(|u| !has(&new_units, &u.id))
        .collect();
    let came: Vec<&Unit> = (new_units.iter())
        .filter(|u| !has(&old_units, &u.id))
        .collect();
    let mut out = Vec::new();
    for g in &gone {
        let shares = |u: &&&Unit| u.names.iter().any(|n| g.names.contains(n));
        let same: Vec<&&Unit> = came.iter().filter(shares).collect();
        let back = gone.iter().filter(|o| {
            same.iter()
                .any(|s| o.names.iter().any(|n| s.names.contains(n)))
        });
        if let ([n], 1) = (same.as_slice(), back.count()) {
            out.push(Renamed {
                old_id: g.id.clone(),
                new_id: n.id.clone(),
                label: n.label.clone(),
                file: n.file.clone(),
            });
        }
    }
    out
}

/// What `check` says of each id gone while its department stayed.
pub fn warnings(old: &Content, new: &Content) -> Vec<String> {
    (renamed(old, new).iter())
        .map(|r| {
            format!(
                "{}: {} の id が、前年度の版（{}）の「{}」から「{}」に変わっています。id が変わっていませんか。打ち間違いなら「{}」に戻してください（返送された目標の表は部署を id で見分けます）。わざと変えたのなら、前年度との比較では同じ名前の部署として扱います",
                r.file, r.label, old.name, r.old_id, r.new_id, r.old_id
            )
        })
        .collect()
}

/// The old edition's items, each department renamed by `renamed` under its new
/// id: the same department, paired with itself.
pub fn pair_by_name(old_items: &mut [Item], renamed: &[Renamed]) {
    let to: HashMap<&str, &str> = (renamed.iter())
        .map(|r| (r.old_id.as_str(), r.new_id.as_str()))
        .collect();
    let rename = |d: &mut Dept| {
        if let Some(n) = to.get(d.id.as_str()) {
            d.id = n.to_string();
        }
    };
    for x in old_items {
        match &mut x.id {
            ItemId::Target(d, _) | ItemId::Unit(d) => rename(d),
            _ => {}
        }
    }
}
