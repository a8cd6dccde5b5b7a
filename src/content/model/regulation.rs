//! The regulation annex (設置要綱): 条 → 項 → 号 → 細目, 附則 and 別表.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::Paragraph;
use crate::content::date::Date;

/// Annex: a regulation (要綱) of articles.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    #[serde(default)]
    pub articles: Vec<Article>,
    /// 附則 as plain paragraphs under one 「附　則」 (the older, flat form).
    #[serde(default)]
    pub supplementary: Vec<Paragraph>,
    /// 附則, each with the date it was enacted or amended: 「附　則（令和2年4月1日）」.
    #[serde(default)]
    pub supplementary_provisions: Vec<Provision>,
    /// 別表: tables the articles refer to.
    #[serde(default)]
    pub tables: Vec<RegulationTable>,
    /// How 細目 are numbered: ア、イ… (`katakana`) or (ア)、(イ)… (`paren_katakana`).
    #[serde(default)]
    pub subitem_style: SubitemStyle,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub number: u32,
    /// The caption, printed in parentheses: `目的` prints 「（目的）」 (written
    /// `（目的）`, it prints the same: one pair).
    pub caption: String,
    /// The article's text as plain paragraphs (the older, flat form): the second
    /// and later print as 項 ２, ３…; a number typed at a paragraph's start
    /// (`2 …`) is its 項 number, a typed `(1) …` or `一　…` an item under it.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// 項: the first has no printed number, then ２、３…
    #[serde(default)]
    pub clauses: Vec<Clause>,
}

/// 項: numbered 1, 2, 3… in the content; the first prints without its number.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    pub number: u32,
    pub text: String,
    /// 号: 一、二、三…
    #[serde(default)]
    pub items: Vec<RegulationItem>,
}

/// 号: numbered 1, 2, 3… in the content, printed 一、二、三…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulationItem {
    pub number: u32,
    pub text: String,
    /// 細目: ア、イ、ウ…
    #[serde(default)]
    pub subitems: Vec<Subitem>,
}

/// 細目: numbered 1, 2, 3… in the content, printed ア、イ、ウ… or (ア)、(イ)…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subitem {
    pub number: u32,
    pub text: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SubitemStyle {
    /// ア、イ、ウ…
    #[default]
    Katakana,
    /// (ア)、(イ)、(ウ)…
    ParenKatakana,
}

/// One 附則 with its date: 「附　則（令和2年4月1日）」.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// The date of enactment or amendment (YYYY-MM-DD).
    pub date: Date,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// Articles of the 附則 (（施行期日）第1条 …).
    #[serde(default)]
    pub articles: Vec<Article>,
}

/// 別表: a titled table (別表（第3条関係）).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulationTable {
    /// 別表（第3条関係）
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
