//! The editor's forms are generated from the content schemas: every field and every
//! choice a clerk can reach must carry a Japanese label and help, and the form hints
//! must point at things that exist. A field added to the model without a label fails
//! here.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

/// Kana or kanji: a label in Japanese, not a key name or an English doc comment.
fn japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'))
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

struct Walk<'a> {
    kind: &'a str,
    root: &'a Value,
    seen: HashSet<String>,
    faults: Vec<String>,
}

impl Walk<'_> {
    fn fault(&mut self, at: &str, what: String) {
        self.faults.push(format!("{}{at}: {what}", self.kind));
    }

    /// A field or a variant: a Japanese title and Japanese help.
    fn labelled(&mut self, at: &str, v: &Value) {
        if !japanese(text(v, "title")) {
            self.fault(at, format!("no Japanese \"title\" ({})", text(v, "title")));
        }
        if !japanese(text(v, "x-help")) {
            self.fault(at, "no Japanese \"x-help\"".into());
        }
    }

    fn hints(&mut self, at: &str, v: &Value, parent: Option<&Value>) {
        let Some(map) = v.as_object() else { return };
        for key in map.keys().filter(|k| k.starts_with("x-")) {
            if !planpress::schema::EXTENSIONS.contains(&key.as_str()) {
                self.fault(at, format!("{key} is not documented in src/schema.rs"));
            }
        }
        match map.get("x-form").map(|f| f.as_str()) {
            None | Some(Some("paragraph" | "hidden")) => {}
            Some(Some("table")) if v.get("items").is_some() => {}
            other => self.fault(at, format!("x-form {other:?} is not a form the page knows")),
        }
        if let Some(values) = map.get("x-values")
            && !matches!(values.as_str(), Some("scenes" | "statuses"))
        {
            self.fault(
                at,
                format!("x-values {values} names no list of edition.json"),
            );
        }
        if let Some(columns) = map.get("x-columns").and_then(Value::as_str) {
            let holder = match columns.strip_prefix('/') {
                Some(key) => self.root.pointer("/properties").and_then(|p| p.get(key)),
                None => parent
                    .and_then(|p| p.pointer("/properties"))
                    .and_then(|p| p.get(columns)),
            };
            let strings = v.pointer("/items/items/type").and_then(Value::as_str) == Some("string");
            if holder.is_none() || !strings || text(v, "x-form") != "table" {
                self.fault(
                    at,
                    format!("x-columns {columns:?} heads no table of string rows"),
                );
            }
        }
        if let Some(order) = map.get("x-order") {
            let props: BTreeSet<&str> = v["properties"]
                .as_object()
                .map(|p| p.keys().map(String::as_str).collect())
                .unwrap_or_default();
            let listed: Vec<&str> = order
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            if listed.iter().copied().collect::<BTreeSet<_>>() != props
                || listed.len() != props.len()
            {
                self.fault(
                    at,
                    format!("x-order {listed:?} is not the fields {props:?}"),
                );
            }
        }
    }

    fn node(&mut self, at: &str, v: &Value, parent: Option<&Value>) {
        self.hints(at, v, parent);
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").expect("a local $ref");
            if self.seen.insert(name.to_string()) {
                let def = &self.root["$defs"][name];
                assert!(!def.is_null(), "{}: {r} resolves", self.kind);
                if !japanese(text(def, "title")) {
                    self.fault(
                        &format!("#{name}"),
                        "the type has no Japanese \"title\"".into(),
                    );
                }
                self.node(&format!("#{name}"), def, None);
            }
        }
        if let Some(props) = v.get("properties").and_then(Value::as_object) {
            for (key, field) in props {
                let here = format!("{at}/{key}");
                self.labelled(&here, field);
                self.node(&here, field, Some(v));
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            let branches: Vec<&Value> = v
                .get(keyword)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|b| text(b, "type") != "null")
                .collect();
            // One branch beside null is an optional value, not a choice.
            let choice = branches.len() > 1;
            for (i, branch) in branches.into_iter().enumerate() {
                let here = format!("{at}|{keyword}[{i}]");
                if choice {
                    self.labelled(&here, branch);
                }
                self.node(&here, branch, parent);
            }
        }
        if let Some(values) = v.get("enum").and_then(Value::as_array)
            && values.len() > 1
        {
            self.fault(
                at,
                format!("enum {values:?} has no labels: give each variant a title"),
            );
        }
        for key in ["items", "additionalProperties"] {
            if let Some(inner) = v.get(key).filter(|i| i.is_object()) {
                self.node(&format!("{at}[]"), inner, Some(v));
            }
        }
    }
}

