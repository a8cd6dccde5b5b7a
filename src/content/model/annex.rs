//! The annex items (資料編): roster, memo, results (the regulation is in regulation.rs).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::chapters::Status;
use super::text::Paragraph;
use crate::content::date::Date;

/// Annex: the committee roster.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// The date the roster is as of: 「令和2年4月1日現在」.
    #[serde(default)]
    pub as_of: Option<Date>,
    /// The rows in the older, fixed shape (区分・職名・氏名).
    #[serde(default)]
    pub members: Vec<Member>,
    /// The column headings, the first being the group's (区分): ["区分", "職名", "氏名"].
    #[serde(default)]
    pub columns: Vec<String>,
    /// Rows grouped under a 区分 printed once, merged over its rows.
    #[serde(default)]
    pub groups: Vec<RosterGroup>,
    /// 備考: notes printed under the table.
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub gap: Option<String>,
}

/// A 区分 (委員長, 委員…) and its rows: one cell per column after the first.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RosterGroup {
    pub label: String,
    pub rows: Vec<Vec<String>>,
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
    /// 文書番号: 宮区第123号
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    /// 宛先, one line each: 各課長 様
    #[serde(default)]
    pub to: Vec<String>,
    /// 発信者, one line each: 宮前区役所サービス向上委員会委員長
    #[serde(default)]
    pub from: Vec<String>,
    /// 件名, printed centred: …の設置について（通知）
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The numbered items under 「記」, closed by 「以上」.
    #[serde(default)]
    pub record: Vec<MemoItem>,
    #[serde(default)]
    pub gap: Option<String>,
}

/// One numbered item under 「記」: 1　検討事項　…
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemoItem {
    pub number: u32,
    /// A short heading printed before the text: 検討事項
    #[serde(default)]
    pub heading: Option<String>,
    pub text: String,
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
    /// 備考
    #[serde(default)]
    pub note: Option<String>,
}
