//! Text shared by every part: paragraphs with computed pieces, numbered items.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A paragraph: plain text, or text with computed pieces such as the page range of the
/// target grid (`["…別掲（", {"ref": "target_pages"}, "）のとおりです。"]`) or the page
/// of an item (`["（", {"page_of": "dept:kumin"}, "参照）"]`); or, in its place, a
/// list (`{"list": […]}`) or a simple table (`{"table": {…}}`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Paragraph {
    Text(String),
    Mixed(Vec<Inline>),
    List(List),
    Table(TableBlock),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Inline {
    Text(String),
    Ref(Ref),
    PageOf(PageOf),
}

/// The printed page of an item, computed from the layout: `dept:<id>` (a
/// department's targets), `file:<file>` (a chapter or an annex item), or
/// `section:<file>#<number>` (a numbered section of a chapter).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageOf {
    pub page_of: String,
}

/// A list whose marks the tool prints: ・ bullets, or numbers in the Japanese
/// hierarchy 第1 → 1 → (1) → ア → (ア). A list inside a numbered item takes the
/// next level of the hierarchy unless it names its own.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub list: Vec<ListItem>,
    #[serde(default)]
    pub marks: Option<ListMarks>,
}

/// An item of a list: its text, or its text and a list under it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ListItem {
    Text(String),
    Mixed(Vec<Inline>),
    Parent(ListParent),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListParent {
    pub text: ListText,
    pub list: Vec<ListItem>,
    #[serde(default)]
    pub marks: Option<ListMarks>,
}

/// The text of a list item: plain, or with computed pieces.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ListText {
    Text(String),
    Mixed(Vec<Inline>),
}

/// How a list marks its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ListMarks {
    #[serde(rename = "・")]
    Bullet,
    #[serde(rename = "第1")]
    Dai,
    #[serde(rename = "1")]
    Number,
    #[serde(rename = "(1)")]
    Paren,
    #[serde(rename = "ア")]
    Kana,
    #[serde(rename = "(ア)")]
    ParenKana,
}

/// A simple table: a caption, column headings and rows of text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableBlock {
    pub table: SimpleTable,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SimpleTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
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
