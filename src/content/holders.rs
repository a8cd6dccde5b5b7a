//! The units that hold targets, in printed order: a 課, or a 担当・係 under its
//! 課. Sheets, import, diff, validation and the view all name targets through them.

use serde_json::Value;

use super::model::{Department, TargetsChapter};
use crate::item::ItemId;

/// One unit that holds targets: where it stands, and it as a department — its
/// id, its names (a unit's are its 課's followed by its own: 区民課 戸籍担当)
/// and its targets, no units.
pub type Holder = (Place, Department);

/// Where a unit that holds targets stands.
#[derive(Debug, Clone)]
pub struct Place {
    /// The 部 (as `Division::name`), when there is one.
    pub name: Option<String>,
    /// The 課's grid name (区民課) and the unit's own name (戸籍担当), for a unit.
    pub unit: Option<(String, String)>,
    /// Where it stands in the targets file: `/divisions/0/departments/1/units/0`.
    pub pointer: String,
}

impl Department {
    /// Its target `number`, named.
    pub fn item(&self, number: u32) -> ItemId {
        ItemId::target(&self.id, &self.short_name, number)
    }
}

/// Every holder of the chapter. A 課 is one unless only its units hold targets.
pub fn holders(t: &TargetsChapter) -> Vec<Holder> {
    let mut out = Vec::new();
    for (i, div) in t.divisions.iter().enumerate() {
        if !div.targets.is_empty() || div.departments.is_empty() {
            // A 部 that holds targets itself (or holds nothing, for validation).
            let name = div.name.clone().unwrap_or_default();
            let place = Place {
                name: None,
                unit: None,
                pointer: format!("/divisions/{i}"),
            };
            let dept = Department {
                id: div.id.clone().unwrap_or_default(),
                short_name: name.clone(),
                full_name: name,
                targets: div.targets.clone(),
                units: Vec::new(),
            };
            out.push((place, dept));
        }
        for (j, d) in div.departments.iter().enumerate() {
            let pointer = format!("/divisions/{i}/departments/{j}");
            if !d.targets.is_empty() || d.units.is_empty() {
                let place = Place {
                    name: div.name.clone(),
                    unit: None,
                    pointer: pointer.clone(),
                };
                let units = Vec::new();
                out.push((place, Department { units, ..d.clone() }));
            }
            for (k, u) in d.units.iter().enumerate() {
                let place = Place {
                    name: div.name.clone(),
                    unit: Some((d.full_name.clone(), u.name.clone())),
                    pointer: format!("{pointer}/units/{k}"),
                };
                let dept = Department {
                    id: u.id.clone(),
                    short_name: format!("{} {}", d.short_name, u.name),
                    full_name: format!("{} {}", d.full_name, u.name),
                    targets: u.targets.clone(),
                    units: Vec::new(),
                };
                out.push((place, dept));
            }
        }
    }
    out
}

/// Call `f` on the JSON object of every department and unit of a targets file.
pub fn holder_values_mut(v: &mut Value, mut f: impl FnMut(&mut Value)) {
    // `get_mut`, not indexing: indexing a missing key would write a null there.
    for div in list(v, "divisions") {
        for dep in list(div, "departments") {
            for unit in list(dep, "units") {
                f(unit);
            }
            f(dep);
        }
        if div.get("id").is_some() {
            f(div);
        }
    }
}

fn list<'a>(v: &'a mut Value, key: &str) -> impl Iterator<Item = &'a mut Value> {
    (v.get_mut(key).and_then(Value::as_array_mut))
        .into_iter()
        .flatten()
}
