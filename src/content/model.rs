//! The serde model of an edition: what the printed plan is made of.
//!
//! Every struct denies unknown keys so a typo in a content file is an error,
//! and accepts an optional `$schema` key so editors can validate while typing.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::Date;

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
    /// The scene categories (場面) that standards and targets may use.
    pub scenes: Vec<String>,
    /// The previous fiscal year's edition: a folder name beside this one
    /// (`miyamae-r1`) or a path relative to this folder. Drafts mark what changed
    /// since it; the results annex is generated from its targets and results.
    #[serde(default)]
    pub previous: Option<String>,
    /// The body chapters in printed order.
    pub chapters: Vec<FileRef>,
    /// The annex items (資料編) in printed order.
    pub annex: Vec<FileRef>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// The large title lines under the fiscal year: 宮前区役所 / サービス向上 / アクションプラン
    pub title_lines: Vec<String>,
    /// 【宮前区役所サービス向上方針・目標】 (brackets included as printed)
    pub subtitle: String,
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
    /// Annex: a regulation of articles (要綱).
    Regulation,
    /// Annex: a committee roster table (名簿).
    Roster,
    /// Annex: a memo (設置について).
    Memo,
    /// Annex: the previous year's results table (実施結果).
    Results,
}

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

/// `principles.json`: 宮前区役所サービス向上基本理念.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrinciplesChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    pub intro: Vec<Paragraph>,
    /// 「5つの区役所」を追求し、
    pub motto: String,
    /// 区民とともに…めざします。
    pub pledge: String,
    pub principles: Vec<NumberedItem>,
}

/// A numbered title with its explanation: a principle or a policy item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberedItem {
    pub number: u32,
    pub title: String,
    pub text: String,
}

/// A chapter of numbered sections (1, 2, …) with sub-sections ((1), (2), …).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionsChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// Sub-topics the table of contents lists under the chapter, in parentheses.
    #[serde(default)]
    pub toc_notes: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The ward's service improvement policy, set in a framed box.
    #[serde(default)]
    pub policy: Option<Policy>,
    /// The PDCA cycle diagram.
    #[serde(default)]
    pub pdca: Option<Pdca>,
    /// Tables of service standards.
    #[serde(default)]
    pub standard_tables: Vec<StandardTable>,
    #[serde(default)]
    pub subsections: Vec<Subsection>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subsection {
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// The history of the working teams (第1期…) with their achievements.
    #[serde(default)]
    pub working_teams: Vec<WorkingTeam>,
}

/// 宮前区役所サービス向上方針; its date and signer are in `edition.json`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub title: String,
    pub items: Vec<NumberedItem>,
}

/// The PDCA cycle. Stage labels are the generic ones; the printed figure's own
/// text is not in the source and is marked as a gap.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pdca {
    /// What the diagram is about, printed in its centre.
    pub center: String,
    pub stages: Vec<PdcaStage>,
    #[serde(default)]
    pub gap: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PdcaStage {
    /// Plan
    pub name: String,
    /// 計画
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StandardTable {
    /// 区役所サービス基準 (printed in 【】)
    pub title: String,
    /// 次の項目については、課として判断する内容です。
    #[serde(default)]
    pub lead: Option<String>,
    pub standards: Vec<Standard>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub number: u32,
    pub text: String,
    /// A qualifying note printed smaller in the same cell (※ただし…).
    #[serde(default)]
    pub note: Option<String>,
    /// The owning section (所管) where the table gives one.
    #[serde(default)]
    pub owner: Option<String>,
    /// One of the edition's scene categories.
    pub scene: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingTeam {
    /// The term (期): 1 for 第1期.
    pub term: u32,
    pub achievements: Vec<Achievement>,
}

/// One achievement, optionally with a parenthesised detail on its own line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Achievement {
    Text(String),
    Detailed(DetailedAchievement),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailedAchievement {
    pub text: String,
    pub detail: String,
}

/// `targets.json`: 区役所サービス向上目標, the department index and the target grid.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetsChapter {
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    pub title: String,
    /// The policy as the target section prints it (its wording differs from the box).
    pub policy: Policy,
    pub divisions: Vec<Division>,
}

/// A 部 and its departments; `name` is absent for departments directly under the ward.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Division {
    #[serde(default)]
    pub name: Option<String>,
    pub departments: Vec<Department>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// A stable identifier (ASCII letters, digits and hyphens), e.g. `kumin`.
    pub id: String,
    /// The name the index prints: 鷺沼行政SC
    pub short_name: String,
    /// The name the grid prints: 鷺沼行政サービスコーナー
    pub full_name: String,
    pub targets: Vec<Target>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub number: u32,
    /// One of the edition's scene categories.
    pub scene: String,
    pub text: String,
    /// What was done (実施結果), filled in at the end of the fiscal year.
    #[serde(default)]
    pub result: Option<String>,
    /// Whether the target was met, filled in with the result.
    #[serde(default)]
    pub status: Option<Status>,
}

/// 達成 / 一部達成 / 未達成
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum Status {
    #[serde(rename = "達成")]
    Achieved,
    #[serde(rename = "一部達成")]
    Partly,
    #[serde(rename = "未達成")]
    NotAchieved,
}

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
