//! `edition.json`: the facts of one fiscal year's plan and its files.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::content::date::Date;

/// `edition.json`: the facts of one fiscal year's plan and the files it is made of.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// 川崎市
    pub city: String,
    /// 宮前区
    pub ward: String,
    /// 宮前区役所
    pub office: String,
    /// The fiscal year (年度) as a Western year: 2020 for 令和2年度.
    pub fiscal_year: i32,
    /// The document title for the PDF metadata: 宮前区役所サービス向上アクションプラン
    pub title: String,
    pub cover: Cover,
    /// Month of publication, printed on the cover (令和2年6月).
    pub published: Date,
    /// 川崎市宮前区役所
    pub publisher: String,
    /// Date and signer of the ward's service improvement policy.
    pub policy: PolicySignature,
    /// The scene categories (場面) that standards and targets may use; the
    /// common folder's when it sets them.
    #[serde(default)]
    pub scenes: Vec<String>,
    /// The words a target's status (状況) may be; 達成・一部達成・未達成 when not given.
    #[serde(default)]
    pub statuses: Option<Vec<String>>,
    /// The previous fiscal year's edition: a folder name beside this one
    /// (`miyamae-r1`) or a path relative to this folder. Drafts mark what changed
    /// since it; the results annex is generated from its targets and results.
    #[serde(default)]
    pub previous: Option<String>,
    /// 事務局: the section that runs the plan, named in the colophon and in the
    /// spreadsheets' instructions as the one to return them to (川崎市宮前区役所 企画課).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretariat: Option<String>,
    /// 問合せ先, printed in the colophon and the web edition's footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// The body chapters in printed order.
    pub chapters: Vec<FileRef>,
    /// The annex items (資料編) in printed order.
    pub annex: Vec<FileRef>,
    /// The form of the 新旧対照表 (簡易・詳細, 備考, 傍線・下線, the side of
    /// 改正後); planpress's form when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<super::ComparisonForm>,
    /// The city's common folder this edition uses (its standards, scenes…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub common: Option<super::CommonRef>,
}

/// The status words when an edition declares none.
pub const DEFAULT_STATUSES: [&str; 3] = ["達成", "一部達成", "未達成"];

impl Edition {
    /// The status words targets and results may use, in the order offered.
    pub fn status_values(&self) -> Vec<String> {
        match &self.statuses {
            Some(list) => list.clone(),
            None => DEFAULT_STATUSES.iter().map(|s| s.to_string()).collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// The large title lines under the fiscal year: 宮前区役所 / サービス向上 / アクションプラン
    pub title_lines: Vec<String>,
    /// 【宮前区役所サービス向上方針・目標】 (brackets included as printed)
    pub subtitle: String,
}

/// Where readers ask about the plan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// 宮前区役所 企画課
    pub section: String,
    /// 電話番号: 044-856-3133, or with a short note in brackets after the number,
    /// printed as written: 044-856-3133（直通）. The number (half-width digits and
    /// hyphens, from the area code) is checked; the note (up to 20 characters) is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// FAX番号, written as the phone number is: 044-856-3237, 044-856-3237（企画課）.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// 67kusei@city.kawasaki.jp
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// 〒216-8570 川崎市宮前区宮前平2-20-5
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// A phone or FAX number as written, split into the number and its note:
/// 「044-856-3133（直通）」 → (「044-856-3133」, 「（直通）」). The note begins at the
/// first bracket that does not hold digits (「044(856)3133」 is all number).
pub fn number_and_note(written: &str) -> (&str, &str) {
    let at = written.char_indices().find(|&(i, c)| {
        (c == '（' || c == '(')
            && !written[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| d.is_ascii_digit())
    });
    match at {
        Some((i, _)) => (written[..i].trim_end(), &written[i..]),
        None => (written.trim_end(), ""),
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicySignature {
    pub date: Date,
    /// 宮前区長
    pub signer_title: String,
    /// 高橋 哲也
    pub signer_name: String,
}

/// One file of the edition and what kind of part it holds.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileRef {
    pub kind: PartKind,
    pub file: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// The basic principles (基本理念).
    Principles,
    /// A chapter of numbered sections.
    Sections,
    /// The per-department targets (区役所サービス向上目標).
    Targets,
    /// A chapter the edition adds (問合せ先, 今後の方向性…): sections of
    /// paragraphs, lists and simple tables.
    Free,
    /// Annex: a regulation of articles (要綱).
    Regulation,
    /// Annex: a committee roster table (名簿).
    Roster,
    /// Annex: a memo (設置について).
    Memo,
    /// Annex: the previous year's results table (実施結果).
    Results,
}

impl PartKind {
    /// The name content files use for the kind: `sections`.
    pub fn name(self) -> &'static str {
        match self {
            PartKind::Principles => "principles",
            PartKind::Sections => "sections",
            PartKind::Targets => "targets",
            PartKind::Free => "free",
            PartKind::Regulation => "regulation",
            PartKind::Roster => "roster",
            PartKind::Memo => "memo",
            PartKind::Results => "results",
        }
    }
}
