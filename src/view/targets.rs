//! The targets chapter as the templates show it: the department index (部 → 課 →
//! 担当) and the grid, one band per unit that holds targets.

use serde::Serialize;

use super::Changed;
use super::chapters::{ChapterBody, PolicyView};
use super::text::{Marks, numbered};
use crate::content::model::*;
use crate::content::{Holder, holders};
use crate::item::ItemId;

#[derive(Debug, Clone, Serialize)]
pub struct DivisionView {
    pub name: Option<String>,
    /// The band of the 部's own targets, when it holds any.
    pub anchor: Option<String>,
    /// The units that hold targets, in grid order.
    pub departments: Vec<DepartmentView>,
    /// The department index: each 課 with its 担当.
    pub index: Vec<IndexEntry>,
}

/// A line of the department index, pointing at the first band of its targets.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub name: String,
    pub anchor: String,
    pub units: Vec<IndexEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DepartmentView {
    pub id: String,
    /// The JSON pointers of the unit (`/divisions/0/departments/1/units/0`) and
    /// of the names printed in its band: its (課's) name, its 部's, its own. The
    /// band marks its name at the band's start, also when the 部's name is
    /// printed first (a mark after a line break would stand at that line's end).
    pub src: String,
    pub name_src: String,
    pub division_src: String,
    pub unit_src: Option<String>,
    /// `dept-kumin`: the PDF label the index points to, and the web anchor.
    pub anchor: String,
    /// The 部 it belongs to, printed above its name in the grid.
    pub division: Option<String>,
    /// Index name: 区民課, or for a unit 区民課 戸籍担当.
    pub short_name: String,
    /// Grid name of the 課 (for a unit, its 課's).
    pub full_name: String,
    /// A 担当・係's own name, printed after its 課's in the band.
    pub unit: Option<String>,
    pub targets: Vec<TargetView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    pub item: ItemId,
    /// `/divisions/0/departments/1/targets/2`
    pub src: String,
    pub number: u32,
    pub scene: String,
    pub text: String,
    /// The text's characters and its lines as typed (forced breaks + 1): the
    /// grid decides from them, without laying the text out, that a row is
    /// surely short enough to keep whole (targets.typ, `short-text`).
    pub chars: usize,
    pub lines: usize,
    pub changed: bool,
}

/// A character the templates print as a forced line break (as `escape_markup`).
fn is_line_end(c: char) -> bool {
    matches!(
        c,
        '\n' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

fn anchor(id: &str) -> String {
    format!("dept-{id}")
}

fn department((place, d): &Holder, changed: &Changed) -> DepartmentView {
    let (full_name, unit) = match &place.unit {
        Some((dept, unit)) => (dept.clone(), Some(unit.clone())),
        None => (d.full_name.clone(), None),
    };
    let src = &place.pointer;
    // `/divisions/0`, and the 課 of a unit.
    let division: String = src.split('/').take(3).collect::<Vec<_>>().join("/");
    let dept = src.split("/units/").next().unwrap_or(src);
    DepartmentView {
        src: src.clone(),
        name_src: if dept == division {
            format!("{division}/name")
        } else {
            format!("{dept}/full_name")
        },
        unit_src: unit.as_ref().map(|_| format!("{src}/name")),
        division_src: format!("{division}/name"),
        id: d.id.clone(),
        anchor: anchor(&d.id),
        division: place.name.clone(),
        short_name: d.short_name.clone(),
        full_name,
        unit,
        targets: (d.targets.iter().enumerate())
            .map(|(i, x)| {
                let item = d.item(x.number);
                TargetView {
                    src: format!("{src}/targets/{i}"),
                    changed: changed.contains(&item),
                    item,
                    number: x.number,
                    scene: x.scene.clone(),
                    text: x.text.clone(),
                    chars: x.text.chars().count(),
                    lines: 1 + x.text.chars().filter(|&c| is_line_end(c)).count(),
                }
            })
            .collect(),
    }
}

/// A 課's index line points at its own band, else at its first unit's.
fn index_entry(d: &Department) -> IndexEntry {
    let own = if d.targets.is_empty() {
        d.units.first().map_or(&d.id, |u| &u.id)
    } else {
        &d.id
    };
    IndexEntry {
        name: d.short_name.clone(),
        anchor: anchor(own),
        units: (d.units.iter())
            .map(|u| IndexEntry {
                name: u.name.clone(),
                anchor: anchor(&u.id),
                units: Vec::new(),
            })
            .collect(),
    }
}

pub(super) fn targets(t: &TargetsChapter, changed: &Changed) -> ChapterBody {
    let all = holders(t);
    ChapterBody::Targets {
        policy: PolicyView {
            anchor: "target-policy-title".into(),
            title: t.policy.title.clone(),
            items: numbered(
                &t.policy.items,
                "/policy/items",
                ItemId::TargetPolicy,
                Marks::Circled,
                changed,
            ),
        },
        divisions: (t.divisions.iter().enumerate())
            .map(|(i, div)| {
                let (own, mine) = (format!("/divisions/{i}"), format!("/divisions/{i}/"));
                DivisionView {
                    name: div.name.clone(),
                    anchor: (div.id.as_deref())
                        .filter(|_| !div.targets.is_empty())
                        .map(anchor),
                    departments: (all.iter())
                        .filter(|(p, _)| p.pointer == own || p.pointer.starts_with(&mine))
                        .map(|h| department(h, changed))
                        .collect(),
                    index: div.departments.iter().map(index_entry).collect(),
                }
            })
            .collect(),
    }
}