fn faults(kind: &str, root: &Value) -> (Vec<String>, usize) {
    let mut walk = Walk {
        kind,
        root,
        seen: HashSet::new(),
        faults: Vec::new(),
    };
    if !japanese(text(root, "title")) {
        walk.fault("", "the file has no Japanese \"title\"".into());
    }
    walk.node("", root, None);
    (walk.faults, walk.seen.len())
}

#[test]
fn every_field_and_choice_has_a_japanese_label_and_help() {
    let schemas = planpress::schema::editor_schemas();
    let mut all = Vec::new();
    for (kind, schema) in schemas.as_object().unwrap() {
        let (found, types) = faults(kind, schema);
        all.extend(found);
        // The walk really went through the file's types.
        assert!(
            kind == "edition" || types >= 2,
            "{kind}: only {types} types reached"
        );
    }
    assert!(
        all.is_empty(),
        "unlabelled in the editor's schemas:\n{}",
        all.join("\n")
    );
}

#[test]
fn a_field_without_a_label_is_found() {
    let schema = serde_json::json!({
        "title": "架空の章",
        "type": "object",
        "properties": {
            "title": {"title": "題名", "x-help": "例: 架空の題", "type": "string"},
            "rows": {"title": "行", "x-help": "行です。", "type": "array", "items": {"$ref": "#/$defs/Row"}},
            "kind": {"title": "種類", "x-help": "選びます。", "$ref": "#/$defs/Kind"}
        },
        "$defs": {
            "Row": {"title": "行", "type": "object", "properties": {"text": {"type": "string"}}},
            "Kind": {"title": "種類", "oneOf": [
                {"const": "a", "title": "甲", "x-help": "甲です。"},
                {"const": "b", "title": "b"}
            ]}
        }
    });
    let (found, _) = faults("test", &schema);
    assert_eq!(
        found,
        [
            "test#Row/text: no Japanese \"title\" ()",
            "test#Row/text: no Japanese \"x-help\"",
            "test#Kind|oneOf[1]: no Japanese \"title\" (b)",
            "test#Kind|oneOf[1]: no Japanese \"x-help\"",
        ]
    );
}

#[test]
fn the_editor_has_a_schema_for_every_kind_of_file() {
    let schemas = planpress::schema::editor_schemas();
    let kinds: BTreeSet<&str> = schemas
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    // Every PartKind an edition may list, read from the schema's own choices.
    let mut expected: BTreeSet<&str> = schemas["edition"]["$defs"]["PartKind"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    expected.insert("edition");
    // The city's common folder (issue 25): its own file kind.
    expected.insert("common");
    assert_eq!(kinds, expected);
    // The same schemas as the committed files editors validate with.
    for (name, text) in planpress::schema::schemas() {
        let kind = name.trim_end_matches(".schema.json");
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schemas[kind], file, "{name}");
    }
    // Labels as the printed document names things.
    let targets = &schemas["targets"]["$defs"];
    assert_eq!(targets["Target"]["properties"]["scene"]["title"], "場面");
    assert_eq!(
        targets["Department"]["properties"]["full_name"]["title"],
        "部署名"
    );
    assert_eq!(
        targets["Department"]["properties"]["targets"]["x-form"],
        "table"
    );
    let regulation = &schemas["regulation"]["$defs"];
    assert_eq!(regulation["Article"]["title"], "条");
    assert_eq!(regulation["Clause"]["title"], "項");
    assert_eq!(regulation["RegulationItem"]["title"], "号");
    assert_eq!(
        schemas["regulation"]["properties"]["supplementary_provisions"]["title"],
        "附則"
    );
    // The lists `x-values` names are edition.json's.
    for list in ["scenes", "statuses"] {
        assert!(schemas["edition"]["properties"][list].is_object(), "{list}");
    }
}
