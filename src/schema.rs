//! JSON Schemas of the content file kinds, generated from the serde model, so an
//! editor validates and completes content files while a clerk types.

use schemars::{JsonSchema, schema_for};

use crate::content::model::*;

/// (file name, schema text) for each kind of content file.
pub fn schemas() -> Vec<(String, String)> {
    fn one<T: JsonSchema>(kind: &str) -> (String, String) {
        let schema = schema_for!(T);
        let text = serde_json::to_string_pretty(&schema).expect("a schema serialises") + "\n";
        (format!("{kind}.schema.json"), text)
    }
    vec![
        one::<Edition>("edition"),
        one::<Common>("common"),
        one::<PrinciplesChapter>("principles"),
        one::<SectionsChapter>("sections"),
        one::<TargetsChapter>("targets"),
        one::<FreeChapter>("free"),
        one::<Regulation>("regulation"),
        one::<Roster>("roster"),
        one::<Memo>("memo"),
        one::<Results>("results"),
    ]
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
