//! JSON Schemas of the content file kinds, generated from the serde model, so an
//! editor validates and completes content files while a clerk types, and the
//! browser editor (`planpress edit`) builds its forms from them.
//!
//! The labels live on the model (`src/content/model/*.rs`) as schemars attributes,
//! next to the fields they name, so a form cannot drift from the model:
//!
//! - `title`: on every field, every enum variant (unit variants and the shapes of
//!   untagged enums) and every type: the Japanese name a clerk sees, as the printed
//!   document names it (区名, 目標, 場面, 条, 項, 号…).
//! - `x-help`: on every field and variant: short Japanese help, what to write and an
//!   example. `description` stays the English doc comment, for developers.
//!
//! Hints where the schema's shape alone does not say how a form should show a value
//! (every key is listed in [`EXTENSIONS`]):
//!
//! - `"x-form": "paragraph"`: a long text (a paragraph, a target, a 項's text): a
//!   multi-line box that wraps; the value is still one string (no line breaks).
//!   A string without it is a one-line input.
//! - `"x-form": "table"`: an array whose items print as the rows of a table (a
//!   department's targets, standards, result rows, roster rows, a table's rows):
//!   shown as a grid, and rows copied from Excel or Word (tab-separated text) paste
//!   into it. Items that are objects give one column per property; items that are
//!   arrays of strings give one column per cell, headed by `x-columns`.
//! - `"x-form": "hidden"`: not shown and kept as it is (`$schema`).
//! - `"x-columns"`: for a table of string rows, where its headings are: a key of
//!   the same object (`"columns"`), or a JSON pointer from the file's root
//!   (`"/columns"`, a roster's headings for its groups' rows); `"x-columns-skip": 1`
//!   drops that many headings first (a roster's first column is the group's 区分).
//! - `"x-values": "scenes"` / `"statuses"`: the value is one of `edition.json`'s list
//!   of that name (a select); `statuses` defaults to
//!   [`DEFAULT_STATUSES`](crate::content::model::DEFAULT_STATUSES) when not given.
//! - `"x-order"`: on a type, the order its fields appear in a form when it differs
//!   from the struct's (which is the order of the keys the files are written in).
//! - `"x-older": true`: an older way of writing what another field now holds
//!   (`members` beside `groups`, a 条's `paragraphs` beside `clauses`): a form
//!   shows it only when the file holds it.
//! - `"x-merge": "runs"`: in a table, a run of rows with the same value prints as
//!   one merged cell (the standards' 場面): the form shows the rows joined.
//!
//! Shapes a form reads as they are: `anyOf`/`type` with `null` is an optional value;
//! `oneOf` of `const`s is a select (each with its title); `anyOf` of other shapes
//! is a choice of shapes (a paragraph is text, text with page references, a list
//! or a table), each shape titled.

use schemars::{JsonSchema, Schema, schema_for};
use serde_json::Value;

use crate::content::model::*;

/// Every `x-` key the schemas use (documented above).
pub const EXTENSIONS: [&str; 8] = [
    "x-help",
    "x-form",
    "x-columns",
    "x-columns-skip",
    "x-values",
    "x-order",
    "x-older",
    "x-merge",
];

/// (kind, schema) for `edition.json` and each PartKind, by its content name.
fn all() -> Vec<(&'static str, Schema)> {
    fn one<T: JsonSchema>(kind: &'static str) -> (&'static str, Schema) {
        (kind, schema_for!(T))
    }
    vec![
        one::<Edition>("edition"),
        one::<Common>("common"),
        one::<PrinciplesChapter>(PartKind::Principles.name()),
        one::<SectionsChapter>(PartKind::Sections.name()),
        one::<TargetsChapter>(PartKind::Targets.name()),
        one::<FreeChapter>(PartKind::Free.name()),
        one::<Regulation>(PartKind::Regulation.name()),
        one::<Roster>(PartKind::Roster.name()),
        one::<Memo>(PartKind::Memo.name()),
        one::<Results>(PartKind::Results.name()),
    ]
}

/// (file name, schema text) for each kind of content file.
pub fn schemas() -> Vec<(String, String)> {
    all()
        .into_iter()
        .map(|(kind, schema)| {
            let text = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
            (format!("{kind}.schema.json"), text)
        })
        .collect()
}

/// `{kind: schema}` for the browser editor's forms: `edition` for `edition.json`,
/// else the PartKind's content name (`targets`, `regulation`…).
pub fn editor_schemas() -> Value {
    Value::Object(
        all()
            .into_iter()
            .map(|(kind, schema)| (kind.to_string(), schema.to_value()))
            .collect(),
    )
}

/// The schema file a content file of this kind references.
pub fn file_for(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Principles => "principles.schema.json",
        PartKind::Sections => "sections.schema.json",
        PartKind::Targets => "targets.schema.json",
        PartKind::Free => "free.schema.json",
        PartKind::Regulation => "regulation.schema.json",
        PartKind::Roster => "roster.schema.json",
        PartKind::Memo => "memo.schema.json",
        PartKind::Results => "results.schema.json",
    }
}
