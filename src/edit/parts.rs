//! The parts a clerk picks from, named as the printed document names them:
//! 表紙・版の情報, each chapter, each department's targets under its 部, each
//! annex item. Read from the files as they are, so an edition with problems
//! (even a file that does not parse) still opens.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::files::{self, Named};

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Part {
    /// `file#pointer`
    pub id: String,
    pub label: String,
    /// The heading it is listed under (本編, 資料編, a 部's name).
    pub group: String,
    pub file: String,
    /// JSON pointer of the part in its file ("" for the whole file).
    pub pointer: String,
}

fn part(group: &str, label: String, file: &str, pointer: String) -> Part {
    Part {
        id: format!("{file}#{pointer}"),
        label,
        group: group.to_string(),
        file: file.to_string(),
        pointer,
    }
}

/// Every part of the edition in `dir`, in printed order, as it would be with
/// the page's unsaved files (`unsaved`: name → text) in place of the folder's:
/// a department added in the page is listed before it is saved.
pub fn list(dir: &Path, names: &[Named], unsaved: &BTreeMap<String, String>) -> Vec<Part> {
    let mut out = Vec::new();
    let mut annex = 0;
    for n in names {
        let text = match unsaved.get(&n.name) {
            Some(text) => Some(text.clone()),
            None => files::read(dir, &n.name).ok().map(|b| files::text(&b)),
        };
        let value = text.and_then(|t| serde_json::from_str::<Value>(&t).ok());
        let title = value
            .as_ref()
            .and_then(|v| v.get("title"))
            .and_then(Value::as_str)
            .unwrap_or(&n.name)
            .to_string();
        match n.kind.as_str() {
            "edition" => out.push(part("", "表紙・版の情報".into(), &n.name, String::new())),
            "common" => out.push(part(
                "市の共通の内容",
                format!("{}（全区に共通）", common_label(value.as_ref())),
                &n.name,
                String::new(),
            )),
            "targets" => {
                out.push(part("本編", title.clone(), &n.name, String::new()));
                if let Some(v) = &value {
                    targets(&mut out, &n.name, v);
                }
            }
            "regulation" | "roster" | "memo" | "results" => {
                annex += 1;
                out.push(part(
                    "資料編",
                    format!("資料{annex} {title}"),
                    &n.name,
                    String::new(),
                ));
            }
            _ => out.push(part("本編", title, &n.name, String::new())),
        }
    }
    out
}

/// 「架空市 令和7年度の共通の内容」 from `common.json`'s city and year.
fn common_label(value: Option<&Value>) -> String {
    let city = value.and_then(|v| v.get("city")).and_then(Value::as_str);
    let year = value
        .and_then(|v| v.get("fiscal_year"))
        .and_then(Value::as_i64);
    let year = year
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1989..=2200).contains(y));
    match (city, year) {
        (Some(c), Some(y)) => format!(
            "{c} {}の共通の内容",
            crate::content::date::fiscal_year_wareki(y)
        ),
        (Some(c), _) => format!("{c}の共通の内容"),
        _ => "市の共通の内容".into(),
    }
}

/// One part per 部 holding targets of its own, and per 課・担当 holder (課).
fn targets(out: &mut Vec<Part>, file: &str, v: &Value) {
    let divisions = v.get("divisions").and_then(Value::as_array);
    for (i, d) in divisions.into_iter().flatten().enumerate() {
        let name = d.get("name").and_then(Value::as_str);
        let group = name.unwrap_or("部に属さない課").to_string();
        let own = d
            .get("targets")
            .and_then(Value::as_array)
            .is_some_and(|t| !t.is_empty());
        if let (Some(name), true) = (name, own) {
            out.push(part(
                &group,
                format!("{name}（部の目標）"),
                file,
                format!("/divisions/{i}"),
            ));
        }
        let departments = d.get("departments").and_then(Value::as_array);
        for (j, dep) in departments.into_iter().flatten().enumerate() {
            let label = ["full_name", "short_name", "id"]
                .iter()
                .find_map(|k| dep.get(*k).and_then(Value::as_str))
                .unwrap_or("（名前のない課）");
            out.push(part(
                &group,
                label.to_string(),
                file,
                format!("/divisions/{i}/departments/{j}"),
            ));
        }
    }
}
