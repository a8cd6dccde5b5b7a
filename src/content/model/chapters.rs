//! The body chapters: principles, chapters of sections, the targets.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::text::{NumberedItem, Paragraph};

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

/// Whether a target was met: one of the edition's `statuses` (by default
/// 達成・一部達成・未達成).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Status(pub String);

impl Status {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
