//! Checks of paragraph content beyond text, on the files as written: every
//! `page_of` names a place of this edition, lists have items, and a simple
//! table's rows have as many cells as it has columns.

use serde_json::Value;

use super::Part;
use super::error::ContentError;

/// A place a `page_of` names: `file:<file>`, `section:<file>#<number>` or
/// `dept:<id>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    File(String),
    Section(String, u32),
    Dept(String),
}

impl Place {
    pub fn parse(key: &str) -> Option<Place> {
        if let Some(f) = key.strip_prefix("file:") {
            return Some(Place::File(f.to_string()));
        }
        if let Some(rest) = key.strip_prefix("section:") {
            let (file, n) = rest.rsplit_once('#')?;
            return Some(Place::Section(file.to_string(), n.parse().ok()?));
        }
        key.strip_prefix("dept:")
            .map(|d| Place::Dept(d.to_string()))
    }

    /// Whether the place is in these parts (file name, part).
    pub fn exists(&self, parts: &[(&str, &Part)]) -> bool {
        match self {
            Place::File(f) => parts.iter().any(|(name, _)| name == f),
            Place::Section(f, n) => parts.iter().any(|(name, p)| {
                name == f
                    && matches!(p, Part::Sections(s) if s.sections.iter().any(|x| x.number == *n))
            }),
            Place::Dept(id) => parts.iter().any(|(_, p)| match p {
                Part::Targets(t) => super::holders::holders(t).iter().any(|(_, d)| &d.id == id),
                _ => false,
            }),
        }
    }
}

/// The department or file of this edition closest to a mistyped `page_of`
/// (`dept:kumni` → `dept:kumin`), when it is close enough to be a typo.
fn nearest_place(key: &str, parts: &[(&str, &Part)]) -> Option<String> {
    let mut places: Vec<String> = Vec::new();
    for (name, part) in parts {
        if key.starts_with("file:") {
            places.push(format!("file:{name}"));
        }
        if let Part::Targets(t) = part
            && key.starts_with("dept:")
        {
            (super::holders::holders(t).iter())
                .for_each(|(_, d)| places.push(format!("dept:{}", d.id)));
        }
    }
    let allowed: Vec<&str> = places.iter().map(String::as_str).collect();
    super::messages::nearest(key, &allowed).map(str::to_string)
}

/// The problems of `value` (file `file`) against the edition's `parts`.
pub fn check(file: &str, value: &Value, parts: &[(&str, &Part)]) -> Vec<ContentError> {
    let mut out = Vec::new();
    walk(file, value, String::new(), parts, &mut out);
    out
}

fn walk(file: &str, v: &Value, at: String, parts: &[(&str, &Part)], out: &mut Vec<ContentError>) {
    match v {
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                walk(file, x, format!("{at}/{i}"), parts, out);
            }
        }
        Value::Object(o) => {
            if let Some(Value::String(key)) = o.get("page_of")
                && !Place::parse(key).is_some_and(|p| p.exists(parts))
            {
                let guess = nearest_place(key, parts)
                    .map(|g| format!("もしかして「{g}」ですか。"))
                    .unwrap_or_default();
                out.push(ContentError::new(file, format!(
                    "参照先「{key}」が見つかりません。{guess}dept:部署の id、file:ファイル名、section:ファイル名#節の番号 のどれかで、この版にあるものを書いてください"
                )).at(format!("{at}/page_of")));
            }
            if let Some(Value::Array(items)) = o.get("list")
                && items.is_empty()
            {
                out.push(
                    ContentError::new(
                        file,
                        "箇条書きに項目がありません。項目を入れるか、箇条書きを消してください",
                    )
                    .at(format!("{at}/list")),
                );
            }
            if let Some(Value::Object(t)) = o.get("table")
                && let (Some(Value::Array(cols)), Some(Value::Array(rows))) =
                    (t.get("columns"), t.get("rows"))
            {
                if cols.is_empty() {
                    out.push(
                        ContentError::new(
                            file,
                            "表に列がありません。columns に列の見出しを入れてください",
                        )
                        .at(format!("{at}/table/columns")),
                    );
                }
                for (i, r) in rows.iter().enumerate() {
                    if let Value::Array(cells) = r
                        && cells.len() != cols.len()
                    {
                        out.push(ContentError::new(file, format!(
                            "表の {} 行目のマス目が {} 個ですが、列は {} 個です。列の数にそろえてください",
                            i + 1, cells.len(), cols.len()
                        )).at(format!("{at}/table/rows/{i}")));
                    }
                }
            }
            for (k, x) in o {
                let k = k.replace('~', "~0").replace('/', "~1");
                walk(file, x, format!("{at}/{k}"), parts, out);
            }
        }
        _ => {}
    }
}
