//! The annex items (資料編): regulation, roster, memo, results.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::chapters::Status;
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
    /// 附則
    #[serde(default)]
    pub supplementary: Vec<Paragraph>,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub number: u32,
    /// The caption in parentheses: (目的)
    pub caption: String,
    pub paragraphs: Vec<Paragraph>,
}

/// Annex: the committee roster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// 委員長, 委員…
    pub role: String,
    /// The member's post.
    pub post: String,
    #[serde(default)]
    pub name: Option<String>,
}

/// Annex: a memo (…の設置について).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Memo {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub gap: Option<String>,
}

/// Annex: the results of the previous fiscal year's targets.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Results {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The fiscal year the results are for; printed in era form before the title.
    pub fiscal_year: i32,
    /// 区役所サービス向上目標の実施結果
    pub title: String,
    #[serde(default)]
    pub rows: Vec<ResultRow>,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultRow {
    pub department: String,
    pub number: u32,
    pub target: String,
    #[serde(default)]
    pub result: Option<String>,
    #[serde(default)]
    pub status: Option<Status>,
}
