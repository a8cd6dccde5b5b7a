//! Text shared by every part: paragraphs with computed pieces, numbered items.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A paragraph: plain text, or text with computed pieces such as the page range of the
/// target grid (`["…別掲（", {"ref": "target_pages"}, "）のとおりです。"]`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Paragraph {
    Text(String),
    Mixed(Vec<Inline>),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Ref(Ref),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ref {
    #[serde(rename = "ref")]
    pub target: RefTarget,
}

/// What a computed piece of text refers to; Typst computes it from the layout.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefTarget {
    /// The printed page range of the target grid: P10～P15.
    TargetPages,
}

/// A numbered title with its explanation: a principle or a policy item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberedItem {
    pub number: u32,
    pub title: String,
    pub text: String,
}
